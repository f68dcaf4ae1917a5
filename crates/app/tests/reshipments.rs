//! Every reshipment transition through the catalogue, on a real temporary SQLite database.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::pdf::{pdf_tool, write_pdf};
use common::{World, failure, world};
use lotline_app::ErrorCode;
use serde_json::{Value, json};

/// An order SO-1 for customer C-1 (BOX-5L ×4, CHG-15W ×2), a failure on BOX-5L (3 failed),
/// and users for each role the flow needs.
async fn setting() -> (World, String) {
    let w = world().await;
    w.master_data().await;
    w.ok("save_customer", json!({"code": "C-1", "name": "Bakker BV", "email": null, "phone": null, "address": "Damrak 1\n1012 LG Amsterdam", "country": "NL"})).await;
    w.ok("save_order", json!({"order_no": "SO-1", "customer_code": "C-1", "ordered_at": "2026-10-01T10:00:00Z", "currency": "EUR",
        "lines": [{"line_no": 1, "sku": "BOX-5L", "qty": 4, "unit_price_minor": 500}, {"line_no": 2, "sku": "CHG-15W", "qty": 2, "unit_price_minor": 2500}]})).await;
    let logged = w.ok("log_failure", failure("BOX-5L")).await;
    for (name, roles) in [
        ("lena", vec!["logistics"]),
        ("lars", vec!["logistics"]),
        ("fien", vec!["finance"]),
        ("frank", vec!["finance"]),
        ("vera", vec!["vendor_manager"]),
    ] {
        w.add_user(name, &roles).await;
    }
    (w, logged["failure_no"].as_str().unwrap().to_owned())
}

fn request(failure_no: &str, shipping: i64, goods: i64) -> Value {
    json!({
        "failure_nos": [failure_no], "order_no": "SO-1",
        "items": [{"line_no": 1, "qty": 2}],
        "carrier": "dpd", "service": "Classic",
        "cost": {"shipping_minor": shipping, "shipping_currency": "EUR", "goods_minor": goods, "goods_currency": "EUR"},
        "payer": "us", "reason": "Lids cracked in transit"
    })
}

async fn as_user(w: &World, name: &str) {
    w.ok("sign_out", json!({})).await;
    w.sign_in(name, "password-123").await;
}

#[tokio::test]
async fn within_the_limit_it_is_authorized_at_once_and_ships_to_delivery() {
    let (w, failure_no) = setting().await;
    as_user(&w, "lena").await;
    let r = w.ok("request_reshipment", request(&failure_no, 1_500, 2_000)).await;
    assert_eq!(r["reshipment_no"], "RS-AMS1-000001");
    assert_eq!(r["status"], "authorized");
    assert_eq!(r["requirement"]["approvals"], 0);
    assert_eq!(r["request"]["ship_to"]["name"], "Bakker BV", "ship-to comes from the order's customer");
    assert_eq!(r["due_on"], "2026-11-04", "two working days from Monday 2 November");
    assert_eq!(r["queue"], "logistics");
    let order = w.ok("get_order", json!({"order_no": "SO-1"})).await;
    assert_eq!(order["status"], "reshipment_pending");
    assert_eq!(order["lines"][0]["status"], "reshipment_pending");
    assert_eq!(order["lines"][1]["status"], "open");

    let err = w
        .err(
            "ship_reshipment",
            json!({"reshipment_no": "RS-AMS1-000001", "carrier": "ups", "tracking_no": "1Z999AA10123456785"}),
        )
        .await;
    assert_eq!(err.fields[0].field, "tracking_no");
    assert_eq!(err.fields[0].message_key, "error.reshipment.bad_tracking");
    let r = w
        .ok(
            "ship_reshipment",
            json!({"reshipment_no": "RS-AMS1-000001", "carrier": "ups", "tracking_no": "1z999aa10123456784"}),
        )
        .await;
    assert_eq!(r["status"], "shipped");
    assert_eq!(r["tracking_no"], "1Z999AA10123456784");
    assert_eq!(r["sla"], "shipped_on_time");
    let order = w.ok("get_order", json!({"order_no": "SO-1"})).await;
    assert_eq!(order["status"], "reshipment_shipped");
    let r = w.ok("deliver_reshipment", json!({"reshipment_no": "RS-AMS1-000001"})).await;
    assert_eq!(r["status"], "delivered");
    assert_eq!(r["queue"], Value::Null);
    let order = w.ok("get_order", json!({"order_no": "SO-1"})).await;
    assert_eq!(order["lines"][0]["status"], "reshipment_delivered");

    // The failure's history shows the reshipment's steps.
    let f = w.ok("get_failure", json!({"failure_no": failure_no})).await;
    let kinds: Vec<&str> = f["history"].as_array().unwrap().iter().map(|h| h["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        [
            "failure_logged",
            "reshipment_requested",
            "reshipment_authorized",
            "reshipment_shipped",
            "reshipment_delivered"
        ]
    );
}

