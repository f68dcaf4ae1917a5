//! Who must approve money going out: the model reshipments and settlements (refunds, store
//! credit) share, so both decide, show and merge approvals the same way.
//!
//! - Within the requester's own limit (and not above the dual-control threshold) nothing more is
//!   needed.
//! - Otherwise it needs approvers whose limits cover the total: one, or above the dual-control
//!   threshold two different people, at least one of them from finance.
//! - Nobody approves their own request, and an approval counts only for the amount it was given
//!   for: changing the amount voids earlier approvals.
//! - Limits are in the policy's currency; a total in another currency cannot be compared, so only
//!   approvers without a limit cover it and it always needs two of them.
//!
//! Approvals are a set: given on different desks, each too few alone, they count together once
//! the logs merge.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::people::Role;

/// An approval limit: `None` means no limit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RoleLimit {
    pub role: Role,
    pub limit_minor: Option<i64>,
}

/// One approval, for one version of the amount: a later change of the amount voids it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Approval {
    pub approver_id: String,
    pub approver_roles: Vec<Role>,
    pub limit_minor: Option<i64>,
    pub amount_version: u32,
    pub total_minor: i64,
    pub currency: String,
    pub note: String,
}

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

/// What an amount, asked for by someone with given roles, needs.
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

/// Why someone may not approve, as a translatable key with what the message needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Refusal {
    pub key: String,
    pub limit_minor: Option<i64>,
}

/// An amount of money in one currency, as the rules compare it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amount<'a> {
    pub total_minor: i64,
    pub currency: &'a str,
}

/// The refusal keys of one kind of record, so each speaks of itself in its messages.
#[derive(Debug, Clone, Copy)]
pub struct RefusalKeys {
    pub self_approval: &'static str,
    pub already_approved: &'static str,
    pub approval_not_needed: &'static str,
    pub no_approval_limit: &'static str,
    pub limit_too_low: &'static str,
    pub other_currency: &'static str,
    pub finance_needed: &'static str,
}

pub const RESHIPMENT_REFUSALS: RefusalKeys = RefusalKeys {
    self_approval: "error.reshipment.self_approval",
    already_approved: "error.reshipment.already_approved",
    approval_not_needed: "error.reshipment.approval_not_needed",
    no_approval_limit: "error.reshipment.no_approval_limit",
    limit_too_low: "error.reshipment.limit_too_low",
    other_currency: "error.reshipment.other_currency",
    finance_needed: "error.reshipment.finance_needed",
};

pub const SETTLEMENT_REFUSALS: RefusalKeys = RefusalKeys {
    self_approval: "error.settlement.self_approval",
    already_approved: "error.settlement.already_approved",
    approval_not_needed: "error.settlement.approval_not_needed",
    no_approval_limit: "error.settlement.no_approval_limit",
    limit_too_low: "error.settlement.limit_too_low",
    other_currency: "error.settlement.other_currency",
    finance_needed: "error.settlement.finance_needed",
};

/// One set of approval rules: limits per role in `currency`, and the total above which two
/// approvers (one from finance) are needed.
#[derive(Debug, Clone, Copy)]
pub struct Rules<'a> {
    pub currency: &'a str,
    pub limits: &'a [RoleLimit],
    pub dual_control_above_minor: i64,
    pub keys: &'static RefusalKeys,
}

impl Rules<'_> {
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

    /// Whether `limit` reaches `amount`.
    pub fn covers(&self, limit: Limit, amount: Amount<'_>) -> bool {
        match limit {
            Limit::Unlimited => true,
            Limit::UpTo(minor) => amount.currency == self.currency && amount.total_minor <= minor,
            Limit::None => false,
        }
    }

    /// What `amount`, asked for by someone with `requester_roles`, needs.
    pub fn requirement(&self, amount: Amount<'_>, requester_roles: &[Role]) -> Requirement {
        let comparable = amount.currency == self.currency;
        let dual = !comparable || amount.total_minor > self.dual_control_above_minor;
        let within_own = self.covers(self.limit_of(requester_roles), amount);
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
            total_minor: amount.total_minor,
            currency: amount.currency.to_owned(),
            comparable,
        }
    }

    /// Whether `approver` may approve now, given what is already approved (`counting`).
    pub fn check_approver(
        &self,
        requirement: &Requirement,
        amount: Amount<'_>,
        requested_by: &str,
        counting: &[&Approval],
        approver_id: &str,
        approver_roles: &[Role],
    ) -> Result<(), Refusal> {
        let refuse = |key: &str| Err(Refusal { key: key.to_owned(), limit_minor: None });
        if approver_id == requested_by {
            return refuse(self.keys.self_approval);
        }
        if counting.iter().any(|a| a.approver_id == approver_id) {
            return refuse(self.keys.already_approved);
        }
        if is_satisfied(requirement, counting) {
            return refuse(self.keys.approval_not_needed);
        }
        let limit = self.limit_of(approver_roles);
        if limit == Limit::None {
            return refuse(self.keys.no_approval_limit);
        }
        if !self.covers(limit, amount) {
            let key = if requirement.comparable { self.keys.limit_too_low } else { self.keys.other_currency };
            return Err(Refusal { key: key.to_owned(), limit_minor: limit.as_option() });
        }
        let is_finance = approver_roles.contains(&Role::Finance);
        let has_finance = counting.iter().any(|a| a.approver_roles.contains(&Role::Finance));
        let last_slot = counting.len() as u32 + 1 >= requirement.approvals;
        if requirement.finance_needed && !has_finance && !is_finance && last_slot {
            return refuse(self.keys.finance_needed);
        }
        Ok(())
    }

    /// The roles whose limit covers `amount`: who the UI names as possible approvers.
    pub fn approver_roles(&self, amount: Amount<'_>) -> Vec<Role> {
        Role::ALL.into_iter().filter(|role| self.covers(self.limit_of(&[*role]), amount)).collect()
    }

    /// The approval `approver` gives now for `amount` at `amount_version`, with their limit.
    pub fn approval(
        &self,
        amount: Amount<'_>,
        amount_version: u32,
        approver_id: &str,
        approver_roles: &[Role],
        note: &str,
    ) -> Approval {
        Approval {
            approver_id: approver_id.to_owned(),
            approver_roles: approver_roles.to_vec(),
            limit_minor: self.limit_of(approver_roles).as_option(),
            amount_version,
            total_minor: amount.total_minor,
            currency: amount.currency.to_owned(),
            note: note.trim().to_owned(),
        }
    }
}

