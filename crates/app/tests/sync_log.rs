//! The desk's side of team sync on real SQLite databases: pending acts out, pulled pages in, in
//! the canonical order, with a stand-in for the server that accepts every act in arrival order.
//! (The stand-in is in `common/hub.rs`; the real server is exercised by its own tests.)

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::hub::{Hub, assert_same_rows, new_desk, push, sync, team_sign_in};
use common::{failure, unpack_fixture, world};
use lotline_app::{Ctx, Store};
use lotline_store::EnvelopedEvent;
use serde_json::json;

#[tokio::test]
async fn two_desks_working_offline_converge_and_keep_their_chains() {
    let a = world().await;
    a.master_data().await;
    a.ok("log_failure", failure("BOX-5L")).await;
    let hub = Hub::default();
    let (b, _dir) = new_desk("desk-test-2").await;

    assert!(sync(&hub, &a.ctx).await.pulled == 0, "nothing of another desk yet");
    sync(&hub, &b).await;
    assert_same_rows(&a.ctx.store, &b.store).await;
    // The hash reached neither the hub nor B: the admin's credential is a stub there.
    assert!(hub.log.borrow().iter().all(|p| !p.event.payload.as_deref().unwrap_or_default().contains("argon2")));
    assert!(
        hub.log
            .borrow()
            .iter()
            .any(|p| p.event.kind == "user_password_set" && p.event.local_only && p.event.payload.is_none())
    );
    team_sign_in(&b, &a.ctx.store, "admin").await;

    // Offline, each desk does its own work; the same vendor is saved on both (last in the
    // server's order wins everywhere).
    let vendor = |name: &str| json!({"code": "NLPK", "name": name, "country": "NL", "contact_name": null, "email": null, "phone": null, "language": "nl"});
    a.ok("save_vendor", vendor("Verpakking Noord (A)")).await;
    a.ok("save_product", json!({"sku": "TAPE-50", "gtin": null, "name": "Tape 50 mm", "category": "Opslag", "unit_cost_minor": 120,
        "currency": "EUR", "returnable": true, "lot_tracked": false, "serial_tracked": false, "has_expiry": false, "vendor_code": "NLPK"})).await;
    lotline_app::call(&b, "save_vendor", vendor("Verpakking Noord (B)")).await.unwrap();
    lotline_app::call(&b, "set_safety_stock", json!({"sku": "BOX-5L", "min_qty": 40})).await.unwrap();

    // B pushes first, so A's later push lands after it: A must replay to put B's events first.
    push(&hub, &b).await;
    sync(&hub, &a.ctx).await;
    sync(&hub, &b).await;
    assert_same_rows(&a.ctx.store, &b.store).await;
    let name: String =
        sqlx::query_scalar("SELECT name FROM vendors WHERE code = 'NLPK'").fetch_one(b.store.pool()).await.unwrap();
    assert_eq!(name, "Verpakking Noord (A)", "A's save came last in the server's order");

    // A rebuild on either desk yields the same rows, and both chains verify there.
    for store in [&a.ctx.store, &b.store] {
        let report = lotline_store::check(store).await.unwrap();
        assert!(report.ok(), "{report:?}");
        assert_eq!(report.chain.desks, 2);
    }
    // Nothing is pending and the clocks merged: B's next act orders after everything it pulled.
    let mut conn = b.store.pool().acquire().await.unwrap();
    assert_eq!(lotline_store::count_pending(&mut conn, "desk-test-2").await.unwrap(), 0);
    let newest_pulled: String = sqlx::query_scalar("SELECT MAX(hlc) FROM events WHERE desk_id <> 'desk-test-2'")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    drop(conn);
    lotline_app::call(&b, "set_safety_stock", json!({"sku": "BOX-5L", "min_qty": 50})).await.unwrap();
    let mine: String =
        sqlx::query_scalar("SELECT hlc FROM events WHERE desk_id = 'desk-test-2' ORDER BY desk_seq DESC LIMIT 1")
            .fetch_one(b.store.pool())
            .await
            .unwrap();
    assert!(mine > newest_pulled, "{mine} after {newest_pulled}");
}

#[tokio::test]
async fn a_page_applied_twice_changes_nothing_and_acts_are_never_split() {
    let a = world().await;
    a.master_data().await;
    let hub = Hub::default();
    // A page of 2 would split the setup act: it is sent whole.
    let mut conn = a.ctx.store.pool().acquire().await.unwrap();
    let first = lotline_store::pending_events(&mut conn, "desk-test-1", 2).await.unwrap();
    drop(conn);
    assert!(first.len() > 2 && first.iter().all(|e| e.act_id == first[0].act_id), "{}", first.len());
    push(&hub, &a.ctx).await;
    let (b, _dir) = new_desk("desk-test-2").await;
    let page = hub.page(0, 1000);
    lotline_store::apply_pulled(&b.store, &page).await.unwrap();
    let again = lotline_store::apply_pulled(&b.store, &page).await.unwrap();
    assert_eq!((again.inserted, again.confirmed), (0, 0));
    let events: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM events").fetch_one(b.store.pool()).await.unwrap();
    assert_eq!(events, hub.log.borrow().len() as i64);
    assert_same_rows(&a.ctx.store, &b.store).await;
}

