//! The webview's memory on Linux.
//!
//! WebKitGTK's default cache model is a web browser's: it keeps decoded resources and whole pages
//! around for going back, sized to the computer's memory. Lotline is one page that talks to its
//! backend; it has nothing to go back to and nothing worth caching beyond its own bundle, so the
//! document viewer's model (the smallest) fits it.
//!
//! Accelerated compositing keeps a GL texture per layer and per tile; on the desks without a GPU
//! driver (and under Xvfb) that is Mesa's software renderer, whose buffers were most of the web
//! process's memory (measured: 360 MiB idle on the failure list composited, 227 MiB not) and grew
//! with every screen of rows scrolled. Lotline's screens are tables and forms, which paint fast
//! enough without it, so it paints without compositing by default.
//! `LOTLINE_WEBKIT_COMPOSITING=on-demand` (or `always`) gives the policy back to WebKit, for a desk
//! whose GPU driver serves it well or to measure the difference (`tests/e2e/measure/`,
//! `cargo xtask startup`).
//!
//! `LOTLINE_WEBKIT_CACHE=browser` (or `remote`) picks another cache model, likewise.

use tauri::Runtime;
// Only the Linux branch looks the window up; elsewhere the import would be unused.
#[cfg(target_os = "linux")]
use tauri::Manager;

pub fn tune<R: Runtime>(app: &tauri::App<R>) {
    #[cfg(target_os = "linux")]
    if let Some(window) = app.get_webview_window("main") {
        let model = std::env::var("LOTLINE_WEBKIT_CACHE").unwrap_or_default();
        let compositing = std::env::var("LOTLINE_WEBKIT_COMPOSITING").unwrap_or_default();
        let _ = window.with_webview(move |webview| {
            use webkit2gtk::{CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt};
            let view = webview.inner();
            if let Some(context) = view.context() {
                context.set_cache_model(match model.as_str() {
                    "browser" => CacheModel::WebBrowser,
                    "remote" => CacheModel::DocumentBrowser,
                    _ => CacheModel::DocumentViewer,
                });
            }
            let policy = match compositing.as_str() {
                "on-demand" => HardwareAccelerationPolicy::OnDemand,
                "always" => HardwareAccelerationPolicy::Always,
                _ => HardwareAccelerationPolicy::Never,
            };
            if let Some(settings) = WebViewExt::settings(&view) {
                settings.set_hardware_acceleration_policy(policy);
            }
        });
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}
