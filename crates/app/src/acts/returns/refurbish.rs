//! The refurbishment queue: returned units sent to refurbish wait here, apart from stock sold
//! as new, until their outcome is recorded (refurbished to B-stock, scrapped, or returned to the
//! vendor).

use lotline_domain::ApiError;
use lotline_domain::people::Permission;
use lotline_domain::returns::{self as rt, Refurbishment, RefurbishmentOutcome};
use lotline_store::queries::returns::{self as q, RefurbishmentRow};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{RmaDetail, act_on};
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

/// Records what came of queued units of one RMA line; refurbished ones become B-stock.
pub async fn record_refurbishment(ctx: &Ctx, input: RecordRefurbishmentInput) -> Result<RmaDetail, ApiError> {
    let refurbishment = Refurbishment {
        line_index: input.line_index,
        qty: input.qty,
        serials: input.serials.iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect(),
        outcome: input.outcome,
        note: input.note,
    };
    act_on(ctx, &input.rma_no, Permission::HandleReturns, |rma| rt::decide_refurbish(rma, &refurbishment)).await
}
