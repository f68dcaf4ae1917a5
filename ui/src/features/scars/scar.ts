import type { ScarStatus } from "../../backend/bindings/ScarStatus";

/** The steps in order: a SCAR moves one step at a time. */
export const SCAR_STEPS: ScarStatus[] = [
  "draft",
  "sent",
  "containment_received",
  "root_cause_received",
  "verified",
  "closed",
];

export const SCAR_STATUS_COLOR: Record<ScarStatus, string> = {
  draft: "gray",
  sent: "blue",
  containment_received: "cyan",
  root_cause_received: "indigo",
  verified: "teal",
  closed: "green",
};

/** What a step asks for: sending a due date; the answers their text; the root cause its actions. */
export function stepNeeds(to: ScarStatus): { due: boolean; text: boolean; actions: boolean } {
  return {
    due: to === "sent",
    text: to === "containment_received" || to === "root_cause_received" || to === "verified",
    actions: to === "root_cause_received",
  };
}

/** A calendar day in the UI language: the one formatter every page uses (made once per language). */
export { formatDay } from "../../format";
