use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ApiError, FieldError, Violations};
use crate::reshipment::Carrier;

/// The most a restocking fee may be, in basis points of the refund (10%).
pub const RESTOCKING_FEE_CAP_BPS: u32 = 1_000;

/// The heaviest parcel a prepaid return label may be bought for.
pub const MAX_PARCEL_GRAMS: i64 = 70_000;

/// Who pays for the return shipment when a return has this reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ShippingPaidBy {
    Us,
    Customer,
}

/// One reason code of the editable list, and what it means for the rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReasonRule {
    /// A stable code such as `defective`; the UI translates the known ones.
    pub code: String,
    pub shipping_paid_by: ShippingPaidBy,
    /// Damaged, defective and mis-shipped goods come back whatever the window says.
    pub ignores_window: bool,
    /// Photos (or another attachment) must show the problem, or an analyst decides.
    pub needs_evidence: bool,
    /// The customer's own choice: only then may a restocking fee be charged.
    pub customer_choice: bool,
}

/// What a category's goods must still be to come back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ConditionRequirement {
    pub category: String,
    pub original_packaging: bool,
    pub unused: bool,
    pub tags_attached: bool,
}

/// Where returned parcels go: printed as the "to" address of every prepaid label.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReturnsCentre {
    pub name: String,
    /// Street lines, one per line.
    pub address: String,
    pub country: String,
}

/// The returns policy. Every edit makes a new version, and every RMA keeps the version it was
/// judged by, so an old verdict can always be explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReturnPolicy {
    pub version: i64,
    /// Calendar days from delivery, counted in the site's time zone.
    pub window_days: u32,
    /// An order in Lotline or an attached receipt.
    pub proof_of_purchase_required: bool,
    pub non_returnable_categories: Vec<String>,
    pub conditions: Vec<ConditionRequirement>,
    pub reasons: Vec<ReasonRule>,
    /// Above this value (minor units, the installation's currency) an analyst decides.
    pub auto_approve_max_minor: i64,
    /// A customer whose returned share of delivered lines reaches this (basis points) is unusual.
    pub unusual_return_rate_bps: u32,
    /// Charged only when the goods cannot be sold as new and the return was the customer's choice.
    pub restocking_fee_bps: u32,
    /// Defective or misrepresented goods are refunded within this many days of receipt.
    pub refund_within_days: u32,
    /// Store credit is issued within this many hours of approval.
    pub store_credit_within_hours: u32,
    // Label settings came after the first policies were recorded; old events read as defaults.
    #[serde(default)]
    pub returns_centre: ReturnsCentre,
    /// The carrier and service prepaid labels are bought from.
    #[serde(default = "default_label_carrier")]
    pub label_carrier: Carrier,
    #[serde(default)]
    pub label_service: String,
    /// The parcel weight printed on a label when the analyst gives none.
    #[serde(default = "default_parcel_grams")]
    pub parcel_grams: i64,
    /// What handling one return costs (receiving, inspecting, putting away), in minor units of
    /// the installation's currency: the standard cost finance books. Unset is not known, not 0.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub handling_cost_minor: Option<i64>,
    /// What the carrier charges for one prepaid return label (the return shipping), same currency.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub label_postage_minor: Option<i64>,
}

fn default_label_carrier() -> Carrier {
    Carrier::Postnl
}

fn default_parcel_grams() -> i64 {
    1_000
}

impl ReturnPolicy {
    /// The defaults our users described: 30 days, the three window exceptions, 10% fee cap.
    pub fn default_policy() -> Self {
        let reason = |code: &str, paid_by, ignores_window, needs_evidence, customer_choice| ReasonRule {
            code: code.into(),
            shipping_paid_by: paid_by,
            ignores_window,
            needs_evidence,
            customer_choice,
        };
        use ShippingPaidBy::{Customer, Us};
        Self {
            version: 1,
            window_days: 30,
            proof_of_purchase_required: true,
            non_returnable_categories: Vec::new(),
            conditions: Vec::new(),
            reasons: vec![
                reason("defective", Us, true, true, false),
                reason("not_as_described", Us, false, true, false),
                reason("wrong_item", Us, true, false, false),
                reason("size_colour_mismatch", Customer, false, false, true),
                reason("fulfillment_error", Us, false, false, false),
                reason("damaged_in_transit", Us, true, true, false),
                reason("no_longer_needed", Customer, false, false, true),
            ],
            auto_approve_max_minor: 25_000,
            unusual_return_rate_bps: 3_000,
            restocking_fee_bps: 500,
            refund_within_days: 14,
            store_credit_within_hours: 24,
            returns_centre: ReturnsCentre::default(),
            label_carrier: default_label_carrier(),
            label_service: String::new(),
            parcel_grams: default_parcel_grams(),
            handling_cost_minor: None,
            label_postage_minor: None,
        }
    }

