//! The team sync acts of the desktop app through the catalogue, against a real sync server on
//! loopback: enrolling (a desk with data and an empty one), the status the shell shows, refused
//! acts kept with their reasons, offline and back, and leaving the team.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use std::net::SocketAddr;

use common::ADMIN_PASSWORD;
use common::team::{code, empty_desk, start_server};
use lotline_app::ErrorCode;
use serde_json::{Value, json};

fn field_key(err: &lotline_app::ApiError, field: &str) -> String {
    err.fields.iter().find(|f| f.field == field).map(|f| f.message_key.clone()).unwrap_or_else(|| format!("{err}"))
}

fn lot(code: &str, qty: i64) -> Value {
    json!({"lot_code": code, "sku": "CHG-15W", "vendor_code": "SZHQ", "supplier_lot": null, "qty": qty, "unit": "pcs",
           "mfg_date": null, "expiry_date": null, "location": "MAIN", "promised_on": null})
}

#[tokio::test(flavor = "multi_thread")]
async fn desks_enrol_sync_and_keep_the_reasons_of_refused_acts() {
    let server_dir = tempfile::tempdir().unwrap();
    let server = start_server(server_dir.path(), SocketAddr::from(([127, 0, 0, 1], 0))).await;
    let url = server.url();

    let a = common::world().await;
    a.master_data().await;
    let status = a.ok("team_status", json!({})).await;
    assert_eq!(status["enrolled"], false);
    assert_eq!(status["desk_code"], Value::Null);
    assert_eq!(status["last_success"], Value::Null);

    // Only an administrator enrols a desk that has data; the address and the code are checked.
    a.add_user("ivy", &["inspector"]).await;
    a.sign_in("ivy", "password-123").await;
    let err = a.err("enroll_desk", json!({"server": url, "code": code(server_dir.path()).await})).await;
    assert_eq!(err.code, ErrorCode::Forbidden, "{err}");
    assert_eq!(a.err("leave_team", json!({})).await.code, ErrorCode::Forbidden);
    a.sign_in("admin", ADMIN_PASSWORD).await;
    let err = a.err("enroll_desk", json!({"server": "sync.example.com", "code": ""})).await;
    assert_eq!(field_key(&err, "server"), "error.sync.server_address");
    assert_eq!(field_key(&err, "code"), "error.field.required");
    let err = a.err("enroll_desk", json!({"server": url, "code": "NOT-A-CODE"})).await;
    assert_eq!(field_key(&err, "code"), "error.sync.enroll_code_unknown");

    let enrolled = a.ok("enroll_desk", json!({"server": url, "code": code(server_dir.path()).await})).await;
    assert_eq!(enrolled["desk_code"], "AMS1A");
    let first = &enrolled["first_sync"];
    assert!(first["pushed"].as_i64().unwrap() > 0, "{enrolled}");
    assert_eq!(first["rejected"], json!([]));
    let status = a.ok("team_status", json!({})).await;
    assert_eq!(status["enrolled"], true);
    assert_eq!(status["server"], url.as_str());
    assert_eq!(status["desk_code"], "AMS1A");
    assert_eq!(status["pending"], 0);
    assert_eq!(status["last_success"], "2026-11-02T09:30:00.000Z");
    assert_eq!(status["last_error"], Value::Null);
    assert_eq!(status["failing_since"], Value::Null);

    // A desk that was never set up gives its site, and receives the team's data.
    let b = empty_desk("desk-test-2").await;
    let err = b.err("enroll_desk", json!({"server": url, "code": code(server_dir.path()).await})).await;
    assert_eq!(field_key(&err, "site"), "error.sync.site_needed");
    let enrolled =
        b.ok("enroll_desk", json!({"server": url, "code": code(server_dir.path()).await, "site": "AMS1"})).await;
    assert_eq!(enrolled["desk_code"], "AMS1B");
    assert!(enrolled["first_sync"]["pulled"].as_i64().unwrap() > 0, "{enrolled}");
    let setup = b.ok("setup_status", json!({})).await;
    assert_eq!(setup["needs_setup"], false);
    assert_eq!(setup["company_name"], "Lotline Test BV");
    assert_eq!(b.err("team_status", json!({})).await.code, ErrorCode::Unauthenticated);

    // Both desks sign in through the team, then work apart: the same lot code received on
    // each (a conflict for a person to look at) and the same username taken on each (the
    // later act refused).
    a.sign_in("admin", ADMIN_PASSWORD).await;
    b.sign_in("admin", ADMIN_PASSWORD).await;
    a.ok("receive_lot", lot("L-9", 10)).await;
    b.ok("receive_lot", lot("L-9", 5)).await;
    a.add_user("bob", &["logistics"]).await;
    b.add_user("bob", &["finance"]).await;
    assert!(b.ok("team_status", json!({})).await["pending"].as_i64().unwrap() >= 2);

    let report = a.ok("sync_team", json!({})).await;
    assert_eq!(report["rejected"], json!([]), "{report}");
    b.clock.advance(chrono::Duration::minutes(2));
    let report = b.ok("sync_team", json!({})).await;
    let rejected = report["rejected"].as_array().unwrap();
    assert_eq!(rejected.len(), 1, "{report}");
    assert_eq!(rejected[0]["reason_key"], "error.sync.username_taken");
    assert_eq!(report["conflicts"], 1, "{report}");

    let status = b.ok("team_status", json!({})).await;
    assert_eq!((status["pending"].as_i64(), status["refused_acts"].as_i64()), (Some(0), Some(1)), "{status}");
    assert_eq!(status["open_conflicts"], 1);
    assert_eq!(status["last_success"], "2026-11-02T09:32:00.000Z");
    let refused = b.ok("list_refused_acts", json!({})).await;
    assert_eq!(
        refused.as_array().unwrap().iter().map(|r| r["kind"].clone()).collect::<Vec<_>>(),
        [json!("user_created")],
        "{refused}"
    );
    let act = &refused[0];
    assert_eq!(act["reason_key"], "error.sync.username_taken");
    assert_eq!(act["params"], json!({"username": "bob"}));
    assert_eq!(act["actor_name"], "Ada Admin");
    assert_eq!(act["number"], Value::Null);
    assert_eq!(act["occurred_at"], "2026-11-02T09:30:00.000Z");
    assert_eq!(act["refused_at"], "2026-11-02T09:32:00.000Z");

    // A pulls B's receipt and sees the same conflict; A refused nothing.
    a.ok("sync_team", json!({})).await;
    let status = a.ok("team_status", json!({})).await;
    assert_eq!((status["open_conflicts"].as_i64(), status["refused_acts"].as_i64()), (Some(1), Some(0)));
    assert_eq!(a.ok("list_refused_acts", json!({})).await, json!([]));
    // The server named the team's desks with its pages: the inbox says which desk did what.
    let conflicts = a.ok("list_conflicts", json!({})).await;
    let desks: Vec<(Value, Value)> = conflicts[0]["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["this_desk"].clone(), e["desk_code"].clone()))
        .collect();
    assert_eq!(desks, [(json!(false), json!("AMS1B"))], "{conflicts}");

    // Every push was sealed with its desk's key and verified by the server, which anchors each
    // desk's chain: both desks hold both chains as the server verified them.
    for desk in [&a, &b] {
        let report = lotline_store::check(&desk.ctx.store).await.unwrap();
        assert_eq!((report.keyed.state, &report.keyed.first_problem), (lotline_store::KeyedState::Verified, &None));
        let anchors: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM chain_anchors").fetch_one(desk.ctx.store.pool()).await.unwrap();
        assert_eq!(anchors, 2, "one anchor per desk of the team");
    }
    server.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn offline_and_back_then_leaving_and_rejoining_keeps_the_desk_code() {
    let server_dir = tempfile::tempdir().unwrap();
    let server = start_server(server_dir.path(), SocketAddr::from(([127, 0, 0, 1], 0))).await;
    let (url, addr) = (server.url(), server.addr());
    let a = common::world().await;
    a.master_data().await;
    a.ok("enroll_desk", json!({"server": url, "code": code(server_dir.path()).await})).await;
    a.sign_in("admin", ADMIN_PASSWORD).await;

    // The server goes away: the error is kept, and since when syncs fail.
    server.shutdown().await.unwrap();
    a.clock.advance(chrono::Duration::minutes(1));
    let err = a.err("sync_team", json!({})).await;
    assert_eq!(err.message_key, "error.sync.unreachable");
    a.clock.advance(chrono::Duration::minutes(5));
    a.err("sync_team", json!({})).await;
    let status = a.ok("team_status", json!({})).await;
    assert_eq!(status["last_success"], "2026-11-02T09:30:00.000Z");
    assert_eq!(status["failing_since"], "2026-11-02T09:31:00.000Z");
    assert_eq!(status["last_error"]["message_key"], "error.sync.unreachable");
    assert_eq!(status["last_error"]["at"], "2026-11-02T09:36:00.000Z");

    // Work goes on offline and waits; back online, it goes and the error is gone.
    let failure = a.ok("log_failure", common::failure("BOX-5L")).await;
    assert!(failure["failure_no"].as_str().unwrap().starts_with("QF-AMS1A-"), "{failure}");
    assert_eq!(a.ok("team_status", json!({})).await["pending"].as_i64().map(|n| n > 0), Some(true));
    let server = start_server(server_dir.path(), addr).await;
    a.clock.advance(chrono::Duration::minutes(1));
    let report = a.ok("sync_team", json!({})).await;
    assert!(report["pushed"].as_i64().unwrap() > 0, "{report}");
    let status = a.ok("team_status", json!({})).await;
    assert_eq!(status["last_success"], "2026-11-02T09:37:00.000Z");
    assert_eq!((status["last_error"].clone(), status["failing_since"].clone()), (Value::Null, Value::Null));
    assert_eq!(status["pending"], 0);

    // Leaving forgets the server but keeps the desk code in new numbers.
    let status = a.ok("leave_team", json!({})).await;
    assert_eq!((status["enrolled"].clone(), status["server"].clone()), (json!(false), Value::Null));
    assert_eq!(status["desk_code"], "AMS1A");
    assert_eq!(status["last_success"], Value::Null);
    assert_eq!(a.err("sync_team", json!({})).await.message_key, "error.sync.not_enrolled");
    assert_eq!(a.err("leave_team", json!({})).await.message_key, "error.sync.not_enrolled");
    let failure = a.ok("log_failure", common::failure("BOX-5L")).await;
    assert!(failure["failure_no"].as_str().unwrap().starts_with("QF-AMS1A-"), "{failure}");

    // Another team's server is no place for this desk's log.
    let other_dir = tempfile::tempdir().unwrap();
    let other = start_server(other_dir.path(), SocketAddr::from(([127, 0, 0, 1], 0))).await;
    let err = a.err("enroll_desk", json!({"server": other.url(), "code": code(other_dir.path()).await})).await;
    assert_eq!(err.message_key, "error.sync.other_team");
    assert_eq!(a.ok("team_status", json!({})).await["enrolled"], false);

    // Back in its own team it is the same desk, and what it did meanwhile goes.
    let enrolled = a.ok("enroll_desk", json!({"server": url, "code": code(server_dir.path()).await})).await;
    assert_eq!(enrolled["desk_code"], "AMS1A");
    assert!(enrolled["first_sync"]["pushed"].as_i64().unwrap() > 0, "{enrolled}");
    assert_eq!(a.ok("team_status", json!({})).await["pending"], 0);
    other.shutdown().await.unwrap();
    server.shutdown().await.unwrap();
}
