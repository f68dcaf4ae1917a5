//! Vendor scorecards, their settings, and the rating history that shows their trend.
//!
//! A rating is recorded over the 90 days ending today, at most once per vendor per day (the first
//! recording of a day stands): by the app's daily job (`crate::jobs`), which runs as the app and
//! not as whoever is looking, or by hand through `record_vendor_ratings`, a vendor manager's act.
//! Viewing a scorecard for any period never writes: a past period's rating stamped with today's
//! date would make the trend line lie.

use chrono::{Days, NaiveDate};
use lotline_domain::people::Permission;
use lotline_domain::review::{
    RATING_TREND_MIN_POINTS, RatingPoint, ReviewPeriod, ReviewTrend, ScorecardSettings, VendorScorecard, rating_trend,
    vendor_scorecards as cards,
};
use lotline_domain::{ApiError, Event, FieldError, Violations};
use lotline_store::queries::review::{Span, day_text};
use lotline_store::queries::{review_settings, scorecard as q};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{PeriodInput, site_period};
use crate::acts::Empty;
use crate::context::{Ctx, store_error};

/// The window a recorded rating covers.
pub const RATING_WINDOW_DAYS: u64 = 90;
/// History shown beside a scorecard.
const HISTORY_DAYS: u64 = 365;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VendorScorecardView {
    #[serde(flatten)]
    pub card: VendorScorecard,
    pub vendor_name: Option<String>,
    /// Recorded ratings of the last year, oldest first.
    pub history: Vec<RatingPoint>,
    pub trend: Option<ReviewTrend>,
    /// Set when the settings block flagged vendors and this one is blocked: since when.
    pub receipts_blocked_since: Option<NaiveDate>,
    pub last_reviewed: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VendorScorecards {
    pub period: ReviewPeriod,
    pub settings: ScorecardSettings,
    /// Lowest rating first, unrated last.
    pub vendors: Vec<VendorScorecardView>,
}

async fn compute(ctx: &Ctx, period: &ReviewPeriod) -> Result<(ScorecardSettings, Vec<VendorScorecard>), ApiError> {
    let mut conn = ctx.read().await?;
    let span = Span::of(period);
    let settings = review_settings::scorecard_settings(&mut conn).await?;
    let rows = q::vendor_quality(&mut conn, &span).await?;
    let chargebacks = q::chargebacks(&mut conn, &span).await?;
    Ok((settings, cards(&rows, &chargebacks, &settings)))
}

pub async fn vendor_scorecards(ctx: &Ctx, input: PeriodInput) -> Result<VendorScorecards, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    let period = site_period(ctx, &input).await?;
    let (settings, scored) = compute(ctx, &period).await?;
    let mut conn = ctx.read().await?;
    let since = ctx.today().await?.checked_sub_days(Days::new(HISTORY_DAYS)).unwrap_or_default();
    let mut history = q::rating_history(&mut conn, &day_text(since)).await?;
    let blocked = q::blocked_vendors(&mut conn).await?;
    let reviews = q::last_reviews(&mut conn, None).await?;
    // As of today whatever the period: a SCAR is overdue now or not at all.
    let overdue = lotline_store::queries::scars::overdue_by_vendor(&mut conn, &day_text(ctx.today().await?)).await?;
    let mut vendors = Vec::with_capacity(scored.len());
    for mut card in scored {
        card.overdue_scars = overdue.get(&card.vendor_code).copied().unwrap_or(0);
        let vendor_name =
            lotline_store::queries::master::vendor(&mut conn, &card.vendor_code).await?.map(|v| v.vendor.name);
        let points = history.remove(&card.vendor_code).unwrap_or_default();
        let trend = rating_trend(&points, RATING_TREND_MIN_POINTS);
        let (receipts_blocked_since, last_reviewed) =
            (blocked.get(&card.vendor_code).copied(), reviews.get(&card.vendor_code).copied());
        vendors.push(VendorScorecardView {
            card,
            vendor_name,
            history: points,
            trend,
            receipts_blocked_since,
            last_reviewed,
        });
    }
    Ok(VendorScorecards { period, settings, vendors })
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecordedRatings {
    pub day: String,
    pub period: ReviewPeriod,
    /// Vendors rated now; those already rated today, or without data to rate, are not.
    pub recorded: Vec<String>,
}

pub async fn record_vendor_ratings(ctx: &Ctx, _: Empty) -> Result<RecordedRatings, ApiError> {
    ctx.allowed(Permission::RecordRatings)?;
    record_todays_ratings(ctx).await
}

/// Today's ratings of the vendors not rated today yet; the caller has checked who may.
pub(crate) async fn record_todays_ratings(ctx: &Ctx) -> Result<RecordedRatings, ApiError> {
    let today = ctx.today().await?;
    let from = today.checked_sub_days(Days::new(RATING_WINDOW_DAYS - 1)).unwrap_or(today);
    let period = ReviewPeriod::new(from, today)?.in_zone(&ctx.site_zone().await?);
    let (_, scored) = compute(ctx, &period).await?;
    let day = day_text(today);
    let mut tx = ctx.begin().await?;
    let already = q::rated_on(&mut tx, &day).await?;
    let events: Vec<Event> = scored
        .iter()
        .filter(|c| !already.contains(&c.vendor_code))
        .filter_map(|c| {
            Some(Event::VendorRated {
                vendor_code: c.vendor_code.clone(),
                day: day.clone(),
                rating: c.rating?,
                period_from: day_text(period.from),
                period_to: day_text(period.to),
            })
        })
        .collect();
    let recorded = events
        .iter()
        .filter_map(|e| match e {
            Event::VendorRated { vendor_code, .. } => Some(vendor_code.clone()),
            _ => None,
        })
        .collect();
    if events.is_empty() {
        drop(tx);
    } else {
        ctx.commit(tx, events).await?;
    }
    Ok(RecordedRatings { day, period, recorded })
}

pub async fn get_scorecard_settings(ctx: &Ctx, _: Empty) -> Result<ScorecardSettings, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    review_settings::scorecard_settings(&mut *ctx.read().await?).await.map_err(store_error)
}

