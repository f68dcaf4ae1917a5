import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Entity } from "../../backend/bindings/Entity";
import { call, saveTextFile } from "../../backend/call";
import { errorMessage } from "../../errors/apiError";

/** Exports every record as CSV and lets the user pick where to save it. */
export function ExportButton({ entity }: { entity: Entity }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const exportCsv = async () => {
    setBusy(true);
    try {
      const out = await call("export_csv", { entity });
      const path = await saveTextFile(out.file_name, out.csv);
      if (path) notifications.show({ color: "teal", message: t("masterdata.saved_to", { path }) });
    } catch (err) {
      notifications.show({ color: "red", message: errorMessage(t, err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="default"
      leftSection={<IconDownload size={16} />}
      loading={busy}
      onClick={() => void exportCsv()}
      data-testid={`${entity}-export`}
    >
      {t("masterdata.export_csv")}
    </Button>
  );
}
