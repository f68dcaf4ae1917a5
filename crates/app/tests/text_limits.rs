//! Every typed text has a limit, counted in characters, and a text over it is refused with the
//! field, the limit and its length, before anything is written.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::world;
use lotline_app::ErrorCode;
use serde_json::json;

#[tokio::test]
async fn a_vendor_name_over_the_limit_is_refused_and_nothing_is_written() {
    let w = world().await;
    let before = w.events().await;
    let name = "名".repeat(201);
    let err = w.err("save_vendor", json!({"code": "V9", "name": name, "country": "CN", "language": "zh-CN"})).await;
    assert_eq!(err.code, ErrorCode::Invalid);
    assert_eq!(err.fields[0].field, "name");
    assert_eq!(err.fields[0].message_key, "error.field.too_long");
    assert_eq!(err.fields[0].params["max"], "200");
    assert_eq!(err.fields[0].params["length"], "201");
    assert_eq!(w.events().await, before, "a refused act writes nothing");
    // At the limit, in characters that take three bytes each, it is taken.
    w.ok("save_vendor", json!({"code": "V9", "name": "名".repeat(200), "country": "CN", "language": "zh-CN"})).await;
}

#[tokio::test]
async fn an_import_names_the_row_and_column_of_a_text_too_long() {
    let w = world().await;
    let before = w.events().await;
    let long = "x".repeat(401);
    let csv = format!("code,name,email,phone,address,country\nC1,Good,,,Damrak 1,NL\nC2,Long,,,{long},NL\n");
    let err = w.err("import_csv", json!({"entity": "customers", "csv": csv})).await;
    let field = &err.fields[0];
    assert_eq!(
        (field.row, field.field.as_str(), field.message_key.as_str()),
        (Some(3), "address", "error.field.too_long")
    );
    assert_eq!(field.params["max"], "400");
    assert_eq!(field.params["length"], "401");
    assert_eq!(w.events().await, before, "nothing may be written");
}

#[tokio::test]
async fn notes_and_search_text_are_held_to_their_limits() {
    let w = world().await;
    w.master_data().await;
    let err = w.err("review_vendor", json!({"vendor_code": "SZHQ", "note": "n".repeat(4_001)})).await;
    assert_eq!((err.fields[0].field.as_str(), err.fields[0].params["max"].as_str()), ("note", "4000"));
    let err = w.err("search", json!({"text": "s".repeat(201)})).await;
    assert_eq!((err.fields[0].field.as_str(), err.fields[0].params["length"].as_str()), ("text", "201"));
}
