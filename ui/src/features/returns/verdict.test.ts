import type { TFunction } from "i18next";
import { outcomeSentence, verdictLabel, worstResult } from "./verdict";

// A stand-in for i18next: the key and its params, so the test sees what would be translated.
const t = ((key: string, opts?: Record<string, unknown>) => {
  const { defaultValue: _, ...params } = opts ?? {};
  const shown = Object.entries(params)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(";");
  return shown ? `${key}{${shown}}` : key;
}) as unknown as TFunction;

describe("RMA verdict", () => {
  it("labels the verdict from the rules' verdict and who decided", () => {
    expect(verdictLabel({ verdict: "approved", decided_by_rules: true })).toBe("auto_approved");
    expect(verdictLabel({ verdict: "escalated", decided_by_rules: false })).toBe("escalated");
    expect(verdictLabel({ verdict: "refused", decided_by_rules: true })).toBe("refused");
  });

  it("adds outcomes up like the backend", () => {
    const o = (result: "pass" | "escalate" | "refuse") => ({
      rule: "x",
      result,
      message_key: "k",
      params: {},
    });
    expect(worstResult([])).toBe("pass");
    expect(worstResult([o("pass"), o("escalate")])).toBe("escalate");
    expect(worstResult([o("escalate"), o("refuse"), o("pass")])).toBe("refuse");
  });

  it("translates coded params and keeps the others", () => {
    expect(
      outcomeSentence(
        t,
        {
          rule: "window",
          result: "pass",
          message_key: "returns.rule.window_used",
          params: { days: "12", window: "30" },
        },
        "en",
      ),
    ).toBe("returns.rule.window_used{days=12;window=30;rule=returns.rule_name.window}");
    expect(
      outcomeSentence(
        t,
        {
          rule: "condition",
          result: "escalate",
          message_key: "returns.rule.condition_unmet",
          params: { sku: "SKU-1", missing: "unused,tags_attached" },
        },
        "en",
      ),
    ).toContain("missing=returns.condition.unused, returns.condition.tags_attached");
    expect(
      outcomeSentence(
        t,
        {
          rule: "reason",
          result: "refuse",
          message_key: "returns.rule.reason_unknown",
          params: { reason: "my_own" },
        },
        "en",
      ),
    ).toContain("reason=my_own;");
    expect(
      outcomeSentence(
        t,
        {
          rule: "evidence",
          result: "escalate",
          message_key: "returns.rule.evidence_missing",
          params: { reason: "defective" },
        },
        "en",
      ),
    ).toContain("reason=returns.reason.defective;");
    expect(
      outcomeSentence(
        t,
        {
          rule: "value",
          result: "escalate",
          message_key: "returns.rule.value_above_max",
          params: { value: "1,234.50 EUR", max: "250.00 EUR" },
        },
        "nl",
      ),
    ).toMatch(/value=€\s1\.234,50;max=€\s250,00/);
  });
});
