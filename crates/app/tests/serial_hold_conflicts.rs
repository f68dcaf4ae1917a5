//! A serial held on its own on one desk and shipped on another before the hold reached it opens
//! the same conflict a held lot shipped does, whichever of the two the team's server took first;
//! a serial of the lot that is not held ships without one. Two desks merging through the stand-in
//! hub of `common/hub.rs`, both desks and a rebuild agreeing.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::hub::{Hub, assert_same_rows, new_desk, push, sync, team_sign_in};
use common::world;
use lotline_app::Ctx;
use serde_json::{Value, json};

/// Desk A with lot CH-1 of five serial chargers whose failed serials are held alone, synced to
/// a new desk B where the admin signed in.
async fn two_desks() -> (common::World, Ctx, tempfile::TempDir, Hub) {
    let a = world().await;
    a.master_data().await;
    a.ok(
        "save_customer",
        json!({"code": "C-2", "name": "Wang Li", "email": null, "phone": null, "address": null, "country": "NL"}),
    )
    .await;
    a.ok("save_product", json!({"sku": "CHG-15W", "gtin": "4006381333931", "name": "无线充电器 15W", "category": "Opladers", "unit_cost_minor": 1190,
        "currency": "EUR", "returnable": true, "lot_tracked": true, "serial_tracked": true, "has_expiry": false,
        "vendor_code": "SZHQ", "failure_reaction": {"hold": "serials", "notify": false}})).await;
    a.ok("receive_lot", json!({"lot_code": "CH-1", "sku": "CHG-15W", "vendor_code": "SZHQ", "qty": 5, "unit": "pcs", "location": "MAIN"})).await;
    a.ok("record_serials", json!({"lot_code": "CH-1", "serials": ["S-1", "S-2", "S-3", "S-4", "S-5"]})).await;
    let hub = Hub::default();
    sync(&hub, &a.ctx).await;
    let (b, dir) = new_desk("desk-test-2").await;
    sync(&hub, &b).await;
    team_sign_in(&b, &a.ctx.store, "admin").await;
    (a, b, dir, hub)
}

/// A failed inspection on A holding serial S-2 alone.
async fn hold_s2(a: &common::World) {
    let mut f = common::failure("CHG-15W");
    f["lot_code"] = json!("CH-1");
    f["serials"] = json!(["S-2"]);
    f["accepted_serials"] = json!(["S-1"]);
    f["qty_inspected"] = json!(2);
    f["qty_failed"] = json!(1);
    let f = a.ok("log_failure", f).await;
    assert_eq!(f["held_serials"], json!(["S-2"]));
}

async fn ship_on_b(b: &Ctx, qty: i64, serials: &[&str]) {
    let shipment = json!({"lot_code": "CH-1", "order_no": "SO-B", "customer_code": "C-2", "qty": qty, "shipped_at": "2026-11-02T09:00:00Z", "serials": serials});
    lotline_app::call(b, "ship_lot", shipment).await.unwrap();
}

/// Both desks hold the same rows, verify, equal a rebuild, and list the same conflicts: each as
/// its key and the kinds of its events.
async fn converged(a: &Ctx, b: &Ctx) -> Vec<(String, Vec<String>)> {
    assert_same_rows(&a.store, &b.store).await;
    let mut lists = Vec::new();
    for desk in [a, b] {
        let report = lotline_store::check(&desk.store).await.unwrap();
        assert!(report.ok(), "{report:?}");
        let listed = lotline_app::call(desk, "list_conflicts", json!({})).await.unwrap();
        let kinds = |c: &Value| {
            c["events"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap().to_owned()).collect()
        };
        lists.push(
            listed
                .as_array()
                .unwrap()
                .iter()
                .map(|c| (c["conflict_key"].as_str().unwrap().to_owned(), kinds(c)))
                .collect::<Vec<_>>(),
        );
    }
    assert_eq!(lists[0], lists[1]);
    let before = lotline_store::fingerprints(&b.store).await.unwrap();
    lotline_store::rebuild(&b.store).await.unwrap();
    assert_eq!(lotline_store::fingerprints(&b.store).await.unwrap(), before, "a rebuild reproduces every projection");
    lists.remove(0)
}

fn shipped_while_held() -> Vec<(String, Vec<String>)> {
    vec![("shipped_while_held/CH-1".to_owned(), vec!["lot_hold_placed".to_owned(), "lots_shipped".to_owned()])]
}

#[tokio::test]
async fn a_held_serial_shipped_on_a_desk_that_had_not_pulled_the_hold_opens_a_conflict() {
    let (a, b, _dir, hub) = two_desks().await;
    hold_s2(&a).await;
    ship_on_b(&b, 1, &["S-2"]).await;
    // The hold reaches the team's server first, the shipment after it.
    sync(&hub, &a.ctx).await;
    let report = sync(&hub, &b).await;
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    sync(&hub, &a.ctx).await;
    assert_eq!(converged(&a.ctx, &b).await, shipped_while_held());
    // Keeping the hold settles it, and the serial stays held.
    let resolve = json!({"conflict_key": "shipped_while_held/CH-1", "resolution": "keep_hold", "note": ""});
    a.ok("resolve_conflict", resolve).await;
    let lot = a.ok("get_lot", json!({"lot_code": "CH-1"})).await;
    assert_eq!(lot["holds"][0]["serials"], json!(["S-2"]));
}

#[tokio::test]
async fn a_held_serial_shipped_before_the_hold_reached_the_server_opens_a_conflict_too() {
    let (a, b, _dir, hub) = two_desks().await;
    ship_on_b(&b, 1, &["S-2"]).await;
    push(&hub, &b).await;
    // A holds S-2 without having pulled the shipment; the server takes the hold second.
    hold_s2(&a).await;
    sync(&hub, &a.ctx).await;
    sync(&hub, &b).await;
    let listed = converged(&a.ctx, &b).await;
    let kinds = vec!["lots_shipped".to_owned(), "lot_hold_placed".to_owned()];
    assert_eq!(listed, [("shipped_while_held/CH-1".to_owned(), kinds)], "in the team's order: the shipment first");
}

#[tokio::test]
async fn units_left_below_the_held_serials_open_a_conflict_and_other_serials_ship_without_one() {
    let (a, b, _dir, hub) = two_desks().await;
    hold_s2(&a).await;
    // B ships a serial that is not held: nothing to decide.
    ship_on_b(&b, 1, &["S-1"]).await;
    sync(&hub, &a.ctx).await;
    sync(&hub, &b).await;
    sync(&hub, &a.ctx).await;
    assert_eq!(converged(&a.ctx, &b).await, [], "S-1 was free to go");
    // A second hold B has not pulled; B then ships every unit left without naming serials, so
    // the held units went too.
    let mut f = common::failure("CHG-15W");
    f["lot_code"] = json!("CH-1");
    f["serials"] = json!(["S-4"]);
    f["qty_inspected"] = json!(1);
    f["qty_failed"] = json!(1);
    a.ok("log_failure", f).await;
    lotline_app::call(&b, "ship_lot", json!({"lot_code": "CH-1", "order_no": "SO-B2", "customer_code": "C-2", "qty": 4, "shipped_at": "2026-11-03T09:00:00Z"}))
        .await
        .unwrap_err();
    // B still knows S-2 is held: three of its four units may go, and do.
    ship_on_b(&b, 3, &[]).await;
    sync(&hub, &a.ctx).await;
    sync(&hub, &b).await;
    sync(&hub, &a.ctx).await;
    assert_eq!(converged(&a.ctx, &b).await, shipped_while_held());
}
