//! The printable trace and recall report: what a quality department files, sends to an auditor
//! or works through on the phone when a lot goes wrong. One lot (or several) at the top, what the
//! trace found in figures, then the tables the work is done from: stock still on hand by
//! location, the customers to contact, the orders that shipped the lots and every lot in scope.
//!
//! The caller has done the tracing and the formatting (quantities with their units, dates in the
//! reader's style, statuses in the reader's words); this module only lays the report out.

mod draw;

use crate::error::DocumentError;

/// Which question the report answers; it decides the title and which sections show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TraceReportKind {
    /// Where the lots went: lots made from them, orders, customers.
    #[default]
    Forward,
    /// Where the lots came from. Customers and orders show only if the caller gives any.
    Backward,
    /// A recall: a forward trace plus the stock still on hand, which always shows.
    Recall,
}

/// Everything a trace or recall report shows, already in the words the reader should see, except
/// the fixed labels, which come from the document catalogue in `language`.
#[derive(Clone, Debug, Default)]
pub struct TraceReport {
    pub kind: TraceReportKind,
    /// The recall number ("RC-AMS1-000001") or, for a trace, the root lot's code.
    pub reference: String,
    /// Our company, printed at the top.
    pub company: String,
    /// When the report was made, already formatted for the reader.
    pub generated_at: String,
    /// The lot(s) traced or recalled.
    pub roots: Vec<String>,
    /// Why the lots are recalled; not printed when empty.
    pub reason: Option<String>,
    /// Facts the caller computed, as (label, value), already translated: ("Lots in scope", "4").
    pub summary: Vec<(String, String)>,
    pub lots: Vec<ReportLot>,
    /// Stock still on hand, by location (recalls); may be empty.
    pub stock: Vec<ReportStock>,
    pub customers: Vec<ReportCustomer>,
    pub orders: Vec<ReportOrder>,
    /// "en", "zh-CN" or "nl"; anything else prints in English.
    pub language: String,
}

/// One lot the trace reached.
#[derive(Clone, Debug, Default)]
pub struct ReportLot {
    /// Steps from the root lots (0 for a root).
    pub depth: u32,
    pub lot_code: String,
    /// How the trace reached the lot ("split from L-1", "received"); empty for a root.
    pub via: String,
    pub sku: String,
    pub qty_text: String,
    pub status: String,
    pub on_hand_text: String,
    pub location: String,
}

/// Stock of the lots in scope at one location.
#[derive(Clone, Debug, Default)]
pub struct ReportStock {
    pub location: String,
    /// How many of the lots are there.
    pub lots: i64,
    pub qty_text: String,
}

/// A customer who received lots in scope.
#[derive(Clone, Debug, Default)]
pub struct ReportCustomer {
    pub code: String,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub orders: i64,
    pub qty_text: String,
}

/// An order that shipped lots in scope.
#[derive(Clone, Debug, Default)]
pub struct ReportOrder {
    pub order_no: String,
    pub customer: String,
    /// The lots it shipped, as the caller lists them ("L-1, L-2").
    pub lots: String,
    pub qty_text: String,
}

/// The report as a PDF (A4 portrait, as many pages as the tables need).
pub fn trace_report(report: &TraceReport) -> Result<Vec<u8>, DocumentError> {
    check(report)?;
    draw::render(report)
}

fn check(report: &TraceReport) -> Result<(), DocumentError> {
    if report.reference.trim().is_empty() {
        return Err(DocumentError::missing("reference"));
    }
    if let Some((index, _)) = report.stock.iter().enumerate().find(|(_, stock)| stock.lots < 0) {
        return Err(DocumentError::invalid(format!("stock[{index}].lots"), "a count cannot be negative"));
    }
    if let Some((index, _)) = report.customers.iter().enumerate().find(|(_, customer)| customer.orders < 0) {
        return Err(DocumentError::invalid(format!("customers[{index}].orders"), "a count cannot be negative"));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
