//! The flat rows the store reads for the KPI table. Each KPI picks its own population by the
//! time stamp that ends what it measures (see `KpiId::definition`), so a figure for a closed
//! period does not change as later work happens.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::math::minutes_between;
use super::period::ReviewPeriod;
use crate::returns::ReturnDisposition;

/// Orders placed on one day (grouped in SQL: the KPIs need the count, not the orders).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrderDayRow {
    pub day: NaiveDate,
    pub orders: i64,
    /// Of those, orders with goods returned on an RMA (not rejected or cancelled), whenever the
    /// return came: an order counts in its own period, once however many RMAs it had.
    pub returned: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RmaDecision {
    Approved,
    Rejected,
}

/// One RMA with the time of each step it reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RmaReviewRow {
    pub rma_no: String,
    pub currency: String,
    pub opened_at: DateTime<Utc>,
    /// Approval or rejection, by the rules at opening or by an analyst.
    pub decided_at: Option<DateTime<Utc>>,
    pub decision: Option<RmaDecision>,
    /// Decided by the rules with no analyst involved.
    pub decided_automatically: bool,
    pub received_at: Option<DateTime<Utc>>,
    /// The intake found the goods damaged (condition grade or checklist).
    pub received_damaged: bool,
    /// Inspected and given its disposition.
    pub inspected_at: Option<DateTime<Utc>>,
    /// Refunded, credited or exchanged.
    pub settled_at: Option<DateTime<Utc>>,
    /// When the refund or store credit was approved: its payout's last approval, else (no
    /// approval needed) the inspection that made it due, or for credit ahead of the goods the
    /// RMA's approval.
    pub refund_approved_at: Option<DateTime<Utc>>,
    /// When the refund or store credit was paid out.
    pub refund_paid_at: Option<DateTime<Utc>>,
    /// Settled, rejected or cancelled: after this it no longer ages.
    pub closed_at: Option<DateTime<Utc>>,
    pub handling_cost_minor: i64,
    pub label_cost_minor: i64,
    pub return_shipping_cost_minor: i64,
    /// What handling it actually cost, as recorded; when recorded it replaces the standard
    /// costs above.
    pub recorded_cost_minor: Option<i64>,
    /// The units received, when they all count in pieces (else they do not add up).
    pub units_received: Option<i64>,
    /// The refund paid, for RMAs settled by refund.
    pub refund_paid_minor: Option<i64>,
    /// The refund the policy computes (price less restocking fee), when known.
    pub refund_policy_minor: Option<i64>,
}

/// One returned line and what was done with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RmaLineReviewRow {
    pub rma_no: String,
    pub sku: String,
    pub qty: i64,
    /// The unit of measure `qty` counts in (the lot's, else pieces): pieces and kilograms are
    /// never added together.
    pub unit: String,
    pub disposition: Option<ReturnDisposition>,
    pub disposed_at: Option<DateTime<Utc>>,
}

/// One attempt to buy and print a return label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelAttemptRow {
    pub at: DateTime<Utc>,
    pub ok: bool,
}

/// Units on hand (all SKUs, all locations) at the start of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StockOnHandRow {
    pub day: NaiveDate,
    pub units: i64,
}

/// Everything the KPI table reads; rows may cover more than the two periods.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KpiInput {
    pub orders: Vec<OrderDayRow>,
    pub rmas: Vec<RmaReviewRow>,
    pub lines: Vec<RmaLineReviewRow>,
    pub labels: Vec<LabelAttemptRow>,
    pub stock: Vec<StockOnHandRow>,
}

impl RmaLineReviewRow {
    /// Goods that leave sellable stock for good. Credit-only lines never came back to stock, so
    /// they neither add to nor take from it; refurbish and open-box go back to stock.
    pub fn lost_to_stock(&self) -> bool {
        matches!(
            self.disposition,
            Some(ReturnDisposition::Donate | ReturnDisposition::Recycle | ReturnDisposition::WriteOff)
        )
    }

    /// Returned goods that cannot be resold: not restocked, refurbished or sold as open box.
    /// Credit-only lines are the customer's to keep, so they are no returned goods to judge.
    pub fn unsellable(&self) -> bool {
        self.lost_to_stock()
    }

    /// Returned goods thrown away or broken down for material.
    pub fn discarded(&self) -> bool {
        matches!(self.disposition, Some(ReturnDisposition::Recycle | ReturnDisposition::WriteOff))
    }
}

/// Returned units of one unit of measure given a disposition in a period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReturnedUnits {
    pub disposed: i64,
    pub restocked: i64,
    /// Donated, recycled or written off: cannot be resold.
    pub unsellable: i64,
    /// Recycled or written off: discarded (donated goods are still used).
    pub discarded: i64,
}

/// One currency's returns settled in a period and what handling them cost.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReturnCosts {
    pub settled: i64,
    /// Handling, label and return shipping costs summed, in minor units.
    pub cost_minor: i64,
    /// The units taken back on those of the RMAs whose units all count in pieces, and what
    /// handling those RMAs cost.
    pub units: i64,
    pub units_cost_minor: i64,
}

