//! An exchange settles only against the replacement requested from its own RMA, once approved,
//! through the catalogue on a real temporary SQLite database.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::returns::{as_user, boxes, open, setting};
use common::{World, failure};
use serde_json::{Value, json};

/// Bakker BV (C-1) sent back one box of SO-1 for an exchange; it is received and inspected.
async fn box_back(w: &World) -> String {
    as_user(w, "ria").await;
    let mut input = open(boxes(1), "wrong_item", "2026-10-20");
    input["preferred_outcome"] = json!("exchange");
    let no = w.ok("open_rma", input).await["rma_no"].as_str().unwrap().to_owned();
    let intake = json!({"packaging_intact": true, "accessories_complete": true, "serials_match": true, "grade": "A", "photo_ids": [], "note": ""});
    w.ok("receive_rma", json!({"rma_no": no, "qty_received": [1], "intake": intake})).await;
    let restock =
        json!({"line_index": 0, "disposition": "restock", "qty": 1, "recovered_minor": 500, "location": "MAIN"});
    w.ok("inspect_rma", json!({"rma_no": no, "dispositions": [restock]})).await;
    no
}

fn reshipment(order_no: &str, failure_nos: Value, rma_no: Option<&str>) -> Value {
    json!({"failure_nos": failure_nos, "rma_no": rma_no, "order_no": order_no, "items": [{"line_no": 1, "qty": 1}],
           "carrier": "postnl", "service": "Standaard", "reason": "replacement",
           "cost": {"shipping_minor": 695, "shipping_currency": "EUR", "goods_minor": 0, "goods_currency": "EUR"}, "payer": "us"})
}

fn exchange(rma_no: &str, reshipment_no: &str) -> Value {
    json!({"rma_no": rma_no, "settlement": {"kind": "exchange", "reshipment_no": reshipment_no}})
}

/// The replacement the RMA's settle form proposes.
async fn proposed(w: &World, rma_no: &str) -> Value {
    w.ok("get_rma", json!({"rma_no": rma_no})).await["settling_replacement_no"].clone()
}

/// The refusal's field, key and parameters, and that it wrote nothing.
async fn refused(w: &World, rma_no: &str, reshipment_no: &str) -> (String, String, Value) {
    let before = w.events().await;
    let err = w.err("settle_rma", exchange(rma_no, reshipment_no)).await;
    assert_eq!(w.events().await, before, "a refused settlement writes nothing");
    let field = &err.fields[0];
    (field.field.clone(), field.message_key.clone(), serde_json::to_value(&field.params).unwrap())
}

#[tokio::test]
async fn another_reshipment_of_the_same_customer_does_not_settle_an_exchange() {
    let w = setting().await;
    let rma_no = box_back(&w).await;
    // The admin sends Bakker BV a box again for a QC failure, on the same order: authorized, but
    // no replacement for these goods.
    w.ok("sign_out", json!({})).await;
    w.sign_in("admin", common::ADMIN_PASSWORD).await;
    let f = w.ok("log_failure", failure("BOX-5L")).await;
    let other = w.ok("request_reshipment", reshipment("SO-1", json!([f["failure_no"]]), None)).await;
    assert_eq!(other["status"], "authorized");
    let other_no = other["reshipment_no"].as_str().unwrap();

    as_user(&w, "fien").await;
    let (field, key, params) = refused(&w, &rma_no, other_no).await;
    assert_eq!((field.as_str(), key.as_str()), ("settlement.reshipment_no", "error.rma.not_a_replacement"));
    assert_eq!((params["value"].as_str(), params["rma_no"].as_str()), (Some(other_no), Some(rma_no.as_str())));
    let (_, key, _) = refused(&w, &rma_no, "RS-AMS1-999999").await;
    assert_eq!(key, "error.rma.unknown_reshipment");
    assert_eq!(w.ok("get_rma", json!({"rma_no": rma_no})).await["status"], "inspected");
}

#[tokio::test]
async fn only_the_approved_replacement_from_this_rma_settles_it() {
    let w = setting().await;
    let rma_no = box_back(&w).await;
    let replacement = || reshipment("SO-1", json!([]), Some(rma_no.as_str()));

    // Requested by the analyst, whose role approves nothing: it waits for finance.
    let waiting = w.ok("request_reshipment", replacement()).await;
    assert_eq!(waiting["status"], "requested");
    let waiting_no = waiting["reshipment_no"].as_str().unwrap().to_owned();
    let (_, key, params) = refused(&w, &rma_no, &waiting_no).await;
    assert_eq!(
        (key.as_str(), params["value"].as_str()),
        ("error.rma.replacement_not_approved", Some(waiting_no.as_str()))
    );

    as_user(&w, "fien").await;
    w.ok("reject_reshipment", json!({"reshipment_no": waiting_no, "reason": "send a voucher instead"})).await;
    let (_, key, params) = refused(&w, &rma_no, &waiting_no).await;
    assert_eq!((key.as_str(), params["reshipment_status"].as_str()), ("error.rma.replacement_ended", Some("rejected")));

    as_user(&w, "ria").await;
    let withdrawn = w.ok("request_reshipment", replacement()).await["reshipment_no"].as_str().unwrap().to_owned();
    w.ok("cancel_reshipment", json!({"reshipment_no": withdrawn, "reason": "wrong carrier"})).await;
    let (_, key, params) = refused(&w, &rma_no, &withdrawn).await;
    assert_eq!(
        (key.as_str(), params["reshipment_status"].as_str()),
        ("error.rma.replacement_ended", Some("cancelled"))
    );

    let sent = w.ok("request_reshipment", replacement()).await["reshipment_no"].as_str().unwrap().to_owned();
    assert_eq!(proposed(&w, &rma_no).await, Value::Null, "the settle form proposes none before one is approved");
    as_user(&w, "fien").await;
    assert_eq!(w.ok("approve_reshipment", json!({"reshipment_no": sent})).await["status"], "authorized");
    assert_eq!(proposed(&w, &rma_no).await, json!(sent));
    let r = w.ok("settle_rma", exchange(&rma_no, &sent)).await;
    assert_eq!((r["status"].as_str(), r["settlement_kind"].as_str()), (Some("settled"), Some("exchange")));
}
