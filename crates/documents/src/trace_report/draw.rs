//! The trace report's layout on A4 portrait.

use super::{TraceReport, TraceReportKind};
use crate::error::DocumentError;
use crate::fonts::{FontSet, Weight};
use crate::i18n::Labels;
use crate::layout::report::{BOTTOM, MARGIN, META, RIGHT, ReportFrame, SECTION_GAP, WIDTH, empty_section, heading};
use crate::layout::{
    A4, Align, Canvas, Column, Fact, FactGrid, Flow, INK, MUTED, Pdf, Rgb, Table, TextStyle, pt_to_mm, truncate, wrap,
};

/// The recall title's colour: a dark red that still prints as a solid dark grey in black and white.
const ALERT: Rgb = Rgb(0.62, 0.09, 0.09);

const TITLE: TextStyle = TextStyle::new(22.0, Weight::Bold, INK);
const REFERENCE: TextStyle = TextStyle::new(16.0, Weight::Bold, INK);
const COMPANY: TextStyle = TextStyle::new(11.0, Weight::Bold, MUTED);
const INTRO: TextStyle = TextStyle::new(9.0, Weight::Regular, MUTED);
const LABEL: TextStyle = TextStyle::new(8.5, Weight::Regular, MUTED);
const VALUE: TextStyle = TextStyle::new(10.0, Weight::Regular, INK);
const STRONG: TextStyle = TextStyle::new(11.0, Weight::Bold, INK);
const FACT_LABEL: TextStyle = TextStyle::new(8.0, Weight::Regular, MUTED);
const FACT_VALUE: TextStyle = TextStyle::new(14.0, Weight::Bold, INK);
const TABLE_HEAD: TextStyle = TextStyle::new(7.5, Weight::Bold, INK);
const TABLE_BODY: TextStyle = TextStyle::new(8.0, Weight::Regular, INK);

/// Space between a table cell's border and its text, in mm.
const PAD_X: f32 = 1.6;
const EMAIL_WIDTH: f32 = 45.0;
/// The summary's figures: at most five boxes to a row, 3 mm apart, across the page.
const SUMMARY_GRID: FactGrid =
    FactGrid { x: MARGIN, width: WIDTH, max_columns: 5, gap: 3.0, label: FACT_LABEL, value: FACT_VALUE };
/// Room a section needs below its heading before it is worth starting on this page: the table's
/// header (two lines at most) and a first row (three lines at most).
const SECTION_MIN: f32 = 26.0;

/// The report's parts after the header, in print order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Section {
    Stock,
    Customers,
    Orders,
    Lots,
}

impl Section {
    fn key(self) -> &'static str {
        match self {
            Self::Stock => "stock",
            Self::Customers => "customers",
            Self::Orders => "orders",
            Self::Lots => "lots",
        }
    }
}

/// Which sections print: stock always on a recall (an empty one says so, which is news), and
/// elsewhere only when there is some; customers and orders unless a backward trace has none
/// (where the lots came from has no customers); lots always.
pub(super) fn sections(report: &TraceReport) -> Vec<Section> {
    let downstream = report.kind != TraceReportKind::Backward;
    let mut sections = Vec::new();
    if report.kind == TraceReportKind::Recall || !report.stock.is_empty() {
        sections.push(Section::Stock);
    }
    if downstream || !report.customers.is_empty() {
        sections.push(Section::Customers);
    }
    if downstream || !report.orders.is_empty() {
        sections.push(Section::Orders);
    }
    sections.push(Section::Lots);
    sections
}

fn kind_key(kind: TraceReportKind) -> &'static str {
    match kind {
        TraceReportKind::Forward => "forward",
        TraceReportKind::Backward => "backward",
        TraceReportKind::Recall => "recall",
    }
}

