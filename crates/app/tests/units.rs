//! Per-serial inspection and its reaction (per product, category or global), and returns taken
//! in unit by unit with B-stock and the refurbishment queue, through the catalogue on a real
//! temporary SQLite database.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::World;
use common::returns::{as_user, boxes, open, setting};
use common::serials::{charger, receive_chargers, serial_failure, ship};
use serde_json::{Value, json};

#[tokio::test]
async fn a_per_serial_reject_holds_only_the_failed_serials_and_the_rest_of_the_lot_ships() {
    let w = setting().await;
    w.ok("save_product", charger(json!({"hold": "serials", "notify": true}))).await;
    receive_chargers(&w, "CH-1", &["S-1", "S-2", "S-3", "S-4", "S-5"]).await;
    let f = w.ok("log_failure", serial_failure("CH-1", &["S-2"], &["S-1", "S-3"])).await;
    assert_eq!(f["accepted_serials"], json!(["S-1", "S-3"]));
    assert_eq!(f["serials"], json!(["S-2"]));
    assert_eq!(f["reaction"]["held"], "serials");
    assert_eq!(f["reaction"]["source"], "product");
    assert_eq!(f["reaction"]["notify"], true, "flagged for the quality lead");
    assert_eq!(f["held_serials"], json!(["S-2"]));
    assert_eq!(f["lot_on_hold"], false, "the lot itself is not held");
    let history = f["history"][0]["changes"].as_array().unwrap();
    assert!(history.iter().any(|c| c["field"] == "held_serials" && c["after"] == "S-2"), "{history:?}");
    assert!(history.iter().any(|c| c["field"] == "notify_quality"), "{history:?}");
    let lot = w.ok("get_lot", json!({"lot_code": "CH-1"})).await;
    assert_eq!(lot["status"], "available");
    // The failed serial gets its disposition on a line naming it; an accepted one cannot.
    let owner: String = sqlx::query_scalar("SELECT user_id FROM users WHERE username = 'admin'")
        .fetch_one(w.ctx.store.pool())
        .await
        .unwrap();
    let line = |serials: Value| json!({"failure_no": f["failure_no"], "line": {"disposition": "scrap", "qty": 1, "note": "", "owner_id": owner, "due_on": null, "serials": serials}});
    let err = w.err("add_disposition_line", line(json!(["S-1"]))).await;
    assert_eq!(err.fields[0].message_key, "error.failure.serial_not_failed");
    let ok = line(json!(["S-2"]));
    let f2 = w.ok("add_disposition_line", ok).await;
    let lines = f2["lines"].as_array().unwrap();
    assert_eq!(lines.last().unwrap()["serials"], json!(["S-2"]));

    let err = w.err("ship_lot", ship("CH-1", 1, &["S-2"])).await;
    assert_eq!(
        (err.fields[0].message_key.as_str(), err.fields[0].params["serial"].as_str()),
        ("error.lot.serial_on_hold", "S-2")
    );
    w.ok("ship_lot", ship("CH-1", 1, &["S-1"])).await;
    // Four units left, one of them held: three may go without naming serials, not four.
    let err = w.err("ship_lot", ship("CH-1", 4, &[])).await;
    assert_eq!(
        (err.fields[0].message_key.as_str(), err.fields[0].params["available"].as_str()),
        ("error.lot.held_serials_stay", "3")
    );
    w.ok("ship_lot", ship("CH-1", 3, &["S-3", "S-4", "S-5"])).await;

    // Releasing the serial hold lets the unit go.
    let hold = w.ok("get_lot", json!({"lot_code": "CH-1"})).await["holds"][0].clone();
    assert_eq!(hold["serials"], json!(["S-2"]));
    w.ok("release_hold", json!({"lot_code": "CH-1", "note": "Re-tested: fine", "holds": [hold["hold_ref"]]})).await;
    w.ok("ship_lot", ship("CH-1", 1, &["S-2"])).await;
}

