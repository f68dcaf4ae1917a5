//! The desk's sync with its team while the app is open: soon after a write, every minute
//! otherwise, backing off while the server cannot be reached (`lotline_app::sync::Cadence`). It
//! runs on a task of its own, so nobody waits for it, and tells the window when the sync state
//! or the data changed. Whether a sync worked is kept on the desk by the sync itself.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use lotline_app::Ctx;
use lotline_app::sync::{Cadence, EVERY, SyncReport};
use tauri::{AppHandle, Emitter};
use tokio::sync::Notify;
use tokio::time::{Instant, sleep_until};

/// The sync's state changed (a sync ran, changes wait): the shell's indicator asks again.
pub const SYNC_STATE: &str = "lotline://sync-state";
/// Changes from other desks arrived: open lists and records read again.
pub const DATA_CHANGED: &str = "lotline://data-changed";

/// The first sync after start, for what the team did while the app was closed.
const AT_START: Duration = Duration::from_secs(2);

/// Tells the background sync that an act ran, which may have written something to send.
#[derive(Clone)]
pub struct Nudge {
    notify: Arc<Notify>,
    /// Someone synced by hand ("Sync now", joining a team): the minute starts again.
    synced: Arc<AtomicBool>,
}

impl Nudge {
    /// `act` succeeded.
    pub fn act_ran(&self, act: &str) {
        if matches!(act, "sync_team" | "enroll_desk") {
            self.synced.store(true, Ordering::Relaxed);
        }
        // Stores one permit when the task is busy: nudges coalesce and none is lost.
        self.notify.notify_one();
    }
}

pub fn start(app: AppHandle, ctx: Ctx) -> Nudge {
    let nudge = Nudge { notify: Arc::new(Notify::new()), synced: Arc::new(AtomicBool::new(false)) };
    tauri::async_runtime::spawn(run(app, ctx, nudge.clone()));
    nudge
}

async fn run(app: AppHandle, ctx: Ctx, nudge: Nudge) {
    let mut cadence = Cadence::default();
    let mut next = Instant::now() + AT_START;
    let mut pending_seen = None;
    loop {
        tokio::select! {
            () = sleep_until(next) => {
                next = Instant::now() + sync_once(&app, &ctx, &mut cadence).await;
            }
            () = nudge.notify.notified() => {
                if nudge.synced.swap(false, Ordering::Relaxed) {
                    next = Instant::now() + cadence.succeeded();
                }
                let Ok(status) = lotline_app::sync::sync_status(&ctx).await else { continue };
                if status.server.is_none() {
                    continue;
                }
                if pending_seen != Some(status.pending) {
                    pending_seen = Some(status.pending);
                    emit(&app, SYNC_STATE);
                }
                if status.pending > 0
                    && let Some(soon) = cadence.after_write()
                {
                    next = next.min(Instant::now() + soon);
                }
            }
        }
    }
}

/// Syncs when the desk is enrolled; answers how long to wait for the next.
async fn sync_once(app: &AppHandle, ctx: &Ctx, cadence: &mut Cadence) -> Duration {
    match lotline_app::sync::sync_status(ctx).await {
        Ok(status) if status.server.is_some() => {}
        // Not in a team (yet): look again later, an enrolment may have happened meanwhile.
        _ => return EVERY,
    }
    let wait = match lotline_app::sync::sync_with_team(ctx).await {
        Ok(report) => {
            if changed_data(&report) {
                emit(app, DATA_CHANGED);
            }
            cadence.succeeded()
        }
        Err(_) => cadence.failed(),
    };
    emit(app, SYNC_STATE);
    wait
}

/// Whether what is on screen may be out of date: other desks' changes, renumbered records, or
/// this desk's refused acts taken out of the lists.
fn changed_data(report: &SyncReport) -> bool {
    report.pulled > 0 || !report.renumbered.is_empty() || !report.rejected.is_empty()
}

fn emit(app: &AppHandle, event: &str) {
    // No window to tell (closing): nothing to do.
    let _ = app.emit(event, ());
}
