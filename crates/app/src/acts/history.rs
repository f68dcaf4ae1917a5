//! A stream's events told as history: who, when, from which desk, what changed.

use std::collections::HashMap;

use lotline_domain::Event;
use lotline_domain::failure::FieldChange;
use lotline_store::StoredEvent;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use self::kinds::{
    failure_events, lot_events, master_data_events, production_events, reshipment_events, return_events, review_events,
    scar_events, settings_events,
};
use super::history_lines::Lines;

mod failures;
mod kinds;
mod lots;
mod master_data;
mod production;
mod reshipments;
mod returns;
mod reviews;
mod scars;
mod settings;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HistoryEntry {
    pub at: String,
    pub actor_name: Option<String>,
    pub device_id: String,
    /// The event kind, e.g. "failure_corrected"; the UI translates it.
    pub kind: String,
    pub changes: Vec<FieldChange>,
    pub note: Option<String>,
}

pub(super) fn set(field: &str, after: impl ToString) -> FieldChange {
    FieldChange { field: field.into(), before: None, after: Some(after.to_string()) }
}

pub(super) fn name<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

pub(super) fn non_empty(note: &str) -> Option<String> {
    Some(note.to_owned()).filter(|n| !n.is_empty())
}

/// What one entry tells besides its kind: the fields it changed, and the note it carries.
pub(super) type Told = (Vec<FieldChange>, Option<String>);

/// Each stream's currency (a reshipment's cost's, an RMA's), seen earlier in the same stream: a
/// chargeback update, an inspection or a settlement carries only minor units.
pub(super) type Currencies<'a> = HashMap<&'a str, &'a str>;

pub fn history_of(events: &[StoredEvent], names: &HashMap<String, String>) -> Vec<HistoryEntry> {
    let mut seen = Seen { currencies: HashMap::new(), lines: Lines::new(), names };
    events
        .iter()
        .map(|stored| {
            let (changes, note) = told(&stored.event, &mut seen);
            HistoryEntry {
                at: stored.occurred_at.clone(),
                actor_name: stored.actor_id.as_ref().and_then(|id| names.get(id).cloned()),
                device_id: stored.desk_id.clone(),
                kind: stored.event.kind().to_owned(),
                changes,
                note,
            }
        })
        .collect()
}

/// What a history has seen earlier in its streams, which later events name only by reference.
struct Seen<'a> {
    currencies: Currencies<'a>,
    lines: Lines,
    names: &'a HashMap<String, String>,
}

/// Every kind of event, routed to the part that tells it, without a wildcard (see `kinds`): a new
/// kind fails to compile until someone decides what its history entry tells. (Kinds a newer
/// Lotline wrote never reach a history: the log keeps them undecoded.)
fn told<'a>(event: &'a Event, seen: &mut Seen<'a>) -> Told {
    match event {
        failure_events!() => failures::told(event, &mut seen.lines, seen.names),
        lot_events!() => lots::told(event),
        master_data_events!() => master_data::told(event),
        production_events!() => production::told(event),
        reshipment_events!() => reshipments::told(event, &mut seen.currencies),
        return_events!() => returns::told(event, &mut seen.currencies),
        review_events!() => reviews::told(event),
        scar_events!() => scars::told(event, &mut seen.currencies),
        settings_events!() => settings::told(event),
    }
}

/// What a part answers for the others' events, which `told` never routes to it.
fn elsewhere() -> Told {
    (Vec::new(), None)
}

pub(super) fn changed(field: &str, before: Option<&str>, after: &str) -> FieldChange {
    FieldChange { field: field.into(), before: before.map(str::to_owned), after: Some(after.to_owned()) }
}

pub(super) fn currency_of<'a>(currencies: &Currencies<'a>, stream: &str) -> &'a str {
    currencies.get(stream).copied().unwrap_or("")
}
