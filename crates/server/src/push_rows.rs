//! A push's rows, written with multi-row INSERTs once every act is judged: one statement per
//! few hundred events instead of one each, in the push's transaction. Server sequences were
//! given in judging order, so the rows hold the same order as before. While the acts are judged,
//! `push_view` answers the reads these rows would have answered.

use std::collections::HashSet;

use lotline_sync::{RejectedAct, WireEvent};
use sqlx::{Any, Transaction};

use crate::database::{Store, values_list};
use crate::error::{ApiError, ServerError};

/// Rows per statement: 500 × 23 values stays below SQLite's 32,766 bound values and
/// PostgreSQL's 65,535.
const ROWS_PER_INSERT: usize = 500;

const EVENT_COLUMNS: &str = "server_seq, id, desk_id, desk_seq, act_id, stream_type, stream_id, kind, \
     schema_version, payload, payload_hash, actor_id, occurred_at, hlc, seen, local_only, redacted, rejected, \
     prev_hash, hash, received_at, stream_alias, payload_alias";
const EVENT_WIDTH: usize = 23;

const REFUSED_COLUMNS: &str = "id, desk_id, desk_seq, act_id, hash, reason_key, params, message, received_at";
const REFUSED_WIDTH: usize = 9;

struct EventRow<'a> {
    event: &'a WireEvent,
    /// Where the desk's renames change it: the stream and payload as the team reads them.
    stream_alias: Option<String>,
    payload_alias: Option<String>,
    server_seq: i64,
    rejected: bool,
}

struct RefusedRow<'a> {
    event: &'a WireEvent,
    reason_key: String,
    params: String,
    message: String,
}

#[derive(Default)]
pub(crate) struct Rows<'a> {
    events: Vec<EventRow<'a>>,
    refused: Vec<RefusedRow<'a>>,
    subjects: Vec<(String, i64)>,
}

impl<'a> Rows<'a> {
    /// An accepted event at its server sequence, with how the team reads it.
    pub fn accepted(&mut self, event: &'a WireEvent, as_read: &WireEvent, server_seq: i64) {
        self.events.push(EventRow {
            event,
            stream_alias: (as_read.stream_id != event.stream_id).then(|| as_read.stream_id.clone()),
            payload_alias: (as_read.payload != event.payload).then(|| as_read.payload.clone()).flatten(),
            server_seq,
            rejected: false,
        });
    }

    /// A refused act's event, kept in the sequence as a stub: every desk then holds the whole
    /// chain.
    pub fn stub(&mut self, event: &'a WireEvent, server_seq: i64) {
        self.events.push(EventRow { event, stream_alias: None, payload_alias: None, server_seq, rejected: true });
    }

    /// The subjects an accepted event names, for the merge's reads by subject.
    pub fn subjects(&mut self, subjects: Vec<String>, server_seq: i64) {
        self.subjects.extend(subjects.into_iter().map(|s| (s, server_seq)));
    }

    /// The events of a refused act, with its reason, so a re-push answers the same.
    pub fn refused(&mut self, act: &'a [WireEvent], rejected: &RejectedAct) {
        let params = serde_json::Value::Object(rejected.params.clone()).to_string();
        for event in act {
            self.refused.push(RefusedRow {
                event,
                reason_key: rejected.reason_key.clone(),
                params: params.clone(),
                message: rejected.message.clone(),
            });
        }
    }

