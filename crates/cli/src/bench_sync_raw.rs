//! The baselines of `lotline bench --sync`: the same rows moved the plainest way on the same
//! backend, with none of Lotline's work around them. On the server's side through sqlx, the
//! driver the server uses (SQLite or PostgreSQL); on the desk's through rusqlite.

use std::net::SocketAddr;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Result;
use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Row};

/// Rows per statement: 500 × 21 values stays below SQLite's and PostgreSQL's bound-value limits.
const ROWS_PER_INSERT: usize = 500;

/// The server's `events` columns, and which hold integers.
const SERVER_COLUMNS: [(&str, bool); 21] = [
    ("server_seq", true),
    ("id", false),
    ("desk_id", false),
    ("desk_seq", true),
    ("act_id", false),
    ("stream_type", false),
    ("stream_id", false),
    ("kind", false),
    ("schema_version", true),
    ("payload", false),
    ("payload_hash", false),
    ("actor_id", false),
    ("occurred_at", false),
    ("hlc", false),
    ("seen", true),
    ("local_only", true),
    ("redacted", true),
    ("rejected", true),
    ("prev_hash", false),
    ("hash", false),
    ("received_at", false),
];

/// What a pull page selects (pull.rs), in its order.
const PAGE_COLUMNS: &str = "server_seq, id, desk_id, desk_seq, act_id, stream_type, stream_id, kind, schema_version, \
     payload, payload_hash, actor_id, occurred_at, hlc, seen, local_only, redacted, rejected, prev_hash, hash";

enum Value {
    Int(i64),
    Text(Option<String>),
}

/// Rows read at a time for a copy.
const READ_SLICE: usize = 10_000;

/// A server's database, read and written around the server.
pub struct ServerDb {
    pool: AnyPool,
    sqlite: bool,
}

fn columns() -> String {
    SERVER_COLUMNS.iter().map(|(name, _)| *name).collect::<Vec<_>>().join(", ")
}

