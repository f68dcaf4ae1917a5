//! What the app does each day on its own, run by the host that keeps the app open (the desktop):
//! at start and then on a timer, as the app itself with nobody signed in.
//!
//! The day's vendor ratings: recorded once per day (UTC, the day every act of the app dates by),
//! the first run of a day records them and later runs that day find nothing left to record. After
//! days closed, the app records today only and leaves the missed days out of the history: a
//! rating computed now for a past day would count failures logged since, and the trend line would
//! show a past it never saw.
//!
//! The weekly review: on the first run of a new week on the site's calendar, last week's review is
//! made as a PDF and kept (`acts::review::make_weekly_review`), once per week; a desk in a team
//! hands it to the team's server, which mails it, and offers it again at every tick until taken.

use std::time::Duration;

use chrono::NaiveDate;
use lotline_domain::ApiError;

use crate::acts::review::RecordedRatings;
use crate::context::Ctx;

/// How often the host asks whether a new day has begun.
pub const EVERY: Duration = Duration::from_secs(15 * 60);

/// The daily jobs, remembering the last day they ran so a timer's tick within the day is free.
#[derive(Debug, Default)]
pub struct Daily {
    last_day: Option<NaiveDate>,
}

impl Daily {
    /// Runs the day's jobs if they have not run today in this app: the ratings recorded now, or
    /// `None` when today's run already happened. A failed run is tried again at the next tick.
    pub async fn tick(&mut self, ctx: &Ctx) -> Result<Option<RecordedRatings>, ApiError> {
        let today = ctx.today().await?;
        if self.last_day == Some(today) {
            hand_in_weekly_reviews(ctx).await;
            return Ok(None);
        }
        // Not set up yet: nothing to rate, and the day is still to come.
        let settings = lotline_store::queries::people::settings(&mut *ctx.read().await?).await?;
        if settings.is_none() {
            return Ok(None);
        }
        let recorded = crate::acts::review::record_todays_ratings(&ctx.as_app()).await?;
        crate::acts::review::make_weekly_review(&ctx.as_app()).await?;
        self.last_day = Some(today);
        hand_in_weekly_reviews(ctx).await;
        Ok(Some(recorded))
    }
}

/// An offline desk, or a server whose relay is down, leaves the review waiting: it is offered
/// again at the next tick, and the weekly reviews list shows it not yet taken.
async fn hand_in_weekly_reviews(ctx: &Ctx) {
    let _waiting = crate::sync::hand_weekly_reviews_to_team(ctx).await;
}
