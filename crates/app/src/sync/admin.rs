//! Team administration through the team's server: the desk's token and the session the server
//! gave the administrator signed in here. The server decides who is an administrator of the
//! team; this desk only carries the question and puts the answer in the person's language.

use lotline_domain::{ApiError, ErrorCode};
use lotline_store::queries::people;
use lotline_sync::{ClientError, EnrollCodeResponse, SessionRequest, SyncClient, TeamDesk, TeamUser};

use crate::context::Ctx;

/// The server's client with this desk's token.
async fn client(ctx: &Ctx) -> Result<SyncClient, ApiError> {
    let mut conn = ctx.read().await?;
    let enrolment = lotline_store::enrolment(&mut conn).await?;
    let Some(enrolment) = enrolment else { return Err(ApiError::conflict("error.sync.not_enrolled")) };
    Ok(super::team::transport_of(&enrolment).client)
}

/// The session to administer with; none means the person signs in to the server again first.
fn session(ctx: &Ctx) -> Result<String, ApiError> {
    ctx.team_session().ok_or_else(|| ApiError::new(ErrorCode::Unauthenticated, "error.team.session_needed"))
}

/// The server's answer in words the UI translates. A session the server no longer takes is
/// forgotten, so the person is asked for their password again.
fn admin_error(ctx: &Ctx, err: ClientError) -> ApiError {
    let ClientError::Server { body, .. } = &err else {
        return super::transport_error(super::http::transport_error(err));
    };
    match body.message_key.as_str() {
        "sync.session_missing" | "sync.session_unknown" | "sync.session_expired" => {
            ctx.set_team_session(None);
            ApiError::new(ErrorCode::Unauthenticated, "error.team.session_needed")
        }
        "sync.not_an_administrator" => ApiError::forbidden("error.team.not_an_administrator"),
        "sync.revoke_own_desk" => ApiError::conflict("error.team.revoke_own_desk"),
        "sync.no_such_desk" => ApiError::new(ErrorCode::NotFound, "error.team.no_such_desk"),
        "sync.no_such_user" => ApiError::new(ErrorCode::NotFound, "error.team.no_such_user"),
        "sync.bad_credentials" => {
            ApiError::field(lotline_domain::FieldError::new("password", "error.auth.bad_credentials"))
        }
        "sync.sign_in_locked" => ApiError::forbidden("error.session.locked")
            .with("until", body.params.get("until").cloned().unwrap_or_default()),
        _ => super::transport_error(super::http::transport_error(err)),
    }
}

/// Signs the person signed in here in to the team's server again with their password, for a
/// new session to administer with.
pub(crate) async fn renew_session(ctx: &Ctx, user_id: &str, password: &str) -> Result<(), ApiError> {
    let client = client(ctx).await?;
    let username = {
        let mut conn = ctx.read().await?;
        people::user_by_id(&mut conn, user_id).await?.map(|u| u.username)
    };
    let Some(username) = username else { return Err(ApiError::unauthenticated()) };
    let request = SessionRequest { username, password: password.to_owned() };
    let answer = client.session(&request).await.map_err(|e| admin_error(ctx, e))?;
    if answer.user_id != user_id {
        return Err(ApiError::unauthenticated());
    }
    ctx.set_team_session(Some(answer.session));
    Ok(())
}

pub(crate) async fn desks(ctx: &Ctx) -> Result<Vec<TeamDesk>, ApiError> {
    let (client, session) = (client(ctx).await?, session(ctx)?);
    client.admin_desks(&session).await.map_err(|e| admin_error(ctx, e))
}

pub(crate) async fn users(ctx: &Ctx) -> Result<Vec<TeamUser>, ApiError> {
    let (client, session) = (client(ctx).await?, session(ctx)?);
    client.admin_users(&session).await.map_err(|e| admin_error(ctx, e))
}

pub(crate) async fn revoke(ctx: &Ctx, desk: &str) -> Result<TeamDesk, ApiError> {
    let (client, session) = (client(ctx).await?, session(ctx)?);
    client.admin_revoke_desk(&session, desk).await.map_err(|e| admin_error(ctx, e))
}

pub(crate) async fn enroll_code(ctx: &Ctx) -> Result<EnrollCodeResponse, ApiError> {
    let (client, session) = (client(ctx).await?, session(ctx)?);
    client.admin_enroll_code(&session).await.map_err(|e| admin_error(ctx, e))
}

pub(crate) async fn unlock(ctx: &Ctx, user_id: &str) -> Result<TeamUser, ApiError> {
    let (client, session) = (client(ctx).await?, session(ctx)?);
    client.admin_unlock_user(&session, user_id).await.map_err(|e| admin_error(ctx, e))
}
