import type { FailureGroupReview } from "../../backend/bindings/FailureGroupReview";
import type { KpiTable } from "../../backend/bindings/KpiTable";
import type { ReviewPeriodReport } from "../../backend/bindings/ReviewPeriodReport";
import type { SafetyStockRow } from "../../backend/bindings/SafetyStockRow";
import type { SkuFlags } from "../../backend/bindings/SkuFlags";
import type { Timeliness } from "../../backend/bindings/Timeliness";
import type { VendorScorecards } from "../../backend/bindings/VendorScorecards";

const period = { from: "2026-11-01", to: "2026-11-30" };
const previous_period = { from: "2026-10-02", to: "2026-10-31" };
const span = { from: "2026-11-01", to: "2026-12-01" };
/** Failures, quantity failed and quantity inspected. */
type Counts = [number, number, number];
const counts = ([failures, qty_failed, qty_inspected]: Counts) => ({
  failures,
  qty_failed,
  qty_inspected,
});

/** A vendor's or a SKU's failures in the period and the one before, opening its own failures. */
function group(
  code: string,
  name: string,
  current: Counts,
  previous: Counts,
  [absolute, relative_bps]: [number, number],
  opens: { vendor?: string; sku?: string },
): FailureGroupReview {
  return {
    code,
    name,
    current: counts(current),
    previous: counts(previous),
    failures_change: { absolute, relative_bps },
    filter: {
      ...span,
      category_codes: [],
      vendor_code: opens.vendor ?? null,
      sku: opens.sku ?? null,
    },
  };
}

const timeliness: Timeliness = {
  on_time: 3,
  late: 1,
  open: 2,
  no_due_date: 0,
  on_time_bps: 7500,
  median_minutes_to_ship: 1800,
  shipped_with_authorization: 4,
};

export const review: ReviewPeriodReport = {
  period,
  previous_period,
  pareto: {
    measure: "count",
    total_count: 10,
    total_quantity: 40,
    previous_total_count: 5,
    previous_total_quantity: 20,
    count_change: { absolute: 5, relative_bps: 10_000 },
    bars: [
      {
        category: "SCR",
        is_other: false,
        categories: 1,
        count: 7,
        quantity: 30,
        share_bps: 7000,
        cumulative_bps: 7000,
        previous_count: 3,
        previous_quantity: 10,
        filter: { ...span, category_codes: ["SCR"], vendor_code: null, sku: null },
      },
      {
        category: "",
        is_other: true,
        categories: 2,
        count: 3,
        quantity: 10,
        share_bps: 3000,
        cumulative_bps: 10_000,
        previous_count: 2,
        previous_quantity: 10,
        filter: { ...span, category_codes: ["A", "B"], vendor_code: null, sku: null },
      },
    ],
  },
  by_vendor: [
    group("SZHQ", "深圳华强", [6, 20, 200], [2, 5, 100], [4, 20_000], { vendor: "SZHQ" }),
  ],
  vendors_with_failures: 1,
  by_sku: [group("MUG-01", "Mug", [4, 8, 50], [4, 8, 50], [0, 0], { sku: "MUG-01" })],
  skus_with_failures: 1,
  cost_of_quality: {
    currencies: [
      {
        currency: "EUR",
        current: {
          currency: "EUR",
          scrap_minor: 10_000,
          rework_minor: 0,
          reshipment_shipping_minor: 1500,
          reshipment_goods_minor: 2000,
          refunds_minor: 500,
          store_credit_minor: 0,
          reinspection_minor: 0,
          return_to_vendor_minor: 0,
          chargebacks_recovered_minor: 1000,
          net_minor: 13_000,
        },
        previous: null,
        net_change: null,
      },
    ],
  },
  rework_failures: 1,
  rework_failures_previous: 0,
  timeliness,
  timeliness_previous: { ...timeliness, median_minutes_to_ship: null, on_time_bps: null },
  checklist_added: 1,
  checklist_added_previous: 0,
  checklist_change: { absolute: 1, relative_bps: null },
  checklist_items: [
    {
      id: "c1",
      sku: "MUG-01",
      text: "Check the handle",
      source_failure_no: "QF-1",
      added_at: "2026-11-03T10:00:00Z",
    },
  ],
};

