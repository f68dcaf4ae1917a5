//! The event log as team sync needs it: per-desk sequences, acts, a hybrid logical clock, the
//! per-desk hash chain that `check` verifies, the canonical order of a rebuild, kinds from a
//! newer version kept but not projected, and a 0.1.0 database upgraded in place.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::{failure, unpack_fixture, world};
use lotline_app::Store;
use lotline_domain::envelope::{ChainLink, Hlc, payload_hash};
use lotline_store::ChainBreak;
use serde_json::json;
use sqlx::Row;

async fn check(store: &Store) -> lotline_store::CheckReport {
    lotline_store::check(store).await.expect("check runs")
}

#[tokio::test]
async fn every_event_carries_its_desk_sequence_act_clock_and_chain() {
    let w = world().await;
    w.master_data().await;
    w.ok("log_failure", failure("BOX-5L")).await;
    let rows = sqlx::query(
        "SELECT desk_id, desk_seq, act_id, hlc, kind, schema_version, prev_hash, hash FROM events ORDER BY seq",
    )
    .fetch_all(w.ctx.store.pool())
    .await
    .unwrap();
    assert!(rows.len() > 5);
    let mut last_hlc: Option<Hlc> = None;
    let mut prev_hash = lotline_domain::envelope::GENESIS.to_owned();
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row.get::<String, _>("desk_id"), "desk-test-1");
        assert_eq!(row.get::<i64, _>("desk_seq"), i as i64 + 1, "gapless from 1");
        let kind: String = row.get("kind");
        let version = if kind == "user_created" { 2 } else { 1 };
        assert_eq!(row.get::<i64, _>("schema_version"), version, "{kind}");
        let hlc = Hlc::parse(&row.get::<String, _>("hlc")).unwrap();
        assert_eq!(hlc.desk, "desk-test-1");
        if let Some(last) = &last_hlc {
            assert!(hlc > *last, "the clock only moves forward even on a fixed wall clock");
        }
        last_hlc = Some(hlc);
        assert_eq!(row.get::<String, _>("prev_hash"), prev_hash);
        prev_hash = row.get("hash");
    }
    // Setup is one act (settings, the first admin, the default categories); logging a failure
    // that holds nothing is another.
    let setup: Vec<String> =
        rows.iter().take_while(|r| r.get::<String, _>("kind") != "vendor_saved").map(|r| r.get("act_id")).collect();
    assert!(setup.len() > 2 && setup.iter().all(|a| *a == setup[0]), "{setup:?}");
    let acts: i64 =
        sqlx::query_scalar("SELECT COUNT(DISTINCT act_id) FROM events").fetch_one(w.ctx.store.pool()).await.unwrap();
    assert_eq!(acts, 5, "setup, a vendor, two products, a failure");
    let report = check(&w.ctx.store).await;
    assert!(report.ok(), "{report:?}");
    assert_eq!((report.chain.verified, report.chain.desks), (rows.len() as i64, 1));
}

/// Runs `sql` on the database file behind the store's back, as someone with the file could.
async fn tamper(store: &Store, sql: &str) {
    sqlx::query(sqlx::AssertSqlSafe(sql.to_owned())).execute(store.pool()).await.unwrap();
}

async fn event_at(store: &Store, desk_seq: i64) -> (String, String) {
    let row = sqlx::query("SELECT id, kind FROM events WHERE desk_seq = ?")
        .bind(desk_seq)
        .fetch_one(store.pool())
        .await
        .unwrap();
    (row.get(0), row.get(1))
}

