//! A desk's backup: one tar file holding a manifest (first), the database as of one moment, the
//! desk's id and the attachments, each named in the manifest with its size and SHA-256
//! (docs/backups.md). The database is copied with `VACUUM INTO`: one consistent snapshot in one
//! step, which the app's writers do not wait for, where SQLite's page-by-page online backup
//! starts over whenever another process writes and may never finish.
//!
//! Attachments are copied after the database: a file is on disk before the event that names it
//! commits, so every attachment the copied database names is in the folder by then.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};

use crate::upkeep::{APP_VERSION, known_schema};
use crate::{is_blob_id, private_file_options};

/// The manifest's own format; a newer one is refused by name.
pub const BACKUP_FORMAT: u32 = 1;
const KIND: &str = "lotline-desk-backup";
const MANIFEST: &str = "lotline-backup.json";
const DATABASE: &str = "lotline.db";
const DEVICE_ID: &str = "device-id";
const ATTACHMENTS: &str = "attachments";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupManifest {
    /// Always `lotline-desk-backup`: tells this file from a server's backup or any other tar.
    pub kind: String,
    pub format: u32,
    pub app_version: String,
    pub schema_version: i64,
    pub desk_id: Option<String>,
    pub taken_at: String,
    pub files: Vec<BackupFile>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupFile {
    /// Relative, with `/`: `lotline.db`, `device-id`, `attachments/<sha256>`.
    pub path: String,
    pub size: u64,
    pub sha256: String,
}

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} holds no Lotline database")]
    NoDatabase(PathBuf),
    #[error("{0} is not a Lotline backup")]
    NotABackup(PathBuf),
    #[error("{path} is damaged or incomplete: {detail}")]
    Damaged { path: PathBuf, detail: String },
    #[error(
        "{path} was made by Lotline {app_version} (schema {schema_version}, format {format}); this Lotline {} knows up to schema {} and format {BACKUP_FORMAT}",
        APP_VERSION,
        known_schema()
    )]
    Newer { path: PathBuf, app_version: String, schema_version: i64, format: u32 },
    #[error("{context}: {source}")]
    Io { context: String, source: std::io::Error },
    #[error("database error while copying: {0}")]
    Sql(#[from] sqlx::Error),
}

fn io(context: impl std::fmt::Display) -> impl FnOnce(std::io::Error) -> BackupError {
    let context = context.to_string();
    move |source| BackupError::Io { context, source }
}

/// Writes a backup of the data folder `data_dir` to `out` while other processes may write to
/// it. The file appears whole or not at all.
pub async fn write_backup(data_dir: &Path, out: &Path, taken_at: &str) -> Result<BackupManifest, BackupError> {
    let database = data_dir.join(DATABASE);
    if !database.is_file() {
        return Err(BackupError::NoDatabase(data_dir.to_path_buf()));
    }
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let staging = tempfile::tempdir_in(parent).map_err(io(format!("staging in {}", parent.display())))?;
    let copy = staging.path().join(DATABASE);
    let schema_version = snapshot(&database, &copy).await?;
    let mut sources = vec![(DATABASE.to_owned(), copy)];
    let device = data_dir.join(DEVICE_ID);
    let desk_id = std::fs::read_to_string(&device).ok().map(|id| id.trim().to_owned()).filter(|id| !id.is_empty());
    if desk_id.is_some() {
        sources.push((DEVICE_ID.to_owned(), device));
    }
    for name in attachment_names(&data_dir.join(ATTACHMENTS))? {
        sources.push((format!("{ATTACHMENTS}/{name}"), data_dir.join(ATTACHMENTS).join(&name)));
    }
    let out = out.to_owned();
    let taken_at = taken_at.to_owned();
    tokio::task::spawn_blocking(move || {
        let mut files = Vec::with_capacity(sources.len());
        for (path, source) in &sources {
            let (size, sha256) = hash_file(source)?;
            files.push(BackupFile { path: path.clone(), size, sha256 });
        }
        let manifest = BackupManifest {
            kind: KIND.to_owned(),
            format: BACKUP_FORMAT,
            app_version: APP_VERSION.to_owned(),
            schema_version,
            desk_id,
            taken_at,
            files,
        };
        pack(&out, &manifest, &sources)?;
        drop(staging);
        Ok(manifest)
    })
    .await
    .map_err(|e| io("the backup task")(std::io::Error::other(e)))?
}

