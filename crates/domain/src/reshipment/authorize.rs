//! Who must approve a reshipment before it may ship: the shared approval model
//! (`crate::approval`) over the reshipment's cost, with the approval policy's limits. An approval
//! counts while the policy's limit of the approver's roles still covers the cost.

use crate::approval::{Amount, Approval, RESHIPMENT_REFUSALS, Rules, SETTLEMENT_REFUSALS};
pub use crate::approval::{Limit, Refusal, Requirement, is_satisfied};

use super::types::{ApprovalPolicy, Cost, DEFAULT_SETTLEMENT_DUAL_CONTROL_MINOR, DEFAULT_SETTLEMENT_LIMITS};
use crate::people::Role;

impl Cost {
    pub fn amount(&self) -> Amount<'_> {
        Amount { total_minor: self.total_minor(), currency: &self.currency }
    }
}

impl ApprovalPolicy {
    /// The rules reshipments are authorized by.
    pub fn reshipment_rules(&self) -> Rules<'_> {
        Rules {
            currency: &self.currency,
            limits: &self.limits,
            dual_control_above_minor: self.dual_control_above_minor,
            keys: &RESHIPMENT_REFUSALS,
        }
    }

    /// The rules refunds and store credit are paid out by: the policy's settlement limits, or
    /// the defaults when the policy was saved before it had any.
    pub fn settlement_rules(&self) -> Rules<'_> {
        let (limits, dual_control_above_minor) = match &self.settlements {
            Some(s) => (s.limits.as_slice(), s.dual_control_above_minor),
            None => (DEFAULT_SETTLEMENT_LIMITS, DEFAULT_SETTLEMENT_DUAL_CONTROL_MINOR),
        };
        Rules { currency: &self.currency, limits, dual_control_above_minor, keys: &SETTLEMENT_REFUSALS }
    }

    /// The highest limit among `roles`.
    pub fn limit_of(&self, roles: &[Role]) -> Limit {
        self.reshipment_rules().limit_of(roles)
    }

    /// Whether `limit` reaches `cost`'s total.
    pub fn covers(&self, limit: Limit, cost: &Cost) -> bool {
        self.reshipment_rules().covers(limit, cost.amount())
    }
}

/// What a reshipment of this cost, asked for by someone with these roles, needs.
pub fn requirement(policy: &ApprovalPolicy, cost: &Cost, requester_roles: &[Role]) -> Requirement {
    policy.reshipment_rules().requirement(cost.amount(), requester_roles)
}

/// The approvals that count now: given for the current amount, by someone whose limit covered it.
pub fn counting<'a>(
    policy: &ApprovalPolicy,
    cost: &Cost,
    amount_version: u32,
    approvals: &'a [Approval],
) -> Vec<&'a Approval> {
    crate::approval::counting(approvals, amount_version, |a| policy.covers(policy.limit_of(&a.approver_roles), cost))
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
    policy.reshipment_rules().check_approver(
        requirement,
        cost.amount(),
        requested_by,
        counting,
        approver_id,
        approver_roles,
    )
}

/// The roles whose limit covers this cost: who the UI names as possible approvers.
pub fn approver_roles(policy: &ApprovalPolicy, cost: &Cost) -> Vec<Role> {
    policy.reshipment_rules().approver_roles(cost.amount())
}
