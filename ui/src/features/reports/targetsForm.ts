import type { FieldError } from "../../backend/bindings/FieldError";
import type { KpiTargets } from "../../backend/bindings/KpiTargets";
import { fromMinor, moneyParams, parseMoney } from "../../money";

/** The KPI targets as an admin types them: percent, days, and money in major units. */
export type TargetsForm = {
  return_rate_max_bps: number | string;
  receipt_to_decision_max_minutes: number | string;
  refund_processing_max_minutes: number | string;
  restock_rate_min_bps: number | string;
  damaged_rate_max_bps: number | string;
  inventory_impact_max_bps: number | string;
  refund_accuracy_min_bps: number | string;
  /** One row per currency: code and amount as typed, in that currency's decimals. */
  cost_per_return: { currency: string; amount: string }[];
};

export const PERCENT_FIELDS = [
  "return_rate_max_bps",
  "restock_rate_min_bps",
  "damaged_rate_max_bps",
  "inventory_impact_max_bps",
  "refund_accuracy_min_bps",
] as const;

export const DAY_FIELDS = [
  "receipt_to_decision_max_minutes",
  "refund_processing_max_minutes",
] as const;

const MINUTES_PER_DAY = 24 * 60;

/** An input's number; empty or unreadable reads as NaN so the backend names the field. */
const num = (value: number | string): number =>
  typeof value === "number" ? value : value.trim() === "" ? Number.NaN : Number(value);

const exact = (value: number) => Math.round(value * 1e6) / 1e6;

export function toForm(targets: KpiTargets): TargetsForm {
  return {
    return_rate_max_bps: exact(targets.return_rate_max_bps / 100),
    restock_rate_min_bps: exact(targets.restock_rate_min_bps / 100),
    damaged_rate_max_bps: exact(targets.damaged_rate_max_bps / 100),
    inventory_impact_max_bps: exact(targets.inventory_impact_max_bps / 100),
    refund_accuracy_min_bps: exact(targets.refund_accuracy_min_bps / 100),
    receipt_to_decision_max_minutes: exact(
      targets.receipt_to_decision_max_minutes / MINUTES_PER_DAY,
    ),
    refund_processing_max_minutes: exact(targets.refund_processing_max_minutes / MINUTES_PER_DAY),
    cost_per_return: Object.entries(targets.cost_per_return_max_minor)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, minor]) => ({ currency, amount: fromMinor(minor, currency) })),
  };
}

/**
 * Costs per return the form cannot read in their currency's decimals, named as the backend
 * names the field. A currency the backend does not know is left for it to name.
 */
export function moneyProblems(form: TargetsForm): FieldError[] {
  return form.cost_per_return.flatMap((row) => {
    const currency = row.currency.trim().toUpperCase();
    const parsed = parseMoney(row.amount, currency);
    if (currency === "" || parsed.ok || parsed.problem === "money.unknown_currency") return [];
    return [
      {
        field: `cost_per_return_max_minor.${currency}`,
        row: null,
        message_key: parsed.problem,
        params: moneyParams(currency),
      },
    ];
  });
}

/**
 * The act's input. Values are rounded to the unit's integer (basis points, minutes, minor
 * units); range checks are the backend's, which names each field it refuses. A value that is
 * not a number becomes -1, out of every range, so it is refused by name too.
 */
export function fromForm(form: TargetsForm): KpiTargets {
  const scaled = (value: number | string, factor: number) => {
    const n = num(value);
    return Number.isFinite(n) ? Math.round(n * factor) : -1;
  };
  const money: Record<string, number> = {};
  for (const row of form.cost_per_return) {
    const currency = row.currency.trim().toUpperCase();
    const parsed = parseMoney(row.amount, currency);
    if (currency !== "") money[currency] = parsed.ok ? parsed.minor : -1;
  }
  return {
    return_rate_max_bps: scaled(form.return_rate_max_bps, 100),
    restock_rate_min_bps: scaled(form.restock_rate_min_bps, 100),
    damaged_rate_max_bps: scaled(form.damaged_rate_max_bps, 100),
    inventory_impact_max_bps: scaled(form.inventory_impact_max_bps, 100),
    refund_accuracy_min_bps: scaled(form.refund_accuracy_min_bps, 100),
    receipt_to_decision_max_minutes: scaled(form.receipt_to_decision_max_minutes, MINUTES_PER_DAY),
    refund_processing_max_minutes: scaled(form.refund_processing_max_minutes, MINUTES_PER_DAY),
    cost_per_return_max_minor: money,
  };
}
