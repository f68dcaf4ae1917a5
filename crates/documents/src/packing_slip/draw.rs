//! The packing slip's layout on A4.

use super::PackingSlip;
use crate::barcode::{Code128, QUIET_ZONE_MODULES, draw_with_text};
use crate::error::DocumentError;
use crate::fonts::Weight;
use crate::i18n::Labels;
use crate::layout::{A4, Align, Canvas, Column, Flow, INK, MUTED, Pdf, RULE, Table, TextStyle, truncate, wrap};

const MARGIN: f32 = 15.0;
const RIGHT: f32 = A4.0 - MARGIN;
const WIDTH: f32 = A4.0 - 2.0 * MARGIN;
/// Content stops here; the footer sits below.
const BOTTOM: f32 = A4.1 - 18.0;
/// 0.33 mm is the narrowest bar that cheap office laser printers and handheld scanners agree on.
const MODULE_MM: f32 = 0.33;
const BAR_HEIGHT: f32 = 14.0;

const TITLE: TextStyle = TextStyle::new(22.0, Weight::Bold, INK);
const COMPANY: TextStyle = TextStyle::new(11.0, Weight::Bold, MUTED);
const HEADING: TextStyle = TextStyle::new(12.0, Weight::Bold, INK);
const LABEL: TextStyle = TextStyle::new(8.5, Weight::Regular, MUTED);
const VALUE: TextStyle = TextStyle::new(10.0, Weight::Regular, INK);
const STRONG: TextStyle = TextStyle::new(11.0, Weight::Bold, INK);
const BARCODE_TEXT: TextStyle = TextStyle::new(10.0, Weight::Regular, INK);
const TABLE_HEAD: TextStyle = TextStyle::new(8.5, Weight::Bold, INK);
const TABLE_BODY: TextStyle = TextStyle::new(9.0, Weight::Regular, INK);
const FOOTER: TextStyle = TextStyle::new(8.0, Weight::Regular, MUTED);

pub(super) fn render(slip: &PackingSlip) -> Result<Vec<u8>, DocumentError> {
    let labels = Labels::new(&slip.language);
    let number = slip.reshipment_no.trim();
    let title = labels.get("documents.packing_slip.title");
    let pdf = Pdf::new(&format!("{title} {number}"), A4)?;
    let mut first = pdf.canvas();
    let barcode =
        Code128::new(number).map_err(|source| DocumentError::Barcode { field: "reshipment_no".into(), source })?;
    let y = header(&mut first, slip, &labels, &barcode);
    let continued = labels.format("documents.packing_slip.continued", &[("number", number)]);
    let start_page = Box::new(move |canvas: &mut Canvas| {
        canvas.text(MARGIN, MARGIN, &continued, &STRONG, Align::Left);
        let rule = MARGIN + STRONG.line_mm() + 2.0;
        canvas.hline(MARGIN, RIGHT, rule, 0.75, RULE);
        rule + 5.0
    });
    let mut flow = Flow::new(&pdf, first, y, BOTTOM, start_page);
    addresses_and_facts(&mut flow, slip, &labels);
    references(&mut flow, slip, &labels);
    items(&mut flow, slip, &labels);
    sign_off(&mut flow, &labels);
    let mut pages = flow.into_pages();
    let count = pages.len().to_string();
    for (index, page) in pages.iter_mut().enumerate() {
        let of = labels.format("documents.page_of", &[("page", &(index + 1).to_string()), ("pages", &count)]);
        page.hline(MARGIN, RIGHT, A4.1 - 13.0, 0.5, RULE);
        page.text(MARGIN, A4.1 - 12.0, &format!("{title} {number}"), &FOOTER, Align::Left);
        page.text(RIGHT, A4.1 - 12.0, &of, &FOOTER, Align::Right);
    }
    Ok(pdf.finish(pages))
}

