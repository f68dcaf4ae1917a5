//! AQL switching through the catalogue: the severity for a vendor's product follows from the
//! lots it had (ISO 2859-1 clause 9), the plan follows Tables 2-A/2-B/2-C, and an inspection
//! that samples too few units or is looser than the rules say is refused. Plans worked out by
//! hand: lot 500 at level II is code letter H (normal and tightened 50 units, reduced 20).

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::{World, failure, world};
use serde_json::{Value, json};

/// A failure on BOX-5L from SZHQ with an inspection of a lot of 500 at level II, AQL 4.0 for
/// minor defects: H, 50 units, Ac 5 (normal) / Ac 3 (tightened, 2.5's place) / Ac 2 (reduced).
fn inspected(minor_found: u32, inspection: &str) -> Value {
    let mut input = failure("BOX-5L");
    input["severity"] = json!("minor");
    input["qty_inspected"] = json!(50);
    input["qty_failed"] = json!(1);
    input["inspection"] = json!({"lot_size": 500, "level": "II", "inspection": inspection, "aql_critical": null,
                                 "aql_major": null, "aql_minor": 4.0, "defects_critical": 0, "defects_major": 0,
                                 "defects_minor": minor_found});
    input
}

async fn severity(w: &World) -> Value {
    w.ok("inspection_severity", json!({"sku": "BOX-5L", "vendor_code": "szhq"})).await
}

#[tokio::test]
async fn the_plan_act_takes_the_severity_and_the_special_levels() {
    let w = world().await;
    let plan =
        |inspection: &str, level: &str| json!({"lot_size": 1200, "level": level, "aql": 1.0, "inspection": inspection});
    // 1200 at level III is K: normal 125 3/4, tightened 125 2/3, reduced 50 1/2.
    let k = w.ok("aql_plan", plan("normal", "III")).await;
    assert_eq!(
        (k["code_letter"].as_str(), k["sample_size"].as_u64(), k["accept"].as_u64()),
        (Some("K"), Some(125), Some(3))
    );
    let k = w.ok("aql_plan", plan("tightened", "III")).await;
    assert_eq!((k["sample_size"].as_u64(), k["accept"].as_u64(), k["reject"].as_u64()), (Some(125), Some(2), Some(3)));
    let k = w.ok("aql_plan", plan("reduced", "III")).await;
    assert_eq!((k["sample_size"].as_u64(), k["accept"].as_u64(), k["reject"].as_u64()), (Some(50), Some(1), Some(2)));
    // S-4 at 1200 is F (20 units); F at 1.0 is step 10 + 5 - 14 = 1, an arrow up, to E: 13, 0/1.
    let s4 = w.ok("aql_plan", plan("normal", "S-4")).await;
    assert_eq!(
        (s4["code_letter"].as_str(), s4["sample_size"].as_u64(), s4["accept"].as_u64()),
        (Some("E"), Some(13), Some(0))
    );
}

#[tokio::test]
async fn fewer_units_than_the_sample_are_refused_and_more_are_allowed() {
    let w = world().await;
    w.master_data().await;
    let mut input = inspected(1, "normal");
    input["qty_inspected"] = json!(40);
    let err = w.err("log_failure", input.clone()).await;
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].message_key.as_str()),
        ("qty_inspected", "error.aql.below_sample")
    );
    assert_eq!(err.fields[0].params["sample"], "50");
    input["qty_inspected"] = json!(60);
    w.ok("log_failure", input).await;
}

#[tokio::test]
async fn two_lots_not_accepted_tighten_inspection_and_five_accepted_relax_it() {
    let w = world().await;
    w.master_data().await;
    assert_eq!(severity(&w).await["reason"], "start");
    // 6 minor defects in 50 against Ac 5: not accepted, twice.
    w.ok("log_failure", inspected(6, "normal")).await;
    assert_eq!(severity(&w).await["severity"], "normal");
    w.ok("log_failure", inspected(6, "normal")).await;
    let s = severity(&w).await;
    assert_eq!((s["severity"].as_str(), s["reason"].as_str()), (Some("tightened"), Some("two_of_five_not_accepted")));

    // Normal inspection is now too loose for this vendor's product.
    let err = w.err("log_failure", inspected(1, "normal")).await;
    assert_eq!(err.fields[0].field, "inspection.inspection");
    assert_eq!(err.fields[0].message_key, "error.aql.severity_looser");
    assert_eq!(err.fields[0].params["required"], "tightened");

    // Tightened H at 4.0 accepts 3: 4 defects are not accepted there, though normal would.
    let d = w.ok("log_failure", inspected(4, "tightened")).await;
    assert_eq!(
        (d["inspection"]["plans"][1]["plan"]["accept"].as_u64(), d["inspection"]["verdict"].as_str()),
        (Some(3), Some("reject"))
    );
    for _ in 0..4 {
        w.ok("log_failure", inspected(1, "tightened")).await;
    }
    assert_eq!(severity(&w).await["accepted_in_a_row_on_tightened"], 4);
    w.ok("log_failure", inspected(1, "tightened")).await;
    let s = severity(&w).await;
    assert_eq!((s["severity"].as_str(), s["reason"].as_str()), (Some("normal"), Some("five_accepted_on_tightened")));
}

