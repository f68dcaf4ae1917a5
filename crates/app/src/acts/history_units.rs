//! History text for per-serial inspections and their reactions, per-unit returns intake, and
//! the refurbishment queue's outcomes.

use lotline_domain::failure::{AppliedReaction, FailureReaction, FieldChange, HoldScope};
use lotline_domain::returns::{IntakeCheck, LineDisposition, Refurbishment, unit_grades};

use super::history::{Told, non_empty, set};

fn hold_name(scope: HoldScope) -> &'static str {
    match scope {
        HoldScope::Lot => "lot",
        HoldScope::Serials => "serials",
        HoldScope::None => "none",
    }
}

/// A reaction setting as one value: what it holds, and "notify" when it tells the quality lead.
pub(super) fn reaction_text(reaction: Option<&FailureReaction>) -> String {
    match reaction {
        None => "default".into(),
        Some(r) if r.notify => format!("{} + notify", hold_name(r.hold)),
        Some(r) => hold_name(r.hold).into(),
    }
}

/// What a failure's reaction did: what it held (and which serials), where the setting came
/// from, and whether the quality lead is to be told.
pub(super) fn failure_reaction(
    changes: &mut Vec<FieldChange>,
    accepted_serials: &[String],
    reaction: Option<&AppliedReaction>,
) {
    if !accepted_serials.is_empty() {
        changes.push(set("accepted_serials", accepted_serials.join(", ")));
    }
    let Some(r) = reaction else { return };
    changes.push(set("held", hold_name(r.held)));
    if !r.held_serials.is_empty() {
        changes.push(set("held_serials", r.held_serials.join(", ")));
    }
    let source = serde_json::to_value(r.source).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
    changes.push(set("reaction_source", source));
    if r.notify {
        changes.push(set("notify_quality", true));
    }
}

/// The grades of each line's units, "line 1: A × 2, C × 1", when units were graded.
pub(super) fn unit_grades_told(changes: &mut Vec<FieldChange>, intake: &IntakeCheck) {
    let lines: std::collections::BTreeSet<usize> = intake.units.iter().map(|u| u.line_index).collect();
    for i in lines {
        let grades: Vec<String> = unit_grades(intake, i).iter().map(|g| format!("{:?} × {}", g.grade, g.qty)).collect();
        changes.push(set("unit_grades", format!("{}: {}", i + 1, grades.join(", "))));
    }
}

/// A disposition's grade and serials, after its quantity and kind.
pub(super) fn disposition_units(text: &mut String, d: &LineDisposition, b_stock: bool) {
    if let Some(grade) = d.grade {
        text.push_str(&format!(" [{grade:?}]"));
    }
    if !d.serials.is_empty() {
        text.push_str(&format!(" ({})", d.serials.join(", ")));
    }
    if b_stock && d.disposition.goes_to_b_stock() {
        text.push_str(" (B-stock)");
    }
}

pub(super) fn refurbished(r: &Refurbishment) -> Told {
    let mut changes = vec![set("line", r.line_index + 1), set("qty", r.qty), set("refurbishment", r.outcome.as_str())];
    if !r.serials.is_empty() {
        changes.push(set("serials", r.serials.join(", ")));
    }
    (changes, non_empty(&r.note))
}
