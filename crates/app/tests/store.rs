// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::{failure, world};
use lotline_app::Store;
use serde_json::json;

#[tokio::test]
async fn rebuild_from_the_log_equals_the_live_projections() {
    let w = world().await;
    w.ok("sign_out", json!({})).await;
    w.sign_in("admin", common::ADMIN_PASSWORD).await;
    lotline_app::demo::load(&w.ctx).await.expect("demo loads");
    w.master_data().await;
    let mut input = failure("CHG-15W");
    input["lot_code"] = json!("L-1");
    input["serials"] = json!(["S1"]);
    w.ok("log_failure", input).await;
    w.ok(
        "correct_failure",
        json!({"failure_no": "QF-AMS1-000038", "reason": "typo", "changes": {"description": "Cracked housing"}}),
    )
    .await;

    let report = lotline_store::check(&w.ctx.store).await.expect("check runs");
    assert_eq!(report.integrity, "ok");
    assert!(report.mismatched.is_empty(), "differs: {:?}", report.mismatched);

    let before = w.ok("list_failures", json!({"offset": 0, "limit": 1000})).await;
    let counts = lotline_store::rebuild(&w.ctx.store).await.expect("rebuild");
    assert!(counts.events > 100);
    let after = w.ok("list_failures", json!({"offset": 0, "limit": 1000})).await;
    assert_eq!(before, after);
    assert_eq!(after["total"], 38);
    let found = w.ok("list_failures", json!({"text": "Cracked", "offset": 0, "limit": 10})).await;
    assert_eq!(found["total"], 1, "the search index is rebuilt too");
}

#[tokio::test]
async fn a_database_from_a_newer_lotline_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    sqlx::query("INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, execution_time) VALUES (99990101000000, 'future', CURRENT_TIMESTAMP, 1, x'00', 0)")
        .execute(store.pool())
        .await
        .unwrap();
    store.close().await;
    let err = Store::open(dir.path()).await.unwrap_err();
    let text = err.to_string();
    assert!(text.contains("newer Lotline"), "{text}");
}

#[tokio::test]
async fn the_database_runs_in_wal_with_full_sync() {
    let w = world().await;
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(w.ctx.store.pool()).await.unwrap();
    let sync: i64 = sqlx::query_scalar("PRAGMA synchronous").fetch_one(w.ctx.store.pool()).await.unwrap();
    let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys").fetch_one(w.ctx.store.pool()).await.unwrap();
    assert_eq!((mode.as_str(), sync, fk), ("wal", 2, 1));
}

#[tokio::test]
async fn setup_runs_once_and_validates_every_field() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = lotline_app::open(dir.path()).await.unwrap();
    let status = lotline_app::call(&ctx, "setup_status", json!({})).await.unwrap();
    assert_eq!(status["needs_setup"], true);
    let err = lotline_app::call(
        &ctx,
        "complete_setup",
        json!({"company_name": "", "site_code": "a-b", "currency": "EUO", "language": "nl", "admin_username": "x y",
               "admin_display_name": "X", "admin_password": "short", "load_demo": false}),
    )
    .await
    .unwrap_err();
    let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["company_name", "site_code", "currency", "admin_username", "admin_password"]);
    let events: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM events").fetch_one(ctx.store.pool()).await.unwrap();
    assert_eq!(events, 0);
}

#[tokio::test]
async fn attachments_are_checked_by_content_and_stored_by_hash() {
    use base64::Engine;
    let w = world().await;
    // A 1x1 PNG.
    let png = base64::engine::general_purpose::STANDARD
        .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
        .unwrap();
    let data = base64::engine::general_purpose::STANDARD.encode(&png);
    let view = w
        .ok(
            "upload_attachment",
            json!({"file_name": "../../evil/photo.png", "content_type": "text/plain", "data_base64": data}),
        )
        .await;
    assert_eq!(view["content_type"], "image/png");
    assert_eq!(view["file_name"], "photo.png");
    let id = view["id"].as_str().unwrap().to_owned();
    assert_eq!(id.len(), 64);
    let again = w.ok("get_attachment", json!({"id": id})).await;
    assert_eq!(again["data_base64"], data);
    let exe = base64::engine::general_purpose::STANDARD.encode(b"MZ\x90\x00\x03\x00\x00\x00");
    let err = w
        .err("upload_attachment", json!({"file_name": "x.png", "content_type": "image/png", "data_base64": exe}))
        .await;
    assert_eq!(err.fields[0].message_key, "error.attachment.type_not_allowed");
    let err = w.err("get_attachment", json!({"id": "../lotline.db"})).await;
    assert_eq!(err.code, lotline_app::ErrorCode::NotFound);
}

