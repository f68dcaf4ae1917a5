//! Deciding and folding disposition lines: adding one (never more units than are unassigned),
//! completing it (scrap says how and by whom it was destroyed), approving a deviation line and
//! withdrawing one.

use chrono::NaiveDate;

use crate::error::{FieldError, Violations};
use crate::event::Event;
use crate::people::{Actor, Permission};
use crate::{ApiError, limits};

use super::lines::*;
use super::types::{Disposition, Failure, FailureStatus};

fn not_closed(failure: &Failure) -> Result<(), ApiError> {
    if failure.status == FailureStatus::Closed {
        return Err(ApiError::conflict("error.failure.closed").with("failure_no", &failure.failure_no));
    }
    Ok(())
}

fn running_line<'a>(failure: &'a Failure, line_id: &str) -> Result<&'a DispositionLine, ApiError> {
    let line = failure.line(line_id).ok_or_else(|| ApiError::not_found("disposition_line", line_id))?;
    if !line.is_running() {
        return Err(ApiError::conflict("error.failure.line_not_running")
            .with("failure_no", &failure.failure_no)
            .with("status", serde_json::to_value(line.status).unwrap_or_default().as_str().unwrap_or_default()));
    }
    Ok(line)
}

/// `line_id`: a fresh UUIDv7 from the app (the domain has no clock or randomness).
pub fn decide_add_line(failure: &Failure, line_id: &str, request: &LineRequest) -> Result<Vec<Event>, ApiError> {
    not_closed(failure)?;
    if failure.line(line_id).is_some() {
        return Err(ApiError::conflict("error.failure.line_exists").with("line_id", line_id));
    }
    let mut v = Violations::default();
    let unassigned = failure.unassigned();
    if request.qty < 1 {
        v.push(FieldError::new("qty", "error.field.must_be_positive"));
    } else if request.qty > unassigned {
        v.push(
            FieldError::new("qty", "error.failure.line_over_assigned")
                .with("qty", request.qty)
                .with("unassigned", unassigned.max(0))
                .with("failed", failure.record.qty_failed),
        );
    }
    v.required("owner_id", &request.owner_id);
    v.max_len("note", &request.note, limits::REASON);
    check_line_serials(&mut v, failure, request);
    let due_on = match request.due_on.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        Some(text) => match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(date) => Some(date.format("%Y-%m-%d").to_string()),
            Err(_) => {
                v.push(FieldError::new("due_on", "error.field.bad_date").with("value", text));
                None
            }
        },
        None => None,
    };
    v.into_result()?;
    Ok(vec![Event::FailureDispositionLineAdded {
        failure_no: failure.failure_no.clone(),
        line_id: line_id.to_owned(),
        line: LineRequest {
            disposition: request.disposition,
            qty: request.qty,
            note: request.note.trim().to_owned(),
            owner_id: request.owner_id.trim().to_owned(),
            due_on,
            serials: request.serials.iter().map(|s| s.trim().to_owned()).collect(),
        },
    }])
}

/// Serials named on a line are failed serials of the failure, one per unit of the line, and on
/// no other line still holding its units: each failed unit gets one disposition.
fn check_line_serials(v: &mut Violations, failure: &Failure, request: &LineRequest) {
    if request.serials.is_empty() {
        return;
    }
    if request.serials.len() as i64 != request.qty {
        v.push(FieldError::new("serials", "error.failure.line_serials_count").with("qty", request.qty));
    }
    for (i, serial) in request.serials.iter().map(|s| s.trim()).enumerate() {
        let field = format!("serials[{i}]");
        if !failure.record.serials.iter().any(|s| s == serial) {
            v.push(FieldError::new(field, "error.failure.serial_not_failed").with("serial", serial));
        } else if let Some(other) =
            failure.lines.iter().find(|l| l.status != LineStatus::Withdrawn && l.serials.iter().any(|s| s == serial))
        {
            v.push(
                FieldError::new(field, "error.failure.serial_on_other_line")
                    .with("serial", serial)
                    .with("disposition", other.disposition.as_str()),
            );
        } else if request.serials.iter().map(|s| s.trim()).take(i).any(|s| s == serial) {
            v.push(FieldError::new(field, "error.failure.duplicate_serial").with("serial", serial));
        }
    }
}

/// Checks the scrap record of a completion against its line: required for scrap, refused
/// elsewhere; "other" says what; a witness is someone else than who destroyed the units.
fn check_scrap(v: &mut Violations, line: &DispositionLine, scrap: Option<&ScrapRecord>) {
    match (line.disposition, scrap) {
        (Disposition::Scrap, None) => v.push(FieldError::new("scrap.method", "error.failure.scrap_record_required")),
        (Disposition::Scrap, Some(scrap)) => {
            if scrap.method == ScrapMethod::Other {
                v.required("scrap.method_other", &scrap.method_other);
            }
            v.max_len("scrap.method_other", &scrap.method_other, limits::LINE);
            v.required("scrap.destroyed_by", &scrap.destroyed_by);
            if scrap.witness_id.as_deref().is_some_and(|w| w == scrap.destroyed_by) {
                v.push(FieldError::new("scrap.witness_id", "error.failure.witness_is_destroyer"));
            }
        }
        (_, Some(_)) => v.push(FieldError::new("scrap.method", "error.failure.scrap_record_only_for_scrap")),
        (_, None) => {}
    }
}

