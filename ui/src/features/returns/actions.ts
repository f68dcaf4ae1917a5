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
  | "issue_credit"
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
  issue_credit: ["admin", "returns_analyst", "finance"],
  cancel: ["admin", "quality_lead", "returns_analyst", "logistics"],
};

/** Statuses in which store credit may go out ahead of the goods: approved and not yet settled. */
const CREDIT_OPEN: RmaStatus[] = [
  "approved",
  "label_printed",
  "in_transit",
  "received",
  "inspected",
];

/** What decides the steps of an RMA: its status, and whether it still owes store credit. */
export type RmaActionState = {
  status: RmaStatus;
  preferred_outcome: string;
  credit_issued_minor: number | null;
};

/**
 * The steps this user can take on an RMA. Store credit the customer asked for comes first while
 * it is owed: the policy promises it within hours of approval, long before the goods arrive.
 */
export function availableActions(rma: RmaActionState, roles: Role[]): RmaAction[] {
  const owesCredit =
    rma.preferred_outcome === "store_credit" &&
    rma.credit_issued_minor === null &&
    CREDIT_OPEN.includes(rma.status);
  const steps: RmaAction[] = owesCredit
    ? ["issue_credit", ...BY_STATUS[rma.status]]
    : BY_STATUS[rma.status];
  // Cancelling after credit went out leaves the customer with money for goods that will not
  // come: that is the analysts' decision.
  const allowed = (a: RmaAction) =>
    a === "cancel" && rma.credit_issued_minor !== null ? ROLES.approve : ROLES[a];
  return steps.filter((a) => allowed(a).some((r) => roles.includes(r)));
}

/** Who may open RMAs, and who may edit the returns policy. */
export const mayOpen = (roles: Role[]) => ROLES.cancel.some((r) => roles.includes(r));
export const mayConfigure = (roles: Role[]) =>
  roles.includes("admin") || roles.includes("quality_lead");
/** Who may print labels (the handle-returns permission). */
export const mayPrintLabels = (roles: Role[]) => ROLES.label.some((r) => roles.includes(r));
