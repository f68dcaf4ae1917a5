import type { FailureFilter } from "../../backend/bindings/FailureFilter";
import type { ReviewPeriod } from "../../backend/bindings/ReviewPeriod";
import type { ChargebackSearch } from "../chargebacks/chargeback";
import type { FailureFilters } from "../failures/filters";
import type { ReshipmentSearch } from "../reshipments/filters";
import type { RmaSearch } from "../returns/filters";
import type { CostComponent } from "./cost";
import { addDays } from "./period";

/**
 * The failures list's filters in the URL, named as the failures filter bar names them
 * (`FailureFilters`: `from` and `to` are days, both included; empty fields are left out).
 */
export type FailuresSearch = Partial<
  Pick<FailureFilters, "from" | "to" | "vendor" | "sku" | "category" | "disposition" | "text">
>;

/**
 * The backend's filter behind a figure as the failures list's search params. The backend's
 * `to` is the day after the period (exclusive); the filter bar's `to` is the last day.
 * A bar of several categories ("other") cannot be one category filter: `null`.
 */
export function failuresSearch(filter: FailureFilter): FailuresSearch | null {
  if (filter.category_codes.length > 1) return null;
  const out: FailuresSearch = {};
  if (filter.from) out.from = filter.from.slice(0, 10);
  if (filter.to) out.to = addDays(filter.to.slice(0, 10), -1);
  if (filter.vendor_code) out.vendor = filter.vendor_code;
  if (filter.sku) out.sku = filter.sku;
  const [category] = filter.category_codes;
  if (category) out.category = category;
  return out;
}

/** Where a review's figure leads: a list and the search params that filter it to the figure. */
export type FigureLink =
  | { to: "/failures"; search: FailuresSearch }
  | { to: "/reshipments"; search: ReshipmentSearch }
  | { to: "/returns"; search: RmaSearch }
  | { to: "/chargebacks"; search: ChargebackSearch };

/**
 * The reshipments and returns acts take the period as days with the end excluded (like the
 * backend's own period); the review names its last day, so the end is the day after it.
 */
function halfOpen(period: ReviewPeriod): { from: string; to: string } {
  return { from: period.from, to: addDays(period.to, 1) };
}

/** The cost rows whose records are failures of one disposition in the period. */
const FAILURE_DISPOSITIONS: Partial<Record<CostComponent, FailuresSearch["disposition"]>> = {
  scrap_minor: "scrap",
  rework_minor: "rework",
  // The failures whose work the claims are for; the chargebacks page lists the claims.
  reinspection_minor: "reinspect",
  return_to_vendor_minor: "return_to_vendor",
};

/** The cost rows whose records are returns settled one way in the period. */
const SETTLEMENT_KINDS: Partial<Record<CostComponent, RmaSearch["settlement_kind"]>> = {
  refunds_minor: "refund",
  store_credit_minor: "store_credit",
};

/** The records behind a cost of quality row for the period; the net total has none of its own. */
export function costLink(component: CostComponent, period: ReviewPeriod): FigureLink | null {
  const days = halfOpen(period);
  const disposition = FAILURE_DISPOSITIONS[component];
  if (disposition) {
    return { to: "/failures", search: { from: period.from, to: period.to, disposition } };
  }
  const settlement_kind = SETTLEMENT_KINDS[component];
  if (settlement_kind) {
    return {
      to: "/returns",
      search: { settled_from: days.from, settled_to: days.to, settlement_kind },
    };
  }
  switch (component) {
    case "reshipment_shipping_minor":
    case "reshipment_goods_minor":
      return { to: "/reshipments", search: { shipped_from: days.from, shipped_to: days.to } };
    // Every source's recoveries, as the figure counts them: reshipments' and failures' claims.
    case "chargebacks_recovered_minor":
      return { to: "/chargebacks", search: { recovered_from: days.from, recovered_to: days.to } };
    default:
      return null;
  }
}

/** The test id of a cost row's link, named for the row rather than the field. */
export const COST_LINK_IDS: Record<Exclude<CostComponent, "net_minor">, string> = {
  scrap_minor: "cost-link-scrap",
  rework_minor: "cost-link-rework",
  reshipment_shipping_minor: "cost-link-shipping",
  reshipment_goods_minor: "cost-link-goods",
  refunds_minor: "cost-link-refunds",
  store_credit_minor: "cost-link-store-credit",
  reinspection_minor: "cost-link-reinspection",
  return_to_vendor_minor: "cost-link-return-to-vendor",
  chargebacks_recovered_minor: "cost-link-recovered",
};

export type TimelinessVerdict = "on_time" | "late";

/**
 * The reshipments shipped in the period and judged on time or late. Open ones and those without
 * a due date have no SLA state that matches only them, so only the two verdicts link.
 */
export function timelinessLink(verdict: TimelinessVerdict, period: ReviewPeriod): FigureLink {
  const days = halfOpen(period);
  return {
    to: "/reshipments",
    search: {
      sla: verdict === "on_time" ? "shipped_on_time" : "shipped_late",
      shipped_from: days.from,
      shipped_to: days.to,
    },
  };
}
