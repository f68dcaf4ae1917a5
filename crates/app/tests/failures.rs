// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::{failure, world};
use lotline_app::ErrorCode;
use serde_json::json;

#[tokio::test]
async fn a_logged_failure_gets_a_site_number_and_can_be_found() {
    let w = world().await;
    w.master_data().await;
    let detail = w.ok("log_failure", failure("BOX-5L")).await;
    assert_eq!(detail["failure_no"], "QF-AMS1-000001");
    assert_eq!(detail["status"], "open");
    assert_eq!(detail["occurred_at"], "2026-11-02T09:30:00Z");
    assert_eq!(detail["inspector_name"], "Ada Admin");
    assert_eq!(detail["history"].as_array().unwrap().len(), 1);
    assert_eq!(detail["history"][0]["device_id"], "desk-test-1");

    let second = w.ok("log_failure", failure("BOX-5L")).await;
    assert_eq!(second["failure_no"], "QF-AMS1-000002");

    let page = w.ok("list_failures", json!({"text": "QF-AMS1-000002", "offset": 0, "limit": 50})).await;
    assert_eq!(page["total"], 1);
    assert_eq!(page["rows"][0]["failure_no"], "QF-AMS1-000002");
    let by_word = w.ok("list_failures", json!({"text": "scratch", "offset": 0, "limit": 50})).await;
    assert_eq!(by_word["total"], 2);
}

#[tokio::test]
async fn bad_quantities_are_refused_with_the_field_and_nothing_is_written() {
    let w = world().await;
    w.master_data().await;
    let before = w.events().await;
    let mut input = failure("BOX-5L");
    input["qty_failed"] = json!(81);
    let err = w.err("log_failure", input).await;
    assert_eq!(err.code, ErrorCode::Invalid);
    assert_eq!(err.fields[0].field, "qty_failed");
    assert_eq!(err.fields[0].message_key, "error.failure.qty_failed_above_inspected");
    assert_eq!(w.events().await, before);

    let mut unknown = failure("NOPE");
    unknown["vendor_code"] = json!("NOBODY");
    let err = w.err("log_failure", unknown).await;
    let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert!(fields.contains(&"sku") && fields.contains(&"vendor_code"), "{fields:?}");
    assert_eq!(w.events().await, before);
}

#[tokio::test]
async fn tracked_products_need_lot_and_serials_and_the_lot_goes_on_hold() {
    let w = world().await;
    w.master_data().await;
    let err = w.err("log_failure", failure("CHG-15W")).await;
    let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["lot_code", "serials"]);

    // The lot as received: a failure holds only a lot Lotline knows (see failure_lots.rs).
    w.ok(
        "receive_lot",
        json!({"lot_code": "L2026-07", "sku": "CHG-15W", "vendor_code": "SZHQ", "qty": 100, "unit": "pcs", "location": "main"}),
    )
    .await;
    let mut input = failure("CHG-15W");
    input["lot_code"] = json!("L2026-07");
    input["serials"] = json!(["SN1", "SN2"]);
    let detail = w.ok("log_failure", input).await;
    assert_eq!(detail["lot_on_hold"], true);
    let holds = w.ok("list_holds", json!({})).await;
    assert_eq!(holds[0]["lot_code"], "L2026-07");
    assert_eq!(holds[0]["failure_no"], detail["failure_no"]);
    assert_eq!(holds[0]["placed_by"], "Ada Admin");
}

#[tokio::test]
async fn corrections_keep_history_with_before_and_after() {
    let w = world().await;
    w.master_data().await;
    w.ok("log_failure", failure("BOX-5L")).await;
    w.clock.advance(chrono::Duration::minutes(10));
    let err = w
        .err("correct_failure", json!({"failure_no": "QF-AMS1-000001", "reason": "", "changes": {"qty_failed": 4}}))
        .await;
    assert_eq!(err.fields[0].field, "reason");
    let detail = w
        .ok("correct_failure", json!({"failure_no": "QF-AMS1-000001", "reason": "Recounted", "changes": {"qty_failed": 4, "severity": "minor"}}))
        .await;
    assert_eq!(detail["qty_failed"], 4);
    let history = detail["history"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1]["kind"], "failure_corrected");
    assert_eq!(history[1]["note"], "Recounted");
    assert_eq!(history[1]["at"], "2026-11-02T09:40:00.000Z");
    assert_eq!(history[1]["changes"][0], json!({"field": "qty_failed", "before": "3", "after": "4"}));
    assert_eq!(history[1]["changes"][1], json!({"field": "severity", "before": "major", "after": "minor"}));
}

