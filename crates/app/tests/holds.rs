//! Serials held on their own are kept back everywhere stock leaves: pick suggestions (which also
//! leave out B-stock and say why), replacement goods taken from a lot, and the lot page's split
//! of its stock; a product file keeps or sets a product's reaction. Through the catalogue on a
//! real temporary SQLite database.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::World;
use common::returns::{as_user, boxes, open, setting};
use common::serials::{charger, receive_chargers, serial_failure, ship};
use serde_json::{Value, json};

/// CH-1 with five chargers, S-2 and S-4 failed a per-serial inspection and are held alone.
async fn two_serials_held() -> (World, String) {
    let w = setting().await;
    w.ok("save_product", charger(json!({"hold": "serials", "notify": false}))).await;
    receive_chargers(&w, "CH-1", &["S-1", "S-2", "S-3", "S-4", "S-5"]).await;
    let f = w.ok("log_failure", serial_failure("CH-1", &["S-2", "S-4"], &["S-1", "S-3"])).await;
    assert_eq!(f["held_serials"], json!(["S-2", "S-4"]));
    (w, f["failure_no"].as_str().unwrap().to_owned())
}

#[tokio::test]
async fn a_pick_suggestion_keeps_held_serials_and_b_stock_back_and_says_why() {
    let (w, _) = two_serials_held().await;
    receive_chargers(&w, "CH-2", &["T-1", "T-2"]).await;
    // Five in CH-1, two held: three may be picked from it, then CH-2's two; one short.
    let pick = w.ok("pick_suggestion", json!({"sku": "CHG-15W", "qty": 6})).await;
    let lots: Vec<(&str, i64, i64)> = pick["lots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["lot_code"].as_str().unwrap(), l["take"].as_i64().unwrap(), l["held"].as_i64().unwrap()))
        .collect();
    assert_eq!(lots, [("CH-1", 3, 2), ("CH-2", 2, 0)]);
    assert_eq!(pick["short"], 1);
    assert_eq!(
        pick["left_out"],
        json!([{"lot_code": "CH-1", "qty": 2, "reason": "serials_held", "serials": ["S-2", "S-4"]}])
    );
    // A held serial that went out before its hold keeps nothing back any more.
    w.ok("ship_lot", ship("CH-1", 3, &["S-1", "S-3", "S-5"])).await;
    let pick = w.ok("pick_suggestion", json!({"sku": "CHG-15W", "qty": 1})).await;
    assert_eq!(pick["lots"][0]["lot_code"], "CH-2", "CH-1 has only its two held units left");
    assert_eq!(pick["left_out"][0]["qty"], 2);

    // B-stock and units waiting for refurbishment are never picked as new: 2 boxes open-box,
    // 1 to refurbish, 1 restocked as new.
    as_user(&w, "ria").await;
    let no =
        w.ok("open_rma", open(boxes(4), "no_longer_needed", "2026-10-20")).await["rma_no"].as_str().unwrap().to_owned();
    let intake = json!({"packaging_intact": true, "accessories_complete": true, "serials_match": true, "grade": "A", "photo_ids": [], "note": ""});
    w.ok("receive_rma", json!({"rma_no": no, "qty_received": [4], "intake": intake})).await;
    let d = |disposition: &str, qty: i64| json!({"line_index": 0, "disposition": disposition, "qty": qty, "recovered_minor": 0, "location": "MAIN"});
    w.ok(
        "inspect_rma",
        json!({"rma_no": no, "dispositions": [d("resell_open_box", 2), d("refurbish", 1), d("restock", 1)]}),
    )
    .await;
    let pick = w.ok("pick_suggestion", json!({"sku": "BOX-5L", "qty": 2})).await;
    assert_eq!(pick["lots"], json!([]), "no lot of boxes was received: the restocked one is in no lot");
    assert_eq!(
        pick["left_out"],
        json!([{"lot_code": null, "qty": 2, "reason": "b_stock", "serials": []},
               {"lot_code": null, "qty": 1, "reason": "awaiting_refurbishment", "serials": []}])
    );
}

fn reshipment(failure_no: &str, qty: i64, serials: &[&str]) -> Value {
    json!({
        "failure_nos": [failure_no], "order_no": "SO-1",
        "items": [{"line_no": 2, "qty": qty, "lot_code": "CH-1", "serials": serials}],
        "carrier": "dpd", "service": "Classic",
        "cost": {"shipping_minor": 900, "shipping_currency": "EUR", "goods_minor": 0, "goods_currency": "EUR"},
        "payer": "us", "reason": "Charger dead on arrival"
    })
}

#[tokio::test]
async fn a_reshipment_from_a_lot_leaves_its_held_serials_there() {
    let (w, failure_no) = two_serials_held().await;
    let err = w.err("request_reshipment", reshipment(&failure_no, 1, &["S-2"])).await;
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].message_key.as_str(), err.fields[0].params["serial"].as_str()),
        ("items.0.serials", "error.lot.serial_on_hold", "S-2")
    );
    assert_eq!(err.fields[0].params["source"], failure_no);
    // A free serial may go. Two units leave the lot before the reshipment ships, and a third
    // serial is held since: 5 − 2 = 3 units left, 3 held, none free.
    let r = w.ok("request_reshipment", reshipment(&failure_no, 1, &["S-3"])).await;
    let no = r["reshipment_no"].as_str().unwrap().to_owned();
    if r["status"] == "requested" {
        w.ok("approve_reshipment", json!({"reshipment_no": no, "note": ""})).await;
    }
    w.ok("ship_lot", ship("CH-1", 2, &[])).await;
    w.ok("log_failure", serial_failure("CH-1", &["S-1"], &[])).await;
    let send = json!({"reshipment_no": no, "carrier": "dpd", "tracking_no": "01234567890123"});
    let err = w.err("ship_reshipment", send.clone()).await;
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].message_key.as_str()),
        ("items.0.lot_code", "error.lot.held_serials_stay")
    );
    assert_eq!((err.fields[0].params["held"].as_str(), err.fields[0].params["available"].as_str()), ("3", "0"));
    // Released, the unit may go.
    let lot = w.ok("get_lot", json!({"lot_code": "CH-1"})).await;
    let newest = lot["holds"].as_array().unwrap().iter().find(|h| h["serials"] == json!(["S-1"])).unwrap().clone();
    w.ok("release_hold", json!({"lot_code": "CH-1", "note": "Re-tested: fine", "holds": [newest["hold_ref"]]})).await;
    w.ok("ship_reshipment", send).await;
}

