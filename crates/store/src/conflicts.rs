//! Conflicts that merging desks' logs opens (DESIGN.md §6): stock taken below zero, goods
//! shipped while a hold was in force, a serial recorded twice, a lot code received twice, a
//! master record saved over another desk's unseen save. They are found while projecting in the
//! canonical order, so every desk and a rebuild hold the same.

use rusqlite::Connection;
use serde::Serialize;
use sqlx::SqliteConnection;

use crate::StoreError;
use crate::log::StoredEvent;

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

/// Saves per lookup of what they overwrote.
const SAVES_PER_LOOKUP: usize = 500;

/// For each save of a JSON list `[i, stream_type, stream_id, desk_id, seen, server_seq]`: the
/// other desks' confirmed saves of its stream before it in the canonical order (confirmed ahead
/// of it, or confirmed at all while it is pending), as `(i, id, server_seq)` in that order. Each
/// half walks index `events_record_saves` (migration 0024) over the desks on one side of the
/// save's own, so a stream only its own desk saves costs two probes whatever its history; the
/// kinds are spelled out as the index's condition spells them, which SQLite needs to use it.
static LOST_SAVES: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let kinds =
        lotline_domain::merge::RECORD_SAVE_KINDS.iter().map(|k| format!("'{k}'")).collect::<Vec<_>>().join(", ");
    let half = |side: &str| {
        format!(
            "SELECT s.i, e.id, e.server_seq FROM saves s JOIN events e INDEXED BY events_record_saves \
             ON e.stream_type = s.stream_type AND e.stream_id = s.stream_id AND e.desk_id {side} s.desk_id \
             WHERE e.status = 'confirmed' AND e.kind IN ({kinds}) AND e.server_seq > s.seen \
             AND (s.server_seq IS NULL OR e.server_seq < s.server_seq)"
        )
    };
    format!(
        "WITH saves AS (SELECT json_extract(value, '$[0]') AS i, json_extract(value, '$[1]') AS stream_type, \
           json_extract(value, '$[2]') AS stream_id, json_extract(value, '$[3]') AS desk_id, \
           json_extract(value, '$[4]') AS seen, json_extract(value, '$[5]') AS server_seq FROM json_each(?1)) \
         {} UNION ALL {} ORDER BY 1, 3",
        half("<"),
        half(">")
    )
});

/// Each of `events` that saves a master record, setting or policy over a save of another desk
/// that its desk had not seen (a later one in the server's order than it had pulled): the last
/// writer wins, and the conflict names the saves that were lost, then the one that stands, so
/// both desks are told. The subject is the record's stream (`vendor/NLPK`). The saves are looked
/// up a few hundred at a time: a team's first sync brings hundreds of thousands of them.
pub(crate) async fn note_overwritten(conn: &mut SqliteConnection, events: &[StoredEvent]) -> Result<(), StoreError> {
    let saves: Vec<&StoredEvent> = events.iter().filter(|e| lotline_domain::merge::saves_record(&e.event)).collect();
    for chunk in saves.chunks(SAVES_PER_LOOKUP) {
        let keys: Vec<serde_json::Value> = chunk
            .iter()
            .enumerate()
            .map(|(i, e)| serde_json::json!([i, e.stream_type, e.stream_id, e.desk_id, e.seen, e.server_seq]))
            .collect();
        let lost: Vec<(i64, String, i64)> = sqlx::query_as(sqlx::AssertSqlSafe(LOST_SAVES.as_str()))
            .bind(serde_json::Value::Array(keys).to_string())
            .fetch_all(&mut *conn)
            .await?;
        for (i, stored) in chunk.iter().enumerate() {
            let ids: Vec<&String> = lost.iter().filter(|(at, ..)| *at == i as i64).map(|(_, id, _)| id).collect();
            if ids.is_empty() {
                continue;
            }
            let subject = format!("{}/{}", stored.stream_type, stored.stream_id);
            for id in ids.into_iter().chain([&stored.id]) {
                note_async(conn, "master_overwritten", &subject, id, &stored.occurred_at).await?;
            }
        }
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
