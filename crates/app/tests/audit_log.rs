//! The audit log's keyed checkpoints: a log rewritten with every hash recomputed after the edit
//! passes the chain but not the checkpoints; the check at start holds the desk until an
//! administrator, as the verified log knows them, goes on; a copy opened where its key is not
//! verifies its chain and says the keyed part cannot be verified there.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use std::path::Path;

use lotline_app::audit::KeyVault;
use lotline_app::{Ctx, call};
use lotline_domain::envelope::{ChainLink, payload_hash};
use lotline_store::{ChainBreak, KeyedBreak, KeyedState};
use serde_json::{Value, json};
use sqlx::Row;

const ADMIN: &str = "correct horse battery";
const CLERK: &str = "clerk password 123";

async fn open(data: &Path, keys: &Path) -> Ctx {
    lotline_app::open_with(data, KeyVault::Folder(keys.to_path_buf())).await.expect("opens").with_test_hashing()
}

async fn ok(ctx: &Ctx, act: &str, input: Value) -> Value {
    call(ctx, act, input).await.unwrap_or_else(|e| panic!("{act}: {e}"))
}

/// A set-up desk with an administrator, an inspector and a few failures.
async fn desk(data: &Path, keys: &Path) -> Ctx {
    let ctx = open(data, keys).await;
    ok(
        &ctx,
        "complete_setup",
        json!({"company_name": "Audit BV", "site_code": "AMS1", "currency": "EUR", "language": "en",
               "admin_username": "admin", "admin_display_name": "Ada Admin", "admin_password": ADMIN, "load_demo": false}),
    )
    .await;
    ok(&ctx, "save_vendor", json!({"code": "SZHQ", "name": "Huaqiang", "country": "CN", "contact_name": null, "email": null, "phone": null, "language": "zh-CN"})).await;
    ok(&ctx, "save_product", json!({"sku": "BOX-5L", "gtin": null, "name": "Opbergbox 5 L", "category": "Opslag", "unit_cost_minor": 380, "currency": "EUR",
             "returnable": true, "lot_tracked": false, "serial_tracked": false, "has_expiry": false, "vendor_code": "SZHQ"})).await;
    ok(
        &ctx,
        "create_user",
        json!({"username": "clerk", "display_name": "Cleo Clerk", "password": CLERK, "roles": ["inspector"], "language": "en"}),
    )
    .await;
    for qty in [2, 3, 4] {
        ok(&ctx, "log_failure", failure(qty)).await;
    }
    ctx
}

fn failure(qty: i64) -> Value {
    let mut input = common::failure("BOX-5L");
    input["qty_failed"] = json!(qty);
    input
}

async fn check(ctx: &Ctx) -> lotline_store::CheckReport {
    lotline_store::check(&ctx.store).await.expect("check runs")
}

/// Changes one event's payload and recomputes its hash and every later hash of its desk: what
/// someone who knows the chain's rule, but not the key, can do to the file.
async fn rewrite_with_recomputed_chain(data: &Path, kind: &str, from: &str, to: &str) -> (String, i64) {
    let pool = sqlx::SqlitePool::connect(&format!("sqlite:{}", data.join("lotline.db").display())).await.unwrap();
    let row = sqlx::query(
        "SELECT desk_id, desk_seq, payload FROM events WHERE kind = ? AND instr(payload, ?) > 0 ORDER BY seq LIMIT 1",
    )
    .bind(kind)
    .bind(from)
    .fetch_one(&pool)
    .await
    .unwrap();
    let (desk, first, payload): (String, i64, String) = (row.get(0), row.get(1), row.get(2));
    assert!(payload.contains(from), "{payload}");
    sqlx::query("UPDATE events SET payload = ? WHERE desk_id = ? AND desk_seq = ?")
        .bind(payload.replace(from, to))
        .bind(&desk)
        .bind(first)
        .execute(&pool)
        .await
        .unwrap();
    let rows = sqlx::query(
        "SELECT desk_seq, id, act_id, stream_type, stream_id, kind, schema_version, actor_id, occurred_at, hlc, seen, \
         local_only, payload, prev_hash FROM events WHERE desk_id = ? AND desk_seq >= ? ORDER BY desk_seq",
    )
    .bind(&desk)
    .bind(first)
    .fetch_all(&pool)
    .await
    .unwrap();
    let mut prev: String = rows[0].get("prev_hash");
    for row in rows {
        let payload: String = row.get("payload");
        let ph = payload_hash(&payload);
        let actor: Option<String> = row.get("actor_id");
        let link = ChainLink {
            id: row.get("id"),
            desk_id: &desk,
            desk_seq: row.get("desk_seq"),
            act_id: row.get("act_id"),
            stream_type: row.get("stream_type"),
            stream_id: row.get("stream_id"),
            kind: row.get("kind"),
            schema_version: row.get("schema_version"),
            actor_id: actor.as_deref(),
            occurred_at: row.get("occurred_at"),
            hlc: row.get("hlc"),
            seen: row.get("seen"),
            local_only: row.get("local_only"),
            payload_hash: &ph,
            prev_hash: &prev,
        };
        let hash = link.hash();
        sqlx::query("UPDATE events SET prev_hash = ?, hash = ? WHERE desk_id = ? AND desk_seq = ?")
            .bind(&prev)
            .bind(&hash)
            .bind(&desk)
            .bind(row.get::<i64, _>("desk_seq"))
            .execute(&pool)
            .await
            .unwrap();
        prev = hash;
    }
    pool.close().await;
    (desk, first)
}