#[tokio::test]
async fn a_refused_act_leaves_the_projections_and_stays_in_the_log() {
    let a = world().await;
    a.master_data().await;
    a.ok("set_safety_stock", json!({"sku": "BOX-5L", "min_qty": 40})).await;
    let act: String = sqlx::query_scalar("SELECT act_id FROM events ORDER BY seq DESC LIMIT 1")
        .fetch_one(a.ctx.store.pool())
        .await
        .unwrap();
    let marked = lotline_store::mark_refused(&a.ctx.store, std::slice::from_ref(&act)).await.unwrap();
    assert_eq!(marked, 1);
    let watched: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM safety_stock").fetch_one(a.ctx.store.pool()).await.unwrap();
    assert_eq!(watched, 0, "the refused act is no longer projected");
    let report = lotline_store::check(&a.ctx.store).await.unwrap();
    assert!(report.ok(), "{report:?}");
    let mut conn = a.ctx.store.pool().acquire().await.unwrap();
    let pending = lotline_store::pending_events(&mut conn, "desk-test-1", 100).await.unwrap();
    assert!(pending.iter().all(|e| e.act_id != act), "a refused act is not pushed again");
}

fn enrolment(desk_code: &str) -> lotline_store::Enrolment {
    lotline_store::Enrolment {
        server: "http://127.0.0.1:9".into(),
        team_id: "team-1".into(),
        desk_code: desk_code.into(),
        token: "t".into(),
    }
}

#[tokio::test]
async fn enrolled_desks_of_one_site_issue_distinct_numbers_that_merge() {
    let a = world().await;
    a.master_data().await;
    let before = a.ok("log_failure", failure("BOX-5L")).await;
    assert_eq!(before["failure_no"], "QF-AMS1-000001", "a desk that never enrolled keeps today's numbers");
    lotline_store::record_enrolment(&a.ctx.store, &enrolment("AMS1A")).await.unwrap();
    let hub = Hub::default();
    sync(&hub, &a.ctx).await;
    let (b, _dir) = new_desk("desk-test-2").await;
    lotline_store::record_enrolment(&b.store, &enrolment("AMS1B")).await.unwrap();
    sync(&hub, &b).await;
    team_sign_in(&b, &a.ctx.store, "admin").await;

    // Offline, both log failures at once. A goes on counting where its site numbers stopped.
    let on_a = [a.ok("log_failure", failure("BOX-5L")).await, a.ok("log_failure", failure("BOX-5L")).await];
    let on_b = lotline_app::call(&b, "log_failure", failure("BOX-5L")).await.unwrap();
    assert_eq!(on_a.map(|f| f["failure_no"].as_str().unwrap().to_owned()), ["QF-AMS1A-000002", "QF-AMS1A-000003"]);
    assert_eq!(on_b["failure_no"], "QF-AMS1B-000001");

    sync(&hub, &b).await;
    sync(&hub, &a.ctx).await;
    sync(&hub, &b).await;
    assert_same_rows(&a.ctx.store, &b.store).await;
    let numbers: Vec<String> = sqlx::query_scalar("SELECT failure_no FROM failures ORDER BY failure_no")
        .fetch_all(b.store.pool())
        .await
        .unwrap();
    assert_eq!(numbers, ["QF-AMS1-000001", "QF-AMS1A-000002", "QF-AMS1A-000003", "QF-AMS1B-000001"]);
    // B's count of its own prefix went on from what it issued, not from A's.
    let next = lotline_app::call(&b, "log_failure", failure("BOX-5L")).await.unwrap();
    assert_eq!(next["failure_no"], "QF-AMS1B-000002");
}

#[tokio::test]
async fn a_0_1_0_desk_sends_its_users_without_their_password_hashes() {
    let dir = tempfile::tempdir().unwrap();
    let old = lotline_app::open(&unpack_fixture(dir.path())).await.unwrap();
    let hub = Hub::default();
    let report = push(&hub, &old).await;
    assert!(report.rejected.is_empty(), "its settlements from before payout duties stand: {:?}", report.rejected);
    assert_eq!(report.pushed, 279);
    let users: Vec<EnvelopedEvent> =
        hub.log.borrow().iter().map(|p| p.event.clone()).filter(|e| e.kind == "user_created").collect();
    assert_eq!(users.len(), 8);
    for user in &users {
        let payload = user.payload.as_deref().unwrap();
        assert!(user.redacted && !payload.contains("password_hash") && payload.contains("username"), "{payload}");
    }
    let (b, _dir) = new_desk("desk-test-2").await;
    sync(&hub, &b).await;
    assert_same_rows(&old.store, &b.store).await;
    let credentials: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM credentials").fetch_one(b.store.pool()).await.unwrap();
    assert_eq!(credentials, 0);
    let report = lotline_store::check(&b.store).await.unwrap();
    assert!(report.ok(), "the old desk's chain verifies through the redacted payloads' hashes: {report:?}");
}

