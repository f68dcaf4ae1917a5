//! Cost of quality per currency: what failures and returns cost us, less what vendors paid back.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::period::{FigureChange, ReviewPeriod, change};
use crate::returns::ReturnPolicy;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CostComponent {
    Scrap,
    Rework,
    /// Carrier cost of sending replacement goods.
    ReshipmentShipping,
    /// Value of the replacement goods sent.
    ReshipmentGoods,
    /// Refunds paid on returns for a quality reason (not a change of mind).
    Refund,
    /// Store credit issued on returns for a quality reason: money given back all the same.
    StoreCredit,
    /// What re-inspecting a failed lot cost (claimed back from the vendor as a chargeback).
    Reinspection,
    /// What returning failed goods to the vendor cost (freight, handling; claimed back too).
    ReturnToVendor,
    /// Money a vendor paid back on a chargeback: it lowers the net cost.
    ChargebackRecovered,
}

/// One cost fact. Amounts are as booked (positive for a cost or a recovery); a correction is a
/// negative row, as facts are never rewritten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostRow {
    pub component: CostComponent,
    pub currency: String,
    pub amount_minor: i64,
    pub occurred_at: DateTime<Utc>,
}

/// One currency's cost of quality, every component in minor units of `currency`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CurrencyCost {
    pub currency: String,
    pub scrap_minor: i64,
    pub rework_minor: i64,
    pub reshipment_shipping_minor: i64,
    pub reshipment_goods_minor: i64,
    pub refunds_minor: i64,
    pub store_credit_minor: i64,
    #[serde(default)]
    pub reinspection_minor: i64,
    #[serde(default)]
    pub return_to_vendor_minor: i64,
    /// Recovered on chargebacks of every source: reshipments, re-inspections, returns to vendor.
    pub chargebacks_recovered_minor: i64,
    /// Every cost less the recoveries; negative when a vendor paid back more than it cost us.
    pub net_minor: i64,
}

/// Current and previous period per currency, with the change of the net cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CostOfQuality {
    /// One entry per currency seen in either period, sorted by currency code.
    pub currencies: Vec<CurrencyCostReview>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CurrencyCostReview {
    pub currency: String,
    /// `None` when nothing was booked in this currency in the period: no data, not a cost of 0.
    pub current: Option<CurrencyCost>,
    pub previous: Option<CurrencyCost>,
    pub net_change: Option<FigureChange>,
}

/// Whether money given back on a return is a cost of poor quality: yes unless the return
/// policy says its reason is the customer's own choice (a change of mind, a size that did not
/// fit). A reason the policy no longer knows counts, so a cost is never hidden by a rename.
pub fn is_poor_quality_return(policy: &ReturnPolicy, reason_code: &str) -> bool {
    policy.reason(reason_code).is_none_or(|r| !r.customer_choice)
}

/// The cost of quality of rows booked (by `occurred_at`) inside `period`, per currency.
pub fn cost_by_currency(rows: &[CostRow], period: &ReviewPeriod) -> BTreeMap<String, CurrencyCost> {
    let mut out: BTreeMap<String, CurrencyCost> = BTreeMap::new();
    for row in rows.iter().filter(|r| period.contains(r.occurred_at)) {
        let cost = out
            .entry(row.currency.clone())
            .or_insert_with(|| CurrencyCost { currency: row.currency.clone(), ..CurrencyCost::default() });
        let slot = match row.component {
            CostComponent::Scrap => &mut cost.scrap_minor,
            CostComponent::Rework => &mut cost.rework_minor,
            CostComponent::ReshipmentShipping => &mut cost.reshipment_shipping_minor,
            CostComponent::ReshipmentGoods => &mut cost.reshipment_goods_minor,
            CostComponent::Refund => &mut cost.refunds_minor,
            CostComponent::StoreCredit => &mut cost.store_credit_minor,
            CostComponent::Reinspection => &mut cost.reinspection_minor,
            CostComponent::ReturnToVendor => &mut cost.return_to_vendor_minor,
            CostComponent::ChargebackRecovered => &mut cost.chargebacks_recovered_minor,
        };
        *slot = slot.saturating_add(row.amount_minor);
    }
    for cost in out.values_mut() {
        cost.net_minor = [
            cost.scrap_minor,
            cost.rework_minor,
            cost.reshipment_shipping_minor,
            cost.reshipment_goods_minor,
            cost.refunds_minor,
            cost.store_credit_minor,
            cost.reinspection_minor,
            cost.return_to_vendor_minor,
        ]
        .into_iter()
        .fold(0i64, i64::saturating_add)
        .saturating_sub(cost.chargebacks_recovered_minor);
    }
    out
}

