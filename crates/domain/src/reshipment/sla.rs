//! Due dates in working days (Monday to Friday) and where a reshipment stands against them.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::types::{ReshipmentStatus, SlaState};

fn is_working_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// `days` working days after `from` (a request on Friday with 2 days is due on Tuesday).
pub fn add_working_days(from: NaiveDate, days: u32) -> NaiveDate {
    let mut date = from;
    let mut left = days;
    while left > 0 {
        date += Duration::days(1);
        if is_working_day(date) {
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
    today: NaiveDate,
    shipped_on: Option<NaiveDate>,
) -> SlaState {
    match status {
        ReshipmentStatus::Rejected | ReshipmentStatus::Cancelled => SlaState::Closed,
        ReshipmentStatus::Shipped | ReshipmentStatus::Delivered => match shipped_on {
            Some(shipped) if shipped > due_on => SlaState::ShippedLate,
            _ => SlaState::ShippedOnTime,
        },
        ReshipmentStatus::Requested | ReshipmentStatus::Authorized => {
            if today > due_on {
                SlaState::Overdue
            } else if add_working_days(today, 1) >= due_on {
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
        assert_eq!(add_working_days(d("2026-11-20"), 2), d("2026-11-24"), "Friday + 2 = Tuesday");
        assert_eq!(add_working_days(d("2026-11-23"), 2), d("2026-11-25"), "Monday + 2 = Wednesday");
        assert_eq!(add_working_days(d("2026-11-21"), 1), d("2026-11-23"), "Saturday + 1 = Monday");
        assert_eq!(add_working_days(d("2026-11-23"), 0), d("2026-11-23"));
    }

    #[test]
    fn states_against_the_due_date() {
        let due = d("2026-11-25");
        let open = ReshipmentStatus::Authorized;
        assert_eq!(sla_state(open, due, d("2026-11-20"), None), SlaState::OnTrack);
        assert_eq!(sla_state(open, due, d("2026-11-24"), None), SlaState::AtRisk);
        assert_eq!(sla_state(open, due, d("2026-11-25"), None), SlaState::AtRisk);
        assert_eq!(sla_state(open, due, d("2026-11-26"), None), SlaState::Overdue);
        let shipped = ReshipmentStatus::Shipped;
        assert_eq!(sla_state(shipped, due, d("2026-12-01"), Some(d("2026-11-25"))), SlaState::ShippedOnTime);
        assert_eq!(sla_state(shipped, due, d("2026-12-01"), Some(d("2026-11-26"))), SlaState::ShippedLate);
        assert_eq!(sla_state(ReshipmentStatus::Cancelled, due, d("2026-12-01"), None), SlaState::Closed);
    }
}
