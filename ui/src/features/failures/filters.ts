import type { Disposition } from "../../backend/bindings/Disposition";
import type { FailureSortBy } from "../../backend/bindings/FailureSortBy";
import type { FailureStatus } from "../../backend/bindings/FailureStatus";
import type { ListFailuresInput } from "../../backend/bindings/ListFailuresInput";
import { dayEndUtc, dayStartUtc } from "../../format";

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
    from: filters.from ? dayStartUtc(filters.from) : null,
    to: filters.to ? dayEndUtc(filters.to) : null,
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
