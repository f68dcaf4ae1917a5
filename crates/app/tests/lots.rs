//! Lots through the catalogue on a real temporary SQLite database: imports, traces, and the
//! refusals that keep the genealogy and the stock honest.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::World;
use serde_json::{Value, json};

/// A chain of supply: two supplier resin lots are mixed into one batch, which is split into two
/// finished lots; one of those ships to two customers.
async fn setting() -> World {
    let w = common::world().await;
    w.master_data().await;
    for (code, name) in [("C-1", "Bakker BV"), ("C-2", "Wang Li")] {
        w.ok("save_customer", json!({"code": code, "name": name, "email": format!("{}@example.com", code.to_lowercase()), "phone": "+31 20 555 0101", "address": null, "country": "NL"})).await;
    }
    w
}

async fn import(w: &World, entity: &str, csv: &str) -> Result<Value, lotline_app::ApiError> {
    w.call("import_csv", json!({"entity": entity, "csv": csv})).await
}

const LOTS: &str = "lot_code,sku,vendor_code,supplier_lot,qty,unit,mfg_date,expiry_date\n\
    RES-A,BOX-5L,SZHQ,HQ-2026-118,500,kg,2026-09-01,2027-09-01\n\
    RES-B,BOX-5L,SZHQ,HQ-2026-119,500,kg,2026-09-02,2027-09-02\n\
    MIX-1,BOX-5L,SZHQ,,800,kg,2026-10-01,\n\
    FG-1,CHG-15W,SZHQ,,400,pcs,2026-10-05,\n\
    FG-2,CHG-15W,SZHQ,,400,pcs,2026-10-05,\n";

const LINKS: &str = "from_lot,to_lot,qty,kind\n\
    RES-A,MIX-1,400,merge\n\
    RES-B,MIX-1,400,merge\n\
    MIX-1,FG-1,400,split\n\
    MIX-1,FG-2,400,split\n";

const SHIPMENTS: &str = "lot_code,order_no,customer_code,qty,shipped_at\n\
    FG-1,SO-9001,C-1,100,2026-10-20T10:00:00Z\n\
    FG-1,SO-9002,C-2,50,2026-10-21T10:00:00Z\n";

async fn supplied() -> World {
    let w = setting().await;
    assert_eq!(import(&w, "lots", LOTS).await.unwrap()["imported"], 5);
    assert_eq!(import(&w, "lot_links", LINKS).await.unwrap()["imported"], 4);
    assert_eq!(import(&w, "shipments", SHIPMENTS).await.unwrap()["imported"], 2);
    w
}

