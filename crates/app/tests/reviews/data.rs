//! The reviews' data set, built through the acts with the clock stepped through two weeks.
//!
//! Previous period 26 Oct – 1 Nov 2026, current period 2 – 8 Nov 2026 (the test clock starts on
//! Monday 2 Nov, 09:30 UTC). Every figure the tests expect is worked out from the steps here.

use chrono::Duration;
use serde_json::{Value, json};

use crate::common::returns::{as_user, boxes, open, setting};
use crate::common::{ADMIN_PASSWORD, World};

pub const PHOTO: &[u8] = include_bytes!("../../../documents/tests/fixtures/defect-photo.jpg");

pub async fn as_admin(w: &World) {
    w.ok("sign_out", json!({})).await;
    w.sign_in("admin", ADMIN_PASSWORD).await;
}

pub async fn hours(w: &World, h: i64) {
    w.pass_time(Duration::hours(h)).await;
}

fn order(no: &str, at: &str, qty: i64) -> Value {
    json!({"order_no": no, "customer_code": "C-1", "ordered_at": at, "currency": "EUR",
           "lines": [{"line_no": 1, "sku": "BOX-5L", "qty": qty, "unit_price_minor": 500}]})
}

fn failure(
    sku: &str,
    vendor: &str,
    at: &str,
    category: &str,
    qty: (i64, i64),
    severity: &str,
    disposition: Value,
) -> Value {
    json!({
        "occurred_at": at, "sku": sku, "vendor_code": vendor, "lot_code": null, "serials": [],
        "stage": "incoming", "qty_inspected": qty.0, "qty_failed": qty.1, "category_code": category,
        "description": "Found at incoming inspection", "severity": severity, "inspection": null,
        "attachment_ids": [], "disposition": disposition, "owner_team": "warehouse_qc", "reinspection_of": null
    })
}

fn intake(grade: &str, packaging_intact: bool) -> Value {
    json!({"packaging_intact": packaging_intact, "accessories_complete": true, "serials_match": true, "grade": grade, "photo_ids": [], "note": ""})
}

fn disposed(pairs: &[(&str, &str)]) -> Value {
    let lines: Vec<Value> = pairs
        .iter()
        .map(|(d, loc)| json!({"line_index": 0, "disposition": d, "qty": 1, "recovered_minor": 0, "location": loc}))
        .collect();
    Value::Array(lines)
}

async fn receive(w: &World, no: &str, grade: &str, intact: bool, qty: i64) {
    w.ok("rma_in_transit", json!({"rma_no": no, "carrier": "dpd", "tracking_no": "01234567890123"})).await;
    w.ok("receive_rma", json!({"rma_no": no, "qty_received": [qty], "intake": intake(grade, intact)})).await;
}

async fn settle(w: &World, no: &str, amount: i64, fee: i64) {
    as_user(w, "fien").await;
    let settlement = json!({"kind": "refund", "amount_minor": amount, "restocking_fee_minor": fee});
    w.ok("settle_rma", json!({"rma_no": no, "settlement": settlement})).await;
    as_user(w, "ria").await;
}

fn reshipment(failure_no: &str, shipping: i64, goods: i64, payer: &str) -> Value {
    json!({"failure_nos": [failure_no], "order_no": "SO-4", "items": [{"line_no": 1, "qty": 2}], "carrier": "dpd",
           "service": "Classic", "payer": payer, "reason": "Replacement",
           "cost": {"shipping_minor": shipping, "shipping_currency": "EUR", "goods_minor": goods, "goods_currency": "EUR"}})
}

