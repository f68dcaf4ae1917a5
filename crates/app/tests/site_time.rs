//! The site's day: a Shenzhen site at 23:30 UTC is already on the next day, and its holidays
//! are not working days. Every expected date below is worked out by hand in the comments.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use chrono::{Duration, TimeZone, Utc};
use common::returns::{as_user, boxes, open, setting};
use common::{failure, unpack_fixture};
use lotline_app::ErrorCode;
use serde_json::{Value, json};

fn window(check: &Value) -> (String, String) {
    let outcome = check["eligibility"]["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["rule"] == "window")
        .unwrap_or_else(|| panic!("no window rule in {check}"));
    (outcome["message_key"].as_str().unwrap().to_owned(), outcome["params"]["days"].as_str().unwrap().to_owned())
}

fn request() -> Value {
    json!({
        "failure_nos": ["QF-AMS1-000001"], "order_no": "SO-1",
        "items": [{"line_no": 1, "qty": 1}],
        "carrier": "dpd", "service": "Classic",
        "cost": {"shipping_minor": 1_500, "shipping_currency": "EUR", "goods_minor": 500, "goods_currency": "EUR"},
        "payer": "us", "reason": "Lid cracked"
    })
}

#[tokio::test]
async fn a_shenzhen_site_at_half_past_eleven_utc_counts_its_own_day_and_skips_its_holidays() {
    let w = setting().await;
    w.ok("log_failure", failure("BOX-5L")).await;
    w.add_user("lena", &["logistics"]).await;
    // From Monday 2 November 09:30 UTC to Friday 4 December 23:30 UTC: Saturday 07:30 in Shenzhen.
    let friday_night = Utc.with_ymd_and_hms(2026, 12, 4, 23, 30, 0).unwrap();
    w.pass_time(friday_night - w.ctx.now()).await;

    // The site keeps UTC: still Friday 4 December. Delivered 4 November: 30 days, inside the window.
    let cal = w.ok("get_site_calendar", json!({})).await;
    assert_eq!((cal["today"].as_str(), cal["confirmed"].as_bool()), (Some("2026-12-04"), Some(true)));
    let late = open(boxes(1), "no_longer_needed", "2026-11-04");
    assert_eq!(window(&w.ok("check_rma", late.clone()).await), ("returns.rule.window_used".into(), "30".into()));

    let calendar = json!({"time_zone": "asia/shanghai", "holidays": [{"date": "2026-12-08", "name": "Site day off"}]});
    let cal = w.ok("set_site_calendar", calendar).await;
    assert_eq!(cal["calendar"]["time_zone"], "Asia/Shanghai", "spelled as the database spells it");
    assert_eq!(cal["today"], "2026-12-05", "23:30 UTC + 8 h = Saturday 07:30");

    // In Shenzhen it is Saturday 5 December: 31 days since delivery, one past the window.
    assert_eq!(window(&w.ok("check_rma", late).await), ("returns.rule.window_passed".into(), "31".into()));
    // Delivered this (Shenzhen) morning is not "in the future", though UTC is still on the 4th.
    let today = w.ok("check_rma", open(boxes(1), "no_longer_needed", "2026-12-05")).await;
    assert_eq!(window(&today), ("returns.rule.window_used".into(), "0".into()));

    // Two working days from Saturday 5: Monday 7 (1), Tuesday 8 is the site's day off, Wednesday 9 (2).
    // (UTC's Friday 4 without the holiday would have given Tuesday 8.)
    as_user(&w, "lena").await;
    let r = w.ok("request_reshipment", request()).await;
    assert_eq!((r["status"].as_str(), r["due_on"].as_str()), (Some("authorized"), Some("2026-12-09")));
    // Saturday: the next working day is Monday 7, before Wednesday 9: on track.
    let list = w.ok("list_reshipments", json!({"offset": 0, "limit": 10})).await;
    assert_eq!(list["rows"][0]["sla"], "on_track");
    // Two days on, 23:30 UTC Sunday is Monday 7 07:30 in Shenzhen; the next working day after it is
    // Wednesday 9 (Tuesday is off), the due day: at risk. (In UTC, Sunday 6, it would be on track.)
    w.pass_time(Duration::days(2)).await;
    let list = w.ok("list_reshipments", json!({"offset": 0, "limit": 10})).await;
    assert_eq!(list["rows"][0]["sla"], "at_risk");
    assert_eq!(w.ok("list_reshipments", json!({"offset": 0, "limit": 10, "sla": "at_risk"})).await["total"], 1);
    assert_eq!(w.ok("list_reshipments", json!({"offset": 0, "limit": 10, "sla": "on_track"})).await["total"], 0);
}

#[tokio::test]
async fn only_an_administrator_keeps_the_calendar_and_a_bad_one_is_refused_whole() {
    let w = setting().await;
    let before = w.events().await;
    let err = w
        .err(
            "set_site_calendar",
            json!({"time_zone": "Mars/Olympus", "holidays": [{"date": "2026-12-25", "name": "Christmas"}, {"date": "2026-12-25", "name": "Again"}]}),
        )
        .await;
    let fields: Vec<(&str, &str)> = err.fields.iter().map(|f| (f.field.as_str(), f.message_key.as_str())).collect();
    assert_eq!(
        fields,
        [("time_zone", "error.site_time.unknown_zone"), ("holidays.1.date", "error.site_time.holiday_twice")]
    );
    as_user(&w, "ria").await;
    let cal = w.ok("get_site_calendar", json!({})).await;
    assert_eq!(cal["may_edit"], false, "a returns analyst reads the site's day but does not change it");
    let err = w.err("set_site_calendar", json!({"time_zone": "Europe/Amsterdam", "holidays": []})).await;
    assert_eq!(err.code, ErrorCode::Forbidden);
    assert_eq!(w.events().await, before, "nothing written");
}

#[tokio::test]
async fn a_desk_from_before_site_zones_takes_the_computers_zone_until_an_administrator_confirms_it() {
    let dir = tempfile::tempdir().unwrap();
    let vault = lotline_app::audit::KeyVault::Folder(dir.path().join("keys"));
    let ctx = lotline_app::open_with(&unpack_fixture(dir.path()), vault).await.expect("opens and upgrades");
    let call = |act: &'static str, input: Value| {
        let ctx = ctx.clone();
        async move { lotline_app::call(&ctx, act, input).await.unwrap_or_else(|e| panic!("{act}: {e}")) }
    };
    call("sign_in", json!({"username": "admin", "password": "bars-Secret-123"})).await;
    let cal = call("get_site_calendar", json!({})).await;
    assert_eq!(cal["confirmed"], false, "the upgrade asks an administrator to confirm");
    assert_eq!(cal["calendar"]["time_zone"], cal["computer_time_zone"]);
    assert_eq!(cal["calendar"]["holidays"], json!([]));
    let zone = cal["computer_time_zone"].clone();
    let cal = call("set_site_calendar", json!({"time_zone": zone, "holidays": []})).await;
    assert_eq!((cal["confirmed"].as_bool(), &cal["calendar"]["time_zone"]), (Some(true), &zone));
    let kind: String = sqlx::query_scalar("SELECT kind FROM events ORDER BY rowid DESC LIMIT 1")
        .fetch_one(ctx.store.pool())
        .await
        .unwrap();
    assert_eq!(kind, "site_calendar_set", "the confirmation is in the log, so it syncs");
}

