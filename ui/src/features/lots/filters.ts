import type { ListLotsInput } from "../../backend/bindings/ListLotsInput";
import type { LotStatus } from "../../backend/bindings/LotStatus";
import { addDays, EXPIRY_WINDOW_DAYS, isoDay } from "./dates";

export const LOT_STATUSES: LotStatus[] = [
  "available",
  "on_hold",
  "quarantined",
  "released",
  "consumed",
  "shipped",
  "expired",
  "recalled",
];

export type LotsTab = "lots" | "holds" | "pick";
export type LotFilters = { text: string; status: LotStatus | ""; expiring: boolean };
/** The page's state as it appears in the URL (`#/lots?text=…&status=…&expiring=true&tab=holds`). */
export type LotsSearch = {
  text?: string;
  status?: LotStatus;
  expiring?: true;
  tab?: "holds" | "pick";
};

export const NO_FILTERS: LotFilters = { text: "", status: "", expiring: false };

const isStatus = (value: unknown): value is LotStatus =>
  typeof value === "string" && (LOT_STATUSES as string[]).includes(value);

/** The URL's search params; anything unknown filters nothing. */
export function parseSearch(search: Record<string, unknown>): LotsSearch {
  return {
    text: typeof search.text === "string" && search.text !== "" ? search.text : undefined,
    status: isStatus(search.status) ? search.status : undefined,
    // A hand-typed URL may carry the flag as text.
    expiring: search.expiring === true || search.expiring === "true" ? true : undefined,
    tab: search.tab === "holds" || search.tab === "pick" ? search.tab : undefined,
  };
}

export function fromSearch(search: LotsSearch): LotFilters {
  return {
    text: search.text ?? "",
    status: search.status ?? "",
    expiring: search.expiring === true,
  };
}

/** The filters for the URL, leaving out what filters nothing so the URL stays short. */
export function toSearch(filters: LotFilters): Omit<LotsSearch, "tab"> {
  return {
    text: filters.text === "" ? undefined : filters.text,
    status: filters.status === "" ? undefined : filters.status,
    expiring: filters.expiring ? true : undefined,
  };
}

/** The list act's input; "expiring" becomes a cut-off day counted from `today` (local). */
export function toListInput(
  filters: LotFilters,
  offset: number,
  limit: number,
  today: Date,
): ListLotsInput {
  const text = filters.text.trim();
  return {
    text: text === "" ? null : text,
    status: filters.status === "" ? null : filters.status,
    expiring_by: filters.expiring ? isoDay(addDays(today, EXPIRY_WINDOW_DAYS)) : null,
    offset,
    limit,
  };
}
