//! A pause point for the fault tests (crates/cli/tests/sync_faults.rs), in debug builds only: a
//! process started with `LOTLINE_FAULT_PAUSE=<point>:<n>` stops the n-th time it reaches
//! `<point>` (inside the transaction it is writing), says so on standard error and waits there
//! to be killed. A release build has no such point. The desk's store has the same for its own.

#[cfg(debug_assertions)]
pub(crate) async fn pause_point(point: &str) {
    use std::sync::atomic::{AtomicU32, Ordering};
    static REACHED: AtomicU32 = AtomicU32::new(0);
    let Ok(wanted) = std::env::var("LOTLINE_FAULT_PAUSE") else { return };
    let (name, nth) = wanted.split_once(':').unwrap_or((&wanted, "1"));
    if name != point || REACHED.fetch_add(1, Ordering::SeqCst) + 1 != nth.parse().unwrap_or(1) {
        return;
    }
    eprintln!("LOTLINE_FAULT_PAUSED {point}");
    // Long enough for any test to kill it; left alone, the process goes on as if never paused.
    tokio::time::sleep(std::time::Duration::from_secs(300)).await;
}

#[cfg(not(debug_assertions))]
pub(crate) async fn pause_point(_point: &str) {}