pub(super) fn render(report: &TraceReport) -> Result<Vec<u8>, DocumentError> {
    let labels = Labels::new(&report.language);
    let title = labels.get(&format!("documents.trace_report.title.{}", kind_key(report.kind)));
    let frame = ReportFrame::new(labels, "trace_report", &title, report.reference.trim(), &report.company, STRONG);
    let pdf = Pdf::new(frame.name(), A4)?;
    let mut first = pdf.canvas();
    let y = header(&mut first, report, &labels, &title);

    let mut flow = Flow::new(&pdf, first, y, BOTTOM, frame.continuation());
    scope(&mut flow, report, &labels);
    summary(&mut flow, report, &labels);
    for section in sections(report) {
        let heading = labels.get(&format!("documents.trace_report.section.{}", section.key()));
        let (table, rows) = table(flow.page().fonts(), section, report, &labels);
        heading_and_table(&mut flow, &frame, &heading, &table, &rows, &labels, section);
    }
    sign_off(&mut flow, &labels);
    let mut pages = flow.into_pages();
    frame.footers(&mut pages);
    Ok(pdf.finish(pages))
}

/// Company and date, the title with the reference across from it, and a sentence on what the
/// report covers; returns where the content below starts.
fn header(canvas: &mut Canvas, report: &TraceReport, labels: &Labels, title: &str) -> f32 {
    let fonts = canvas.fonts();
    let mut y = MARGIN;

    let generated = report.generated_at.trim();
    let generated = if generated.is_empty() {
        String::new()
    } else {
        format!("{}: {generated}", labels.get("documents.trace_report.generated"))
    };
    let generated = truncate(fonts, &generated, &META, WIDTH * 0.45);
    let generated_width = canvas.text_width(&generated, &META);
    let company = truncate(fonts, report.company.trim(), &COMPANY, WIDTH - generated_width - 6.0);
    canvas.text(MARGIN, y, &company, &COMPANY, Align::Left);
    canvas.text(RIGHT, y + (COMPANY.line_mm() - META.line_mm()) / 2.0, &generated, &META, Align::Right);
    y += COMPANY.line_mm() + 1.0;

    let reference = truncate(fonts, report.reference.trim(), &REFERENCE, WIDTH * 0.55);
    let reference_width = canvas.text_width(&reference, &REFERENCE);
    let color = if report.kind == TraceReportKind::Recall { ALERT } else { INK };
    let title_style = TextStyle { color, ..TITLE };
    let title = truncate(fonts, title, &title_style, WIDTH - reference_width - 8.0);
    canvas.text(MARGIN, y, &title, &title_style, Align::Left);
    // Same baseline as the title: the line boxes centre the cap height, so align the boxes' middles.
    canvas.text(RIGHT, y + (TITLE.line_mm() - REFERENCE.line_mm()) / 2.0, &reference, &REFERENCE, Align::Right);
    y += TITLE.line_mm() + 1.5;
    canvas.hline(MARGIN, RIGHT, y, 1.2, color);
    y += 2.5;

    let intro = labels.get(&format!("documents.trace_report.intro.{}", kind_key(report.kind)));
    for line in wrap(fonts, &intro, &INTRO, WIDTH, 2) {
        canvas.text(MARGIN, y, &line, &INTRO, Align::Left);
        y += INTRO.line_mm();
    }
    y + 4.0
}