fn codes(trace: &Value) -> Vec<(String, u64)> {
    trace["lots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["lot_code"].as_str().unwrap().to_owned(), l["depth"].as_u64().unwrap()))
        .collect()
}

#[tokio::test]
async fn a_supplier_lot_traces_forward_to_the_customers_and_a_finished_lot_back_to_its_suppliers() {
    let w = supplied().await;
    let forward = w.ok("trace_lot", json!({"lot_code": "res-a", "direction": "forward"})).await;
    assert_eq!(forward["root"], "RES-A");
    assert_eq!(codes(&forward), [("MIX-1".into(), 1), ("FG-1".into(), 2), ("FG-2".into(), 2)]);
    let mix = &forward["lots"][0];
    assert_eq!(
        (mix["via"].as_str(), mix["qty"].as_i64(), mix["kind"].as_str()),
        (Some("RES-A"), Some(400), Some("merge"))
    );
    // 800 kg mixed, all of it split into finished lots.
    assert_eq!((mix["on_hand"].as_i64(), mix["status"].as_str()), (Some(0), Some("consumed")));
    let fg1 = &forward["lots"][1];
    assert_eq!((fg1["on_hand"].as_i64(), fg1["status"].as_str()), (Some(250), Some("available")));
    let orders: Vec<&str> =
        forward["orders"].as_array().unwrap().iter().map(|o| o["order_no"].as_str().unwrap()).collect();
    assert_eq!(orders, ["SO-9001", "SO-9002"]);
    let customers = forward["customers"].as_array().unwrap();
    assert_eq!(customers.len(), 2);
    assert_eq!(
        (customers[0]["customer_code"].as_str(), customers[0]["name"].as_str()),
        (Some("C-1"), Some("Bakker BV"))
    );
    assert_eq!(customers[0]["email"], "c-1@example.com");
    assert_eq!(customers[1]["qty"], 50);

    let backward = w.ok("trace_lot", json!({"lot_code": "FG-2", "direction": "backward"})).await;
    assert_eq!(codes(&backward), [("MIX-1".into(), 1), ("RES-A".into(), 2), ("RES-B".into(), 2)]);
    assert_eq!(backward["orders"], json!([]), "nothing that went into FG-2 shipped on its own");

    let lot = w.ok("get_lot", json!({"lot_code": "MIX-1"})).await;
    let inputs: Vec<&str> = lot["inputs"].as_array().unwrap().iter().map(|l| l["lot_code"].as_str().unwrap()).collect();
    assert_eq!(inputs, ["RES-A", "RES-B"]);
    assert_eq!(lot["outputs"].as_array().unwrap().len(), 2);
    let fg1 = w.ok("get_lot", json!({"lot_code": "FG-1"})).await;
    assert_eq!(fg1["gs1_element_string"], "(01)04006381333931(10)FG-1");
    assert_eq!(fg1["shipments"][0]["customer_name"], "Bakker BV");

    // Stock moved only as deltas, and the projections equal a rebuild.
    let on_hand: i64 = sqlx::query_scalar("SELECT SUM(qty_delta) FROM stock_moves WHERE lot_code = 'FG-1'")
        .fetch_one(w.ctx.store.pool())
        .await
        .unwrap();
    assert_eq!(on_hand, 250);
    let report = lotline_store::check(&w.ctx.store).await.expect("check runs");
    assert!(report.mismatched.is_empty(), "{:?}", report.mismatched);
}

#[tokio::test]
async fn a_link_that_would_close_a_cycle_is_refused_with_the_lots_named_and_nothing_written() {
    let w = supplied().await;
    let before = w.events().await;
    let err = import(&w, "lot_links", "from_lot,to_lot,qty,kind\nRES-B,FG-2,1,rework\nFG-2,RES-A,1,rework\n")
        .await
        .unwrap_err();
    let field = &err.fields[0];
    assert_eq!((field.field.as_str(), field.row, field.message_key.as_str()), ("to_lot", Some(3), "error.lot.cycle"));
    assert_eq!(field.params["lots"], "FG-2 → RES-A → MIX-1 → FG-2");
    assert_eq!(w.events().await, before, "nothing written");

    let err = w
        .err("link_lots", json!({"links": [{"from_lot": "FG-1", "to_lot": "RES-B", "qty": 1, "kind": "rework"}]}))
        .await;
    assert_eq!(err.fields[0].message_key, "error.lot.cycle");
    assert_eq!(err.fields[0].params["lots"], "FG-1 → RES-B → MIX-1 → FG-1");
}

#[tokio::test]
async fn bad_rows_are_each_named_by_line_and_column() {
    let w = supplied().await;
    let before = w.events().await;
    let csv = "lot_code,sku,vendor_code,qty,unit,expiry_date\n\
        NEW-1,BOX-5L,SZHQ,10,pcs,\n\
        RES-A,BOX-5L,SZHQ,10,pcs,\n\
        NEW-2,NOPE,SZHQ,0,crates,2027-13-01\n\
        NEW-1,BOX-5L,SZHQ,10,pcs,\n\
        A-LOT-CODE-THAT-IS-TOO-LONG,BOX-5L,XX,5,pcs,\n";
    let err = import(&w, "lots", csv).await.unwrap_err();
    let found: Vec<(Option<u64>, &str, &str)> =
        err.fields.iter().map(|f| (f.row, f.field.as_str(), f.message_key.as_str())).collect();
    for expected in [
        (Some(3), "lot_code", "error.lot.already_received"),
        (Some(4), "expiry_date", "error.field.bad_date"),
        (Some(4), "qty", "error.field.must_be_positive"),
        (Some(4), "unit", "error.lot.unit"),
        (Some(4), "sku", "error.lot.unknown_sku"),
        (Some(5), "lot_code", "error.import.duplicate"),
        (Some(6), "lot_code", "error.lot.code_too_long"),
        (Some(6), "vendor_code", "error.lot.unknown_vendor"),
    ] {
        assert!(found.contains(&expected), "missing {expected:?} in {found:?}");
    }
    assert_eq!(w.events().await, before);

    // Shipping more than is left, to an unknown customer, and spending the same stock twice.
    let csv = "lot_code,order_no,customer_code,qty,shipped_at\n\
        FG-2,SO-1,C-1,300,2026-10-22T10:00:00Z\n\
        FG-2,SO-2,C-2,300,2026-10-22T11:00:00Z\n\
        FG-1,SO-3,C-9,1,2026-10-22T11:00:00Z\n\
        FG-1,SO-4,C-1,1,yesterday\n";
    let err = import(&w, "shipments", csv).await.unwrap_err();
    let found: Vec<(Option<u64>, &str, &str)> =
        err.fields.iter().map(|f| (f.row, f.field.as_str(), f.message_key.as_str())).collect();
    assert_eq!(
        found,
        [
            (Some(3), "lot_code", "error.lot.not_enough"),
            (Some(4), "customer_code", "error.lot.unknown_customer"),
            (Some(5), "shipped_at", "error.field.bad_datetime"),
        ]
    );
    assert_eq!(err.fields[0].params["on_hand"], "100");
}

#[tokio::test]
async fn a_lot_on_hold_or_expired_cannot_ship_or_go_into_another_and_the_error_names_the_hold() {
    let w = supplied().await;
    let mut failure = common::failure("BOX-5L");
    failure["lot_code"] = json!("RES-B");
    let logged = w.ok("log_failure", failure).await;
    let failure_no = logged["failure_no"].as_str().unwrap().to_owned();
    let err = w
        .err("link_lots", json!({"links": [{"from_lot": "RES-B", "to_lot": "MIX-1", "qty": 10, "kind": "rework"}]}))
        .await;
    let field = &err.fields[0];
    assert_eq!((field.field.as_str(), field.message_key.as_str()), ("links[0].from_lot", "error.lot.on_hold"));
    assert_eq!(field.params["source"], failure_no);
    assert!(!field.params["reason"].is_empty());

    w.ok(
        "receive_lot",
        json!({"lot_code": "old-1", "sku": "BOX-5L", "vendor_code": "SZHQ", "qty": 10, "unit": "pcs", "expiry_date": "2026-10-31", "location": "main"}),
    )
    .await;
    let err = w
        .err("ship_lot", json!({"lot_code": "OLD-1", "order_no": "SO-7", "customer_code": "C-1", "qty": 1, "shipped_at": "2026-11-02T09:00:00Z"}))
        .await;
    assert_eq!(err.fields[0].message_key, "error.lot.expired");
    assert_eq!(err.fields[0].params["expiry_date"], "2026-10-31");
    let lot = w.ok("get_lot", json!({"lot_code": "old-1"})).await;
    assert_eq!((lot["on_hand"].as_i64(), lot["location"].as_str()), (Some(10), Some("MAIN")));
    // Past its expiry date, free stock shows as expired: on the lot, in the list and its filter.
    assert_eq!(lot["status"], "expired");
    let expired = w.ok("list_lots", json!({"status": "expired"})).await;
    assert_eq!((expired["total"].as_i64(), expired["rows"][0]["lot_code"].as_str()), (Some(1), Some("OLD-1")));
    let available = w.ok("list_lots", json!({"status": "available"})).await;
    assert!(available["rows"].as_array().unwrap().iter().all(|r| r["lot_code"] != "OLD-1"));
}

#[tokio::test]
async fn a_long_file_is_checked_for_cycles_in_one_pass_and_the_closing_line_is_named() {
    let w = setting().await;
    let mut lots = String::from("lot_code,sku,vendor_code,qty,unit\n");
    for i in 0..80 {
        lots.push_str(&format!("C{i},BOX-5L,SZHQ,10,pcs\n"));
    }
    import(&w, "lots", &lots).await.unwrap();
    let mut links = String::from("from_lot,to_lot,qty,kind\n");
    for i in 0..79 {
        links.push_str(&format!("C{i},C{},1,repack\n", i + 1));
    }
    links.push_str("C79,C75,1,rework\n");
    let before = w.events().await;
    let err = import(&w, "lot_links", &links).await.unwrap_err();
    let field = &err.fields[0];
    assert_eq!((field.row, field.message_key.as_str()), (Some(81), "error.lot.cycle"));
    assert_eq!(field.params["lots"], "C79 → C75 → C76 → C77 → C78 → C79");
    assert_eq!(w.events().await, before);
    // Without the closing link the chain goes in, and a trace walks all of it.
    let chain: String = links.lines().take(80).map(|l| format!("{l}\n")).collect();
    import(&w, "lot_links", &chain).await.unwrap();
    let trace = w.ok("trace_lot", json!({"lot_code": "C0", "direction": "forward"})).await;
    assert_eq!(trace["lots"].as_array().unwrap().len(), 79);
    assert_eq!(trace["lots"][78]["depth"], 79);
}

#[tokio::test]
async fn a_hold_placed_by_hand_blocks_shipping_until_a_quality_lead_releases_it() {
    let w = supplied().await;
    w.add_user("ivo", &["inspector"]).await;
    w.add_user("lea", &["quality_lead"]).await;
    w.ok("sign_out", json!({})).await;
    w.sign_in("ivo", "password-123").await;
    let lot = w.ok("hold_lot", json!({"lot_code": "fg-2", "reason": "Customer reports loose screws"})).await;
    assert_eq!((lot["status"].as_str(), lot["active_holds"].as_i64()), (Some("on_hold"), Some(1)));
    let ship = json!({"lot_code": "FG-2", "order_no": "SO-7", "customer_code": "C-1", "qty": 1, "shipped_at": "2026-11-02T09:00:00Z"});
    let err = w.err("ship_lot", ship.clone()).await;
    assert_eq!(err.fields[0].message_key, "error.lot.on_hold");
    assert_eq!(err.fields[0].params["reason"], "Customer reports loose screws");
    let err = w.err("release_hold", json!({"lot_code": "FG-2", "note": "Checked 20, all fine"})).await;
    assert_eq!(err.code, lotline_app::ErrorCode::Forbidden);

    w.ok("sign_out", json!({})).await;
    w.sign_in("lea", "password-123").await;
    let err = w.err("release_hold", json!({"lot_code": "FG-2", "note": ""})).await;
    assert_eq!(err.fields[0].field, "note");
    let lot = w.ok("release_hold", json!({"lot_code": "FG-2", "note": "Checked 20, all fine"})).await;
    assert_eq!((lot["status"].as_str(), lot["active_holds"].as_i64()), (Some("released"), Some(0)));
    let err = w.err("release_hold", json!({"lot_code": "FG-2", "note": "again"})).await;
    assert_eq!(err.message_key, "error.lot.no_hold");
    let lot = w.ok("ship_lot", ship).await;
    assert_eq!(lot["on_hand"], 399);
}

#[tokio::test]
async fn a_recall_holds_the_affected_stock_in_one_act_and_is_tracked_to_closure() {
    let w = supplied().await;
    let scope = w.ok("recall_scope", json!({"lot_codes": ["RES-A"]})).await;
    assert_eq!((scope["lots"].as_i64(), scope["in_stock_lots"].as_i64()), (Some(4), Some(3)));
    // RES-A has 100 kg left; FG-1 250 and FG-2 400 pieces, all in MAIN.
    assert_eq!(
        scope["in_stock"],
        json!([{"location": "MAIN", "unit": "kg", "lots": 1, "qty": 100}, {"location": "MAIN", "unit": "pcs", "lots": 2, "qty": 650}])
    );
    assert_eq!((scope["orders"].as_i64(), scope["shipped_qty"].as_i64()), (Some(2), Some(150)));
    let err = w.err("recall_scope", json!({"lot_codes": ["RES-A", "NOPE"]})).await;
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].message_key.as_str()),
        ("lot_codes[1]", "error.lot.unknown_lot")
    );

    let err = w.err("start_recall", json!({"lot_codes": ["RES-A"], "reason": " "})).await;
    assert_eq!(err.fields[0].field, "reason");
    let recall =
        w.ok("start_recall", json!({"lot_codes": ["res-a"], "reason": "Supplier reports contaminated resin"})).await;
    assert_eq!(recall["recall_no"], "RC-AMS1-000001");
    assert_eq!(
        (recall["held"].as_i64(), recall["still_held"].as_i64(), recall["customer_count"].as_i64()),
        (Some(3), Some(3), Some(2))
    );
    for code in ["RES-A", "FG-1", "FG-2"] {
        assert_eq!(w.ok("get_lot", json!({"lot_code": code})).await["status"], "recalled", "{code}");
    }
    assert_eq!(w.ok("get_lot", json!({"lot_code": "RES-B"})).await["status"], "available", "only the affected lots");
    let err = w
        .err("ship_lot", json!({"lot_code": "FG-1", "order_no": "SO-8", "customer_code": "C-2", "qty": 1, "shipped_at": "2026-11-02T09:00:00Z"}))
        .await;
    assert_eq!(err.fields[0].message_key, "error.lot.on_hold");

    let csv = w.ok("recall_customers_csv", json!({"recall_no": "RC-AMS1-000001"})).await;
    let text = csv["csv"].as_str().unwrap();
    assert!(text.starts_with("customer_code,name,email,phone,address,notified_at\n"), "{text}");
    assert!(text.contains("C-1,Bakker BV,c-1@example.com"), "{text}");
    let err = w.err("recall_customer_notified", json!({"recall_no": "RC-AMS1-000001", "customer_code": "C-9"})).await;
    assert_eq!(err.fields[0].message_key, "error.recall.not_a_customer");
    let r = w.ok("recall_customer_notified", json!({"recall_no": "RC-AMS1-000001", "customer_code": "C-1"})).await;
    assert_eq!(r["notified_count"], 1);
    let r = w
        .ok("close_recall", json!({"recall_no": "RC-AMS1-000001", "note": "Customers credited; stock scrapped"}))
        .await;
    assert_eq!(r["status"], "closed");
    let err = w.err("close_recall", json!({"recall_no": "RC-AMS1-000001", "note": "again"})).await;
    assert_eq!(err.message_key, "error.recall.closed");
    assert_eq!(w.ok("list_recalls", json!({})).await.as_array().unwrap().len(), 1);

    let report = lotline_store::check(&w.ctx.store).await.expect("check runs");
    assert!(report.mismatched.is_empty(), "{:?}", report.mismatched);
}

