import { orNull } from "../../components/forms/typed";
import { isDay } from "../reports/period";
import {
  type ListReshipmentsInput,
  type Queue,
  type ReshipmentStatus,
  SLAS,
  type SlaState,
} from "./types";

export type ReshipmentFilters = { text: string; status: string; queue: string; sla: string };

export const NO_FILTERS: ReshipmentFilters = { text: "", status: "", queue: "", sla: "" };

/**
 * Day ranges a link can carry (a review's costs and timeliness): `*_from` included, `*_to`
 * excluded, both `YYYY-MM-DD`. The filter bar has no control for them; the page shows a chip.
 */
export type ReshipmentDates = {
  shipped_from?: string;
  shipped_to?: string;
  recovered_from?: string;
  recovered_to?: string;
};

export type DateRangeKind = "shipped" | "recovered";

export const DATE_RANGES: {
  kind: DateRangeKind;
  from: keyof ReshipmentDates;
  to: keyof ReshipmentDates;
}[] = [
  { kind: "shipped", from: "shipped_from", to: "shipped_to" },
  { kind: "recovered", from: "recovered_from", to: "recovered_to" },
];

/** The reshipments list's URL (`#/reshipments?sla=…&shipped_from=…&shipped_to=…`). */
export type ReshipmentSearch = { text?: string; sla?: SlaState } & ReshipmentDates;

const isSla = (value: unknown): value is SlaState =>
  typeof value === "string" && (SLAS as string[]).includes(value);

/** The URL's search params; anything unknown or not a calendar day filters nothing. */
export function parseReshipmentSearch(search: Record<string, unknown>): ReshipmentSearch {
  const day = (value: unknown) => (typeof value === "string" && isDay(value) ? value : undefined);
  return {
    text: typeof search.text === "string" && search.text !== "" ? search.text : undefined,
    sla: isSla(search.sla) ? search.sla : undefined,
    shipped_from: day(search.shipped_from),
    shipped_to: day(search.shipped_to),
    recovered_from: day(search.recovered_from),
    recovered_to: day(search.recovered_to),
  };
}

/** The filter bar's starting point for what the URL asked for. */
export function filtersOfSearch(search: ReshipmentSearch): ReshipmentFilters {
  return { ...NO_FILTERS, text: search.text ?? "", sla: search.sla ?? "" };
}

/** Only the date ranges of the URL, with the empty ends left out. */
export function datesOfSearch(search: ReshipmentSearch): ReshipmentDates {
  const out: ReshipmentDates = {};
  for (const { from, to } of DATE_RANGES) {
    if (search[from]) out[from] = search[from];
    if (search[to]) out[to] = search[to];
  }
  return out;
}

/**
 * The list act's input for what the filter bar shows and the URL's date ranges; empty fields
 * filter nothing.
 */
export function toListInput(
  filters: ReshipmentFilters,
  offset: number,
  limit: number,
  dates: ReshipmentDates = {},
): ListReshipmentsInput {
  return {
    text: orNull(filters.text),
    status: orNull(filters.status) as ReshipmentStatus | null,
    queue: orNull(filters.queue) as Queue | null,
    sla: orNull(filters.sla) as SlaState | null,
    ...datesOfSearch(dates),
    offset,
    limit,
  };
}
