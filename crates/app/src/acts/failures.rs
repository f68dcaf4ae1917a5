//! Logging QC failures and following them to closure.

use chrono::{DateTime, Utc};
use lotline_domain::aql::{self, AqlPlan, AqlPlanInput};
use lotline_domain::error::{FieldError, Violations};
use lotline_domain::failure::{
    self, Disposition, Failure, FailureChanges, FailureReaction, FailureRecord, InspectionInput, InspectionResult,
    LineStatus, LogRequest, LotFacts, ProductFacts, ReactionSource, Severity, Stage, Team,
};
use lotline_domain::people::Permission;
use lotline_domain::returns::{self, Rma};
use lotline_domain::settings::DefectCategory;
use lotline_domain::{ApiError, Event};
use lotline_store::queries::Page;
use lotline_store::queries::failure_lines::{DispositionLineView, disposition_lines};
use lotline_store::queries::failures::{self as q, ChecklistItem, FailureRow, HoldView, ListFailuresInput};
use lotline_store::queries::master::{self, AttachmentView};
use lotline_store::queries::returns as rq;
use lotline_store::{StoredEvent, WriteTx};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Empty;
use super::failure_known::Known;
use super::history::{HistoryEntry, history_of};
use crate::context::{Ctx, store_error};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LogFailureInput {
    #[serde(default)]
    pub occurred_at: Option<String>,
    pub sku: String,
    pub vendor_code: String,
    #[serde(default)]
    pub lot_code: Option<String>,
    /// The serials that failed (rejected), for a serial-tracked product.
    #[serde(default)]
    pub serials: Vec<String>,
    /// The serials inspected and accepted, on a per-serial inspection.
    #[serde(default)]
    #[ts(optional)]
    pub accepted_serials: Option<Vec<String>>,
    pub stage: Stage,
    pub qty_inspected: i64,
    pub qty_failed: i64,
    pub category_code: String,
    pub description: String,
    pub severity: Severity,
    #[serde(default)]
    pub inspection: Option<InspectionInput>,
    #[serde(default)]
    pub attachment_ids: Vec<String>,
    #[serde(default)]
    pub disposition: Option<Disposition>,
    pub owner_team: Team,
    #[serde(default)]
    pub reinspection_of: Option<String>,
    /// The RMA whose returned goods showed the failure at intake (stage `customer_return`).
    #[serde(default)]
    #[ts(optional = nullable)]
    pub rma_no: Option<String>,
    /// The work order an in-process failure was found on (stage `in_process`): it blocks the
    /// order, and its output from shipping, until a quality lead decides.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub work_order_no: Option<String>,
    /// Hold the lot although the AQL verdict accepts it (a lot is held by default only when the
    /// inspection rejects it or there is none).
    #[serde(default)]
    #[ts(optional = nullable)]
    pub hold_lot: Option<bool>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FailureDetail {
    #[serde(flatten)]
    pub row: FailureRow,
    pub description: String,
    pub serials: Vec<String>,
    pub inspection: Option<InspectionResult>,
    pub attachments: Vec<AttachmentView>,
    pub disposition_note: Option<String>,
    pub outcome: Option<String>,
    pub reinspection_of: Option<String>,
    pub reinspections: Vec<String>,
    /// The RMA the failed goods came back with, when found at returns intake.
    pub rma_no: Option<String>,
    /// The work order it was found on (in process), which it blocks until a quality lead decides.
    pub work_order_no: Option<String>,
    pub lot_on_hold: bool,
    /// Serials of the lot held on their own by this failure and still held.
    pub held_serials: Vec<String>,
    /// Serials inspected and accepted, on a per-serial inspection.
    pub accepted_serials: Vec<String>,
    /// The reaction to the failed inspection as applied (none for failures logged before
    /// reactions were set per product). `notify` flags it for the quality lead.
    pub reaction: Option<lotline_domain::failure::AppliedReaction>,
    /// The failure's lot is one Lotline knows (received or traced); an unknown code is kept on
    /// the failure but creates and holds no lot, so a typo cannot hold a phantom lot.
    pub lot_known: bool,
    /// The product's currency, in which a rework's cost is typed and booked; none when the
    /// product is no longer in the master data.
    pub product_currency: Option<String>,
    /// The failed quantity's dispositions, a line each (the old single disposition is one line
    /// covering the whole quantity).
    pub lines: Vec<DispositionLineView>,
    /// Failed units no line holds (negative when lines merged from two desks hold too many).
    pub unassigned: i64,
    pub history: Vec<HistoryEntry>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FailureNoInput {
    pub failure_no: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CorrectFailureInput {
    pub failure_no: String,
    pub reason: String,
    pub changes: FailureChanges,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SetDispositionInput {
    pub failure_no: String,
    pub disposition: Disposition,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CompleteDispositionInput {
    pub failure_no: String,
    pub outcome: String,
    #[serde(default)]
    pub qty: Option<i64>,
    #[serde(default)]
    pub note: String,
    /// What the rework cost (labour and parts), minor units of the product's currency.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub cost_minor: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ApproveDeviationInput {
    pub failure_no: String,
    pub note: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AddChecklistItemInput {
    pub sku: String,
    pub text: String,
    #[serde(default)]
    pub failure_no: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SkuInput {
    pub sku: String,
}

pub async fn aql_plan(_ctx: &Ctx, input: AqlPlanInput) -> Result<AqlPlan, ApiError> {
    aql::plan(&input)
        .map_err(|err| ApiError::field(FieldError::new(err.field(), "error.aql.invalid").with("reason", &err)))
}

pub async fn list_defect_categories(ctx: &Ctx, _: Empty) -> Result<Vec<DefectCategory>, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    master::defect_categories(&mut *ctx.read().await?).await.map_err(store_error)
}

pub async fn save_defect_category(ctx: &Ctx, input: DefectCategory) -> Result<DefectCategory, ApiError> {
    ctx.allowed(Permission::ConfigureQuality)?;
    let category = DefectCategory { code: input.code.trim().to_uppercase(), ..input };
    category.violations().into_result()?;
    let tx = ctx.begin().await?;
    ctx.commit(tx, vec![Event::DefectCategorySaved(category.clone())]).await?;
    Ok(category)
}

fn parse_time(field: &str, text: &str) -> Result<DateTime<Utc>, FieldError> {
    DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| FieldError::new(field, "error.field.bad_datetime").with("value", text))
}

/// Looks up what the rules need to know about the SKU, vendor and category of a record.
/// The product's facts, whether the record's defect category is active, and the reaction to a
/// failed inspection the product (or its category, or the global rule) sets.
async fn facts_for(
    tx: &mut WriteTx,
    v: &mut Violations,
    record: &FailureRecord,
    known: &mut Known,
) -> Result<(ProductFacts, bool, (FailureReaction, ReactionSource)), ApiError> {
    let product = known.product(tx, &record.sku).await?;
    if product.is_none() {
        v.push(FieldError::new("sku", "error.failure.unknown_sku").with("sku", &record.sku));
    }
    if !known.vendor(tx, &record.vendor_code).await? {
        v.push(FieldError::new("vendor_code", "error.failure.unknown_vendor").with("code", &record.vendor_code));
    }
    for id in &record.attachment_ids {
        if master::attachment(tx, id).await?.is_none() {
            v.push(FieldError::new("attachment_ids", "error.failure.unknown_attachment").with("id", id));
        }
    }
    let category_active = known.categories(tx).await?.iter().any(|c| c.code == record.category_code && c.active);
    let category_reaction = match &product {
        Some(p) => known.category_reaction(tx, &p.product.category).await?,
        None => None,
    };
    let reaction =
        failure::resolve_reaction(product.as_ref().and_then(|p| p.product.failure_reaction), category_reaction);
    let facts = product.map_or_else(
        || ProductFacts { sku: record.sku.clone(), lot_tracked: false, serial_tracked: false },
        |p| ProductFacts {
            sku: p.product.sku,
            lot_tracked: p.product.lot_tracked,
            serial_tracked: p.product.serial_tracked,
        },
    );
    Ok((facts, category_active, reaction))
}

/// The record's lot as the lots table knows it, if it does.
async fn lot_facts(conn: &mut sqlx::SqliteConnection, record: &FailureRecord) -> Result<Option<LotFacts>, ApiError> {
    let Some(code) = &record.lot_code else { return Ok(None) };
    let row = lotline_store::queries::lots::lot_row(conn, code).await?;
    Ok(row.map(|r| LotFacts { lot_code: r.lot_code, sku: r.sku, vendor_code: r.vendor_code }))
}

pub(crate) async fn load_failure(tx: &mut sqlx::SqliteConnection, failure_no: &str) -> Result<Failure, ApiError> {
    let events = lotline_store::load_stream(tx, "failure", failure_no.trim()).await?;
    events
        .iter()
        .fold(None, |state, stored: &StoredEvent| Failure::evolve(state, &stored.event))
        .ok_or_else(|| ApiError::not_found("failure", failure_no))
}

/// When the failure happened: as given (a few minutes' clock skew allowed), else now.
fn occurred_at(given: Option<&str>, now: DateTime<Utc>, v: &mut Violations) -> DateTime<Utc> {
    match given.filter(|t| !t.trim().is_empty()) {
        Some(text) => match parse_time("occurred_at", text) {
            Ok(at) if at > now + chrono::Duration::minutes(5) => {
                v.push(FieldError::new("occurred_at", "error.failure.in_future"));
                now
            }
            Ok(at) => at,
            Err(err) => {
                v.push(err);
                now
            }
        },
        None => now,
    }
}

/// Builds and appends a failure within `tx`: the form's act.
pub(crate) async fn log_in(
    ctx: &Ctx,
    tx: &mut WriteTx,
    input: LogFailureInput,
) -> Result<(String, Vec<Event>), ApiError> {
    let (failure_no, events) = decide_in(ctx, tx, input, &mut Known::default()).await?;
    lotline_store::append(tx, &ctx.meta(), events.clone()).await?;
    Ok((failure_no, events))
}

/// Checks a failure and decides its events without writing them: the CSV import decides every
/// row first and appends them all at once. `known` keeps what earlier rows looked up, and the
/// numbers they were given, which nothing is written to until the append.
pub(crate) async fn decide_in(
    ctx: &Ctx,
    tx: &mut WriteTx,
    input: LogFailureInput,
    known: &mut Known,
) -> Result<(String, Vec<Event>), ApiError> {
    let actor = ctx.allowed(Permission::LogFailure)?;
    let mut v = Violations::default();
    let now = ctx.now();
    let occurred_at = occurred_at(input.occurred_at.as_deref(), now, &mut v);
    let inspection = match &input.inspection {
        Some(inspection) => match failure::evaluate_inspection(inspection) {
            Ok(result) => Some(result),
            Err(err) => {
                v.0.extend(err.fields);
                None
            }
        },
        None => None,
    };
    let mut serials: Vec<String> =
        input.serials.iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
    serials.dedup();
    let mut accepted_serials: Vec<String> =
        input.accepted_serials.iter().flatten().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
    accepted_serials.dedup();
    let record = FailureRecord {
        sku: input.sku.trim().to_owned(),
        vendor_code: input.vendor_code.trim().to_uppercase(),
        lot_code: input.lot_code.map(|l| lotline_domain::lots::normalise_lot_code(&l)).filter(|l| !l.is_empty()),
        serials,
        accepted_serials,
        stage: input.stage,
        qty_inspected: input.qty_inspected,
        qty_failed: input.qty_failed,
        category_code: input.category_code.trim().to_uppercase(),
        description: input.description.trim().to_owned(),
        severity: input.severity,
        owner_team: input.owner_team,
        inspection,
        attachment_ids: input.attachment_ids,
    };
    let (product, category_active, reaction) = facts_for(tx, &mut v, &record, known).await?;
    let lot = lot_facts(tx, &record).await?;
    if let Some(inspection) = &record.inspection {
        let rules = super::switching::state_for(tx, &record.sku, &record.vendor_code).await?;
        let chosen = inspection.input.inspection;
        if super::switching::strictness(chosen) < super::switching::strictness(rules.severity) {
            v.push(
                FieldError::new("inspection.inspection", "error.aql.severity_looser")
                    .with("chosen", serde_json::to_value(chosen).unwrap_or_default().as_str().unwrap_or_default())
                    .with(
                        "required",
                        serde_json::to_value(rules.severity).unwrap_or_default().as_str().unwrap_or_default(),
                    ),
            );
        }
    }
    let reinspected = match input.reinspection_of.as_deref().filter(|n| !n.trim().is_empty()) {
        Some(no) => match load_failure(tx, no).await {
            Ok(f) => Some(f),
            Err(_) => {
                v.push(FieldError::new("reinspection_of", "error.failure.unknown_failure").with("failure_no", no));
                None
            }
        },
        None => None,
    };
    let returned_with = match input.rma_no.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        Some(no) => returned_with(tx, &mut v, no, &record).await?,
        None => None,
    };
    let work_order = match input.work_order_no.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        Some(no) => super::production::block_for_failure(tx, &mut v, no, record.stage).await?,
        None => None,
    };
    let failure_no = known.next_number(tx).await?;
    let record_sku = record.sku.clone();
    let request = LogRequest {
        failure_no: failure_no.clone(),
        inspector_id: actor.user_id,
        occurred_at: lotline_domain::time::stored(occurred_at),
        record,
        disposition: input.disposition,
        product: &product,
        category_active,
        reinspected: reinspected.as_ref(),
        lot: lot.as_ref(),
        hold_when_accepted: input.hold_lot.unwrap_or(false),
        reaction: reaction.0,
        reaction_source: reaction.1,
    };
    // Lookup problems and rule problems are reported together, so the form shows all at once.
    let mut events = match failure::decide_log(request) {
        Ok(events) => {
            v.into_result()?;
            events
        }
        Err(err) if err.fields.is_empty() => return Err(err),
        Err(err) => {
            v.0.extend(err.fields);
            return Err(v.into_result().unwrap_err());
        }
    };
    if let Some(rma) = &returned_with {
        events.extend(returns::decide_link_failure(rma, &failure_no, &record_sku)?);
    }
    if let Some(order) = &work_order {
        events.extend(lotline_domain::production::decide_block(order, &failure_no)?);
    }
    known.issued();
    Ok((failure_no, events))
}

/// The RMA a failure found at intake came back with, checked before anything is written: it
/// exists, the failure is logged at the customer-return stage, and the RMA is at intake and
/// returns that product.
async fn returned_with(
    tx: &mut WriteTx,
    v: &mut Violations,
    rma_no: &str,
    record: &FailureRecord,
) -> Result<Option<Rma>, ApiError> {
    let rma = match super::returns::load(tx, rma_no).await {
        Ok((rma, _)) => rma,
        Err(_) => {
            v.push(FieldError::new("rma_no", "error.rma.unknown_rma").with("rma_no", rma_no));
            return Ok(None);
        }
    };
    if record.stage != Stage::CustomerReturn {
        v.push(FieldError::new("stage", "error.failure.stage_for_rma"));
    }
    match returns::decide_link_failure(&rma, "", &record.sku) {
        Ok(_) => Ok(Some(rma)),
        Err(err) if err.fields.is_empty() => Err(err),
        Err(err) => {
            v.0.extend(err.fields);
            Ok(None)
        }
    }
}

pub async fn log_failure(ctx: &Ctx, input: LogFailureInput) -> Result<FailureDetail, ApiError> {
    let mut tx = ctx.begin().await?;
    let (failure_no, _) = log_in(ctx, &mut tx, input).await?;
    tx.commit().await.map_err(crate::context::sql_error)?;
    detail(ctx, &failure_no).await
}

/// `from` (included) and `to` (excluded) may be instants or days (`YYYY-MM-DD`); a day starts
/// at the site's midnight, as review periods do, so a review's link lists exactly its count.
pub async fn list_failures(ctx: &Ctx, mut input: ListFailuresInput) -> Result<Page<FailureRow>, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    let day = |text: &Option<String>| {
        text.as_deref().and_then(|t| chrono::NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").ok())
    };
    if day(&input.from).is_some() || day(&input.to).is_some() {
        let zone = ctx.site_zone().await?;
        let start = |d: chrono::NaiveDate| {
            lotline_store::queries::review::instant_text(lotline_domain::site_time::site_midnight(d, &zone))
        };
        if let Some(d) = day(&input.from) {
            input.from = Some(start(d));
        }
        if let Some(d) = day(&input.to) {
            input.to = Some(start(d));
        }
    }
    q::list_failures(&mut *ctx.read().await?, &input).await.map_err(store_error)
}

pub async fn get_failure(ctx: &Ctx, input: FailureNoInput) -> Result<FailureDetail, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    detail(ctx, input.failure_no.trim()).await
}

pub(crate) async fn detail(ctx: &Ctx, failure_no: &str) -> Result<FailureDetail, ApiError> {
    let mut conn = ctx.read().await?;
    let row = q::failure_row(&mut conn, failure_no).await?.ok_or_else(|| ApiError::not_found("failure", failure_no))?;
    let extras =
        q::failure_extras(&mut conn, failure_no).await?.ok_or_else(|| ApiError::not_found("failure", failure_no))?;
    let mut attachments = Vec::new();
    for id in &extras.record.attachment_ids {
        if let Some(a) = master::attachment(&mut conn, id).await? {
            attachments.push(a);
        }
    }
    let holds = match &row.lot_code {
        Some(lot) => q::holds(&mut conn, Some(lot)).await?,
        None => Vec::new(),
    };
    let lot_on_hold = holds.iter().any(|h| h.serials.is_empty());
    let held_serials: Vec<String> = holds
        .iter()
        .filter(|h| h.failure_no.as_deref() == Some(failure_no))
        .flat_map(|h| h.serials.iter().cloned())
        .collect();
    let lot_known = match &row.lot_code {
        Some(lot) => lotline_store::queries::lots::lot_row(&mut conn, lot).await?.is_some(),
        None => false,
    };
    let mut events = lotline_store::load_stream(&mut conn, "failure", failure_no).await?;
    // What was done about it elsewhere (reshipments) belongs to its history too.
    events.extend(super::reshipments::events_for_failure(&mut conn, failure_no).await?);
    events.sort_by_key(|e| e.seq);
    let names = q::user_names(&mut conn).await?;
    let lines = disposition_lines(&mut conn, failure_no).await?;
    let held: i64 = lines
        .iter()
        .map(|l| match l.status {
            LineStatus::Withdrawn => 0,
            LineStatus::Completed => l.qty_completed.unwrap_or(l.qty),
            LineStatus::Open | LineStatus::AwaitingApproval => l.qty,
        })
        .sum();
    let work_order_no = lotline_store::queries::production::work_order_of_failure(&mut conn, failure_no).await?;
    Ok(FailureDetail {
        work_order_no,
        unassigned: row.qty_failed - held,
        lines,
        description: extras.record.description.clone(),
        serials: extras.record.serials.clone(),
        accepted_serials: extras.record.accepted_serials.clone(),
        held_serials,
        reaction: events.iter().find_map(|e| match &e.event {
            Event::FailureLogged { reaction, .. } => reaction.clone(),
            _ => None,
        }),
        inspection: extras.record.inspection.clone(),
        attachments,
        disposition_note: extras.disposition_note,
        outcome: extras.outcome,
        reinspection_of: extras.reinspection_of,
        reinspections: extras.reinspections,
        rma_no: rq::rma_of_failure(&mut conn, failure_no).await?,
        lot_on_hold,
        lot_known,
        product_currency: master::product(&mut conn, &row.sku).await?.map(|p| p.product.currency),
        history: history_of(&events, &names),
        row,
    })
}

/// Loads a failure, lets `decide` turn the request into events, appends them, returns the detail.
pub(crate) async fn act_on(
    ctx: &Ctx,
    failure_no: &str,
    decide: impl FnOnce(&Failure) -> Result<Vec<Event>, ApiError>,
) -> Result<FailureDetail, ApiError> {
    let mut tx = ctx.begin().await?;
    let failure = load_failure(&mut tx, failure_no).await?;
    let events = decide(&failure)?;
    ctx.commit(tx, events).await?;
    detail(ctx, &failure.failure_no).await
}

pub async fn correct_failure(ctx: &Ctx, input: CorrectFailureInput) -> Result<FailureDetail, ApiError> {
    ctx.allowed(Permission::CorrectFailure)?;
    let mut tx = ctx.begin().await?;
    let failure = load_failure(&mut tx, &input.failure_no).await?;
    let (next, _) = failure::apply_changes(&failure.record, &input.changes);
    let mut v = Violations::default();
    let (product, category_active, _) = facts_for(&mut tx, &mut v, &next, &mut Known::default()).await?;
    let lot = lot_facts(&mut tx, &next).await?;
    v.into_result()?;
    let events =
        failure::decide_correct(&failure, &input.changes, &input.reason, &product, category_active, lot.as_ref())?;
    ctx.commit(tx, events).await?;
    detail(ctx, &failure.failure_no).await
}

pub async fn set_disposition(ctx: &Ctx, input: SetDispositionInput) -> Result<FailureDetail, ApiError> {
    ctx.allowed(Permission::ManageFailure)?;
    act_on(ctx, &input.failure_no, |f| failure::decide_set_disposition(f, input.disposition, &input.note)).await
}

pub async fn complete_disposition(ctx: &Ctx, input: CompleteDispositionInput) -> Result<FailureDetail, ApiError> {
    ctx.allowed(Permission::ManageFailure)?;
    act_on(ctx, &input.failure_no, |f| {
        failure::decide_complete(f, &input.outcome, input.qty, &input.note, input.cost_minor)
    })
    .await
}

pub async fn approve_deviation(ctx: &Ctx, input: ApproveDeviationInput) -> Result<FailureDetail, ApiError> {
    let actor = ctx.actor()?;
    let requested_by = {
        let mut conn = ctx.read().await?;
        let events = lotline_store::load_stream(&mut conn, "failure", input.failure_no.trim()).await?;
        events
            .iter()
            .rev()
            .find(|e| matches!(e.event, Event::FailureDispositionSet { .. }))
            .and_then(|e| e.actor_id.clone())
    };
    act_on(ctx, &input.failure_no, |f| {
        failure::decide_approve_deviation(f, &actor, &input.note, requested_by.as_deref())
    })
    .await
}

pub async fn add_checklist_item(ctx: &Ctx, input: AddChecklistItemInput) -> Result<ChecklistItem, ApiError> {
    ctx.allowed(Permission::ManageFailure)?;
    let text = input.text.trim().to_owned();
    let mut v = Violations::default();
    v.required("text", &text);
    v.max_len("text", &text, lotline_domain::limits::LINE);
    let mut tx = ctx.begin().await?;
    let sku = input.sku.trim().to_owned();
    if master::product(&mut tx, &sku).await?.is_none() {
        v.push(FieldError::new("sku", "error.failure.unknown_sku").with("sku", &sku));
    }
    if let Some(no) = &input.failure_no
        && load_failure(&mut tx, no).await.is_err()
    {
        v.push(FieldError::new("failure_no", "error.failure.unknown_failure").with("failure_no", no));
    }
    v.into_result()?;
    let existing = q::checklist(&mut tx, &sku).await?;
    if existing.iter().any(|item| item.text.eq_ignore_ascii_case(&text)) {
        return Err(ApiError::field(FieldError::new("text", "error.checklist.duplicate")));
    }
    let id = uuid::Uuid::now_v7().to_string();
    let event =
        Event::ChecklistItemAdded { id: id.clone(), sku: sku.clone(), text, source_failure_no: input.failure_no };
    ctx.commit(tx, vec![event]).await?;
    let items = q::checklist(&mut *ctx.read().await?, &sku).await?;
    items.into_iter().find(|item| item.id == id).ok_or_else(|| ApiError::internal("checklist item vanished"))
}

pub async fn get_checklist(ctx: &Ctx, input: SkuInput) -> Result<Vec<ChecklistItem>, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    q::checklist(&mut *ctx.read().await?, input.sku.trim()).await.map_err(store_error)
}

pub async fn list_holds(ctx: &Ctx, _: Empty) -> Result<Vec<HoldView>, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    q::holds(&mut *ctx.read().await?, None).await.map_err(store_error)
}
