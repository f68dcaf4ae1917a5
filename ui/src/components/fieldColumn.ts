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