#[tokio::test]
async fn the_products_reaction_overrides_its_categorys_which_overrides_the_global_rule() {
    let w = setting().await;
    receive_chargers(&w, "CH-1", &["A-1", "A-2"]).await;
    receive_chargers(&w, "CH-2", &["B-1", "B-2"]).await;
    receive_chargers(&w, "CH-3", &["C-1", "C-2"]).await;
    // Global: the whole lot is held, nobody told.
    let f = w.ok("log_failure", serial_failure("CH-1", &["A-1"], &[])).await;
    assert_eq!((f["reaction"]["source"].as_str(), f["reaction"]["held"].as_str()), (Some("global"), Some("lot")));
    assert_eq!((f["lot_on_hold"].as_bool(), f["reaction"]["notify"].as_bool()), (Some(true), Some(false)));

    // The category (Opladers) says: hold nothing, tell the quality lead.
    let cats = w
        .ok("set_category_reaction", json!({"category": "Opladers", "reaction": {"hold": "none", "notify": true}}))
        .await;
    let opladers = cats.as_array().unwrap().iter().find(|c| c["category"] == "Opladers").unwrap();
    assert_eq!((opladers["reaction"]["hold"].as_str(), opladers["products"].as_i64()), (Some("none"), Some(1)));
    let f = w.ok("log_failure", serial_failure("CH-2", &["B-1"], &[])).await;
    assert_eq!((f["reaction"]["source"].as_str(), f["reaction"]["held"].as_str()), (Some("category"), Some("none")));
    assert_eq!((f["lot_on_hold"].as_bool(), f["reaction"]["notify"].as_bool()), (Some(false), Some(true)));
    let notified: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM failures WHERE notify_quality = 1")
        .fetch_one(w.ctx.store.pool())
        .await
        .unwrap();
    assert_eq!(notified, 1, "the hook a notifications inbox reads");

    // The product's own setting wins over its category's.
    w.ok("save_product", charger(json!({"hold": "serials", "notify": false}))).await;
    let f = w.ok("log_failure", serial_failure("CH-3", &["C-2"], &["C-1"])).await;
    assert_eq!((f["reaction"]["source"].as_str(), f["reaction"]["held"].as_str()), (Some("product"), Some("serials")));
    assert_eq!(f["held_serials"], json!(["C-2"]));
    // An inspector may not set a category's reaction.
    as_user(&w, "ivo").await;
    let err = w.err("set_category_reaction", json!({"category": "Opladers", "reaction": null})).await;
    assert_eq!(err.code, lotline_app::ErrorCode::Forbidden);
}

async fn stock(w: &World, sku: &str, status: &str) -> i64 {
    sqlx::query_scalar("SELECT COALESCE(SUM(qty_delta), 0) FROM stock_moves WHERE sku = ? AND stock_status = ? AND location <> 'RETURNS'")
        .bind(sku)
        .bind(status)
        .fetch_one(w.ctx.store.pool())
        .await
        .unwrap()
}

fn unit(grade: &str) -> Value {
    json!({"line_index": 0, "grade": grade})
}

fn disposition(grade: &str, disposition: &str, qty: i64, recovered: i64) -> Value {
    json!({"line_index": 0, "disposition": disposition, "qty": qty, "recovered_minor": recovered, "location": "MAIN", "grade": grade})
}

