//! The vendor defect report's layout on A4 portrait.
//!
//! One file per part of the report, in print order: `header` (the title block and the two
//! parties), `summary` (the figures and the Pareto chart), `failures` (the failures table and the
//! photos) and `response` (the supplier's 8D form). The page geometry and text styles they share,
//! the section heading and the page frame (continuation header, footer) are here.

mod failures;
mod header;
mod response;
mod summary;

use std::cell::RefCell;

use self::failures::{failures, photos};
use self::header::{header, parties};
use self::response::response;
use self::summary::{pareto, summary};
use super::VendorReport;
use crate::error::DocumentError;
use crate::fonts::Weight;
use crate::i18n::Labels;
use crate::layout::{A4, Align, Canvas, Flow, INK, Image, MUTED, Pdf, RULE, TextStyle, truncate, wrap};

// What the tests look at.
#[cfg(test)]
pub(super) use self::failures::failure_table;
#[cfg(test)]
pub(super) use self::header::party_lines;
#[cfg(test)]
pub(super) use self::summary::{PARETO_BARS, ParetoBar, pareto_bars};

const MARGIN: f32 = 15.0;
const RIGHT: f32 = A4.0 - MARGIN;
const WIDTH: f32 = A4.0 - 2.0 * MARGIN;
/// Content stops here; the footer sits below.
const BOTTOM: f32 = A4.1 - 18.0;

const TITLE: TextStyle = TextStyle::new(19.0, Weight::Bold, INK);
const REFERENCE: TextStyle = TextStyle::new(15.0, Weight::Bold, INK);
const COMPANY: TextStyle = TextStyle::new(11.0, Weight::Bold, MUTED);
const META: TextStyle = TextStyle::new(8.5, Weight::Regular, MUTED);
const INTRO: TextStyle = TextStyle::new(9.0, Weight::Regular, MUTED);
const HEADING: TextStyle = TextStyle::new(12.0, Weight::Bold, INK);
const LABEL: TextStyle = TextStyle::new(8.5, Weight::Regular, MUTED);
const VALUE: TextStyle = TextStyle::new(9.5, Weight::Regular, INK);
const STRONG: TextStyle = TextStyle::new(11.0, Weight::Bold, INK);
/// The line at the top of a continuation page: smaller than the trace report's, the title being long.
const CONTINUED: TextStyle = TextStyle::new(10.0, Weight::Bold, INK);
const FACT_LABEL: TextStyle = TextStyle::new(8.0, Weight::Regular, MUTED);
const FACT_VALUE: TextStyle = TextStyle::new(14.0, Weight::Bold, INK);
const EMPTY: TextStyle = TextStyle::new(9.5, Weight::Regular, MUTED);
const TABLE_HEAD: TextStyle = TextStyle::new(7.5, Weight::Bold, INK);
const TABLE_BODY: TextStyle = TextStyle::new(8.0, Weight::Regular, INK);
const CAPTION: TextStyle = TextStyle::new(7.5, Weight::Regular, MUTED);
const BOX_TITLE: TextStyle = TextStyle::new(10.5, Weight::Bold, INK);
const HINT: TextStyle = TextStyle::new(8.0, Weight::Regular, MUTED);
const FOOTER: TextStyle = TextStyle::new(8.0, Weight::Regular, MUTED);

/// Space after a section.
const SECTION_GAP: f32 = 6.0;
/// Room a table needs below its heading before it is worth starting on this page.
const SECTION_MIN: f32 = 26.0;