#[tokio::test]
async fn dispositions_close_only_when_done() {
    let w = world().await;
    w.master_data().await;
    w.ok("log_failure", failure("BOX-5L")).await;
    let err = w
        .err(
            "complete_disposition",
            json!({"failure_no": "QF-AMS1-000001", "outcome": "done", "qty": null, "note": ""}),
        )
        .await;
    assert_eq!(err.message_key, "error.failure.no_disposition");
    let d = w
        .ok("set_disposition", json!({"failure_no": "QF-AMS1-000001", "disposition": "rework", "note": "Polish lids"}))
        .await;
    assert_eq!(d["status"], "in_disposition");
    let err = w
        .err(
            "complete_disposition",
            json!({"failure_no": "QF-AMS1-000001", "outcome": "Reworked", "qty": 9, "note": ""}),
        )
        .await;
    assert_eq!(err.fields[0].field, "qty");
    let d = w
        .ok(
            "complete_disposition",
            json!({"failure_no": "QF-AMS1-000001", "outcome": "Reworked", "qty": 3, "note": ""}),
        )
        .await;
    assert_eq!(d["status"], "closed");
    let err =
        w.err("set_disposition", json!({"failure_no": "QF-AMS1-000001", "disposition": "scrap", "note": ""})).await;
    assert_eq!(err.code, ErrorCode::Conflict);
}

#[tokio::test]
async fn accept_with_deviation_needs_a_quality_lead_who_did_not_log_it() {
    let w = world().await;
    w.master_data().await;
    w.add_user("ines", &["inspector"]).await;
    w.add_user("quinn", &["quality_lead"]).await;
    w.sign_in("ines", "password-123").await;
    let mut input = failure("BOX-5L");
    input["disposition"] = json!("accept_with_deviation");
    let d = w.ok("log_failure", input).await;
    assert_eq!(d["status"], "awaiting_approval");
    let err = w.err("approve_deviation", json!({"failure_no": "QF-AMS1-000001", "note": "ok"})).await;
    assert_eq!(err.code, ErrorCode::Forbidden);
    assert_eq!(err.params["roles"], "admin, quality_lead");
    w.sign_in("quinn", "password-123").await;
    let d = w
        .ok("approve_deviation", json!({"failure_no": "QF-AMS1-000001", "note": "Cosmetic only, customer agreed"}))
        .await;
    assert_eq!(d["status"], "closed");
    assert_eq!(d["outcome"], "accepted_with_deviation");
}

#[tokio::test]
async fn a_failed_reinspection_is_linked_and_closes_the_original() {
    let w = world().await;
    w.master_data().await;
    w.ok("log_failure", failure("BOX-5L")).await;
    let mut again = failure("BOX-5L");
    again["reinspection_of"] = json!("QF-AMS1-000001");
    let err = w.err("log_failure", again.clone()).await;
    assert_eq!(err.fields[0].field, "reinspection_of");
    w.ok("set_disposition", json!({"failure_no": "QF-AMS1-000001", "disposition": "reinspect", "note": ""})).await;
    let second = w.ok("log_failure", again).await;
    assert_eq!(second["reinspection_of"], "QF-AMS1-000001");
    let first = w.ok("get_failure", json!({"failure_no": "QF-AMS1-000001"})).await;
    assert_eq!(first["status"], "closed");
    assert_eq!(first["reinspections"], json!(["QF-AMS1-000002"]));
}

#[tokio::test]
async fn checklist_items_added_from_a_failure_show_for_the_product() {
    let w = world().await;
    w.master_data().await;
    w.ok("log_failure", failure("BOX-5L")).await;
    w.ok(
        "add_checklist_item",
        json!({"sku": "BOX-5L", "text": "Check lid for scratches under light", "failure_no": "QF-AMS1-000001"}),
    )
    .await;
    let err = w
        .err(
            "add_checklist_item",
            json!({"sku": "BOX-5L", "text": "check lid for scratches under light", "failure_no": null}),
        )
        .await;
    assert_eq!(err.fields[0].message_key, "error.checklist.duplicate");
    let items = w.ok("get_checklist", json!({"sku": "BOX-5L"})).await;
    assert_eq!(items.as_array().unwrap().len(), 1);
    assert_eq!(items[0]["source_failure_no"], "QF-AMS1-000001");
}

