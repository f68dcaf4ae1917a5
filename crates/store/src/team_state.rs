//! What this desk keeps about its place in a team beside the enrolment itself: how its syncs
//! have gone (which the shell shows), and leaving the team. Desk-local facts in `local_state`:
//! never in the log, never synced, kept by a rebuild.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;

use crate::{Store, StoreError};

const LAST_SUCCESS: &str = "sync_last_success";
const FAILING_SINCE: &str = "sync_failing_since";
const LAST_ERROR: &str = "sync_last_error";

/// Why the last sync did not finish, as an i18n key with its parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncFailure {
    pub message_key: String,
    pub params: BTreeMap<String, String>,
    pub at: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncOutcome {
    pub last_success: Option<String>,
    /// The first failed sync since the last one that worked: "offline since …".
    pub failing_since: Option<String>,
    /// Set while the latest sync failed; cleared by the next one that works.
    pub last_error: Option<SyncFailure>,
}

async fn value(conn: &mut SqliteConnection, key: &str) -> Result<Option<String>, StoreError> {
    Ok(sqlx::query_scalar("SELECT value FROM local_state WHERE key = ?").bind(key).fetch_optional(&mut *conn).await?)
}

async fn set(conn: &mut SqliteConnection, key: &str, value: &str) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO local_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(key)
    .bind(value)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

async fn forget(conn: &mut SqliteConnection, keys: &[&str]) -> Result<(), StoreError> {
    for key in keys {
        sqlx::query("DELETE FROM local_state WHERE key = ?").bind(key).execute(&mut *conn).await?;
    }
    Ok(())
}

pub async fn sync_outcome(conn: &mut SqliteConnection) -> Result<SyncOutcome, StoreError> {
    Ok(SyncOutcome {
        last_success: value(conn, LAST_SUCCESS).await?,
        failing_since: value(conn, FAILING_SINCE).await?,
        // A value this version cannot read is as good as none: the next sync writes it anew.
        last_error: value(conn, LAST_ERROR).await?.and_then(|text| serde_json::from_str(&text).ok()),
    })
}

pub async fn record_sync_success(store: &Store, at: &str) -> Result<(), StoreError> {
    let mut tx = store.begin_write().await?;
    set(&mut tx, LAST_SUCCESS, at).await?;
    forget(&mut tx, &[FAILING_SINCE, LAST_ERROR]).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn record_sync_failure(store: &Store, failure: &SyncFailure) -> Result<(), StoreError> {
    let mut tx = store.begin_write().await?;
    if value(&mut tx, FAILING_SINCE).await?.is_none() {
        set(&mut tx, FAILING_SINCE, &failure.at).await?;
    }
    let text = serde_json::to_string(failure).unwrap_or_default();
    set(&mut tx, LAST_ERROR, &text).await?;
    tx.commit().await?;
    Ok(())
}

/// The team this desk belongs or belonged to: kept after leaving, since a desk whose log holds
/// one team's sequence cannot join another's.
pub async fn team_of_desk(conn: &mut SqliteConnection) -> Result<Option<String>, StoreError> {
    value(conn, "team_id").await
}

/// This desk's desk code, kept after leaving: its numbers go on carrying it, so they never
/// collide with numbers another desk issued under the site code.
pub async fn desk_code(conn: &mut SqliteConnection) -> Result<Option<String>, StoreError> {
    value(conn, "desk_code").await
}

/// Leaves the team: the server's address and this desk's token are forgotten (so no sync runs),
/// and so is how the last syncs went. The desk code, the team and the pull cursor stay.
pub async fn leave_team(store: &Store) -> Result<(), StoreError> {
    let mut tx = store.begin_write().await?;
    // The keys `record_enrolment` wrote; without them `enrolment` answers none.
    // The next team gets this desk's checkpoint key with its first push.
    forget(&mut tx, &["sync_server", "sync_token", "team_checkpoint_key", LAST_SUCCESS, FAILING_SINCE, LAST_ERROR])
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Keeps the team's desk codes as the server named them (desk id, desk code).
pub async fn record_team_desks(store: &Store, desks: &[(String, String)]) -> Result<(), StoreError> {
    if desks.is_empty() {
        return Ok(());
    }
    let mut tx = store.begin_write().await?;
    for (desk_id, desk_code) in desks {
        sqlx::query(
            "INSERT INTO team_desks (desk_id, desk_code) VALUES (?, ?) \
             ON CONFLICT (desk_id) DO UPDATE SET desk_code = excluded.desk_code",
        )
        .bind(desk_id)
        .bind(desk_code)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The team's desk codes by desk id, as far as this desk has heard of them.
pub async fn team_desk_codes(conn: &mut SqliteConnection) -> Result<BTreeMap<String, String>, StoreError> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT desk_id, desk_code FROM team_desks").fetch_all(&mut *conn).await?;
    Ok(rows.into_iter().collect())
}

/// The id of the checkpoint key the team's server has for this desk, once it took it.
pub async fn team_key(conn: &mut SqliteConnection) -> Result<Option<String>, StoreError> {
    Ok(sqlx::query_scalar("SELECT value FROM local_state WHERE key = 'team_checkpoint_key'")
        .fetch_optional(&mut *conn)
        .await?)
}

pub async fn record_team_key(store: &Store, key_id: &str) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO local_state (key, value) VALUES ('team_checkpoint_key', ?) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(key_id)
    .execute(store.pool())
    .await?;
    Ok(())
}

/// Records the chain heads the team's server vouched for on a pulled page.
pub async fn record_team_anchors(
    store: &Store,
    anchors: &[(String, i64, String)],
    anchored_at: &str,
) -> Result<(), StoreError> {
    let mut tx = store.begin_write().await?;
    crate::checkpoints::record_anchors(&mut tx, anchors, anchored_at).await?;
    tx.commit().await?;
    Ok(())
}
