import type { FailureFilter } from "../../backend/bindings/FailureFilter";
import type { FailureFilters } from "../failures/filters";
import { addDays } from "./period";

/**
 * The failures list's filters in the URL, named as the failures filter bar names them
 * (`FailureFilters`: `from` and `to` are days, both included; empty fields are left out).
 */
export type FailuresSearch = Partial<
  Pick<FailureFilters, "from" | "to" | "vendor" | "sku" | "category" | "text">
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
