//! Team administration over HTTP (`/v1/admin/...`), for the desktop app's administrators: the
//! desks with their last contact and version, revoking one, enrolment codes, the team's users
//! and lifting a user's lock. Each request needs a desk's token and the session of an active
//! administrator who signed in through that very desk, at most `SESSION_HOURS` ago.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use chrono::Utc;
use lotline_domain::people::Role;
use lotline_sync::{SESSION_HEADER, TeamDesk, TeamUser};
use sqlx::Row;

use crate::api::{AppState, AuthenticatedDesk};
use crate::database::{Store, now_text, sha256_hex, time_text};
use crate::error::{ApiError, ServerError};

/// How long a session may administer the team: a desk left signed in overnight must sign in
/// again before it revokes desks.
pub const SESSION_HOURS: i64 = 12;

/// An administrator of the team, signed in through the desk that sent the request.
pub(crate) struct TeamAdministrator {
    pub desk_id: String,
    pub user_id: String,
}

impl FromRequestParts<AppState> for TeamAdministrator {
    type Rejection = ServerError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let AuthenticatedDesk(desk_id) = AuthenticatedDesk::from_request_parts(parts, state).await?;
        let session = parts.headers.get(SESSION_HEADER).and_then(|v| v.to_str().ok()).map(str::trim);
        let Some(session) = session.filter(|s| !s.is_empty()) else {
            let message = format!("Send an administrator's session (POST /v1/sessions) in {SESSION_HEADER}.");
            return Err(ApiError::unauthorized("sync.session_missing", message).into());
        };
        let user_id = administrator(&state.store, &desk_id, session).await?;
        Ok(TeamAdministrator { desk_id, user_id })
    }
}

async fn administrator(store: &Store, desk_id: &str, session: &str) -> Result<String, ServerError> {
    let row = sqlx::query(
        "SELECT s.user_id, s.desk_id, s.issued_at, u.roles, u.active FROM user_sessions s \
         JOIN team_users u ON u.user_id = s.user_id WHERE s.token_hash = $1",
    )
    .bind(sha256_hex(session.as_bytes()))
    .fetch_optional(&store.pool)
    .await?;
    let unknown = || ApiError::unauthorized("sync.session_unknown", "This session is not known; sign in again.");
    let Some(row) = row else { return Err(unknown().into()) };
    // A session is the desk's it was issued through: one copied to another desk is no one's.
    if row.try_get::<String, _>("desk_id")? != desk_id {
        return Err(unknown().into());
    }
    let issued_at: String = row.try_get("issued_at")?;
    let fresh = lotline_domain::time::from_stored(&issued_at)
        .is_some_and(|at| Utc::now() - at <= chrono::Duration::hours(SESSION_HOURS));
    if !fresh {
        let message = format!("Sessions administer the team for {SESSION_HOURS} hours; sign in again.");
        return Err(ApiError::unauthorized("sync.session_expired", message).into());
    }
    let roles: Vec<Role> = serde_json::from_str(&row.try_get::<String, _>("roles")?).unwrap_or_default();
    if row.try_get::<i64, _>("active")? == 0 || !roles.contains(&Role::Admin) {
        let message = "Only an active administrator of the team may do this.";
        return Err(ApiError::forbidden("sync.not_an_administrator", message).into());
    }
    Ok(row.try_get("user_id")?)
}

