import { Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FailureLink, RmaLink } from "../links";
import { Section } from "./Section";

/** QC failures and returns recorded against this lot. */
export function LotRecords({ failureNos, rmaNos }: { failureNos: string[]; rmaNos: string[] }) {
  const { t } = useTranslation();
  return (
    <Section title={t("lots.detail.records")} testId="lot-records">
      <SimpleGrid cols={2}>
        <Stack gap={4}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t("lots.detail.failures")}
          </Text>
          {failureNos.length === 0 ? (
            <Text size="sm" c="dimmed">
              —
            </Text>
          ) : (
            <Group gap="xs">
              {failureNos.map((no) => (
                <FailureLink key={no} no={no} testId="lot-failure" />
              ))}
            </Group>
          )}
        </Stack>
        <Stack gap={4}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t("lots.detail.rmas")}
          </Text>
          {rmaNos.length === 0 ? (
            <Text size="sm" c="dimmed">
              —
            </Text>
          ) : (
            <Group gap="xs">
              {rmaNos.map((no) => (
                <RmaLink key={no} no={no} testId="lot-rma" />
              ))}
            </Group>
          )}
        </Stack>
      </SimpleGrid>
    </Section>
  );
}