#[tokio::test]
async fn a_settlement_made_offline_after_another_desk_cancelled_is_refused_with_its_reason() {
    let a = common::returns::setting().await;
    let rma =
        a.ok("open_rma", common::returns::open(common::returns::boxes(2), "no_longer_needed", "2026-10-20")).await;
    let no = rma["rma_no"].as_str().unwrap().to_owned();
    assert_eq!(rma["status"], "approved");
    let hub = Hub::default();
    sync(&hub, &a.ctx).await;
    let (b, _dir) = new_desk("desk-test-2").await;
    sync(&hub, &b).await;
    team_sign_in(&b, &a.ctx.store, "admin").await;

    // Offline: A cancels; B has the parcel back, inspects it and refunds.
    a.ok("cancel_rma", json!({"rma_no": no, "reason": "The customer kept the boxes"})).await;
    let call = |act: &'static str, input: serde_json::Value| {
        let b = b.clone();
        async move { lotline_app::call(&b, act, input).await.unwrap_or_else(|e| panic!("{act}: {e}")) }
    };
    let intake = json!({"packaging_intact": true, "accessories_complete": true, "serials_match": true, "grade": "A", "photo_ids": [], "note": ""});
    call("receive_rma", json!({"rma_no": no, "qty_received": [2], "intake": intake})).await;
    call("inspect_rma", json!({"rma_no": no, "dispositions": [{"line_index": 0, "disposition": "restock", "qty": 2, "recovered_minor": 1000, "location": "main"}]})).await;
    // Finance pays out: the administrator who opened the return may not (separation of duties).
    team_sign_in(&b, &a.ctx.store, "fien").await;
    let settled = call(
        "settle_rma",
        json!({"rma_no": no, "settlement": {"kind": "refund", "amount_minor": 1000, "restocking_fee_minor": 0}}),
    )
    .await;
    assert_eq!(settled["status"], "settled", "on B alone it settles");

    sync(&hub, &a.ctx).await;
    let report = sync(&hub, &b).await;
    assert_eq!(report.rejected.len(), 1, "only the settlement: the goods coming back are facts");
    let refused = &report.rejected[0];
    assert_eq!(refused.number.as_deref(), Some(no.as_str()));
    assert_eq!(refused.reason_key, "error.rma.not_inspected");
    sync(&hub, &a.ctx).await;
    assert_same_rows(&a.ctx.store, &b.store).await;
    for store in [&a.ctx.store, &b.store] {
        let (status, settled): (String, Option<String>) =
            sqlx::query_as("SELECT status, settlement_kind FROM rmas WHERE rma_no = ?")
                .bind(&no)
                .fetch_one(store.pool())
                .await
                .unwrap();
        assert_eq!((status.as_str(), settled), ("cancelled", None), "the cancellation stands on every desk");
        let report = lotline_store::check(store).await.unwrap();
        assert!(report.ok(), "{report:?}");
    }
}

/// Desk A with a received lot L-1 of 10 chargers, synced to a new desk B where the admin
/// signed in; customers C-1 and C-2.
async fn two_desks_with_a_lot() -> (common::World, Ctx, tempfile::TempDir, Hub) {
    let a = world().await;
    a.master_data().await;
    for code in ["C-1", "C-2"] {
        a.ok(
            "save_customer",
            json!({"code": code, "name": code, "email": null, "phone": null, "address": null, "country": "NL"}),
        )
        .await;
    }
    a.ok("receive_lot", json!({"lot_code": "L-1", "sku": "CHG-15W", "vendor_code": "SZHQ", "qty": 10, "unit": "pcs", "location": "main"}))
        .await;
    let hub = Hub::default();
    sync(&hub, &a.ctx).await;
    let (b, dir) = new_desk("desk-test-2").await;
    sync(&hub, &b).await;
    team_sign_in(&b, &a.ctx.store, "admin").await;
    (a, b, dir, hub)
}

fn ship(customer: &str, qty: i64) -> serde_json::Value {
    json!({"lot_code": "L-1", "order_no": format!("SO-{customer}"), "customer_code": customer, "qty": qty, "shipped_at": "2026-11-02T09:00:00Z"})
}

async fn conflicts(store: &Store) -> Vec<lotline_store::MergeConflict> {
    let mut conn = store.pool().acquire().await.unwrap();
    lotline_store::merge_conflicts(&mut conn).await.unwrap()
}

async fn lot_row(store: &Store) -> (String, i64) {
    sqlx::query_as("SELECT status, on_hand FROM lots WHERE lot_code = 'L-1'").fetch_one(store.pool()).await.unwrap()
}

/// Both desks hold the same rows, both logs verify, and both list the same conflicts.
async fn converged(a: &Ctx, b: &Ctx) -> Vec<lotline_store::MergeConflict> {
    assert_same_rows(&a.store, &b.store).await;
    for store in [&a.store, &b.store] {
        let report = lotline_store::check(store).await.unwrap();
        assert!(report.ok(), "{report:?}");
    }
    let (on_a, on_b) = (conflicts(&a.store).await, conflicts(&b.store).await);
    assert_eq!(on_a, on_b);
    on_a
}

async fn shipment_ids(store: &Store) -> Vec<String> {
    sqlx::query_scalar("SELECT id FROM events WHERE kind = 'lots_shipped' ORDER BY server_seq")
        .fetch_all(store.pool())
        .await
        .unwrap()
}

