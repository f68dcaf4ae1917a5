//! Prepaid return labels, CSV import and export of RMAs, and RMA deadlines, through the
//! catalogue on a real temporary SQLite database; label PDFs checked with qpdf and pdftotext.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use std::process::Command;

use base64::Engine as _;
use common::World;
use common::returns::{as_user, boxes, open, setting};
use serde_json::{Value, json};

async fn with_returns_centre(w: &World) {
    let mut policy = w.ok("get_return_policy", json!({})).await;
    policy["returns_centre"] =
        json!({"name": "Lotline Retourcentrum", "address": "Havenstraat 12\n3011 AB Rotterdam", "country": "NL"});
    policy["label_carrier"] = json!("postnl");
    policy["label_service"] = json!("Retour");
    policy["parcel_grams"] = json!(1_250);
    let saved = w.ok("set_return_policy", policy).await;
    assert_eq!(saved["version"], 2);
}

fn pdf_text(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("labels.pdf");
    std::fs::write(&path, bytes).unwrap();
    let check = Command::new("qpdf").arg("--check").arg(&path).output().expect("qpdf is installed");
    assert!(check.status.success(), "qpdf --check: {}", String::from_utf8_lossy(&check.stdout));
    let text = Command::new("pdftotext").args(["-layout"]).arg(&path).arg("-").output().expect("pdftotext");
    assert!(text.status.success());
    String::from_utf8(text.stdout).unwrap()
}

fn decode(file: &Value) -> Vec<u8> {
    base64::engine::general_purpose::STANDARD.decode(file["pdf_base64"].as_str().unwrap()).unwrap()
}

#[tokio::test]
async fn approved_rmas_print_in_one_batch_and_each_label_is_recorded() {
    let w = setting().await;
    with_returns_centre(&w).await;
    as_user(&w, "ria").await;
    let first = w.ok("open_rma", open(boxes(1), "no_longer_needed", "2026-10-20")).await;
    // Another customer: a second return by C-1 would make its return rate unusual.
    let second =
        w.ok("open_rma", open(json!([{"order_no": "SO-2", "line_no": 1, "qty": 1}]), "wrong_item", "2026-10-20")).await;
    let (a, b) = (first["rma_no"].as_str().unwrap(), second["rma_no"].as_str().unwrap());
    assert_eq!((first["status"].as_str(), second["status"].as_str()), (Some("approved"), Some("approved")));

    let file = w.ok("rma_labels", json!({"rma_nos": [a, b], "size": "a6"})).await;
    assert_eq!(file["file_name"], "return-labels-2.pdf");
    let text = pdf_text(&decode(&file));
    for expected in
        [a, b, "Lotline Retourcentrum", "Bakker BV", "Wang Li", "SO-1", "SO-2", "1.25 kg", "PostNL", "Retour"]
    {
        assert!(text.contains(expected), "{expected} missing from the labels:\n{text}");
    }
    for no in [a, b] {
        let r = w.ok("get_rma", json!({"rma_no": no})).await;
        assert_eq!(r["status"], "label_printed");
        assert_eq!(r["labels_printed"], 1);
        assert_eq!(r["history"].as_array().unwrap().last().unwrap()["kind"], "rma_label_printed");
    }
    // A reprint of one is fine and counted.
    let file = w.ok("rma_labels", json!({"rma_nos": [a], "weight_grams": 800})).await;
    assert_eq!(file["file_name"], format!("return-label-{a}.pdf"));
    assert!(pdf_text(&decode(&file)).contains("0.80 kg"));
    assert_eq!(w.ok("get_rma", json!({"rma_no": a})).await["labels_printed"], 2);
}

