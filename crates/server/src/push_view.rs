//! The team's log as one push reads it. The push judges its acts one after another against the
//! log as it stands with the push's earlier acts in it, but writes its rows only once every act is
//! judged (`push_rows`). So every read of the log during a push goes through this view: the
//! streams and subjects the acts look at are read from the database once each, most of them in a
//! few statements before the first act, and the acts the push accepts are added as they are
//! accepted, after what the database held (their server sequences come after all of it).

use std::collections::{HashMap, HashSet};

use lotline_domain::Event;
use lotline_domain::envelope::{Decoded, decode_payload};
use lotline_domain::merge::{KINDS_WITH_SUBJECTS, Logged, subjects_of};
use lotline_sync::WireEvent;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::database::{Backend, in_list};
use crate::error::ServerError;

/// Ids per `IN (…)` list: well below either backend's bound on parameters.
const IDS_PER_READ: usize = 400;

type StreamKey = (String, String);

/// What the view holds of one stream or subject.
#[derive(Default)]
struct Entry {
    /// The database's rows are in `events` (before any the push added).
    loaded: bool,
    /// The team holds an accepted event of this stream, a credential's stub included.
    taken: bool,
    /// Accepted events with a payload, in server order.
    events: Vec<Logged>,
}

pub(crate) struct PushView {
    backend: Backend,
    streams: HashMap<StreamKey, Entry>,
    named: HashMap<String, Entry>,
}

/// The event as the merge reads it, when this Lotline knows its kind.
fn known(kind: &str, schema_version: i64, payload: &str) -> Option<Event> {
    match decode_payload(kind, schema_version, payload) {
        Ok(Decoded::Known(event)) => Some(*event),
        _ => None,
    }
}

fn logged(row: &AnyRow) -> Result<Option<Logged>, ServerError> {
    let Some(payload) = row.try_get::<Option<String>, _>("payload")? else { return Ok(None) };
    let kind: String = row.try_get("kind")?;
    let Some(event) = known(&kind, row.try_get("schema_version")?, &payload) else { return Ok(None) };
    Ok(Some(Logged { server_seq: row.try_get("server_seq")?, desk_id: row.try_get("desk_id")?, event }))
}

impl PushView {
    pub fn new(backend: Backend) -> PushView {
        PushView { backend, streams: HashMap::new(), named: HashMap::new() }
    }

    fn param(&self, n: usize) -> String {
        match self.backend {
            Backend::Sqlite => "?".to_owned(),
            Backend::Postgres => format!("${n}"),
        }
    }

    /// Reads these streams from the database, those not read yet: one statement per stream
    /// type and few hundred ids for the numbers as written, one for renamed numbers.
    pub async fn read_streams(
        &mut self,
        tx: &mut Transaction<'static, Any>,
        keys: impl IntoIterator<Item = StreamKey>,
    ) -> Result<(), ServerError> {
        let mut wanted: HashMap<String, Vec<String>> = HashMap::new();
        let mut seen = HashSet::new();
        for key in keys {
            if self.streams.get(&key).is_some_and(|e| e.loaded) || !seen.insert(key.clone()) {
                continue;
            }
            wanted.entry(key.0).or_default().push(key.1);
        }
        for (stream_type, ids) in wanted {
            for chunk in ids.chunks(IDS_PER_READ) {
                let mut rows: Vec<(String, AnyRow)> = Vec::new();
                // An index-exact statement for each way a stream is found: its own number where
                // the team did not rename it, its alias where it did. (A renamed record's rows
                // are left out here rather than in SQL: SQLite would walk `stream_alias IS NULL`
                // by the alias index, every unrenamed event of the type.)
                for column in ["stream_id", "stream_alias"] {
                    let sql = format!(
                        "SELECT server_seq, desk_id, kind, schema_version, COALESCE(payload_alias, payload) AS payload, \
                         {column} AS found, stream_alias FROM events WHERE stream_type = {} AND {column} IN ({}) \
                         AND rejected = 0",
                        self.param(1),
                        in_list(self.backend, 2, chunk.len())
                    );
                    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(stream_type.clone());
                    for id in chunk {
                        query = query.bind(id.clone());
                    }
                    for row in query.fetch_all(&mut **tx).await? {
                        let renamed = row.try_get::<Option<String>, _>("stream_alias")?.is_some();
                        if column == "stream_alias" || !renamed {
                            rows.push((row.try_get("found")?, row));
                        }
                    }
                }
                let mut read: HashMap<&str, Vec<Logged>> = HashMap::new();
                for (found, row) in &rows {
                    let events = read.entry(found.as_str()).or_default();
                    events.extend(logged(row)?);
                }
                for id in chunk {
                    let mut events = read.remove(id.as_str()).unwrap_or_default();
                    let taken = rows.iter().any(|(found, _)| found == id);
                    events.sort_by_key(|l| l.server_seq);
                    let entry = self.streams.entry((stream_type.clone(), id.clone())).or_default();
                    events.append(&mut entry.events);
                    *entry = Entry { loaded: true, taken: entry.taken || taken, events };
                }
            }
        }
        Ok(())
    }

