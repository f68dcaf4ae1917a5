//! A pulled page brought into the desk's log and projections (docs/sync.md), in one
//! transaction with the cursor: a desk stopped halfway has either all of the page or none. The
//! page is written with a few multi-row statements and projected from memory, not read back.

use std::collections::HashMap;

use lotline_domain::envelope::{Decoded, Hlc, decode_payload};
use sqlx::{QueryBuilder, Row, Sqlite, SqliteConnection};

use crate::log::{StoredEvent, current_versions, last_hlc, set_last_hlc};
use crate::sync_log::{PullApplied, PulledEvent, newer_events, pull_cursor, set_newer_events};
use crate::{Store, StoreError, project, rebuild};

/// Rows per INSERT: 500 × 20 bound values stays below SQLite's limit of 32,766.
const BATCH: usize = 500;

/// What this desk already holds of a pulled event: its local seq, server sequence and status.
type Known = HashMap<String, (i64, Option<i64>, String)>;

async fn known_events(conn: &mut SqliteConnection, page: &[&PulledEvent]) -> Result<Known, StoreError> {
    let mut known = HashMap::new();
    for chunk in page.chunks(BATCH) {
        let ids = serde_json::to_string(&chunk.iter().map(|p| p.event.id.as_str()).collect::<Vec<_>>())
            .map_err(|err| StoreError::BadEvent { id: String::new(), reason: err.to_string() })?;
        let rows =
            sqlx::query("SELECT id, seq, server_seq, status FROM events WHERE id IN (SELECT value FROM json_each(?))")
                .bind(ids)
                .fetch_all(&mut *conn)
                .await?;
        for row in rows {
            known.insert(row.get("id"), (row.get("seq"), row.get("server_seq"), row.get("status")));
        }
    }
    Ok(known)
}

/// Another desk's event as this desk stores it, at its stream version here.
struct NewRow<'a> {
    pulled: &'a PulledEvent,
    version: i64,
}

/// Inserts the rows in order; answers each one's local seq.
async fn insert_rows(conn: &mut SqliteConnection, rows: &[NewRow<'_>]) -> Result<Vec<i64>, StoreError> {
    let mut seqs = Vec::with_capacity(rows.len());
    for chunk in rows.chunks(BATCH) {
        let mut query: QueryBuilder<Sqlite> = QueryBuilder::new(
            "INSERT INTO events (id, desk_id, desk_seq, act_id, stream_type, stream_id, stream_version, kind, \
             schema_version, payload, payload_hash, actor_id, occurred_at, hlc, seen, local_only, server_seq, status, \
             prev_hash, hash) ",
        );
        query.push_values(chunk, |mut row, new| {
            let (e, pulled) = (&new.pulled.event, new.pulled);
            let stub = e.payload.is_none();
            let status = if pulled.rejected { "rejected" } else { "confirmed" };
            row.push_bind(e.id.clone())
                .push_bind(e.desk_id.clone())
                .push_bind(e.desk_seq)
                .push_bind(e.act_id.clone())
                .push_bind(e.stream_type.clone())
                .push_bind(e.stream_id.clone())
                .push_bind(new.version)
                .push_bind(e.kind.clone())
                .push_bind(e.schema_version)
                .push_bind(e.payload.clone().unwrap_or_else(|| "null".to_owned()))
                // Kept where the payload here is not what the chain hashed (a stub, a redaction).
                .push_bind((stub || e.redacted).then(|| e.payload_hash.clone()))
                .push_bind(e.actor_id.clone())
                .push_bind(e.occurred_at.clone())
                .push_bind(e.hlc.clone())
                .push_bind(e.seen)
                .push_bind(e.local_only)
                .push_bind(pulled.server_seq)
                .push_bind(if stub && !pulled.rejected { "confirmed" } else { status })
                .push_bind(e.prev_hash.clone())
                .push_bind(e.hash.clone());
        });
        // Rowids of one multi-row INSERT are consecutive: this transaction holds the write lock.
        let last = query.build().execute(&mut *conn).await?.last_insert_rowid();
        let first = last - chunk.len() as i64 + 1;
        seqs.extend(first..=last);
    }
    Ok(seqs)
}

/// A fresh row as the projections take it; `None` for a kind a newer Lotline wrote.
fn stored(seq: i64, new: &NewRow<'_>) -> Result<Option<StoredEvent>, StoreError> {
    let e = &new.pulled.event;
    let payload = e.payload.as_deref().unwrap_or("null");
    let event = match decode_payload(&e.kind, e.schema_version, payload) {
        Ok(Decoded::Known(event)) => *event,
        Ok(Decoded::Unknown { .. }) => return Ok(None),
        Err(reason) => return Err(StoreError::BadEvent { id: e.id.clone(), reason }),
    };
    Ok(Some(StoredEvent {
        seq,
        id: e.id.clone(),
        desk_id: e.desk_id.clone(),
        desk_seq: e.desk_seq,
        act_id: e.act_id.clone(),
        stream_type: e.stream_type.clone(),
        stream_id: e.stream_id.clone(),
        stream_version: new.version,
        event,
        actor_id: e.actor_id.clone(),
        occurred_at: e.occurred_at.clone(),
        hlc: e.hlc.clone(),
        seen: e.seen,
        server_seq: Some(new.pulled.server_seq),
    }))
}

/// The fresh rows as stored (through the desk's aliases), in server order.
async fn read_back(conn: &mut SqliteConnection, seqs: &str) -> Result<Vec<StoredEvent>, StoreError> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {} FROM events WHERE seq IN (SELECT value FROM json_each(?)) ORDER BY server_seq",
        crate::log::EVENT_COLUMNS
    )))
    .bind(seqs)
    .fetch_all(&mut *conn)
    .await?;
    let mut events = Vec::with_capacity(rows.len());
    for row in &rows {
        events.extend(crate::log::decode(row)?);
    }
    Ok(events)
}

