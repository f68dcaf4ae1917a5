use std::path::Path;
use std::sync::Arc;

use lotline_domain::ApiError;
use lotline_store::{MemoryUse, Store, StoreError};

use crate::audit::KeyVault;
use crate::clock::SystemClock;
use crate::context::Ctx;

/// This desk's id: made once per data folder, so events say which installation wrote them.
fn device_id(data_dir: &Path) -> std::io::Result<String> {
    let path = data_dir.join("device-id");
    if let Ok(id) = std::fs::read_to_string(&path)
        && !id.trim().is_empty()
    {
        return Ok(id.trim().to_owned());
    }
    let id = uuid::Uuid::now_v7().to_string();
    lotline_store::write_private(&path, id.as_bytes())?;
    Ok(id)
}

/// Opens the data folder (creating and upgrading the database) with the real clock, finds the
/// log's checkpoint key and checks what was added to the log since the last start.
pub async fn open(data_dir: &Path) -> Result<Ctx, ApiError> {
    open_with(data_dir, KeyVault::for_host()).await
}

/// [`open`] for the desktop app, which stays open all day: SQLite keeps little memory.
pub async fn open_desk(data_dir: &Path) -> Result<Ctx, ApiError> {
    open_using(data_dir, KeyVault::for_host(), MemoryUse::DESK).await
}

/// [`open`] with the checkpoint key kept in `vault`.
pub async fn open_with(data_dir: &Path, vault: KeyVault) -> Result<Ctx, ApiError> {
    open_using(data_dir, vault, MemoryUse::BATCH).await
}

async fn open_using(data_dir: &Path, vault: KeyVault, memory: MemoryUse) -> Result<Ctx, ApiError> {
    // A copy of the database as the older version left it, before this one upgrades it.
    crate::backups::backup_before_upgrade(data_dir).await?;
    let store = Store::open_using(data_dir, memory).await.map_err(|err| match err {
        // Not a fault but a version to install: said plainly, not hidden behind a log reference.
        StoreError::NewerSchema { found, known, found_version, version, .. } => {
            ApiError::conflict("error.store.newer_schema")
                .with("found", found)
                .with("known", known)
                .with("found_version", found_version)
                .with("version", version)
        }
        err => ApiError::internal(err).with("path", data_dir.display()),
    })?;
    let device = device_id(data_dir).map_err(ApiError::internal)?;
    let pull_first = lotline_store::pull_first(&store).await.map_err(ApiError::internal)?;
    let ctx = Ctx::new(store, Arc::new(SystemClock), device);
    ctx.set_pull_first(pull_first);
    crate::audit::start(&ctx, vault).await?;
    Ok(ctx)
}
