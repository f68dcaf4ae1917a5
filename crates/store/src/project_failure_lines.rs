//! A failure's disposition lines (migration 0036), kept in step with the line events and with
//! the old single-disposition events, which keep the failure's one `whole` line: the same rows
//! the migration wrote for failures projected before it. Scrap and return-to-vendor lines take
//! their units off a lot received here when completed, as stock deltas of the completing event.
//! Lines merged from two desks that hold more than the failed quantity open a conflict.

use lotline_domain::Event;
use lotline_domain::failure::{Disposition, LineStatus, WHOLE_LINE, line_entry_status};
use sqlx::SqliteConnection;

use crate::StoreError;
use crate::log::StoredEvent;
use crate::project::name;
use crate::project_kinds::{
    batched_events, production_events, recall_events, record_events, reshipment_events, return_events, review_events,
    scar_events, settings_events,
};
use crate::project_recalls::emptied_sql;

/// The failure's status as its lines give it (`Failure::status_from_lines`).
const RESTATE: &str = "UPDATE failures SET status = CASE \
     WHEN NOT EXISTS (SELECT 1 FROM failure_disposition_lines l WHERE l.failure_no = ?1 AND l.status IN ('open', 'awaiting_approval')) \
       AND (SELECT COALESCE(SUM(COALESCE(l.qty_completed, l.qty)), 0) FROM failure_disposition_lines l \
            WHERE l.failure_no = ?1 AND l.status = 'completed') >= qty_failed THEN 'closed' \
     WHEN EXISTS (SELECT 1 FROM failure_disposition_lines l WHERE l.failure_no = ?1 AND l.status = 'awaiting_approval') THEN 'awaiting_approval' \
     WHEN NOT EXISTS (SELECT 1 FROM failure_disposition_lines l WHERE l.failure_no = ?1 AND l.status <> 'withdrawn') THEN 'open' \
     ELSE 'in_disposition' END WHERE failure_no = ?1";

async fn restate(conn: &mut SqliteConnection, failure_no: &str) -> Result<(), StoreError> {
    sqlx::query(RESTATE).bind(failure_no).execute(&mut *conn).await?;
    Ok(())
}

/// Whether the failure's lines are split (any line other than the whole one).
async fn is_split(conn: &mut SqliteConnection, failure_no: &str) -> Result<bool, StoreError> {
    let split: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM failure_disposition_lines WHERE failure_no = ? AND whole = 0)",
    )
    .bind(failure_no)
    .fetch_one(&mut *conn)
    .await?;
    Ok(split)
}

/// The line events; false for every other event.
pub(crate) async fn apply(conn: &mut SqliteConnection, stored: &StoredEvent) -> Result<bool, StoreError> {
    let at = stored.occurred_at.as_str();
    match &stored.event {
        Event::FailureDispositionLineAdded { failure_no, line_id, line } => {
            sqlx::query(
                "INSERT INTO failure_disposition_lines (failure_no, line_id, position, disposition, qty, note, owner_id, due_on, status, added_at, added_by, added_event, serials) \
                 SELECT ?1, ?2, (SELECT COUNT(*) FROM failure_disposition_lines WHERE failure_no = ?1), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12 \
                 ON CONFLICT (failure_no, line_id) DO NOTHING",
            )
            .bind(failure_no)
            .bind(line_id)
            .bind(line.disposition.as_str())
            .bind(line.qty)
            .bind(Some(&line.note).filter(|n| !n.is_empty()))
            .bind(&line.owner_id)
            .bind(&line.due_on)
            .bind(name(&line_entry_status(line.disposition)))
            .bind(at)
            .bind(&stored.actor_id)
            .bind(&stored.id)
            .bind((!line.serials.is_empty()).then(|| serde_json::to_string(&line.serials).unwrap_or_default()))
            .execute(&mut *conn)
            .await?;
            restate(conn, failure_no).await?;
            note_over_assigned(conn, failure_no, at).await?;
        }
        Event::FailureDispositionLineCompleted { failure_no, line_id, completion } => {
            let scrap = completion.scrap.as_ref();
            let done = sqlx::query(
                "UPDATE failure_disposition_lines SET status = 'completed', outcome = ?3, qty_completed = MIN(MAX(COALESCE(?4, qty), 0), qty), \
                 completed_at = ?5, completed_by = ?6, scrap_method = ?7, scrap_method_other = ?8, destroyed_by = ?9, witness_id = ?10 \
                 WHERE failure_no = ?1 AND line_id = ?2 AND status IN ('open', 'awaiting_approval')",
            )
            .bind(failure_no)
            .bind(line_id)
            .bind(&completion.outcome)
            .bind(completion.qty)
            .bind(at)
            .bind(&stored.actor_id)
            .bind(scrap.map(|s| s.method.as_str()))
            .bind(scrap.map(|s| s.method_other.as_str()).filter(|o| !o.is_empty()))
            .bind(scrap.map(|s| s.destroyed_by.as_str()))
            .bind(scrap.and_then(|s| s.witness_id.as_deref()))
            .execute(&mut *conn)
            .await?;
            if done.rows_affected() > 0 {
                if let Some(cost) = completion.cost_minor {
                    record_rework_cost(conn, stored, failure_no, cost).await?;
                }
                stock_left(conn, stored, failure_no, line_id).await?;
            }
            restate(conn, failure_no).await?;
        }
        Event::FailureDispositionLineApproved { failure_no, line_id, .. } => {
            sqlx::query(
                "UPDATE failure_disposition_lines SET status = 'completed', outcome = 'accepted_with_deviation', \
                 completed_at = ?3, completed_by = ?4 WHERE failure_no = ?1 AND line_id = ?2 AND status IN ('open', 'awaiting_approval')",
            )
            .bind(failure_no)
            .bind(line_id)
            .bind(at)
            .bind(&stored.actor_id)
            .execute(&mut *conn)
            .await?;
            restate(conn, failure_no).await?;
        }
        Event::FailureDispositionLineWithdrawn { failure_no, line_id, .. } => {
            sqlx::query(
                "UPDATE failure_disposition_lines SET status = 'withdrawn', completed_at = ?3, completed_by = ?4 \
                 WHERE failure_no = ?1 AND line_id = ?2 AND status IN ('open', 'awaiting_approval')",
            )
            .bind(failure_no)
            .bind(line_id)
            .bind(at)
            .bind(&stored.actor_id)
            .execute(&mut *conn)
            .await?;
            restate(conn, failure_no).await?;
        }
        // A failure's own steps: `project` writes them, then has `follow_old` follow them here.
        Event::FailureCorrected { .. }
        | Event::FailureDispositionSet { .. }
        | Event::FailureDispositionCompleted { .. }
        | Event::FailureDeviationApproved { .. }
        | Event::FailureReinspected { .. }
        | settings_events!()
        | record_events!()
        | batched_events!()
        | recall_events!()
        | reshipment_events!()
        | return_events!()
        | review_events!()
        | scar_events!()
        | production_events!() => return Ok(false),
    }
    Ok(true)
}