#[tokio::test]
async fn scanning_a_lot_label_into_search_opens_the_lot() {
    let w = supplied().await;
    // FG-1 is CHG-15W, GTIN 4006381333931: the GS1-128 data a scanner sends, and the QR's link.
    for scan in [
        "]C10104006381333931\u{1d}10FG-1\r\n",
        "(01)04006381333931(10)FG-1",
        "https://id.gs1.org/01/04006381333931/10/FG-1",
        // The supplier's case label: SSCC, the contents' GTIN (02), 24 units, the lot, 1.250 kg.
        "]C1001061414112345678970204006381333931\u{1d}3724\u{1d}10FG-1\u{1d}3103001250",
        "(00)106141411234567897(02)04006381333931(37)24(10)FG-1(3103)001250",
    ] {
        let hits = w.ok("search", json!({"text": scan})).await;
        assert_eq!(hits, json!([{"kind": "lot", "key": "FG-1", "label": "FG-1 · CHG-15W"}]), "{scan:?}");
    }
    // The typed lot code still finds it.
    let hits = w.ok("search", json!({"text": "fg-1"})).await;
    assert_eq!(hits[0]["key"], "FG-1");
}

#[tokio::test]
async fn a_lot_moves_whole_between_locations_as_two_deltas_unless_held() {
    let w = supplied().await;
    let lot = w.ok("move_lot", json!({"lot_code": "fg-2", "to_location": "quarantine"})).await;
    assert_eq!((lot["location"].as_str(), lot["on_hand"].as_i64()), (Some("QUARANTINE"), Some(400)));
    let by_location: Vec<(String, i64)> = sqlx::query_as(
        "SELECT location, SUM(qty_delta) FROM stock_moves WHERE lot_code = 'FG-2' GROUP BY location ORDER BY location",
    )
    .fetch_all(w.ctx.store.pool())
    .await
    .unwrap();
    assert_eq!(by_location, [("MAIN".to_owned(), 0), ("QUARANTINE".to_owned(), 400)]);
    let err = w.err("move_lot", json!({"lot_code": "FG-2", "to_location": "Quarantine"})).await;
    assert_eq!(err.fields[0].message_key, "error.lot.same_location");
    w.ok("hold_lot", json!({"lot_code": "FG-2", "reason": "Sorting"})).await;
    let err = w.err("move_lot", json!({"lot_code": "FG-2", "to_location": "MAIN"})).await;
    assert_eq!(err.fields[0].message_key, "error.lot.on_hold");
    let report = lotline_store::check(&w.ctx.store).await.expect("check runs");
    assert!(report.mismatched.is_empty(), "{:?}", report.mismatched);
}

