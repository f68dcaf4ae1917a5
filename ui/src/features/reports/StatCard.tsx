import { Group, Paper, Text } from "@mantine/core";
import { Note } from "../../components/Note";

/** A headline figure of the review with its change against the previous period. */
export function StatCard({
  label,
  value,
  change,
  testId,
}: {
  label: string;
  value: string;
  change: string;
  testId: string;
}) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId}>
      <Text c="dimmed" size="xs" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Group gap="xs" align="baseline">
        <Text fz={26} fw={700}>
          {value}
        </Text>
        <Note>{change}</Note>
      </Group>
    </Paper>
  );
}
