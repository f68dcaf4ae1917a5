//! The trace and recall report as real tools see it.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

// The report has no barcodes and is checked by its text, so some shared helpers go unused here.
#[allow(dead_code)]
mod common;

use lotline_documents::{
    ReportCustomer, ReportLot, ReportOrder, ReportStock, TraceReport, TraceReportKind, trace_report,
};

const CHINESE_CUSTOMER: &str = "深圳市华南电子科技有限公司";

fn lot(n: usize, status: &str) -> ReportLot {
    ReportLot {
        depth: u32::try_from(n.min(1) + n % 3).unwrap(),
        lot_code: format!("L-2026-{n:05}"),
        via: if n == 0 { String::new() } else { format!("split from L-2026-{:05}", n / 2) },
        sku: "CHG-WL-15W".into(),
        qty_text: format!("{} pcs", 100 + n),
        status: status.into(),
        on_hand_text: format!("{} pcs", n % 40),
        location: "AMS1 / A-01-02".into(),
    }
}

fn report(kind: TraceReportKind, language: &str, lots: usize) -> TraceReport {
    TraceReport {
        kind,
        reference: "RC-AMS1-000001".into(),
        company: "Lotline Demo B.V.".into(),
        generated_at: "2026-11-30 09:15".into(),
        roots: vec!["L-2026-00000".into(), "L-2026-00001".into()],
        reason: Some(
            "Supplier reported that the charging coil of this batch can overheat when used with 20 W adapters; \
             stop shipping and contact every customer who received units."
                .into(),
        ),
        summary: vec![
            ("Lots in scope".into(), lots.to_string()),
            ("Customers".into(), "3".into()),
            ("Orders".into(), "4".into()),
            ("Units shipped".into(), "1,240 pcs".into()),
            ("Units still in stock".into(), "310 pcs".into()),
        ],
        lots: (0..lots).map(|n| lot(n, "On hold")).collect(),
        stock: vec![
            ReportStock { location: "AMS1 Amsterdam warehouse".into(), lots: 2, qty_text: "250 pcs".into() },
            ReportStock { location: "RTM2 Rotterdam returns".into(), lots: 1, qty_text: "60 pcs".into() },
        ],
        customers: vec![
            ReportCustomer {
                code: "C-0001".into(),
                name: "Bakker Elektronica".into(),
                email: "inkoop@bakker-elektronica.nl".into(),
                phone: "+31 20 555 0101".into(),
                orders: 2,
                qty_text: "800 pcs".into(),
            },
            ReportCustomer {
                code: "C-0002".into(),
                name: CHINESE_CUSTOMER.into(),
                email: "quality.department@huanan-electronics-technology.example.cn".into(),
                phone: "+86 755 8888 1234".into(),
                orders: 1,
                qty_text: "400 pcs".into(),
            },
            ReportCustomer {
                code: "C-0003".into(),
                name: "Müller & Söhne Handelsgesellschaft mbH Elektrotechnik und Zubehör".into(),
                email: String::new(),
                phone: "+49 30 1234567".into(),
                orders: 1,
                qty_text: "40 pcs".into(),
            },
        ],
        orders: vec![
            ReportOrder {
                order_no: "SO-2026-01001".into(),
                customer: "Bakker Elektronica".into(),
                lots: "L-2026-00001, L-2026-00002".into(),
                qty_text: "500 pcs".into(),
            },
            ReportOrder {
                order_no: "SO-2026-01002".into(),
                customer: "Bakker Elektronica".into(),
                lots: "L-2026-00002".into(),
                qty_text: "300 pcs".into(),
            },
            ReportOrder {
                order_no: "SO-2026-01007".into(),
                customer: CHINESE_CUSTOMER.into(),
                lots: "L-2026-00001".into(),
                qty_text: "400 pcs".into(),
            },
            ReportOrder {
                order_no: "SO-2026-01010".into(),
                customer: "Müller & Söhne Handelsgesellschaft mbH".into(),
                lots: "L-2026-00002".into(),
                qty_text: "40 pcs".into(),
            },
        ],
        language: language.into(),
    }
}

