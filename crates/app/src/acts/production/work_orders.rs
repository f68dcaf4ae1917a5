//! Work orders: planned with their component lots, started, completed (the output lot received
//! and each component linked into it, in one act), blocked by an in-process QC failure and
//! released, scrapped or reworked by a quality lead.

use chrono::NaiveDate;
use lotline_domain::error::{FieldError, Violations};
use lotline_domain::failure::{self, Disposition, LineRequest};
use lotline_domain::lots::{LotReceipt, normalise_lot_code};
use lotline_domain::people::Permission;
use lotline_domain::production::{
    self as wo, BlockDecision, WorkOrder, WorkOrderInput, WorkOrderPlan, WorkOrderStatus,
};
use lotline_domain::{ApiError, Event};
use lotline_store::queries::production::{
    self as q, ComplaintFilter, ComplaintRow, WorkOrderBlock, WorkOrderComponent, WorkOrderRow,
};
use lotline_store::queries::{failures as fq, lots as lq, master, people};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::given;
use crate::acts::history::{HistoryEntry, history_of};
use crate::acts::lots::{BillRule, MadeFields, check_made};
use crate::context::{Ctx, store_error};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlanWorkOrderInput {
    pub sku: String,
    pub output_lot_code: String,
    pub planned_qty: i64,
    /// `pcs` when not given.
    #[serde(default)]
    pub unit: String,
    pub location: String,
    pub components: Vec<WorkOrderInput>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub due_on: Option<String>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkOrderNoInput {
    pub work_order_no: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CompleteWorkOrderInput {
    pub work_order_no: String,
    /// Units made; the planned quantity when not given.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub output_qty: Option<i64>,
    /// What each component lot gave; the plan's quantities when not given.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub consumed: Option<Vec<WorkOrderInput>>,
    #[serde(default)]
    #[ts(optional = nullable, type = "string | null")]
    pub expiry_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DecideBlockInput {
    pub work_order_no: String,
    pub failure_no: String,
    pub decision: BlockDecision,
    pub note: String,
    /// Scrap or rework: the units the line takes; the failure's units no line holds yet when
    /// not given.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub qty: Option<i64>,
    /// Scrap or rework: who follows the line up; the deciding lead when not given.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub owner_id: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub due_on: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ListWorkOrdersInput {
    #[serde(default)]
    #[ts(optional = nullable)]
    pub status: Option<WorkOrderStatus>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub text: Option<String>,
}

/// Everything the work order page shows.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkOrderDetail {
    #[serde(flatten)]
    pub row: WorkOrderRow,
    pub components: Vec<WorkOrderComponent>,
    pub blocks: Vec<WorkOrderBlock>,
    /// The output lot is received (the order completed).
    pub output_received: bool,
    pub complaints: Vec<ComplaintRow>,
    pub history: Vec<HistoryEntry>,
}

pub(crate) async fn load(conn: &mut sqlx::SqliteConnection, no: &str) -> Result<WorkOrder, ApiError> {
    let events = lotline_store::load_stream(conn, "work_order", no).await?;
    events
        .iter()
        .fold(None, |state, stored| WorkOrder::evolve(state, &stored.event))
        .ok_or_else(|| ApiError::not_found("work_order", no))
}

fn number(text: &str) -> String {
    text.trim().to_uppercase()
}

/// Plans a run: its product exists, its output lot is new (not received, not another order's),
/// its component lots are received.
pub async fn plan_work_order(ctx: &Ctx, input: PlanWorkOrderInput) -> Result<WorkOrderDetail, ApiError> {
    ctx.allowed(Permission::RecordLots)?;
    let unit = input.unit.trim().to_lowercase();
    let mut plan = WorkOrderPlan {
        work_order_no: String::new(),
        sku: input.sku.trim().to_owned(),
        output_lot_code: normalise_lot_code(&input.output_lot_code),
        planned_qty: input.planned_qty,
        unit: if unit.is_empty() { "pcs".into() } else { unit },
        location: input.location.trim().to_uppercase(),
        components: input
            .components
            .iter()
            .map(|c| WorkOrderInput { lot_code: normalise_lot_code(&c.lot_code), qty: c.qty })
            .collect(),
        due_on: given(&input.due_on),
        note: input.note.trim().to_owned(),
    };
    wo::check_plan(&plan)?;
    let mut tx = ctx.begin().await?;
    let mut v = Violations::default();
    if master::product(&mut tx, &plan.sku).await?.is_none() {
        v.push(FieldError::new("sku", "error.lot.unknown_sku").with("value", &plan.sku));
    }
    if lq::lot_row(&mut tx, &plan.output_lot_code).await?.is_some_and(|l| l.received_at.is_some()) {
        v.push(FieldError::new("output_lot_code", "error.lot.already_received").with("value", &plan.output_lot_code));
    }
    if let Some(other) = q::work_order_of_output(&mut tx, &plan.output_lot_code).await? {
        v.push(FieldError::new("output_lot_code", "error.work_order.output_planned").with("work_order_no", other));
    }
    for (i, c) in plan.components.iter().enumerate() {
        if lq::lot_row(&mut tx, &c.lot_code).await?.is_none_or(|l| l.received_at.is_none()) {
            v.push(
                FieldError::new(format!("components[{i}].lot_code"), "error.lot.unknown_lot")
                    .with("value", &c.lot_code),
            );
        }
    }
    crate::acts::locations::check_usable(&mut tx, "location", &plan.location).await?;
    v.into_result()?;
    let settings = people::settings(&mut tx).await?.ok_or_else(|| ApiError::conflict("error.setup.needed"))?;
    plan.work_order_no = crate::acts::numbers::issue(&mut tx, "WO", &settings.site_code).await?;
    let no = plan.work_order_no.clone();
    ctx.commit(tx, vec![Event::WorkOrderPlanned(Box::new(plan))]).await?;
    work_order_detail(ctx, &no).await
}

pub async fn start_work_order(ctx: &Ctx, input: WorkOrderNoInput) -> Result<WorkOrderDetail, ApiError> {
    ctx.allowed(Permission::RecordLots)?;
    let no = number(&input.work_order_no);
    let mut tx = ctx.begin().await?;
    let order = load(&mut tx, &no).await?;
    ctx.commit(tx, wo::decide_start(&order)?).await?;
    work_order_detail(ctx, &no).await
}

/// Completes a run: the output lot is received and each component lot linked into it by what it
/// gave, with the checks a kit's assembly passes (the bill's quantities when the product has one).
pub async fn complete_work_order(ctx: &Ctx, input: CompleteWorkOrderInput) -> Result<WorkOrderDetail, ApiError> {
    ctx.allowed(Permission::RecordLots)?;
    let no = number(&input.work_order_no);
    let today = ctx.today().await?;
    let mut tx = ctx.begin().await?;
    let order = load(&mut tx, &no).await?;
    let output_qty = input.output_qty.unwrap_or(order.plan.planned_qty);
    let consumed: Vec<WorkOrderInput> = match &input.consumed {
        Some(list) => list
            .iter()
            .map(|c| WorkOrderInput { lot_code: normalise_lot_code(&c.lot_code), qty: c.qty })
            .filter(|c| c.qty != 0 || c.lot_code.is_empty())
            .collect(),
        None => order.plan.components.clone(),
    };
    let mut events = wo::decide_complete(&order, output_qty, &consumed)?;
    let output = LotReceipt {
        lot_code: order.plan.output_lot_code.clone(),
        sku: order.plan.sku.clone(),
        vendor_code: String::new(),
        supplier_lot: None,
        qty: output_qty,
        unit: order.plan.unit.clone(),
        mfg_date: Some(today),
        expiry_date: input.expiry_date,
        location: order.plan.location.clone(),
        promised_on: None,
    };
    let components: Vec<(String, i64)> = consumed.iter().map(|c| (c.lot_code.clone(), c.qty)).collect();
    let fields = MadeFields { made: "output", inputs: "consumed" };
    let (output, links) = check_made(&mut tx, today, output, &components, BillRule::WhenSet, fields).await?;
    events.push(Event::LotsReceived { batch_id: None, rows: vec![output] });
    events.push(Event::LotsLinked { batch_id: None, rows: links });
    ctx.commit(tx, events).await?;
    work_order_detail(ctx, &no).await
}

/// Blocks the work order an in-process failure is logged against: the events go with the
/// failure's, in its act. Only a failure found in process may block one.
pub(crate) async fn block_for_failure(
    tx: &mut sqlx::SqliteConnection,
    v: &mut Violations,
    work_order_no: &str,
    stage: failure::Stage,
) -> Result<Option<WorkOrder>, ApiError> {
    let no = number(work_order_no);
    if stage != failure::Stage::InProcess {
        v.push(FieldError::new("stage", "error.failure.stage_for_work_order"));
    }
    match load(tx, &no).await {
        Ok(order) if order.status == WorkOrderStatus::Planned => {
            v.push(FieldError::new("work_order_no", "error.work_order.not_started").with("work_order_no", &no));
            Ok(None)
        }
        Ok(order) => Ok(Some(order)),
        Err(_) => {
            v.push(FieldError::new("work_order_no", "error.work_order.unknown").with("work_order_no", &no));
            Ok(None)
        }
    }
}

/// A quality lead's decision on a blocking failure. Scrap and rework go through the failure's
/// disposition lines: a line for the units (the failure's unassigned ones by default), owned by
/// whoever follows it up, in the same act as the decision.
pub async fn decide_work_order_block(ctx: &Ctx, input: DecideBlockInput) -> Result<WorkOrderDetail, ApiError> {
    let actor = ctx.allowed(Permission::ReleaseHolds)?;
    let no = number(&input.work_order_no);
    let failure_no = number(&input.failure_no);
    let mut tx = ctx.begin().await?;
    let order = load(&mut tx, &no).await?;
    let mut events = wo::decide_decision(&order, &failure_no, input.decision, &input.note)?;
    let disposition = match input.decision {
        BlockDecision::Release => None,
        BlockDecision::Scrap => Some(Disposition::Scrap),
        BlockDecision::Rework => Some(Disposition::Rework),
    };
    if let Some(disposition) = disposition {
        let failure = crate::acts::failures::load_failure(&mut tx, &failure_no).await?;
        let owner_id = given(&input.owner_id).unwrap_or(actor.user_id.clone());
        let owner_active = people::user_by_id(&mut tx, &owner_id).await?.is_some_and(|u| u.active);
        if !owner_active {
            return Err(ApiError::field(
                FieldError::new("owner_id", "error.failure.unknown_person").with("user_id", &owner_id),
            ));
        }
        let request = LineRequest {
            disposition,
            qty: input.qty.unwrap_or_else(|| failure.unassigned()),
            note: input.note.trim().to_owned(),
            owner_id,
            due_on: given(&input.due_on),
            serials: Vec::new(),
        };
        let line_id = uuid::Uuid::now_v7().to_string();
        events.extend(failure::decide_add_line(&failure, &line_id, &request)?);
    } else {
        // Released: the holds this failure put on the output lot are lifted with the block, so
        // the lot ships; holds of other failures or recalls stay.
        let output = &order.plan.output_lot_code;
        let holds = fq::holds(&mut tx, Some(output)).await?;
        let lifted: Vec<String> = holds
            .iter()
            .filter(|h| h.failure_no.as_deref() == Some(failure_no.as_str()) && h.recall_no.is_none())
            .filter_map(|h| h.hold_ref.clone())
            .collect();
        if !lifted.is_empty() {
            events.push(Event::LotHoldReleased {
                lot_code: output.clone(),
                note: input.note.trim().to_owned(),
                hold: None,
                holds: lifted,
            });
        }
    }
    ctx.commit(tx, events).await?;
    work_order_detail(ctx, &no).await
}

pub(crate) async fn work_order_detail(ctx: &Ctx, no: &str) -> Result<WorkOrderDetail, ApiError> {
    let no = number(no);
    let mut conn = ctx.read().await?;
    let row = q::work_order_row(&mut conn, &no).await?.ok_or_else(|| ApiError::not_found("work_order", &no))?;
    let events = lotline_store::load_stream(&mut conn, "work_order", &no).await?;
    let names = fq::user_names(&mut conn).await?;
    let filter = ComplaintFilter { work_order_no: Some(no.clone()), ..ComplaintFilter::default() };
    Ok(WorkOrderDetail {
        components: q::components_of(&mut conn, &no).await?,
        blocks: q::blocks_of(&mut conn, &no).await?,
        output_received: lq::lot_row(&mut conn, &row.output_lot_code).await?.is_some_and(|l| l.received_at.is_some()),
        complaints: q::list_complaints(&mut conn, &filter).await?,
        history: history_of(&events, &names),
        row,
    })
}

pub async fn get_work_order(ctx: &Ctx, input: WorkOrderNoInput) -> Result<WorkOrderDetail, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    work_order_detail(ctx, &input.work_order_no).await
}

pub async fn list_work_orders(ctx: &Ctx, input: ListWorkOrdersInput) -> Result<Vec<WorkOrderRow>, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    let text = given(&input.text);
    q::list_work_orders(&mut *ctx.read().await?, input.status, text.as_deref()).await.map_err(store_error)
}
