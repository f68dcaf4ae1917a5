//! The conflicts inbox through the catalogue: each kind of conflict opened by a real merge of two
//! desks' logs (the stand-in hub of `common/hub.rs`), listed, resolved with each of its ways out,
//! what the way out did, that both desks and a rebuild agree, and what is refused and why.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::hub::{Hub, assert_same_rows, new_desk, push, sync, team_sign_in};
use common::world;
use lotline_app::{Ctx, Store};
use serde_json::{Value, json};

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
    a.ok("receive_lot", receipt("L-1", 10)).await;
    let hub = Hub::default();
    sync(&hub, &a.ctx).await;
    let (b, dir) = new_desk("desk-test-2").await;
    sync(&hub, &b).await;
    team_sign_in(&b, &a.ctx.store, "admin").await;
    (a, b, dir, hub)
}

fn receipt(lot: &str, qty: i64) -> Value {
    json!({"lot_code": lot, "sku": "CHG-15W", "vendor_code": "SZHQ", "qty": qty, "unit": "pcs", "location": "main"})
}

fn ship(customer: &str, qty: i64) -> Value {
    json!({"lot_code": "L-1", "order_no": format!("SO-{customer}"), "customer_code": customer, "qty": qty, "shipped_at": "2026-11-02T09:00:00Z"})
}

/// A's acts go out first, then B's, then A pulls B's: both desks hold everything.
async fn merge(hub: &Hub, a: &Ctx, b: &Ctx) {
    sync(hub, a).await;
    let report = sync(hub, b).await;
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    sync(hub, a).await;
}

/// Both desks hold the same rows, verify, equal a rebuild, and list the same conflicts.
async fn converged(a: &Ctx, b: &Ctx) -> Vec<Value> {
    assert_same_rows(&a.store, &b.store).await;
    for store in [&a.store, &b.store] {
        let report = lotline_store::check(store).await.unwrap();
        assert!(report.ok(), "{report:?}");
    }
    let on_a = lotline_app::call(a, "list_conflicts", json!({})).await.unwrap();
    let on_b = lotline_app::call(b, "list_conflicts", json!({})).await.unwrap();
    let keep = |list: &Value| -> Vec<Value> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|c| json!({"key": c["conflict_key"], "resolution": c["resolution"], "events": c["events"].as_array().unwrap().len()}))
            .collect()
    };
    assert_eq!(keep(&on_a), keep(&on_b));
    on_a.as_array().unwrap().clone()
}