#[tokio::test]
async fn supplier_quality_per_lot_shows_on_the_vendor() {
    let w = supplied().await;
    for (lot, inspected, failed, severity) in
        [("RES-A", 80, 4, "major"), ("RES-A", 50, 1, "minor"), ("RES-B", 20, 2, "minor")]
    {
        let mut failure = common::failure("BOX-5L");
        failure["lot_code"] = json!(lot);
        failure["qty_inspected"] = json!(inspected);
        failure["qty_failed"] = json!(failed);
        failure["severity"] = json!(severity);
        w.ok("log_failure", failure).await;
    }
    let q = w.ok("vendor_lot_quality", json!({"vendor_code": "SZHQ"})).await;
    assert_eq!((q["qty_inspected"].as_i64(), q["qty_failed"].as_i64()), (Some(150), Some(7)));
    // 7 of 150 failed: 4.67 %.
    assert_eq!(q["failure_rate_bps"], 467);
    assert_eq!(q["lots_with_failures"], 2);
    let first = &q["lots"][0];
    assert_eq!(
        (first["lot_code"].as_str(), first["failures"].as_i64()),
        (Some("RES-B"), Some(1)),
        "lots with failures first, newest first"
    );
    let res_a = q["lots"].as_array().unwrap().iter().find(|l| l["lot_code"] == "RES-A").unwrap();
    assert_eq!(
        (res_a["failures"].as_i64(), res_a["major"].as_i64(), res_a["minor"].as_i64()),
        (Some(2), Some(1), Some(1))
    );
    assert_eq!(res_a["supplier_lot"], "HQ-2026-118");
    assert_eq!(q["lots"].as_array().unwrap().len(), 5, "every lot of the vendor, with or without failures");
}

