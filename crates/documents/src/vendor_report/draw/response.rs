//! The supplier's 8D response: the sections to fill in and the signatures.

use super::{BOX_TITLE, HINT, INTRO, LABEL, STRONG, VALUE};
use crate::i18n::Labels;
use crate::layout::report::{MARGIN, RIGHT, WIDTH, heading};
use crate::layout::{Align, Flow, INK, RULE, SHADE, truncate, wrap};
use crate::vendor_report::VendorReport;

/// The 8D sections the supplier fills in: key and ruled lines for the answer.
/// Sized so that D3 to D5/D6 fill one page and D7, D8 and the signatures the next.
const RESPONSE_SECTIONS: [(&str, usize); 5] = [("d3", 5), ("d4", 8), ("d56", 8), ("d7", 8), ("d8", 8)];
/// Space between ruled lines: room to write by hand.
const RULED_LINE: f32 = 7.5;

/// The supplier's part, on a page of its own: the 8D sections as boxes with ruled lines to
/// write on, then signatures for the supplier and our quality lead.
pub(super) fn response(flow: &mut Flow, report: &VendorReport, labels: &Labels) {
    flow.new_page();
    let none = labels.get("documents.none");
    let due = if report.response_due.trim().is_empty() { none } else { report.response_due.trim().to_string() };
    let intro = labels
        .format("documents.vendor_report.response_intro", &[("reference", report.report_number.trim()), ("due", &due)]);
    heading(flow, &labels.get("documents.vendor_report.response"), 0.0);
    let fonts = flow.page().fonts();
    for line in wrap(fonts, &intro, &INTRO, WIDTH, 3) {
        let y = flow.y;
        flow.page().text(MARGIN, y, &line, &INTRO, Align::Left);
        flow.y = y + INTRO.line_mm();
    }
    flow.y += 3.0;
    for (key, lines) in RESPONSE_SECTIONS {
        let answer = report
            .record
            .as_ref()
            .and_then(|r| r.answers.iter().find(|(k, _)| k == key))
            .map(|(_, text)| text.trim())
            .filter(|text| !text.is_empty());
        response_box(flow, labels, key, lines, answer);
    }
    sign_off(flow, report, labels);
}

/// Lines of an answer received that one box prints: a longer one ends in "…".
const ANSWER_LINES: usize = 24;

/// One 8D section: a shaded title bar, a hint of what to answer, ruled lines for the answer; or,
/// once the answer is in, the answer itself.
fn response_box(flow: &mut Flow, labels: &Labels, key: &str, ruled_lines: usize, answer: Option<&str>) {
    let pad = 2.0;
    let fonts = flow.page().fonts();
    let title =
        truncate(fonts, &labels.get(&format!("documents.vendor_report.{key}.title")), &BOX_TITLE, WIDTH - 2.0 * pad);
    let hint = wrap(fonts, &labels.get(&format!("documents.vendor_report.{key}.hint")), &HINT, WIDTH - 2.0 * pad, 2);
    let bar = BOX_TITLE.line_mm() + 2.0 * pad;
    let written = answer.map(|text| wrap(fonts, text, &VALUE, WIDTH - 2.0 * pad, ANSWER_LINES)).unwrap_or_default();
    let (hint, body) = if written.is_empty() {
        (hint, ruled_lines as f32 * RULED_LINE)
    } else {
        (Vec::new(), written.len() as f32 * VALUE.line_mm())
    };
    let height = bar + pad + hint.len() as f32 * HINT.line_mm() + body + 2.0 * pad;
    flow.ensure(height);
    let top = flow.y;
    let page = flow.page();
    page.fill_rect(MARGIN, top, WIDTH, bar, SHADE);
    page.text(MARGIN + pad, top + pad, &title, &BOX_TITLE, Align::Left);
    let mut y = top + bar + pad;
    for line in &hint {
        page.text(MARGIN + pad, y, line, &HINT, Align::Left);
        y += HINT.line_mm();
    }
    for line in &written {
        page.text(MARGIN + pad, y, line, &VALUE, Align::Left);
        y += VALUE.line_mm();
    }
    for _ in 0..if written.is_empty() { ruled_lines } else { 0 } {
        y += RULED_LINE;
        page.hline(MARGIN + pad, RIGHT - pad, y, 0.4, RULE);
    }
    page.stroke_rect(MARGIN, top, WIDTH, height, 0.7, INK);
    flow.y = top + height + 4.0;
}

/// Name, signature and date lines for the supplier (left) and our quality lead (right).
fn sign_off(flow: &mut Flow, report: &VendorReport, labels: &Labels) {
    let gap = 12.0;
    let width = (WIDTH - gap) / 2.0;
    let room = 8.0;
    let keys = [
        "documents.vendor_report.sign.name",
        "documents.vendor_report.sign.signature",
        "documents.vendor_report.sign.date",
    ];
    let height = STRONG.line_mm() + keys.len() as f32 * (room + LABEL.line_mm());
    flow.ensure(height + 2.0);
    let top = flow.y + 2.0;
    let page = flow.page();
    let fonts = page.fonts();
    let company = report.company.name.trim();
    let quality_lead = labels.get("documents.vendor_report.sign.quality_lead");
    let columns = [
        format!("{}: {}", labels.get("documents.vendor_report.sign.vendor"), report.vendor.name.trim()),
        if company.is_empty() { quality_lead } else { format!("{quality_lead}, {company}") },
    ];
    for (index, heading) in columns.iter().enumerate() {
        let x = MARGIN + index as f32 * (width + gap);
        page.text(x, top, &truncate(fonts, heading, &STRONG, width), &STRONG, Align::Left);
        let mut y = top + STRONG.line_mm();
        for key in keys {
            y += room;
            page.hline(x, x + width, y, 0.6, INK);
            page.text(x, y + 0.6, &truncate(fonts, &labels.get(key), &LABEL, width), &LABEL, Align::Left);
            y += LABEL.line_mm();
        }
    }
    flow.y = top + height + 2.0;
}
