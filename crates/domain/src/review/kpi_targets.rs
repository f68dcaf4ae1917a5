//! The KPI targets an admin may edit, with the users' defaults.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::kpi::KpiId;
use crate::error::{ApiError, FieldError, Violations};
use crate::master::check_currency;

/// Durations are limited to a year: a longer target is a typo, not a promise.
const MAX_TARGET_MINUTES: i64 = 365 * 24 * 60;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct KpiTargets {
    pub return_rate_max_bps: i64,
    /// Per currency, minor units. A currency without an entry has no target (neutral state),
    /// because €7.50 says nothing about what a return may cost in yen.
    pub cost_per_return_max_minor: BTreeMap<String, i64>,
    pub receipt_to_decision_max_minutes: i64,
    pub refund_processing_max_minutes: i64,
    pub restock_rate_min_bps: i64,
    pub damaged_rate_max_bps: i64,
    pub inventory_impact_max_bps: i64,
    pub refund_accuracy_min_bps: i64,
}

impl Default for KpiTargets {
    /// The users' table: return rate ≤ 6%, cost per return ≤ €7.50, receipt to decision ≤ 2
    /// days, refund ≤ 2.5 days, restock ≥ 60%, damaged ≤ 10%, inventory impact ≤ 1%, refund
    /// accuracy ≥ 98%.
    fn default() -> Self {
        Self {
            return_rate_max_bps: 600,
            cost_per_return_max_minor: BTreeMap::from([("EUR".to_owned(), 750)]),
            receipt_to_decision_max_minutes: 2 * 24 * 60,
            refund_processing_max_minutes: 60 * 60,
            restock_rate_min_bps: 6_000,
            damaged_rate_max_bps: 1_000,
            inventory_impact_max_bps: 100,
            refund_accuracy_min_bps: 9_800,
        }
    }
}

impl KpiTargets {
    /// The target of a KPI in its unit; `currency` picks the money target. KPIs without a
    /// target (automation, denial, label success, cost per unit) give `None`.
    pub fn target(&self, id: KpiId, currency: Option<&str>) -> Option<i64> {
        match id {
            KpiId::ReturnRate => Some(self.return_rate_max_bps),
            KpiId::CostPerReturn => currency.and_then(|c| self.cost_per_return_max_minor.get(c).copied()),
            KpiId::ReceiptToDecision => Some(self.receipt_to_decision_max_minutes),
            KpiId::RefundProcessing => Some(self.refund_processing_max_minutes),
            KpiId::RestockRate => Some(self.restock_rate_min_bps),
            KpiId::DamagedRate => Some(self.damaged_rate_max_bps),
            KpiId::InventoryImpact => Some(self.inventory_impact_max_bps),
            KpiId::RefundAccuracy => Some(self.refund_accuracy_min_bps),
            KpiId::AutomationRate
            | KpiId::DenialRate
            | KpiId::LabelSuccessRate
            | KpiId::TimeToAuthorization
            | KpiId::DiscardRate
            | KpiId::RefundShare
            | KpiId::CostPerReturnedUnit => None,
        }
    }

    /// Every problem at once, each named by its field (`cost_per_return_max_minor.USD`).
    pub fn validate(&self) -> Result<(), ApiError> {
        let mut v = Violations::default();
        for (field, bps) in [
            ("return_rate_max_bps", self.return_rate_max_bps),
            ("restock_rate_min_bps", self.restock_rate_min_bps),
            ("damaged_rate_max_bps", self.damaged_rate_max_bps),
            ("inventory_impact_max_bps", self.inventory_impact_max_bps),
            ("refund_accuracy_min_bps", self.refund_accuracy_min_bps),
        ] {
            if !(0..=10_000).contains(&bps) {
                v.push(FieldError::new(field, "error.review.percent_out_of_range").with("value", bps));
            }
        }
        for (field, minutes) in [
            ("receipt_to_decision_max_minutes", self.receipt_to_decision_max_minutes),
            ("refund_processing_max_minutes", self.refund_processing_max_minutes),
        ] {
            if !(1..=MAX_TARGET_MINUTES).contains(&minutes) {
                v.push(FieldError::new(field, "error.review.duration_out_of_range").with("max_days", 365));
            }
        }
        for (currency, minor) in &self.cost_per_return_max_minor {
            let field = format!("cost_per_return_max_minor.{currency}");
            check_currency(&mut v, &field, currency);
            if *minor < 0 {
                v.push(FieldError::new(field, "error.field.negative"));
            }
        }
        v.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_the_users_table_and_valid() {
        let t = KpiTargets::default();
        assert_eq!(t.validate(), Ok(()));
        assert_eq!(t.target(KpiId::ReturnRate, None), Some(600));
        assert_eq!(t.target(KpiId::CostPerReturn, Some("EUR")), Some(750));
        assert_eq!(t.target(KpiId::CostPerReturn, Some("USD")), None);
        assert_eq!(t.target(KpiId::ReceiptToDecision, None), Some(2_880));
        assert_eq!(t.target(KpiId::RefundProcessing, None), Some(3_600));
        assert_eq!(t.target(KpiId::RestockRate, None), Some(6_000));
        assert_eq!(t.target(KpiId::DamagedRate, None), Some(1_000));
        assert_eq!(t.target(KpiId::InventoryImpact, None), Some(100));
        assert_eq!(t.target(KpiId::RefundAccuracy, None), Some(9_800));
        assert_eq!(t.target(KpiId::DenialRate, None), None);
    }

    #[test]
    fn one_bad_field_is_named() {
        let t = KpiTargets { restock_rate_min_bps: 12_000, ..KpiTargets::default() };
        let err = t.validate().unwrap_err();
        assert_eq!(err.fields.len(), 1);
        assert_eq!(err.fields[0].field, "restock_rate_min_bps");
        assert_eq!(err.message_key, "error.review.percent_out_of_range");
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let mut t = KpiTargets { receipt_to_decision_max_minutes: 0, return_rate_max_bps: -1, ..KpiTargets::default() };
        t.cost_per_return_max_minor.insert("XXX".into(), 100);
        t.cost_per_return_max_minor.insert("USD".into(), -5);
        let err = t.validate().unwrap_err();
        let fields: Vec<_> = err.fields.iter().map(|f| (f.field.as_str(), f.message_key.as_str())).collect();
        assert_eq!(
            fields,
            vec![
                ("return_rate_max_bps", "error.review.percent_out_of_range"),
                ("receipt_to_decision_max_minutes", "error.review.duration_out_of_range"),
                ("cost_per_return_max_minor.USD", "error.field.negative"),
                ("cost_per_return_max_minor.XXX", "error.field.bad_currency"),
            ]
        );
    }
}