#[tokio::test]
async fn above_the_limit_finance_approves_and_nobody_approves_their_own() {
    let (w, failure_no) = setting().await;
    as_user(&w, "lena").await;
    let r = w.ok("request_reshipment", request(&failure_no, 4_000, 8_000)).await;
    assert_eq!(r["status"], "requested");
    assert_eq!(r["queue"], "finance");
    assert_eq!(r["my_refusal"]["key"], "error.reshipment.self_approval");
    assert_eq!(
        r["approver_roles"],
        json!(["vendor_manager", "finance", "quality_lead", "admin"]),
        "limits of 200.00 and more"
    );
    let no = json!({"reshipment_no": "RS-AMS1-000001"});
    let err = w.err("approve_reshipment", no.clone()).await;
    assert_eq!(err.message_key, "error.reshipment.self_approval");
    let err = w
        .err(
            "ship_reshipment",
            json!({"reshipment_no": "RS-AMS1-000001", "carrier": "dpd", "tracking_no": "01234567890123"}),
        )
        .await;
    assert_eq!(err.message_key, "error.reshipment.not_authorized");

    as_user(&w, "lars").await;
    let r = w.ok("get_reshipment", no.clone()).await;
    assert_eq!(r["my_refusal"]["key"], "error.reshipment.limit_too_low");
    assert_eq!(r["my_refusal"]["limit_minor"], 5000);
    let before = w.events().await;
    let err = w.err("approve_reshipment", no.clone()).await;
    assert_eq!((err.code, err.message_key.as_str()), (ErrorCode::Forbidden, "error.reshipment.limit_too_low"));
    assert_eq!(w.events().await, before, "a refused approval writes nothing");

    as_user(&w, "fien").await;
    let r = w.ok("get_reshipment", no.clone()).await;
    assert_eq!(r["my_refusal"], Value::Null);
    let r = w
        .ok("approve_reshipment", json!({"reshipment_no": "RS-AMS1-000001", "note": "ok, customer is key account"}))
        .await;
    assert_eq!(r["status"], "authorized");
    assert_eq!(r["approvals"][0]["approver_name"], "fien");
    let err = w.err("approve_reshipment", no.clone()).await;
    assert_eq!(err.message_key, "error.reshipment.already_authorized");

    // A changed amount voids the approval.
    as_user(&w, "lena").await;
    let r = w
        .ok(
            "amend_reshipment",
            json!({"reshipment_no": "RS-AMS1-000001", "reason": "express needed",
        "cost": {"shipping_minor": 6_000, "shipping_currency": "EUR", "goods_minor": 8_000, "goods_currency": "EUR"}}),
        )
        .await;
    assert_eq!(r["status"], "requested");
    assert_eq!(r["approvals"][0]["counts"], false);
    as_user(&w, "fien").await;
    let r = w.ok("approve_reshipment", no.clone()).await;
    assert_eq!(r["status"], "authorized");
}

#[tokio::test]
async fn above_dual_control_two_approvers_one_from_finance() {
    let (w, failure_no) = setting().await;
    as_user(&w, "lena").await;
    let r = w.ok("request_reshipment", request(&failure_no, 20_000, 40_000)).await;
    assert_eq!(r["requirement"]["approvals"], 2);
    assert_eq!(r["requirement"]["finance_needed"], true);
    let no = json!({"reshipment_no": "RS-AMS1-000001"});
    as_user(&w, "fien").await;
    let r = w.ok("approve_reshipment", no.clone()).await;
    assert_eq!(r["status"], "requested", "one of two");
    let err = w.err("approve_reshipment", no.clone()).await;
    assert_eq!(err.message_key, "error.reshipment.already_approved");
    as_user(&w, "frank").await;
    let r = w.ok("approve_reshipment", no.clone()).await;
    assert_eq!(r["status"], "authorized");
}