#[tokio::test]
async fn a_batch_with_one_bad_rma_prints_nothing_and_says_which() {
    let w = setting().await;
    as_user(&w, "ria").await;
    let ok = w.ok("open_rma", open(boxes(1), "no_longer_needed", "2026-10-20")).await;
    let a = ok["rma_no"].as_str().unwrap();

    let err = w.err("rma_labels", json!({"rma_nos": [a]})).await;
    assert_eq!(err.fields[0].field, "returns_centre", "no returns centre in the policy yet");
    assert_eq!(err.message_key, "error.rma.no_returns_centre");
    w.ok("sign_out", json!({})).await;
    w.sign_in("admin", common::ADMIN_PASSWORD).await;
    with_returns_centre(&w).await;
    as_user(&w, "ria").await;

    let escalated =
        w.ok("open_rma", open(json!([{"order_no": "SO-1", "line_no": 2, "qty": 1}]), "defective", "2026-10-30")).await;
    let e = escalated["rma_no"].as_str().unwrap();
    assert_eq!(escalated["status"], "escalated");
    let before = w.events().await;
    let err = w.err("rma_labels", json!({"rma_nos": [a, e]})).await;
    assert_eq!(err.message_key, "error.rma.no_label");
    assert_eq!(err.params["rma_no"], e);
    assert_eq!(err.params["position"], "2");
    let err = w.err("rma_labels", json!({"rma_nos": [a, "RMA-AMS1-999999"]})).await;
    assert_eq!(err.params["position"], "2");
    let err = w.err("rma_labels", json!({"rma_nos": [a, a]})).await;
    assert_eq!(err.fields[0].field, "rma_nos[1]");
    let err = w.err("rma_labels", json!({"rma_nos": [a], "weight_grams": 0})).await;
    assert_eq!(err.fields[0].field, "weight_grams");
    let err = w.err("rma_labels", json!({"rma_nos": []})).await;
    assert_eq!(err.fields[0].field, "rma_nos");
    assert_eq!(w.events().await, before, "nothing recorded for a refused batch");
    assert_eq!(w.ok("get_rma", json!({"rma_no": a})).await["status"], "approved");

    // An inspector does not print return labels.
    as_user(&w, "ivo").await;
    let err = w.err("rma_labels", json!({"rma_nos": [a]})).await;
    assert_eq!(err.code, lotline_app::ErrorCode::Forbidden);
}

const RMA_CSV: &str = "ref,order_no,line_no,qty,serials,reason_code,preferred_outcome,delivered_on,original_packaging,unused,tags_attached,note
R1,SO-1,1,2,,no_longer_needed,refund,2026-10-20,yes,yes,yes,changed mind
R1,SO-1,2,1,,no_longer_needed,refund,2026-10-20,yes,yes,yes,
R2,SO-2,1,1,,wrong_item,exchange,2026-10-25,ja,nee,ja,sent the wrong box
";

