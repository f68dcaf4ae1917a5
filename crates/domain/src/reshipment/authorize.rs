//! Who must approve a reshipment before it may ship.
//!
//! - Within the requester's own limit (and not above the dual-control threshold) a request is
//!   authorized as it is made.
//! - Otherwise it needs approvers whose limits cover the total: one, or above the dual-control
//!   threshold two different people, at least one of them from finance.
//! - Nobody approves their own request, and an approval counts only for the amount it was given
//!   for: changing the amount voids earlier approvals.
//! - Limits are in the policy's currency; a total in another currency cannot be compared, so only
//!   approvers without a limit cover it and it always needs two of them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::types::{Approval, ApprovalPolicy, Cost};
use crate::people::Role;

/// An approver's reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "minor", rename_all = "snake_case")]
#[ts(export)]
pub enum Limit {
    /// The person's roles carry no approval limit: they cannot approve.
    None,
    UpTo(i64),
    Unlimited,
}

impl Limit {
    pub fn as_option(self) -> Option<i64> {
        match self {
            Limit::UpTo(minor) => Some(minor),
            Limit::None => Some(0),
            Limit::Unlimited => None,
        }
    }
}

impl ApprovalPolicy {
    /// The highest limit among `roles`.
    pub fn limit_of(&self, roles: &[Role]) -> Limit {
        let mut best = Limit::None;
        for rule in self.limits.iter().filter(|l| roles.contains(&l.role)) {
            best = match (best, rule.limit_minor) {
                (_, None) | (Limit::Unlimited, _) => Limit::Unlimited,
                (Limit::UpTo(a), Some(b)) => Limit::UpTo(a.max(b)),
                (Limit::None, Some(b)) => Limit::UpTo(b),
            };
        }
        best
    }

    /// Whether `limit` reaches `cost`'s total.
    pub fn covers(&self, limit: Limit, cost: &Cost) -> bool {
        match limit {
            Limit::Unlimited => true,
            Limit::UpTo(minor) => cost.currency == self.currency && cost.total_minor() <= minor,
            Limit::None => false,
        }
    }
}

/// What a reshipment of this cost, asked for by someone with these roles, needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Requirement {
    /// 0 when the requester's own limit covers it.
    pub approvals: u32,
    pub finance_needed: bool,
    pub total_minor: i64,
    pub currency: String,
    /// False when the total is in another currency than the limits.
    pub comparable: bool,
}

pub fn requirement(policy: &ApprovalPolicy, cost: &Cost, requester_roles: &[Role]) -> Requirement {
    let comparable = cost.currency == policy.currency;
    let dual = !comparable || cost.total_minor() > policy.dual_control_above_minor;
    let within_own = policy.covers(policy.limit_of(requester_roles), cost);
    let approvals = if dual {
        2
    } else if within_own {
        0
    } else {
        1
    };
    Requirement {
        approvals,
        finance_needed: dual,
        total_minor: cost.total_minor(),
        currency: cost.currency.clone(),
        comparable,
    }
}

/// The approvals that count now: given for the current amount, by someone whose limit covered it.
pub fn counting<'a>(
    policy: &ApprovalPolicy,
    cost: &Cost,
    amount_version: u32,
    approvals: &'a [Approval],
) -> Vec<&'a Approval> {
    let mut seen = Vec::new();
    approvals
        .iter()
        .filter(|a| a.amount_version == amount_version)
        .filter(|a| policy.covers(policy.limit_of(&a.approver_roles), cost))
        .filter(|a| {
            let first = !seen.contains(&a.approver_id);
            seen.push(a.approver_id.clone());
            first
        })
        .collect()
}

pub fn is_satisfied(requirement: &Requirement, counting: &[&Approval]) -> bool {
    counting.len() as u32 >= requirement.approvals
        && (!requirement.finance_needed || counting.iter().any(|a| a.approver_roles.contains(&Role::Finance)))
}

/// Why someone may not approve, as a translatable key with what the message needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Refusal {
    pub key: String,
    pub limit_minor: Option<i64>,
}

impl Refusal {
    fn new(key: &str) -> Self {
        Refusal { key: key.to_owned(), limit_minor: None }
    }
}

/// Whether `approver` may approve now, given what is already approved.
pub fn check_approver(
    policy: &ApprovalPolicy,
    requirement: &Requirement,
    cost: &Cost,
    requested_by: &str,
    counting: &[&Approval],
    approver_id: &str,
    approver_roles: &[Role],
) -> Result<(), Refusal> {
    if approver_id == requested_by {
        return Err(Refusal::new("error.reshipment.self_approval"));
    }
    if counting.iter().any(|a| a.approver_id == approver_id) {
        return Err(Refusal::new("error.reshipment.already_approved"));
    }
    if is_satisfied(requirement, counting) {
        return Err(Refusal::new("error.reshipment.approval_not_needed"));
    }
    let limit = policy.limit_of(approver_roles);
    if limit == Limit::None {
        return Err(Refusal::new("error.reshipment.no_approval_limit"));
    }
    if !policy.covers(limit, cost) {
        let key =
            if requirement.comparable { "error.reshipment.limit_too_low" } else { "error.reshipment.other_currency" };
        return Err(Refusal { key: key.to_owned(), limit_minor: limit.as_option() });
    }
    let is_finance = approver_roles.contains(&Role::Finance);
    let has_finance = counting.iter().any(|a| a.approver_roles.contains(&Role::Finance));
    let last_slot = counting.len() as u32 + 1 >= requirement.approvals;
    if requirement.finance_needed && !has_finance && !is_finance && last_slot {
        return Err(Refusal::new("error.reshipment.finance_needed"));
    }
    Ok(())
}

/// The roles whose limit covers this cost: who the UI names as possible approvers.
pub fn approver_roles(policy: &ApprovalPolicy, cost: &Cost) -> Vec<Role> {
    Role::ALL.into_iter().filter(|role| policy.covers(policy.limit_of(&[*role]), cost)).collect()
}
