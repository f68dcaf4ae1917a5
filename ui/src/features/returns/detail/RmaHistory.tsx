import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { HistoryEntry } from "../../../backend/bindings/HistoryEntry";
import { HistoryTimeline } from "../../../components/HistoryTimeline";
import { moneyInLanguage } from "../../../money";
import { gramsToKg } from "../units";
import { reasonName } from "../verdict";

/** History fields whose values the backend writes as money ("1,234.50 EUR"). */
const MONEY_FIELDS = new Set(["value", "refund", "restocking_fee", "store_credit", "amount"]);
const YES_NO_FIELDS = new Set(["packaging_intact", "accessories_complete", "serials_match"]);

/** Coded values (verdict, grade, settlement…) read in the UI language; free text stays as sent. */
function valueLabel(t: TFunction, field: string, value: string, language: string): string {
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

/** Every event of the RMA, oldest first: who, when, from which desk, and what changed. */
export function RmaHistory({ history }: { history: HistoryEntry[] }) {
  const { t } = useTranslation();
  return (
    <HistoryTimeline
      history={history}
      title={t("returns.detail.history")}
      testId="rma-history"
      valueLabel={valueLabel}
    />
  );
}