#[tokio::test]
async fn picking_suggests_first_expiry_first_out_and_skips_what_may_not_ship() {
    let w = setting().await;
    let csv = "lot_code,sku,vendor_code,qty,unit,expiry_date\n\
        LATE,BOX-5L,SZHQ,50,pcs,2027-06-30\n\
        SOON,BOX-5L,SZHQ,30,pcs,2026-11-20\n\
        GONE,BOX-5L,SZHQ,40,pcs,2026-10-31\n\
        HELD,BOX-5L,SZHQ,40,pcs,2026-11-10\n\
        NONE,BOX-5L,SZHQ,20,pcs,\n";
    import(&w, "lots", csv).await.unwrap();
    w.ok("hold_lot", json!({"lot_code": "HELD", "reason": "Label check"})).await;
    let pick = w.ok("pick_suggestion", json!({"sku": "BOX-5L", "qty": 60})).await;
    let lots: Vec<(&str, i64, bool)> = pick["lots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["lot_code"].as_str().unwrap(), l["take"].as_i64().unwrap(), l["near_expiry"].as_bool().unwrap()))
        .collect();
    assert_eq!(lots, [("SOON", 30, true), ("LATE", 30, false)]);
    assert_eq!(pick["short"], 0);
    assert_eq!(pick["skipped"], json!(["GONE", "HELD"]));
    let pick = w.ok("pick_suggestion", json!({"sku": "BOX-5L", "qty": 500})).await;
    assert_eq!(pick["short"], 400, "30 + 50 + 20 can ship");
}

#[tokio::test]
async fn a_qc_failure_on_a_lot_typed_in_lower_case_holds_the_received_lot() {
    let w = supplied().await;
    let mut failure = common::failure("BOX-5L");
    failure["lot_code"] = json!("res-b ");
    let logged = w.ok("log_failure", failure).await;
    let lot = w.ok("get_lot", json!({"lot_code": "RES-B"})).await;
    assert_eq!((lot["status"].as_str(), lot["active_holds"].as_i64()), (Some("on_hold"), Some(1)));
    assert_eq!(lot["failure_nos"], json!([logged["failure_no"]]));
    let err = w
        .err("ship_lot", json!({"lot_code": "RES-B", "order_no": "SO-9", "customer_code": "C-1", "qty": 1, "shipped_at": "2026-11-02T09:00:00Z"}))
        .await;
    assert_eq!(err.fields[0].params["source"], logged["failure_no"].as_str().unwrap());
    let report = lotline_store::check(&w.ctx.store).await.expect("check runs");
    assert!(report.mismatched.is_empty(), "{:?}", report.mismatched);
}

#[tokio::test]
async fn a_lot_held_by_an_open_recall_is_released_only_after_the_recall_closes() {
    let w = supplied().await;
    w.ok("start_recall", json!({"lot_codes": ["FG-2"], "reason": "Loose screws"})).await;
    let err = w.err("release_hold", json!({"lot_code": "FG-2", "note": "Looks fine"})).await;
    assert_eq!(
        (err.message_key.as_str(), err.params["recall_no"].as_str()),
        ("error.lot.held_by_open_recall", "RC-AMS1-000001")
    );
    let err = w
        .err("ship_lot", json!({"lot_code": "FG-2", "order_no": "SO-9", "customer_code": "C-1", "qty": 1, "shipped_at": "2026-11-02T09:00:00Z"}))
        .await;
    assert_eq!(err.fields[0].params["source"], "RC-AMS1-000001", "the refusal names the recall");
    w.ok("close_recall", json!({"recall_no": "RC-AMS1-000001", "note": "Screws tightened and checked"})).await;
    let lot = w.ok("release_hold", json!({"lot_code": "FG-2", "note": "Reworked under the recall"})).await;
    assert_eq!(lot["status"], "released");
}

#[tokio::test]
async fn one_hold_of_several_is_lifted_by_itself_and_a_quarantine_shows_until_lifted() {
    let w = supplied().await;
    let mut failure = common::failure("BOX-5L");
    failure["lot_code"] = json!("RES-A");
    let logged = w.ok("log_failure", failure).await;
    let lot =
        w.ok("hold_lot", json!({"lot_code": "RES-A", "reason": "Set apart for sorting", "quarantine": true})).await;
    assert_eq!((lot["status"].as_str(), lot["active_holds"].as_i64()), (Some("quarantined"), Some(2)));
    let holds = lot["holds"].as_array().unwrap();
    let manual = holds.iter().find(|h| h["quarantine"] == true).unwrap();
    assert_eq!(manual["failure_no"], Value::Null);
    let qc = holds.iter().find(|h| h["failure_no"] == logged["failure_no"]).unwrap();

    let err = w.err("release_hold", json!({"lot_code": "RES-A", "note": "x", "hold_ref": "no-such-hold"})).await;
    assert_eq!(err.message_key, "error.lot.hold_not_found");
    let lot =
        w.ok("release_hold", json!({"lot_code": "RES-A", "note": "Sorted", "hold_ref": manual["hold_ref"]})).await;
    assert_eq!((lot["status"].as_str(), lot["active_holds"].as_i64()), (Some("on_hold"), Some(1)));
    assert_eq!(lot["holds"][0]["hold_ref"], qc["hold_ref"], "the QC hold is still in force");
    let ship = json!({"lot_code": "RES-A", "order_no": "SO-7", "customer_code": "C-1", "qty": 1, "shipped_at": "2026-11-02T09:00:00Z"});
    assert_eq!(w.err("ship_lot", ship.clone()).await.fields[0].params["source"], logged["failure_no"]);
    let lot = w
        .ok("release_hold", json!({"lot_code": "RES-A", "note": "Re-inspected, fine", "hold_ref": qc["hold_ref"]}))
        .await;
    assert_eq!(lot["status"], "released");
    w.ok("ship_lot", ship).await;
    let report = lotline_store::check(&w.ctx.store).await.expect("check runs");
    assert!(report.mismatched.is_empty(), "{:?}", report.mismatched);
}

#[tokio::test]
async fn a_hold_found_after_a_lot_left_keeps_it_shipped_and_nothing_goes_into_a_held_lot() {
    let w = supplied().await;
    let ship_rest = json!({"lot_code": "FG-1", "order_no": "SO-9003", "customer_code": "C-1", "qty": 250, "shipped_at": "2026-11-01T10:00:00Z"});
    assert_eq!(w.ok("ship_lot", ship_rest).await["status"], "shipped");
    let lot = w.ok("hold_lot", json!({"lot_code": "FG-1", "reason": "Complaint from C-2"})).await;
    assert_eq!((lot["status"].as_str(), lot["active_holds"].as_i64()), (Some("shipped"), Some(1)));

    // Good resin into a held batch would be held with it.
    w.ok("hold_lot", json!({"lot_code": "MIX-1", "reason": "Viscosity out of spec"})).await;
    let err = w
        .err("link_lots", json!({"links": [{"from_lot": "RES-A", "to_lot": "MIX-1", "qty": 10, "kind": "merge"}]}))
        .await;
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].message_key.as_str()),
        ("links[0].to_lot", "error.lot.target_on_hold")
    );
    assert_eq!(err.fields[0].params["reason"], "Viscosity out of spec");
    let err = import(&w, "lot_links", "from_lot,to_lot,qty,kind\nRES-B,MIX-1,5,merge\n").await.unwrap_err();
    assert_eq!((err.fields[0].row, err.fields[0].field.as_str()), (Some(2), "to_lot"));
    assert_eq!(w.ok("get_lot", json!({"lot_code": "RES-A"})).await["on_hand"], 100, "nothing was taken");
}

