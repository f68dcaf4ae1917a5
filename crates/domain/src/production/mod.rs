//! Production: work orders that turn component lots into an output lot, the blocks an in-process
//! QC failure puts on them, customer complaints (a problem reported, no goods back), and the
//! replenishment a safety-stock minimum and maximum suggest.
//!
//! A work order is planned (what to make, into which lot, from which component lots), started,
//! and completed: completion is one act that receives the output lot and links each component
//! lot into it (the genealogy's `assembly` links), so the stock moves as the lots' deltas and a
//! trace passes through the work order. A failure logged against the work order blocks it: it
//! cannot complete, and once completed its output lot cannot ship, until a quality lead decides.

mod complaint;
mod decide;
mod replenish;

pub use complaint::{
    Complaint, ComplaintOpening, ComplaintOutcome, ComplaintReport, ComplaintStatus, check_complaint_opening,
    decide_advance_complaint, recheck_complaint,
};
pub use decide::{
    check_plan, decide_block, decide_complete, decide_decision, decide_start, output_blocked, recheck_work_order,
    refuse_shipping,
};
pub use replenish::{Replenishment, StockPosition, replenishment};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// So much of a component lot planned for, or consumed by, a work order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkOrderInput {
    pub lot_code: String,
    pub qty: i64,
}

/// What a work order is to make, as planned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkOrderPlan {
    pub work_order_no: String,
    /// The product made.
    pub sku: String,
    /// The lot the run's output is received as, once it completes.
    pub output_lot_code: String,
    pub planned_qty: i64,
    pub unit: String,
    /// Where the output is put away.
    pub location: String,
    pub components: Vec<WorkOrderInput>,
    /// The day the run should be done (YYYY-MM-DD), if planned for one.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub due_on: Option<String>,
    #[serde(default)]
    pub note: String,
}

/// Where a work order stands in its run. Blocked is not one of these: a block lies over
/// whichever step the order is at (`WorkOrder::shown_status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum WorkOrderStatus {
    Planned,
    InProgress,
    Blocked,
    Completed,
}

impl WorkOrderStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            WorkOrderStatus::Planned => "planned",
            WorkOrderStatus::InProgress => "in_progress",
            WorkOrderStatus::Blocked => "blocked",
            WorkOrderStatus::Completed => "completed",
        }
    }

    pub fn parse(text: &str) -> Option<WorkOrderStatus> {
        [Self::Planned, Self::InProgress, Self::Blocked, Self::Completed].into_iter().find(|s| s.as_str() == text)
    }
}

/// What a quality lead decided about a work order's blocking failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum BlockDecision {
    /// The output is fit to ship as it is.
    Release,
    /// The failed units are scrapped (a disposition line on the failure); the rest may ship.
    Scrap,
    /// The failed units go to rework (a disposition line on the failure); the rest may ship.
    Rework,
}

impl BlockDecision {
    pub fn as_str(self) -> &'static str {
        match self {
            BlockDecision::Release => "release",
            BlockDecision::Scrap => "scrap",
            BlockDecision::Rework => "rework",
        }
    }
}

/// A work order as its events leave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkOrder {
    pub plan: WorkOrderPlan,
    /// Planned, in progress or completed: the run's own step.
    pub status: WorkOrderStatus,
    /// The failures blocking it, none decided yet, in the order they were logged.
    pub open_blocks: Vec<String>,
    /// Each failure that blocked it and what was decided, once decided.
    pub decided: Vec<(String, BlockDecision)>,
    pub output_qty: Option<i64>,
    pub consumed: Vec<WorkOrderInput>,
}

impl WorkOrder {
    pub fn work_order_no(&self) -> &str {
        &self.plan.work_order_no
    }

    pub fn is_blocked(&self) -> bool {
        !self.open_blocks.is_empty()
    }

    /// The status a list shows: blocked while any block waits for a decision.
    pub fn shown_status(&self) -> WorkOrderStatus {
        if self.is_blocked() { WorkOrderStatus::Blocked } else { self.status }
    }

    pub fn evolve(state: Option<WorkOrder>, event: &crate::Event) -> Option<WorkOrder> {
        use crate::Event;
        match (state, event) {
            (None, Event::WorkOrderPlanned(plan)) => Some(WorkOrder {
                plan: (**plan).clone(),
                status: WorkOrderStatus::Planned,
                open_blocks: Vec::new(),
                decided: Vec::new(),
                output_qty: None,
                consumed: Vec::new(),
            }),
            (Some(mut wo), Event::WorkOrderStarted { .. }) => {
                wo.status = WorkOrderStatus::InProgress;
                Some(wo)
            }
            (Some(mut wo), Event::WorkOrderCompleted { output_qty, consumed, .. }) => {
                wo.status = WorkOrderStatus::Completed;
                wo.output_qty = Some(*output_qty);
                wo.consumed = consumed.clone();
                Some(wo)
            }
            (Some(mut wo), Event::WorkOrderBlocked { failure_no, .. }) => {
                let known = wo.open_blocks.contains(failure_no) || wo.decided.iter().any(|(f, _)| f == failure_no);
                if !known {
                    wo.open_blocks.push(failure_no.clone());
                }
                Some(wo)
            }
            (Some(mut wo), Event::WorkOrderBlockDecided { failure_no, decision, .. }) => {
                if let Some(at) = wo.open_blocks.iter().position(|f| f == failure_no) {
                    wo.open_blocks.remove(at);
                    wo.decided.push((failure_no.clone(), *decision));
                }
                Some(wo)
            }
            (state, _) => state,
        }
    }
}

#[cfg(test)]
mod tests;
