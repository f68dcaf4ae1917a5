//! The app's daily jobs while it is open: at start, then every quarter of an hour to notice a new
//! day. What they do and when is `lotline_app::jobs` and `lotline_app::backups`; this only keeps
//! the timer.

use lotline_app::Ctx;
use lotline_app::jobs::{Daily, EVERY};
use tauri::{AppHandle, Emitter};

use crate::team_sync::DATA_CHANGED;

pub fn start(app: AppHandle, ctx: Ctx) {
    tauri::async_runtime::spawn(async move {
        let mut daily = Daily::default();
        loop {
            match daily.tick(&ctx).await {
                Ok(Some(ratings)) if !ratings.recorded.is_empty() => {
                    let _ = app.emit(DATA_CHANGED, ());
                }
                Ok(_) => {}
                // Tried again at the next tick; the reference lets support find the details.
                Err(err) => {
                    ctx.withhold_internal("daily_jobs", err);
                }
            }
            // The day's backup in the data folder's backups/, the first time the app runs that day.
            if let Err(err) = lotline_app::backups::daily_backup(&ctx).await {
                ctx.withhold_internal("daily_backup", err);
            }
            tokio::time::sleep(EVERY).await;
        }
    });
}
