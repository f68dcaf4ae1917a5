//! The per-desk SHA-256 chain over the event log: sealing the events of a database upgraded from
//! a version without it, and verifying it for `lotline check`.

use lotline_domain::envelope::{ChainLink, EnvelopedEvent, GENESIS};
use serde::{Deserialize, Serialize};
use sqlx::{Row, SqliteConnection};

use crate::StoreError;
use crate::sync_log::{ENVELOPE_COLUMNS, envelope_of};

/// One event as stored, with its local place (to write its hash back).
struct ChainRow {
    seq: i64,
    event: EnvelopedEvent,
}

impl ChainRow {
    /// The hash the event has when it follows `prev_hash`.
    fn hash_after(&self, prev_hash: &str) -> String {
        ChainLink { prev_hash, ..self.event.chain_link() }.hash()
    }
}

const PAGE: i64 = 5000;

/// The next page of events in chain order (desk, then its sequence) after `after`.
async fn page(conn: &mut SqliteConnection, after: &(String, i64)) -> Result<Vec<ChainRow>, StoreError> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT seq, {ENVELOPE_COLUMNS} FROM events WHERE (desk_id, desk_seq) > (?, ?) ORDER BY desk_id, desk_seq LIMIT ?"
    )))
    .bind(&after.0)
    .bind(after.1)
    .bind(PAGE)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(|row| ChainRow { seq: row.get("seq"), event: envelope_of(row) }).collect())
}

/// The next page of one desk's events after its sequence `after`.
async fn desk_page(conn: &mut SqliteConnection, desk_id: &str, after: i64) -> Result<Vec<ChainRow>, StoreError> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT seq, {ENVELOPE_COLUMNS} FROM events WHERE desk_id = ? AND desk_seq > ? ORDER BY desk_seq LIMIT ?"
    )))
    .bind(desk_id)
    .bind(after)
    .bind(PAGE)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(|row| ChainRow { seq: row.get("seq"), event: envelope_of(row) }).collect())
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
        after = (last.event.desk_id.clone(), last.event.desk_seq);
        for row in rows {
            if row.event.desk_id != prev.0 {
                prev = (row.event.desk_id.clone(), GENESIS.to_owned());
            }
            let hash = row.hash_after(&prev.1);
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
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
    let desks: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT desk_id FROM events ORDER BY desk_id").fetch_all(&mut *conn).await?;
    let mut report = ChainReport { verified: 0, desks: 0, first_problem: None };
    for desk in desks {
        report.desks += 1;
        let walked = verify_desk_from(conn, &desk, 0, GENESIS).await?;
        report.verified += walked.verified;
        if walked.problem.is_some() {
            report.first_problem = walked.problem;
            return Ok(report);
        }
    }
    Ok(report)
}

/// What a walk along one desk's chain found.
pub(crate) struct DeskWalk {
    pub verified: i64,
    /// The last event verified: (its sequence, its hash).
    pub head: (i64, String),
    pub problem: Option<ChainProblem>,
}

/// Verifies one desk's chain after the event at `after_seq`, whose hash is `after_hash` (0 and
/// the genesis hash from the start).
pub(crate) async fn verify_desk_from(
    conn: &mut SqliteConnection,
    desk_id: &str,
    after_seq: i64,
    after_hash: &str,
) -> Result<DeskWalk, StoreError> {
    let mut walk = DeskWalk { verified: 0, head: (after_seq, after_hash.to_owned()), problem: None };
    loop {
        let rows = desk_page(conn, desk_id, walk.head.0).await?;
        if rows.is_empty() {
            return Ok(walk);
        }
        for ChainRow { event, .. } in rows {
            // An event whose hash is missing reads as "" here, which no hash equals.
            let problem = if event.desk_seq != walk.head.0 + 1 {
                Some(ChainBreak::EventsRemovedBefore)
            } else if event.hash != event.chain_link().hash() {
                Some(ChainBreak::Changed)
            } else if event.prev_hash != walk.head.1 {
                Some(ChainBreak::NotLinkedToPrevious)
            } else {
                None
            };
            if let Some(problem) = problem {
                walk.problem = Some(ChainProblem {
                    event_id: event.id,
                    desk_id: event.desk_id,
                    desk_seq: event.desk_seq,
                    kind: event.kind,
                    problem,
                });
                return Ok(walk);
            }
            walk.verified += 1;
            walk.head = (event.desk_seq, event.hash);
        }
    }
}
