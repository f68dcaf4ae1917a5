//! Supplier labels read whole: values worked out by hand from the GS1 General Specifications.

use super::*;

fn values(label: &Gs1Label) -> Vec<(&str, &str)> {
    label.elements.iter().map(|e| (e.ai.as_str(), e.value.as_str())).collect()
}

/// A pallet label: SSCC with GS1's example check digit, the GTIN of the contents, 24 units,
/// lot LOT-7, 1.250 kg net, best before November 2026 (day 00: the month's last day), PO 4711.
#[test]
fn a_pallet_label_is_read_whole() {
    let raw = "]C1001061414112345678970209506000134352\u{1d}3724\u{1d}10LOT-7\u{1d}310300125015261100\
               4004711\u{1d}8200HTTPS://EXAMPLE.COM/P";
    let label = Gs1Label::parse(raw).unwrap();
    assert_eq!(
        values(&label),
        vec![
            ("00", "106141411234567897"),
            ("02", "09506000134352"),
            ("37", "24"),
            ("10", "LOT-7"),
            ("3103", "1.250"),
            ("15", "2026-11-30"),
            ("400", "4711"),
            ("8200", "HTTPS://EXAMPLE.COM/P"),
        ]
    );
    assert_eq!(label.gtin(), Some("09506000134352"));
    assert_eq!(label.sscc(), Some("106141411234567897"));
    assert_eq!(label.lot(), Some("LOT-7"));
    assert_eq!(label.elements[4].title, "NET WEIGHT (kg)");
    // The same label as printed under the bars.
    let printed = "(00)106141411234567897(02)09506000134352(37)24(10)LOT-7(3103)001250(15)261100(400)4711\
                   (8200)HTTPS://EXAMPLE.COM/P";
    assert_eq!(Gs1Label::parse(printed).unwrap(), label);
}

/// The GS after a variable-length lot ends it: the serial is not glued onto the lot.
#[test]
fn the_group_separator_ends_a_lot() {
    for scan in ["0109506000134352\u{1d}10LOT\u{1d}21SN", "]d20109506000134352\u{1d}10LOT\u{1d}21SN\r\n"] {
        let label = Gs1Label::parse(scan).unwrap();
        assert_eq!((label.lot(), label.serial()), (Some("LOT"), Some("SN")), "{scan:?}");
    }
    let label = Gs1Label::parse("(10)LOT\u{1d}(21)SN").unwrap();
    assert_eq!((label.lot(), label.serial()), (Some("LOT"), Some("SN")));
}

#[test]
fn measures_take_their_decimals_from_the_ai() {
    let label = Gs1Label::parse("(3100)000012(3922)1999(3302)000505(30)7").unwrap();
    assert_eq!(values(&label), vec![("3100", "12"), ("3922", "19.99"), ("3302", "5.05"), ("30", "7")]);
}

#[test]
fn bad_labels_are_refused_with_the_ai_at_fault() {
    // SSCC check digit 7, not 8.
    assert!(
        matches!(Gs1Label::parse("(00)106141411234567898"), Err(Gs1Error::Syntax { reason }) if reason.contains("(00)"))
    );
    assert_eq!(Gs1Label::parse("(23)X"), Err(Gs1Error::UnsupportedAi { ai: "23".into() }));
    assert!(matches!(Gs1Label::parse("(3103)12"), Err(Gs1Error::Syntax { .. })));
    assert!(matches!(Gs1Label::parse("(37)2(37)3"), Err(Gs1Error::Syntax { .. })));
    assert!(matches!(Gs1Label::parse("]X9hello"), Err(Gs1Error::Syntax { .. })));
}
