//! One app per data folder: the desktop app and every CLI command that opens the folder hold an
//! exclusive lock on `lotline.lock` inside it while they run. The operating system releases it
//! when the process ends, crashed or not, so a stale lock file never keeps anyone out. Backups
//! read the database through SQLite's own locking and take no lock, so they run beside the app.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use crate::{create_private_dir, private_file_options};

pub const LOCK_FILE: &str = "lotline.lock";

/// Held while the value lives.
#[derive(Debug)]
pub struct FolderLock {
    _file: File,
    path: PathBuf,
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("{0} is in use by another Lotline (the desktop app or a command)")]
    Held(PathBuf),
    #[error("the data folder's lock {0} could not be taken: {1}")]
    Io(PathBuf, io::Error),
}

impl FolderLock {
    /// Takes the folder's lock, creating the folder when it is new; refuses at once when another
    /// process holds it.
    pub fn acquire(data_dir: &Path) -> Result<FolderLock, LockError> {
        let path = data_dir.join(LOCK_FILE);
        create_private_dir(data_dir).map_err(|e| LockError::Io(path.clone(), e))?;
        let file = private_file_options().open(&path).map_err(|e| LockError::Io(path.clone(), e))?;
        match file.try_lock() {
            Ok(()) => Ok(FolderLock { _file: file, path }),
            Err(std::fs::TryLockError::WouldBlock) => Err(LockError::Held(data_dir.to_path_buf())),
            Err(std::fs::TryLockError::Error(e)) => Err(LockError::Io(path, e)),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Whether another process holds `data_dir`'s lock now; a folder without a lock file is free.
/// Nothing is created.
pub fn folder_in_use(data_dir: &Path) -> Result<bool, LockError> {
    let path = data_dir.join(LOCK_FILE);
    let file = match std::fs::OpenOptions::new().read(true).write(true).open(&path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(LockError::Io(path, e)),
    };
    match file.try_lock() {
        Ok(()) => Ok(false),
        Err(std::fs::TryLockError::WouldBlock) => Ok(true),
        Err(std::fs::TryLockError::Error(e)) => Err(LockError::Io(path, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let first = FolderLock::acquire(dir.path()).unwrap();
        assert!(matches!(FolderLock::acquire(dir.path()), Err(LockError::Held(_))));
        assert!(folder_in_use(dir.path()).unwrap());
        drop(first);
        assert!(!folder_in_use(dir.path()).unwrap());
        FolderLock::acquire(dir.path()).unwrap();
    }
}
