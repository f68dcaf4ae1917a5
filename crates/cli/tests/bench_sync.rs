//! `lotline bench --sync --json` at its smallest size: every figure stands beside its baseline
//! and their ratio, and each baseline moved the same rows as the path it is compared with. The
//! speeds themselves are the bench's to report, never a test's to assert.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

use std::process::Command;

use serde_json::Value;

fn number(figures: &Value, key: &str) -> f64 {
    figures[key].as_f64().unwrap_or_else(|| panic!("{key} is a number in {figures}"))
}

fn count(figures: &Value, key: &str) -> u64 {
    figures[key].as_u64().unwrap_or_else(|| panic!("{key} is a count in {figures}"))
}

/// A positive rate or time, and a positive ratio to the baseline.
fn measured(figures: &Value, keys: &[&str]) {
    for key in keys.iter().chain(&["ratio_to_raw"]) {
        let value = number(figures, key);
        assert!(value.is_finite() && value > 0.0, "{key} = {value} in {figures}");
    }
}

fn check_backend(name: &str, backend: &Value, desk_events: u64) {
    let push = &backend["push"];
    measured(push, &["events_per_s", "server_seconds", "raw_events_per_s"]);
    assert!(count(push, "events") > desk_events, "{name}: the desk's events and its setup's were pushed: {push}");
    assert_eq!(count(push, "raw_events"), count(push, "events"), "{name}: the raw insert wrote the pushed rows");

    let pull = &backend["pull"];
    measured(pull, &["p50_ms", "p99_ms", "raw_p50_ms", "raw_p99_ms"]);
    assert!(count(pull, "runs") >= 20, "{name}: {pull}");
    assert_eq!(count(pull, "page_events"), 1_000, "{name}: each pull brought a full page");
    assert_eq!(count(pull, "raw_page_events"), 1_000, "{name}: the bare SELECT read the same page");
    assert!(number(pull, "p50_ms") <= number(pull, "p99_ms"));

    let first = &backend["first_sync"];
    measured(first, &["seconds", "events_per_s", "server_seconds", "extrapolated_1m_s", "raw_events_per_s"]);
    assert_eq!(count(first, "server_events"), count(push, "events"), "{name}: the server holds what was pushed");
    assert_eq!(count(first, "desk_events"), count(first, "server_events"), "{name}: the new desk holds the whole team");
    assert_eq!(count(first, "raw_events"), count(first, "desk_events"), "{name}: the raw insert wrote the desk's rows");
}

#[test]
fn bench_sync_reports_each_figure_beside_its_baseline() {
    let out = Command::new(env!("CARGO_BIN_EXE_lotline"))
        .args(["bench", "--sync", "--sync-events", "1000", "--json"])
        .output()
        .expect("lotline runs");
    assert!(out.status.success(), "the bench failed: {}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).expect("the bench prints JSON");
    let sync = &report["sync"];
    let desk_events = count(sync, "events");
    assert_eq!(desk_events, 1_000);
    check_backend("sqlite", &sync["sqlite"], desk_events);
    match sync["postgres"].get("skipped") {
        // No PostgreSQL on this machine: the bench says why instead of failing.
        Some(reason) => assert!(!reason.as_str().unwrap_or_default().is_empty(), "{}", sync["postgres"]),
        None => check_backend("postgres", &sync["postgres"], desk_events),
    }
}
