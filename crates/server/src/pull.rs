//! `GET /v1/pull`: the team's events after a cursor, in server order. Sequences commit in order
//! (see `Store::begin_write`), so a reader that saw N never misses an event below N later.

use lotline_sync::{ChainAnchor, DeskCode, PullResponse, PulledEvent, WireEvent};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::database::Store;
use crate::error::ServerError;
use crate::limits::{DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT};

pub(crate) async fn pull(store: &Store, after: i64, limit: Option<i64>) -> Result<PullResponse, ServerError> {
    let limit = limit.unwrap_or(DEFAULT_PULL_LIMIT).clamp(1, MAX_PULL_LIMIT);
    // One more than the page, to learn whether more follow without a second query.
    let rows = sqlx::query(
        "SELECT server_seq, id, desk_id, desk_seq, act_id, stream_type, stream_id, kind, schema_version, payload, \
         payload_hash, actor_id, occurred_at, hlc, seen, local_only, redacted, rejected, prev_hash, hash \
         FROM events WHERE server_seq > $1 ORDER BY server_seq LIMIT $2",
    )
    .bind(after)
    .bind(limit + 1)
    .fetch_all(&store.pool)
    .await?;
    let more = rows.len() as i64 > limit;
    let mut events = rows.iter().take(limit as usize).map(pulled_event).collect::<Result<Vec<_>, _>>()?;
    for (event_id, renumbering) in crate::numbers::by_event(&store.pool).await? {
        if let Some(opener) = events.iter_mut().find(|e| e.event.id == event_id) {
            opener.renumbered.push(renumbering);
        }
    }
    let next = events.last().map_or(after, |e| e.server_seq);
    // The desks of a team are few; the empty page a desk polls for every minute goes without.
    let desks = if events.is_empty() { Vec::new() } else { desk_codes(store).await? };
    Ok(PullResponse { anchors: anchors_of(&events), events, next, more, desks })
}

/// Each desk's last event on the page: the server stored it only after verifying its link to
/// the desk's chain (and the desk's checkpoint, where the desk sent its key).
fn anchors_of(events: &[PulledEvent]) -> Vec<ChainAnchor> {
    let mut anchors: Vec<ChainAnchor> = Vec::new();
    for pulled in events {
        let e = &pulled.event;
        match anchors.iter_mut().find(|a| a.desk_id == e.desk_id) {
            Some(anchor) if anchor.desk_seq < e.desk_seq => {
                anchor.desk_seq = e.desk_seq;
                anchor.hash = e.hash.clone();
            }
            Some(_) => {}
            None => {
                anchors.push(ChainAnchor { desk_id: e.desk_id.clone(), desk_seq: e.desk_seq, hash: e.hash.clone() })
            }
        }
    }
    anchors
}

async fn desk_codes(store: &Store) -> Result<Vec<DeskCode>, ServerError> {
    let rows = sqlx::query("SELECT desk_id, desk_code FROM desks ORDER BY desk_code").fetch_all(&store.pool).await?;
    let codes = rows
        .iter()
        .map(|row| Ok(DeskCode { desk_id: row.try_get("desk_id")?, desk_code: row.try_get("desk_code")? }))
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    Ok(codes)
}

fn pulled_event(row: &AnyRow) -> Result<PulledEvent, sqlx::Error> {
    let local_only = row.try_get::<i64, _>("local_only")? != 0;
    let rejected = row.try_get::<i64, _>("rejected")? != 0;
    let event = WireEvent {
        id: row.try_get("id")?,
        desk_id: row.try_get("desk_id")?,
        desk_seq: row.try_get("desk_seq")?,
        act_id: row.try_get("act_id")?,
        stream_type: row.try_get("stream_type")?,
        stream_id: row.try_get("stream_id")?,
        kind: row.try_get("kind")?,
        schema_version: row.try_get("schema_version")?,
        // A local-only event never had its payload sent, and a refused act's events are not the
        // team's: both are served as stubs.
        payload: if local_only || rejected { None } else { row.try_get("payload")? },
        payload_hash: row.try_get("payload_hash")?,
        actor_id: row.try_get("actor_id")?,
        occurred_at: row.try_get("occurred_at")?,
        hlc: row.try_get("hlc")?,
        seen: row.try_get("seen")?,
        local_only,
        redacted: row.try_get::<i64, _>("redacted")? != 0,
        prev_hash: row.try_get("prev_hash")?,
        hash: row.try_get("hash")?,
    };
    Ok(PulledEvent { event, server_seq: row.try_get("server_seq")?, rejected, renumbered: Vec::new() })
}
