//! Which projector owns which event, as patterns. The lists per stream live in `lotline_domain`
//! (each kind's `#[kind(events = ..)]` in `event.rs`), shared with the app's history; here they
//! are grouped the way the projectors work.
//! Each projector matches its own events by name and the others' through these, never through a
//! wildcard: a new event that no list names fails to compile in `project::one` and in every
//! projector until someone decides where it goes. Events of kinds a newer Lotline wrote never get
//! here (the log keeps them undecoded, see docs/sync.md).

/// Projected by `project::one` itself, one event at a time: each of these three by one function.
macro_rules! core_events {
    () => {
        lotline_domain::settings_events!() | lotline_domain::record_events!() | lotline_domain::failure_step_events!()
    };
}

/// Projected in runs by `project::apply` through `bulk_writer` (master data, failures, lots).
macro_rules! batched_events {
    () => {
        lotline_domain::master_events!() | lotline_domain::Event::FailureLogged { .. } | lotline_domain::lot_events!()
    };
}

pub(crate) use lotline_domain::{
    failure_step_events, production_events, recall_events, record_events, reshipment_events, return_events,
    review_events, scar_events, settings_events,
};
pub(crate) use {batched_events, core_events};