/// A review week is the site's Monday 00:00 to its next Monday 00:00: for Shenzhen (UTC+8),
/// Sunday 16:00 UTC to Sunday 16:00 UTC.
#[tokio::test]
async fn a_shenzhen_review_week_starts_at_its_own_monday_midnight() {
    let w = setting().await;
    let monday_after = Utc.with_ymd_and_hms(2026, 12, 14, 9, 0, 0).unwrap();
    w.pass_time(monday_after - w.ctx.now()).await;
    // Sunday 6 December 23:30 UTC is Monday 7 December 07:30 in Shenzhen; 15:30 UTC the same
    // Sunday is 23:30 on the Sunday there.
    for at in ["2026-12-06T23:30:00Z", "2026-12-06T15:30:00Z"] {
        let mut logged = failure("BOX-5L");
        logged["occurred_at"] = json!(at);
        w.ok("log_failure", logged).await;
    }
    let week = json!({"from": "2026-12-07", "to": "2026-12-13"});
    let counts = |r: &Value| (r["pareto"]["total_count"].as_i64(), r["pareto"]["previous_total_count"].as_i64());

    // While the site keeps UTC both are on Sunday 6 December: the previous week's.
    let r = w.ok("review_period", week.clone()).await;
    assert_eq!(counts(&r), (Some(0), Some(2)));

    w.ok("set_site_calendar", json!({"time_zone": "Asia/Shanghai", "holidays": []})).await;
    let r = w.ok("review_period", week).await;
    assert_eq!(counts(&r), (Some(1), Some(1)), "07:30 Monday is this week's, 23:30 Sunday the last's");
    assert_eq!(r["by_vendor"][0]["current"]["failures"], 1);
    // The figures' links name the site's days, as the filter bar takes them.
    assert_eq!((r["pareto"]["bars"][0]["filter"]["from"].as_str()), Some("2026-12-07"));
    assert_eq!((r["pareto"]["bars"][0]["filter"]["to"].as_str()), Some("2026-12-14"));
}

/// The failure list's days are the site's: a review's link (its days, `to` excluded) lists
/// exactly the failures the review counted. Shenzhen (UTC+8): Sunday 6 December 15:30 UTC is
/// that Sunday 23:30 there (last week), 23:30 UTC is Monday 7 December 07:30 (this week).
#[tokio::test]
async fn the_failure_list_filters_by_the_sites_days_like_the_review() {
    let w = setting().await;
    w.pass_time(Utc.with_ymd_and_hms(2026, 12, 14, 9, 0, 0).unwrap() - w.ctx.now()).await;
    for at in ["2026-12-06T23:30:00Z", "2026-12-06T15:30:00Z"] {
        let mut logged = failure("BOX-5L");
        logged["occurred_at"] = json!(at);
        w.ok("log_failure", logged).await;
    }
    w.ok("set_site_calendar", json!({"time_zone": "Asia/Shanghai", "holidays": []})).await;
    let r = w.ok("review_period", json!({"from": "2026-12-07", "to": "2026-12-13"})).await;
    let filter = &r["pareto"]["bars"][0]["filter"];
    let listed = w.ok("list_failures", json!({"from": filter["from"], "to": filter["to"]})).await;
    assert_eq!((listed["total"].as_i64(), r["pareto"]["total_count"].as_i64()), (Some(1), Some(1)));
    assert_eq!(listed["rows"][0]["occurred_at"].as_str().map(|s| &s[..16]), Some("2026-12-06T23:30"));
    // The week before, on the site's days, holds the other one; on UTC days it would hold both.
    let before = w.ok("list_failures", json!({"from": "2026-11-30", "to": "2026-12-07"})).await;
    assert_eq!(before["total"], 1);
    assert_eq!(before["rows"][0]["occurred_at"].as_str().map(|s| &s[..16]), Some("2026-12-06T15:30"));
    // Instants still filter as instants.
    let utc = w.ok("list_failures", json!({"from": "2026-12-06T00:00:00Z", "to": "2026-12-07T00:00:00Z"})).await;
    assert_eq!(utc["total"], 2);
}
