//! The desk's side of team sync in the log (docs/sync.md): which events wait to be pushed, what
//! the server said of them, and pulled events brought into the log and the projections in the
//! canonical order, each page in one transaction with the cursor.

use lotline_domain::envelope::{EnvelopedEvent, carries_credential, payload_hash, redact_credential};
use serde::{Deserialize, Serialize};
use sqlx::{Row, SqliteConnection};

use crate::{Store, StoreError, rebuild};

/// A pulled event: the server's place for it, and whether it refused it (a refused event is
/// kept so every desk's chain stays whole, and is never projected).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PulledEvent {
    pub server_seq: i64,
    pub rejected: bool,
    pub event: EnvelopedEvent,
    /// (old number, new number) the team gave records its desk opened before it enrolled.
    #[serde(default)]
    pub renumbered: Vec<(String, String)>,
}

pub(crate) const ENVELOPE_COLUMNS: &str = "id, desk_id, desk_seq, act_id, stream_type, stream_id, kind, \
     schema_version, payload, payload_hash, actor_id, occurred_at, hlc, seen, local_only, prev_hash, hash";

/// A stored row as it travels: a local-only payload left out, a credential taken out of an
/// older user event, the payload's hash as the chain covers it.
pub(crate) fn envelope_of(row: &sqlx::sqlite::SqliteRow) -> EnvelopedEvent {
    let local_only: bool = row.get("local_only");
    let payload: String = row.get("payload");
    let stub_hash: Option<String> = row.get("payload_hash");
    let kind: String = row.get("kind");
    let schema_version: i64 = row.get("schema_version");
    let (sent, redacted) = match carries_credential(&kind, schema_version) {
        // A payload that does not parse is sent as it is: the server refuses it with its reason.
        true => redact_credential(&payload).map_or((payload.clone(), false), |r| (r, true)),
        false => (payload.clone(), false),
    };
    EnvelopedEvent {
        id: row.get("id"),
        desk_id: row.get("desk_id"),
        desk_seq: row.get("desk_seq"),
        act_id: row.get("act_id"),
        stream_type: row.get("stream_type"),
        stream_id: row.get("stream_id"),
        kind,
        schema_version,
        payload_hash: stub_hash.unwrap_or_else(|| payload_hash(&payload)),
        payload: (!local_only).then_some(sent),
        redacted,
        actor_id: row.get("actor_id"),
        occurred_at: row.get("occurred_at"),
        hlc: row.get("hlc"),
        seen: row.get("seen"),
        local_only,
        prev_hash: row.get::<Option<String>, _>("prev_hash").unwrap_or_default(),
        hash: row.get::<Option<String>, _>("hash").unwrap_or_default(),
    }
}

/// This desk's events the server has not answered yet, in its order, whole acts only: at most
/// `limit` events unless one act alone is larger.
pub async fn pending_events(
    conn: &mut SqliteConnection,
    desk_id: &str,
    limit: usize,
) -> Result<Vec<EnvelopedEvent>, StoreError> {
    // Named, since SQLite would rather take the unique server_seq index for `IS NULL` and sort
    // every pending event for each page.
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {ENVELOPE_COLUMNS} FROM events INDEXED BY events_pending_desk \
         WHERE desk_id = ? AND server_seq IS NULL AND status = 'pending' ORDER BY desk_seq LIMIT ?"
    )))
    .bind(desk_id)
    .bind(limit as i64 + 1)
    .fetch_all(&mut *conn)
    .await?;
    let mut events: Vec<EnvelopedEvent> = rows.iter().map(envelope_of).collect();
    if events.len() > limit {
        // The extra row tells whether the last act goes on past the page: keep acts whole.
        let spill = events[limit].act_id.clone();
        events.truncate(limit);
        let whole = events.iter().rposition(|e| e.act_id != spill).map_or(0, |i| i + 1);
        if whole > 0 {
            events.truncate(whole);
        } else {
            let rest = sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT {ENVELOPE_COLUMNS} FROM events WHERE desk_id = ? AND act_id = ? AND server_seq IS NULL AND desk_seq > ? ORDER BY desk_seq"
            )))
            .bind(desk_id)
            .bind(&spill)
            .bind(events.last().map_or(0, |e| e.desk_seq))
            .fetch_all(&mut *conn)
            .await?;
            events.extend(rest.iter().map(envelope_of));
        }
    }
    Ok(events)
}

/// The full stored payloads of this batch's credential events (local-only, or redacted on the
/// wire), by event id: they travel beside the stubs so the team's server can sign people in.
pub async fn credential_payloads(
    conn: &mut SqliteConnection,
    events: &[EnvelopedEvent],
) -> Result<Vec<(String, String)>, StoreError> {
    let mut payloads = Vec::new();
    for event in events.iter().filter(|e| e.local_only || e.redacted) {
        let payload: Option<String> = sqlx::query_scalar("SELECT payload FROM events WHERE id = ?")
            .bind(&event.id)
            .fetch_optional(&mut *conn)
            .await?;
        if let Some(payload) = payload {
            payloads.push((event.id.clone(), payload));
        }
    }
    Ok(payloads)
}

/// This desk's last sequence (0 before its first event).
pub async fn desk_seq_head(conn: &mut SqliteConnection, desk_id: &str) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar("SELECT COALESCE(MAX(desk_seq), 0) FROM events WHERE desk_id = ?")
        .bind(desk_id)
        .fetch_one(&mut *conn)
        .await?)
}

