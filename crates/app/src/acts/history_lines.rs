//! A failure's disposition lines in its history. A line's later steps carry only its id, so they
//! are told by the line's disposition and units, seen earlier in the same stream; the people a
//! line names are told by name.

use std::collections::HashMap;

use lotline_domain::failure::{Disposition, FieldChange, LineCompletion, LineRequest, WHOLE_LINE};

use super::history::{Told, non_empty, set};

/// What each line of the stream was, by line id.
pub(super) type Lines = HashMap<String, Vec<FieldChange>>;

/// A user by name, or by id when this desk does not know them (yet).
fn person(names: &HashMap<String, String>, user_id: &str) -> String {
    names.get(user_id).cloned().unwrap_or_else(|| user_id.to_owned())
}

/// A line as its history tells it: its disposition and units, or its id when the line was
/// added where this history does not reach.
fn line_told(lines: &Lines, line_id: &str) -> Vec<FieldChange> {
    lines.get(line_id).cloned().unwrap_or_else(|| vec![set("line", line_id)])
}

/// The old single disposition is the failure's whole line.
pub(super) fn whole_line(lines: &mut Lines, disposition: &Disposition) {
    lines.insert(WHOLE_LINE.into(), vec![set("disposition", disposition.as_str())]);
}

pub(super) fn added(lines: &mut Lines, names: &HashMap<String, String>, line_id: &str, line: &LineRequest) -> Told {
    let told = vec![set("disposition", line.disposition.as_str()), set("line_qty", line.qty)];
    lines.insert(line_id.to_owned(), told.clone());
    let mut changes = told;
    changes.push(set("line_owner", person(names, &line.owner_id)));
    if let Some(due) = &line.due_on {
        changes.push(set("line_due_on", due));
    }
    (changes, non_empty(&line.note))
}

pub(super) fn completed(
    lines: &Lines,
    names: &HashMap<String, String>,
    line_id: &str,
    completion: &LineCompletion,
) -> Told {
    let mut changes = line_told(lines, line_id);
    changes.push(set("outcome", &completion.outcome));
    if let Some(qty) = completion.qty {
        changes.push(set("qty_completed", qty));
    }
    if let Some(scrap) = &completion.scrap {
        changes.push(set("scrap_method", scrap.method.as_str()));
        if !scrap.method_other.is_empty() {
            changes.push(set("scrap_method_other", &scrap.method_other));
        }
        changes.push(set("destroyed_by", person(names, &scrap.destroyed_by)));
        if let Some(witness) = &scrap.witness_id {
            changes.push(set("witness", person(names, witness)));
        }
    }
    (changes, non_empty(&completion.note))
}

pub(super) fn approved(lines: &Lines, line_id: &str, note: &str) -> Told {
    let mut changes = line_told(lines, line_id);
    changes.push(set("outcome", "accepted_with_deviation"));
    (changes, non_empty(note))
}

pub(super) fn withdrawn(lines: &Lines, line_id: &str, reason: &str) -> Told {
    (line_told(lines, line_id), non_empty(reason))
}
