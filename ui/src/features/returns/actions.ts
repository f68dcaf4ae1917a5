import type { Role } from "../../backend/bindings/Role";

// Which steps of an RMA a person may take is the backend's answer (`my_actions` on every RMA).
// These say only which screens and buttons of the returns list to show.

const OPENERS: Role[] = ["admin", "quality_lead", "returns_analyst", "logistics"];
const HANDLERS: Role[] = ["admin", "returns_analyst", "logistics"];

/** Who may open RMAs, and who may edit the returns policy. */
export const mayOpen = (roles: Role[]) => OPENERS.some((r) => roles.includes(r));
export const mayConfigure = (roles: Role[]) =>
  roles.includes("admin") || roles.includes("quality_lead");
/** Who may print labels (the handle-returns permission). */
export const mayPrintLabels = (roles: Role[]) => HANDLERS.some((r) => roles.includes(r));
