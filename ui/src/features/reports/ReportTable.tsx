import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import { HeadedTable } from "../../components/HeadedTable";
import { type Heading, headings } from "../../components/TableHead";

/** A report's table: striped and bordered, under the headings of its columns' i18n keys. */
export function ReportTable<T>({
  columns,
  ...table
}: { columns: Heading[] } & Omit<ComponentProps<typeof HeadedTable<T>>, "columns" | "tableProps">) {
  const { t } = useTranslation();
  return (
    <HeadedTable
      tableProps={{ striped: true, withTableBorder: true }}
      columns={headings(t, columns)}
      {...table}
    />
  );
}
