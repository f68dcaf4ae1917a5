import { Group, Progress, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RmaAging } from "../../backend/bindings/RmaAging";
import { AGING_BUCKETS } from "./aging";

const COLORS = ["teal", "lime", "yellow", "orange", "red"];

/** Open RMAs by age: a small horizontal bar per bucket. */
export function AgingChart({ aging }: { aging: RmaAging }) {
  const { t } = useTranslation();
  const largest = Math.max(1, ...AGING_BUCKETS.map((b) => aging[b]));
  return (
    <Stack gap={6} data-testid="rma-aging">
      {AGING_BUCKETS.map((bucket, i) => (
        <Group key={bucket} gap="sm" wrap="nowrap" data-bucket={bucket}>
          <Text size="sm" w={110}>
            {t(`reports.aging.${bucket}`)}
          </Text>
          <Progress
            value={(aging[bucket] / largest) * 100}
            color={COLORS[i]}
            size="lg"
            style={{ flex: 1 }}
            aria-label={t(`reports.aging.${bucket}`)}
          />
          <Text size="sm" w={40} ta="right" fw={600}>
            {aging[bucket]}
          </Text>
        </Group>
      ))}
      <Text size="xs" c="dimmed">
        {t("reports.aging.total", { n: aging.open })}
      </Text>
    </Stack>
  );
}
