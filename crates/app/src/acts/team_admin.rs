//! Settings → Team sync for the team's administrators: the desks with their last contact and
//! version, revoking one, enrolment codes for new desks, the team's users with their locks.
//! The server holds these facts and decides who may see and change them; an administrator
//! signed in here while the server could not be reached renews their session with their
//! password first (`error.team.session_needed`).

use lotline_domain::people::{Permission, Role};
use lotline_domain::{ApiError, FieldError};
use lotline_store::queries::failures as fq;
use lotline_sync::{TeamDesk, TeamUser};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Empty;
use crate::context::Ctx;
use crate::sync::admin as team_admin;

/// The team as its server knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TeamAdministration {
    pub desks: Vec<TeamDeskView>,
    pub users: Vec<TeamUserView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TeamDeskView {
    pub desk_code: String,
    pub site_code: String,
    /// RFC 3339 UTC, as the other times.
    pub enrolled_at: String,
    /// None before the desk's first request after it enrolled.
    pub last_contact_at: Option<String>,
    /// The Lotline version the desk runs, as it said at its last contact.
    pub lotline_version: Option<String>,
    pub revoked_at: Option<String>,
    /// The desk this person sits at.
    pub this_desk: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TeamUserView {
    pub user_id: String,
    pub username: String,
    /// As this desk knows them; None for a user whose creation has not reached this desk yet.
    pub display_name: Option<String>,
    pub roles: Vec<Role>,
    pub active: bool,
    /// Only a user the server holds a password for signs in on another desk.
    pub has_password: bool,
    pub desks: Vec<String>,
    pub locked_until: Option<String>,
    pub last_sign_in_at: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RenewTeamSessionInput {
    /// The password of the administrator signed in here.
    pub password: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RevokeTeamDeskInput {
    pub desk_code: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UnlockTeamUserInput {
    pub user_id: String,
}

/// A one-time code for a new desk, shown once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TeamEnrollCode {
    pub code: String,
    /// RFC 3339 UTC.
    pub expires_at: String,
}

pub async fn team_administration(ctx: &Ctx, _: Empty) -> Result<TeamAdministration, ApiError> {
    ctx.allowed(Permission::ManageUsers)?;
    overview(ctx).await
}

/// Signs the administrator in to the team's server again, then shows the team.
pub async fn renew_team_session(ctx: &Ctx, input: RenewTeamSessionInput) -> Result<TeamAdministration, ApiError> {
    let actor = ctx.allowed(Permission::ManageUsers)?;
    if input.password.is_empty() {
        return Err(ApiError::field(FieldError::new("password", "error.field.required")));
    }
    team_admin::renew_session(ctx, &actor.user_id, &input.password).await?;
    overview(ctx).await
}

pub async fn revoke_team_desk(ctx: &Ctx, input: RevokeTeamDeskInput) -> Result<TeamAdministration, ApiError> {
    ctx.allowed(Permission::ManageUsers)?;
    let desk = input.desk_code.trim();
    if desk.is_empty() {
        return Err(ApiError::field(FieldError::new("desk_code", "error.field.required")));
    }
    team_admin::revoke(ctx, desk).await?;
    overview(ctx).await
}

pub async fn issue_team_enroll_code(ctx: &Ctx, _: Empty) -> Result<TeamEnrollCode, ApiError> {
    ctx.allowed(Permission::ManageUsers)?;
    let code = team_admin::enroll_code(ctx).await?;
    Ok(TeamEnrollCode { code: code.code, expires_at: code.expires_at })
}

/// Lifts the lock of wrong passwords on a user of the team, on every desk.
pub async fn unlock_team_user(ctx: &Ctx, input: UnlockTeamUserInput) -> Result<TeamAdministration, ApiError> {
    ctx.allowed(Permission::ManageUsers)?;
    team_admin::unlock(ctx, &input.user_id).await?;
    overview(ctx).await
}

async fn overview(ctx: &Ctx) -> Result<TeamAdministration, ApiError> {
    let desks = team_admin::desks(ctx).await?;
    let users = team_admin::users(ctx).await?;
    let (this_desk, names) = {
        let mut conn = ctx.read().await?;
        (lotline_store::desk_code(&mut conn).await?, fq::user_names(&mut conn).await?)
    };
    Ok(TeamAdministration {
        desks: desks.into_iter().map(|d| desk_view(d, this_desk.as_deref())).collect(),
        users: users
            .into_iter()
            .map(|u| {
                let display_name = names.get(&u.user_id).cloned();
                user_view(u, display_name)
            })
            .collect(),
    })
}

fn desk_view(desk: TeamDesk, this_desk: Option<&str>) -> TeamDeskView {
    TeamDeskView {
        this_desk: this_desk == Some(desk.desk_code.as_str()),
        desk_code: desk.desk_code,
        site_code: desk.site_code,
        enrolled_at: desk.enrolled_at,
        last_contact_at: desk.last_contact_at,
        lotline_version: desk.lotline_version,
        revoked_at: desk.revoked_at,
    }
}

fn user_view(user: TeamUser, display_name: Option<String>) -> TeamUserView {
    TeamUserView {
        // A role a newer Lotline added is left out rather than shown under a wrong name.
        roles: user.roles.iter().filter_map(|r| Role::ALL.into_iter().find(|role| role.as_str() == r)).collect(),
        user_id: user.user_id,
        username: user.username,
        display_name,
        active: user.active,
        has_password: user.has_password,
        desks: user.desks,
        locked_until: user.locked_until,
        last_sign_in_at: user.last_sign_in_at,
    }
}
