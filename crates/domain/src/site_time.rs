//! The site's days: its IANA time zone and its holidays. Policies speak of the site's days (a
//! return window of 30 days, shipping within 2 working days), so every "today" is the date on
//! the site's wall clock, not in UTC: at 23:30 UTC it is already tomorrow in Shenzhen.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Mutex, OnceLock, PoisonError};

use chrono::{DateTime, NaiveDate, Utc};
use jiff::tz::{TimeZone, TimeZoneDatabase};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ApiError, FieldError, Violations};
use crate::limits;

/// The most holidays a calendar keeps: a few years ahead of a country's public holidays.
pub const MAX_HOLIDAYS: usize = 400;

/// A day off at the site: no working-day deadline counts it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Holiday {
    /// YYYY-MM-DD.
    pub date: String,
    pub name: String,
}

/// The site's zone and holidays, saved whole by an administrator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SiteCalendar {
    /// An IANA name such as "Asia/Shanghai" or "Europe/Amsterdam".
    pub time_zone: String,
    #[serde(default)]
    pub holidays: Vec<Holiday>,
}

/// The days off that working-day deadlines skip, besides Saturdays and Sundays.
pub type Holidays = BTreeSet<NaiveDate>;

/// Today at the site and its days off: what a working-day deadline is counted from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SiteDay {
    pub today: NaiveDate,
    pub holidays: Holidays,
}

impl SiteDay {
    /// A day with no holidays (Monday to Friday are working days).
    pub fn plain(today: NaiveDate) -> Self {
        Self { today, holidays: Holidays::new() }
    }
}

/// The database is bundled into the program, so a zone reads the same on every desk and on the
/// server whatever their operating system holds.
fn database() -> &'static TimeZoneDatabase {
    static DB: OnceLock<TimeZoneDatabase> = OnceLock::new();
    DB.get_or_init(TimeZoneDatabase::bundled)
}

/// Each zone is read from the database once: a review asks for the site's midnights row by row.
fn zone(name: &str) -> Option<TimeZone> {
    static READ: OnceLock<Mutex<HashMap<String, TimeZone>>> = OnceLock::new();
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let mut read = READ.get_or_init(Mutex::default).lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(found) = read.get(name) {
        return Some(found.clone());
    }
    // Only zones that exist are kept, so names typed wrong do not pile up.
    let found = database().get(name).ok()?;
    read.insert(name.to_owned(), found.clone());
    Some(found)
}

/// Whether `name` is a zone of the IANA database (case as the database spells it or not).
pub fn is_time_zone(name: &str) -> bool {
    zone(name).is_some()
}

/// The database's own spelling of `name` ("asia/shanghai" → "Asia/Shanghai").
pub fn canonical_time_zone(name: &str) -> Option<String> {
    zone(name).and_then(|tz| tz.iana_name().map(str::to_owned))
}

/// Every zone name a site may choose, sorted.
pub fn time_zone_names() -> Vec<String> {
    let mut names: Vec<String> = database().available().map(|n| n.as_str().to_owned()).collect();
    names.sort();
    names
}

/// The date on the site's wall clock at `at`; UTC's date when the zone is not known.
pub fn site_date(at: DateTime<Utc>, time_zone: &str) -> NaiveDate {
    let Some(tz) = zone(time_zone) else { return at.date_naive() };
    let Ok(stamp) = jiff::Timestamp::new(at.timestamp(), 0) else { return at.date_naive() };
    let local = tz.to_datetime(stamp).date();
    NaiveDate::from_ymd_opt(i32::from(local.year()), u32::from(local.month() as u8), u32::from(local.day() as u8))
        .unwrap_or_else(|| at.date_naive())
}

/// The first instant of `day` on the site's wall clock (the next instant that exists when
/// midnight falls in a summer-time gap); UTC's midnight when the zone is not known.
pub fn site_midnight(day: NaiveDate, time_zone: &str) -> DateTime<Utc> {
    let utc = day.and_time(chrono::NaiveTime::MIN).and_utc();
    let Some(tz) = zone(time_zone) else { return utc };
    let Ok(civil) = jiff::civil::Date::new(
        i16::try_from(chrono::Datelike::year(&day)).unwrap_or(1970),
        i8::try_from(chrono::Datelike::month(&day)).unwrap_or(1),
        i8::try_from(chrono::Datelike::day(&day)).unwrap_or(1),
    ) else {
        return utc;
    };
    match tz.to_ambiguous_timestamp(civil.to_datetime(jiff::civil::Time::midnight())).compatible() {
        Ok(stamp) => DateTime::from_timestamp(stamp.as_second(), 0).unwrap_or(utc),
        Err(_) => utc,
    }
}

/// The zone's name as the database spells it, kept for the life of the program, so that a
/// value naming its zone (a review period) stays small and copyable.
pub fn lasting_zone_name(time_zone: &str) -> Option<&'static str> {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    let name = canonical_time_zone(time_zone)?;
    NAMES.get_or_init(time_zone_names).iter().find(|n| **n == name).map(String::as_str)
}

impl SiteCalendar {
    /// The holidays as dates; unreadable ones (never saved by `check`) are left out.
    pub fn holiday_dates(&self) -> Holidays {
        self.holidays.iter().filter_map(|h| NaiveDate::parse_from_str(&h.date, "%Y-%m-%d").ok()).collect()
    }