#[tokio::test]
async fn reject_and_cancel_end_it_and_free_the_quantity() {
    let (w, failure_no) = setting().await;
    as_user(&w, "lena").await;
    w.ok("request_reshipment", request(&failure_no, 4_000, 8_000)).await;
    let err = w
        .err(
            "request_reshipment",
            json!({
        "failure_nos": [failure_no], "order_no": "SO-1", "items": [{"line_no": 1, "qty": 2}],
        "carrier": "dpd", "service": "Classic",
        "cost": {"shipping_minor": 100, "shipping_currency": "EUR", "goods_minor": 100, "goods_currency": "EUR"},
        "payer": "us", "reason": "again"}),
        )
        .await;
    assert_eq!(err.fields[0].message_key, "error.reshipment.qty_above_failed");
    assert_eq!(err.fields[0].params["available"], "1", "3 failed, 2 already on their way");

    as_user(&w, "fien").await;
    let err = w.err("reject_reshipment", json!({"reshipment_no": "RS-AMS1-000001", "reason": " "})).await;
    assert_eq!(err.fields[0].field, "reason");
    let r = w
        .ok("reject_reshipment", json!({"reshipment_no": "RS-AMS1-000001", "reason": "send a credit note instead"}))
        .await;
    assert_eq!(r["status"], "rejected");
    let err = w.err("approve_reshipment", json!({"reshipment_no": "RS-AMS1-000001"})).await;
    assert_eq!(err.message_key, "error.reshipment.not_open");

    as_user(&w, "lena").await;
    let r = w.ok("request_reshipment", request(&failure_no, 1_000, 1_000)).await;
    assert_eq!(r["reshipment_no"], "RS-AMS1-000002", "the rejected one no longer claims the quantity");
    let r = w
        .ok("cancel_reshipment", json!({"reshipment_no": "RS-AMS1-000002", "reason": "customer kept the goods"}))
        .await;
    assert_eq!(r["status"], "cancelled");
    let err = w
        .err(
            "ship_reshipment",
            json!({"reshipment_no": "RS-AMS1-000002", "carrier": "dpd", "tracking_no": "01234567890123"}),
        )
        .await;
    assert_eq!(err.message_key, "error.reshipment.not_shippable");
    let order = w.ok("get_order", json!({"order_no": "SO-1"})).await;
    assert_eq!(order["status"], "open");
}

#[tokio::test]
async fn bad_requests_write_nothing_and_name_the_field() {
    let (w, failure_no) = setting().await;
    as_user(&w, "lena").await;
    let before = w.events().await;
    let mut input = request("QF-AMS1-999999", 100, 100);
    input["failure_nos"] = json!(["QF-AMS1-999999", failure_no]);
    input["cost"]["goods_currency"] = json!("USD");
    input["cost"]["shipping_minor"] = json!(-1);
    input["items"] = json!([{"line_no": 9, "qty": 1}]);
    input["ship_to"] = json!({"name": "Elsewhere", "address": "Kade 2", "country": "NL"});
    let err = w.err("request_reshipment", input).await;
    let fields: Vec<(&str, &str)> = err.fields.iter().map(|f| (f.field.as_str(), f.message_key.as_str())).collect();
    for expected in [
        ("failure_nos", "error.reshipment.unknown_failure"),
        ("items.0.line_no", "error.reshipment.unknown_line"),
        ("cost.goods_currency", "error.reshipment.mixed_currency"),
        ("cost.shipping_minor", "error.field.negative"),
        ("ship_to_reason", "error.reshipment.ship_to_reason_required"),
    ] {
        assert!(fields.contains(&expected), "missing {expected:?} in {fields:?}");
    }
    assert_eq!(w.events().await, before);
    let list = w.ok("list_reshipments", json!({})).await;
    assert_eq!(list["total"], 0);
}

