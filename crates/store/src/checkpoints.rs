//! Keyed checkpoints over every desk's chain (docs/audit-log.md). The chain shows an edit until
//! someone recomputes every hash after it; a checkpoint, an HMAC of a desk's chain head under a
//! key kept outside the data folder, shows that too. Checkpoints are written in the same
//! transaction as the events they cover, so on an intact log no event is ever past its desk's
//! newest checkpoint.

use std::collections::BTreeMap;

use lotline_domain::envelope::CheckpointKey;
use serde::{Deserialize, Serialize};
use sqlx::{Row, SqliteConnection};

use crate::StoreError;
use crate::chain::{ChainProblem, verify_desk_from};

/// A desk keeps the last checkpoint of each run of this many of a desk's events (and the newest),
/// so a rewrite is placed within this many events.
const BLOCK: i64 = 1000;

/// Records the checkpoint of `desk_id`'s chain at its head, in the caller's transaction; a
/// `pinned` one is kept when the next is made.
pub(crate) async fn seal_head(
    conn: &mut SqliteConnection,
    key: &CheckpointKey,
    desk_id: &str,
    head: (i64, &str),
    made_at: &str,
    pinned: bool,
) -> Result<(), StoreError> {
    crate::bulk::with_raw(conn, |db| seal_head_raw(db, key, desk_id, head, made_at, pinned)).await
}

