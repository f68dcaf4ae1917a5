//! The returns KPI table and its targets.

use lotline_domain::people::Permission;
use lotline_domain::review::{
    KpiBreakdown, KpiGroup, KpiTable, KpiTargets, ReturnsBreakdown, group_table, kpi_table_of_totals, sort_reasons,
};
use lotline_domain::{ApiError, Event};
use lotline_store::queries::{kpi_groups, kpis, review_settings};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

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

/// A review period and how to break its returns figures down (none: only the return reasons).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BreakdownInput {
    pub from: String,
    pub to: String,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub breakdown: Option<KpiBreakdown>,
}

/// The return reasons of the period and, with a breakdown, the KPI table, RMA aging and return
/// reasons per channel, category or reason code. The totals stay `kpi_table`'s.
pub async fn returns_breakdown(ctx: &Ctx, input: BreakdownInput) -> Result<ReturnsBreakdown, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    let period = site_period(ctx, &PeriodInput { from: input.from.clone(), to: input.to.clone() }).await?;
    let mut conn = ctx.read().await?;
    let mut reasons =
        kpi_groups::return_reasons(&mut conn, None, &period).await?.into_values().flatten().collect::<Vec<_>>();
    sort_reasons(&mut reasons);
    let mut groups = Vec::new();
    if let Some(breakdown) = input.breakdown {
        let targets = review_settings::kpi_targets(&mut conn).await?;
        let mut now = kpi_groups::grouped_totals(&mut conn, breakdown, &period).await?;
        let mut before = kpi_groups::grouped_totals(&mut conn, breakdown, &period.previous()).await?;
        let mut aging = kpi_groups::grouped_aging(&mut conn, breakdown, ctx.now()).await?;
        let mut group_reasons = kpi_groups::return_reasons(&mut conn, Some(breakdown), &period).await?;
        let mut keys: Vec<Option<String>> =
            now.keys().chain(before.keys()).chain(aging.keys()).chain(group_reasons.keys()).cloned().collect();
        // Named groups in order, "unspecified" (None) last.
        keys.sort_by(|a, b| (a.is_none(), a).cmp(&(b.is_none(), b)));
        keys.dedup();
        for key in keys {
            let (totals, earlier) = (now.remove(&key).unwrap_or_default(), before.remove(&key).unwrap_or_default());
            let mut reasons = group_reasons.remove(&key).unwrap_or_default();
            sort_reasons(&mut reasons);
            let table = group_table(&totals, &earlier, aging.remove(&key).unwrap_or_default(), &period, &targets);
            groups.push(KpiGroup { key, table, reasons });
        }
    }
    Ok(ReturnsBreakdown { breakdown: input.breakdown, previous_period: period.previous(), period, reasons, groups })
}
