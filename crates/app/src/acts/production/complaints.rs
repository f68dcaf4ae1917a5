//! Complaints: a customer reports a problem and keeps the goods. Opened from a customer, an
//! order, a lot or a work order, investigated, and closed with its outcome; a complaint on a
//! vendor's lot counts in that vendor's scorecard unless it closes as unfounded.

use lotline_domain::error::{FieldError, Violations};
use lotline_domain::lots::normalise_lot_code;
use lotline_domain::people::Permission;
use lotline_domain::production::{
    self as p, Complaint, ComplaintOpening, ComplaintOutcome, ComplaintReport, ComplaintStatus,
};
use lotline_domain::{ApiError, Event};
use lotline_store::queries::production::{self as q, ComplaintFilter, ComplaintRow};
use lotline_store::queries::{failures as fq, lots as lq, master, people};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::given;
use crate::acts::history::{HistoryEntry, history_of};
use crate::context::{Ctx, store_error};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OpenComplaintInput {
    /// YYYY-MM-DD; today when not given.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub received_on: Option<String>,
    #[serde(flatten)]
    pub report: ComplaintReport,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ComplaintNoInput {
    pub complaint_no: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AdvanceComplaintInput {
    pub complaint_no: String,
    pub to: ComplaintStatus,
    /// Closing only.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub outcome: Option<ComplaintOutcome>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ComplaintDetail {
    #[serde(flatten)]
    pub row: ComplaintRow,
    /// Whether it counts in its vendor's scorecard.
    pub counts_for_vendor: bool,
    pub history: Vec<HistoryEntry>,
}

/// Opens a complaint. What it names must exist and agree: an order's customer is the
/// customer's, a lot's product the SKU; the vendor is the lot's (or the work order's output
/// lot's), fixed now so every desk counts it against the same vendor.
pub async fn open_complaint(ctx: &Ctx, input: OpenComplaintInput) -> Result<ComplaintDetail, ApiError> {
    ctx.allowed(Permission::RecordComplaints)?;
    let today = ctx.today().await?;
    let given_report = &input.report;
    let mut opening = ComplaintOpening {
        complaint_no: String::new(),
        received_on: given(&input.received_on).unwrap_or_else(|| today.format("%Y-%m-%d").to_string()),
        report: ComplaintReport {
            customer_code: given(&given_report.customer_code),
            order_no: given(&given_report.order_no),
            lot_code: given(&given_report.lot_code).map(|l| normalise_lot_code(&l)),
            work_order_no: given(&given_report.work_order_no).map(|n| n.to_uppercase()),
            sku: given(&given_report.sku),
            qty_affected: given_report.qty_affected,
            description: given_report.description.trim().to_owned(),
            severity: given_report.severity,
        },
        vendor_code: None,
    };
    p::check_complaint_opening(&opening, today)?;
    let mut tx = ctx.begin().await?;
    let mut v = Violations::default();
    if let Some(order_no) = &opening.report.order_no {
        match master::order(&mut tx, order_no).await? {
            None => v.push(FieldError::new("order_no", "error.complaint.unknown_order").with("value", order_no)),
            Some(order) => match &opening.report.customer_code {
                Some(c) if *c != order.customer_code => v.push(
                    FieldError::new("order_no", "error.lot.order_other_customer")
                        .with("order_no", order_no)
                        .with("customer", &order.customer_code),
                ),
                _ => opening.report.customer_code = Some(order.customer_code),
            },
        }
    }
    if let Some(code) = &opening.report.customer_code
        && master::customer(&mut tx, code).await?.is_none()
    {
        v.push(FieldError::new("customer_code", "error.lot.unknown_customer").with("value", code));
    }
    if let Some(no) = &opening.report.work_order_no {
        match q::work_order_row(&mut tx, no).await? {
            None => v.push(FieldError::new("work_order_no", "error.work_order.unknown").with("work_order_no", no)),
            Some(order) => {
                if opening.report.lot_code.is_none() {
                    opening.report.lot_code = Some(order.output_lot_code);
                }
                opening.report.sku.get_or_insert(order.sku);
            }
        }
    }
    if let Some(code) = &opening.report.lot_code {
        match lq::lot_row(&mut tx, code).await? {
            // A lot named by the customer but unknown here is kept as typed; it names no vendor.
            None if input.report.lot_code.is_some() => {
                v.push(FieldError::new("lot_code", "error.lot.unknown_lot").with("value", code));
            }
            None => {}
            Some(lot) => {
                if opening.report.sku.as_ref().is_some_and(|s| *s != lot.sku) {
                    v.push(FieldError::new("sku", "error.complaint.not_the_lots_sku").with("sku", &lot.sku));
                }
                opening.report.sku = Some(lot.sku);
                opening.vendor_code = Some(lot.vendor_code).filter(|v| !v.is_empty());
            }
        }
    }
    if let Some(sku) = &opening.report.sku
        && master::product(&mut tx, sku).await?.is_none()
    {
        v.push(FieldError::new("sku", "error.lot.unknown_sku").with("value", sku));
    }
    v.into_result()?;
    let settings = people::settings(&mut tx).await?.ok_or_else(|| ApiError::conflict("error.setup.needed"))?;
    opening.complaint_no = crate::acts::numbers::issue(&mut tx, "CP", &settings.site_code).await?;
    let no = opening.complaint_no.clone();
    ctx.commit(tx, vec![Event::ComplaintOpened(Box::new(opening))]).await?;
    complaint_detail(ctx, &no).await
}

async fn load(conn: &mut sqlx::SqliteConnection, no: &str) -> Result<Complaint, ApiError> {
    let events = lotline_store::load_stream(conn, "complaint", no).await?;
    events
        .iter()
        .fold(None, |state, stored| Complaint::evolve(state, &stored.event))
        .ok_or_else(|| ApiError::not_found("complaint", no))
}

pub async fn advance_complaint(ctx: &Ctx, input: AdvanceComplaintInput) -> Result<ComplaintDetail, ApiError> {
    ctx.allowed(Permission::RecordComplaints)?;
    let no = input.complaint_no.trim().to_uppercase();
    let mut tx = ctx.begin().await?;
    let complaint = load(&mut tx, &no).await?;
    ctx.commit(tx, p::decide_advance_complaint(&complaint, input.to, input.outcome, &input.note)?).await?;
    complaint_detail(ctx, &no).await
}

async fn complaint_detail(ctx: &Ctx, no: &str) -> Result<ComplaintDetail, ApiError> {
    let no = no.trim().to_uppercase();
    let mut conn = ctx.read().await?;
    let row = q::complaint_row(&mut conn, &no).await?.ok_or_else(|| ApiError::not_found("complaint", &no))?;
    let events = lotline_store::load_stream(&mut conn, "complaint", &no).await?;
    let names = fq::user_names(&mut conn).await?;
    Ok(ComplaintDetail {
        counts_for_vendor: row.vendor_code.is_some() && Complaint::counts(row.status, row.outcome),
        history: history_of(&events, &names),
        row,
    })
}

pub async fn get_complaint(ctx: &Ctx, input: ComplaintNoInput) -> Result<ComplaintDetail, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    complaint_detail(ctx, &input.complaint_no).await
}

pub async fn list_complaints(ctx: &Ctx, input: ComplaintFilter) -> Result<Vec<ComplaintRow>, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    let filter = ComplaintFilter {
        status: input.status,
        customer_code: given(&input.customer_code),
        order_no: given(&input.order_no),
        lot_code: given(&input.lot_code).map(|l| normalise_lot_code(&l)),
        work_order_no: given(&input.work_order_no).map(|n| n.to_uppercase()),
        vendor_code: given(&input.vendor_code),
    };
    q::list_complaints(&mut *ctx.read().await?, &filter).await.map_err(store_error)
}