#[tokio::test]
async fn an_intact_log_verifies_its_checkpoints_and_opens_without_a_hold() {
    let dir = tempfile::tempdir().unwrap();
    let (data, keys) = (dir.path().join("data"), dir.path().join("keys"));
    let ctx = desk(&data, &keys).await;
    let report = check(&ctx).await;
    assert!(report.ok(), "{report:?}");
    assert_eq!(report.keyed.state, KeyedState::Verified);
    // Fewer than a thousand events: the newest checkpoint, and those of the two acts on people
    // (the setup's administrator, the clerk).
    assert_eq!((report.keyed.verified, report.keyed.other_key), (3, 0));
    let key_files: Vec<_> = std::fs::read_dir(&keys).unwrap().collect();
    assert_eq!(key_files.len(), 1, "the key is kept outside the data folder");
    assert!(!std::fs::read_dir(&data).unwrap().any(|f| f.unwrap().file_name().to_string_lossy().ends_with(".key")));
    ctx.store.close().await;

    let again = open(&data, &keys).await;
    assert!(again.log_hold().is_none());
    assert!(call(&again, "log_hold", json!({})).await.unwrap().is_null());
}

#[tokio::test]
async fn a_rewrite_with_the_chain_recomputed_is_found_by_check_and_holds_the_desk_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let (data, keys) = (dir.path().join("data"), dir.path().join("keys"));
    let ctx = desk(&data, &keys).await;
    ctx.store.close().await;

    // The second failure's quantity lowered from 3 to 1, every later hash recomputed.
    let (desk_id, rewritten) =
        rewrite_with_recomputed_chain(&data, "failure_logged", "\"qty_failed\":3", "\"qty_failed\":1").await;

    let ctx = open(&data, &keys).await;
    let report = check(&ctx).await;
    assert!(report.chain.first_problem.is_none(), "the chain alone is fooled: {:?}", report.chain);
    assert!(!report.ok());
    let problem = report.keyed.first_problem.clone().expect("the checkpoint finds it");
    assert_eq!((problem.problem, problem.desk_id.as_str()), (KeyedBreak::Rewritten, desk_id.as_str()));
    // Placed between the clerk's creation (a kept checkpoint) and the newest checkpoint.
    let clerk_made: i64 = sqlx::query_scalar("SELECT MAX(desk_seq) FROM events WHERE kind = 'user_password_set'")
        .fetch_one(ctx.store.pool())
        .await
        .unwrap();
    assert_eq!(problem.from_seq, clerk_made + 1);
    assert!(problem.from_seq <= rewritten && rewritten <= problem.to_seq, "{problem:?} {rewritten}");
    let hold = ctx.log_hold().expect("held at start");
    assert_eq!(hold.keyed_problem.map(|p| p.problem), Some(KeyedBreak::Rewritten));

    // While held, nobody works; the inspector may not even sign in.
    let refused = call(&ctx, "sign_in", json!({"username": "clerk", "password": CLERK})).await.unwrap_err();
    assert_eq!(refused.message_key, "error.audit.administrator_needed");
    ok(&ctx, "sign_in", json!({"username": "admin", "password": ADMIN})).await;
    let held = call(&ctx, "list_failures", json!({"offset": 0, "limit": 10})).await.unwrap_err();
    assert_eq!(held.message_key, "error.audit.log_held");

    // The administrator goes on: the finding is in the log, with who accepted it.
    ok(&ctx, "release_log_hold", json!({})).await;
    assert!(ctx.log_hold().is_none());
    let accepted: (String, String) =
        sqlx::query_as("SELECT payload, actor_id FROM events WHERE kind = 'log_check_accepted'")
            .fetch_one(ctx.store.pool())
            .await
            .unwrap();
    assert!(accepted.0.contains("Rewritten"), "{}", accepted.0);
    ok(&ctx, "list_failures", json!({"offset": 0, "limit": 10})).await;
    let report = check(&ctx).await;
    assert!(report.keyed.first_problem.is_none(), "checkpoints made again: {:?}", report.keyed);
    ctx.store.close().await;
    assert!(open(&data, &keys).await.log_hold().is_none(), "the accepted finding does not hold the desk again");
}

