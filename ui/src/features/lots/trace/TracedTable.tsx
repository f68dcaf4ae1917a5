import { Table } from "@mantine/core";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { HeadedTable } from "../../../components/HeadedTable";
import { Note } from "../../../components/Note";
import type { Column } from "../../../components/TableHead";
import { numberFormat } from "../../../intl";

/** One kind of thing the trace reached (orders, customers), as a table shows it. */
export type Traced<T> = {
  /** What stands in the table's place when the trace reached none. */
  none: (t: TFunction) => string;
  minWidth: number;
  columns: (t: TFunction) => Column[];
  /** One row, given the quantities' format. */
  row: (item: T, number: Intl.NumberFormat) => ReactNode;
};

/** What the trace reached of one kind, in a table that scrolls under a fixed heading. */
export function TracedTable<T>({ items, kind }: { items: T[]; kind: Traced<T> }) {
  const { t, i18n } = useTranslation();
  const number = numberFormat(i18n.language, { maximumFractionDigits: 3 });
  if (items.length === 0) return <Note>{kind.none(t)}</Note>;
  return (
    <Table.ScrollContainer minWidth={kind.minWidth} maxHeight={360}>
      <HeadedTable
        tableProps={{ stickyHeader: true }}
        columns={kind.columns(t)}
        items={items}
        row={(item) => kind.row(item, number)}
      />
    </Table.ScrollContainer>
  );
}
