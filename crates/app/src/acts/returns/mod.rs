//! Returns (RMAs): opening with the eligibility verdict, the analysts' decisions, and each step
//! from label to settlement. The rules live in `lotline_domain::returns`.

mod cost;
mod credit_note;
mod label;
mod open;
mod refurbish;
mod steps;

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use lotline_domain::approval::{Amount, Requirement, Rules};
use lotline_domain::people::Permission;
use lotline_domain::people::Role;
use lotline_domain::returns::{
    self as rt, IntakeCheck, LineDisposition, PreferredOutcome, ReturnPolicy, Rma, RmaOpening, Settlement,
};
use lotline_domain::{ApiError, Event};
use lotline_store::StoredEvent;
use lotline_store::queries::returns::{self as q, ListRmasInput, RmaRow};
use lotline_store::queries::{Page, failures as fq, reshipments as rq};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use cost::{RecordRmaCostInput, record_rma_cost};
pub use credit_note::{CreditNoteInput, credit_note};
pub use label::{LabelSize, MAX_LABELS_PER_BATCH, RmaLabelsInput, approved_without_label, rma_labels};
pub(crate) use open::open_in;
pub use open::{OpenRmaInput, OpenRmaLineInput, RmaCheck, check_rma, open_rma};
pub use refurbish::{
    RecordRefurbishmentInput, SettleRmaChargebackInput, list_refurbishment_queue, record_refurbishment,
    settle_rma_chargeback,
};
pub use steps::*;

use super::history::{HistoryEntry, history_of};
use super::reshipments::ApprovalView;
use crate::context::Ctx;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RmaNoInput {
    pub rma_no: String,
}

/// Everything the RMA screen shows.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RmaDetail {
    #[serde(flatten)]
    pub row: RmaRow,
    pub opening: RmaOpening,
    /// Per line, in the order of `opening.lines`.
    pub qty_received: Vec<i64>,
    pub intake: Option<IntakeCheck>,
    pub dispositions: Vec<LineDisposition>,
    pub settlement: Option<Settlement>,
    /// The most a refund or credit may be: what the customer paid for what came back.
    pub paid_for_received_minor: i64,
    /// The policy's restocking fee on that amount: the lines' fees, at most the 10% cap.
    pub policy_fee_minor: i64,
    /// Each line's share of the fee and why (back on the shelf as new, not the customer's
    /// choice, …), as the credit note explains it.
    pub line_fees: Vec<rt::LineFee>,
    /// Store credit issued ahead of the goods above what the customer paid for what came back:
    /// for finance to recover.
    pub credit_above_received_minor: i64,
    /// QC failures found when the goods came back.
    pub failure_nos: Vec<String>,
    /// Reshipments sending replacements for this return (an exchange), oldest first.
    pub replacement_nos: Vec<String>,
    /// The newest of them that may settle the exchange now (approved, not ended): what the
    /// settle form proposes. None while no replacement is approved.
    pub settling_replacement_no: Option<String>,
    /// The refund or store credit asked for last, what it needs and who approved it.
    pub payout: Option<PayoutView>,
    /// The analyst who approved it (none when the rules did).
    pub approved_by_name: Option<String>,
    /// Who paid the refund or credit out.
    pub paid_by_name: Option<String>,
    /// Inspected under the B-stock rules: refurbished and open-box units are kept apart from
    /// stock sold as new.
    pub b_stock: bool,
    /// Per line, units waiting in the refurbishment queue.
    pub awaiting_refurbishment: Vec<i64>,
    /// The refurbishment queue's outcomes recorded for this return's units.
    pub refurbishments: Vec<rt::Refurbishment>,
    /// The steps the signed-in person may take now: the app offers only these.
    pub my_actions: Vec<rt::RmaAction>,
    /// What handling the return actually cost, as recorded (`record_rma_cost`), in the
    /// installation's currency; 0 when nothing was recorded.
    pub recorded_cost_minor: i64,
    /// Whether the signed-in person may record such a cost.
    pub may_record_cost: bool,
    /// Whether the signed-in person may add a note for the team.
    pub may_add_note: bool,
    pub history: Vec<HistoryEntry>,
}

/// A payout as the RMA screen and the credit note show it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PayoutView {
    pub settlement: Settlement,
    pub requested_by_name: Option<String>,
    pub requested_at: DateTime<Utc>,
    pub requirement: Requirement,
    /// Roles whose settlement limit covers the amount: who may approve.
    pub approver_roles: Vec<Role>,
    /// Every approval given to a payout of this RMA; `counts` is false for an earlier amount.
    pub approvals: Vec<ApprovalView>,
    pub authorized: bool,
    pub paid: bool,
}

