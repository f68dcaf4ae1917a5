//! Team sync from the desk's side: push this desk's pending acts, then pull the team's log
//! until there is nothing left, moving attachments as blobs. The transport (HTTP to the sync
//! server, or a stand-in in tests) is given, so hosts only choose how to reach the server.

pub(crate) mod admin;
mod cadence;
mod http;
mod team;
mod transport;

use lotline_domain::ApiError;
use lotline_store::{EnvelopedEvent, Refusal, SyncFailure};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::context::{Ctx, store_error};
pub use cadence::{AFTER_WRITE, Cadence, EVERY, LONGEST_WAIT};
pub use http::HttpTransport;
pub use team::{SyncStatus, enroll, sync_status, sync_with_team};
pub(crate) use team::{TeamSignIn, sign_in_through_team};

pub use transport::{PulledPage, PushOutcome, RefusedAct, Transport, TransportError};

/// Events per push: whole acts, so a big import may go over it in one request.
const PUSH_PAGE: usize = 1_000;
const PULL_PAGE: usize = 1_000;

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SyncReport {
    pub pushed: i64,
    pub pulled: i64,
    pub rejected: Vec<RejectedAct>,
    /// Conflicts the merge opened during this run.
    pub conflicts: i64,
    /// Records this desk numbered before it joined the team whose numbers the team already
    /// had: each goes by its desk's number from now on (the old one still finds it).
    pub renumbered: Vec<Renumbered>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Renumbered {
    pub from: String,
    pub to: String,
}

/// An act of this desk the server refused, with the reason a person can read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RejectedAct {
    pub act_id: String,
    /// The human number of the record the act was about, when it has one.
    pub number: Option<String>,
    pub reason_key: String,
    pub message: String,
}

pub(crate) fn transport_error(err: TransportError) -> ApiError {
    match err {
        TransportError::Unreachable(detail) => {
            ApiError::new(lotline_domain::ErrorCode::Conflict, "error.sync.unreachable").with("detail", detail)
        }
        TransportError::Refused { key, detail } => match key.strip_prefix("sync.") {
            // Answers a person can act on, in their language rather than the server's English.
            Some(
                reason @ ("enroll_code_unknown"
                | "enroll_code_used"
                | "enroll_code_expired"
                | "desk_other_site"
                | "site_code_invalid"
                | "token_revoked"
                | "token_unknown"),
            ) => ApiError::new(lotline_domain::ErrorCode::Forbidden, format!("error.sync.{reason}"))
                .with("detail", detail),
            _ => ApiError::new(lotline_domain::ErrorCode::Forbidden, "error.sync.refused")
                .with("reason", key)
                .with("detail", detail),
        },
    }
}

/// The record an act was about, as people know it (`RMA-AMS1A-000042`), when its stream has one.
fn number_of(events: &[EnvelopedEvent], act_id: &str) -> Option<String> {
    events
        .iter()
        .find(|e| e.act_id == act_id && matches!(e.stream_type.as_str(), "failure" | "reshipment" | "rma" | "recall"))
        .map(|e| e.stream_id.clone())
}

/// Pushes every pending act of this desk, in order.
/// The desk's checkpoint of the batch's last event, with its key while the team has not taken
/// this key yet (docs/audit-log.md).
async fn seal_of(ctx: &Ctx, pending: &[EnvelopedEvent]) -> Result<Option<lotline_sync::PushSeal>, ApiError> {
    let (Some(key), Some(last)) = (ctx.store.checkpoint_key(), pending.last()) else { return Ok(None) };
    let sent = {
        let mut conn = ctx.read().await?;
        lotline_store::team_key(&mut conn).await?
    };
    Ok(Some(lotline_sync::PushSeal {
        key_id: key.id.clone(),
        checkpoint: key.checkpoint(&last.desk_id, last.desk_seq, &last.hash),
        key: (sent.as_deref() != Some(key.id.as_str())).then(|| format!("{}:{}", key.id, key.to_hex())),
    }))
}

