import type { TFunction } from "i18next";
import type { FailureGroupReview } from "../../backend/bindings/FailureGroupReview";
import type { KpiTable } from "../../backend/bindings/KpiTable";
import type { ReviewPeriodReport } from "../../backend/bindings/ReviewPeriodReport";
import type { SafetyStockRow } from "../../backend/bindings/SafetyStockRow";
import type { SkuFlags } from "../../backend/bindings/SkuFlags";
import type { VendorScorecards } from "../../backend/bindings/VendorScorecards";
import { type Cell, toCsv } from "../../files/csv";
import { toMajor } from "../../money";
import { AGING_BUCKETS } from "./aging";
import { COST_COMPONENTS, costValue } from "./cost";
import { formatBps, formatKpiValue, formatMinutesAsHours } from "./units";

/** A table as exported: a header line and its rows, cells as the spreadsheet should get them. */
export type ExportTable = { header: string[]; rows: Cell[][] };

export const csvOf = (table: ExportTable): string => toCsv(table.header, table.rows);

/** Money in major units of its currency, as a number a spreadsheet can add up. */
const major = (minor: number | null | undefined, currency: string): Cell =>
  minor === null || minor === undefined ? null : toMajor(minor, currency);

export function paretoTable(t: TFunction, report: ReviewPeriodReport): ExportTable {
  return {
    header: [
      t("reports.pareto.category"),
      t("reports.col.failures"),
      t("reports.col.qty_failed"),
      t("reports.pareto.share"),
      t("reports.pareto.cumulative"),
      t("reports.col.previous"),
    ],
    rows: report.pareto.bars.map((b) => [
      b.is_other ? t("reports.pareto.other", { n: b.categories }) : b.category,
      b.count,
      b.quantity,
      b.share_bps / 100,
      b.cumulative_bps / 100,
      b.previous_count,
    ]),
  };
}

export function groupTable(t: TFunction, groups: FailureGroupReview[]): ExportTable {
  return {
    header: [
      t("reports.col.code"),
      t("reports.col.name"),
      t("reports.col.failures"),
      t("reports.col.qty_failed"),
      t("reports.col.qty_inspected"),
      t("reports.col.previous"),
      t("reports.col.change"),
    ],
    rows: groups.map((g) => [
      g.code,
      g.name,
      g.current.failures,
      g.current.qty_failed,
      g.current.qty_inspected,
      g.previous.failures,
      g.failures_change?.absolute ?? null,
    ]),
  };
}

export function costTable(t: TFunction, report: ReviewPeriodReport): ExportTable {
  return {
    header: [
      t("reports.cost.currency"),
      t("reports.cost.component"),
      t("reports.col.current"),
      t("reports.col.previous"),
    ],
    rows: report.cost_of_quality.currencies.flatMap((c) =>
      COST_COMPONENTS.map((component) => [
        c.currency,
        t(`reports.cost.${component}`),
        major(costValue(c.current, component), c.currency),
        major(costValue(c.previous, component), c.currency),
      ]),
    ),
  };
}

export function timelinessTable(
  t: TFunction,
  report: ReviewPeriodReport,
  language: string,
): ExportTable {
  const now = report.timeliness;
  const before = report.timeliness_previous;
  return {
    header: [t("reports.timeliness.metric"), t("reports.col.current"), t("reports.col.previous")],
    rows: [
      [t("reports.timeliness.on_time"), now.on_time, before.on_time],
      [t("reports.timeliness.late"), now.late, before.late],
      [t("reports.timeliness.open"), now.open, before.open],
      [t("reports.timeliness.no_due_date"), now.no_due_date, before.no_due_date],
      [
        t("reports.timeliness.on_time_share"),
        formatBps(now.on_time_bps, language),
        formatBps(before.on_time_bps, language),
      ],
      [
        t("reports.timeliness.median"),
        formatMinutesAsHours(now.median_minutes_to_ship, language),
        formatMinutesAsHours(before.median_minutes_to_ship, language),
      ],
    ],
  };
}