#[tokio::test]
async fn the_lot_page_tells_each_hold_s_serials_and_splits_the_stock() {
    let (w, _) = two_serials_held().await;
    let lot = w.ok("get_lot", json!({"lot_code": "CH-1"})).await;
    assert_eq!(lot["holds"][0]["serials"], json!(["S-2", "S-4"]));
    let split = |lot: &Value| ["on_hand", "sellable", "on_hold", "b_stock"].map(|k| lot[k].as_i64().unwrap());
    assert_eq!(split(&lot), [5, 3, 2, 0]);
    // A hold on the whole lot holds all of it, whatever else holds serials.
    w.ok("hold_lot", json!({"lot_code": "CH-1", "reason": "Customer reports loose screws"})).await;
    let lot = w.ok("get_lot", json!({"lot_code": "CH-1"})).await;
    assert_eq!(split(&lot), [5, 0, 5, 0]);
    let whole = lot["holds"].as_array().unwrap().iter().filter(|h| h["serials"] == json!([])).count();
    assert_eq!(whole, 1);
}

const PRODUCTS: &str =
    "sku,gtin,name,category,unit_cost_minor,currency,returnable,lot_tracked,serial_tracked,has_expiry,vendor_code";

async fn reaction(w: &World, sku: &str) -> Value {
    let stored: Option<String> = sqlx::query_scalar("SELECT failure_reaction FROM products WHERE sku = ?")
        .bind(sku)
        .fetch_one(w.ctx.store.pool())
        .await
        .unwrap();
    stored.map_or(Value::Null, |j| serde_json::from_str(&j).unwrap())
}

