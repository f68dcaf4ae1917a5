//! The vendor defect report's layout on A4 portrait.

use std::cell::RefCell;

use super::{VendorDefectCount, VendorReport, VendorReportParty, VendorReportScope};
use crate::error::DocumentError;
use crate::fonts::{FontSet, Weight};
use crate::i18n::Labels;
use crate::layout::{
    A4, Align, Canvas, Column, Fact, FactGrid, Flow, INK, Image, LINE_BREAK, MUTED, Pdf, RULE, Rgb, SHADE, STRIPE,
    Table, TextStyle, fit_size, truncate, wrap,
};

const MARGIN: f32 = 15.0;
const RIGHT: f32 = A4.0 - MARGIN;
const WIDTH: f32 = A4.0 - 2.0 * MARGIN;
/// Content stops here; the footer sits below.
const BOTTOM: f32 = A4.1 - 18.0;
/// The Pareto's bars: dark enough to print solid, lighter than text so the figures stand out.
const BAR: Rgb = Rgb(0.35, 0.35, 0.35);

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
/// The Pareto shows this many bars at most; smaller categories are summed into the last one.
pub(super) const PARETO_BARS: usize = 8;
const PARETO_ROW: f32 = 6.0;
/// Photos per row of the grid, the space between them, and their frames' height over width.
const PHOTO_COLUMNS: usize = 3;
const PHOTO_GAP: f32 = 5.0;
const PHOTO_ASPECT: f32 = 0.75;
/// The 8D sections the supplier fills in: key and ruled lines for the answer.
/// Sized so that D3 to D5/D6 fill one page and D7, D8 and the signatures the next.
const RESPONSE_SECTIONS: [(&str, usize); 5] = [("d3", 5), ("d4", 8), ("d56", 8), ("d7", 8), ("d8", 8)];
/// Space between ruled lines: room to write by hand.
const RULED_LINE: f32 = 7.5;

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

