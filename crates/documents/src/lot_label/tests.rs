use super::*;

/// GTIN 09506000134352, expiry 2027-12-31, lot LOT-2026-000123: fits one symbol.
pub(crate) fn sample() -> LotLabel {
    LotLabel {
        product_name: "Wireless charger 15W".into(),
        sku: "CHG-15W".into(),
        lot_code: "LOT-2026-000123".into(),
        supplier_lot: Some("SZ-240611-07".into()),
        vendor_name: "Shenzhen Xingchen Electronics".into(),
        quantity_text: "240 pcs".into(),
        manufactured: Some("2026-06-11".into()),
        expiry: Some("2027-12-31".into()),
        serial: None,
        gs1_human: "(01)09506000134352(17)271231(10)LOT-2026-000123".into(),
        gs1_barcode_data: "01095060001343521727123110LOT-2026-000123".into(),
        digital_link: "https://id.gs1.org/01/09506000134352/10/LOT-2026-000123?17=271231".into(),
        language: "en".into(),
    }
}

fn with_serial() -> LotLabel {
    LotLabel {
        serial: Some("SN0000000001".into()),
        gs1_human: "(01)09506000134352(17)271231(10)LOT-2026-000123(21)SN0000000001".into(),
        gs1_barcode_data: "01095060001343521727123110LOT-2026-000123\u{1d}21SN0000000001".into(),
        ..sample()
    }
}

fn batch_error(labels: &[LotLabel]) -> DocumentError {
    lot_labels(labels, LabelSize::FourBySix).unwrap_err()
}

