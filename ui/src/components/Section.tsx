import { Group, Paper, Title } from "@mantine/core";
import { Note } from "./Note";

/** A titled card; with nothing in it, it says so instead of showing an empty table. */
export function Section({
  title,
  empty,
  isEmpty,
  actions,
  testId,
  children,
}: {
  title: string;
  empty?: string;
  isEmpty?: boolean;
  actions?: React.ReactNode;
  testId?: string;
  children: React.ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Group justify="space-between" mb="sm">
        <Title order={5}>{title}</Title>
        {actions}
      </Group>
      {isEmpty ? <Note>{empty}</Note> : children}
    </Paper>
  );
}