#[tokio::test]
async fn two_desks_ship_the_last_ten_units_both_stand_and_one_conflict_names_both() {
    let (a, b, _dir, hub) = two_desks_with_a_lot().await;
    a.ok("ship_lot", ship("C-1", 10)).await;
    lotline_app::call(&b, "ship_lot", ship("C-2", 10)).await.unwrap();
    sync(&hub, &a.ctx).await;
    let report = sync(&hub, &b).await;
    assert!(report.rejected.is_empty(), "physical facts are accepted: {:?}", report.rejected);
    sync(&hub, &a.ctx).await;
    let found = converged(&a.ctx, &b).await;
    assert_eq!(lot_row(&b.store).await.1, -10, "stock moves as deltas: both shipments count");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].kind.as_str(), found[0].subject.as_str()), ("stock_below_zero", "L-1"));
    assert_eq!(found[0].event_ids, shipment_ids(&b.store).await);
}

#[tokio::test]
async fn a_hold_and_a_shipment_made_apart_conflict_in_either_order() {
    for hold_first in [true, false] {
        let (a, b, _dir, hub) = two_desks_with_a_lot().await;
        a.ok("hold_lot", json!({"lot_code": "L-1", "reason": "Customer reports loose screws"})).await;
        lotline_app::call(&b, "ship_lot", ship("C-2", 4)).await.unwrap();
        let (first, second) = if hold_first { (&a.ctx, &b) } else { (&b, &a.ctx) };
        sync(&hub, first).await;
        let report = sync(&hub, second).await;
        assert!(report.rejected.is_empty(), "{:?}", report.rejected);
        sync(&hub, first).await;
        let found = converged(&a.ctx, &b).await;
        assert_eq!(found.len(), 1, "hold first: {hold_first}: {found:?}");
        assert_eq!((found[0].kind.as_str(), found[0].event_ids.len()), ("shipped_while_held", 2));
        let (status, on_hand) = lot_row(&a.ctx.store).await;
        assert_eq!((status.as_str(), on_hand), ("on_hold", 6), "the rest stays held on every desk");
    }
}

#[tokio::test]
async fn a_hold_placed_knowing_of_a_shipment_is_no_conflict() {
    let (a, b, _dir, hub) = two_desks_with_a_lot().await;
    lotline_app::call(&b, "ship_lot", ship("C-2", 4)).await.unwrap();
    sync(&hub, &b).await;
    sync(&hub, &a.ctx).await;
    a.ok("hold_lot", json!({"lot_code": "L-1", "reason": "Customer reports loose screws"})).await;
    sync(&hub, &a.ctx).await;
    sync(&hub, &b).await;
    assert!(converged(&a.ctx, &b).await.is_empty());
}

#[tokio::test]
async fn the_same_serial_recorded_on_two_desks_is_kept_once_with_a_conflict() {
    let (a, b, _dir, hub) = two_desks_with_a_lot().await;
    a.ok("record_serials", json!({"lot_code": "L-1", "serials": ["SN-0001", "SN-0002"]})).await;
    lotline_app::call(&b, "record_serials", json!({"lot_code": "L-1", "serials": ["SN-0002", "SN-0003"]}))
        .await
        .unwrap();
    sync(&hub, &a.ctx).await;
    assert!(sync(&hub, &b).await.rejected.is_empty());
    sync(&hub, &a.ctx).await;
    let found = converged(&a.ctx, &b).await;
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].kind.as_str(), found[0].subject.as_str()), ("serial_recorded_twice", "CHG-15W/SN-0002"));
    let serials: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM lot_serials").fetch_one(b.store.pool()).await.unwrap();
    assert_eq!(serials, 3);
}

/// Desk A with an order, a failure and a 600.00 reshipment request (two approvals, one from
/// finance), synced to desk B; finance users fien and frank can sign in on either desk.
async fn two_desks_with_a_costly_request() -> (common::World, Ctx, tempfile::TempDir, Hub, String) {
    let a = world().await;
    a.master_data().await;
    a.ok("save_customer", json!({"code": "C-1", "name": "Bakker BV", "email": null, "phone": null, "address": "Damrak 1", "country": "NL"}))
        .await;
    a.ok(
        "save_order",
        json!({"order_no": "SO-1", "customer_code": "C-1", "ordered_at": "2026-10-01T10:00:00Z", "currency": "EUR",
        "lines": [{"line_no": 1, "sku": "BOX-5L", "qty": 4, "unit_price_minor": 500}]}),
    )
    .await;
    let failure_no = a.ok("log_failure", failure("BOX-5L")).await["failure_no"].as_str().unwrap().to_owned();
    a.add_user("fien", &["finance"]).await;
    a.add_user("frank", &["finance"]).await;
    a.add_user("fay", &["finance"]).await;
    let r = a
        .ok("request_reshipment", json!({"failure_nos": [failure_no], "order_no": "SO-1", "items": [{"line_no": 1, "qty": 2}],
            "carrier": "dpd", "service": "Classic",
            "cost": {"shipping_minor": 20_000, "shipping_currency": "EUR", "goods_minor": 40_000, "goods_currency": "EUR"},
            "payer": "us", "reason": "Lids cracked"}))
        .await;
    assert_eq!((r["status"].as_str(), r["requirement"]["approvals"].as_i64()), (Some("requested"), Some(2)));
    let hub = Hub::default();
    sync(&hub, &a.ctx).await;
    let (b, dir) = new_desk("desk-test-2").await;
    sync(&hub, &b).await;
    (a, b, dir, hub, r["reshipment_no"].as_str().unwrap().to_owned())
}

