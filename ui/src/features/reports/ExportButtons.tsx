import { Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CsvButton } from "../../components/CsvButton";
import { XlsxButton } from "../../components/XlsxButton";
import { csvOf, type ExportTable } from "./exports";

/**
 * Exports a table as shown, to CSV (`testId`) or Excel (`${testId}-xlsx`), where the user
 * chooses. `name` is the file name without extension; `sheet` names the Excel sheet.
 */
export function ExportButtons({
  name,
  sheet,
  build,
  testId,
}: {
  name: string;
  sheet: string;
  build: () => ExportTable;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <CsvButton
        fileName={`${name}.csv`}
        build={() => csvOf(build())}
        label={t("reports.export_csv")}
        testId={testId}
      />
      <XlsxButton
        fileName={`${name}.xlsx`}
        // Loaded on first use: the workbook writer is a large part of the bundle.
        build={async () => (await import("./xlsx")).xlsxOf(build(), sheet)}
        label={t("reports.export_xlsx")}
        testId={`${testId}-xlsx`}
      />
    </Group>
  );
}
