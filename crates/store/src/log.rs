//! Appending to and reading from the event log (docs/sync.md): each event carries its desk, a
//! gapless per-desk sequence, its act, its payload's schema version, a hybrid logical clock and
//! the desk's SHA-256 chain.

use std::collections::HashMap;

use lotline_domain::Event;
use lotline_domain::envelope::{
    ChainLink, CheckpointKey, Decoded, GENESIS, Hlc, current_schema_version, decode_payload, payload_hash,
};
use sqlx::{Row, SqliteConnection};

use crate::StoreError;
use crate::bulk::MultiRow;
use crate::project;

/// Who did it, from which desk, in which act, and when: shared by the events of one act.
#[derive(Debug, Clone)]
pub struct EventMeta {
    pub actor_id: Option<String>,
    pub desk_id: String,
    /// One id for every event of a business act: the server accepts or refuses the act whole.
    pub act_id: String,
    /// RFC 3339 UTC with milliseconds.
    pub occurred_at: String,
    /// The log's checkpoint key: the desk's new head is sealed with it in the same transaction.
    pub seal_with: Option<CheckpointKey>,
}

impl EventMeta {
    /// A new act of `actor_id` on `desk_id` at `occurred_at`.
    pub fn new(actor_id: Option<String>, desk_id: impl Into<String>, occurred_at: impl Into<String>) -> Self {
        EventMeta {
            actor_id,
            desk_id: desk_id.into(),
            act_id: uuid::Uuid::now_v7().to_string(),
            occurred_at: occurred_at.into(),
            seal_with: None,
        }
    }

    /// The same act, its events sealed with the log's checkpoint key when it has one.
    pub fn sealed_with(self, key: Option<CheckpointKey>) -> Self {
        EventMeta { seal_with: key, ..self }
    }
}

#[derive(Debug, Clone)]
pub struct NewEvent {
    pub event: Event,
}

#[derive(Debug, Clone)]
pub struct StoredEvent {
    pub seq: i64,
    pub id: String,
    pub desk_id: String,
    pub desk_seq: i64,
    pub act_id: String,
    pub stream_type: String,
    pub stream_id: String,
    pub stream_version: i64,
    pub event: Event,
    pub actor_id: Option<String>,
    pub occurred_at: String,
    pub hlc: String,
    /// What of the team's log the desk had pulled when it wrote this (see `ChainLink::seen`).
    pub seen: i64,
    /// The server's place for it; `None` while pending.
    pub server_seq: Option<i64>,
}

/// Rows per multi-row INSERT: 17 bound values each stays far below SQLite's variable limit.
const BATCH: usize = 500;

/// Appends events and updates the projections in the caller's transaction, so a failure
/// anywhere leaves neither the log nor a projection half-written.
pub async fn append(
    conn: &mut SqliteConnection,
    meta: &EventMeta,
    events: Vec<Event>,
) -> Result<Vec<StoredEvent>, StoreError> {
    if events.is_empty() {
        return Ok(Vec::new());
    }
    let payloads = events
        .iter()
        .map(serde_json::to_string)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|err| StoreError::BadEvent { id: String::new(), reason: err.to_string() })?;
    // The log's part in one hand-over of the connection: each statement sent to sqlx's worker
    // thread is a round trip between threads, and an append made nine of them.
    let stored = crate::bulk::with_raw(conn, |db| write_events(db, meta, events, payloads)).await?;
    project::apply(conn, &stored).await?;
    crate::project_numbers::apply(conn, &stored).await?;
    Ok(stored)
}

const EVENT_ROWS: MultiRow = MultiRow {
    head: "INSERT INTO events (id, desk_id, desk_seq, act_id, stream_type, stream_id, stream_version, kind, \
           schema_version, payload, actor_id, occurred_at, hlc, seen, local_only, prev_hash, hash)",
    width: 17,
    tail: "",
};

