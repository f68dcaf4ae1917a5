import { Paper, Stack, Text, Timeline, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { FieldChange } from "../../../backend/bindings/FieldChange";
import type { HistoryEntry } from "../../../backend/bindings/HistoryEntry";
import { formatDateTime, moneyInLanguage } from "../../../format";

/** History fields whose values the backend writes as money ("1,234.50 EUR"). */
const MONEY_FIELDS = new Set(["total", "recovered"]);

/** Coded values (stage, severity, ...) read in the UI language; free text stays as typed. */
function valueLabel(t: TFunction, field: string, value: string | null, language: string): string {
  if (value === null || value === "") return "—";
  if (MONEY_FIELDS.has(field)) return moneyInLanguage(value, language);
  const prefix: Record<string, string> = {
    stage: "failure.stage",
    severity: "failure.severity",
    disposition: "failure.disposition",
    status: "failure.status",
    owner_team: "team",
  };
  if (field === "status")
    // A failure's history also shows the steps of its reshipments, whose statuses differ.
    return t([`failure.status.${value}`, `reshipment.status.${value}`], { defaultValue: value });
  if (field === "carrier") return t(`reshipment.carrier.${value}`, { defaultValue: value });
  if (field === "chargeback")
    return t(`reshipment.chargeback.status.${value}`, { defaultValue: value });
  const base = prefix[field];
  return base ? t(`${base}.${value}`, { defaultValue: value }) : value;
}

function Change({ change }: { change: FieldChange }) {
  const { t, i18n } = useTranslation();
  const field = t(`failure.field.${change.field}`, { defaultValue: change.field });
  return (
    <Text size="xs">
      <Text span fw={600} inherit>
        {field}:
      </Text>{" "}
      {change.before !== null && (
        <>
          <Text span td="line-through" c="dimmed" inherit>
            {valueLabel(t, change.field, change.before, i18n.language)}
          </Text>{" "}
          →{" "}
        </>
      )}
      {valueLabel(t, change.field, change.after, i18n.language)}
    </Text>
  );
}

/** Every event of the failure, oldest first: who, when, from which desk, and what changed. */
export function FailureHistory({ history }: { history: HistoryEntry[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={5} mb="sm">
        {t("failure_detail.history")}
      </Title>
      <Timeline bulletSize={14} lineWidth={2} active={history.length} data-testid="failure-history">
        {history.map((entry, i) => (
          <Timeline.Item
            // History entries have no id of their own and never reorder, so the index is stable.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={i}
            title={t(`history.kind.${entry.kind}`, { defaultValue: entry.kind })}
            data-testid="history-entry"
          >
            <Text size="xs" c="dimmed">
              {t("failure_detail.history_by", {
                who: entry.actor_name ?? t("failure_detail.system"),
                when: formatDateTime(entry.at, i18n.language),
                desk: entry.device_id.slice(0, 8),
              })}
            </Text>
            <Stack gap={0} mt={4}>
              {entry.changes.map((c) => (
                <Change key={c.field} change={c} />
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
