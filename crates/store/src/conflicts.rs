//! Conflicts that merging desks' logs opens (DESIGN.md §6): stock taken below zero, goods
//! shipped while a hold was in force, a serial recorded twice, a lot code received twice, a
//! master record saved over another desk's unseen save. They are found while projecting in the
//! canonical order, so every desk and a rebuild hold the same.

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;
use sqlx::SqliteConnection;

use crate::StoreError;
use crate::log::StoredEvent;

/// Adds `event_id` to the conflict of `kind` about `subject`, opening it if new. A new event
/// in a resolved conflict breaks the rule anew: the conflict opens again, as its next opening.
const NOTE: &str = "INSERT INTO merge_conflicts (conflict_key, kind, subject, event_ids, opened_at) \
     VALUES (?1 || '/' || ?2, ?1, ?2, json_array(?3), ?4) \
     ON CONFLICT (conflict_key) DO UPDATE SET event_ids = \
       CASE WHEN EXISTS (SELECT 1 FROM json_each(event_ids) WHERE value = ?3) THEN event_ids \
       ELSE json_insert(event_ids, '$[#]', ?3) END, \
     opening = CASE WHEN resolved_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM json_each(event_ids) WHERE value = ?3) \
       THEN opening + 1 ELSE opening END, \
     opened_at = CASE WHEN resolved_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM json_each(event_ids) WHERE value = ?3) \
       THEN ?4 ELSE opened_at END, \
     resolution = CASE WHEN NOT EXISTS (SELECT 1 FROM json_each(event_ids) WHERE value = ?3) THEN NULL ELSE resolution END, \
     resolved_by = CASE WHEN NOT EXISTS (SELECT 1 FROM json_each(event_ids) WHERE value = ?3) THEN NULL ELSE resolved_by END, \
     note = CASE WHEN NOT EXISTS (SELECT 1 FROM json_each(event_ids) WHERE value = ?3) THEN NULL ELSE note END, \
     resolved_at = CASE WHEN NOT EXISTS (SELECT 1 FROM json_each(event_ids) WHERE value = ?3) THEN NULL ELSE resolved_at END";

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

/// A write-off puts the units that were never there back on the lot, as a delta of the
/// resolving event, in the canonical order like any other stock move.
pub(crate) async fn written_off(
    conn: &mut SqliteConnection,
    stored: &StoredEvent,
    conflict_key: &str,
    w: &lotline_domain::conflict::StockWriteOff,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO stock_moves (event_id, idx, sku, lot_code, location, qty_delta, cause, ref_no, at) \
         SELECT ?, 0, sku, lot_code, COALESCE(location, ''), ?, 'conflict_write_off', ?, ? FROM lots WHERE lot_code = ?",
    )
    .bind(&stored.id)
    .bind(w.qty)
    .bind(conflict_key)
    .bind(&stored.occurred_at)
    .bind(&w.lot_code)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE lots SET on_hand = on_hand + ? WHERE lot_code = ?")
        .bind(w.qty)
        .bind(&w.lot_code)
        .execute(&mut *conn)
        .await?;
    crate::lot_touches::touch(conn, &w.lot_code).await
}

/// Notes a resolution on its conflict's row: in its place in the order, and again once the run
/// of events it came with has been projected whole, since an overwritten save's conflict is found
/// only then (`note_overwritten`) and a rebuild replays the resolving act in the same run as the
/// saves it resolves. The second call changes nothing when the first found the row.
pub(crate) async fn resolved(conn: &mut SqliteConnection, stored: &StoredEvent) -> Result<(), StoreError> {
    let lotline_domain::Event::ConflictResolved { conflict_key, opening, resolution, note, .. } = &stored.event else {
        return Ok(());
    };
    // The first resolution of this opening in the canonical order stands (the server refuses a
    // second); one of an earlier opening no longer settles a conflict that broke again.
    sqlx::query(
        "UPDATE merge_conflicts SET resolved_at = ?, resolved_by = ?, resolution = ?, note = ? \
         WHERE conflict_key = ? AND resolved_at IS NULL AND opening = ?",
    )
    .bind(&stored.occurred_at)
    .bind(&stored.actor_id)
    .bind(resolution.as_str())
    .bind(note)
    .bind(conflict_key)
    .bind(i64::from(*opening))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MergeConflict {
    pub conflict_key: String,
    pub kind: String,
    pub subject: String,
    pub event_ids: Vec<String>,
    pub opened_at: DateTime<Utc>,
    /// 0, or how often it opened again after being resolved.
    pub opening: u32,
    pub resolution: Option<ConflictResolution>,
}

/// Who resolved a conflict, when, how and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConflictResolution {
    pub resolution: String,
    pub resolved_at: DateTime<Utc>,
    pub resolved_by: Option<String>,
    pub note: String,
}

