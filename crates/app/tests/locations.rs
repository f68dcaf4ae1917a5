//! Stock locations are a list an administrator keeps (issue 20): a location typed freely is
//! refused by name instead of silently becoming a new one.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use lotline_domain::ErrorCode;
use serde_json::json;

fn receipt(location: &str) -> serde_json::Value {
    json!({"lot_code": "LOC-1", "sku": "BOX-5L", "vendor_code": "SZHQ", "supplier_lot": null, "qty": 10, "unit": "pcs",
           "mfg_date": null, "expiry_date": null, "location": location})
}

#[tokio::test]
async fn a_new_desk_starts_with_the_usual_locations() {
    let w = common::world().await;
    let list = w.ok("list_locations", json!({})).await;
    let codes: Vec<&str> = list.as_array().unwrap().iter().map(|l| l["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["INBOUND", "MAIN", "QUARANTINE", "RETURNS"]);
}

#[tokio::test]
async fn an_unknown_location_is_refused_by_name_until_an_administrator_adds_it() {
    let w = common::world().await;
    w.master_data().await;
    let err = w.err("receive_lot", receipt("Stelling-4")).await;
    let field = &err.fields[0];
    assert_eq!((field.field.as_str(), field.message_key.as_str()), ("location", "error.location.unknown"));
    assert_eq!(field.params["location"], "STELLING-4");

    let saved =
        w.ok("save_location", json!({"code": " stelling-4 ", "name": "Stelling 4, gang B", "active": true})).await;
    assert_eq!(saved["code"], "STELLING-4");
    let lot = w.ok("receive_lot", receipt("stelling-4")).await;
    assert_eq!(lot["location"], "STELLING-4");

    // Taken off the list, it takes no more stock; what is there stays.
    w.ok("save_location", json!({"code": "STELLING-4", "name": "Stelling 4, gang B", "active": false})).await;
    w.ok("move_lot", json!({"lot_code": "LOC-1", "to_location": "MAIN"})).await;
    let err = w.err("move_lot", json!({"lot_code": "LOC-1", "to_location": "STELLING-4"})).await;
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].message_key.as_str()),
        ("to_location", "error.location.unknown")
    );
    let report = lotline_store::check(&w.ctx.store).await.expect("check runs");
    assert!(report.mismatched.is_empty(), "{:?}", report.mismatched);
}

#[tokio::test]
async fn only_an_administrator_keeps_the_list() {
    let w = common::world().await;
    w.add_user("jan", &["logistics"]).await;
    w.ok("sign_out", json!({})).await;
    w.sign_in("jan", common::USER_PASSWORD).await;
    let err = w.err("save_location", json!({"code": "SHELF-9", "name": "Shelf 9", "active": true})).await;
    assert_eq!((err.code, err.message_key.as_str()), (ErrorCode::Forbidden, "error.forbidden.manage_locations"));
    assert_eq!(w.ok("list_locations", json!({})).await.as_array().unwrap().len(), 4);
}