#[tokio::test]
async fn vendor_chargebacks_are_tracked_to_recovery() {
    let (w, failure_no) = setting().await;
    as_user(&w, "lena").await;
    let mut input = request(&failure_no, 1_500, 2_000);
    input["payer"] = json!("vendor");
    let r = w.ok("request_reshipment", input).await;
    assert_eq!(r["chargeback"]["vendor_code"], "SZHQ");
    assert_eq!(r["chargeback"]["status"], "open");
    let err = w.err("update_chargeback", json!({"reshipment_no": "RS-AMS1-000001", "status": "accepted"})).await;
    assert_eq!(err.code, ErrorCode::Forbidden);
    as_user(&w, "vera").await;
    let queue = w.ok("list_reshipments", json!({"queue": "vendor_management"})).await;
    assert_eq!(queue["total"], 1);
    w.ok("update_chargeback", json!({"reshipment_no": "RS-AMS1-000001", "status": "accepted", "note": "8D received"}))
        .await;
    let r = w
        .ok(
            "update_chargeback",
            json!({"reshipment_no": "RS-AMS1-000001", "status": "recovered", "recovered_minor": 3_500}),
        )
        .await;
    assert_eq!(r["chargeback_status"], "recovered");
    assert_eq!(r["recovered_minor"], 3_500);
    let last = r["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "chargeback_updated");
    assert_eq!(
        last["changes"][2],
        json!({"field": "recovered", "before": null, "after": "35.00 EUR"}),
        "the history shows money with its currency"
    );
}

#[tokio::test]
async fn queues_sla_and_the_policy() {
    let (w, failure_no) = setting().await;
    let err = w
        .err(
            "set_approval_policy",
            json!({"currency": "EUR", "limits": [{"role": "finance", "limit_minor": 1000}],
        "dual_control_above_minor": 50000, "ship_within_working_days": 2}),
        )
        .await;
    assert_eq!(err.fields[0].message_key, "error.policy.no_unlimited_role");
    w.ok("set_approval_policy", json!({"currency": "EUR", "limits": [{"role": "logistics", "limit_minor": 10_000}, {"role": "admin", "limit_minor": null}],
        "dual_control_above_minor": 50_000, "ship_within_working_days": 1})).await;
    as_user(&w, "lena").await;
    let r = w.ok("request_reshipment", request(&failure_no, 4_000, 5_000)).await;
    assert_eq!(r["status"], "authorized", "the new logistics limit of 100.00 covers 90.00");
    assert_eq!(r["due_on"], "2026-11-03");
    assert_eq!(r["sla"], "at_risk");
    let mine = w.ok("list_reshipments", json!({"queue": "logistics"})).await;
    assert_eq!(mine["total"], 1);
    let finance = w.ok("list_reshipments", json!({"queue": "finance"})).await;
    assert_eq!(finance["total"], 0);
    w.pass_time(chrono::Duration::days(3)).await;
    let overdue = w.ok("list_reshipments", json!({"sla": "overdue"})).await;
    assert_eq!(overdue["total"], 1);
    assert_eq!(overdue["rows"][0]["sla"], "overdue");
    let r = w
        .ok(
            "ship_reshipment",
            json!({"reshipment_no": "RS-AMS1-000001", "carrier": "postnl", "tracking_no": "3SABCD1234567"}),
        )
        .await;
    assert_eq!(r["sla"], "shipped_late");

    let report = lotline_store::check(&w.ctx.store).await.expect("check runs");
    assert!(report.mismatched.is_empty(), "a rebuild differs: {:?}", report.mismatched);
}

#[tokio::test]
async fn csv_import_groups_rows_by_ref_refuses_bad_files_whole_and_exports() {
    let (w, failure_no) = setting().await;
    let mut chg = failure("CHG-15W");
    chg["lot_code"] = json!("L-1");
    chg["serials"] = json!(["S1"]);
    let chg = w.ok("log_failure", chg).await;
    let chg_no = chg["failure_no"].as_str().unwrap();
    let header = "ref,failure_nos,order_no,line_no,qty,lot_code,serials,carrier,service,shipping_minor,goods_minor,currency,payer,vendor_code,reason,due_on\n";
    let bad = format!(
        "{header}A,{failure_no},SO-1,1,2,,,dpd,Classic,1000,1000,EUR,us,,Cracked lids,\n\
         B,{failure_no},SO-1,1,1,,,carrier-pigeon,Classic,1000,1000,EUR,us,,Again,\n\
         C,QF-AMS1-999999,SO-1,1,1,,,dpd,Classic,1000,1000,EUR,us,,Unknown,\n"
    );
    let before = w.events().await;
    let err = w.err("import_csv", json!({"entity": "reshipments", "csv": bad})).await;
    let found: Vec<(u64, &str)> = err.fields.iter().map(|f| (f.row.unwrap(), f.field.as_str())).collect();
    assert_eq!(found, [(3, "carrier")], "row errors first; the file is refused before any act runs");
    assert_eq!(w.events().await, before);

    let bad = format!("{header}C,QF-AMS1-999999,SO-1,1,1,,,dpd,Classic,1000,1000,EUR,us,,Unknown,\n");
    let err = w.err("import_csv", json!({"entity": "reshipments", "csv": bad})).await;
    assert_eq!((err.fields[0].row, err.fields[0].message_key.as_str()), (Some(2), "error.reshipment.unknown_failure"));

    let good = format!(
        "{header}A,{failure_no};{chg_no},SO-1,1,2,,,dpd,Classic,1000,1000,EUR,us,,Cracked lids,\n\
         A,{failure_no};{chg_no},SO-1,2,1,L-7,SN-1,dpd,Classic,1000,1000,EUR,us,,Cracked lids,\n"
    );
    let report = w.ok("import_csv", json!({"entity": "reshipments", "csv": good})).await;
    assert_eq!(report["imported"], 1);
    let r = w.ok("get_reshipment", json!({"reshipment_no": "RS-AMS1-000001"})).await;
    assert_eq!(r["request"]["items"].as_array().unwrap().len(), 2);
    assert_eq!(r["failure_nos"].as_array().unwrap().len(), 2);

    let out = w.ok("export_csv", json!({"entity": "reshipments"})).await;
    let csv = out["csv"].as_str().unwrap();
    assert!(csv.starts_with("reshipment_no,status,failure_nos,order_no,customer,"), "{csv}");
    assert!(csv.contains("RS-AMS1-000001,authorized,"), "{csv}");
    assert!(csv.contains(",on_track,1000,1000,2000,EUR,us,"), "{csv}");
}

#[tokio::test]
async fn the_packing_slip_is_printed_once_authorized_in_the_readers_language() {
    let (w, failure_no) = setting().await;
    let dir = tempfile::tempdir().unwrap();
    as_user(&w, "lena").await;
    w.ok("request_reshipment", request(&failure_no, 4_000, 8_000)).await;
    let no = json!({"reshipment_no": "RS-AMS1-000001"});
    let before = w.events().await;
    let err = w.err("packing_slip", no.clone()).await;
    assert_eq!((err.code, err.message_key.as_str()), (ErrorCode::Conflict, "error.reshipment.no_packing_slip"));
    assert_eq!(err.params["status"], "requested");
    assert_eq!(w.events().await, before, "printing writes nothing");

    as_user(&w, "fien").await;
    w.ok("approve_reshipment", no.clone()).await;
    let file = w.ok("packing_slip", no.clone()).await;
    assert_eq!(file["file_name"], "packing-slip-RS-AMS1-000001.pdf");
    let pdf = write_pdf(dir.path(), &file);
    pdf_tool("qpdf", &["--check"], &pdf);
    let text = pdf_tool("pdftotext", &["-layout"], &pdf);
    for expected in ["Packing slip", "RS-AMS1-000001", "SO-1", "Bakker BV", failure_no.as_str(), "BOX-5L", "DPD"] {
        assert!(text.contains(expected), "the slip shows {expected}:\n{text}");
    }

    // Asked for in Dutch, the labels are Dutch; the data stays as recorded.
    let file = w.ok("packing_slip", json!({"reshipment_no": "RS-AMS1-000001", "language": "nl"})).await;
    let text = pdf_tool("pdftotext", &["-layout"], &write_pdf(dir.path(), &file));
    assert!(text.contains("Pakbon") && text.contains("Bestelling") && text.contains("RS-AMS1-000001"), "{text}");

    as_user(&w, "lena").await;
    w.ok("cancel_reshipment", json!({"reshipment_no": "RS-AMS1-000001", "reason": "customer found the original"}))
        .await;
    let err = w.err("packing_slip", no.clone()).await;
    assert_eq!(err.params["status"], "cancelled");
    let err = w.err("packing_slip", json!({"reshipment_no": "RS-AMS1-000099"})).await;
    assert_eq!(err.code, ErrorCode::NotFound);
}

#[tokio::test]
async fn replacement_goods_from_a_lot_leave_its_stock_and_a_hold_placed_after_approval_stops_them() {
    let (w, failure_no) = setting().await;
    w.add_user("quinn", &["quality_lead"]).await;
    w.ok("receive_lot", json!({"lot_code": "BX-1", "sku": "BOX-5L", "vendor_code": "SZHQ", "supplier_lot": null, "qty": 3, "unit": "pcs", "mfg_date": null, "expiry_date": null, "location": "MAIN"})).await;
    as_user(&w, "lena").await;
    let mut asked = request(&failure_no, 1_500, 2_000);
    asked["items"] = json!([{"line_no": 1, "qty": 4, "lot_code": "bx-1"}]);
    let err = w.err("request_reshipment", asked.clone()).await;
    let found: Vec<(&str, &str)> = err.fields.iter().map(|f| (f.field.as_str(), f.message_key.as_str())).collect();
    assert!(found.contains(&("items.0.lot_code", "error.lot.not_enough")), "{found:?}");
    asked["items"] = json!([{"line_no": 1, "qty": 2, "lot_code": "bx-1"}]);
    let r = w.ok("request_reshipment", asked).await;
    assert_eq!(r["status"], "authorized");

    w.ok("hold_lot", json!({"lot_code": "BX-1", "reason": "Cracked lids in this lot too"})).await;
    let ship = json!({"reshipment_no": "RS-AMS1-000001", "carrier": "dpd", "tracking_no": "01234567890123"});
    let err = w.err("ship_reshipment", ship.clone()).await;
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].message_key.as_str()),
        ("items.0.lot_code", "error.lot.on_hold")
    );
    assert_eq!(err.fields[0].params["reason"], "Cracked lids in this lot too");
    as_user(&w, "quinn").await;
    w.ok("release_hold", json!({"lot_code": "BX-1", "note": "Checked, the lids are fine"})).await;
    as_user(&w, "lena").await;
    w.ok("ship_reshipment", ship).await;

    let lot = w.ok("get_lot", json!({"lot_code": "BX-1"})).await;
    assert_eq!(lot["on_hand"], 1);
    assert_eq!(lot["shipments"][0]["order_no"], "SO-1");
    let trace = w.ok("trace_lot", json!({"lot_code": "BX-1", "direction": "forward"})).await;
    assert_eq!(trace["customers"][0]["customer_code"], "C-1", "the replacement reached C-1");
    let report = lotline_store::check(&w.ctx.store).await.expect("check runs");
    assert!(report.mismatched.is_empty(), "a rebuild differs: {:?}", report.mismatched);
}

