//! Every RMA step through the catalogue, on a real temporary SQLite database.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::World;
use common::returns::{as_user, boxes, open, setting};
use lotline_app::ErrorCode;
use serde_json::{Value, json};

fn outcome<'a>(rma: &'a Value, rule: &str) -> &'a Value {
    let outcomes = rma["opening"]["eligibility"]["outcomes"].as_array().or(rma["eligibility"]["outcomes"].as_array());
    outcomes.unwrap().iter().find(|o| o["rule"] == rule).unwrap_or_else(|| panic!("no {rule} outcome in {rma}"))
}

async fn stock(w: &World, sku: &str, location: &str) -> i64 {
    sqlx::query_scalar("SELECT COALESCE(SUM(qty_delta), 0) FROM stock_moves WHERE sku = ? AND location = ?")
        .bind(sku)
        .bind(location)
        .fetch_one(w.ctx.store.pool())
        .await
        .unwrap()
}

fn kinds(rma: &Value) -> Vec<&str> {
    rma["history"].as_array().unwrap().iter().map(|h| h["kind"].as_str().unwrap()).collect()
}

#[tokio::test]
async fn a_simple_return_is_approved_by_the_rules_and_runs_to_a_refund() {
    let w = setting().await;
    as_user(&w, "ria").await;
    let r = w.ok("open_rma", open(boxes(2), "no_longer_needed", "2026-10-20")).await;
    assert_eq!(r["rma_no"], "RMA-AMS1-000001");
    assert_eq!(r["status"], "approved");
    assert_eq!(r["decided_by_rules"], true);
    assert_eq!(r["policy_version"], 1);
    assert_eq!(r["value_minor"], 1_000);
    assert_eq!(r["customer_name"], "Bakker BV");
    let window = outcome(&r, "window");
    assert_eq!(window["message_key"], "returns.rule.window_used");
    assert_eq!(window["params"], json!({"days": "13", "window": "30"}));
    assert_eq!(outcome(&r, "proof")["result"], "pass");

    let no = "RMA-AMS1-000001";
    let r = w.ok("rma_in_transit", json!({"rma_no": no, "carrier": "dpd", "tracking_no": "0123 4567 8901 23"})).await;
    assert_eq!(r["status"], "in_transit");
    assert_eq!(r["tracking_no"], "01234567890123");

    let intake = json!({"packaging_intact": false, "accessories_complete": true, "serials_match": true, "grade": "B", "photo_ids": [], "note": "Box dented"});
    let err = w.err("receive_rma", json!({"rma_no": no, "qty_received": [3], "intake": intake})).await;
    assert_eq!(err.fields[0].field, "qty_received[0]");
    assert_eq!(err.fields[0].message_key, "error.rma.qty_above_expected");
    let r = w.ok("receive_rma", json!({"rma_no": no, "qty_received": [2], "intake": intake})).await;
    assert_eq!(r["status"], "received");
    assert_eq!(stock(&w, "BOX-5L", "RETURNS").await, 2, "received goods wait in the returns area");

    let err = w
        .err(
            "inspect_rma",
            json!({"rma_no": no, "dispositions": [{"line_index": 0, "disposition": "restock", "qty": 1, "recovered_minor": 500, "location": ""}]}),
        )
        .await;
    let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["dispositions[0].location", "lines[0]"], "no location, and one unit without a disposition");
    let r = w
        .ok(
            "inspect_rma",
            json!({"rma_no": no, "dispositions": [
                {"line_index": 0, "disposition": "restock", "qty": 1, "recovered_minor": 500, "location": "main"},
                {"line_index": 0, "disposition": "write_off", "qty": 1, "recovered_minor": 0, "location": ""}]}),
        )
        .await;
    assert_eq!(r["status"], "inspected");
    assert_eq!(stock(&w, "BOX-5L", "RETURNS").await, 0);
    assert_eq!(stock(&w, "BOX-5L", "MAIN").await, 1, "one unit back on the shelf, the other written off");
    assert_eq!(r["paid_for_received_minor"], 1_000);
    assert_eq!(r["policy_fee_minor"], 50, "5% for a change of mind on goods not resold as new");

    as_user(&w, "fien").await;
    let refund = |amount: i64, fee: i64| json!({"rma_no": no, "settlement": {"kind": "refund", "amount_minor": amount, "restocking_fee_minor": fee}});
    let before = w.events().await;
    let err = w.err("settle_rma", refund(1_001, 0)).await;
    assert_eq!(err.fields[0].message_key, "error.rma.refund_above_paid");
    assert_eq!(err.fields[0].params["paid"], "10.00 EUR");
    let err = w.err("settle_rma", refund(1_000, 101)).await;
    assert_eq!(err.fields[0].message_key, "error.returns.fee_above_cap");
    let err = w.err("settle_rma", refund(1_000, 60)).await;
    assert_eq!(err.fields[0].field, "restocking_fee_minor");
    assert_eq!(err.fields[0].message_key, "error.rma.fee_above_policy");
    assert_eq!(err.fields[0].params["allowed"], "0.50 EUR");
    assert_eq!(w.events().await, before, "refused settlements write nothing");
    let r = w.ok("settle_rma", refund(1_000, 50)).await;
    assert_eq!(r["status"], "settled");
    assert_eq!(r["settlement_kind"], "refund");
    assert_eq!(r["settled_minor"], 950, "what the customer receives");
    assert_eq!(r["restocking_fee_minor"], 50);
    let err = w.err("settle_rma", refund(1_000, 50)).await;
    assert_eq!(err.code, ErrorCode::Conflict);
    assert_eq!(err.message_key, "error.rma.not_inspected");
    assert_eq!(
        kinds(&r),
        ["rma_opened", "rma_in_transit", "rma_received", "rma_inspected", "rma_payout_requested", "rma_settled"],
        "every step is in the history: fien asked for the refund and, within her limit, paid it"
    );
    let settled = r["history"].as_array().unwrap().last().unwrap();
    assert_eq!(settled["actor_name"], "fien");
}

