//! Lotline's SQLite store: one event log, projections kept in the same transaction, and the
//! queries the screens need. Every write runs in `BEGIN IMMEDIATE` so writers never deadlock.

// Unit tests may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for
// the code they test, which the build without tests still checks.
#![cfg_attr(test, allow(clippy::too_many_lines))]

mod api_error;
mod backup;
mod blobs;
mod bulk;
mod bulk_failures;
mod bulk_lots;
mod chain;
mod checkpoints;
mod conflicts;
mod fault;
mod folder_lock;
mod log;
mod lot_index;
mod lot_touches;
mod private;
mod project;
mod project_failure_lines;
mod project_kinds;
mod project_numbers;
mod project_production;
mod project_recalls;
mod project_reshipments;
mod project_returns;
mod project_reviews;
mod project_scars;
pub mod queries;
mod rebuild;
mod recall_scope;
mod refusals;
mod renames;
mod sync_log;
mod sync_pull;
mod team_state;
mod upkeep;
mod verified_users;

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use lotline_domain::envelope::CheckpointKey;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool, Transaction};

pub use backup::{BACKUP_FORMAT, BackupError, BackupFile, BackupManifest, read_manifest, unpack_backup, write_backup};
pub use blobs::{BlobError, blob_id, is_blob_id};
pub use chain::{ChainBreak, ChainProblem, ChainReport, verify_chain};
pub use checkpoints::{
    KeyedBreak, KeyedProblem, KeyedReport, KeyedState, StartCheck, check_at_start, has_checkpoints,
    mark_verified_heads, record_anchors, renew_checkpoints, seal_all, verify_checkpoints,
};
pub use conflicts::{
    ConflictResolution, MergeConflict, merge_conflict, merge_conflicts, open_conflict_counts, usernames,
};
pub use folder_lock::{FolderLock, LOCK_FILE, LockError, folder_in_use};
pub use log::{EventMeta, NewEvent, StoredEvent, append, load_events, load_stream};
pub use lot_index::{LotIndex, LotView, ShipmentFact};
pub use lotline_domain::envelope::EnvelopedEvent;
pub use private::{create_private_dir, private_file_options, restrict_file, write_private};
pub use project_numbers::{next_number, number_code, split_number};
pub use rebuild::{CheckReport, ProjectionCounts, check, fingerprints, rebuild};
pub use refusals::{
    Refusal, RefusalRow, count_refused, count_undismissed, dismiss_refusal, record_refusals, refused_acts,
};
pub use renames::{adopt_renames, current_number};
pub use sync_log::{
    Enrolment, PullApplied, PulledEvent, count_pending, credential_payloads, desk_seq_head, enrolment, mark_accepted,
    mark_refused, newer_events, pending_events, pull_cursor, record_enrolment,
};
pub use sync_pull::apply_pulled;
pub use team_state::{
    SyncFailure, SyncOutcome, desk_code, leave_team, record_sync_failure, record_sync_success, record_team_anchors,
    record_team_desks, record_team_key, sync_outcome, team_desk_codes, team_key, team_of_desk,
};

pub use upkeep::{
    APP_VERSION, SchemaState, backups_kept, known_schema, pull_first, schema_state, set_backups_kept, set_pull_first,
};
pub use verified_users::{TrustedUntil, VerifiedAccount, verified_account};

pub type WriteTx = Transaction<'static, Sqlite>;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sql(#[from] sqlx::Error),
    #[error(
        "the database at {path} was written by a newer Lotline ({found_version}, schema {found}); this is Lotline {version}, which knows up to schema {known}. Update Lotline to open it."
    )]
    NewerSchema { path: String, found: i64, known: i64, found_version: String, version: String },
    #[error("could not upgrade the database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database error in a bulk write: {0}")]
    Bulk(#[from] rusqlite::Error),
    #[error("stored event {id} does not parse: {reason}")]
    BadEvent { id: String, reason: String },
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
}

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

#[derive(Clone, Debug)]
pub struct Store {
    pool: SqlitePool,
    options: SqliteConnectOptions,
    data_dir: PathBuf,
    /// The genealogy in memory, shared by every clone of the store; filled on the first trace.
    lots: Arc<tokio::sync::Mutex<LotIndex>>,
    /// The key the log's checkpoints are made with, once the host found or made it.
    checkpoint_key: Arc<std::sync::RwLock<Option<CheckpointKey>>>,
    /// Held by every clone: the write-ahead log's checkpointer stops when the last is dropped.
    _checkpointer: Arc<StopsCheckpoints>,
}

/// Stops the store's checkpoint task when the last clone of the store is dropped, at once: the
/// task holds the pool, and a store given up without `close` must not keep its file open.
#[derive(Debug)]
struct StopsCheckpoints(Arc<tokio::sync::Notify>);

