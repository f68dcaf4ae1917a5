//! The store: an sqlx `Any` pool over SQLite or PostgreSQL, the schema migrations, and the one
//! way to write: `begin_write`, which queues writers so server sequences commit in order.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{Any, AnyPool, Transaction};
use tokio::sync::{Mutex, OwnedMutexGuard};

use crate::error::ServerError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone)]
pub(crate) struct Store {
    pub pool: AnyPool,
    backend: Backend,
    /// Writers of this process queue here before they take the database's lock, so they wait
    /// without holding a connection and SQLite never answers "busy".
    writer: Arc<Mutex<()>>,
    /// The team's log size when PostgreSQL last analysed it (see `keep_statistics`).
    analysed_at: Arc<AtomicI64>,
}

/// A write transaction that holds the server's write lock until it commits or drops.
pub(crate) struct WriteTx {
    pub tx: Transaction<'static, Any>,
    pub last_server_seq: i64,
    _queue: OwnedMutexGuard<()>,
}

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

impl Store {
    pub async fn open(url: &str) -> Result<Store, ServerError> {
        install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            return Err(ServerError::Config(format!(
                "the database URL must start with sqlite: or postgres:// ({url})"
            )));
        };
        let pool = AnyPoolOptions::new().max_connections(8).connect(url).await?;
        if backend == Backend::Sqlite {
            // WAL lets pulls read while a push writes; the setting is kept in the file.
            sqlx::query("PRAGMA journal_mode = WAL").execute(&pool).await?;
        }
        MIGRATOR.run(&pool).await?;
        crate::merge::index_missing_subjects(&pool).await?;
        let team_id = uuid::Uuid::now_v7().to_string();
        sqlx::query(
            "INSERT INTO server_state (id, team_id, last_server_seq) VALUES (1, $1, 0) ON CONFLICT (id) DO NOTHING",
        )
        .bind(team_id)
        .execute(&pool)
        .await?;
        Ok(Store { pool, backend, writer: Arc::new(Mutex::new(())), analysed_at: Arc::new(AtomicI64::new(0)) })
    }

    /// Begins a transaction that owns the right to write: other writers, in this process or
    /// another, wait until it ends. Locking the one state row works the same on both backends
    /// (SQLite's IMMEDIATE takes the write lock at once; PostgreSQL locks the row).
    pub async fn begin_write(&self) -> Result<WriteTx, ServerError> {
        let queue = self.writer.clone().lock_owned().await;
        let mut tx = match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        };
        sqlx::query("UPDATE server_state SET last_server_seq = last_server_seq WHERE id = 1").execute(&mut *tx).await?;
        let last_server_seq: i64 =
            sqlx::query_scalar("SELECT last_server_seq FROM server_state WHERE id = 1").fetch_one(&mut *tx).await?;
        Ok(WriteTx { tx, last_server_seq, _queue: queue })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// PostgreSQL plans a push's lookups of a few hundred streams from the events table's
    /// statistics; without them (a new team's first large pushes, before autovacuum comes round)
    /// it guesses that such a list matches the whole table and scans it, and each push takes
    /// longer than the last. So the log is analysed whenever it has doubled since the last time:
    /// a handful of times over a team's life, each a sample of the table.
    pub async fn keep_statistics(&self, log_size: i64) -> Result<(), ServerError> {
        let analysed = self.analysed_at.load(Ordering::Relaxed);
        if self.backend != Backend::Postgres || log_size < 2 * analysed + 1_000 {
            return Ok(());
        }
        self.analysed_at.store(log_size, Ordering::Relaxed);
        sqlx::query("ANALYZE events, event_subjects").execute(&self.pool).await?;
        Ok(())
    }

    pub async fn team_id(&self) -> Result<String, ServerError> {
        Ok(sqlx::query_scalar("SELECT team_id FROM server_state WHERE id = 1").fetch_one(&self.pool).await?)
    }
}

impl WriteTx {
    /// Records the last server sequence given and commits.
    pub async fn commit(mut self) -> Result<(), ServerError> {
        sqlx::query("UPDATE server_state SET last_server_seq = $1 WHERE id = 1")
            .bind(self.last_server_seq)
            .execute(&mut *self.tx)
            .await?;
        self.tx.commit().await?;
        Ok(())
    }
}

/// `($1, $2), ($3, $4)` for 2 rows of 2 values on PostgreSQL, numbered from `first`; `(?, ?),
/// (?, ?)` on SQLite, which looks each numbered parameter up in a list of all of them (quadratic
/// in a statement of thousands of values) where a bare `?` is bound by its position.
pub(crate) fn values_list(backend: Backend, first: usize, rows: usize, width: usize) -> String {
    let mut sql = String::with_capacity(rows * width * 7);
    for row in 0..rows {
        sql.push_str(if row == 0 { "(" } else { ", (" });
        for column in 0..width {
            if column > 0 {
                sql.push_str(", ");
            }
            match backend {
                Backend::Sqlite => sql.push('?'),
                Backend::Postgres => {
                    sql.push('$');
                    sql.push_str(&(first + row * width + column).to_string());
                }
            }
        }
        sql.push(')');
    }
    sql
}

/// `$first, $first+1, …` (or bare `?`s on SQLite) for an `IN (…)` list of `count` values.
pub(crate) fn in_list(backend: Backend, first: usize, count: usize) -> String {
    let list = values_list(backend, first, 1, count);
    list[1..list.len() - 1].to_owned()
}

/// The time as stored: RFC 3339 UTC with milliseconds, which sorts as text.
pub(crate) fn now_text() -> String {
    time_text(chrono::Utc::now())
}

pub(crate) fn time_text(time: chrono::DateTime<chrono::Utc>) -> String {
    lotline_domain::time::stored(time)
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::{Backend, in_list, values_list};

    #[test]
    fn placeholders_count_on_across_rows_on_postgres_and_stay_bare_on_sqlite() {
        assert_eq!(values_list(Backend::Postgres, 1, 2, 3), "($1, $2, $3), ($4, $5, $6)");
        assert_eq!(values_list(Backend::Postgres, 2, 1, 2), "($2, $3)");
        assert_eq!(values_list(Backend::Sqlite, 1, 2, 2), "(?, ?), (?, ?)");
        assert_eq!(in_list(Backend::Postgres, 2, 3), "$2, $3, $4");
        assert_eq!(in_list(Backend::Sqlite, 2, 2), "?, ?");
    }
}
