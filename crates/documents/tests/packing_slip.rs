//! The packing slip as real tools see it.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use lotline_documents::{PackingSlip, SlipAddress, SlipItem, packing_slip};

fn slip(language: &str) -> PackingSlip {
    PackingSlip {
        language: language.into(),
        company_name: "Lotline Demo B.V.".into(),
        reshipment_no: "RS-AMS1-000042".into(),
        order_no: "SO-2026-01001".into(),
        customer_name: Some("Bakker Elektronica".into()),
        failure_nos: vec!["QF-AMS1-000007".into(), "QF-AMS1-000009".into()],
        created_on: "2026-11-24".into(),
        ship_date: Some("2026-11-25".into()),
        carrier: "DPD".into(),
        service: "Classic".into(),
        tracking_no: Some("01234567890123".into()),
        ship_to: SlipAddress {
            name: "Bakker Elektronica".into(),
            address: "Keizersgracht 12\n1015 CR Amsterdam".into(),
            country: "NL".into(),
        },
        reason: "Cable failed the continuity test at incoming inspection".into(),
        items: vec![
            SlipItem {
                line_no: 1,
                sku: "CBL-USBC-2M".into(),
                name: "USB-C kabel 2 m, gevlochten".into(),
                lot_code: Some("L-2026-118".into()),
                serials: vec![],
                qty: 3,
            },
            SlipItem {
                line_no: 2,
                sku: "CHG-WL-15W".into(),
                name: "无线充电器 15W".into(),
                lot_code: None,
                serials: vec!["SN-0001".into(), "SN-0002".into()],
                qty: 2,
            },
        ],
    }
}

#[test]
fn opens_cleanly_and_says_what_is_in_the_box() {
    let checked = common::write_and_check("packing-slip-en.pdf", &packing_slip(&slip("en")).unwrap());
    assert_eq!(checked.page_count(), 1);
    let [(width, height)] = checked.page_sizes()[..] else { panic!("one page") };
    // A4 is 595.28 x 841.89 pt.
    assert!((width - 595.28).abs() < 0.1 && (height - 841.89).abs() < 0.1, "{width} x {height}");
    let text = checked.text();
    for expected in [
        "Packing slip",
        "Lotline Demo B.V.",
        "RS-AMS1-000042",
        "SO-2026-01001",
        "QF-AMS1-000007, QF-AMS1-000009",
        "Keizersgracht 12",
        "1015 CR Amsterdam",
        "01234567890123",
        "CBL-USBC-2M",
        "USB-C kabel 2 m, gevlochten",
        "无线充电器 15W",
        // Serials wrap at the comma, never inside a serial.
        "SN-0001,",
        "SN-0002",
        "L-2026-118",
        "Total quantity: 5",
        "Page 1 of 1",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
}

#[test]
fn the_reshipment_barcode_scans() {
    let checked = common::write_and_check("packing-slip-scan.pdf", &packing_slip(&slip("en")).unwrap());
    // 150 dpi is what an office scanner or a phone photo of a printed page gives at least.
    let found = common::barcodes(&checked.render(1, 150));
    assert_eq!(found, ["CODE-128:RS-AMS1-000042"]);
}

#[test]
fn labels_follow_the_language_and_chinese_renders_from_an_embedded_subset() {
    let chinese = common::write_and_check("packing-slip-zh.pdf", &packing_slip(&slip("zh-CN")).unwrap());
    let text = chinese.text();
    for expected in ["装箱单", "收货地址", "货品明细", "总数量: 5", "第 1 页，共 1 页"] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    let dutch = common::write_and_check("packing-slip-nl.pdf", &packing_slip(&slip("nl")).unwrap());
    let text = dutch.text();
    for expected in ["Pakbon", "Afleveradres", "Totaal aantal: 5", "Pagina 1 van 1"] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    let fonts = chinese.fonts();
    assert!(fonts.iter().any(|(name, _, _)| name.ends_with("DroidSansFallback")), "{fonts:?}");
    assert!(fonts.iter().all(|(_, embedded, subset)| *embedded && *subset), "{fonts:?}");
    // The CJK font file alone is 4 MB; subset, the whole document stays small.
    let size = std::fs::metadata(&chinese.pdf).unwrap().len();
    assert!(size < 300_000, "{size} bytes: fonts are not subset");
}

#[test]
fn many_items_continue_on_more_pages_with_the_header_repeated() {
    let mut long = slip("en");
    long.items = (1..=70)
        .map(|n| SlipItem {
            line_no: n,
            sku: format!("SKU-{n:04}"),
            name: format!("Replacement part number {n}"),
            lot_code: None,
            serials: vec![],
            qty: 1,
        })
        .collect();
    let checked = common::write_and_check("packing-slip-long.pdf", &packing_slip(&long).unwrap());
    let pages = checked.page_count();
    assert!(pages >= 2, "{pages} pages");
    let text = checked.text();
    assert!(text.contains("Packing slip RS-AMS1-000042 (continued)"), "{text}");
    assert!(text.contains(&format!("Page {pages} of {pages}")), "{text}");
    assert!(text.contains("SKU-0001") && text.contains("SKU-0070"));
    assert!(text.contains("Total quantity: 70"));
    // Every page carries the table header.
    assert_eq!(text.matches("Serial numbers").count(), pages, "{text}");
}