#[tokio::test]
async fn aql_plan_act_answers_the_published_example() {
    let w = world().await;
    let plan = w.ok("aql_plan", json!({"lot_size": 1200, "level": "II", "aql": 2.5})).await;
    assert_eq!(plan["code_letter"], "J");
    assert_eq!(plan["sample_size"], 80);
    assert_eq!(plan["accept"], 5);
    assert_eq!(plan["reject"], 6);
    let err = w.err("aql_plan", json!({"lot_size": 1200, "level": "II", "aql": 2.4})).await;
    assert_eq!(err.fields[0].field, "aql");
}

#[tokio::test]
async fn inspection_plans_and_verdicts_are_recorded() {
    let w = world().await;
    w.master_data().await;
    let mut input = failure("BOX-5L");
    // Critical at 0.065 on code letter J points down to L: 200 units must be inspected.
    input["qty_inspected"] = json!(200);
    input["inspection"] = json!({"lot_size": 1200, "level": "II", "aql_critical": 0.065, "aql_major": 2.5, "aql_minor": null,
                                 "defects_critical": 0, "defects_major": 6, "defects_minor": 0});
    let d = w.ok("log_failure", input).await;
    let plans = d["inspection"]["plans"].as_array().unwrap();
    assert_eq!(plans.len(), 2);
    assert_eq!(plans[1]["severity"], "major");
    assert_eq!(plans[1]["verdict"], "reject");
    assert_eq!(d["inspection"]["verdict"], "reject");
}

#[tokio::test]
async fn acts_need_a_signed_in_user_with_the_right_role() {
    let w = world().await;
    w.ok("sign_out", json!({})).await;
    let err = w.err("list_failures", json!({})).await;
    assert_eq!(err.code, ErrorCode::Unauthenticated);
    let err = w.err("sign_in", json!({"username": "admin", "password": "wrong password"})).await;
    assert_eq!(err.message_key, "error.auth.bad_credentials");
    w.sign_in("admin", common::ADMIN_PASSWORD).await;
    w.add_user("fin", &["finance"]).await;
    w.sign_in("fin", "password-123").await;
    let err = w.err("log_failure", failure("BOX-5L")).await;
    assert_eq!(err.code, ErrorCode::Forbidden);
}

#[tokio::test]
async fn the_quality_lead_who_asks_for_a_deviation_does_not_approve_it() {
    let w = world().await;
    w.master_data().await;
    w.add_user("quinn", &["quality_lead"]).await;
    w.add_user("quirine", &["quality_lead"]).await;
    w.ok("log_failure", failure("BOX-5L")).await;
    w.sign_in("quinn", "password-123").await;
    let asked = json!({"failure_no": "QF-AMS1-000001", "disposition": "accept_with_deviation", "note": "Cosmetic"});
    assert_eq!(w.ok("set_disposition", asked).await["status"], "awaiting_approval");
    let own = w.err("approve_deviation", json!({"failure_no": "QF-AMS1-000001", "note": "ok"})).await;
    assert_eq!(own.message_key, "error.failure.own_deviation");
    w.sign_in("quirine", "password-123").await;
    let d =
        w.ok("approve_deviation", json!({"failure_no": "QF-AMS1-000001", "note": "Agreed with the customer"})).await;
    assert_eq!(d["status"], "closed");
}

#[tokio::test]
async fn only_inspectors_and_quality_leads_correct_a_failure() {
    let w = world().await;
    w.master_data().await;
    w.ok("log_failure", failure("BOX-5L")).await;
    let correction = json!({"failure_no": "QF-AMS1-000001", "reason": "Counted again", "changes": {"qty_failed": 1}});
    for (user, role) in [("vera", "vendor_manager"), ("luuk", "logistics")] {
        w.add_user(user, &[role]).await;
        w.sign_in(user, "password-123").await;
        let err = w.err("correct_failure", correction.clone()).await;
        assert_eq!(err.message_key, "error.forbidden.correct_failure", "{role}");
        w.sign_in("admin", common::ADMIN_PASSWORD).await;
    }
    w.add_user("ines", &["inspector"]).await;
    w.sign_in("ines", "password-123").await;
    w.ok("correct_failure", correction).await;
}