#[tokio::test]
async fn each_person_is_offered_only_the_steps_they_may_take() {
    let (w, failure_no) = setting().await;
    let offered = |r: &Value| -> Vec<String> {
        r["my_actions"].as_array().unwrap().iter().map(|a| a.as_str().unwrap().to_owned()).collect()
    };
    as_user(&w, "lena").await;
    let within = w.ok("request_reshipment", request(&failure_no, 1_500, 2_000)).await;
    let no = within["reshipment_no"].as_str().unwrap().to_owned();
    assert_eq!(offered(&within), ["ship", "amend", "cancel"], "logistics ships and changes its own request");
    as_user(&w, "fien").await;
    let seen = w.ok("get_reshipment", json!({"reshipment_no": no})).await;
    assert_eq!(offered(&seen), Vec::<String>::new(), "finance neither ships nor changes an authorized reshipment");
    // What is not offered is refused, in words.
    let err = w.err("cancel_reshipment", json!({"reshipment_no": no, "reason": "no"})).await;
    assert_eq!(err.code, ErrorCode::Forbidden);

    w.ok("sign_out", json!({})).await;
    w.sign_in("admin", common::ADMIN_PASSWORD).await;
    let second = w.ok("log_failure", failure("BOX-5L")).await;
    as_user(&w, "lena").await;
    let above = w.ok("request_reshipment", request(second["failure_no"].as_str().unwrap(), 4_000, 8_000)).await;
    let above_no = above["reshipment_no"].as_str().unwrap().to_owned();
    assert_eq!(above["status"], "requested");
    assert_eq!(offered(&above), ["amend", "cancel"], "no one approves or rejects their own request");
    as_user(&w, "fien").await;
    let seen = w.ok("get_reshipment", json!({"reshipment_no": above_no})).await;
    assert_eq!(offered(&seen), ["approve", "reject"], "finance's limit covers it");
    as_user(&w, "vera").await;
    let seen = w.ok("get_reshipment", json!({"reshipment_no": above_no})).await;
    assert!(!offered(&seen).contains(&"amend".to_owned()), "{seen}");
}
