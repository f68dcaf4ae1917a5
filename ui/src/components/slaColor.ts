import type { SlaState } from "../backend/bindings/SlaState";

/** One colour per SLA state, shared by reshipments and RMAs so the two lists read alike. */
export const SLA_COLOR: Record<SlaState, string> = {
  on_track: "teal",
  at_risk: "orange",
  overdue: "red",
  shipped_on_time: "teal",
  shipped_late: "red",
  closed: "gray",
};