/// [`seal_head`] on SQLite's own connection, for an append that writes everything in one go.
pub(crate) fn seal_head_raw(
    db: &rusqlite::Connection,
    key: &CheckpointKey,
    desk_id: &str,
    head: (i64, &str),
    made_at: &str,
    pinned: bool,
) -> rusqlite::Result<()> {
    use rusqlite::OptionalExtension;
    let (desk_seq, head_hash) = head;
    let newest: Option<(i64, bool)> = db
        .prepare_cached(
            "SELECT desk_seq, pinned FROM chain_checkpoints WHERE desk_id = ? AND key_id = ? \
             ORDER BY desk_seq DESC LIMIT 1",
        )?
        .query_row(rusqlite::params![desk_id, key.id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    db.prepare_cached(
        "INSERT INTO chain_checkpoints (desk_id, desk_seq, head_hash, key_id, mac, made_at, pinned) \
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (desk_id, desk_seq, key_id) DO UPDATE SET \
         head_hash = excluded.head_hash, mac = excluded.mac, made_at = excluded.made_at, \
         pinned = chain_checkpoints.pinned OR excluded.pinned",
    )?
    .execute(rusqlite::params![
        desk_id,
        desk_seq,
        head_hash,
        key.id,
        key.checkpoint(desk_id, desk_seq, head_hash),
        made_at,
        pinned
    ])?;
    if let Some((newest, false)) = newest
        && newest < desk_seq
        && newest / BLOCK == desk_seq / BLOCK
    {
        db.prepare_cached("DELETE FROM chain_checkpoints WHERE desk_id = ? AND desk_seq = ? AND key_id = ?")?
            .execute(rusqlite::params![desk_id, newest, key.id])?;
    }
    Ok(())
}

/// A desk's newest event: its sequence and hash.
async fn desk_head(conn: &mut SqliteConnection, desk_id: &str) -> Result<Option<(i64, String)>, StoreError> {
    let row =
        sqlx::query("SELECT desk_seq, COALESCE(hash, '') FROM events WHERE desk_id = ? ORDER BY desk_seq DESC LIMIT 1")
            .bind(desk_id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.map(|r| (r.get(0), r.get(1))))
}

/// Seals the heads of these desks' chains as they stand in the caller's transaction.
pub(crate) async fn seal_desks(
    conn: &mut SqliteConnection,
    key: &CheckpointKey,
    desks: impl IntoIterator<Item = &str>,
    made_at: &str,
) -> Result<(), StoreError> {
    for desk in desks {
        if let Some((seq, hash)) = desk_head(conn, desk).await? {
            seal_head(conn, key, desk, (seq, &hash), made_at, false).await?;
        }
    }
    Ok(())
}

async fn all_desks(conn: &mut SqliteConnection) -> Result<Vec<String>, StoreError> {
    Ok(sqlx::query_scalar("SELECT DISTINCT desk_id FROM events ORDER BY desk_id").fetch_all(&mut *conn).await?)
}

/// Seals every desk's head: when a key is first made for this log, or made again by an
/// administrator after the log was restored on a computer without its key.
pub async fn seal_all(conn: &mut SqliteConnection, key: &CheckpointKey, made_at: &str) -> Result<(), StoreError> {
    let desks = all_desks(conn).await?;
    seal_desks(conn, key, desks.iter().map(String::as_str), made_at).await
}

/// Whether this log has any checkpoint at all.
pub async fn has_checkpoints(conn: &mut SqliteConnection) -> Result<bool, StoreError> {
    Ok(sqlx::query_scalar::<_, i64>("SELECT EXISTS (SELECT 1 FROM chain_checkpoints)").fetch_one(&mut *conn).await?
        == 1)
}

/// How far the keyed part of a check could go on this computer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum KeyedState {
    /// The checkpoints were verified with this log's key.
    Verified,
    /// The log has checkpoints, but their key is not on this computer (a copy restored
    /// elsewhere): only the chain could be verified.
    KeyAbsent,
    /// Neither checkpoints nor a key: a log no keyed version has opened yet.
    NotKeyed,
}

/// What is wrong with the keyed checkpoints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum KeyedBreak {
    /// A checkpoint's HMAC is not the key's: it was made or changed without the key.
    CheckpointForged,
    /// The event a checkpoint covers has another hash now: events in the range were rewritten and
    /// the chain recomputed after them.
    Rewritten,
    /// The event a checkpoint covers is gone: events at the end of the range were removed.
    Removed,
    /// Events after the desk's newest checkpoint: written without the key (inserted), or the
    /// checkpoints after them were removed.
    NotCovered,
    /// The team's server vouched for another event at this place in the desk's chain.
    DiffersFromTeam,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct KeyedProblem {
    pub desk_id: String,
    /// The range of the desk's events the problem lies in (both ends included).
    pub from_seq: i64,
    pub to_seq: i64,
    /// The first event of that range still in the log, when there is one.
    pub event_id: Option<String>,
    pub problem: KeyedBreak,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct KeyedReport {
    pub state: KeyedState,
    /// Checkpoints verified with the key, and anchors from the team's server matched.
    pub verified: i64,
    /// Checkpoints made with a key that is not on this computer.
    pub other_key: i64,
    pub first_problem: Option<KeyedProblem>,
}

struct Checkpoint {
    desk_id: String,
    desk_seq: i64,
    head_hash: String,
    key_id: String,
    mac: String,
}

async fn event_at(
    conn: &mut SqliteConnection,
    desk_id: &str,
    seq: i64,
) -> Result<Option<(String, String)>, StoreError> {
    let row = sqlx::query("SELECT id, COALESCE(hash, '') FROM events WHERE desk_id = ? AND desk_seq = ?")
        .bind(desk_id)
        .bind(seq)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(|r| (r.get(0), r.get(1))))
}

/// The first event of a desk at or after `seq`.
async fn first_event_from(conn: &mut SqliteConnection, desk_id: &str, seq: i64) -> Result<Option<String>, StoreError> {
    Ok(sqlx::query_scalar("SELECT id FROM events WHERE desk_id = ? AND desk_seq >= ? ORDER BY desk_seq LIMIT 1")
        .bind(desk_id)
        .bind(seq)
        .fetch_optional(&mut *conn)
        .await?)
}

/// Verifies every checkpoint with `key` (when this computer has it) against the events it
/// covers, every anchor the team's server gave, and that no event lies past its desk's newest
/// checkpoint.
pub async fn verify_checkpoints(
    conn: &mut SqliteConnection,
    key: Option<&CheckpointKey>,
) -> Result<KeyedReport, StoreError> {
    let rows = sqlx::query(
        "SELECT desk_id, desk_seq, head_hash, key_id, mac FROM chain_checkpoints ORDER BY desk_id, desk_seq, key_id",
    )
    .fetch_all(&mut *conn)
    .await?;
    let checkpoints: Vec<Checkpoint> = rows
        .iter()
        .map(|r| Checkpoint {
            desk_id: r.get(0),
            desk_seq: r.get(1),
            head_hash: r.get(2),
            key_id: r.get(3),
            mac: r.get(4),
        })
        .collect();
    let Some(key) = key else {
        let state = if checkpoints.is_empty() { KeyedState::NotKeyed } else { KeyedState::KeyAbsent };
        let other_key = checkpoints.len() as i64;
        let mut report = KeyedReport { state, verified: 0, other_key, first_problem: None };
        verify_anchors(conn, &mut report).await?;
        return Ok(report);
    };
    let mut report = KeyedReport { state: KeyedState::Verified, verified: 0, other_key: 0, first_problem: None };
    // The newest place each desk's chain is covered to, and the last place verified so far.
    let mut covered: BTreeMap<String, i64> = BTreeMap::new();
    let mut verified_to: BTreeMap<String, i64> = BTreeMap::new();
    for cp in &checkpoints {
        let since = verified_to.get(&cp.desk_id).copied().unwrap_or(0);
        covered.insert(cp.desk_id.clone(), cp.desk_seq);
        if cp.key_id != key.id {
            report.other_key += 1;
            continue;
        }
        let problem = if !key.verifies(&cp.desk_id, cp.desk_seq, &cp.head_hash, &cp.mac) {
            Some(KeyedBreak::CheckpointForged)
        } else {
            match event_at(conn, &cp.desk_id, cp.desk_seq).await? {
                None => Some(KeyedBreak::Removed),
                Some((_, hash)) if hash != cp.head_hash => Some(KeyedBreak::Rewritten),
                Some(_) => None,
            }
        };
        if let Some(problem) = problem {
            report.first_problem = Some(KeyedProblem {
                desk_id: cp.desk_id.clone(),
                from_seq: since + 1,
                to_seq: cp.desk_seq,
                event_id: first_event_from(conn, &cp.desk_id, since + 1).await?,
                problem,
            });
            return Ok(report);
        }
        verified_to.insert(cp.desk_id.clone(), cp.desk_seq);
        report.verified += 1;
    }
    for desk in all_desks(conn).await? {
        let Some((head, _)) = desk_head(conn, &desk).await? else { continue };
        let covered_to = covered.get(&desk).copied().unwrap_or(0);
        if head > covered_to {
            report.first_problem = Some(KeyedProblem {
                desk_id: desk.clone(),
                from_seq: covered_to + 1,
                to_seq: head,
                event_id: first_event_from(conn, &desk, covered_to + 1).await?,
                problem: KeyedBreak::NotCovered,
            });
            return Ok(report);
        }
    }
    verify_anchors(conn, &mut report).await?;
    Ok(report)
}

/// The heads the team's server vouched for must be in this log as the server saw them.
async fn verify_anchors(conn: &mut SqliteConnection, report: &mut KeyedReport) -> Result<(), StoreError> {
    if report.first_problem.is_some() {
        return Ok(());
    }
    let anchors = sqlx::query("SELECT desk_id, desk_seq, head_hash FROM chain_anchors ORDER BY desk_id")
        .fetch_all(&mut *conn)
        .await?;
    for anchor in anchors {
        let (desk, seq, hash): (String, i64, String) = (anchor.get(0), anchor.get(1), anchor.get(2));
        match event_at(conn, &desk, seq).await? {
            Some((_, held)) if held == hash => report.verified += 1,
            found => {
                let event_id = match found {
                    Some((id, _)) => Some(id),
                    None => first_event_from(conn, &desk, seq).await?,
                };
                report.first_problem = Some(KeyedProblem {
                    desk_id: desk,
                    from_seq: 1,
                    to_seq: seq,
                    event_id,
                    problem: KeyedBreak::DiffersFromTeam,
                });
                return Ok(());
            }
        }
    }
    Ok(())
}

/// Records the heads the team's server verified and vouched for, keeping the newest per desk.
pub async fn record_anchors(
    conn: &mut SqliteConnection,
    anchors: &[(String, i64, String)],
    anchored_at: &str,
) -> Result<(), StoreError> {
    for (desk, seq, hash) in anchors {
        sqlx::query(
            "INSERT INTO chain_anchors (desk_id, desk_seq, head_hash, anchored_at) VALUES (?, ?, ?, ?) \
             ON CONFLICT (desk_id) DO UPDATE SET desk_seq = excluded.desk_seq, head_hash = excluded.head_hash, \
             anchored_at = excluded.anchored_at WHERE excluded.desk_seq > chain_anchors.desk_seq",
        )
        .bind(desk)
        .bind(seq)
        .bind(hash)
        .bind(anchored_at)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Makes the checkpoints again over the log as it stands, after an administrator accepted what
/// the check found: checkpoints of this key that no longer match (or do not verify) and anchors
/// the log differs from are dropped, and every desk's head is sealed. What was found is kept in
/// the log itself, in the event that records the acceptance.
pub async fn renew_checkpoints(
    conn: &mut SqliteConnection,
    key: &CheckpointKey,
    made_at: &str,
) -> Result<(), StoreError> {
    let rows = sqlx::query("SELECT desk_id, desk_seq, head_hash, mac FROM chain_checkpoints WHERE key_id = ?")
        .bind(&key.id)
        .fetch_all(&mut *conn)
        .await?;
    for row in rows {
        let (desk, seq, hash, mac): (String, i64, String, String) = (row.get(0), row.get(1), row.get(2), row.get(3));
        let holds = key.verifies(&desk, seq, &hash, &mac)
            && event_at(conn, &desk, seq).await?.is_some_and(|(_, held)| held == hash);
        if !holds {
            sqlx::query("DELETE FROM chain_checkpoints WHERE desk_id = ? AND desk_seq = ? AND key_id = ?")
                .bind(&desk)
                .bind(seq)
                .bind(&key.id)
                .execute(&mut *conn)
                .await?;
        }
    }
    sqlx::query(
        "DELETE FROM chain_anchors WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.desk_id = chain_anchors.desk_id \
         AND e.desk_seq = chain_anchors.desk_seq AND e.hash = chain_anchors.head_hash)",
    )
    .execute(&mut *conn)
    .await?;
    seal_all(conn, key, made_at).await
}

/// Marks every desk's chain as checked up to its head, without walking it: after an
/// administrator accepted a finding, the next check at start begins after it.
pub async fn mark_verified_heads(conn: &mut SqliteConnection, key: &CheckpointKey) -> Result<(), StoreError> {
    let mut heads = BTreeMap::new();
    for desk in all_desks(conn).await? {
        if let Some(head) = desk_head(conn, &desk).await? {
            heads.insert(desk, head);
        }
    }
    write_verified(conn, key, heads).await
}

async fn write_verified(
    conn: &mut SqliteConnection,
    key: &CheckpointKey,
    desks: BTreeMap<String, (i64, String)>,
) -> Result<(), StoreError> {
    let mac = verified_mac(key, &desks);
    let mark = serde_json::to_string(&VerifiedThrough { desks, mac }).unwrap_or_default();
    sqlx::query(
        "INSERT INTO local_state (key, value) VALUES ('verified_through', ?) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(mark)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// What the check at start-up found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct StartCheck {
    /// Events whose hashes were verified now: those added since the last check at start.
    pub events_verified: i64,
    pub keyed: KeyedReport,
    pub chain_problem: Option<ChainProblem>,
}

impl StartCheck {
    pub fn ok(&self) -> bool {
        self.chain_problem.is_none() && self.keyed.first_problem.is_none()
    }
}

/// Where the last check at start-up got to on each desk's chain, with the key's HMAC over it so
/// that nobody moves it past an edit without the key.
#[derive(Serialize, Deserialize, Default)]
struct VerifiedThrough {
    desks: BTreeMap<String, (i64, String)>,
    mac: String,
}

fn verified_mac(key: &CheckpointKey, desks: &BTreeMap<String, (i64, String)>) -> String {
    let text = serde_json::to_string(desks).unwrap_or_default();
    key.checkpoint("verified-through", 0, &text)
}

/// The check at start-up, which stays quick on a large log: every checkpoint and anchor, and the
/// hashes of the events added since the last such check. `lotline check` walks the whole chain.
pub async fn check_at_start(
    conn: &mut SqliteConnection,
    key: Option<&CheckpointKey>,
) -> Result<StartCheck, StoreError> {
    let stored: Option<String> = sqlx::query_scalar("SELECT value FROM local_state WHERE key = 'verified_through'")
        .fetch_optional(&mut *conn)
        .await?;
    let mut from: BTreeMap<String, (i64, String)> = match (stored, key) {
        (Some(text), Some(key)) => serde_json::from_str::<VerifiedThrough>(&text)
            .ok()
            .filter(|v| v.mac == verified_mac(key, &v.desks))
            .map(|v| v.desks)
            .unwrap_or_default(),
        // Without the key, or a mark that does not verify, the whole chain is walked.
        _ => BTreeMap::new(),
    };
    let mut check = StartCheck { events_verified: 0, keyed: verify_checkpoints(conn, key).await?, chain_problem: None };
    for desk in all_desks(conn).await? {
        let (seq, hash) = from.get(&desk).cloned().unwrap_or((0, lotline_domain::envelope::GENESIS.to_owned()));
        // The mark's own event must still hold the hash it was verified with.
        let start = match event_at(conn, &desk, seq).await? {
            Some((_, held)) if held == hash => (seq, hash),
            _ => (0, lotline_domain::envelope::GENESIS.to_owned()),
        };
        let walk = verify_desk_from(conn, &desk, start.0, &start.1).await?;
        check.events_verified += walk.verified;
        if walk.problem.is_some() {
            check.chain_problem = walk.problem;
            return Ok(check);
        }
        from.insert(desk, walk.head);
    }
    if let Some(key) = key
        && check.ok()
    {
        write_verified(conn, key, from).await?;
    }
    Ok(check)
}