fn assert_contains(text: &str, expected: &[&str]) {
    for expected in expected {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
}

#[test]
fn an_english_recall_shows_stock_customers_orders_and_lots() {
    let recall = report(TraceReportKind::Recall, "en", 4);
    let checked = common::write_and_check("trace-recall-en.pdf", &trace_report(&recall).unwrap());
    assert_eq!(checked.page_count(), 1);
    let [(width, height)] = checked.page_sizes()[..] else { panic!("one page") };
    // A4 portrait is 595.28 x 841.89 pt.
    assert!((width - 595.28).abs() < 0.1 && (height - 841.89).abs() < 0.1, "{width} x {height}");
    let text = checked.text();
    assert_contains(
        &text,
        &[
            "Recall",
            "RC-AMS1-000001",
            "Lotline Demo B.V.",
            "Generated: 2026-11-30 09:15",
            "Recalled lots",
            "L-2026-00000, L-2026-00001",
            "Reason for recall",
            "Lots in scope",
            "Units still in stock",
            "Stock on hand by location",
            "AMS1 Amsterdam warehouse",
            "Customers to contact",
            CHINESE_CUSTOMER,
            // A long address breaks after the "@".
            "inkoop@",
            "bakker-elektronica.nl",
            "Orders",
            "SO-2026-01010",
            "Lots",
            "L-2026-00003",
            "Prepared by",
            "Page 1 of 1",
        ],
    );
    let fonts = checked.fonts();
    assert!(fonts.iter().any(|(name, _, _)| name.ends_with("DroidSansFallback")), "{fonts:?}");
    assert!(fonts.iter().all(|(_, embedded, subset)| *embedded && *subset), "{fonts:?}");
}

#[test]
fn a_dutch_forward_trace_is_in_dutch() {
    let trace = TraceReport {
        reference: "L-2026-00000".into(),
        reason: None,
        stock: Vec::new(),
        ..report(TraceReportKind::Forward, "nl", 6)
    };
    let checked = common::write_and_check("trace-forward-nl.pdf", &trace_report(&trace).unwrap());
    assert_eq!(checked.page_count(), 1);
    let text = checked.text();
    assert_contains(
        &text,
        &[
            "Voorwaartse tracering",
            "L-2026-00000",
            "Startpartijen",
            "Samenvatting",
            "Te informeren klanten",
            "Bestellingen",
            "Partijen",
            "Niveau",
            "Locatie",
            "L-2026-00005",
            "Pagina 1 van 1",
        ],
    );
    // No stock given and no recall: no stock section, and no reason line.
    assert!(!text.contains("Voorraad per locatie") && !text.contains("Reden"), "{text}");
}

#[test]
fn a_chinese_backward_trace_is_in_chinese() {
    let trace = TraceReport {
        reference: "L-2026-00009".into(),
        reason: None,
        stock: Vec::new(),
        customers: Vec::new(),
        orders: Vec::new(),
        summary: vec![("涉及批次".into(), "5".into()), ("来源供应商".into(), "2".into())],
        ..report(TraceReportKind::Backward, "zh-CN", 5)
    };
    let checked = common::write_and_check("trace-backward-zh.pdf", &trace_report(&trace).unwrap());
    assert_eq!(checked.page_count(), 1);
    let text = checked.text();
    assert_contains(
        &text,
        &[
            "反向追溯",
            "L-2026-00009",
            "起始批次",
            "概要",
            "涉及批次",
            "批次",
            "库位",
            "L-2026-00004",
            "第 1 页，共 1 页",
        ],
    );
    // Where lots came from has no customers to contact.
    assert!(!text.contains("需联系的客户"), "{text}");
}

#[test]
fn a_report_without_lots_says_so() {
    let empty = TraceReport {
        lots: Vec::new(),
        stock: Vec::new(),
        customers: Vec::new(),
        orders: Vec::new(),
        summary: Vec::new(),
        ..report(TraceReportKind::Recall, "en", 0)
    };
    let checked = common::write_and_check("trace-empty-en.pdf", &trace_report(&empty).unwrap());
    assert_eq!(checked.page_count(), 1);
    let text = checked.text();
    assert_contains(
        &text,
        &[
            "RC-AMS1-000001",
            "None of these lots are in stock.",
            "No customers received these lots.",
            "No orders shipped these lots.",
            "No lots are in the scope of this report.",
        ],
    );
}

#[test]
fn a_large_recall_runs_over_many_pages_with_headers_repeated() {
    let large = report(TraceReportKind::Recall, "en", 3_000);
    let checked = common::write_and_check("trace-recall-large.pdf", &trace_report(&large).unwrap());
    let pages = checked.page_count();
    assert!(pages > 50, "{pages} pages");
    let text = checked.text();
    assert_contains(
        &text,
        &[
            "L-2026-00000",
            "L-2026-01500",
            "L-2026-02999",
            "Recall RC-AMS1-000001 (continued)",
            "Lots (continued)",
            &format!("Page {pages} of {pages}"),
        ],
    );
    // Every page but the first continues the lots table under its column headers.
    // (The signature lines may go on a last page of their own.)
    assert!(text.matches("Lots (continued)").count() >= pages - 2, "{text}");
    assert!(text.matches("Location").count() >= pages, "the header row is not repeated");
}

/// A recall of a hub lot lists thousands of lots: the report holds them all. (Its speed is
/// reported by `lotline bench`, never asserted in a test.)
#[test]
fn five_thousand_lots_make_one_long_report() {
    let bytes = trace_report(&report(TraceReportKind::Recall, "en", 5_000)).unwrap();
    let checked = common::write_and_check("trace-recall-5000.pdf", &bytes);
    assert!(checked.page_count() > 100);
    assert!(checked.text().contains("L-2026-04999"));
}