/// Lines that hold more units than failed (added on two desks at once) name the failure in a
/// conflict, with every running line's event, so a person withdraws what is too much.
async fn note_over_assigned(conn: &mut SqliteConnection, failure_no: &str, at: &str) -> Result<(), StoreError> {
    let over: bool = sqlx::query_scalar(
        "SELECT COALESCE(SUM(CASE WHEN l.status = 'completed' THEN COALESCE(l.qty_completed, l.qty) \
           WHEN l.status = 'withdrawn' THEN 0 ELSE l.qty END), 0) > f.qty_failed \
         FROM failures f LEFT JOIN failure_disposition_lines l ON l.failure_no = f.failure_no WHERE f.failure_no = ?",
    )
    .bind(failure_no)
    .fetch_optional(&mut *conn)
    .await?
    .unwrap_or(false);
    if !over {
        return Ok(());
    }
    let events: Vec<String> = sqlx::query_scalar(
        "SELECT added_event FROM failure_disposition_lines WHERE failure_no = ? AND added_event IS NOT NULL \
         AND status <> 'withdrawn' ORDER BY position",
    )
    .bind(failure_no)
    .fetch_all(&mut *conn)
    .await?;
    for id in events {
        crate::conflicts::note_async(conn, "dispositions_over_assigned", failure_no, &id, at).await?;
    }
    Ok(())
}

/// Scrapped or returned units leave the failure's lot when it is one received here.
async fn stock_left(
    conn: &mut SqliteConnection,
    stored: &StoredEvent,
    failure_no: &str,
    line_id: &str,
) -> Result<(), StoreError> {
    let row: Option<(String, String, i64, String)> = sqlx::query_as(
        "SELECT l.disposition, lot.lot_code, COALESCE(l.qty_completed, l.qty), f.sku \
         FROM failure_disposition_lines l JOIN failures f ON f.failure_no = l.failure_no \
         JOIN lots lot ON lot.lot_code = f.lot_code AND lot.received_at IS NOT NULL \
         WHERE l.failure_no = ? AND l.line_id = ?",
    )
    .bind(failure_no)
    .bind(line_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((disposition, lot_code, qty, sku)) = row else { return Ok(()) };
    let cause = match disposition.as_str() {
        d if d == Disposition::Scrap.as_str() => "failure_scrapped",
        d if d == Disposition::ReturnToVendor.as_str() => "failure_returned_to_vendor",
        _ => return Ok(()),
    };
    if qty <= 0 {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO stock_moves (event_id, idx, sku, lot_code, location, qty_delta, cause, ref_no, at) \
         SELECT ?1, 0, ?2, lot_code, COALESCE(location, ''), -?3, ?4, ?5, ?6 FROM lots WHERE lot_code = ?7",
    )
    .bind(&stored.id)
    .bind(&sku)
    .bind(qty)
    .bind(cause)
    .bind(failure_no)
    .bind(&stored.occurred_at)
    .bind(&lot_code)
    .execute(&mut *conn)
    .await?;
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE lots SET on_hand = on_hand - ?1, status = {} WHERE lot_code = ?2",
        emptied_sql("on_hand - ?1", "consumed")
    )))
    .bind(qty)
    .bind(&lot_code)
    .execute(&mut *conn)
    .await?;
    crate::project_recalls::restate(conn, &lot_code).await
}

