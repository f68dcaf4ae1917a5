//! The conflicts inbox: what merging desks' logs opened, told so that a person can decide, and
//! the acts that settle them. A resolution travels in the team's log (`conflict_resolved`), with
//! whatever it changes (a hold released, a lost save restored, stock written off) in the same act.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use lotline_domain::conflict::{ConflictKind, Resolution, StockWriteOff, check_resolution, permission_for, ways_out};
use lotline_domain::failure::FieldChange;
use lotline_domain::lots::{self as lots, normalise_lot_code};
use lotline_domain::merge::{permissions_for, saves_record};
use lotline_domain::people::{Actor, Permission};
use lotline_domain::{ApiError, ErrorCode, Event};
use lotline_store::queries::{failures as fq, lots as q};
use lotline_store::{MergeConflict, StoredEvent};
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;
use ts_rs::TS;

use super::Empty;
use super::history::history_of;
use crate::context::Ctx;

/// One event a conflict names, as the inbox tells it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConflictEventView {
    pub event_id: String,
    /// The event kind (`lots_shipped`); the UI translates it.
    pub kind: String,
    /// The record it belongs to: a lot code, a SKU, a recall number.
    pub number: String,
    /// Who did it (username).
    pub username: Option<String>,
    pub at: String,
    pub desk_id: String,
    /// The desk's code: this desk's, or another's as the team's server named it (None for a
    /// desk this one has not heard of yet).
    pub desk_code: Option<String>,
    pub this_desk: bool,
    /// What it did, as a record's history tells it.
    pub changes: Vec<FieldChange>,
    pub note: Option<String>,
}

