import type { TFunction } from "i18next";
import type { KpiBreakdown } from "../../backend/bindings/KpiBreakdown";
import { channelName, isChannel } from "../channels/channels";
import { reasonName } from "../returns/verdict";

/** What the returns figures can be broken down by, as seed 001 asks. */
export const BREAKDOWNS: KpiBreakdown[] = ["channel", "category", "reason"];

export function isBreakdown(value: unknown): value is KpiBreakdown {
  return typeof value === "string" && (BREAKDOWNS as string[]).includes(value);
}

/** A group's name in the reader's language: a channel or a known reason code translated, a
 * category as the products name it; no key is "unspecified" (or "no category"). */
export function groupName(t: TFunction, breakdown: KpiBreakdown, key: string | null): string {
  if (breakdown === "channel") return channelName(t, isChannel(key) ? key : null);
  if (key === null) {
    return breakdown === "category" ? t("reports.breakdown.no_category") : channelName(t, null);
  }
  return breakdown === "reason" ? reasonName(t, key) : key;
}