    /// Today at the site at `at`, with its holidays.
    pub fn day_at(&self, at: DateTime<Utc>) -> SiteDay {
        SiteDay { today: site_date(at, &self.time_zone), holidays: self.holiday_dates() }
    }

    /// A calendar fit to save: a known zone in the database's spelling, holidays on readable and
    /// distinct dates, sorted, each with a name.
    pub fn checked(mut self) -> Result<Self, ApiError> {
        let mut v = Violations::default();
        match canonical_time_zone(&self.time_zone) {
            Some(name) => self.time_zone = name,
            None => v.push(FieldError::new("time_zone", "error.site_time.unknown_zone").with("value", &self.time_zone)),
        }
        if self.holidays.len() > MAX_HOLIDAYS {
            v.push(FieldError::new("holidays", "error.site_time.too_many_holidays").with("max", MAX_HOLIDAYS));
        }
        let mut seen = Holidays::new();
        for (i, h) in self.holidays.iter_mut().enumerate() {
            h.name = h.name.trim().to_owned();
            let field = format!("holidays.{i}");
            match NaiveDate::parse_from_str(h.date.trim(), "%Y-%m-%d") {
                Ok(date) if !seen.insert(date) => {
                    v.push(
                        FieldError::new(format!("{field}.date"), "error.site_time.holiday_twice")
                            .with("value", &h.date),
                    );
                }
                Ok(date) => h.date = date.format("%Y-%m-%d").to_string(),
                Err(_) => {
                    v.push(FieldError::new(format!("{field}.date"), "error.field.bad_date").with("value", &h.date))
                }
            }
            v.required(&format!("{field}.name"), &h.name);
            v.max_len(&format!("{field}.name"), &h.name, limits::LABEL);
        }
        v.into_result()?;
        self.holidays.sort_by(|a, b| a.date.cmp(&b.date));
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone as _;

    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn at_half_past_eleven_utc_shenzhen_is_already_on_the_next_day() {
        let at = Utc.with_ymd_and_hms(2026, 12, 6, 23, 30, 0).unwrap();
        assert_eq!(site_date(at, "Asia/Shanghai"), d("2026-12-07"), "23:30 UTC + 8 h = 07:30 next day");
        assert_eq!(site_date(at, "Europe/Amsterdam"), d("2026-12-07"), "23:30 UTC + 1 h = 00:30");
        assert_eq!(site_date(at, "America/New_York"), d("2026-12-06"), "23:30 UTC - 5 h = 18:30");
        assert_eq!(site_date(at, ""), d("2026-12-06"), "no zone: UTC");
        // Summer time: Amsterdam is UTC+2 in July, so 22:30 UTC is past midnight there.
        let summer = Utc.with_ymd_and_hms(2026, 7, 1, 22, 30, 0).unwrap();
        assert_eq!(site_date(summer, "Europe/Amsterdam"), d("2026-07-02"));
    }

    #[test]
    fn a_site_day_starts_at_its_own_midnight() {
        let shenzhen = site_midnight(d("2026-12-07"), "Asia/Shanghai");
        assert_eq!(shenzhen, Utc.with_ymd_and_hms(2026, 12, 6, 16, 0, 0).unwrap(), "00:00 at UTC+8");
        let amsterdam_summer = site_midnight(d("2026-07-02"), "Europe/Amsterdam");
        assert_eq!(amsterdam_summer, Utc.with_ymd_and_hms(2026, 7, 1, 22, 0, 0).unwrap(), "00:00 at UTC+2");
        assert_eq!(site_midnight(d("2026-12-07"), ""), Utc.with_ymd_and_hms(2026, 12, 7, 0, 0, 0).unwrap());
        assert_eq!(lasting_zone_name("asia/shanghai"), Some("Asia/Shanghai"));
        assert_eq!(lasting_zone_name("Mars/Olympus"), None);
    }

    #[test]
    fn a_calendar_is_checked_and_spelled_as_the_database_spells_it() {
        let cal = SiteCalendar {
            time_zone: "asia/shanghai".into(),
            holidays: vec![
                Holiday { date: "2026-10-02".into(), name: " National Day 2 ".into() },
                Holiday { date: "2026-10-01".into(), name: "National Day".into() },
            ],
        };
        let cal = cal.checked().unwrap();
        assert_eq!(cal.time_zone, "Asia/Shanghai");
        assert_eq!(cal.holidays[0].date, "2026-10-01");
        assert_eq!(cal.holidays[1].name, "National Day 2");
        let bad = SiteCalendar {
            time_zone: "Mars/Olympus".into(),
            holidays: vec![
                Holiday { date: "2026-10-01".into(), name: "A".into() },
                Holiday { date: "2026-10-01".into(), name: "B".into() },
                Holiday { date: "2026-13-01".into(), name: String::new() },
            ],
        };
        let keys: Vec<String> = bad.checked().unwrap_err().fields.into_iter().map(|f| f.message_key).collect();
        assert_eq!(
            keys,
            [
                "error.site_time.unknown_zone",
                "error.site_time.holiday_twice",
                "error.field.bad_date",
                "error.field.required"
            ]
        );
        assert!(time_zone_names().iter().any(|n| n == "Asia/Shanghai"));
    }
}
