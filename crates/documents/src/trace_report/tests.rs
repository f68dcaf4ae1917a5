use super::draw::{Section, breakable_email, grid_columns, sections, table};
use super::*;
use crate::fonts::font_set;
use crate::i18n::Labels;

pub(crate) fn lot(n: usize) -> ReportLot {
    ReportLot {
        depth: u32::try_from(n % 4).unwrap(),
        lot_code: format!("L-2026-{n:05}"),
        via: if n == 0 { String::new() } else { "split".into() },
        sku: "CHG-WL-15W".into(),
        qty_text: "100 pcs".into(),
        status: "On hold".into(),
        on_hand_text: "40 pcs".into(),
        location: "AMS1 / A-01-02".into(),
    }
}

pub(crate) fn sample() -> TraceReport {
    TraceReport {
        kind: TraceReportKind::Recall,
        reference: "RC-AMS1-000001".into(),
        company: "Lotline Demo B.V.".into(),
        generated_at: "2026-11-30 09:15".into(),
        roots: vec!["L-2026-00000".into()],
        reason: Some("Charger overheats".into()),
        summary: vec![("Lots in scope".into(), "3".into())],
        lots: (0..3).map(lot).collect(),
        stock: vec![ReportStock { location: "AMS1".into(), lots: 2, qty_text: "80 pcs".into() }],
        customers: vec![ReportCustomer {
            code: "C-001".into(),
            name: "深圳市电子有限公司".into(),
            email: "qc@example.cn".into(),
            phone: "+86 755 1234 5678".into(),
            orders: 1,
            qty_text: "20 pcs".into(),
        }],
        orders: vec![ReportOrder {
            order_no: "SO-1".into(),
            customer: "深圳市电子有限公司".into(),
            lots: "L-2026-00001".into(),
            qty_text: "20 pcs".into(),
        }],
        language: "en".into(),
    }
}

fn page_count(pdf: &[u8]) -> usize {
    lopdf::Document::load_mem(pdf).unwrap().get_pages().len()
}

#[test]
fn a_complete_report_renders_on_one_page() {
    let pdf = trace_report(&sample()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert_eq!(page_count(&pdf), 1);
}

#[test]
fn an_empty_report_renders() {
    let report = TraceReport {
        reference: "L-1".into(),
        language: "nl".into(),
        kind: TraceReportKind::Backward,
        ..TraceReport::default()
    };
    assert_eq!(page_count(&trace_report(&report).unwrap()), 1);
}

#[test]
fn missing_or_bad_fields_are_named() {
    let mut report = sample();
    report.reference = " ".into();
    assert_eq!(trace_report(&report).unwrap_err().field(), "reference");

    let mut report = sample();
    report.stock[0].lots = -1;
    assert_eq!(trace_report(&report).unwrap_err().field(), "stock[0].lots");

    let mut report = sample();
    report.customers[0].orders = -2;
    assert_eq!(trace_report(&report).unwrap_err().field(), "customers[0].orders");
}

#[test]
fn sections_follow_the_kind() {
    use Section::{Customers, Lots, Orders, Stock};
    let mut report = sample();
    report.stock.clear();
    report.customers.clear();
    report.orders.clear();
    // A recall always says what is in stock, even when nothing is.
    assert_eq!(sections(&report), [Stock, Customers, Orders, Lots]);
    report.kind = TraceReportKind::Forward;
    assert_eq!(sections(&report), [Customers, Orders, Lots]);
    // Where lots came from has no customers, unless the caller has some to show.
    report.kind = TraceReportKind::Backward;
    assert_eq!(sections(&report), [Lots]);
    report.orders = sample().orders;
    report.stock = sample().stock;
    assert_eq!(sections(&report), [Stock, Orders, Lots]);
}

#[test]
fn tables_fill_the_width_and_blank_cells_show_a_dash() {
    let report = sample();
    let labels = Labels::new("en");
    for section in [Section::Stock, Section::Customers, Section::Orders, Section::Lots] {
        let (table, rows) = table(font_set().unwrap(), section, &report, &labels);
        assert!((table.width() - 180.0).abs() < 0.01, "{section:?}: {}", table.width());
        assert!(rows.iter().all(|row| row.len() == table.columns.len()), "{section:?}");
    }
    let (table, rows) = table(font_set().unwrap(), Section::Lots, &report, &labels);
    assert_eq!(table.columns[1].title, "Lot");
    // The root lot was reached by no link.
    assert_eq!(rows[0][..3], ["0", "L-2026-00000", "—"]);
    assert_eq!(rows[2][1], "L-2026-00002");
}

#[test]
fn many_lots_run_onto_more_pages() {
    let mut report = sample();
    report.lots = (0..60).map(lot).collect();
    let two = page_count(&trace_report(&report).unwrap());
    report.lots = (0..600).map(lot).collect();
    let many = page_count(&trace_report(&report).unwrap());
    assert!(two >= 2 && many > two * 5, "{two} then {many}");
}

#[test]
fn the_summary_grid_fills_its_rows_evenly() {
    let columns: Vec<usize> = (0..=11).map(grid_columns).collect();
    assert_eq!(columns, [1, 1, 2, 3, 4, 5, 3, 4, 4, 5, 5, 4]);
}

#[test]
fn a_long_email_address_breaks_after_the_at_sign() {
    let fonts = font_set().unwrap();
    assert_eq!(breakable_email(fonts, "qc@example.cn", 40.0), "qc@example.cn");
    let long = "quality.department@huanan-electronics.example.cn";
    assert_eq!(breakable_email(fonts, long, 40.0), "quality.department@ huanan-electronics.example.cn");
}
