//! The serial-tracked setting of the holds and units tests: a charger whose every unit has a
//! serial, a lot of them received with their serials, a per-serial failure, and a shipment.

use serde_json::{Value, json};

use super::World;

pub fn charger(reaction: Value) -> Value {
    json!({"sku": "CHG-15W", "gtin": "4006381333931", "name": "无线充电器 15W", "category": "Opladers", "unit_cost_minor": 1190,
           "currency": "EUR", "returnable": true, "lot_tracked": true, "serial_tracked": true, "has_expiry": false,
           "vendor_code": "SZHQ", "failure_reaction": reaction})
}

pub async fn receive_chargers(w: &World, lot: &str, serials: &[&str]) {
    w.ok("receive_lot", json!({"lot_code": lot, "sku": "CHG-15W", "vendor_code": "SZHQ", "supplier_lot": null, "qty": serials.len(), "unit": "pcs", "mfg_date": null, "expiry_date": null, "location": "MAIN"})).await;
    w.ok("record_serials", json!({"lot_code": lot, "serials": serials})).await;
}

pub fn serial_failure(lot: &str, failed: &[&str], accepted: &[&str]) -> Value {
    let mut f = super::failure("CHG-15W");
    f["lot_code"] = json!(lot);
    f["serials"] = json!(failed);
    f["accepted_serials"] = json!(accepted);
    f["qty_inspected"] = json!(failed.len() + accepted.len());
    f["qty_failed"] = json!(failed.len());
    f
}

pub fn ship(lot: &str, qty: i64, serials: &[&str]) -> Value {
    json!({"lot_code": lot, "order_no": "SO-1", "customer_code": "C-1", "qty": qty, "shipped_at": "2026-10-02T10:00:00Z", "serials": serials})
}
