import { RETURN_POLICY } from "../../testing/returnPolicy";
import { fromReturnPolicyForm, toReturnPolicyForm } from "./policyForm";
import type { ReturnPolicy } from "./types";

const policy: ReturnPolicy = {
  ...RETURN_POLICY,
  non_returnable_categories: ["food"],
  conditions: [
    { category: "apparel", original_packaging: false, unused: true, tags_attached: true },
  ],
  label_postage_minor: 695,
};

describe("returns policy form", () => {
  it("shows money, percentages and kilograms, and round-trips", () => {
    const form = toReturnPolicyForm(policy, "EUR");
    expect(form.autoApproveMax).toBe("250.00");
    expect(form.unusualRate).toBe("30");
    expect(form.restockingFee).toBe("10");
    expect(form.parcelKg).toBe("1.5");
    expect(form.handlingCost).toBe("3.50");
    expect(form.labelPostage).toBe("6.95");
    expect(fromReturnPolicyForm(form, "EUR")).toEqual({ policy });
  });

  it("keeps unknown costs unknown: null shows empty and empty saves null, not 0", () => {
    const unknown = { ...policy, handling_cost_minor: null, label_postage_minor: null };
    const form = toReturnPolicyForm(unknown, "EUR");
    expect(form.handlingCost).toBe("");
    expect(form.labelPostage).toBe("");
    const out = fromReturnPolicyForm(form, "EUR");
    expect(out).toEqual({ policy: unknown });
    expect("policy" in out && out.policy.handling_cost_minor).toBeNull();
    expect("policy" in out && out.policy.label_postage_minor).toBeNull();
  });

  it("shows costs a policy does not carry yet as empty and saves them as null", () => {
    const { handling_cost_minor: _h, label_postage_minor: _l, ...older } = policy;
    const form = toReturnPolicyForm(older, "EUR");
    expect(form.handlingCost).toBe("");
    expect(form.labelPostage).toBe("");
    expect(fromReturnPolicyForm({ ...form, labelPostage: "  " }, "EUR")).toEqual({
      policy: { ...older, handling_cost_minor: null, label_postage_minor: null },
    });
  });

  it("parses typed costs as money into minor units", () => {
    const form = {
      ...toReturnPolicyForm(policy, "EUR"),
      handlingCost: "3.50",
      labelPostage: "4,5",
    };
    const out = fromReturnPolicyForm(form, "EUR");
    expect("policy" in out && out.policy.handling_cost_minor).toBe(350);
    expect("policy" in out && out.policy.label_postage_minor).toBe(450);
    const zero = fromReturnPolicyForm({ ...form, handlingCost: "0" }, "EUR");
    expect("policy" in zero && zero.policy.handling_cost_minor).toBe(0);
  });

  it("rejects cost text that is not money, as the other amounts are", () => {
    const form = {
      ...toReturnPolicyForm(policy, "EUR"),
      handlingCost: "3.505",
      labelPostage: "cheap",
    };
    expect(fromReturnPolicyForm(form, "EUR")).toEqual({
      errors: {
        handling_cost_minor: "money.too_many_decimals",
        label_postage_minor: "money.bad_amount",
      },
    });
  });

  it("names what does not parse and leaves the fee's cap to the backend", () => {
    const form = {
      ...toReturnPolicyForm(policy, "EUR"),
      windowDays: "thirty",
      restockingFee: "12.5",
      parcelKg: "heavy",
      autoApproveMax: "",
    };
    expect(fromReturnPolicyForm(form, "EUR")).toEqual({
      errors: {
        window_days: "returns.policy.bad_number",
        auto_approve_max_minor: "money.bad_amount",
        parcel_grams: "returns.policy.bad_weight",
      },
    });
  });

  it("drops empty categories and trims codes", () => {
    const form = { ...toReturnPolicyForm(policy, "EUR"), nonReturnable: ["food", " "] };
    form.reasons = [{ ...form.reasons[0], code: " defective " } as (typeof form.reasons)[0]];
    const out = fromReturnPolicyForm(form, "EUR");
    expect("policy" in out && out.policy.non_returnable_categories).toEqual(["food"]);
    expect("policy" in out && out.policy.reasons[0]?.code).toBe("defective");
  });
});
