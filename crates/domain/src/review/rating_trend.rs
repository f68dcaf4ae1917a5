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
