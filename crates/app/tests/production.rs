//! Work orders, in-process failures that block them, complaints and replenishment, through the
//! catalogue on a real SQLite database.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::returns::{as_user, boxes, open, setting};
use common::{World, world};
use lotline_domain::ErrorCode;
use serde_json::{Value, json};

fn receipt(code: &str, sku: &str, vendor: &str, qty: i64) -> Value {
    json!({"lot_code": code, "sku": sku, "vendor_code": vendor, "supplier_lot": null, "qty": qty, "unit": "pcs",
           "mfg_date": null, "expiry_date": null, "location": "LINE-1"})
}

/// A box (SZHQ's BOX-5L) and a lid (NLPK's LID-5L) go into a boxed set, KIT-BOX, made here.
async fn production(w: &World) {
    w.master_data().await;
    w.ok("save_vendor", json!({"code": "NLPK", "name": "NL Packaging BV", "country": "NL", "contact_name": null, "email": null, "phone": null, "language": "nl"})).await;
    for (sku, name, vendor) in [("LID-5L", "Deksel 5 L", "NLPK"), ("KIT-BOX", "Box met deksel", "SZHQ")] {
        w.ok("save_product", json!({"sku": sku, "gtin": null, "name": name, "category": "Opslag", "unit_cost_minor": 200, "currency": "EUR",
                 "returnable": true, "lot_tracked": true, "serial_tracked": false, "has_expiry": false, "vendor_code": vendor})).await;
    }
    w.ok("save_location", json!({"code": "LINE-1", "name": "Assembly line 1", "active": true})).await;
    w.ok("receive_lot", receipt("BX-A", "BOX-5L", "SZHQ", 30)).await;
    w.ok("receive_lot", receipt("LD-A", "LID-5L", "NLPK", 25)).await;
}

fn plan(output: &str) -> Value {
    json!({"sku": "KIT-BOX", "output_lot_code": output, "planned_qty": 10, "unit": "pcs", "location": "LINE-1",
           "components": [{"lot_code": "BX-A", "qty": 10}, {"lot_code": "ld-a", "qty": 10}], "due_on": "2026-11-06", "note": "Week 45 run"})
}

fn on_hand(lot: &Value) -> i64 {
    lot["on_hand"].as_i64().unwrap()
}

fn in_process_failure(work_order_no: &str, lot: &str, qty_failed: i64) -> Value {
    json!({"occurred_at": null, "sku": "KIT-BOX", "vendor_code": "SZHQ", "lot_code": lot, "serials": [],
           "stage": "in_process", "qty_inspected": 10, "qty_failed": qty_failed, "category_code": "COS",
           "description": "Lid does not click shut", "severity": "major", "inspection": null,
           "attachment_ids": [], "disposition": null, "owner_team": "warehouse_qc", "reinspection_of": null,
           "work_order_no": work_order_no})
}

async fn as_admin(w: &World) {
    w.ok("sign_out", json!({})).await;
    w.sign_in("admin", common::ADMIN_PASSWORD).await;
}

async fn run(w: &World, output: &str) -> String {
    let planned = w.ok("plan_work_order", plan(output)).await;
    let no = planned["work_order_no"].as_str().unwrap().to_owned();
    w.ok("start_work_order", json!({"work_order_no": no})).await;
    no
}

