//! Lots: receipts, what went into what, shipments, holds, and traces over the genealogy. The
//! rules live in `lotline_domain::lots`; the graph a trace walks is the store's `LotIndex`.

mod bom;
mod checks;
mod label;
mod pick;
mod recall;
mod recalls;
mod record;
mod report;
mod serials;
mod trace;

use lotline_domain::ApiError;
use lotline_domain::gs1::Gs1Data;
use lotline_domain::people::Permission;
use lotline_store::queries::Page;
use lotline_store::queries::failures::{self as fq, HoldView};
use lotline_store::queries::lots::{self as q, ListLotsInput, LotLinkView, LotRow, LotShipmentView};
use lotline_store::queries::serials as sq;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use bom::{AssembleKitInput, BomInput, BomView, KitComponent, SkuBomInput, assemble_kit, get_bom, save_bom};
pub(crate) use bom::{BillRule, MadeFields, check_made};
pub(crate) use checks::{LotChecks, item_lots, refuse_cycles, standing_of};
pub use label::{LotLabelsInput, lot_labels};
pub use pick::{NEAR_EXPIRY_DAYS, PickInput, PickLot, PickSuggestion, pick_suggestion};
pub use recall::{RecallScope, RecallScopeInput, ScopeLot, StockAt, recall_scope};
pub use recalls::{
    CloseRecallInput, HoldLotInput, RecallDetail, RecallNoInput, RecallNotifiedInput, ReleaseHoldInput,
    StartRecallInput, close_recall, get_recall, hold_lot, list_recalls, recall_customer_notified, recall_customers_csv,
    release_hold, start_recall,
};
pub use recalls::{MoveLotInput, move_lot};
pub use record::{LinkLotsInput, link_lots, receive_lot, ship_lot};
pub use report::{RecallReportInput, TraceReportInput, recall_report_pdf, trace_report_pdf};
pub(crate) use serials::check_serials;
pub use serials::{RecordSerialsInput, record_serials};
pub use trace::{TraceCustomer, TraceInput, TraceLot, TraceOrder, TraceResult, trace_lot};

use super::history::{HistoryEntry, history_of};
use crate::context::Ctx;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LotCodeInput {
    pub lot_code: String,
}

/// Everything the lot screen shows.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LotDetail {
    #[serde(flatten)]
    pub row: LotRow,
    /// What went into this lot, and what was made from it.
    pub inputs: Vec<LotLinkView>,
    pub outputs: Vec<LotLinkView>,
    pub shipments: Vec<LotShipmentView>,
    pub holds: Vec<HoldView>,
    pub failure_nos: Vec<String>,
    pub rma_nos: Vec<String>,
    /// The lot's GS1 element string and Digital Link, when its product has a GTIN.
    pub gs1_element_string: Option<String>,
    pub digital_link: Option<String>,
    /// Whether the product's units carry serial numbers; then the lot's first serials, and how
    /// many it holds.
    pub serial_tracked: bool,
    pub serials: Vec<String>,
    pub serial_count: i64,
    /// The lot's stock sold as new (`on_hand`) split: what may ship now, and what holds keep
    /// (all of it under a hold on the whole lot, else the serials held on their own not shipped).
    pub sellable: i64,
    pub on_hold: i64,
    /// Returned units of the lot kept apart from its stock sold as new: refurbished or open-box
    /// (B-stock), and waiting in the refurbishment queue.
    pub b_stock: i64,
    pub awaiting_refurbishment: i64,
    pub history: Vec<HistoryEntry>,
}

/// The GS1 data of a lot: its product's GTIN, the lot code and the expiry date.
pub(crate) fn gs1_of(row: &LotRow) -> Option<Gs1Data> {
    let gtin = row.gtin.as_deref()?;
    let mut data = Gs1Data::new(gtin).ok()?.with_lot(&row.lot_code).ok()?;
    if let Some(expiry) = row.expiry_date.as_deref().and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    {
        data = data.with_expiry(expiry).ok()?;
    }
    Some(data)
}

/// The status the row shows today (expired is a date's doing, not stored).
fn shown_status(row: &LotRow, today: chrono::NaiveDate) -> lotline_domain::lots::LotStatus {
    let expiry = row.expiry_date.as_deref().and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    lotline_domain::lots::status_on(row.status, expiry, row.on_hand, today)
}