/// Signs `who` in on `desk` with the credential their home desk `home` holds.
async fn sign_in_as(desk: &Ctx, home: &Store, who: &str, password: &str) {
    lotline_app::call(desk, "sign_out", json!({})).await.unwrap();
    let hash: Option<String> = sqlx::query_scalar(
        "SELECT c.password_hash FROM credentials c JOIN users u ON u.user_id = c.user_id WHERE u.username = ?",
    )
    .bind(who)
    .fetch_optional(desk.store.pool())
    .await
    .unwrap();
    if hash.is_none() {
        let (user_id, hash): (String, String) = sqlx::query_as(
            "SELECT u.user_id, c.password_hash FROM users u JOIN credentials c ON c.user_id = u.user_id WHERE u.username = ?",
        )
        .bind(who)
        .fetch_one(home.pool())
        .await
        .unwrap();
        let mut tx = desk.store.begin_write().await.unwrap();
        let meta =
            lotline_store::EventMeta::new(Some(user_id.clone()), desk.device_id.clone(), "2026-11-02T10:00:00.000Z");
        let credential = lotline_domain::Event::UserPasswordSet { user_id, password_hash: hash };
        lotline_store::append(&mut tx, &meta, vec![credential]).await.unwrap();
        tx.commit().await.unwrap();
    }
    lotline_app::call(desk, "sign_in", json!({"username": who, "password": password})).await.unwrap();
}

