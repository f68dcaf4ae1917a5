//! Instants as text, in the one form the event log stores and every export, backup note and
//! server table writes: RFC 3339 in UTC with milliseconds and a `Z`. One form means a column of
//! times sorts as text, an export reads the same as the log it came from, and no copy of the
//! format can drift (the RFC export once wrote its deadline without milliseconds).

use chrono::{DateTime, SecondsFormat, Utc};

/// `at` as the log stores it, e.g. `2026-03-01T10:00:00.250Z`; anything finer than a
/// millisecond is dropped.
pub fn stored(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Stored text back as an instant. Older rows written with another offset or without
/// milliseconds read as the same instant; text that is not RFC 3339 is `None`, not a guess.
pub fn from_stored(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;

    #[test]
    fn a_time_written_reads_back_as_the_same_instant() {
        let at = Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap() + Duration::milliseconds(250);
        let text = stored(at);
        assert_eq!(text, "2026-03-01T10:00:00.250Z");
        assert_eq!(from_stored(&text), Some(at));
    }

    #[test]
    fn whole_seconds_keep_their_milliseconds_so_the_text_sorts() {
        let at = Utc.with_ymd_and_hms(2026, 3, 1, 9, 59, 59).unwrap() + Duration::milliseconds(999);
        let later = Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap();
        assert_eq!(stored(later), "2026-03-01T10:00:00.000Z");
        assert!(stored(at) < stored(later));
    }

    #[test]
    fn finer_than_a_millisecond_is_dropped_once_and_then_stable() {
        let at = Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap() + Duration::microseconds(250_750);
        let once = from_stored(&stored(at)).unwrap();
        assert_eq!(once, Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap() + Duration::milliseconds(250));
        assert_eq!(stored(once), stored(at));
    }

    #[test]
    fn older_forms_read_as_the_same_instant() {
        let at = Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap();
        assert_eq!(from_stored("2026-03-01T10:00:00Z"), Some(at));
        assert_eq!(from_stored("2026-03-01T11:00:00+01:00"), Some(at));
        assert_eq!(from_stored("2026-03-01"), None);
    }
}