#[tokio::test]
async fn an_rma_file_opens_every_rma_with_its_verdict_or_nothing() {
    let w = setting().await;
    as_user(&w, "ria").await;
    let bad = RMA_CSV
        .replace("R2,SO-2,1,1", "R2,SO-2,1,7")
        .replace("R1,SO-1,2,1,,no_longer_needed", "R1,SO-1,2,1,,defective");
    let before = w.events().await;
    let err = w.err("import_csv", json!({"entity": "rmas", "csv": bad})).await;
    let at: Vec<(String, Option<u64>)> = err.fields.iter().map(|f| (f.field.clone(), f.row)).collect();
    assert_eq!(at, [("reason_code".to_owned(), Some(3))], "the differing reason on line 3 stops the file first");
    let bad = RMA_CSV.replace("R2,SO-2,1,1", "R2,SO-2,1,7");
    let err = w.err("import_csv", json!({"entity": "rmas", "csv": bad})).await;
    assert_eq!(err.fields.len(), 1, "{err:?}");
    assert_eq!((err.fields[0].field.as_str(), err.fields[0].row), ("qty", Some(4)), "the line's own row and column");
    assert_eq!(err.fields[0].message_key, "error.rma.qty_above_returnable");
    // An error about the second line of R1 lands on R1's second row.
    let bad = RMA_CSV.replace("R1,SO-1,2,1,,", "R1,SO-1,2,9,,");
    let err = w.err("import_csv", json!({"entity": "rmas", "csv": bad})).await;
    assert_eq!((err.fields[0].field.as_str(), err.fields[0].row), ("qty", Some(3)), "{err:?}");
    let bad = RMA_CSV.replace("refund,2026-10-20,yes,yes,yes,changed", "money back,2026-10-20,yes,yes,yes,changed");
    let err = w.err("import_csv", json!({"entity": "rmas", "csv": bad})).await;
    assert_eq!((err.fields[0].field.as_str(), err.fields[0].row), ("preferred_outcome", Some(2)));
    assert_eq!(w.events().await, before, "a file with a bad row writes nothing");

    let report = w.ok("import_csv", json!({"entity": "rmas", "csv": RMA_CSV})).await;
    assert_eq!(report["imported"], 2);
    let list = w.ok("list_rmas", json!({})).await;
    assert_eq!(list["total"], 2);
    let r1 = w.ok("get_rma", json!({"rma_no": "RMA-AMS1-000001"})).await;
    assert_eq!(r1["opening"]["lines"].as_array().unwrap().len(), 2);
    assert_eq!(r1["value_minor"], 2 * 500 + 2_500);
    assert_eq!(r1["verdict"], "escalated", "a serial-tracked charger came back without its serial");
    let r2 = w.ok("get_rma", json!({"rma_no": "RMA-AMS1-000002"})).await;
    assert_eq!((r2["customer_code"].as_str(), r2["status"].as_str()), (Some("C-2"), Some("approved")));
    assert_eq!(r2["opening"]["note"], "sent the wrong box");

    let export = w.ok("export_csv", json!({"entity": "rmas"})).await;
    let csv = export["csv"].as_str().unwrap();
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().starts_with("rma_no,status,verdict,decided_by_rules,customer_code"));
    let first: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(&first[..5], ["RMA-AMS1-000001", "escalated", "escalated", "false", "C-1"]);
    assert_eq!(first[25..], ["decision", "2026-11-04T09:30:00.000Z"], "an analyst decides within 2 days");
    assert!(export["file_name"].as_str().unwrap().starts_with("lotline-rmas-"));
}

#[tokio::test]
async fn each_step_has_its_deadline_and_the_list_shows_when_it_is_at_risk_or_overdue() {
    let w = setting().await;
    as_user(&w, "ria").await;
    let r =
        w.ok("open_rma", open(json!([{"order_no": "SO-1", "line_no": 2, "qty": 1}]), "defective", "2026-10-30")).await;
    let no = r["rma_no"].as_str().unwrap().to_owned();
    assert_eq!((r["sla_step"].as_str(), r["sla"].as_str()), (Some("decision"), Some("on_track")));
    assert_eq!(r["due_at"], "2026-11-04T09:30:00Z");
    w.pass_time(chrono::Duration::hours(40)).await;
    let row = &w.ok("list_rmas", json!({"analyst_queue": true})).await["rows"][0];
    assert_eq!(row["sla"], "at_risk");
    w.pass_time(chrono::Duration::hours(9)).await;
    assert_eq!(w.ok("list_rmas", json!({})).await["rows"][0]["sla"], "overdue");

    let r = w.ok("approve_rma", json!({"rma_no": no, "comment": "Serial checked by phone"})).await;
    assert_eq!((r["sla_step"].clone(), r["sla"].clone()), (Value::Null, Value::Null), "the customer has the goods");
    let intake = json!({"packaging_intact": true, "accessories_complete": true, "serials_match": true, "grade": "C", "photo_ids": [], "note": ""});
    let r = w.ok("receive_rma", json!({"rma_no": no, "qty_received": [1], "intake": intake})).await;
    assert_eq!((r["sla_step"].as_str(), r["due_at"].as_str()), (Some("intake"), Some("2026-11-05T10:30:00Z")));
}

