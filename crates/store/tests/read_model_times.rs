//! Read models carry times as `DateTime<Utc>` decoded from the RFC 3339 text the log writes,
//! with or without milliseconds, and send them to the UI as RFC 3339 strings again.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use chrono::{TimeZone, Utc};
use common::{failure_logged, store_with};
use lotline_domain::time;
use lotline_store::queries::failures::{ListFailuresInput, list_failures};
use lotline_store::queries::review::instant_text;

#[tokio::test]
async fn stored_times_read_back_as_utc_instants() {
    let (_dir, store) = store_with(vec![
        failure_logged("QF-1", "2026-03-01T10:00:00.250Z", 1, None),
        failure_logged("QF-2", "2026-03-01T11:30:00Z", 1, None),
    ])
    .await;

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

/// The one time format: written by it, logged, read back through a read model, the instant is
/// the same and the text is what the log holds, as the review's queries bind it.
#[tokio::test]
async fn a_time_written_in_the_stored_form_round_trips_through_the_log() {
    let at = Utc.with_ymd_and_hms(2026, 11, 30, 23, 59, 59).unwrap() + chrono::Duration::milliseconds(7);
    let text = time::stored(at);
    assert_eq!(text, "2026-11-30T23:59:59.007Z");
    let (_dir, store) = store_with(vec![failure_logged("QF-1", &text, 2, None)]).await;

    let mut conn = store.pool().acquire().await.unwrap();
    let logged: String = sqlx::query_scalar("SELECT json_extract(payload, '$.occurred_at') FROM events")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    assert_eq!(logged, text, "the log keeps the text as written");
    assert_eq!(time::from_stored(&logged), Some(at));
    assert_eq!(instant_text(at), text, "the queries bind instants in the same form");

    let input = ListFailuresInput { limit: 100, ..ListFailuresInput::default() };
    let row = list_failures(&mut conn, &input).await.unwrap().rows.remove(0);
    assert_eq!(row.occurred_at, at);
    assert_eq!(time::stored(row.occurred_at), text);
}