#[tokio::test]
async fn a_score_of_30_brings_reduced_inspection_only_when_the_authority_approves() {
    let w = world().await;
    w.master_data().await;
    // 1 minor defect: accepted at 4.0 (Ac 5) and at 2.5 (Ac 3): 3 points a lot.
    for _ in 0..10 {
        w.ok("log_failure", inspected(1, "normal")).await;
    }
    let s = severity(&w).await;
    assert_eq!((s["severity"].as_str(), s["score"].as_u64()), (Some("normal"), Some(30)));
    assert_eq!(w.ok("get_aql_switching", json!({})).await["reduced_allowed"], false);
    w.ok("set_aql_switching", json!({"reduced_allowed": true})).await;
    // The rules are folded again: at the tenth lot the score reached 30, so reduced applies.
    let s = severity(&w).await;
    assert_eq!((s["severity"].as_str(), s["reason"].as_str()), (Some("reduced"), Some("score_reached30")));
    // Reduced H takes 20 units (F's sample) with Table 2-A's numbers for 20 at 4.0: 2/3.
    let d = w.ok("log_failure", inspected(3, "reduced")).await;
    let minor = &d["inspection"]["plans"][1]["plan"];
    assert_eq!((minor["sample_size"].as_u64(), minor["accept"].as_u64()), (Some(20), Some(2)));
    assert_eq!(d["inspection"]["verdict"], "reject");
    let s = severity(&w).await;
    assert_eq!((s["severity"].as_str(), s["reason"].as_str()), (Some("normal"), Some("not_accepted_on_reduced")));
}

/// A lot of 500 at level II inspected with no failure to log: H, 50 units; AQL 4.0 minor is
/// Ac 3 on tightened inspection, so 3 found accept the lot and 4 do not.
fn passed(minor_found: u32, inspection: &str) -> Value {
    json!({"sku": "BOX-5L", "vendor_code": "szhq", "lot_code": null,
           "inspection": {"lot_size": 500, "level": "II", "inspection": inspection, "aql_critical": null,
                          "aql_major": null, "aql_minor": 4.0, "defects_critical": 0, "defects_major": 0,
                          "defects_minor": minor_found}})
}

#[tokio::test]
async fn lots_that_pass_count_and_a_quality_lead_resumes_discontinued_inspection_tightened() {
    let w = world().await;
    w.master_data().await;
    w.add_user("ivo", &["inspector"]).await;
    // Two lots not accepted on normal inspection tighten it; five not accepted on tightened
    // inspection (6 found against Ac 3) discontinue it.
    for _ in 0..2 {
        w.ok("log_failure", inspected(6, "normal")).await;
    }
    for _ in 0..5 {
        w.ok("log_failure", inspected(6, "tightened")).await;
    }
    let s = severity(&w).await;
    assert_eq!(
        (s["discontinued"].as_bool(), s["reason"].as_str(), s["lots"].as_u64()),
        (Some(true), Some("discontinued"), Some(7))
    );
    let err = w.err("record_lot_inspection", passed(1, "tightened")).await;
    assert_eq!(err.message_key, "error.aql.discontinued");

    // Only a quality lead resumes it, saying what the supplier corrected.
    common::returns::as_user(&w, "ivo").await;
    let resume = json!({"sku": "BOX-5L", "vendor_code": "SZHQ", "note": "8D closed: new lid mould"});
    assert_eq!(w.err("resume_inspection", resume.clone()).await.code, lotline_app::ErrorCode::Forbidden);
    w.ok("sign_out", json!({})).await;
    w.sign_in("admin", common::ADMIN_PASSWORD).await;
    let err = w.err("resume_inspection", json!({"sku": "BOX-5L", "vendor_code": "SZHQ", "note": " "})).await;
    assert_eq!((err.fields[0].field.as_str(), err.fields[0].message_key.as_str()), ("note", "error.field.required"));
    let s = w.ok("resume_inspection", resume.clone()).await;
    assert_eq!(
        (s["severity"].as_str(), s["reason"].as_str(), s["discontinued"].as_bool()),
        (Some("tightened"), Some("resumed_after_correction"), Some(false))
    );

    // Lots that pass are recorded by an inspector at the severity the rules call for.
    common::returns::as_user(&w, "ivo").await;
    let err = w.err("record_lot_inspection", passed(1, "normal")).await;
    assert_eq!(err.fields[0].message_key, "error.aql.severity_looser");
    let err = w.err("record_lot_inspection", passed(4, "tightened")).await;
    assert_eq!(err.fields[0].message_key, "error.aql.not_accepted_log_failure");
    for run in 1..=4 {
        let s = w.ok("record_lot_inspection", passed(3, "tightened")).await;
        assert_eq!(
            (s["severity"].as_str(), s["accepted_in_a_row_on_tightened"].as_u64()),
            (Some("tightened"), Some(run))
        );
    }
    // The fifth accepted in a row returns to normal: 2 + 5 + 5 = 12 lots.
    let s = w.ok("record_lot_inspection", passed(0, "tightened")).await;
    assert_eq!(
        (s["severity"].as_str(), s["reason"].as_str(), s["lots"].as_u64()),
        (Some("normal"), Some("five_accepted_on_tightened"), Some(12))
    );
    assert_eq!(severity(&w).await, s, "the form reads the same state");
    w.ok("sign_out", json!({})).await;
    w.sign_in("admin", common::ADMIN_PASSWORD).await;
    assert_eq!(w.err("resume_inspection", resume).await.message_key, "error.aql.not_discontinued");
}