#[tokio::test]
async fn a_work_order_consumes_its_component_lots_and_the_trace_passes_through_it() {
    let w = world().await;
    production(&w).await;
    let planned = w.ok("plan_work_order", plan("KB-001")).await;
    assert_eq!(planned["work_order_no"], "WO-AMS1-000001");
    assert_eq!(planned["status"], "planned");
    assert_eq!(planned["components"][1]["lot_code"], "LD-A", "codes kept as lots are");
    assert_eq!(planned["components"][1]["planned_qty"], 10);
    assert_eq!(planned["output_received"], false);
    // Planning moves no stock.
    assert_eq!(on_hand(&w.ok("get_lot", json!({"lot_code": "BX-A"})).await), 30);
    // The same output lot cannot be planned twice; a component must be a received lot.
    let err = w.err("plan_work_order", plan("KB-001")).await;
    assert_eq!(err.fields[0].message_key, "error.work_order.output_planned");
    let mut unknown = plan("KB-002");
    unknown["components"][0]["lot_code"] = json!("NOPE-1");
    assert_eq!(w.err("plan_work_order", unknown).await.fields[0].field, "components[0].lot_code");

    let no = "WO-AMS1-000001";
    let early = w.err("complete_work_order", json!({"work_order_no": no})).await;
    assert_eq!((early.code, early.message_key.as_str()), (ErrorCode::Conflict, "error.work_order.not_in_progress"));
    assert_eq!(w.ok("start_work_order", json!({"work_order_no": no})).await["status"], "in_progress");
    // More of a lot than it holds: refused with the field named, nothing written.
    let before = w.events().await;
    let greedy = json!({"work_order_no": no, "output_qty": 10, "consumed": [{"lot_code": "BX-A", "qty": 31}, {"lot_code": "LD-A", "qty": 10}]});
    let err = w.err("complete_work_order", greedy).await;
    assert_eq!(err.fields[0].field, "consumed[0].lot_code", "{err:?}");
    assert_eq!(w.events().await, before);

    // 9 made from 10 boxes and 11 lids (one lid broke on the line).
    let done = w
        .ok(
            "complete_work_order",
            json!({"work_order_no": no, "output_qty": 9, "consumed": [{"lot_code": "BX-A", "qty": 10}, {"lot_code": "LD-A", "qty": 11}]}),
        )
        .await;
    assert_eq!((done["status"].as_str(), done["output_qty"].as_i64()), (Some("completed"), Some(9)));
    assert_eq!(done["output_received"], true);
    assert_eq!(done["components"][1]["consumed_qty"], 11);
    // The stock moved as deltas on the lots: 30 - 10, 25 - 11, and 9 made.
    assert_eq!(on_hand(&w.ok("get_lot", json!({"lot_code": "BX-A"})).await), 20);
    assert_eq!(on_hand(&w.ok("get_lot", json!({"lot_code": "LD-A"})).await), 14);
    let output = w.ok("get_lot", json!({"lot_code": "KB-001"})).await;
    assert_eq!(
        (on_hand(&output), output["vendor_code"].as_str()),
        (9, Some("SZHQ")),
        "made here, the product's vendor's"
    );
    let deltas: Vec<(String, i64)> = sqlx::query_as(
        "SELECT lot_code, SUM(qty_delta) FROM stock_moves WHERE lot_code IN ('BX-A', 'LD-A', 'KB-001') GROUP BY 1 ORDER BY 1",
    )
    .fetch_all(w.ctx.store.pool())
    .await
    .unwrap();
    assert_eq!(deltas, [("BX-A".into(), 20), ("KB-001".into(), 9), ("LD-A".into(), 14)]);

    // Backward from the output: both components, reached through the work order.
    let back = w.ok("trace_lot", json!({"lot_code": "KB-001", "direction": "backward"})).await;
    let through: Vec<(&str, &str, &str)> = back["lots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["lot_code"].as_str().unwrap(), l["via"].as_str().unwrap(), l["work_order_no"].as_str().unwrap()))
        .collect();
    assert_eq!(through, [("BX-A", "KB-001", no), ("LD-A", "KB-001", no)]);
    assert_eq!(back["work_orders"], json!([{"number": no, "lot_code": "KB-001"}]));
    // Forward from a component: the output, through the work order.
    let forward = w.ok("trace_lot", json!({"lot_code": "LD-A", "direction": "forward"})).await;
    assert_eq!(forward["lots"][0]["lot_code"], "KB-001");
    assert_eq!(forward["lots"][0]["work_order_no"], no);
    // The printed trace names it between the lots.
    let pdf = w.ok("trace_report_pdf", json!({"lot_code": "KB-001", "direction": "backward"})).await;
    let path = common::pdf::write_pdf(w._dir.path(), &pdf);
    // Words as printed: the column wraps the number onto a second line.
    let text = common::pdf::pdf_tool("pdftotext", &[], &path).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains(&format!("BX-A KB-001 / {no}")), "{text}");
    // The history tells the run.
    let kinds: Vec<&str> = done["history"].as_array().unwrap().iter().map(|h| h["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["work_order_planned", "work_order_started", "work_order_completed"]);
    let hits = w.ok("search", json!({"text": no})).await;
    assert_eq!((hits[0]["kind"].as_str(), hits[0]["key"].as_str()), (Some("work_order"), Some(no)));
}

#[tokio::test]
async fn an_in_process_failure_blocks_the_output_from_shipping_until_a_quality_lead_releases_it() {
    let w = setting().await;
    production(&w).await;
    let no = run(&w, "KB-001").await;
    // Only a failure found in process may block a work order.
    let mut incoming = in_process_failure(&no, "KB-001", 2);
    incoming["stage"] = json!("incoming");
    assert_eq!(w.err("log_failure", incoming).await.fields[0].message_key, "error.failure.stage_for_work_order");

    let failure = w.ok("log_failure", in_process_failure(&no, "KB-001", 2)).await;
    let failure_no = failure["failure_no"].as_str().unwrap().to_owned();
    assert_eq!(failure["work_order_no"], no);
    let blocked = w.ok("get_work_order", json!({"work_order_no": no})).await;
    assert_eq!((blocked["status"].as_str(), blocked["open_blocks"].as_i64()), (Some("blocked"), Some(1)));
    assert_eq!(blocked["blocks"][0]["failure_no"], failure_no.as_str());
    assert_eq!(w.ok("list_work_orders", json!({"status": "blocked"})).await[0]["work_order_no"], no);
    // Blocked: the run cannot complete.
    let err = w.err("complete_work_order", json!({"work_order_no": no})).await;
    assert_eq!(
        (err.message_key.as_str(), err.params["failure_no"].as_str()),
        ("error.work_order.blocked", failure_no.as_str())
    );
    // A failure's block does not keep the run from completing once a lead released it.
    w.add_user("quinn", &["quality_lead"]).await;
    as_user(&w, "quinn").await;
    w.ok("decide_work_order_block", json!({"work_order_no": no, "failure_no": failure_no, "decision": "release", "note": "Hinge adjusted, re-checked 10 of 10"})).await;
    as_admin(&w).await;
    w.ok("complete_work_order", json!({"work_order_no": no})).await;

    // A second failure found on the finished output blocks shipping it.
    let second = w.ok("log_failure", in_process_failure(&no, "KB-001", 3)).await;
    let second_no = second["failure_no"].as_str().unwrap().to_owned();
    let shipment = json!({"lot_code": "KB-001", "order_no": "SO-1", "customer_code": "C-1", "qty": 4, "shipped_at": "2026-11-02T10:00:00Z"});
    let before = w.events().await;
    let refused = w.err("ship_lot", shipment.clone()).await;
    let field = &refused.fields[0];
    assert_eq!((field.field.as_str(), field.message_key.as_str()), ("lot_code", "error.work_order.output_blocked"));
    assert_eq!(field.params["work_order_no"], no);
    assert_eq!(field.params["failure_no"], second_no);
    assert_eq!(w.events().await, before, "nothing written");
    // Nor may it go into another lot meanwhile.
    let link = json!({"links": [{"from_lot": "KB-001", "to_lot": "BX-A", "qty": 1, "kind": "repack"}]});
    assert_eq!(w.err("link_lots", link).await.fields[0].message_key, "error.work_order.output_blocked");

    // Only a quality lead decides; an inspector is refused before anything is read.
    w.add_user("ivy", &["inspector"]).await;
    as_user(&w, "ivy").await;
    let decide = json!({"work_order_no": no, "failure_no": second_no, "decision": "release", "note": "Within tolerance after re-measure"});
    assert_eq!(w.err("decide_work_order_block", decide.clone()).await.code, ErrorCode::Forbidden);
    as_user(&w, "quinn").await;
    let released = w.ok("decide_work_order_block", decide.clone()).await;
    assert_eq!(released["status"], "completed");
    assert_eq!(released["blocks"][1]["decision"], "release");
    assert_eq!(released["blocks"][1]["decided"]["by_name"], "quinn");
    // The release lifted the holds the failure put on the output lot, so it ships.
    assert_eq!(w.ok("get_lot", json!({"lot_code": "KB-001"})).await["active_holds"], 0);
    let again = w.err("decide_work_order_block", decide).await;
    assert_eq!(again.message_key, "error.work_order.block_decided");
    as_admin(&w).await;
    let shipped = w.ok("ship_lot", shipment).await;
    assert_eq!(on_hand(&shipped), 10 - 4);
    let kinds: Vec<String> =
        released["history"].as_array().unwrap().iter().map(|h| h["kind"].as_str().unwrap().to_owned()).collect();
    assert_eq!(kinds.iter().filter(|k| *k == "work_order_blocked").count(), 2);
}

#[tokio::test]
async fn scrap_or_rework_decided_on_a_block_goes_through_the_failures_disposition_lines() {
    let w = world().await;
    production(&w).await;
    let no = run(&w, "KB-001").await;
    let failure = w.ok("log_failure", in_process_failure(&no, "KB-001", 4)).await;
    let failure_no = failure["failure_no"].as_str().unwrap();
    let scrap =
        json!({"work_order_no": no, "failure_no": failure_no, "decision": "scrap", "note": "Cracked lids", "qty": 3});
    let decided = w.ok("decide_work_order_block", scrap).await;
    assert_eq!(decided["status"], "in_progress", "decided: the run goes on");
    let f = w.ok("get_failure", json!({"failure_no": failure_no})).await;
    let lines: Vec<(&str, i64)> = f["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["disposition"].as_str().unwrap(), l["qty"].as_i64().unwrap()))
        .collect();
    assert_eq!(lines, [("scrap", 3)]);
    assert_eq!(f["unassigned"], 1);
    let failure = w.ok("log_failure", in_process_failure(&no, "KB-001", 2)).await;
    let rework = json!({"work_order_no": no, "failure_no": failure["failure_no"], "decision": "rework", "note": "Re-seat hinges"});
    w.ok("decide_work_order_block", rework).await;
    let f = w.ok("get_failure", json!({"failure_no": failure["failure_no"]})).await;
    assert_eq!((f["lines"][0]["disposition"].as_str(), f["lines"][0]["qty"].as_i64()), (Some("rework"), Some(2)));
    // More than the failure's units is the line's own refusal: nothing written.
    let failure = w.ok("log_failure", in_process_failure(&no, "KB-001", 1)).await;
    let before = w.events().await;
    let too_many =
        json!({"work_order_no": no, "failure_no": failure["failure_no"], "decision": "scrap", "note": "x", "qty": 5});
    w.err("decide_work_order_block", too_many).await;
    assert_eq!(w.events().await, before);
    assert_eq!(w.ok("get_work_order", json!({"work_order_no": no})).await["status"], "blocked");
}

async fn ship_from(w: &World, lot: &str, qty: i64) {
    let shipment = json!({"lot_code": lot, "order_no": "SO-1", "customer_code": "C-1", "qty": qty, "shipped_at": "2026-11-02T10:00:00Z"});
    w.ok("ship_lot", shipment).await;
}

#[tokio::test]
async fn a_complaint_on_a_vendors_lot_counts_in_its_scorecard_until_found_unfounded() {
    let w = setting().await;
    production(&w).await;
    // 100 of SZHQ's boxes shipped this week.
    w.ok("receive_lot", receipt("BX-B", "BOX-5L", "SZHQ", 100)).await;
    ship_from(&w, "BX-B", 100).await;
    let week = json!({"from": "2026-11-02", "to": "2026-11-08"});
    let card = |cards: &Value| {
        cards["vendors"].as_array().unwrap().iter().find(|c| c["vendor_code"] == "SZHQ").cloned().unwrap()
    };
    let returns =
        |card: &Value| card["components"].as_array().unwrap().iter().find(|c| c["id"] == "returns").cloned().unwrap();
    let before = card(&w.ok("vendor_scorecards", week.clone()).await);
    assert_eq!((before["complaints"].as_i64(), returns(&before)["measured"].as_i64()), (Some(0), Some(0)));

    // Opened from the order: its customer follows; the lot names the vendor.
    let opened = w
        .ok(
            "open_complaint",
            json!({"order_no": "SO-1", "lot_code": "bx-b", "qty_affected": 3, "description": "Lids crack in the cold", "severity": "major"}),
        )
        .await;
    assert_eq!(opened["complaint_no"], "CP-AMS1-000001");
    assert_eq!((opened["customer_code"].as_str(), opened["vendor_code"].as_str()), (Some("C-1"), Some("SZHQ")));
    assert_eq!((opened["sku"].as_str(), opened["status"].as_str()), (Some("BOX-5L"), Some("open")));
    assert_eq!(opened["counts_for_vendor"], true);
    // 3 complained-about units of 100 shipped: 3.00%, and the vendor's complaint is counted.
    let after = card(&w.ok("vendor_scorecards", week.clone()).await);
    assert_eq!((after["complaints"].as_i64(), returns(&after)["measured"].as_i64()), (Some(1), Some(300)));
    // 3% of the 5% that scores 0 -> 40.
    assert_eq!(returns(&after)["score"], 40);
    assert!(after["rating"].as_i64() < before["rating"].as_i64());
    // A complaint with no lot names no vendor and counts for none.
    let no_lot = w.ok("open_complaint", json!({"customer_code": "C-2", "qty_affected": 1, "description": "Late and rude driver", "severity": "minor"})).await;
    assert_eq!(no_lot["vendor_code"], Value::Null);
    assert_eq!(card(&w.ok("vendor_scorecards", week.clone()).await)["complaints"], 1);
    // Listed from its customer and its order.
    assert_eq!(w.ok("list_complaints", json!({"customer_code": "C-1"})).await.as_array().unwrap().len(), 1);
    assert_eq!(w.ok("list_complaints", json!({"order_no": "SO-1"})).await[0]["complaint_no"], "CP-AMS1-000001");
    // An order of another customer is refused.
    let err = w.err("open_complaint", json!({"customer_code": "C-2", "order_no": "SO-1", "qty_affected": 1, "description": "x", "severity": "minor"})).await;
    assert_eq!(err.fields[0].message_key, "error.lot.order_other_customer");

    let no = "CP-AMS1-000001";
    w.ok("advance_complaint", json!({"complaint_no": no, "to": "investigating", "note": "Asked for photos"})).await;
    let missing = w.err("advance_complaint", json!({"complaint_no": no, "to": "closed", "note": "done"})).await;
    assert_eq!(missing.fields[0].field, "outcome");
    let closed = w.ok("advance_complaint", json!({"complaint_no": no, "to": "closed", "outcome": "unfounded", "note": "Stored outside at -15 °C, outside spec"})).await;
    assert_eq!((closed["status"].as_str(), closed["outcome"].as_str()), (Some("closed"), Some("unfounded")));
    assert_eq!(closed["counts_for_vendor"], false);
    let kinds: Vec<&str> = closed["history"].as_array().unwrap().iter().map(|h| h["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["complaint_opened", "complaint_advanced", "complaint_advanced"]);
    let last = card(&w.ok("vendor_scorecards", week).await);
    assert_eq!((last["complaints"].as_i64(), returns(&last)["measured"].as_i64()), (Some(0), Some(0)));
    // A complaint on a work order's output names the order and that lot's vendor.
    let wo = run(&w, "KB-009").await;
    w.ok("complete_work_order", json!({"work_order_no": wo})).await;
    let on_wo = w
        .ok(
            "open_complaint",
            json!({"work_order_no": wo, "qty_affected": 2, "description": "Lid loose", "severity": "major"}),
        )
        .await;
    assert_eq!((on_wo["lot_code"].as_str(), on_wo["vendor_code"].as_str()), (Some("KB-009"), Some("SZHQ")));
    assert_eq!(
        w.ok("get_work_order", json!({"work_order_no": wo})).await["complaints"][0]["complaint_no"],
        on_wo["complaint_no"]
    );
}

#[tokio::test]
async fn the_replenishment_suggestion_counts_sellable_stock_and_returns_coming_back_but_not_holds() {
    let w = setting().await;
    w.ok("save_location", json!({"code": "LINE-1", "name": "Assembly line 1", "active": true})).await;
    w.ok("receive_lot", receipt("BX-1", "BOX-5L", "SZHQ", 12)).await;
    w.ok("receive_lot", receipt("BX-2", "BOX-5L", "SZHQ", 8)).await;
    w.ok("hold_lot", json!({"lot_code": "BX-2", "reason": "Dented corners"})).await;
    // 4 boxes on their way back on an approved return; a second return, rejected, brings none.
    as_user(&w, "ria").await;
    assert_eq!(w.ok("open_rma", open(boxes(4), "no_longer_needed", "2026-10-20")).await["status"], "approved");
    assert_eq!(
        w.ok("open_rma", open(json!([{"order_no": "SO-2", "line_no": 1, "qty": 1}]), "no_longer_needed", "2026-09-01"))
            .await["status"],
        "rejected"
    );
    as_admin(&w).await;
    let err = w.err("set_safety_stock", json!({"sku": "BOX-5L", "min_qty": 20, "max_qty": 10})).await;
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].message_key.as_str()),
        ("max_qty", "error.safety_stock.max_below_min")
    );
    let rows = w.ok("set_safety_stock", json!({"sku": "BOX-5L", "min_qty": 20, "max_qty": 50})).await;
    let row = &rows[0];
    // Sellable 12 (the 8 held are not), 4 coming back: 16 below the minimum of 20, so order up to
    // 50: 34, from the product's vendor.
    assert_eq!(
        (row["sellable"].as_i64(), row["blocked"].as_i64(), row["coming_back"].as_i64()),
        (Some(12), Some(8), Some(4))
    );
    assert_eq!(row["reorder"], json!({"position": 16, "target": 50, "order_qty": 34}));
    assert_eq!(
        (row["vendor_code"].as_str(), row["vendor_name"].as_str()),
        (Some("SZHQ"), Some("深圳华强电子有限公司"))
    );
    // Without a maximum: back to the minimum, 4.
    let rows = w.ok("set_safety_stock", json!({"sku": "BOX-5L", "min_qty": 20})).await;
    assert_eq!(rows[0]["reorder"], json!({"position": 16, "target": 20, "order_qty": 4}));
    assert_eq!(rows[0]["max_qty"], Value::Null);
    // Releasing the hold makes the 8 sellable: 24 is above the minimum, nothing to order.
    w.ok("release_hold", json!({"lot_code": "BX-2", "note": "Corners within spec"})).await;
    let alerts = w.ok("safety_stock_alerts", json!({"sku": "BOX-5L"})).await;
    assert_eq!(alerts[0]["reorder"]["order_qty"], 0);
    assert_eq!(alerts[0]["reorder"]["position"], 24);
}
