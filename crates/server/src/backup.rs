//! Backups of a server's folder while the server runs, and restoring one into a new folder
//! (docs/server.md). A backup is one tar file: a manifest, the database as of one moment, and
//! the blobs. SQLite is copied with `VACUUM INTO`, a consistent snapshot that writers do not
//! wait for; PostgreSQL with `pg_dump` in its custom format, inside a snapshot this process
//! exports so the manifest names the exact last sequence the dump holds.
//!
//! The blobs are copied after the database: a blob is on disk before the server records it, so
//! every blob the copied database names is in the folder by then.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::{Deserialize, Serialize};
use sqlx::{Connection, Row};

use crate::admin::require_server_folder;
use crate::config::prepare_data_dir;
use crate::database::{Store, now_text};
use crate::error::ServerError;

const MANIFEST: &str = "lotline-backup.json";
const SQLITE_FILE: &str = "server.db";
const PG_DUMP_FILE: &str = "server.pgdump";
const FORMAT: u32 = 1;

/// What a backup holds, as its manifest says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupManifest {
    pub format: u32,
    /// `sqlite` or `postgres`.
    pub backend: String,
    pub lotline_version: String,
    pub taken_at: String,
    /// The team's log up to here is in the backup.
    pub last_server_seq: i64,
    pub blobs: usize,
}

/// A backup written, or one restored.
#[derive(Debug, Clone, Serialize)]
pub struct BackupReport {
    pub path: PathBuf,
    #[serde(flatten)]
    pub manifest: BackupManifest,
}

/// Writes a backup of the server whose folder is `dir` to the file `out` (a tar), while the
/// server may be running. The file appears whole or not at all.
pub async fn backup(dir: &Path, out: &Path) -> Result<BackupReport, ServerError> {
    // No store opened (that would run migrations): a backup leaves the live database as it is.
    require_server_folder(dir)?;
    let url = prepare_data_dir(dir, None)?;
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let staging = tempfile::tempdir_in(parent).map_err(ServerError::io(format!("staging in {}", parent.display())))?;
    let (backend, database_file, last_server_seq) = if url.starts_with("sqlite:") {
        let copy = staging.path().join(SQLITE_FILE);
        ("sqlite", SQLITE_FILE, snapshot_sqlite(&dir.join(SQLITE_FILE), &copy).await?)
    } else {
        let dump = staging.path().join(PG_DUMP_FILE);
        ("postgres", PG_DUMP_FILE, dump_postgres(&url, &dump).await?)
    };
    let blobs = blob_names(&dir.join("blobs"))?;
    let manifest = BackupManifest {
        format: FORMAT,
        backend: backend.to_owned(),
        lotline_version: env!("CARGO_PKG_VERSION").to_owned(),
        taken_at: now_text(),
        last_server_seq,
        blobs: blobs.len(),
    };
    let archive = Archive {
        out: out.to_owned(),
        manifest: manifest.clone(),
        database: (staging.path().join(database_file), database_file),
        blobs_dir: dir.join("blobs"),
        blobs,
    };
    tokio::task::spawn_blocking(move || archive.write())
        .await
        .map_err(|e| ServerError::Config(format!("the backup task failed: {e}")))??;
    Ok(BackupReport { path: out.to_owned(), manifest })
}

async fn snapshot_sqlite(database: &Path, copy: &Path) -> Result<i64, ServerError> {
    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(database).create_if_missing(false);
    let mut conn = sqlx::SqliteConnection::connect_with(&options).await?;
    sqlx::query("VACUUM INTO ?").bind(copy.to_string_lossy().into_owned()).execute(&mut conn).await?;
    conn.close().await?;
    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(copy).create_if_missing(false);
    let mut conn = sqlx::SqliteConnection::connect_with(&options).await?;
    let seq: i64 =
        sqlx::query_scalar("SELECT last_server_seq FROM server_state WHERE id = 1").fetch_one(&mut conn).await?;
    conn.close().await?;
    Ok(seq)
}

