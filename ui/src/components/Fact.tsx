import { Stack, Text } from "@mantine/core";

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
