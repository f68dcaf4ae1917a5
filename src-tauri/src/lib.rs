//! The desktop host: one window, an IPC bridge that forwards `{act, input}` to the catalogue,
//! and the desk's background sync with its team. No business rule lives here.

mod team_sync;

use lotline_app::{ApiError, Ctx};
use serde_json::Value;
use tauri::Manager;
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

/// The catalogue and the background sync, or why the data folder could not be opened (shown
/// by the UI at start).
struct Backend(Result<(Ctx, team_sync::Nudge), ApiError>);

/// The act's output goes to the webview as the JSON text the catalogue wrote, not serialised twice.
#[tauri::command]
async fn call(backend: tauri::State<'_, Backend>, act: String, input: Value) -> Result<tauri::ipc::Response, ApiError> {
    match &backend.0 {
        Ok((ctx, nudge)) => {
            let output = lotline_app::call_json(ctx, &act, input).await.map(tauri::ipc::Response::new);
            if output.is_ok() {
                nudge.act_ran(&act);
            }
            output
        }
        Err(err) => Err(err.clone()),
    }
}

/// Where to save a file: the user's choice in the native dialog (`None` when cancelled). Automated
/// runs (the end-to-end tests) have nobody to answer a dialog: they name a folder instead.
fn chosen_path(app: &tauri::AppHandle, suggested_name: &str, filter: (&str, &str)) -> Option<std::path::PathBuf> {
    if let Some(dir) = std::env::var_os("LOTLINE_SAVE_DIR") {
        return Some(std::path::PathBuf::from(dir).join(file_name_of(suggested_name)));
    }
    let chosen =
        app.dialog().file().set_file_name(suggested_name).add_filter(filter.0, &[filter.1]).blocking_save_file();
    chosen.and_then(|p| p.into_path().ok())
}

/// Asks where to save with the native dialog and writes the file; `None` when cancelled.
#[tauri::command]
async fn save_text_file(
    app: tauri::AppHandle,
    suggested_name: String,
    contents: String,
) -> Result<Option<String>, ApiError> {
    let path = chosen_path(&app, &suggested_name, ("CSV", "csv"));
    let Some(path) = path else { return Ok(None) };
    std::fs::write(&path, contents).map_err(|e| ApiError::internal(e).with("path", path.display()))?;
    Ok(Some(path.display().to_string()))
}

/// A binary file the UI hands over to save: its kind picks the dialog's filter.
#[derive(serde::Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum BinaryKind {
    Pdf,
    Xlsx,
}

impl BinaryKind {
    fn filter(self) -> (&'static str, &'static str) {
        match self {
            Self::Pdf => ("PDF", "pdf"),
            Self::Xlsx => ("Excel", "xlsx"),
        }
    }
}

/// Saves a PDF the catalogue produced or a workbook the UI built (sent base64-encoded, as IPC
/// carries text) where the user chooses.
#[tauri::command]
async fn save_binary_file(
    app: tauri::AppHandle,
    suggested_name: String,
    contents_base64: String,
    kind: BinaryKind,
) -> Result<Option<String>, ApiError> {
    let bytes = decode_base64(&contents_base64)?;
    let Some(path) = chosen_path(&app, &suggested_name, kind.filter()) else { return Ok(None) };
    std::fs::write(&path, bytes).map_err(|e| ApiError::internal(e).with("path", path.display()))?;
    Ok(Some(path.display().to_string()))
}

/// Opens a PDF in the system's viewer, where the user prints it: the way label printers are
/// driven on Windows and macOS desks. The file goes to a temporary folder the viewer can read.
#[tauri::command]
async fn open_pdf_file(app: tauri::AppHandle, suggested_name: String, pdf_base64: String) -> Result<String, ApiError> {
    let bytes = decode_base64(&pdf_base64)?;
    let dir = std::env::temp_dir().join("lotline-documents");
    std::fs::create_dir_all(&dir).map_err(|e| ApiError::internal(e).with("path", dir.display()))?;
    let path = dir.join(file_name_of(&suggested_name));
    std::fs::write(&path, bytes).map_err(|e| ApiError::internal(e).with("path", path.display()))?;
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| ApiError::internal(e).with("path", path.display()))?;
    Ok(path.display().to_string())
}

fn decode_base64(text: &str) -> Result<Vec<u8>, ApiError> {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.decode(text.as_bytes()).map_err(ApiError::internal)
}

/// Only the file name of what the UI suggests, so a name can never point outside the folder.
fn file_name_of(suggested_name: &str) -> std::ffi::OsString {
    std::path::Path::new(suggested_name)
        .file_name()
        .map_or_else(|| std::ffi::OsString::from("lotline.pdf"), std::ffi::OsStr::to_os_string)
}

pub fn run() {
    let data_dir = lotline_store::default_data_dir();
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(move |app| {
            let backend = tauri::async_runtime::block_on(lotline_app::open(&data_dir));
            if let Err(err) = &backend {
                eprintln!("lotline: cannot open {}: {err}", data_dir.display());
            }
            let backend = backend.map(|ctx| {
                let nudge = team_sync::start(app.handle().clone(), ctx.clone());
                (ctx, nudge)
            });
            app.manage(Backend(backend));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![call, save_text_file, save_binary_file, open_pdf_file])
        .run(tauri::generate_context!())
        .unwrap_or_else(|err| {
            eprintln!("lotline: the window could not start: {err}");
            std::process::exit(1);
        });
}