#[tokio::test]
async fn escalated_rmas_wait_for_an_analyst_who_decides_with_a_comment() {
    let w = setting().await;
    as_user(&w, "ria").await;
    // Defective without photos, and a serial-tracked charger without its serials.
    let input = open(json!([{"order_no": "SO-1", "line_no": 2, "qty": 1}]), "defective", "2026-10-30");
    let before = w.events().await;
    let check = w.ok("check_rma", input.clone()).await;
    assert_eq!(check["eligibility"]["verdict"], "escalated");
    assert_eq!(outcome(&check, "evidence")["message_key"], "returns.rule.evidence_missing");
    assert_eq!(outcome(&check, "serials")["params"]["given"], "0");
    assert_eq!(outcome(&check, "window")["message_key"], "returns.rule.window_exception");
    assert_eq!(w.events().await, before, "a check writes nothing");

    let r = w.ok("open_rma", input).await;
    assert_eq!(r["status"], "escalated");
    assert_eq!(r["decided_at"], Value::Null);
    let queue = w.ok("list_rmas", json!({"analyst_queue": true})).await;
    assert_eq!(queue["total"], 1);
    assert_eq!(queue["rows"][0]["rma_no"], "RMA-AMS1-000001");

    let no = "RMA-AMS1-000001";
    let err = w.err("rma_in_transit", json!({"rma_no": no, "carrier": "dpd", "tracking_no": "01234567890123"})).await;
    assert_eq!(err.message_key, "error.rma.not_shippable");
    assert_eq!(err.params["status"], "escalated");
    let err = w.err("suspend_rma", json!({"rma_no": no, "comment": " "})).await;
    assert_eq!(err.fields[0].field, "comment");
    let r = w.ok("suspend_rma", json!({"rma_no": no, "comment": "Asked for a photo of the serial label"})).await;
    assert_eq!(r["status"], "suspended");

    as_user(&w, "ivo").await;
    let err = w.err("approve_rma", json!({"rma_no": no, "comment": ""})).await;
    assert_eq!(err.code, ErrorCode::Forbidden);
    assert_eq!(err.message_key, "error.forbidden.decide_rma");

    as_user(&w, "ria").await;
    let r = w.ok("approve_rma", json!({"rma_no": no, "comment": "Serial seen on the photo"})).await;
    assert_eq!(r["status"], "approved");
    assert_eq!(r["decided_by_rules"], false);
    assert_ne!(r["decided_at"], Value::Null);
    let err = w.err("approve_rma", json!({"rma_no": no, "comment": ""})).await;
    assert_eq!(err.message_key, "error.rma.not_awaiting_decision");
    let queue = w.ok("list_rmas", json!({"analyst_queue": true})).await;
    assert_eq!(queue["total"], 0);
    let history = r["history"].as_array().unwrap();
    assert_eq!(history[2]["note"], "Serial seen on the photo");
}

