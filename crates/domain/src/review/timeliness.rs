//! Reshipment timeliness: were replacements shipped by their due date, and how fast after approval.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::math::{median_rounded, minutes_between, ratio_bps};
use super::period::ReviewPeriod;

/// One reshipment as the projection holds it. Rejected or cancelled reshipments that never
/// shipped owe nothing and are left out by the store (or flagged `cancelled`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReshipmentTimesRow {
    pub authorized_at: Option<DateTime<Utc>>,
    pub due_at: Option<DateTime<Utc>>,
    pub shipped_at: Option<DateTime<Utc>>,
    pub cancelled: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Punctuality {
    OnTime,
    Late,
    /// Not shipped and not yet due.
    Open,
    /// No due date was set: it can be neither on time nor late.
    NoDueDate,
}

/// Shipped by the due instant (inclusive) is on time; shipped after it is late; not shipped and
/// past due at `now` is already late, since shipping later cannot make it on time.
pub fn punctuality(row: &ReshipmentTimesRow, now: DateTime<Utc>) -> Punctuality {
    let Some(due) = row.due_at else { return Punctuality::NoDueDate };
    match row.shipped_at {
        Some(shipped) if shipped <= due => Punctuality::OnTime,
        Some(_) => Punctuality::Late,
        None if now > due => Punctuality::Late,
        None => Punctuality::Open,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Timeliness {
    pub on_time: i64,
    pub late: i64,
    pub open: i64,
    pub no_due_date: i64,
    /// On time of (on time + late), basis points; open ones are not judged yet.
    pub on_time_bps: Option<i64>,
    /// Median minutes from authorization to shipment of reshipments shipped in the period.
    pub median_minutes_to_ship: Option<i64>,
    /// How many shipments the median is taken over.
    pub shipped_with_authorization: i64,
}

/// A shipped reshipment is judged in the period it shipped in, the one whose cost of quality
/// books it, so the review never counts shipments in its costs that its timeliness leaves out;
/// one not shipped (yet) in the period its due date falls in (late once `now` is past it, else
/// open), or without a due date in the period it was authorized in. The time to ship counts
/// reshipments shipped in the period that have an authorization time. Cancelled reshipments
/// that shipped anyway still count.
pub fn timeliness(rows: &[ReshipmentTimesRow], period: &ReviewPeriod, now: DateTime<Utc>) -> Timeliness {
    let mut t = Timeliness {
        on_time: 0,
        late: 0,
        open: 0,
        no_due_date: 0,
        on_time_bps: None,
        median_minutes_to_ship: None,
        shipped_with_authorization: 0,
    };
    let live = rows.iter().filter(|r| !r.cancelled || r.shipped_at.is_some());
    for row in live.clone() {
        let judged = match (row.shipped_at, row.due_at) {
            (Some(shipped), _) => period.contains(shipped),
            (None, Some(due)) => period.contains(due),
            (None, None) => period.contains_opt(row.authorized_at),
        };
        if !judged {
            continue;
        }
        match punctuality(row, now) {
            Punctuality::OnTime => t.on_time += 1,
            Punctuality::Late => t.late += 1,
            Punctuality::Open => t.open += 1,
            Punctuality::NoDueDate => t.no_due_date += 1,
        }
    }
    t.on_time_bps = ratio_bps(t.on_time, t.on_time + t.late);
    let spans: Vec<i64> = live
        .filter(|r| period.contains_opt(r.shipped_at))
        .filter_map(|r| Some(minutes_between(r.authorized_at?, r.shipped_at?)))
        .collect();
    t.median_minutes_to_ship = median_rounded(&spans);
    t.shipped_with_authorization = i64::try_from(spans.len()).unwrap_or(i64::MAX);
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::test_util::{at, november};

    fn row(
        authorized: Option<DateTime<Utc>>,
        due: Option<DateTime<Utc>>,
        shipped: Option<DateTime<Utc>>,
    ) -> ReshipmentTimesRow {
        ReshipmentTimesRow { authorized_at: authorized, due_at: due, shipped_at: shipped, cancelled: false }
    }

    fn nov(day: u32, hour: u32) -> Option<DateTime<Utc>> {
        Some(at(2026, 11, day, hour, 0))
    }

    #[test]
    fn shipped_on_the_due_instant_is_on_time_and_unshipped_past_due_is_late() {
        let now = at(2026, 11, 20, 12, 0);
        assert_eq!(punctuality(&row(None, nov(10, 12), nov(10, 12)), now), Punctuality::OnTime);
        assert_eq!(punctuality(&row(None, nov(10, 12), nov(10, 13)), now), Punctuality::Late);
        assert_eq!(punctuality(&row(None, nov(19, 12), None), now), Punctuality::Late);
        assert_eq!(punctuality(&row(None, nov(20, 12), None), now), Punctuality::Open);
        assert_eq!(punctuality(&row(None, None, nov(3, 1)), now), Punctuality::NoDueDate);
    }

    #[test]
    fn counts_and_median_over_the_period() {
        let now = at(2026, 11, 20, 12, 0);
        let rows = vec![
            // Authorized 2nd 08:00, shipped 3rd 08:00 (24 h), due 4th: on time.
            row(nov(2, 8), nov(4, 0), nov(3, 8)),
            // 10 h to ship, due 5th 12:00, shipped 5th 18:00: late.
            row(nov(5, 8), nov(5, 12), nov(5, 18)),
            // 2 h to ship, on time.
            row(nov(6, 8), nov(7, 0), nov(6, 10)),
            // 30 h to ship, on time.
            row(nov(8, 0), nov(10, 0), nov(9, 6)),
            // Not shipped, due 15th: late at now.
            row(nov(12, 0), nov(15, 0), None),
            // Not shipped, due 25th: open.
            row(nov(19, 0), nov(25, 0), None),
            // Cancelled before shipping: owes nothing.
            ReshipmentTimesRow { authorized_at: nov(1, 0), due_at: nov(3, 0), shipped_at: None, cancelled: true },
            // Due in October but shipped 1st November 00:00 (1 h after authorization): late, and
            // judged in November, where its shipment is booked.
            row(Some(at(2026, 10, 31, 23, 0)), Some(at(2026, 10, 31, 23, 30)), nov(1, 0)),
            // Due 8th December, shipped 20th November 06:00 (6 h): on time, judged in November.
            row(nov(20, 0), Some(at(2026, 12, 8, 0, 0)), nov(20, 6)),
            // Shipped in October though due in November: judged in October, not here.
            row(Some(at(2026, 10, 20, 0, 0)), nov(2, 0), Some(at(2026, 10, 21, 0, 0))),
        ];
        let t = timeliness(&rows, &november(), now);
        // On time: 3rd, 6th, 9th, 20th; late: 5th (shipped late), 15th (unshipped past due),
        // 1st (shipped after its October due time); open: due 25th.
        assert_eq!((t.on_time, t.late, t.open, t.no_due_date), (4, 3, 1, 0));
        // 4 on time of 4 + 3 late = 57.142...% -> 5,714 bps.
        assert_eq!(t.on_time_bps, Some(5_714));
        // Spans 60, 120, 360, 600, 1440, 1800 minutes: the median is (360 + 600) / 2 = 480.
        assert_eq!((t.median_minutes_to_ship, t.shipped_with_authorization), (Some(480), 6));
    }

    #[test]
    fn an_even_count_takes_the_mean_of_the_middle_two() {
        let rows = vec![row(nov(2, 0), None, nov(2, 1)), row(nov(2, 0), None, nov(2, 4))];
        let t = timeliness(&rows, &november(), at(2026, 12, 1, 0, 0));
        // (60 + 240) / 2.
        assert_eq!(t.median_minutes_to_ship, Some(150));
        assert_eq!(t.no_due_date, 2);
        assert_eq!(t.on_time_bps, None);
    }

    #[test]
    fn an_empty_period_is_no_data() {
        let t = timeliness(&[], &november(), at(2026, 12, 1, 0, 0));
        assert_eq!((t.on_time, t.late, t.open, t.on_time_bps, t.median_minutes_to_ship), (0, 0, 0, None, None));
        // Only open reshipments: nothing judged yet.
        let t = timeliness(&[row(None, nov(29, 0), None)], &november(), at(2026, 11, 2, 0, 0));
        assert_eq!((t.open, t.on_time_bps), (1, None));
    }
}