/// The approvals that count now: given for the current amount version, each approver once,
/// and only those `covers` accepts.
pub fn counting(approvals: &[Approval], amount_version: u32, covers: impl Fn(&Approval) -> bool) -> Vec<&Approval> {
    let mut seen = Vec::new();
    approvals
        .iter()
        .filter(|a| a.amount_version == amount_version)
        .filter(|a| covers(a))
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

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: &[RoleLimit] = &[
        RoleLimit { role: Role::ReturnsAnalyst, limit_minor: Some(10_000) },
        RoleLimit { role: Role::Finance, limit_minor: Some(100_000) },
        RoleLimit { role: Role::Admin, limit_minor: None },
    ];

    fn rules() -> Rules<'static> {
        Rules { currency: "EUR", limits: LIMITS, dual_control_above_minor: 50_000, keys: &SETTLEMENT_REFUSALS }
    }

    fn eur(total_minor: i64) -> Amount<'static> {
        Amount { total_minor, currency: "EUR" }
    }

    #[test]
    fn the_requirement_follows_the_requesters_limit_and_the_threshold() {
        let r = rules();
        // 80.00 ≤ the analyst's 100.00 and ≤ 500.00: nothing more needed.
        assert_eq!(r.requirement(eur(8_000), &[Role::ReturnsAnalyst]).approvals, 0);
        // 150.00 > 100.00: one approver whose limit reaches it.
        assert_eq!(r.requirement(eur(15_000), &[Role::ReturnsAnalyst]).approvals, 1);
        // 600.00 > 500.00: two, one of them finance, even for an admin without limit.
        let dual = r.requirement(eur(60_000), &[Role::Admin]);
        assert_eq!((dual.approvals, dual.finance_needed), (2, true));
        // Another currency cannot be compared with the limits: always two.
        let usd = r.requirement(Amount { total_minor: 100, currency: "USD" }, &[Role::Admin]);
        assert_eq!((usd.approvals, usd.comparable), (2, false));
    }

    #[test]
    fn refusals_carry_the_records_own_keys() {
        let r = rules();
        let needs = r.requirement(eur(15_000), &[Role::ReturnsAnalyst]);
        let own = r.check_approver(&needs, eur(15_000), "u1", &[], "u1", &[Role::Finance]).unwrap_err();
        assert_eq!(own.key, "error.settlement.self_approval");
        let low = r.check_approver(&needs, eur(15_000), "u1", &[], "u2", &[Role::ReturnsAnalyst]).unwrap_err();
        assert_eq!((low.key.as_str(), low.limit_minor), ("error.settlement.limit_too_low", Some(10_000)));
        assert!(r.check_approver(&needs, eur(15_000), "u1", &[], "u3", &[Role::Finance]).is_ok());
    }

    #[test]
    fn an_approval_counts_once_and_only_for_its_amount_version() {
        let r = rules();
        let a = r.approval(eur(15_000), 1, "u2", &[Role::Finance], " ok ");
        assert_eq!((a.limit_minor, a.note.as_str()), (Some(100_000), "ok"));
        let twice = vec![a.clone(), a.clone(), Approval { amount_version: 2, ..a }];
        assert_eq!(counting(&twice, 1, |_| true).len(), 1);
        assert_eq!(counting(&twice, 2, |_| true).len(), 1);
        assert_eq!(counting(&twice, 3, |_| true).len(), 0);
    }
}
