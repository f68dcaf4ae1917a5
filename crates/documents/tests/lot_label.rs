//! Lot labels as real tools see them: a batch of three in the three languages, with one, two and
//! three GS1-128 symbols, each checked with qpdf, poppler and zbar.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use lotline_documents::{DocumentError, LabelSize, LotLabel, lot_labels};

const GS: char = '\u{1d}';

fn batch() -> Vec<LotLabel> {
    vec![
        // A short lot: GTIN, expiry and lot in one symbol.
        LotLabel {
            product_name: "Wireless charger 15W, white".into(),
            sku: "CHG-15W-WH".into(),
            lot_code: "ABC123".into(),
            supplier_lot: Some("SZ-240611-07".into()),
            vendor_name: "Shenzhen Xingchen Electronics Co., Ltd.".into(),
            quantity_text: "240 pcs".into(),
            manufactured: Some("11 Jun 2026".into()),
            expiry: Some("31 Dec 2027".into()),
            serial: None,
            gs1_human: "(01)09506000134352(17)271231(10)ABC123".into(),
            gs1_barcode_data: "01095060001343521727123110ABC123".into(),
            digital_link: "https://id.gs1.org/01/09506000134352/10/ABC123?17=271231".into(),
            language: "en".into(),
        },
        // A Dutch label with a longer lot: the lot gets its own symbol.
        LotLabel {
            product_name: "Oplaadkabel USB-C naar USB-C, 2 m, gevlochten".into(),
            sku: "CBL-USBC-2M".into(),
            lot_code: "LOT-2026-000123".into(),
            supplier_lot: None,
            vendor_name: "Bakker Elektronica B.V.".into(),
            quantity_text: "1.200 st.".into(),
            manufactured: None,
            expiry: Some("30-06-2028".into()),
            serial: None,
            gs1_human: "(01)04006381333931(17)280630(10)LOT-2026-000123".into(),
            gs1_barcode_data: "01040063813339311728063010LOT-2026-000123".into(),
            digital_link: "https://id.gs1.org/01/04006381333931/10/LOT-2026-000123?17=280630".into(),
            language: "nl".into(),
        },
        // A serialised item with a Chinese name: lot and serial share the second symbol, with an
        // FNC1 between them.
        LotLabel {
            product_name: "无线充电器 15W 白色".into(),
            sku: "CHG-15W-WH".into(),
            lot_code: "LOT-2026-000124".into(),
            supplier_lot: Some("星辰-0611-07".into()),
            vendor_name: "深圳市星辰电子有限公司".into(),
            quantity_text: "1 件".into(),
            manufactured: Some("2026-06-11".into()),
            expiry: Some("2027-12-31".into()),
            serial: Some("12345678".into()),
            gs1_human: "(01)09506000134352(17)271231(10)LOT-2026-000124(21)12345678".into(),
            gs1_barcode_data: format!("01095060001343521727123110LOT-2026-000124{GS}2112345678"),
            digital_link: "https://id.gs1.org/01/09506000134352/10/LOT-2026-000124/21/12345678?17=271231".into(),
            language: "zh-CN".into(),
        },
    ]
}

/// The symbols each label's GS1 data is printed as (what the bars carry, what is printed under
/// them): GTIN and expiry always fit one symbol at a wide module; a longer lot gets its own.
fn expected_symbols() -> Vec<Vec<(String, &'static str)>> {
    vec![
        vec![("01095060001343521727123110ABC123".into(), "(01)09506000134352(17)271231(10)ABC123")],
        vec![
            ("010400638133393117280630".into(), "(01)04006381333931(17)280630"),
            ("10LOT-2026-000123".into(), "(10)LOT-2026-000123"),
        ],
        vec![
            ("010950600013435217271231".into(), "(01)09506000134352(17)271231"),
            (format!("10LOT-2026-000124{GS}2112345678"), "(10)LOT-2026-000124(21)12345678"),
        ],
    ]
}

/// How many Code 128 symbols zbar finds in `png` that start with FNC1, i.e. are GS1-128: zbar
/// gives them the GS1 modifier (only `--xml` shows it; the plain output drops the leading FNC1).
fn gs1_symbols(png: &std::path::Path) -> usize {
    let out = std::process::Command::new("zbarimg")
        .args(["--xml", "--quiet", png.to_str().unwrap()])
        .output()
        .expect("cannot run zbarimg: apt-get install zbar-tools");
    String::from_utf8_lossy(&out.stdout)
        .split("<symbol ")
        .filter(|symbol| symbol.starts_with("type='CODE-128'") && symbol.contains("modifiers='GS1'"))
        .count()
}