impl Drop for StopsCheckpoints {
    fn drop(&mut self) {
        self.0.notify_one();
    }
}

/// How much memory SQLite may keep for a store's reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MemoryUse {
    /// Page cache per connection, in KiB.
    pub page_cache_kib: i64,
    /// How much of the file reads may map into memory (0: none).
    pub mmap_bytes: i64,
}

impl MemoryUse {
    /// Commands, the server and the bench: imports and traces read all over a large file, and
    /// reading it through a memory map saved a fifth of their time.
    pub const BATCH: MemoryUse = MemoryUse { page_cache_kib: 65_536, mmap_bytes: 1 << 30 };
    /// The desktop app, open all day: every mapped page it ever read counts as its memory (the
    /// failure list grew the app by the database's size), and the operating system caches the
    /// file anyway. Its acts read a page of rows at a time, which a small cache serves.
    pub const DESK: MemoryUse = MemoryUse { page_cache_kib: 8_192, mmap_bytes: 0 };
}

/// How often the write-ahead log is copied into the database while the store is open.
const WAL_CHECKPOINT_EVERY: Duration = Duration::from_secs(1);
/// SQLite's own checkpoint stays as a safety net, far above what the task leaves in the log: a
/// run of writes with no pause (a large first sync, page after page) could otherwise grow the log
/// without end, since a checkpoint only starts the log over once it caught up with every commit.
const WAL_AUTOCHECKPOINT_PAGES: &str = "16384";
/// How often `checkpoint` asks again while another checkpoint runs (20 ms apart).
const CHECKPOINT_TRIES: usize = 50;
/// The size a log that grew is cut back to once it starts over.
const WAL_SIZE_LIMIT_BYTES: &str = "67108864";

/// SQLite's own checkpoint runs inside the commit that takes the log past its limit, on the act
/// that committed: with the default thousand pages, one act in a few dozen copied four megabytes
/// and waited for their fsync. This task copies the log between acts instead, without waiting
/// for readers or blocking writers (`PASSIVE`), until the store is dropped or its pool closed.
/// Closing the store still empties the log.
fn spawn_wal_checkpoints(pool: SqlitePool) -> StopsCheckpoints {
    let stop = Arc::new(tokio::sync::Notify::new());
    let stopped = stop.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(WAL_CHECKPOINT_EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                () = stopped.notified() => break,
                _ = tick.tick() => {}
            }
            if pool.is_closed() {
                break;
            }
            // A checkpoint that could not run now runs on the next tick; nothing is lost.
            let _ = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)").execute(&pool).await;
        }
    });
    StopsCheckpoints(stop)
}

impl Store {
    /// Opens (creating and upgrading as needed) the database in `data_dir`, for a command.
    pub async fn open(data_dir: &Path) -> Result<Store, StoreError> {
        Store::open_using(data_dir, MemoryUse::BATCH).await
    }

    /// [`Store::open`] keeping SQLite's memory to `memory`.
    pub async fn open_using(data_dir: &Path, memory: MemoryUse) -> Result<Store, StoreError> {
        // Read-only first: a database from a newer Lotline is refused before anything touches it.
        let state = upkeep::schema_state(data_dir).await?;
        if state.found > state.known {
            return Err(StoreError::NewerSchema {
                path: data_dir.join("lotline.db").display().to_string(),
                found: state.found,
                known: state.known,
                found_version: state.opened_by.unwrap_or_else(|| "newer".to_owned()),
                version: APP_VERSION.to_owned(),
            });
        }
        create_private_dir(data_dir)?;
        let path = data_dir.join("lotline.db");
        // SQLite gives its write-ahead log and shared-memory files the database file's mode, so
        // the database is made owner-only before SQLite creates it.
        private_file_options().open(&path)?;
        for file in ["lotline.db", "lotline.db-wal", "lotline.db-shm"] {
            restrict_file(&data_dir.join(file))?;
        }
        let options = SqliteConnectOptions::from_str("sqlite:")?
            .filename(&path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            .pragma("temp_store", "memory")
            .pragma("cache_size", (-memory.page_cache_kib).to_string())
            // Only reads are mapped (see `MemoryUse`); writes still go through the WAL.
            .pragma("mmap_size", memory.mmap_bytes.to_string())
            // The log is copied into the database between acts, not by the act whose commit
            // filled it (see `spawn_wal_checkpoints`).
            .pragma("wal_autocheckpoint", WAL_AUTOCHECKPOINT_PAGES)
            .pragma("journal_size_limit", WAL_SIZE_LIMIT_BYTES);
        // No ping before each acquire: a SQLite connection cannot drop as a network one can, and
        // the ping was a round trip to the connection's worker thread on every act.
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .test_before_acquire(false)
            .connect_with(options.clone())
            .await?;
        let known = known_schema();
        let found = newest_applied_migration(&pool).await?;
        if found > known {
            pool.close().await;
            let found_version = "newer".to_owned();
            let version = APP_VERSION.to_owned();
            return Err(StoreError::NewerSchema {
                path: path.display().to_string(),
                found,
                known,
                found_version,
                version,
            });
        }
        MIGRATOR.run(&pool).await?;
        let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
        chain::seal_upgraded_log(&mut tx).await?;
        tx.commit().await?;
        let pool_for_checkpoints = pool.clone();
        let store = Store {
            pool,
            options,
            data_dir: data_dir.to_path_buf(),
            lots: Arc::default(),
            checkpoint_key: Arc::default(),
            _checkpointer: Arc::new(spawn_wal_checkpoints(pool_for_checkpoints)),
        };
        upkeep::record_opened_by(&store).await?;
        Ok(store)
    }

    /// The genealogy index brought up to date with the database, locked for the caller's reads.
    pub async fn lot_index(&self) -> Result<tokio::sync::MutexGuard<'_, LotIndex>, StoreError> {
        Ok(self.lot_index_on_connection().await?.0)
    }

