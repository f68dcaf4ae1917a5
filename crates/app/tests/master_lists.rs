//! The master-data lists, defect categories and a person's own language: acts the UI calls on
//! every screen that no other test went through.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::world;
use serde_json::json;

#[tokio::test]
async fn vendors_customers_and_orders_list_by_text_and_page() {
    let w = world().await;
    w.master_data().await;
    w.ok("save_vendor", json!({"code": "NBTX", "name": "Ningbo Textiles", "country": "CN", "contact_name": null, "email": null, "phone": null, "language": "en"})).await;
    for (code, name) in [("C-1", "De Vries BV"), ("C-2", "Jansen Retail"), ("C-3", "De Boer")] {
        w.ok(
            "save_customer",
            json!({"code": code, "name": name, "email": null, "phone": null, "address": null, "country": "NL"}),
        )
        .await;
    }
    w.ok(
        "save_order",
        json!({"order_no": "SO-1", "customer_code": "C-1", "ordered_at": "2026-11-02T09:00:00Z", "currency": "EUR",
               "lines": [{"line_no": 1, "sku": "BOX-5L", "qty": 4, "unit_price_minor": 750}]}),
    )
    .await;

    let vendors = w.ok("list_vendors", json!({"text": null, "offset": 0, "limit": 50})).await;
    assert_eq!(vendors["total"], 2);
    let codes: Vec<_> = vendors["rows"].as_array().unwrap().iter().map(|v| v["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["NBTX", "SZHQ"]);
    let found = w.ok("list_vendors", json!({"text": "华强", "offset": 0, "limit": 50})).await;
    assert_eq!((found["total"].as_i64(), found["rows"][0]["code"].as_str()), (Some(1), Some("SZHQ")));

    let de = w.ok("list_customers", json!({"text": "de ", "offset": 0, "limit": 1})).await;
    assert_eq!(de["total"], 2, "De Vries and De Boer: {de}");
    assert_eq!(de["rows"].as_array().unwrap().len(), 1, "one page of one");
    let second = w.ok("list_customers", json!({"text": "de ", "offset": 1, "limit": 1})).await;
    assert_ne!(de["rows"][0]["code"], second["rows"][0]["code"], "the next page is the other one");

    let orders = w.ok("list_orders", json!({"text": "SO-1", "offset": 0, "limit": 50})).await;
    assert_eq!(orders["total"], 1);
    assert_eq!(orders["rows"][0]["customer_code"], "C-1");
    let none = w.ok("list_orders", json!({"text": "SO-9", "offset": 0, "limit": 50})).await;
    assert_eq!(none["total"], 0);
}

#[tokio::test]
async fn a_defect_category_is_saved_in_three_languages_by_a_quality_lead_only() {
    let w = world().await;
    let category = json!({"code": " lbl ", "name_en": "Label", "name_zh": "标签", "name_nl": "Etiket", "active": true});
    let saved = w.ok("save_defect_category", category.clone()).await;
    assert_eq!(saved["code"], "LBL", "codes are trimmed and upper-cased");
    let listed = w.ok("list_defect_categories", json!({})).await;
    let label = listed.as_array().unwrap().iter().find(|c| c["code"] == "LBL").expect("listed");
    assert_eq!((label["name_zh"].as_str(), label["name_nl"].as_str()), (Some("标签"), Some("Etiket")));

    let nameless = w
        .err(
            "save_defect_category",
            json!({"code": "X", "name_en": "", "name_zh": "x", "name_nl": "x", "active": true}),
        )
        .await;
    assert_eq!(nameless.fields[0].field, "name_en", "{nameless:?}");

    w.add_user("ines", &["inspector"]).await;
    w.sign_in("ines", "password-123").await;
    let refused = w.err("save_defect_category", category).await;
    assert_eq!(refused.code, lotline_domain::ErrorCode::Forbidden);
    assert!(w.ok("list_defect_categories", json!({})).await.as_array().unwrap().iter().any(|c| c["code"] == "LBL"));
}

#[tokio::test]
async fn a_person_sets_their_own_language_and_keeps_it_at_the_next_sign_in() {
    let w = world().await;
    w.add_user("ines", &["inspector"]).await;
    w.sign_in("ines", "password-123").await;
    let me = w.ok("set_my_language", json!({"language": "zh-CN"})).await;
    assert_eq!(me["language"], "zh-CN");
    let unknown = w.err("set_my_language", json!({"language": "fr"})).await;
    assert_eq!(unknown.fields[0].field, "language", "{unknown:?}");
    w.sign_in("admin", common::ADMIN_PASSWORD).await;
    w.sign_in("ines", "password-123").await;
    let session = w.ok("current_session", json!({})).await;
    assert_eq!(session["user"]["language"], "zh-CN", "{session}");
}

#[tokio::test]
async fn one_product_is_read_by_its_exact_sku_by_anyone_signed_in() {
    let w = world().await;
    w.master_data().await;
    w.ok("save_product", json!({"sku": "BOX-5L-XL", "gtin": null, "name": "Opbergbox 5 L extra", "category": "Opslag", "unit_cost_minor": 420, "currency": "EUR",
             "returnable": true, "lot_tracked": false, "serial_tracked": false, "has_expiry": false, "vendor_code": null})).await;
    w.add_user("ivo", &["inspector"]).await;
    w.ok("sign_out", json!({})).await;
    w.sign_in("ivo", common::USER_PASSWORD).await;

    let product = w.ok("get_product", json!({"sku": " BOX-5L "})).await;
    assert_eq!(product["sku"], "BOX-5L", "the SKU is trimmed, and its longer namesake is not the answer");
    assert_eq!((product["name"].as_str(), product["unit_cost_minor"].as_i64()), (Some("Opbergbox 5 L"), Some(380)));
    assert_eq!(product["vendor_code"], "SZHQ");
    let charger = w.ok("get_product", json!({"sku": "CHG-15W"})).await;
    assert_eq!((charger["serial_tracked"].as_bool(), charger["gtin"].as_str()), (Some(true), Some("4006381333931")));

    let unknown = w.err("get_product", json!({"sku": "BOX-5"})).await;
    assert_eq!(unknown.code, lotline_app::ErrorCode::NotFound);
    assert_eq!((unknown.message_key.as_str(), unknown.params["key"].as_str()), ("error.not_found.product", "BOX-5"));

    w.ok("sign_out", json!({})).await;
    let refused = w.err("get_product", json!({"sku": "BOX-5L"})).await;
    assert_eq!(refused.code, lotline_app::ErrorCode::Unauthenticated, "{refused}");
}
