//! Each currency's decimals come from the backend alone: the catalogue serves them to the UI, and
//! the PDFs format with the same table, so a yen amount reads the same on screen and on paper.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use std::path::Path;

use common::pdf::{pdf_tool, write_pdf};
use common::{failure, world};
use serde_json::{Value, json};

#[tokio::test]
async fn setup_status_serves_every_currency_with_its_decimals() {
    let w = world().await;
    let status = w.ok("setup_status", json!({})).await;
    let currencies = status["currencies"].as_array().unwrap();
    let exponent = |code: &str| currencies.iter().find(|c| c["code"] == code).map(|c| c["exponent"].clone());
    for (code, decimals) in [("EUR", 2), ("USD", 2), ("JPY", 0), ("KRW", 0), ("VND", 0), ("KWD", 3), ("BHD", 3)] {
        assert_eq!(exponent(code), Some(json!(decimals)), "{code}");
    }
    assert_eq!(exponent("EUO"), None);
    // What is served is what the backend accepts: a product may be priced in KWD, not in EUO.
    w.master_data().await;
    let product = |currency: &str| {
        json!({"sku": "TEA-1", "gtin": null, "name": "Tea", "category": "Food", "unit_cost_minor": 1_250, "currency": currency,
               "returnable": true, "lot_tracked": false, "serial_tracked": false, "has_expiry": false, "vendor_code": "SZHQ"})
    };
    w.ok("save_product", product("KWD")).await;
    let err = w.err("save_product", product("EUO")).await;
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].message_key.as_str()),
        ("currency", "error.field.bad_currency")
    );
    // It is served before setup too: the setup form asks for the home currency.
    // The folder lives as long as the test: a temporary dropped at once would take the database with it.
    let folder = tempfile::tempdir().unwrap();
    let fresh = lotline_app::Store::open(folder.path()).await.unwrap();
    let ctx = lotline_app::Ctx::new(fresh, w.clock.clone(), "desk-test-2");
    let before_setup = lotline_app::call(&ctx, "setup_status", json!({})).await.unwrap();
    assert_eq!(
        (before_setup["needs_setup"].as_bool(), &before_setup["currencies"]),
        (Some(true), &status["currencies"])
    );
    check_ui_fixture(&status["currencies"]);
}

/// The UI's Vitest tests format and parse with `ui/src/testing/currencies.json`, the table as
/// this act serves it: rewritten here when the table changes (like the ts-rs bindings), so the
/// UI's tests can never hold a table of their own.
fn check_ui_fixture(served: &Value) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/testing/currencies.json");
    let text = format!("{}\n", serde_json::to_string_pretty(served).unwrap());
    if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
        std::fs::write(&path, &text).unwrap();
    }
}

#[tokio::test]
async fn a_vendor_report_prints_yen_as_whole_yen() {
    let w = world().await;
    w.master_data().await;
    w.ok("save_product", json!({"sku": "TEA-JP", "gtin": null, "name": "Sencha 100 g", "category": "Food", "unit_cost_minor": 1_234, "currency": "JPY",
             "returnable": true, "lot_tracked": false, "serial_tracked": false, "has_expiry": false, "vendor_code": "SZHQ"})).await;
    w.ok("save_customer", json!({"code": "C-JP", "name": "Sato Shoten", "email": null, "phone": null, "address": "1-1 Ginza\nTokyo", "country": "JP"})).await;
    w.ok(
        "save_order",
        json!({"order_no": "SO-JP-1", "customer_code": "C-JP", "ordered_at": "2026-10-01T10:00:00Z", "currency": "JPY",
             "lines": [{"line_no": 1, "sku": "TEA-JP", "qty": 5, "unit_price_minor": 1_980}]}),
    )
    .await;
    let f = w.ok("log_failure", failure("TEA-JP")).await;
    let request = json!({"failure_nos": [f["failure_no"]], "order_no": "SO-JP-1", "items": [{"line_no": 1, "qty": 1}],
        "carrier": "dhl", "service": "Express", "reason": "replacement for a torn pouch",
        "cost": {"shipping_minor": 1_500, "shipping_currency": "JPY", "goods_minor": 1_234, "goods_currency": "JPY"}, "payer": "us"});
    let rs = w.ok("request_reshipment", request).await;
    assert_eq!((rs["total_minor"].as_i64(), rs["currency"].as_str()), (Some(2_734), Some("JPY")));

    let file = w.ok("vendor_report_pdf", json!({"failure_no": f["failure_no"], "language": "en"})).await;
    let dir = tempfile::tempdir().unwrap();
    let path = write_pdf(dir.path(), &file);
    pdf_tool("qpdf", &["--check"], &path);
    let text = pdf_tool("pdftotext", &[], &path);
    // 3 failed pouches at 1,234 yen and the reshipment's 2,734 yen: 6,436 yen, which the UI
    // shows as "¥6,436" (ui/src/money.test.ts), not 64.36.
    assert!(text.contains("JP¥ 6,436"), "{text}");
    assert!(!text.contains("64.36"), "{text}");
}