/// One period's counts and sums that the KPI figures divide. The store adds them up in SQL over
/// indexed time ranges, so a month of 100,000 RMAs is never read row by row;
/// `KpiTotals::of` is the same definition over rows, which the tests work out by hand. (For
/// cost per return the rows carry each RMA's cost; the store derives it from the RMA's return
/// policy and leaves out RMAs whose cost is not known.)
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KpiTotals {
    pub orders: i64,
    /// Orders placed in the period that were returned (see `OrderDayRow::returned`).
    pub orders_returned: i64,
    /// RMAs inspected in the period whose goods were received, and the whole minutes from
    /// receipt to inspection (each RMA's rounded on its own, as `minutes_between`) summed.
    pub inspected: i64,
    pub inspected_minutes: i64,
    /// Refunds and store credit paid out in the period with an approval time, and the whole
    /// minutes from approval to payment summed.
    pub refunds_timed: i64,
    pub refund_minutes: i64,
    /// Returned units given a disposition in the period, per unit of measure.
    pub returned: BTreeMap<String, ReturnedUnits>,
    /// Units lost to stock (donated, recycled, written off).
    pub units_lost: i64,
    /// Units in stock at the start of the period (all SKUs and locations).
    pub stock_at_start: i64,
    /// Refunds settled in the period with a policy amount, and those paid exactly that.
    pub refunds_judged: i64,
    pub refunds_exact: i64,
    pub decided: i64,
    /// Whole minutes from opening to the decision, summed over the RMAs decided.
    pub decision_minutes: i64,
    /// Refunds and store credits paid out in the period (as timed in `refunds_timed`, and those
    /// without an approval time too), and of those the refunds.
    pub paid_back: i64,
    pub refunds_paid: i64,
    pub decided_automatically: i64,
    pub rejected: i64,
    pub label_attempts: i64,
    pub labels_ok: i64,
    /// Per currency, sorted by code.
    pub costs: BTreeMap<String, ReturnCosts>,
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl KpiTotals {
    /// The totals of `period` from rows: the written definitions of `KpiId::definition`.
    pub fn of(input: &KpiInput, period: &ReviewPeriod) -> Self {
        let rmas = &input.rmas;
        let decided: Vec<&RmaReviewRow> = rmas.iter().filter(|r| period.contains_opt(r.decided_at)).collect();
        let disposed: Vec<&RmaLineReviewRow> =
            input.lines.iter().filter(|l| l.disposition.is_some() && period.contains_opt(l.disposed_at)).collect();
        let spans = |end: fn(&RmaReviewRow) -> Option<DateTime<Utc>>| {
            let minutes: Vec<i64> = rmas
                .iter()
                .filter(|r| period.contains_opt(end(r)))
                .filter_map(|r| Some(minutes_between(r.received_at?, end(r)?)))
                .collect();
            (count(minutes.len()), minutes.iter().sum::<i64>())
        };
        let (inspected, inspected_minutes) = spans(|r| r.inspected_at);
        let refund_spans: Vec<i64> = rmas
            .iter()
            .filter(|r| period.contains_opt(r.refund_paid_at))
            .filter_map(|r| Some(minutes_between(r.refund_approved_at?, r.refund_paid_at?)))
            .collect();
        let mut returned: BTreeMap<String, ReturnedUnits> = BTreeMap::new();
        for l in &disposed {
            let units = returned.entry(l.unit.clone()).or_default();
            units.disposed += l.qty;
            units.restocked += if l.disposition == Some(ReturnDisposition::Restock) { l.qty } else { 0 };
            units.unsellable += if l.unsellable() { l.qty } else { 0 };
            units.discarded += if l.discarded() { l.qty } else { 0 };
        }
        let judged: Vec<(i64, i64)> = rmas
            .iter()
            .filter(|r| period.contains_opt(r.settled_at))
            .filter_map(|r| Some((r.refund_paid_minor?, r.refund_policy_minor?)))
            .collect();
        let labels: Vec<&LabelAttemptRow> = input.labels.iter().filter(|l| period.contains(l.at)).collect();
        let mut costs: BTreeMap<String, ReturnCosts> = BTreeMap::new();
        for rma in rmas.iter().filter(|r| period.contains_opt(r.settled_at)) {
            let entry = costs.entry(rma.currency.clone()).or_default();
            let cost = rma
                .recorded_cost_minor
                .unwrap_or(rma.handling_cost_minor + rma.label_cost_minor + rma.return_shipping_cost_minor);
            entry.settled += 1;
            entry.cost_minor += cost;
            if let Some(units) = rma.units_received.filter(|u| *u > 0) {
                entry.units += units;
                entry.units_cost_minor += cost;
            }
        }
        Self {
            orders: input.orders.iter().filter(|o| period.contains_day(o.day)).map(|o| o.orders).sum(),
            orders_returned: input.orders.iter().filter(|o| period.contains_day(o.day)).map(|o| o.returned).sum(),
            inspected,
            inspected_minutes,
            refunds_timed: count(refund_spans.len()),
            refund_minutes: refund_spans.iter().sum(),
            returned,
            units_lost: disposed.iter().filter(|l| l.lost_to_stock()).map(|l| l.qty).sum(),
            // The latest count on or before the period's first day.
            stock_at_start: input
                .stock
                .iter()
                .filter(|s| s.day <= period.from)
                .max_by_key(|s| s.day)
                .map_or(0, |s| s.units),
            refunds_judged: count(judged.len()),
            refunds_exact: count(judged.iter().filter(|(paid, policy)| paid == policy).count()),
            decided: count(decided.len()),
            decision_minutes: decided.iter().filter_map(|r| Some(minutes_between(r.opened_at, r.decided_at?))).sum(),
            paid_back: count(rmas.iter().filter(|r| period.contains_opt(r.refund_paid_at)).count()),
            refunds_paid: count(
                rmas.iter().filter(|r| period.contains_opt(r.refund_paid_at) && r.refund_paid_minor.is_some()).count(),
            ),
            decided_automatically: count(decided.iter().filter(|r| r.decided_automatically).count()),
            rejected: count(decided.iter().filter(|r| r.decision == Some(RmaDecision::Rejected)).count()),
            label_attempts: count(labels.len()),
            labels_ok: count(labels.iter().filter(|l| l.ok).count()),
            costs,
        }
    }
}
