//! Where an RMA stands against the deadlines our users promise: a decision within 2 days of
//! opening, intake (inspection and disposition) within 24 hours of receipt, and settlement
//! within the policy's refund deadline after receipt.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::rma::RmaStatus;
use crate::reshipment::SlaState;

pub const DECISION_WITHIN_HOURS: i64 = 48;
pub const INTAKE_WITHIN_HOURS: i64 = 24;

/// The step whose deadline is running, and so whose turn it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RmaSlaStep {
    /// An analyst decides an escalated or suspended RMA.
    Decision,
    /// The received goods are inspected and given a disposition.
    Intake,
    /// The refund, credit or exchange is made.
    Settlement,
}

/// The running deadline: which step, when it started and when it is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RmaDeadline {
    pub step: RmaSlaStep,
    pub started_at: DateTime<Utc>,
    pub due_at: DateTime<Utc>,
}

/// No deadline runs while the customer has the goods, nor once the RMA is closed.
pub fn rma_deadline(
    status: RmaStatus,
    opened_at: DateTime<Utc>,
    received_at: Option<DateTime<Utc>>,
    refund_within_days: u32,
) -> Option<RmaDeadline> {
    let (step, started_at, window) = match status {
        RmaStatus::Escalated | RmaStatus::Suspended => {
            (RmaSlaStep::Decision, opened_at, Duration::hours(DECISION_WITHIN_HOURS))
        }
        RmaStatus::Received => (RmaSlaStep::Intake, received_at?, Duration::hours(INTAKE_WITHIN_HOURS)),
        RmaStatus::Inspected => (RmaSlaStep::Settlement, received_at?, Duration::days(i64::from(refund_within_days))),
        _ => return None,
    };
    Some(RmaDeadline { step, started_at, due_at: started_at + window })
}

/// Overdue past the deadline; at risk in the last quarter of the window; else on track.
pub fn rma_sla_state(deadline: &RmaDeadline, now: DateTime<Utc>) -> SlaState {
    let window = deadline.due_at - deadline.started_at;
    if now > deadline.due_at {
        SlaState::Overdue
    } else if deadline.due_at - now <= window / 4 {
        SlaState::AtRisk
    } else {
        SlaState::OnTrack
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
    }

    #[test]
    fn an_escalated_rma_is_due_two_days_after_opening() {
        let d = rma_deadline(RmaStatus::Escalated, at(2, 9), None, 14).unwrap();
        assert_eq!((d.step, d.due_at), (RmaSlaStep::Decision, at(4, 9)));
        assert_eq!(rma_sla_state(&d, at(3, 9)), SlaState::OnTrack);
        // The last 12 of 48 hours are at risk.
        assert_eq!(rma_sla_state(&d, at(3, 21)), SlaState::AtRisk);
        assert_eq!(rma_sla_state(&d, at(4, 9)), SlaState::AtRisk);
        assert_eq!(rma_sla_state(&d, at(4, 10)), SlaState::Overdue);
    }

    #[test]
    fn intake_runs_24_hours_and_settlement_the_refund_deadline_from_receipt() {
        let intake = rma_deadline(RmaStatus::Received, at(2, 9), Some(at(10, 8)), 14).unwrap();
        assert_eq!((intake.step, intake.due_at), (RmaSlaStep::Intake, at(11, 8)));
        assert_eq!(rma_sla_state(&intake, at(11, 9)), SlaState::Overdue);
        let settle = rma_deadline(RmaStatus::Inspected, at(2, 9), Some(at(10, 8)), 14).unwrap();
        assert_eq!((settle.step, settle.due_at), (RmaSlaStep::Settlement, at(24, 8)));
        assert_eq!(rma_sla_state(&settle, at(12, 8)), SlaState::OnTrack);
    }

    #[test]
    fn no_deadline_runs_while_the_customer_has_the_goods_or_once_closed() {
        for status in [
            RmaStatus::Approved,
            RmaStatus::LabelPrinted,
            RmaStatus::InTransit,
            RmaStatus::Settled,
            RmaStatus::Rejected,
            RmaStatus::Cancelled,
        ] {
            assert_eq!(rma_deadline(status, at(2, 9), Some(at(3, 9)), 14), None, "{status:?}");
        }
        // A received RMA without a receipt time (never written that way) has no deadline to show.
        assert_eq!(rma_deadline(RmaStatus::Received, at(2, 9), None, 14), None);
    }
}
