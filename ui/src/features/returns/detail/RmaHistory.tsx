import { Paper, Stack, Text, Timeline, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { FieldChange } from "../../../backend/bindings/FieldChange";
import type { HistoryEntry } from "../../../backend/bindings/HistoryEntry";
import { formatDateTime, moneyInLanguage } from "../../../format";
import { gramsToKg } from "../units";
import { reasonName } from "../verdict";

/** History fields whose values the backend writes as money ("1,234.50 EUR"). */
const MONEY_FIELDS = new Set(["value", "refund", "restocking_fee", "store_credit"]);
const YES_NO_FIELDS = new Set(["packaging_intact", "accessories_complete", "serials_match"]);

/** Coded values (verdict, grade, settlement…) read in the UI language; free text stays as sent. */
function valueLabel(t: TFunction, field: string, value: string | null, language: string): string {
  if (value === null || value === "") return "—";
  if (MONEY_FIELDS.has(field)) return moneyInLanguage(value, language);
  if (YES_NO_FIELDS.has(field)) return t(value === "true" ? "returns.yes" : "returns.no");
  switch (field) {
    case "verdict":
      return t(`returns.verdict_word.${value}`, { defaultValue: value });
    case "reason_code":
      return reasonName(t, value);
    case "settlement":
      return t(`returns.outcome.${value}`, { defaultValue: value });
    case "grade":
      return t(`returns.grade.${value}`, { defaultValue: value });
    case "weight_grams":
      return /^\d+$/.test(value) ? `${gramsToKg(Number(value))} kg` : value;
    case "disposition":
      // "2 × restock (12.50 EUR) → A-01": the disposition code and the money read as words.
      return value
        .replace(
          /^(\d+ × )([a-z_]+)/,
          (_, n: string, code: string) =>
            `${n}${t(`returns.disposition.${code}`, { defaultValue: code })}`,
        )
        .replace(/\(([^)]+)\)/, (_, money: string) => `(${moneyInLanguage(money, language)})`);
    default:
      return value;
  }
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

/** Every event of the RMA, oldest first: who, when, from which desk, and what changed. */
export function RmaHistory({ history }: { history: HistoryEntry[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={5} mb="sm">
        {t("returns.detail.history")}
      </Title>
      <Timeline bulletSize={14} lineWidth={2} active={history.length} data-testid="rma-history">
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
                <Change key={`${c.field}-${j}`} change={c} />
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