/// The newest policy an admin set, or the default one.
pub(crate) async fn policy(conn: &mut sqlx::SqliteConnection) -> Result<ReturnPolicy, ApiError> {
    Ok(q::return_policy(conn).await?.unwrap_or_else(ReturnPolicy::default_policy))
}

/// The policy version that judged `rma`: its fee and deadlines are the ones the customer was told.
pub(crate) async fn judged_by(conn: &mut sqlx::SqliteConnection, rma: &Rma) -> Result<ReturnPolicy, ApiError> {
    let version = rma.opening.eligibility.policy_version;
    match q::return_policy_version(conn, version).await? {
        Some(policy) => Ok(policy),
        // Version 1 is the built-in default until an admin saves one.
        None => Ok(ReturnPolicy::default_policy()),
    }
}

pub(crate) async fn load(conn: &mut sqlx::SqliteConnection, rma_no: &str) -> Result<(Rma, Vec<StoredEvent>), ApiError> {
    let events = lotline_store::load_stream(conn, "rma", rma_no.trim()).await?;
    let state = events
        .iter()
        .fold(None, |state, stored| Rma::evolve(state, &stored.event))
        .ok_or_else(|| ApiError::not_found("rma", rma_no.trim()))?;
    Ok((state, events))
}

pub(crate) async fn detail(ctx: &Ctx, rma_no: &str) -> Result<RmaDetail, ApiError> {
    let mut conn = ctx.read().await?;
    let (state, events) = load(&mut conn, rma_no).await?;
    let row = q::rma_row(&mut conn, state.rma_no()).await?.ok_or_else(|| ApiError::not_found("rma", rma_no))?;
    let policy = judged_by(&mut conn, &state).await?;
    let names = fq::user_names(&mut conn).await?;
    let paid = rt::paid_for_received(&state);
    let replacement_nos = rq::reshipments_for_rma(&mut conn, state.rma_no()).await?;
    let approvals = crate::acts::reshipments::policy(&mut conn).await?;
    let rules = approvals.settlement_rules();
    let name_of = |id: &Option<String>| id.as_ref().and_then(|id| names.get(id).cloned());
    let actor = ctx.actor().ok();
    Ok(RmaDetail {
        payout: payout_view(&state, &events, &names, &rules),
        approved_by_name: name_of(&state.approved_by),
        paid_by_name: name_of(&state.paid_by),
        my_actions: actor.as_ref().map(|a| rt::offered_actions(&state, &rules, a)).unwrap_or_default(),
        may_record_cost: actor
            .as_ref()
            .is_some_and(|a| a.may(Permission::HandleReturns) || a.may(Permission::SettleRma)),
        may_add_note: actor.as_ref().is_some_and(|a| a.may_any(rt::note_permissions())),
        recorded_cost_minor: events
            .iter()
            .map(|e| match &e.event {
                Event::RmaCostRecorded { amount_minor, .. } => *amount_minor,
                _ => 0,
            })
            .sum(),
        row: with_sla(row, promises(&policy), ctx.now()),
        credit_above_received_minor: rt::credit_above_received(&state),
        policy_fee_minor: rt::policy_fee(&policy, &state, paid),
        line_fees: rt::line_fees(&policy, &state),
        paid_for_received_minor: paid,
        failure_nos: q::failures_of_rma(&mut conn, state.rma_no()).await?,
        settling_replacement_no: settling_replacement(&mut conn, state.rma_no(), &replacement_nos).await?,
        replacement_nos,
        qty_received: state.received.clone(),
        intake: state.intake.clone(),
        b_stock: state.b_stock,
        awaiting_refurbishment: (0..state.opening.lines.len()).map(|i| rt::awaiting_refurbishment(&state, i)).collect(),
        refurbishments: state.refurbishments.clone(),
        dispositions: state.dispositions.clone(),
        settlement: state.settlement.clone(),
        history: history_of(&events, &names),
        opening: state.opening,
    })
}