    pub fn reason(&self, code: &str) -> Option<&ReasonRule> {
        self.reasons.iter().find(|r| r.code == code)
    }

    pub fn condition_for(&self, category: &str) -> Option<&ConditionRequirement> {
        self.conditions.iter().find(|c| c.category.eq_ignore_ascii_case(category))
    }

    pub fn is_returnable_category(&self, category: &str) -> bool {
        !self.non_returnable_categories.iter().any(|c| c.eq_ignore_ascii_case(category))
    }

    /// Checks an edited policy; every problem is named by its field (`reasons[2].code`).
    pub fn validate(&self) -> Result<(), ApiError> {
        let mut v = Violations::default();
        if self.window_days == 0 || self.window_days > 3_650 {
            v.push(FieldError::new("window_days", "error.returns.window_days").with("max", 3_650));
        }
        if self.restocking_fee_bps > RESTOCKING_FEE_CAP_BPS {
            v.push(
                FieldError::new("restocking_fee_bps", "error.returns.fee_above_cap")
                    .with("cap_percent", RESTOCKING_FEE_CAP_BPS / 100),
            );
        }
        if self.auto_approve_max_minor < 0 {
            v.push(FieldError::new("auto_approve_max_minor", "error.field.negative"));
        }
        for (field, cost) in
            [("handling_cost_minor", self.handling_cost_minor), ("label_postage_minor", self.label_postage_minor)]
        {
            if cost.is_some_and(|c| c < 0) {
                v.push(FieldError::new(field, "error.field.negative"));
            }
        }
        if self.unusual_return_rate_bps == 0 || self.unusual_return_rate_bps > 10_000 {
            v.push(FieldError::new("unusual_return_rate_bps", "error.returns.rate_out_of_range"));
        }
        if self.refund_within_days == 0 {
            v.push(FieldError::new("refund_within_days", "error.returns.deadline_zero"));
        }
        if self.store_credit_within_hours == 0 {
            v.push(FieldError::new("store_credit_within_hours", "error.returns.deadline_zero"));
        }
        if self.parcel_grams <= 0 || self.parcel_grams > MAX_PARCEL_GRAMS {
            v.push(FieldError::new("parcel_grams", "error.rma.weight").with("max_kg", MAX_PARCEL_GRAMS / 1_000));
        }
        v.max_len("label_service", &self.label_service, crate::limits::LABEL);
        v.max_len("returns_centre.name", &self.returns_centre.name, crate::limits::NAME);
        v.max_len("returns_centre.address", &self.returns_centre.address, crate::limits::ADDRESS);
        v.max_len("returns_centre.country", &self.returns_centre.country, crate::limits::LABEL);
        if self.reasons.is_empty() {
            v.push(FieldError::new("reasons", "error.returns.no_reasons"));
        }
        for (i, reason) in self.reasons.iter().enumerate() {
            let field = format!("reasons[{i}].code");
            let code = reason.code.as_str();
            if code.is_empty() || !code.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
                v.push(FieldError::new(field, "error.returns.reason_code").with("code", code));
            } else if self.reasons[..i].iter().any(|r| r.code == code) {
                v.push(FieldError::new(field, "error.returns.reason_twice").with("code", code));
            }
        }
        for (i, condition) in self.conditions.iter().enumerate() {
            if condition.category.trim().is_empty() {
                v.push(FieldError::new(format!("conditions[{i}].category"), "error.field.required"));
            }
        }
        v.into_result()
    }
}

impl ReturnPolicy {
    /// What `returns` settled under this policy cost, with `labels` prepaid labels printed for
    /// them in all: handling per return plus postage per label. `None` when the policy sets
    /// neither cost.
    pub fn returns_cost_minor(&self, returns: i64, labels: i64) -> Option<i64> {
        if self.handling_cost_minor.is_none() && self.label_postage_minor.is_none() {
            return None;
        }
        Some(returns * self.handling_cost_minor.unwrap_or(0) + labels * self.label_postage_minor.unwrap_or(0))
    }
}