#[tokio::test]
async fn a_trace_shows_each_lot_as_it_stands_now_not_as_it_was_first_traced() {
    let w = supplied().await;
    let lot_in = |trace: &Value, code: &str| {
        trace["lots"].as_array().unwrap().iter().find(|l| l["lot_code"] == code).cloned().unwrap()
    };
    let forward = json!({"lot_code": "RES-A", "direction": "forward"});
    let before = w.ok("trace_lot", forward.clone()).await;
    assert_eq!(
        (lot_in(&before, "FG-2")["status"].as_str(), lot_in(&before, "FG-2")["on_hand"].as_i64()),
        (Some("available"), Some(400))
    );
    w.ok("ship_lot", json!({"lot_code": "FG-2", "order_no": "SO-9010", "customer_code": "C-2", "qty": 30, "shipped_at": "2026-11-02T08:00:00Z"})).await;
    w.ok("hold_lot", json!({"lot_code": "FG-2", "reason": "Loose screws"})).await;
    w.ok("move_lot", json!({"lot_code": "FG-1", "to_location": "QUARANTINE"})).await;
    let after = w.ok("trace_lot", forward).await;
    let fg2 = lot_in(&after, "FG-2");
    assert_eq!((fg2["status"].as_str(), fg2["on_hand"].as_i64()), (Some("on_hold"), Some(370)));
    assert_eq!(lot_in(&after, "FG-1")["location"], "QUARANTINE");
    assert!(after["orders"].as_array().unwrap().iter().any(|o| o["order_no"] == "SO-9010"));
}

#[tokio::test]
async fn a_started_recall_prints_what_it_recorded() {
    let w = supplied().await;
    w.ok("start_recall", json!({"lot_codes": ["res-a"], "reason": "Solvent found in resin"})).await;
    let file = w.ok("recall_report_pdf", json!({"recall_no": "RC-AMS1-000001", "language": "en"})).await;
    let dir = tempfile::tempdir().unwrap();
    let pdf = common::pdf::write_pdf(dir.path(), &file);
    common::pdf::pdf_tool("qpdf", &["--check"], &pdf);
    let text = common::pdf::pdf_tool("pdftotext", &[], &pdf);
    for expected in ["RC-AMS1-000001", "Solvent found in resin", "RES-A", "Bakker BV", "Wang Li"] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
    let err = w.err("recall_report_pdf", json!({"recall_no": "RC-AMS1-000099"})).await;
    assert_eq!(err.code, lotline_app::ErrorCode::NotFound);

    let recall = w.ok("get_recall", json!({"recall_no": "rc-ams1-000001"})).await;
    assert_eq!(
        (recall["recall_no"].as_str(), recall["reason"].as_str()),
        (Some("RC-AMS1-000001"), Some("Solvent found in resin"))
    );
    let err = w.err("get_recall", json!({"recall_no": "RC-AMS1-000099"})).await;
    assert_eq!(err.code, lotline_app::ErrorCode::NotFound);

    // The forward trace of the resin as a PDF names the lots made from it and who got them.
    let file = w.ok("trace_report_pdf", json!({"lot_code": "res-a", "direction": "forward", "language": "nl"})).await;
    let pdf = common::pdf::write_pdf(dir.path(), &file);
    common::pdf::pdf_tool("qpdf", &["--check"], &pdf);
    let text = common::pdf::pdf_tool("pdftotext", &[], &pdf);
    for expected in ["RES-A", "Bakker BV"] {
        assert!(text.contains(expected), "{expected} missing from the trace report:\n{text}");
    }
}