/// The payout asked for last, with every approval given (those of an earlier amount struck).
fn payout_view(
    state: &Rma,
    events: &[StoredEvent],
    names: &HashMap<String, String>,
    rules: &Rules<'_>,
) -> Option<PayoutView> {
    let request = state.payout.as_ref()?;
    let requested_at = events
        .iter()
        .rev()
        .find(|e| matches!(&e.event, Event::RmaPayoutRequested { .. }))
        .and_then(|e| lotline_domain::time::from_stored(&e.occurred_at))
        .unwrap_or_default();
    let counted = rt::payout_counting(state);
    let approvals = events
        .iter()
        .filter_map(|stored| match &stored.event {
            Event::RmaPayoutApproved { approval, .. } => {
                Some(ApprovalView::of(approval, &stored.occurred_at, names, counted.contains(&approval)))
            }
            _ => None,
        })
        .collect();
    let amount = Amount { total_minor: request.requirement.total_minor, currency: &request.requirement.currency };
    Some(PayoutView {
        settlement: request.settlement.clone(),
        requested_by_name: names.get(&request.requested_by).cloned(),
        requested_at,
        requirement: request.requirement.clone(),
        approver_roles: rules.approver_roles(amount),
        approvals,
        authorized: rt::payout_authorized(state),
        paid: rt::payout_made(state),
    })
}

/// The newest of `replacement_nos` that `check_replacement` lets settle the exchange: asking the
/// rule, not repeating it, so the form proposes what the settlement will accept.
async fn settling_replacement(
    conn: &mut sqlx::SqliteConnection,
    rma_no: &str,
    replacement_nos: &[String],
) -> Result<Option<String>, ApiError> {
    for no in replacement_nos.iter().rev() {
        let Some(row) = rq::reshipment_row(conn, no).await? else { continue };
        let replacement = rt::Replacement { reshipment_no: no, rma_no: row.rma_no.as_deref(), status: row.status };
        if rt::check_replacement(rma_no, &replacement).is_ok() {
            return Ok(Some(no.clone()));
        }
    }
    Ok(None)
}

/// Loads an RMA, lets `decide` turn the step into events, records them, returns the detail.
pub(crate) async fn act_on(
    ctx: &Ctx,
    rma_no: &str,
    permission: Permission,
    decide: impl FnOnce(&Rma) -> Result<Vec<Event>, ApiError>,
) -> Result<RmaDetail, ApiError> {
    ctx.allowed(permission)?;
    let mut tx = ctx.begin().await?;
    let (state, _) = load(&mut tx, rma_no).await?;
    let events = decide(&state)?;
    ctx.commit(tx, events).await?;
    detail(ctx, state.rma_no()).await
}

pub async fn list_rmas(ctx: &Ctx, input: ListRmasInput) -> Result<Page<RmaRow>, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    let mut conn = ctx.read().await?;
    let promises = promises(&policy(&mut conn).await?);
    let page = q::list_rmas(&mut conn, &input).await?;
    let now = ctx.now();
    Ok(Page { rows: page.rows.into_iter().map(|r| with_sla(r, promises, now)).collect(), total: page.total })
}

pub(crate) fn promises(policy: &ReturnPolicy) -> rt::RmaPromises {
    rt::RmaPromises {
        refund_within_days: policy.refund_within_days,
        store_credit_within_hours: policy.store_credit_within_hours,
    }
}

/// The running deadline of an RMA as of `now`.
pub(crate) fn with_sla(mut row: RmaRow, promises: rt::RmaPromises, now: DateTime<Utc>) -> RmaRow {
    let times = rt::RmaTimes { opened_at: row.opened_at, decided_at: row.decided_at, received_at: row.received_at };
    let credit_pending = row.preferred_outcome == PreferredOutcome::StoreCredit && row.credit_issued_minor.is_none();
    if let Some(deadline) = rt::rma_deadline(row.status, times, credit_pending, promises) {
        row.sla_step = Some(deadline.step);
        row.due_at = Some(deadline.due_at);
        row.sla = Some(rt::rma_sla_state(&deadline, now));
    }
    row
}

pub async fn get_rma(ctx: &Ctx, input: RmaNoInput) -> Result<RmaDetail, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    detail(ctx, input.rma_no.trim()).await
}

pub async fn get_return_policy(ctx: &Ctx, _: crate::acts::Empty) -> Result<ReturnPolicy, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    policy(&mut *ctx.read().await?).await
}

/// Saves the policy as a new version; RMAs already opened keep the version that judged them.
pub async fn set_return_policy(ctx: &Ctx, input: ReturnPolicy) -> Result<ReturnPolicy, ApiError> {
    ctx.allowed(Permission::ConfigureReturns)?;
    input.validate()?;
    let mut tx = ctx.begin().await?;
    let current = policy(&mut tx).await?;
    let saved = ReturnPolicy { version: current.version + 1, ..input };
    ctx.commit(tx, vec![Event::ReturnPolicySet(Box::new(saved.clone()))]).await?;
    Ok(saved)
}