/// The events as rows of the log, each with its stream version, the desk's next sequence
/// number and chain hash, and the desk's clock; the desk's head sealed when the log has a key.
fn write_events(
    db: &rusqlite::Connection,
    meta: &EventMeta,
    events: Vec<Event>,
    payloads: Vec<String>,
) -> rusqlite::Result<Vec<StoredEvent>> {
    let mut versions = versions_raw(db, events.iter().map(Event::stream))?;
    let (mut desk_seq, mut prev_hash) = desk_head_raw(db, &meta.desk_id)?;
    let now_ms = lotline_domain::time::from_stored(&meta.occurred_at).map_or(0, |t| t.timestamp_millis());
    let mut clock = last_hlc_raw(db)?;
    let seen = local_state_raw(db, "sync_cursor")?.and_then(|t| t.parse().ok()).unwrap_or(0);
    let mut stored = Vec::with_capacity(events.len());
    let mut rows = Vec::with_capacity(events.len());
    for (event, payload) in events.into_iter().zip(payloads) {
        let (stream_type, stream_id) = event.stream();
        let version = versions.entry((stream_type.to_owned(), stream_id.clone())).or_insert(0);
        *version += 1;
        desk_seq += 1;
        let hlc = Hlc::tick(clock.as_ref(), now_ms, &meta.desk_id);
        let e = StoredEvent {
            seq: 0,
            id: uuid::Uuid::now_v7().to_string(),
            desk_id: meta.desk_id.clone(),
            desk_seq,
            act_id: meta.act_id.clone(),
            stream_type: stream_type.to_owned(),
            stream_id,
            stream_version: *version,
            actor_id: meta.actor_id.clone(),
            occurred_at: meta.occurred_at.clone(),
            hlc: hlc.to_string(),
            seen,
            server_seq: None,
            event,
        };
        let schema_version = current_schema_version(e.event.kind());
        let local_only = e.event.is_local_only();
        let hash = link_of(&e, schema_version, local_only, &payload_hash(&payload), &prev_hash).hash();
        rows.push(Row16 {
            schema_version,
            payload,
            local_only,
            hash: hash.clone(),
            prev_hash: std::mem::replace(&mut prev_hash, hash),
        });
        stored.push(e);
        clock = Some(hlc);
    }
    for (chunk, row_chunk) in stored.chunks_mut(BATCH).zip(rows.chunks(BATCH)) {
        let pairs: Vec<(&StoredEvent, &Row16)> = chunk.iter().zip(row_chunk).collect();
        EVENT_ROWS.write(db, &pairs, |s, at, (e, r)| {
            s.raw_bind_parameter(at, &e.id)?;
            s.raw_bind_parameter(at + 1, &e.desk_id)?;
            s.raw_bind_parameter(at + 2, e.desk_seq)?;
            s.raw_bind_parameter(at + 3, &e.act_id)?;
            s.raw_bind_parameter(at + 4, &e.stream_type)?;
            s.raw_bind_parameter(at + 5, &e.stream_id)?;
            s.raw_bind_parameter(at + 6, e.stream_version)?;
            s.raw_bind_parameter(at + 7, e.event.kind())?;
            s.raw_bind_parameter(at + 8, r.schema_version)?;
            s.raw_bind_parameter(at + 9, &r.payload)?;
            s.raw_bind_parameter(at + 10, &e.actor_id)?;
            s.raw_bind_parameter(at + 11, &e.occurred_at)?;
            s.raw_bind_parameter(at + 12, &e.hlc)?;
            s.raw_bind_parameter(at + 13, e.seen)?;
            s.raw_bind_parameter(at + 14, r.local_only)?;
            s.raw_bind_parameter(at + 15, &r.prev_hash)?;
            s.raw_bind_parameter(at + 16, &r.hash)
        })?;
        // Rowids of one multi-row INSERT are consecutive: this transaction holds the write lock.
        let first = db.last_insert_rowid() - chunk.len() as i64 + 1;
        for (offset, e) in chunk.iter_mut().enumerate() {
            e.seq = first + offset as i64;
        }
    }
    if let Some(clock) = clock {
        set_last_hlc_raw(db, &clock)?;
    }
    if let Some(key) = &meta.seal_with {
        // An act on people or settings keeps its checkpoint: the log up to it stays trusted
        // after a later rewrite, so its administrators can still be told apart.
        let pinned = stored.iter().any(|e| matches!(e.stream_type.as_str(), "user" | "settings"));
        let head = (desk_seq, prev_hash.as_str());
        crate::checkpoints::seal_head_raw(db, key, &meta.desk_id, head, &meta.occurred_at, pinned)?;
    }
    Ok(stored)
}

