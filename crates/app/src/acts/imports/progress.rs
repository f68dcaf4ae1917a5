//! A long import's progress, told to whoever started it, and its cancellation: the rows are
//! checked (and, for failures, written) in one transaction, so a cancelled import is rolled back
//! and leaves nothing written.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use lotline_domain::ApiError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportProgress {
    /// Rows of the file gone through.
    pub done: u64,
    /// Rows in the file (the header not counted).
    pub total: u64,
    /// Every row is checked and the import is being written: it can still be cancelled until it
    /// is committed.
    pub writing: bool,
}

type Report = Box<dyn Fn(ImportProgress) + Send + Sync>;

/// What the caller of an import hears and can do while it runs.
#[derive(Default)]
pub struct ImportControl {
    cancelled: Arc<AtomicBool>,
    report: Option<Report>,
}

impl ImportControl {
    /// An import that reports its progress to `report` (about once per percent).
    pub fn reporting(report: impl Fn(ImportProgress) + Send + Sync + 'static) -> Self {
        Self { cancelled: Arc::default(), report: Some(Box::new(report)) }
    }

    /// The switch another task flips to cancel the import.
    pub fn cancel_switch(&self) -> Arc<AtomicBool> {
        self.cancelled.clone()
    }

    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

/// Counts the rows of one import. Atomics, not cells: the import's future crosses threads.
pub(super) struct Ticker<'a> {
    control: &'a ImportControl,
    total: u64,
    done: AtomicU64,
    /// The last percentage told, so a file of 100,000 rows makes about 100 reports, not 100,000.
    told: AtomicU64,
}

impl<'a> Ticker<'a> {
    pub fn new(control: &'a ImportControl, total: usize) -> Self {
        let ticker = Self { control, total: total as u64, done: AtomicU64::new(0), told: AtomicU64::new(0) };
        ticker.tell(false);
        ticker
    }

    /// One more row gone through.
    pub fn row(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        let percent = done * 100 / self.total.max(1);
        if self.told.swap(percent, Ordering::Relaxed) != percent {
            self.tell(false);
        }
    }

    /// One more row, and stop here when the import was cancelled.
    pub fn row_checked(&self) -> Result<(), ApiError> {
        self.row();
        self.check()
    }

    /// Refuses to go on once the import is cancelled; the transaction is dropped, not committed.
    pub fn check(&self) -> Result<(), ApiError> {
        if self.control.is_cancelled() {
            return Err(ApiError::conflict("error.import.cancelled"));
        }
        Ok(())
    }

    /// Every row checked: what remains is writing them.
    pub fn writing(&self) -> Result<(), ApiError> {
        self.check()?;
        self.done.store(self.total, Ordering::Relaxed);
        self.tell(true);
        Ok(())
    }

    fn tell(&self, writing: bool) {
        if let Some(report) = &self.control.report {
            report(ImportProgress { done: self.done.load(Ordering::Relaxed), total: self.total, writing });
        }
    }
}
