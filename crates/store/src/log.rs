//! Appending to and reading from the event log.

use std::collections::HashMap;

use lotline_domain::Event;
use sqlx::{QueryBuilder, Row, Sqlite, SqliteConnection};

use crate::StoreError;
use crate::project;

/// Who did it, from which desk, and when: shared by the events of one act.
#[derive(Debug, Clone)]
pub struct EventMeta {
    pub actor_id: Option<String>,
    pub device_id: String,
    /// RFC 3339 UTC with milliseconds.
    pub occurred_at: String,
}

#[derive(Debug, Clone)]
pub struct NewEvent {
    pub event: Event,
}

#[derive(Debug, Clone)]
pub struct StoredEvent {
    pub seq: i64,
    pub id: String,
    pub stream_type: String,
    pub stream_id: String,
    pub stream_version: i64,
    pub event: Event,
    pub actor_id: Option<String>,
    pub device_id: String,
    pub occurred_at: String,
}

/// Rows per multi-row INSERT: 11 bound values each stays far below SQLite's variable limit.
const BATCH: usize = 500;

/// Appends events and updates the projections in the caller's transaction, so a failure
/// anywhere leaves neither the log nor a projection half-written.
pub async fn append(
    conn: &mut SqliteConnection,
    meta: &EventMeta,
    events: Vec<Event>,
) -> Result<Vec<StoredEvent>, StoreError> {
    let mut versions = current_versions(conn, &events).await?;
    let millis = chrono::DateTime::parse_from_rfc3339(&meta.occurred_at).map(|t| t.timestamp_millis()).unwrap_or(0);
    let mut stored = Vec::with_capacity(events.len());
    for event in events {
        let (stream_type, stream_id) = event.stream();
        let version = versions.entry((stream_type.to_owned(), stream_id.clone())).or_insert(0);
        *version += 1;
        stored.push(StoredEvent {
            seq: 0,
            id: uuid::Uuid::now_v7().to_string(),
            stream_type: stream_type.to_owned(),
            stream_id,
            stream_version: *version,
            event,
            actor_id: meta.actor_id.clone(),
            device_id: meta.device_id.clone(),
            occurred_at: meta.occurred_at.clone(),
        });
    }
    for chunk in stored.chunks_mut(BATCH) {
        let payloads: Vec<String> = chunk
            .iter()
            .map(|e| serde_json::to_string(&e.event))
            .collect::<Result<_, _>>()
            .map_err(|err| StoreError::BadEvent { id: String::new(), reason: err.to_string() })?;
        let mut query: QueryBuilder<Sqlite> = QueryBuilder::new(
            "INSERT INTO events (id, stream_type, stream_id, stream_version, kind, payload, actor_id, device_id, occurred_at, hlc) ",
        );
        query.push_values(chunk.iter().zip(payloads), |mut row, (e, payload)| {
            row.push_bind(e.id.clone())
                .push_bind(e.stream_type.clone())
                .push_bind(e.stream_id.clone())
                .push_bind(e.stream_version)
                .push_bind(e.event.kind())
                .push_bind(payload)
                .push_bind(e.actor_id.clone())
                .push_bind(e.device_id.clone())
                .push_bind(e.occurred_at.clone())
                .push_bind(format!("{millis:015}-{}", e.id));
        });
        // Rowids of one multi-row INSERT are consecutive: this transaction holds the write lock.
        let last = query.build().execute(&mut *conn).await?.last_insert_rowid();
        let first = last - chunk.len() as i64 + 1;
        for (offset, e) in chunk.iter_mut().enumerate() {
            e.seq = first + offset as i64;
        }
    }
    project::apply(conn, &stored).await?;
    Ok(stored)
}

async fn current_versions(
    conn: &mut SqliteConnection,
    events: &[Event],
) -> Result<HashMap<(String, String), i64>, StoreError> {
    let mut by_type: HashMap<&'static str, Vec<String>> = HashMap::new();
    for event in events {
        let (stream_type, stream_id) = event.stream();
        by_type.entry(stream_type).or_default().push(stream_id);
    }
    let mut versions = HashMap::new();
    for (stream_type, mut ids) in by_type {
        ids.sort();
        ids.dedup();
        for chunk in ids.chunks(BATCH) {
            let mut query: QueryBuilder<Sqlite> =
                QueryBuilder::new("SELECT stream_id, MAX(stream_version) FROM events WHERE stream_type = ");
            query.push_bind(stream_type).push(" AND stream_id IN (");
            let mut list = query.separated(", ");
            for id in chunk {
                list.push_bind(id.clone());
            }
            query.push(") GROUP BY stream_id");
            for row in query.build().fetch_all(&mut *conn).await? {
                versions.insert((stream_type.to_owned(), row.get::<String, _>(0)), row.get::<i64, _>(1));
            }
        }
    }
    Ok(versions)
}

pub(crate) fn decode(row: &sqlx::sqlite::SqliteRow) -> Result<StoredEvent, StoreError> {
    let id: String = row.get("id");
    let payload: String = row.get("payload");
    let event = serde_json::from_str(&payload)
        .map_err(|err| StoreError::BadEvent { id: id.clone(), reason: err.to_string() })?;
    Ok(StoredEvent {
        seq: row.get("seq"),
        id,
        stream_type: row.get("stream_type"),
        stream_id: row.get("stream_id"),
        stream_version: row.get("stream_version"),
        event,
        actor_id: row.get("actor_id"),
        device_id: row.get("device_id"),
        occurred_at: row.get("occurred_at"),
    })
}

pub(crate) const EVENT_COLUMNS: &str =
    "seq, id, stream_type, stream_id, stream_version, payload, actor_id, device_id, occurred_at";

/// The events of one stream in order, e.g. to fold a failure's current state.
pub async fn load_stream(
    conn: &mut SqliteConnection,
    stream_type: &str,
    stream_id: &str,
) -> Result<Vec<StoredEvent>, StoreError> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {EVENT_COLUMNS} FROM events WHERE stream_type = ? AND stream_id = ? ORDER BY stream_version"
    )))
    .bind(stream_type)
    .bind(stream_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(decode).collect()
}