#[tokio::test]
async fn check_names_the_first_event_changed_removed_or_inserted() {
    let w = world().await;
    w.master_data().await;
    w.ok("log_failure", failure("BOX-5L")).await;
    let store = &w.ctx.store;
    assert!(check(store).await.ok());

    // A role raised in the log itself: the event no longer matches its hash.
    let (admin_event, kind) = event_at(store, 2).await;
    assert_eq!(kind, "user_created");
    tamper(
        store,
        &format!(
            "UPDATE events SET payload = replace(payload, '\"roles\":[\"admin\",\"quality_lead\"]', '\"roles\":[\"admin\",\"quality_lead\",\"finance\"]') \
             WHERE id = '{admin_event}'"
        ),
    )
    .await;
    let payload: String = sqlx::query_scalar("SELECT payload FROM events WHERE id = ?")
        .bind(&admin_event)
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert!(payload.contains("\"finance\""), "{payload}");
    let report = check(store).await;
    let problem = report.chain.first_problem.clone().expect("found");
    assert_eq!(
        (problem.event_id.as_str(), problem.desk_seq, &problem.problem),
        (admin_event.as_str(), 2, &ChainBreak::Changed)
    );
    assert!(!report.ok());
}

#[tokio::test]
async fn a_removed_event_and_a_recomputed_forgery_are_found() {
    let w = world().await;
    w.master_data().await;
    let store = &w.ctx.store;
    let (vendor_event, _) = event_at(store, 5).await;
    let (next_event, _) = event_at(store, 6).await;
    tamper(store, &format!("DELETE FROM events WHERE id = '{vendor_event}'")).await;
    let problem = check(store).await.chain.first_problem.expect("found");
    assert_eq!((problem.event_id, problem.problem), (next_event, ChainBreak::EventsRemovedBefore));

    // Rewrite one event's payload and recompute its own hash: the next event no longer links.
    let w = world().await;
    w.master_data().await;
    let store = &w.ctx.store;
    let row = sqlx::query("SELECT * FROM events WHERE kind = 'vendor_saved'").fetch_one(store.pool()).await.unwrap();
    let forged_seq: i64 = row.get("desk_seq");
    let forged_payload = row.get::<String, _>("payload").replace("深圳华强", "Acme");
    let forged_hash = ChainLink {
        id: row.get("id"),
        desk_id: row.get("desk_id"),
        desk_seq: forged_seq,
        act_id: row.get("act_id"),
        stream_type: row.get("stream_type"),
        stream_id: row.get("stream_id"),
        kind: row.get("kind"),
        schema_version: 1,
        actor_id: row.get("actor_id"),
        occurred_at: row.get("occurred_at"),
        hlc: row.get("hlc"),
        seen: 0,
        local_only: false,
        payload_hash: &payload_hash(&forged_payload),
        prev_hash: row.get("prev_hash"),
    }
    .hash();
    assert_ne!(forged_payload, row.get::<String, _>("payload"));
    sqlx::query("UPDATE events SET payload = ?, hash = ? WHERE desk_seq = ?")
        .bind(&forged_payload)
        .bind(&forged_hash)
        .bind(forged_seq)
        .execute(store.pool())
        .await
        .unwrap();
    let (after_forgery, _) = event_at(store, forged_seq + 1).await;
    let problem = check(store).await.chain.first_problem.expect("found");
    assert_eq!((problem.event_id, problem.problem), (after_forgery, ChainBreak::NotLinkedToPrevious));
}

#[tokio::test]
async fn a_user_row_edited_by_hand_fails_check() {
    let w = world().await;
    w.add_user("piet", &["inspector"]).await;
    tamper(&w.ctx.store, "UPDATE users SET roles = '[\"admin\"]' WHERE username = 'piet'").await;
    let report = check(&w.ctx.store).await;
    assert!(report.chain.first_problem.is_none(), "the log itself is intact");
    assert_eq!(report.mismatched, ["users"]);
    assert!(!report.ok());
}

