//! What an administrator asks of a server's folder from the command line, with the server
//! running or not: its desks, its team's users, the token Prometheus scrapes with.

use std::path::Path;

use serde::Serialize;
use sqlx::Row;

use crate::config::prepare_data_dir;
use crate::database::{Store, now_text, sha256_hex};
use crate::enrolment::random_hex;
use crate::error::{ApiError, ServerError};

/// A desk as `lotline server desks` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeskListing {
    pub desk_code: String,
    pub desk_id: String,
    pub site_code: String,
    /// RFC 3339 UTC, as every time here.
    pub enrolled_at: String,
    /// The last request the desk made with its token (written at most once a minute); None
    /// before its first request after enrolment.
    pub last_contact_at: Option<String>,
    /// The Lotline version the desk said it runs.
    pub lotline_version: Option<String>,
    pub revoked_at: Option<String>,
}

/// A user of the team as `lotline server users` lists them. The server knows them from the
/// log's `user_created` and `user_updated` events, by username without case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TeamUserListing {
    pub user_id: String,
    pub username: String,
    pub roles: Vec<String>,
    pub active: bool,
    /// Whether a desk sent the server a password for them: only then can they sign in on
    /// another desk.
    pub has_password: bool,
    /// The desk codes they signed in on (or that they belong to from before it joined).
    pub desks: Vec<String>,
}

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
pub async fn list_desks(dir: &Path) -> Result<Vec<DeskListing>, ServerError> {
    let store = open_existing(dir).await?;
    let rows = sqlx::query(
        "SELECT desk_code, desk_id, site_code, enrolled_at, last_contact_at, lotline_version, revoked_at \
         FROM desks ORDER BY desk_code",
    )
    .fetch_all(&store.pool)
    .await?;
    let desks = rows
        .iter()
        .map(|row| {
            Ok(DeskListing {
                desk_code: row.try_get("desk_code")?,
                desk_id: row.try_get("desk_id")?,
                site_code: row.try_get("site_code")?,
                enrolled_at: row.try_get("enrolled_at")?,
                last_contact_at: row.try_get("last_contact_at")?,
                lotline_version: row.try_get("lotline_version")?,
                revoked_at: row.try_get("revoked_at")?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>();
    store.pool.close().await;
    Ok(desks?)
}

/// The team's users, by username.
pub async fn list_users(dir: &Path) -> Result<Vec<TeamUserListing>, ServerError> {
    let store = open_existing(dir).await?;
    let users = read_users(&store).await;
    store.pool.close().await;
    users
}

async fn read_users(store: &Store) -> Result<Vec<TeamUserListing>, ServerError> {
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
        let roles: Vec<String> = serde_json::from_str(&row.try_get::<String, _>("roles")?).unwrap_or_default();
        let mut desks = Vec::new();
        for desk in &signed_in {
            if desk.try_get::<String, _>("user_id")? == user_id {
                desks.push(desk.try_get("desk_code")?);
            }
        }
        users.push(TeamUserListing {
            username: row.try_get("username_key")?,
            roles,
            active: row.try_get::<i64, _>("active")? != 0,
            has_password: row.try_get::<i64, _>("has_password")? != 0,
            desks,
            user_id,
        });
    }
    Ok(users)
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
