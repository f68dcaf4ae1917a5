//! The desk's care of its own data folder (migration 0032): how many automatic backups it keeps,
//! the newest Lotline that opened it, and whether a restored desk must pull before it writes.
//! None of it travels in the log: it belongs to this folder on this computer.

use std::path::Path;

use sqlx::ConnectOptions;
use sqlx::sqlite::SqliteConnectOptions;

use crate::{MIGRATOR, Store, StoreError};

/// This Lotline's version, as the database records who opened it.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Where a database stands against this Lotline's migrations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaState {
    /// The newest migration applied; 0 for no database yet.
    pub found: i64,
    /// The newest migration this Lotline has.
    pub known: i64,
    /// The newest Lotline that opened it, when one that records it did.
    pub opened_by: Option<String>,
}

impl SchemaState {
    /// An existing database that this Lotline will upgrade when it opens it.
    pub fn needs_upgrade(&self) -> bool {
        self.found > 0 && self.found < self.known
    }
}

pub fn known_schema() -> i64 {
    MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
}

/// Reads the schema of the database in `data_dir` through a read-only connection: nothing in the
/// folder is changed, so a database from a newer Lotline is refused as it was found.
pub async fn schema_state(data_dir: &Path) -> Result<SchemaState, StoreError> {
    let path = data_dir.join("lotline.db");
    let known = known_schema();
    if !path.is_file() {
        return Ok(SchemaState { found: 0, known, opened_by: None });
    }
    // Without a write-ahead log nobody has the database open: read the file as it is, so SQLite
    // makes no `-wal` and `-shm` files beside it. With one, read through it.
    let idle = !data_dir.join("lotline.db-wal").exists();
    let mut conn = SqliteConnectOptions::new()
        .filename(&path)
        .read_only(true)
        .immutable(idle)
        .create_if_missing(false)
        .busy_timeout(std::time::Duration::from_secs(10))
        .connect()
        .await?;
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('_sqlx_migrations', 'desk_upkeep')",
    )
    .fetch_all(&mut conn)
    .await?;
    let found = if tables.iter().any(|t| t == "_sqlx_migrations") {
        sqlx::query_scalar::<_, Option<i64>>("SELECT MAX(version) FROM _sqlx_migrations")
            .fetch_one(&mut conn)
            .await?
            .unwrap_or(0)
    } else {
        0
    };
    let opened_by = if tables.iter().any(|t| t == "desk_upkeep") {
        sqlx::query_scalar::<_, String>("SELECT opened_by_version FROM desk_upkeep WHERE id = 1")
            .fetch_optional(&mut conn)
            .await?
            .filter(|v| !v.is_empty())
    } else {
        None
    };
    use sqlx::Connection as _;
    conn.close().await?;
    Ok(SchemaState { found, known, opened_by })
}

/// Records that this Lotline opened the (upgraded) database.
pub(crate) async fn record_opened_by(store: &Store) -> Result<(), StoreError> {
    sqlx::query("UPDATE desk_upkeep SET opened_by_version = ? WHERE id = 1 AND opened_by_version <> ?")
        .bind(APP_VERSION)
        .bind(APP_VERSION)
        .execute(store.pool())
        .await?;
    Ok(())
}

/// How many automatic backups this desk keeps.
pub async fn backups_kept(store: &Store) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar("SELECT backups_kept FROM desk_upkeep WHERE id = 1").fetch_one(store.pool()).await?)
}

pub async fn set_backups_kept(store: &Store, kept: i64) -> Result<(), StoreError> {
    sqlx::query("UPDATE desk_upkeep SET backups_kept = ? WHERE id = 1").bind(kept).execute(store.pool()).await?;
    Ok(())
}

/// A restored desk of a team must pull its own events back before it writes again: those it
/// pushed after the backup was taken are on the server, and its next numbers follow them.
pub async fn pull_first(store: &Store) -> Result<bool, StoreError> {
    Ok(sqlx::query_scalar("SELECT pull_first <> 0 FROM desk_upkeep WHERE id = 1").fetch_one(store.pool()).await?)
}

pub async fn set_pull_first(store: &Store, on: bool) -> Result<(), StoreError> {
    sqlx::query("UPDATE desk_upkeep SET pull_first = ? WHERE id = 1").bind(on).execute(store.pool()).await?;
    Ok(())
}
