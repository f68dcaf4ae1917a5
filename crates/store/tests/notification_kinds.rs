//! The inbox's query runs only the kinds a person wants: a muted kind's records never come back,
//! the others' still do, over a real database filled through the log.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::store_with;
use lotline_domain::notify::NotificationKind;
use lotline_store::queries::notifications::candidates;
use serde_json::{Value, json};

fn lot(code: &str, expiry: Option<&str>) -> Value {
    json!({"kind": "lots_received", "rows": [{"lot_code": code, "sku": "SKU-1", "vendor_code": "NLPK",
        "qty": 10, "unit": "pcs", "location": "A-01", "expiry_date": expiry}]})
}

#[tokio::test]
async fn only_the_kinds_asked_for_come_back() {
    let (_dir, store) = store_with(vec![
        json!({"kind": "vendor_saved", "code": "NLPK", "name": "Pak BV", "country": "NL", "contact_name": null,
            "email": null, "phone": null, "language": "nl"}),
        json!({"kind": "product_saved", "sku": "SKU-1", "gtin": null, "name": "Tape", "category": "tools",
            "unit_cost_minor": 100, "currency": "EUR", "returnable": true, "lot_tracked": true,
            "serial_tracked": false, "has_expiry": true, "vendor_code": "NLPK"}),
        // Expires within the window from 2 to 16 March: an expiry warning.
        lot("LOT-A", Some("2026-03-10")),
        // Held: a lot-held notice.
        lot("LOT-B", None),
        json!({"kind": "lot_hold_placed", "lot_code": "LOT-B", "sku": "SKU-1", "vendor_code": "NLPK",
            "reason": "dented", "failure_no": "QF-1"}),
    ])
    .await;
    let mut conn = store.pool().acquire().await.unwrap();
    let numbers = |kinds: &std::collections::BTreeMap<NotificationKind, Vec<_>>, kind| -> Vec<String> {
        kinds
            .get(&kind)
            .map(|c: &Vec<lotline_store::queries::notifications::Candidate>| {
                c.iter().map(|c| c.record_no.clone()).collect()
            })
            .unwrap_or_default()
    };

    let both =
        candidates(&mut conn, &[NotificationKind::LotHeld, NotificationKind::ExpirySoon], "2026-03-02", "2026-03-16")
            .await
            .unwrap();
    assert_eq!(numbers(&both, NotificationKind::LotHeld), vec!["LOT-B"]);
    assert_eq!(numbers(&both, NotificationKind::ExpirySoon), vec!["LOT-A"]);

    // Lot holds muted: their rows never come back; the expiry warning still does.
    let muted = candidates(&mut conn, &[NotificationKind::ExpirySoon], "2026-03-02", "2026-03-16").await.unwrap();
    assert_eq!(muted.keys().copied().collect::<Vec<_>>(), vec![NotificationKind::ExpirySoon]);
    assert_eq!(numbers(&muted, NotificationKind::ExpirySoon), vec!["LOT-A"]);

    // Everything muted: nothing is asked of the database at all.
    assert!(candidates(&mut conn, &[], "2026-03-02", "2026-03-16").await.unwrap().is_empty());
}
