//! The flat rows the store reads for the KPI table. Each KPI picks its own population by the
//! time stamp that ends what it measures (see `KpiId::definition`), so a figure for a closed
//! period does not change as later work happens.

use chrono::{DateTime, NaiveDate, Utc};

use crate::returns::ReturnDisposition;

/// Orders placed on one day (grouped in SQL: the KPIs need the count, not the orders).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrderDayRow {
    pub day: NaiveDate,
    pub orders: i64,
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
    /// Settled, rejected or cancelled: after this it no longer ages.
    pub closed_at: Option<DateTime<Utc>>,
    pub handling_cost_minor: i64,
    pub label_cost_minor: i64,
    pub return_shipping_cost_minor: i64,
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
}