pub async fn push<T: Transport>(ctx: &Ctx, transport: &T, report: &mut SyncReport) -> Result<(), ApiError> {
    loop {
        let (pending, credentials) = {
            let mut conn = ctx.read().await?;
            let pending = lotline_store::pending_events(&mut conn, &ctx.device_id, PUSH_PAGE).await?;
            let credentials = lotline_store::credential_payloads(&mut conn, &pending).await?;
            (pending, credentials)
        };
        if pending.is_empty() {
            return Ok(());
        }
        for event in pending.iter().filter(|e| e.kind == "attachment_stored") {
            push_blob(ctx, transport, event).await?;
        }
        let seal = seal_of(ctx, &pending).await?;
        let key_sent = seal.as_ref().and_then(|s| s.key.as_ref().map(|_| s.key_id.clone()));
        let outcome = transport.push_sealed(pending.clone(), credentials, seal).await.map_err(transport_error)?;
        if let Some(key_id) = key_sent {
            lotline_store::record_team_key(&ctx.store, &key_id).await?;
        }
        if let Some(from) = outcome.resend_from {
            // The server lacks events before the first one still pending here: this desk's log
            // and the server's disagree, which no retry mends.
            let first = pending.first().map_or(0, |e| e.desk_seq);
            if from < first {
                return Err(ApiError::conflict("error.sync.server_behind").with("from", from).with("first", first));
            }
        }
        let answered = outcome.accepted.len() + outcome.rejected.iter().map(|r| r.event_ids.len()).sum::<usize>();
        report.pushed += outcome.accepted.len() as i64;
        lotline_store::mark_accepted(&ctx.store, &outcome.accepted).await?;
        if !outcome.renumbered.is_empty() {
            lotline_store::adopt_renames(&ctx.store, &ctx.device_id, &outcome.renumbered).await?;
            report
                .renumbered
                .extend(outcome.renumbered.iter().map(|(from, to)| Renumbered { from: from.clone(), to: to.clone() }));
        }
        // The reasons first: were this desk stopped in between, the acts stay pending, and the
        // server answers the same reasons when they are pushed again.
        let refusals: Vec<Refusal> = outcome.rejected.iter().filter_map(|r| refusal_of(ctx, &pending, r)).collect();
        lotline_store::record_refusals(&ctx.store, &refusals).await?;
        let refused: Vec<String> = outcome.rejected.iter().map(|r| r.act_id.clone()).collect();
        lotline_store::mark_refused(&ctx.store, &refused).await?;
        report.rejected.extend(outcome.rejected.into_iter().map(|r| RejectedAct {
            number: number_of(&pending, &r.act_id),
            act_id: r.act_id,
            reason_key: r.reason_key,
            message: r.message,
        }));
        if answered == 0 {
            // Nothing was taken: stop instead of sending the same page for ever.
            return Err(ApiError::conflict("error.sync.push_stalled"));
        }
    }
}

/// What this desk keeps of a refusal: the act as the person made it, and the server's reason.
fn refusal_of(ctx: &Ctx, pending: &[EnvelopedEvent], refused: &RefusedAct) -> Option<Refusal> {
    let first = pending.iter().find(|e| e.act_id == refused.act_id)?;
    Some(Refusal {
        act_id: refused.act_id.clone(),
        kind: first.kind.clone(),
        number: number_of(pending, &refused.act_id),
        actor_id: first.actor_id.clone(),
        reason_key: refused.reason_key.clone(),
        params: refused.params.clone(),
        message: refused.message.clone(),
        occurred_at: first.occurred_at.clone(),
        refused_at: ctx.now_text(),
    })
}

async fn push_blob<T: Transport>(ctx: &Ctx, transport: &T, event: &EnvelopedEvent) -> Result<(), ApiError> {
    let Some(id) = attachment_id(event) else { return Ok(()) };
    match ctx.store.read_blob(&id) {
        Ok(Some(bytes)) => transport.put_blob(&id, bytes).await.map_err(transport_error),
        // The file is gone or damaged here: the event still syncs, and other desks show the
        // attachment as missing, as this desk does.
        Ok(None) | Err(_) => Ok(()),
    }
}

fn attachment_id(event: &EnvelopedEvent) -> Option<String> {
    let payload: serde_json::Value = serde_json::from_str(event.payload.as_deref()?).ok()?;
    payload.get("id")?.as_str().map(str::to_owned)
}

/// Pulls the team's log page by page until the server has nothing newer.
pub async fn pull<T: Transport>(ctx: &Ctx, transport: &T, report: &mut SyncReport) -> Result<(), ApiError> {
    let mut desks_recorded = false;
    loop {
        let cursor = {
            let mut conn = ctx.read().await?;
            lotline_store::pull_cursor(&mut conn).await?
        };
        let page = transport.pull(cursor, PULL_PAGE).await.map_err(transport_error)?;
        // Files first: an event that names an attachment commits only once its file is here.
        for pulled in page.events.iter().filter(|p| p.event.kind == "attachment_stored") {
            let Some(id) = attachment_id(&pulled.event) else { continue };
            if matches!(ctx.store.read_blob(&id), Ok(Some(_))) {
                continue;
            }
            if let Some(bytes) = transport.get_blob(&id).await.map_err(transport_error)?
                && lotline_store::blob_id(&bytes) == id
            {
                ctx.store.write_blob(&bytes)?;
            }
        }
        let applied = lotline_store::apply_pulled(&ctx.store, &page.events).await?;
        if !page.anchors.is_empty() {
            lotline_store::record_team_anchors(&ctx.store, &page.anchors, &ctx.now_text()).await?;
        }
        // Every page names the same desks: one write a sync is enough.
        if !desks_recorded && !page.desks.is_empty() {
            lotline_store::record_team_desks(&ctx.store, &page.desks).await?;
            desks_recorded = true;
        }
        let own_renames = page.events.iter().filter(|p| p.event.desk_id == ctx.device_id).flat_map(|p| &p.renumbered);
        for (from, to) in own_renames {
            let renamed = Renumbered { from: from.clone(), to: to.clone() };
            if !report.renumbered.contains(&renamed) {
                report.renumbered.push(renamed);
            }
        }
        report.pulled += applied.inserted as i64;
        if !page.more || page.events.is_empty() {
            return Ok(());
        }
    }
}