pub fn decide_complete_line(
    failure: &Failure,
    line_id: &str,
    completion: &LineCompletion,
) -> Result<Vec<Event>, ApiError> {
    not_closed(failure)?;
    let line = running_line(failure, line_id)?;
    if line.status == LineStatus::AwaitingApproval {
        return Err(ApiError::conflict("error.failure.deviation_needs_approval"));
    }
    // Lines merged from two desks that hold more than failed: someone withdraws one first, so
    // what is completed is never more than what failed.
    if failure.unassigned() < 0 {
        return Err(ApiError::conflict("error.failure.over_assigned")
            .with("failure_no", &failure.failure_no)
            .with("assigned", failure.assigned())
            .with("failed", failure.record.qty_failed));
    }
    let mut v = Violations::default();
    v.required("outcome", &completion.outcome);
    v.max_len("outcome", &completion.outcome, limits::LINE);
    v.max_len("note", &completion.note, limits::REASON);
    if let Some(qty) = completion.qty
        && !(0..=line.qty).contains(&qty)
    {
        v.push(FieldError::new("qty", "error.failure.line_qty_range").with("qty", qty).with("max", line.qty));
    }
    if let Some(cost) = completion.cost_minor {
        if line.disposition != Disposition::Rework {
            v.push(FieldError::new("cost_minor", "error.failure.cost_only_for_rework"));
        } else if cost < 0 {
            v.push(FieldError::new("cost_minor", "error.field.negative"));
        }
    }
    check_scrap(&mut v, line, completion.scrap.as_ref());
    v.into_result()?;
    let scrap = completion.scrap.as_ref().map(|s| ScrapRecord {
        method: s.method,
        method_other: if s.method == ScrapMethod::Other { s.method_other.trim().to_owned() } else { String::new() },
        destroyed_by: s.destroyed_by.trim().to_owned(),
        witness_id: s.witness_id.as_deref().map(str::trim).filter(|w| !w.is_empty()).map(str::to_owned),
    });
    Ok(vec![Event::FailureDispositionLineCompleted {
        failure_no: failure.failure_no.clone(),
        line_id: line_id.to_owned(),
        completion: LineCompletion {
            outcome: completion.outcome.trim().to_owned(),
            qty: Some(completion.qty.unwrap_or(line.qty)),
            note: completion.note.trim().to_owned(),
            cost_minor: completion.cost_minor,
            scrap,
        },
    }])
}

/// `added_by`: who added the line. Neither they nor the inspector approve its deviation.
pub fn decide_approve_line(
    failure: &Failure,
    line_id: &str,
    actor: &Actor,
    note: &str,
    added_by: Option<&str>,
) -> Result<Vec<Event>, ApiError> {
    actor.require(Permission::ApproveDeviation)?;
    not_closed(failure)?;
    let line = running_line(failure, line_id)?;
    if line.status != LineStatus::AwaitingApproval {
        return Err(ApiError::conflict("error.failure.no_deviation_requested"));
    }
    if failure.inspector_id == actor.user_id || added_by == Some(actor.user_id.as_str()) {
        return Err(ApiError::forbidden("error.failure.own_deviation"));
    }
    let mut v = Violations::default();
    v.required("note", note);
    v.max_len("note", note.trim(), limits::REASON);
    v.into_result()?;
    Ok(vec![Event::FailureDispositionLineApproved {
        failure_no: failure.failure_no.clone(),
        line_id: line_id.to_owned(),
        note: note.trim().to_owned(),
    }])
}

pub fn decide_withdraw_line(failure: &Failure, line_id: &str, reason: &str) -> Result<Vec<Event>, ApiError> {
    not_closed(failure)?;
    running_line(failure, line_id)?;
    let mut v = Violations::default();
    v.required("reason", reason);
    v.max_len("reason", reason, limits::REASON);
    v.into_result()?;
    Ok(vec![Event::FailureDispositionLineWithdrawn {
        failure_no: failure.failure_no.clone(),
        line_id: line_id.to_owned(),
        reason: reason.trim().to_owned(),
    }])
}

/// Folds a line event into the failure; false for any other event. Merged logs may hold an
/// event for a line another desk already ended: it changes nothing then.
pub(super) fn evolve_line(f: &mut Failure, event: &Event) -> bool {
    match event {
        Event::FailureDispositionLineAdded { line_id, line, .. } => {
            if f.line(line_id).is_none() {
                f.lines.push(DispositionLine {
                    line_id: line_id.clone(),
                    disposition: line.disposition,
                    qty: line.qty,
                    note: line.note.clone(),
                    owner_id: Some(line.owner_id.clone()),
                    due_on: line.due_on.clone(),
                    status: line_entry_status(line.disposition),
                    outcome: None,
                    qty_completed: None,
                    scrap: None,
                    serials: line.serials.clone(),
                    whole: false,
                });
            }
        }
        Event::FailureDispositionLineCompleted { line_id, completion, .. } => {
            if let Some(line) = running_mut(f, line_id) {
                line.status = LineStatus::Completed;
                line.outcome = Some(completion.outcome.clone());
                line.qty_completed = Some(completion.qty.unwrap_or(line.qty).clamp(0, line.qty));
                line.scrap = completion.scrap.clone();
            }
        }
        Event::FailureDispositionLineApproved { line_id, .. } => {
            if let Some(line) = running_mut(f, line_id) {
                line.status = LineStatus::Completed;
                line.outcome = Some("accepted_with_deviation".into());
                line.qty_completed = Some(line.qty);
            }
        }
        Event::FailureDispositionLineWithdrawn { line_id, .. } => {
            if let Some(line) = running_mut(f, line_id) {
                line.status = LineStatus::Withdrawn;
            }
        }
        _ => return false,
    }
    f.status = f.status_from_lines();
    true
}

fn running_mut<'a>(f: &'a mut Failure, line_id: &str) -> Option<&'a mut DispositionLine> {
    f.lines.iter_mut().find(|l| l.line_id == line_id && l.is_running())
}