#[tokio::test]
async fn an_administrator_made_by_editing_the_users_table_cannot_lift_the_hold() {
    let dir = tempfile::tempdir().unwrap();
    let (data, keys) = (dir.path().join("data"), dir.path().join("keys"));
    let ctx = desk(&data, &keys).await;
    ctx.store.close().await;
    rewrite_with_recomputed_chain(&data, "failure_logged", "\"qty_failed\":4", "\"qty_failed\":1").await;
    let pool = sqlx::SqlitePool::connect(&format!("sqlite:{}", data.join("lotline.db").display())).await.unwrap();
    sqlx::query("UPDATE users SET roles = '[\"admin\"]' WHERE username = 'clerk'").execute(&pool).await.unwrap();
    pool.close().await;

    let ctx = open(&data, &keys).await;
    assert!(ctx.log_hold().is_some());
    let refused = call(&ctx, "sign_in", json!({"username": "clerk", "password": CLERK})).await.unwrap_err();
    assert_eq!(refused.message_key, "error.audit.administrator_needed");
    let refused = call(&ctx, "release_log_hold", json!({})).await.unwrap_err();
    assert_eq!(refused.code, lotline_app::ErrorCode::Unauthenticated, "{refused}");
    // The hand-edited role is caught by check too: the users table differs from the log.
    assert!(check(&ctx).await.mismatched.contains(&"users".to_owned()));
}

#[tokio::test]
async fn an_event_inserted_at_the_end_is_not_covered_by_a_checkpoint() {
    let dir = tempfile::tempdir().unwrap();
    let (data, keys) = (dir.path().join("data"), dir.path().join("keys"));
    let ctx = desk(&data, &keys).await;
    // An act written past the log's key, as a forger appending rows with the chain rule would.
    let last: (String, i64) = sqlx::query_as("SELECT desk_id, MAX(desk_seq) FROM events GROUP BY desk_id")
        .fetch_one(ctx.store.pool())
        .await
        .unwrap();
    let meta = lotline_store::EventMeta::new(None, last.0.clone(), "2026-12-01T10:00:00.000Z");
    let mut tx = ctx.store.begin_write().await.unwrap();
    lotline_store::append(
        &mut tx,
        &meta,
        vec![lotline_domain::Event::UserLanguageSet {
            user_id: "u".into(),
            language: lotline_domain::people::Language::Nl,
        }],
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let report = check(&ctx).await;
    assert!(report.chain.first_problem.is_none());
    let problem = report.keyed.first_problem.expect("not covered");
    assert_eq!((problem.problem, problem.from_seq, problem.to_seq), (KeyedBreak::NotCovered, last.1 + 1, last.1 + 1));
    ctx.store.close().await;
    assert!(open(&data, &keys).await.log_hold().is_some());
}

#[tokio::test]
async fn a_copy_opened_without_its_key_verifies_its_chain_and_an_administrator_makes_a_new_key() {
    let dir = tempfile::tempdir().unwrap();
    let (data, keys) = (dir.path().join("data"), dir.path().join("keys"));
    desk(&data, &keys).await.store.close().await;

    // The same folder on another computer: another keychain, without this desk's key.
    let elsewhere = dir.path().join("other-keys");
    let ctx = open(&data, &elsewhere).await;
    let hold = ctx.log_hold().expect("held: the keyed part cannot be verified here");
    assert!(hold.key_absent && hold.chain_problem.is_none() && hold.keyed_problem.is_none());
    let report = check(&ctx).await;
    assert_eq!(report.keyed.state, KeyedState::KeyAbsent);
    assert!(report.ok(), "the chain still verifies, and nothing is wrong with it: {report:?}");

    ok(&ctx, "sign_in", json!({"username": "admin", "password": ADMIN})).await;
    ok(&ctx, "release_log_hold", json!({})).await;
    ok(&ctx, "log_failure", failure(5)).await;
    let report = check(&ctx).await;
    assert!(report.ok(), "{report:?}");
    assert_eq!(report.keyed.state, KeyedState::Verified);
    assert!(report.keyed.other_key >= 1, "the first computer's checkpoint stays, unverifiable here");
    let rekeyed: String = sqlx::query_scalar("SELECT payload FROM events WHERE kind = 'log_check_accepted'")
        .fetch_one(ctx.store.pool())
        .await
        .unwrap();
    assert!(rekeyed.contains("\"rekeyed\":true"), "{rekeyed}");
    ctx.store.close().await;
    assert!(open(&data, &elsewhere).await.log_hold().is_none());
}

#[tokio::test]
async fn an_edit_that_breaks_the_chain_after_the_last_start_holds_the_desk() {
    let dir = tempfile::tempdir().unwrap();
    let (data, keys) = (dir.path().join("data"), dir.path().join("keys"));
    let ctx = desk(&data, &keys).await;
    ctx.store.close().await;
    // Opened once more: the check at start verifies everything so far and remembers where.
    let ctx = open(&data, &keys).await;
    assert!(ctx.log_hold().is_none());
    ok(&ctx, "sign_in", json!({"username": "admin", "password": ADMIN})).await;
    ok(&ctx, "log_failure", failure(6)).await;
    ctx.store.close().await;

    let pool = sqlx::SqlitePool::connect(&format!("sqlite:{}", data.join("lotline.db").display())).await.unwrap();
    sqlx::query("UPDATE events SET payload = replace(payload, '\"qty_failed\":6', '\"qty_failed\":1') WHERE kind = 'failure_logged'")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let ctx = open(&data, &keys).await;
    let hold = ctx.log_hold().expect("held");
    assert_eq!(hold.chain_problem.map(|p| p.problem), Some(ChainBreak::Changed));
}