/// The root lots and the recall's reason, as label and value side by side.
fn scope(flow: &mut Flow, report: &TraceReport, labels: &Labels) {
    let none = labels.get("documents.none");
    let roots: Vec<&str> = report.roots.iter().map(|root| root.trim()).filter(|root| !root.is_empty()).collect();
    let roots = if roots.is_empty() { none } else { roots.join(", ") };
    let roots_key = match report.kind {
        TraceReportKind::Recall => "documents.trace_report.roots.recall",
        TraceReportKind::Forward | TraceReportKind::Backward => "documents.trace_report.roots.trace",
    };
    let mut rows = vec![(labels.get(roots_key), roots, &STRONG, 3)];
    if let Some(reason) = report.reason.as_deref().map(str::trim).filter(|reason| !reason.is_empty()) {
        rows.push((labels.get("documents.trace_report.reason"), reason.to_string(), &VALUE, 6));
    }
    let label_width = 42.0;
    let value_x = MARGIN + label_width;
    for (label, value, style, max_lines) in rows {
        let fonts = flow.page().fonts();
        let labels_lines = wrap(fonts, &label, &LABEL, label_width - 3.0, 2);
        let lines = wrap(fonts, &value, style, RIGHT - value_x, max_lines);
        let height = (lines.len() as f32 * style.line_mm()).max(labels_lines.len() as f32 * LABEL.line_mm());
        flow.ensure(height);
        let top = flow.y;
        let page = flow.page();
        // The label's first line sits on the value's first line.
        let mut y = top + (style.line_mm() - LABEL.line_mm()) / 2.0;
        for line in &labels_lines {
            page.text(MARGIN, y, line, &LABEL, Align::Left);
            y += LABEL.line_mm();
        }
        let mut y = top;
        for line in &lines {
            page.text(value_x, y, line, style, Align::Left);
            y += style.line_mm();
        }
        flow.y = top + height + 1.5;
    }
    flow.y += SECTION_GAP - 1.5;
}

/// The caller's facts as a grid of boxes, the figure large and its label small above it.
fn summary(flow: &mut Flow, report: &TraceReport, labels: &Labels) {
    let facts: Vec<Fact> = report
        .summary
        .iter()
        .filter(|(label, value)| !label.trim().is_empty() || !value.trim().is_empty())
        .map(|(label, value)| Fact { label: label.clone(), value: value.clone() })
        .collect();
    if facts.is_empty() {
        return;
    }
    let first_row = SUMMARY_GRID.first_row_height(flow.page().fonts(), &facts);
    heading(flow, &labels.get("documents.trace_report.summary"), first_row);
    SUMMARY_GRID.draw(flow, &facts);
    flow.y += SECTION_GAP;
}

/// How many boxes go in a row of the summary grid for `facts` facts.
#[cfg(test)]
pub(super) fn grid_columns(facts: usize) -> usize {
    SUMMARY_GRID.columns(facts)
}

fn heading_and_table(
    flow: &mut Flow,
    frame: &ReportFrame,
    heading_text: &str,
    table: &Table,
    rows: &[Vec<String>],
    labels: &Labels,
    section: Section,
) {
    if rows.is_empty() {
        let sentence = labels.get(&format!("documents.trace_report.empty.{}", section.key()));
        empty_section(flow, heading_text, &sentence);
        return;
    }
    heading(flow, heading_text, SECTION_MIN);
    frame.begin_section(heading_text);
    table.draw(flow, rows);
    frame.end_section();
    flow.y += SECTION_GAP;
}

