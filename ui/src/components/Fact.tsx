import { Paper, SimpleGrid, Stack, Text } from "@mantine/core";

/** One labelled fact on a record's page; an empty value shows as a dash. */
export function Fact({
  label,
  children,
  testId,
}: {
  label: string;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId}>
        {children || "—"}
      </Text>
    </Stack>
  );
}

/** A record's facts in a bordered card, `md` of them a row on a wide window, two on a narrow one. */
export function FactGrid({ md = 3, children }: { md?: 3 | 4; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <SimpleGrid cols={{ base: 2, md }} spacing="md" verticalSpacing="sm">
        {children}
      </SimpleGrid>
    </Paper>
  );
}