pub async fn count_pending(conn: &mut SqliteConnection, desk_id: &str) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM events INDEXED BY events_pending_desk WHERE desk_id = ? AND server_seq IS NULL AND status = 'pending'",
    )
    .bind(desk_id)
    .fetch_one(&mut *conn)
    .await?)
}

/// Records the server's sequence for this desk's events it accepted.
pub async fn mark_accepted(store: &Store, accepted: &[(String, i64)]) -> Result<u64, StoreError> {
    let mut tx = store.begin_write().await?;
    let mut marked = 0;
    // One statement per thousand events: a statement each cost more than the push itself. The
    // unary `+` keeps SQLite from walking every pending event (by the server_seq index) for
    // each accepted one: the accepted ids lead, each found by its unique id.
    for chunk in accepted.chunks(1_000) {
        let pairs = serde_json::to_string(chunk)
            .map_err(|err| StoreError::BadEvent { id: String::new(), reason: err.to_string() })?;
        marked += sqlx::query(
            "UPDATE events SET server_seq = accepted.server_seq, status = 'confirmed' \
             FROM (SELECT json_extract(value, '$[0]') AS id, json_extract(value, '$[1]') AS server_seq \
                   FROM json_each(?)) AS accepted \
             WHERE events.id = accepted.id AND +events.server_seq IS NULL",
        )
        .bind(pairs)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    }
    tx.commit().await?;
    Ok(marked)
}

/// Marks this desk's acts the server refused: they stay in the log (and in the chain) and leave
/// the projections, which are rebuilt without them. Returns the events marked.
pub async fn mark_refused(store: &Store, act_ids: &[String]) -> Result<u64, StoreError> {
    if act_ids.is_empty() {
        return Ok(0);
    }
    let mut tx = store.begin_write().await?;
    let mut marked = 0;
    for act in act_ids {
        marked += sqlx::query("UPDATE events SET status = 'rejected' WHERE act_id = ? AND status = 'pending'")
            .bind(act)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    }
    if marked > 0 {
        rebuild::replay(&mut tx).await?;
    }
    tx.commit().await?;
    if marked > 0 {
        store.forget_lot_index().await;
    }
    Ok(marked)
}

/// Where the next pull starts: the highest server sequence applied here.
pub async fn pull_cursor(conn: &mut SqliteConnection) -> Result<i64, StoreError> {
    let text: Option<String> = sqlx::query_scalar("SELECT value FROM local_state WHERE key = 'sync_cursor'")
        .fetch_optional(&mut *conn)
        .await?;
    Ok(text.and_then(|t| t.parse().ok()).unwrap_or(0))
}

/// What applying one pulled page did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PullApplied {
    /// Events new to this desk (other desks').
    pub inserted: u64,
    /// This desk's own events the page confirmed (or told refused).
    pub confirmed: u64,
    /// The projections were replayed, because the server's order put pulled events before
    /// events already projected here.
    pub replayed: bool,
    pub cursor: i64,
}

/// This desk's membership of a team, kept in the desk's own state (never in the log).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrolment {
    pub server: String,
    pub team_id: String,
    pub desk_code: String,
    pub token: String,
}

const ENROLMENT_KEYS: [&str; 4] = ["sync_server", "team_id", "desk_code", "sync_token"];

pub async fn enrolment(conn: &mut SqliteConnection) -> Result<Option<Enrolment>, StoreError> {
    let mut values = Vec::with_capacity(ENROLMENT_KEYS.len());
    for key in ENROLMENT_KEYS {
        let value: Option<String> = sqlx::query_scalar("SELECT value FROM local_state WHERE key = ?")
            .bind(key)
            .fetch_optional(&mut *conn)
            .await?;
        match value {
            Some(value) => values.push(value),
            None => return Ok(None),
        }
    }
    let [server, team_id, desk_code, token]: [String; 4] = values.try_into().unwrap_or_default();
    Ok(Some(Enrolment { server, team_id, desk_code, token }))
}

/// Records that this desk joined a team: from now on its numbers carry the desk code.
pub async fn record_enrolment(store: &Store, enrolment: &Enrolment) -> Result<(), StoreError> {
    let mut tx = store.begin_write().await?;
    crate::project_numbers::carry_counts_to_desk_code(&mut tx, &enrolment.desk_code).await?;
    let values = [&enrolment.server, &enrolment.team_id, &enrolment.desk_code, &enrolment.token];
    for (key, value) in ENROLMENT_KEYS.iter().zip(values) {
        sqlx::query(
            "INSERT INTO local_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .bind(key)
        .bind(value)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Events in this desk's log of kinds (or payload versions) a newer Lotline wrote: kept, not
/// shown, until this desk is updated.
pub async fn newer_events(conn: &mut SqliteConnection) -> Result<i64, StoreError> {
    let text: Option<String> = sqlx::query_scalar("SELECT value FROM local_state WHERE key = 'newer_events'")
        .fetch_optional(&mut *conn)
        .await?;
    Ok(text.and_then(|t| t.parse().ok()).unwrap_or(0))
}

pub(crate) async fn set_newer_events(conn: &mut SqliteConnection, count: i64) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO local_state (key, value) VALUES ('newer_events', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(count.to_string())
        .execute(&mut *conn)
        .await?;
    Ok(())
}
