import type { CurrencyCost } from "../../backend/bindings/CurrencyCost";

/** The cost of quality's rows, in the order the review reads them; net last. */
export const COST_COMPONENTS = [
  "scrap_minor",
  "rework_minor",
  "reshipment_shipping_minor",
  "reshipment_goods_minor",
  "refunds_minor",
  "store_credit_minor",
  "reinspection_minor",
  "return_to_vendor_minor",
  "chargebacks_recovered_minor",
  "net_minor",
] as const;

export type CostComponent = (typeof COST_COMPONENTS)[number];

/** A component in minor units; recoveries count against the cost, so they read negative. */
export function costValue(cost: CurrencyCost | null, component: CostComponent): number | null {
  if (cost === null) return null;
  const value = cost[component];
  // Nothing recovered is 0, not "-0" (which Intl prints as "-€0.00").
  return component === "chargebacks_recovered_minor" && value !== 0 ? -value : value;
}
