export type LotAction = "hold" | "release" | "recall" | "move";

/**
 * The backend permission behind each step; whether the person holds it is the session's word
 * (`session.permissions`), so no copy of which role may do what lives here.
 */
const PERMISSION: Record<LotAction, string> = {
  hold: "hold_lots",
  release: "release_holds",
  // Starting, following and closing a recall all need the permission to release holds.
  recall: "release_holds",
  // Receiving, linking, shipping and moving lots.
  move: "record_lots",
};

export function mayDo(action: LotAction, permissions: readonly string[]): boolean {
  return permissions.includes(PERMISSION[action]);
}

/** The hold steps this user can take on a lot: release only when a hold is in force. */
export function holdActions(activeHolds: number, permissions: readonly string[]): LotAction[] {
  const steps: LotAction[] = activeHolds > 0 ? ["hold", "release"] : ["hold"];
  return steps.filter((a) => mayDo(a, permissions));
}
