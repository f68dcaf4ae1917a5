//! What a person may do next with an RMA, so the app offers only that: the same rules the
//! `decide_*` functions and the catalogue's permission checks apply, asked ahead of time.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::payout::{check_payer, check_payout_approver, payout_open};
use super::rma::{PreferredOutcome, Rma, RmaStatus};
use super::transitions::cancel_permission;
use crate::approval::Rules;
use crate::people::{Actor, Permission};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RmaAction {
    Approve,
    Reject,
    Suspend,
    Label,
    InTransit,
    Receive,
    Inspect,
    Settle,
    IssueCredit,
    ApprovePayout,
    PayOut,
    Cancel,
}

/// The steps of each status, the main one first.
fn steps_of(status: RmaStatus) -> &'static [RmaAction] {
    use RmaAction as A;
    match status {
        RmaStatus::Escalated => &[A::Approve, A::Reject, A::Suspend, A::Cancel],
        RmaStatus::Suspended => &[A::Approve, A::Reject, A::Cancel],
        RmaStatus::Approved => &[A::Label, A::InTransit, A::Receive, A::Cancel],
        RmaStatus::LabelPrinted => &[A::InTransit, A::Label, A::Receive, A::Cancel],
        RmaStatus::InTransit => &[A::Receive],
        RmaStatus::Received => &[A::Inspect],
        RmaStatus::Inspected => &[A::Settle],
        RmaStatus::Settled | RmaStatus::Rejected | RmaStatus::Cancelled => &[],
    }
}

fn permission_of(rma: &Rma, action: RmaAction) -> Permission {
    use RmaAction as A;
    match action {
        A::Approve | A::Reject | A::Suspend => Permission::DecideRma,
        A::Label | A::InTransit | A::Receive | A::Inspect => Permission::HandleReturns,
        A::Settle | A::IssueCredit | A::PayOut => Permission::SettleRma,
        // Approvers come from the settlement limits, not a permission.
        A::ApprovePayout => Permission::ViewData,
        A::Cancel => cancel_permission(rma),
    }
}

/// Store credit the customer asked for may go out from approval until the RMA settles.
fn owes_credit(rma: &Rma) -> bool {
    rma.opening.preferred_outcome == PreferredOutcome::StoreCredit
        && rma.credit_issued_minor.is_none()
        && matches!(
            rma.status,
            RmaStatus::Approved
                | RmaStatus::LabelPrinted
                | RmaStatus::InTransit
                | RmaStatus::Received
                | RmaStatus::Inspected
        )
}

/// The steps `actor` may take now, in the order the app shows them: a payout waiting on them
/// first, then store credit still owed, then the RMA's own steps.
pub fn offered_actions(rma: &Rma, rules: &Rules<'_>, actor: &Actor) -> Vec<RmaAction> {
    use RmaAction as A;
    let mut out = Vec::new();
    if payout_open(rma) {
        if check_payout_approver(rma, rules, &actor.user_id, &actor.roles).is_ok() {
            out.push(A::ApprovePayout);
        }
        if actor.may(Permission::SettleRma) && check_payer(rma, &actor.user_id).is_ok() {
            out.push(A::PayOut);
        }
    }
    // A credit asked for is paid out, or asked for again with another amount, from here.
    if owes_credit(rma) && rma.status != RmaStatus::Inspected {
        out.push(A::IssueCredit);
    }
    out.extend(steps_of(rma.status));
    out.retain(|a| actor.may(permission_of(rma, *a)));
    out
}