/// Brings one page of pulled events (in server order) into the log and the projections, in one
/// transaction with the cursor.
pub async fn apply_pulled(store: &Store, page: &[PulledEvent]) -> Result<PullApplied, StoreError> {
    let mut tx = store.begin_write().await?;
    let cursor = pull_cursor(&mut tx).await?;
    let mut applied = PullApplied { cursor, ..PullApplied::default() };
    let last_seq_before: i64 =
        sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) FROM events").fetch_one(&mut *tx).await?;
    let page: Vec<&PulledEvent> = page.iter().filter(|p| p.server_seq > cursor).collect();
    let known = known_events(&mut tx, &page).await?;
    let unknown = page.iter().filter(|p| !known.contains_key(&p.event.id));
    let mut versions =
        current_versions(&mut tx, unknown.map(|p| (p.event.stream_type.as_str(), p.event.stream_id.clone()))).await?;
    let mut clock = last_hlc(&mut tx).await?;
    let mut new_rows = Vec::new();
    let mut own_refused = false;
    for pulled in &page {
        let e = &pulled.event;
        match known.get(&e.id) {
            Some((_, Some(_), _)) => {}
            Some((seq, None, was)) => {
                own_refused |= pulled.rejected && was != "rejected";
                sqlx::query("UPDATE events SET server_seq = ?, status = ? WHERE seq = ?")
                    .bind(pulled.server_seq)
                    .bind(if pulled.rejected { "rejected" } else { "confirmed" })
                    .bind(seq)
                    .execute(&mut *tx)
                    .await?;
                applied.confirmed += 1;
            }
            None => {
                let version = versions.entry((e.stream_type.clone(), e.stream_id.clone())).or_insert(0);
                *version += 1;
                new_rows.push(NewRow { pulled, version: *version });
                applied.inserted += 1;
            }
        }
        if let Ok(remote) = Hlc::parse(&e.hlc) {
            clock = Some(Hlc::merge(clock.as_ref(), &remote));
        }
        applied.cursor = applied.cursor.max(pulled.server_seq);
    }
    let seqs = insert_rows(&mut tx, &new_rows).await?;
    if let Some(key) = store.checkpoint_key() {
        let mut desks: Vec<&str> = new_rows.iter().map(|r| r.pulled.event.desk_id.as_str()).collect();
        desks.sort_unstable();
        desks.dedup();
        let now = lotline_domain::time::stored(chrono::Utc::now());
        crate::checkpoints::seal_desks(&mut tx, &key, desks, &now).await?;
    }
    if let Some(clock) = &clock {
        set_last_hlc(&mut tx, clock).await?;
    }
    // Records the team renamed: events already projected here under the old number replay.
    let mut renamed = false;
    for pulled in page.iter().filter(|p| !p.renumbered.is_empty()) {
        renamed |= crate::renames::record(&mut tx, &pulled.event.desk_id, &pulled.renumbered, last_seq_before).await?;
    }
    // Fresh rows read through a rename are projected as stored, not as pulled.
    let read_through_alias = crate::renames::apply_known(&mut tx, last_seq_before).await? > 0;
    let mut fresh: Vec<(i64, &NewRow<'_>)> = seqs
        .into_iter()
        .zip(&new_rows)
        .filter(|(_, new)| !new.pulled.rejected && new.pulled.event.payload.is_some())
        .collect();
    fresh.sort_by_key(|(_, new)| new.pulled.server_seq);
    // New events can simply follow what is projected when nothing projected here comes after
    // them in the canonical order: nothing pending, nothing the server placed later.
    let first_fresh_server_seq = page.iter().filter(|p| !p.rejected).map(|p| p.server_seq).min();
    let fresh_seqs =
        || serde_json::to_string(&fresh.iter().map(|(seq, _)| *seq).collect::<Vec<_>>()).unwrap_or_default();
    let reorder = match first_fresh_server_seq {
        Some(first) if !fresh.is_empty() => {
            sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM events WHERE status <> 'rejected' AND NOT (local_only AND payload_hash IS NOT NULL) AND seq NOT IN (SELECT value FROM json_each(?)) \
                 AND (server_seq IS NULL OR server_seq > ?) LIMIT 1",
            )
            .bind(fresh_seqs())
            .bind(first)
            .fetch_one(&mut *tx)
            .await?
                > 0
        }
        _ => false,
    };
    if reorder || own_refused || renamed {
        rebuild::replay(&mut tx).await?;
        applied.replayed = true;
    } else if !fresh.is_empty() {
        let events = match read_through_alias {
            true => read_back(&mut tx, &fresh_seqs()).await?,
            false => fresh
                .iter()
                .map(|(seq, new)| stored(*seq, new))
                .filter_map(Result::transpose)
                .collect::<Result<_, _>>()?,
        };
        let newer = (fresh.len() - events.len()) as i64;
        if newer > 0 {
            let before = newer_events(&mut tx).await?;
            set_newer_events(&mut tx, before + newer).await?;
        }
        project::apply(&mut tx, &events).await?;
        crate::project_numbers::apply(&mut tx, &events).await?;
    }
    sqlx::query(
        "INSERT INTO local_state (key, value) VALUES ('sync_cursor', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(applied.cursor.to_string())
    .execute(&mut *tx)
    .await?;
    crate::fault::pause_point("apply_pulled_before_commit").await;
    tx.commit().await?;
    if applied.replayed {
        store.forget_lot_index().await;
    }
    Ok(applied)
}
