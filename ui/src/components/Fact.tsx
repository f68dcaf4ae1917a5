import { Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../format";

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

/** Who did a record's step, with when under it. */
export function ByFact({ label, name, at }: { label: string; name: string | null; at: string }) {
  const { i18n } = useTranslation();
  return (
    <Fact label={label}>
      {name}
      <Text size="xs" c="dimmed">
        {formatDateTime(at, i18n.language)}
      </Text>
    </Fact>
  );
}

/** When a record's step was done; a dash while it is not. */
export function AtFact({ label, at }: { label: string; at: string | null }) {
  const { i18n } = useTranslation();
  return <Fact label={label}>{at ? formatDateTime(at, i18n.language) : null}</Fact>;
}
