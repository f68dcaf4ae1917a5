import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { saveTextFile } from "../../backend/call";
import { errorMessage } from "../../errors/apiError";
import { csvOf, type ExportTable } from "./exports";

/** Exports a table as shown to CSV, where the user chooses (file name without extension). */
export function CsvExportButton({
  name,
  build,
  testId,
}: {
  name: string;
  build: () => ExportTable;
  testId: string;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const path = await saveTextFile(`${name}.csv`, csvOf(build()));
      if (path) notifications.show({ color: "teal", message: t("common.saved_to", { path }) });
    } catch (err) {
      notifications.show({ color: "red", message: errorMessage(t, err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="default"
      size="xs"
      leftSection={<IconDownload size={14} />}
      loading={busy}
      onClick={() => void save()}
      data-testid={testId}
    >
      {t("reports.export_csv")}
    </Button>
  );
}
