//! The webview's memory on Linux. WebKitGTK's default cache model is a web browser's: it keeps
//! decoded resources and whole pages around for going back, sized to the computer's memory.
//! Lotline is one page that talks to its backend; it has nothing to go back to and nothing worth
//! caching beyond its own bundle, so the document viewer's model (the smallest) fits it.
//! `LOTLINE_WEBKIT_CACHE=browser` (or `remote`) picks another model, to measure the difference
//! (`tests/e2e/measure/list-memory.mjs`).

use tauri::Runtime;
// Only the Linux branch looks the window up; elsewhere the import would be unused.
#[cfg(target_os = "linux")]
use tauri::Manager;

pub fn tune<R: Runtime>(app: &tauri::App<R>) {
    #[cfg(target_os = "linux")]
    if let Some(window) = app.get_webview_window("main") {
        let model = std::env::var("LOTLINE_WEBKIT_CACHE").unwrap_or_default();
        let _ = window.with_webview(move |webview| {
            use webkit2gtk::{CacheModel, WebContextExt, WebViewExt};
            if let Some(context) = webview.inner().context() {
                let model = match model.as_str() {
                    "browser" => CacheModel::WebBrowser,
                    "remote" => CacheModel::DocumentBrowser,
                    _ => CacheModel::DocumentViewer,
                };
                context.set_cache_model(model);
            }
        });
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}
