import { IconDownload } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { Entity } from "../../backend/bindings/Entity";
import { call } from "../../backend/call";
import { FileSaveButton, saveMade } from "../../components/FileSaveButton";

/** Exports every record as CSV and lets the user pick where to save it. */
export function ExportButton({ entity }: { entity: Entity }) {
  const { t } = useTranslation();
  return (
    <FileSaveButton
      size="sm"
      icon={<IconDownload size={16} />}
      write={() => call("export_csv", { entity }).then(saveMade)}
      label={t("masterdata.export_csv")}
      testId={`${entity}-export`}
      savedKey="masterdata.saved_to"
    />
  );
}
