//! The vendor defect report, sent to a supplier as a supplier corrective action request (SCAR)
//! in 8D style: what our inspection found in their goods (figures, a Pareto of the defect
//! categories, every failure, photos), then the 8D sections the supplier fills in and signs.
//!
//! It covers either one vendor over a period or one QC failure. The caller has gathered and
//! formatted everything (dates, money, quantities, severities in the reader's words); this module
//! only lays the report out, in the supplier's language or English.

mod draw;

use crate::error::DocumentError;

/// Everything a vendor defect report shows, already in the words the reader should see, except
/// the fixed labels, which come from the document catalogue in `language`.
#[derive(Clone, Debug, Default)]
pub struct VendorReport {
    /// The report's number, given by the caller ("SCAR-AMS1-2026-11").
    pub report_number: String,
    /// When the report is issued, already formatted.
    pub issued_on: String,
    /// When the supplier's 8D response is due, already formatted.
    pub response_due: String,
    /// Our company, the sender.
    pub company: VendorReportParty,
    /// The supplier the report goes to; its `code` is the vendor code.
    pub vendor: VendorReportParty,
    pub scope: VendorReportScope,
    pub figures: VendorReportFigures,
    /// Defects per category, in any order: the report sorts them and shows the largest.
    pub defects_by_category: Vec<VendorDefectCount>,
    pub failures: Vec<VendorReportFailure>,
    /// Photos of the failures, in print order.
    pub photos: Vec<VendorReportPhoto>,
    /// "en", "zh-CN" or "nl"; anything else prints in English.
    pub language: String,
    /// The SCAR record the report prints, when it is one: D1, D2, its dates, and the 8D answers
    /// received so far, printed in the response's boxes instead of lines to write on.
    pub record: Option<VendorReportRecord>,
}

/// A SCAR kept as a record: what the report shows of it.
#[derive(Clone, Debug, Default)]
pub struct VendorReportRecord {
    /// The status's key (`draft`, `sent`, `containment_received`, `root_cause_received`,
    /// `verified`, `closed`): the report prints it in its language.
    pub status: String,
    /// D1.
    pub team: Vec<VendorReportMember>,
    /// D2.
    pub problem: String,
    /// The steps done, in order, with their dates and who did them, already formatted.
    pub steps: Vec<VendorReportStep>,
    /// The answers received, by the response section's key (`d3`, `d4`, `d56`, `d7`, `d8`).
    pub answers: Vec<(String, String)>,
}

#[derive(Clone, Debug, Default)]
pub struct VendorReportMember {
    pub name: String,
    pub role: String,
}

/// One dated step: `step` is its key (`opened`, `sent`, `due`, `containment_received`,
/// `root_cause_received`, `verified`, `closed`), printed in the report's language.
#[derive(Clone, Debug, Default)]
pub struct VendorReportStep {
    pub step: String,
    pub date: String,
    pub by: String,
}

/// A company as it is addressed: ours at the top left, the supplier's beside it.
#[derive(Clone, Debug, Default)]
pub struct VendorReportParty {
    pub name: String,
    /// The supplier's code in our books; not printed when empty (and never for our company).
    pub code: String,
    /// Street, city, country: one line each, empty ones left out.
    pub address_lines: Vec<String>,
    pub contact: String,
    pub email: String,
}

/// What the report covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VendorReportScope {
    /// All failures of the vendor between two dates, already formatted.
    Period { from: String, to: String },
    /// One QC failure, by its number ("QF-AMS1-000012"), which becomes the report's subject.
    Failure { number: String },
}

impl Default for VendorReportScope {
    fn default() -> Self {
        Self::Period { from: String::new(), to: String::new() }
    }
}

/// The report's key figures, formatted by the caller; an empty one is left out.
#[derive(Clone, Debug, Default)]
pub struct VendorReportFigures {
    pub failures: String,
    /// Units received from the vendor in the period: the defect rate's base when there are any.
    pub units_received: String,
    pub units_inspected: String,
    pub units_defective: String,
    /// With its unit: "1.19 %".
    pub defect_rate: String,
    /// The cost of the defects, one amount per currency ("€ 1,234.50", "US$ 310.00").
    pub costs: Vec<String>,
}

/// How many defects of one category the failures in scope found.
#[derive(Clone, Debug, Default)]
pub struct VendorDefectCount {
    /// The category in the reader's words.
    pub category: String,
    pub count: u64,
}

/// One QC failure in scope.
#[derive(Clone, Debug, Default)]
pub struct VendorReportFailure {
    /// "QF-AMS1-000012".
    pub number: String,
    pub date: String,
    pub sku: String,
    pub lot: String,
    pub qty_defective: String,
    pub qty_inspected: String,
    pub severity: String,
    pub category: String,
    pub description: String,
}

/// A photo of a failure: a JPEG or PNG file and what to print under it.
#[derive(Clone, Debug, Default)]
pub struct VendorReportPhoto {
    /// "QF-AMS1-000012 · photo 1".
    pub caption: String,
    /// The file's bytes. JPEGs are embedded as they are, so pass photos sized for print (a long
    /// side of about 1,600 px is plenty); a file that is neither JPEG nor PNG, or is damaged,
    /// prints as a captioned frame saying the photo cannot be shown.
    pub bytes: Vec<u8>,
}

/// The report as a PDF (A4 portrait, as many pages as it needs; the supplier's 8D response
/// starts on a page of its own so that it can be printed and returned on its own).
pub fn vendor_report(report: &VendorReport) -> Result<Vec<u8>, DocumentError> {
    check(report)?;
    draw::render(report)
}

fn check(report: &VendorReport) -> Result<(), DocumentError> {
    if report.report_number.trim().is_empty() {
        return Err(DocumentError::missing("report_number"));
    }
    if report.vendor.name.trim().is_empty() {
        return Err(DocumentError::missing("vendor.name"));
    }
    if let VendorReportScope::Failure { number } = &report.scope
        && number.trim().is_empty()
    {
        return Err(DocumentError::missing("scope.number"));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
