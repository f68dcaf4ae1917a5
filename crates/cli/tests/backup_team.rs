//! A desk of a team restored from a backup: what it pushed after the backup is on the server,
//! so it pulls its own events back before it writes again, and its next events follow them.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::team::{Server, check, count, enroll_code, json};
use common::{lotline, ok};

fn log_failure(data: &std::path::Path) -> std::process::Output {
    let input = serde_json::json!({
        "occurred_at": null, "sku": "CBL-USBC-2M", "vendor_code": "SZHQ", "lot_code": "LSZHQ-2100", "serials": [],
        "stage": "incoming", "qty_inspected": 80, "qty_failed": 3, "category_code": "COS",
        "description": "Frayed cable", "severity": "major", "inspection": null, "attachment_ids": [],
        "disposition": null, "owner_team": "warehouse_qc", "reinspection_of": null
    });
    lotline(data, &["--user", "admin", "--json", "call", "log_failure", &input.to_string()])
}

#[tokio::test(flavor = "multi_thread")]
async fn a_restored_desk_of_a_team_pulls_its_own_events_back_before_it_writes() {
    let root = tempfile::tempdir().unwrap();
    let (server_dir, desk) = (root.path().join("server"), root.path().join("desk"));
    let server = Server::start(&server_dir);
    ok(&desk, &["init", "--company", "Team BV", "--site", "AMS1", "--currency", "EUR", "--admin", "admin"]);
    ok(&desk, &["--user", "admin", "demo"]);
    json(
        &desk,
        &["--user", "admin", "sync", "enroll", "--server", &server.url, "--code", &enroll_code(&server_dir), "--json"],
    );
    json(&desk, &["--user", "admin", "sync", "--json"]);
    let file = root.path().join("desk.backup.tar");
    ok(&desk, &["backup", "--out", file.to_str().unwrap()]);

    // After the backup the desk writes and pushes two more failures: only the server has them now.
    for _ in 0..2 {
        assert!(log_failure(&desk).status.success());
    }
    json(&desk, &["--user", "admin", "sync", "--json"]);
    let failures = count(&desk, "SELECT COUNT(*) FROM failures");
    let head = count(&desk, "SELECT MAX(desk_seq) FROM events");

    let report = json(&desk, &["--json", "restore", file.to_str().unwrap(), "--replace"]);
    assert_eq!(report["pull_first"], true);
    assert_eq!(count(&desk, "SELECT COUNT(*) FROM failures"), failures - 2);
    let refused = log_failure(&desk);
    assert_eq!(refused.status.code(), Some(1));
    let err: serde_json::Value = serde_json::from_slice(&refused.stderr).unwrap();
    assert_eq!(err["message_key"], "error.backup.pull_first");

    let pulled = json(&desk, &["--user", "admin", "sync", "--json"]);
    assert!(pulled["pulled"].as_i64().unwrap() >= 2, "{pulled}");
    assert_eq!(count(&desk, "SELECT COUNT(*) FROM failures"), failures, "its own two came back");
    assert_eq!(count(&desk, "SELECT MAX(desk_seq) FROM events"), head);

    // Now it writes again, after its own last event, and the team takes it.
    assert!(log_failure(&desk).status.success());
    assert!(count(&desk, "SELECT MAX(desk_seq) FROM events") > head);
    let pushed = json(&desk, &["--user", "admin", "sync", "--json"]);
    assert_eq!(pushed["rejected"], serde_json::json!([]), "{pushed}");
    assert_eq!(json(&desk, &["sync", "status", "--json"])["pending"], 0);
    let report = check(&desk).await;
    assert!(report.ok(), "{report:?}");
    drop(server);
}
