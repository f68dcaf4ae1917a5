import { Table } from "@mantine/core";
import type { ReactNode } from "react";
import type { Column } from "../TableHead";
import { ShortList } from "./ShortList";

/**
 * A list page's records as a `ShortList` of one row per record: `row` draws its cells, a click
 * opens the record. The e2e flows find a row by its test id, `data-no` and `data-status`.
 */
export function RecordTable<T>({
  query,
  empty,
  testId,
  minWidth,
  columns,
  rowKey,
  rowTestId,
  rowStatus,
  rowData,
  onOpen,
  row,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; data?: T[] };
  empty: string;
  /** The table is `${testId}-table`, the note when it is empty `${testId}-empty`. */
  testId: string;
  minWidth?: number;
  columns: Column[];
  rowKey: (record: T) => string;
  rowTestId: string;
  rowStatus: (record: T) => string;
  /** More `data-*` attributes a row carries for the e2e flows. */
  rowData?: (record: T) => Record<`data-${string}`, string | boolean>;
  onOpen: (record: T) => void;
  row: (record: T) => ReactNode;
}) {
  return (
    <ShortList
      query={query}
      empty={empty}
      emptyTestId={`${testId}-empty`}
      testId={`${testId}-table`}
      minWidth={minWidth}
      highlightOnHover
      columns={columns}
      rows={(data) =>
        data.map((record) => (
          <Table.Tr
            key={rowKey(record)}
            data-testid={rowTestId}
            data-no={rowKey(record)}
            data-status={rowStatus(record)}
            {...rowData?.(record)}
            style={{ cursor: "pointer" }}
            onClick={() => onOpen(record)}
          >
            {row(record)}
          </Table.Tr>
        ))
      }
    />
  );
}
