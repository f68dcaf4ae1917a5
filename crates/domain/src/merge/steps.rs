//! State-machine steps decided again on the merged record, with the desk's own `decide_*` code.

use crate::error::ErrorCode;
use crate::failure::Failure;
use crate::reshipment::{Reshipment, ReshipmentStatus};
use crate::returns::{
    Rma, Settlement, check_credit, check_settlement, decide_approve, decide_cancel, decide_issue_credit, decide_reject,
    decide_settle, decide_suspend, recheck_payout_step,
};
use crate::{ApiError, Event};

fn fold<S>(history: &[Event], evolve: fn(Option<S>, &Event) -> Option<S>) -> Option<S> {
    history.iter().fold(None, evolve)
}

fn missing(event: &Event) -> ApiError {
    let (stream_type, stream_id) = event.stream();
    ApiError::new(ErrorCode::NotFound, "error.sync.record_unknown").with("kind", stream_type).with("number", stream_id)
}

/// Whether `event` is still a legal step of its record after the events of `history`.
pub fn recheck_step(history: &[Event], event: &Event) -> Result<(), ApiError> {
    use Event as E;
    match event {
        E::RmaApproved { .. }
        | E::RmaRejected { .. }
        | E::RmaSuspended { .. }
        | E::RmaSettled { .. }
        | E::RmaCreditIssued { .. }
        | E::RmaPayoutRequested { .. }
        | E::RmaPayoutApproved { .. }
        | E::RmaCancelled { .. }
        | E::RmaRefurbished { .. }
        | E::RmaFailureLogged { .. } => {
            let rma = fold(history, Rma::evolve).ok_or_else(|| missing(event))?;
            let decided = match event {
                E::RmaApproved { comment, decided_by, .. } => decide_approve(&rma, comment, decided_by.as_deref()),
                E::RmaRejected { comment, .. } => decide_reject(&rma, comment),
                E::RmaSuspended { comment, .. } => decide_suspend(&rma, comment),
                // Paid out as the approved request asked, by someone free to pay it.
                E::RmaSettled { settlement, paid_by, .. } => decide_settle(&rma, settlement, paid_by.as_deref()),
                E::RmaCreditIssued { amount_minor, paid_by, .. } => {
                    decide_issue_credit(&rma, *amount_minor, paid_by.as_deref())
                }
                E::RmaPayoutRequested { request, .. } => recheck_payout_request(&rma, &request.settlement),
                // Approvals merge as a set while the money is not out, as a reshipment's do.
                E::RmaPayoutApproved { .. } => recheck_payout_step(&rma).map(|()| Vec::new()),
                E::RmaCancelled { reason, .. } => decide_cancel(&rma, reason),
                E::RmaRefurbished { refurbishment, .. } => crate::returns::decide_refurbish(&rma, refurbishment),
                // The failure was logged at intake: it stands whatever happened to the RMA since.
                _ => Ok(Vec::new()),
            };
            decided.map(drop)
        }
        E::ReshipmentRejected { .. }
        | E::ReshipmentCancelled { .. }
        | E::ReshipmentApproved { .. }
        | E::ReshipmentAuthorized { .. }
        | E::ReshipmentAmended { .. }
        | E::ChargebackUpdated { .. } => {
            let r = fold(history, Reshipment::evolve).ok_or_else(|| missing(event))?;
            recheck_reshipment(&r, event)
        }
        E::ScarAdvanced { .. } => {
            let scar = fold(history, crate::scar::Scar::evolve).ok_or_else(|| missing(event))?;
            crate::scar::recheck_advance(&scar, event)
        }
        E::WorkOrderStarted { .. } | E::WorkOrderCompleted { .. } | E::WorkOrderBlockDecided { .. } => {
            let wo = fold(history, crate::production::WorkOrder::evolve).ok_or_else(|| missing(event))?;
            crate::production::recheck_work_order(&wo, event)
        }
        E::ComplaintAdvanced { .. } => {
            let complaint = fold(history, crate::production::Complaint::evolve).ok_or_else(|| missing(event))?;
            crate::production::recheck_complaint(&complaint, event)
        }
        E::RmaChargebackRecorded { .. } | E::RmaChargebackSettled { .. } => {
            fold(history, Rma::evolve).ok_or_else(|| missing(event))?;
            crate::chargeback::recheck_rma(history, event)
        }
        E::FailureChargebackRecorded { .. } | E::FailureChargebackSettled { .. } => {
            fold(history, Failure::evolve).ok_or_else(|| missing(event))?;
            crate::chargeback::recheck(history, event)
        }
        E::FailureCorrected { .. }
        | E::FailureDispositionSet { .. }
        | E::FailureDispositionCompleted { .. }
        | E::FailureDeviationApproved { .. }
        | E::FailureReinspected { .. } => {
            fold(history, Failure::evolve).ok_or_else(|| missing(event))?;
            Ok(())
        }
        E::FailureDispositionLineAdded { .. }
        | E::FailureDispositionLineCompleted { .. }
        | E::FailureDispositionLineApproved { .. }
        | E::FailureDispositionLineWithdrawn { .. } => {
            let f = fold(history, Failure::evolve).ok_or_else(|| missing(event))?;
            recheck_line(&f, event)
        }
        _ => Ok(()),
    }
}