#[tokio::test]
async fn units_graded_one_by_one_go_where_their_grade_says_and_the_fee_follows_them() {
    let w = setting().await;
    as_user(&w, "ria").await;
    let no =
        w.ok("open_rma", open(boxes(4), "no_longer_needed", "2026-10-20")).await["rma_no"].as_str().unwrap().to_owned();
    let intake = |units: Value| json!({"packaging_intact": true, "accessories_complete": true, "serials_match": true, "grade": "A", "units": units, "photo_ids": [], "note": ""});
    let err = w
        .err("receive_rma", json!({"rma_no": no, "qty_received": [4], "intake": intake(json!([unit("A"), unit("B")]))}))
        .await;
    assert_eq!(
        (err.fields[0].message_key.as_str(), err.fields[0].params["graded"].as_str()),
        ("error.rma.units_count", "2")
    );
    let units = json!([unit("A"), unit("B"), unit("C"), unit("C")]);
    let r = w.ok("receive_rma", json!({"rma_no": no, "qty_received": [4], "intake": intake(units)})).await;
    assert_eq!(r["intake"]["grade"], "C", "the single grade is the worst unit's");
    let grades = r["history"].as_array().unwrap().last().unwrap()["changes"].to_string();
    assert!(grades.contains("A × 1, B × 1, C × 2"), "{grades}");

    // A C unit is not restocked as new, and every grade's units are covered exactly.
    let inspect = |ds: Value| json!({"rma_no": no, "dispositions": ds});
    let err = w
        .err(
            "inspect_rma",
            inspect(json!([
                disposition("A", "restock", 1, 500),
                disposition("B", "resell_open_box", 1, 350),
                disposition("C", "restock", 1, 500)
            ])),
        )
        .await;
    let keys: Vec<&str> = err.fields.iter().map(|f| f.message_key.as_str()).collect();
    assert_eq!(keys, ["error.rma.disposition_qty", "error.rma.restock_grade", "error.rma.grade_qty"]);
    let r = w
        .ok(
            "inspect_rma",
            inspect(json!([disposition("A", "restock", 1, 500), disposition("B", "resell_open_box", 1, 350),
                disposition("C", "refurbish", 1, 200), {"line_index": 0, "disposition": "recycle", "qty": 1, "recovered_minor": 0, "location": "", "grade": "C"}])),
        )
        .await;
    assert_eq!(r["b_stock"], true);
    assert_eq!(stock(&w, "BOX-5L", "sellable").await, 1, "only the A unit is stock sold as new");
    assert_eq!(stock(&w, "BOX-5L", "b_stock").await, 1, "the open-box unit is B-stock");
    assert_eq!(stock(&w, "BOX-5L", "awaiting_refurbishment").await, 1);
    assert_eq!(r["awaiting_refurbishment"], json!([1]));
    // 5% on the three units not resold as new: 3 × 5.00 × 5% = 0.75.
    let fee = &r["line_fees"][0];
    assert_eq!((fee["resold_as_new"].as_i64(), fee["fee_minor"].as_i64()), (Some(1), Some(75)));
    assert_eq!(fee["reason"], "part_resold_as_new");
    assert_eq!(fee["grade"], Value::Null, "units of several grades");
    assert_eq!(
        fee["unit_grades"],
        json!([{"grade": "A", "qty": 1}, {"grade": "B", "qty": 1}, {"grade": "C", "qty": 2}])
    );
    assert_eq!(r["policy_fee_minor"], 75, "within the 10% cap of 20.00");

    let queue = w.ok("list_refurbishment_queue", json!({})).await;
    assert_eq!(queue.as_array().unwrap().len(), 1);
    assert_eq!((queue[0]["rma_no"].as_str(), queue[0]["qty"].as_i64()), (Some(no.as_str()), Some(1)));
    let refurb = |qty: i64, outcome: &str| json!({"rma_no": no, "line_index": 0, "qty": qty, "outcome": outcome, "note": "new lid"});
    let err = w.err("record_refurbishment", refurb(2, "refurbished")).await;
    assert_eq!(
        (err.fields[0].message_key.as_str(), err.fields[0].params["awaiting"].as_str()),
        ("error.rma.refurbish_above_queue", "1")
    );
    let r = w.ok("record_refurbishment", refurb(1, "refurbished")).await;
    assert_eq!(r["awaiting_refurbishment"], json!([0]));
    assert_eq!(stock(&w, "BOX-5L", "awaiting_refurbishment").await, 0);
    assert_eq!(stock(&w, "BOX-5L", "b_stock").await, 2, "refurbished: B-stock, not stock sold as new");
    assert_eq!(stock(&w, "BOX-5L", "sellable").await, 1);
    assert!(w.ok("list_refurbishment_queue", json!({})).await.as_array().unwrap().is_empty());
    let told = r["history"].as_array().unwrap().last().unwrap();
    assert_eq!(told["kind"], "rma_refurbished");
    let err = w.err("record_refurbishment", refurb(1, "scrapped")).await;
    assert_eq!(err.fields[0].message_key, "error.rma.refurbish_above_queue");
}

