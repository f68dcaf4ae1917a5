import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A titled block of the reports page (and a card of the dashboard), with its actions (exports,
 * settings, a link to the report) on the right.
 */
export function ReportSection({
  title,
  note,
  actions,
  children,
  testId,
  fillHeight,
}: {
  title: string;
  note?: string;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
  /** So that blocks side by side in a grid line up at the bottom. */
  fillHeight?: boolean;
}) {
  return (
    <Paper withBorder p="md" radius="md" h={fillHeight ? "100%" : undefined} data-testid={testId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={4}>{title}</Title>
            {note && (
              <Text c="dimmed" size="xs">
                {note}
              </Text>
            )}
          </div>
          {actions && <Group gap="xs">{actions}</Group>}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