async fn unit_cost(w: &World, sku: &str) -> i64 {
    sqlx::query_scalar("SELECT unit_cost_minor FROM products WHERE sku = ?")
        .bind(sku)
        .fetch_one(w.ctx.store.pool())
        .await
        .unwrap()
}

#[tokio::test]
async fn a_product_file_keeps_each_product_s_reaction_unless_it_has_the_column() {
    let w = setting().await;
    w.ok("save_product", charger(json!({"hold": "serials", "notify": true}))).await;
    // No reaction column: the charger keeps its reaction, the new product has none.
    let csv = format!(
        "{PRODUCTS}\nCHG-15W,4006381333931,Charger 15W,Opladers,1290,EUR,true,true,true,false,SZHQ\n\
         CHG-30W,,Charger 30W,Opladers,1990,EUR,true,true,true,false,SZHQ\n"
    );
    w.ok("import_csv", json!({"entity": "products", "csv": csv})).await;
    assert_eq!(reaction(&w, "CHG-15W").await, json!({"hold": "serials", "notify": true}));
    assert_eq!(unit_cost(&w, "CHG-15W").await, 1290, "the rest imported");
    assert_eq!(reaction(&w, "CHG-30W").await, Value::Null);

    // With the column: a code sets it, an empty cell follows the category, a bad code is refused.
    let with = |a: &str, b: &str| {
        format!(
            "{PRODUCTS},reaction\nCHG-15W,4006381333931,Charger 15W,Opladers,1290,EUR,true,true,true,false,SZHQ,{a}\n\
             CHG-30W,,Charger 30W,Opladers,1990,EUR,true,true,true,false,SZHQ,{b}\n"
        )
    };
    let err = w.err("import_csv", json!({"entity": "products", "csv": with("lot", "hold_all")})).await;
    let found: Vec<(&str, Option<u64>, &str)> =
        err.fields.iter().map(|f| (f.field.as_str(), f.row, f.message_key.as_str())).collect();
    assert_eq!(found, [("reaction", Some(3), "error.field.not_a_choice")]);
    assert_eq!(reaction(&w, "CHG-15W").await, json!({"hold": "serials", "notify": true}), "nothing half-written");
    w.ok("import_csv", json!({"entity": "products", "csv": with("", "None_Notify")})).await;
    assert_eq!(reaction(&w, "CHG-15W").await, Value::Null, "an empty cell: the category's reaction");
    assert_eq!(reaction(&w, "CHG-30W").await, json!({"hold": "none", "notify": true}));

    // The export carries the column, and imports back as it was.
    let out = w.ok("export_csv", json!({"entity": "products"})).await;
    let text = out["csv"].as_str().unwrap();
    assert!(text.lines().next().unwrap().ends_with(",reaction"), "{text}");
    assert!(text.lines().any(|l| l.starts_with("CHG-30W,") && l.ends_with(",none_notify")), "{text}");
    w.ok("import_csv", json!({"entity": "products", "csv": text})).await;
    assert_eq!(reaction(&w, "CHG-30W").await, json!({"hold": "none", "notify": true}));
}

