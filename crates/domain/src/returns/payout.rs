//! Separation of duties for money going out on a return (refunds and store credit), with the
//! approval model reshipments use (`crate::approval`):
//!
//! - whoever settles asks for the payout; their own limit may cover it, else approvers whose
//!   limits do (above the threshold two, one of them from finance) approve that amount;
//! - nobody approves a payout they asked for, or one on a return they opened;
//! - nobody pays out a return they opened, approved as an analyst, or whose payout they approved;
//! - a new amount is a new request: the approvals of the earlier one no longer count.
//!
//! The request records what it needs (`Requirement`), and each approval the amount it approved,
//! so the team's server judges a payout from the RMA's own events, as the desk did.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::rma::{Rma, RmaStatus, Settlement};
use crate::Event;
use crate::approval::{Amount, Approval, Requirement, Rules, counting, is_satisfied};
use crate::error::{ApiError, ErrorCode};
use crate::people::{Actor, Role};

/// A refund or store credit asked for, waiting to be approved and paid out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PayoutRequest {
    /// A refund or store credit, never an exchange (which moves goods, not money).
    pub settlement: Settlement,
    pub requested_by: String,
    /// The requester's roles when asking: their limit decided whether approval is needed.
    pub requester_roles: Vec<Role>,
    /// 1 for the first request of the RMA; each new amount counts one up.
    pub amount_version: u32,
    /// What the policy asked for when the request was made.
    pub requirement: Requirement,
}

/// What leaves the company: the refund less its restocking fee, or the credit.
pub fn money_out_minor(settlement: &Settlement) -> i64 {
    match settlement {
        Settlement::Refund { amount_minor, restocking_fee_minor } => amount_minor - restocking_fee_minor,
        Settlement::StoreCredit { amount_minor } => *amount_minor,
        Settlement::Exchange { .. } => 0,
    }
}

/// Whether a settlement pays money out, and so needs a payout request.
pub fn pays_money(settlement: &Settlement) -> bool {
    !matches!(settlement, Settlement::Exchange { .. })
}

/// The payout as the policy would ask for it now.
pub fn payout_request(rma: &Rma, rules: &Rules<'_>, settlement: &Settlement, actor: &Actor) -> PayoutRequest {
    let amount = Amount { total_minor: money_out_minor(settlement), currency: &rma.opening.currency };
    PayoutRequest {
        settlement: settlement.clone(),
        requested_by: actor.user_id.clone(),
        requester_roles: actor.roles.clone(),
        amount_version: rma.payout.as_ref().map_or(1, |p| p.amount_version + 1),
        requirement: rules.requirement(amount, &actor.roles),
    }
}

fn amount_of(request: &PayoutRequest) -> Amount<'_> {
    Amount { total_minor: request.requirement.total_minor, currency: &request.requirement.currency }
}

/// The approvals that count for the payout asked now: given for its amount, each person once,
/// never the requester's own.
pub fn payout_counting(rma: &Rma) -> Vec<&Approval> {
    let Some(request) = &rma.payout else { return Vec::new() };
    let amount = amount_of(request);
    counting(&rma.payout_approvals, request.amount_version, |a| {
        a.total_minor == amount.total_minor && a.currency == amount.currency && a.approver_id != request.requested_by
    })
}

/// Whether the payout asked now has every approval it needs.
pub fn payout_authorized(rma: &Rma) -> bool {
    rma.payout.as_ref().is_some_and(|request| is_satisfied(&request.requirement, &payout_counting(rma)))
}

/// Whether the money of the current request has gone out already.
pub fn payout_made(rma: &Rma) -> bool {
    match &rma.payout {
        None => false,
        Some(request) => match request.settlement {
            Settlement::StoreCredit { .. } => rma.credit_issued_minor.is_some() || rma.status == RmaStatus::Settled,
            _ => rma.status == RmaStatus::Settled,
        },
    }
}

/// Whether the RMA has a payout waiting for approvals or for someone to pay it out.
pub fn payout_open(rma: &Rma) -> bool {
    rma.payout.is_some() && !payout_made(rma) && !rma.status.is_closed()
}

fn refused(rma: &Rma, key: &str) -> ApiError {
    ApiError::forbidden(key).with("rma_no", rma.rma_no())
}