/// The team's desks, by desk code.
pub(crate) async fn desks(store: &Store) -> Result<Vec<TeamDesk>, ServerError> {
    let rows = sqlx::query(
        "SELECT desk_code, desk_id, site_code, enrolled_at, last_contact_at, lotline_version, revoked_at \
         FROM desks ORDER BY desk_code",
    )
    .fetch_all(&store.pool)
    .await?;
    let desks = rows
        .iter()
        .map(|row| {
            Ok(TeamDesk {
                desk_code: row.try_get("desk_code")?,
                desk_id: row.try_get("desk_id")?,
                site_code: row.try_get("site_code")?,
                enrolled_at: row.try_get("enrolled_at")?,
                last_contact_at: row.try_get("last_contact_at")?,
                lotline_version: row.try_get("lotline_version")?,
                revoked_at: row.try_get("revoked_at")?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    Ok(desks)
}

/// Revokes a desk by code or id: its token stops working at its next request. Answers the desk
/// as it is now, or None when there is no such desk. A revoked desk stays revoked.
pub(crate) async fn revoke(store: &Store, desk: &str) -> Result<Option<TeamDesk>, ServerError> {
    let mut write = store.begin_write().await?;
    sqlx::query("UPDATE desks SET revoked_at = $1 WHERE (desk_code = $2 OR desk_id = $2) AND revoked_at IS NULL")
        .bind(now_text())
        .bind(desk.to_owned())
        .execute(&mut *write.tx)
        .await?;
    write.commit().await?;
    Ok(desks(store).await?.into_iter().find(|d| d.desk_code == desk || d.desk_id == desk))
}

/// The same, asked by an administrator through a desk: revoking the desk they sit at would cut
/// them off in the middle of it; that desk leaves the team instead.
pub(crate) async fn revoke_by(store: &Store, admin: &TeamAdministrator, desk: &str) -> Result<TeamDesk, ServerError> {
    let known = desks(store).await?.into_iter().find(|d| d.desk_code == desk || d.desk_id == desk);
    let Some(known) = known else {
        return Err(ApiError::not_found("sync.no_such_desk", format!("The team has no desk {desk}.")).into());
    };
    if known.desk_id == admin.desk_id {
        let message = "This is the desk you are signed in on: leave the team from it instead of revoking it.";
        return Err(ApiError::conflict("sync.revoke_own_desk", message).into());
    }
    revoke(store, desk).await?.ok_or_else(|| ApiError::not_found("sync.no_such_desk", desk.to_owned()).into())
}

/// The team's users, by username, with their locks and their last sign-in.
pub(crate) async fn users(store: &Store) -> Result<Vec<TeamUser>, ServerError> {
    let rows = sqlx::query(
        "SELECT user_id, username_key, roles, active, CAST(CASE WHEN password_hash IS NULL THEN 0 ELSE 1 END AS BIGINT) AS has_password \
         FROM team_users ORDER BY username_key",
    )
    .fetch_all(&store.pool)
    .await?;
    let signed_in = sqlx::query(
        "SELECT desk_users.user_id, desks.desk_code FROM desk_users JOIN desks ON desks.desk_id = desk_users.desk_id \
         ORDER BY desks.desk_code",
    )
    .fetch_all(&store.pool)
    .await?;
    let mut users = Vec::with_capacity(rows.len());
    for row in &rows {
        let user_id: String = row.try_get("user_id")?;
        let username: String = row.try_get("username_key")?;
        let roles: Vec<String> = serde_json::from_str(&row.try_get::<String, _>("roles")?).unwrap_or_default();
        let mut desks = Vec::new();
        for desk in &signed_in {
            if desk.try_get::<String, _>("user_id")? == user_id {
                desks.push(desk.try_get("desk_code")?);
            }
        }
        let last_sign_in_at: Option<String> = sqlx::query_scalar(
            "SELECT MAX(at) FROM sign_in_attempts WHERE username_key = $1 AND ok = 1 AND unlocked_by IS NULL",
        )
        .bind(username.clone())
        .fetch_one(&store.pool)
        .await?;
        users.push(TeamUser {
            locked_until: crate::sign_ins::locked(store, &username).await?.map(time_text),
            last_sign_in_at,
            roles,
            active: row.try_get::<i64, _>("active")? != 0,
            has_password: row.try_get::<i64, _>("has_password")? != 0,
            desks,
            username,
            user_id,
        });
    }
    Ok(users)
}

/// Lifts the lock wrong passwords put on a user, on every desk that asks the server, and ends
/// their sessions: whoever held one signs in again. Answers the user as they are now.
/// `desk_id` and `by` say where and who, for the record.
pub(crate) async fn unlock(store: &Store, desk_id: &str, by: &str, user_id: &str) -> Result<TeamUser, ServerError> {
    let key: Option<String> = sqlx::query_scalar("SELECT username_key FROM team_users WHERE user_id = $1")
        .bind(user_id.to_owned())
        .fetch_optional(&store.pool)
        .await?;
    let Some(key) = key else {
        return Err(ApiError::not_found("sync.no_such_user", format!("The team has no user {user_id}.")).into());
    };
    let mut write = store.begin_write().await?;
    sqlx::query(
        "INSERT INTO sign_in_attempts (username_key, at, ok, desk_id, reported, unlocked_by) VALUES ($1, $2, 1, $3, 0, $4)",
    )
    .bind(key)
    .bind(now_text())
    .bind(desk_id.to_owned())
    .bind(by.to_owned())
    .execute(&mut *write.tx)
    .await?;
    sqlx::query("DELETE FROM user_sessions WHERE user_id = $1")
        .bind(user_id.to_owned())
        .execute(&mut *write.tx)
        .await?;
    write.commit().await?;
    let user = users(store).await?.into_iter().find(|u| u.user_id == user_id);
    user.ok_or_else(|| ApiError::not_found("sync.no_such_user", user_id.to_owned()).into())
}
