//! Reshipments: requested from QC failures, authorized by limit, shipped, delivered; and the
//! approval policy that governs them.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use lotline_domain::error::FieldError;
use lotline_domain::lots::normalise_lot_code;
use lotline_domain::people::{Actor, Permission, Role};
use lotline_domain::reshipment::{
    self as rs, ApprovalPolicy, Chargeback, ChargebackStatus, CostInput, ExchangeFacts, FailureFacts, OrderFacts,
    OrderLineFacts, Refusal, RequestFacts, RequestReshipmentInput, Requirement, Reshipment, ReshipmentRequest,
    ShipInput, ShipTo,
};
use lotline_domain::returns::RmaStatus;
use lotline_domain::site_time::SiteDay;
use lotline_domain::{ApiError, Event};
use lotline_store::queries::reshipments::{self as q, ListReshipmentsInput, ReshipmentRow, SlaDates};
use lotline_store::queries::{Page, failures as fq, master, people};
use lotline_store::{StoredEvent, WriteTx};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Empty;
use super::history::{HistoryEntry, history_of};
use super::lots::item_lots;
use crate::context::{Ctx, sql_error};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReshipmentNoInput {
    pub reshipment_no: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ApproveReshipmentInput {
    pub reshipment_no: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReasonInput {
    pub reshipment_no: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AmendReshipmentInput {
    pub reshipment_no: String,
    pub cost: CostInput,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DeliverInput {
    pub reshipment_no: String,
    #[serde(default)]
    pub delivered_on: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChargebackInput {
    pub reshipment_no: String,
    pub status: ChargebackStatus,
    #[serde(default)]
    pub recovered_minor: i64,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ApprovalView {
    pub approver_name: Option<String>,
    pub approver_roles: Vec<Role>,
    pub at: String,
    pub total_minor: i64,
    pub currency: String,
    pub note: String,
    /// False once the amount changed after it was given.
    pub counts: bool,
}

impl ApprovalView {
    /// One approval as logged at `at`, its approver named from `names`: a reshipment's and an
    /// RMA payout's approvals show alike.
    pub(crate) fn of(
        approval: &lotline_domain::approval::Approval,
        at: &str,
        names: &std::collections::HashMap<String, String>,
        counts: bool,
    ) -> Self {
        Self {
            approver_name: names.get(&approval.approver_id).cloned(),
            approver_roles: approval.approver_roles.clone(),
            at: at.to_owned(),
            total_minor: approval.total_minor,
            currency: approval.currency.clone(),
            note: approval.note.clone(),
            counts,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReshipmentDetail {
    #[serde(flatten)]
    pub row: ReshipmentRow,
    pub request: ReshipmentRequest,
    pub approvals: Vec<ApprovalView>,
    pub requirement: Requirement,
    /// Roles whose limit covers the total: who may approve.
    pub approver_roles: Vec<Role>,
    /// Why the signed-in person may not approve it now; absent when they may.
    pub my_refusal: Option<Refusal>,
    /// The steps the signed-in person may take now: the app offers only these.
    pub my_actions: Vec<rs::ReshipmentAction>,
    pub chargeback: Option<Chargeback>,
    pub history: Vec<HistoryEntry>,
}

pub(crate) async fn today(ctx: &Ctx) -> Result<SiteDay, ApiError> {
    ctx.site_day().await
}

fn sla_dates(day: &SiteDay) -> SlaDates {
    SlaDates {
        today: day.today.format("%Y-%m-%d").to_string(),
        at_risk_until: rs::add_working_days(day.today, 1, &day.holidays).format("%Y-%m-%d").to_string(),
    }
}

pub(crate) fn with_sla(mut row: ReshipmentRow, day: &SiteDay) -> ReshipmentRow {
    let due = NaiveDate::parse_from_str(&row.due_on, "%Y-%m-%d").unwrap_or(day.today);
    let shipped = row.shipped_on.as_deref().and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    row.sla = Some(rs::sla_state(row.status, due, day, shipped));
    row
}

/// The policy in force: the admin's, else the defaults in the installation's currency.
pub(crate) async fn policy(conn: &mut sqlx::SqliteConnection) -> Result<ApprovalPolicy, ApiError> {
    if let Some(policy) = q::approval_policy(conn).await? {
        return Ok(policy);
    }
    let settings = people::settings(conn).await?.ok_or_else(|| ApiError::conflict("error.setup.needed"))?;
    Ok(ApprovalPolicy::default_for(&settings.currency))
}

pub async fn get_approval_policy(ctx: &Ctx, _: Empty) -> Result<ApprovalPolicy, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    policy(&mut *ctx.read().await?).await
}

pub async fn set_approval_policy(ctx: &Ctx, input: ApprovalPolicy) -> Result<ApprovalPolicy, ApiError> {
    ctx.allowed(Permission::ConfigureApprovals)?;
    let policy = ApprovalPolicy { currency: input.currency.trim().to_uppercase(), ..input };
    rs::check_policy(&policy)?;
    let tx = ctx.begin().await?;
    ctx.commit(tx, vec![Event::ApprovalPolicySet(policy.clone())]).await?;
    Ok(policy)
}

pub(crate) async fn load(
    conn: &mut sqlx::SqliteConnection,
    reshipment_no: &str,
) -> Result<(Reshipment, Vec<StoredEvent>), ApiError> {
    let events = lotline_store::load_stream(conn, "reshipment", reshipment_no.trim()).await?;
    let state = events
        .iter()
        .fold(None, |state, stored| Reshipment::evolve(state, &stored.event))
        .ok_or_else(|| ApiError::not_found("reshipment", reshipment_no))?;
    // Approvals merged from several desks may complete the set no single desk saw complete.
    let last_approval = events.iter().rev().find(|e| matches!(e.event, Event::ReshipmentApproved { .. }));
    let approved_at = last_approval.and_then(|e| lotline_domain::time::from_stored(&e.occurred_at));
    let state = match approved_at {
        Some(at) => {
            let day = crate::clock::site_day_in(conn, at).await?;
            rs::authorize_by_approvals(state, &policy(conn).await?, &day)
        }
        None => state,
    };
    Ok((state, events))
}

async fn order_facts(tx: &mut WriteTx, order_no: &str) -> Result<Option<OrderFacts>, ApiError> {
    let Some(order) = master::order(tx, order_no.trim()).await? else { return Ok(None) };
    let customer = master::customer(tx, &order.customer_code).await?;
    let ship_to = match customer {
        Some(c) => ShipTo {
            name: c.customer.name,
            address: c.customer.address.unwrap_or_default(),
            country: c.customer.country,
        },
        None => ShipTo { name: order.customer_code.clone(), address: String::new(), country: String::new() },
    };
    let mut lines = Vec::new();
    for line in &order.lines {
        let product = master::product(tx, &line.sku).await?;
        lines.push(OrderLineFacts {
            line_no: line.line_no,
            sku: line.sku.clone(),
            qty: line.qty,
            lot_tracked: product.as_ref().is_some_and(|p| p.product.lot_tracked),
            serial_tracked: product.as_ref().is_some_and(|p| p.product.serial_tracked),
        });
    }
    Ok(Some(OrderFacts { order_no: order.order_no, lines, ship_to }))
}

/// Checks and records a request within `tx`; shared by the form and the CSV import.
pub(crate) async fn request_in(
    ctx: &Ctx,
    tx: &mut WriteTx,
    input: &RequestReshipmentInput,
) -> Result<String, ApiError> {
    let actor = ctx.allowed(Permission::RequestReshipment)?;
    let mut failures = Vec::new();
    let mut unknown = Vec::new();
    let failure_nos: Vec<String> = input.failure_nos.iter().map(|n| n.trim().to_owned()).collect();
    for no in &failure_nos {
        match fq::failure_row(tx, no).await? {
            Some(f) => failures.push(FailureFacts {
                failure_no: f.failure_no,
                sku: f.sku,
                vendor_code: f.vendor_code,
                qty_failed: f.qty_failed,
            }),
            None => unknown.push(no.clone()),
        }
    }
    let order = order_facts(tx, &input.order_no).await?;
    let lot_codes: Vec<String> =
        input.items.iter().filter_map(|i| i.lot_code.as_deref()).map(normalise_lot_code).collect();
    let lots = item_lots(tx, &lot_codes.iter().map(String::as_str).collect::<Vec<_>>()).await?;
    let mut reshipped = q::reshipped_for(tx, &failure_nos).await?;
    let exchange = match input.rma_no.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        Some(rma_no) => Some(exchange_facts(tx, rma_no, input.order_no.trim()).await?),
        None => None,
    };
    if let Some(e) = &exchange {
        for (sku, qty) in q::reshipped_for_rma(tx, &e.rma_no).await? {
            *reshipped.entry(sku).or_default() += qty;
        }
    }
    let policy = policy(tx).await?;
    let day = crate::clock::site_day_in(tx, ctx.now()).await?;
    let settings = people::settings(tx).await?.ok_or_else(|| ApiError::conflict("error.setup.needed"))?;
    let reshipment_no = super::numbers::issue(tx, "RS", &settings.site_code).await?;
    let facts = RequestFacts {
        failures: &failures,
        unknown_failures: &unknown,
        order: order.as_ref(),
        reshipped: &reshipped,
        lots: &lots,
        policy: &policy,
        today: day.today,
        holidays: &day.holidays,
        exchange: exchange.as_ref(),
    };
    let events = rs::decide_request(input, &facts, &reshipment_no, &actor)?;
    lotline_store::append(tx, &ctx.meta(), events).await?;
    Ok(reshipment_no)
}

/// The return a replacement exchanges: its goods must have come back (received or inspected, not
/// yet settled) on the order the replacement is for; what came back per SKU caps what goes out.
async fn exchange_facts(tx: &mut WriteTx, rma_no: &str, order_no: &str) -> Result<ExchangeFacts, ApiError> {
    let field = |key: &str| FieldError::new("rma_no", key).with("rma_no", rma_no);
    let Ok((rma, _)) = super::returns::load(tx, rma_no).await else {
        return Err(ApiError::field(field("error.rma.unknown_rma")));
    };
    if !matches!(rma.status, RmaStatus::Received | RmaStatus::Inspected) {
        return Err(ApiError::field(field("error.rma.not_back_for_exchange").with("status", rma.status.as_str())));
    }
    let mut returned = BTreeMap::new();
    for (line, qty) in rma.opening.lines.iter().zip(&rma.received) {
        if line.order_no == order_no && *qty > 0 {
            *returned.entry(line.sku.clone()).or_default() += qty;
        }
    }
    if !rma.opening.lines.iter().any(|l| l.order_no == order_no) {
        return Err(ApiError::field(
            FieldError::new("order_no", "error.reshipment.order_not_in_rma")
                .with("order_no", order_no)
                .with("rma_no", rma_no),
        ));
    }
    Ok(ExchangeFacts { rma_no: rma.rma_no().to_owned(), returned })
}

pub async fn request_reshipment(ctx: &Ctx, input: RequestReshipmentInput) -> Result<ReshipmentDetail, ApiError> {
    let mut tx = ctx.begin().await?;
    let reshipment_no = request_in(ctx, &mut tx, &input).await?;
    tx.commit().await.map_err(sql_error)?;
    detail(ctx, &reshipment_no).await
}

pub async fn list_reshipments(ctx: &Ctx, input: ListReshipmentsInput) -> Result<Page<ReshipmentRow>, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    let day = today(ctx).await?;
    let page = q::list_reshipments(&mut *ctx.read().await?, &input, &sla_dates(&day)).await?;
    Ok(Page { rows: page.rows.into_iter().map(|r| with_sla(r, &day)).collect(), total: page.total })
}

pub async fn get_reshipment(ctx: &Ctx, input: ReshipmentNoInput) -> Result<ReshipmentDetail, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    detail(ctx, input.reshipment_no.trim()).await
}

fn approval_views(
    events: &[StoredEvent],
    state: &Reshipment,
    names: &std::collections::HashMap<String, String>,
) -> Vec<ApprovalView> {
    events
        .iter()
        .filter_map(|stored| match &stored.event {
            Event::ReshipmentApproved { approval, .. } => Some(ApprovalView::of(
                approval,
                &stored.occurred_at,
                names,
                approval.amount_version == state.amount_version,
            )),
            _ => None,
        })
        .collect()
}

fn refusal_for(policy: &ApprovalPolicy, state: &Reshipment, actor: Option<&Actor>) -> Option<Refusal> {
    let Some(actor) = actor else { return Some(Refusal { key: "error.unauthenticated".into(), limit_minor: None }) };
    if state.status != rs::ReshipmentStatus::Requested {
        return Some(Refusal { key: "error.reshipment.not_awaiting_approval".into(), limit_minor: None });
    }
    let needs = rs::requirement(policy, &state.cost, &state.request.requester_roles);
    let counted = rs::counting(policy, &state.cost, state.amount_version, &state.approvals);
    rs::check_approver(policy, &needs, &state.cost, &state.request.requested_by, &counted, &actor.user_id, &actor.roles)
        .err()
}

pub(crate) async fn detail(ctx: &Ctx, reshipment_no: &str) -> Result<ReshipmentDetail, ApiError> {
    let mut conn = ctx.read().await?;
    let (state, events) = load(&mut conn, reshipment_no).await?;
    let row = q::reshipment_row(&mut conn, reshipment_no)
        .await?
        .ok_or_else(|| ApiError::not_found("reshipment", reshipment_no))?;
    let policy = policy(&mut conn).await?;
    let names = fq::user_names(&mut conn).await?;
    let actor = ctx.actor().ok();
    Ok(ReshipmentDetail {
        row: with_sla(row, &today(ctx).await?),
        approvals: approval_views(&events, &state, &names),
        requirement: rs::requirement(&policy, &state.cost, &state.request.requester_roles),
        approver_roles: rs::approver_roles(&policy, &state.cost),
        my_refusal: refusal_for(&policy, &state, actor.as_ref()),
        my_actions: actor.as_ref().map(|a| rs::offered_actions(&state, &policy, a)).unwrap_or_default(),
        chargeback: state.chargeback.clone(),
        history: history_of(&events, &names),
        request: state.request,
    })
}

/// Loads a reshipment, lets `decide` turn the request into events, appends them, returns the detail.
async fn act_on(
    ctx: &Ctx,
    reshipment_no: &str,
    decide: impl FnOnce(&Reshipment, &ApprovalPolicy, &SiteDay) -> Result<Vec<Event>, ApiError>,
) -> Result<ReshipmentDetail, ApiError> {
    let mut tx = ctx.begin().await?;
    let (state, _) = load(&mut tx, reshipment_no).await?;
    let policy = policy(&mut tx).await?;
    let day = crate::clock::site_day_in(&mut tx, ctx.now()).await?;
    let events = decide(&state, &policy, &day)?;
    ctx.commit(tx, events).await?;
    detail(ctx, state.reshipment_no()).await
}

pub async fn approve_reshipment(ctx: &Ctx, input: ApproveReshipmentInput) -> Result<ReshipmentDetail, ApiError> {
    let actor = ctx.actor()?;
    act_on(ctx, &input.reshipment_no, |r, policy, today| rs::decide_approve(r, policy, &actor, &input.note, today))
        .await
}

pub async fn reject_reshipment(ctx: &Ctx, input: ReasonInput) -> Result<ReshipmentDetail, ApiError> {
    let actor = ctx.actor()?;
    act_on(ctx, &input.reshipment_no, |r, policy, _| rs::decide_reject(r, policy, &actor, &input.reason)).await
}

/// The requester may change or withdraw their own request; logistics and admins any.
fn may_change(actor: &Actor, r: &Reshipment, permission: Permission) -> Result<(), ApiError> {
    if actor.user_id == r.request.requested_by || actor.may(Permission::ShipReshipment) {
        Ok(())
    } else {
        actor.require(Permission::ShipReshipment).map_err(|_| {
            ApiError::forbidden(match permission {
                Permission::RequestReshipment => "error.reshipment.not_your_request",
                _ => "error.forbidden.ship_reshipment",
            })
        })
    }
}

pub async fn amend_reshipment(ctx: &Ctx, input: AmendReshipmentInput) -> Result<ReshipmentDetail, ApiError> {
    let actor = ctx.allowed(Permission::RequestReshipment)?;
    act_on(ctx, &input.reshipment_no, |r, policy, today| {
        may_change(&actor, r, Permission::RequestReshipment)?;
        rs::decide_amend(r, policy, &input.cost, &input.reason, today)
    })
    .await
}

pub async fn cancel_reshipment(ctx: &Ctx, input: ReasonInput) -> Result<ReshipmentDetail, ApiError> {
    let actor = ctx.actor()?;
    act_on(ctx, &input.reshipment_no, |r, _, _| {
        may_change(&actor, r, Permission::RequestReshipment)?;
        rs::decide_cancel(r, &input.reason)
    })
    .await
}

pub async fn ship_reshipment(ctx: &Ctx, input: ShipInput) -> Result<ReshipmentDetail, ApiError> {
    ctx.allowed(Permission::ShipReshipment)?;
    // The lots are read in the write transaction: a hold placed a moment ago still counts.
    let mut tx = ctx.begin().await?;
    let (state, _) = load(&mut tx, &input.reshipment_no).await?;
    let codes: Vec<&str> = state.request.items.iter().filter_map(|i| i.lot_code.as_deref()).collect();
    let lots = item_lots(&mut tx, &codes).await?;
    let today = crate::clock::site_day_in(&mut tx, ctx.now()).await?.today;
    let events = rs::decide_ship(&state, &input, &lots, today)?;
    ctx.commit(tx, events).await?;
    detail(ctx, state.reshipment_no()).await
}

pub async fn deliver_reshipment(ctx: &Ctx, input: DeliverInput) -> Result<ReshipmentDetail, ApiError> {
    ctx.allowed(Permission::ShipReshipment)?;
    act_on(ctx, &input.reshipment_no, |r, _, day| rs::decide_deliver(r, input.delivered_on.as_deref(), day.today)).await
}

pub async fn update_chargeback(ctx: &Ctx, input: ChargebackInput) -> Result<ReshipmentDetail, ApiError> {
    ctx.allowed(Permission::ManageChargeback)?;
    act_on(ctx, &input.reshipment_no, |r, _, _| {
        rs::decide_chargeback(r, input.status, input.recovered_minor, &input.note)
    })
    .await
}

/// The reshipment events of every reshipment a failure led to, for the failure's history.
pub(crate) async fn events_for_failure(
    conn: &mut sqlx::SqliteConnection,
    failure_no: &str,
) -> Result<Vec<StoredEvent>, ApiError> {
    let mut events = Vec::new();
    for no in q::reshipments_of_failure(conn, failure_no).await? {
        events.extend(lotline_store::load_stream(conn, "reshipment", &no).await?);
    }
    Ok(events)
}
