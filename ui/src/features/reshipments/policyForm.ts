import type { ApprovalPolicy } from "../../backend/bindings/ApprovalPolicy";
import type { Role } from "../../backend/bindings/Role";
import { fromMinor, parseMoney } from "../../money";

export const ROLES: Role[] = [
  "inspector",
  "logistics",
  "returns_analyst",
  "vendor_manager",
  "finance",
  "quality_lead",
  "admin",
];

/** One row per role: "none" (cannot approve), "limit" (up to an amount) or "unlimited". */
export type LimitRow = { role: Role; kind: "none" | "limit" | "unlimited"; amount: string };
export type PolicyForm = { rows: LimitRow[]; dual: string; days: string };

/** The policy as typed, its amounts in `currency` (the policy's, or the home one while it has none). */
export function toPolicyForm(policy: ApprovalPolicy, currency: string): PolicyForm {
  return {
    rows: ROLES.map((role) => {
      const found = policy.limits.find((l) => l.role === role);
      if (!found) return { role, kind: "none", amount: "" };
      if (found.limit_minor === null) return { role, kind: "unlimited", amount: "" };
      return { role, kind: "limit", amount: fromMinor(found.limit_minor, currency) };
    }),
    dual: fromMinor(policy.dual_control_above_minor, currency),
    days: String(policy.ship_within_working_days),
  };
}

/**
 * The policy to save, or the form fields that do not parse (keyed `limit.<role>`, dual, days)
 * with the message key to show; money keys take `moneyParams(currency)`.
 */
export function fromPolicyForm(
  form: PolicyForm,
  currency: string,
  /** The refund and store credit limits as loaded: this form does not edit them, so they stay. */
  settlements?: ApprovalPolicy["settlements"],
): { policy: ApprovalPolicy } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const amount = (field: string, text: string): number | null => {
    const parsed = parseMoney(text, currency);
    if (parsed.ok) return parsed.minor;
    errors[field] = parsed.problem;
    return null;
  };
  const limits: ApprovalPolicy["limits"] = [];
  for (const row of form.rows) {
    if (row.kind === "none") continue;
    if (row.kind === "unlimited") {
      limits.push({ role: row.role, limit_minor: null });
      continue;
    }
    const minor = amount(`limit.${row.role}`, row.amount);
    if (minor !== null) limits.push({ role: row.role, limit_minor: minor });
  }
  const dual = amount("dual", form.dual);
  const days = /^\d+$/.test(form.days.trim()) ? Number(form.days.trim()) : null;
  if (days === null) errors.days = "reshipment.form.bad_qty";
  if (Object.keys(errors).length > 0 || dual === null || days === null) return { errors };
  return {
    policy: {
      currency,
      limits,
      dual_control_above_minor: dual,
      ship_within_working_days: days,
      ...(settlements ? { settlements } : {}),
    },
  };
}