const COLUMNS: &str =
    "conflict_key, kind, subject, event_ids, opened_at, opening, resolution, resolved_at, resolved_by, note";

fn conflict_of(row: &sqlx::sqlite::SqliteRow) -> MergeConflict {
    use sqlx::Row;
    let ids: String = row.get("event_ids");
    let resolution: Option<String> = row.get("resolution");
    MergeConflict {
        conflict_key: row.get("conflict_key"),
        kind: row.get("kind"),
        subject: row.get("subject"),
        event_ids: serde_json::from_str(&ids).unwrap_or_default(),
        opened_at: row.get("opened_at"),
        opening: u32::try_from(row.get::<i64, _>("opening")).unwrap_or_default(),
        resolution: resolution.map(|resolution| ConflictResolution {
            resolution,
            resolved_at: row.get::<Option<DateTime<Utc>>, _>("resolved_at").unwrap_or_default(),
            resolved_by: row.get("resolved_by"),
            note: row.get::<Option<String>, _>("note").unwrap_or_default(),
        }),
    }
}

/// Every conflict: the open ones first, oldest first, then the resolved ones, latest resolved first.
pub async fn merge_conflicts(conn: &mut SqliteConnection) -> Result<Vec<MergeConflict>, StoreError> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM merge_conflicts \
         ORDER BY resolved_at IS NOT NULL, CASE WHEN resolved_at IS NULL THEN opened_at END, resolved_at DESC, conflict_key"
    )))
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(conflict_of).collect())
}

pub async fn merge_conflict(
    conn: &mut SqliteConnection,
    conflict_key: &str,
) -> Result<Option<MergeConflict>, StoreError> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM merge_conflicts WHERE conflict_key = ?")))
        .bind(conflict_key)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.as_ref().map(conflict_of))
}

/// Open conflicts by kind, for a badge that counts only what its reader may resolve.
pub async fn open_conflict_counts(conn: &mut SqliteConnection) -> Result<Vec<(String, i64)>, StoreError> {
    Ok(sqlx::query_as("SELECT kind, COUNT(*) FROM merge_conflicts WHERE resolved_at IS NULL GROUP BY kind")
        .fetch_all(&mut *conn)
        .await?)
}

/// Every user's username by id: the inbox says who did what as the team knows them.
pub async fn usernames(conn: &mut SqliteConnection) -> Result<std::collections::HashMap<String, String>, StoreError> {
    Ok(sqlx::query_as::<_, (String, String)>("SELECT user_id, username FROM users")
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    /// `LOST_SAVES` forces the partial index; a kind it names that the index's condition does not
    /// would make SQLite refuse the lookup at the first sync, so the two lists must agree.
    #[tokio::test]
    async fn the_record_saves_index_names_every_record_save_kind() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).await.unwrap();
        let sql: String = sqlx::query_scalar("SELECT sql FROM sqlite_master WHERE name = 'events_record_saves'")
            .fetch_one(store.pool())
            .await
            .unwrap();
        let missing: Vec<_> = lotline_domain::merge::RECORD_SAVE_KINDS
            .iter()
            .filter(|kind| !sql.contains(&format!("'{kind}'")))
            .collect();
        assert!(missing.is_empty(), "the index leaves out {missing:?}: add a migration that makes it again");
        sqlx::query(sqlx::AssertSqlSafe(LOST_SAVES.as_str()))
            .bind("[]")
            .fetch_all(store.pool())
            .await
            .expect("the lookup may use the index");
    }
}
