//! The operating system's notification of something new in the person's inbox. What is new, and
//! its words, the catalogue and the UI decide; the host only holds it back while the window has
//! the focus (the person sees the bell) and shows it otherwise.

use tauri::{AppHandle, Manager};
use tauri_plugin_notification::NotificationExt;

/// Longer texts are cut: a notification is a line or two, and the webview is not trusted with
/// the size of what the system draws.
const MAX_CHARS: usize = 240;

fn cut(text: &str) -> String {
    text.chars().take(MAX_CHARS).collect()
}

/// Shows `title` and `body` unless the main window is focused; answers whether it was shown.
#[tauri::command]
pub fn notify_os(app: AppHandle, title: String, body: String) -> bool {
    let focused = app.get_webview_window("main").is_some_and(|w| w.is_focused().unwrap_or(false));
    if focused {
        return false;
    }
    match app.notification().builder().title(cut(&title)).body(cut(&body)).show() {
        Ok(()) => true,
        Err(err) => {
            // A desktop without a notification service: the inbox still has it.
            eprintln!("lotline: the system notification could not be shown: {err}");
            false
        }
    }
}
