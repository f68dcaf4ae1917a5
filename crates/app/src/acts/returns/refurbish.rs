//! The refurbishment queue: returned units sent to refurbish wait here, apart from stock sold
//! as new, until their outcome is recorded (refurbished to B-stock, scrapped, or returned to the
//! vendor, which charges the vendor the units' cost in the one chargebacks list).

use lotline_domain::ApiError;
use lotline_domain::chargeback::{self as cb, FailureChargebackStatus, UnitCost};
use lotline_domain::people::Permission;
use lotline_domain::returns::{self as rt, Refurbishment, RefurbishmentOutcome, Rma};
use lotline_store::queries::returns::{self as q, RefurbishmentRow};
use lotline_store::queries::scars::ChargebackListRow;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{RmaDetail, detail, load};
use crate::acts::Empty;
use crate::context::{Ctx, store_error};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecordRefurbishmentInput {
    pub rma_no: String,
    pub line_index: usize,
    pub qty: i64,
    /// The units' serials, on a serial-tracked line.
    #[serde(default)]
    pub serials: Vec<String>,
    pub outcome: RefurbishmentOutcome,
    #[serde(default)]
    pub note: String,
}

/// Every unit waiting for refurbishment, oldest first.
pub async fn list_refurbishment_queue(ctx: &Ctx, _: Empty) -> Result<Vec<RefurbishmentRow>, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    let mut conn = ctx.read().await?;
    q::refurbishment_queue(&mut conn).await.map_err(store_error)
}

/// Records what came of queued units of one RMA line; refurbished ones become B-stock, and units
/// returned to the vendor are charged back to it at their cost in the same act.
pub async fn record_refurbishment(ctx: &Ctx, input: RecordRefurbishmentInput) -> Result<RmaDetail, ApiError> {
    ctx.allowed(Permission::HandleReturns)?;
    let refurbishment = Refurbishment {
        line_index: input.line_index,
        qty: input.qty,
        serials: input.serials.iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect(),
        outcome: input.outcome,
        note: input.note,
    };
    let mut tx = ctx.begin().await?;
    let (state, stored) = load(&mut tx, &input.rma_no).await?;
    let mut events = rt::decide_refurbish(&state, &refurbishment)?;
    if refurbishment.outcome == RefurbishmentOutcome::ReturnedToVendor {
        let cost = unit_cost(&mut tx, &state, refurbishment.line_index).await?;
        let history: Vec<_> = stored.into_iter().map(|e| e.event).collect();
        events.extend(cb::refurbishment_claim(state.rma_no(), &cb::fold_rma(&history), &refurbishment, &cost));
    }
    ctx.commit(tx, events).await?;
    detail(ctx, state.rma_no()).await
}

/// What a unit of the RMA's line cost, and whom to charge: the vendor of the unit's lot, else the
/// product's; the product's unit cost and currency.
async fn unit_cost(conn: &mut sqlx::SqliteConnection, rma: &Rma, line_index: usize) -> Result<UnitCost, ApiError> {
    let Some(line) = rma.opening.lines.get(line_index) else {
        return Ok(UnitCost { vendor_code: None, unit_cost_minor: 0, currency: String::new() });
    };
    let product = lotline_store::queries::master::product(conn, &line.sku).await?.map(|p| p.product);
    let lot_vendor = match line.lot_code.as_deref() {
        Some(lot) => lotline_store::queries::lots::lot_row(conn, lot).await?.map(|l| l.vendor_code),
        None => None,
    };
    Ok(UnitCost {
        vendor_code: lot_vendor
            .filter(|v| !v.is_empty())
            .or_else(|| product.as_ref().and_then(|p| p.vendor_code.clone())),
        unit_cost_minor: product.as_ref().map_or(0, |p| p.unit_cost_minor),
        currency: product.map(|p| p.currency).unwrap_or_default(),
    })
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SettleRmaChargebackInput {
    pub rma_no: String,
    pub claim_no: u32,
    /// `recovered` or `written_off`.
    pub status: FailureChargebackStatus,
    /// What the vendor paid, for `recovered`: 1 up to the claim.
    #[serde(default)]
    pub recovered_minor: i64,
    /// Required for `written_off`: why.
    #[serde(default)]
    pub note: String,
}

/// A chargeback of units sent back from the refurbishment queue recovered (in full or part) or
/// written off; the RMA's claims as the chargebacks list shows them.
pub async fn settle_rma_chargeback(
    ctx: &Ctx,
    input: SettleRmaChargebackInput,
) -> Result<Vec<ChargebackListRow>, ApiError> {
    ctx.allowed(Permission::ManageChargeback)?;
    let mut tx = ctx.begin().await?;
    let (state, stored) = load(&mut tx, &input.rma_no).await?;
    let history: Vec<_> = stored.into_iter().map(|e| e.event).collect();
    let events = cb::decide_settle_rma(
        state.rma_no(),
        &cb::fold_rma(&history),
        input.claim_no,
        input.status,
        input.recovered_minor,
        &input.note,
    )?;
    ctx.commit(tx, events).await?;
    let rows = lotline_store::queries::scars::list_chargebacks(
        &mut *ctx.read().await?,
        lotline_store::queries::scars::ChargebackFilter::default(),
    )
    .await?;
    Ok(rows.into_iter().filter(|r| r.reference == state.rma_no()).collect())
}
