//! The span a review covers and the one it is compared with.

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::math::{WHOLE_BPS, div_round};
use crate::error::{ApiError, FieldError};
use crate::site_time::{lasting_zone_name, site_midnight};

/// Calendar days `from..=to`, both included, because that is how people pick dates ("1 to 30
/// November"). The days are the site's: inside, a period is the half-open instant range from
/// `from`'s midnight to `to + 1`'s midnight on the site's wall clock (a Shenzhen week starts at
/// its Monday 00:00, Sunday 16:00 UTC), so an event at midnight belongs to exactly one period.
/// Without a zone (`in_zone` not called, or an unknown one) the midnights are UTC's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReviewPeriod {
    pub from: NaiveDate,
    pub to: NaiveDate,
    #[serde(skip)]
    #[ts(skip)]
    zone: Option<&'static str>,
}

impl ReviewPeriod {
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Self, ApiError> {
        if to < from {
            return Err(ApiError::field(FieldError::new("to", "error.review.period_reversed").with("from", from)));
        }
        Ok(Self { from, to, zone: None })
    }

    /// The `days` days (at least one) that end on `to`.
    pub fn ending(to: NaiveDate, days: u64) -> Self {
        let from = to.checked_sub_days(Days::new(days.max(1) - 1)).unwrap_or(NaiveDate::MIN);
        Self { from, to, zone: None }
    }

    /// The same days on the wall clock of `time_zone` (an IANA name).
    pub fn in_zone(self, time_zone: &str) -> Self {
        Self { zone: lasting_zone_name(time_zone), ..self }
    }

    /// The first instant of `day` on the period's clock.
    pub fn day_start(&self, day: NaiveDate) -> DateTime<Utc> {
        match self.zone {
            Some(zone) => site_midnight(day, zone),
            None => day.and_time(NaiveTime::MIN).and_utc(),
        }
    }

    /// Days in the period, both ends counted (1 for a single day).
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// The first instant in the period.
    pub fn start(&self) -> DateTime<Utc> {
        self.day_start(self.from)
    }

    /// The first instant after the period.
    pub fn end(&self) -> DateTime<Utc> {
        self.day_start(self.end_day())
    }

    /// The first day after the period.
    pub fn end_day(&self) -> NaiveDate {
        self.to.checked_add_days(Days::new(1)).unwrap_or(NaiveDate::MAX)
    }

    pub fn contains(&self, at: DateTime<Utc>) -> bool {
        self.start() <= at && at < self.end()
    }

    pub fn contains_opt(&self, at: Option<DateTime<Utc>>) -> bool {
        at.is_some_and(|at| self.contains(at))
    }

    pub fn contains_day(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// The same number of days just before, so "this month vs the last" compares like with like
    /// even when the months differ in length (30 days of November vs 30 days before them).
    pub fn previous(&self) -> Self {
        let days = u64::try_from(self.days()).unwrap_or(1);
        let to = self.from.checked_sub_days(Days::new(1)).unwrap_or(NaiveDate::MIN);
        let from = self.from.checked_sub_days(Days::new(days)).unwrap_or(NaiveDate::MIN);
        Self { from, to, zone: self.zone }
    }
}

/// A figure against the previous period's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FigureChange {
    /// `current - previous`, in the figure's own unit.
    pub absolute: i64,
    /// `absolute / |previous|` in basis points; `None` when the previous figure was 0, as any
    /// growth from nothing is not a percentage.
    pub relative_bps: Option<i64>,
}

/// No change when either period has no data: a gap is not a movement.
pub fn change(current: Option<i64>, previous: Option<i64>) -> Option<FigureChange> {
    let (current, previous) = (current?, previous?);
    let absolute = current.saturating_sub(previous);
    let relative_bps = div_round(i128::from(absolute) * i128::from(WHOLE_BPS), i128::from(previous).abs());
    Some(FigureChange { absolute, relative_bps })
}

/// Which way a figure moved, whatever is good for it (the state says that).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReviewTrend {
    Up,
    Down,
    Flat,
}