#[tokio::test]
async fn refused_rmas_are_recorded_as_rejected_and_expect_no_goods() {
    let w = setting().await;
    let r = w.ok("open_rma", open(boxes(1), "no_longer_needed", "2026-09-01")).await;
    assert_eq!(r["status"], "rejected");
    assert_eq!(r["verdict"], "refused");
    let window = outcome(&r, "window");
    assert_eq!(window["result"], "refuse");
    assert_eq!(window["params"], json!({"days": "62", "window": "30"}));
    let before = w.events().await;
    let intake = json!({"packaging_intact": true, "accessories_complete": true, "serials_match": true, "grade": "A"});
    let err = w.err("receive_rma", json!({"rma_no": r["rma_no"], "qty_received": [1], "intake": intake})).await;
    assert_eq!(err.code, ErrorCode::Conflict);
    assert_eq!(err.message_key, "error.rma.not_receivable");
    assert_eq!(w.events().await, before);
    // A refused RMA does not hold on to the quantity.
    let r = w.ok("open_rma", open(boxes(4), "no_longer_needed", "2026-10-30")).await;
    assert_eq!(r["status"], "approved");
}

#[tokio::test]
async fn bad_requests_write_nothing_and_name_the_field() {
    let w = setting().await;
    let before = w.events().await;
    let cases = [
        (
            json!([{"order_no": "SO-404", "line_no": 1, "qty": 1}]),
            "no_longer_needed",
            "2026-10-20",
            "lines[0].order_no",
            "error.rma.unknown_order",
        ),
        (
            json!([{"order_no": "SO-1", "line_no": 9, "qty": 1}]),
            "no_longer_needed",
            "2026-10-20",
            "lines[0].line_no",
            "error.rma.unknown_order_line",
        ),
        (boxes(5), "no_longer_needed", "2026-10-20", "lines[0].qty", "error.rma.qty_above_returnable"),
        (boxes(0), "no_longer_needed", "2026-10-20", "lines[0].qty", "error.rma.qty_positive"),
        (
            json!([{"order_no": "SO-1", "line_no": 1, "qty": 1}, {"order_no": "SO-2", "line_no": 1, "qty": 1}]),
            "no_longer_needed",
            "2026-10-20",
            "lines[1].order_no",
            "error.rma.other_customer",
        ),
        (json!([]), "no_longer_needed", "2026-10-20", "lines", "error.rma.no_lines"),
        (boxes(1), "bored", "2026-10-20", "reason_code", "error.rma.unknown_reason"),
        (boxes(1), "no_longer_needed", "2026-11-20", "delivered_on", "error.rma.delivered_in_future"),
        (boxes(1), "no_longer_needed", "20-10-2026", "delivered_on", "error.field.bad_date"),
    ];
    for (lines, reason, delivered, field, key) in cases {
        let err = w.err("open_rma", open(lines.clone(), reason, delivered)).await;
        assert_eq!(err.code, ErrorCode::Invalid, "{field}");
        assert_eq!((err.fields[0].field.as_str(), err.fields[0].message_key.as_str()), (field, key));
        let err = w.err("check_rma", open(lines, reason, delivered)).await;
        assert_eq!(err.fields[0].field, field, "the live check names the same field");
    }
    assert_eq!(w.events().await, before, "nothing written");

    // Two lines of one RMA may not together take more than was ordered.
    let err = w
        .err(
            "open_rma",
            open(
                json!([{"order_no": "SO-1", "line_no": 1, "qty": 3}, {"order_no": "SO-1", "line_no": 1, "qty": 2}]),
                "no_longer_needed",
                "2026-10-20",
            ),
        )
        .await;
    assert_eq!(err.fields[0].field, "lines[1].qty");
    assert_eq!(err.fields[0].params["available"], "1");

    w.ok("open_rma", open(boxes(4), "no_longer_needed", "2026-10-20")).await;
    let err = w.err("open_rma", open(boxes(1), "no_longer_needed", "2026-10-20")).await;
    assert_eq!(err.fields[0].message_key, "error.rma.fully_returned");
    assert_eq!(err.fields[0].params["sku"], "BOX-5L");

    // Cancelling frees the quantity again, and needs a reason.
    let err = w.err("cancel_rma", json!({"rma_no": "RMA-AMS1-000001", "reason": ""})).await;
    assert_eq!(err.fields[0].field, "reason");
    let r = w.ok("cancel_rma", json!({"rma_no": "RMA-AMS1-000001", "reason": "Customer kept the boxes"})).await;
    assert_eq!(r["status"], "cancelled");
    w.ok("open_rma", open(boxes(1), "no_longer_needed", "2026-10-20")).await;

    let err = w.err("get_rma", json!({"rma_no": "RMA-AMS1-999999"})).await;
    assert_eq!(err.code, ErrorCode::NotFound);
}

