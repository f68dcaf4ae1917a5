import type { ChannelFilter } from "../../backend/bindings/ChannelFilter";
import type { ListRmasInput } from "../../backend/bindings/ListRmasInput";
import type { Settlement } from "../../backend/bindings/Settlement";
import { CHANNEL_FILTERS } from "../channels/channels";
import { isDay } from "../reports/period";
import { type RmaStatus, STATUSES } from "./types";

export type SettlementKind = Settlement["kind"];
export const SETTLEMENT_KINDS: SettlementKind[] = ["refund", "store_credit", "exchange"];

/**
 * How and when RMAs were settled, as a link carries it (a review's refunds): `settled_from`
 * included, `settled_to` excluded, both `YYYY-MM-DD`. No control in the filter bar sets these,
 * so they are optional: a chip shows them and removes them.
 */
export type RmaSettled = {
  settled_from?: string;
  settled_to?: string;
  settlement_kind?: SettlementKind;
};

export type RmaView = "all" | "analyst";
export type RmaFilters = {
  text: string;
  status: RmaStatus | "";
  view: RmaView;
  channel: ChannelFilter | "";
} & RmaSettled;
/** The filters as they appear in the URL (`#/returns?text=…&status=…&view=analyst`). */
export type RmaSearch = {
  text?: string;
  status?: RmaStatus;
  view?: "analyst";
  channel?: ChannelFilter;
} & RmaSettled;

export const NO_FILTERS: RmaFilters = { text: "", status: "", view: "all", channel: "" };

const isChannelFilter = (value: unknown): value is ChannelFilter =>
  typeof value === "string" && (CHANNEL_FILTERS as string[]).includes(value);

const isStatus = (value: unknown): value is RmaStatus =>
  typeof value === "string" && (STATUSES as string[]).includes(value);
const isKind = (value: unknown): value is SettlementKind =>
  typeof value === "string" && (SETTLEMENT_KINDS as string[]).includes(value);
const day = (value: unknown) => (typeof value === "string" && isDay(value) ? value : undefined);

/** Only the settlement filters that are set, so that empty ones stay out of URL and input. */
export function settledOf(filters: RmaSettled): RmaSettled {
  const out: RmaSettled = {};
  if (filters.settled_from) out.settled_from = filters.settled_from;
  if (filters.settled_to) out.settled_to = filters.settled_to;
  if (filters.settlement_kind) out.settlement_kind = filters.settlement_kind;
  return out;
}

/** The URL's search params as filters; anything unknown filters nothing. */
export function parseSearch(search: Record<string, unknown>): RmaSearch {
  return {
    text: typeof search.text === "string" && search.text !== "" ? search.text : undefined,
    status: isStatus(search.status) ? search.status : undefined,
    view: search.view === "analyst" ? "analyst" : undefined,
    channel: isChannelFilter(search.channel) ? search.channel : undefined,
    settled_from: day(search.settled_from),
    settled_to: day(search.settled_to),
    settlement_kind: isKind(search.settlement_kind) ? search.settlement_kind : undefined,
  };
}

export function fromSearch(search: RmaSearch): RmaFilters {
  return {
    text: search.text ?? "",
    status: search.status ?? "",
    view: search.view ?? "all",
    channel: search.channel ?? "",
    ...settledOf(search),
  };
}

/** The filters for the URL, leaving out what filters nothing so the URL stays short. */
export function toSearch(filters: RmaFilters): RmaSearch {
  return {
    text: filters.text === "" ? undefined : filters.text,
    status: filters.status === "" ? undefined : filters.status,
    view: filters.view === "analyst" ? "analyst" : undefined,
    channel: filters.channel === "" ? undefined : filters.channel,
    ...settledOf(filters),
  };
}

/** The list act's input for what the filter bar shows; empty fields filter nothing. */
export function toListInput(filters: RmaFilters, offset: number, limit: number): ListRmasInput {
  const text = filters.text.trim();
  return {
    text: text === "" ? null : text,
    status: filters.status === "" ? null : filters.status,
    analyst_queue: filters.view === "analyst",
    channel: filters.channel === "" ? null : filters.channel,
    ...settledOf(filters),
    offset,
    limit,
  };
}
