import { Table, type TableProps } from "@mantine/core";
import type { ComponentPropsWithoutRef, ReactNode } from "react";
import { Note } from "./Note";
import { type Column, TableHead } from "./TableHead";

/**
 * A table of `items`, one heading row from `columns` and `row(item)` for each body row. With
 * `empty`, no items show that note in place of the table.
 */
export function HeadedTable<T>({
  columns,
  items,
  row,
  empty,
  tableProps,
  ...rest
}: ComponentPropsWithoutRef<"table"> & {
  columns: Column[];
  items: readonly T[];
  row: (item: T, index: number) => ReactNode;
  empty?: ReactNode;
  /** Mantine's look of the table (striped, bordered, …); test ids and the like go on as props. */
  tableProps?: TableProps;
}) {
  if (items.length === 0 && empty !== undefined) return <Note>{empty}</Note>;
  return (
    <Table {...tableProps} {...rest}>
      <TableHead columns={columns} />
      <Table.Tbody>{items.map(row)}</Table.Tbody>
    </Table>
  );
}