pub(super) fn render(report: &VendorReport) -> Result<Vec<u8>, DocumentError> {
    let labels = Labels::new(&report.language);
    let reference = report.report_number.trim();
    let title = labels.get("documents.vendor_report.title");
    let mut pdf = Pdf::new(&format!("{title} {reference}"), A4)?;
    // Images are added to the document before any page borrows it.
    let images: Vec<Option<Image>> = report.photos.iter().map(|photo| pdf.add_image(&photo.bytes)).collect();
    let mut first = pdf.canvas();
    let y = header(&mut first, report, &labels, &title);

    // The section a table or grid is in when it runs onto a new page, so the page can say so.
    let current_section = RefCell::new(String::new());
    let start_page = {
        let continued =
            labels.format("documents.vendor_report.continued", &[("title", &title), ("reference", reference)]);
        let section_continued = labels.get("documents.vendor_report.section_continued");
        let company = report.company.name.trim().to_string();
        let current_section = &current_section;
        Box::new(move |canvas: &mut Canvas| {
            let fonts = canvas.fonts();
            let company = truncate(fonts, &company, &META, WIDTH * 0.35);
            let company_width = canvas.text_width(&company, &META);
            let continued = truncate(fonts, &continued, &CONTINUED, WIDTH - company_width - 6.0);
            canvas.text(MARGIN, MARGIN, &continued, &CONTINUED, Align::Left);
            canvas.text(RIGHT, MARGIN + (CONTINUED.line_mm() - META.line_mm()) / 2.0, &company, &META, Align::Right);
            let rule = MARGIN + CONTINUED.line_mm() + 2.0;
            canvas.hline(MARGIN, RIGHT, rule, 0.75, RULE);
            let mut y = rule + 5.0;
            let section = current_section.borrow();
            if !section.is_empty() {
                let text = section_continued.replace("{{section}}", &section);
                canvas.text(MARGIN, y, &truncate(fonts, &text, &HEADING, WIDTH), &HEADING, Align::Left);
                y += HEADING.line_mm() + 1.5;
            }
            y
        })
    };
    let mut flow = Flow::new(&pdf, first, y, BOTTOM, start_page);
    parties(&mut flow, report, &labels);
    summary(&mut flow, report, &labels);
    pareto(&mut flow, &report.defects_by_category, &labels);
    failures(&mut flow, &current_section, report, &labels);
    photos(&mut flow, &current_section, report, &images, &labels);
    response(&mut flow, report, &labels);
    let mut pages = flow.into_pages();

    let count = pages.len().to_string();
    let fonts = pages[0].fonts();
    let left = truncate(fonts, &format!("{title} {reference}"), &FOOTER, WIDTH * 0.6);
    for (index, page) in pages.iter_mut().enumerate() {
        let of = labels.format("documents.page_of", &[("page", &(index + 1).to_string()), ("pages", &count)]);
        page.hline(MARGIN, RIGHT, A4.1 - 13.0, 0.5, RULE);
        page.text(MARGIN, A4.1 - 12.0, &left, &FOOTER, Align::Left);
        page.text(RIGHT, A4.1 - 12.0, &of, &FOOTER, Align::Right);
    }
    Ok(pdf.finish(pages))
}

/// A section heading, kept on the page with at least `keep_with` mm of what follows it.
fn heading(flow: &mut Flow, text: &str, keep_with: f32) {
    flow.ensure(HEADING.line_mm() + 2.0 + keep_with);
    let y = flow.y;
    let page = flow.page();
    let text = truncate(page.fonts(), text, &HEADING, WIDTH);
    page.text(MARGIN, y, &text, &HEADING, Align::Left);
    flow.y = y + HEADING.line_mm() + 1.5;
}

/// A heading with a sentence saying there is nothing to show under it.
fn empty_section(flow: &mut Flow, heading_text: &str, sentence: &str) {
    heading(flow, heading_text, EMPTY.line_mm());
    let fonts = flow.page().fonts();
    for line in wrap(fonts, sentence, &EMPTY, WIDTH, 3) {
        flow.ensure(EMPTY.line_mm());
        let y = flow.y;
        flow.page().text(MARGIN, y, &line, &EMPTY, Align::Left);
        flow.y = y + EMPTY.line_mm();
    }
    flow.y += SECTION_GAP;
}
