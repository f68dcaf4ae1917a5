//! Separation of duties on refunds and store credit through the catalogue: amount limits per
//! role, a second approver from finance above the threshold, and nobody paying out a return they
//! opened or approved, with what the RMA screen offers each person.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::World;
use common::returns::{as_user, open, setting};
use serde_json::{Value, json};

fn actions(rma: &Value) -> Vec<&str> {
    rma["my_actions"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect()
}

/// Settlements: returns analyst up to 20.00, finance up to 100.00, admin without limit; two
/// approvers, one of them finance, above 30.00.
async fn limits(w: &World) {
    w.ok(
        "set_approval_policy",
        json!({"currency": "EUR", "dual_control_above_minor": 50_000, "ship_within_working_days": 2,
        "limits": [{"role": "logistics", "limit_minor": 5_000}, {"role": "admin", "limit_minor": null}],
        "settlements": {"dual_control_above_minor": 3_000, "limits": [
            {"role": "returns_analyst", "limit_minor": 2_000}, {"role": "finance", "limit_minor": 10_000},
            {"role": "admin", "limit_minor": null}]}}),
    )
    .await;
}

/// Ria opens the return of both chargers, tom approves it as the analyst it was escalated to,
/// and ria has them back, as new, on the shelf.
async fn two_chargers_back(w: &World) -> String {
    w.add_user("tom", &["returns_analyst"]).await;
    as_user(w, "ria").await;
    let r = w
        .ok("open_rma", open(json!([{"order_no": "SO-1", "line_no": 2, "qty": 2}]), "no_longer_needed", "2026-10-20"))
        .await;
    let no = r["rma_no"].as_str().unwrap().to_owned();
    assert_eq!(r["status"], "escalated", "50.00 of chargers from a customer who returned before");
    as_user(w, "tom").await;
    w.ok("approve_rma", json!({"rma_no": no, "comment": "regular customer"})).await;
    as_user(w, "ria").await;
    let intake = json!({"packaging_intact": true, "accessories_complete": true, "serials_match": true, "grade": "A"});
    w.ok("receive_rma", json!({"rma_no": no, "qty_received": [2], "intake": intake})).await;
    w.ok(
        "inspect_rma",
        json!({"rma_no": no, "dispositions": [{"line_index": 0, "disposition": "restock", "qty": 2, "recovered_minor": 5_000, "location": "MAIN"}]}),
    )
    .await;
    no
}

#[tokio::test]
async fn a_refund_above_the_threshold_needs_finance_and_a_second_approver_and_a_third_person_pays() {
    let w = setting().await;
    limits(&w).await;
    w.add_user("max", &["admin"]).await;
    w.add_user("fred", &["finance"]).await;
    let no = two_chargers_back(&w).await;
    // 2 × 25.00 = 50.00 back as new: no fee, 50.00 goes out; above 30.00, so two approvers.
    let refund =
        json!({"rma_no": no, "settlement": {"kind": "refund", "amount_minor": 5_000, "restocking_fee_minor": 0}});
    let r = w.ok("settle_rma", refund.clone()).await;
    assert_eq!(r["status"], "inspected", "ria opened it: her settle only asks for the refund");
    let payout = &r["payout"];
    assert_eq!(payout["requirement"]["approvals"], 2);
    assert_eq!(payout["requirement"]["finance_needed"], true);
    assert_eq!(payout["requirement"]["total_minor"], 5_000);
    assert_eq!(payout["approver_roles"], json!(["finance", "admin"]), "ria's 20.00 does not reach 50.00");
    assert_eq!(payout["requested_by_name"], "ria");
    assert_eq!(actions(&r), ["settle"], "ria may ask again, not approve or pay");
    let err = w.err("pay_out_rma", json!({"rma_no": no})).await;
    assert_eq!(err.message_key, "error.settlement.approvals_missing");

    // Fien's 100.00 reaches 50.00: she approves, as the finance approver it needs.
    as_user(&w, "fien").await;
    let r = w.ok("get_rma", json!({"rma_no": no})).await;
    assert_eq!(actions(&r)[0], "approve_payout");
    let r = w.ok("approve_payout", json!({"rma_no": no, "comment": "intake photos checked"})).await;
    assert_eq!(r["payout"]["authorized"], false, "one of two");
    assert!(!actions(&r).contains(&"pay_out"), "fien approved it: she may not pay it");

    as_user(&w, "max").await;
    let r = w.ok("approve_payout", json!({"rma_no": no, "comment": ""})).await;
    assert_eq!(r["payout"]["authorized"], true);
    let approvers: Vec<&str> =
        r["payout"]["approvals"].as_array().unwrap().iter().map(|a| a["approver_name"].as_str().unwrap()).collect();
    assert_eq!(approvers, ["fien", "max"]);
    assert!(
        r["payout"]["approvals"].as_array().unwrap().iter().all(|a| a["total_minor"] == 5_000 && a["counts"] == true)
    );
    let err = w.err("pay_out_rma", json!({"rma_no": no})).await;
    assert_eq!(err.message_key, "error.settlement.payer_approved");
    as_user(&w, "ria").await;
    let err = w.err("pay_out_rma", json!({"rma_no": no})).await;
    assert_eq!(err.message_key, "error.settlement.payer_opened");

    as_user(&w, "tom").await;
    let err = w.err("pay_out_rma", json!({"rma_no": no})).await;
    assert_eq!(err.message_key, "error.settlement.payer_decided");

    as_user(&w, "fred").await;
    let r = w.ok("get_rma", json!({"rma_no": no})).await;
    assert_eq!(actions(&r)[0], "pay_out");
    let r = w.ok("pay_out_rma", json!({"rma_no": no})).await;
    assert_eq!((r["status"].as_str(), r["settled_minor"].as_i64()), (Some("settled"), Some(5_000)));
    assert_eq!((r["paid_by_name"].as_str(), r["opened_by_name"].as_str()), (Some("fred"), Some("ria")));
    assert!(actions(&r).is_empty());

    // The credit note names the amount and who asked, approved and paid.
    let file = w.ok("credit_note", json!({"rma_no": no, "language": "en"})).await;
    let dir = tempfile::tempdir().unwrap();
    let pdf = common::pdf::write_pdf(dir.path(), &file);
    common::pdf::pdf_tool("qpdf", &["--check"], &pdf);
    let text = common::pdf::pdf_tool("pdftotext", &[], &pdf);
    for expected in [no.as_str(), "50.00", "fred", "ria"] {
        assert!(text.contains(expected), "{expected} missing from the credit note:\n{text}");
    }
}

#[tokio::test]
async fn within_the_limit_one_person_other_than_the_opener_asks_and_pays_and_a_new_amount_voids_approvals() {
    let w = setting().await;
    limits(&w).await;
    let no = two_chargers_back(&w).await;
    // 25.00 of the 50.00: above ria's 20.00, within fien's 100.00 and under 30.00: one approver.
    as_user(&w, "ria").await;
    let part =
        json!({"rma_no": no, "settlement": {"kind": "refund", "amount_minor": 2_500, "restocking_fee_minor": 0}});
    let r = w.ok("settle_rma", part).await;
    assert_eq!(r["payout"]["requirement"]["approvals"], 1);
    as_user(&w, "fien").await;
    let r = w.ok("approve_payout", json!({"rma_no": no, "comment": ""})).await;
    assert_eq!(r["payout"]["authorized"], true);
    // Fien asks for the whole 50.00 instead: a new request, the approval of 25.00 no longer counts,
    // and fien's own 100.00 does not cover 50.00 above the 30.00 threshold.
    let whole =
        json!({"rma_no": no, "settlement": {"kind": "refund", "amount_minor": 5_000, "restocking_fee_minor": 0}});
    let r = w.ok("settle_rma", whole).await;
    assert_eq!(r["status"], "inspected");
    assert_eq!(r["payout"]["requirement"]["approvals"], 2);
    assert_eq!(r["payout"]["approvals"][0]["counts"], false);
    // 20.00 is within fien's limit and under the threshold: asked for and paid in one act.
    let small =
        json!({"rma_no": no, "settlement": {"kind": "refund", "amount_minor": 2_000, "restocking_fee_minor": 0}});
    let r = w.ok("settle_rma", small).await;
    assert_eq!((r["status"].as_str(), r["paid_by_name"].as_str()), (Some("settled"), Some("fien")));
}