/// PostgreSQL's numbered placeholders; SQLite's bare `?`, its fast path for many values.
fn values_list(sqlite: bool, rows: usize, width: usize) -> String {
    (0..rows)
        .map(|row| {
            let row: Vec<String> = (0..width)
                .map(|column| if sqlite { "?".to_owned() } else { format!("${}", row * width + column + 1) })
                .collect();
            format!("({})", row.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

impl ServerDb {
    /// The database of the server in `dir`: its SQLite file, or the PostgreSQL URL it was given.
    pub async fn connect(dir: &Path, database_url: Option<&str>) -> Result<ServerDb> {
        install_default_drivers();
        let url = match database_url {
            Some(url) => url.to_owned(),
            None => lotline_server::sqlite_url(&dir.join("server.db")),
        };
        let pool = AnyPoolOptions::new().max_connections(2).connect(&url).await?;
        Ok(ServerDb { pool, sqlite: database_url.is_none() })
    }

    /// An empty database with the server's schema, made by the server's own migrations (a
    /// server started on it and stopped at once).
    pub async fn empty_schema(dir: &Path, database_url: Option<String>) -> Result<ServerDb> {
        let config = lotline_server::ServerConfig {
            data_dir: dir.to_owned(),
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            database_url: database_url.clone(),
        };
        lotline_server::serve(config).await?.shutdown().await?;
        ServerDb::connect(dir, database_url.as_deref()).await
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }

    pub async fn count_events(&self) -> Result<u64> {
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM events").fetch_one(&self.pool).await?;
        Ok(count as u64)
    }

    /// Copies every event row into `target` (an empty copy of the schema) with multi-row
    /// INSERTs in one transaction. Rows are read in slices of the log, so a large team's log
    /// never sits in memory whole; only the INSERTs and the commit are timed.
    pub async fn copy_events_into(&self, target: &ServerDb) -> Result<Duration> {
        let select = format!("SELECT {} FROM events WHERE server_seq > $1 ORDER BY server_seq LIMIT $2", columns());
        let mut timed = Duration::ZERO;
        let mut tx = target.pool.begin().await?;
        let mut after = 0_i64;
        loop {
            let rows = sqlx::query(sqlx::AssertSqlSafe(select.clone()))
                .bind(after)
                .bind(READ_SLICE as i64)
                .fetch_all(&self.pool)
                .await?;
            let Some(last) = rows.last() else { break };
            after = last.try_get(0)?;
            let mut values = Vec::with_capacity(rows.len() * SERVER_COLUMNS.len());
            for row in &rows {
                for (i, (_, integer)) in SERVER_COLUMNS.iter().enumerate() {
                    values.push(if *integer { Value::Int(row.try_get(i)?) } else { Value::Text(row.try_get(i)?) });
                }
            }
            let started = Instant::now();
            for chunk in values.chunks(ROWS_PER_INSERT * SERVER_COLUMNS.len()) {
                let rows = chunk.len() / SERVER_COLUMNS.len();
                let sql = format!(
                    "INSERT INTO events ({}) VALUES {}",
                    columns(),
                    values_list(target.sqlite, rows, SERVER_COLUMNS.len())
                );
                let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
                for value in chunk {
                    query = match value {
                        Value::Int(n) => query.bind(*n),
                        Value::Text(text) => query.bind(text.clone()),
                    };
                }
                query.execute(&mut *tx).await?;
            }
            timed += started.elapsed();
        }
        let started = Instant::now();
        tx.commit().await?;
        Ok(timed + started.elapsed())
    }

    /// The bare SELECT of a pull's page: how many rows came.
    pub async fn select_page(&self, after: i64, limit: usize) -> Result<usize> {
        let sql = format!("SELECT {PAGE_COLUMNS} FROM events WHERE server_seq > $1 ORDER BY server_seq LIMIT $2");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(after).bind(limit as i64).fetch_all(&self.pool).await?;
        Ok(rows.len())
    }
}

/// The desk's `events` columns but its local `seq`.
const DESK_COLUMNS: &str = "id, desk_id, desk_seq, act_id, stream_type, stream_id, stream_version, kind, \
     schema_version, payload, payload_hash, actor_id, occurred_at, hlc, seen, local_only, server_seq, status, \
     prev_hash, hash";
const DESK_WIDTH: usize = 20;

pub fn desk_event_count(dir: &Path) -> Result<u64> {
    let conn = rusqlite::Connection::open(dir.join("lotline.db"))?;
    let count: i64 = conn.query_row("SELECT COUNT(*) FROM events", [], |row| row.get(0))?;
    Ok(count as u64)
}

/// The rows of the desk in `from` inserted into a new, empty desk database in `to` with
/// multi-row INSERTs in one transaction, durable as a desk's (WAL, synchronous FULL). Rows are
/// read in slices; only the INSERTs and the commit are timed. Answers that time, and the rows
/// the new database then holds.
pub async fn desk_insert(from: &Path, to: &Path) -> Result<(Duration, u64)> {
    let source = rusqlite::Connection::open(from.join("lotline.db"))?;
    let mut select = source
        .prepare(&format!("SELECT seq, {DESK_COLUMNS} FROM events WHERE seq > ? ORDER BY seq LIMIT {READ_SLICE}"))?;
    lotline_store::Store::open(to).await?.close().await;
    let mut conn = rusqlite::Connection::open(to.join("lotline.db"))?;
    conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;")?;
    let row = format!("({})", vec!["?"; DESK_WIDTH].join(","));
    let tx = conn.transaction()?;
    let mut timed = Duration::ZERO;
    let mut after = 0_i64;
    loop {
        let mut rows: Vec<Vec<rusqlite::types::Value>> = Vec::with_capacity(READ_SLICE);
        let mut read = select.query([after])?;
        while let Some(found) = read.next()? {
            after = found.get(0)?;
            rows.push((1..=DESK_WIDTH).map(|i| found.get(i)).collect::<rusqlite::Result<_>>()?);
        }
        if rows.is_empty() {
            break;
        }
        let started = Instant::now();
        for chunk in rows.chunks(ROWS_PER_INSERT) {
            let sql =
                format!("INSERT INTO events ({DESK_COLUMNS}) VALUES {}", vec![row.as_str(); chunk.len()].join(","));
            tx.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(chunk.iter().flatten()))?;
        }
        timed += started.elapsed();
    }
    let started = Instant::now();
    tx.commit()?;
    timed += started.elapsed();
    Ok((timed, desk_event_count(to)?))
}