/// `VACUUM INTO` on a connection of its own, with no pragma that would change the live file.
async fn snapshot(database: &Path, copy: &Path) -> Result<i64, BackupError> {
    let mut conn = SqliteConnectOptions::new()
        .filename(database)
        .create_if_missing(false)
        .busy_timeout(std::time::Duration::from_secs(30))
        .connect()
        .await?;
    sqlx::query("VACUUM INTO ?").bind(copy.to_string_lossy().into_owned()).execute(&mut conn).await?;
    conn.close().await?;
    let mut conn = SqliteConnectOptions::new().filename(copy).create_if_missing(false).connect().await?;
    let schema: Option<i64> =
        sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations").fetch_one(&mut conn).await.unwrap_or(None);
    conn.close().await?;
    Ok(schema.unwrap_or(0))
}

/// The attachments' file names; uploads in flight (`<id>.partial`) are not attachments yet.
fn attachment_names(folder: &Path) -> Result<Vec<String>, BackupError> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(format!("reading {}", folder.display()))(e)),
    };
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(io(format!("reading {}", folder.display())))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_blob_id(&name) && entry.file_type().map(|t| t.is_file()).unwrap_or(false) {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

fn hash_file(path: &Path) -> Result<(u64, String), BackupError> {
    let mut file = File::open(path).map_err(io(format!("reading {}", path.display())))?;
    let mut hasher = Sha256::new();
    let size = std::io::copy(&mut file, &mut hasher).map_err(io(format!("reading {}", path.display())))?;
    Ok((size, format!("{:x}", hasher.finalize())))
}

/// Written beside `out` under a temporary name, synced, then renamed into place.
fn pack(out: &Path, manifest: &BackupManifest, sources: &[(String, PathBuf)]) -> Result<(), BackupError> {
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "backup".into());
    let partial = out.with_file_name(format!(".{name}.partial"));
    let context = format!("writing {}", partial.display());
    let file = private_file_options().truncate(true).open(&partial).map_err(io(&context))?;
    let mut tar = tar::Builder::new(BufWriter::new(file));
    let json = serde_json::to_vec_pretty(manifest).map_err(|e| io(&context)(e.into()))?;
    let mut header = tar::Header::new_gnu();
    header.set_size(json.len() as u64);
    header.set_mode(0o600);
    header.set_mtime(chrono::Utc::now().timestamp().max(0) as u64);
    header.set_cksum();
    tar.append_data(&mut header, MANIFEST, json.as_slice()).map_err(io(&context))?;
    for (path, source) in sources {
        tar.append_path_with_name(source, path).map_err(io(&context))?;
    }
    let file = tar.into_inner().map_err(io(&context))?.into_inner().map_err(|e| io(&context)(e.into_error()))?;
    file.sync_all().map_err(io(&context))?;
    drop(file);
    std::fs::rename(&partial, out).map_err(io(format!("naming {}", out.display())))?;
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        // Windows cannot open a folder as a file to sync it; its rename is durable already.
        #[cfg(unix)]
        File::open(parent).and_then(|f| f.sync_all()).map_err(io("syncing the backup's folder"))?;
        #[cfg(not(unix))]
        let _ = parent;
    }
    Ok(())
}

/// The manifest of the backup `file`, refused when the file is not a Lotline desk backup or
/// comes from a newer Lotline. Reads only the first entry.
pub fn read_manifest(file: &Path) -> Result<BackupManifest, BackupError> {
    let reader = File::open(file).map_err(io(format!("opening {}", file.display())))?;
    let mut archive = tar::Archive::new(BufReader::new(reader));
    let mut entries = archive.entries().map_err(|_| BackupError::NotABackup(file.to_owned()))?;
    let entry = entries.next().ok_or_else(|| BackupError::NotABackup(file.to_owned()))?;
    manifest_of(file, entry)
}

