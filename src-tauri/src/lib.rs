//! The desktop host: one window, an IPC bridge that forwards `{act, input}` to the catalogue,
//! the desk's background sync with its team, the app's daily jobs, and the operating system's
//! notifications while the window is in the background. No business rule lives here.

// Unit tests may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for
// the code they test, which the build without tests still checks.
#![cfg_attr(test, allow(clippy::too_many_lines))]

mod daily;
mod files;
mod imports;
mod notify;
mod print;
mod team_sync;
mod webview;

use std::path::{Path, PathBuf};

use lotline_app::{ApiError, Ctx};
use serde_json::Value;
use tauri::Manager;

/// The data folder, and the catalogue with the background sync or why the folder could not be
/// opened (shown by the UI at start).
struct Backend {
    data_dir: PathBuf,
    opened: Result<(Ctx, team_sync::Nudge), ApiError>,
    /// One app per data folder: the CLI and another copy of the app are refused while this
    /// one runs (docs/backups.md).
    _lock: Option<lotline_store::FolderLock>,
}

impl Backend {
    /// A host command's failure as the user sees it: a reference; the path and the operating
    /// system's words go to the log in the data folder.
    fn withhold(&self, command: &str, err: impl ToString, path: impl AsRef<Path>) -> ApiError {
        let err = ApiError::internal(err).with("path", path.as_ref().display());
        lotline_app::withhold_internal(&self.data_dir, command, err)
    }
}

/// The act's output goes to the webview as the JSON text the catalogue wrote, not serialised twice.
/// An internal error reaches it as a reference to the log, without its SQL or paths.
#[tauri::command]
async fn call(backend: tauri::State<'_, Backend>, act: String, input: Value) -> Result<tauri::ipc::Response, ApiError> {
    match &backend.opened {
        Ok((ctx, nudge)) => {
            let output = lotline_app::call_json(ctx, &act, input).await.map(tauri::ipc::Response::new);
            if output.is_ok() {
                nudge.act_ran(&act);
            }
            mark_first_answer();
            output.map_err(|err| ctx.withhold_internal(&act, err))
        }
        Err(err) => Err(err.clone()),
    }
}

/// After an administrator asked for a restore: the next start does it (see `finish_pending_restore`).
#[tauri::command]
fn restart_app(app: tauri::AppHandle) {
    app.restart();
}

/// `cargo xtask startup` times a cold start from outside, from spawning the app to this line: the
/// window is up, the UI has loaded and its first act has been answered.
fn mark_first_answer() {
    static FIRST: std::sync::Once = std::sync::Once::new();
    FIRST.call_once(|| {
        if std::env::var_os("LOTLINE_STARTUP_PROBE").is_some() {
            eprintln!("lotline: first answer");
        }
    });
}

pub fn run() {
    let data_dir = lotline_store::default_data_dir();
    tauri::Builder::default()
        // First, as its documentation asks: a second start hands over to this one and ends.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_notification::init())
        .setup(move |app| {
            // A restore asked for in Settings → Backups is done now, before the folder is opened.
            if let Some(last) = tauri::async_runtime::block_on(lotline_app::backups::finish_pending_restore(&data_dir))
            {
                match &last.refused {
                    None => eprintln!("lotline: restored {} into {}", last.file_name, data_dir.display()),
                    Some(err) => eprintln!("lotline: the restore of {} was refused: {err}", last.file_name),
                }
            }
            let (lock, backend) = match lotline_app::backups::lock_data_folder(&data_dir) {
                Ok(lock) => (Some(lock), tauri::async_runtime::block_on(lotline_app::open_desk(&data_dir))),
                Err(err) => (None, Err(err)),
            };
            let backend = backend
                .map_err(|err| {
                    eprintln!("lotline: cannot open {}: {err}", data_dir.display());
                    lotline_app::withhold_internal(&data_dir, "open", err)
                })
                .map(|ctx| {
                    let nudge = team_sync::start(app.handle().clone(), ctx.clone());
                    daily::start(app.handle().clone(), ctx.clone());
                    (ctx, nudge)
                });
            app.manage(Backend { data_dir: data_dir.clone(), opened: backend, _lock: lock });
            app.manage(imports::Running::default());
            webview::tune(app);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            call,
            restart_app,
            files::save_text_file,
            files::save_binary_file,
            files::print_document,
            imports::import_csv,
            imports::cancel_import,
            notify::notify_os
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|err| {
            eprintln!("lotline: the window could not start: {err}");
            std::process::exit(1);
        });
}
