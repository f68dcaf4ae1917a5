//! Saving what the UI made (a CSV export, a PDF, a workbook) where the user chooses, and
//! opening a PDF to print it.

use std::path::PathBuf;

use lotline_app::ApiError;
use lotline_app::acts::documents::PdfFile;
use serde_json::Value;
use tauri::Manager as _;
use tauri_plugin_dialog::DialogExt as _;
use tauri_plugin_opener::OpenerExt as _;

use crate::{Backend, print};

/// Where to save a file: the user's choice in the native dialog (`None` when cancelled).
fn chosen_path(app: &tauri::AppHandle, suggested_name: &str, filter: (&str, &str)) -> Option<PathBuf> {
    // The end-to-end tests have nobody to answer a dialog, so they name a folder instead. Only
    // their build reads it: in an installed app, anything that could set the variable could
    // send every saved file elsewhere without a dialog.
    #[cfg(feature = "e2e")]
    if let Some(dir) = std::env::var_os("LOTLINE_SAVE_DIR") {
        return Some(PathBuf::from(dir).join(file_name_of(suggested_name)));
    }
    let chosen =
        app.dialog().file().set_file_name(suggested_name).add_filter(filter.0, &[filter.1]).blocking_save_file();
    chosen.and_then(|p| p.into_path().ok())
}

/// Only the file name of what the UI suggests, so a name can never point outside the folder.
#[cfg(feature = "e2e")]
fn file_name_of(suggested_name: &str) -> std::ffi::OsString {
    std::path::Path::new(suggested_name)
        .file_name()
        .map_or_else(|| std::ffi::OsString::from("lotline.pdf"), std::ffi::OsStr::to_os_string)
}

/// Asks where to save with the native dialog and writes the file; `None` when cancelled.
#[tauri::command]
pub async fn save_text_file(
    app: tauri::AppHandle,
    backend: tauri::State<'_, Backend>,
    suggested_name: String,
    contents: String,
) -> Result<Option<String>, ApiError> {
    let path = chosen_path(&app, &suggested_name, ("CSV", "csv"));
    let Some(path) = path else { return Ok(None) };
    std::fs::write(&path, contents).map_err(|e| backend.withhold("save_text_file", e, &path))?;
    Ok(Some(path.display().to_string()))
}

/// A binary file the UI hands over to save: its kind picks the dialog's filter.
#[derive(serde::Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
pub enum BinaryKind {
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
pub async fn save_binary_file(
    app: tauri::AppHandle,
    backend: tauri::State<'_, Backend>,
    suggested_name: String,
    contents_base64: String,
    kind: BinaryKind,
) -> Result<Option<String>, ApiError> {
    let bytes = decode_base64(&contents_base64, "contents_base64", "error.attachment.not_base64")?;
    let Some(path) = chosen_path(&app, &suggested_name, kind.filter()) else { return Ok(None) };
    std::fs::write(&path, bytes).map_err(|e| backend.withhold("save_binary_file", e, &path))?;
    Ok(Some(path.display().to_string()))
}

/// Has the catalogue make a PDF and opens it in the system's viewer, where the user prints it:
/// the way label printers are driven on Windows and macOS desks. The webview names only the act
/// and its input; the bytes and the file name are the catalogue's, so a script in the webview
/// cannot have the system open anything but Lotline's own PDFs.
#[tauri::command]
pub async fn print_document(
    app: tauri::AppHandle,
    backend: tauri::State<'_, Backend>,
    act: String,
    input: Value,
) -> Result<String, ApiError> {
    let (ctx, nudge) = backend.opened.as_ref().map_err(Clone::clone)?;
    let output = lotline_app::call_json(ctx, &act, input).await.map_err(|err| ctx.withhold_internal(&act, err))?;
    nudge.act_ran(&act);
    let file: PdfFile = serde_json::from_str(&output).map_err(|_| print::not_a_pdf())?;
    let bytes = decode_base64(&file.pdf_base64, "act", "error.print.not_a_pdf")?;
    print::check_pdf(&bytes)?;
    let cache = app.path().app_cache_dir().map_err(|e| backend.withhold("print_document", e, "app cache folder"))?;
    let dir = print::print_dir(&cache).map_err(|e| backend.withhold("print_document", e, &cache))?;
    let path =
        print::write_print(&dir, &file.file_name, &bytes).map_err(|e| backend.withhold("print_document", e, &dir))?;
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| backend.withhold("print_document", e, &path))?;
    Ok(path.display().to_string())
}

fn decode_base64(text: &str, field: &str, message_key: &str) -> Result<Vec<u8>, ApiError> {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD
        .decode(text.as_bytes())
        .map_err(|_| ApiError::field(lotline_app::FieldError::new(field, message_key)))
}
