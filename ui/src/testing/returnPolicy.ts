import type { ReturnPolicy } from "../backend/bindings/ReturnPolicy";

/** A returns policy as an administrator would set one, for tests to vary field by field. */
export const RETURN_POLICY: ReturnPolicy = {
  version: 3,
  window_days: 30,
  proof_of_purchase_required: true,
  non_returnable_categories: [],
  conditions: [],
  reasons: [
    {
      code: "defective",
      shipping_paid_by: "us",
      ignores_window: true,
      needs_evidence: true,
      customer_choice: false,
    },
  ],
  auto_approve_max_minor: 25000,
  unusual_return_rate_bps: 3000,
  restocking_fee_bps: 1000,
  refund_within_days: 14,
  store_credit_within_hours: 24,
  returns_centre: { name: "Returns NL", address: "Dock 4\nVenlo", country: "NL" },
  label_carrier: "postnl",
  label_service: "Retour",
  parcel_grams: 1500,
  handling_cost_minor: 350,
  label_postage_minor: null,
};
