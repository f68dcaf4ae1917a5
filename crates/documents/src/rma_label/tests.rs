use super::*;

pub(crate) fn sample() -> RmaLabel {
    RmaLabel {
        rma_no: "RMA-AMS1-000001".into(),
        ship_from: LabelAddress {
            name: "Bakker Elektronica".into(),
            lines: vec!["Kade 1".into(), "1011 AB Amsterdam".into()],
            country: "Netherlands".into(),
        },
        ship_to: LabelAddress {
            name: "Lotline Returns Centre".into(),
            lines: vec!["Keizersgracht 123, 1015 CJ Amsterdam".into()],
            country: "Netherlands".into(),
        },
        carrier: "PostNL".into(),
        service: "Retour".into(),
        weight_grams: 1250,
        reference: "SO-1001, SO-1002".into(),
        language: "en".into(),
    }
}

fn batch_error(labels: &[RmaLabel]) -> DocumentError {
    rma_labels(labels, LabelSize::FourBySix).unwrap_err()
}

#[test]
fn a_batch_renders_one_pdf() {
    let pdf = rma_labels(&[sample(), sample()], LabelSize::A6).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn missing_or_bad_fields_are_named_with_their_label() {
    assert_eq!(batch_error(&[]).field(), "labels");

    let mut bad = sample();
    bad.ship_to.name = " ".into();
    assert_eq!(batch_error(&[sample(), sample(), bad]).field(), "labels[2].ship_to.name");

    let mut bad = sample();
    bad.rma_no.clear();
    assert_eq!(batch_error(&[bad]).field(), "labels[0].rma_no");

    let mut bad = sample();
    bad.ship_from.name.clear();
    assert_eq!(batch_error(&[sample(), bad]).field(), "labels[1].ship_from.name");

    for grams in [0, -5] {
        let mut bad = sample();
        bad.weight_grams = grams;
        let error = batch_error(&[bad]);
        assert!(matches!(error, DocumentError::Invalid { .. }), "{error}");
        assert_eq!(error.field(), "labels[0].weight_grams");
    }
}

#[test]
fn rma_numbers_code_128_cannot_carry_are_barcode_errors() {
    let mut bad = sample();
    bad.rma_no = "RMA-ÄMS1-1".into();
    let error = batch_error(&[sample(), bad]);
    assert!(matches!(error, DocumentError::Barcode { source: BarcodeError::Unencodable { .. }, .. }), "{error}");
    assert_eq!(error.field(), "labels[1].rma_no");

    // Fine as text, but the bars would run off the label.
    let mut long = sample();
    long.rma_no = "RMA-".repeat(10);
    let error = batch_error(&[long]);
    assert!(matches!(error, DocumentError::Barcode { source: BarcodeError::TooLong { .. }, .. }), "{error}");
    assert_eq!(error.field(), "labels[0].rma_no");
}

#[test]
fn the_longest_allowed_number_fits_and_one_more_character_does_not() {
    for size in [LabelSize::FourBySix, LabelSize::A6] {
        let max = draw::max_barcode_chars(size);
        let fits = Code128::new(&"A".repeat(max)).unwrap();
        assert!(draw::barcode_module_mm(&fits, size).is_some(), "{size:?}: {max}");
        let over = Code128::new(&"A".repeat(max + 1)).unwrap();
        assert!(draw::barcode_module_mm(&over, size).is_none(), "{size:?}: {max}");
    }
    // A typical RMA number gets wide, easily scanned bars.
    let typical = Code128::new("RMA-AMS1-000001").unwrap();
    assert!(draw::barcode_module_mm(&typical, LabelSize::FourBySix).unwrap() >= 0.4);
}

#[test]
fn weights_print_in_kilograms_with_the_languages_separator() {
    let en = Labels::new("en");
    assert_eq!(format_kg(1250, &en), "1.25 kg");
    assert_eq!(format_kg(2000, &en), "2.00 kg");
    assert_eq!(format_kg(500, &en), "0.50 kg");
    assert_eq!(format_kg(125, &en), "0.125 kg");
    assert_eq!(format_kg(5, &en), "0.005 kg");
    assert_eq!(format_kg(31_500, &en), "31.50 kg");
    assert_eq!(format_kg(1250, &Labels::new("nl")), "1,25 kg");
    assert_eq!(format_kg(1250, &Labels::new("zh-CN")), "1.25 kg");
}
