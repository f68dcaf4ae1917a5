//! Read models carry times as `DateTime<Utc>` decoded from the RFC 3339 text the log writes,
//! with or without milliseconds, and send them to the UI as RFC 3339 strings again.

use chrono::{TimeZone, Utc};
use lotline_domain::Event;
use lotline_store::queries::failures::{ListFailuresInput, list_failures};
use lotline_store::{EventMeta, Store, append};
use serde_json::json;

fn logged(number: &str, occurred_at: &str) -> Event {
    serde_json::from_value(json!({
        "kind": "failure_logged", "failure_no": number, "occurred_at": occurred_at,
        "inspector_id": "u1",
        "record": {"sku": "SKU-1", "vendor_code": "V01", "lot_code": null, "serials": [], "stage": "incoming",
                   "qty_inspected": 20, "qty_failed": 1, "category_code": "DIM", "description": "dent",
                   "severity": "minor", "owner_team": "warehouse_qc", "inspection": null, "attachment_ids": []},
        "disposition": null, "reinspection_of": null
    }))
    .unwrap()
}

#[tokio::test]
async fn stored_times_read_back_as_utc_instants() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let mut tx = store.begin_write().await.unwrap();
    let meta = EventMeta::new(Some("u1".into()), "desk-a", "2026-03-02T09:00:00.000Z");
    let events = vec![logged("QF-1", "2026-03-01T10:00:00.250Z"), logged("QF-2", "2026-03-01T11:30:00Z")];
    append(&mut tx, &meta, events).await.unwrap();
    tx.commit().await.unwrap();

    let mut conn = store.pool().acquire().await.unwrap();
    let input = ListFailuresInput { limit: 100, ..ListFailuresInput::default() };
    let mut rows = list_failures(&mut conn, &input).await.unwrap().rows;
    rows.sort_by(|a, b| a.failure_no.cmp(&b.failure_no));
    let with_millis = Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap() + chrono::Duration::milliseconds(250);
    assert_eq!(rows[0].occurred_at, with_millis);
    assert_eq!(rows[1].occurred_at, Utc.with_ymd_and_hms(2026, 3, 1, 11, 30, 0).unwrap());
    let sent = serde_json::to_value(&rows[0]).unwrap();
    assert_eq!(sent["occurred_at"], "2026-03-01T10:00:00.250Z");
}
