//! Attachments by content hash: a blob is accepted only when its bytes hash to its name, and is
//! on disk (file and folder fsynced) before the server records it, so a recorded blob survives
//! a crash.

use std::path::{Path, PathBuf};

use tokio::io::AsyncWriteExt;

use crate::database::{Store, now_text, sha256_hex};
use crate::error::{ApiError, ServerError};

pub(crate) fn check_name(sha256: &str) -> Result<(), ApiError> {
    if sha256.len() == 64 && sha256.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
        Ok(())
    } else {
        Err(ApiError::invalid("sync.blob_name_invalid", "A blob is named by its SHA-256 in lowercase hex.")
            .at("sha256"))
    }
}

pub(crate) async fn put_blob(store: &Store, dir: &Path, sha256: &str, bytes: &[u8]) -> Result<(), ServerError> {
    check_name(sha256)?;
    if sha256_hex(bytes) != sha256 {
        let message = "The blob's bytes do not hash to its name; nothing was stored.";
        return Err(ApiError::invalid("sync.blob_hash_mismatch", message).at("sha256").into());
    }
    let folder = dir.join("blobs");
    let path = folder.join(sha256);
    if !tokio::fs::try_exists(&path).await.map_err(ServerError::io("checking a blob"))? {
        write_durably(&folder, &path, bytes).await?;
    }
    sqlx::query("INSERT INTO blobs (sha256, size, stored_at) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING")
        .bind(sha256.to_owned())
        .bind(bytes.len() as i64)
        .bind(now_text())
        .execute(&store.pool)
        .await?;
    Ok(())
}

pub(crate) async fn get_blob(store: &Store, dir: &Path, sha256: &str) -> Result<Vec<u8>, ServerError> {
    check_name(sha256)?;
    let recorded: Option<i64> = sqlx::query_scalar("SELECT size FROM blobs WHERE sha256 = $1")
        .bind(sha256.to_owned())
        .fetch_optional(&store.pool)
        .await?;
    if recorded.is_none() {
        return Err(ApiError::not_found("sync.blob_not_found", "The server holds no blob by this hash.").into());
    }
    tokio::fs::read(dir.join("blobs").join(sha256)).await.map_err(ServerError::io("reading a blob"))
}

/// Written under a temporary name, fsynced, renamed into place and the folder fsynced, so the
/// blob's name never points at a partial file.
async fn write_durably(folder: &Path, path: &Path, bytes: &[u8]) -> Result<(), ServerError> {
    let temporary: PathBuf = folder.join(format!(".incoming-{}", uuid::Uuid::now_v7()));
    let mut file = tokio::fs::File::create(&temporary).await.map_err(ServerError::io("creating a blob"))?;
    file.write_all(bytes).await.map_err(ServerError::io("writing a blob"))?;
    file.sync_all().await.map_err(ServerError::io("syncing a blob"))?;
    drop(file);
    tokio::fs::rename(&temporary, path).await.map_err(ServerError::io("naming a blob"))?;
    let folder = folder.to_owned();
    tokio::task::spawn_blocking(move || std::fs::File::open(&folder).and_then(|f| f.sync_all()))
        .await
        .map_err(|e| ServerError::Config(e.to_string()))?
        .map_err(ServerError::io("syncing the blobs folder"))
}