#[tokio::test]
async fn the_policy_is_versioned_and_each_rma_keeps_the_version_that_judged_it() {
    let w = setting().await;
    let first = w.ok("open_rma", open(boxes(1), "no_longer_needed", "2026-10-01")).await;
    assert_eq!(first["status"], "rejected", "32 days is past the default 30");

    let mut policy = w.ok("get_return_policy", json!({})).await;
    assert_eq!(policy["version"], 1);
    policy["restocking_fee_bps"] = json!(1_500);
    let err = w.err("set_return_policy", policy.clone()).await;
    assert_eq!(err.fields[0].field, "restocking_fee_bps");
    assert_eq!(err.fields[0].message_key, "error.returns.fee_above_cap");
    policy["restocking_fee_bps"] = json!(1_000);
    policy["window_days"] = json!(60);
    as_user(&w, "ria").await;
    let err = w.err("set_return_policy", policy.clone()).await;
    assert_eq!(err.message_key, "error.forbidden.configure_returns");
    w.ok("sign_out", json!({})).await;
    w.sign_in("admin", common::ADMIN_PASSWORD).await;
    let saved = w.ok("set_return_policy", policy).await;
    assert_eq!(saved["version"], 2);

    let second = w.ok("open_rma", open(boxes(1), "no_longer_needed", "2026-10-01")).await;
    assert_eq!(second["status"], "approved");
    assert_eq!(second["policy_version"], 2);
    let first = w.ok("get_rma", json!({"rma_no": first["rma_no"]})).await;
    assert_eq!(first["policy_version"], 1, "history is not rewritten");
    assert_eq!(first["status"], "rejected");
}

