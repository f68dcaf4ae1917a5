import { describe, expect, it } from "vitest";
import type { KpiTargets } from "../../backend/bindings/KpiTargets";
import { DEFAULT_KPI_TARGETS } from "../../testing/kpiTargets";
import { fromForm, moneyProblems, toForm } from "./targetsForm";

const defaults: KpiTargets = DEFAULT_KPI_TARGETS;

describe("KPI targets form", () => {
  it("shows targets in percent, days and major units", () => {
    const form = toForm(defaults);
    expect(form.return_rate_max_bps).toBe(6);
    expect(form.refund_processing_max_minutes).toBe(2.5);
    expect(form.cost_per_return).toEqual([{ currency: "EUR", amount: "7.50" }]);
  });

  it("round-trips to the same targets", () => {
    expect(fromForm(toForm(defaults))).toEqual(defaults);
  });

  it("upper-cases currencies, drops empty ones and marks unreadable numbers", () => {
    const form = {
      ...toForm(defaults),
      return_rate_max_bps: "",
      cost_per_return: [
        { currency: "usd", amount: "8.25" },
        { currency: " ", amount: "1" },
      ],
    };
    const targets = fromForm(form);
    expect(targets.return_rate_max_bps).toBe(-1);
    expect(targets.cost_per_return_max_minor).toEqual({ USD: 825 });
  });

  it("reads each cost in its own currency and names amounts with too many decimals", () => {
    const form = {
      ...toForm({ ...defaults, cost_per_return_max_minor: { EUR: 750, JPY: 1200 } }),
    };
    expect(form.cost_per_return).toEqual([
      { currency: "EUR", amount: "7.50" },
      { currency: "JPY", amount: "1200" },
    ]);
    expect(moneyProblems(form)).toEqual([]);
    const yen = { ...form, cost_per_return: [{ currency: "jpy", amount: "1200.5" }] };
    expect(moneyProblems(yen)).toEqual([
      {
        field: "cost_per_return_max_minor.JPY",
        row: null,
        message_key: "money.no_decimals",
        params: { currency: "JPY", decimals: "0", example: "1234" },
      },
    ]);
  });
});