#[test]
fn a_batch_renders_one_pdf() {
    let pdf = lot_labels(&[sample(), with_serial()], LabelSize::A6).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn gtin_expiry_and_a_short_lot_fit_one_symbol_at_a_comfortable_width() {
    let short = LotLabel {
        lot_code: "ABC123".into(),
        gs1_human: "(01)09506000134352(17)271231(10)ABC123".into(),
        gs1_barcode_data: "01095060001343521727123110ABC123".into(),
        ..sample()
    };
    for size in [LabelSize::FourBySix, LabelSize::A6] {
        let symbols = check(std::slice::from_ref(&short), size).unwrap().remove(0);
        assert_eq!(symbols.rows.len(), 1);
        assert_eq!(symbols.rows[0].text, "(01)09506000134352(17)271231(10)ABC123");
        assert!(symbols.rows[0].module_mm >= draw::PREFERRED_MODULE, "{size:?}");
    }
}

#[test]
fn longer_data_goes_in_more_symbols_rather_than_narrower_bars() {
    // In one symbol, GTIN, expiry and a 15-character lot would need 0.25 mm modules.
    let symbols = check(&[sample()], LabelSize::FourBySix).unwrap().remove(0);
    let texts: Vec<&str> = symbols.rows.iter().map(|row| row.text.as_str()).collect();
    assert_eq!(texts, ["(01)09506000134352(17)271231", "(10)LOT-2026-000123"]);
    let modules: Vec<f32> = symbols.rows.iter().map(|row| row.module_mm).collect();
    assert_eq!(modules, [0.5, 0.4]);

    let symbols = check(&[with_serial()], LabelSize::FourBySix).unwrap().remove(0);
    let texts: Vec<&str> = symbols.rows.iter().map(|row| row.text.as_str()).collect();
    assert_eq!(texts, ["(01)09506000134352(17)271231", "(10)LOT-2026-000123", "(21)SN0000000001"]);
    assert!(symbols.rows.iter().all(|row| row.module_mm >= draw::PREFERRED_MODULE));
}

#[test]
fn fields_are_split_by_the_predefined_length_table() {
    let data = "0109506000134352\u{1d}1727123110AB\u{1d}21C";
    let fields = elements::fields(data, "(01)09506000134352(17)271231(10)AB(21)C").ok().unwrap();
    let bars: Vec<(&str, bool)> = fields.iter().map(|field| (field.data, field.predefined)).collect();
    assert_eq!(bars, [("0109506000134352", true), ("17271231", true), ("10AB", false), ("21C", false)]);
    let rows = elements::rows(&fields, LabelSize::FourBySix).unwrap();
    assert_eq!(rows.len(), 1);
    // Lot brackets that are not an AI are data.
    assert!(elements::fields("0109506000134352\u{1d}10A(B)", "(01)09506000134352(10)A(B)").is_ok());
}

#[test]
fn missing_or_bad_fields_are_named_with_their_label() {
    assert_eq!(batch_error(&[]).field(), "labels");

    let mut bad = sample();
    bad.product_name = " ".into();
    assert_eq!(batch_error(&[sample(), bad]).field(), "labels[1].product_name");

    let mut bad = sample();
    bad.lot_code.clear();
    assert_eq!(batch_error(&[bad]).field(), "labels[0].lot_code");

    // Text and bars that disagree.
    let mut bad = sample();
    bad.gs1_human = "(01)09506000134352(17)271231(10)LOT-2026-000124".into();
    let error = batch_error(&[bad]);
    assert!(matches!(error, DocumentError::Invalid { .. }), "{error}");
    assert_eq!(error.field(), "labels[0].gs1_human");
    assert!(error.to_string().contains("field 3"), "{error}");

    let mut bad = sample();
    bad.gs1_human = "01095060001343521727123110LOT-2026-000123".into();
    assert_eq!(batch_error(&[bad]).field(), "labels[0].gs1_human");

    // Data that is not an element string.
    for data in [
        "0109506000134352\u{1d}",
        "01095060001343",
        "AB123",
        "0109506000134352\u{1d}\u{1d}10A",
        "0109506000134352\u{1d}10",
    ] {
        let mut bad = sample();
        bad.gs1_barcode_data = data.into();
        let error = batch_error(&[bad]);
        assert_eq!(error.field(), "labels[0].gs1_barcode_data", "{data:?}: {error}");
    }

    let mut bad = sample();
    bad.gs1_barcode_data = "010950600013435210LOT-ÄÖ".into();
    let error = batch_error(&[bad]);
    assert!(
        matches!(error, DocumentError::Barcode { source: BarcodeError::Unencodable { ch: 'Ä', position: 23 }, .. }),
        "{error}"
    );

    let mut bad = sample();
    bad.digital_link = "x".repeat(5000);
    let error = batch_error(&[bad]);
    assert!(matches!(error, DocumentError::Barcode { source: BarcodeError::Encoder, .. }), "{error}");
    assert_eq!(error.field(), "labels[0].digital_link");
}

#[test]
fn a_field_too_long_for_any_symbol_is_a_barcode_error() {
    for size in [LabelSize::FourBySix, LabelSize::A6] {
        let max = draw::max_barcode_chars(size);
        // A 240 (additional product identification) field of letters: variable length, set B.
        let fits = format!("0109506000134352240{}", "A".repeat(max - 3));
        let over = format!("0109506000134352240{}", "A".repeat(max - 2));
        let human = |data: &str| format!("(01)09506000134352(240){}", &data[19..]);
        let label = |data: &str| LotLabel { gs1_barcode_data: data.into(), gs1_human: human(data), ..sample() };
        let symbols = check(&[label(&fits)], size).unwrap().remove(0);
        assert_eq!(symbols.rows.len(), 2, "{size:?}");
        assert_eq!(symbols.rows[1].module_mm, 0.25, "{size:?}");
        let error = lot_labels(&[label(&over)], size).unwrap_err();
        assert!(matches!(error, DocumentError::Barcode { source: BarcodeError::TooLong { .. }, .. }), "{error}");
        assert_eq!(error.field(), "labels[0].gs1_barcode_data");
    }
}

#[test]
fn more_symbols_than_the_label_has_room_for_is_an_error() {
    let long = "ABCDEFGHIJKLMNOPQRST";
    let label = LotLabel {
        gs1_barcode_data: format!("010950600013435210{long}\u{1d}21{long}\u{1d}240{long}\u{1d}22{long}"),
        gs1_human: format!("(01)09506000134352(10){long}(21){long}(240){long}(22){long}"),
        ..sample()
    };
    let error = batch_error(&[label]);
    assert!(matches!(error, DocumentError::Invalid { .. }), "{error}");
    assert_eq!(error.field(), "labels[0].gs1_barcode_data");
    assert!(error.to_string().contains("need 5 barcodes"), "{error}");
}