#[tokio::test]
async fn serials_belong_to_their_lot_once_per_product_and_a_scanned_serial_opens_the_lot() {
    let w = supplied().await;
    // FG-1 is CHG-15W, serial-tracked; RES-A is BOX-5L, which is not.
    let lot = w.ok("record_serials", json!({"lot_code": "fg-1", "serials": ["SN-0001", " SN-0002 ", ""]})).await;
    assert_eq!((lot["serial_count"].as_i64(), lot["serials"].clone()), (Some(2), json!(["SN-0001", "SN-0002"])));
    let err = w
        .err("record_serials", json!({"lot_code": "FG-1", "serials": ["SN-0003", "SN-0001", "SN 4", "SN-0003"]}))
        .await;
    let found: Vec<(&str, &str)> = err.fields.iter().map(|f| (f.field.as_str(), f.message_key.as_str())).collect();
    assert_eq!(
        found,
        [
            ("serials[1]", "error.lot.serial_taken"),
            ("serials[2]", "error.lot.serial_char"),
            ("serials[3]", "error.lot.serial_twice"),
        ]
    );
    let err = w.err("record_serials", json!({"lot_code": "RES-A", "serials": ["X-1"]})).await;
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].message_key.as_str()),
        ("lot_code", "error.lot.not_serial_tracked")
    );

    // A file names the line; FG-2 received 400 units, so 400 serials fit and the 401st does not.
    let mut csv = String::from("lot_code,serial\n");
    for i in 0..401 {
        csv.push_str(&format!("FG-2,U-{i:04}\n"));
    }
    let err = import(&w, "serials", &csv).await.unwrap_err();
    assert_eq!(
        (err.fields[0].row, err.fields[0].message_key.as_str(), err.fields[0].params["qty"].as_str()),
        (Some(402), "error.lot.serials_above_qty", "400")
    );
    assert_eq!(w.ok("get_lot", json!({"lot_code": "FG-2"})).await["serial_count"], 0, "nothing of a refused file");
    assert_eq!(import(&w, "serials", "lot_code,serial\nFG-2,U-0001\nFG-2,U-0002\n").await.unwrap()["imported"], 2);

    for scan in ["SN-0002", "(01)04006381333931(21)SN-0002", "]C1010400638133393121SN-0002"] {
        let hits = w.ok("search", json!({"text": scan})).await;
        assert_eq!((hits[0]["kind"].as_str(), hits[0]["key"].as_str()), (Some("lot"), Some("FG-1")), "{scan}");
    }
    let file = w.ok("lot_labels", json!({"lot_codes": ["FG-1"], "serials": ["SN-0001", "SN-0002"]})).await;
    assert_eq!(file["file_name"], "lot-labels-2.pdf");
    let err = w.err("lot_labels", json!({"lot_codes": ["FG-1"], "serials": ["U-0001"]})).await;
    assert_eq!(err.fields[0].message_key, "error.lot.serial_not_in_lot");
    // Units ship by serial: each recorded in the lot, and out once.
    let ship = |serials: Value| json!({"lot_code": "FG-1", "order_no": "SO-9003", "customer_code": "C-1", "qty": 2, "shipped_at": "2026-11-01T10:00:00Z", "serials": serials});
    let err = w.err("ship_lot", ship(json!(["SN-0001", "U-0001"]))).await;
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].message_key.as_str()),
        ("serials", "error.lot.serial_not_in_lot")
    );
    w.ok("ship_lot", ship(json!(["SN-0001"]))).await;
    let err = w.err("ship_lot", ship(json!(["SN-0001"]))).await;
    assert_eq!(
        (err.fields[0].message_key.as_str(), err.fields[0].params["order_no"].as_str()),
        ("error.lot.serial_shipped", "SO-9003")
    );
    let err = w.err("ship_lot", json!({"lot_code": "FG-1", "order_no": "SO-9003", "customer_code": "C-1", "qty": 1, "shipped_at": "2026-11-01T10:00:00Z", "serials": ["SN-0002", "SN-0003"]})).await;
    assert_eq!(err.fields[0].message_key, "error.lot.serials_above_shipped");
    let csv = w.ok("export_csv", json!({"entity": "serials"})).await;
    assert!(csv["csv"].as_str().unwrap().starts_with("lot_code,serial\nFG-1,SN-0001\nFG-1,SN-0002\nFG-2,U-0001\n"));
    let report = lotline_store::check(&w.ctx.store).await.expect("check runs");
    assert!(report.mismatched.is_empty(), "{:?}", report.mismatched);
}

