//! The vendor defect report's layout on A4 portrait.
//!
//! One file per part of the report, in print order: `header` (the title block and the two
//! parties), `summary` (the figures and the Pareto chart), `failures` (the failures table and the
//! photos) and `response` (the supplier's 8D form). The text styles they share are here; the page
//! geometry, section headings and page frame (continuation header, footer) are the A4 report
//! frame's, which the trace report uses too.

mod failures;
mod header;
mod record;
mod response;
mod summary;

use self::failures::{failures, photos};
use self::header::{header, parties};
use self::record::record;
use self::response::response;
use self::summary::{pareto, summary};
use super::VendorReport;
use crate::error::DocumentError;
use crate::fonts::Weight;
use crate::i18n::Labels;
use crate::layout::report::{BOTTOM, ReportFrame};
use crate::layout::{A4, Flow, INK, Image, MUTED, Pdf, TextStyle};

// What the tests look at.
#[cfg(test)]
pub(super) use self::failures::failure_table;
#[cfg(test)]
pub(super) use self::header::party_lines;
#[cfg(test)]
pub(super) use self::summary::{PARETO_BARS, ParetoBar, pareto_bars};

const TITLE: TextStyle = TextStyle::new(19.0, Weight::Bold, INK);
const REFERENCE: TextStyle = TextStyle::new(15.0, Weight::Bold, INK);
const COMPANY: TextStyle = TextStyle::new(11.0, Weight::Bold, MUTED);
const INTRO: TextStyle = TextStyle::new(9.0, Weight::Regular, MUTED);
const LABEL: TextStyle = TextStyle::new(8.5, Weight::Regular, MUTED);
const VALUE: TextStyle = TextStyle::new(9.5, Weight::Regular, INK);
const STRONG: TextStyle = TextStyle::new(11.0, Weight::Bold, INK);
/// The line at the top of a continuation page: smaller than the trace report's, the title being long.
const CONTINUED: TextStyle = TextStyle::new(10.0, Weight::Bold, INK);
const FACT_LABEL: TextStyle = TextStyle::new(8.0, Weight::Regular, MUTED);
const FACT_VALUE: TextStyle = TextStyle::new(14.0, Weight::Bold, INK);
const TABLE_HEAD: TextStyle = TextStyle::new(7.5, Weight::Bold, INK);
const TABLE_BODY: TextStyle = TextStyle::new(8.0, Weight::Regular, INK);
const CAPTION: TextStyle = TextStyle::new(7.5, Weight::Regular, MUTED);
const BOX_TITLE: TextStyle = TextStyle::new(10.5, Weight::Bold, INK);
const HINT: TextStyle = TextStyle::new(8.0, Weight::Regular, MUTED);

/// Room a table needs below its heading before it is worth starting on this page.
const SECTION_MIN: f32 = 26.0;

pub(super) fn render(report: &VendorReport) -> Result<Vec<u8>, DocumentError> {
    let labels = Labels::new(&report.language);
    let title = labels.get("documents.vendor_report.title");
    let frame =
        ReportFrame::new(labels, "vendor_report", &title, report.report_number.trim(), &report.company.name, CONTINUED);
    let mut pdf = Pdf::new(frame.name(), A4)?;
    // Images are added to the document before any page borrows it.
    let images: Vec<Option<Image>> = report.photos.iter().map(|photo| pdf.add_image(&photo.bytes)).collect();
    let mut first = pdf.canvas();
    let y = header(&mut first, report, &labels, &title);

    let mut flow = Flow::new(&pdf, first, y, BOTTOM, frame.continuation());
    parties(&mut flow, report, &labels);
    record(&mut flow, &frame, report, &labels);
    summary(&mut flow, report, &labels);
    pareto(&mut flow, &report.defects_by_category, &labels);
    failures(&mut flow, &frame, report, &labels);
    photos(&mut flow, &frame, report, &images, &labels);
    response(&mut flow, report, &labels);
    let mut pages = flow.into_pages();
    frame.footers(&mut pages);
    Ok(pdf.finish(pages))
}