/// The old single-disposition events, after `project` wrote the failure's row: the whole line
/// follows them as the failure's one disposition always did.
pub(crate) async fn follow_old(conn: &mut SqliteConnection, stored: &StoredEvent) -> Result<(), StoreError> {
    let at = stored.occurred_at.as_str();
    match &stored.event {
        Event::FailureCorrected { failure_no, record, .. } => {
            sqlx::query("UPDATE failure_disposition_lines SET qty = ? WHERE failure_no = ? AND whole = 1")
                .bind(record.qty_failed)
                .bind(failure_no)
                .execute(&mut *conn)
                .await?;
            if is_split(conn, failure_no).await? {
                restate(conn, failure_no).await?;
            }
        }
        Event::FailureDispositionSet { failure_no, disposition, note, .. } => {
            sqlx::query(
                "INSERT INTO failure_disposition_lines (failure_no, line_id, position, disposition, qty, note, status, added_at, added_by, whole) \
                 SELECT failure_no, ?2, 0, ?3, qty_failed, ?4, ?5, ?6, ?7, 1 FROM failures WHERE failure_no = ?1 \
                 ON CONFLICT (failure_no, line_id) DO UPDATE SET disposition = excluded.disposition, qty = excluded.qty, \
                 note = excluded.note, status = excluded.status, added_at = excluded.added_at, added_by = excluded.added_by, \
                 outcome = NULL, qty_completed = NULL, completed_at = NULL, completed_by = NULL",
            )
            .bind(failure_no)
            .bind(WHOLE_LINE)
            .bind(disposition.as_str())
            .bind(Some(note).filter(|n| !n.is_empty()))
            .bind(name(&line_entry_status(*disposition)))
            .bind(at)
            .bind(&stored.actor_id)
            .execute(&mut *conn)
            .await?;
        }
        Event::FailureDispositionCompleted { failure_no, outcome, qty, .. } => {
            complete_whole(conn, stored, failure_no, outcome, *qty).await?;
        }
        Event::FailureDeviationApproved { failure_no, .. } => {
            complete_whole(conn, stored, failure_no, "accepted_with_deviation", None).await?;
        }
        Event::FailureReinspected { failure_no, .. } => {
            // The re-inspected units live on in the new failure.
            sqlx::query(
                "UPDATE failure_disposition_lines SET status = 'completed', outcome = 'reinspection_failed', completed_at = ?2, completed_by = ?3 \
                 WHERE failure_no = ?1 AND disposition = 'reinspect' AND status IN ('open', 'awaiting_approval')",
            )
            .bind(failure_no)
            .bind(at)
            .bind(&stored.actor_id)
            .execute(&mut *conn)
            .await?;
            if is_split(conn, failure_no).await? {
                restate(conn, failure_no).await?;
            }
        }
        // Projected by `apply` above, and never routed here.
        Event::FailureDispositionLineAdded { .. }
        | Event::FailureDispositionLineCompleted { .. }
        | Event::FailureDispositionLineApproved { .. }
        | Event::FailureDispositionLineWithdrawn { .. }
        | settings_events!()
        | record_events!()
        | batched_events!()
        | recall_events!()
        | reshipment_events!()
        | return_events!()
        | review_events!()
        | scar_events!()
        | production_events!() => {}
    }
    Ok(())
}

/// What completing a disposition cost (a whole failure's or one line's), kept per event so that a
/// replay writes it once.
pub(crate) async fn record_rework_cost(
    conn: &mut SqliteConnection,
    stored: &StoredEvent,
    failure_no: &str,
    cost_minor: i64,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO rework_costs (event_id, failure_no, at, cost_minor) VALUES (?, ?, ?, ?)")
        .bind(&stored.id)
        .bind(failure_no)
        .bind(&stored.occurred_at)
        .bind(cost_minor)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

async fn complete_whole(
    conn: &mut SqliteConnection,
    stored: &StoredEvent,
    failure_no: &str,
    outcome: &str,
    qty: Option<i64>,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE failure_disposition_lines SET status = ?3, outcome = ?4, qty_completed = ?5, completed_at = ?6, completed_by = ?7 \
         WHERE failure_no = ?1 AND line_id = ?2",
    )
    .bind(failure_no)
    .bind(WHOLE_LINE)
    .bind(name(&LineStatus::Completed))
    .bind(outcome)
    .bind(qty)
    .bind(&stored.occurred_at)
    .bind(&stored.actor_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
