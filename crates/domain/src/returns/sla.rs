//! Where an RMA stands against the deadlines our users promise: a decision within 2 days of
//! opening, intake (inspection and disposition) within 24 hours of receipt, settlement within
//! the policy's refund deadline after receipt, and store credit within the policy's hours of
//! approval (so it runs while the parcel is still on its way).

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
    /// Store credit the customer asked for is issued, ahead of the goods.
    Credit,
}

/// The running deadline: which step, when it started and when it is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RmaDeadline {
    pub step: RmaSlaStep,
    pub started_at: DateTime<Utc>,
    pub due_at: DateTime<Utc>,
}

/// When an RMA's steps happened, as far as they have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RmaTimes {
    pub opened_at: DateTime<Utc>,
    /// Approval, by the rules at opening or by an analyst.
    pub decided_at: Option<DateTime<Utc>>,
    pub received_at: Option<DateTime<Utc>>,
}

/// The policy's promises an RMA is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RmaPromises {
    pub refund_within_days: u32,
    pub store_credit_within_hours: u32,
}

/// The deadline that runs now; when two run at once (credit still owed while the goods wait for
/// intake), the one due first. No deadline runs while the customer has the goods and owes
/// nothing, nor once the RMA is closed.
pub fn rma_deadline(
    status: RmaStatus,
    times: RmaTimes,
    credit_pending: bool,
    promises: RmaPromises,
) -> Option<RmaDeadline> {
    let goods = match status {
        RmaStatus::Escalated | RmaStatus::Suspended => {
            Some((RmaSlaStep::Decision, times.opened_at, Duration::hours(DECISION_WITHIN_HOURS)))
        }
        RmaStatus::Received => {
            times.received_at.map(|at| (RmaSlaStep::Intake, at, Duration::hours(INTAKE_WITHIN_HOURS)))
        }
        RmaStatus::Inspected => times
            .received_at
            .map(|at| (RmaSlaStep::Settlement, at, Duration::days(i64::from(promises.refund_within_days)))),
        _ => None,
    };
    let credit_open = matches!(
        status,
        RmaStatus::Approved
            | RmaStatus::LabelPrinted
            | RmaStatus::InTransit
            | RmaStatus::Received
            | RmaStatus::Inspected
    );
    let credit = (credit_pending && credit_open)
        .then_some(times.decided_at)
        .flatten()
        .map(|at| (RmaSlaStep::Credit, at, Duration::hours(i64::from(promises.store_credit_within_hours))));
    [goods, credit]
        .into_iter()
        .flatten()
        .map(|(step, started_at, window)| RmaDeadline { step, started_at, due_at: started_at + window })
        .min_by_key(|d| d.due_at)
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

    const PROMISES: RmaPromises = RmaPromises { refund_within_days: 14, store_credit_within_hours: 24 };

    fn deadline(status: RmaStatus, opened: DateTime<Utc>, received: Option<DateTime<Utc>>) -> Option<RmaDeadline> {
        let times = RmaTimes { opened_at: opened, decided_at: Some(opened), received_at: received };
        rma_deadline(status, times, false, PROMISES)
    }

    #[test]
    fn an_escalated_rma_is_due_two_days_after_opening() {
        let d = deadline(RmaStatus::Escalated, at(2, 9), None).unwrap();
        assert_eq!((d.step, d.due_at), (RmaSlaStep::Decision, at(4, 9)));
        assert_eq!(rma_sla_state(&d, at(3, 9)), SlaState::OnTrack);
        // The last 12 of 48 hours are at risk.
        assert_eq!(rma_sla_state(&d, at(3, 21)), SlaState::AtRisk);
        assert_eq!(rma_sla_state(&d, at(4, 9)), SlaState::AtRisk);
        assert_eq!(rma_sla_state(&d, at(4, 10)), SlaState::Overdue);
    }

    #[test]
    fn intake_runs_24_hours_and_settlement_the_refund_deadline_from_receipt() {
        let intake = deadline(RmaStatus::Received, at(2, 9), Some(at(10, 8))).unwrap();
        assert_eq!((intake.step, intake.due_at), (RmaSlaStep::Intake, at(11, 8)));
        assert_eq!(rma_sla_state(&intake, at(11, 9)), SlaState::Overdue);
        let settle = deadline(RmaStatus::Inspected, at(2, 9), Some(at(10, 8))).unwrap();
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
            assert_eq!(deadline(status, at(2, 9), Some(at(3, 9))), None, "{status:?}");
        }
        // A received RMA without a receipt time (never written that way) has no deadline to show.
        assert_eq!(deadline(RmaStatus::Received, at(2, 9), None), None);
    }

    #[test]
    fn owed_store_credit_runs_from_approval_while_the_goods_are_on_their_way() {
        let times = RmaTimes { opened_at: at(2, 9), decided_at: Some(at(3, 10)), received_at: None };
        let d = rma_deadline(RmaStatus::InTransit, times, true, PROMISES).unwrap();
        assert_eq!((d.step, d.started_at, d.due_at), (RmaSlaStep::Credit, at(3, 10), at(4, 10)));
        assert_eq!(rma_sla_state(&d, at(4, 11)), SlaState::Overdue);
        // Once issued, nothing runs until the goods arrive.
        assert_eq!(rma_deadline(RmaStatus::InTransit, times, false, PROMISES), None);
        // A credit not yet approved owes nothing: the decision runs.
        let escalated = rma_deadline(RmaStatus::Escalated, RmaTimes { decided_at: None, ..times }, true, PROMISES);
        assert_eq!(escalated.map(|d| d.step), Some(RmaSlaStep::Decision));
    }

    #[test]
    fn with_credit_and_intake_both_running_the_one_due_first_shows() {
        let times = RmaTimes { opened_at: at(2, 9), decided_at: Some(at(2, 9)), received_at: Some(at(2, 20)) };
        // Credit due 3rd 09:00, intake due 3rd 20:00.
        let d = rma_deadline(RmaStatus::Received, times, true, PROMISES).unwrap();
        assert_eq!((d.step, d.due_at), (RmaSlaStep::Credit, at(3, 9)));
        let late = RmaTimes { received_at: Some(at(2, 5)), ..times };
        let d = rma_deadline(RmaStatus::Received, late, true, PROMISES).unwrap();
        assert_eq!((d.step, d.due_at), (RmaSlaStep::Intake, at(3, 5)));
        // Settled or cancelled, nothing is owed any more.
        assert_eq!(rma_deadline(RmaStatus::Cancelled, times, true, PROMISES), None);
    }
}
