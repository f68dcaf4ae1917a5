//! The header on the first page and the two address blocks under it.

use super::{COMPANY, INTRO, LABEL, REFERENCE, STRONG, TITLE, VALUE};
use crate::fonts::FontSet;
use crate::i18n::Labels;
use crate::layout::report::{MARGIN, RIGHT, SECTION_GAP, WIDTH};
use crate::layout::{Align, Canvas, Flow, INK, RULE, TextStyle, truncate, wrap};
use crate::vendor_report::{VendorReport, VendorReportParty, VendorReportScope};

/// Our company and the report number, the title, the dates and what the report covers, and a
/// sentence on what the supplier is asked to do; returns where the content below starts.
pub(super) fn header(canvas: &mut Canvas, report: &VendorReport, labels: &Labels, title: &str) -> f32 {
    let fonts = canvas.fonts();
    let mut y = MARGIN;

    let reference = truncate(fonts, report.report_number.trim(), &REFERENCE, WIDTH * 0.5);
    let reference_width = canvas.text_width(&reference, &REFERENCE);
    let company = truncate(fonts, report.company.name.trim(), &COMPANY, WIDTH - reference_width - 6.0);
    canvas.text(MARGIN, y + (REFERENCE.line_mm() - COMPANY.line_mm()) / 2.0, &company, &COMPANY, Align::Left);
    canvas.text(RIGHT, y, &reference, &REFERENCE, Align::Right);
    y += REFERENCE.line_mm() + 1.0;

    for line in wrap(fonts, title, &TITLE, WIDTH, 2) {
        canvas.text(MARGIN, y, &line, &TITLE, Align::Left);
        y += TITLE.line_mm();
    }
    y += 1.5;
    canvas.hline(MARGIN, RIGHT, y, 1.2, INK);
    y += 3.0;

    let none = labels.get("documents.none");
    let or_none = |text: &str| if text.trim().is_empty() { none.clone() } else { text.trim().to_string() };
    let (scope_label, scope_value, intro) = match &report.scope {
        VendorReportScope::Period { from, to } => (
            labels.get("documents.vendor_report.period"),
            labels.format("documents.vendor_report.period_range", &[("from", &or_none(from)), ("to", &or_none(to))]),
            labels.format(
                "documents.vendor_report.intro.period",
                &[("from", &or_none(from)), ("to", &or_none(to)), ("due", &or_none(&report.response_due))],
            ),
        ),
        VendorReportScope::Failure { number } => (
            labels.get("documents.vendor_report.subject"),
            labels.format("documents.vendor_report.subject_failure", &[("number", number.trim())]),
            labels.format(
                "documents.vendor_report.intro.failure",
                &[("number", number.trim()), ("due", &or_none(&report.response_due))],
            ),
        ),
    };
    // Dates and scope side by side: label small above, value bold; the scope gets the most room.
    let meta = [
        (labels.get("documents.vendor_report.issued"), or_none(&report.issued_on), 0.25),
        (labels.get("documents.vendor_report.due"), or_none(&report.response_due), 0.25),
        (scope_label, scope_value, 0.5),
    ];
    let mut x = MARGIN;
    for (label, value, share) in meta {
        let width = WIDTH * share - 4.0;
        canvas.text(x, y, &truncate(fonts, &label, &LABEL, width), &LABEL, Align::Left);
        canvas.text(x, y + LABEL.line_mm(), &truncate(fonts, &value, &STRONG, width), &STRONG, Align::Left);
        x += WIDTH * share;
    }
    y += LABEL.line_mm() + STRONG.line_mm() + 3.0;

    for line in wrap(fonts, &intro, &INTRO, WIDTH, 3) {
        canvas.text(MARGIN, y, &line, &INTRO, Align::Left);
        y += INTRO.line_mm();
    }
    y + 4.0
}

/// The lines of one address block, each with its style.
pub(in crate::vendor_report) fn party_lines(
    fonts: &FontSet,
    party: &VendorReportParty,
    labels: &Labels,
    width: f32,
    with_code: bool,
) -> Vec<(String, TextStyle)> {
    let mut lines: Vec<(String, TextStyle)> = Vec::new();
    lines.extend(wrap(fonts, party.name.trim(), &STRONG, width, 2).into_iter().map(|line| (line, STRONG)));
    let labelled = |key: &str, value: &str| format!("{}: {}", labels.get(key), value.trim());
    if with_code && !party.code.trim().is_empty() {
        lines.push((labelled("documents.vendor_report.vendor_code", &party.code), VALUE));
    }
    for line in party.address_lines.iter().map(|line| line.trim()).filter(|line| !line.is_empty()) {
        lines.extend(wrap(fonts, line, &VALUE, width, 2).into_iter().map(|line| (line, VALUE)));
    }
    if !party.contact.trim().is_empty() {
        lines.push((labelled("documents.vendor_report.contact", &party.contact), VALUE));
    }
    if !party.email.trim().is_empty() {
        lines.push((labelled("documents.vendor_report.email", &party.email), VALUE));
    }
    lines.into_iter().map(|(line, style)| (truncate(fonts, &line, &style, width), style)).collect()
}

/// Our company and the supplier, side by side in framed blocks of equal height.
pub(super) fn parties(flow: &mut Flow, report: &VendorReport, labels: &Labels) {
    let gap = 6.0;
    let pad = 3.0;
    let width = (WIDTH - gap) / 2.0;
    let fonts = flow.page().fonts();
    let blocks = [
        (
            labels.get("documents.vendor_report.from"),
            party_lines(fonts, &report.company, labels, width - 2.0 * pad, false),
        ),
        (labels.get("documents.vendor_report.to"), party_lines(fonts, &report.vendor, labels, width - 2.0 * pad, true)),
    ];
    let content = |lines: &[(String, TextStyle)]| lines.iter().map(|(_, style)| style.line_mm()).sum::<f32>();
    let height = 2.0 * pad + LABEL.line_mm() + 0.8 + blocks.iter().map(|(_, lines)| content(lines)).fold(0.0, f32::max);
    flow.ensure(height);
    let top = flow.y;
    let page = flow.page();
    for (index, (label, lines)) in blocks.iter().enumerate() {
        let x = MARGIN + index as f32 * (width + gap);
        page.stroke_rect(x, top, width, height, 0.6, RULE);
        page.text(x + pad, top + pad, &truncate(fonts, label, &LABEL, width - 2.0 * pad), &LABEL, Align::Left);
        let mut y = top + pad + LABEL.line_mm() + 0.8;
        for (line, style) in lines {
            page.text(x + pad, y, line, style, Align::Left);
            y += style.line_mm();
        }
    }
    flow.y = top + height + SECTION_GAP;
}