fn manifest_of(file: &Path, entry: std::io::Result<tar::Entry<'_, impl Read>>) -> Result<BackupManifest, BackupError> {
    let not_a_backup = || BackupError::NotABackup(file.to_owned());
    let mut entry = entry.map_err(|_| not_a_backup())?;
    if entry.path().ok().as_deref() != Some(Path::new(MANIFEST)) || entry.size() > 64 << 20 {
        return Err(not_a_backup());
    }
    let mut text = Vec::new();
    entry.read_to_end(&mut text).map_err(|_| not_a_backup())?;
    let kind: serde_json::Value = serde_json::from_slice(&text).map_err(|_| not_a_backup())?;
    if kind.get("kind").and_then(|k| k.as_str()) != Some(KIND) {
        return Err(not_a_backup());
    }
    let format = kind.get("format").and_then(|f| f.as_u64()).unwrap_or(u64::MAX);
    let schema_version = kind.get("schema_version").and_then(|s| s.as_i64()).unwrap_or(i64::MAX);
    if format > u64::from(BACKUP_FORMAT) || schema_version > known_schema() {
        return Err(BackupError::Newer {
            path: file.to_owned(),
            app_version: kind.get("app_version").and_then(|v| v.as_str()).unwrap_or("?").to_owned(),
            schema_version,
            format: u32::try_from(format).unwrap_or(u32::MAX),
        });
    }
    serde_json::from_value(kind).map_err(|_| not_a_backup())
}

/// A path from a manifest that may be written inside the folder being restored.
fn allowed(path: &str) -> bool {
    path == DATABASE || path == DEVICE_ID || path.strip_prefix("attachments/").is_some_and(is_blob_id)
}

/// Unpacks the backup `file` into the empty folder `into`, checking every file against the
/// manifest (its name, size and SHA-256) and that none is missing.
pub fn unpack_backup(file: &Path, into: &Path) -> Result<BackupManifest, BackupError> {
    let damaged = |detail: String| BackupError::Damaged { path: file.to_owned(), detail };
    let reader = File::open(file).map_err(io(format!("opening {}", file.display())))?;
    let mut archive = tar::Archive::new(BufReader::new(reader));
    let mut entries = archive.entries().map_err(|_| BackupError::NotABackup(file.to_owned()))?;
    let manifest = manifest_of(file, entries.next().ok_or_else(|| BackupError::NotABackup(file.to_owned()))?)?;
    if let Some(bad) = manifest.files.iter().find(|f| !allowed(&f.path)) {
        return Err(damaged(format!("the manifest names {}", bad.path)));
    }
    let mut seen = std::collections::BTreeSet::new();
    for entry in entries {
        let mut entry = entry.map_err(|e| damaged(e.to_string()))?;
        let path = entry.path().map_err(|e| damaged(e.to_string()))?.to_string_lossy().replace('\\', "/");
        let Some(expected) = manifest.files.iter().find(|f| f.path == path) else {
            return Err(damaged(format!("{path} is not in the manifest")));
        };
        if !seen.insert(path.clone()) {
            return Err(damaged(format!("{path} appears twice")));
        }
        let target = path.split('/').fold(into.to_path_buf(), |dir, part| dir.join(part));
        if let Some(parent) = target.parent() {
            crate::create_private_dir(parent).map_err(io(format!("creating {}", parent.display())))?;
        }
        let out = private_file_options().truncate(true).open(&target).map_err(io(format!("writing {path}")))?;
        let mut out = BufWriter::new(out);
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; 256 * 1024];
        let mut size = 0u64;
        loop {
            let n = entry.read(&mut buf).map_err(|e| damaged(format!("{path}: {e}")))?;
            if n == 0 {
                break;
            }
            hasher.update(&buf[..n]);
            out.write_all(&buf[..n]).map_err(io(format!("writing {path}")))?;
            size += n as u64;
        }
        let out = out.into_inner().map_err(|e| io(format!("writing {path}"))(e.into_error()))?;
        out.sync_all().map_err(io(format!("writing {path}")))?;
        let sha256 = format!("{:x}", hasher.finalize());
        if size != expected.size || sha256 != expected.sha256 {
            return Err(damaged(format!("{path} holds other content than the manifest says")));
        }
    }
    if let Some(missing) = manifest.files.iter().find(|f| !seen.contains(&f.path)) {
        return Err(damaged(format!("{} is missing (the file ends early)", missing.path)));
    }
    Ok(manifest)
}
