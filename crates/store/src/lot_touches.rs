//! Noting that a lot's row changed, for the in-memory lot index (`lot_index.rs`), which re-reads
//! only the lots touched since it last looked. Every projection that updates a lot row after it
//! was first written calls one of these in the same transaction.

use rusqlite::Connection;
use sqlx::SqliteConnection;

use crate::StoreError;
use crate::bulk::MultiRow;

pub(crate) const TOUCH_BY_CODE: &str =
    "INSERT OR REPLACE INTO lot_touches (lot_id) SELECT lot_id FROM lots WHERE lot_code = ?1";

const TOUCHES: MultiRow = MultiRow { head: "INSERT OR REPLACE INTO lot_touches (lot_id)", width: 1, tail: "" };

pub(crate) async fn touch(conn: &mut SqliteConnection, lot_code: &str) -> Result<(), StoreError> {
    sqlx::query(TOUCH_BY_CODE).bind(lot_code).execute(&mut *conn).await?;
    Ok(())
}

/// Many lots at once, by id: one multi-row statement per chunk.
pub(crate) fn touch_ids(db: &Connection, ids: &[i64]) -> rusqlite::Result<()> {
    TOUCHES.write(db, ids, |s, at, id| s.raw_bind_parameter(at, id))
}
