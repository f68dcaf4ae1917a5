//! Chargebacks from every source in one list: a re-inspection and a return to the vendor
//! charged back on their failures, next to a reshipment the vendor pays for; recovered in part,
//! written off with a reason; and the review's cost of quality and the vendor's scorecard
//! counting all of them. Figures worked out by hand.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::{World, failure, world};
use lotline_app::ErrorCode;
use serde_json::{Value, json};

async fn as_user(w: &World, name: &str) {
    w.ok("sign_out", json!({})).await;
    w.sign_in(name, common::USER_PASSWORD).await;
}

fn week() -> Value {
    json!({"from": "2026-11-02", "to": "2026-11-08"})
}

/// QF 1 goes to re-inspection, QF 2 back to the vendor (SZHQ, boxes in EUR); order SO-1 of
/// customer C-1 for the reshipment; users of each role the flow needs.
async fn setting() -> World {
    let w = world().await;
    w.master_data().await;
    w.ok("save_customer", json!({"code": "C-1", "name": "Bakker BV", "email": null, "phone": null, "address": "Damrak 1", "country": "NL"})).await;
    w.ok(
        "save_order",
        json!({"order_no": "SO-1", "customer_code": "C-1", "ordered_at": "2026-10-01T10:00:00Z", "currency": "EUR",
        "lines": [{"line_no": 1, "sku": "BOX-5L", "qty": 4, "unit_price_minor": 500}]}),
    )
    .await;
    for disposition in ["reinspect", "return_to_vendor"] {
        let mut f = failure("BOX-5L");
        f["disposition"] = json!(disposition);
        w.ok("log_failure", f).await;
    }
    for (name, role) in [("ines", "inspector"), ("lena", "logistics"), ("fien", "finance"), ("vera", "vendor_manager")]
    {
        w.add_user(name, &[role]).await;
    }
    w
}

