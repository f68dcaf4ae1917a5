//! The data folder holds password hashes, customers' addresses and the whole history: on a
//! computer with several accounts, only its owner may read it (`0700` folders, `0600` files on
//! Unix). Windows gives a folder under the user's profile to that user already.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

/// Creates `dir` (and missing parents) readable by its owner only, and tightens it when it was
/// made by an older version with the default mode.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)?;
    restrict(dir, 0o700)
}

/// Options that create a file readable and writable by its owner only.
pub fn private_file_options() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
}

/// Writes `bytes` to a new or emptied file readable by its owner only.
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<File> {
    use std::io::Write as _;
    let mut file = private_file_options().truncate(true).open(path)?;
    restrict(path, 0o600)?;
    file.write_all(bytes)?;
    Ok(file)
}

/// Makes an existing file owner-only; a file that is not there is left alone.
pub fn restrict_file(path: &Path) -> io::Result<()> {
    match restrict(path, 0o600) {
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

#[cfg(unix)]
fn restrict(path: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    if std::fs::metadata(path)?.permissions().mode() & 0o777 != mode {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn restrict(_path: &Path, _mode: u32) -> io::Result<()> {
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt as _;

    use crate::Store;

    fn mode(path: &std::path::Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[tokio::test]
    async fn the_data_folder_and_its_files_are_the_owners_alone() {
        let home = tempfile::tempdir().unwrap();
        let data = home.path().join("lotline");
        let store = Store::open(&data).await.unwrap();
        sqlx::query("CREATE TABLE scratch (x)").execute(store.pool()).await.unwrap();
        let blob = store.write_blob(b"photo").unwrap();
        assert_eq!(mode(&data), 0o700);
        for file in ["lotline.db", "lotline.db-wal", "lotline.db-shm"] {
            assert_eq!(mode(&data.join(file)), 0o600, "{file}");
        }
        assert_eq!(mode(&store.attachments_dir()), 0o700);
        assert_eq!(mode(&store.attachments_dir().join(blob)), 0o600);
        store.close().await;
    }

    #[tokio::test]
    async fn a_data_folder_made_open_by_an_older_version_is_closed_on_the_next_start() {
        let home = tempfile::tempdir().unwrap();
        let data = home.path().join("lotline");
        Store::open(&data).await.unwrap().close().await;
        std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::set_permissions(data.join("lotline.db"), std::fs::Permissions::from_mode(0o644)).unwrap();
        Store::open(&data).await.unwrap().close().await;
        assert_eq!((mode(&data), mode(&data.join("lotline.db"))), (0o700, 0o600));
    }
}
