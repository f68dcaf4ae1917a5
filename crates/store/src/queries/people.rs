use lotline_domain::people::{Language, Role};
use serde::{Deserialize, Serialize};
use sqlx::{Row, SqliteConnection};
use ts_rs::TS;

use crate::StoreError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UserView {
    pub id: String,
    pub username: String,
    pub display_name: String,
    pub roles: Vec<Role>,
    pub language: Language,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SettingsView {
    pub company_name: String,
    pub site_code: String,
    pub currency: String,
    pub default_language: Language,
    /// Minutes a session may sit idle before it asks for the password again.
    pub idle_lock_minutes: u32,
}

/// A user row with the password hash, for signing in; never sent to a screen.
pub struct UserSecret {
    pub user: UserView,
    pub password_hash: String,
}

fn user_from(row: &sqlx::sqlite::SqliteRow) -> UserView {
    let roles: String = row.get("roles");
    let language: String = row.get("language");
    UserView {
        id: row.get("user_id"),
        username: row.get("username"),
        display_name: row.get("display_name"),
        roles: serde_json::from_str(&roles).unwrap_or_default(),
        language: Language::parse(&language).unwrap_or_default(),
        active: row.get("active"),
    }
}

pub async fn settings(conn: &mut SqliteConnection) -> Result<Option<SettingsView>, StoreError> {
    let row = sqlx::query(
        "SELECT company_name, site_code, currency, default_language, idle_lock_minutes FROM settings WHERE id = 1",
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|r| SettingsView {
        company_name: r.get(0),
        site_code: r.get(1),
        currency: r.get(2),
        default_language: Language::parse(&r.get::<String, _>(3)).unwrap_or_default(),
        idle_lock_minutes: r.get(4),
    }))
}

/// Whether the newest credential of a user in the log is an administrator's reset (this desk's
/// or, as a stub, another desk's), so they must choose their own password. Newest in the log's
/// one order: this desk's pending events after the confirmed ones, by server order.
pub async fn password_was_reset(conn: &mut SqliteConnection, user_id: &str) -> Result<bool, StoreError> {
    let kind: Option<String> = sqlx::query_scalar(
        "SELECT kind FROM events WHERE stream_type = 'user' AND stream_id = ? \
         AND kind IN ('user_password_set', 'user_password_reset') AND status <> 'rejected' \
         ORDER BY server_seq IS NULL DESC, server_seq DESC, seq DESC LIMIT 1",
    )
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(kind.as_deref() == Some("user_password_reset"))
}

pub async fn list_users(conn: &mut SqliteConnection) -> Result<Vec<UserView>, StoreError> {
    let rows = sqlx::query("SELECT * FROM users ORDER BY username").fetch_all(&mut *conn).await?;
    Ok(rows.iter().map(user_from).collect())
}

pub async fn user_by_id(conn: &mut SqliteConnection, user_id: &str) -> Result<Option<UserView>, StoreError> {
    let row = sqlx::query("SELECT * FROM users WHERE user_id = ?").bind(user_id).fetch_optional(&mut *conn).await?;
    Ok(row.as_ref().map(user_from))
}

pub async fn user_secret(conn: &mut SqliteConnection, username: &str) -> Result<Option<UserSecret>, StoreError> {
    let row =
        sqlx::query("SELECT u.*, COALESCE(c.password_hash, '') AS password_hash FROM users u LEFT JOIN credentials c ON c.user_id = u.user_id WHERE u.username = ?")
            .bind(username.trim())
            .fetch_optional(&mut *conn)
            .await?;
    // A user from another desk of the team has no credential here until they sign in here.
    Ok(row.map(|r| UserSecret { user: user_from(&r), password_hash: r.get("password_hash") }))
}

/// The password hash this desk holds for a user, if any.
pub async fn credential_of(conn: &mut SqliteConnection, user_id: &str) -> Result<Option<String>, StoreError> {
    Ok(sqlx::query_scalar("SELECT password_hash FROM credentials WHERE user_id = ?")
        .bind(user_id)
        .fetch_optional(&mut *conn)
        .await?)
}

/// The latest sign-ins under a name, newest first: (succeeded, when).
pub async fn recent_sign_ins(
    conn: &mut SqliteConnection,
    username_key: &str,
    limit: i64,
) -> Result<Vec<(bool, String)>, StoreError> {
    Ok(sqlx::query_as("SELECT ok, at FROM sign_in_attempts WHERE username_key = ? ORDER BY id DESC LIMIT ?")
        .bind(username_key)
        .bind(limit)
        .fetch_all(&mut *conn)
        .await?)
}

/// `reported`: the team's server counted it (it decided it), or there is no team to tell.
pub async fn record_sign_in(
    conn: &mut SqliteConnection,
    username_key: &str,
    user_id: Option<&str>,
    at: &str,
    ok: bool,
    reported: bool,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO sign_in_attempts (username_key, user_id, at, ok, reported) VALUES (?, ?, ?, ?, ?)")
        .bind(username_key)
        .bind(user_id)
        .bind(at)
        .bind(ok)
        .bind(reported)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Sign-ins this desk decided alone while the team's server could not be reached, oldest first:
/// (id, name key, when, succeeded).
pub async fn unreported_sign_ins(conn: &mut SqliteConnection) -> Result<Vec<(i64, String, String, bool)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, username_key, at, ok FROM sign_in_attempts WHERE reported = 0 ORDER BY id LIMIT 1000",
    )
    .fetch_all(&mut *conn)
    .await?)
}

pub async fn mark_sign_ins_reported(conn: &mut SqliteConnection, ids: &[i64]) -> Result<(), StoreError> {
    let ids = serde_json::to_string(ids)
        .map_err(|err| StoreError::BadEvent { id: String::new(), reason: err.to_string() })?;
    sqlx::query("UPDATE sign_in_attempts SET reported = 1 WHERE id IN (SELECT value FROM json_each(?))")
        .bind(ids)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn count_admins(conn: &mut SqliteConnection) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE active = 1 AND roles LIKE '%\"admin\"%'")
        .fetch_one(&mut *conn)
        .await?)
}
