import type { ListRmasInput } from "../../backend/bindings/ListRmasInput";
import { type RmaStatus, STATUSES } from "./types";

export type RmaView = "all" | "analyst";
export type RmaFilters = { text: string; status: RmaStatus | ""; view: RmaView };
/** The filters as they appear in the URL (`#/returns?text=…&status=…&view=analyst`). */
export type RmaSearch = { text?: string; status?: RmaStatus; view?: "analyst" };

export const NO_FILTERS: RmaFilters = { text: "", status: "", view: "all" };

const isStatus = (value: unknown): value is RmaStatus =>
  typeof value === "string" && (STATUSES as string[]).includes(value);

/** The URL's search params as filters; anything unknown filters nothing. */
export function parseSearch(search: Record<string, unknown>): RmaSearch {
  return {
    text: typeof search.text === "string" && search.text !== "" ? search.text : undefined,
    status: isStatus(search.status) ? search.status : undefined,
    view: search.view === "analyst" ? "analyst" : undefined,
  };
}

export function fromSearch(search: RmaSearch): RmaFilters {
  return { text: search.text ?? "", status: search.status ?? "", view: search.view ?? "all" };
}

/** The filters for the URL, leaving out what filters nothing so the URL stays short. */
export function toSearch(filters: RmaFilters): RmaSearch {
  return {
    text: filters.text === "" ? undefined : filters.text,
    status: filters.status === "" ? undefined : filters.status,
    view: filters.view === "analyst" ? "analyst" : undefined,
  };
}

/** The list act's input for what the filter bar shows; empty fields filter nothing. */
export function toListInput(filters: RmaFilters, offset: number, limit: number): ListRmasInput {
  const text = filters.text.trim();
  return {
    text: text === "" ? null : text,
    status: filters.status === "" ? null : filters.status,
    analyst_queue: filters.view === "analyst",
    offset,
    limit,
  };
}
