//! When an enrolled desk syncs by itself while the app is open (the desktop host keeps the
//! timer): soon after a write, every minute otherwise, and less and less often while the
//! server cannot be reached, so a desk that is offline for a day does not knock all day.

use std::time::Duration;

/// How long after a write the desk syncs: a few seconds, so a burst of acts goes in one push.
pub const AFTER_WRITE: Duration = Duration::from_secs(3);
/// How often a desk with nothing to send asks the team for news.
pub const EVERY: Duration = Duration::from_secs(60);
/// The longest wait between attempts while syncs fail.
pub const LONGEST_WAIT: Duration = Duration::from_secs(10 * 60);
const FIRST_RETRY: Duration = Duration::from_secs(30);

/// The state of the background sync's timer: how many syncs in a row have failed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cadence {
    failures: u32,
}

impl Cadence {
    /// A sync worked: the wait until the next.
    pub fn succeeded(&mut self) -> Duration {
        self.failures = 0;
        EVERY
    }

    /// A sync failed: the wait until the next, doubling from half a minute up to ten minutes.
    pub fn failed(&mut self) -> Duration {
        self.failures = self.failures.saturating_add(1);
        let doublings = (self.failures - 1).min(16);
        FIRST_RETRY.saturating_mul(1 << doublings).min(LONGEST_WAIT)
    }

    /// How soon to sync after a write, or none while syncs fail: the back-off stands, and the
    /// write waits for the next attempt (or for "Sync now").
    pub fn after_write(&self) -> Option<Duration> {
        (self.failures == 0).then_some(AFTER_WRITE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_back_off_doubling_up_to_ten_minutes_and_a_success_resets() {
        let mut cadence = Cadence::default();
        let waits: Vec<u64> = (0..8).map(|_| cadence.failed().as_secs()).collect();
        assert_eq!(waits, [30, 60, 120, 240, 480, 600, 600, 600]);
        assert_eq!(cadence.after_write(), None, "a write does not break the back-off");
        assert_eq!(cadence.succeeded(), EVERY);
        assert_eq!(cadence.after_write(), Some(AFTER_WRITE));
        assert_eq!(cadence.failed().as_secs(), 30);
    }

    #[test]
    fn the_wait_stays_capped_after_very_many_failures() {
        let mut cadence = Cadence::default();
        for _ in 0..100 {
            assert!(cadence.failed() <= LONGEST_WAIT);
        }
    }
}
