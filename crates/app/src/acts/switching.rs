//! AQL switching per vendor and product: which severity of inspection (normal, tightened,
//! reduced) the next lot gets and why, folded from the lots inspected before (ISO 2859-1 clause
//! 9), and the responsible authority's approval of reduced inspection.

use lotline_domain::aql::switching::{self, LotOutcome, SwitchingPolicy, SwitchingState};
use lotline_domain::aql::{self, AqlPlanInput, InspectionSeverity};
use lotline_domain::failure::{FailureRecord, InspectionResult, PlanVerdict, Severity};
use lotline_domain::people::Permission;
use lotline_domain::{ApiError, Event};
use serde::{Deserialize, Serialize};
use sqlx::Row;
use ts_rs::TS;

use super::Empty;
use crate::context::{Ctx, sql_error};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InspectionSeverityInput {
    pub sku: String,
    pub vendor_code: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AqlSwitchingSettings {
    /// The responsible authority approves reduced inspection once the switching score reaches 30
    /// (and production is steady).
    pub reduced_allowed: bool,
}

pub async fn get_aql_switching(ctx: &Ctx, _: Empty) -> Result<AqlSwitchingSettings, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    Ok(AqlSwitchingSettings { reduced_allowed: reduced_allowed(&mut *ctx.read().await?).await? })
}

pub async fn set_aql_switching(ctx: &Ctx, input: AqlSwitchingSettings) -> Result<AqlSwitchingSettings, ApiError> {
    ctx.allowed(Permission::ConfigureQuality)?;
    let tx = ctx.begin().await?;
    ctx.commit(tx, vec![Event::AqlSwitchingSet { reduced_allowed: input.reduced_allowed }]).await?;
    Ok(input)
}

/// Where the vendor's product stands: the severity for its next lot and the reason.
pub async fn inspection_severity(ctx: &Ctx, input: InspectionSeverityInput) -> Result<SwitchingState, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    let mut conn = ctx.read().await?;
    state_for(&mut conn, input.sku.trim(), &input.vendor_code.trim().to_uppercase()).await
}

async fn reduced_allowed(conn: &mut sqlx::SqliteConnection) -> Result<bool, ApiError> {
    let allowed: Option<bool> = sqlx::query_scalar("SELECT reduced_allowed FROM aql_switching WHERE id = 1")
        .fetch_optional(conn)
        .await
        .map_err(sql_error)?;
    Ok(allowed.unwrap_or(false))
}

/// The switching state from the lots inspected so far, oldest first. A lot is one lot code (a
/// lot with several failures is one lot, not accepted if any of them was not); a failure with no
/// lot code stands for a lot of its own.
pub(crate) async fn state_for(
    conn: &mut sqlx::SqliteConnection,
    sku: &str,
    vendor_code: &str,
) -> Result<SwitchingState, ApiError> {
    let rows = sqlx::query(
        "SELECT lot_code, record FROM failures WHERE sku = ? AND vendor_code = ? \
         AND json_extract(record, '$.inspection') IS NOT NULL ORDER BY occurred_at, seq_no",
    )
    .bind(sku)
    .bind(vendor_code)
    .fetch_all(&mut *conn)
    .await
    .map_err(sql_error)?;
    let mut lots: Vec<(Option<String>, LotOutcome)> = Vec::new();
    for row in rows {
        let lot: Option<String> = row.get(0);
        let record: String = row.get(1);
        let Ok(record) = serde_json::from_str::<FailureRecord>(&record) else { continue };
        let Some(inspection) = &record.inspection else { continue };
        let outcome = outcome_of(inspection);
        match lots.iter_mut().find(|(code, _)| code.is_some() && *code == lot) {
            Some((_, seen)) => {
                seen.accepted &= outcome.accepted;
                seen.accepted_one_step_tighter &= outcome.accepted_one_step_tighter;
            }
            None => lots.push((lot, outcome)),
        }
    }
    let policy = SwitchingPolicy { reduced_allowed: reduced_allowed(conn).await?, production_steady: true };
    Ok(switching::derive(lots.into_iter().map(|(_, outcome)| outcome), policy))
}

/// What one inspection means for the switching rules: accepted or not, the strictest class's
/// acceptance number, and whether every class would also have passed at its next stricter AQL.
fn outcome_of(result: &InspectionResult) -> LotOutcome {
    let input = &result.input;
    let mut accept_number = u32::MAX;
    let mut tighter = true;
    for class in &result.plans {
        if class.severity == Severity::Critical {
            tighter &= class.found == 0;
            continue;
        }
        accept_number = accept_number.min(class.plan.accept);
        let stricter = aql::Aql::from_value(class.aql).and_then(aql::Aql::stricter).and_then(|aql| {
            aql::plan(&AqlPlanInput {
                lot_size: input.lot_size,
                level: input.level,
                aql,
                inspection: Some(input.inspection),
            })
            .ok()
        });
        tighter &= stricter.is_some_and(|plan| class.found <= plan.accept);
    }
    LotOutcome {
        accepted: result.verdict == PlanVerdict::Accept,
        accept_number: if accept_number == u32::MAX { 0 } else { accept_number },
        accepted_one_step_tighter: tighter,
    }
}

/// How strict a severity is, to refuse an inspection looser than the rules prescribe.
pub(crate) fn strictness(severity: InspectionSeverity) -> u8 {
    match severity {
        InspectionSeverity::Reduced => 0,
        InspectionSeverity::Normal => 1,
        InspectionSeverity::Tightened => 2,
    }
}