/// Flat only when equal: figures are already rounded to the unit shown, so any difference is
/// one the reader can see.
pub fn trend(current: Option<i64>, previous: Option<i64>) -> Option<ReviewTrend> {
    Some(match current?.cmp(&previous?) {
        std::cmp::Ordering::Greater => ReviewTrend::Up,
        std::cmp::Ordering::Less => ReviewTrend::Down,
        std::cmp::Ordering::Equal => ReviewTrend::Flat,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::test_util::{at, day};

    #[test]
    fn a_period_is_inclusive_days_and_half_open_instants() {
        let p = ReviewPeriod::new(day(2026, 11, 1), day(2026, 11, 30)).unwrap();
        assert_eq!(p.days(), 30);
        assert!(p.contains(at(2026, 11, 1, 0, 0)));
        assert!(p.contains(at(2026, 11, 30, 23, 59)));
        assert!(!p.contains(at(2026, 12, 1, 0, 0)));
        assert!(!p.contains(at(2026, 10, 31, 23, 59)));
        assert!(!p.contains_opt(None));
        assert!(p.contains_day(day(2026, 11, 30)));
        let single = ReviewPeriod::new(day(2026, 3, 1), day(2026, 3, 1)).unwrap();
        assert_eq!(single.days(), 1);
    }

    #[test]
    fn a_shenzhen_week_starts_at_its_monday_midnight() {
        // Monday 7 to Sunday 13 December 2026 at a UTC+8 site: from Sunday 6 December 16:00 UTC
        // to Sunday 13 December 16:00 UTC.
        let week = ReviewPeriod::new(day(2026, 12, 7), day(2026, 12, 13)).unwrap().in_zone("Asia/Shanghai");
        assert_eq!((week.start(), week.end()), (at(2026, 12, 6, 16, 0), at(2026, 12, 13, 16, 0)));
        // 23:30 UTC on Sunday 6 December is 07:30 on Monday in Shenzhen: in this week, not the last.
        let sunday_night = at(2026, 12, 6, 23, 30);
        assert!(week.contains(sunday_night));
        assert!(!week.previous().contains(sunday_night));
        assert_eq!(week.previous().end(), week.start(), "the previous week ends where this one starts");
        // 23:30 UTC on Sunday 13 December is already Monday 14th there: the next week's.
        assert!(!week.contains(at(2026, 12, 13, 23, 30)));
        // The same days read in UTC put that Sunday night in the previous week.
        let utc = ReviewPeriod::new(day(2026, 12, 7), day(2026, 12, 13)).unwrap();
        assert!(!utc.contains(sunday_night) && utc.previous().contains(sunday_night));
    }

    #[test]
    fn a_reversed_period_names_the_to_field() {
        let err = ReviewPeriod::new(day(2026, 11, 30), day(2026, 11, 1)).unwrap_err();
        assert_eq!(err.fields[0].field, "to");
        assert_eq!(err.message_key, "error.review.period_reversed");
    }

    #[test]
    fn the_previous_period_has_the_same_length_and_ends_the_day_before() {
        let nov = ReviewPeriod::new(day(2026, 11, 1), day(2026, 11, 30)).unwrap();
        assert_eq!(nov.previous(), ReviewPeriod::new(day(2026, 10, 2), day(2026, 10, 31)).unwrap());
        // Across a leap day: 1-7 March 2028 is preceded by 23-29 February.
        let week = ReviewPeriod::new(day(2028, 3, 1), day(2028, 3, 7)).unwrap();
        assert_eq!(week.previous(), ReviewPeriod::new(day(2028, 2, 23), day(2028, 2, 29)).unwrap());
        let one = ReviewPeriod::new(day(2026, 1, 1), day(2026, 1, 1)).unwrap();
        assert_eq!(one.previous(), ReviewPeriod::new(day(2025, 12, 31), day(2025, 12, 31)).unwrap());
    }

    #[test]
    fn changes_are_absolute_and_relative_to_the_previous_figure() {
        assert_eq!(change(Some(150), Some(120)), Some(FigureChange { absolute: 30, relative_bps: Some(2_500) }));
        assert_eq!(change(Some(90), Some(120)), Some(FigureChange { absolute: -30, relative_bps: Some(-2_500) }));
        // From a negative figure (a net recovery) the direction still follows the sign of the move.
        assert_eq!(change(Some(-50), Some(-100)), Some(FigureChange { absolute: 50, relative_bps: Some(5_000) }));
        assert_eq!(change(Some(7), Some(0)), Some(FigureChange { absolute: 7, relative_bps: None }));
        assert_eq!(change(None, Some(3)), None);
        assert_eq!(change(Some(3), None), None);
    }

    #[test]
    fn trends_need_both_figures() {
        assert_eq!(trend(Some(2), Some(1)), Some(ReviewTrend::Up));
        assert_eq!(trend(Some(1), Some(2)), Some(ReviewTrend::Down));
        assert_eq!(trend(Some(2), Some(2)), Some(ReviewTrend::Flat));
        assert_eq!(trend(None, Some(2)), None);
    }
}
