//! How a desk's act is judged when the server merges it into the team's log (DESIGN.md §6,
//! docs/sync.md): physical facts and holds are always accepted, since they happened; decisions
//! on a record's state machine are decided again, with the same `decide_*` code the desk used,
//! against the record as the team's log leaves it in the server's order. The server calls this;
//! so can a desk that wants to know what the server will say.

mod authors;
mod caps;
mod log;
mod numbers;
mod replacement;
mod steps;
mod time;

use chrono::{DateTime, Utc};

use crate::{ApiError, Event};

pub use authors::{TeamMember, claim_username, may_author, permissions_for, username_key, written_by_the_app};
pub use caps::check_caps;
pub use log::{
    ActEvent, KINDS_WITH_SUBJECTS, Logged, Read, ReadAhead, TeamLog, failure_subject, order_subject, rma_subject,
    subjects_of,
};
pub use numbers::{apply_renames, opened_number, renumbered};
pub use replacement::check_replacement_in_log;
pub use steps::recheck_step;
pub use time::{MAX_CLOCK_AHEAD_HOURS, check_dated_rules, event_time};

/// How an event merges with what other desks did meanwhile; each kind names its own in its
/// `#[kind(...)]` line (`event.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeRule {
    /// Goods received, moved, shipped, linked, returned, inspected; labels printed: accepted.
    /// A business rule they break after the merge opens a conflict for a person to resolve.
    PhysicalFact,
    /// Holds, quarantines, recalls and their releases: accepted (safety first).
    Safety,
    /// A step of a record's state machine: decided again on the merged record.
    StateStep,
    /// A record that claims a unique name or number: the first in the server's order wins.
    UniqueClaim,
    /// Master data, settings and policies: the last writer in the server's order wins.
    LastWriterWins,
    /// What stays on its desk (credentials).
    LocalOnly,
}

/// The kinds that save a master record, setting or policy whole, each in its own stream: the
/// last in the server's order wins, and one that overwrites another desk's save its desk had
/// not seen opens a conflict, so the desk whose save was lost is told. (Imports are batches of
/// many records and users have rules of their own; neither is among them.) A desk finds the
/// saves a save overwrote through an index made for exactly these kinds (store migrations 0024, 0035):
/// a kind added here needs a migration that makes the index again with it, or the lookup fails.
pub const RECORD_SAVE_KINDS: &[&str] = &[
    "product_saved",
    "vendor_saved",
    "customer_saved",
    "order_recorded",
    "defect_category_saved",
    "bom_saved",
    "approval_policy_set",
    "kpi_targets_set",
    "scorecard_settings_set",
    "safety_stock_set",
    "location_saved",
    "session_policy_set",
    "site_calendar_set",
    "category_reaction_set",
];

/// Whether `event` saves a record whole, overwriting what another desk may have saved.
pub fn saves_record(event: &Event) -> bool {
    RECORD_SAVE_KINDS.contains(&event.kind()) && event.merge_rule() == MergeRule::LastWriterWins
}

/// Whether `recheck` reads the event's stream: claims and state steps are decided against what
/// the stream already holds; facts, safety, saves and credentials stand whatever it holds, so a
/// host need not read a master record's whole history to accept its next save.
pub fn reads_own_stream(event: &Event) -> bool {
    matches!(event.merge_rule(), MergeRule::UniqueClaim | MergeRule::StateStep)
}

/// The server's word on one event of an act, given the events of its stream that the team's
/// log already holds, in the server's order (`history`).
pub fn recheck(history: &[Event], event: &Event) -> Result<(), ApiError> {
    match event.merge_rule() {
        MergeRule::PhysicalFact | MergeRule::Safety | MergeRule::LastWriterWins | MergeRule::LocalOnly => Ok(()),
        MergeRule::UniqueClaim => claim_is_free(history, event),
        MergeRule::StateStep => recheck_step(history, event),
    }
}

/// The server's word on a whole act: each event judged against the team's log (in the server's
/// order) as the act's own earlier events leave it: its time against `now` (the server's clock),
/// its stream's rules, the counters its units count against, the records it names (an
/// exchange's replacement), and the rules that read the day on
/// the day it was made. The first refusal refuses the act.
pub fn judge_act(act: &[ActEvent<'_>], now: DateTime<Utc>, log: &mut impl TeamLog) -> Result<(), ApiError> {
    let mut log = WithAct { log, earlier: Vec::new() };
    for e in act {
        let at = event_time(*e, now)?;
        if reads_own_stream(e.event) {
            let (stream_type, stream_id) = e.event.stream();
            let history: Vec<Event> = log.stream(stream_type, &stream_id).into_iter().map(|l| l.event).collect();
            recheck(&history, e.event)?;
        }
        check_caps(&mut log, *e)?;
        check_replacement_in_log(&mut log, e.event)?;
        check_dated_rules(&mut log, e.event, at)?;
        log.earlier.push(Logged { server_seq: i64::MAX, desk_id: e.envelope.desk_id.clone(), event: e.event.clone() });
    }
    Ok(())
}

/// The team's log followed by the act's events judged so far, which come after all of it.
struct WithAct<'l, L> {
    log: &'l mut L,
    earlier: Vec<Logged>,
}

impl<L: TeamLog> TeamLog for WithAct<'_, L> {
    fn stream(&mut self, stream_type: &str, stream_id: &str) -> Vec<Logged> {
        let mut events = self.log.stream(stream_type, stream_id);
        events.extend(self.earlier.iter().filter(|l| l.event.stream() == (stream_type, stream_id.to_owned())).cloned());
        events
    }

    fn naming(&mut self, subject: &str) -> Vec<Logged> {
        let mut events = self.log.naming(subject);
        events.extend(self.earlier.iter().filter(|l| subjects_of(&l.event).iter().any(|s| s == subject)).cloned());
        events
    }
}

/// What a claim takes within its stream: the record itself, or for a policy the version, since
/// every version of the policy is saved in the one stream.
fn claimed_version(event: &Event) -> Option<i64> {
    match event {
        Event::ReturnPolicySet(policy) => Some(policy.version),
        _ => None,
    }
}

/// A record that opens a stream claims its name (a policy, its version): an identical one is a
/// duplicate (accepted, it changes nothing), anything else is refused.
fn claim_is_free(history: &[Event], event: &Event) -> Result<(), ApiError> {
    let version = claimed_version(event);
    let opener = history.iter().find(|e| {
        e.merge_rule() == MergeRule::UniqueClaim && e.kind() == event.kind() && claimed_version(e) == version
    });
    match opener {
        None => Ok(()),
        Some(first) if first == event => Ok(()),
        Some(_) => {
            let (stream_type, stream_id) = event.stream();
            let number = version.map_or(stream_id, |v| v.to_string());
            Err(ApiError::conflict("error.sync.already_claimed").with("kind", stream_type).with("number", number))
        }
    }
}

#[cfg(test)]
mod caps_tests;
#[cfg(test)]
mod payout_tests;
#[cfg(test)]
mod replacement_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod time_tests;
