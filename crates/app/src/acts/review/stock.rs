//! SKUs to raise with product and tech teams, and safety-stock alerts with what to reorder.

use lotline_domain::people::Permission;
use lotline_domain::review::{DEFAULT_SKU_FLAG_BPS, ReviewPeriod, SkuConformity, sku_conformity};
use lotline_domain::{ApiError, Event, FieldError};
use lotline_store::queries::review::{Span, day_text};
use lotline_store::queries::safety_stock::{SafetyStockRow, safety_stock};
use lotline_store::queries::{master, scorecard};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{PeriodInput, site_period};
use crate::clock::site_day_in;
use crate::context::{Ctx, store_error};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SkuFlags {
    pub period: ReviewPeriod,
    pub threshold_bps: i64,
    /// To review first (worst rate first), then the rest, then SKUs without orders; at most
    /// `SKU_FLAGS_LISTED`.
    pub skus: Vec<SkuConformity>,
    /// SKUs with orders or problems in the period, listed or not.
    pub total_skus: i64,
    /// Of those, to review.
    pub flagged_skus: i64,
}

/// SKUs listed: a month can touch tens of thousands, and nobody reviews past the worst few hundred.
pub const SKU_FLAGS_LISTED: i64 = 500;

pub async fn sku_flags(ctx: &Ctx, input: PeriodInput) -> Result<SkuFlags, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    let period = site_period(ctx, &input).await?;
    let found =
        scorecard::sku_conformity(&mut *ctx.read().await?, &Span::of(&period), DEFAULT_SKU_FLAG_BPS, SKU_FLAGS_LISTED)
            .await?;
    Ok(SkuFlags {
        period,
        threshold_bps: DEFAULT_SKU_FLAG_BPS,
        skus: sku_conformity(&found.rows, DEFAULT_SKU_FLAG_BPS),
        total_skus: found.skus,
        flagged_skus: found.flagged,
    })
}

/// Which SKUs' safety stock to show.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SafetyStockQuery {
    /// One SKU (its screen shows its row, if it is watched); every watched SKU when absent.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub sku: Option<String>,
    /// Only the SKUs below their minimum: the dashboard's alerts.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub below_only: Option<bool>,
}

/// Watched SKUs, those below their minimum first.
pub async fn safety_stock_alerts(ctx: &Ctx, input: SafetyStockQuery) -> Result<Vec<SafetyStockRow>, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    // The site's day and the list on one connection: taking one from the pool costs a round trip.
    let mut conn = ctx.read().await?;
    let today = day_text(site_day_in(&mut conn, ctx.now()).await?.today);
    let sku = input.sku.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let mut rows = safety_stock(&mut conn, &today, sku).await?;
    if input.below_only == Some(true) {
        rows.retain(|r| r.below_minimum);
    }
    Ok(rows)
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SafetyStockInput {
    pub sku: String,
    /// The minimum; `null` stops watching the SKU.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub min_qty: Option<i64>,
    /// The level a reorder fills up to, at least the minimum; `null` orders back to the minimum.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub max_qty: Option<i64>,
}

/// Sets (or clears) a SKU's minimum and returns its row as the alerts list shows it.
pub async fn set_safety_stock(ctx: &Ctx, input: SafetyStockInput) -> Result<Vec<SafetyStockRow>, ApiError> {
    ctx.allowed(Permission::ConfigureReviews)?;
    let sku = input.sku.trim().to_owned();
    if sku.is_empty() {
        return Err(ApiError::field(FieldError::new("sku", "error.field.required")));
    }
    if input.min_qty.is_some_and(|q| q < 0) {
        return Err(ApiError::field(FieldError::new("min_qty", "error.field.negative")));
    }
    if let (Some(min), Some(max)) = (input.min_qty, input.max_qty)
        && max < min
    {
        return Err(ApiError::field(FieldError::new("max_qty", "error.safety_stock.max_below_min").with("min", min)));
    }
    // Without a minimum nothing is watched, so no maximum either.
    let max_qty = input.min_qty.and(input.max_qty);
    let mut tx = ctx.begin().await?;
    if master::product(&mut tx, &sku).await?.is_none() {
        return Err(ApiError::not_found("product", &sku));
    }
    ctx.commit(tx, vec![Event::SafetyStockSet { sku: sku.clone(), min_qty: input.min_qty, max_qty }]).await?;
    let today = day_text(ctx.today().await?);
    safety_stock(&mut *ctx.read().await?, &today, Some(&sku)).await.map_err(store_error)
}
