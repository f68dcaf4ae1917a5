import type { Role } from "../../backend/bindings/Role";

export type LotAction = "hold" | "release" | "recall" | "move";

/** Who may take each step (the backend's permissions: hold lots, release holds). */
const ROLES: Record<LotAction, Role[]> = {
  hold: ["admin", "quality_lead", "inspector", "logistics"],
  release: ["admin", "quality_lead"],
  // Starting, following and closing a recall all need the quality lead's permission.
  recall: ["admin", "quality_lead"],
  // Receiving, linking, shipping and moving lots.
  move: ["admin", "quality_lead", "logistics", "inspector"],
};

export function mayDo(action: LotAction, roles: readonly string[]): boolean {
  return ROLES[action].some((r) => roles.includes(r));
}

/** The hold steps this user can take on a lot: release only when a hold is in force. */
export function holdActions(activeHolds: number, roles: readonly string[]): LotAction[] {
  const steps: LotAction[] = activeHolds > 0 ? ["hold", "release"] : ["hold"];
  return steps.filter((a) => mayDo(a, roles));
}
