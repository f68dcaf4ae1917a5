//! A person as the verified part of the log knows them. When the check at start finds the log
//! changed, the users table may be what was changed (an administrator's role given to someone,
//! a password hash swapped), so who may continue is read from the events before the break.

use lotline_domain::Event;
use lotline_domain::merge::username_key;
use lotline_domain::people::Role;
use sqlx::SqliteConnection;

use crate::StoreError;
use crate::log::{EVENT_COLUMNS, PROJECTED, decode};

/// Where the verified log ends: events of `desk_id` from `from_seq` on are not trusted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustedUntil {
    pub desk_id: String,
    pub from_seq: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedAccount {
    pub user_id: String,
    pub roles: Vec<Role>,
    pub active: bool,
    pub password_hash: Option<String>,
}

/// The account `username` has in the log's events before `until`, in the order the log is
/// projected in (the server's order, then this desk's pending events).
pub async fn verified_account(
    conn: &mut SqliteConnection,
    username: &str,
    until: Option<&TrustedUntil>,
) -> Result<Option<VerifiedAccount>, StoreError> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {EVENT_COLUMNS} FROM events WHERE stream_type = 'user' AND {PROJECTED} \
         AND NOT (desk_id = ? AND desk_seq >= ?) \
         ORDER BY server_seq IS NULL, server_seq, seq"
    )))
    .bind(until.map_or("", |u| u.desk_id.as_str()))
    .bind(until.map_or(i64::MAX, |u| u.from_seq))
    .fetch_all(&mut *conn)
    .await?;
    let wanted = username_key(username);
    let mut account: Option<VerifiedAccount> = None;
    for row in &rows {
        let Some(stored) = decode(row)? else { continue };
        match stored.event {
            Event::UserCreated { user_id, username, roles, password_hash, .. } if username_key(&username) == wanted => {
                account = Some(VerifiedAccount { user_id, roles, active: true, password_hash });
            }
            Event::UserUpdated { user_id, roles, active, .. } => {
                if let Some(a) = account.as_mut().filter(|a| a.user_id == user_id) {
                    a.roles = roles;
                    a.active = active;
                }
            }
            Event::UserPasswordSet { user_id, password_hash } | Event::UserPasswordReset { user_id, password_hash } => {
                if let Some(a) = account.as_mut().filter(|a| a.user_id == user_id) {
                    a.password_hash = Some(password_hash);
                }
            }
            _ => {}
        }
    }
    Ok(account)
}