#[tokio::test]
async fn a_rebuild_follows_the_servers_order_then_the_pending_events() {
    let w = world().await;
    let vendor = |name: &str| json!({"code": "SZHQ", "name": name, "country": "CN", "contact_name": null, "email": null, "phone": null, "language": "en"});
    w.ok("save_vendor", vendor("First")).await;
    w.ok("save_vendor", vendor("Second")).await;
    w.ok("save_vendor", vendor("Third, still pending")).await;
    let pool = w.ctx.store.pool();
    let name = || async {
        sqlx::query_scalar::<_, String>("SELECT name FROM vendors WHERE code = 'SZHQ'").fetch_one(pool).await.unwrap()
    };
    assert_eq!(name().await, "Third, still pending");
    // The server put "Second" before "First" (another desk's push came between), and has not
    // seen "Third" yet: confirmed events in server order, then the pending one.
    let ids: Vec<String> = sqlx::query_scalar("SELECT id FROM events WHERE kind = 'vendor_saved' ORDER BY seq")
        .fetch_all(pool)
        .await
        .unwrap();
    tamper(&w.ctx.store, "UPDATE events SET server_seq = seq + 100, status = 'confirmed' WHERE kind <> 'vendor_saved'")
        .await;
    for (id, server_seq) in [(&ids[1], 1000), (&ids[0], 1001)] {
        sqlx::query("UPDATE events SET server_seq = ?, status = 'confirmed' WHERE id = ?")
            .bind(server_seq)
            .bind(id)
            .execute(pool)
            .await
            .unwrap();
    }
    lotline_store::rebuild(&w.ctx.store).await.unwrap();
    assert_eq!(name().await, "Third, still pending");
    sqlx::query("UPDATE events SET status = 'rejected' WHERE id = ?").bind(&ids[2]).execute(pool).await.unwrap();
    lotline_store::rebuild(&w.ctx.store).await.unwrap();
    assert_eq!(name().await, "First", "the server's last word, and a refused event is never projected");
    let report = check(&w.ctx.store).await;
    assert!(report.ok(), "{report:?}");
}

#[tokio::test]
async fn an_event_of_a_kind_from_a_newer_version_is_kept_not_projected() {
    let w = world().await;
    w.master_data().await;
    let pool = w.ctx.store.pool();
    let head = sqlx::query("SELECT desk_seq, hash, hlc FROM events ORDER BY desk_seq DESC LIMIT 1")
        .fetch_one(pool)
        .await
        .unwrap();
    let payload = r#"{"kind":"drone_dispatched","drone":"D-7","lot_code":"L-1"}"#;
    let desk_seq = head.get::<i64, _>("desk_seq") + 1;
    let hlc = Hlc::tick(Hlc::parse(head.get("hlc")).ok().as_ref(), 0, "desk-test-1").to_string();
    let id = uuid::Uuid::now_v7().to_string();
    let hash = ChainLink {
        id: &id,
        desk_id: "desk-test-1",
        desk_seq,
        act_id: &id,
        stream_type: "drone",
        stream_id: "D-7",
        kind: "drone_dispatched",
        schema_version: 1,
        actor_id: None,
        occurred_at: "2026-11-02T09:30:00.000Z",
        hlc: &hlc,
        seen: 0,
        local_only: false,
        payload_hash: &payload_hash(payload),
        prev_hash: head.get("hash"),
    }
    .hash();
    sqlx::query(
        "INSERT INTO events (id, desk_id, desk_seq, act_id, stream_type, stream_id, stream_version, kind, schema_version, \
         payload, occurred_at, hlc, prev_hash, hash) VALUES (?, 'desk-test-1', ?, ?, 'drone', 'D-7', 1, 'drone_dispatched', 1, ?, \
         '2026-11-02T09:30:00.000Z', ?, ?, ?)",
    )
    .bind(&id)
    .bind(desk_seq)
    .bind(&id)
    .bind(payload)
    .bind(&hlc)
    .bind(head.get::<String, _>("hash"))
    .bind(&hash)
    .execute(pool)
    .await
    .unwrap();
    // The newer Lotline that wrote it sealed its head with the desk's key, as every version does.
    let key = w.ctx.store.checkpoint_key().expect("a keyed desk");
    let mut conn = pool.acquire().await.unwrap();
    lotline_store::seal_all(&mut conn, &key, "2026-11-02T09:30:00.000Z").await.unwrap();
    drop(conn);
    let counts = lotline_store::rebuild(&w.ctx.store).await.expect("rebuild does not break");
    assert_eq!(counts.unknown_events, 1);
    let status = w.ok("setup_status", json!({})).await;
    assert_eq!(status["newer_events"], 1, "the app can say that this desk needs an update");
    let report = check(&w.ctx.store).await;
    assert!(report.ok(), "{report:?}");
    assert_eq!(report.unknown_events, 1);
    // Later acts go on after it in the chain.
    w.ok("log_failure", failure("BOX-5L")).await;
    let report = check(&w.ctx.store).await;
    assert!(report.ok(), "{report:?}");
}