/// Our company and the report number, the title, the dates and what the report covers, and a
/// sentence on what the supplier is asked to do; returns where the content below starts.
fn header(canvas: &mut Canvas, report: &VendorReport, labels: &Labels, title: &str) -> f32 {
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
pub(super) fn party_lines(
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
fn parties(flow: &mut Flow, report: &VendorReport, labels: &Labels) {
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

/// The figures the caller gave, as a grid of boxes; the cost gets one box per currency.
fn summary(flow: &mut Flow, report: &VendorReport, labels: &Labels) {
    let figures = &report.figures;
    let label = |key: &str| labels.get(&format!("documents.vendor_report.figure.{key}"));
    let mut facts: Vec<Fact> = [
        ("failures", &figures.failures),
        ("inspected", &figures.units_inspected),
        ("defective", &figures.units_defective),
        ("defect_rate", &figures.defect_rate),
    ]
    .into_iter()
    .chain(figures.costs.iter().map(|cost| ("cost", cost)))
    .filter(|(_, value)| !value.trim().is_empty())
    .map(|(key, value)| Fact { label: label(key), value: value.trim().to_string() })
    .collect();
    facts.truncate(10);
    if facts.is_empty() {
        return;
    }
    let grid = FactGrid { x: MARGIN, width: WIDTH, max_columns: 5, gap: 3.0, label: FACT_LABEL, value: FACT_VALUE };
    let first_row = grid.first_row_height(flow.page().fonts(), &facts);
    heading(flow, &labels.get("documents.vendor_report.summary"), first_row);
    grid.draw(flow, &facts);
    flow.y += SECTION_GAP;
}

/// One bar of the Pareto chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct ParetoBar {
    pub(super) category: String,
    pub(super) count: u64,
    /// Share of all defects in this bar and the ones above it, in whole percent.
    pub(super) cumulative_percent: u64,
}

/// The categories largest first (ties in the caller's order), at most [`PARETO_BARS`] of them:
/// when there are more, the smallest are summed into a last bar "Other (n categories)".
pub(super) fn pareto_bars(defects: &[VendorDefectCount], labels: &Labels) -> Vec<ParetoBar> {
    let mut sorted: Vec<&VendorDefectCount> = defects.iter().filter(|defect| defect.count > 0).collect();
    sorted.sort_by_key(|defect| std::cmp::Reverse(defect.count));
    let total: u64 = sorted.iter().map(|defect| defect.count).sum();
    let none = labels.get("documents.none");
    let name = |defect: &VendorDefectCount| {
        if defect.category.trim().is_empty() { none.clone() } else { defect.category.trim().to_string() }
    };
    let mut bars: Vec<(String, u64)> = if sorted.len() > PARETO_BARS {
        let (top, rest) = sorted.split_at(PARETO_BARS - 1);
        let other = labels.format("documents.vendor_report.pareto_rest", &[("count", &rest.len().to_string())]);
        top.iter()
            .map(|defect| (name(defect), defect.count))
            .chain([(other, rest.iter().map(|d| d.count).sum())])
            .collect()
    } else {
        sorted.iter().map(|defect| (name(defect), defect.count)).collect()
    };
    let mut running = 0;
    bars.drain(..)
        .map(|(category, count)| {
            running += count;
            // Rounded half up, in integers so that the last bar is exactly 100.
            let cumulative_percent = (running * 200 + total) / (total * 2);
            ParetoBar { category, count, cumulative_percent }
        })
        .collect()
}

/// The defect categories as horizontal bars, largest first, with their cumulative share.
fn pareto(flow: &mut Flow, defects: &[VendorDefectCount], labels: &Labels) {
    let text = labels.get("documents.vendor_report.pareto");
    let bars = pareto_bars(defects, labels);
    if bars.is_empty() {
        empty_section(flow, &text, &labels.get("documents.vendor_report.empty.pareto"));
        return;
    }
    let column = |key: &str| labels.get(&format!("documents.vendor_report.column.{key}"));
    let category_width = 55.0;
    let cumulative_width = 22.0;
    let count_width = 14.0;
    let bar_x = MARGIN + category_width + 2.0;
    let bar_room = WIDTH - category_width - 2.0 - count_width - cumulative_width;
    let height = TABLE_HEAD.line_mm() + 1.5 + bars.len() as f32 * PARETO_ROW;
    heading(flow, &text, height);
    let top = flow.y;
    let page = flow.page();
    let fonts = page.fonts();
    page.text(
        MARGIN,
        top,
        &truncate(fonts, &column("category"), &TABLE_HEAD, category_width),
        &TABLE_HEAD,
        Align::Left,
    );
    page.text(bar_x, top, &truncate(fonts, &column("count"), &TABLE_HEAD, bar_room), &TABLE_HEAD, Align::Left);
    let cumulative = truncate(fonts, &column("cumulative"), &TABLE_HEAD, cumulative_width);
    page.text(RIGHT, top, &cumulative, &TABLE_HEAD, Align::Right);
    let rows_top = top + TABLE_HEAD.line_mm() + 1.5;
    page.hline(MARGIN, RIGHT, rows_top - 0.5, 0.5, RULE);
    let max = bars.iter().map(|bar| bar.count).max().unwrap_or(1).max(1) as f32;
    for (index, bar) in bars.iter().enumerate() {
        let y = rows_top + index as f32 * PARETO_ROW;
        let text_top = y + (PARETO_ROW - TABLE_BODY.line_mm()) / 2.0;
        let category = truncate(fonts, &bar.category, &TABLE_BODY, category_width - 1.0);
        page.text(MARGIN, text_top, &category, &TABLE_BODY, Align::Left);
        let length = (bar.count as f32 / max * bar_room).max(0.6);
        page.fill_rect(bar_x, y + 1.0, length, PARETO_ROW - 2.0, BAR);
        page.text(bar_x + length + 1.5, text_top, &bar.count.to_string(), &TABLE_BODY, Align::Left);
        page.text(RIGHT, text_top, &format!("{}%", bar.cumulative_percent), &TABLE_BODY, Align::Right);
    }
    let bottom = rows_top + bars.len() as f32 * PARETO_ROW;
    // The bars' base line.
    page.vline(bar_x, rows_top, bottom, 0.6, INK);
    flow.y = bottom + SECTION_GAP;
}

/// The failures in scope, one row each, the header repeated on every page the table runs onto.
fn failures(flow: &mut Flow, current_section: &RefCell<String>, report: &VendorReport, labels: &Labels) {
    let text = labels.get("documents.vendor_report.failures");
    if report.failures.is_empty() {
        empty_section(flow, &text, &labels.get("documents.vendor_report.empty.failures"));
        return;
    }
    let (table, rows) = failure_table(report, labels);
    heading(flow, &text, SECTION_MIN);
    text.clone_into(&mut current_section.borrow_mut());
    table.draw(flow, &rows);
    current_section.borrow_mut().clear();
    flow.y += SECTION_GAP;
}

pub(super) fn failure_table(report: &VendorReport, labels: &Labels) -> (Table, Vec<Vec<String>>) {
    let none = labels.get("documents.none");
    let cell = |text: &str| if text.trim().is_empty() { none.clone() } else { text.trim().to_string() };
    let title = |key: &str| labels.get(&format!("documents.vendor_report.column.{key}"));
    let column = |title: String, width: f32, align: Align, max_lines: usize| Column { title, width, align, max_lines };
    // Two short facts share a column, one above the other, to leave the description room. Sized
    // so that typical values ("QF-AMS1-000012", "L-2026-00012") stay on one line.
    let two = |upper: &str, lower: &str| format!("{upper}{LINE_BREAK}{lower}");
    let columns = vec![
        column(two(&title("number"), &title("date")), 28.0, Align::Left, 3),
        column(two(&title("sku"), &title("lot")), 24.0, Align::Left, 4),
        column(title("qty"), 17.0, Align::Right, 2),
        column(title("severity"), 17.5, Align::Left, 2),
        column(title("category"), 21.5, Align::Left, 3),
        column(title("description"), 72.0, Align::Left, 8),
    ];
    let rows = report
        .failures
        .iter()
        .map(|failure| {
            vec![
                two(&cell(&failure.number), &cell(&failure.date)),
                two(&cell(&failure.sku), &cell(&failure.lot)),
                format!("{} / {}", cell(&failure.qty_defective), cell(&failure.qty_inspected)),
                cell(&failure.severity),
                cell(&failure.category),
                cell(&failure.description),
            ]
        })
        .collect();
    let table = Table { x: MARGIN, columns, head: TABLE_HEAD, body: TABLE_BODY, pad_x: 1.2, pad_y: 1.2 };
    (table, rows)
}

/// The photos in a grid, each scaled to fit its frame with its caption below.
fn photos(
    flow: &mut Flow,
    current_section: &RefCell<String>,
    report: &VendorReport,
    images: &[Option<Image>],
    labels: &Labels,
) {
    if report.photos.is_empty() {
        return;
    }
    let text = labels.get("documents.vendor_report.photos");
    let unreadable = labels.get("documents.vendor_report.photo_unreadable");
    let cell_width = (WIDTH - PHOTO_GAP * (PHOTO_COLUMNS - 1) as f32) / PHOTO_COLUMNS as f32;
    let frame_height = cell_width * PHOTO_ASPECT;
    let fonts = flow.page().fonts();
    let captions: Vec<Vec<String>> =
        report.photos.iter().map(|photo| wrap(fonts, &photo.caption, &CAPTION, cell_width, 2)).collect();
    let cells: Vec<(&Option<Image>, &Vec<String>)> = images.iter().zip(&captions).collect();
    let row_height = |row: &[(&Option<Image>, &Vec<String>)]| {
        let lines = row.iter().map(|(_, caption)| caption.len()).max().unwrap_or(0);
        frame_height + 1.0 + lines as f32 * CAPTION.line_mm()
    };
    let first_row = cells.chunks(PHOTO_COLUMNS).next().map_or(0.0, row_height);
    heading(flow, &text, first_row);
    text.clone_into(&mut current_section.borrow_mut());
    for row in cells.chunks(PHOTO_COLUMNS) {
        let height = row_height(row);
        flow.ensure(height);
        let top = flow.y;
        let page = flow.page();
        for (index, (image, caption)) in row.iter().enumerate() {
            let x = MARGIN + index as f32 * (cell_width + PHOTO_GAP);
            match image {
                Some(image) => {
                    let inset = 1.0;
                    let (width, height) =
                        fit_size(image.aspect(), cell_width - 2.0 * inset, frame_height - 2.0 * inset);
                    let left = x + (cell_width - width) / 2.0;
                    let image_top = top + (frame_height - height) / 2.0;
                    page.image(image, left, image_top, width, height);
                }
                None => {
                    page.fill_rect(x, top, cell_width, frame_height, STRIPE);
                    let lines = wrap(fonts, &unreadable, &CAPTION, cell_width - 6.0, 3);
                    let mut y = top + (frame_height - lines.len() as f32 * CAPTION.line_mm()) / 2.0;
                    for line in &lines {
                        page.text(x + cell_width / 2.0, y, line, &CAPTION, Align::Center);
                        y += CAPTION.line_mm();
                    }
                }
            }
            page.stroke_rect(x, top, cell_width, frame_height, 0.5, RULE);
            let mut y = top + frame_height + 1.0;
            for line in caption.iter() {
                page.text(x, y, line, &CAPTION, Align::Left);
                y += CAPTION.line_mm();
            }
        }
        flow.y = top + height + PHOTO_GAP;
    }
    current_section.borrow_mut().clear();
    flow.y += SECTION_GAP - PHOTO_GAP;
}

/// The supplier's part, on a page of its own: the 8D sections as boxes with ruled lines to
/// write on, then signatures for the supplier and our quality lead.
fn response(flow: &mut Flow, report: &VendorReport, labels: &Labels) {
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
        response_box(flow, labels, key, lines);
    }
    sign_off(flow, report, labels);
}

/// One 8D section: a shaded title bar, a hint of what to answer, ruled lines for the answer.
fn response_box(flow: &mut Flow, labels: &Labels, key: &str, ruled_lines: usize) {
    let pad = 2.0;
    let fonts = flow.page().fonts();
    let title =
        truncate(fonts, &labels.get(&format!("documents.vendor_report.{key}.title")), &BOX_TITLE, WIDTH - 2.0 * pad);
    let hint = wrap(fonts, &labels.get(&format!("documents.vendor_report.{key}.hint")), &HINT, WIDTH - 2.0 * pad, 2);
    let bar = BOX_TITLE.line_mm() + 2.0 * pad;
    let height = bar + pad + hint.len() as f32 * HINT.line_mm() + ruled_lines as f32 * RULED_LINE + 2.0 * pad;
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
    for _ in 0..ruled_lines {
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