export const kpis: KpiTable = {
  period,
  previous_period,
  rows: [
    {
      id: "return_rate",
      unit: "percent",
      direction: "at_most",
      definition_key: "kpi.return_rate.definition",
      definition: "RMAs opened in the period, as a share of orders placed in the period.",
      figures: [
        {
          currency: null,
          unit_of_measure: null,
          value: 650,
          previous: 500,
          sample: 100,
          target: 600,
          change: { absolute: 150, relative_bps: 3000 },
          trend: "up",
          state: "amber",
        },
      ],
    },
    {
      id: "cost_per_return",
      unit: "money",
      direction: "at_most",
      definition_key: "kpi.cost_per_return.definition",
      definition: "…",
      figures: [
        {
          currency: "EUR",
          unit_of_measure: null,
          value: null,
          previous: null,
          sample: 4,
          target: 750,
          change: null,
          trend: null,
          state: "neutral",
        },
      ],
    },
    {
      id: "receipt_to_decision",
      unit: "days",
      direction: "at_most",
      definition_key: "kpi.receipt_to_decision.definition",
      definition: "…",
      figures: [
        {
          currency: null,
          unit_of_measure: null,
          value: 1440,
          previous: null,
          sample: 3,
          target: 2880,
          change: null,
          trend: null,
          state: "green",
        },
      ],
    },
  ],
  aging: { days_0_2: 1, days_3_7: 2, days_8_14: 0, days_15_30: 0, over_30_days: 1, open: 4 },
};

export const scorecards: VendorScorecards = {
  period,
  settings: {
    weights: {
      lot_defects: 30,
      unit_defects: 25,
      severity: 20,
      returns: 15,
      on_time: 0,
      chargebacks: 10,
    },
    flag_below: 70,
    block_receipts_below_threshold: false,
  },
  vendors: [
    {
      vendor_code: "SZHQ",
      vendor_name: "深圳华强",
      rating: 62.4,
      trend: "down",
      flagged: true,
      block_receipts: false,
      history: [{ day: "2026-11-20", rating: 70 }],
      receipts_blocked_since: "2026-11-06",
      last_reviewed: "2026-10-02",
      overdue_scars: 0,
      complaints: 0,
      components: [
        { id: "lot_defects", measured: 2500, score: 50, weight: 30, effective_weight_bps: 3000 },
        { id: "on_time", measured: null, score: null, weight: 0, effective_weight_bps: 0 },
      ],
    },
  ],
};

export const skuFlags: SkuFlags = {
  period,
  threshold_bps: 200,
  skus: [
    { sku: "MUG-01", orders: 100, problems: 5, rate_bps: 500, flag: "review" },
    { sku: "CUP-02", orders: 100, problems: 1, rate_bps: 100, flag: "ok" },
  ],
  total_skus: 2,
  flagged_skus: 1,
};

/** A SKU's stock row below its minimum, as the export tests write it (10 wanted, -2 sellable). */
export const stockRow = (sku: string, name: string | null): SafetyStockRow => ({
  sku,
  product_name: name,
  min_qty: 10,
  sellable: -2,
  blocked: 1,
  in_returns: 0,
  below_minimum: true,
  max_qty: null,
  coming_back: 0,
  vendor_code: "SZHQ",
  vendor_name: null,
  reorder: { position: 0, target: 0, order_qty: 0 },
});

/** A SKU below its minimum stock, as the safety stock alerts list it. */
export const belowMinimum: SafetyStockRow = {
  ...stockRow("MUG-01", "Mug"),
  min_qty: 50,
  sellable: 20,
  blocked: 5,
  in_returns: 2,
};

export const safety: SafetyStockRow[] = [belowMinimum];
