import { fromReturnPolicyForm, toReturnPolicyForm } from "./policyForm";
import type { ReturnPolicy } from "./types";

const policy: ReturnPolicy = {
  version: 3,
  window_days: 30,
  proof_of_purchase_required: true,
  non_returnable_categories: ["food"],
  conditions: [
    { category: "apparel", original_packaging: false, unused: true, tags_attached: true },
  ],
  reasons: [
    {
      code: "defective",
      shipping_paid_by: "us",
      ignores_window: true,
      needs_evidence: true,
      customer_choice: false,
    },
  ],
  auto_approve_max_minor: 25000,
  unusual_return_rate_bps: 3000,
  restocking_fee_bps: 1000,
  refund_within_days: 14,
  store_credit_within_hours: 24,
  returns_centre: { name: "Returns NL", address: "Dock 4\nVenlo", country: "NL" },
  label_carrier: "postnl",
  label_service: "Retour",
  parcel_grams: 1500,
};

describe("returns policy form", () => {
  it("shows money, percentages and kilograms, and round-trips", () => {
    const form = toReturnPolicyForm(policy);
    expect(form.autoApproveMax).toBe("250.00");
    expect(form.unusualRate).toBe("30");
    expect(form.restockingFee).toBe("10");
    expect(form.parcelKg).toBe("1.5");
    expect(fromReturnPolicyForm(form)).toEqual({ policy });
  });

  it("names what does not parse and caps the fee at 10 %", () => {
    const form = {
      ...toReturnPolicyForm(policy),
      windowDays: "thirty",
      restockingFee: "12.5",
      parcelKg: "heavy",
      autoApproveMax: "",
    };
    expect(fromReturnPolicyForm(form)).toEqual({
      errors: {
        window_days: "returns.policy.bad_number",
        auto_approve_max_minor: "returns.policy.bad_money",
        restocking_fee_bps: "returns.policy.fee_cap",
        parcel_grams: "returns.policy.bad_weight",
      },
    });
  });

  it("drops empty categories and trims codes", () => {
    const form = { ...toReturnPolicyForm(policy), nonReturnable: ["food", " "] };
    form.reasons = [{ ...form.reasons[0], code: " defective " } as (typeof form.reasons)[0]];
    const out = fromReturnPolicyForm(form);
    expect("policy" in out && out.policy.non_returnable_categories).toEqual(["food"]);
    expect("policy" in out && out.policy.reasons[0]?.code).toBe("defective");
  });
});
