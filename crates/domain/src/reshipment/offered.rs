//! What a person may do next with a reshipment, so the app offers only that: the same rules the
//! `decide_*` functions and the catalogue's permission checks apply, asked ahead of time.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ApprovalPolicy, Reshipment, ReshipmentStatus, check_approver, counting, requirement};
use crate::people::{Actor, Permission};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReshipmentAction {
    Approve,
    Reject,
    Amend,
    Cancel,
    Ship,
    Deliver,
}

/// The steps `actor` may take now, in the order the app shows them.
pub fn offered_actions(r: &Reshipment, policy: &ApprovalPolicy, actor: &Actor) -> Vec<ReshipmentAction> {
    use ReshipmentAction as A;
    let mut out = Vec::new();
    let own = actor.user_id == r.request.requested_by;
    // The requester changes or withdraws their own request; logistics and admins any.
    let may_change = (own && actor.may(Permission::RequestReshipment)) || actor.may(Permission::ShipReshipment);
    match r.status {
        ReshipmentStatus::Requested => {
            let needs = requirement(policy, &r.cost, &r.request.requester_roles);
            let counted = counting(policy, &r.cost, r.amount_version, &r.approvals);
            let approves = check_approver(
                policy,
                &needs,
                &r.cost,
                &r.request.requested_by,
                &counted,
                &actor.user_id,
                &actor.roles,
            );
            if approves.is_ok() {
                out.push(A::Approve);
            }
            if !own && policy.covers(policy.limit_of(&actor.roles), &r.cost) {
                out.push(A::Reject);
            }
            if may_change {
                out.extend([A::Amend, A::Cancel]);
            }
        }
        ReshipmentStatus::Authorized => {
            if actor.may(Permission::ShipReshipment) {
                out.push(A::Ship);
            }
            if may_change {
                out.extend([A::Amend, A::Cancel]);
            }
        }
        ReshipmentStatus::Shipped if actor.may(Permission::ShipReshipment) => out.push(A::Deliver),
        _ => {}
    }
    out
}
