//! What the store's tests share: a real database in a temporary folder, filled through the log
//! as a desk fills it, and the events several of them log.

// Each test file uses some of these, never all.
#![allow(dead_code)]

use lotline_domain::Event;
use lotline_store::{EventMeta, Store, append};
use serde_json::{Value, json};

/// A store holding `events`, appended in one act by user `u1` on `desk-a`. Keep the folder for
/// as long as the store is used.
pub async fn store_with(events: Vec<Value>) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let events: Vec<Event> = events.into_iter().map(|e| serde_json::from_value(e).unwrap()).collect();
    let mut tx = store.begin_write().await.unwrap();
    let meta = EventMeta::new(Some("u1".into()), "desk-a", "2026-03-02T09:00:00.000Z");
    append(&mut tx, &meta, events).await.unwrap();
    tx.commit().await.unwrap();
    (dir, store)
}

/// Failure `number` of SKU-1 from vendor V01: `qty_failed` of 20 inspected, with `disposition`.
pub fn failure_logged(number: &str, occurred_at: &str, qty_failed: i64, disposition: Option<&str>) -> Value {
    json!({
        "kind": "failure_logged", "failure_no": number, "occurred_at": occurred_at,
        "inspector_id": "u1",
        "record": {"sku": "SKU-1", "vendor_code": "V01", "lot_code": null, "serials": [], "stage": "incoming",
                   "qty_inspected": 20, "qty_failed": qty_failed, "category_code": "DIM", "description": "dent",
                   "severity": "minor", "owner_team": "warehouse_qc", "inspection": null, "attachment_ids": []},
        "disposition": disposition, "reinspection_of": null
    })
}
