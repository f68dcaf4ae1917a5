//! Where a vendor's rating is heading, from its history.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::period::ReviewTrend;

/// A vendor's rating on one day, for the history chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RatingPoint {
    pub day: NaiveDate,
    pub rating: u32,
}

/// A change smaller than this many points over the history reads as flat.
pub const RATING_TREND_MIN_POINTS: i64 = 2;

/// The direction of the least-squares line through the history: up or down when it moves at
/// least `min_points` between the first and the last day, else flat. A line rather than "last
/// vs first" so one odd month does not turn the trend. `None` without two distinct days.
pub fn rating_trend(history: &[RatingPoint], min_points: i64) -> Option<ReviewTrend> {
    let first = history.iter().map(|p| p.day).min()?;
    let xs: Vec<(i128, i128)> =
        history.iter().map(|p| (i128::from((p.day - first).num_days()), i128::from(p.rating))).collect();
    let n = i128::try_from(xs.len()).ok()?;
    let (sx, sy) = xs.iter().fold((0, 0), |(a, b), (x, y)| (a + x, b + y));
    let sxy: i128 = xs.iter().map(|(x, y)| x * y).sum();
    let sxx: i128 = xs.iter().map(|(x, _)| x * x).sum();
    let den = n * sxx - sx * sx;
    if den == 0 {
        return None;
    }
    let span = xs.iter().map(|(x, _)| *x).max()?;
    // Rise over the span = slope × span = (n·Σxy − Σx·Σy) × span / den; compared without dividing.
    let rise = (n * sxy - sx * sy) * span;
    let limit = i128::from(min_points) * den;
    Some(if rise >= limit && rise > 0 {
        ReviewTrend::Up
    } else if rise <= -limit && rise < 0 {
        ReviewTrend::Down
    } else {
        ReviewTrend::Flat
    })
}

/// Since when receipts from a vendor are blocked, when the setting blocks flagged vendors: its
/// latest recorded rating is below `flag_below`, and nobody has reviewed it since the run of
/// low ratings began (the first day after its last rating at or above the threshold). A review
/// lifts the block until the rating recovers and falls again, so a vendor rated low every day
/// is not blocked anew each morning.
pub fn receipts_blocked_since(
    history: &[RatingPoint],
    last_review: Option<NaiveDate>,
    flag_below: u32,
) -> Option<NaiveDate> {
    let latest = history.iter().max_by_key(|p| p.day)?;
    if latest.rating >= flag_below {
        return None;
    }
    let last_good = history.iter().filter(|p| p.rating >= flag_below).map(|p| p.day).max();
    let since = history.iter().filter(|p| last_good.is_none_or(|good| p.day > good)).map(|p| p.day).min()?;
    match last_review {
        Some(reviewed) if reviewed >= since => None,
        _ => Some(since),
    }
}

#[cfg(test)]
mod block_tests {
    use super::*;

    fn p(d: u32, rating: u32) -> RatingPoint {
        RatingPoint { day: NaiveDate::from_ymd_opt(2026, 11, d).unwrap(), rating }
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn a_run_of_low_ratings_blocks_from_its_first_day_until_reviewed() {
        let history = [p(1, 80), p(2, 65), p(3, 60), p(4, 62)];
        assert_eq!(receipts_blocked_since(&history, None, 70), Some(day(2)));
        // Reviewed before the run began: still blocked; on or after its first day: lifted.
        assert_eq!(receipts_blocked_since(&history, Some(day(1)), 70), Some(day(2)));
        assert_eq!(receipts_blocked_since(&history, Some(day(2)), 70), None);
        assert_eq!(receipts_blocked_since(&history, Some(day(3)), 70), None);
    }

    #[test]
    fn a_recovery_ends_the_run_and_a_new_fall_blocks_again() {
        let history = [p(1, 60), p(2, 75), p(3, 69)];
        // Reviewed during the first run, which a recovery then ended: the new fall blocks.
        assert_eq!(receipts_blocked_since(&history, Some(day(1)), 70), Some(day(3)));
        // At the threshold is not below it.
        assert_eq!(receipts_blocked_since(&[p(1, 70)], None, 70), None);
        assert_eq!(receipts_blocked_since(&[], None, 70), None);
        // Never rated at or above the threshold: blocked since the first rating.
        assert_eq!(receipts_blocked_since(&[p(5, 10), p(6, 20)], None, 70), Some(day(5)));
    }
}
