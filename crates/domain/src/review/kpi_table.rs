//! The returns KPI table: every KPI for the period next to the previous one, judged by its target.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::aging::{RmaAging, rma_aging};
use super::kpi::{KpiDirection, KpiId, KpiState, KpiUnit, kpi_state};
use super::kpi_input::{KpiInput, RmaDecision};
use super::kpi_targets::KpiTargets;
use super::math::{div_round, mean_rounded, minutes_between, ratio_bps};
use super::period::{FigureChange, ReviewPeriod, ReviewTrend, change, trend};

/// One value of a KPI: the only one, or one currency's for a money KPI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct KpiFigure {
    /// Set only for money KPIs.
    pub currency: Option<String>,
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

fn rate(part: usize, whole: usize) -> Measure {
    let (part, whole) = (i64::try_from(part).unwrap_or(i64::MAX), i64::try_from(whole).unwrap_or(i64::MAX));
    (ratio_bps(part, whole), whole)
}

fn mean(values: &[i64]) -> Measure {
    (mean_rounded(values), i64::try_from(values.len()).unwrap_or(i64::MAX))
}

/// The value of a non-money KPI over one period. Cost per return has one value per currency
/// (`cost_per_return`) and gives no data here.
pub fn measure(id: KpiId, input: &KpiInput, period: &ReviewPeriod) -> Measure {
    let rmas = &input.rmas;
    let decided = || rmas.iter().filter(|r| period.contains_opt(r.decided_at));
    let received = || rmas.iter().filter(|r| period.contains_opt(r.received_at));
    let disposed = || input.lines.iter().filter(|l| l.disposition.is_some() && period.contains_opt(l.disposed_at));
    match id {
        KpiId::ReturnRate => {
            let orders = input.orders.iter().filter(|o| period.contains_day(o.day)).fold(0i64, |t, o| t + o.orders);
            let opened = rmas.iter().filter(|r| period.contains(r.opened_at)).count();
            (ratio_bps(i64::try_from(opened).unwrap_or(i64::MAX), orders), orders.max(0))
        }
        KpiId::ReceiptToDecision => {
            let spans: Vec<i64> = rmas
                .iter()
                .filter(|r| period.contains_opt(r.inspected_at))
                .filter_map(|r| Some(minutes_between(r.received_at?, r.inspected_at?)))
                .collect();
            mean(&spans)
        }
        KpiId::RefundProcessing => {
            let spans: Vec<i64> = rmas
                .iter()
                .filter(|r| period.contains_opt(r.settled_at))
                .filter_map(|r| Some(minutes_between(r.received_at?, r.settled_at?)))
                .collect();
            mean(&spans)
        }
        KpiId::RestockRate => {
            use crate::returns::ReturnDisposition::Restock;
            rate(disposed().filter(|l| l.disposition == Some(Restock)).count(), disposed().count())
        }
        KpiId::DamagedRate => rate(received().filter(|r| r.received_damaged).count(), received().count()),
        KpiId::InventoryImpact => {
            // Stock at the start of the period: the latest count on or before its first day.
            let stock = input.stock.iter().filter(|s| s.day <= period.from).max_by_key(|s| s.day).map(|s| s.units);
            let lost = disposed().filter(|l| l.lost_to_stock()).fold(0i64, |t, l| t + l.qty);
            let stock = stock.unwrap_or(0);
            (ratio_bps(lost, stock), stock.max(0))
        }
        KpiId::RefundAccuracy => {
            let judged: Vec<(i64, i64)> = rmas
                .iter()
                .filter(|r| period.contains_opt(r.settled_at))
                .filter_map(|r| Some((r.refund_paid_minor?, r.refund_policy_minor?)))
                .collect();
            rate(judged.iter().filter(|(paid, policy)| paid == policy).count(), judged.len())
        }
        KpiId::AutomationRate => rate(decided().filter(|r| r.decided_automatically).count(), decided().count()),
        KpiId::DenialRate => {
            rate(decided().filter(|r| r.decision == Some(RmaDecision::Rejected)).count(), decided().count())
        }
        KpiId::LabelSuccessRate => {
            let attempts = || input.labels.iter().filter(|l| period.contains(l.at));
            rate(attempts().filter(|l| l.ok).count(), attempts().count())
        }
        KpiId::CostPerReturn => (None, 0),
    }
}

/// Cost per return over one period, per currency: costs of RMAs settled in it over their number.
pub fn cost_per_return(input: &KpiInput, period: &ReviewPeriod) -> BTreeMap<String, Measure> {
    let mut sums: BTreeMap<String, (i128, i64)> = BTreeMap::new();
    for rma in input.rmas.iter().filter(|r| period.contains_opt(r.settled_at)) {
        let entry = sums.entry(rma.currency.clone()).or_default();
        entry.0 += i128::from(rma.handling_cost_minor)
            + i128::from(rma.label_cost_minor)
            + i128::from(rma.return_shipping_cost_minor);
        entry.1 += 1;
    }
    sums.into_iter().map(|(currency, (cost, n))| (currency, (div_round(cost, i128::from(n)), n))).collect()
}

fn figure(id: KpiId, currency: Option<String>, now: Measure, before: Measure, targets: &KpiTargets) -> KpiFigure {
    let target = targets.target(id, currency.as_deref());
    KpiFigure {
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

/// The whole table for `period` against its previous period, with aging at `now`.
pub fn kpi_table(input: &KpiInput, period: &ReviewPeriod, targets: &KpiTargets, now: DateTime<Utc>) -> KpiTable {
    let previous_period = period.previous();
    let rows = KpiId::ALL
        .into_iter()
        .map(|id| {
            let figures = if id.unit() == KpiUnit::Money {
                let (mut now_by, mut before_by) =
                    (cost_per_return(input, period), cost_per_return(input, &previous_period));
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
                vec![figure(id, None, measure(id, input, period), measure(id, input, &previous_period), targets)]
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
    KpiTable { period: *period, previous_period, rows, aging: rma_aging(&input.rmas, now) }
}
