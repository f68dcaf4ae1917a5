//! RMA aging: how long the still-open RMAs have been waiting.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::kpi_input::RmaReviewRow;

/// Open RMAs by age in whole days since opening (a day is 24 hours; 2 days 23 hours is 2).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RmaAging {
    pub days_0_2: i64,
    pub days_3_7: i64,
    pub days_8_14: i64,
    pub days_15_30: i64,
    pub over_30_days: i64,
    pub open: i64,
}

/// Whole days of age that start each bucket after the first: 3, 8, 15 and 31 days.
const BUCKET_STARTS: [i64; 4] = [3, 8, 15, 31];

/// The opening instants that part the buckets at `now`: an RMA opened after `edges[0]` is 0–2
/// days old, after `edges[1]` 3–7, after `edges[2]` 8–14, after `edges[3]` 15–30, else older.
/// The store counts open RMAs against these in SQL.
pub fn aging_edges(now: DateTime<Utc>) -> [DateTime<Utc>; 4] {
    BUCKET_STARTS.map(|days| now - chrono::Duration::days(days))
}

impl RmaAging {
    /// Counts in bucket order (youngest first), as the store reads them.
    pub fn from_counts(counts: [i64; 5]) -> Self {
        let [days_0_2, days_3_7, days_8_14, days_15_30, over_30_days] = counts;
        Self { days_0_2, days_3_7, days_8_14, days_15_30, over_30_days, open: counts.iter().sum() }
    }
}

/// An RMA is open at `now` when it was opened by then and not closed (settled, rejected or
/// cancelled) by then, so the same rows give yesterday's aging too.
pub fn rma_aging(rmas: &[RmaReviewRow], now: DateTime<Utc>) -> RmaAging {
    let edges = aging_edges(now);
    let mut counts = [0i64; 5];
    for rma in rmas {
        if rma.opened_at > now || rma.closed_at.is_some_and(|closed| closed <= now) {
            continue;
        }
        counts[edges.iter().position(|edge| rma.opened_at > *edge).unwrap_or(4)] += 1;
    }
    RmaAging::from_counts(counts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::test_util::at;

    fn opened(at: DateTime<Utc>, closed_at: Option<DateTime<Utc>>) -> RmaReviewRow {
        RmaReviewRow {
            rma_no: String::new(),
            currency: "EUR".into(),
            opened_at: at,
            decided_at: None,
            decision: None,
            decided_automatically: false,
            received_at: None,
            received_damaged: false,
            inspected_at: None,
            settled_at: None,
            refund_approved_at: None,
            refund_paid_at: None,
            closed_at,
            handling_cost_minor: 0,
            label_cost_minor: 0,
            return_shipping_cost_minor: 0,
            recorded_cost_minor: None,
            units_received: None,
            refund_paid_minor: None,
            refund_policy_minor: None,
        }
    }

    #[test]
    fn bucket_edges_are_whole_days() {
        let now = at(2026, 11, 30, 12, 0);
        let days_ago = |d: i64, h: i64| opened(now - chrono::Duration::days(d) - chrono::Duration::hours(h), None);
        let rmas = vec![
            days_ago(0, 0),
            days_ago(2, 23), // still 2 whole days
            days_ago(3, 0),
            days_ago(7, 23),
            days_ago(8, 0),
            days_ago(14, 23),
            days_ago(15, 0),
            days_ago(30, 23),
            days_ago(31, 0),
            // Closed before now, or opened after now: not open.
            opened(now - chrono::Duration::days(9), Some(now - chrono::Duration::hours(1))),
            opened(now + chrono::Duration::hours(1), None),
            // Closed after now: still open at now.
            opened(now - chrono::Duration::days(1), Some(now + chrono::Duration::hours(1))),
        ];
        assert_eq!(
            rma_aging(&rmas, now),
            RmaAging { days_0_2: 3, days_3_7: 2, days_8_14: 2, days_15_30: 2, over_30_days: 1, open: 10 }
        );
        assert_eq!(rma_aging(&[], now), RmaAging::default());
    }
}
