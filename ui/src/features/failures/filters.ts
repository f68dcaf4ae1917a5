import type { Disposition } from "../../backend/bindings/Disposition";
import type { FailureSortBy } from "../../backend/bindings/FailureSortBy";
import type { FailureStatus } from "../../backend/bindings/FailureStatus";
import type { ListFailuresInput } from "../../backend/bindings/ListFailuresInput";
import { addDays, isDay } from "../reports/period";

export type FailureFilters = {
  from: string;
  to: string;
  vendor: string;
  sku: string;
  category: string;
  status: string;
  disposition: string;
  text: string;
};

export const NO_FILTERS: FailureFilters = {
  from: "",
  to: "",
  vendor: "",
  sku: "",
  category: "",
  status: "",
  disposition: "",
  text: "",
};

const SORTABLE: FailureSortBy[] = [
  "occurred_at",
  "failure_no",
  "sku",
  "vendor",
  "qty_failed",
  "severity",
];

const orNull = (value: string) => (value.trim() === "" ? null : value.trim());

/** The list act's input for what the filter bar shows; empty fields filter nothing. */
export function toListInput(
  filters: FailureFilters,
  sort: { id: string; desc: boolean } | undefined,
  offset: number,
  limit: number,
): ListFailuresInput {
  const sortBy = SORTABLE.find((s) => s === sort?.id) ?? "occurred_at";
  return {
    // Days, not instants: the backend starts them at the site's midnight, as a review does.
    from: isDay(filters.from) ? filters.from : null,
    to: isDay(filters.to) ? addDays(filters.to, 1) : null,
    vendor_code: orNull(filters.vendor),
    sku: orNull(filters.sku),
    category_code: orNull(filters.category),
    status: orNull(filters.status) as FailureStatus | null,
    disposition: orNull(filters.disposition) as Disposition | null,
    text: orNull(filters.text),
    sort_by: sortBy,
    sort_dir: sort === undefined || sort.desc ? "desc" : "asc",
    offset,
    limit,
  };
}

export type FailureSearch = Partial<Record<keyof FailureFilters, string>>;

const KEYS = Object.keys(NO_FILTERS) as (keyof FailureFilters)[];

/** The filters a link carries in the URL (a report's bar, a search hit); unknown keys dropped. */
export function parseFailureSearch(search: Record<string, unknown>): FailureSearch {
  const out: FailureSearch = {};
  for (const key of KEYS) {
    const value = search[key];
    if (typeof value === "string" && value !== "") out[key] = value;
  }
  return out;
}

export function failureFiltersOf(search: FailureSearch): FailureFilters {
  return { ...NO_FILTERS, ...search };
}