#[tokio::test]
async fn a_failure_found_at_intake_is_linked_to_its_rma() {
    let w = setting().await;
    as_user(&w, "ria").await;
    let r = w.ok("open_rma", open(boxes(2), "no_longer_needed", "2026-10-20")).await;
    let no = r["rma_no"].as_str().unwrap().to_owned();
    let mut found = common::failure("BOX-5L");
    found["stage"] = json!("customer_return");
    found["qty_inspected"] = json!(2);
    found["qty_failed"] = json!(1);
    found["rma_no"] = json!(no);

    let before = w.events().await;
    let err = w.err("log_failure", found.clone()).await;
    assert_eq!(err.message_key, "error.rma.not_at_intake", "the goods have not come back yet");
    let intake = json!({"packaging_intact": true, "accessories_complete": true, "serials_match": true, "grade": "C", "photo_ids": [], "note": ""});
    w.ok("receive_rma", json!({"rma_no": no, "qty_received": [2], "intake": intake})).await;
    let before_bad = w.events().await;
    assert_eq!(before_bad, before + 1, "the refused failure wrote nothing");

    let mut wrong = found.clone();
    wrong["stage"] = json!("incoming");
    wrong["sku"] = json!("CHG-15W");
    wrong["serials"] = json!(["SN-1"]);
    wrong["lot_code"] = json!("L-1");
    let err = w.err("log_failure", wrong).await;
    let mut fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    fields.sort_unstable();
    assert_eq!(fields, ["rma_no", "stage"], "{err:?}");
    let mut unknown = found.clone();
    unknown["rma_no"] = json!("RMA-AMS1-999999");
    let err = w.err("log_failure", unknown).await;
    assert_eq!((err.fields[0].field.as_str(), err.fields[0].message_key.as_str()), ("rma_no", "error.rma.unknown_rma"));
    assert_eq!(w.events().await, before_bad);

    let failure = w.ok("log_failure", found).await;
    let failure_no = failure["failure_no"].as_str().unwrap();
    assert_eq!(failure["rma_no"], no);
    let rma = w.ok("get_rma", json!({"rma_no": no})).await;
    assert_eq!(rma["failure_nos"], json!([failure_no]));
    let last = rma["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "rma_failure_logged");
    assert_eq!(last["changes"][0]["after"], failure_no);

    lotline_store::rebuild(&w.ctx.store).await.expect("rebuild");
    assert_eq!(w.ok("get_rma", json!({"rma_no": no})).await["failure_nos"], json!([failure_no]));
    assert_eq!(w.ok("get_failure", json!({"failure_no": failure_no})).await["rma_no"], no);
}

#[tokio::test]
async fn an_rma_is_settled_by_the_policy_version_that_judged_it() {
    let w = setting().await;
    as_user(&w, "ria").await;
    let r = w.ok("open_rma", open(boxes(2), "no_longer_needed", "2026-10-20")).await;
    let no = r["rma_no"].as_str().unwrap().to_owned();
    assert_eq!(r["policy_version"], 1);
    w.ok("sign_out", json!({})).await;
    w.sign_in("admin", common::ADMIN_PASSWORD).await;
    let mut policy = w.ok("get_return_policy", json!({})).await;
    policy["restocking_fee_bps"] = json!(1_000);
    assert_eq!(w.ok("set_return_policy", policy).await["version"], 2);

    as_user(&w, "ria").await;
    let intake = json!({"packaging_intact": true, "accessories_complete": true, "serials_match": true, "grade": "B", "photo_ids": [], "note": ""});
    w.ok("receive_rma", json!({"rma_no": no, "qty_received": [2], "intake": intake})).await;
    let restock = |location: &str| json!({"rma_no": no, "dispositions": [{"line_index": 0, "disposition": "resell_open_box", "qty": 2, "recovered_minor": 700, "location": location}]});
    let err = w.err("inspect_rma", restock("returns")).await;
    assert_eq!(err.fields[0].field, "dispositions[0].location");
    assert_eq!(err.fields[0].message_key, "error.rma.location_is_returns_area");
    w.sign_in("admin", common::ADMIN_PASSWORD).await;
    w.ok("save_location", json!({"code": "B-12", "name": "Rack B, shelf 12", "active": true})).await;
    as_user(&w, "ria").await;
    let r = w.ok("inspect_rma", restock("B-12")).await;
    assert_eq!(r["paid_for_received_minor"], 1_000);
    assert_eq!(r["policy_fee_minor"], 50, "5% of version 1, not the 10% saved later");

    as_user(&w, "fien").await;
    let refund = |fee: i64| json!({"rma_no": no, "settlement": {"kind": "refund", "amount_minor": 1_000, "restocking_fee_minor": fee}});
    let err = w.err("settle_rma", refund(100)).await;
    assert_eq!(err.fields[0].message_key, "error.rma.fee_above_policy");
    let r = w.ok("settle_rma", refund(50)).await;
    assert_eq!((r["settled_minor"].as_i64(), r["restocking_fee_minor"].as_i64()), (Some(950), Some(50)));
}

#[tokio::test]
async fn only_an_analyst_closes_an_rma_waiting_for_one_and_a_reshipment_for_a_failure_settles_no_exchange() {
    let w = setting().await;
    w.add_user("lou", &["logistics"]).await;
    as_user(&w, "lou").await;
    let r =
        w.ok("open_rma", open(json!([{"order_no": "SO-1", "line_no": 2, "qty": 1}]), "defective", "2026-10-30")).await;
    let no = r["rma_no"].as_str().unwrap().to_owned();
    assert_eq!(r["status"], "escalated");
    let err = w.err("cancel_rma", json!({"rma_no": no, "reason": "customer changed their mind"})).await;
    assert_eq!(err.code, lotline_app::ErrorCode::Forbidden);
    as_user(&w, "ria").await;
    let r = w.ok("cancel_rma", json!({"rma_no": no, "reason": "customer changed their mind"})).await;
    assert_eq!(r["status"], "cancelled");

    // Wang Li (C-2) returns the box from SO-2 and wants an exchange.
    let r =
        w.ok("open_rma", open(json!([{"order_no": "SO-2", "line_no": 1, "qty": 1}]), "wrong_item", "2026-10-30")).await;
    let no = r["rma_no"].as_str().unwrap().to_owned();
    let intake = json!({"packaging_intact": true, "accessories_complete": true, "serials_match": true, "grade": "A", "photo_ids": [], "note": ""});
    w.ok("receive_rma", json!({"rma_no": no, "qty_received": [1], "intake": intake})).await;
    let restock =
        json!({"line_index": 0, "disposition": "restock", "qty": 1, "recovered_minor": 500, "location": "MAIN"});
    w.ok("inspect_rma", json!({"rma_no": no, "dispositions": [restock]})).await;
    let failure = w.ok("log_failure", common::failure("BOX-5L")).await;
    let reship = |order: &str| {
        json!({"failure_nos": [failure["failure_no"]], "order_no": order, "items": [{"line_no": 1, "qty": 1}],
               "carrier": "dpd", "service": "Classic", "reason": "replacement",
               "cost": {"shipping_minor": 500, "shipping_currency": "EUR", "goods_minor": 500, "goods_currency": "EUR"}, "payer": "us"})
    };
    let to_bakker = w.ok("request_reshipment", reship("SO-1")).await;
    let exchange =
        |rs: &Value| json!({"rma_no": no, "settlement": {"kind": "exchange", "reshipment_no": rs["reshipment_no"]}});
    let err = w.err("settle_rma", exchange(&to_bakker)).await;
    assert_eq!(err.fields[0].field, "settlement.reshipment_no");
    assert_eq!(err.fields[0].message_key, "error.rma.not_a_replacement");
    // Even one to Wang Li herself: it replaces the QC failure, not the goods she sent back.
    let to_wang = w.ok("request_reshipment", reship("SO-2")).await;
    assert_eq!(w.err("settle_rma", exchange(&to_wang)).await.message_key, "error.rma.not_a_replacement");
}

#[tokio::test]
async fn an_exchange_sends_a_replacement_reshipment_for_what_came_back() {
    let w = setting().await;
    as_user(&w, "ria").await;
    let mut input = open(boxes(2), "wrong_item", "2026-10-20");
    input["preferred_outcome"] = json!("exchange");
    let r = w.ok("open_rma", input).await;
    let no = r["rma_no"].as_str().unwrap().to_owned();
    let replacement = |qty: i64| {
        json!({"failure_nos": [], "rma_no": no, "order_no": "SO-1", "items": [{"line_no": 1, "qty": qty}],
               "carrier": "postnl", "service": "Standaard", "reason": "exchange for a wrong item",
               "cost": {"shipping_minor": 695, "shipping_currency": "EUR", "goods_minor": 0, "goods_currency": "EUR"}, "payer": "us"})
    };
    let before = w.events().await;
    let err = w.err("request_reshipment", replacement(1)).await;
    assert_eq!((err.fields[0].field.as_str(), err.message_key.as_str()), ("rma_no", "error.rma.not_back_for_exchange"));
    let intake = json!({"packaging_intact": true, "accessories_complete": true, "serials_match": true, "grade": "A", "photo_ids": [], "note": ""});
    w.ok("receive_rma", json!({"rma_no": no, "qty_received": [1], "intake": intake})).await;
    assert_eq!(w.events().await, before + 1, "the refused request wrote nothing");

    let err = w.err("request_reshipment", replacement(2)).await;
    assert_eq!(err.fields[0].message_key, "error.reshipment.qty_above_failed", "one came back, so one goes out");
    assert_eq!(err.fields[0].params["available"], "1");
    let mut other_order = replacement(1);
    other_order["order_no"] = json!("SO-2");
    let err = w.err("request_reshipment", other_order).await;
    assert_eq!(err.fields[0].field, "order_no");
    let mut no_failures = replacement(1);
    no_failures["rma_no"] = json!(null);
    let err = w.err("request_reshipment", no_failures).await;
    assert_eq!(
        err.fields[0].message_key, "error.reshipment.no_failures",
        "without an RMA a reshipment answers failures"
    );

    let rs = w.ok("request_reshipment", replacement(1)).await;
    let rs_no = rs["reshipment_no"].as_str().unwrap().to_owned();
    assert_eq!(rs["rma_no"], no);
    assert_eq!(w.ok("get_rma", json!({"rma_no": no})).await["replacement_nos"], json!([rs_no]));
    let err = w.err("request_reshipment", replacement(1)).await;
    assert_eq!(err.fields[0].params["available"], "0", "the one that came back is already being replaced");

    let restock =
        json!({"line_index": 0, "disposition": "restock", "qty": 1, "recovered_minor": 500, "location": "MAIN"});
    w.ok("inspect_rma", json!({"rma_no": no, "dispositions": [restock]})).await;
    as_user(&w, "fien").await;
    w.ok("approve_reshipment", json!({"reshipment_no": rs_no})).await;
    let r = w.ok("settle_rma", json!({"rma_no": no, "settlement": {"kind": "exchange", "reshipment_no": rs_no}})).await;
    assert_eq!((r["status"].as_str(), r["settlement_kind"].as_str()), (Some("settled"), Some("exchange")));
    lotline_store::rebuild(&w.ctx.store).await.expect("rebuild");
    assert_eq!(w.ok("get_reshipment", json!({"reshipment_no": rs_no})).await["rma_no"], no);
}