#[tokio::test]
async fn store_credit_and_exchange_settle_and_the_list_filters() {
    let w = setting().await;
    let a = w.ok("open_rma", open(boxes(1), "wrong_item", "2026-10-30")).await;
    let b = w
        .ok("open_rma", open(json!([{"order_no": "SO-2", "line_no": 1, "qty": 1}]), "fulfillment_error", "2026-10-30"))
        .await;
    let intake = json!({"packaging_intact": true, "accessories_complete": true, "serials_match": true, "grade": "A"});
    for no in [&a["rma_no"], &b["rma_no"]] {
        w.ok("receive_rma", json!({"rma_no": no, "qty_received": [1], "intake": intake})).await;
        w.ok(
            "inspect_rma",
            json!({"rma_no": no, "dispositions": [{"line_index": 0, "disposition": "restock", "qty": 1, "recovered_minor": 500, "location": "MAIN"}]}),
        )
        .await;
    }
    // The admin opened them: finance settles.
    as_user(&w, "fien").await;
    let r = w
        .ok("settle_rma", json!({"rma_no": a["rma_no"], "settlement": {"kind": "store_credit", "amount_minor": 500}}))
        .await;
    assert_eq!(r["settlement_kind"], "store_credit");
    assert_eq!(r["settled_minor"], 500);
    let err = w
        .err(
            "settle_rma",
            json!({"rma_no": b["rma_no"], "settlement": {"kind": "exchange", "reshipment_no": "RS-AMS1-000404"}}),
        )
        .await;
    assert_eq!(err.fields[0].field, "settlement.reshipment_no");
    assert_eq!(err.fields[0].message_key, "error.rma.unknown_reshipment");
    assert_eq!(stock(&w, "BOX-5L", "MAIN").await, 2);

    let page = w.ok("list_rmas", json!({"text": "wang"})).await;
    assert_eq!(page["total"], 1);
    assert_eq!(page["rows"][0]["rma_no"], b["rma_no"]);
    let page = w.ok("list_rmas", json!({"status": "settled"})).await;
    assert_eq!(page["total"], 1);
    assert_eq!(page["rows"][0]["rma_no"], a["rma_no"]);
}

#[tokio::test]
async fn store_credit_goes_out_within_a_day_of_approval_and_the_return_settles_as_it() {
    let w = setting().await;
    as_user(&w, "ria").await;
    let mut input = open(boxes(2), "no_longer_needed", "2026-10-20");
    input["preferred_outcome"] = json!("store_credit");
    let r = w.ok("open_rma", input).await;
    let no = r["rma_no"].as_str().unwrap().to_owned();
    assert_eq!(r["status"], "approved");
    // The credit is owed from approval, not from receipt: 24 hours from 2 Nov 09:30.
    assert_eq!((r["sla_step"].as_str(), r["due_at"].as_str()), (Some("credit"), Some("2026-11-03T09:30:00Z")));
    w.pass_time(chrono::Duration::hours(20)).await;
    assert_eq!(w.ok("get_rma", json!({"rma_no": no})).await["sla"], "at_risk");

    // Finance issues it while the parcel is on its way; more than the return is worth is refused.
    as_user(&w, "fien").await;
    let before = w.events().await;
    let err = w.err("issue_store_credit", json!({"rma_no": no, "amount_minor": 1_001})).await;
    assert_eq!(err.fields[0].field, "amount_minor");
    assert_eq!(err.fields[0].message_key, "error.rma.credit_above_value");
    assert_eq!(w.events().await, before, "nothing written");
    let r = w.ok("issue_store_credit", json!({"rma_no": no, "amount_minor": 1_000})).await;
    assert_eq!(r["status"], "approved", "the goods have not come back yet");
    assert_eq!(r["credit_issued_minor"], 1_000);
    assert_eq!(r["credit_issued_at"], "2026-11-03T05:30:00Z");
    assert_eq!(r["sla_step"], Value::Null, "nothing is owed while the customer has the goods");
    assert!(kinds(&r).contains(&"rma_credit_issued"));
    let err = w.err("issue_store_credit", json!({"rma_no": no, "amount_minor": 1_000})).await;
    assert_eq!((err.code, err.message_key.as_str()), (ErrorCode::Conflict, "error.rma.credit_already_issued"));

    // Only one of the two boxes comes back: the credit is 5.00 above what came back.
    as_user(&w, "ria").await;
    let intake = json!({"packaging_intact": true, "accessories_complete": true, "serials_match": true, "grade": "A"});
    w.ok("receive_rma", json!({"rma_no": no, "qty_received": [1], "intake": intake})).await;
    let r = w
        .ok(
            "inspect_rma",
            json!({"rma_no": no, "dispositions": [{"line_index": 0, "disposition": "restock", "qty": 1, "recovered_minor": 500, "location": "MAIN"}]}),
        )
        .await;
    assert_eq!(r["credit_above_received_minor"], 500);
    let refund =
        json!({"rma_no": no, "settlement": {"kind": "refund", "amount_minor": 500, "restocking_fee_minor": 0}});
    let err = w.err("settle_rma", refund).await;
    assert_eq!(err.fields[0].message_key, "error.rma.settle_as_issued_credit");
    let r =
        w.ok("settle_rma", json!({"rma_no": no, "settlement": {"kind": "store_credit", "amount_minor": 1_000}})).await;
    assert_eq!((r["status"].as_str(), r["settled_minor"].as_i64()), (Some("settled"), Some(1_000)));
}