/// Builds the data set and leaves the clock at Friday 6 Nov 2026, 10:00 UTC, signed in as admin.
pub async fn two_weeks() -> World {
    let w = setting().await;
    w.ok("save_vendor", json!({"code": "ACME", "name": "Acme Mugs Ltd", "country": "GB", "contact_name": null, "email": null, "phone": null, "language": "en"})).await;
    w.ok("save_product", json!({"sku": "MUG-1", "gtin": null, "name": "Mug", "category": "Kitchen", "unit_cost_minor": 250, "currency": "USD",
             "returnable": true, "lot_tracked": false, "serial_tracked": false, "has_expiry": false, "vendor_code": "ACME"})).await;
    w.add_user("lena", &["logistics"]).await;
    let mut policy = w.ok("get_return_policy", json!({})).await;
    policy["returns_centre"] =
        json!({"name": "Retourcentrum", "address": "Havenstraat 12\n3011 AB Rotterdam", "country": "NL"});
    // Finance's standard costs: 3.50 to handle a return, 4.95 postage per prepaid label.
    (policy["handling_cost_minor"], policy["label_postage_minor"]) = (json!(350), json!(495));
    w.ok("set_return_policy", policy).await;
    // 8 orders in the current period, 4 in the previous one.
    for n in 3..=10 {
        w.ok("save_order", order(&format!("SO-{n}"), "2026-11-02T08:00:00Z", 4)).await;
    }
    for n in 11..=14 {
        w.ok("save_order", order(&format!("SO-{n}"), "2026-10-27T08:00:00Z", 1)).await;
    }

    // Tuesday 27 Oct: a lot of 100 chargers in stock, and RMA 1 opened and approved by the rules.
    w.pass_time(Duration::days(-6)).await;
    let lot = |code: &str, qty: i64| json!({"lot_code": code, "sku": "CHG-15W", "vendor_code": "SZHQ", "qty": qty, "unit": "pcs", "location": "main"});
    w.ok("receive_lot", lot("L-Q", 100)).await;
    as_user(&w, "ria").await;
    w.ok("open_rma", open(boxes(1), "no_longer_needed", "2026-10-20")).await;

    // Monday 2 Nov 09:30: a lot of 50, four QC failures (one in the previous period), RMAs 2-5.
    w.pass_time(Duration::days(6)).await;
    as_admin(&w).await;
    w.ok("receive_lot", lot("L-P", 50)).await;
    let mut f1 = failure("BOX-5L", "SZHQ", "2026-11-02T08:00:00Z", "COS", (80, 3), "major", json!("scrap"));
    let photo = w.ok("upload_attachment", json!({"file_name": "lid.jpg", "data_base64": base64(PHOTO)})).await;
    f1["attachment_ids"] = json!([photo["id"]]);
    w.ok("log_failure", f1).await;
    w.ok("log_failure", failure("BOX-5L", "SZHQ", "2026-11-02T09:00:00Z", "COS", (50, 2), "minor", json!("rework")))
        .await;
    // The rework is done the same morning: 12.00 of labour. A scrapped failure has no rework cost.
    let done = json!({"failure_no": "QF-AMS1-000002", "outcome": "Lids re-seated", "qty": 2, "cost_minor": 1_200});
    w.ok("complete_disposition", done).await;
    let scrap = json!({"failure_no": "QF-AMS1-000001", "outcome": "Scrapped", "qty": 3, "cost_minor": 100});
    assert_eq!(w.err("complete_disposition", scrap).await.fields[0].message_key, "error.failure.cost_only_for_rework");
    w.ok("log_failure", failure("MUG-1", "ACME", "2026-11-02T07:00:00Z", "FUN", (40, 4), "critical", json!("scrap")))
        .await;
    w.ok("log_failure", failure("BOX-5L", "SZHQ", "2026-10-28T08:00:00Z", "COS", (10, 1), "minor", Value::Null)).await;
    as_user(&w, "ria").await;
    let one = |order: &str| json!([{"order_no": order, "line_no": 1, "qty": 1}]);
    let opened = [
        w.ok("open_rma", open(boxes(2), "no_longer_needed", "2026-10-20")).await,
        w.ok("open_rma", open(one("SO-2"), "defective", "2026-10-25")).await,
        w.ok("open_rma", open(one("SO-3"), "defective", "2026-11-02")).await,
        w.ok("open_rma", open(one("SO-5"), "no_longer_needed", "2026-11-02")).await,
    ];
    let statuses: Vec<&str> = opened.iter().map(|r| r["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["approved", "escalated", "escalated", "approved"], "RMAs 2-5 as opened");
    as_user(&w, "lena").await;
    w.ok("request_reshipment", reshipment("QF-AMS1-000001", 1_500, 2_000, "us")).await;
    w.ok("request_reshipment", reshipment("QF-AMS1-000002", 500, 1_000, "vendor")).await;
    as_user(&w, "ria").await;
    hours(&w, 1).await; // 10:30
    w.ok("approve_rma", json!({"rma_no": "RMA-AMS1-000003", "comment": "Photo received by mail"})).await;
    receive(&w, "RMA-AMS1-000001", "A", true, 1).await;
    hours(&w, 1).await; // 11:30
    receive(&w, "RMA-AMS1-000002", "B", false, 2).await;
    w.ok("rma_labels", json!({"rma_nos": ["RMA-AMS1-000003", "RMA-AMS1-000005"], "size": "a6"})).await;
    // RMA 3's label printed again (the printer jammed): drawn here, no second postage.
    w.ok("rma_labels", json!({"rma_nos": ["RMA-AMS1-000003"], "size": "a6"})).await;

    // Tuesday 3 Nov 09:30.
    hours(&w, 22).await;
    as_user(&w, "lena").await;
    w.ok(
        "ship_reshipment",
        json!({"reshipment_no": "RS-AMS1-000001", "carrier": "dpd", "tracking_no": "01234567890123"}),
    )
    .await;
    as_admin(&w).await;
    // QF 1's scrap is done a day after the failure, and one of its 3 failed units was saved.
    w.ok("complete_disposition", json!({"failure_no": "QF-AMS1-000001", "outcome": "Scrapped", "qty": 2})).await;
    w.ok(
        "add_checklist_item",
        json!({"sku": "BOX-5L", "text": "Check lids under light", "failure_no": "QF-AMS1-000001"}),
    )
    .await;
    as_user(&w, "ria").await;
    w.ok("reject_rma", json!({"rma_no": "RMA-AMS1-000004", "comment": "Works as specified"})).await;
    receive(&w, "RMA-AMS1-000003", "C", true, 1).await;
    hours(&w, 1).await; // 10:30
    w.ok("inspect_rma", json!({"rma_no": "RMA-AMS1-000001", "dispositions": disposed(&[("restock", "main")])})).await;
    hours(&w, 1).await; // 11:30
    let two = disposed(&[("restock", "main"), ("write_off", "")]);
    w.ok("inspect_rma", json!({"rma_no": "RMA-AMS1-000002", "dispositions": two})).await;

    // Wednesday 4 Nov.
    hours(&w, 23).await; // 10:30
    settle(&w, "RMA-AMS1-000001", 500, 0).await;
    hours(&w, 1).await; // 11:30
    settle(&w, "RMA-AMS1-000002", 1_000, 50).await;
    hours(&w, 4).await; // 15:30
    w.ok("inspect_rma", json!({"rma_no": "RMA-AMS1-000003", "dispositions": disposed(&[("write_off", "")])})).await;

    // Thursday 5 Nov: RMA 3 refunded short of what the policy pays; the vendor-paid reshipment ships late.
    hours(&w, 18).await; // 09:30
    settle(&w, "RMA-AMS1-000003", 400, 0).await;
    hours(&w, 2).await; // 11:30
    as_user(&w, "lena").await;
    w.ok(
        "ship_reshipment",
        json!({"reshipment_no": "RS-AMS1-000002", "carrier": "dpd", "tracking_no": "01234567890123"}),
    )
    .await;

    // Friday 6 Nov 10:00: the vendor pays back 10.00 of the 15.00 reshipment.
    w.pass_time(Duration::minutes(22 * 60 + 30)).await;
    as_admin(&w).await;
    w.ok(
        "update_chargeback",
        json!({"reshipment_no": "RS-AMS1-000002", "status": "recovered", "recovered_minor": 1_000}),
    )
    .await;
    // The mugs of QF 3 (logged Monday) are scrapped, all 4.
    w.ok("complete_disposition", json!({"failure_no": "QF-AMS1-000003", "outcome": "Scrapped", "qty": 4})).await;
    w
}

pub fn base64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}
