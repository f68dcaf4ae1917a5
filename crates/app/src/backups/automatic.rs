//! The desk's own backups in its data folder's `backups/`: one the first time the app is used
//! each day, one before every upgrade of the database, and those an administrator makes; the
//! newest `backups_kept` (14 unless changed) stay, older ones are removed.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use lotline_domain::error::FieldError;
use lotline_domain::people::Permission;
use lotline_domain::{ApiError, ErrorCode};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::backup_error;
use crate::acts::Empty;
use crate::context::Ctx;

pub const BACKUPS_DIR: &str = "backups";
pub const KEPT_MIN: i64 = 1;
pub const KEPT_MAX: i64 = 365;
const PREFIX: &str = "lotline-";
const SUFFIX: &str = ".backup.tar";

/// One backup in the desk's folder, as Settings → Backups lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupEntry {
    pub file_name: String,
    /// The full path, for the restore command an administrator runs.
    pub path: String,
    #[ts(type = "number")]
    pub size_bytes: u64,
    pub taken_at: String,
    pub app_version: String,
    #[ts(type = "number")]
    pub schema_version: i64,
    /// `daily`, `upgrade` or `manual`.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupList {
    pub folder: String,
    /// The data folder, for the restore command.
    pub data_dir: String,
    #[ts(type = "number")]
    pub kept: i64,
    pub backups: Vec<BackupEntry>,
    /// The last restore the app did at start, and how it went.
    pub last_restore: Option<super::LastRestore>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct KeptInput {
    #[ts(type = "number")]
    pub kept: i64,
}

pub(super) fn folder(data_dir: &Path) -> PathBuf {
    data_dir.join(BACKUPS_DIR)
}

fn file_name(at: DateTime<Utc>, reason: &str) -> String {
    format!("{PREFIX}{}-{reason}{SUFFIX}", at.format("%Y%m%d-%H%M%S%3f"))
}

/// The UTC day and reason a backup's name carries; `None` for files that are not ours.
fn parse_name(name: &str) -> Option<(&str, &str)> {
    let stem = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let (stamp, reason) = stem.rsplit_once('-')?;
    let day = stamp.get(..8)?;
    day.bytes().all(|b| b.is_ascii_digit()).then_some((day, reason))
}

/// Our backups in `dir`, newest first (the names sort by time).
pub(super) fn own_backups(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| parse_name(n).is_some())
                .collect()
        })
        .unwrap_or_default();
    names.sort_unstable_by(|a, b| b.cmp(a));
    names
}

async fn write(data_dir: &Path, at: DateTime<Utc>, reason: &str) -> Result<BackupEntry, ApiError> {
    let dir = folder(data_dir);
    lotline_store::create_private_dir(&dir).map_err(|e| ApiError::internal(e).with("path", dir.display()))?;
    let path = dir.join(file_name(at, reason));
    let taken_at = lotline_domain::time::stored(at);
    lotline_store::write_backup(data_dir, &path, &taken_at).await.map_err(backup_error)?;
    entry(&path)
        .ok_or_else(|| ApiError::internal("the backup just written cannot be read").with("path", path.display()))
}

pub(super) fn entry(path: &Path) -> Option<BackupEntry> {
    let file_name = path.file_name()?.to_string_lossy().into_owned();
    let (_, reason) = parse_name(&file_name)?;
    let manifest = lotline_store::read_manifest(path).ok()?;
    Some(BackupEntry {
        reason: reason.to_owned(),
        path: path.display().to_string(),
        size_bytes: std::fs::metadata(path).ok()?.len(),
        taken_at: manifest.taken_at,
        app_version: manifest.app_version,
        schema_version: manifest.schema_version,
        file_name,
    })
}

fn prune(data_dir: &Path, kept: i64) {
    let dir = folder(data_dir);
    for name in own_backups(&dir).into_iter().skip(kept.max(KEPT_MIN) as usize) {
        // One that cannot be removed now is removed next time.
        let _ = std::fs::remove_file(dir.join(name));
    }
}

/// Before the database in `data_dir` is upgraded: a copy of it as the older version left it.
/// Nothing to do for a new folder or one at this version's schema.
pub async fn backup_before_upgrade(data_dir: &Path) -> Result<Option<BackupEntry>, ApiError> {
    let state = lotline_store::schema_state(data_dir).await?;
    if !state.needs_upgrade() {
        return Ok(None);
    }
    write(data_dir, Utc::now(), "upgrade").await.map(Some)
}

/// The first time the app is used on a day (UTC): a backup, unless one was made that day already.
pub async fn daily_backup(ctx: &Ctx) -> Result<Option<BackupEntry>, ApiError> {
    let data_dir = ctx.store.data_dir();
    let now = ctx.now();
    let today = now.format("%Y%m%d").to_string();
    if own_backups(&folder(data_dir)).iter().any(|n| parse_name(n).is_some_and(|(day, _)| day == today)) {
        return Ok(None);
    }
    let made = write(data_dir, now, "daily").await?;
    prune(data_dir, lotline_store::backups_kept(&ctx.store).await?);
    Ok(Some(made))
}

pub async fn list_backups(ctx: &Ctx, _: Empty) -> Result<BackupList, ApiError> {
    ctx.allowed(Permission::MaintainLog)?;
    let data_dir = ctx.store.data_dir();
    let dir = folder(data_dir);
    let backups = own_backups(&dir).iter().filter_map(|name| entry(&dir.join(name))).collect();
    Ok(BackupList {
        folder: dir.display().to_string(),
        data_dir: data_dir.display().to_string(),
        kept: lotline_store::backups_kept(&ctx.store).await?,
        backups,
        last_restore: super::last_restore(data_dir),
    })
}

/// An administrator's backup now, beside the automatic ones.
pub async fn make_backup(ctx: &Ctx, _: Empty) -> Result<BackupEntry, ApiError> {
    ctx.allowed(Permission::MaintainLog)?;
    let made = write(ctx.store.data_dir(), ctx.now(), "manual").await?;
    prune(ctx.store.data_dir(), lotline_store::backups_kept(&ctx.store).await?);
    Ok(made)
}

pub async fn set_backups_kept(ctx: &Ctx, input: KeptInput) -> Result<BackupList, ApiError> {
    ctx.allowed(Permission::MaintainLog)?;
    if !(KEPT_MIN..=KEPT_MAX).contains(&input.kept) {
        let field = FieldError::new("kept", "error.backup.kept_range").with("min", KEPT_MIN).with("max", KEPT_MAX);
        let mut err = ApiError::field(field);
        err.code = ErrorCode::Invalid;
        return Err(err);
    }
    lotline_store::set_backups_kept(&ctx.store, input.kept).await?;
    prune(ctx.store.data_dir(), input.kept);
    list_backups(ctx, Empty {}).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_day_and_reason_and_sort_by_time() {
        let at = DateTime::parse_from_rfc3339("2026-12-06T16:20:01.250Z").unwrap().with_timezone(&Utc);
        let name = file_name(at, "daily");
        assert_eq!(name, "lotline-20261206-162001250-daily.backup.tar");
        assert_eq!(parse_name(&name), Some(("20261206", "daily")));
        assert_eq!(parse_name("notes.txt"), None);
        assert!(file_name(at, "manual") < file_name(at + chrono::Duration::milliseconds(1), "daily"));
    }
}
