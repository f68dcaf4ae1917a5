//! The returns tests' world: customers, orders and the people who handle returns.

use serde_json::{Value, json};

use super::{World, world};

/// Orders SO-1 (BOX-5L ×4 at 5.00, CHG-15W ×2 at 25.00) for C-1 and SO-2 (BOX-5L ×1) for C-2;
/// a returns analyst, a finance user and an inspector.
pub async fn setting() -> World {
    let w = world().await;
    w.master_data().await;
    for (code, name) in [("C-1", "Bakker BV"), ("C-2", "Wang Li")] {
        w.ok("save_customer", json!({"code": code, "name": name, "email": null, "phone": null, "address": "Damrak 1\n1012 LG Amsterdam", "country": "NL"})).await;
    }
    w.ok("save_order", json!({"order_no": "SO-1", "customer_code": "C-1", "ordered_at": "2026-10-01T10:00:00Z", "currency": "EUR",
        "lines": [{"line_no": 1, "sku": "BOX-5L", "qty": 4, "unit_price_minor": 500}, {"line_no": 2, "sku": "CHG-15W", "qty": 2, "unit_price_minor": 2500}]})).await;
    w.ok(
        "save_order",
        json!({"order_no": "SO-2", "customer_code": "C-2", "ordered_at": "2026-10-01T10:00:00Z", "currency": "EUR",
        "lines": [{"line_no": 1, "sku": "BOX-5L", "qty": 1, "unit_price_minor": 500}]}),
    )
    .await;
    w.add_user("ria", &["returns_analyst"]).await;
    w.add_user("fien", &["finance"]).await;
    w.add_user("ivo", &["inspector"]).await;
    w
}

pub async fn as_user(w: &World, name: &str) {
    w.ok("sign_out", json!({})).await;
    w.sign_in(name, "password-123").await;
}

pub fn open(lines: Value, reason: &str, delivered_on: &str) -> Value {
    json!({"lines": lines, "reason_code": reason, "preferred_outcome": "refund", "delivered_on": delivered_on,
           "condition": {"original_packaging": true, "unused": true, "tags_attached": true}, "photo_ids": [], "note": ""})
}

pub fn boxes(qty: i64) -> Value {
    json!([{"order_no": "SO-1", "line_no": 1, "qty": qty}])
}
