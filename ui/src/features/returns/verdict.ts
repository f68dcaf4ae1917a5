import type { TFunction } from "i18next";
import { moneyInLanguage } from "../../money";
import { KNOWN_REASONS, type RuleOutcome, type RuleResult } from "./types";

/** How the list and the header name the verdict an RMA got when it was opened. */
export type VerdictLabel = "auto_approved" | "escalated" | "refused";

/**
 * Approved by the rules alone reads "auto-approved"; refused reads "refused"; anything an
 * analyst had to look at reads "escalated", whatever they decided afterwards.
 */
export function verdictLabel(row: { verdict: string; decided_by_rules: boolean }): VerdictLabel {
  if (row.verdict === "refused") return "refused";
  if (row.verdict === "approved" && row.decided_by_rules) return "auto_approved";
  return "escalated";
}

export const VERDICT_COLOR: Record<VerdictLabel, string> = {
  auto_approved: "teal",
  escalated: "orange",
  refused: "red",
};

export const RESULT_COLOR: Record<RuleResult, string> = {
  pass: "teal",
  escalate: "orange",
  refuse: "red",
};

/** The verdict the outcomes add up to: any refusal refuses, any escalation escalates. */
export function worstResult(outcomes: RuleOutcome[]): RuleResult {
  if (outcomes.some((o) => o.result === "refuse")) return "refuse";
  if (outcomes.some((o) => o.result === "escalate")) return "escalate";
  return "pass";
}

/** A reason code in the reader's language when it is one of the known codes; else as typed. */
export function reasonName(t: TFunction, code: string): string {
  return KNOWN_REASONS.includes(code) ? t(`returns.reason.${code}`) : code;
}

/**
 * The rule's sentence ("window: 12 of 30 days used"): coded params (a reason code, the list of
 * missing conditions) read as words of the reader's language, money in the reader's notation;
 * numbers and SKUs stay as sent.
 */
export function outcomeSentence(t: TFunction, outcome: RuleOutcome, language: string): string {
  const params: Record<string, string> = { ...outcome.params };
  // The backend writes money as "1,234.50 EUR"; it reads in the reader's own notation.
  for (const key of ["value", "max"])
    if (params[key] !== undefined) params[key] = moneyInLanguage(params[key], language);
  if (params.reason !== undefined) params.reason = reasonName(t, params.reason);
  if (params.missing !== undefined)
    params.missing = params.missing
      .split(",")
      .filter((m) => m !== "")
      .map((m) => t(`returns.condition.${m}`, { defaultValue: m }))
      .join(", ");
  const rule = t(`returns.rule_name.${outcome.rule}`, { defaultValue: outcome.rule });
  return t(outcome.message_key, { ...params, rule, defaultValue: `${rule}: ${outcome.result}` });
}