    /// The same, with the connection it was brought up to date on, for an act that reads more
    /// (a trace's records): taking a second connection from the pool cost as much again.
    pub async fn lot_index_on_connection(
        &self,
    ) -> Result<(tokio::sync::MutexGuard<'_, LotIndex>, sqlx::pool::PoolConnection<sqlx::Sqlite>), StoreError> {
        let mut index = self.lots.lock().await;
        let mut conn = self.pool.acquire().await?;
        index.refresh(&mut conn).await?;
        Ok((index, conn))
    }

    /// Drops the genealogy held in memory, after the lots tables were replayed: their rows
    /// may be numbered differently now, so it is read afresh on the next trace.
    pub(crate) async fn forget_lot_index(&self) {
        *self.lots.lock().await = LotIndex::default();
    }

    /// The key this log's checkpoints are made and verified with, when this computer has it.
    pub fn checkpoint_key(&self) -> Option<CheckpointKey> {
        self.checkpoint_key.read().ok().and_then(|k| k.clone())
    }

    pub fn set_checkpoint_key(&self, key: Option<CheckpointKey>) {
        if let Ok(mut slot) = self.checkpoint_key.write() {
            *slot = key;
        }
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// A connection of its own, outside the pool. SQLite's integrity check of the full-text
    /// index reads through per-connection caches: on a pooled connection that emptied the index
    /// in a rebuild, it reported a checksum mismatch that a fresh connection did not see.
    pub async fn fresh_connection(&self) -> Result<sqlx::SqliteConnection, StoreError> {
        use sqlx::ConnectOptions;
        Ok(self.options.connect().await?)
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn attachments_dir(&self) -> PathBuf {
        self.data_dir.join("attachments")
    }

    /// A write transaction that holds SQLite's write lock from its first statement.
    pub async fn begin_write(&self) -> Result<WriteTx, StoreError> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }

    /// Copies the write-ahead log into the database file and empties it. Bulk work (imports,
    /// rebuilds) calls this afterwards so the next interactive write does not pay for its pages.
    pub async fn checkpoint(&self) -> Result<(), StoreError> {
        // One checkpoint runs at a time, and SQLite does not wait for another (the store's task
        // may be running one): it answers busy, and this tries again a moment later. A log still
        // busy after that stays as it is; SQLite copies it on a later checkpoint or open.
        for _ in 0..CHECKPOINT_TRIES {
            let answer: Result<(i64, i64, i64), sqlx::Error> =
                sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)").fetch_one(&self.pool).await;
            match answer {
                Ok((0, _, _)) => return Ok(()),
                Ok(_) => {}
                Err(sqlx::Error::Database(err)) if matches!(err.code().as_deref(), Some("5" | "6")) => {}
                Err(err) => return Err(err.into()),
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        Ok(())
    }

    /// Checkpoints, then closes every connection, so a closed data folder is one tidy file.
    pub async fn close(&self) {
        // A failed checkpoint loses nothing: the log stays and SQLite replays it on the next open.
        let _ = self.checkpoint().await;
        self.pool.close().await;
    }
}

async fn newest_applied_migration(pool: &SqlitePool) -> Result<i64, StoreError> {
    let exists: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'")
            .fetch_optional(pool)
            .await?;
    if exists.is_none() {
        return Ok(0);
    }
    let newest: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations").fetch_one(pool).await?;
    Ok(newest.unwrap_or(0))
}

/// The per-user app data folder shared by the desktop app and the CLI, unless
/// `LOTLINE_DATA_DIR` names another.
pub fn default_data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("LOTLINE_DATA_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    directories::ProjectDirs::from("", "", "lotline")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from("lotline-data"))
}