#[tokio::test]
async fn a_database_made_by_0_1_0_upgrades_in_place_keeps_every_record_and_passes_check() {
    let dir = tempfile::tempdir().unwrap();
    let data = unpack_fixture(dir.path());
    let vault = lotline_app::audit::KeyVault::Folder(dir.path().join("keys"));
    let ctx = lotline_app::open_with(&data, vault).await.expect("opens and upgrades");
    assert!(ctx.log_hold().is_none(), "an upgraded log is keyed at its first open, not held");
    let report = check(&ctx.store).await;
    assert!(report.ok(), "{report:?}");
    assert_eq!((report.events, report.chain.verified, report.chain.desks), (279, 279, 1));
    // Its first open made a key and sealed the chain's head under it.
    assert_eq!((report.keyed.state, report.keyed.verified), (lotline_store::KeyedState::Verified, 1));

    let call = |act: &'static str, input: serde_json::Value| {
        let ctx = ctx.clone();
        async move { lotline_app::call(&ctx, act, input).await.unwrap_or_else(|e| panic!("{act}: {e}")) }
    };
    call("sign_in", json!({"username": "admin", "password": "bars-Secret-123"})).await;
    // 0.1.0 hashed at argon2's default cost: the sign-in made the hash again, stronger (event 280).
    let hash: String = sqlx::query_scalar(
        "SELECT c.password_hash FROM credentials c JOIN users u ON u.user_id = c.user_id WHERE u.username = 'admin'",
    )
    .fetch_one(ctx.store.pool())
    .await
    .unwrap();
    assert!(hash.starts_with("$argon2id$v=19$m=65536,t=3,p=1$"), "{hash}");
    let failures = call("list_failures", json!({"offset": 0, "limit": 100})).await;
    assert_eq!(failures["total"], 37);
    let numbers: Vec<&str> =
        failures["rows"].as_array().unwrap().iter().map(|r| r["failure_no"].as_str().unwrap()).collect();
    assert!(numbers.contains(&"QF-FXT-000001") && numbers.contains(&"QF-FXT-000037"), "{numbers:?}");
    assert_eq!(call("list_rmas", json!({"offset": 0, "limit": 100})).await["total"], 11);
    assert_eq!(call("list_reshipments", json!({"offset": 0, "limit": 100})).await["total"], 7);

    // The desk's own id carried over: its new events continue the same chain.
    let desk = std::fs::read_to_string(data.join("device-id")).unwrap();
    let before: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT desk_id FROM events").fetch_all(ctx.store.pool()).await.unwrap();
    assert_eq!(before, [desk.trim()]);
    let mut input = failure("CBL-USBC-2M");
    input["lot_code"] = json!("LSZHQ-2100");
    call("log_failure", input).await;
    let seq: i64 = sqlx::query_scalar("SELECT MAX(desk_seq) FROM events").fetch_one(ctx.store.pool()).await.unwrap();
    assert_eq!(seq, 282, "the stronger hash, the failure and the hold it put on the lot");
    ctx.store.close().await;

    // Opening again seals nothing twice and still verifies.
    let ctx = lotline_app::open(&data).await.unwrap();
    let report = check(&ctx.store).await;
    assert!(report.ok(), "{report:?}");
    assert_eq!(report.chain.verified, 282);
}
