import type { ReactNode } from "react";
import type { Column } from "./VirtualTable";

/**
 * A list's column drawn from its row by `cell`. It has no accessor, so the table never offers to
 * sort by it; a list that sorts by it on the server names it in its own sorting state.
 */
export function cellColumn<T>(
  id: string,
  header: string,
  cell: (row: T) => ReactNode,
  meta: Column<T>["meta"],
): Column<T> {
  return { id, header, cell: ({ row }) => cell(row.original), meta };
}