pub async fn set_scorecard_settings(ctx: &Ctx, input: ScorecardSettings) -> Result<ScorecardSettings, ApiError> {
    ctx.allowed(Permission::ConfigureReviews)?;
    input.validate()?;
    let tx = ctx.begin().await?;
    ctx.commit(tx, vec![Event::ScorecardSettingsSet(input)]).await?;
    Ok(input)
}

/// A flagged vendor reviewed with product and quality teams: what was agreed.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VendorReviewInput {
    pub vendor_code: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VendorReviewed {
    pub vendor_code: String,
    pub reviewed_on: NaiveDate,
    /// Whether receipts are still blocked (never, once reviewed, until the rating falls again).
    pub receipts_blocked_since: Option<NaiveDate>,
}

/// Records the review of a vendor, which lifts a block on its receipts until its rating
/// recovers and falls below the threshold again.
pub async fn review_vendor(ctx: &Ctx, input: VendorReviewInput) -> Result<VendorReviewed, ApiError> {
    ctx.allowed(Permission::ConfigureReviews)?;
    let (vendor_code, note) = (input.vendor_code.trim().to_owned(), input.note.trim().to_owned());
    let mut v = Violations::default();
    if vendor_code.is_empty() {
        v.push(FieldError::new("vendor_code", "error.field.required"));
    }
    v.required("note", &note);
    v.max_len("note", &note, lotline_domain::limits::NOTE);
    v.into_result()?;
    let mut tx = ctx.begin().await?;
    if lotline_store::queries::master::vendor(&mut tx, &vendor_code).await?.is_none() {
        return Err(ApiError::not_found("vendor", &vendor_code));
    }
    ctx.commit(tx, vec![Event::VendorReviewed { vendor_code: vendor_code.clone(), note }]).await?;
    let blocked = q::blocked_vendors(&mut *ctx.read().await?).await?;
    Ok(VendorReviewed {
        receipts_blocked_since: blocked.get(&vendor_code).copied(),
        reviewed_on: ctx.today().await?,
        vendor_code,
    })
}