/// A payout request stands while the money is not out and its amount is one the RMA may pay.
fn recheck_payout_request(rma: &Rma, settlement: &Settlement) -> Result<Vec<Event>, ApiError> {
    match settlement {
        Settlement::StoreCredit { amount_minor } if rma.status != crate::returns::RmaStatus::Inspected => {
            check_credit(rma, *amount_minor)?
        }
        _ => check_settlement(rma, settlement)?,
    }
    recheck_payout_step(rma)?;
    Ok(Vec::new())
}

/// Approvals and authorizations merge as a set (another desk's approval of the same request is
/// no conflict); what a rejection or a cancellation ended stays ended.
fn recheck_reshipment(r: &Reshipment, event: &Event) -> Result<(), ApiError> {
    use ReshipmentStatus as S;
    let ended = matches!(r.status, S::Rejected | S::Cancelled);
    let refuse = |key: &str| {
        Err(ApiError::conflict(key).with("reshipment_no", r.reshipment_no()).with("status", r.status.as_str()))
    };
    match event {
        Event::ReshipmentApproved { .. } | Event::ReshipmentAuthorized { .. } | Event::ReshipmentAmended { .. }
            if ended =>
        {
            refuse("error.reshipment.not_open")
        }
        Event::ReshipmentRejected { .. } if r.status != S::Requested => refuse("error.reshipment.not_open"),
        Event::ReshipmentCancelled { .. } if !matches!(r.status, S::Requested | S::Authorized) => {
            refuse("error.reshipment.not_cancellable")
        }
        _ => Ok(()),
    }
}

/// A line added elsewhere meanwhile never refuses another (the over-assignment is a conflict,
/// found while projecting); a line's end is its own: completed, approved or withdrawn once, the
/// first in the server's order.
fn recheck_line(f: &Failure, event: &Event) -> Result<(), ApiError> {
    let (Event::FailureDispositionLineAdded { line_id, .. }
    | Event::FailureDispositionLineCompleted { line_id, .. }
    | Event::FailureDispositionLineApproved { line_id, .. }
    | Event::FailureDispositionLineWithdrawn { line_id, .. }) = event
    else {
        return Ok(());
    };
    if matches!(event, Event::FailureDispositionLineAdded { .. }) {
        return Ok(());
    }
    let line = f.line(line_id).ok_or_else(|| ApiError::not_found("disposition_line", line_id))?;
    if !line.is_running() {
        return Err(ApiError::conflict("error.failure.line_not_running")
            .with("failure_no", &f.failure_no)
            .with("status", serde_json::to_value(line.status).unwrap_or_default().as_str().unwrap_or_default()));
    }
    Ok(())
}
