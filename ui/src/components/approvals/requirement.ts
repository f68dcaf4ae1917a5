import type { Requirement } from "../../backend/bindings/Requirement";
import { formatMoney } from "../../money";

/** A sentence key and its params saying what approval a reshipment needs. */
export function requirementSentence(
  req: Requirement,
  language: string,
): {
  key: string;
  params: Record<string, string | number>;
} {
  const total = formatMoney(req.total_minor, req.currency, language);
  if (req.approvals === 0) return { key: "reshipment.approvals.none_needed", params: { total } };
  if (!req.comparable) return { key: "reshipment.approvals.unlimited_needed", params: { total } };
  if (req.approvals >= 2)
    return req.finance_needed
      ? { key: "reshipment.approvals.two_with_finance", params: { total } }
      : { key: "reshipment.approvals.two", params: { total } };
  return req.finance_needed
    ? { key: "reshipment.approvals.one_finance", params: { total } }
    : { key: "reshipment.approvals.one", params: { total } };
}

/** Params for a refusal message: the user's limit and the total, as money text. */
export function refusalParams(
  limitMinor: number | null,
  req: Requirement,
  language: string,
): { limit: string; total: string } {
  return {
    limit: limitMinor === null ? "—" : formatMoney(limitMinor, req.currency, language),
    total: formatMoney(req.total_minor, req.currency, language),
  };
}
