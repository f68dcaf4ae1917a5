//! Restoring a backup into a data folder. Everything is checked before anything is put in place:
//! the manifest (a Lotline desk backup, not from a newer version), every file's hash, and
//! `check` on the unpacked database in a folder beside the target. Only then is the target's old
//! content moved aside (never deleted) and the restored folder renamed into its place, so a
//! refusal at any step leaves the target exactly as it was.

use std::path::{Path, PathBuf};

use lotline_domain::{ApiError, ErrorCode};
use lotline_store::{BackupManifest, Store, folder_in_use};
use serde::Serialize;

use super::{backup_error, lock_error};
use crate::context::store_error;

#[derive(Debug, Clone, Serialize)]
pub struct RestoreReport {
    pub data_dir: PathBuf,
    pub manifest: BackupManifest,
    /// Where the folder's previous content went (with `--replace`).
    pub moved_aside: Option<PathBuf>,
    /// The desk is enrolled in a team: it pulls its own events back before it writes again.
    pub pull_first: bool,
}

pub async fn restore(file: &Path, dir: &Path, replace: bool) -> Result<RestoreReport, ApiError> {
    // The file first: a stranger's tar or a newer version's backup is refused before the folder
    // is even looked at.
    lotline_store::read_manifest(file).map_err(backup_error)?;
    let occupied = refuse_held_or_occupied(dir, replace)?;
    let staged = unpack_and_check(file, dir, true).await?;
    // Once more: the app may have started on the folder while the copy was checked.
    refuse_held_or_occupied(dir, replace)?;
    let moved_aside = if occupied { Some(move_aside(dir)?) } else { None };
    if dir.exists() {
        // An empty folder: nothing to keep, and a rename needs the name free.
        std::fs::remove_dir(dir).map_err(|e| ApiError::internal(e).with("path", dir.display()))?;
    }
    std::fs::rename(staged.path(), dir).map_err(|e| ApiError::internal(e).with("path", dir.display()))?;
    Ok(RestoreReport {
        data_dir: dir.to_owned(),
        manifest: staged.manifest,
        moved_aside,
        pull_first: staged.pull_first,
    })
}

/// The checks a restore makes before it moves anything (the file's manifest, every file's hash,
/// `check` on the unpacked database), on a copy unpacked beside `data_dir` and removed after.
pub async fn verify(file: &Path, data_dir: &Path) -> Result<BackupManifest, ApiError> {
    lotline_store::read_manifest(file).map_err(backup_error)?;
    Ok(unpack_and_check(file, data_dir, false).await?.manifest)
}

/// A backup unpacked and checked in a folder beside `dir` (so putting it in place is a rename on
/// one file system), removed when this is dropped unless it was renamed away first.
struct Staged {
    _staging: tempfile::TempDir,
    data: PathBuf,
    manifest: BackupManifest,
    pull_first: bool,
}

impl Staged {
    fn path(&self) -> &Path {
        &self.data
    }
}

/// Unpacks `file` beside `dir`, checks every file's hash and runs `check` on the database;
/// `for_real`: it is the copy that goes into place, so a desk of a team is marked to pull first.
async fn unpack_and_check(file: &Path, dir: &Path, for_real: bool) -> Result<Staged, ApiError> {
    let parent = match dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(parent) => parent.to_path_buf(),
        None => PathBuf::from("."),
    };
    // A new parent is the desk's own; an existing one (the user's home, a shared folder) keeps the
    // permissions it has.
    if !parent.exists() {
        lotline_store::create_private_dir(&parent).map_err(|e| ApiError::internal(e).with("path", parent.display()))?;
    }
    let staging = tempfile::Builder::new()
        .prefix(".lotline-restore-")
        .tempdir_in(&parent)
        .map_err(|e| ApiError::internal(e).with("path", parent.display()))?;
    let data = staging.path().join("data");
    lotline_store::create_private_dir(&data).map_err(ApiError::internal)?;
    let (from, into) = (file.to_owned(), data.clone());
    let manifest = tokio::task::spawn_blocking(move || lotline_store::unpack_backup(&from, &into))
        .await
        .map_err(ApiError::internal)?
        .map_err(backup_error)?;
    let pull_first = check_staged(&data, for_real).await?;
    Ok(Staged { _staging: staging, data, manifest, pull_first })
}

/// Whether the folder holds anything; refused when the app holds it, or when it holds data and
/// `replace` was not given.
fn refuse_held_or_occupied(dir: &Path, replace: bool) -> Result<bool, ApiError> {
    if folder_in_use(dir).map_err(lock_error)? {
        return Err(ApiError::conflict("error.data.locked").with("path", dir.display()));
    }
    if dir.exists() && !dir.is_dir() {
        return Err(ApiError::new(ErrorCode::Invalid, "error.backup.not_a_folder").with("path", dir.display()));
    }
    let occupied = std::fs::read_dir(dir).map(|mut entries| entries.next().is_some()).unwrap_or(false);
    if occupied && !replace {
        return Err(ApiError::conflict("error.backup.folder_not_empty").with("path", dir.display()));
    }
    Ok(occupied)
}

/// Opens the unpacked database (upgrading it, as the app would) and runs `check`; marks a desk
/// of a team to pull before it writes (`mark`: it is the copy that goes into place).
async fn check_staged(staged: &Path, mark: bool) -> Result<bool, ApiError> {
    let store = Store::open(staged).await?;
    let report = lotline_store::check(&store).await?;
    if !report.ok() {
        store.close().await;
        let detail = serde_json::to_string(&report).unwrap_or_default();
        return Err(ApiError::new(ErrorCode::Invalid, "error.backup.check_failed").with("detail", detail));
    }
    let enrolled = {
        let mut conn = store.pool().acquire().await.map_err(|e| store_error(e.into()))?;
        lotline_store::enrolment(&mut conn).await?.is_some()
    };
    if enrolled && mark {
        lotline_store::set_pull_first(&store, true).await?;
    }
    store.close().await;
    Ok(enrolled)
}

/// `<name>.before-restore-<UTC time>` beside the folder.
fn move_aside(dir: &Path) -> Result<PathBuf, ApiError> {
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "lotline".into());
    let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
    let mut aside = dir.with_file_name(format!("{name}.before-restore-{stamp}"));
    let mut n = 1;
    while aside.exists() {
        n += 1;
        aside = dir.with_file_name(format!("{name}.before-restore-{stamp}-{n}"));
    }
    std::fs::rename(dir, &aside).map_err(|e| ApiError::internal(e).with("path", dir.display()))?;
    Ok(aside)
}
