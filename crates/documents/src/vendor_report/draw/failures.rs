//! Every failure in a table, then their photos in a grid.

use super::{CAPTION, SECTION_MIN, TABLE_BODY, TABLE_HEAD};
use crate::i18n::Labels;
use crate::layout::report::{MARGIN, ReportFrame, SECTION_GAP, WIDTH, empty_section, heading};
use crate::layout::{Align, Column, Flow, Image, LINE_BREAK, RULE, STRIPE, Table, fit_size, wrap};
use crate::vendor_report::VendorReport;

/// Photos per row of the grid, the space between them, and their frames' height over width.
const PHOTO_COLUMNS: usize = 3;
const PHOTO_GAP: f32 = 5.0;
const PHOTO_ASPECT: f32 = 0.75;

/// The failures in scope, one row each, the header repeated on every page the table runs onto.
pub(super) fn failures(flow: &mut Flow, frame: &ReportFrame, report: &VendorReport, labels: &Labels) {
    let text = labels.get("documents.vendor_report.failures");
    if report.failures.is_empty() {
        empty_section(flow, &text, &labels.get("documents.vendor_report.empty.failures"));
        return;
    }
    let (table, rows) = failure_table(report, labels);
    heading(flow, &text, SECTION_MIN);
    frame.begin_section(&text);
    table.draw(flow, &rows);
    frame.end_section();
    flow.y += SECTION_GAP;
}

pub(in crate::vendor_report) fn failure_table(report: &VendorReport, labels: &Labels) -> (Table, Vec<Vec<String>>) {
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
pub(super) fn photos(
    flow: &mut Flow,
    frame: &ReportFrame,
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
    frame.begin_section(&text);
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
    frame.end_section();
    flow.y += SECTION_GAP - PHOTO_GAP;
}