async fn dump_postgres(url: &str, dump: &Path) -> Result<i64, ServerError> {
    let pg_dump = pg_tool("pg_dump")?;
    let mut conn = sqlx::PgConnection::connect(url).await?;
    sqlx::raw_sql("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute(&mut conn).await?;
    let snapshot: String = sqlx::query_scalar("SELECT pg_export_snapshot()").fetch_one(&mut conn).await?;
    let seq: i64 =
        sqlx::query_scalar("SELECT last_server_seq FROM server_state WHERE id = 1").fetch_one(&mut conn).await?;
    let mut command = Command::new(&pg_dump);
    command
        .args(["--format=custom", "--no-owner", "--no-privileges"])
        .arg(format!("--snapshot={snapshot}"))
        .arg("--file")
        .arg(dump)
        .arg(format!("--dbname={url}"));
    // The snapshot lives while this transaction is open: pg_dump runs inside it.
    let ran = run_tool(command).await;
    sqlx::raw_sql("COMMIT").execute(&mut conn).await?;
    conn.close().await?;
    ran.map(|_| seq)
}

/// Every blob's file name; temporary files of uploads in flight (`.incoming-…`) are not blobs.
fn blob_names(folder: &Path) -> Result<Vec<String>, ServerError> {
    let entries = std::fs::read_dir(folder).map_err(ServerError::io(format!("reading {}", folder.display())))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(ServerError::io("reading the blobs folder"))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with('.') && entry.file_type().map(|t| t.is_file()).unwrap_or(false) {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

struct Archive {
    out: PathBuf,
    manifest: BackupManifest,
    /// The staged copy of the database and its name in the archive.
    database: (PathBuf, &'static str),
    blobs_dir: PathBuf,
    blobs: Vec<String>,
}

impl Archive {
    /// Written beside `out` under a temporary name, synced, then renamed into place.
    fn write(self) -> Result<(), ServerError> {
        let name = self.out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "backup".into());
        let partial = self.out.with_file_name(format!(".{name}.partial"));
        let context = format!("writing {}", partial.display());
        let io = |e: std::io::Error| ServerError::io(context.clone())(e);
        let mut tar = tar::Builder::new(BufWriter::new(private_file(&partial).map_err(io)?));
        let manifest = serde_json::to_vec_pretty(&self.manifest).map_err(|e| ServerError::Config(e.to_string()))?;
        let mut header = tar::Header::new_gnu();
        header.set_size(manifest.len() as u64);
        header.set_mode(0o600);
        header.set_mtime(chrono::Utc::now().timestamp().max(0) as u64);
        header.set_cksum();
        tar.append_data(&mut header, MANIFEST, manifest.as_slice()).map_err(io)?;
        tar.append_path_with_name(&self.database.0, self.database.1).map_err(io)?;
        for blob in &self.blobs {
            tar.append_path_with_name(self.blobs_dir.join(blob), format!("blobs/{blob}")).map_err(io)?;
        }
        let file = tar.into_inner().map_err(io)?.into_inner().map_err(|e| io(e.into_error()))?;
        file.sync_all().map_err(io)?;
        drop(file);
        std::fs::rename(&partial, &self.out).map_err(ServerError::io(format!("naming {}", self.out.display())))?;
        if let Some(parent) = self.out.parent().filter(|p| !p.as_os_str().is_empty()) {
            File::open(parent).and_then(|f| f.sync_all()).map_err(ServerError::io("syncing the backup's folder"))?;
        }
        Ok(())
    }
}

/// A backup holds the team's password hashes: only its owner may read it.
/// On Windows a new file takes the ACL of its folder: the server's folder belongs in the service
/// account's profile (docs/sync.md), which only that account and administrators may read.
fn private_file(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// Restores the backup `from` into `dir`, a new or empty folder that then is a server's folder
/// like any other. A PostgreSQL backup goes into the empty database `database_url` names.
pub async fn restore(dir: &Path, from: &Path, database_url: Option<&str>) -> Result<BackupReport, ServerError> {
    let occupied = std::fs::read_dir(dir).map(|mut entries| entries.next().is_some()).unwrap_or(false);
    if occupied {
        return Err(ServerError::Config(format!("{} is not empty: restore into a new folder", dir.display())));
    }
    std::fs::create_dir_all(dir).map_err(ServerError::io(format!("creating {}", dir.display())))?;
    let (dir_owned, from_owned) = (dir.to_owned(), from.to_owned());
    tokio::task::spawn_blocking(move || unpack(&from_owned, &dir_owned))
        .await
        .map_err(|e| ServerError::Config(format!("the restore task failed: {e}")))??;
    let manifest_path = dir.join(MANIFEST);
    let text = std::fs::read_to_string(&manifest_path).map_err(|_| {
        ServerError::Config(format!("{} is not a Lotline server backup (no {MANIFEST})", from.display()))
    })?;
    let manifest: BackupManifest =
        serde_json::from_str(&text).map_err(|e| ServerError::Config(format!("{MANIFEST}: {e}")))?;
    if manifest.format != FORMAT {
        return Err(ServerError::Config(format!("backup format {} is not known to this Lotline", manifest.format)));
    }
    let url = match (manifest.backend.as_str(), database_url) {
        ("sqlite", None) => prepare_data_dir(dir, None)?,
        ("sqlite", Some(_)) => {
            return Err(ServerError::Config(
                "this backup is of a SQLite server: restore it without --database-url".into(),
            ));
        }
        ("postgres", Some(url)) => {
            restore_postgres(&dir.join(PG_DUMP_FILE), url).await?;
            std::fs::remove_file(dir.join(PG_DUMP_FILE)).map_err(ServerError::io("removing the restored dump"))?;
            prepare_data_dir(dir, Some(url))?
        }
        ("postgres", None) => {
            return Err(ServerError::Config(
                "this backup is of a PostgreSQL server: give --database-url of an empty database to restore it into"
                    .into(),
            ));
        }
        (other, _) => return Err(ServerError::Config(format!("a backup of an unknown backend: {other}"))),
    };
    // Opening runs this Lotline's migrations, as starting the server would.
    let store = Store::open(&url).await?;
    let row = sqlx::query("SELECT last_server_seq FROM server_state WHERE id = 1").fetch_one(&store.pool).await;
    store.pool.close().await;
    let restored: i64 = row?.try_get("last_server_seq")?;
    if restored != manifest.last_server_seq {
        return Err(ServerError::Config(format!(
            "the restored log ends at {restored}, the backup's manifest says {}",
            manifest.last_server_seq
        )));
    }
    Ok(BackupReport { path: dir.to_owned(), manifest })
}

/// tar's `unpack` keeps every entry inside `dir` (it refuses `..` and absolute paths).
fn unpack(from: &Path, dir: &Path) -> Result<(), ServerError> {
    let file = File::open(from).map_err(ServerError::io(format!("opening {}", from.display())))?;
    tar::Archive::new(std::io::BufReader::new(file))
        .unpack(dir)
        .map_err(ServerError::io(format!("unpacking {}", from.display())))?;
    Ok(())
}

async fn restore_postgres(dump: &Path, url: &str) -> Result<(), ServerError> {
    let pg_restore = pg_tool("pg_restore")?;
    let mut command = Command::new(&pg_restore);
    command
        .args(["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"])
        .arg(format!("--dbname={url}"))
        .arg(dump);
    run_tool(command).await
}

async fn run_tool(mut command: Command) -> Result<(), ServerError> {
    let program = command.get_program().to_string_lossy().into_owned();
    let output = tokio::task::spawn_blocking(move || command.output())
        .await
        .map_err(|e| ServerError::Config(format!("{program} did not run: {e}")))?
        .map_err(ServerError::io(format!("running {program}")))?;
    if !output.status.success() {
        return Err(ServerError::Config(format!(
            "{program} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    Ok(())
}

/// A PostgreSQL client tool: from `PG_BIN`, else `PATH`, else the newest of Debian's
/// /usr/lib/postgresql/<version>/bin. It must be as new as the server it dumps.
pub(crate) fn pg_tool(name: &str) -> Result<PathBuf, ServerError> {
    let from_env = std::env::var_os("PG_BIN").map(|bin| PathBuf::from(bin).join(name));
    let on_path = std::env::var_os("PATH")
        .and_then(|path| std::env::split_paths(&path).map(|dir| dir.join(name)).find(|p| p.is_file()));
    let debian = || {
        let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
            .ok()?
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let version = e.file_name().to_string_lossy().split('.').next()?.parse().ok()?;
                Some((version, e.path().join("bin").join(name)))
            })
            .filter(|(_, p)| p.is_file())
            .collect();
        found.sort();
        found.pop().map(|(_, p)| p)
    };
    from_env.filter(|p| p.is_file()).or(on_path).or_else(debian).ok_or_else(|| {
        ServerError::Config(format!(
            "{name} was not found (PG_BIN, PATH, /usr/lib/postgresql/*/bin): install PostgreSQL's client tools \
             of the server's version or newer, or follow the pg_dump steps in docs/server.md"
        ))
    })
}
