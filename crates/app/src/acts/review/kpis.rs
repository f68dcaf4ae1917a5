//! The returns KPI table and its targets.

use lotline_domain::people::Permission;
use lotline_domain::review::{KpiTable, KpiTargets, kpi_table_of_totals};
use lotline_domain::{ApiError, Event};
use lotline_store::queries::{kpis, review_settings};

use super::{PeriodInput, site_period};
use crate::acts::Empty;
use crate::context::{Ctx, store_error};

pub async fn kpi_table(ctx: &Ctx, input: PeriodInput) -> Result<KpiTable, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    let period = site_period(ctx, &input).await?;
    let mut conn = ctx.read().await?;
    let targets = review_settings::kpi_targets(&mut conn).await?;
    let (totals, before, aging) = kpis::kpi_totals(&mut conn, &period, ctx.now()).await?;
    Ok(kpi_table_of_totals(&totals, &before, aging, &period, &targets))
}

pub async fn get_kpi_targets(ctx: &Ctx, _: Empty) -> Result<KpiTargets, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    review_settings::kpi_targets(&mut *ctx.read().await?).await.map_err(store_error)
}

pub async fn set_kpi_targets(ctx: &Ctx, input: KpiTargets) -> Result<KpiTargets, ApiError> {
    ctx.allowed(Permission::ConfigureReviews)?;
    let mut targets = input;
    // Currency codes are compared as stored: "eur" and "EUR" are one target.
    targets.cost_per_return_max_minor =
        targets.cost_per_return_max_minor.into_iter().map(|(c, v)| (c.trim().to_uppercase(), v)).collect();
    targets.validate()?;
    let tx = ctx.begin().await?;
    ctx.commit(tx, vec![Event::KpiTargetsSet(targets.clone())]).await?;
    Ok(targets)
}
