import type { TFunction } from "i18next";
import type { HistoryKind } from "../../../components/RecordHistory";
import { formatDay } from "../../../format";
import { moneyInLanguage } from "../../../money";

/** History fields whose values the backend writes as money ("1,234.50 EUR"). */
const MONEY_FIELDS = new Set(["total", "recovered"]);

/** Coded values (stage, severity, ...) read in the UI language; free text stays as typed. */
function valueLabel(t: TFunction, field: string, value: string, language: string): string {
  if (MONEY_FIELDS.has(field)) return moneyInLanguage(value, language);
  if (field === "line_due_on") return formatDay(value, language);
  const prefix: Record<string, string> = {
    stage: "failure.stage",
    severity: "failure.severity",
    disposition: "failure.disposition",
    status: "failure.status",
    owner_team: "team",
    scrap_method: "failure.scrap_method",
  };
  if (field === "status")
    // A failure's history also shows the steps of its reshipments, whose statuses differ.
    return t([`failure.status.${value}`, `reshipment.status.${value}`], { defaultValue: value });
  if (field === "carrier") return t(`reshipment.carrier.${value}`, { defaultValue: value });
  if (field === "chargeback")
    return t(`reshipment.chargeback.status.${value}`, { defaultValue: value });
  // A failure's reaction: what it held (lot, serials, none) and whose setting it followed.
  if (field === "held") return t(`failure_detail.held_${value}`, { defaultValue: value });
  if (field === "reaction_source")
    return t(`failure_detail.reaction_from_${value}`, { defaultValue: value });
  const base = prefix[field];
  return base ? t(`${base}.${value}`, { defaultValue: value }) : value;
}

/** Every event of the failure, oldest first: who, when, from which desk, and what changed. */
export const FAILURE_HISTORY: HistoryKind = {
  title: (t) => t("failure_detail.history"),
  testId: "failure-history",
  valueLabel,
};
