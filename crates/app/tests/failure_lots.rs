//! A failure's lot and its AQL record: the lot must be the product's and vendor's own, a typo
//! holds no phantom lot, an accepted inspection holds nothing unless asked, and the inspection
//! cannot contradict the failure. Expected plans worked out by hand from ISO 2859-1 Table 1 and
//! Table 2-A: lot 500 at level II is code letter H, sample 50.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::{World, failure, world};
use serde_json::{Value, json};

async fn supplied() -> World {
    let w = world().await;
    w.master_data().await;
    w.ok("save_vendor", json!({"code": "NLBX", "name": "Boxen BV", "country": "NL", "contact_name": null, "email": null, "phone": null, "language": "nl"})).await;
    for (lot, sku, vendor) in [("BX-1", "BOX-5L", "SZHQ"), ("BX-NL", "BOX-5L", "NLBX"), ("CH-1", "CHG-15W", "SZHQ")] {
        w.ok(
            "receive_lot",
            json!({"lot_code": lot, "sku": sku, "vendor_code": vendor, "qty": 500, "unit": "pcs", "location": "main"}),
        )
        .await;
    }
    w
}

fn with_lot(lot: &str) -> Value {
    let mut input = failure("BOX-5L");
    input["lot_code"] = json!(lot);
    input
}

async fn held(w: &World, lot: &str) -> bool {
    w.ok("list_holds", json!({})).await.as_array().unwrap().iter().any(|h| h["lot_code"] == lot)
}

#[tokio::test]
async fn a_lot_of_another_product_or_vendor_is_refused_and_a_typo_holds_no_phantom_lot() {
    let w = supplied().await;
    let err = w.err("log_failure", with_lot("CH-1")).await;
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].message_key.as_str()),
        ("lot_code", "error.failure.lot_of_other_product")
    );
    assert_eq!(err.fields[0].params["sku"], "CHG-15W");
    let err = w.err("log_failure", with_lot("bx-nl")).await;
    assert_eq!(err.fields[0].message_key, "error.failure.lot_of_other_vendor");
    assert_eq!(err.fields[0].params["vendor"], "NLBX");
    // Lots' own rule: 20 characters at most.
    let err = w.err("log_failure", with_lot("L-123456789012345678X")).await;
    assert_eq!(err.fields[0].message_key, "error.lot.code_too_long");

    // A typo of BX-1: kept on the failure, but no lot is created and nothing is held.
    let d = w.ok("log_failure", with_lot("BX-l1")).await;
    assert_eq!(
        (d["lot_code"].as_str(), d["lot_known"].as_bool(), d["lot_on_hold"].as_bool()),
        (Some("BX-L1"), Some(false), Some(false))
    );
    assert!(!held(&w, "BX-L1").await);
    assert_eq!(w.err("get_lot", json!({"lot_code": "BX-L1"})).await.code, lotline_app::ErrorCode::NotFound);
    // The real lot, typed in lower case, is held.
    let d = w.ok("log_failure", with_lot("bx-1")).await;
    assert_eq!((d["lot_known"].as_bool(), d["lot_on_hold"].as_bool()), (Some(true), Some(true)));
}

#[tokio::test]
async fn an_accepted_inspection_holds_the_lot_only_when_the_inspector_asks() {
    let w = supplied().await;
    // 1 minor defect in a sample of 50 at AQL 2.5 (H: Ac 3, Re 4): the lot is accepted.
    let accepted = |hold: Option<bool>| {
        let mut input = with_lot("BX-1");
        input["severity"] = json!("minor");
        input["qty_failed"] = json!(1);
        input["inspection"] = json!({"lot_size": 500, "level": "II", "aql_critical": null, "aql_major": null, "aql_minor": 2.5,
                                     "defects_critical": 0, "defects_major": 0, "defects_minor": 1});
        input["hold_lot"] = json!(hold);
        input
    };
    let d = w.ok("log_failure", accepted(None)).await;
    assert_eq!(d["inspection"]["verdict"], "accept");
    assert_eq!(d["lot_on_hold"], false);
    let d = w.ok("log_failure", accepted(Some(true))).await;
    assert_eq!(d["lot_on_hold"], true);
}

#[tokio::test]
async fn three_critical_defects_out_of_fifty_are_never_an_accepted_lot() {
    let w = supplied().await;
    let mut input = with_lot("BX-1");
    input["severity"] = json!("critical");
    input["qty_inspected"] = json!(50);
    input["qty_failed"] = json!(3);
    // The inspection says nothing critical was found: it contradicts the failure.
    input["inspection"] = json!({"lot_size": 500, "level": "II", "aql_critical": null, "aql_major": 2.5, "aql_minor": null,
                                 "defects_critical": 0, "defects_major": 0, "defects_minor": 0});
    let err = w.err("log_failure", input.clone()).await;
    assert_eq!(err.fields[0].field, "inspection.defects_critical");
    assert_eq!(err.fields[0].message_key, "error.aql.found_below_failed");
    // With the 3 critical defects, the critical class (no AQL: Ac 0, Re 1 on H's 50) rejects.
    input["inspection"]["defects_critical"] = json!(3);
    let d = w.ok("log_failure", input.clone()).await;
    let critical = &d["inspection"]["plans"][0];
    assert_eq!((critical["severity"].as_str(), critical["plan"]["sample_size"].as_u64()), (Some("critical"), Some(50)));
    assert_eq!((critical["plan"]["accept"].as_u64(), critical["plan"]["reject"].as_u64()), (Some(0), Some(1)));
    assert_eq!(d["inspection"]["verdict"], "reject");
    assert_eq!(d["lot_on_hold"], true);
    // Even an AQL chosen for critical defects (6.5 would allow Ac 7 on 50) stays at Ac 0.
    input["inspection"]["aql_critical"] = json!(6.5);
    let d = w.ok("log_failure", input).await;
    assert_eq!(d["inspection"]["plans"][0]["plan"]["accept"], 0);
    assert_eq!(d["inspection"]["verdict"], "reject");
}

#[tokio::test]
async fn a_correction_fixes_the_inspections_figures() {
    let w = supplied().await;
    let mut input = with_lot("BX-1");
    input["inspection"] = json!({"lot_size": 500, "level": "II", "aql_critical": null, "aql_major": 2.5, "aql_minor": null,
                                 "defects_critical": 0, "defects_major": 3, "defects_minor": 0});
    let d = w.ok("log_failure", input).await;
    assert_eq!(d["inspection"]["verdict"], "accept");
    let no = d["failure_no"].as_str().unwrap().to_owned();
    // Recounted: 5 major defects in the 50 (Ac 3, Re 4), and one fewer than logged is refused.
    let fewer = json!({"lot_size": 500, "level": "II", "aql_critical": null, "aql_major": 2.5, "aql_minor": null,
                       "defects_critical": 0, "defects_major": 2, "defects_minor": 0});
    let err = w
        .err("correct_failure", json!({"failure_no": no, "reason": "Recount", "changes": {"inspection": fewer}}))
        .await;
    assert_eq!(err.fields[0].message_key, "error.aql.found_below_failed");
    let mut recount = fewer.clone();
    recount["defects_major"] = json!(5);
    let d = w
        .ok("correct_failure", json!({"failure_no": no, "reason": "Recount", "changes": {"inspection": recount}}))
        .await;
    assert_eq!(d["inspection"]["input"]["defects_major"], 5);
    assert_eq!(d["inspection"]["verdict"], "reject");
    let last = d["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["changes"][0]["field"], "inspection");
}
