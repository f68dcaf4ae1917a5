//! Which part of the history tells which event, as patterns. The lists per stream live in
//! `lotline_domain` (each kind's `#[kind(events = ..)]` in `event.rs`), shared with the store's
//! projectors; here they are grouped the way the history tells them. `told` routes by these, and
//! each part matches its own events by name and the others' through these, never through a
//! wildcard: a new event that no list names fails to compile until someone decides what its entry
//! tells.

/// A failure's logging, corrections, dispositions and their lines.
macro_rules! failure_events {
    () => {
        lotline_domain::Event::FailureLogged { .. } | lotline_domain::failure_step_events!()
    };
}

/// Lots, serials, their holds and moves, and recalls.
macro_rules! lot_events {
    () => {
        lotline_domain::lot_events!() | lotline_domain::recall_events!()
    };
}

/// Products, vendors, customers, orders, categories, locations, attachments, checklists, bills of
/// materials and resolved conflicts.
macro_rules! master_data_events {
    () => {
        lotline_domain::master_events!() | lotline_domain::record_events!()
    };
}

pub(super) use lotline_domain::{
    production_events, reshipment_events, return_events, review_events, scar_events, settings_events,
};
pub(super) use {failure_events, lot_events, master_data_events};
