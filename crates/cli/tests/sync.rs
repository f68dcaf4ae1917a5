//! Two desks and a real sync server, all as the `lotline` binary on loopback: enrolment with
//! one-time codes, a new desk receiving the team's data, desk codes in new numbers, and an act
//! another desk made impossible refused with its reason.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use std::path::Path;
use std::process::Command;

use common::team::{Server, ServerOptions, check, count, enroll_code, json};
use common::{lotline, ok};

/// Passwords never travel in the log: the administrator signs in on desk B through the server,
/// which leaves B a hash of her own; a wrong password is the server's no.
fn admin_signs_in_through_the_server(b: &Path) {
    let wrong = Command::new(env!("CARGO_BIN_EXE_lotline"))
        .args(["--data", b.to_str().unwrap(), "--user", "admin", "sync", "status"])
        .env("LOTLINE_PASSWORD", "not-her-password")
        .output()
        .unwrap();
    assert_eq!(wrong.status.code(), Some(1), "{}", String::from_utf8_lossy(&wrong.stderr));
    assert_eq!(count(b, "SELECT COUNT(*) FROM credentials"), 0);
    ok(b, &["--user", "admin", "sync", "status"]);
    assert_eq!(count(b, "SELECT COUNT(*) FROM credentials"), 1, "signing in through the server left a hash");
}

