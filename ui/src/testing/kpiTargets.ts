import type { KpiTargets } from "../backend/bindings/KpiTargets";

/** The KPI targets a desk starts with, as the backend sends them. */
export const DEFAULT_KPI_TARGETS: KpiTargets = {
  return_rate_max_bps: 600,
  cost_per_return_max_minor: { EUR: 750 },
  receipt_to_decision_max_minutes: 2880,
  refund_processing_max_minutes: 3600,
  restock_rate_min_bps: 6000,
  damaged_rate_max_bps: 1000,
  inventory_impact_max_bps: 100,
  refund_accuracy_min_bps: 9800,
};
