//! The site's calendar as the projection holds it, and the zone a desk falls back on until an
//! administrator confirms one.

use lotline_domain::site_time::{Holiday, SiteCalendar, canonical_time_zone};
use sqlx::{Row, SqliteConnection};

use crate::StoreError;

/// The site's calendar and whether its zone was chosen by someone (or only read off this
/// computer, as on a desk upgraded from before site zones).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteCalendarRow {
    pub calendar: SiteCalendar,
    pub confirmed: bool,
}

/// The operating system's zone in the IANA database's spelling; UTC when it names none the
/// database knows (a bare offset, say).
pub fn computer_time_zone() -> String {
    iana_time_zone::get_timezone().ok().and_then(|name| canonical_time_zone(&name)).unwrap_or_else(|| "UTC".into())
}

/// The calendar in force: the saved one, or this computer's zone with no holidays.
pub async fn site_calendar(conn: &mut SqliteConnection) -> Result<SiteCalendarRow, StoreError> {
    let row = sqlx::query(CALENDAR).fetch_optional(&mut *conn).await?;
    Ok(match row {
        Some(r) => calendar_row(r.get::<String, _>(0), &r.get::<String, _>(1)),
        None => calendar_row(String::new(), "[]"),
    })
}

const CALENDAR: &str = "SELECT time_zone, holidays FROM settings WHERE id = 1";

/// The calendar on SQLite's own handle, for reads that share one hand-over (a trace's).
pub(crate) fn site_calendar_raw(db: &rusqlite::Connection) -> rusqlite::Result<SiteCalendarRow> {
    use rusqlite::OptionalExtension;
    let row = db
        .prepare_cached(CALENDAR)?
        .query_row([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .optional()?;
    Ok(match row {
        Some((zone, holidays)) => calendar_row(zone, &holidays),
        None => calendar_row(String::new(), "[]"),
    })
}

fn calendar_row(zone: String, holidays: &str) -> SiteCalendarRow {
    let holidays: Vec<Holiday> = serde_json::from_str(holidays).unwrap_or_default();
    if zone.is_empty() {
        return SiteCalendarRow {
            calendar: SiteCalendar { time_zone: computer_time_zone(), holidays },
            confirmed: false,
        };
    }
    SiteCalendarRow { calendar: SiteCalendar { time_zone: zone, holidays }, confirmed: true }
}
