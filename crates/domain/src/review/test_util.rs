use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::period::ReviewPeriod;

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

/// November 2026; its previous period is 2 to 31 October.
pub fn november() -> ReviewPeriod {
    ReviewPeriod::new(day(2026, 11, 1), day(2026, 11, 30)).unwrap()
}
