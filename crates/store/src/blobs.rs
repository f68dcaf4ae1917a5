//! Attachment files in the data folder, named by the SHA-256 of their content. A file is durable
//! (the file and its folder fsynced) before the event that names it commits, and every read
//! checks the content against its name, so a damaged or swapped file is never served.

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::{Store, StoreError};

/// The content hash that names a blob, in lowercase hex.
pub fn blob_id(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// Ids are hex digests: anything else never reaches the file system.
pub fn is_blob_id(id: &str) -> bool {
    id.len() == 64 && id.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[derive(Debug, thiserror::Error)]
pub enum BlobError {
    #[error("“{0}” is not a content hash")]
    BadId(String),
    #[error("the file for {id} holds other content (SHA-256 {found})")]
    Damaged { id: String, found: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Store {
    /// Writes `bytes` under their content hash, durably, and returns the hash. Writing what is
    /// already there costs nothing.
    pub fn write_blob(&self, bytes: &[u8]) -> Result<String, StoreError> {
        let id = blob_id(bytes);
        let dir = self.attachments_dir();
        let path = dir.join(&id);
        if path.exists() {
            return Ok(id);
        }
        crate::create_private_dir(&dir)?;
        // Write then rename, so a crash never leaves a truncated file under a valid hash name.
        let partial = dir.join(format!("{id}.partial"));
        let file = crate::write_private(&partial, bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&partial, &path)?;
        sync_folder(&dir)?;
        Ok(id)
    }

    /// The blob's bytes, checked against its name; `None` when there is no such file.
    pub fn read_blob(&self, id: &str) -> Result<Option<Vec<u8>>, BlobError> {
        if !is_blob_id(id) {
            return Err(BlobError::BadId(id.to_owned()));
        }
        let bytes = match std::fs::read(self.attachments_dir().join(id)) {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(err) => return Err(StoreError::Io(err).into()),
        };
        let found = blob_id(&bytes);
        if found != id {
            return Err(BlobError::Damaged { id: id.to_owned(), found });
        }
        Ok(Some(bytes))
    }
}

/// Makes the rename durable: on Unix a folder's entries reach the disk with an fsync of the
/// folder itself. Windows has no such call for folders (NTFS journals the rename).
#[cfg(unix)]
fn sync_folder(dir: &Path) -> Result<(), StoreError> {
    std::fs::File::open(dir)?.sync_all()?;
    Ok(())
}

#[cfg(not(unix))]
fn sync_folder(_dir: &Path) -> Result<(), StoreError> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_blob_is_read_back_only_while_its_content_matches_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).await.unwrap();
        let id = store.write_blob(b"photo bytes").unwrap();
        assert_eq!(id, blob_id(b"photo bytes"));
        assert_eq!(store.write_blob(b"photo bytes").unwrap(), id, "written once");
        assert_eq!(store.read_blob(&id).unwrap().as_deref(), Some(&b"photo bytes"[..]));
        assert!(!store.attachments_dir().join(format!("{id}.partial")).exists());

        std::fs::write(store.attachments_dir().join(&id), b"swapped").unwrap();
        assert!(matches!(store.read_blob(&id), Err(BlobError::Damaged { .. })));
        assert!(store.read_blob(&blob_id(b"never written")).unwrap().is_none());
        assert!(matches!(store.read_blob("../lotline.db"), Err(BlobError::BadId(_))));
    }
}
