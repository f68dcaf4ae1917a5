import { fromPolicyForm, toPolicyForm } from "./policyForm";

describe("approval policy form", () => {
  const policy = {
    currency: "EUR",
    limits: [
      { role: "logistics" as const, limit_minor: 10000 },
      { role: "finance" as const, limit_minor: null },
    ],
    dual_control_above_minor: 100000,
    ship_within_working_days: 2,
  };

  it("round-trips a policy", () => {
    const form = toPolicyForm(policy, "EUR");
    expect(form.rows.find((r) => r.role === "logistics")).toEqual({
      role: "logistics",
      kind: "limit",
      amount: "100.00",
    });
    expect(form.rows.find((r) => r.role === "inspector")?.kind).toBe("none");
    expect(fromPolicyForm(form, "EUR")).toEqual({ policy });
  });

  it("names the fields that do not parse", () => {
    const form = toPolicyForm(policy, "EUR");
    form.dual = "x";
    form.days = "1.5";
    const logistics = form.rows.find((r) => r.role === "logistics");
    if (logistics) logistics.amount = "";
    expect(fromPolicyForm(form, "EUR")).toEqual({
      errors: {
        "limit.logistics": "money.bad_amount",
        dual: "money.bad_amount",
        days: "reshipment.form.bad_qty",
      },
    });
  });

  it("reads limits in the policy's currency", () => {
    const yen = { ...policy, currency: "JPY", dual_control_above_minor: 50000 };
    const form = toPolicyForm(yen, "JPY");
    expect(form.dual).toBe("50000");
    expect(fromPolicyForm(form, "JPY")).toEqual({ policy: yen });
    form.dual = "500.5";
    expect(fromPolicyForm(form, "JPY")).toEqual({ errors: { dual: "money.no_decimals" } });
  });
});
