import type { FailureReaction } from "../../backend/bindings/FailureReaction";
import type { HoldScope } from "../../backend/bindings/HoldScope";

/**
 * A failed inspection's reaction as one choice: what it holds, and whether the quality lead is
 * told; "" follows the product's category (or the global rule, hold the lot).
 */
export const REACTIONS = [
  "",
  "lot",
  "serials",
  "none",
  "lot_notify",
  "serials_notify",
  "none_notify",
] as const;

export function reactionOf(choice: string): FailureReaction | null {
  if (choice === "") return null;
  const [hold, notify] = choice.split("_") as [HoldScope, string | undefined];
  return { hold, notify: notify === "notify" };
}

export const reactionChoice = (r: FailureReaction | null | undefined): string =>
  r ? `${r.hold}${r.notify ? "_notify" : ""}` : "";
