import type { PagedRows } from "../pagedRows";
import { VirtualTable } from "../VirtualTable";
import { ListError } from "./FilterBar";

type TableProps<T> = Parameters<typeof VirtualTable<T>>[0];

/**
 * A list page's records, fetched a page at a time, under why they could not be read: a click
 * opens a record. The e2e flows find a row by `rowTestId`, its `data-status` and `rowData`.
 */
export function PagedRecords<T extends { status: string }>({
  list,
  onOpen,
  rowTestId,
  rowData,
  ...table
}: Omit<TableProps<T>, "rows" | "paged" | "onRowClick" | "rowProps"> & {
  list: PagedRows<T>;
  onOpen: (record: T) => void;
  rowTestId: string;
  rowData: (record: T) => Record<`data-${string}`, string>;
}) {
  return (
    <>
      <ListError error={list.error} />
      <VirtualTable
        {...table}
        paged={list}
        onRowClick={onOpen}
        rowProps={(record) => ({
          "data-testid": rowTestId,
          ...rowData(record),
          "data-status": record.status,
        })}
      />
    </>
  );
}
