//! The credit note's layout on A4.

use super::CreditNote;
use crate::barcode::{Code128, QUIET_ZONE_MODULES, draw_with_text};
use crate::error::DocumentError;
use crate::fonts::Weight;
use crate::i18n::Labels;
use crate::layout::{A4, Align, Canvas, Column, Flow, INK, MUTED, Pdf, RULE, Table, TextStyle, truncate, wrap};

const MARGIN: f32 = 15.0;
const RIGHT: f32 = A4.0 - MARGIN;
const WIDTH: f32 = A4.0 - 2.0 * MARGIN;
const BOTTOM: f32 = A4.1 - 18.0;
const MODULE_MM: f32 = 0.33;
const BAR_HEIGHT: f32 = 12.0;

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

pub(super) fn render(note: &CreditNote) -> Result<Vec<u8>, DocumentError> {
    let labels = Labels::new(&note.language);
    let number = note.rma_no.trim();
    let title = labels.get("documents.credit_note.title");
    let pdf = Pdf::new(&format!("{title} {number}"), A4)?;
    let mut first = pdf.canvas();
    let barcode = Code128::new(number).map_err(|source| DocumentError::Barcode { field: "rma_no".into(), source })?;
    let y = header(&mut first, note, &labels, &barcode);
    let continued = labels.format("documents.credit_note.continued", &[("number", number)]);
    let start_page = Box::new(move |canvas: &mut Canvas| {
        canvas.text(MARGIN, MARGIN, &continued, &STRONG, Align::Left);
        let rule = MARGIN + STRONG.line_mm() + 2.0;
        canvas.hline(MARGIN, RIGHT, rule, 0.75, RULE);
        rule + 5.0
    });
    let mut flow = Flow::new(&pdf, first, y, BOTTOM, start_page);
    facts(&mut flow, note, &labels);
    lines(&mut flow, note, &labels);
    duties(&mut flow, note, &labels);
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

fn header(canvas: &mut Canvas, note: &CreditNote, labels: &Labels, barcode: &Code128) -> f32 {
    let fonts = canvas.fonts();
    let bars_mm = barcode.modules() as f32 * MODULE_MM;
    let quiet_mm = QUIET_ZONE_MODULES as f32 * MODULE_MM;
    let bars_left = RIGHT - quiet_mm - bars_mm;
    let text_width = bars_left - quiet_mm - MARGIN;
    let company = truncate(fonts, &note.company_name, &COMPANY, text_width);
    canvas.text(MARGIN, MARGIN, &company, &COMPANY, Align::Left);
    let title = truncate(fonts, &labels.get("documents.credit_note.title"), &TITLE, text_width);
    canvas.text(MARGIN, MARGIN + COMPANY.line_mm() + 1.0, &title, &TITLE, Align::Left);
    let number = note.rma_no.trim();
    let bottom = draw_with_text(canvas, barcode, number, &BARCODE_TEXT, (bars_left, MARGIN), MODULE_MM, BAR_HEIGHT);
    let rule = bottom + 3.0;
    canvas.hline(MARGIN, RIGHT, rule, 1.0, INK);
    rule + 5.0
}

/// A known reason code in words, else the code as recorded.
fn reason_words(labels: &Labels, code: &str) -> String {
    let key = format!("documents.credit_note.reason.{code}");
    let words = labels.get(&key);
    if words == key { code.to_owned() } else { words }
}

fn facts(flow: &mut Flow, note: &CreditNote, labels: &Labels) {
    let kind = labels.get(&format!("documents.credit_note.kind.{}", note.kind));
    let facts = [
        ("documents.credit_note.rma", note.rma_no.trim().to_owned()),
        ("documents.credit_note.customer", note.customer_name.clone()),
        ("documents.credit_note.orders", note.order_nos.join(", ")),
        ("documents.credit_note.settled_on", note.settled_on.clone()),
        ("documents.credit_note.settlement", kind),
        ("documents.credit_note.reason_of_return", reason_words(labels, &note.reason_code)),
    ];
    for (key, value) in facts {
        flow.ensure(VALUE.line_mm() + 1.0);
        let y = flow.y;
        let page = flow.page();
        let fonts = page.fonts();
        let label = truncate(fonts, &labels.get(key), &LABEL, 40.0);
        page.text(MARGIN, y + (VALUE.line_mm() - LABEL.line_mm()), &label, &LABEL, Align::Left);
        let value = truncate(fonts, &value, &VALUE, WIDTH - 45.0);
        page.text(MARGIN + 45.0, y, &value, &VALUE, Align::Left);
        flow.y = y + VALUE.line_mm() + 0.8;
    }
    flow.y += 4.0;
}

fn lines(flow: &mut Flow, note: &CreditNote, labels: &Labels) {
    let column = |key: &str, width: f32, align: Align, max_lines: usize| Column {
        title: labels.get(&format!("documents.credit_note.column.{key}")),
        width,
        align,
        max_lines,
    };
    let table = Table {
        x: MARGIN,
        columns: vec![
            column("sku", 28.0, Align::Left, 2),
            column("name", 40.0, Align::Left, 3),
            column("qty", 11.0, Align::Right, 1),
            column("unit_price", 22.0, Align::Right, 1),
            column("amount", 22.0, Align::Right, 1),
            column("fee", 20.0, Align::Right, 1),
            column("fee_reason", 37.0, Align::Left, 4),
        ],
        head: TABLE_HEAD,
        body: TABLE_BODY,
        pad_x: 1.6,
        pad_y: 1.5,
    };
    let rows: Vec<Vec<String>> = note
        .lines
        .iter()
        .map(|line| {
            let args: Vec<(&str, &str)> = line.fee_reason_args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let reason = labels.format(&format!("documents.credit_note.fee_reason.{}", line.fee_reason), &args);
            vec![
                line.sku.clone(),
                line.name.clone(),
                line.qty.to_string(),
                line.unit_price.clone(),
                line.amount.clone(),
                line.fee.clone(),
                reason,
            ]
        })
        .collect();
    flow.ensure(HEADING.line_mm() + 20.0);
    let y = flow.y;
    flow.page().text(MARGIN, y, &labels.get("documents.credit_note.lines"), &HEADING, Align::Left);
    flow.y += HEADING.line_mm() + 1.5;
    table.draw(flow, &rows);
    let totals = [
        ("documents.credit_note.gross", &note.gross, &VALUE),
        ("documents.credit_note.fee", &note.fee, &VALUE),
        ("documents.credit_note.net", &note.net, &STRONG),
    ];
    flow.y += 2.0;
    for (key, value, style) in totals {
        flow.ensure(style.line_mm() + 1.0);
        let y = flow.y;
        let page = flow.page();
        page.text(RIGHT - 40.0, y, &labels.get(key), style, Align::Right);
        page.text(RIGHT - 1.6, y, value, style, Align::Right);
        flow.y = y + style.line_mm() + 0.8;
    }
    flow.y += 5.0;
}

/// Who opened, approved, asked, approved the money and paid it: the separation of duties.
fn duties(flow: &mut Flow, note: &CreditNote, labels: &Labels) {
    let none = labels.get("documents.none");
    let name = |who: &Option<String>| who.clone().filter(|w| !w.trim().is_empty()).unwrap_or_else(|| none.clone());
    let d = &note.duties;
    let mut rows: Vec<(String, String)> = vec![
        (labels.get("documents.credit_note.opened_by"), name(&d.opened_by)),
        (labels.get("documents.credit_note.approved_return_by"), name(&d.approved_return_by)),
        (labels.get("documents.credit_note.requested_by"), name(&d.requested_by)),
    ];
    if d.approvals.is_empty() {
        rows.push((
            labels.get("documents.credit_note.approved_payout_by"),
            labels.get("documents.credit_note.within_limit"),
        ));
    }
    for a in &d.approvals {
        let text = labels.format(
            "documents.credit_note.approval",
            &[("name", &a.name), ("roles", &a.roles), ("amount", &a.amount), ("on", &a.on)],
        );
        rows.push((labels.get("documents.credit_note.approved_payout_by"), text));
    }
    rows.push((labels.get("documents.credit_note.paid_by"), name(&d.paid_by)));
    flow.ensure(HEADING.line_mm() + 10.0);
    let y = flow.y;
    flow.page().text(MARGIN, y, &labels.get("documents.credit_note.duties"), &HEADING, Align::Left);
    flow.y += HEADING.line_mm() + 1.5;
    for (label, value) in rows {
        let fonts = flow.page().fonts();
        let wrapped = wrap(fonts, &value, &VALUE, WIDTH - 50.0, 2);
        flow.ensure(wrapped.len() as f32 * VALUE.line_mm() + 1.0);
        let mut y = flow.y;
        let page = flow.page();
        let label = truncate(page.fonts(), &label, &LABEL, 48.0);
        page.text(MARGIN, y + (VALUE.line_mm() - LABEL.line_mm()), &label, &LABEL, Align::Left);
        for line in &wrapped {
            page.text(MARGIN + 50.0, y, line, &VALUE, Align::Left);
            y += VALUE.line_mm();
        }
        flow.y = y + 0.8;
    }
}
