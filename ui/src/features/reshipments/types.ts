// The reshipment shapes come from the Rust types (ts-rs bindings); this file adds the option
// lists the screens offer, in the order users expect to see them.
import type { ApprovalPolicy } from "../../backend/bindings/ApprovalPolicy";
import type { ApprovalView } from "../../backend/bindings/ApprovalView";
import type { Carrier } from "../../backend/bindings/Carrier";
import type { ChargebackStatus } from "../../backend/bindings/ChargebackStatus";
import type { ListReshipmentsInput } from "../../backend/bindings/ListReshipmentsInput";
import type { Queue } from "../../backend/bindings/Queue";
import type { ReshipmentDetail } from "../../backend/bindings/ReshipmentDetail";
import type { ReshipmentRow } from "../../backend/bindings/ReshipmentRow";
import type { ReshipmentStatus } from "../../backend/bindings/ReshipmentStatus";
import type { SlaState } from "../../backend/bindings/SlaState";

export type {
  ApprovalPolicy,
  ApprovalView,
  Carrier,
  ChargebackStatus,
  ListReshipmentsInput,
  Queue,
  ReshipmentDetail,
  ReshipmentRow,
  ReshipmentStatus,
  SlaState,
};

export const CARRIERS: Carrier[] = [
  "dhl",
  "ups",
  "fedex",
  "postnl",
  "dpd",
  "gls",
  "sf_express",
  "other",
];
export const STATUSES: ReshipmentStatus[] = [
  "requested",
  "authorized",
  "rejected",
  "shipped",
  "delivered",
  "cancelled",
];
export const SLAS: SlaState[] = [
  "on_track",
  "at_risk",
  "overdue",
  "shipped_on_time",
  "shipped_late",
];
export const QUEUES: Queue[] = ["finance", "logistics", "vendor_management"];
