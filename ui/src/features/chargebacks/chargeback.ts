import type { ListChargebacksInput } from "../../backend/bindings/ListChargebacksInput";
import { isDay } from "../reports/period";

/** Colours of a chargeback's state, whatever its source. */
export const STATUS_COLOR: Record<string, string> = {
  open: "orange",
  accepted: "blue",
  disputed: "red",
  recovered: "teal",
  written_off: "gray",
};

/** Still waiting for the vendor's money. */
export function isOpen(status: string): boolean {
  return status === "open" || status === "accepted" || status === "disputed";
}

/**
 * The chargebacks list's URL (`#/chargebacks?recovered_from=…&recovered_to=…`): the claims money
 * came back on in those days, `from` included and `to` excluded, as a review's figure links them.
 */
export type ChargebackSearch = { recovered_from?: string; recovered_to?: string; vendor?: string };

/** The URL's search params; anything unknown or not a calendar day filters nothing. */
export function parseChargebackSearch(search: Record<string, unknown>): ChargebackSearch {
  const day = (value: unknown) => (typeof value === "string" && isDay(value) ? value : undefined);
  return {
    recovered_from: day(search.recovered_from),
    recovered_to: day(search.recovered_to),
    vendor: typeof search.vendor === "string" && search.vendor !== "" ? search.vendor : undefined,
  };
}

/** The list act's input for what the URL asked; empty fields filter nothing. */
export function listInputOf(search: ChargebackSearch): ListChargebacksInput {
  return {
    vendor_code: search.vendor ?? null,
    recovered_from: search.recovered_from ?? null,
    recovered_to: search.recovered_to ?? null,
  };
}