/// The table for `section` and its rows, one string per column.
pub(super) fn table(
    fonts: &FontSet,
    section: Section,
    report: &TraceReport,
    labels: &Labels,
) -> (Table, Vec<Vec<String>>) {
    let none = labels.get("documents.none");
    let cell = |text: &str| if text.trim().is_empty() { none.clone() } else { text.trim().to_string() };
    let column = |key: &str, width: f32, align: Align, max_lines: usize| Column {
        title: labels.get(&format!("documents.trace_report.column.{key}")),
        width,
        align,
        max_lines,
    };
    let (columns, rows): (Vec<Column>, Vec<Vec<String>>) = match section {
        Section::Stock => (
            vec![
                column("location", 110.0, Align::Left, 2),
                column("lots", 30.0, Align::Right, 1),
                column("qty", 40.0, Align::Right, 1),
            ],
            report
                .stock
                .iter()
                .map(|stock| vec![cell(&stock.location), stock.lots.to_string(), cell(&stock.qty_text)])
                .collect(),
        ),
        Section::Customers => (
            vec![
                column("code", 20.0, Align::Left, 2),
                column("name", 42.0, Align::Left, 2),
                column("email", EMAIL_WIDTH, Align::Left, 2),
                column("phone", 34.0, Align::Left, 2),
                column("orders", 18.0, Align::Right, 1),
                column("qty", 21.0, Align::Right, 1),
            ],
            report
                .customers
                .iter()
                .map(|customer| {
                    vec![
                        cell(&customer.code),
                        cell(&customer.name),
                        breakable_email(fonts, &cell(&customer.email), EMAIL_WIDTH - 2.0 * PAD_X),
                        cell(&customer.phone),
                        customer.orders.to_string(),
                        cell(&customer.qty_text),
                    ]
                })
                .collect(),
        ),
        Section::Orders => (
            vec![
                column("order", 36.0, Align::Left, 1),
                column("customer", 56.0, Align::Left, 2),
                column("lots", 64.0, Align::Left, 3),
                column("qty", 24.0, Align::Right, 1),
            ],
            report
                .orders
                .iter()
                .map(|order| {
                    vec![cell(&order.order_no), cell(&order.customer), cell(&order.lots), cell(&order.qty_text)]
                })
                .collect(),
        ),
        Section::Lots => (
            vec![
                // Sized so that typical values ("split from L-2026-00001", "AMS1 / A-01-02") stay
                // on one line: a recall can list thousands of lots.
                column("depth", 14.0, Align::Center, 1),
                column("lot", 24.0, Align::Left, 2),
                column("via", 38.0, Align::Left, 2),
                column("sku", 25.0, Align::Left, 2),
                column("qty", 17.0, Align::Right, 2),
                column("status", 17.0, Align::Left, 2),
                column("on_hand", 17.0, Align::Right, 2),
                column("location", 28.0, Align::Left, 2),
            ],
            report
                .lots
                .iter()
                .map(|lot| {
                    vec![
                        lot.depth.to_string(),
                        cell(&lot.lot_code),
                        cell(&lot.via),
                        cell(&lot.sku),
                        cell(&lot.qty_text),
                        cell(&lot.status),
                        cell(&lot.on_hand_text),
                        cell(&lot.location),
                    ]
                })
                .collect(),
        ),
    };
    let table = Table { x: MARGIN, columns, head: TABLE_HEAD, body: TABLE_BODY, pad_x: PAD_X, pad_y: 1.2 };
    (table, rows)
}

/// An e-mail address too wide for its column, with a space after the "@" so that it wraps there
/// rather than wherever the column ends ([`wrap`] breaks at spaces, else between any characters).
pub(super) fn breakable_email(fonts: &FontSet, email: &str, width: f32) -> String {
    if pt_to_mm(fonts.width_pt(email, TABLE_BODY.weight, TABLE_BODY.size_pt)) <= width {
        return email.to_string();
    }
    email.replacen('@', "@ ", 1)
}

/// Signature lines: a recall or trace is signed off by whoever made it and whoever approved it.
fn sign_off(flow: &mut Flow, labels: &Labels) {
    // Room to sign above the lines (the gap after the last section adds to it).
    let room = 6.0;
    flow.ensure(room + LABEL.line_mm() + 1.0);
    let gap = 8.0;
    let width = (WIDTH - 2.0 * gap) / 3.0;
    let line_y = flow.y + room;
    let keys =
        ["documents.trace_report.prepared_by", "documents.trace_report.approved_by", "documents.trace_report.date"];
    for (index, key) in keys.into_iter().enumerate() {
        let x = MARGIN + index as f32 * (width + gap);
        let page = flow.page();
        let label = truncate(page.fonts(), &labels.get(key), &LABEL, width);
        page.hline(x, x + width, line_y, 0.6, INK);
        page.text(x, line_y + 0.8, &label, &LABEL, Align::Left);
    }
    flow.y = line_y + LABEL.line_mm() + 2.0;
}
