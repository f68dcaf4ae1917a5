//! The reasons the team's server gave for refusing this desk's acts (`refused_acts`): kept so
//! the person who did the act can read, in their language, why it did not stand.

use std::collections::BTreeMap;

use sqlx::{Row, SqliteConnection};

use crate::{Store, StoreError};

/// One refused act as the desk keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub act_id: String,
    /// The kind of the act's first event (`rma_cancelled`): what was done.
    pub kind: String,
    pub number: Option<String>,
    pub actor_id: Option<String>,
    pub reason_key: String,
    pub params: BTreeMap<String, String>,
    pub message: String,
    pub occurred_at: String,
    pub refused_at: String,
}

/// A refused act with the name of the person who did it, newest refusal first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusalRow {
    pub refusal: Refusal,
    pub actor_name: Option<String>,
    /// When a person at this desk set it aside, and who.
    pub dismissed_at: Option<String>,
    pub dismissed_by: Option<String>,
}

/// Notes the server's refusals. A push answered again (its first answer lost) refuses the same
/// acts with the same reasons: the first note stands, with the time it first arrived.
pub async fn record_refusals(store: &Store, refusals: &[Refusal]) -> Result<(), StoreError> {
    if refusals.is_empty() {
        return Ok(());
    }
    let mut tx = store.begin_write().await?;
    for r in refusals {
        let params = serde_json::to_string(&r.params).unwrap_or_else(|_| "{}".to_owned());
        sqlx::query(
            "INSERT INTO refused_acts (act_id, kind, number, actor_id, reason_key, params, message, occurred_at, refused_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (act_id) DO NOTHING",
        )
        .bind(&r.act_id)
        .bind(&r.kind)
        .bind(&r.number)
        .bind(&r.actor_id)
        .bind(&r.reason_key)
        .bind(params)
        .bind(&r.message)
        .bind(&r.occurred_at)
        .bind(&r.refused_at)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Every refused act of this desk, the latest refusal first.
pub async fn refused_acts(conn: &mut SqliteConnection) -> Result<Vec<RefusalRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT r.act_id, r.kind, r.number, r.actor_id, r.reason_key, r.params, r.message, r.occurred_at, r.refused_at, \
         r.dismissed_at, r.dismissed_by, u.display_name FROM refused_acts r LEFT JOIN users u ON u.user_id = r.actor_id \
         ORDER BY r.refused_at DESC, r.occurred_at DESC",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .map(|row| {
            let params: String = row.get("params");
            RefusalRow {
                refusal: Refusal {
                    act_id: row.get("act_id"),
                    kind: row.get("kind"),
                    number: row.get("number"),
                    actor_id: row.get("actor_id"),
                    reason_key: row.get("reason_key"),
                    // Written by record_refusals as a map of strings; anything else reads as none.
                    params: serde_json::from_str(&params).unwrap_or_default(),
                    message: row.get("message"),
                    occurred_at: row.get("occurred_at"),
                    refused_at: row.get("refused_at"),
                },
                actor_name: row.get("display_name"),
                dismissed_at: row.get("dismissed_at"),
                dismissed_by: row.get("dismissed_by"),
            }
        })
        .collect())
}

pub async fn count_refused(conn: &mut SqliteConnection) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM refused_acts").fetch_one(&mut *conn).await?)
}

/// Refusals no one at this desk has dismissed yet.
pub async fn count_undismissed(conn: &mut SqliteConnection) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM refused_acts WHERE dismissed_at IS NULL").fetch_one(&mut *conn).await?)
}

/// Sets a refusal aside: `false` when there is no such refusal or it was dismissed already.
pub async fn dismiss_refusal(store: &Store, act_id: &str, by: &str, at: &str) -> Result<bool, StoreError> {
    let mut tx = store.begin_write().await?;
    let done = sqlx::query(
        "UPDATE refused_acts SET dismissed_at = ?, dismissed_by = ? WHERE act_id = ? AND dismissed_at IS NULL",
    )
    .bind(at)
    .bind(by)
    .bind(act_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    tx.commit().await?;
    Ok(done == 1)
}
