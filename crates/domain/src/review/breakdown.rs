//! The returns figures broken down per sales channel, product category or reason code, as seed
//! 001 asks ("per kanaal, productcategorie en redenencode"). Each group's KPIs use the same
//! definitions as the total; a KPI that cannot be told apart per group is left out of the
//! groups rather than shown with a figure that means something else.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::aging::RmaAging;
use super::kpi::KpiId;
use super::kpi_input::KpiTotals;
use super::kpi_table::{KpiTable, kpi_table_of_totals};
use super::kpi_targets::KpiTargets;
use super::period::ReviewPeriod;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum KpiBreakdown {
    /// The RMA's channel (its order's); for the return rate, the order's.
    Channel,
    /// The product category of the goods: an RMA with goods of two categories counts in both.
    Category,
    /// The RMA's reason code; the return rate is the share of all orders returned for it.
    Reason,
}

impl KpiBreakdown {
    /// KPIs the groups leave out: stock at the start of a period belongs to no channel or
    /// reason, and the cost and refund-accuracy figures follow each RMA's policy version in
    /// the installation's currency, which the total alone reads.
    pub fn leaves_out(id: KpiId) -> bool {
        matches!(id, KpiId::InventoryImpact | KpiId::CostPerReturn | KpiId::CostPerReturnedUnit | KpiId::RefundAccuracy)
    }
}

/// RMAs opened in a period for one reason, and the units they asked to return.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReasonCount {
    pub reason_code: String,
    pub rmas: i64,
    pub units: i64,
}

/// One value of the breakdown: a channel code, a category, or a reason code; `None` is
/// "unspecified" (orders and RMAs from before channels were kept, products without a category).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct KpiGroup {
    pub key: Option<String>,
    /// The KPIs that are broken down (see `KpiBreakdown::leaves_out`), and the group's open RMAs by age.
    pub table: KpiTable,
    /// The group's return reasons, most RMAs first.
    pub reasons: Vec<ReasonCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReturnsBreakdown {
    pub breakdown: Option<KpiBreakdown>,
    pub period: ReviewPeriod,
    pub previous_period: ReviewPeriod,
    /// Every RMA opened in the period by reason, most RMAs first: the return reasons report.
    pub reasons: Vec<ReasonCount>,
    /// One per value seen in either period or among the open RMAs, "unspecified" last.
    pub groups: Vec<KpiGroup>,
}

/// One group's table: the total's definitions over the group's totals, without the KPIs that
/// are not broken down.
pub fn group_table(
    totals: &KpiTotals,
    before: &KpiTotals,
    aging: RmaAging,
    period: &ReviewPeriod,
    targets: &KpiTargets,
) -> KpiTable {
    let mut table = kpi_table_of_totals(totals, before, aging, period, targets);
    table.rows.retain(|row| !KpiBreakdown::leaves_out(row.id));
    table
}

/// Most RMAs first, then by code, so the list reads as a Pareto.
pub fn sort_reasons(reasons: &mut [ReasonCount]) {
    reasons.sort_by(|a, b| b.rmas.cmp(&a.rmas).then_with(|| a.reason_code.cmp(&b.reason_code)));
}
