//! This desk and its team: enrolling with a one-time code, syncing with the server it enrolled
//! with, and what is waiting.

use lotline_domain::people::Permission;
use lotline_domain::{ApiError, ErrorCode, FieldError};
use lotline_store::Enrolment;
use lotline_store::queries::people;
use lotline_sync::{ClientError, EnrollRequest, SessionRequest, SyncClient};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::http::{HttpTransport, transport_error};
use super::{SyncReport, sync_now};
use crate::context::{Ctx, store_error};

/// Joins a team: on an empty data folder (which then receives the team's data on its first
/// sync), or on a desk with data, which needs a local administrator signed in. Its numbers
/// carry the desk code the server gives from then on.
pub async fn enroll(ctx: &Ctx, server: &str, code: &str, site: Option<&str>) -> Result<Enrolment, ApiError> {
    let (settings, head_seq) = {
        let mut conn = ctx.read().await?;
        if lotline_store::enrolment(&mut conn).await?.is_some() {
            return Err(ApiError::conflict("error.sync.already_enrolled"));
        }
        let head_seq = lotline_store::desk_seq_head(&mut conn, &ctx.device_id).await?;
        (people::settings(&mut conn).await?, head_seq)
    };
    if settings.is_some() {
        ctx.allowed(Permission::ManageUsers)?;
    }
    let site = site.map(str::to_owned).or(settings.map(|s| s.site_code)).filter(|s| !s.trim().is_empty());
    let Some(site_code) = site else {
        return Err(ApiError::field(FieldError::new("site", "error.sync.site_needed")));
    };
    let client = SyncClient::new(server);
    let request = EnrollRequest { code: code.trim().to_owned(), desk_id: ctx.device_id.clone(), site_code, head_seq };
    let answer = client.enroll(&request).await.map_err(|e| enrol_error(super::transport_error(transport_error(e))))?;
    let former = {
        let mut conn = ctx.read().await?;
        lotline_store::team_of_desk(&mut conn).await?
    };
    if let Some(former) = former
        && former != answer.team_id
    {
        // This desk's log holds its former team's sequence numbers and cursor: mixed with
        // another team's, neither log would be whole.
        return Err(ApiError::conflict("error.sync.other_team"));
    }
    let enrolment = Enrolment {
        server: server.trim_end_matches('/').to_owned(),
        team_id: answer.team_id,
        desk_code: answer.desk_code,
        token: answer.token,
    };
    lotline_store::record_enrolment(&ctx.store, &enrolment).await?;
    Ok(enrolment)
}

/// A refused code or site belongs next to the field the person typed it in.
fn enrol_error(err: ApiError) -> ApiError {
    let field = match err.message_key.as_str() {
        "error.sync.enroll_code_unknown" | "error.sync.enroll_code_used" | "error.sync.enroll_code_expired" => "code",
        "error.sync.desk_other_site" | "error.sync.site_code_invalid" => "site",
        _ => return err,
    };
    let mut error = FieldError::new(field, &err.message_key);
    error.params = err.params.clone();
    ApiError { code: ErrorCode::Invalid, fields: vec![error], ..err }
}

/// Push, then pull until nothing is left, with the server this desk enrolled with.
pub async fn sync_with_team(ctx: &Ctx) -> Result<SyncReport, ApiError> {
    let enrolment = {
        let mut conn = ctx.read().await?;
        lotline_store::enrolment(&mut conn).await?
    };
    let Some(enrolment) = enrolment else { return Err(ApiError::conflict("error.sync.not_enrolled")) };
    sync_now(ctx, &transport_of(&enrolment)).await
}

pub(crate) fn transport_of(enrolment: &Enrolment) -> HttpTransport {
    HttpTransport { client: SyncClient::new(&enrolment.server).with_token(&enrolment.token) }
}

/// What the team's server said to a person signing in on this desk.
pub(crate) enum TeamSignIn {
    /// The server knows them by this password: this user of the team, the session it gave, and
    /// whether they must choose a new password first (an administrator's reset on any desk).
    Verified { user_id: String, session: String, must_change_password: bool },
    /// The server said no (a wrong password, a deactivated user): no way around it offline.
    Refused(ApiError),
    /// No answer, or not one about the person (a revoked desk), or no team (`enrolled` false):
    /// the desk's own passwords decide.
    Unanswered { enrolled: bool },
}

