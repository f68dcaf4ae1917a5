//! Chargebacks from every source in one list: reshipments the vendor pays for (their claim is
//! kept on the reshipment, see `reshipments::update_chargeback`) and what a failure's
//! re-inspection or return to the vendor cost, recorded and settled here.

use lotline_domain::ApiError;
use lotline_domain::chargeback::{self as cb, ChargebackSource, FailureChargebackStatus};
use lotline_domain::people::Permission;
use lotline_store::queries::master;
use lotline_store::queries::scars::{self as q, ChargebackListRow};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::acts::exports::{ExportOutput, write_rows};
use crate::acts::failures::load_failure;
use crate::context::Ctx;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecordFailureChargebackInput {
    pub failure_no: String,
    /// `reinspection` or `return_to_vendor`.
    pub source: ChargebackSource,
    /// In minor units of the product's currency.
    pub amount_minor: i64,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SettleFailureChargebackInput {
    pub failure_no: String,
    pub source: ChargebackSource,
    /// `recovered` or `written_off`.
    pub status: FailureChargebackStatus,
    /// What the vendor paid, for `recovered`: 1 up to the claim.
    #[serde(default)]
    pub recovered_minor: i64,
    /// Required for `written_off`: why.
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ListChargebacksInput {
    #[serde(default)]
    #[ts(optional = nullable)]
    pub vendor_code: Option<String>,
    /// A failure's or a reshipment's number: that record's claims only.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub reference: Option<String>,
    /// Money came back in this range, `YYYY-MM-DD`, `from` included and `to` excluded: the
    /// claims behind a review's "chargebacks recovered".
    #[serde(default)]
    #[ts(optional = nullable)]
    pub recovered_from: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub recovered_to: Option<String>,
}

async fn claims_of(
    conn: &mut sqlx::SqliteConnection,
    failure_no: &str,
) -> Result<Vec<cb::FailureChargeback>, ApiError> {
    let events = lotline_store::load_stream(conn, "failure", failure_no).await?;
    let events: Vec<_> = events.into_iter().map(|e| e.event).collect();
    Ok(cb::fold(&events))
}

/// The cost of a re-inspection or a return to the vendor, charged back to the failure's vendor
/// in the product's currency (the installation's when the product is unknown). Those who handle
/// failures record it; vendor management and finance too.
pub async fn record_failure_chargeback(
    ctx: &Ctx,
    input: RecordFailureChargebackInput,
) -> Result<Vec<ChargebackListRow>, ApiError> {
    let actor = ctx.actor()?;
    if !actor.may(Permission::ManageFailure) {
        actor.require(Permission::ManageChargeback)?;
    }
    let failure_no = input.failure_no.trim().to_uppercase();
    let mut tx = ctx.begin().await?;
    let failure = load_failure(&mut tx, &failure_no).await?;
    let claims = claims_of(&mut tx, &failure_no).await?;
    let product = master::product(&mut tx, &failure.record.sku).await?;
    let currency = match product {
        Some(p) => p.product.currency,
        None => lotline_store::queries::people::settings(&mut tx).await?.map(|s| s.currency).unwrap_or_default(),
    };
    let events = cb::decide_record(&failure, &claims, input.source, input.amount_minor, &currency, &input.note)?;
    ctx.commit(tx, events).await?;
    chargebacks_of(ctx, &failure_no).await
}

/// A failure's chargeback recovered (in full or part) or written off.
pub async fn settle_failure_chargeback(
    ctx: &Ctx,
    input: SettleFailureChargebackInput,
) -> Result<Vec<ChargebackListRow>, ApiError> {
    ctx.allowed(Permission::ManageChargeback)?;
    let failure_no = input.failure_no.trim().to_uppercase();
    let mut tx = ctx.begin().await?;
    load_failure(&mut tx, &failure_no).await?;
    let claims = claims_of(&mut tx, &failure_no).await?;
    let events =
        cb::decide_settle(&failure_no, &claims, input.source, input.status, input.recovered_minor, &input.note)?;
    ctx.commit(tx, events).await?;
    chargebacks_of(ctx, &failure_no).await
}

async fn chargebacks_of(ctx: &Ctx, reference: &str) -> Result<Vec<ChargebackListRow>, ApiError> {
    let rows = q::list_chargebacks(&mut *ctx.read().await?, q::ChargebackFilter::default()).await?;
    Ok(rows.into_iter().filter(|r| r.reference == reference).collect())
}

async fn rows(ctx: &Ctx, input: &ListChargebacksInput) -> Result<Vec<ChargebackListRow>, ApiError> {
    let given = |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
    let (vendor, from, to) = (given(&input.vendor_code), given(&input.recovered_from), given(&input.recovered_to));
    let filter = q::ChargebackFilter {
        vendor_code: vendor.as_deref(),
        recovered_from: from.as_deref(),
        recovered_to: to.as_deref(),
    };
    let rows = q::list_chargebacks(&mut *ctx.read().await?, filter).await?;
    let reference = given(&input.reference).map(|r| r.to_uppercase());
    Ok(rows.into_iter().filter(|r| reference.as_ref().is_none_or(|n| *n == r.reference)).collect())
}

/// Every chargeback, from every source: open ones first.
pub async fn list_chargebacks(ctx: &Ctx, input: ListChargebacksInput) -> Result<Vec<ChargebackListRow>, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    rows(ctx, &input).await
}

const COLUMNS: [&str; 9] = [
    "source",
    "reference",
    "vendor_code",
    "amount_minor",
    "currency",
    "status",
    "recovered_minor",
    "recorded_at",
    "note",
];

/// The chargebacks list as CSV; amounts in minor units with their currency, as every export.
pub async fn chargebacks_csv(ctx: &Ctx, input: ListChargebacksInput) -> Result<ExportOutput, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    let rows = rows(ctx, &input).await?;
    let csv = write_rows(
        &COLUMNS,
        rows.into_iter().map(|r| {
            vec![
                r.source.as_str().to_owned(),
                r.reference,
                r.vendor_code,
                r.amount_minor.to_string(),
                r.currency,
                r.status.as_str().to_owned(),
                r.recovered_minor.to_string(),
                crate::acts::exports::at(r.recorded_at),
                r.note,
            ]
        }),
    )?;
    let date = ctx.now().format("%Y-%m-%d");
    Ok(ExportOutput { file_name: format!("lotline-chargebacks-{date}.csv"), csv })
}
