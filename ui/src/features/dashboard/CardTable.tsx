import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import { HeadedTable } from "../../components/HeadedTable";
import { type Heading, headings } from "../../components/TableHead";

/** A card's table: striped, under the headings of its columns' i18n keys. */
export function CardTable<T>({
  columns,
  ...table
}: { columns: Heading[] } & Omit<ComponentProps<typeof HeadedTable<T>>, "columns" | "tableProps">) {
  const { t } = useTranslation();
  return <HeadedTable tableProps={{ striped: true }} columns={headings(t, columns)} {...table} />;
}
