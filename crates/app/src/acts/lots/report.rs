//! Printable trace and recall-scope reports: what a quality lead files and sends on.

use lotline_documents::{ReportCustomer, ReportLot, ReportOrder, ReportStock, TraceReport, TraceReportKind};
use lotline_domain::ApiError;
use lotline_domain::lots::Direction;
use lotline_domain::people::{Language, Permission};
use lotline_store::queries::lots as q;
use lotline_store::queries::people;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::recall::scope_of;
use super::trace::{TraceInput, trace_lot};
use crate::acts::documents::{PdfFile, document_error, reader_language};
use crate::context::Ctx;

/// The summary boxes' labels, in the reader's language, from the documents catalogue.
fn words(language: Language) -> [String; 5] {
    ["lots_in_scope", "lots_in_stock", "orders", "customers", "shipped"]
        .map(|key| lotline_documents::document_text(language.as_str(), &format!("documents.trace_report.figure.{key}")))
}

async fn heading(ctx: &Ctx, language: Option<Language>) -> Result<(Language, String, String), ApiError> {
    let actor = ctx.actor()?;
    let mut conn = ctx.read().await?;
    let language = reader_language(&mut conn, &actor, language).await?;
    let company = people::settings(&mut conn).await?.map(|s| s.company_name).unwrap_or_default();
    Ok((language, company, ctx.now().format("%Y-%m-%d %H:%M UTC").to_string()))
}

