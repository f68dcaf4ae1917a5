//! Time in the merge. Each event is judged by its own time, the desk's clock when the act was
//! made: a return opened offline on the last day of its window stands when it syncs a week
//! later. The server's clock only bounds how far ahead a desk's clock may run, since a time in
//! the future would judge (and be shown) as what it is not.

use chrono::{DateTime, Duration, NaiveDate, SecondsFormat, Utc};

use super::log::{ActEvent, TeamLog};
use crate::returns::{ReturnPolicy, Rma, RmaOpening, RmaStatus, RuleResult, window_rule};
use crate::site_time::site_date;
use crate::{ApiError, Event};

/// How far ahead of the server's clock an event's time may be.
pub const MAX_CLOCK_AHEAD_HOURS: i64 = 24;

/// The event's own time, if it is readable and not too far ahead of `now` (the server's clock).
pub fn event_time(e: ActEvent<'_>, now: DateTime<Utc>) -> Result<DateTime<Utc>, ApiError> {
    let text = &e.envelope.occurred_at;
    let Some(at) = crate::time::from_stored(text) else {
        return Err(ApiError::conflict("error.sync.time_unreadable").with("occurred_at", text));
    };
    if at > now + Duration::hours(MAX_CLOCK_AHEAD_HOURS) {
        return Err(ApiError::conflict("error.sync.clock_ahead")
            .with("occurred_at", text)
            .with("server_time", now.to_rfc3339_opts(SecondsFormat::Secs, true))
            .with("hours", MAX_CLOCK_AHEAD_HOURS));
    }
    Ok(at)
}

/// The rules that read the day, judged on the site's day (in its time zone) the event was made.
pub fn check_dated_rules(log: &mut impl TeamLog, event: &Event, at: DateTime<Utc>) -> Result<(), ApiError> {
    match event {
        Event::RmaOpened(opening) => {
            let day = site_day(log, at);
            window(log, opening, day)
        }
        Event::ReshipmentRequested(r) if r.due_date_set => match NaiveDate::parse_from_str(&r.due_on, "%Y-%m-%d") {
            Ok(due) if due < site_day(log, at) => Err(ApiError::conflict("error.reshipment.due_in_past")
                .with("reshipment_no", &r.reshipment_no)
                .with("due_on", &r.due_on)),
            _ => Ok(()),
        },
        _ => Ok(()),
    }
}

/// The date at the site at `at`, in the zone the team's log last saved (UTC before any).
fn site_day(log: &mut impl TeamLog, at: DateTime<Utc>) -> NaiveDate {
    let zone = log.stream("settings", "site_calendar").into_iter().rev().find_map(|l| match l.event {
        Event::SiteCalendarSet(c) => Some(c.time_zone),
        _ => None,
    });
    site_date(at, zone.as_deref().unwrap_or_default())
}

/// The policy version that judged an opening: the one saved with that number, or the built-in
/// first version.
fn policy_version(log: &mut impl TeamLog, version: i64) -> Option<ReturnPolicy> {
    let saved = log.stream("settings", "return_policy").into_iter().find_map(|l| match l.event {
        Event::ReturnPolicySet(p) if p.version == version => Some(*p),
        _ => None,
    });
    saved.or_else(|| (version == 1).then(ReturnPolicy::default_policy))
}

/// A return the desk let in must be within the window on the day it was opened there.
fn window(log: &mut impl TeamLog, opening: &RmaOpening, day: NaiveDate) -> Result<(), ApiError> {
    if Rma::status_after_verdict(opening.eligibility.verdict) == RmaStatus::Rejected || opening.delivered_on.is_none() {
        return Ok(());
    }
    let Some(policy) = policy_version(log, opening.eligibility.policy_version) else { return Ok(()) };
    let outcome = window_rule(&policy, &opening.reason_code, day, opening.delivered_on);
    if outcome.result != RuleResult::Refuse {
        return Ok(());
    }
    let param = |k: &str| outcome.params.get(k).cloned().unwrap_or_default();
    Err(ApiError::conflict("error.sync.window_passed")
        .with("rma_no", &opening.rma_no)
        .with("days", param("days"))
        .with("window", param("window")))
}
