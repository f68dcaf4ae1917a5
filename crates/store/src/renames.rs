//! Records renamed by the team: a number a desk issued before it enrolled that the team already
//! had (docs/sync.md). The desk keeps each alias as the server told it, and reads that desk's
//! events through it: `stream_alias` and `payload_alias` beside the written stream and payload,
//! which the chain keeps covering.

use sqlx::SqliteConnection;

use crate::{Store, StoreError};

/// Reads `desk_id`'s events with seq in `from_seq..=to_seq` through one rename; answers how many
/// changed.
async fn apply_one(
    conn: &mut SqliteConnection,
    desk_id: &str,
    (from, to): (&str, &str),
    (from_seq, to_seq): (i64, i64),
) -> Result<u64, StoreError> {
    let streams = sqlx::query(
        "UPDATE events SET stream_alias = ? WHERE desk_id = ? AND stream_id = ? AND seq BETWEEN ? AND ? \
         AND stream_alias IS NOT ?",
    )
    .bind(to)
    .bind(desk_id)
    .bind(from)
    .bind(from_seq)
    .bind(to_seq)
    .bind(to)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    // Human numbers are plain text, so the quoted form matches whole JSON string values only.
    let (quoted_from, quoted_to) = (format!("\"{from}\""), format!("\"{to}\""));
    let payloads = sqlx::query(
        "UPDATE events SET payload_alias = replace(COALESCE(payload_alias, payload), ?1, ?2) \
         WHERE desk_id = ?3 AND seq BETWEEN ?4 AND ?5 AND instr(COALESCE(payload_alias, payload), ?1) > 0",
    )
    .bind(&quoted_from)
    .bind(&quoted_to)
    .bind(desk_id)
    .bind(from_seq)
    .bind(to_seq)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(streams + payloads)
}

/// Keeps the team's renames of `desk_id`'s records and reads its events up to `seq` `up_to`
/// through them; answers whether any of those events changed, so their projections need a
/// replay.
pub(crate) async fn record(
    conn: &mut SqliteConnection,
    desk_id: &str,
    renames: &[(String, String)],
    up_to: i64,
) -> Result<bool, StoreError> {
    let mut changed = false;
    for (from, to) in renames {
        let inserted =
            sqlx::query("INSERT INTO number_aliases (desk_id, number, alias) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .bind(desk_id)
                .bind(from)
                .bind(to)
                .execute(&mut *conn)
                .await?
                .rows_affected();
        if inserted > 0 {
            changed |= apply_one(conn, desk_id, (from, to), (i64::MIN, up_to)).await? > 0;
        }
    }
    Ok(changed)
}

/// Events that arrived after `seq` `after`, read through every rename the desk knows; answers
/// how many changed.
pub(crate) async fn apply_known(conn: &mut SqliteConnection, after: i64) -> Result<u64, StoreError> {
    let aliases: Vec<(String, String, String)> =
        sqlx::query_as("SELECT desk_id, number, alias FROM number_aliases").fetch_all(&mut *conn).await?;
    let mut changed = 0;
    for (desk_id, from, to) in &aliases {
        changed += apply_one(conn, desk_id, (from, to), (after + 1, i64::MAX)).await?;
    }
    Ok(changed)
}

/// This desk's records the team renamed in answer to its push: read through the new numbers
/// from now on, its projections replayed where they changed.
pub async fn adopt_renames(store: &Store, desk_id: &str, renames: &[(String, String)]) -> Result<bool, StoreError> {
    let mut tx = store.begin_write().await?;
    let changed = record(&mut tx, desk_id, renames, i64::MAX).await?;
    if changed {
        crate::rebuild::replay(&mut tx).await?;
    }
    tx.commit().await?;
    if changed {
        store.forget_lot_index().await;
    }
    Ok(changed)
}

/// The number a record goes by now: its alias when the team renamed it, else itself.
pub async fn current_number(conn: &mut SqliteConnection, number: &str) -> Result<Option<String>, StoreError> {
    Ok(sqlx::query_scalar("SELECT alias FROM number_aliases WHERE number = ? LIMIT 1")
        .bind(number.trim())
        .fetch_optional(&mut *conn)
        .await?)
}
