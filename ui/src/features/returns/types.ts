// The returns shapes come from the Rust types (ts-rs bindings); this file adds the option lists
// the screens offer, in the order users expect to see them.
import type { ConditionGrade } from "../../backend/bindings/ConditionGrade";
import type { LabelSize } from "../../backend/bindings/LabelSize";
import type { PreferredOutcome } from "../../backend/bindings/PreferredOutcome";
import type { ReturnDisposition } from "../../backend/bindings/ReturnDisposition";
import type { ReturnPolicy } from "../../backend/bindings/ReturnPolicy";
import type { RmaDetail } from "../../backend/bindings/RmaDetail";
import type { RmaRow } from "../../backend/bindings/RmaRow";
import type { RmaStatus } from "../../backend/bindings/RmaStatus";
import type { RuleOutcome } from "../../backend/bindings/RuleOutcome";
import type { RuleResult } from "../../backend/bindings/RuleResult";
import type { SlaState } from "../../backend/bindings/SlaState";

export type {
  ConditionGrade,
  LabelSize,
  PreferredOutcome,
  ReturnDisposition,
  ReturnPolicy,
  RmaDetail,
  RmaRow,
  RmaStatus,
  RuleOutcome,
  RuleResult,
  SlaState,
};

/** The deadline fields the backend fills in on every row and detail. */
export type WithSla = Pick<RmaRow, "sla" | "sla_step" | "due_at">;

export const STATUSES: RmaStatus[] = [
  "escalated",
  "suspended",
  "approved",
  "label_printed",
  "in_transit",
  "received",
  "inspected",
  "settled",
  "rejected",
  "cancelled",
];
export const OUTCOMES: PreferredOutcome[] = ["refund", "store_credit", "exchange"];
export const GRADES: ConditionGrade[] = ["A", "B", "C", "D"];
export const DISPOSITIONS: ReturnDisposition[] = [
  "restock",
  "refurbish",
  "resell_open_box",
  "credit_only",
  "donate",
  "recycle",
  "write_off",
];
/** Dispositions that put the goods back into stock, so they need a location. */
export const TO_STOCK = new Set<ReturnDisposition>(["restock", "refurbish", "resell_open_box"]);
export const LABEL_SIZES: LabelSize[] = ["four_by_six", "a6"];
/** Reason codes of the default policy, which the UI translates; others show as typed. */
export const KNOWN_REASONS = [
  "defective",
  "not_as_described",
  "wrong_item",
  "size_colour_mismatch",
  "fulfillment_error",
  "damaged_in_transit",
  "no_longer_needed",
];
/** Statuses whose RMAs can get a prepaid label. */
export const LABELLABLE = new Set<RmaStatus>(["approved", "label_printed"]);
