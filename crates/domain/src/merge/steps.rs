//! State-machine steps decided again on the merged record, with the desk's own `decide_*` code.

use crate::error::ErrorCode;
use crate::failure::Failure;
use crate::reshipment::{Reshipment, ReshipmentStatus};
use crate::returns::{
    Rma, decide_approve, decide_cancel, decide_issue_credit, decide_reject, decide_settle, decide_suspend,
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
        | E::RmaCancelled { .. }
        | E::RmaFailureLogged { .. } => {
            let rma = fold(history, Rma::evolve).ok_or_else(|| missing(event))?;
            let decided = match event {
                E::RmaApproved { comment, .. } => decide_approve(&rma, comment),
                E::RmaRejected { comment, .. } => decide_reject(&rma, comment),
                E::RmaSuspended { comment, .. } => decide_suspend(&rma, comment),
                E::RmaSettled { settlement, .. } => decide_settle(&rma, settlement),
                E::RmaCreditIssued { amount_minor, .. } => decide_issue_credit(&rma, *amount_minor),
                E::RmaCancelled { reason, .. } => decide_cancel(&rma, reason),
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
        E::FailureCorrected { .. }
        | E::FailureDispositionSet { .. }
        | E::FailureDispositionCompleted { .. }
        | E::FailureDeviationApproved { .. }
        | E::FailureReinspected { .. } => {
            fold(history, Failure::evolve).ok_or_else(|| missing(event))?;
            Ok(())
        }
        _ => Ok(()),
    }
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
