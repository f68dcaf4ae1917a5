import { Paper, Stack, Text, Timeline, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { FieldChange } from "../backend/bindings/FieldChange";
import type { HistoryEntry } from "../backend/bindings/HistoryEntry";
import { formatDateTime } from "../format";

/** How a record's history shows a coded value (a status, a grade…) in the reader's language. */
export type ValueLabel = (t: TFunction, field: string, value: string, language: string) => string;

function Change({ change, label }: { change: FieldChange; label: ValueLabel }) {
  const { t, i18n } = useTranslation();
  const field = t(`failure.field.${change.field}`, { defaultValue: change.field });
  const shown = (value: string | null) =>
    value === null || value === "" ? "—" : label(t, change.field, value, i18n.language);
  return (
    <Text size="xs">
      <Text span fw={600} inherit>
        {field}:
      </Text>{" "}
      {change.before !== null && (
        <>
          <Text span td="line-through" c="dimmed" inherit>
            {shown(change.before)}
          </Text>{" "}
          →{" "}
        </>
      )}
      {shown(change.after)}
    </Text>
  );
}

/** Every event of a record, oldest first: who, when, from which desk, and what changed. */
export function HistoryTimeline({
  history,
  title,
  testId,
  valueLabel,
}: {
  history: HistoryEntry[];
  title: string;
  testId: string;
  valueLabel: ValueLabel;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={5} mb="sm">
        {title}
      </Title>
      <Timeline bulletSize={14} lineWidth={2} active={history.length} data-testid={testId}>
        {history.map((entry, i) => (
          <Timeline.Item
            // History entries have no id of their own and never reorder, so the index is stable.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={i}
            title={t(`history.kind.${entry.kind}`, { defaultValue: entry.kind })}
            data-testid="history-entry"
            data-kind={entry.kind}
          >
            <Text size="xs" c="dimmed">
              {t("failure_detail.history_by", {
                who: entry.actor_name ?? t("failure_detail.system"),
                when: formatDateTime(entry.at, i18n.language),
                desk: entry.device_id.slice(0, 8),
              })}
            </Text>
            <Stack gap={0} mt={4}>
              {entry.changes.map((c, j) => (
                // A field may repeat (one disposition per line), so the index keeps keys unique.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <Change key={`${c.field}-${j}`} change={c} label={valueLabel} />
              ))}
            </Stack>
            {entry.note && (
              <Text size="xs" fs="italic" mt={4}>
                “{entry.note}”
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