/// A way out a conflict offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WayOut {
    pub resolution: Resolution,
    pub needs_note: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConflictResolutionView {
    pub resolution: String,
    pub resolved_at: DateTime<Utc>,
    /// Who resolved it (username).
    pub resolved_by: Option<String>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConflictView {
    pub conflict_key: String,
    pub kind: String,
    /// A lot code, `SKU/serial`, a record's stream (`vendor/NLPK`) or a recall number.
    pub subject: String,
    pub opened_at: DateTime<Utc>,
    pub events: Vec<ConflictEventView>,
    pub ways_out: Vec<WayOut>,
    /// Whether the person reading may resolve it.
    pub may_resolve: bool,
    pub resolution: Option<ConflictResolutionView>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ResolveConflictInput {
    pub conflict_key: String,
    pub resolution: Resolution,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DismissRefusedActInput {
    pub act_id: String,
}

/// The inbox's badge: open conflicts the reader may resolve, and refusals not dismissed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OpenConflictCount {
    pub conflicts: i64,
    pub refused_acts: i64,
    pub total: i64,
}

fn may_resolve(actor: &Actor, kind: &str) -> bool {
    ConflictKind::parse(kind).is_some_and(|k| actor.may(permission_for(k)))
}

/// Whether the reader may resolve any kind of conflict: only they are shown the inbox's count.
fn resolves_any(actor: &Actor) -> bool {
    actor.may(Permission::ResolveConflicts) || actor.may(Permission::ResolveStockConflicts)
}

/// Every conflict, open first (oldest first), then resolved (latest first).
pub async fn list_conflicts(ctx: &Ctx, _: Empty) -> Result<Vec<ConflictView>, ApiError> {
    let actor = ctx.allowed(Permission::ViewData)?;
    let mut conn = ctx.read().await?;
    let conflicts = lotline_store::merge_conflicts(&mut conn).await?;
    let people = People::load(ctx, &mut conn).await?;
    let mut out = Vec::with_capacity(conflicts.len());
    for conflict in conflicts {
        out.push(view(&mut conn, &people, &actor, conflict).await?);
    }
    Ok(out)
}

/// Who is who, and which desk is this one, for telling events.
struct People {
    names: HashMap<String, String>,
    usernames: HashMap<String, String>,
    desk_code: Option<String>,
    desk_id: String,
    /// The other desks of the team, by id.
    desk_codes: BTreeMap<String, String>,
}

impl People {
    async fn load(ctx: &Ctx, conn: &mut SqliteConnection) -> Result<People, ApiError> {
        Ok(People {
            desk_id: ctx.device_id.clone(),
            names: fq::user_names(conn).await?,
            usernames: lotline_store::usernames(conn).await?,
            desk_code: lotline_store::desk_code(conn).await?,
            desk_codes: lotline_store::team_desk_codes(conn).await?,
        })
    }
}

async fn view(
    conn: &mut SqliteConnection,
    people: &People,
    actor: &Actor,
    conflict: MergeConflict,
) -> Result<ConflictView, ApiError> {
    let events = lotline_store::load_events(conn, &conflict.event_ids).await?;
    let told = history_of(&events, &people.names);
    let events = events
        .iter()
        .zip(told)
        .map(|(stored, entry)| {
            let this_desk = stored.desk_id == people.desk_id;
            ConflictEventView {
                event_id: stored.id.clone(),
                kind: entry.kind,
                number: stored.stream_id.clone(),
                username: stored.actor_id.as_ref().and_then(|id| people.usernames.get(id).cloned()),
                at: entry.at,
                desk_id: stored.desk_id.clone(),
                desk_code: if this_desk {
                    people.desk_code.clone()
                } else {
                    people.desk_codes.get(&stored.desk_id).cloned()
                },
                this_desk,
                changes: entry.changes,
                note: entry.note,
            }
        })
        .collect();
    let kind = ConflictKind::parse(&conflict.kind);
    Ok(ConflictView {
        may_resolve: conflict.resolution.is_none() && may_resolve(actor, &conflict.kind),
        ways_out: kind
            .map(|k| ways_out(k).iter().map(|r| WayOut { resolution: *r, needs_note: r.needs_note() }).collect())
            .unwrap_or_default(),
        resolution: conflict.resolution.map(|r| ConflictResolutionView {
            resolution: r.resolution,
            resolved_at: r.resolved_at,
            resolved_by: r.resolved_by.and_then(|id| people.usernames.get(&id).cloned()),
            note: r.note,
        }),
        conflict_key: conflict.conflict_key,
        kind: conflict.kind,
        subject: conflict.subject,
        opened_at: conflict.opened_at,
        events,
    })
}

/// Settles a conflict with one of its ways out, and does what that way out does, in one act.
pub async fn resolve_conflict(ctx: &Ctx, input: ResolveConflictInput) -> Result<ConflictView, ApiError> {
    let actor = ctx.actor()?;
    let mut tx = ctx.begin().await?;
    let unknown = || ApiError::new(ErrorCode::NotFound, "error.conflict.unknown").with("key", &input.conflict_key);
    let conflict = lotline_store::merge_conflict(&mut tx, &input.conflict_key).await?.ok_or_else(unknown)?;
    let kind = ConflictKind::parse(&conflict.kind).ok_or_else(unknown)?;
    actor.require(permission_for(kind))?;
    if conflict.resolution.is_some() {
        return Err(ApiError::conflict("error.conflict.already_resolved").with("key", &conflict.conflict_key));
    }
    let note = input.note.trim().to_owned();
    check_resolution(kind, input.resolution, &note)?;
    let mut events = Vec::new();
    let mut write_off = None;
    match input.resolution {
        Resolution::WriteOffDifference => write_off = missing_units(&mut tx, &conflict.subject).await?,
        Resolution::ReleaseHold => events.push(release(&mut tx, &conflict, &note).await?),
        Resolution::RestoreLostVersion => events.push(lost_save(&mut tx, &conflict).await?),
        _ => {}
    }
    // What the way out writes besides the resolution needs its own permission, as the server's
    // judge will ask of it.
    for event in &events {
        if let Some(needed) = permissions_for(event)
            && !needed.iter().any(|p| actor.may(*p))
        {
            actor.require(needed[0])?;
        }
    }
    events.push(Event::ConflictResolved {
        conflict_key: conflict.conflict_key.clone(),
        opening: conflict.opening,
        resolution: input.resolution,
        note,
        write_off,
    });
    ctx.commit(tx, events).await?;
    let mut conn = ctx.read().await?;
    let people = People::load(ctx, &mut conn).await?;
    let resolved = lotline_store::merge_conflict(&mut conn, &conflict.conflict_key)
        .await?
        .ok_or_else(|| ApiError::internal("the resolved conflict is gone"))?;
    view(&mut conn, &people, &actor, resolved).await
}

/// The units a lot is short of zero: what the write-off puts back. None when a later receipt
/// brought it back up already.
async fn missing_units(conn: &mut SqliteConnection, lot_code: &str) -> Result<Option<StockWriteOff>, ApiError> {
    let row = q::lot_row(conn, lot_code).await?.ok_or_else(|| ApiError::not_found("lot", lot_code))?;
    Ok((row.on_hand < 0).then(|| StockWriteOff { lot_code: row.lot_code, qty: -row.on_hand }))
}

/// Lifts the holds the conflict names that are still in force, as `release_hold` would.
async fn release(conn: &mut SqliteConnection, conflict: &MergeConflict, note: &str) -> Result<Event, ApiError> {
    let code = normalise_lot_code(&conflict.subject);
    let holds = fq::holds(conn, Some(&code)).await?;
    let named: Vec<_> =
        holds.iter().filter(|h| h.hold_ref.as_ref().is_some_and(|r| conflict.event_ids.contains(r))).collect();
    if named.is_empty() {
        return Err(ApiError::conflict("error.lot.no_hold").with("lot", &code));
    }
    for recall_no in named.iter().filter_map(|h| h.recall_no.as_deref()) {
        let open = q::recall_row(conn, recall_no).await?.is_some_and(|r| r.status == lots::RecallStatus::Open);
        if open {
            return Err(ApiError::conflict("error.lot.held_by_open_recall")
                .with("lot", &code)
                .with("recall_no", recall_no));
        }
    }
    Ok(Event::LotHoldReleased {
        lot_code: code,
        note: note.to_owned(),
        hold: None,
        holds: named.iter().filter_map(|h| h.hold_ref.clone()).collect(),
    })
}

/// The latest save the conflict names that is not the one standing, saved again as it was.
async fn lost_save(conn: &mut SqliteConnection, conflict: &MergeConflict) -> Result<Event, ApiError> {
    let (stream_type, stream_id) = conflict.subject.split_once('/').unwrap_or_default();
    let stream = lotline_store::load_stream(conn, stream_type, stream_id).await?;
    let standing = stream.iter().rev().find(|s| saves_record(&s.event)).map(|s| s.id.as_str());
    let named = lotline_store::load_events(conn, &conflict.event_ids).await?;
    let lost: Option<&StoredEvent> = named.iter().rev().find(|s| Some(s.id.as_str()) != standing);
    lost.map(|s| s.event.clone()).ok_or_else(|| ApiError::conflict("error.conflict.nothing_lost"))
}

/// Sets a refused act aside: its reason was read.
pub async fn dismiss_refused_act(ctx: &Ctx, input: DismissRefusedActInput) -> Result<OpenConflictCount, ApiError> {
    let actor = ctx.actor()?;
    // The person who did the act, or one who looks after the team's conflicts.
    let mut conn = ctx.read().await?;
    let refusal = lotline_store::refused_acts(&mut conn)
        .await?
        .into_iter()
        .find(|r| r.refusal.act_id == input.act_id)
        .ok_or_else(|| ApiError::new(ErrorCode::NotFound, "error.conflict.unknown").with("key", &input.act_id))?;
    drop(conn);
    if refusal.refusal.actor_id.as_deref() != Some(actor.user_id.as_str()) {
        actor.require(Permission::ResolveConflicts)?;
    }
    if refusal.dismissed_at.is_some() {
        return Err(ApiError::conflict("error.conflict.already_dismissed").with("key", &input.act_id));
    }
    let at = lotline_domain::time::stored(ctx.now());
    lotline_store::dismiss_refusal(&ctx.store, &input.act_id, &actor.user_id, &at).await?;
    count_open_conflicts(ctx, Empty {}).await
}

/// The navigation badge: open conflicts the reader may resolve and undismissed refusals; none
/// for those who resolve nothing.
pub async fn count_open_conflicts(ctx: &Ctx, _: Empty) -> Result<OpenConflictCount, ApiError> {
    let actor = ctx.actor()?;
    if !resolves_any(&actor) {
        return Ok(OpenConflictCount { conflicts: 0, refused_acts: 0, total: 0 });
    }
    let mut conn = ctx.read().await?;
    let by_kind = lotline_store::open_conflict_counts(&mut conn).await?;
    let conflicts = by_kind.iter().filter(|(kind, _)| may_resolve(&actor, kind)).map(|(_, n)| n).sum();
    let refused_acts = lotline_store::count_undismissed(&mut conn).await?;
    Ok(OpenConflictCount { conflicts, refused_acts, total: conflicts + refused_acts })
}