async fn reshipment_status(store: &Store, no: &str) -> (String, Option<String>) {
    sqlx::query_as("SELECT status, authorized_at FROM reshipments WHERE reshipment_no = ?")
        .bind(no)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

#[tokio::test]
async fn two_approvals_each_too_few_alone_authorize_once_the_logs_merge() {
    let (a, b, _dir, hub, no) = two_desks_with_a_costly_request().await;
    sign_in_as(&a.ctx, &a.ctx.store, "fien", "password-123").await;
    let on_a = a.ok("approve_reshipment", json!({"reshipment_no": no})).await;
    sign_in_as(&b, &a.ctx.store, "frank", "password-123").await;
    let on_b = lotline_app::call(&b, "approve_reshipment", json!({"reshipment_no": no})).await.unwrap();
    assert_eq!((on_a["status"].as_str(), on_b["status"].as_str()), (Some("requested"), Some("requested")));

    sync(&hub, &a.ctx).await;
    assert!(sync(&hub, &b).await.rejected.is_empty());
    sync(&hub, &a.ctx).await;
    converged(&a.ctx, &b).await;
    for store in [&a.ctx.store, &b.store] {
        let (status, at) = reshipment_status(store, &no).await;
        assert_eq!(status, "authorized", "the merged set of approvals authorizes");
        assert!(at.is_some());
    }
    let seen_by_b = lotline_app::call(&b, "get_reshipment", json!({"reshipment_no": no})).await.unwrap();
    assert_eq!(seen_by_b["status"], "authorized");
    let authorized_events: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM events WHERE kind = 'reshipment_authorized'")
        .fetch_one(b.store.pool())
        .await
        .unwrap();
    assert_eq!(authorized_events, 0, "derived from the set, not written by either desk");
    // Either desk may now ship it: the act sees the authorization the set makes.
    sign_in_as(&b, &a.ctx.store, "admin", common::ADMIN_PASSWORD).await;
    let shipped = lotline_app::call(
        &b,
        "ship_reshipment",
        json!({"reshipment_no": no, "carrier": "dpd", "tracking_no": "01234567890123"}),
    )
    .await
    .unwrap();
    assert_eq!(shipped["status"], "shipped");
}

#[tokio::test]
async fn two_desks_that_each_complete_the_approvals_authorize_it_once() {
    let (a, b, _dir, hub, no) = two_desks_with_a_costly_request().await;
    // fien approves and both desks see it; then frank on A and fay on B, offline, each give the
    // second approval, and each desk authorizes it.
    sign_in_as(&a.ctx, &a.ctx.store, "fien", "password-123").await;
    a.ok("approve_reshipment", json!({"reshipment_no": no})).await;
    sync(&hub, &a.ctx).await;
    sync(&hub, &b).await;
    sign_in_as(&a.ctx, &a.ctx.store, "frank", "password-123").await;
    assert_eq!(a.ok("approve_reshipment", json!({"reshipment_no": no})).await["status"], "authorized");
    sign_in_as(&b, &a.ctx.store, "fay", "password-123").await;
    let on_b = lotline_app::call(&b, "approve_reshipment", json!({"reshipment_no": no})).await.unwrap();
    assert_eq!(on_b["status"], "authorized");

    sync(&hub, &a.ctx).await;
    assert!(sync(&hub, &b).await.rejected.is_empty(), "an approval of an authorized request is no conflict");
    sync(&hub, &a.ctx).await;
    converged(&a.ctx, &b).await;
    let first: String = sqlx::query_scalar(
        "SELECT occurred_at FROM events WHERE kind = 'reshipment_authorized' ORDER BY server_seq LIMIT 1",
    )
    .fetch_one(b.store.pool())
    .await
    .unwrap();
    for store in [&a.ctx.store, &b.store] {
        assert_eq!(
            reshipment_status(store, &no).await,
            ("authorized".to_owned(), Some(first.clone())),
            "authorized once"
        );
    }
}

#[tokio::test]
async fn a_recall_made_apart_widens_to_what_the_other_desk_made_and_shipped() {
    // Either order in the server: the recall before B's link and shipment, or after them.
    for recall_first in [true, false] {
        recall_made_apart(recall_first).await;
    }
}

async fn recall_made_apart(recall_first: bool) {
    let (a, b, _dir, hub) = two_desks_with_a_lot().await;
    // Offline on B: two chargers go into kit K-1, and two leave for customer C-2.
    let kit = json!({"lot_code": "K-1", "sku": "CHG-15W", "vendor_code": "SZHQ", "qty": 5, "unit": "pcs", "location": "main"});
    lotline_app::call(&b, "receive_lot", kit).await.unwrap();
    let link = json!({"links": [{"from_lot": "L-1", "to_lot": "K-1", "qty": 2, "kind": "merge"}]});
    lotline_app::call(&b, "link_lots", link).await.unwrap();
    lotline_app::call(&b, "ship_lot", ship("C-2", 2)).await.unwrap();
    // Offline on A: L-1 is recalled; A saw neither.
    let recall = a.ok("start_recall", json!({"lot_codes": ["L-1"], "reason": "Charger overheats"})).await;
    let recall_no = recall["recall_no"].as_str().unwrap().to_owned();
    assert_eq!(recall["lots_in_scope"], 1, "A's scope is the lot alone");

    let (first, second) = if recall_first { (&a.ctx, &b) } else { (&b, &a.ctx) };
    sync(&hub, first).await;
    sync(&hub, second).await;
    sync(&hub, first).await;
    let found = converged(&a.ctx, &b).await;
    let grew: Vec<_> = found.iter().filter(|c| c.kind == "recall_scope_grew").collect();
    assert_eq!(grew.len(), 1, "recall first: {recall_first}: {found:?}");
    assert_eq!(grew[0].subject, recall_no);
    for desk in [&a.ctx, &b] {
        let kit: (String,) = sqlx::query_as("SELECT status FROM lots WHERE lot_code = 'K-1'")
            .fetch_one(desk.store.pool())
            .await
            .unwrap();
        assert_eq!(kit.0, "recalled", "the kit made from the recalled lot is held under the recall");
        let (in_scope, held): (i64, i64) =
            sqlx::query_as("SELECT lots_in_scope, held FROM recalls WHERE recall_no = ?")
                .bind(&recall_no)
                .fetch_one(desk.store.pool())
                .await
                .unwrap();
        assert_eq!((in_scope, held), (2, 2));
        let customers: Vec<String> =
            sqlx::query_scalar("SELECT customer_code FROM recall_customers WHERE recall_no = ? ORDER BY customer_code")
                .bind(&recall_no)
                .fetch_all(desk.store.pool())
                .await
                .unwrap();
        assert_eq!(customers, ["C-2"], "the customer B shipped to is on the recall");
    }
}

/// Desk A with the returns world (SO-1: 4 boxes on line 1), enrolled as AMS1A, synced to a new
/// desk B enrolled as AMS1B where the admin signed in.
async fn two_enrolled_desks_with_orders() -> (common::World, Ctx, tempfile::TempDir, Hub) {
    let a = common::returns::setting().await;
    lotline_store::record_enrolment(&a.ctx.store, &enrolment("AMS1A")).await.unwrap();
    let hub = Hub::default();
    sync(&hub, &a.ctx).await;
    let (b, dir) = new_desk("desk-test-2").await;
    lotline_store::record_enrolment(&b.store, &enrolment("AMS1B")).await.unwrap();
    sync(&hub, &b).await;
    team_sign_in(&b, &a.ctx.store, "admin").await;
    (a, b, dir, hub)
}

#[tokio::test]
async fn two_desks_returning_the_last_units_of_an_order_line_the_later_is_refused_with_who_took_them() {
    let (a, b, _dir, hub) = two_enrolled_desks_with_orders().await;
    let open = |qty: i64| common::returns::open(common::returns::boxes(qty), "no_longer_needed", "2026-10-20");
    // Offline, each desk opens a return for 3 of the 4 boxes: each alone is within the order.
    let on_a = a.ok("open_rma", open(3)).await;
    let on_b = lotline_app::call(&b, "open_rma", open(3)).await.unwrap();
    let (no_a, no_b) = (on_a["rma_no"].as_str().unwrap(), on_b["rma_no"].as_str().unwrap());
    assert_eq!((no_a, no_b), ("RMA-AMS1A-000001", "RMA-AMS1B-000001"));

    assert!(sync(&hub, &a.ctx).await.rejected.is_empty());
    let report = sync(&hub, &b).await;
    assert_eq!(report.rejected.len(), 1, "{:?}", report.rejected);
    let refused = &report.rejected[0];
    assert_eq!((refused.number.as_deref(), refused.reason_key.as_str()), (Some(no_b), "error.sync.returnable_taken"));
    for (param, value) in [("left", "1"), ("ordered", "4"), ("line", "1"), ("order_no", "SO-1"), ("taken_by", no_a)] {
        assert!(refused.message.contains(&format!("\"{param}\": \"{value}\"")), "{param} in {}", refused.message);
    }
    sync(&hub, &a.ctx).await;
    converged(&a.ctx, &b).await;
    let rmas: Vec<String> =
        sqlx::query_scalar("SELECT rma_no FROM rmas ORDER BY rma_no").fetch_all(b.store.pool()).await.unwrap();
    assert_eq!(rmas, [no_a], "the refused return left B's lists");
    // What is left may still come back, from either desk.
    lotline_app::call(&b, "open_rma", open(1)).await.unwrap();
    assert!(sync(&hub, &b).await.rejected.is_empty());
    let err = lotline_app::call(&b, "open_rma", open(1)).await.unwrap_err();
    assert_eq!(err.message_key, "error.rma.fully_returned", "and the desk's own rule sees the merged count");
}

#[tokio::test]
async fn two_desks_sending_again_more_than_failed_the_later_request_is_refused() {
    let (a, b, _dir, hub) = two_enrolled_desks_with_orders().await;
    let failure_no = a.ok("log_failure", failure("BOX-5L")).await["failure_no"].as_str().unwrap().to_owned();
    sync(&hub, &a.ctx).await;
    sync(&hub, &b).await;
    // The failure found 3 bad boxes; offline, each desk sends 2 again.
    let request = json!({"failure_nos": [failure_no], "order_no": "SO-1", "items": [{"line_no": 1, "qty": 2}],
        "carrier": "dpd", "service": "Classic",
        "cost": {"shipping_minor": 900, "shipping_currency": "EUR", "goods_minor": 1_000, "goods_currency": "EUR"},
        "payer": "us", "reason": "Lids cracked"});
    let on_a = a.ok("request_reshipment", request.clone()).await;
    let on_b = lotline_app::call(&b, "request_reshipment", request).await.unwrap();
    sync(&hub, &a.ctx).await;
    let report = sync(&hub, &b).await;
    assert_eq!(report.rejected.len(), 1, "{:?}", report.rejected);
    let refused = &report.rejected[0];
    assert_eq!(refused.number.as_deref(), on_b["reshipment_no"].as_str());
    assert_eq!(refused.reason_key, "error.sync.reshippable_taken");
    let taken_by = format!("\"taken_by\": \"{}\"", on_a["reshipment_no"].as_str().unwrap());
    assert!(refused.message.contains(&taken_by) && refused.message.contains("\"left\": \"1\""), "{}", refused.message);
    sync(&hub, &a.ctx).await;
    converged(&a.ctx, &b).await;
}

#[tokio::test]
async fn clocks_skewed_by_a_day_keep_their_order_and_each_act_is_judged_by_its_own_time() {
    use chrono::TimeZone;
    // The server's clock reads 2 November 10:00, A's 09:30 that day, B's a whole day behind.
    let day_behind = chrono::Utc.with_ymd_and_hms(2026, 11, 1, 10, 0, 0).unwrap();
    let a = common::returns::setting().await;
    lotline_store::record_enrolment(&a.ctx.store, &enrolment("AMS1A")).await.unwrap();
    let hub = Hub::default();
    hub.clock.set(Some(chrono::Utc.with_ymd_and_hms(2026, 11, 2, 10, 0, 0).unwrap()));
    sync(&hub, &a.ctx).await;
    let (b, _dir) = common::hub::new_desk_at("desk-test-2", day_behind).await;
    lotline_store::record_enrolment(&b.store, &enrolment("AMS1B")).await.unwrap();
    sync(&hub, &b).await;
    team_sign_in(&b, &a.ctx.store, "admin").await;

    // A names a vendor; B, having pulled that, renames it on a clock that reads a day earlier.
    let vendor = |name: &str| json!({"code": "NLPK", "name": name, "country": "NL", "contact_name": null, "email": null, "phone": null, "language": "nl"});
    a.ok("save_vendor", vendor("Verpakking Noord")).await;
    sync(&hub, &a.ctx).await;
    sync(&hub, &b).await;
    lotline_app::call(&b, "save_vendor", vendor("Verpakking Noord BV")).await.unwrap();
    assert!(sync(&hub, &b).await.rejected.is_empty());
    sync(&hub, &a.ctx).await;
    assert!(converged(&a.ctx, &b).await.is_empty(), "B had seen A's name: nothing was overwritten unseen");
    let name: String =
        sqlx::query_scalar("SELECT name FROM vendors WHERE code = 'NLPK'").fetch_one(a.ctx.store.pool()).await.unwrap();
    assert_eq!(name, "Verpakking Noord BV", "the later act in the server's order wins, whatever its clock read");
    let saves: Vec<(String, String)> = sqlx::query_as(
        "SELECT occurred_at, hlc FROM events WHERE kind = 'vendor_saved' AND stream_id = 'NLPK' ORDER BY server_seq",
    )
    .fetch_all(a.ctx.store.pool())
    .await
    .unwrap();
    assert!(
        saves[1].0 < saves[0].0 && saves[1].1 > saves[0].1,
        "B's clock read earlier, its HLC orders it after: {saves:?}"
    );

    // On B's last day of the window (delivered 2 October, 30 days) the server's day is already
    // the 31st: the return is judged by the day B opened it.
    let rma = lotline_app::call(
        &b,
        "open_rma",
        common::returns::open(common::returns::boxes(1), "no_longer_needed", "2026-10-02"),
    )
    .await
    .unwrap();
    let window =
        rma["opening"]["eligibility"]["outcomes"].as_array().unwrap().iter().find(|o| o["rule"] == "window").cloned();
    assert_eq!(window.unwrap()["params"], json!({"days": "30", "window": "30"}));
    assert_eq!(rma["opening"]["delivered_on"], "2026-10-02");
    assert!(sync(&hub, &b).await.rejected.is_empty());

    // A's clock jumps two days ahead of the server's: its next act is refused, saying so.
    a.pass_time(chrono::Duration::days(2)).await;
    a.ok("set_safety_stock", json!({"sku": "BOX-5L", "min_qty": 40})).await;
    let report = sync(&hub, &a.ctx).await;
    assert_eq!(report.rejected.iter().map(|r| r.reason_key.as_str()).collect::<Vec<_>>(), ["error.sync.clock_ahead"]);
    sync(&hub, &b).await;
    converged(&a.ctx, &b).await;
}

async fn event_id(store: &Store, desk: &str, kind: &str) -> String {
    sqlx::query_scalar("SELECT id FROM events WHERE desk_id = ? AND kind = ? ORDER BY desk_seq DESC LIMIT 1")
        .bind(desk)
        .bind(kind)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

#[tokio::test]
async fn a_save_over_another_desks_unseen_save_stands_and_both_desks_are_told() {
    let (a, b, _dir, hub) = two_desks_with_a_lot().await;
    let product = |name: &str| {
        json!({"sku": "BOX-5L", "gtin": null, "name": name, "category": "Opslag", "unit_cost_minor": 380,
        "currency": "EUR", "returnable": true, "lot_tracked": false, "serial_tracked": false, "has_expiry": false, "vendor_code": "SZHQ"})
    };
    let mut policy = a.ok("get_approval_policy", json!({})).await;
    // Offline, both desks rename the same product and change the approval policy.
    a.ok("save_product", product("Opbergbox 5 L (A)")).await;
    policy["ship_within_working_days"] = json!(3);
    a.ok("set_approval_policy", policy.clone()).await;
    lotline_app::call(&b, "save_product", product("Opbergbox 5 L (B)")).await.unwrap();
    policy["ship_within_working_days"] = json!(4);
    lotline_app::call(&b, "set_approval_policy", policy).await.unwrap();

    // B's saves reach the server first; A's, which had not seen them, come later and stand.
    assert_eq!(sync(&hub, &b).await.conflicts, 0);
    let on_a = sync(&hub, &a.ctx).await;
    assert_eq!((on_a.rejected.len(), on_a.conflicts), (0, 2));
    assert_eq!(sync(&hub, &b).await.conflicts, 2, "the desk whose saves were lost is told");
    let found = converged(&a.ctx, &b).await;
    let (a_id, b_id) = ("desk-test-1", "desk-test-2");
    let expected = [("product/BOX-5L", "product_saved"), ("settings/approval_policy", "approval_policy_set")];
    assert_eq!(found.len(), 2, "{found:?}");
    for (conflict, (subject, kind)) in found.iter().zip(expected) {
        assert_eq!((conflict.kind.as_str(), conflict.subject.as_str()), ("master_overwritten", subject));
        let lost_then_standing = [event_id(&b.store, b_id, kind).await, event_id(&b.store, a_id, kind).await];
        assert_eq!(conflict.event_ids, lost_then_standing, "{subject}");
    }
    let name: String =
        sqlx::query_scalar("SELECT name FROM products WHERE sku = 'BOX-5L'").fetch_one(b.store.pool()).await.unwrap();
    assert_eq!(name, "Opbergbox 5 L (A)", "the last save in the server's order wins on every desk");
    let shown = lotline_app::call(&b, "get_approval_policy", json!({})).await.unwrap();
    assert_eq!(shown["ship_within_working_days"], 3);

    // A save made after pulling the other's is informed: no new conflict.
    lotline_app::call(&b, "save_product", product("Opbergbox 5 L")).await.unwrap();
    sync(&hub, &b).await;
    assert_eq!(sync(&hub, &a.ctx).await.conflicts, 0);
    assert_eq!(converged(&a.ctx, &b).await.len(), 2);
    let rebuilt = lotline_store::rebuild(&a.ctx.store).await.unwrap();
    assert!(rebuilt.events > 0);
    assert_eq!(conflicts(&a.ctx.store).await, found, "a rebuild finds the same");
}
