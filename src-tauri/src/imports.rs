//! `import_csv` with its progress on a Tauri channel and a Cancel button: the catalogue does the
//! import (`lotline_app::call_import_json`); the host only carries progress out and the cancel in.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use lotline_app::ApiError;
use lotline_app::acts::imports::{ImportControl, ImportProgress};
use serde_json::Value;
use tauri::ipc::Channel;

use crate::Backend;

/// The switch of the import running now (the window runs one at a time).
#[derive(Default)]
pub struct Running(Mutex<Option<Arc<AtomicBool>>>);

#[tauri::command]
pub async fn import_csv(
    backend: tauri::State<'_, Backend>,
    running: tauri::State<'_, Running>,
    input: Value,
    progress: Channel<ImportProgress>,
) -> Result<tauri::ipc::Response, ApiError> {
    let (ctx, nudge) = backend.opened.as_ref().map_err(Clone::clone)?;
    // A window that closed meanwhile cannot hear: the import goes on regardless.
    let control = ImportControl::reporting(move |p| {
        let _ = progress.send(p);
    });
    if let Ok(mut slot) = running.0.lock() {
        *slot = Some(control.cancel_switch());
    }
    let output = lotline_app::call_import_json(ctx, input, &control).await;
    if let Ok(mut slot) = running.0.lock() {
        *slot = None;
    }
    if output.is_ok() {
        nudge.act_ran("import_csv");
    }
    output.map(tauri::ipc::Response::new).map_err(|err| ctx.withhold_internal("import_csv", err))
}

/// Cancels the running import, which then writes nothing; nothing happens when none runs.
#[tauri::command]
pub fn cancel_import(running: tauri::State<'_, Running>) {
    if let Ok(slot) = running.0.lock()
        && let Some(switch) = slot.as_ref()
    {
        switch.store(true, Ordering::Relaxed);
    }
}