/// Why `approver` may not approve the payout now, if they may not.
pub fn check_payout_approver(rma: &Rma, rules: &Rules<'_>, approver_id: &str, roles: &[Role]) -> Result<(), ApiError> {
    let Some(request) = rma.payout.as_ref().filter(|_| payout_open(rma)) else {
        return Err(ApiError::new(ErrorCode::Conflict, "error.settlement.nothing_to_approve")
            .with("rma_no", rma.rma_no())
            .with("status", rma.status.as_str()));
    };
    if rma.opened_by.as_deref() == Some(approver_id) {
        return Err(refused(rma, "error.settlement.opener_approval"));
    }
    let counted = payout_counting(rma);
    let amount = amount_of(request);
    rules.check_approver(&request.requirement, amount, &request.requested_by, &counted, approver_id, roles).map_err(
        |refusal| {
            let money = |minor| crate::money::format_money(minor, amount.currency);
            let mut err = refused(rma, &refusal.key).with("total", money(amount.total_minor));
            if let Some(limit) = refusal.limit_minor {
                err = err.with("limit", crate::money::format_money(limit, rules.currency));
            }
            err
        },
    )
}

/// Why `payer` may not pay out the payout asked now, if they may not: it must be approved as it
/// needs, and the payer must not have opened the return, approved it or approved this payout.
pub fn check_payer(rma: &Rma, payer_id: &str) -> Result<(), ApiError> {
    if rma.payout.is_none() {
        return Err(ApiError::new(ErrorCode::Conflict, "error.settlement.not_requested").with("rma_no", rma.rma_no()));
    }
    if !payout_authorized(rma) {
        return Err(
            ApiError::new(ErrorCode::Conflict, "error.settlement.approvals_missing").with("rma_no", rma.rma_no())
        );
    }
    if rma.opened_by.as_deref() == Some(payer_id) {
        return Err(refused(rma, "error.settlement.payer_opened"));
    }
    if rma.approved_by.as_deref() == Some(payer_id) {
        return Err(refused(rma, "error.settlement.payer_decided"));
    }
    // An approval of an earlier amount was voided with it: it binds nobody now.
    let version = rma.payout.as_ref().map_or(0, |p| p.amount_version);
    if rma.payout_approvals.iter().any(|a| a.approver_id == payer_id && a.amount_version == version) {
        return Err(refused(rma, "error.settlement.payer_approved"));
    }
    Ok(())
}

/// Asks for a refund or store credit. Refuses the same request twice: a pending request is paid
/// out, or replaced by one for another amount.
pub fn decide_request_payout(
    rma: &Rma,
    rules: &Rules<'_>,
    settlement: &Settlement,
    actor: &Actor,
) -> Result<Vec<Event>, ApiError> {
    if !pays_money(settlement) {
        return Ok(Vec::new());
    }
    if payout_made(rma) || rma.status.is_closed() {
        return Err(ApiError::new(ErrorCode::Conflict, "error.settlement.already_paid")
            .with("rma_no", rma.rma_no())
            .with("status", rma.status.as_str()));
    }
    if rma.payout.as_ref().is_some_and(|p| p.settlement == *settlement) {
        return Err(
            ApiError::new(ErrorCode::Conflict, "error.settlement.already_requested").with("rma_no", rma.rma_no())
        );
    }
    let request = payout_request(rma, rules, settlement, actor);
    Ok(vec![Event::RmaPayoutRequested { rma_no: rma.rma_no().to_owned(), request }])
}

/// An approver approves the payout asked now, for its amount.
pub fn decide_approve_payout(rma: &Rma, rules: &Rules<'_>, actor: &Actor, note: &str) -> Result<Vec<Event>, ApiError> {
    check_payout_approver(rma, rules, &actor.user_id, &actor.roles)?;
    let mut v = crate::error::Violations::default();
    v.max_len("note", note, crate::limits::REASON);
    v.into_result()?;
    let request = rma.payout.as_ref().expect("checked by check_payout_approver");
    let approval = rules.approval(amount_of(request), request.amount_version, &actor.user_id, &actor.roles, note);
    Ok(vec![Event::RmaPayoutApproved { rma_no: rma.rma_no().to_owned(), approval }])
}

/// Whether the server should take a payout request as a legal step: the RMA still open, its
/// money not out yet (an approval merges as a set, like a reshipment's).
pub fn recheck_payout_step(rma: &Rma) -> Result<(), ApiError> {
    if payout_made(rma) || rma.status.is_closed() {
        return Err(ApiError::new(ErrorCode::Conflict, "error.settlement.already_paid")
            .with("rma_no", rma.rma_no())
            .with("status", rma.status.as_str()));
    }
    Ok(())
}