fn pdf(report: &TraceReport, name: String) -> Result<PdfFile, ApiError> {
    let bytes = lotline_documents::trace_report(report).map_err(document_error)?;
    Ok(PdfFile::new(name, &bytes))
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TraceReportInput {
    pub lot_code: String,
    pub direction: Direction,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub language: Option<Language>,
}

pub async fn trace_report_pdf(ctx: &Ctx, input: TraceReportInput) -> Result<PdfFile, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    let trace = trace_lot(ctx, TraceInput { lot_code: input.lot_code, direction: input.direction }).await?;
    let (language, company, generated_at) = heading(ctx, input.language).await?;
    let [in_scope, _, orders, customers, shipped] = words(language);
    let report = TraceReport {
        kind: if trace.direction == Direction::Forward { TraceReportKind::Forward } else { TraceReportKind::Backward },
        reference: trace.root.clone(),
        company,
        generated_at,
        roots: vec![trace.root.clone()],
        reason: None,
        summary: vec![
            (in_scope, trace.lots.len().to_string()),
            (orders, trace.orders.len().to_string()),
            (customers, trace.customers.len().to_string()),
            (shipped, trace.orders.iter().map(|o| o.qty).sum::<i64>().to_string()),
        ],
        lots: trace
            .lots
            .iter()
            .map(|l| ReportLot {
                depth: l.depth,
                lot_code: l.lot_code.to_string(),
                // A work order's link reads through it: "C-001 / WO-AMS1-000001".
                via: match &l.work_order_no {
                    Some(no) => format!("{} / {no}", l.via),
                    None => l.via.to_string(),
                },
                sku: l.sku.to_string(),
                qty_text: format!("{} {}", l.qty, l.unit),
                status: l.status.as_str().replace('_', " "),
                on_hand_text: format!("{} {}", l.on_hand, l.unit),
                location: l.location.as_deref().unwrap_or_default().to_owned(),
            })
            .collect(),
        stock: Vec::new(),
        customers: trace
            .customers
            .iter()
            .map(|c| ReportCustomer {
                code: c.customer_code.clone(),
                name: c.name.clone().unwrap_or_default(),
                email: c.email.clone().unwrap_or_default(),
                phone: c.phone.clone().unwrap_or_default(),
                orders: c.orders,
                qty_text: c.qty.to_string(),
            })
            .collect(),
        orders: trace
            .orders
            .iter()
            .map(|o| ReportOrder {
                order_no: o.order_no.clone(),
                customer: o.customer_code.clone(),
                lots: o.lots.join(", "),
                qty_text: o.qty.to_string(),
            })
            .collect(),
        language: language.as_str().to_owned(),
    };
    let direction = if trace.direction == Direction::Forward { "forward" } else { "backward" };
    pdf(&report, format!("trace-{direction}-{}.pdf", trace.root))
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecallReportInput {
    /// The lots a recall would start from; ignored when `recall_no` names a started recall.
    #[serde(default)]
    pub lot_codes: Vec<String>,
    /// A started recall: the report shows what it recorded (its lots, reason, scope and
    /// customers as they were when it started) beside the stock as it is now.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub recall_no: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub language: Option<Language>,
}

/// The recall scope of lots as a report. Only the first in-stock lots are listed by name (the
/// scope counts the rest).
pub async fn recall_report_pdf(ctx: &Ctx, input: RecallReportInput) -> Result<PdfFile, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    let recall = match input.recall_no.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        Some(no) => {
            let mut conn = ctx.read().await?;
            let row = q::recall_row(&mut conn, no).await?;
            let row = row.ok_or_else(|| ApiError::not_found("recall", no))?;
            let customers = q::recall_customers(&mut conn, no).await?;
            Some((row, customers))
        }
        None => None,
    };
    let codes = recall.as_ref().map_or(&input.lot_codes, |(row, _)| &row.lot_codes);
    let (mut scope, _) = scope_of(ctx, codes).await?;
    let (language, company, generated_at) = heading(ctx, input.language).await?;
    let [in_scope, in_stock, orders, customers, shipped] = words(language);
    let (reference, reason, lots_in_scope, lots_in_stock) = match &recall {
        Some((row, recorded)) => {
            // The customers the recall set out to contact, whether or not today's scope has them.
            scope.customers.retain(|c| recorded.iter().any(|r| r.customer_code == c.customer_code));
            let missing: Vec<_> = recorded
                .iter()
                .filter(|r| !scope.customers.iter().any(|c| c.customer_code == r.customer_code))
                .collect();
            for r in missing {
                scope.customers.push(super::TraceCustomer {
                    customer_code: r.customer_code.clone(),
                    name: r.name.clone(),
                    email: r.email.clone(),
                    phone: r.phone.clone(),
                    orders: 0,
                    qty: 0,
                });
            }
            (row.recall_no.clone(), Some(row.reason.clone()), row.lots_in_scope, row.held)
        }
        None => (scope.roots.join(", "), None, scope.lots, scope.in_stock_lots),
    };
    let report = TraceReport {
        kind: TraceReportKind::Recall,
        reference: reference.clone(),
        company,
        generated_at,
        roots: scope.roots.clone(),
        reason,
        summary: vec![
            (in_scope, lots_in_scope.to_string()),
            (in_stock, lots_in_stock.to_string()),
            (orders, scope.orders.to_string()),
            (customers, scope.customers.len().to_string()),
            (shipped, scope.shipped_qty.to_string()),
        ],
        lots: scope
            .in_stock_listed
            .iter()
            .map(|l| ReportLot {
                depth: l.depth,
                lot_code: l.lot_code.clone(),
                via: String::new(),
                sku: l.sku.clone(),
                qty_text: String::new(),
                status: l.status.as_str().replace('_', " "),
                on_hand_text: format!("{} {}", l.on_hand, l.unit),
                location: l.location.clone().unwrap_or_default(),
            })
            .collect(),
        stock: scope
            .in_stock
            .iter()
            .map(|s| ReportStock {
                location: s.location.clone(),
                lots: s.lots,
                qty_text: format!("{} {}", s.qty, s.unit),
            })
            .collect(),
        customers: scope
            .customers
            .iter()
            .map(|c| ReportCustomer {
                code: c.customer_code.clone(),
                name: c.name.clone().unwrap_or_default(),
                email: c.email.clone().unwrap_or_default(),
                phone: c.phone.clone().unwrap_or_default(),
                orders: c.orders,
                qty_text: c.qty.to_string(),
            })
            .collect(),
        orders: Vec::new(),
        language: language.as_str().to_owned(),
    };
    let name = format!("recall-{}.pdf", reference.replace(", ", "-"));
    pdf(&report, name)
}