async fn on_hand(store: &Store, lot: &str) -> (String, i64) {
    sqlx::query_as("SELECT status, on_hand FROM lots WHERE lot_code = ?")
        .bind(lot)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

async fn rebuilt_equal(store: &Store) {
    let before = lotline_store::fingerprints(store).await.unwrap();
    lotline_store::rebuild(store).await.unwrap();
    assert_eq!(lotline_store::fingerprints(store).await.unwrap(), before, "a rebuild reproduces every projection");
}

fn resolve(key: &str, resolution: &str, note: &str) -> Value {
    json!({"conflict_key": key, "resolution": resolution, "note": note})
}

async fn below_zero() -> (common::World, Ctx, tempfile::TempDir, Hub) {
    let (a, b, dir, hub) = two_desks_with_a_lot().await;
    a.ok("ship_lot", ship("C-1", 10)).await;
    lotline_app::call(&b, "ship_lot", ship("C-2", 10)).await.unwrap();
    merge(&hub, &a.ctx, &b).await;
    (a, b, dir, hub)
}

#[tokio::test]
async fn stock_taken_below_zero_is_listed_with_both_sides_and_written_off_by_its_delta() {
    let (a, b, _dir, hub) = below_zero().await;
    let listed = converged(&a.ctx, &b).await;
    assert_eq!(listed.len(), 1, "{listed:?}");
    let c = &listed[0];
    assert_eq!((c["kind"].as_str(), c["subject"].as_str()), (Some("stock_below_zero"), Some("L-1")));
    assert_eq!(c["conflict_key"], "stock_below_zero/L-1");
    assert_eq!(c["may_resolve"], true);
    assert_eq!(
        c["ways_out"],
        json!([{"resolution": "recount_later", "needs_note": true}, {"resolution": "write_off_difference", "needs_note": true}])
    );
    let events = c["events"].as_array().unwrap();
    assert_eq!(events.len(), 2);
    let desks: Vec<bool> = events.iter().map(|e| e["this_desk"].as_bool().unwrap()).collect();
    assert_eq!(desks.iter().filter(|d| **d).count(), 1, "one shipment is this desk's, one the other's");
    for e in events {
        assert_eq!(
            (e["kind"].as_str(), e["number"].as_str(), e["username"].as_str()),
            (Some("lots_shipped"), Some("L-1"), Some("admin"))
        );
        let changes = e["changes"].as_array().unwrap();
        assert!(changes.iter().any(|ch| ch["field"] == "qty" && ch["after"] == "10"), "{changes:?}");
    }
    assert_eq!(a.ok("count_open_conflicts", json!({})).await, json!({"conflicts": 1, "refused_acts": 0, "total": 1}));

    // Refused with their reasons, and nothing written.
    let events_before = a.events().await;
    let err = a.err("resolve_conflict", resolve("stock_below_zero/L-1", "write_off_difference", " ")).await;
    assert_eq!(err.message_key, "error.conflict.note_required");
    let err = a.err("resolve_conflict", resolve("stock_below_zero/L-1", "keep_hold", "x")).await;
    assert_eq!(err.message_key, "error.conflict.resolution_not_offered");
    let err = a.err("resolve_conflict", resolve("stock_below_zero/L-9", "recount_later", "x")).await;
    assert_eq!(err.message_key, "error.conflict.unknown");
    let err = a.err("resolve_conflict", resolve("stock_below_zero/L-1", "shrug", "x")).await;
    assert_eq!(err.message_key, "error.field.malformed");
    assert_eq!(a.events().await, events_before, "nothing half-written");

    let resolved = a
        .ok("resolve_conflict", resolve("stock_below_zero/L-1", "write_off_difference", "Only ten were ever there"))
        .await;
    assert_eq!(resolved["resolution"]["resolution"], "write_off_difference");
    assert_eq!(resolved["resolution"]["resolved_by"], "admin");
    assert_eq!(resolved["resolution"]["note"], "Only ten were ever there");
    assert_eq!(resolved["may_resolve"], false);
    assert_eq!(on_hand(&a.ctx.store, "L-1").await.1, 0, "the missing ten are put back by a delta");
    let moves: Vec<(i64, String)> =
        sqlx::query_as("SELECT qty_delta, cause FROM stock_moves WHERE lot_code = 'L-1' ORDER BY rowid")
            .fetch_all(a.ctx.store.pool())
            .await
            .unwrap();
    assert_eq!(moves.len(), 4, "the receipt, both shipments and the write-off: {moves:?}");
    assert_eq!(moves[3], (10, "conflict_write_off".to_owned()));
    let err = a.err("resolve_conflict", resolve("stock_below_zero/L-1", "recount_later", "Again")).await;
    assert_eq!(err.message_key, "error.conflict.already_resolved");
    assert_eq!(a.ok("count_open_conflicts", json!({})).await["total"], 0);

    // The resolution travels: B sees it resolved, by whom, with the stock at zero.
    sync(&hub, &a.ctx).await;
    sync(&hub, &b).await;
    let listed = converged(&a.ctx, &b).await;
    assert_eq!(listed[0]["resolution"]["resolved_by"], "admin");
    assert_eq!(on_hand(&b.store, "L-1").await.1, 0);
    rebuilt_equal(&b.store).await;
    assert_eq!(on_hand(&b.store, "L-1").await.1, 0);
}

#[tokio::test]
async fn a_recount_later_leaves_the_stock_as_merged_and_stays_listed_as_resolved() {
    let (a, b, _dir, hub) = below_zero().await;
    lotline_app::call(&b, "resolve_conflict", resolve("stock_below_zero/L-1", "recount_later", "Count on Monday"))
        .await
        .unwrap();
    assert_eq!(on_hand(&b.store, "L-1").await.1, -10);
    sync(&hub, &b).await;
    sync(&hub, &a.ctx).await;
    let listed = converged(&a.ctx, &b).await;
    assert_eq!(
        (listed[0]["resolution"]["resolution"].as_str(), listed[0]["resolution"]["note"].as_str()),
        (Some("recount_later"), Some("Count on Monday"))
    );
    assert_eq!(on_hand(&a.ctx.store, "L-1").await.1, -10);
}

#[tokio::test]
async fn two_desks_resolving_one_conflict_offline_keep_the_first_in_the_team_s_order() {
    let (a, b, _dir, hub) = below_zero().await;
    a.ok("resolve_conflict", resolve("stock_below_zero/L-1", "recount_later", "A counts")).await;
    lotline_app::call(&b, "resolve_conflict", resolve("stock_below_zero/L-1", "write_off_difference", "B writes off"))
        .await
        .unwrap();
    // The team's judge takes the first and refuses the second, as a claim already made.
    sync(&hub, &a.ctx).await;
    let report = sync(&hub, &b).await;
    let reasons: Vec<&str> = report.rejected.iter().map(|r| r.reason_key.as_str()).collect();
    assert_eq!(reasons, ["error.sync.already_claimed"]);
    sync(&hub, &a.ctx).await;
    let listed = converged(&a.ctx, &b).await;
    assert_eq!(listed[0]["resolution"]["note"], "A counts");
    assert_eq!(on_hand(&b.store, "L-1").await.1, -10, "B's write-off was refused with its act");
    assert_eq!(b_count_refused(&b).await, 1, "B is told in its refused acts");
}

async fn b_count_refused(b: &Ctx) -> i64 {
    lotline_app::call(b, "count_open_conflicts", json!({})).await.unwrap()["refused_acts"].as_i64().unwrap()
}

async fn held_and_shipped() -> (common::World, Ctx, tempfile::TempDir, Hub) {
    let (a, b, dir, hub) = two_desks_with_a_lot().await;
    a.ok("hold_lot", json!({"lot_code": "L-1", "reason": "Customer reports loose screws"})).await;
    lotline_app::call(&b, "ship_lot", ship("C-2", 4)).await.unwrap();
    merge(&hub, &a.ctx, &b).await;
    (a, b, dir, hub)
}

#[tokio::test]
async fn shipped_while_held_keeps_the_hold_or_releases_it_in_the_same_act() {
    let (a, b, _dir, hub) = held_and_shipped().await;
    let listed = converged(&a.ctx, &b).await;
    assert_eq!(listed[0]["kind"], "shipped_while_held");
    let kinds: Vec<&str> =
        listed[0]["events"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["lot_hold_placed", "lots_shipped"]);
    let key = "shipped_while_held/L-1";
    let err = a.err("resolve_conflict", resolve(key, "release_hold", "")).await;
    assert_eq!(err.message_key, "error.conflict.note_required");

    a.ok("resolve_conflict", resolve(key, "release_hold", "Screws checked: fine")).await;
    assert_eq!(on_hand(&a.ctx.store, "L-1").await, ("released".to_owned(), 6), "the hold is lifted");
    let released: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM events WHERE kind = 'lot_hold_released'")
        .fetch_one(a.ctx.store.pool())
        .await
        .unwrap();
    assert_eq!(released, 1);
    let acts: i64 = sqlx::query_scalar(
        "SELECT COUNT(DISTINCT act_id) FROM events WHERE kind IN ('lot_hold_released', 'conflict_resolved')",
    )
    .fetch_one(a.ctx.store.pool())
    .await
    .unwrap();
    assert_eq!(acts, 1, "the release and the resolution are one act");
    sync(&hub, &a.ctx).await;
    sync(&hub, &b).await;
    converged(&a.ctx, &b).await;
    assert_eq!(on_hand(&b.store, "L-1").await.0, "released");
    rebuilt_equal(&b.store).await;
}

#[tokio::test]
async fn a_conflict_that_breaks_again_after_it_was_resolved_opens_again_and_is_resolved_again() {
    let (a, b, _dir, hub) = two_desks_with_a_lot().await;
    a.ok("hold_lot", json!({"lot_code": "L-1", "reason": "Customer reports loose screws"})).await;
    lotline_app::call(&b, "ship_lot", ship("C-2", 4)).await.unwrap();
    sync(&hub, &a.ctx).await;
    push(&hub, &b).await;
    sync(&hub, &a.ctx).await;
    a.ok("resolve_conflict", resolve("shipped_while_held/L-1", "keep_hold", "")).await;
    sync(&hub, &a.ctx).await;
    // B, which has not pulled the hold yet, ships again: the rule breaks anew.
    lotline_app::call(&b, "ship_lot", ship("C-2", 2)).await.unwrap();
    push(&hub, &b).await;
    sync(&hub, &a.ctx).await;
    let listed = a.ok("list_conflicts", json!({})).await;
    let c = &listed.as_array().unwrap()[0];
    assert!(c["resolution"].is_null(), "open again: {c}");
    assert_eq!(c["events"].as_array().unwrap().len(), 3);
    a.ok("resolve_conflict", resolve("shipped_while_held/L-1", "keep_hold", "Both shipments recalled by phone")).await;
    merge(&hub, &a.ctx, &b).await;
    let listed = converged(&a.ctx, &b).await;
    assert_eq!(listed[0]["resolution"]["note"], "Both shipments recalled by phone");
    rebuilt_equal(&b.store).await;
    assert_eq!(converged(&a.ctx, &b).await, listed, "a rebuild reopens and resolves it alike");
}

#[tokio::test]
async fn keeping_the_hold_leaves_the_lot_held() {
    let (a, b, _dir, hub) = held_and_shipped().await;
    lotline_app::call(&b, "resolve_conflict", resolve("shipped_while_held/L-1", "keep_hold", "")).await.unwrap();
    merge(&hub, &a.ctx, &b).await;
    let listed = converged(&a.ctx, &b).await;
    assert_eq!(listed[0]["resolution"]["resolution"], "keep_hold");
    assert_eq!(on_hand(&a.ctx.store, "L-1").await, ("on_hold".to_owned(), 6));
}

#[tokio::test]
async fn a_serial_or_a_lot_recorded_twice_is_kept_with_a_required_note() {
    let (a, b, _dir, hub) = two_desks_with_a_lot().await;
    a.ok("record_serials", json!({"lot_code": "L-1", "serials": ["SN-0001", "SN-0002"]})).await;
    lotline_app::call(&b, "record_serials", json!({"lot_code": "L-1", "serials": ["SN-0002"]})).await.unwrap();
    a.ok("receive_lot", receipt("L-2", 5)).await;
    lotline_app::call(&b, "receive_lot", receipt("L-2", 5)).await.unwrap();
    merge(&hub, &a.ctx, &b).await;
    let listed = converged(&a.ctx, &b).await;
    let keys: Vec<&str> = listed.iter().map(|c| c["conflict_key"].as_str().unwrap()).collect();
    assert!(
        keys.contains(&"serial_recorded_twice/CHG-15W/SN-0002") && keys.contains(&"lot_received_twice/L-2"),
        "{keys:?}"
    );
    for key in ["serial_recorded_twice/CHG-15W/SN-0002", "lot_received_twice/L-2"] {
        let err = a.err("resolve_conflict", resolve(key, "keep_both_noted", "")).await;
        assert_eq!(err.message_key, "error.conflict.note_required");
        let err = a.err("resolve_conflict", resolve(key, "acknowledge", "x")).await;
        assert_eq!(err.message_key, "error.conflict.resolution_not_offered");
        let done = a.ok("resolve_conflict", resolve(key, "keep_both_noted", "Relabelled one box")).await;
        assert_eq!(done["resolution"]["resolution"], "keep_both_noted");
    }
    sync(&hub, &a.ctx).await;
    sync(&hub, &b).await;
    let listed = converged(&a.ctx, &b).await;
    assert!(listed.iter().all(|c| !c["resolution"].is_null()), "{listed:?}");
    rebuilt_equal(&a.ctx.store).await;
}

async fn overwritten() -> (common::World, Ctx, tempfile::TempDir, Hub) {
    let (a, b, dir, hub) = two_desks_with_a_lot().await;
    let product = |name: &str| {
        json!({"sku": "BOX-5L", "gtin": null, "name": name, "category": "Opslag", "unit_cost_minor": 380,
        "currency": "EUR", "returnable": true, "lot_tracked": false, "serial_tracked": false, "has_expiry": false, "vendor_code": "SZHQ"})
    };
    a.ok("save_product", product("Opbergbox 5 L (A)")).await;
    lotline_app::call(&b, "save_product", product("Opbergbox 5 L (B)")).await.unwrap();
    // B's save reaches the server first; A's, which had not seen it, stands.
    sync(&hub, &b).await;
    sync(&hub, &a.ctx).await;
    sync(&hub, &b).await;
    (a, b, dir, hub)
}

async fn product_name(store: &Store) -> String {
    sqlx::query_scalar("SELECT name FROM products WHERE sku = 'BOX-5L'").fetch_one(store.pool()).await.unwrap()
}

#[tokio::test]
async fn a_lost_save_is_restored_as_a_new_save_or_the_standing_one_accepted() {
    let (a, b, _dir, hub) = overwritten().await;
    let listed = converged(&a.ctx, &b).await;
    assert_eq!(listed[0]["conflict_key"], "master_overwritten/product/BOX-5L");
    assert_eq!(product_name(&b.store).await, "Opbergbox 5 L (A)");
    let restored = lotline_app::call(
        &b,
        "resolve_conflict",
        resolve("master_overwritten/product/BOX-5L", "restore_lost_version", ""),
    )
    .await
    .unwrap();
    assert_eq!(restored["resolution"]["resolution"], "restore_lost_version");
    assert_eq!(product_name(&b.store).await, "Opbergbox 5 L (B)", "B's lost save is saved again");
    sync(&hub, &b).await;
    sync(&hub, &a.ctx).await;
    let listed = converged(&a.ctx, &b).await;
    assert_eq!(listed.len(), 1, "the restoring save was made knowing the other: no new conflict");
    assert_eq!(product_name(&a.ctx.store).await, "Opbergbox 5 L (B)");
    rebuilt_equal(&a.ctx.store).await;
}

#[tokio::test]
async fn accepting_the_standing_save_changes_no_record() {
    let (a, b, _dir, hub) = overwritten().await;
    a.ok("resolve_conflict", resolve("master_overwritten/product/BOX-5L", "accept_standing_version", "")).await;
    merge(&hub, &a.ctx, &b).await;
    converged(&a.ctx, &b).await;
    assert_eq!(product_name(&b.store).await, "Opbergbox 5 L (A)");
}

#[tokio::test]
async fn a_location_saved_on_two_desks_is_a_lost_save_like_any_record() {
    let (a, b, _dir, hub) = two_desks_with_a_lot().await;
    let location = |name: &str| json!({"code": "RACK-4", "name": name, "active": true});
    a.ok("save_location", location("Stelling 4 (A)")).await;
    lotline_app::call(&b, "save_location", location("Stelling 4 (B)")).await.unwrap();
    sync(&hub, &b).await;
    sync(&hub, &a.ctx).await;
    sync(&hub, &b).await;
    let listed = converged(&a.ctx, &b).await;
    assert_eq!(listed[0]["conflict_key"], "master_overwritten/location/RACK-4");
    let name: String =
        sqlx::query_scalar("SELECT name FROM locations WHERE code = 'RACK-4'").fetch_one(b.store.pool()).await.unwrap();
    assert_eq!(name, "Stelling 4 (A)", "the last save in the team's order stands; B is told");
}

#[tokio::test]
async fn a_widened_recall_is_acknowledged_and_stands() {
    let (a, b, _dir, hub) = two_desks_with_a_lot().await;
    lotline_app::call(&b, "ship_lot", ship("C-2", 2)).await.unwrap();
    let recall = a.ok("start_recall", json!({"lot_codes": ["L-1"], "reason": "Charger overheats"})).await;
    let recall_no = recall["recall_no"].as_str().unwrap().to_owned();
    merge(&hub, &a.ctx, &b).await;
    let key = format!("recall_scope_grew/{recall_no}");
    let err = a.err("resolve_conflict", resolve(&key, "release_hold", "x")).await;
    assert_eq!(err.message_key, "error.conflict.resolution_not_offered");
    a.ok("resolve_conflict", resolve(&key, "acknowledge", "")).await;
    sync(&hub, &a.ctx).await;
    sync(&hub, &b).await;
    let listed = converged(&a.ctx, &b).await;
    let grew = listed.iter().find(|c| c["conflict_key"] == key.as_str()).unwrap();
    assert_eq!(grew["resolution"]["resolution"], "acknowledge");
    let customers: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM recall_customers WHERE recall_no = ?")
        .bind(&recall_no)
        .fetch_one(b.store.pool())
        .await
        .unwrap();
    assert_eq!(customers, 1, "the widened scope stands");
}

#[tokio::test]
async fn only_quality_leads_resolve_and_logistics_only_stock() {
    // A ships six and then holds the lot; B, offline, ships six too: the stock goes below zero
    // and B's shipment met a hold it had not seen.
    let (a, b, _dir, hub) = two_desks_with_a_lot().await;
    a.ok("ship_lot", ship("C-1", 6)).await;
    a.ok("hold_lot", json!({"lot_code": "L-1", "reason": "Customer reports loose screws"})).await;
    lotline_app::call(&b, "ship_lot", ship("C-2", 6)).await.unwrap();
    merge(&hub, &a.ctx, &b).await;
    let kinds: Vec<String> =
        converged(&a.ctx, &b).await.iter().map(|c| c["kind"].as_str().unwrap().to_owned()).collect();
    assert_eq!(kinds.len(), 2, "{kinds:?}");
    a.add_user("ida", &["inspector"]).await;
    a.add_user("lou", &["logistics"]).await;
    a.add_user("quinn", &["quality_lead"]).await;

    a.sign_in("ida", "password-123").await;
    assert_eq!(a.ok("count_open_conflicts", json!({})).await["total"], 0, "nothing to badge for who resolves nothing");
    let listed = a.ok("list_conflicts", json!({})).await;
    assert!(listed.as_array().unwrap().iter().all(|c| c["may_resolve"] == false));
    let err = a.err("resolve_conflict", resolve("stock_below_zero/L-1", "recount_later", "x")).await;
    assert_eq!(err.message_key, "error.forbidden.resolve_stock_conflicts");

    a.sign_in("lou", "password-123").await;
    assert_eq!(a.ok("count_open_conflicts", json!({})).await["conflicts"], 1, "the stock conflict only");
    let err = a.err("resolve_conflict", resolve("shipped_while_held/L-1", "keep_hold", "")).await;
    assert_eq!(err.message_key, "error.forbidden.resolve_conflicts");
    a.ok("resolve_conflict", resolve("stock_below_zero/L-1", "recount_later", "Counting")).await;

    a.sign_in("quinn", "password-123").await;
    assert_eq!(a.ok("count_open_conflicts", json!({})).await["conflicts"], 1);
    let done = a.ok("resolve_conflict", resolve("shipped_while_held/L-1", "keep_hold", "")).await;
    assert_eq!(done["resolution"]["resolved_by"], "quinn");
}

#[tokio::test]
async fn a_refused_act_is_dismissed_here_once() {
    let a = world().await;
    a.add_user("ida", &["inspector"]).await;
    let refusal = |act: &str, actor: Option<String>| lotline_store::Refusal {
        act_id: act.into(),
        kind: "rma_cancelled".into(),
        number: Some("RMA-AMS1A-000042".into()),
        actor_id: actor,
        reason_key: "error.rma.not_cancellable".into(),
        params: Default::default(),
        message: "settled on another desk".into(),
        occurred_at: "2026-11-02T09:00:00.000Z".into(),
        refused_at: "2026-11-02T10:00:00.000Z".into(),
    };
    let admin_id: String = sqlx::query_scalar("SELECT user_id FROM users WHERE username = 'admin'")
        .fetch_one(a.ctx.store.pool())
        .await
        .unwrap();
    lotline_store::record_refusals(
        &a.ctx.store,
        &[refusal("act-1", Some(admin_id.clone())), refusal("act-2", Some(admin_id))],
    )
    .await
    .unwrap();
    assert_eq!(a.ok("count_open_conflicts", json!({})).await, json!({"conflicts": 0, "refused_acts": 2, "total": 2}));

    a.sign_in("ida", "password-123").await;
    let err = a.err("dismiss_refused_act", json!({"act_id": "act-1"})).await;
    assert_eq!(
        err.message_key, "error.forbidden.resolve_conflicts",
        "another person's refusal is not theirs to set aside"
    );

    a.sign_in("admin", common::ADMIN_PASSWORD).await;
    let count = a.ok("dismiss_refused_act", json!({"act_id": "act-1"})).await;
    assert_eq!(count["refused_acts"], 1);
    let err = a.err("dismiss_refused_act", json!({"act_id": "act-1"})).await;
    assert_eq!(err.message_key, "error.conflict.already_dismissed");
    let err = a.err("dismiss_refused_act", json!({"act_id": "act-9"})).await;
    assert_eq!(err.message_key, "error.conflict.unknown");
    let listed = a.ok("list_refused_acts", json!({})).await;
    let dismissed: Vec<bool> = listed.as_array().unwrap().iter().map(|r| !r["dismissed_at"].is_null()).collect();
    assert_eq!(dismissed.iter().filter(|d| **d).count(), 1);
    // Desk-local: nothing went into the log, and a rebuild keeps it.
    lotline_store::rebuild(&a.ctx.store).await.unwrap();
    assert_eq!(a.ok("count_open_conflicts", json!({})).await["refused_acts"], 1);
}