/// Signs a person in through the team's server when this desk is enrolled. A person the team
/// does not know yet may have been created here since the last sync: the desk's waiting acts go
/// first, and the server is asked once more.
pub(crate) async fn sign_in_through_team(ctx: &Ctx, username: &str, password: &str) -> Result<TeamSignIn, ApiError> {
    let enrolment = {
        let mut conn = ctx.read().await?;
        lotline_store::enrolment(&mut conn).await?
    };
    let Some(enrolment) = enrolment else { return Ok(TeamSignIn::Unanswered { enrolled: false }) };
    let transport = transport_of(&enrolment);
    let request = SessionRequest { username: username.trim().to_owned(), password: password.to_owned() };
    let mut answer = transport.client.session(&request).await;
    if matches!(&answer, Err(ClientError::Server { body, .. }) if body.message_key == "sync.bad_credentials")
        && waiting_here(ctx, username).await?
    {
        // Best effort: a push that fails leaves the acts pending, and the answer stands. One sync
        // at a time on a desk: the background sync may be running.
        let _running = ctx.sync_lock.lock().await;
        if super::push(ctx, &transport, &mut SyncReport::default()).await.is_ok() {
            answer = transport.client.session(&request).await;
        }
    }
    let session = match answer {
        Ok(session) => session,
        Err(ClientError::Server { body, .. }) if body.message_key == "sync.bad_credentials" => {
            return Ok(TeamSignIn::Refused(ApiError::new(ErrorCode::Unauthenticated, "error.auth.bad_credentials")));
        }
        Err(ClientError::Server { body, .. }) if body.message_key == "sync.user_inactive" => {
            return Ok(TeamSignIn::Refused(ApiError::forbidden("error.auth.inactive")));
        }
        // Locked by wrong passwords on any desk of the team, this one offline included.
        Err(ClientError::Server { body, .. }) if body.message_key == "sync.sign_in_locked" => {
            let until = body.params.get("until").cloned().unwrap_or_default();
            return Ok(TeamSignIn::Refused(ApiError::forbidden("error.session.locked").with("until", until)));
        }
        Err(_) => return Ok(TeamSignIn::Unanswered { enrolled: true }),
    };
    if !known_here(ctx, &session.user_id).await? {
        // A user of the team this desk has not pulled yet.
        let _running = ctx.sync_lock.lock().await;
        let _ = super::pull(ctx, &transport, &mut SyncReport::default()).await;
        if !known_here(ctx, &session.user_id).await? {
            return Ok(TeamSignIn::Refused(ApiError::conflict("error.sync.user_not_here_yet")));
        }
    }
    Ok(TeamSignIn::Verified {
        user_id: session.user_id,
        session: session.session,
        must_change_password: session.must_change_password,
    })
}

/// Whether this desk knows the name and has acts the team has not taken yet.
async fn waiting_here(ctx: &Ctx, username: &str) -> Result<bool, ApiError> {
    let mut conn = ctx.read().await?;
    let known = people::user_secret(&mut conn, username).await?.is_some();
    Ok(known && lotline_store::count_pending(&mut conn, &ctx.device_id).await? > 0)
}

async fn known_here(ctx: &Ctx, user_id: &str) -> Result<bool, ApiError> {
    let mut conn = ctx.read().await?;
    people::user_by_id(&mut conn, user_id).await.map_err(store_error).map(|u| u.is_some())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SyncStatus {
    pub server: Option<String>,
    /// The desk code the team gave this desk.
    pub desk: Option<String>,
    /// This desk's events the server has not taken yet.
    pub pending: i64,
}

pub async fn sync_status(ctx: &Ctx) -> Result<SyncStatus, ApiError> {
    let mut conn = ctx.read().await?;
    let enrolment = lotline_store::enrolment(&mut conn).await?;
    let pending = match &enrolment {
        Some(_) => lotline_store::count_pending(&mut conn, &ctx.device_id).await?,
        None => 0,
    };
    Ok(SyncStatus {
        server: enrolment.as_ref().map(|e| e.server.clone()),
        desk: enrolment.map(|e| e.desk_code),
        pending,
    })
}