fn check_batch(name: &str, size: LabelSize, expected_pts: (f64, f64)) {
    let labels = batch();
    let checked = common::write_and_check(name, &lot_labels(&labels, size).unwrap());
    assert_eq!(checked.page_count(), labels.len());
    for (width, height) in checked.page_sizes() {
        assert!((width - expected_pts.0).abs() < 0.1 && (height - expected_pts.1).abs() < 0.1, "{width} x {height}");
    }

    let fonts = checked.fonts();
    assert!(fonts.iter().any(|(name, _, _)| name.ends_with("DroidSansFallback")), "{fonts:?}");
    assert!(fonts.iter().all(|(_, embedded, subset)| *embedded && *subset), "{fonts:?}");

    let text = checked.text();
    for expected in [
        "LOT LABEL",
        "ABC123",
        "EXPIRY",
        "31 Dec 2027",
        "240 pcs",
        "SUPPLIER LOT",
        "SZ-240611-07",
        // The Dutch label's fixed words.
        "PARTIJLABEL",
        "LOT-2026-000123",
        "VERVALDATUM",
        "AANTAL",
        "1.200 st.",
        // The Chinese label: fixed words, product name and supplier in the CJK font.
        "批次标签",
        "批号",
        "有效期至",
        "序列号",
        "无线充电器 15W 白色",
        "深圳市星辰电子有限公司",
        "LOT-2026-000124",
        "12345678",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }

    for (index, (label, symbols)) in labels.iter().zip(expected_symbols()).enumerate() {
        // What is printed under the bars is the label's element string, symbol by symbol.
        let printed: String = symbols.iter().map(|(_, human)| *human).collect();
        assert_eq!(printed, label.gs1_human);
        for (_, human) in &symbols {
            assert!(text.contains(human), "{human:?} not in:\n{text}");
        }
        // 300 dpi is what label printers print at. Every symbol scans to exactly its data, with
        // FNC1 between fields as GS, and the QR code to exactly the Digital Link.
        let png = checked.render(index + 1, 300);
        let mut expected: Vec<String> = symbols.iter().map(|(data, _)| format!("CODE-128:{data}")).collect();
        expected.push(format!("QR-Code:{}", label.digital_link));
        expected.sort();
        assert_eq!(common::barcodes(&png), expected, "page {}", index + 1);
        assert_eq!(gs1_symbols(&png), symbols.len(), "page {}: every Code 128 symbol is GS1-128", index + 1);
    }
}

#[test]
fn a_four_by_six_batch_has_a_scannable_page_per_label() {
    check_batch("lot-labels-4x6.pdf", LabelSize::FourBySix, (288.0, 432.0));
}

#[test]
fn an_a6_batch_has_a_scannable_page_per_label() {
    check_batch("lot-labels-a6.pdf", LabelSize::A6, (297.64, 419.53));
}

#[test]
fn long_text_stays_on_the_label_and_three_symbols_still_scan() {
    let mut label = batch().remove(2);
    label.product_name =
        "无线充电器 15W 白色，带 USB-C 数据线和欧规电源适配器，适用于所有支持 Qi 标准的手机和耳机".into();
    label.vendor_name = "深圳市星辰电子有限公司 东莞分公司 第二工厂 质量管理部".into();
    label.supplier_lot = Some("星辰-0611-07-A-REWORK-2026-BATCH-0003".into());
    label.serial = Some("SN0000000001".into());
    label.gs1_human = "(01)09506000134352(17)271231(10)LOT-2026-000124(21)SN0000000001".into();
    label.gs1_barcode_data = format!("01095060001343521727123110LOT-2026-000124{GS}21SN0000000001");
    label.digital_link = "https://id.gs1.org/01/09506000134352/10/LOT-2026-000124/21/SN0000000001?17=271231".into();
    for (name, size) in [("lot-label-long-4x6.pdf", LabelSize::FourBySix), ("lot-label-long-a6.pdf", LabelSize::A6)] {
        let checked = common::write_and_check(name, &lot_labels(std::slice::from_ref(&label), size).unwrap());
        assert_eq!(checked.page_count(), 1);
        let text = checked.text();
        assert!(text.contains('…'), "{text}");
        for human in ["(01)09506000134352(17)271231", "(10)LOT-2026-000124", "(21)SN0000000001"] {
            assert!(text.contains(human), "{human:?} not in:\n{text}");
        }
        let png = checked.render(1, 300);
        let mut expected = vec![
            "CODE-128:010950600013435217271231".to_string(),
            "CODE-128:10LOT-2026-000124".to_string(),
            "CODE-128:21SN0000000001".to_string(),
            format!("QR-Code:{}", label.digital_link),
        ];
        expected.sort();
        assert_eq!(common::barcodes(&png), expected, "{name}");
        assert_eq!(gs1_symbols(&png), 3, "{name}");
    }
}

#[test]
fn bad_input_is_refused_naming_the_label_and_field() {
    let error = |labels: &[LotLabel]| lot_labels(labels, LabelSize::FourBySix).unwrap_err();
    let labels = batch();

    // A field no symbol can hold, however it is split.
    let mut long = labels[1].clone();
    long.gs1_barcode_data = format!("0104006381333931240{}", "X".repeat(60));
    long.gs1_human = format!("(01)04006381333931(240){}", "X".repeat(60));
    let long_error = error(&[labels[0].clone(), long]);
    assert!(matches!(long_error, DocumentError::Barcode { .. }), "{long_error}");
    let message = long_error.to_string();
    assert!(message.starts_with("labels[1].gs1_barcode_data cannot be printed as a barcode"), "{message}");
    assert!(message.contains("do not fit"), "{message}");

    // Characters Code 128 cannot carry.
    let mut accented = labels[0].clone();
    accented.gs1_barcode_data = "01095060001343521727123110ABÇ123".into();
    let message = error(&[accented]).to_string();
    assert!(
        message.starts_with("labels[0].gs1_barcode_data cannot be printed as a barcode: character 'Ç'"),
        "{message}"
    );

    // Printed text that does not say what the bars say.
    let mut mismatch = labels[2].clone();
    mismatch.gs1_human = "(01)09506000134352(17)271231(10)LOT-2026-000125(21)12345678".into();
    let message = error(&[mismatch]).to_string();
    assert!(message.starts_with("labels[0].gs1_human is not valid: field 3"), "{message}");

    let mut empty = labels[0].clone();
    empty.lot_code = "  ".into();
    assert_eq!(error(&[empty]).to_string(), "labels[0].lot_code must not be empty");
    assert_eq!(error(&[]).to_string(), "labels must not be empty");
}