#[tokio::test]
async fn a_kit_is_assembled_by_its_bill_of_materials_and_traces_back_to_every_part() {
    let w = supplied().await;
    for (sku, name) in [("SET-2", "Opbergset"), ("KIT-9", "Cadeauset")] {
        w.ok("save_product", json!({"sku": sku, "gtin": null, "name": name, "category": "Sets", "unit_cost_minor": 900, "currency": "EUR",
            "returnable": true, "lot_tracked": true, "serial_tracked": false, "has_expiry": false, "vendor_code": "SZHQ"})).await;
    }
    // Two levels: a kit of one set and one charger; a set of two boxes.
    w.ok("save_bom", json!({"parent_sku": "SET-2", "components": [{"component_sku": "BOX-5L", "qty_per": 2}]})).await;
    let bom = w.ok("save_bom", json!({"parent_sku": "KIT-9", "components": [{"component_sku": "SET-2", "qty_per": 1}, {"component_sku": "CHG-15W", "qty_per": 1}]})).await;
    assert_eq!(bom["parts_per_unit"], json!({"BOX-5L": 2, "CHG-15W": 1}));
    let err = w
        .err("save_bom", json!({"parent_sku": "BOX-5L", "components": [{"component_sku": "KIT-9", "qty_per": 1}]}))
        .await;
    assert_eq!(err.fields[0].message_key, "error.bom.cycle");
    assert_eq!(err.fields[0].params["skus"], "BOX-5L → KIT-9 → SET-2 → BOX-5L");

    w.ok("save_location", json!({"code": "KITTING", "name": "Kitting bench", "active": true})).await;
    let receipt = |code: &str, sku: &str, qty: i64| json!({"lot_code": code, "sku": sku, "vendor_code": "SZHQ", "supplier_lot": null, "qty": qty, "unit": "pcs", "mfg_date": null, "expiry_date": null, "location": "KITTING"});
    w.ok("receive_lot", receipt("BX-A", "BOX-5L", 30)).await;
    let set = json!({"kit": receipt("SET-L1", "SET-2", 10), "components": [{"lot_code": "BX-A", "qty": 20}]});
    assert_eq!(w.ok("assemble_kit", set).await["inputs"][0]["lot_code"], "BX-A");
    // One charger short, and a lot that is not in the bill: nothing is written.
    let short = json!({"kit": receipt("KIT-L1", "KIT-9", 5), "components": [{"lot_code": "SET-L1", "qty": 5}, {"lot_code": "FG-2", "qty": 4}, {"lot_code": "BX-A", "qty": 1}]});
    let before = w.events().await;
    let err = w.err("assemble_kit", short).await;
    let found: Vec<(&str, &str)> = err.fields.iter().map(|f| (f.field.as_str(), f.message_key.as_str())).collect();
    assert_eq!(
        found,
        [("components[2].lot_code", "error.bom.not_a_component"), ("components", "error.bom.component_qty")]
    );
    assert_eq!(w.events().await, before);
    let kit = json!({"kit": receipt("KIT-L1", "KIT-9", 5), "components": [{"lot_code": "SET-L1", "qty": 5}, {"lot_code": "FG-2", "qty": 5}]});
    w.ok("assemble_kit", kit).await;
    let back = w.ok("trace_lot", json!({"lot_code": "KIT-L1", "direction": "backward"})).await;
    let reached: Vec<&str> = back["lots"].as_array().unwrap().iter().map(|l| l["lot_code"].as_str().unwrap()).collect();
    for part in ["SET-L1", "BX-A", "FG-2", "MIX-1", "RES-A", "RES-B"] {
        assert!(reached.contains(&part), "{part} missing from {reached:?}");
    }
    assert_eq!(w.ok("get_lot", json!({"lot_code": "FG-2"})).await["on_hand"], 395);
    let err = w
        .err(
            "assemble_kit",
            json!({"kit": receipt("KIT-L2", "BOX-5L", 1), "components": [{"lot_code": "BX-A", "qty": 1}]}),
        )
        .await;
    assert_eq!((err.fields[0].field.as_str(), err.fields[0].message_key.as_str()), ("kit.sku", "error.bom.none"));
}

/// 32 levels under the top, each of two assemblies that both take both of the next level's, down
/// to one screw: 2^32 paths, each SKU exploded once.
#[tokio::test]
async fn a_deep_diamond_bill_answers_at_once_and_an_uncountable_one_is_refused() {
    let w = setting().await;
    let pair = |level: u32| [format!("L{level:02}-A"), format!("L{level:02}-B")];
    let mut products = String::from(
        "sku,gtin,name,category,unit_cost_minor,currency,returnable,lot_tracked,serial_tracked,has_expiry,vendor_code\n",
    );
    for sku in (1..=32).flat_map(pair).chain(["TOP".into(), "SCREW".into(), "BIG-1".into(), "BIG-2".into()]) {
        products.push_str(&format!("{sku},,{sku},Sets,100,EUR,true,false,false,false,SZHQ\n"));
    }
    assert_eq!(import(&w, "products", &products).await.unwrap()["imported"], 68);
    let bill = |parent: &str, components: &[String], qty_per: i64| {
        let components: Vec<Value> =
            components.iter().map(|c| json!({"component_sku": c, "qty_per": qty_per})).collect();
        json!({"parent_sku": parent, "components": components})
    };
    for parent in pair(32) {
        w.ok("save_bom", bill(&parent, &["SCREW".into()], 1)).await;
    }
    for level in (1..32).rev() {
        for parent in pair(level) {
            w.ok("save_bom", bill(&parent, &pair(level + 1), 1)).await;
        }
    }
    let top = w.ok("save_bom", bill("TOP", &pair(1), 1)).await;
    assert_eq!(top["parts_per_unit"], json!({"SCREW": 1_i64 << 32}));
    assert_eq!(w.ok("get_bom", json!({"sku": "TOP"})).await["parts_per_unit"], json!({"SCREW": 1_i64 << 32}));

    w.ok("save_bom", bill("BIG-1", &["SCREW".into()], 4_000_000_000_000_000_000)).await;
    let before = w.events().await;
    let err = w.err("save_bom", bill("BIG-2", &["BIG-1".into()], 3)).await;
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].message_key.as_str()),
        ("components", "error.bom.qty_overflow")
    );
    assert_eq!(err.fields[0].params["sku"], "SCREW");
    assert_eq!(w.events().await, before, "nothing is saved");
}
