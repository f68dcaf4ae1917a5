//! A SCAR record's own part: its status, D1 (the team), D2 (the problem) and its dated steps.

use super::{SECTION_MIN, TABLE_BODY, TABLE_HEAD, VALUE};
use crate::i18n::Labels;
use crate::layout::report::{MARGIN, ReportFrame, SECTION_GAP, WIDTH, heading};
use crate::layout::{Align, Column, Flow, Table, wrap};
use crate::vendor_report::VendorReport;

/// Lines of the problem description printed; the rest ends in "…".
const PROBLEM_LINES: usize = 30;

pub(super) fn record(flow: &mut Flow, frame: &ReportFrame, report: &VendorReport, labels: &Labels) {
    let Some(record) = &report.record else { return };
    let label = |key: &str| labels.get(&format!("documents.vendor_report.{key}"));
    let none = labels.get("documents.none");
    let cell = |text: &str| if text.trim().is_empty() { none.clone() } else { text.trim().to_string() };
    let column = |title: String, width: f32| Column { title, width, align: Align::Left, max_lines: 3 };
    let table = |columns| Table { x: MARGIN, columns, head: TABLE_HEAD, body: TABLE_BODY, pad_x: 1.2, pad_y: 1.2 };

    let d1 = label("d1.title");
    heading(flow, &d1, SECTION_MIN);
    let team = table(vec![column(label("record.name"), WIDTH * 0.5), column(label("record.role"), WIDTH * 0.5)]);
    let rows: Vec<Vec<String>> = record.team.iter().map(|m| vec![cell(&m.name), cell(&m.role)]).collect();
    frame.begin_section(&d1);
    team.draw(flow, &rows);
    frame.end_section();
    flow.y += SECTION_GAP;

    heading(flow, &label("d2.title"), VALUE.line_mm() * 2.0);
    let fonts = flow.page().fonts();
    for line in wrap(fonts, &cell(&record.problem), &VALUE, WIDTH, PROBLEM_LINES) {
        flow.ensure(VALUE.line_mm());
        let y = flow.y;
        flow.page().text(MARGIN, y, &line, &VALUE, Align::Left);
        flow.y = y + VALUE.line_mm();
    }
    flow.y += SECTION_GAP;

    let status = label(&format!("record.status.{}", record.status));
    let title = labels.format("documents.vendor_report.record.title", &[("status", &status)]);
    heading(flow, &title, SECTION_MIN);
    let steps = table(vec![
        column(label("record.step"), WIDTH * 0.4),
        column(label("record.date"), WIDTH * 0.3),
        column(label("record.by"), WIDTH * 0.3),
    ]);
    let rows: Vec<Vec<String>> = record
        .steps
        .iter()
        .map(|s| vec![label(&format!("record.steps.{}", s.step)), cell(&s.date), cell(&s.by)])
        .collect();
    frame.begin_section(&title);
    steps.draw(flow, &rows);
    frame.end_section();
    flow.y += SECTION_GAP;
}