/// [`current_versions`] on SQLite's own connection.
fn versions_raw<T: AsRef<str> + Eq + std::hash::Hash>(
    db: &rusqlite::Connection,
    streams: impl Iterator<Item = (T, String)>,
) -> rusqlite::Result<HashMap<(String, String), i64>> {
    let mut by_type: HashMap<T, Vec<String>> = HashMap::new();
    for (stream_type, stream_id) in streams {
        by_type.entry(stream_type).or_default().push(stream_id);
    }
    let mut statement = db.prepare_cached(
        "SELECT stream_id, MAX(stream_version) FROM events WHERE stream_type = ?1 \
         AND stream_id IN (SELECT value FROM json_each(?2)) GROUP BY stream_id",
    )?;
    let mut versions = HashMap::new();
    for (stream_type, mut ids) in by_type {
        ids.sort();
        ids.dedup();
        let list = serde_json::to_string(&ids).unwrap_or_default();
        let mut found = statement.query(rusqlite::params![stream_type.as_ref(), list])?;
        while let Some(row) = found.next()? {
            versions.insert((stream_type.as_ref().to_owned(), row.get::<_, String>(0)?), row.get::<_, i64>(1)?);
        }
    }
    Ok(versions)
}

/// The desk's last sequence number and chain hash (0 and the genesis hash for a new desk).
fn desk_head_raw(db: &rusqlite::Connection, desk_id: &str) -> rusqlite::Result<(i64, String)> {
    use rusqlite::OptionalExtension;
    let row: Option<(i64, Option<String>)> = db
        .prepare_cached("SELECT desk_seq, hash FROM events WHERE desk_id = ? ORDER BY desk_seq DESC LIMIT 1")?
        .query_row([desk_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(match row {
        Some((seq, hash)) => (seq, hash.unwrap_or_else(|| GENESIS.to_owned())),
        None => (0, GENESIS.to_owned()),
    })
}

fn last_hlc_raw(db: &rusqlite::Connection) -> rusqlite::Result<Option<Hlc>> {
    Ok(local_state_raw(db, "last_hlc")?.and_then(|t| Hlc::parse(&t).ok()))
}

fn set_last_hlc_raw(db: &rusqlite::Connection, hlc: &Hlc) -> rusqlite::Result<()> {
    db.prepare_cached(
        "INSERT INTO local_state (key, value) VALUES ('last_hlc', ?) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute([hlc.to_string()])?;
    Ok(())
}

fn local_state_raw(db: &rusqlite::Connection, key: &str) -> rusqlite::Result<Option<String>> {
    use rusqlite::OptionalExtension;
    db.prepare_cached("SELECT value FROM local_state WHERE key = ?")?.query_row([key], |r| r.get(0)).optional()
}

/// What an appended row stores besides its `StoredEvent`.
struct Row16 {
    schema_version: i64,
    payload: String,
    local_only: bool,
    prev_hash: String,
    hash: String,
}

pub(crate) fn link_of<'a>(
    e: &'a StoredEvent,
    schema_version: i64,
    local_only: bool,
    payload_hash: &'a str,
    prev_hash: &'a str,
) -> ChainLink<'a> {
    ChainLink {
        id: &e.id,
        desk_id: &e.desk_id,
        desk_seq: e.desk_seq,
        act_id: &e.act_id,
        stream_type: &e.stream_type,
        stream_id: &e.stream_id,
        kind: e.event.kind(),
        schema_version,
        actor_id: e.actor_id.as_deref(),
        occurred_at: &e.occurred_at,
        hlc: &e.hlc,
        seen: e.seen,
        local_only,
        payload_hash,
        prev_hash,
    }
}

/// The latest clock this desk has written or seen.
pub(crate) async fn last_hlc(conn: &mut SqliteConnection) -> Result<Option<Hlc>, StoreError> {
    crate::bulk::with_raw(conn, last_hlc_raw).await
}

pub(crate) async fn set_last_hlc(conn: &mut SqliteConnection, hlc: &Hlc) -> Result<(), StoreError> {
    crate::bulk::with_raw(conn, |db| set_last_hlc_raw(db, hlc)).await
}

/// The highest stream version each stream holds here (streams with no event are left out).
pub(crate) async fn current_versions<T: AsRef<str> + Eq + std::hash::Hash>(
    conn: &mut SqliteConnection,
    streams: impl Iterator<Item = (T, String)>,
) -> Result<HashMap<(String, String), i64>, StoreError> {
    crate::bulk::with_raw(conn, |db| versions_raw(db, streams)).await
}

/// A stored row as an event this version can project, or `None` for a kind (or payload
/// version) written by a newer Lotline, which stays in the log unprojected.
pub(crate) fn decode(row: &sqlx::sqlite::SqliteRow) -> Result<Option<StoredEvent>, StoreError> {
    let id: String = row.get("id");
    let kind: String = row.get("kind");
    let schema_version: i64 = row.get("schema_version");
    let payload: String = row.get("payload");
    let event = match decode_payload(&kind, schema_version, &payload) {
        Ok(Decoded::Known(event)) => *event,
        Ok(Decoded::Unknown { .. }) => return Ok(None),
        Err(reason) => return Err(StoreError::BadEvent { id, reason }),
    };
    Ok(Some(StoredEvent {
        seq: row.get("seq"),
        id,
        desk_id: row.get("desk_id"),
        desk_seq: row.get("desk_seq"),
        act_id: row.get("act_id"),
        stream_type: row.get("stream_type"),
        stream_id: row.get("stream_id"),
        stream_version: row.get("stream_version"),
        event,
        actor_id: row.get("actor_id"),
        occurred_at: row.get("occurred_at"),
        hlc: row.get("hlc"),
        seen: row.get("seen"),
        server_seq: row.get("server_seq"),
    }))
}

/// An event as projections read it: a record renamed by the team (`number_aliases`) under its
/// new number, in its stream and its payload.
pub(crate) const EVENT_COLUMNS: &str = "seq, id, desk_id, desk_seq, act_id, stream_type, \
     COALESCE(stream_alias, stream_id) AS stream_id, stream_version, kind, schema_version, \
     COALESCE(payload_alias, payload) AS payload, actor_id, occurred_at, hlc, seen, server_seq";

/// The canonical order (docs/sync.md): events the server confirmed, in its order, then this
/// desk's pending ones as they were written. Refused events and stubs are never projected.
pub(crate) const CANONICAL_ORDER: &str = "(server_seq IS NULL), server_seq, seq";
/// A stub of another desk's local-only event (its `payload_hash` kept, no payload) has nothing to project.
pub(crate) const PROJECTED: &str = "status <> 'rejected' AND NOT (local_only AND payload_hash IS NOT NULL)";

/// The events named by `ids` (a conflict's), in the canonical order; unknown kinds are left out.
pub async fn load_events(conn: &mut SqliteConnection, ids: &[String]) -> Result<Vec<StoredEvent>, StoreError> {
    let list = serde_json::to_string(ids)
        .map_err(|err| StoreError::BadEvent { id: String::new(), reason: err.to_string() })?;
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {EVENT_COLUMNS} FROM events WHERE id IN (SELECT value FROM json_each(?1)) AND {PROJECTED} \
         ORDER BY {CANONICAL_ORDER}"
    )))
    .bind(list)
    .fetch_all(&mut *conn)
    .await?;
    let mut events = Vec::with_capacity(rows.len());
    for row in &rows {
        events.extend(decode(row)?);
    }
    Ok(events)
}

/// The events of one stream in the canonical order, e.g. to fold a failure's current state.
/// Events of kinds this version does not know are left out.
pub async fn load_stream(
    conn: &mut SqliteConnection,
    stream_type: &str,
    stream_id: &str,
) -> Result<Vec<StoredEvent>, StoreError> {
    // The stream's own events and those renamed into it, each by its index: written as one
    // `OR`, SQLite (with no statistics) read every event of the stream type, 2.5 ms for one
    // failure among 100,000.
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT * FROM (\
         SELECT {EVENT_COLUMNS} FROM events WHERE stream_type = ?1 AND stream_id = ?2 AND stream_alias IS NULL \
         AND {PROJECTED} \
         UNION ALL \
         SELECT {EVENT_COLUMNS} FROM events WHERE stream_type = ?1 AND stream_alias = ?2 AND {PROJECTED}) \
         ORDER BY {CANONICAL_ORDER}"
    )))
    .bind(stream_type)
    .bind(stream_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut events = Vec::with_capacity(rows.len());
    for row in &rows {
        events.extend(decode(row)?);
    }
    Ok(events)
}