export function checklistTable(t: TFunction, report: ReviewPeriodReport): ExportTable {
  return {
    header: [
      t("reports.checklist.added_at"),
      t("reports.col.sku"),
      t("reports.checklist.text"),
      t("reports.checklist.source"),
    ],
    rows: report.checklist_items.map((c) => [c.added_at, c.sku, c.text, c.source_failure_no]),
  };
}

export function kpiExport(t: TFunction, table: KpiTable, language: string): ExportTable {
  return {
    header: [
      t("reports.kpi.name"),
      t("reports.cost.currency"),
      t("reports.kpi.value"),
      t("reports.col.previous"),
      t("reports.kpi.target"),
      t("reports.kpi.sample"),
      t("reports.kpi.trend"),
      t("reports.kpi.state"),
      t("reports.kpi.definition"),
    ],
    rows: table.rows.flatMap((row) =>
      row.figures.map((f) => [
        t(`kpi.${row.id}.name`),
        f.currency,
        formatKpiValue(row.unit, f.value, f.currency, language),
        formatKpiValue(row.unit, f.previous, f.currency, language),
        formatKpiValue(row.unit, f.target, f.currency, language),
        f.sample,
        f.trend ? t(`reports.trend.${f.trend}`) : null,
        t(`reports.state.${f.state}`),
        t(`kpi.${row.id}.definition`),
      ]),
    ),
  };
}

export function agingExport(t: TFunction, table: KpiTable): ExportTable {
  return {
    header: [t("reports.aging.bucket"), t("reports.aging.rmas")],
    rows: AGING_BUCKETS.map((b) => [t(`reports.aging.${b}`), table.aging[b]]),
  };
}

export function scorecardExport(t: TFunction, cards: VendorScorecards): ExportTable {
  const components = cards.vendors[0]?.components.map((c) => c.id) ?? [];
  return {
    header: [
      t("reports.col.code"),
      t("reports.col.name"),
      t("reports.vendors.rating"),
      t("reports.kpi.trend"),
      t("reports.vendors.flagged"),
      ...components.map((id) => t(`reports.component.${id}`)),
    ],
    rows: cards.vendors.map((v) => [
      v.vendor_code,
      v.vendor_name,
      v.rating === null ? null : Math.round(v.rating),
      v.trend ? t(`reports.trend.${v.trend}`) : null,
      v.flagged ? t("reports.yes") : t("reports.no"),
      ...components.map((id) => v.components.find((c) => c.id === id)?.score ?? null),
    ]),
  };
}

export function skuFlagsExport(t: TFunction, flags: SkuFlags, language: string): ExportTable {
  return {
    header: [
      t("reports.col.sku"),
      t("reports.flags.orders"),
      t("reports.flags.problems"),
      t("reports.flags.rate"),
      t("reports.flags.flag"),
    ],
    rows: flags.skus.map((s) => [
      s.sku,
      s.orders,
      s.problems,
      formatBps(s.rate_bps, language),
      t(`reports.flags.state.${s.flag}`),
    ]),
  };
}

export function safetyExport(t: TFunction, rows: SafetyStockRow[]): ExportTable {
  return {
    header: [
      t("reports.col.sku"),
      t("reports.col.name"),
      t("reports.stock.sellable"),
      t("reports.stock.blocked"),
      t("reports.stock.in_returns"),
      t("reports.stock.minimum"),
      t("reports.stock.below"),
      t("replenish.coming_back"),
      t("replenish.maximum"),
      t("replenish.reorder"),
      t("work_orders.field.vendor"),
    ],
    rows: rows.map((r) => [
      r.sku,
      r.product_name,
      r.sellable,
      r.blocked,
      r.in_returns,
      r.min_qty,
      r.below_minimum ? t("reports.yes") : t("reports.no"),
      r.coming_back,
      r.max_qty,
      r.reorder.order_qty,
      r.vendor_code,
    ]),
  };
}