#[tokio::test]
async fn credit_ahead_of_the_goods_only_for_a_customer_who_asked_and_cancelling_after_it_is_for_analysts() {
    let w = setting().await;
    let refund = w.ok("open_rma", open(boxes(1), "no_longer_needed", "2026-10-20")).await;
    let err = w.err("issue_store_credit", json!({"rma_no": refund["rma_no"], "amount_minor": 500})).await;
    assert_eq!(err.message_key, "error.rma.credit_not_preferred");

    w.add_user("lou", &["logistics"]).await;
    let mut input = open(json!([{"order_no": "SO-2", "line_no": 1, "qty": 1}]), "no_longer_needed", "2026-10-20");
    input["preferred_outcome"] = json!("store_credit");
    let credit = w.ok("open_rma", input).await;
    as_user(&w, "fien").await;
    w.ok("issue_store_credit", json!({"rma_no": credit["rma_no"], "amount_minor": 500})).await;
    as_user(&w, "lou").await;
    let err = w.err("cancel_rma", json!({"rma_no": credit["rma_no"], "reason": "customer kept it"})).await;
    assert_eq!(err.code, ErrorCode::Forbidden);
    as_user(&w, "ria").await;
    let r = w.ok("cancel_rma", json!({"rma_no": credit["rma_no"], "reason": "customer kept it"})).await;
    assert_eq!(r["status"], "cancelled");
    assert_eq!(r["credit_issued_minor"], 500, "the credit stays on record");
}

#[tokio::test]
async fn returns_of_a_held_lot_do_not_go_back_to_stock_and_a_lot_comes_back_only_from_an_order_it_went_to() {
    let w = setting().await;
    w.ok("receive_lot", json!({"lot_code": "BX-9", "sku": "BOX-5L", "vendor_code": "SZHQ", "supplier_lot": null, "qty": 10, "unit": "pcs", "mfg_date": null, "expiry_date": null, "location": "MAIN"})).await;
    w.ok("ship_lot", json!({"lot_code": "BX-9", "order_no": "SO-1", "customer_code": "C-1", "qty": 4, "shipped_at": "2026-10-02T10:00:00Z"})).await;
    w.ok("hold_lot", json!({"lot_code": "BX-9", "reason": "Brittle lids"})).await;
    as_user(&w, "ria").await;
    let line = |order: &str, qty: i64| json!([{"order_no": order, "line_no": 1, "qty": qty, "lot_code": "bx-9"}]);
    let err = w.err("open_rma", open(line("SO-2", 1), "no_longer_needed", "2026-10-20")).await;
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].message_key.as_str()),
        ("lines[0].lot_code", "error.rma.lot_not_shipped")
    );
    let r = w.ok("open_rma", open(line("SO-1", 2), "no_longer_needed", "2026-10-20")).await;
    let no = r["rma_no"].as_str().unwrap().to_owned();
    let intake = json!({"packaging_intact": true, "accessories_complete": true, "serials_match": true, "grade": "B", "photo_ids": [], "note": ""});
    w.ok("receive_rma", json!({"rma_no": no, "qty_received": [2], "intake": intake})).await;
    let restock = json!({"rma_no": no, "dispositions": [{"line_index": 0, "disposition": "restock", "qty": 2, "recovered_minor": 0, "location": "MAIN"}]});
    let err = w.err("inspect_rma", restock).await;
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].message_key.as_str()),
        ("dispositions[0].disposition", "error.rma.lot_on_hold")
    );
    assert_eq!(err.fields[0].params["reason"], "Brittle lids");
    let write_off = json!({"rma_no": no, "dispositions": [{"line_index": 0, "disposition": "write_off", "qty": 2, "recovered_minor": 0, "location": ""}]});
    assert_eq!(w.ok("inspect_rma", write_off).await["status"], "inspected");
    assert_eq!(w.ok("get_lot", json!({"lot_code": "BX-9"})).await["on_hand"], 6, "nothing came back into the held lot");
}

