//! Backups of a desk's data folder and restoring one (docs/backups.md): the file format and the
//! copy live in `lotline_store`; here are the rules around them: what is refused and why, where
//! the desk keeps its automatic backups and how many, and a restored desk of a team that pulls
//! before it writes.

mod automatic;
mod pending;
mod restore;

use std::path::Path;

use lotline_domain::{ApiError, ErrorCode};
use lotline_store::{BackupError, LockError};

pub use automatic::{
    BACKUPS_DIR, BackupEntry, BackupList, KEPT_MAX, KEPT_MIN, KeptInput, backup_before_upgrade, daily_backup,
    list_backups, make_backup, set_backups_kept,
};
pub use pending::{
    LAST_RESTORE_FILE, LastRestore, PENDING_FILE, RestoreRequest, finish_pending_restore, last_restore, request_restore,
};
pub use restore::{RestoreReport, restore, verify};

/// Writes a backup of `data_dir` to `out` while the app may be writing; takes no lock.
pub async fn backup_folder(data_dir: &Path, out: &Path) -> Result<lotline_store::BackupManifest, ApiError> {
    let taken_at = lotline_domain::time::stored(chrono::Utc::now());
    lotline_store::write_backup(data_dir, out, &taken_at).await.map_err(backup_error)
}

/// Takes the data folder's lock for this process's lifetime: one app per folder.
pub fn lock_data_folder(data_dir: &Path) -> Result<lotline_store::FolderLock, ApiError> {
    lotline_store::FolderLock::acquire(data_dir).map_err(lock_error)
}

pub(crate) fn lock_error(err: LockError) -> ApiError {
    match err {
        LockError::Held(path) => ApiError::conflict("error.data.locked").with("path", path.display()),
        LockError::Io(path, err) => ApiError::internal(err).with("path", path.display()),
    }
}

/// Each refusal by name, so a person knows whether the file or the folder is at fault.
pub(crate) fn backup_error(err: BackupError) -> ApiError {
    match err {
        BackupError::NoDatabase(path) => {
            ApiError::new(ErrorCode::NotFound, "error.backup.no_data").with("path", path.display())
        }
        BackupError::NotABackup(path) => {
            ApiError::new(ErrorCode::Invalid, "error.backup.not_a_backup").with("path", path.display())
        }
        BackupError::Damaged { path, detail } => ApiError::new(ErrorCode::Invalid, "error.backup.damaged")
            .with("path", path.display())
            .with("detail", detail),
        BackupError::Newer { path, app_version, schema_version, .. } => ApiError::conflict("error.backup.newer")
            .with("path", path.display())
            .with("found_version", app_version)
            .with("found", schema_version)
            .with("version", lotline_store::APP_VERSION)
            .with("known", lotline_store::known_schema()),
        err @ (BackupError::Io { .. } | BackupError::Sql(_)) => ApiError::internal(err),
    }
}
