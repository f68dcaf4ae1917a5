import { Alert, Loader, Paper, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../errors/apiError";
import { type Column, TableHead } from "../TableHead";

/**
 * A list short enough to read whole (recalls, SCARs, chargebacks): a spinner, why it could not
 * be read, a note when it is empty, or its table with `rows(data)` as the body.
 */
export function ShortList<T>({
  query,
  empty,
  emptyTestId,
  testId,
  columns,
  highlightOnHover,
  minWidth = 900,
  rows,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; data?: T[] };
  empty: string;
  emptyTestId: string;
  testId: string;
  columns: Column[];
  /** The rows open their record when clicked. */
  highlightOnHover?: boolean;
  minWidth?: number;
  rows: (data: T[]) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <Loader />;
  if (query.isError) return <Alert color="red">{errorMessage(t, query.error)}</Alert>;
  const data = query.data ?? [];
  if (data.length === 0)
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
        <Table highlightOnHover={highlightOnHover} data-testid={testId}>
          <TableHead columns={columns} />
          <Table.Tbody>{rows(data)}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
