//! Reviews: the weekly / monthly review, the returns KPI table, vendor scorecards, SKUs to raise
//! with product and tech teams, safety stock, and the vendor defect report. The rules live in
//! `lotline_domain::review`; the rows come from `lotline_store::queries::{review, kpis, scorecard}`.

mod kpis;
mod period;
mod scar_pdf;
mod scorecards;
mod stock;
mod vendor_pdf;
mod vendor_pdf_data;
mod weekly;

use chrono::NaiveDate;
use lotline_domain::review::ReviewPeriod;
use lotline_domain::{ApiError, FieldError, Violations};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use kpis::{BreakdownInput, get_kpi_targets, kpi_table, returns_breakdown, set_kpi_targets};
pub use period::{FailureFilter, FailureGroupReview, ParetoReview, ReviewPeriodReport, review_period};
pub use scar_pdf::{ScarPdfInput, scar_pdf};
pub(crate) use scorecards::record_todays_ratings;
pub use scorecards::{
    RecordedRatings, VendorReviewInput, VendorReviewed, VendorScorecardView, VendorScorecards, get_scorecard_settings,
    record_vendor_ratings, review_vendor, set_scorecard_settings, vendor_scorecards,
};
pub use stock::{SafetyStockInput, SafetyStockQuery, SkuFlags, safety_stock_alerts, set_safety_stock, sku_flags};
pub use vendor_pdf::{VendorReportInput, vendor_report_pdf};
pub use weekly::{
    WeekInput, WeeklyReviewEntry, file_name as weekly_review_file_name, last_week, list_weekly_reviews,
    make_weekly_review, week_of, weekly_review_pdf,
};

/// Reviews longer than this are typos (a year typed wrong), not reviews.
pub const MAX_PERIOD_DAYS: i64 = 5 * 366;

/// A review's date range: calendar days, both included, as `YYYY-MM-DD`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PeriodInput {
    pub from: String,
    pub to: String,
}

fn day(v: &mut Violations, field: &str, text: &str) -> Option<NaiveDate> {
    let parsed = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
    if parsed.is_none() {
        v.push(FieldError::new(field, "error.field.bad_date").with("value", text));
    }
    parsed
}

/// The period on the site's clock: its days start at the site's midnight, not UTC's.
pub(crate) async fn site_period(ctx: &crate::Ctx, input: &PeriodInput) -> Result<ReviewPeriod, ApiError> {
    let period = period_of(input)?;
    Ok(period.in_zone(&ctx.site_zone().await?))
}

/// The period, or every problem with it named by its field (`from`, `to`).
pub(crate) fn period_of(input: &PeriodInput) -> Result<ReviewPeriod, ApiError> {
    let mut v = Violations::default();
    let (from, to) = (day(&mut v, "from", &input.from), day(&mut v, "to", &input.to));
    let (Some(from), Some(to)) = (from, to) else {
        return v.into_result().and_then(|()| Err(ApiError::internal("a date failed to parse without a field error")));
    };
    let period = ReviewPeriod::new(from, to)?;
    if period.days() > MAX_PERIOD_DAYS {
        return Err(ApiError::field(
            FieldError::new("to", "error.review.period_too_long").with("max_days", MAX_PERIOD_DAYS),
        ));
    }
    Ok(period)
}
