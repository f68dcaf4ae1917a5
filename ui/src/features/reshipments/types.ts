// Shapes of the reshipment acts, mirroring crates/app/src/acts/reshipments.rs and
// crates/store/src/queries/reshipments.rs (their ts-rs bindings are not generated yet).
import type { ApprovalPolicy } from "../../backend/bindings/ApprovalPolicy";
import type { Carrier } from "../../backend/bindings/Carrier";
import type { Chargeback } from "../../backend/bindings/Chargeback";
import type { ChargebackStatus } from "../../backend/bindings/ChargebackStatus";
import type { CostInput } from "../../backend/bindings/CostInput";
import type { HistoryEntry } from "../../backend/bindings/HistoryEntry";
import type { Queue } from "../../backend/bindings/Queue";
import type { Refusal } from "../../backend/bindings/Refusal";
import type { Requirement } from "../../backend/bindings/Requirement";
import type { ReshipmentRequest } from "../../backend/bindings/ReshipmentRequest";
import type { ReshipmentStatus } from "../../backend/bindings/ReshipmentStatus";
import type { Role } from "../../backend/bindings/Role";
import type { SlaState } from "../../backend/bindings/SlaState";

export type { ApprovalPolicy, Carrier, ChargebackStatus, Queue, ReshipmentStatus, SlaState };

export type ReshipmentRow = {
  reshipment_no: string;
  order_no: string;
  customer_name: string | null;
  status: ReshipmentStatus;
  failure_nos: string[];
  requested_by_name: string | null;
  requested_at: string;
  authorized_at: string | null;
  due_on: string;
  carrier: string;
  service: string;
  tracking_no: string | null;
  shipped_on: string | null;
  delivered_on: string | null;
  shipping_minor: number;
  goods_minor: number;
  total_minor: number;
  currency: string;
  payer: string;
  vendor_code: string | null;
  chargeback_status: string | null;
  recovered_minor: number;
  ship_to_name: string;
  reason: string;
  sla: SlaState | null;
  queue: Queue | null;
};

export type ListReshipmentsInput = {
  text?: string | null;
  status?: ReshipmentStatus | null;
  queue?: Queue | null;
  sla?: SlaState | null;
  failure_no?: string | null;
  order_no?: string | null;
  offset: number;
  limit: number;
};

export type ApprovalView = {
  approver_name: string | null;
  approver_roles: Role[];
  at: string;
  total_minor: number;
  currency: string;
  note: string;
  counts: boolean;
};

export type ReshipmentDetail = ReshipmentRow & {
  request: ReshipmentRequest;
  approvals: ApprovalView[];
  requirement: Requirement;
  approver_roles: Role[];
  my_refusal: Refusal | null;
  chargeback: Chargeback | null;
  history: HistoryEntry[];
};

export type ReshipmentNoInput = { reshipment_no: string };
export type ApproveReshipmentInput = { reshipment_no: string; note: string };
export type ReasonInput = { reshipment_no: string; reason: string };
export type AmendReshipmentInput = { reshipment_no: string; cost: CostInput; reason: string };
export type DeliverInput = { reshipment_no: string; delivered_on: string | null };
export type ChargebackInput = {
  reshipment_no: string;
  status: ChargebackStatus;
  recovered_minor: number;
  note: string;
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