    pub async fn insert(
        &self,
        store: &Store,
        tx: &mut Transaction<'static, Any>,
        received_at: &str,
    ) -> Result<(), ServerError> {
        let mut seen = HashSet::with_capacity(self.events.len());
        if let Some(twice) = self.events.iter().find(|row| !seen.insert(row.event.id.as_str())) {
            return Err(id_reused(&twice.event.id));
        }
        for chunk in self.refused.chunks(ROWS_PER_INSERT) {
            let sql = format!(
                "INSERT INTO rejected_events ({REFUSED_COLUMNS}) VALUES {}",
                values_list(store.backend(), 1, chunk.len(), REFUSED_WIDTH)
            );
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
            for row in chunk {
                let e = row.event;
                query = query
                    .bind(e.id.clone())
                    .bind(e.desk_id.clone())
                    .bind(e.desk_seq)
                    .bind(e.act_id.clone())
                    .bind(e.hash.clone())
                    .bind(row.reason_key.clone())
                    .bind(row.params.clone())
                    .bind(row.message.clone())
                    .bind(received_at.to_owned());
            }
            if let Err(error) = query.execute(&mut **tx).await {
                return Err(self.explain(store, error, chunk.iter().map(|r| r.event)).await);
            }
        }
        for chunk in self.events.chunks(ROWS_PER_INSERT) {
            let sql = format!(
                "INSERT INTO events ({EVENT_COLUMNS}) VALUES {}",
                values_list(store.backend(), 1, chunk.len(), EVENT_WIDTH)
            );
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
            for row in chunk {
                let e = row.event;
                query = query
                    .bind(row.server_seq)
                    .bind(e.id.clone())
                    .bind(e.desk_id.clone())
                    .bind(e.desk_seq)
                    .bind(e.act_id.clone())
                    .bind(e.stream_type.clone())
                    .bind(e.stream_id.clone())
                    .bind(e.kind.clone())
                    .bind(e.schema_version)
                    .bind(if row.rejected { None } else { e.payload.clone() })
                    .bind(e.payload_hash.clone())
                    .bind(e.actor_id.clone())
                    .bind(e.occurred_at.clone())
                    .bind(e.hlc.clone())
                    .bind(e.seen)
                    .bind(i64::from(e.local_only))
                    .bind(i64::from(e.redacted))
                    .bind(i64::from(row.rejected))
                    .bind(e.prev_hash.clone())
                    .bind(e.hash.clone())
                    .bind(received_at.to_owned())
                    .bind(row.stream_alias.clone())
                    .bind(row.payload_alias.clone());
            }
            if let Err(error) = query.execute(&mut **tx).await {
                return Err(self.explain(store, error, chunk.iter().map(|r| r.event)).await);
            }
        }
        for chunk in self.subjects.chunks(ROWS_PER_INSERT) {
            let sql = format!(
                "INSERT INTO event_subjects (subject, server_seq) VALUES {} ON CONFLICT (subject, server_seq) DO NOTHING",
                values_list(store.backend(), 1, chunk.len(), 2)
            );
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
            for (subject, server_seq) in chunk {
                query = query.bind(subject.clone()).bind(*server_seq);
            }
            query.execute(&mut **tx).await?;
        }
        Ok(())
    }

    /// A statement of many rows failed: a unique id is named as the one the team already holds,
    /// looked up outside the push's transaction (which a failed statement may have ended).
    async fn explain(
        &self,
        store: &Store,
        error: sqlx::Error,
        events: impl Iterator<Item = &'a WireEvent>,
    ) -> ServerError {
        let unique = matches!(&error, sqlx::Error::Database(db) if db.is_unique_violation());
        if !unique {
            return error.into();
        }
        for event in events {
            let held: Result<Option<i64>, _> = sqlx::query_scalar(
                "SELECT 1 FROM events WHERE id = $1 UNION ALL SELECT 1 FROM rejected_events WHERE id = $1",
            )
            .bind(event.id.clone())
            .fetch_optional(&store.pool)
            .await;
            if matches!(held, Ok(Some(_))) {
                return id_reused(&event.id);
            }
        }
        error.into()
    }
}

/// A new event whose id the server already holds elsewhere: ids are unique across the team.
fn id_reused(id: &str) -> ServerError {
    let message = format!("Event id {id} is already used by another event.");
    ApiError::conflict("sync.event_id_reused", message).at("events").into()
}
