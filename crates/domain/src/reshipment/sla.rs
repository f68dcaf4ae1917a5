//! Due dates in working days (Monday to Friday, less the site's holidays) and where a
//! reshipment stands against them.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::types::{ReshipmentStatus, SlaState};
use crate::site_time::{Holidays, SiteDay};

fn is_working_day(date: NaiveDate, holidays: &Holidays) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !holidays.contains(&date)
}

/// `days` working days after `from` (a request on Friday with 2 days is due on Tuesday, or on
/// Wednesday when that Monday is a holiday).
pub fn add_working_days(from: NaiveDate, days: u32, holidays: &Holidays) -> NaiveDate {
    let mut date = from;
    let mut left = days;
    while left > 0 {
        date += Duration::days(1);
        if is_working_day(date, holidays) {
            left -= 1;
        }
    }
    date
}

/// On track, at risk (due today or on the next working day), overdue; once shipped, on time or
/// late; closed when rejected or cancelled.
pub fn sla_state(
    status: ReshipmentStatus,
    due_on: NaiveDate,
    day: &SiteDay,
    shipped_on: Option<NaiveDate>,
) -> SlaState {
    let today = day.today;
    match status {
        ReshipmentStatus::Rejected | ReshipmentStatus::Cancelled => SlaState::Closed,
        ReshipmentStatus::Shipped | ReshipmentStatus::Delivered => match shipped_on {
            Some(shipped) if shipped > due_on => SlaState::ShippedLate,
            _ => SlaState::ShippedOnTime,
        },
        ReshipmentStatus::Requested | ReshipmentStatus::Authorized => {
            if today > due_on {
                SlaState::Overdue
            } else if add_working_days(today, 1, &day.holidays) >= due_on {
                SlaState::AtRisk
            } else {
                SlaState::OnTrack
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn working_days_skip_weekends() {
        let none = Holidays::new();
        assert_eq!(add_working_days(d("2026-11-20"), 2, &none), d("2026-11-24"), "Friday + 2 = Tuesday");
        assert_eq!(add_working_days(d("2026-11-23"), 2, &none), d("2026-11-25"), "Monday + 2 = Wednesday");
        assert_eq!(add_working_days(d("2026-11-21"), 1, &none), d("2026-11-23"), "Saturday + 1 = Monday");
        assert_eq!(add_working_days(d("2026-11-23"), 0, &none), d("2026-11-23"));
    }

    #[test]
    fn working_days_skip_the_sites_holidays() {
        // Monday 23 November off: Friday + 2 = Tuesday 24 (1), Wednesday 25 (2).
        let monday_off = Holidays::from([d("2026-11-23")]);
        assert_eq!(add_working_days(d("2026-11-20"), 2, &monday_off), d("2026-11-25"));
        // Christmas on a Friday and the Monday after off: Thursday 24 + 2 = Tuesday 29 (1), Wednesday 30 (2).
        let christmas = Holidays::from([d("2026-12-25"), d("2026-12-28")]);
        assert_eq!(add_working_days(d("2026-12-24"), 2, &christmas), d("2026-12-30"));
        // Due Tuesday 24: on Friday the next working day is Monday (on track) unless Monday is off.
        let due = d("2026-11-24");
        let open = ReshipmentStatus::Authorized;
        assert_eq!(sla_state(open, due, &SiteDay::plain(d("2026-11-20")), None), SlaState::OnTrack);
        let friday = SiteDay { today: d("2026-11-20"), holidays: monday_off };
        assert_eq!(sla_state(open, due, &friday, None), SlaState::AtRisk);
    }

    #[test]
    fn states_against_the_due_date() {
        let due = d("2026-11-25");
        let open = ReshipmentStatus::Authorized;
        assert_eq!(sla_state(open, due, &SiteDay::plain(d("2026-11-20")), None), SlaState::OnTrack);
        assert_eq!(sla_state(open, due, &SiteDay::plain(d("2026-11-24")), None), SlaState::AtRisk);
        assert_eq!(sla_state(open, due, &SiteDay::plain(d("2026-11-25")), None), SlaState::AtRisk);
        assert_eq!(sla_state(open, due, &SiteDay::plain(d("2026-11-26")), None), SlaState::Overdue);
        let shipped = ReshipmentStatus::Shipped;
        assert_eq!(
            sla_state(shipped, due, &SiteDay::plain(d("2026-12-01")), Some(d("2026-11-25"))),
            SlaState::ShippedOnTime
        );
        assert_eq!(
            sla_state(shipped, due, &SiteDay::plain(d("2026-12-01")), Some(d("2026-11-26"))),
            SlaState::ShippedLate
        );
        assert_eq!(
            sla_state(ReshipmentStatus::Cancelled, due, &SiteDay::plain(d("2026-12-01")), None),
            SlaState::Closed
        );
    }
}
