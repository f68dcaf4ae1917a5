import type { ApprovalPolicy } from "../../backend/bindings/ApprovalPolicy";
import type { Role } from "../../backend/bindings/Role";
import { fromMinor, toMinor } from "../masterdata/money";

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

export function toPolicyForm(policy: ApprovalPolicy): PolicyForm {
  return {
    rows: ROLES.map((role) => {
      const found = policy.limits.find((l) => l.role === role);
      if (!found) return { role, kind: "none", amount: "" };
      if (found.limit_minor === null) return { role, kind: "unlimited", amount: "" };
      return { role, kind: "limit", amount: fromMinor(found.limit_minor) };
    }),
    dual: fromMinor(policy.dual_control_above_minor),
    days: String(policy.ship_within_working_days),
  };
}

/** The policy to save, or the form fields that do not parse (keyed `limit.<role>`, dual, days). */
export function fromPolicyForm(
  form: PolicyForm,
  currency: string,
): { policy: ApprovalPolicy } | { errors: string[] } {
  const errors: string[] = [];
  const limits: ApprovalPolicy["limits"] = [];
  for (const row of form.rows) {
    if (row.kind === "none") continue;
    if (row.kind === "unlimited") {
      limits.push({ role: row.role, limit_minor: null });
      continue;
    }
    const minor = toMinor(row.amount);
    if (minor === null) errors.push(`limit.${row.role}`);
    else limits.push({ role: row.role, limit_minor: minor });
  }
  const dual = toMinor(form.dual);
  if (dual === null) errors.push("dual");
  const days = /^\d+$/.test(form.days.trim()) ? Number(form.days.trim()) : null;
  if (days === null) errors.push("days");
  if (errors.length > 0 || dual === null || days === null) return { errors };
  return {
    policy: {
      currency,
      limits,
      dual_control_above_minor: dual,
      ship_within_working_days: days,
    },
  };
}
