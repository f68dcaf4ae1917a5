//! Conflicts that merging desks' logs opens (DESIGN.md §6): stock taken below zero, goods
//! shipped while a hold was in force, a serial recorded twice, a lot code received twice. They
//! are found while projecting in the canonical order, so every desk and a rebuild hold the same.

use rusqlite::Connection;
use serde::Serialize;
use sqlx::SqliteConnection;

use crate::StoreError;

/// Adds `event_id` to the conflict of `kind` about `subject`, opening it if new.
const NOTE: &str = "INSERT INTO merge_conflicts (conflict_key, kind, subject, event_ids, opened_at) \
     VALUES (?1 || '/' || ?2, ?1, ?2, json_array(?3), ?4) \
     ON CONFLICT (conflict_key) DO UPDATE SET event_ids = \
       CASE WHEN EXISTS (SELECT 1 FROM json_each(event_ids) WHERE value = ?3) THEN event_ids \
       ELSE json_insert(event_ids, '$[#]', ?3) END";

pub(crate) fn note(db: &Connection, kind: &str, subject: &str, event_id: &str, at: &str) -> rusqlite::Result<()> {
    db.prepare_cached(NOTE)?.execute(rusqlite::params![kind, subject, event_id, at])?;
    Ok(())
}

pub(crate) async fn note_async(
    conn: &mut SqliteConnection,
    kind: &str,
    subject: &str,
    event_id: &str,
    at: &str,
) -> Result<(), StoreError> {
    sqlx::query(NOTE).bind(kind).bind(subject).bind(event_id).bind(at).execute(&mut *conn).await?;
    Ok(())
}

/// Stock of `lot` went below zero: the conflict names every event that took from it.
pub(crate) fn note_below_zero(db: &Connection, lot: &str, at: &str) -> rusqlite::Result<()> {
    let mut takers = db.prepare_cached(
        "SELECT DISTINCT event_id FROM stock_moves WHERE lot_code = ?1 AND qty_delta < 0 ORDER BY rowid",
    )?;
    let ids: Vec<String> = takers.query_map([lot], |r| r.get(0))?.collect::<Result<_, _>>()?;
    for id in ids {
        note(db, "stock_below_zero", lot, &id, at)?;
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MergeConflict {
    pub kind: String,
    pub subject: String,
    pub event_ids: Vec<String>,
    pub opened_at: String,
}

/// Every open conflict, oldest first.
pub async fn merge_conflicts(conn: &mut SqliteConnection) -> Result<Vec<MergeConflict>, StoreError> {
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT kind, subject, event_ids, opened_at FROM merge_conflicts ORDER BY opened_at, conflict_key",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(kind, subject, ids, opened_at)| MergeConflict {
            kind,
            subject,
            event_ids: serde_json::from_str(&ids).unwrap_or_default(),
            opened_at,
        })
        .collect())
}