#[tokio::test(flavor = "multi_thread")]
async fn two_desks_sync_through_a_real_server() {
    let root = tempfile::tempdir().unwrap();
    let (server_dir, a, b) = (root.path().join("server"), root.path().join("desk-a"), root.path().join("desk-b"));
    let server = Server::start(&server_dir);

    // A never-enrolled desk says so.
    let status = json(&b, &["sync", "status", "--json"]);
    assert_eq!(status, serde_json::json!({"server": null, "desk": null, "pending": 0}));

    ok(&a, &["init", "--company", "Sync BV", "--site", "AMS1", "--currency", "EUR", "--admin", "admin"]);
    ok(&a, &["--user", "admin", "demo"]);
    let out = lotline(&a, &["sync", "enroll", "--server", &server.url, "--code", &enroll_code(&server_dir)]);
    assert_eq!(out.status.code(), Some(1), "a desk with data needs its administrator");
    let enrolled = json(
        &a,
        &["--user", "admin", "sync", "enroll", "--server", &server.url, "--code", &enroll_code(&server_dir), "--json"],
    );
    assert_eq!(enrolled["desk"], "AMS1A");
    let pending = json(&a, &["sync", "status", "--json"])["pending"].as_i64().unwrap();
    assert!(pending > 200, "the demo's events wait to be pushed: {pending}");
    let first = json(&a, &["sync", "--json"]);
    assert_eq!(first["pushed"].as_i64(), Some(pending));
    assert_eq!(first["rejected"], serde_json::json!([]));
    assert_eq!(json(&a, &["sync", "status", "--json"])["pending"], 0);

    // A used code is refused; a new desk on an empty folder receives the team's data.
    let used = enroll_code(&server_dir);
    let enrolled = json(&b, &["sync", "enroll", "--server", &server.url, "--code", &used, "--site", "AMS1", "--json"]);
    assert_eq!(enrolled["desk"], "AMS1B");
    let out = lotline(
        root.path().join("desk-c").as_path(),
        &["sync", "enroll", "--server", &server.url, "--code", &used, "--site", "AMS1"],
    );
    assert_eq!(out.status.code(), Some(1), "a one-time code works once");
    let pulled = json(&b, &["sync", "--json"]);
    assert!(pulled["pulled"].as_i64().unwrap() >= pending);
    for table in ["failures", "rmas", "reshipments", "lots", "lot_links", "lot_serials", "users"] {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        assert_eq!(count(&a, &sql), count(&b, &sql), "{table}");
    }
    assert_eq!(count(&b, "SELECT COUNT(*) FROM credentials"), 0, "no password hash reached desk B");
    for desk in [&a, &b] {
        let report = check(desk).await;
        assert!(report.ok(), "{report:?}");
    }

    admin_signs_in_through_the_server(&b);

    // Both desks cancel the same return; B's number carries its desk code.
    let rma: String = rusqlite::Connection::open(a.join("lotline.db"))
        .unwrap()
        .query_row(
            "SELECT rma_no FROM rmas WHERE status IN ('approved', 'label_printed') ORDER BY rma_no LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let cancel = format!(r#"{{"rma_no": "{rma}", "reason": "The customer kept it"}}"#);
    ok(&a, &["--user", "admin", "call", "cancel_rma", &cancel]);
    ok(&b, &["--user", "admin", "call", "cancel_rma", &cancel]);
    let failure = json(
        &b,
        &[
            "--user",
            "admin",
            "call",
            "log_failure",
            r#"{"occurred_at": null, "sku": "CBL-USBC-2M", "vendor_code": "SZHQ", "lot_code": "LSZHQ-2100", "serials": [], "stage": "incoming", "qty_inspected": 80, "qty_failed": 3, "category_code": "COS", "description": "Scratches", "severity": "major", "inspection": null, "attachment_ids": [], "disposition": null, "owner_team": "warehouse_qc", "reinspection_of": null}"#,
        ],
    );
    assert!(failure["failure_no"].as_str().unwrap().starts_with("QF-AMS1B-"), "{failure}");

    assert_eq!(json(&a, &["sync", "--json"])["rejected"], serde_json::json!([]));
    let report = json(&b, &["sync", "--json"]);
    let refused = report["rejected"].as_array().unwrap();
    assert_eq!(refused.len(), 1, "{report}");
    assert_eq!(refused[0]["number"], rma.as_str());
    assert_eq!(refused[0]["reason_key"], "error.rma.not_cancellable");
    json(&a, &["sync", "--json"]);
    assert_eq!(
        count(&a, "SELECT COUNT(*) FROM failures"),
        count(&b, "SELECT COUNT(*) FROM failures"),
        "B's failure reached A"
    );
    for desk in [&a, &b] {
        let report = check(desk).await;
        assert!(report.ok(), "{report:?}");
        assert_eq!(report.chain.desks, 2);
    }
    // A user created on B signs in on B before B synced again: the server learns of her first.
    let piet = r#"{"username": "piet", "display_name": "Piet", "password": "piet-password-1", "roles": ["inspector"], "language": "nl"}"#;
    ok(&b, &["--user", "admin", "call", "create_user", piet]);
    let signed_in = Command::new(env!("CARGO_BIN_EXE_lotline"))
        .args(["--data", b.to_str().unwrap(), "--user", "piet", "sync", "status", "--json"])
        .env("LOTLINE_PASSWORD", "piet-password-1")
        .output()
        .unwrap();
    assert!(signed_in.status.success(), "{}", String::from_utf8_lossy(&signed_in.stderr));
    let status: serde_json::Value = serde_json::from_slice(&signed_in.stdout).unwrap();
    assert_eq!(status["pending"], 0, "her creation went to the server with her sign-in");
    let addr = server.addr.clone();
    drop(server);

    // Offline, the desk's own copy of her password lets her in; a wrong one still does not.
    ok(&b, &["--user", "admin", "sync", "status"]);
    let as_admin = |desk: &Path, password: &str| {
        Command::new(env!("CARGO_BIN_EXE_lotline"))
            .args(["--data", desk.to_str().unwrap(), "--user", "admin", "sync", "status"])
            .env("LOTLINE_PASSWORD", password)
            .output()
            .unwrap()
    };
    for _ in 0..4 {
        assert_eq!(as_admin(&b, "not-her-password").status.code(), Some(1));
    }
    let unreported = "SELECT COUNT(*) FROM sign_in_attempts WHERE reported = 0";
    assert_eq!(count(&b, unreported), 5, "what the desk decided alone waits for the team");

    // Back online, the next sync tells the team: four wrong in a row, and a fifth on another
    // desk locks her name there, her right password too.
    let server = Server::start_with(&server_dir, ServerOptions { listen: Some(&addr), ..ServerOptions::default() });
    json(&b, &["sync", "--json"]);
    assert_eq!(count(&b, unreported), 0);
    assert_eq!(as_admin(&a, "not-her-password").status.code(), Some(1));
    let locked = as_admin(&a, "cli-password-1");
    assert_eq!(locked.status.code(), Some(1), "locked on desk A by what desk B saw offline");
    let said = String::from_utf8_lossy(&locked.stderr).to_string();
    assert!(said.contains("locked"), "{said}");
    drop(server);
}
