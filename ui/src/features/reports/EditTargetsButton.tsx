import { notifications } from "@mantine/notifications";
import { IconTarget } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { KpiTargets } from "../../backend/bindings/KpiTargets";
import { call } from "../../backend/call";
import { SmallButton } from "../../components/SmallButton";
import { errorMessage } from "../../errors/apiError";
import { TargetsModal } from "./TargetsModal";

/** Reads the KPI targets as they stand now, then opens them to edit. */
export function EditTargetsButton() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<KpiTargets | null>(null);
  const [loading, setLoading] = useState(false);
  const edit = async () => {
    setLoading(true);
    try {
      setEditing(await call("get_kpi_targets", {}));
    } catch (err) {
      notifications.show({ color: "red", message: errorMessage(t, err) });
    } finally {
      setLoading(false);
    }
  };
  return (
    <>
      <SmallButton
        label={t("reports.targets.edit")}
        icon={IconTarget}
        loading={loading}
        onClick={() => void edit()}
        testId="kpi-edit-targets"
      />
      {editing && <TargetsModal targets={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
