import type { Role } from "../../backend/bindings/Role";
import type { RmaStatus } from "./types";

export type RmaAction =
  | "approve"
  | "reject"
  | "suspend"
  | "label"
  | "in_transit"
  | "receive"
  | "inspect"
  | "settle"
  | "cancel";

/** The next steps of each status, the main one first (as the backend's transitions allow). */
const BY_STATUS: Record<RmaStatus, RmaAction[]> = {
  escalated: ["approve", "reject", "suspend", "cancel"],
  suspended: ["approve", "reject", "cancel"],
  approved: ["label", "in_transit", "receive", "cancel"],
  label_printed: ["in_transit", "label", "receive", "cancel"],
  in_transit: ["receive"],
  received: ["inspect"],
  inspected: ["settle"],
  settled: [],
  rejected: [],
  cancelled: [],
};

/** Who may take each step (the backend's permissions: decide, handle, settle, open). */
const ROLES: Record<RmaAction, Role[]> = {
  approve: ["admin", "quality_lead", "returns_analyst"],
  reject: ["admin", "quality_lead", "returns_analyst"],
  suspend: ["admin", "quality_lead", "returns_analyst"],
  label: ["admin", "returns_analyst", "logistics"],
  in_transit: ["admin", "returns_analyst", "logistics"],
  receive: ["admin", "returns_analyst", "logistics"],
  inspect: ["admin", "returns_analyst", "logistics"],
  settle: ["admin", "returns_analyst", "finance"],
  cancel: ["admin", "quality_lead", "returns_analyst", "logistics"],
};

/** The steps this user can take on an RMA in this status. */
export function availableActions(status: RmaStatus, roles: Role[]): RmaAction[] {
  return BY_STATUS[status].filter((a) => ROLES[a].some((r) => roles.includes(r)));
}

/** Who may open RMAs, and who may edit the returns policy. */
export const mayOpen = (roles: Role[]) => ROLES.cancel.some((r) => roles.includes(r));
export const mayConfigure = (roles: Role[]) =>
  roles.includes("admin") || roles.includes("quality_lead");
/** Who may print labels (the handle-returns permission). */
export const mayPrintLabels = (roles: Role[]) => ROLES.label.some((r) => roles.includes(r));
