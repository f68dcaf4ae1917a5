import type { Carrier } from "../../backend/bindings/Carrier";
import type { ConditionRequirement } from "../../backend/bindings/ConditionRequirement";
import type { ReasonRule } from "../../backend/bindings/ReasonRule";
import { fromMinor, parseMoney } from "../../money";
import type { ReturnPolicy } from "./types";
import { bpsToPercent, gramsToKg, kgToGrams, percentToBps, wholeNumber } from "./units";

export type ReturnPolicyForm = {
  version: number;
  windowDays: string;
  proofRequired: boolean;
  nonReturnable: string[];
  conditions: ConditionRequirement[];
  reasons: ReasonRule[];
  autoApproveMax: string;
  unusualRate: string;
  restockingFee: string;
  refundDays: string;
  creditHours: string;
  centreName: string;
  centreAddress: string;
  centreCountry: string;
  carrier: Carrier;
  service: string;
  parcelKg: string;
  /** Money in major units; empty means not known (null), which is not the same as 0. */
  handlingCost: string;
  labelPostage: string;
};

/** An optional amount as typed: not known (null or absent) shows empty, not "0.00". */
function optionalMoney(minor: number | null | undefined, currency: string): string {
  return minor === null || minor === undefined ? "" : fromMinor(minor, currency);
}

/** The policy as typed; its amounts are in `currency`, the installation's. */
export function toReturnPolicyForm(policy: ReturnPolicy, currency: string): ReturnPolicyForm {
  return {
    version: policy.version,
    windowDays: String(policy.window_days),
    proofRequired: policy.proof_of_purchase_required,
    nonReturnable: [...policy.non_returnable_categories],
    conditions: policy.conditions.map((c) => ({ ...c })),
    reasons: policy.reasons.map((r) => ({ ...r })),
    autoApproveMax: fromMinor(policy.auto_approve_max_minor, currency),
    unusualRate: bpsToPercent(policy.unusual_return_rate_bps),
    restockingFee: bpsToPercent(policy.restocking_fee_bps),
    refundDays: String(policy.refund_within_days),
    creditHours: String(policy.store_credit_within_hours),
    centreName: policy.returns_centre.name,
    centreAddress: policy.returns_centre.address,
    centreCountry: policy.returns_centre.country,
    carrier: policy.label_carrier,
    service: policy.label_service,
    parcelKg: gramsToKg(policy.parcel_grams),
    handlingCost: optionalMoney(policy.handling_cost_minor, currency),
    labelPostage: optionalMoney(policy.label_postage_minor, currency),
  };
}

export const NEW_REASON: ReasonRule = {
  code: "",
  shipping_paid_by: "customer",
  ignores_window: false,
  needs_evidence: false,
  customer_choice: true,
};

export const NEW_CONDITION: ConditionRequirement = {
  category: "",
  original_packaging: true,
  unused: true,
  tags_attached: false,
};

/**
 * The policy to save, or the fields that do not parse, keyed by the policy's field names (as the
 * backend names them) with the message key to show; money keys take `moneyParams(currency)`.
 */
export function fromReturnPolicyForm(
  form: ReturnPolicyForm,
  currency: string,
): { policy: ReturnPolicy } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const whole = (field: string, text: string) => {
    const n = wholeNumber(text);
    if (n === null) errors[field] = "returns.policy.bad_number";
    return n ?? 0;
  };
  const window = whole("window_days", form.windowDays);
  const refundDays = whole("refund_within_days", form.refundDays);
  const creditHours = whole("store_credit_within_hours", form.creditHours);
  const money = (field: string, text: string): number | null => {
    const parsed = parseMoney(text, currency);
    if (parsed.ok) return parsed.minor;
    errors[field] = parsed.problem;
    return null;
  };
  const max = money("auto_approve_max_minor", form.autoApproveMax);
  const rate = percentToBps(form.unusualRate);
  if (rate === null) errors.unusual_return_rate_bps = "returns.policy.bad_percent";
  const fee = percentToBps(form.restockingFee);
  // The cap on the fee is the backend's rule: it answers `error.returns.fee_above_cap` there.
  if (fee === null) errors.restocking_fee_bps = "returns.policy.bad_percent";
  const optional = (field: string, text: string) => {
    return text.trim() === "" ? null : money(field, text);
  };
  const handling = optional("handling_cost_minor", form.handlingCost);
  const postage = optional("label_postage_minor", form.labelPostage);
  const grams = kgToGrams(form.parcelKg);
  if (grams === null) errors.parcel_grams = "returns.policy.bad_weight";
  if (Object.keys(errors).length > 0) return { errors };
  return {
    policy: {
      version: form.version,
      window_days: window,
      proof_of_purchase_required: form.proofRequired,
      non_returnable_categories: form.nonReturnable.map((c) => c.trim()).filter((c) => c !== ""),
      conditions: form.conditions.map((c) => ({ ...c, category: c.category.trim() })),
      reasons: form.reasons.map((r) => ({ ...r, code: r.code.trim() })),
      auto_approve_max_minor: max ?? 0,
      unusual_return_rate_bps: rate ?? 0,
      restocking_fee_bps: fee ?? 0,
      refund_within_days: refundDays,
      store_credit_within_hours: creditHours,
      returns_centre: {
        name: form.centreName.trim(),
        address: form.centreAddress.trim(),
        country: form.centreCountry.trim(),
      },
      label_carrier: form.carrier,
      label_service: form.service.trim(),
      parcel_grams: grams ?? 0,
      handling_cost_minor: handling,
      label_postage_minor: postage,
    },
  };
}
