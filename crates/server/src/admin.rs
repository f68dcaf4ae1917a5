//! What an administrator asks of a server's folder from the command line, with the server
//! running or not: its desks, its team's users, the token Prometheus scrapes with.

use std::path::Path;

use lotline_sync::{TeamDesk, TeamUser};

use crate::config::prepare_data_dir;
use crate::database::{Store, now_text, sha256_hex};
use crate::enrolment::random_hex;
use crate::error::{ApiError, ServerError};
use crate::team_admin;

/// Opens the store of a folder that already is a server's: a mistyped folder is an error, not a
/// new empty server.
pub(crate) async fn open_existing(dir: &Path) -> Result<Store, ServerError> {
    require_server_folder(dir)?;
    Store::open(&prepare_data_dir(dir, None)?).await
}

pub(crate) fn require_server_folder(dir: &Path) -> Result<(), ServerError> {
    if dir.join("server.db").exists() || dir.join("server.json").exists() {
        return Ok(());
    }
    Err(ServerError::Config(format!(
        "{} holds no sync server's data (server.db or server.json); start `lotline server --data` on it first",
        dir.display()
    )))
}

/// The server's desks, by desk code.
pub async fn list_desks(dir: &Path) -> Result<Vec<TeamDesk>, ServerError> {
    let store = open_existing(dir).await?;
    let desks = team_admin::desks(&store).await;
    store.pool.close().await;
    desks
}

/// The team's users, by username.
pub async fn list_users(dir: &Path) -> Result<Vec<TeamUser>, ServerError> {
    let store = open_existing(dir).await?;
    let users = team_admin::users(&store).await;
    store.pool.close().await;
    users
}

/// Lifts the lock wrong passwords put on `username` and ends their sessions, from the server's
/// command line. Answers None when the team has no such user.
pub async fn unlock_user(dir: &Path, username: &str) -> Result<Option<TeamUser>, ServerError> {
    let store = open_existing(dir).await?;
    let key = lotline_domain::merge::username_key(username);
    let found = team_admin::users(&store).await.map(|users| users.into_iter().find(|u| u.username == key));
    let unlocked = match found {
        // The person at the server is no user of the team: the row names the command line.
        Ok(Some(user)) => team_admin::unlock(&store, "server", "lotline server unlock", &user.user_id).await.map(Some),
        other => other,
    };
    store.pool.close().await;
    unlocked
}

/// Issues the token `/v1/metrics` answers to, replacing any earlier one; shown once.
pub async fn issue_metrics_token(dir: &Path) -> Result<String, ServerError> {
    let store = open_existing(dir).await?;
    let token = random_hex(32);
    let mut write = store.begin_write().await?;
    sqlx::query("DELETE FROM metrics_tokens").execute(&mut *write.tx).await?;
    sqlx::query("INSERT INTO metrics_tokens (token_hash, issued_at) VALUES ($1, $2)")
        .bind(sha256_hex(token.as_bytes()))
        .bind(now_text())
        .execute(&mut *write.tx)
        .await?;
    write.commit().await?;
    store.pool.close().await;
    Ok(token)
}

/// Whether `token` is the metrics token. Desk tokens are not: the metrics show the whole
/// team's traffic, which is the administrator's to see.
pub(crate) async fn check_metrics_token(store: &Store, token: Option<&str>) -> Result<(), ServerError> {
    let Some(token) = token else {
        let message = "Send the metrics token as a Bearer token (lotline server metrics-token issues one).";
        return Err(ApiError::unauthorized("sync.metrics_token_missing", message).into());
    };
    let known: Option<String> = sqlx::query_scalar("SELECT issued_at FROM metrics_tokens WHERE token_hash = $1")
        .bind(sha256_hex(token.as_bytes()))
        .fetch_optional(&store.pool)
        .await?;
    if known.is_none() {
        return Err(
            ApiError::unauthorized("sync.metrics_token_unknown", "This is not the server's metrics token.").into()
        );
    }
    Ok(())
}
