use std::sync::Mutex;

use chrono::{DateTime, Utc};

/// The time source of every act; tests and SLA logic use a fixed or stepped clock.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that only moves when told to.
pub struct FixedClock(Mutex<DateTime<Utc>>);

impl FixedClock {
    pub fn new(at: DateTime<Utc>) -> Self {
        Self(Mutex::new(at))
    }

    pub fn advance(&self, by: chrono::Duration) {
        if let Ok(mut now) = self.0.lock() {
            *now += by;
        }
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0.lock().map(|t| *t).unwrap_or_else(|_| Utc::now())
    }
}

/// Today at the site: every rule that reads the day (return windows, working-day due dates,
/// expiry, review periods, ratings) reads it here, in the site's zone and with its holidays,
/// never as the UTC date.
pub(crate) async fn site_day_in(
    conn: &mut sqlx::SqliteConnection,
    at: DateTime<Utc>,
) -> Result<lotline_domain::site_time::SiteDay, lotline_domain::ApiError> {
    let row = lotline_store::queries::site_time::site_calendar(conn).await?;
    Ok(row.calendar.day_at(at))
}

impl crate::Ctx {
    /// Today at the site, with its holidays.
    pub async fn site_day(&self) -> Result<lotline_domain::site_time::SiteDay, lotline_domain::ApiError> {
        site_day_in(&mut *self.read().await?, self.now()).await
    }

    /// The site's IANA time zone (this computer's while an administrator has not confirmed one).
    pub async fn site_zone(&self) -> Result<String, lotline_domain::ApiError> {
        Ok(lotline_store::queries::site_time::site_calendar(&mut *self.read().await?).await?.calendar.time_zone)
    }

    /// The site's date now.
    pub async fn today(&self) -> Result<chrono::NaiveDate, lotline_domain::ApiError> {
        Ok(self.site_day().await?.today)
    }
}
