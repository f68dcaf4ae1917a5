import { useTranslation } from "react-i18next";
import { CsvButton } from "../../components/CsvButton";
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
  return (
    <CsvButton
      fileName={`${name}.csv`}
      build={() => csvOf(build())}
      label={t("reports.export_csv")}
      testId={testId}
    />
  );
}
