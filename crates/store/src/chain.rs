//! The per-desk SHA-256 chain over the event log: sealing the events of a database upgraded from
//! a version without it, and verifying it for `lotline check`.

use lotline_domain::envelope::{ChainLink, GENESIS, payload_hash};
use serde::Serialize;
use sqlx::{Row, SqliteConnection};

use crate::StoreError;

/// One event's chained fields as stored.
struct ChainRow {
    seq: i64,
    id: String,
    desk_id: String,
    desk_seq: i64,
    act_id: String,
    stream_type: String,
    stream_id: String,
    kind: String,
    schema_version: i64,
    payload_hash: String,
    actor_id: Option<String>,
    occurred_at: String,
    hlc: String,
    seen: i64,
    local_only: bool,
    prev_hash: Option<String>,
    hash: Option<String>,
}

impl ChainRow {
    fn of(row: &sqlx::sqlite::SqliteRow) -> ChainRow {
        let stub_hash: Option<String> = row.get("payload_hash");
        ChainRow {
            seq: row.get("seq"),
            id: row.get("id"),
            desk_id: row.get("desk_id"),
            desk_seq: row.get("desk_seq"),
            act_id: row.get("act_id"),
            stream_type: row.get("stream_type"),
            stream_id: row.get("stream_id"),
            kind: row.get("kind"),
            schema_version: row.get("schema_version"),
            payload_hash: stub_hash.unwrap_or_else(|| payload_hash(row.get::<&str, _>("payload"))),
            actor_id: row.get("actor_id"),
            occurred_at: row.get("occurred_at"),
            hlc: row.get("hlc"),
            seen: row.get("seen"),
            local_only: row.get("local_only"),
            prev_hash: row.get("prev_hash"),
            hash: row.get("hash"),
        }
    }

    fn expected_hash(&self, prev_hash: &str) -> String {
        ChainLink {
            id: &self.id,
            desk_id: &self.desk_id,
            desk_seq: self.desk_seq,
            act_id: &self.act_id,
            stream_type: &self.stream_type,
            stream_id: &self.stream_id,
            kind: &self.kind,
            schema_version: self.schema_version,
            actor_id: self.actor_id.as_deref(),
            occurred_at: &self.occurred_at,
            hlc: &self.hlc,
            seen: self.seen,
            local_only: self.local_only,
            payload_hash: &self.payload_hash,
            prev_hash,
        }
        .hash()
    }
}

const PAGE: i64 = 5000;

/// The next page of events in chain order (desk, then its sequence) after `after`.
async fn page(conn: &mut SqliteConnection, after: &(String, i64)) -> Result<Vec<ChainRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT seq, id, desk_id, desk_seq, act_id, stream_type, stream_id, kind, schema_version, payload, \
         payload_hash, actor_id, occurred_at, hlc, seen, local_only, prev_hash, hash FROM events \
         WHERE (desk_id, desk_seq) > (?, ?) ORDER BY desk_id, desk_seq LIMIT ?",
    )
    .bind(&after.0)
    .bind(after.1)
    .bind(PAGE)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(ChainRow::of).collect())
}

/// Chains the events of a database upgraded from a version that kept no chain, once: the
/// upgrade leaves a `chain_backfill` mark that this removes in the same transaction. Afterwards
/// an event without a hash is a break in the chain, never something to fill in.
pub(crate) async fn seal_upgraded_log(conn: &mut SqliteConnection) -> Result<u64, StoreError> {
    let pending: Option<String> = sqlx::query_scalar("SELECT value FROM local_state WHERE key = 'chain_backfill'")
        .fetch_optional(&mut *conn)
        .await?;
    if pending.is_none() {
        return Ok(0);
    }
    let mut after = (String::new(), 0_i64);
    let mut prev = (String::new(), GENESIS.to_owned());
    let mut sealed = 0;
    loop {
        let rows = page(conn, &after).await?;
        let Some(last) = rows.last() else { break };
        after = (last.desk_id.clone(), last.desk_seq);
        for row in rows {
            if row.desk_id != prev.0 {
                prev = (row.desk_id.clone(), GENESIS.to_owned());
            }
            let hash = row.expected_hash(&prev.1);
            sqlx::query("UPDATE events SET prev_hash = ?, hash = ? WHERE seq = ?")
                .bind(&prev.1)
                .bind(&hash)
                .bind(row.seq)
                .execute(&mut *conn)
                .await?;
            prev.1 = hash;
            sealed += 1;
        }
    }
    sqlx::query("DELETE FROM local_state WHERE key = 'chain_backfill'").execute(&mut *conn).await?;
    Ok(sealed)
}

/// What is wrong at the first event where a desk's chain breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChainBreak {
    /// The event's own content or envelope differs from what was hashed when it was written.
    Changed,
    /// Events of this desk before this one are missing (its sequence skips).
    EventsRemovedBefore,
    /// The event does not follow the desk's previous event: it was inserted, or the one before
    /// it was replaced.
    NotLinkedToPrevious,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChainProblem {
    pub event_id: String,
    pub desk_id: String,
    pub desk_seq: i64,
    pub kind: String,
    pub problem: ChainBreak,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChainReport {
    /// Events whose place in their desk's chain was verified.
    pub verified: i64,
    pub desks: i64,
    /// The first break, in chain order (desk, then sequence).
    pub first_problem: Option<ChainProblem>,
}

/// Walks every desk's chain from its first event: each sequence follows the previous one, each
/// event names the previous hash, and its own hash matches its fields.
pub async fn verify_chain(conn: &mut SqliteConnection) -> Result<ChainReport, StoreError> {
    let mut after = (String::new(), 0_i64);
    let mut report = ChainReport { verified: 0, desks: 0, first_problem: None };
    let mut prev: (String, i64, String) = (String::new(), 0, GENESIS.to_owned());
    loop {
        let rows = page(conn, &after).await?;
        let Some(last) = rows.last() else { break };
        after = (last.desk_id.clone(), last.desk_seq);
        for row in rows {
            if row.desk_id != prev.0 {
                prev = (row.desk_id.clone(), 0, GENESIS.to_owned());
                report.desks += 1;
            }
            let problem = if row.desk_seq != prev.1 + 1 {
                Some(ChainBreak::EventsRemovedBefore)
            } else if row.hash.as_deref()
                != Some(row.expected_hash(row.prev_hash.as_deref().unwrap_or_default()).as_str())
            {
                Some(ChainBreak::Changed)
            } else if row.prev_hash.as_deref() != Some(prev.2.as_str()) {
                Some(ChainBreak::NotLinkedToPrevious)
            } else {
                None
            };
            if let Some(problem) = problem {
                report.first_problem = Some(ChainProblem {
                    event_id: row.id,
                    desk_id: row.desk_id,
                    desk_seq: row.desk_seq,
                    kind: row.kind,
                    problem,
                });
                return Ok(report);
            }
            report.verified += 1;
            prev = (row.desk_id, row.desk_seq, row.hash.unwrap_or_default());
        }
    }
    Ok(report)
}
