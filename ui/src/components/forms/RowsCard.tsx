import { ActionIcon, Button, Group, Paper, Text, Title } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import type { ReactNode } from "react";

/** A card of rows the user adds to and removes from: its title, Add, then the rows. */
export function RowsCard({
  title,
  addLabel,
  addTestId,
  onAdd,
  children,
}: {
  title: string;
  addLabel: string;
  addTestId: string;
  onAdd: () => void;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={5}>{title}</Title>
        <AddButton variant="light" label={addLabel} onClick={onAdd} testId={addTestId} />
      </Group>
      {children}
    </Paper>
  );
}

/** Removes one row of such a card. */
export function RemoveRowButton({
  label,
  onClick,
  testId,
}: {
  label: string;
  onClick: () => void;
  testId?: string;
}) {
  return (
    <ActionIcon
      variant="subtle"
      color="red"
      aria-label={label}
      onClick={onClick}
      data-testid={testId}
    >
      <IconTrash size={16} />
    </ActionIcon>
  );
}

/** The rows with row `i` changed by `patch`. */
export function patchRow<T>(rows: T[], i: number, patch: Partial<T>): T[] {
  return rows.map((r, j) => (j === i ? { ...r, ...patch } : r));
}

/** Under a modal's rows: why the rows as a whole were refused, then Add. */
export function AddRowFoot({
  error,
  errorTestId,
  label,
  onAdd,
  testId,
}: {
  error?: string;
  errorTestId: string;
  label: string;
  onAdd: () => void;
  testId: string;
}) {
  return (
    <>
      {error && (
        <Text size="xs" c="red" data-testid={errorTestId}>
          {error}
        </Text>
      )}
      <Group>
        <AddButton variant="subtle" label={label} onClick={onAdd} testId={testId} />
      </Group>
    </>
  );
}

/** Adds a row. */
function AddButton({
  variant,
  label,
  onClick,
  testId,
}: {
  variant: "light" | "subtle";
  label: string;
  onClick: () => void;
  testId: string;
}) {
  return (
    <Button
      size="xs"
      variant={variant}
      leftSection={<IconPlus size={14} />}
      onClick={onClick}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}