#[tokio::test]
async fn every_source_in_one_list_settled_and_counted_in_the_review_and_the_scorecard() {
    let w = setting().await;
    // The inspector records what the re-inspection cost: 120.00, in the product's currency.
    as_user(&w, "ines").await;
    let claims = w
        .ok("record_failure_chargeback", json!({"failure_no": "QF-AMS1-000001", "source": "reinspection", "amount_minor": 12_000, "note": "4 h sorting"}))
        .await;
    assert_eq!(claims[0]["currency"], "EUR");
    assert_eq!((claims[0]["status"].as_str(), claims[0]["vendor_code"].as_str()), (Some("open"), Some("SZHQ")));
    let err = w
        .err(
            "record_failure_chargeback",
            json!({"failure_no": "QF-AMS1-000001", "source": "return_to_vendor", "amount_minor": 100}),
        )
        .await;
    assert_eq!(err.fields[0].message_key, "error.chargeback.source_not_on_failure");
    let err = w
        .err(
            "record_failure_chargeback",
            json!({"failure_no": "QF-AMS1-000001", "source": "reinspection", "amount_minor": 100}),
        )
        .await;
    assert_eq!(err.message_key, "error.chargeback.already_recorded");
    w.ok(
        "record_failure_chargeback",
        json!({"failure_no": "QF-AMS1-000002", "source": "return_to_vendor", "amount_minor": 4_550}),
    )
    .await;
    let err = w
        .err("settle_failure_chargeback", json!({"failure_no": "QF-AMS1-000001", "source": "reinspection", "status": "recovered", "recovered_minor": 1}))
        .await;
    assert_eq!((err.code, err.message_key.as_str()), (ErrorCode::Forbidden, "error.forbidden.manage_chargeback"));

    // A reshipment the vendor pays for: 10.00 shipping, recovered in full (not shipped yet, so
    // it has cost nothing yet; what the vendor paid is in).
    as_user(&w, "lena").await;
    let rs = w.ok("request_reshipment", json!({"failure_nos": ["QF-AMS1-000002"], "order_no": "SO-1", "items": [{"line_no": 1, "qty": 2}],
        "carrier": "dpd", "service": "Classic", "cost": {"shipping_minor": 1_000, "shipping_currency": "EUR", "goods_minor": 0, "goods_currency": "EUR"},
        "payer": "vendor", "reason": "Replacement"})).await;
    let rs_no = rs["reshipment_no"].as_str().unwrap().to_owned();
    as_user(&w, "vera").await;
    let listed = w.ok("list_chargebacks", json!({})).await;
    let sources: Vec<_> = listed.as_array().unwrap().iter().map(|r| r["source"].as_str().unwrap().to_owned()).collect();
    assert_eq!(sources.len(), 3);
    assert!(sources.contains(&"reshipment".to_owned()) && sources.contains(&"reinspection".to_owned()), "{sources:?}");
    w.ok("update_chargeback", json!({"reshipment_no": rs_no, "status": "recovered", "recovered_minor": 1_000})).await;

    // Finance: SZHQ pays 70.00 of the 120.00; the return's 45.50 is written off, with why.
    as_user(&w, "fien").await;
    let err = w
        .err("settle_failure_chargeback", json!({"failure_no": "QF-AMS1-000001", "source": "reinspection", "status": "recovered", "recovered_minor": 12_001}))
        .await;
    assert_eq!(err.fields[0].message_key, "error.chargeback.bad_recovered");
    w.ok("settle_failure_chargeback", json!({"failure_no": "QF-AMS1-000001", "source": "reinspection", "status": "recovered", "recovered_minor": 7_000, "note": "Credit note CN-77"}))
        .await;
    let err = w
        .err(
            "settle_failure_chargeback",
            json!({"failure_no": "QF-AMS1-000002", "source": "return_to_vendor", "status": "written_off"}),
        )
        .await;
    assert_eq!(err.fields[0].field, "note", "a write-off says why");
    w.ok("settle_failure_chargeback", json!({"failure_no": "QF-AMS1-000002", "source": "return_to_vendor", "status": "written_off", "note": "=below the claim threshold"}))
        .await;
    let err = w
        .err(
            "settle_failure_chargeback",
            json!({"failure_no": "QF-AMS1-000001", "source": "reinspection", "status": "written_off", "note": "rest"}),
        )
        .await;
    assert_eq!(err.message_key, "error.chargeback.settled");

    let failure = w.ok("get_failure", json!({"failure_no": "QF-AMS1-000001"})).await;
    let last = failure["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "failure_chargeback_settled");
    assert_eq!(last["changes"][2], json!({"field": "recovered", "before": null, "after": "70.00 EUR"}));

    let listed = w.ok("list_chargebacks", json!({"vendor_code": "SZHQ"})).await;
    let by_ref =
        |reference: &str| listed.as_array().unwrap().iter().find(|r| r["reference"] == reference).cloned().unwrap();
    let reinspection = by_ref("QF-AMS1-000001");
    assert_eq!(
        (reinspection["status"].as_str(), reinspection["recovered_minor"].as_i64()),
        (Some("recovered"), Some(7_000))
    );
    assert_eq!(reinspection["note"], "Credit note CN-77");
    assert_eq!(by_ref("QF-AMS1-000002")["status"], "written_off");
    assert_eq!(by_ref(&rs_no)["status"], "recovered");

    // Cost of quality this week, EUR: re-inspection 120.00 + return to vendor 45.50, less what
    // vendors paid back on every source, 10.00 + 70.00 = 80.00: net 85.50.
    let r = w.ok("review_period", week()).await;
    let eur = &r["cost_of_quality"]["currencies"][0]["current"];
    assert_eq!(
        *eur,
        json!({"currency": "EUR", "scrap_minor": 0, "rework_minor": 0, "reshipment_shipping_minor": 0,
               "reshipment_goods_minor": 0, "refunds_minor": 0, "store_credit_minor": 0,
               "reinspection_minor": 12_000, "return_to_vendor_minor": 4_550,
               "chargebacks_recovered_minor": 8_000, "net_minor": 8_550})
    );
    // The scorecard's recovery: 80.00 of 10.00 + 120.00 + 45.50 = 175.50 claimed = 45.58%.
    let cards = w.ok("vendor_scorecards", week()).await;
    let szhq = cards["vendors"].as_array().unwrap().iter().find(|c| c["vendor_code"] == "SZHQ").cloned().unwrap();
    let recovery = szhq["components"].as_array().unwrap().iter().find(|c| c["id"] == "chargebacks").cloned().unwrap();
    assert_eq!(recovery["measured"], 4_558);

    // The export: every source, amounts in minor units, the formula-like reason defused.
    let csv = w.ok("chargebacks_csv", json!({})).await;
    let text = csv["csv"].as_str().unwrap();
    assert!(
        text.starts_with(
            "source,reference,vendor_code,amount_minor,currency,status,recovered_minor,recorded_at,note\n"
        ),
        "{text}"
    );
    assert!(text.contains("reinspection,QF-AMS1-000001,SZHQ,12000,EUR,recovered,7000,"), "{text}");
    assert!(text.contains("'=below the claim threshold"), "{text}");
    assert_eq!(text.lines().count(), 4);

    let report = lotline_store::check(&w.ctx.store).await.expect("check runs");
    assert!(report.mismatched.is_empty(), "{:?}", report.mismatched);
}