/// Push, then pull until there is nothing left. How it went is kept on the desk (the last
/// success, or the error and since when syncs fail) for the status the shell shows.
pub async fn sync_now<T: Transport>(ctx: &Ctx, transport: &T) -> Result<SyncReport, ApiError> {
    // A log on hold is not sent on until an administrator has looked at it.
    if ctx.log_hold().is_some() {
        return Err(ApiError::forbidden("error.audit.log_held"));
    }
    // One sync at a time per desk: the background sync, "Sync now" and a sign-in's push would
    // otherwise send and apply the same pages twice.
    let _running = ctx.sync_lock.lock().await;
    let outcome = push_and_pull(ctx, transport).await;
    match &outcome {
        Ok(_) => lotline_store::record_sync_success(&ctx.store, &ctx.now_text()).await?,
        Err(err) => {
            let failure =
                SyncFailure { message_key: err.message_key.clone(), params: err.params.clone(), at: ctx.now_text() };
            lotline_store::record_sync_failure(&ctx.store, &failure).await?;
        }
    }
    outcome
}

async fn push_and_pull<T: Transport>(ctx: &Ctx, transport: &T) -> Result<SyncReport, ApiError> {
    let mut report = SyncReport::default();
    let before = open_conflicts(ctx).await?;
    if ctx.pull_first() {
        // Restored from a backup: what this desk pushed after the backup comes back first, so
        // its next events follow its own last one on the server instead of repeating numbers.
        pull(ctx, transport, &mut report).await?;
        lotline_store::set_pull_first(&ctx.store, false).await?;
        ctx.set_pull_first(false);
    }
    push(ctx, transport, &mut report).await?;
    report_sign_ins(ctx, transport).await?;
    pull(ctx, transport, &mut report).await?;
    report.conflicts = (open_conflicts(ctx).await? - before).max(0);
    Ok(report)
}

/// Tells the team the sign-ins this desk decided alone while it could not reach the server, so
/// wrong passwords typed offline count towards the team's lockout.
async fn report_sign_ins<T: Transport>(ctx: &Ctx, transport: &T) -> Result<(), ApiError> {
    let waiting = {
        let mut conn = ctx.read().await?;
        lotline_store::queries::people::unreported_sign_ins(&mut conn).await?
    };
    if waiting.is_empty() {
        return Ok(());
    }
    let ids: Vec<i64> = waiting.iter().map(|(id, ..)| *id).collect();
    let attempts = waiting.into_iter().map(|(_, key, at, ok)| (key, at, ok)).collect();
    transport.report_sign_ins(attempts).await.map_err(transport_error)?;
    let mut tx = ctx.begin().await?;
    lotline_store::queries::people::mark_sign_ins_reported(&mut tx, &ids).await?;
    tx.commit().await.map_err(|e| store_error(e.into()))?;
    Ok(())
}

async fn open_conflicts(ctx: &Ctx) -> Result<i64, ApiError> {
    let mut conn = ctx.read().await?;
    Ok(lotline_store::merge_conflicts(&mut conn).await?.len() as i64)
}

/// Hands this desk's weekly reviews the team's server has not taken yet to it, oldest first; the
/// server mails each week's once. Nothing to do on a desk alone. Answers how many it took.
pub(crate) async fn hand_weekly_reviews_to_team(ctx: &Ctx) -> Result<u32, ApiError> {
    use lotline_store::queries::notifications as q;
    let (enrolment, weeks) = {
        let mut conn = ctx.read().await?;
        let enrolment = lotline_store::enrolment(&mut conn).await.map_err(crate::context::store_error)?;
        (enrolment, q::weekly_reviews_unsent(&mut conn).await.map_err(crate::context::store_error)?)
    };
    let Some(enrolment) = enrolment.filter(|_| !weeks.is_empty()) else { return Ok(0) };
    let client = team::transport_of(&enrolment).client;
    let mut taken = 0;
    for week in weeks {
        let pdf = q::weekly_review_pdf(&mut *ctx.read().await?, &week).await.map_err(crate::context::store_error)?;
        let Some(pdf) = pdf else { continue };
        client.put_weekly_review(&week, pdf).await.map_err(|e| transport_error(http::transport_error(e)))?;
        let mut tx = ctx.store.begin_write().await.map_err(crate::context::store_error)?;
        q::weekly_review_sent(&mut tx, &week, &ctx.now_text()).await.map_err(crate::context::store_error)?;
        tx.commit().await.map_err(crate::context::sql_error)?;
        taken += 1;
    }
    Ok(taken)
}
