//! The failures list's disposition filter over a real database filled through the log: a failure
//! split over disposition lines answers to each line's disposition, a withdrawn line to none, and
//! a failure without lines to its own disposition.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::{failure_logged, store_with};
use lotline_domain::failure::Disposition;
use lotline_store::Store;
use lotline_store::queries::failures::{ListFailuresInput, list_failures};
use serde_json::{Value, json};

fn logged(number: &str, qty_failed: i64, disposition: Option<&str>) -> Value {
    failure_logged(number, "2026-03-01T10:00:00.000Z", qty_failed, disposition)
}

fn line(number: &str, line_id: &str, disposition: &str, qty: i64) -> Value {
    json!({"kind": "failure_disposition_line_added", "failure_no": number, "line_id": line_id,
        "line": {"disposition": disposition, "qty": qty, "note": "", "owner_id": "u1", "due_on": null}})
}

async fn matching(store: &Store, disposition: Disposition) -> (Vec<String>, i64) {
    let input = ListFailuresInput { disposition: Some(disposition), limit: 100, ..ListFailuresInput::default() };
    let mut conn = store.pool().acquire().await.unwrap();
    let page = list_failures(&mut conn, &input).await.unwrap();
    let mut numbers: Vec<String> = page.rows.into_iter().map(|r| r.failure_no).collect();
    numbers.sort();
    (numbers, page.total)
}

#[tokio::test]
async fn a_split_failure_answers_to_each_of_its_lines() {
    let (_dir, store) = store_with(vec![
        // 8 rework and 2 scrap of 10 failed.
        logged("QF-1", 10, None),
        line("QF-1", "0193-line-a", "rework", 8),
        line("QF-1", "0193-line-b", "scrap", 2),
        // Chosen whole when logged: one line of the old kind.
        logged("QF-2", 3, Some("scrap")),
        // No disposition yet.
        logged("QF-3", 1, None),
        // A return-to-vendor line withdrawn and replaced by re-inspection.
        logged("QF-4", 5, None),
        line("QF-4", "0193-line-c", "return_to_vendor", 5),
        json!({"kind": "failure_disposition_line_withdrawn", "failure_no": "QF-4", "line_id": "0193-line-c",
            "reason": "vendor refused"}),
        line("QF-4", "0193-line-d", "reinspect", 5),
    ])
    .await;

    assert_eq!(matching(&store, Disposition::Rework).await, (vec!["QF-1".to_owned()], 1));
    assert_eq!(matching(&store, Disposition::Scrap).await, (vec!["QF-1".to_owned(), "QF-2".to_owned()], 2));
    assert_eq!(matching(&store, Disposition::ReturnToVendor).await, (vec![], 0));
    assert_eq!(matching(&store, Disposition::Reinspect).await, (vec!["QF-4".to_owned()], 1));
    assert_eq!(matching(&store, Disposition::AcceptWithDeviation).await, (vec![], 0));
}