/// The cost of quality of `period` next to its previous period.
pub fn cost_of_quality(rows: &[CostRow], period: &ReviewPeriod) -> CostOfQuality {
    let mut current = cost_by_currency(rows, period);
    let mut previous = cost_by_currency(rows, &period.previous());
    let mut codes: Vec<String> = current.keys().chain(previous.keys()).cloned().collect();
    codes.sort();
    codes.dedup();
    let currencies = codes
        .into_iter()
        .map(|currency| {
            let (now, before) = (current.remove(&currency), previous.remove(&currency));
            let net_change = change(now.as_ref().map(|c| c.net_minor), before.as_ref().map(|c| c.net_minor));
            CurrencyCostReview { currency, current: now, previous: before, net_change }
        })
        .collect();
    CostOfQuality { currencies }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::test_util::{at, november};
    use CostComponent::*;

    fn row(component: CostComponent, currency: &str, amount: i64, day: u32, month: u32) -> CostRow {
        CostRow { component, currency: currency.into(), amount_minor: amount, occurred_at: at(2026, month, day, 12, 0) }
    }

    #[test]
    fn components_add_up_per_currency_and_recoveries_come_off() {
        let rows = vec![
            row(Scrap, "EUR", 10_000, 3, 11),
            row(Scrap, "EUR", 2_500, 4, 11),
            row(Rework, "EUR", 4_000, 5, 11),
            row(ReshipmentShipping, "EUR", 895, 6, 11),
            row(ReshipmentGoods, "EUR", 3_000, 6, 11),
            row(Refund, "EUR", 5_999, 7, 11),
            row(StoreCredit, "EUR", 1_500, 7, 11),
            row(ChargebackRecovered, "EUR", 8_000, 8, 11),
            row(Refund, "USD", 12_000, 9, 11),
            row(ChargebackRecovered, "CNY", 50_000, 9, 11),
            // October (previous period) and December (after): not in November.
            row(Scrap, "EUR", 99_999, 31, 10),
            row(Scrap, "EUR", 77_777, 1, 12),
        ];
        let costs = cost_by_currency(&rows, &november());
        assert_eq!(costs.keys().cloned().collect::<Vec<_>>(), vec!["CNY", "EUR", "USD"]);
        assert_eq!(
            costs["EUR"],
            CurrencyCost {
                currency: "EUR".into(),
                scrap_minor: 12_500,
                rework_minor: 4_000,
                reshipment_shipping_minor: 895,
                reshipment_goods_minor: 3_000,
                refunds_minor: 5_999,
                store_credit_minor: 1_500,
                reinspection_minor: 0,
                return_to_vendor_minor: 0,
                chargebacks_recovered_minor: 8_000,
                // 12,500 + 4,000 + 895 + 3,000 + 5,999 + 1,500 - 8,000
                net_minor: 19_894,
            }
        );
        assert_eq!((costs["USD"].refunds_minor, costs["USD"].net_minor), (12_000, 12_000));
        assert_eq!(costs["CNY"].net_minor, -50_000);
    }

    #[test]
    fn reinspection_and_return_to_vendor_costs_count_and_their_recoveries_come_off() {
        let rows = vec![
            row(Reinspection, "EUR", 12_000, 3, 11),
            row(ReturnToVendor, "EUR", 4_550, 4, 11),
            row(ReshipmentShipping, "EUR", 1_000, 5, 11),
            // A reshipment's recovery and a re-inspection's partial one, both recovered in November.
            row(ChargebackRecovered, "EUR", 1_000, 6, 11),
            row(ChargebackRecovered, "EUR", 7_000, 7, 11),
        ];
        let eur = &cost_by_currency(&rows, &november())["EUR"];
        assert_eq!((eur.reinspection_minor, eur.return_to_vendor_minor), (12_000, 4_550));
        assert_eq!(eur.chargebacks_recovered_minor, 8_000);
        // 12,000 + 4,550 + 1,000 - (1,000 + 7,000)
        assert_eq!(eur.net_minor, 9_550);
    }

    #[test]
    fn a_correction_row_reduces_its_component() {
        let rows = vec![row(Scrap, "EUR", 10_000, 3, 11), row(Scrap, "EUR", -4_000, 4, 11)];
        assert_eq!(cost_by_currency(&rows, &november())["EUR"].net_minor, 6_000);
    }

    #[test]
    fn periods_are_compared_per_currency_and_a_missing_currency_is_no_data() {
        let rows = vec![
            row(Scrap, "EUR", 12_000, 3, 11),
            row(Scrap, "EUR", 10_000, 15, 10),
            row(Rework, "USD", 3_000, 15, 10),
            row(Refund, "GBP", 1_000, 20, 11),
        ];
        let review = cost_of_quality(&rows, &november());
        let codes: Vec<_> = review.currencies.iter().map(|c| c.currency.as_str()).collect();
        assert_eq!(codes, vec!["EUR", "GBP", "USD"]);
        let eur = &review.currencies[0];
        assert_eq!(eur.net_change, Some(FigureChange { absolute: 2_000, relative_bps: Some(2_000) }));
        let gbp = &review.currencies[1];
        assert_eq!((gbp.previous.as_ref(), gbp.net_change), (None, None));
        let usd = &review.currencies[2];
        assert_eq!((usd.current.as_ref(), usd.previous.as_ref().map(|c| c.net_minor)), (None, Some(3_000)));
    }

    #[test]
    fn a_change_of_mind_is_not_a_cost_of_poor_quality() {
        let policy = ReturnPolicy::default_policy();
        assert!(is_poor_quality_return(&policy, "defective"));
        assert!(is_poor_quality_return(&policy, "damaged_in_transit"));
        assert!(!is_poor_quality_return(&policy, "no_longer_needed"));
        assert!(!is_poor_quality_return(&policy, "size_colour_mismatch"));
        assert!(is_poor_quality_return(&policy, "a_reason_since_removed"));
    }

    #[test]
    fn an_empty_period_has_no_currencies() {
        assert!(cost_of_quality(&[], &november()).currencies.is_empty());
    }
}
