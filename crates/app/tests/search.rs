//! The global search box through the catalogue: every human number Lotline prints finds its
//! record, and a parcel's tracking number finds its return or reshipment, typed or scanned.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::returns::{as_user, boxes, open, setting};
use common::{World, failure};
use serde_json::{Value, json};

async fn search(w: &World, text: &str) -> Vec<(String, String)> {
    let hits = w.ok("search", json!({ "text": text })).await;
    hits.as_array()
        .unwrap()
        .iter()
        .map(|h| (h["kind"].as_str().unwrap().to_owned(), h["key"].as_str().unwrap().to_owned()))
        .collect()
}

fn one(kind: &str, key: &str) -> Vec<(String, String)> {
    vec![(kind.to_owned(), key.to_owned())]
}

#[tokio::test]
async fn numbers_and_tracking_numbers_find_their_records() {
    let w = setting().await;
    as_user(&w, "ria").await;
    let rma: Value = w.ok("open_rma", open(boxes(1), "no_longer_needed", "2026-10-20")).await;
    let rma_no = rma["rma_no"].as_str().unwrap().to_owned();
    w.ok("rma_in_transit", json!({"rma_no": rma_no, "carrier": "dpd", "tracking_no": "0123 4567 8901 23"})).await;

    // The label's Code 128 as a scanner types it, and the number typed in lower case.
    assert_eq!(search(&w, &format!("]C1{rma_no}\r")).await, one("rma", &rma_no));
    assert_eq!(search(&w, &rma_no.to_lowercase()).await, one("rma", &rma_no));
    // The carrier's tracking number, as printed (with spaces) or scanned.
    assert_eq!(search(&w, "0123 4567 8901 23").await, one("rma", &rma_no));
    assert_eq!(search(&w, "01234567890123").await, one("rma", &rma_no));
    // Part of a number lists what starts or holds it.
    assert!(search(&w, "RMA-AMS1").await.contains(&("rma".to_owned(), rma_no.clone())));

    // A reshipment by its number and by the tracking number it shipped with.
    w.sign_in("admin", common::ADMIN_PASSWORD).await;
    let logged = w.ok("log_failure", failure("BOX-5L")).await;
    let request = json!({
        "failure_nos": [logged["failure_no"]], "order_no": "SO-1", "items": [{"line_no": 1, "qty": 1}],
        "carrier": "ups", "service": "Standard",
        "cost": {"shipping_minor": 500, "shipping_currency": "EUR", "goods_minor": 500, "goods_currency": "EUR"},
        "payer": "us", "reason": "Lid cracked"
    });
    let reshipment = w.ok("request_reshipment", request).await;
    let reshipment_no = reshipment["reshipment_no"].as_str().unwrap().to_owned();
    if reshipment["status"] != "authorized" {
        w.ok("approve_reshipment", json!({"reshipment_no": reshipment_no, "comment": "ok"})).await;
    }
    w.ok(
        "ship_reshipment",
        json!({"reshipment_no": reshipment_no, "carrier": "ups", "tracking_no": "1z999aa10123456784"}),
    )
    .await;
    assert_eq!(search(&w, &reshipment_no).await, one("reshipment", &reshipment_no));
    assert_eq!(search(&w, "1Z999AA10123456784").await, one("reshipment", &reshipment_no));
    assert_eq!(search(&w, " 1z999aa1 0123456784 ").await, one("reshipment", &reshipment_no));

    // A recall by its number.
    w.ok(
        "receive_lot",
        json!({"lot_code": "L-77", "sku": "BOX-5L", "vendor_code": "SZHQ", "supplier_lot": null, "qty": 10,
        "unit": "pcs", "mfg_date": null, "expiry_date": null, "location": "MAIN", "promised_on": null}),
    )
    .await;
    let recall = w.ok("start_recall", json!({"lot_codes": ["L-77"], "reason": "Lids crack"})).await;
    let recall_no = recall["recall_no"].as_str().unwrap().to_owned();
    assert_eq!(search(&w, &recall_no).await, one("recall", &recall_no));

    // Nothing is found for what no record holds.
    assert!(search(&w, "ZZ-NOTHING-42").await.is_empty());
}