#[tokio::test]
async fn serial_units_are_graded_by_serial_and_a_scrapped_refurbishment_leaves_stock() {
    let w = setting().await;
    receive_chargers(&w, "CH-7", &["S-1", "S-2", "S-3"]).await;
    w.ok("ship_lot", json!({"lot_code": "CH-7", "order_no": "SO-1", "customer_code": "C-1", "qty": 2, "shipped_at": "2026-10-02T10:00:00Z", "serials": ["S-1", "S-2"]})).await;
    as_user(&w, "ria").await;
    let line = json!([{"order_no": "SO-1", "line_no": 2, "qty": 2, "lot_code": "CH-7", "serials": ["S-1", "S-2"]}]);
    let no =
        w.ok("open_rma", open(line, "no_longer_needed", "2026-10-20")).await["rma_no"].as_str().unwrap().to_owned();
    let intake = |units: Value| json!({"packaging_intact": true, "accessories_complete": true, "serials_match": true, "grade": "A", "units": units, "photo_ids": [], "note": ""});
    let err = w.err("receive_rma", json!({"rma_no": no, "qty_received": [2], "intake": intake(json!([{"line_index": 0, "grade": "A"}, {"line_index": 0, "serial": "S-9", "grade": "C"}]))})).await;
    let keys: Vec<&str> = err.fields.iter().map(|f| f.message_key.as_str()).collect();
    assert_eq!(keys, ["error.rma.serial_required", "error.rma.serial_not_on_line"]);
    let units =
        json!([{"line_index": 0, "serial": "S-1", "grade": "A"}, {"line_index": 0, "serial": "S-2", "grade": "C"}]);
    w.ok("receive_rma", json!({"rma_no": no, "qty_received": [2], "intake": intake(units)})).await;
    let on_hand = |w: &World| {
        let pool = w.ctx.store.pool().clone();
        async move {
            sqlx::query_scalar::<_, i64>("SELECT on_hand FROM lots WHERE lot_code = 'CH-7'")
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    assert_eq!(on_hand(&w).await, 3, "both back, waiting in the returns area");
    let d = |serial: &str, grade: &str, disposition: &str| json!({"line_index": 0, "disposition": disposition, "qty": 1, "recovered_minor": 0, "location": "MAIN", "grade": grade, "serials": [serial]});
    let err = w
        .err(
            "inspect_rma",
            json!({"rma_no": no, "dispositions": [d("S-2", "A", "restock"), d("S-1", "C", "refurbish")]}),
        )
        .await;
    assert!(err.fields.iter().any(|f| f.message_key == "error.rma.serial_not_graded"), "{err:?}");
    let r = w
        .ok(
            "inspect_rma",
            json!({"rma_no": no, "dispositions": [d("S-1", "A", "restock"), d("S-2", "C", "refurbish")]}),
        )
        .await;
    assert_eq!(on_hand(&w).await, 2, "the refurbish unit is not in the lot's sellable stock");
    let lot = w.ok("get_lot", json!({"lot_code": "CH-7"})).await;
    assert_eq!((lot["b_stock"].as_i64(), lot["awaiting_refurbishment"].as_i64()), (Some(0), Some(1)));
    assert_eq!(r["line_fees"][0]["fee_minor"], 125, "5% of the C unit's 25.00");
    let queue = w.ok("list_refurbishment_queue", json!({})).await;
    assert_eq!(queue[0]["serials"], json!(["S-2"]));
    let err =
        w.err("record_refurbishment", json!({"rma_no": no, "line_index": 0, "qty": 1, "outcome": "scrapped"})).await;
    assert_eq!(err.fields[0].message_key, "error.rma.serials_for_qty");
    w.ok(
        "record_refurbishment",
        json!({"rma_no": no, "line_index": 0, "qty": 1, "serials": ["S-2"], "outcome": "scrapped"}),
    )
    .await;
    let lot = w.ok("get_lot", json!({"lot_code": "CH-7"})).await;
    assert_eq!(
        (lot["b_stock"].as_i64(), lot["awaiting_refurbishment"].as_i64(), lot["on_hand"].as_i64()),
        (Some(0), Some(0), Some(2))
    );
}

#[tokio::test]
async fn an_rma_graded_once_for_the_whole_return_settles_as_before() {
    let w = setting().await;
    as_user(&w, "ria").await;
    let no =
        w.ok("open_rma", open(boxes(2), "no_longer_needed", "2026-10-20")).await["rma_no"].as_str().unwrap().to_owned();
    let intake = json!({"packaging_intact": true, "accessories_complete": true, "serials_match": true, "grade": "A", "photo_ids": [], "note": ""});
    w.ok("receive_rma", json!({"rma_no": no, "qty_received": [2], "intake": intake})).await;
    let r = w
        .ok("inspect_rma", json!({"rma_no": no, "dispositions": [{"line_index": 0, "disposition": "restock", "qty": 2, "recovered_minor": 1000, "location": "MAIN"}]}))
        .await;
    assert_eq!(r["line_fees"][0]["grade"], "A");
    assert_eq!(r["line_fees"][0]["unit_grades"], json!([]));
    assert_eq!(
        (r["line_fees"][0]["reason"].as_str(), r["policy_fee_minor"].as_i64()),
        (Some("resold_as_new"), Some(0))
    );
    assert_eq!(stock(&w, "BOX-5L", "sellable").await, 2);
}