/// Company, title and the barcode; returns where the content below starts.
fn header(canvas: &mut Canvas, slip: &PackingSlip, labels: &Labels, barcode: &Code128) -> f32 {
    let fonts = canvas.fonts();
    let bars_mm = barcode.modules() as f32 * MODULE_MM;
    let quiet_mm = QUIET_ZONE_MODULES as f32 * MODULE_MM;
    let bars_left = RIGHT - quiet_mm - bars_mm;
    let text_width = bars_left - quiet_mm - MARGIN;
    let company = truncate(fonts, &slip.company_name, &COMPANY, text_width);
    canvas.text(MARGIN, MARGIN, &company, &COMPANY, Align::Left);
    let title = truncate(fonts, &labels.get("documents.packing_slip.title"), &TITLE, text_width);
    canvas.text(MARGIN, MARGIN + COMPANY.line_mm() + 1.0, &title, &TITLE, Align::Left);
    let number = slip.reshipment_no.trim();
    let text_bottom =
        draw_with_text(canvas, barcode, number, &BARCODE_TEXT, (bars_left, MARGIN), MODULE_MM, BAR_HEIGHT);
    let rule = text_bottom + 3.0;
    canvas.hline(MARGIN, RIGHT, rule, 1.0, INK);
    rule + 5.0
}

/// Ship-to on the left, the reshipment's facts on the right.
fn addresses_and_facts(flow: &mut Flow, slip: &PackingSlip, labels: &Labels) {
    let top = flow.y;
    let none = labels.get("documents.none");
    let or_none = |value: Option<&str>| value.map(str::trim).filter(|v| !v.is_empty()).unwrap_or(&none).to_string();
    let page = flow.page();
    let fonts = page.fonts();

    let column = 85.0;
    let mut y = top;
    page.text(MARGIN, y, &labels.get("documents.packing_slip.ship_to"), &LABEL, Align::Left);
    y += LABEL.line_mm() + 0.5;
    for line in wrap(fonts, &slip.ship_to.name, &STRONG, column, 2) {
        page.text(MARGIN, y, &line, &STRONG, Align::Left);
        y += STRONG.line_mm();
    }
    let address_lines = slip.ship_to.address.lines().chain([slip.ship_to.country.as_str()]);
    for line in address_lines.filter(|line| !line.trim().is_empty()).take(6) {
        for wrapped in wrap(fonts, line, &VALUE, column, 2) {
            page.text(MARGIN, y, &wrapped, &VALUE, Align::Left);
            y += VALUE.line_mm();
        }
    }
    let left_bottom = y;

    let label_x = MARGIN + column + 10.0;
    let value_x = label_x + 30.0;
    let value_width = RIGHT - value_x;
    let customer = slip.customer_name.as_deref();
    let facts = [
        ("documents.packing_slip.reshipment", slip.reshipment_no.trim().to_string(), &STRONG),
        ("documents.packing_slip.order", slip.order_no.trim().to_string(), &STRONG),
        ("documents.packing_slip.customer", or_none(customer), &VALUE),
        ("documents.packing_slip.created", or_none(Some(&slip.created_on)), &VALUE),
        ("documents.packing_slip.ship_date", or_none(slip.ship_date.as_deref()), &VALUE),
        ("documents.packing_slip.carrier", or_none(Some(&slip.carrier)), &VALUE),
        ("documents.packing_slip.service", or_none(Some(&slip.service)), &VALUE),
        ("documents.packing_slip.tracking", or_none(slip.tracking_no.as_deref()), &VALUE),
    ];
    let mut y = top;
    for (key, value, style) in facts {
        let label = truncate(fonts, &labels.get(key), &LABEL, value_x - label_x - 2.0);
        let value = truncate(fonts, &value, style, value_width);
        let line = style.line_mm().max(LABEL.line_mm());
        page.text(label_x, y + (line - LABEL.line_mm()), &label, &LABEL, Align::Left);
        page.text(value_x, y, &value, style, Align::Left);
        y += line + 0.8;
    }
    flow.y = left_bottom.max(y) + 4.0;
}

