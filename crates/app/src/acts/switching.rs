//! AQL switching per vendor and product: which severity of inspection (normal, tightened,
//! reduced) the next lot gets and why, folded from the lots inspected before (ISO 2859-1 clause
//! 9), and the responsible authority's approval of reduced inspection.

use lotline_domain::aql::switching::{self, LotOutcome, SwitchingPolicy, SwitchingState, SwitchingStep};
use lotline_domain::aql::{self, AqlPlanInput, InspectionSeverity};
use lotline_domain::error::{FieldError, Violations};
use lotline_domain::failure::{InspectionInput, InspectionResult, PlanVerdict, Severity, evaluate_inspection};
use lotline_domain::limits;
use lotline_domain::lots::{check_lot_code, normalise_lot_code};
use lotline_domain::people::Permission;
use lotline_domain::{ApiError, Event};
use lotline_store::queries::master;
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
    // A failure's inspection (in its record), a lot that passed with no failure, or a
    // resumption after discontinuation; `kind` 0, 1, 2.
    let rows = sqlx::query(
        "SELECT 0, lot_code, json_extract(record, '$.inspection'), occurred_at, \
           (SELECT MIN(e.seq) FROM events e WHERE e.stream_type = 'failure' AND e.stream_id = f.failure_no) \
           FROM failures f WHERE sku = ?1 AND vendor_code = ?2 AND json_extract(record, '$.inspection') IS NOT NULL \
         UNION ALL SELECT 1, lot_code, inspection, occurred_at, log_seq FROM lot_inspections WHERE sku = ?1 AND vendor_code = ?2 \
         UNION ALL SELECT 2, NULL, NULL, occurred_at, log_seq FROM aql_resumptions WHERE sku = ?1 AND vendor_code = ?2 \
         ORDER BY 4, 5",
    )
    .bind(sku)
    .bind(vendor_code)
    .fetch_all(&mut *conn)
    .await
    .map_err(sql_error)?;
    let mut steps: Vec<(Option<String>, SwitchingStep)> = Vec::new();
    for row in rows {
        if row.get::<i64, _>(0) == 2 {
            steps.push((None, SwitchingStep::Resumed));
            continue;
        }
        let lot: Option<String> = row.get(1);
        let Some(text) = row.get::<Option<String>, _>(2) else { continue };
        let Ok(inspection) = serde_json::from_str::<InspectionResult>(&text) else { continue };
        let outcome = outcome_of(&inspection);
        let seen = steps.iter_mut().find_map(|(code, step)| match step {
            SwitchingStep::Lot(seen) if code.is_some() && *code == lot => Some(seen),
            _ => None,
        });
        match seen {
            Some(seen) => {
                seen.accepted &= outcome.accepted;
                seen.accepted_one_step_tighter &= outcome.accepted_one_step_tighter;
            }
            None => steps.push((lot, SwitchingStep::Lot(outcome))),
        }
    }
    let policy = SwitchingPolicy { reduced_allowed: reduced_allowed(conn).await?, production_steady: true };
    Ok(switching::derive_steps(steps.into_iter().map(|(_, step)| step), policy))
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecordLotInspectionInput {
    pub sku: String,
    pub vendor_code: String,
    #[serde(default)]
    pub lot_code: Option<String>,
    pub inspection: InspectionInput,
}

/// A lot that passed inspection with no failure to log, so that the switching rules count it;
/// the state for the pair's next lot comes back. A lot not accepted is logged as a failure.
pub async fn record_lot_inspection(ctx: &Ctx, input: RecordLotInspectionInput) -> Result<SwitchingState, ApiError> {
    let actor = ctx.allowed(Permission::LogFailure)?;
    let sku = input.sku.trim().to_owned();
    let vendor_code = input.vendor_code.trim().to_uppercase();
    let lot_code = input.lot_code.map(|l| normalise_lot_code(&l)).filter(|l| !l.is_empty());
    let mut v = Violations::default();
    v.required("sku", &sku);
    v.required("vendor_code", &vendor_code);
    if let Some(code) = &lot_code {
        check_lot_code(&mut v, "lot_code", code);
    }
    v.into_result()?;
    let inspection = evaluate_inspection(&input.inspection)?;
    if inspection.verdict != PlanVerdict::Accept {
        return Err(ApiError::field(FieldError::new("inspection", "error.aql.not_accepted_log_failure")));
    }
    let mut tx = ctx.begin().await?;
    if master::product(&mut tx, &sku).await?.is_none() {
        return Err(ApiError::field(FieldError::new("sku", "error.failure.unknown_sku").with("sku", &sku)));
    }
    let rules = state_for(&mut tx, &sku, &vendor_code).await?;
    if rules.discontinued {
        return Err(ApiError::conflict("error.aql.discontinued").with("sku", &sku).with("vendor_code", &vendor_code));
    }
    if strictness(inspection.input.inspection) < strictness(rules.severity) {
        return Err(ApiError::field(
            FieldError::new("inspection.inspection", "error.aql.severity_looser")
                .with("chosen", severity_text(inspection.input.inspection))
                .with("required", severity_text(rules.severity)),
        ));
    }
    let event = Event::LotInspectionRecorded {
        inspection_id: uuid::Uuid::now_v7().to_string(),
        sku: sku.clone(),
        vendor_code: vendor_code.clone(),
        lot_code,
        inspector_id: actor.user_id,
        inspection,
    };
    ctx.commit(tx, vec![event]).await?;
    state_for(&mut *ctx.read().await?, &sku, &vendor_code).await
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ResumeInspectionInput {
    pub sku: String,
    pub vendor_code: String,
    /// The supplier's corrective action that makes resuming right.
    pub note: String,
}

/// A quality lead resumes inspection discontinued under ISO 2859-1 9.4, once the supplier has
/// taken corrective action: it resumes tightened.
pub async fn resume_inspection(ctx: &Ctx, input: ResumeInspectionInput) -> Result<SwitchingState, ApiError> {
    ctx.allowed(Permission::ConfigureQuality)?;
    let sku = input.sku.trim().to_owned();
    let vendor_code = input.vendor_code.trim().to_uppercase();
    let note = input.note.trim().to_owned();
    let mut v = Violations::default();
    v.required("note", &note);
    v.max_len("note", &note, limits::REASON);
    v.into_result()?;
    let mut tx = ctx.begin().await?;
    if !state_for(&mut tx, &sku, &vendor_code).await?.discontinued {
        return Err(ApiError::conflict("error.aql.not_discontinued")
            .with("sku", &sku)
            .with("vendor_code", &vendor_code));
    }
    ctx.commit(tx, vec![Event::AqlInspectionResumed { sku: sku.clone(), vendor_code: vendor_code.clone(), note }])
        .await?;
    state_for(&mut *ctx.read().await?, &sku, &vendor_code).await
}

fn severity_text(severity: InspectionSeverity) -> String {
    serde_json::to_value(severity).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
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
