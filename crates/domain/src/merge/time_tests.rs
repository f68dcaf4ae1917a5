//! Each event judged by its own time; a desk clock far ahead of the server's is refused.

use chrono::NaiveDate;

use super::tests::{Memory, envelope, judge_at, opened};
use super::*;
use crate::returns::ReturnPolicy;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// An approved RMA of goods delivered on `delivered`, for `reason`.
fn opening(delivered: &str, reason: &str) -> Event {
    let Event::RmaOpened(mut opening) = opened() else { unreachable!() };
    opening.delivered_on = Some(day(delivered));
    opening.reason_code = reason.into();
    Event::RmaOpened(opening)
}

fn made_at(at: &str, event: Event, log: &mut Memory, now: &str) -> Result<(), ApiError> {
    judge_at(&[event], &envelope("desk-b", 0, at), log, now)
}

#[test]
fn a_return_opened_offline_within_its_window_stands_when_it_syncs_later() {
    // Delivered on 3 October: the 30-day window ends on 2 November.
    let last_day = opening("2026-10-03", "no_longer_needed");
    let week_later = "2026-11-09T08:00:00Z";
    assert!(made_at("2026-11-02T16:00:00.000Z", last_day.clone(), &mut Memory::default(), week_later).is_ok());

    let err = made_at("2026-11-03T09:00:00.000Z", last_day, &mut Memory::default(), week_later).unwrap_err();
    assert_eq!(err.message_key, "error.sync.window_passed");
    assert_eq!((err.params["days"].as_str(), err.params["window"].as_str()), ("31", "30"));

    let defective = opening("2026-10-03", "defective");
    assert!(made_at("2026-11-08T09:00:00.000Z", defective, &mut Memory::default(), week_later).is_ok());
}

#[test]
fn the_window_is_the_one_of_the_policy_version_that_judged_the_return() {
    let Event::RmaOpened(mut on_v2) = opening("2026-09-20", "no_longer_needed") else { unreachable!() };
    on_v2.eligibility.policy_version = 2;
    let v2 = ReturnPolicy { version: 2, window_days: 60, ..ReturnPolicy::default_policy() };
    let mut log = Memory::of("desk-a", vec![Event::ReturnPolicySet(Box::new(v2))]);
    let at = "2026-11-02T10:00:00.000Z";
    assert!(made_at(at, Event::RmaOpened(on_v2.clone()), &mut log, at).is_ok(), "43 days of 60");
    assert!(made_at(at, opening("2026-09-20", "no_longer_needed"), &mut log, at).is_err(), "43 days of 30");
    on_v2.delivered_on = None;
    assert!(made_at(at, Event::RmaOpened(on_v2), &mut log, at).is_ok(), "no delivery day: an analyst decides");
}

#[test]
fn a_clock_a_day_behind_or_ahead_is_judged_by_its_own_time_and_one_further_ahead_is_refused() {
    let server = "2026-11-02T10:00:00Z";
    let cancel = Event::RmaCancelled { rma_no: "RMA-AMS1A-000042".into(), reason: "kept".into() };
    let mut log = Memory::of("desk-a", vec![opened()]);
    for at in ["2026-11-01T10:00:00.000Z", "2026-11-03T10:00:00.000Z"] {
        assert!(made_at(at, cancel.clone(), &mut log, server).is_ok(), "{at}");
    }
    let err = made_at("2026-11-03T10:00:00.001Z", cancel.clone(), &mut log, server).unwrap_err();
    assert_eq!(err.message_key, "error.sync.clock_ahead");
    assert_eq!(
        (err.params["occurred_at"].as_str(), err.params["server_time"].as_str(), err.params["hours"].as_str()),
        ("2026-11-03T10:00:00.001Z", "2026-11-02T10:00:00Z", "24")
    );
    let err = made_at("yesterday", cancel, &mut log, server).unwrap_err();
    assert_eq!(err.message_key, "error.sync.time_unreadable");
}

#[test]
fn a_due_date_is_checked_against_the_day_the_request_was_made() {
    let request = |due_on: &str| {
        let request = serde_json::json!({"reshipment_no": "RS-AMS1B-000001", "requested_by": "u1", "requester_roles": [],
            "failure_nos": [], "order_no": "SO-1", "items": [],
            "ship_to": {"name": "Bakker BV", "address": "Damrak 1", "country": "NL"}, "ship_to_reason": null,
            "carrier": "dpd", "service": "Classic", "cost": {"shipping_minor": 900, "goods_minor": 0, "currency": "EUR"},
            "payer": "us", "vendor_code": null, "reason": "Lids cracked", "due_on": due_on, "due_date_set": true});
        Event::ReshipmentRequested(Box::new(serde_json::from_value(request).unwrap()))
    };
    let (made, server) = ("2026-11-02T10:00:00.000Z", "2026-11-06T10:00:00Z");
    assert!(made_at(made, request("2026-11-02"), &mut Memory::default(), server).is_ok());
    let err = made_at(made, request("2026-11-01"), &mut Memory::default(), server).unwrap_err();
    assert_eq!(err.message_key, "error.reshipment.due_in_past");
}

#[test]
fn the_server_judges_the_window_on_the_sites_day_in_the_teams_zone() {
    use crate::site_time::SiteCalendar;
    // Delivered on 3 October: the 30-day window ends on 2 November. At 2 November 16:30 UTC it
    // is 3 November 00:30 in Shanghai: day 31 for a Shenzhen site, day 30 in UTC.
    let last_day = opening("2026-10-03", "no_longer_needed");
    let at = "2026-11-02T16:30:00.000Z";
    let server = "2026-11-09T08:00:00Z";
    assert!(made_at(at, last_day.clone(), &mut Memory::default(), server).is_ok(), "no zone saved: UTC");
    let shenzhen = SiteCalendar { time_zone: "Asia/Shanghai".into(), holidays: Vec::new() };
    let mut log = Memory::of("desk-a", vec![Event::SiteCalendarSet(shenzhen)]);
    let err = made_at(at, last_day, &mut log, server).unwrap_err();
    assert_eq!((err.message_key.as_str(), err.params["days"].as_str()), ("error.sync.window_passed", "31"));
}