#[tokio::test]
async fn the_demo_has_reshipments_in_every_state_taken_by_the_right_people() {
    let w = world().await;
    lotline_app::demo::load(&w.ctx).await.expect("demo loads");
    let listed = w.ok("list_reshipments", json!({"offset": 0, "limit": 100})).await;
    let rows = listed["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 7, "one reshipment per story");
    let mut statuses: Vec<&str> = rows.iter().map(|r| r["status"].as_str().unwrap()).collect();
    statuses.sort_unstable();
    statuses.dedup();
    assert_eq!(statuses, ["authorized", "delivered", "rejected", "requested", "shipped"]);
    let waiting = rows.iter().find(|r| r["status"] == "requested").unwrap();
    assert_eq!(waiting["queue"], "finance", "above logistics' limit, finance approves");
    let detail = w.ok("get_reshipment", json!({"reshipment_no": waiting["reshipment_no"]})).await;
    assert_eq!(detail["requested_by_name"], "Jan de Vries");
    let claims: Vec<_> = rows.iter().filter(|r| !r["chargeback_status"].is_null()).collect();
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0]["chargeback_status"], "accepted");

    let rmas = w.ok("list_rmas", json!({"offset": 0, "limit": 100})).await;
    let mut statuses: Vec<&str> =
        rmas["rows"].as_array().unwrap().iter().map(|r| r["status"].as_str().unwrap()).collect();
    statuses.sort_unstable();
    assert_eq!(
        statuses,
        [
            "approved",
            "escalated",
            "in_transit",
            "inspected",
            "label_printed",
            "received",
            "rejected",
            "rejected",
            "settled",
            "settled",
            "suspended"
        ],
        "one RMA per step, refused by the rules and rejected by the analyst"
    );
    let settled = w.ok("get_rma", json!({"rma_no": "RMA-AMS1-000006"})).await;
    let actors: Vec<&str> =
        settled["history"].as_array().unwrap().iter().map(|h| h["actor_name"].as_str().unwrap()).collect();
    // Tom opened and inspected it; Sanne asked for the refund and paid it: separate duties.
    assert_eq!(
        actors,
        ["Tom Jansen", "Jan de Vries", "Jan de Vries", "Jan de Vries", "Tom Jansen", "Sanne Bakker", "Sanne Bakker"]
    );
    assert_eq!(
        (settled["opened_by_name"].as_str(), settled["paid_by_name"].as_str()),
        (Some("Tom Jansen"), Some("Sanne Bakker"))
    );
    // The inspected one waits for finance: Tom asked for its refund but may not pay it out.
    let waiting = w.ok("get_rma", json!({"rma_no": "RMA-AMS1-000005"})).await;
    assert_eq!(
        (waiting["status"].as_str(), waiting["payout"]["requested_by_name"].as_str()),
        (Some("inspected"), Some("Tom Jansen"))
    );

    let before = w.ok("list_reshipments", json!({"offset": 0, "limit": 100})).await;
    let rmas_before = w.ok("list_rmas", json!({"offset": 0, "limit": 100})).await;
    lotline_store::rebuild(&w.ctx.store).await.expect("rebuild");
    assert_eq!(w.ok("list_reshipments", json!({"offset": 0, "limit": 100})).await, before);
    assert_eq!(w.ok("list_rmas", json!({"offset": 0, "limit": 100})).await, rmas_before);
    let report = lotline_store::check(&w.ctx.store).await.expect("check runs");
    assert!(report.mismatched.is_empty(), "differs: {:?}", report.mismatched);
}

#[tokio::test]
async fn the_demo_goes_only_into_a_new_database_outside_any_team() {
    let w = world().await;
    w.master_data().await;
    let before = w.events().await;
    let err = lotline_app::demo::load(&w.ctx).await.expect_err("a database with data is refused");
    assert_eq!(err.message_key, "error.demo.not_empty");
    assert_eq!(w.events().await, before, "nothing written");

    let team_desk = world().await;
    let enrolment = lotline_store::Enrolment {
        server: "http://127.0.0.1:9".into(),
        team_id: "team-1".into(),
        desk_code: "AMS1A".into(),
        token: "t".into(),
    };
    lotline_store::record_enrolment(&team_desk.ctx.store, &enrolment).await.unwrap();
    let before = team_desk.events().await;
    let err = lotline_app::demo::load(&team_desk.ctx).await.expect_err("a desk of a team is refused");
    assert_eq!(err.message_key, "error.demo.enrolled");
    assert_eq!(team_desk.events().await, before);
}

#[tokio::test]
async fn a_database_from_a_newer_version_is_refused_in_words_not_behind_a_log_reference() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES (99999, 'from the future', 1, x'00', 0)",
    )
    .execute(store.pool())
    .await
    .unwrap();
    store.close().await;
    let err = lotline_app::open(dir.path()).await.err().expect("refused");
    assert_eq!((err.code, err.message_key.as_str()), (lotline_app::ErrorCode::Conflict, "error.store.newer_schema"));
    assert_eq!(err.params["found"], "99999");
    // The desktop hands internal errors over as a reference; this one passes as it is.
    assert_eq!(lotline_app::withhold_internal(dir.path(), "open", err.clone()), err);
}
