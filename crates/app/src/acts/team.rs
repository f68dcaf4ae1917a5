//! This desk in its team, as the Settings → Team sync page and the shell's sync indicator see
//! it: joining with a one-time code, syncing, leaving, and the acts the team's server refused.

use std::collections::BTreeMap;

use lotline_domain::error::Violations;
use lotline_domain::people::Permission;
use lotline_domain::{ApiError, FieldError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Empty;
use crate::context::Ctx;
use crate::sync::{self, SyncReport};

/// Where this desk stands with its team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TeamStatus {
    pub enrolled: bool,
    pub server: Option<String>,
    /// The desk code the team gave this desk; kept after leaving, as its numbers carry it.
    pub desk_code: Option<String>,
    /// Changes made here that the team's server has not taken yet (0 when not enrolled).
    pub pending: i64,
    /// RFC 3339 UTC.
    pub last_success: Option<String>,
    /// The first failed sync since the last one that worked.
    pub failing_since: Option<String>,
    /// Why the latest sync failed; none once a sync works again.
    pub last_error: Option<SyncError>,
    pub open_conflicts: i64,
    /// Refused acts no one here has dismissed yet.
    pub refused_acts: i64,
}

/// A sync's failure in words the UI translates (`error.sync.unreachable`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SyncError {
    pub message_key: String,
    pub params: BTreeMap<String, String>,
    /// RFC 3339 UTC.
    pub at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EnrollDeskInput {
    /// The team's server, e.g. `https://sync.example.com`.
    pub server: String,
    /// The one-time code from the team's administrator.
    pub code: String,
    /// The site this desk works at; needed only on a desk not set up yet.
    #[serde(default)]
    pub site: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Enrolled {
    pub server: String,
    pub desk_code: String,
    /// The first sync, or none when it did not finish: the enrolment stands, and the next
    /// sync tries again.
    pub first_sync: Option<SyncReport>,
    /// Why the first sync did not finish.
    pub sync_error: Option<ApiError>,
}

/// An act of this desk the team's server refused, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RefusedActView {
    pub act_id: String,
    /// The kind of the act's first event (`rma_cancelled`): what was done.
    pub kind: String,
    /// The record's human number, when it has one.
    pub number: Option<String>,
    pub actor_name: Option<String>,
    /// The reason as an i18n key with its parameters.
    pub reason_key: String,
    pub params: BTreeMap<String, String>,
    /// RFC 3339 UTC: when the act was made here, and when the refusal arrived.
    pub occurred_at: String,
    pub refused_at: String,
    /// When a person at this desk set it aside (RFC 3339 UTC).
    pub dismissed_at: Option<String>,
}

pub async fn team_status(ctx: &Ctx, _: Empty) -> Result<TeamStatus, ApiError> {
    ctx.actor()?;
    status_of(ctx).await
}

async fn status_of(ctx: &Ctx) -> Result<TeamStatus, ApiError> {
    let mut conn = ctx.read().await?;
    let enrolment = lotline_store::enrolment(&mut conn).await?;
    let pending = match enrolment {
        Some(_) => lotline_store::count_pending(&mut conn, &ctx.device_id).await?,
        None => 0,
    };
    let outcome = lotline_store::sync_outcome(&mut conn).await?;
    Ok(TeamStatus {
        enrolled: enrolment.is_some(),
        server: enrolment.map(|e| e.server),
        desk_code: lotline_store::desk_code(&mut conn).await?,
        pending,
        last_success: outcome.last_success,
        failing_since: outcome.failing_since,
        last_error: outcome.last_error.map(|e| SyncError { message_key: e.message_key, params: e.params, at: e.at }),
        open_conflicts: lotline_store::open_conflict_counts(&mut conn).await?.iter().map(|(_, n)| n).sum(),
        refused_acts: lotline_store::count_undismissed(&mut conn).await?,
    })
}

/// Joins the team at `server` with a one-time code, then syncs a first time. On a desk that is
/// set up only an administrator may; a desk not set up yet receives the team's data.
pub async fn enroll_desk(ctx: &Ctx, input: EnrollDeskInput) -> Result<Enrolled, ApiError> {
    // A desk that is set up joins a team by its administrator. A new desk has no users yet: it
    // joins on the team's one-time code alone, and the team's users come with its first pull.
    let set_up = lotline_store::queries::people::settings(&mut *ctx.read().await?).await?.is_some();
    if set_up {
        ctx.allowed(Permission::ManageUsers)?;
    }
    let server = input.server.trim();
    let mut v = Violations::default();
    v.required("server", server);
    v.required("code", &input.code);
    let http = server.starts_with("http://") || server.starts_with("https://");
    if !server.is_empty() && !http {
        v.push(FieldError::new("server", "error.sync.server_address").with("value", server));
    }
    v.into_result()?;
    let enrolment = sync::enroll(ctx, server, &input.code, input.site.as_deref()).await?;
    let (first_sync, sync_error) = match sync::sync_with_team(ctx).await {
        Ok(report) => (Some(report), None),
        Err(err) => (None, Some(err)),
    };
    Ok(Enrolled { server: enrolment.server, desk_code: enrolment.desk_code, first_sync, sync_error })
}

/// Syncs with the team now: pushes what waits here, pulls what the team has.
pub async fn sync_team(ctx: &Ctx, _: Empty) -> Result<SyncReport, ApiError> {
    ctx.actor()?;
    sync::sync_with_team(ctx).await
}

/// Leaves the team: this desk stops syncing and forgets its token. It keeps its desk code, so
/// the numbers it issues never collide with ones the team's desks issued.
pub async fn leave_team(ctx: &Ctx, _: Empty) -> Result<TeamStatus, ApiError> {
    // Joining and leaving a team is an administrator's work, as managing its users is.
    ctx.allowed(Permission::ManageUsers)?;
    {
        let mut conn = ctx.read().await?;
        if lotline_store::enrolment(&mut conn).await?.is_none() {
            return Err(ApiError::conflict("error.sync.not_enrolled"));
        }
    }
    {
        // Not while a sync runs: it would write the outcome of a team this desk has left.
        let _running = ctx.sync_lock.lock().await;
        lotline_store::leave_team(&ctx.store).await?;
    }
    status_of(ctx).await
}

/// The acts of this desk the team's server refused, the latest first.
pub async fn list_refused_acts(ctx: &Ctx, _: Empty) -> Result<Vec<RefusedActView>, ApiError> {
    ctx.actor()?;
    let mut conn = ctx.read().await?;
    let rows = lotline_store::refused_acts(&mut conn).await?;
    Ok(rows
        .into_iter()
        .map(|row| RefusedActView {
            act_id: row.refusal.act_id,
            kind: row.refusal.kind,
            number: row.refusal.number,
            actor_name: row.actor_name,
            reason_key: row.refusal.reason_key,
            params: row.refusal.params,
            occurred_at: row.refusal.occurred_at,
            refused_at: row.refusal.refused_at,
            dismissed_at: row.dismissed_at,
        })
        .collect())
}
