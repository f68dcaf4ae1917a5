//! What handling a return actually cost, recorded by those who handle returns or pay them out.

use lotline_domain::ApiError;
use lotline_domain::people::Permission;
use lotline_domain::returns as rt;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{RmaDetail, detail, load};
use crate::context::Ctx;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecordRmaCostInput {
    pub rma_no: String,
    /// Minor units of the installation's currency.
    pub amount_minor: i64,
    /// What it was: "DPD invoice 4711, return label".
    pub note: String,
}

pub async fn record_rma_cost(ctx: &Ctx, input: RecordRmaCostInput) -> Result<RmaDetail, ApiError> {
    let actor = ctx.actor()?;
    if !actor.may(Permission::HandleReturns) {
        actor.require(Permission::SettleRma)?;
    }
    let mut tx = ctx.begin().await?;
    let (state, _) = load(&mut tx, &input.rma_no).await?;
    let settings = lotline_store::queries::people::settings(&mut tx).await?;
    let currency = settings.map(|s| s.currency).unwrap_or_default();
    let events = rt::decide_record_cost(&state, input.amount_minor, &currency, &input.note)?;
    ctx.commit(tx, events).await?;
    detail(ctx, state.rma_no()).await
}
