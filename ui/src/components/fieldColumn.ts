import { formatMoney } from "../money";
import type { Column } from "./VirtualTable";

/** A list's column that shows one field as it is, unsorted (the list's own order stands). */
export function fieldColumn<T>(
  id: string,
  header: string,
  accessorKey: keyof T & string,
  meta: Column<T>["meta"],
): Column<T> {
  return { id, header, accessorKey, enableSorting: false, meta } as Column<T>;
}

/** A list's column of an amount in each row's own currency, right-aligned, unsorted. */
export function moneyColumn<T extends { currency: string }>(
  id: string,
  header: string,
  minorOf: (row: T) => number,
  language: string,
  width: string,
): Column<T> {
  return {
    id,
    header,
    cell: ({ row }) => formatMoney(minorOf(row.original), row.original.currency, language),
    enableSorting: false,
    meta: { width, align: "right" },
  } as Column<T>;
}