/// Enough serials to check by eye; the rest are counted (and exported).
const SERIALS_SHOWN: i64 = 500;

pub(crate) async fn detail(ctx: &Ctx, lot_code: &str) -> Result<LotDetail, ApiError> {
    let mut conn = ctx.read().await?;
    let code = lotline_domain::lots::normalise_lot_code(lot_code);
    let mut row = q::lot_row(&mut conn, &code).await?.ok_or_else(|| ApiError::not_found("lot", &code))?;
    row.status = shown_status(&row, crate::clock::site_day_in(&mut conn, ctx.now()).await?.today);
    let events = lotline_store::load_stream(&mut conn, "lot", &code).await?;
    let names = fq::user_names(&mut conn).await?;
    let (failures, rmas) = q::related_records(&mut conn, &[code.as_str()]).await?;
    let gs1 = gs1_of(&row);
    let (serials, serial_count) = sq::of_lot(&mut conn, &code, SERIALS_SHOWN).await?;
    let product = lotline_store::queries::master::product(&mut conn, &row.sku).await?;
    let (b_stock, awaiting_refurbishment) = lotline_store::queries::returns::b_stock_of_lot(&mut conn, &code).await?;
    let on_hand = row.on_hand.max(0);
    let on_hold = if row.active_holds > 0 {
        on_hand
    } else {
        let held = q::held_units(&mut conn, &[code.as_str()]).await?;
        (held.get(&code).map_or(0, Vec::len) as i64).min(on_hand)
    };
    Ok(LotDetail {
        sellable: on_hand - on_hold,
        on_hold,
        b_stock,
        awaiting_refurbishment,
        serial_tracked: product.is_some_and(|p| p.product.serial_tracked),
        serials,
        serial_count,
        inputs: q::links_of(&mut conn, &code, true).await?,
        outputs: q::links_of(&mut conn, &code, false).await?,
        shipments: q::shipments_of(&mut conn, &code).await?,
        holds: fq::holds(&mut conn, Some(&code)).await?,
        failure_nos: failures.into_iter().map(|(no, _)| no).collect(),
        rma_nos: rmas.into_iter().map(|(no, _)| no).collect(),
        gs1_element_string: gs1.as_ref().map(Gs1Data::element_string),
        digital_link: gs1.as_ref().map(Gs1Data::digital_link),
        history: history_of(&events, &names),
        row,
    })
}

pub async fn get_lot(ctx: &Ctx, input: LotCodeInput) -> Result<LotDetail, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    detail(ctx, &input.lot_code).await
}

pub async fn list_lots(ctx: &Ctx, input: ListLotsInput) -> Result<Page<LotRow>, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    let today = ctx.today().await?;
    let mut page = q::list_lots(&mut *ctx.read().await?, &input, &today.to_string()).await?;
    for row in &mut page.rows {
        row.status = shown_status(row, today);
    }
    Ok(page)
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VendorCodeInput {
    pub vendor_code: String,
}

/// Supplier quality per lot, as the vendor's page shows it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VendorLotQuality {
    pub vendor_code: String,
    pub lots: Vec<q::LotQuality>,
    pub lots_with_failures: i64,
    pub qty_inspected: i64,
    pub qty_failed: i64,
    /// Failed of inspected over all the vendor's lots, in hundredths of a percent (None when
    /// nothing was inspected).
    pub failure_rate_bps: Option<i64>,
}

pub async fn vendor_lot_quality(ctx: &Ctx, input: VendorCodeInput) -> Result<VendorLotQuality, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    let code = input.vendor_code.trim().to_owned();
    let lots = q::vendor_lot_quality(&mut *ctx.read().await?, &code).await?;
    let qty_inspected: i64 = lots.iter().map(|l| l.qty_inspected).sum();
    let qty_failed: i64 = lots.iter().map(|l| l.qty_failed).sum();
    Ok(VendorLotQuality {
        vendor_code: code,
        lots_with_failures: lots.iter().filter(|l| l.failures > 0).count() as i64,
        failure_rate_bps: (qty_inspected > 0).then(|| (qty_failed * 10_000 + qty_inspected / 2) / qty_inspected),
        qty_inspected,
        qty_failed,
        lots,
    })
}
