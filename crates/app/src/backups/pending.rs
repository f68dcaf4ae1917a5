//! A restore asked for in the app. The running app holds the folder a restore replaces, so the
//! app checks the backup whole at once (so a bad file is refused while the administrator is still
//! looking), leaves a note in the data folder and restarts; the next start does the restore
//! before it opens the folder, through the same `restore` the command line uses, and leaves a
//! note of how it went for Settings → Backups.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lotline_domain::people::Permission;
use lotline_domain::{ApiError, ErrorCode};
use lotline_store::folder_in_use;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::automatic::{BACKUPS_DIR, BackupEntry, entry, folder, own_backups};
use super::lock_error;
use super::restore::{restore, verify};
use crate::context::Ctx;

/// Written by `request_restore`, read and removed by the next start.
pub const PENDING_FILE: &str = "restore-pending.json";
/// How the last restore from the app went, shown in Settings → Backups.
pub const LAST_RESTORE_FILE: &str = "last-restore.json";
/// The app that asked for the restore is still ending when the next one starts.
const WAIT_FOR_PREVIOUS: Duration = Duration::from_secs(30);

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct RestoreRequest {
    /// One of the desk's own backups, by the name Settings → Backups lists.
    pub file_name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct PendingRestore {
    file: PathBuf,
    requested_by: String,
    requested_at: String,
}

/// The outcome of the last restore the app did at start.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LastRestore {
    pub file_name: String,
    /// When the backup was taken.
    pub taken_at: Option<String>,
    pub requested_by: String,
    pub done_at: String,
    /// Where the data folder's previous content went; `None` when the restore was refused.
    pub moved_aside: Option<String>,
    /// The desk is in a team: it syncs before it writes again.
    pub pull_first: bool,
    /// Why the restore was refused (the folder was left as it was), as an error key and its
    /// parameters for the UI's message.
    pub refused: Option<ApiError>,
}

/// Checks the backup whole (manifest, every file's hash, `check` on an unpacked copy) and leaves
/// the note for the next start. Nothing in the data folder changes until then.
pub async fn request_restore(ctx: &Ctx, input: RestoreRequest) -> Result<BackupEntry, ApiError> {
    let actor = ctx.allowed(Permission::MaintainLog)?;
    let data_dir = ctx.store.data_dir();
    let dir = folder(data_dir);
    let known = own_backups(&dir).into_iter().any(|name| name == input.file_name);
    let path = dir.join(&input.file_name);
    let backup = entry(&path).filter(|_| known).ok_or_else(|| {
        ApiError::new(ErrorCode::NotFound, "error.backup.not_listed").with("file", input.file_name.clone())
    })?;
    verify(&path, data_dir).await?;
    let note = PendingRestore { file: path, requested_by: actor.display_name, requested_at: ctx.now_text() };
    write_json(&data_dir.join(PENDING_FILE), &note)?;
    Ok(backup)
}

/// At start, before the folder is locked and opened: the restore asked for, if any. Waits for
/// the app that asked to let the folder go. Returns how it went (also kept for the UI).
pub async fn finish_pending_restore(data_dir: &Path) -> Option<LastRestore> {
    let pending_path = data_dir.join(PENDING_FILE);
    let note: PendingRestore = serde_json::from_slice(&std::fs::read(&pending_path).ok()?).ok()?;
    let file_name = note.file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let taken_at = lotline_store::read_manifest(&note.file).ok().map(|m| m.taken_at);
    let outcome = match wait_until_free(data_dir).await {
        Ok(()) => restore(&note.file, data_dir, true).await,
        Err(err) => Err(err),
    };
    let done_at = lotline_domain::time::stored(chrono::Utc::now());
    let last = match outcome {
        Ok(report) => {
            let aside = report.moved_aside.clone();
            if let Some(aside) = &aside {
                // The desk's backups stay listed where they were; the note does not ask again.
                let _ = std::fs::rename(aside.join(BACKUPS_DIR), data_dir.join(BACKUPS_DIR));
                let _ = std::fs::remove_file(aside.join(PENDING_FILE));
            }
            LastRestore {
                file_name,
                taken_at,
                requested_by: note.requested_by,
                done_at,
                moved_aside: aside.map(|a| a.display().to_string()),
                pull_first: report.pull_first,
                refused: None,
            }
        }
        Err(err) => {
            let _ = std::fs::remove_file(&pending_path);
            LastRestore {
                file_name,
                taken_at,
                requested_by: note.requested_by,
                done_at,
                moved_aside: None,
                pull_first: false,
                refused: Some(err),
            }
        }
    };
    let _ = write_json(&data_dir.join(LAST_RESTORE_FILE), &last);
    Some(last)
}

/// The last restore the app did, if any.
pub fn last_restore(data_dir: &Path) -> Option<LastRestore> {
    serde_json::from_slice(&std::fs::read(data_dir.join(LAST_RESTORE_FILE)).ok()?).ok()
}

async fn wait_until_free(data_dir: &Path) -> Result<(), ApiError> {
    let started = Instant::now();
    while folder_in_use(data_dir).map_err(lock_error)? {
        if started.elapsed() > WAIT_FOR_PREVIOUS {
            return Err(ApiError::conflict("error.data.locked").with("path", data_dir.display()));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Ok(())
}

/// Written whole or not at all: a crash mid-write must not leave half a note.
fn write_json(path: &Path, value: &impl Serialize) -> Result<(), ApiError> {
    let text = serde_json::to_vec_pretty(value).map_err(ApiError::internal)?;
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, text).map_err(|e| ApiError::internal(e).with("path", tmp.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| ApiError::internal(e).with("path", path.display()))
}
