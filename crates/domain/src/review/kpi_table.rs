//! The returns KPI table: every KPI for the period next to the previous one, judged by its target.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::aging::{RmaAging, rma_aging};
use super::kpi::{KpiDirection, KpiId, KpiState, KpiUnit, kpi_state};
use super::kpi_input::{KpiInput, KpiTotals};
use super::kpi_targets::KpiTargets;
use super::math::{div_round, ratio_bps};
use super::period::{FigureChange, ReviewPeriod, ReviewTrend, change, trend};

/// One value of a KPI: the only one, or one currency's for a money KPI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct KpiFigure {
    /// Set only for money KPIs.
    pub currency: Option<String>,
    /// Set only for KPIs counted in units (restock and unsellable rates): one figure per unit
    /// of measure, as pieces and kilograms are never added.
    pub unit_of_measure: Option<String>,
    /// In the KPI's unit; `None` is no data (nothing to divide by), never 0.
    pub value: Option<i64>,
    pub previous: Option<i64>,
    /// How many items the current value is taken over (its denominator), so "no data" and
    /// "2 of 3" can be told apart from a solid figure.
    pub sample: i64,
    pub target: Option<i64>,
    pub change: Option<FigureChange>,
    pub trend: Option<ReviewTrend>,
    pub state: KpiState,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct KpiRow {
    pub id: KpiId,
    pub unit: KpiUnit,
    pub direction: Option<KpiDirection>,
    pub definition_key: String,
    pub definition: String,
    /// One figure; for money, one per currency seen in either period, sorted by code.
    pub figures: Vec<KpiFigure>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct KpiTable {
    pub period: ReviewPeriod,
    pub previous_period: ReviewPeriod,
    /// In `KpiId::ALL` order.
    pub rows: Vec<KpiRow>,
    /// Open RMAs at `now`.
    pub aging: RmaAging,
}

/// A measured value and its denominator.
type Measure = (Option<i64>, i64);

fn rate(part: i64, whole: i64) -> Measure {
    (ratio_bps(part, whole), whole.max(0))
}

fn mean(sum: i64, n: i64) -> Measure {
    (div_round(i128::from(sum), i128::from(n)), n)
}

/// The value of a non-money KPI over one period's totals. Cost per return has one value per
/// currency (`cost_per_return`) and gives no data here.
pub fn measure(id: KpiId, t: &KpiTotals) -> Measure {
    match id {
        KpiId::ReturnRate => rate(t.orders_returned, t.orders),
        KpiId::ReceiptToDecision => mean(t.inspected_minutes, t.inspected),
        KpiId::RefundProcessing => mean(t.refund_minutes, t.refunds_timed),
        KpiId::InventoryImpact => rate(t.units_lost, t.stock_at_start),
        KpiId::RefundAccuracy => rate(t.refunds_exact, t.refunds_judged),
        KpiId::AutomationRate => rate(t.decided_automatically, t.decided),
        KpiId::DenialRate => rate(t.rejected, t.decided),
        KpiId::LabelSuccessRate => rate(t.labels_ok, t.label_attempts),
        KpiId::TimeToAuthorization => mean(t.decision_minutes, t.decided),
        KpiId::RefundShare => rate(t.refunds_paid, t.paid_back),
        KpiId::CostPerReturn
        | KpiId::CostPerReturnedUnit
        | KpiId::RestockRate
        | KpiId::DamagedRate
        | KpiId::DiscardRate => (None, 0),
    }
}

/// The KPIs with one figure per unit of measure.
fn per_unit_of_measure(id: KpiId) -> bool {
    matches!(id, KpiId::RestockRate | KpiId::DamagedRate | KpiId::DiscardRate)
}

/// Restocked, unsellable or discarded units of the units given a disposition, per unit of measure.
pub fn returned_units_rate(id: KpiId, t: &KpiTotals) -> BTreeMap<String, Measure> {
    t.returned
        .iter()
        .map(|(unit, u)| {
            let part = match id {
                KpiId::RestockRate => u.restocked,
                KpiId::DiscardRate => u.discarded,
                _ => u.unsellable,
            };
            (unit.clone(), rate(part, u.disposed))
        })
        .collect()
}

/// Cost per return over one period, per currency: costs of RMAs settled in it over their number.
pub fn cost_per_return(t: &KpiTotals) -> BTreeMap<String, Measure> {
    t.costs.iter().map(|(currency, c)| (currency.clone(), mean(c.cost_minor, c.settled))).collect()
}

/// Cost per returned unit over one period, per currency: the costs of the RMAs settled in it
/// whose units count in pieces, over those units. A currency without such units has no figure.
pub fn cost_per_returned_unit(t: &KpiTotals) -> BTreeMap<String, Measure> {
    t.costs
        .iter()
        .filter(|(_, c)| c.units > 0)
        .map(|(currency, c)| (currency.clone(), mean(c.units_cost_minor, c.units)))
        .collect()
}

fn figure(id: KpiId, key: Option<String>, now: Measure, before: Measure, targets: &KpiTargets) -> KpiFigure {
    let money = id.unit() == KpiUnit::Money;
    let (currency, unit_of_measure) = if money { (key, None) } else { (None, key) };
    let target = targets.target(id, currency.as_deref());
    KpiFigure {
        unit_of_measure,
        state: kpi_state(now.0, target, id.direction()),
        change: change(now.0, before.0),
        trend: trend(now.0, before.0),
        value: now.0,
        previous: before.0,
        sample: now.1,
        target,
        currency,
    }
}

/// The whole table for `period` from rows, with aging at `now`: the definitions over rows.
pub fn kpi_table(input: &KpiInput, period: &ReviewPeriod, targets: &KpiTargets, now: DateTime<Utc>) -> KpiTable {
    let totals = (KpiTotals::of(input, period), KpiTotals::of(input, &period.previous()));
    kpi_table_of_totals(&totals.0, &totals.1, rma_aging(&input.rmas, now), period, targets)
}

/// The whole table for `period` from its totals and its previous period's (`before`).
pub fn kpi_table_of_totals(
    totals: &KpiTotals,
    before: &KpiTotals,
    aging: RmaAging,
    period: &ReviewPeriod,
    targets: &KpiTargets,
) -> KpiTable {
    let previous_period = period.previous();
    let rows = KpiId::ALL
        .into_iter()
        .map(|id| {
            let keyed = |t: &KpiTotals| match id {
                KpiId::CostPerReturn => cost_per_return(t),
                KpiId::CostPerReturnedUnit => cost_per_returned_unit(t),
                _ => returned_units_rate(id, t),
            };
            let figures = if id.unit() == KpiUnit::Money || per_unit_of_measure(id) {
                let (mut now_by, mut before_by) = (keyed(totals), keyed(before));
                let mut codes: Vec<String> = now_by.keys().chain(before_by.keys()).cloned().collect();
                codes.sort();
                codes.dedup();
                codes
                    .into_iter()
                    .map(|c| {
                        let (n, b) =
                            (now_by.remove(&c).unwrap_or((None, 0)), before_by.remove(&c).unwrap_or((None, 0)));
                        figure(id, Some(c), n, b, targets)
                    })
                    .collect()
            } else {
                vec![figure(id, None, measure(id, totals), measure(id, before), targets)]
            };
            KpiRow {
                id,
                unit: id.unit(),
                direction: id.direction(),
                definition_key: id.definition_key(),
                definition: id.definition().to_owned(),
                figures,
            }
        })
        .collect();
    KpiTable { period: *period, previous_period, rows, aging }
}
