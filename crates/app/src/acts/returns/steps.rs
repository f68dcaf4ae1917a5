//! The steps after opening: the analysts' decisions, transit, intake, inspection, settlement
//! and cancellation. Each checks the step in the domain and records it, or writes nothing.

use lotline_domain::ApiError;
use lotline_domain::error::FieldError;
use lotline_domain::people::Permission;
use lotline_domain::reshipment::Carrier;
use lotline_domain::returns::{self as rt, IntakeCheck, LineDisposition, Settlement};
use lotline_store::queries::reshipments as rq;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{RmaDetail, RmaNoInput, act_on, detail, judged_by, load};
use crate::acts::reshipments::policy as approval_policy;
use crate::context::Ctx;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RmaCommentInput {
    pub rma_no: String,
    #[serde(default)]
    pub comment: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RmaInTransitInput {
    pub rma_no: String,
    pub carrier: Carrier,
    pub tracking_no: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReceiveRmaInput {
    pub rma_no: String,
    /// Per RMA line, in order.
    pub qty_received: Vec<i64>,
    pub intake: IntakeCheck,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InspectRmaInput {
    pub rma_no: String,
    pub dispositions: Vec<LineDisposition>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SettleRmaInput {
    pub rma_no: String,
    pub settlement: Settlement,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct IssueStoreCreditInput {
    pub rma_no: String,
    pub amount_minor: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AddRmaNoteInput {
    pub rma_no: String,
    pub note: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CancelRmaInput {
    pub rma_no: String,
    pub reason: String,
}

/// The approving analyst is named on the approval: they may not pay the return out later.
pub async fn approve_rma(ctx: &Ctx, input: RmaCommentInput) -> Result<RmaDetail, ApiError> {
    let actor = ctx.actor()?;
    act_on(ctx, &input.rma_no, Permission::DecideRma, |rma| {
        rt::decide_approve(rma, &input.comment, Some(&actor.user_id))
    })
    .await
}

pub async fn reject_rma(ctx: &Ctx, input: RmaCommentInput) -> Result<RmaDetail, ApiError> {
    act_on(ctx, &input.rma_no, Permission::DecideRma, |rma| rt::decide_reject(rma, &input.comment)).await
}

pub async fn suspend_rma(ctx: &Ctx, input: RmaCommentInput) -> Result<RmaDetail, ApiError> {
    act_on(ctx, &input.rma_no, Permission::DecideRma, |rma| rt::decide_suspend(rma, &input.comment)).await
}

pub async fn rma_in_transit(ctx: &Ctx, input: RmaInTransitInput) -> Result<RmaDetail, ApiError> {
    act_on(ctx, &input.rma_no, Permission::HandleReturns, |rma| {
        rt::decide_in_transit(rma, input.carrier, &input.tracking_no)
    })
    .await
}

pub async fn receive_rma(ctx: &Ctx, input: ReceiveRmaInput) -> Result<RmaDetail, ApiError> {
    act_on(ctx, &input.rma_no, Permission::HandleReturns, |rma| {
        rt::decide_receive(rma, &input.qty_received, &input.intake)
    })
    .await
}

pub async fn inspect_rma(ctx: &Ctx, input: InspectRmaInput) -> Result<RmaDetail, ApiError> {
    let dispositions: Vec<LineDisposition> = input
        .dispositions
        .into_iter()
        .map(|d| LineDisposition { location: d.location.trim().to_uppercase(), ..d })
        .collect();
    ctx.allowed(Permission::HandleReturns)?;
    // Holds are read in the write transaction: one placed a moment ago still stops a restock.
    let mut tx = ctx.begin().await?;
    let (state, _) = load(&mut tx, &input.rma_no).await?;
    let holds = lotline_store::queries::lots::active_holds(&mut tx).await?;
    rt::check_restock_lots(&state, &dispositions, &holds)?;
    for (i, d) in dispositions.iter().enumerate().filter(|(_, d)| d.disposition.returns_to_stock()) {
        crate::acts::locations::check_usable(&mut tx, &format!("dispositions[{i}].location"), &d.location).await?;
    }
    let events = rt::decide_inspect(&state, &dispositions)?;
    ctx.commit(tx, events).await?;
    detail(ctx, state.rma_no()).await
}

/// Settles by refund (the fee checked against the policy), store credit, or exchange for the
/// approved replacement requested from this RMA. A refund or credit is asked for first, and paid
/// out in the same act only when no approval is missing and the settler neither opened nor
/// approved the return (see `decide_settle_act`).
pub async fn settle_rma(ctx: &Ctx, input: SettleRmaInput) -> Result<RmaDetail, ApiError> {
    let actor = ctx.allowed(Permission::SettleRma)?;
    let mut tx = ctx.begin().await?;
    let (state, _) = load(&mut tx, &input.rma_no).await?;
    let policy = judged_by(&mut tx, &state).await?;
    let settlement = match input.settlement {
        Settlement::Exchange { reshipment_no } => {
            Settlement::Exchange { reshipment_no: reshipment_no.trim().to_owned() }
        }
        other => other,
    };
    if let Settlement::Exchange { reshipment_no } = &settlement
        && !reshipment_no.is_empty()
    {
        // Read in the write transaction: a replacement cancelled a moment ago settles nothing.
        let Some(row) = rq::reshipment_row(&mut tx, reshipment_no).await? else {
            return Err(ApiError::field(
                FieldError::new(rt::REPLACEMENT_FIELD, "error.rma.unknown_reshipment").with("value", reshipment_no),
            ));
        };
        let replacement =
            rt::Replacement { reshipment_no: &row.reshipment_no, rma_no: row.rma_no.as_deref(), status: row.status };
        rt::check_replacement(state.rma_no(), &replacement)?;
    }
    let approvals = approval_policy(&mut tx).await?;
    let events = rt::decide_settle_act(&policy, &approvals.settlement_rules(), &state, &settlement, &actor)?;
    ctx.commit(tx, events).await?;
    super::detail(ctx, state.rma_no()).await
}

/// Store credit for an approved RMA, ahead of the goods (see `decide_issue_credit`), asked for
/// and paid out as a refund is.
pub async fn issue_store_credit(ctx: &Ctx, input: IssueStoreCreditInput) -> Result<RmaDetail, ApiError> {
    let actor = ctx.allowed(Permission::SettleRma)?;
    let mut tx = ctx.begin().await?;
    let (state, _) = load(&mut tx, &input.rma_no).await?;
    let approvals = approval_policy(&mut tx).await?;
    let events = rt::decide_credit_act(&approvals.settlement_rules(), &state, input.amount_minor, &actor)?;
    ctx.commit(tx, events).await?;
    detail(ctx, state.rma_no()).await
}

/// Approves the refund or store credit asked for, for its amount: whoever the settlement limits
/// let, except whoever asked for it or opened the return.
pub async fn approve_payout(ctx: &Ctx, input: RmaCommentInput) -> Result<RmaDetail, ApiError> {
    let actor = ctx.actor()?;
    let mut tx = ctx.begin().await?;
    let (state, _) = load(&mut tx, &input.rma_no).await?;
    let approvals = approval_policy(&mut tx).await?;
    let events = rt::decide_approve_payout(&state, &approvals.settlement_rules(), &actor, &input.comment)?;
    ctx.commit(tx, events).await?;
    detail(ctx, state.rma_no()).await
}

/// Pays out the approved refund or store credit: someone who neither opened the return, nor
/// approved it, nor approved its payout.
pub async fn pay_out_rma(ctx: &Ctx, input: RmaNoInput) -> Result<RmaDetail, ApiError> {
    let actor = ctx.allowed(Permission::SettleRma)?;
    let mut tx = ctx.begin().await?;
    let (state, _) = load(&mut tx, &input.rma_no).await?;
    let policy = judged_by(&mut tx, &state).await?;
    let events = rt::decide_pay_out(&policy, &state, &actor)?;
    ctx.commit(tx, events).await?;
    detail(ctx, state.rma_no()).await
}

/// Whoever works on returns (opens, decides, handles or pays them out) notes what the team should
/// know, on a return in any state.
pub async fn add_rma_note(ctx: &Ctx, input: AddRmaNoteInput) -> Result<RmaDetail, ApiError> {
    if !ctx.actor()?.may_any(rt::note_permissions()) {
        return Err(ApiError::forbidden("error.forbidden.rma_note"));
    }
    let mut tx = ctx.begin().await?;
    let (state, _) = load(&mut tx, &input.rma_no).await?;
    let events = rt::decide_add_note(&state, &input.note)?;
    ctx.commit(tx, events).await?;
    detail(ctx, state.rma_no()).await
}

/// Whoever may open an RMA may cancel it, except one waiting for an analyst, or one whose
/// credit already went out (the customer keeps money for goods that will not come): closing
/// those is the analysts' decision.
/// The permission comes first, so someone who may not cancel any RMA learns nothing of this one;
/// which permission the RMA's state needs is read inside the write transaction.
pub async fn cancel_rma(ctx: &Ctx, input: CancelRmaInput) -> Result<RmaDetail, ApiError> {
    let actor = ctx.actor()?;
    if !actor.may(Permission::OpenRma) && !actor.may(Permission::DecideRma) {
        actor.require(Permission::OpenRma)?;
    }
    let mut tx = ctx.begin().await?;
    let (state, _) = load(&mut tx, &input.rma_no).await?;
    actor.require(rt::cancel_permission(&state))?;
    let events = rt::decide_cancel(&state, &input.reason)?;
    ctx.commit(tx, events).await?;
    detail(ctx, state.rma_no()).await
}