    /// The stream's accepted events with a payload, in server order.
    pub async fn stream(
        &mut self,
        tx: &mut Transaction<'static, Any>,
        stream_type: &str,
        stream_id: &str,
    ) -> Result<Vec<Logged>, ServerError> {
        let key = (stream_type.to_owned(), stream_id.to_owned());
        self.read_streams(tx, [key.clone()]).await?;
        Ok(self.streams.get(&key).map(|e| e.events.clone()).unwrap_or_default())
    }

    /// Whether the team holds a record by this number (an accepted event of its stream).
    pub async fn taken(
        &mut self,
        tx: &mut Transaction<'static, Any>,
        stream_type: &str,
        stream_id: &str,
    ) -> Result<bool, ServerError> {
        let key = (stream_type.to_owned(), stream_id.to_owned());
        self.read_streams(tx, [key.clone()]).await?;
        Ok(self.streams.get(&key).is_some_and(|e| e.taken))
    }

    /// The accepted events that name `subject`, in server order.
    pub async fn naming(
        &mut self,
        tx: &mut Transaction<'static, Any>,
        subject: &str,
    ) -> Result<Vec<Logged>, ServerError> {
        if !self.named.get(subject).is_some_and(|e| e.loaded) {
            let rows = sqlx::query(
                "SELECT e.server_seq, e.desk_id, e.kind, e.schema_version, COALESCE(e.payload_alias, e.payload) AS payload \
                 FROM event_subjects s JOIN events e ON e.server_seq = s.server_seq \
                 WHERE s.subject = $1 AND e.rejected = 0 AND e.payload IS NOT NULL ORDER BY e.server_seq",
            )
            .bind(subject.to_owned())
            .fetch_all(&mut **tx)
            .await?;
            let mut events = Vec::with_capacity(rows.len());
            for row in &rows {
                events.extend(logged(row)?);
            }
            let entry = self.named.entry(subject.to_owned()).or_default();
            events.append(&mut entry.events);
            *entry = Entry { loaded: true, taken: true, events };
        }
        Ok(self.named.get(subject).map(|e| e.events.clone()).unwrap_or_default())
    }

    /// An event the push accepted at `server_seq`, as the merge reads it (its desk's renames
    /// applied); answers the subjects it names, for the index.
    pub fn accept(&mut self, as_read: &WireEvent, server_seq: i64) -> Vec<String> {
        let key = (as_read.stream_type.clone(), as_read.stream_id.clone());
        let stream = self.streams.entry(key).or_default();
        stream.taken = true;
        let Some(event) = as_read.payload.as_deref().and_then(|p| known(&as_read.kind, as_read.schema_version, p))
        else {
            return Vec::new();
        };
        let subjects =
            if KINDS_WITH_SUBJECTS.contains(&as_read.kind.as_str()) { subjects_of(&event) } else { Vec::new() };
        let logged = Logged { server_seq, desk_id: as_read.desk_id.clone(), event };
        for subject in &subjects {
            self.named.entry(subject.clone()).or_default().events.push(logged.clone());
        }
        stream.events.push(logged);
        subjects
    }
}