#[tokio::test]
async fn a_serial_recorded_here_comes_back_only_from_the_order_it_went_out_on() {
    let w = setting().await;
    w.ok("receive_lot", json!({"lot_code": "CH-7", "sku": "CHG-15W", "vendor_code": "SZHQ", "supplier_lot": null, "qty": 5, "unit": "pcs", "mfg_date": null, "expiry_date": null, "location": "MAIN"})).await;
    w.ok("record_serials", json!({"lot_code": "CH-7", "serials": ["S-1", "S-2", "S-3"]})).await;
    w.ok("ship_lot", json!({"lot_code": "CH-7", "order_no": "SO-1", "customer_code": "C-1", "qty": 2, "shipped_at": "2026-10-02T10:00:00Z", "serials": ["S-1", "S-2"]})).await;
    as_user(&w, "ria").await;
    let line =
        |serial: &str| json!([{"order_no": "SO-1", "line_no": 2, "qty": 1, "lot_code": "CH-7", "serials": [serial]}]);
    let err = w.err("open_rma", open(line("S-3"), "no_longer_needed", "2026-10-20")).await;
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].message_key.as_str(), err.fields[0].params["serial"].as_str()),
        ("lines[0].serials", "error.rma.serial_not_shipped", "S-3")
    );
    // A serial this desk never recorded is taken on the customer's word.
    w.ok("open_rma", open(line("S-99"), "no_longer_needed", "2026-10-20")).await;
    w.ok("open_rma", open(line("S-1"), "no_longer_needed", "2026-10-20")).await;
}

#[tokio::test]
async fn whoever_works_on_returns_notes_on_one_in_any_state_and_its_history_tells_it() {
    let w = setting().await;
    let r = w.ok("open_rma", open(boxes(1), "no_longer_needed", "2026-09-01")).await;
    assert_eq!(r["status"], "rejected", "a closed return takes notes too");
    let no = r["rma_no"].clone();
    let before = w.events().await;
    let err = w.err("add_rma_note", json!({"rma_no": no, "note": "  "})).await;
    assert_eq!((err.fields[0].field.as_str(), err.fields[0].message_key.as_str()), ("note", "error.field.required"));
    as_user(&w, "ivo").await;
    let err = w.err("add_rma_note", json!({"rma_no": no, "note": "The box was wet"})).await;
    assert_eq!((err.code, err.message_key.as_str()), (ErrorCode::Forbidden, "error.forbidden.rma_note"));
    assert_eq!(w.events().await, before, "nothing refused is written");

    as_user(&w, "fien").await;
    let noted =
        w.ok("add_rma_note", json!({"rma_no": no, "note": " Customer called: keeps the box, no refund "})).await;
    assert_eq!(noted["status"], "rejected", "a note moves no status");
    let last = noted["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (&last["kind"], &last["note"], &last["actor_name"]),
        (&json!("rma_note_added"), &json!("Customer called: keeps the box, no refund"), &json!("fien"))
    );
    assert_eq!(w.ok("get_rma", json!({"rma_no": no})).await["history"], noted["history"]);
    let err = w.err("add_rma_note", json!({"rma_no": "RMA-AMS1-999999", "note": "Lost parcel?"})).await;
    assert_eq!(err.code, ErrorCode::NotFound);
}
