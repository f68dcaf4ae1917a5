//! Holds placed and lifted by hand, and recalls from start to closure.

use lotline_domain::lots::{self as lots, Recall, RecallOpening, check_recall_reason, normalise_lot_code};
use lotline_domain::people::Permission;
use lotline_domain::{ApiError, Event};
use lotline_store::queries::lots::{self as q, RecallCustomer, RecallRow};
use lotline_store::queries::{failures as fq, people};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::recall::scope_of;
use super::{LotDetail, detail};
use crate::acts::history::{HistoryEntry, history_of};
use crate::context::{Ctx, store_error};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HoldLotInput {
    pub lot_code: String,
    pub reason: String,
    /// Set the stock apart as well (quarantine), not only stop it.
    #[serde(default)]
    pub quarantine: bool,
}

/// Puts a lot on hold or in quarantine by hand (a QC failure on a lot holds it by itself).
pub async fn hold_lot(ctx: &Ctx, input: HoldLotInput) -> Result<LotDetail, ApiError> {
    ctx.allowed(Permission::HoldLots)?;
    let code = normalise_lot_code(&input.lot_code);
    lots::check_note("reason", &input.reason)?;
    let mut tx = ctx.begin().await?;
    let row = q::lot_row(&mut tx, &code).await?.ok_or_else(|| ApiError::not_found("lot", &code))?;
    let event = Event::LotHoldPlaced {
        lot_code: code.clone(),
        sku: row.sku,
        vendor_code: row.vendor_code,
        reason: input.reason.trim().to_owned(),
        failure_no: String::new(),
        quarantine: input.quarantine,
        serials: Vec::new(),
    };
    ctx.commit(tx, vec![event]).await?;
    detail(ctx, &code).await
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MoveLotInput {
    pub lot_code: String,
    pub to_location: String,
}

/// Moves what is left of a lot to another location (to move part of it, split it first). A held
/// lot stays where it is; an expired one may move, to quarantine say.
pub async fn move_lot(ctx: &Ctx, input: MoveLotInput) -> Result<LotDetail, ApiError> {
    ctx.allowed(Permission::RecordLots)?;
    let code = normalise_lot_code(&input.lot_code);
    let to = input.to_location.trim().to_uppercase();
    let mut v = lotline_domain::error::Violations::default();
    v.required("to_location", &to);
    v.max_len("to_location", &to, 40);
    v.into_result()?;
    let mut tx = ctx.begin().await?;
    crate::acts::locations::check_usable(&mut tx, "to_location", &to).await?;
    let facts = q::facts_by_code(&mut tx, &[code.as_str()]).await?;
    let Some(lot) = facts.get(&code).filter(|f| f.received) else {
        return Err(ApiError::field(
            lotline_domain::error::FieldError::new("lot_code", "error.lot.unknown_lot").with("value", &code),
        ));
    };
    let from = lot.location.clone().unwrap_or_default();
    if from == to {
        return Err(ApiError::field(
            lotline_domain::error::FieldError::new("to_location", "error.lot.same_location").with("location", &to),
        ));
    }
    let holds = q::active_holds(&mut tx).await?.remove(&code).unwrap_or_default();
    let standing = lots::LotStanding {
        lot_code: code.clone(),
        status: lot.status,
        expiry_date: lot.expiry_date,
        on_hand: lot.on_hand,
        holds,
    };
    let today = crate::clock::site_day_in(&mut tx, ctx.now()).await?.today;
    lots::check_movable(&standing, lots::Movement::Move, 0, today, "lot_code")?;
    let event = Event::LotMoved { lot_code: code.clone(), from_location: from, to_location: to, qty: lot.on_hand };
    ctx.commit(tx, vec![event]).await?;
    detail(ctx, &code).await
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReleaseHoldInput {
    pub lot_code: String,
    /// Why the lot may move again (found good, reworked, …).
    pub note: String,
    /// The hold to lift (its `hold_ref`); every hold in force on the lot when absent.
    #[serde(default)]
    pub hold_ref: Option<String>,
}

/// Lifts one hold on a lot, or all of them: the quality lead's decision. The lot moves again
/// only once no hold is left on it.
pub async fn release_hold(ctx: &Ctx, input: ReleaseHoldInput) -> Result<LotDetail, ApiError> {
    ctx.allowed(Permission::ReleaseHolds)?;
    let code = normalise_lot_code(&input.lot_code);
    lots::check_note("note", &input.note)?;
    let mut tx = ctx.begin().await?;
    let holds = fq::holds(&mut tx, Some(&code)).await?;
    if holds.is_empty() {
        return Err(ApiError::conflict("error.lot.no_hold").with("lot", &code));
    }
    let lifted: Vec<_> = match &input.hold_ref {
        Some(wanted) => {
            let hold = holds.iter().find(|h| h.hold_ref.as_ref() == Some(wanted));
            vec![hold.ok_or_else(|| ApiError::conflict("error.lot.hold_not_found").with("lot", &code))?]
        }
        None => holds.iter().collect(),
    };
    // A recall decides about its lots: releasing one while the recall is open would let recalled
    // stock ship by a side door.
    for recall_no in lifted.iter().filter_map(|h| h.recall_no.as_deref()) {
        let open = q::recall_row(&mut tx, recall_no).await?.is_some_and(|r| r.status == lots::RecallStatus::Open);
        if open {
            return Err(ApiError::conflict("error.lot.held_by_open_recall")
                .with("lot", &code)
                .with("recall_no", recall_no));
        }
    }
    // The event names every hold it lifts, so a hold placed elsewhere and merged in later stays.
    // A hold from before holds were named by their event has no name: such a release keeps the
    // old meaning, every hold in force.
    let holds = lifted.iter().map(|h| h.hold_ref.clone()).collect::<Option<Vec<_>>>().unwrap_or_default();
    let event = Event::LotHoldReleased {
        lot_code: code.clone(),
        note: input.note.trim().to_owned(),
        hold: input.hold_ref,
        holds,
    };
    ctx.commit(tx, vec![event]).await?;
    detail(ctx, &code).await
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StartRecallInput {
    pub lot_codes: Vec<String>,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecallDetail {
    #[serde(flatten)]
    pub row: RecallRow,
    pub customers: Vec<RecallCustomer>,
    pub history: Vec<HistoryEntry>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecallNoInput {
    pub recall_no: String,
}

/// Starts a recall: every in-stock lot in scope goes on hold in this one act.
pub async fn start_recall(ctx: &Ctx, input: StartRecallInput) -> Result<RecallDetail, ApiError> {
    ctx.allowed(Permission::ReleaseHolds)?;
    check_recall_reason(&input.reason)?;
    // The write lock first: nobody can link, ship or move a lot in scope between the scope and
    // the holds, so the recorded scope is the true one.
    let mut tx = ctx.begin().await?;
    let (scope, in_stock) = scope_of(ctx, &input.lot_codes).await?;
    let settings = people::settings(&mut tx).await?.ok_or_else(|| ApiError::conflict("error.setup.needed"))?;
    let recall_no = crate::acts::numbers::issue(&mut tx, "RC", &settings.site_code).await?;
    let opening = RecallOpening {
        recall_no: recall_no.clone(),
        lot_codes: scope.roots,
        reason: input.reason.trim().to_owned(),
        lots_in_scope: scope.lots,
        held: in_stock,
        customers: scope.customers.into_iter().map(|c| c.customer_code).collect(),
    };
    ctx.commit(tx, vec![Event::RecallStarted(Box::new(opening))]).await?;
    recall_detail(ctx, &recall_no).await
}

async fn load(conn: &mut sqlx::SqliteConnection, recall_no: &str) -> Result<Recall, ApiError> {
    // Typed or scanned in any case, as every other number Lotline prints.
    let recall_no = recall_no.trim().to_uppercase();
    let events = lotline_store::load_stream(conn, "recall", &recall_no).await?;
    events
        .iter()
        .fold(None, |state, stored| Recall::evolve(state, &stored.event))
        .ok_or_else(|| ApiError::not_found("recall", &recall_no))
}

pub(crate) async fn recall_detail(ctx: &Ctx, recall_no: &str) -> Result<RecallDetail, ApiError> {
    let recall_no = &recall_no.trim().to_uppercase();
    let mut conn = ctx.read().await?;
    let row = q::recall_row(&mut conn, recall_no).await?.ok_or_else(|| ApiError::not_found("recall", recall_no))?;
    let events = lotline_store::load_stream(&mut conn, "recall", recall_no).await?;
    let names = fq::user_names(&mut conn).await?;
    Ok(RecallDetail {
        customers: q::recall_customers(&mut conn, recall_no).await?,
        history: history_of(&events, &names),
        row,
    })
}

pub async fn get_recall(ctx: &Ctx, input: RecallNoInput) -> Result<RecallDetail, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    recall_detail(ctx, input.recall_no.trim()).await
}

pub async fn list_recalls(ctx: &Ctx, _: crate::acts::Empty) -> Result<Vec<RecallRow>, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    q::list_recalls(&mut *ctx.read().await?).await.map_err(store_error)
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecallNotifiedInput {
    pub recall_no: String,
    pub customer_code: String,
}

/// Records that a customer of the recall was told.
pub async fn recall_customer_notified(ctx: &Ctx, input: RecallNotifiedInput) -> Result<RecallDetail, ApiError> {
    ctx.allowed(Permission::ReleaseHolds)?;
    let mut tx = ctx.begin().await?;
    let recall = load(&mut tx, &input.recall_no).await?;
    let events = lots::decide_notified(&recall, &input.customer_code)?;
    ctx.commit(tx, events).await?;
    recall_detail(ctx, &recall.opening.recall_no).await
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CloseRecallInput {
    pub recall_no: String,
    pub note: String,
}

pub async fn close_recall(ctx: &Ctx, input: CloseRecallInput) -> Result<RecallDetail, ApiError> {
    ctx.allowed(Permission::ReleaseHolds)?;
    let mut tx = ctx.begin().await?;
    let recall = load(&mut tx, &input.recall_no).await?;
    let events = lots::decide_close(&recall, &input.note)?;
    ctx.commit(tx, events).await?;
    recall_detail(ctx, &recall.opening.recall_no).await
}

/// The customers of a recall as CSV, to send the letters from.
pub async fn recall_customers_csv(
    ctx: &Ctx,
    input: RecallNoInput,
) -> Result<crate::acts::exports::ExportOutput, ApiError> {
    ctx.allowed(Permission::ExportCustomerContacts)?;
    let detail = recall_detail(ctx, input.recall_no.trim()).await?;
    let rows = detail.customers.into_iter().map(|c| {
        vec![
            c.customer_code,
            c.name.unwrap_or_default(),
            c.email.unwrap_or_default(),
            c.phone.unwrap_or_default(),
            c.address.unwrap_or_default().replace('\n', ", "),
            crate::acts::exports::opt_at(c.notified_at),
        ]
    });
    let columns = ["customer_code", "name", "email", "phone", "address", "notified_at"];
    let csv = crate::acts::exports::write_rows(&columns, rows)?;
    Ok(crate::acts::exports::ExportOutput { file_name: format!("{}-customers.csv", detail.row.recall_no), csv })
}
