import { Paper, Table, Text } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { QueryState } from "../../components/page/QueryState";

/**
 * A list page's records: a spinner or why the list failed, a line when it is empty, else a
 * table of one row per record (`row` draws its cells; a click opens the record).
 */
export function RecordTable<T>({
  query,
  empty,
  emptyTestId,
  tableTestId,
  minWidth,
  head,
  rowKey,
  rowTestId,
  rowStatus,
  onOpen,
  row,
}: {
  query: UseQueryResult<T[]>;
  empty: string;
  emptyTestId: string;
  tableTestId: string;
  minWidth: number;
  /** The column headings. */
  head: ReactNode;
  rowKey: (record: T) => string;
  rowTestId: string;
  rowStatus: (record: T) => string;
  onOpen: (record: T) => void;
  row: (record: T) => ReactNode;
}) {
  if (!query.isSuccess) return <QueryState query={query} />;
  if (query.data.length === 0)
    return (
      <Paper withBorder p="md" radius="md">
        <Text size="sm" c="dimmed" data-testid={emptyTestId}>
          {empty}
        </Text>
      </Paper>
    );
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={minWidth}>
        <Table highlightOnHover data-testid={tableTestId}>
          <Table.Thead>
            <Table.Tr>{head}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.map((record) => (
              <Table.Tr
                key={rowKey(record)}
                data-testid={rowTestId}
                data-no={rowKey(record)}
                data-status={rowStatus(record)}
                style={{ cursor: "pointer" }}
                onClick={() => onOpen(record)}
              >
                {row(record)}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
