//! The SCAR's rules: what opening needs, which step may follow which, and when the vendor's
//! answer is overdue.

use chrono::NaiveDate;

use super::{Scar, ScarOpening, ScarStatus, ScarStepText};
use crate::Event;
use crate::error::{ApiError, ErrorCode, FieldError, Violations};

/// The most team members a SCAR names: an 8D team is a handful of people.
const MAX_TEAM: usize = 20;
const NAME_LEN: usize = 120;

/// D1 and D2 are what the vendor is asked to act on: both are required.
pub fn check_opening(opening: &ScarOpening) -> Result<(), ApiError> {
    let mut v = Violations::default();
    v.required("vendor_code", &opening.vendor_code);
    if opening.team.is_empty() {
        v.push(FieldError::new("team", "error.scar.team_empty"));
    }
    if opening.team.len() > MAX_TEAM {
        v.push(FieldError::new("team", "error.scar.team_too_large").with("max", MAX_TEAM));
    }
    for (i, member) in opening.team.iter().enumerate() {
        v.required(&format!("team.{i}.name"), &member.name);
        v.max_len(&format!("team.{i}.name"), member.name.trim(), NAME_LEN);
        v.max_len(&format!("team.{i}.role"), member.role.trim(), NAME_LEN);
    }
    v.required("problem", &opening.problem);
    v.max_len("problem", opening.problem.trim(), crate::limits::NOTE);
    v.into_result()
}

/// A step may only be the one after the SCAR's current step; a step already done (on this desk
/// or, after a merge, on another) is refused as done, not as out of order, so the person is told
/// that someone else got there first.
fn check_order(scar: &Scar, to: ScarStatus) -> Result<(), ApiError> {
    let refuse = |key: &str| {
        ApiError::new(ErrorCode::Conflict, key)
            .with("scar_no", scar.scar_no())
            .with("status", scar.status.as_str())
            .with("to", to.as_str())
    };
    if scar.status == ScarStatus::Closed {
        return Err(refuse("error.scar.closed"));
    }
    if to <= scar.status {
        return Err(refuse("error.scar.step_done"));
    }
    if scar.status.next() != Some(to) {
        return Err(refuse("error.scar.out_of_order"));
    }
    Ok(())
}

/// The SCAR moved on to `to`. Sending needs the due date of the vendor's answer (today or
/// later); each answer received needs its text; closing may carry a note.
pub fn decide_advance(
    scar: &Scar,
    to: ScarStatus,
    due_on: Option<&str>,
    step: &ScarStepText,
    today: NaiveDate,
) -> Result<Vec<Event>, ApiError> {
    check_order(scar, to)?;
    let mut v = Violations::default();
    let text = step.text.trim();
    let actions = step.actions.trim();
    v.max_len("text", text, crate::limits::NOTE);
    let preventive = step.preventive.trim();
    v.max_len("actions", actions, crate::limits::NOTE);
    v.max_len("preventive", preventive, crate::limits::NOTE);
    let mut due = None;
    match to {
        ScarStatus::Sent => match due_on.map(str::trim).filter(|d| !d.is_empty()) {
            None => v.push(FieldError::new("due_on", "error.field.required")),
            Some(day) => match NaiveDate::parse_from_str(day, "%Y-%m-%d") {
                Err(_) => v.push(FieldError::new("due_on", "error.field.bad_date").with("value", day)),
                Ok(d) if d < today => v.push(FieldError::new("due_on", "error.scar.due_in_past").with("value", day)),
                Ok(d) => due = Some(d.format("%Y-%m-%d").to_string()),
            },
        },
        ScarStatus::ContainmentReceived | ScarStatus::Verified => v.required("text", text),
        ScarStatus::RootCauseReceived => {
            v.required("text", text);
            v.required("actions", actions);
        }
        ScarStatus::Closed | ScarStatus::Draft => {}
    }
    v.into_result()?;
    let root_cause = to == ScarStatus::RootCauseReceived;
    let (actions, preventive) =
        if root_cause { (actions.to_owned(), preventive.to_owned()) } else { (String::new(), String::new()) };
    Ok(vec![Event::ScarAdvanced {
        scar_no: scar.scar_no().to_owned(),
        to,
        due_on: due,
        step: ScarStepText { text: text.to_owned(), actions, preventive },
    }])
}

/// The step decided again on the record as the team's log leaves it: two desks that both
/// recorded the vendor's containment keep the first in the server's order, and the second is
/// refused as done. Dates were checked on the desk against its own day.
pub fn recheck_advance(scar: &Scar, event: &Event) -> Result<(), ApiError> {
    match event {
        Event::ScarAdvanced { to, .. } => check_order(scar, *to),
        _ => Ok(()),
    }
}

/// The vendor's answer is overdue once its due day has passed and the root cause and actions
/// (D4..D7, the answer a SCAR asks for) are not in: containment alone is no answer.
pub fn is_overdue(status: ScarStatus, due_on: Option<&str>, today: NaiveDate) -> bool {
    let waiting = matches!(status, ScarStatus::Sent | ScarStatus::ContainmentReceived);
    let due = due_on.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    waiting && due.is_some_and(|d| d < today)
}