/// The QC failures this replaces and why: what a receiving clerk or auditor asks first.
fn references(flow: &mut Flow, slip: &PackingSlip, labels: &Labels) {
    let none = labels.get("documents.none");
    let failures = if slip.failure_nos.is_empty() { none.clone() } else { slip.failure_nos.join(", ") };
    let reason = if slip.reason.trim().is_empty() { none } else { slip.reason.clone() };
    for (key, text, max_lines) in
        [("documents.packing_slip.failures", failures, 3), ("documents.packing_slip.reason", reason, 4)]
    {
        let fonts = flow.page().fonts();
        let lines = wrap(fonts, &text, &VALUE, WIDTH, max_lines);
        flow.ensure(LABEL.line_mm() + lines.len() as f32 * VALUE.line_mm());
        let y = flow.y;
        flow.page().text(MARGIN, y, &labels.get(key), &LABEL, Align::Left);
        let mut y = y + LABEL.line_mm() + 0.3;
        for line in &lines {
            flow.page().text(MARGIN, y, line, &VALUE, Align::Left);
            y += VALUE.line_mm();
        }
        flow.y = y + 3.0;
    }
}

fn items(flow: &mut Flow, slip: &PackingSlip, labels: &Labels) {
    let column = |key: &str, width: f32, align: Align, max_lines: usize| Column {
        title: labels.get(&format!("documents.packing_slip.column.{key}")),
        width,
        align,
        max_lines,
    };
    let table = Table {
        x: MARGIN,
        columns: vec![
            column("line", 10.0, Align::Right, 1),
            column("sku", 36.0, Align::Left, 2),
            column("name", 62.0, Align::Left, 3),
            column("lot", 26.0, Align::Left, 2),
            column("serials", 30.0, Align::Left, 6),
            column("qty", 16.0, Align::Right, 1),
        ],
        head: TABLE_HEAD,
        body: TABLE_BODY,
        pad_x: 1.8,
        pad_y: 1.6,
    };
    let none = labels.get("documents.none");
    let rows: Vec<Vec<String>> = slip
        .items
        .iter()
        .map(|item| {
            vec![
                item.line_no.to_string(),
                item.sku.clone(),
                item.name.clone(),
                item.lot_code.clone().filter(|lot| !lot.trim().is_empty()).unwrap_or_else(|| none.clone()),
                if item.serials.is_empty() { none.clone() } else { item.serials.join(", ") },
                item.qty.to_string(),
            ]
        })
        .collect();
    flow.ensure(HEADING.line_mm() + 20.0);
    let y = flow.y;
    flow.page().text(MARGIN, y, &labels.get("documents.packing_slip.items"), &HEADING, Align::Left);
    flow.y += HEADING.line_mm() + 1.5;
    table.draw(flow, &rows);

    let total_qty: i64 = slip.items.iter().map(|item| item.qty).sum();
    let totals = format!(
        "{}: {}    {}: {}",
        labels.get("documents.packing_slip.total_lines"),
        slip.items.len(),
        labels.get("documents.packing_slip.total_qty"),
        total_qty
    );
    flow.ensure(STRONG.line_mm() + 2.0);
    let y = flow.y + 2.0;
    flow.page().text(RIGHT - 1.8, y, &totals, &STRONG, Align::Right);
    flow.y = y + STRONG.line_mm() + 10.0;
}

/// Signature lines for the two-person check warehouses do on replacement shipments.
fn sign_off(flow: &mut Flow, labels: &Labels) {
    let height = LABEL.line_mm() + 12.0;
    flow.ensure(height);
    let gap = 8.0;
    let width = (WIDTH - 2.0 * gap) / 3.0;
    let line_y = flow.y + 10.0;
    let keys = ["documents.packing_slip.packed_by", "documents.packing_slip.checked_by", "documents.packing_slip.date"];
    for (index, key) in keys.into_iter().enumerate() {
        let x = MARGIN + index as f32 * (width + gap);
        let page = flow.page();
        page.hline(x, x + width, line_y, 0.6, INK);
        page.text(x, line_y + 0.8, &labels.get(key), &LABEL, Align::Left);
    }
    flow.y = line_y + height;
}