#[tokio::test]
async fn units_sent_back_to_the_vendor_from_the_refurbishment_queue_are_charged_back_at_their_cost() {
    let w = setting().await;
    w.ok("save_product", charger(Value::Null)).await;
    receive_chargers(&w, "CH-7", &["S-1", "S-2", "S-3"]).await;
    w.ok("ship_lot", ship("CH-7", 2, &["S-1", "S-2"])).await;
    as_user(&w, "ria").await;
    let line = json!([{"order_no": "SO-1", "line_no": 2, "qty": 2, "lot_code": "CH-7", "serials": ["S-1", "S-2"]}]);
    let no =
        w.ok("open_rma", open(line, "no_longer_needed", "2026-10-20")).await["rma_no"].as_str().unwrap().to_owned();
    let units =
        json!([{"line_index": 0, "serial": "S-1", "grade": "C"}, {"line_index": 0, "serial": "S-2", "grade": "C"}]);
    let intake = json!({"packaging_intact": true, "accessories_complete": true, "serials_match": true, "grade": "C", "units": units, "photo_ids": [], "note": ""});
    w.ok("receive_rma", json!({"rma_no": no, "qty_received": [2], "intake": intake})).await;
    let d = |serial: &str| json!({"line_index": 0, "disposition": "refurbish", "qty": 1, "recovered_minor": 0, "location": "MAIN", "grade": "C", "serials": [serial]});
    w.ok("inspect_rma", json!({"rma_no": no, "dispositions": [d("S-1"), d("S-2")]})).await;
    let back = |serial: &str| json!({"rma_no": no, "line_index": 0, "qty": 1, "serials": [serial], "outcome": "returned_to_vendor", "note": "dead on arrival"});
    let r = w.ok("record_refurbishment", back("S-2")).await;
    let told = r["history"].as_array().unwrap().last().unwrap();
    assert_eq!(told["kind"], "rma_chargeback_recorded");
    w.ok("record_refurbishment", back("S-1")).await;

    // One unit at 11.90 each claim, from the lot's vendor, in the one list with its source.
    let list = w.ok("list_chargebacks", json!({})).await;
    let ours: Vec<&Value> = list.as_array().unwrap().iter().filter(|c| c["source"] == "refurbishment").collect();
    let rows: Vec<(i64, Value, i64, &str, &str)> = ours
        .iter()
        .map(|c| {
            (
                c["claim_no"].as_i64().unwrap(),
                c["serials"].clone(),
                c["amount_minor"].as_i64().unwrap(),
                c["vendor_code"].as_str().unwrap(),
                c["status"].as_str().unwrap(),
            )
        })
        .collect();
    let mut sorted = rows.clone();
    sorted.sort_by_key(|r| r.0);
    assert_eq!(sorted, [(1, json!(["S-2"]), 1190, "SZHQ", "open"), (2, json!(["S-1"]), 1190, "SZHQ", "open")]);
    assert!(ours.iter().all(|c| c["reference"] == no.as_str() && c["currency"] == "EUR"));

    // Settled as the others: the analyst may not; finance recovers part of one, writes off the other.
    let settle = |claim: i64, status: &str, recovered: i64, note: &str| json!({"rma_no": no, "claim_no": claim, "status": status, "recovered_minor": recovered, "note": note});
    let err = w.err("settle_rma_chargeback", settle(1, "recovered", 1190, "")).await;
    assert_eq!(err.code, lotline_app::ErrorCode::Forbidden);
    as_user(&w, "fien").await;
    let err = w.err("settle_rma_chargeback", settle(1, "recovered", 1191, "")).await;
    assert_eq!(err.fields[0].message_key, "error.chargeback.bad_recovered");
    let err = w.err("settle_rma_chargeback", settle(2, "written_off", 0, "")).await;
    assert_eq!(err.fields[0].message_key, "error.field.required");
    let err = w.err("settle_rma_chargeback", settle(3, "written_off", 0, "x")).await;
    assert_eq!(err.message_key, "error.chargeback.none_on_rma");
    let rows = w.ok("settle_rma_chargeback", settle(1, "recovered", 1000, "")).await;
    let one = rows.as_array().unwrap().iter().find(|c| c["claim_no"] == 1).unwrap();
    assert_eq!((one["status"].as_str(), one["recovered_minor"].as_i64()), (Some("recovered"), Some(1000)));
    w.ok("settle_rma_chargeback", settle(2, "written_off", 0, "Vendor went bankrupt")).await;
    let err = w.err("settle_rma_chargeback", settle(2, "recovered", 500, "")).await;
    assert_eq!(err.message_key, "error.chargeback.settled");
    let list = w.ok("list_chargebacks", json!({"reference": no})).await;
    let two = list.as_array().unwrap().iter().find(|c| c["claim_no"] == 2).unwrap();
    assert_eq!((two["status"].as_str(), two["note"].as_str()), (Some("written_off"), Some("Vendor went bankrupt")));
    let report = lotline_store::check(&w.ctx.store).await.expect("check runs");
    assert!(report.mismatched.is_empty(), "a rebuild differs: {:?}", report.mismatched);
}
