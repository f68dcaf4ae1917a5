//! GS1 rules against the published examples, and round trips under random valid data.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

/// The GS1 General Specifications' running example: GTIN 09506000134352, expiry 25 December
/// 2020, lot ABC123.
fn example() -> Gs1Data {
    Gs1Data::new("09506000134352").unwrap().with_expiry(date(2020, 12, 25)).unwrap().with_lot("ABC123").unwrap()
}

fn field_error(result: Result<Gs1Data, Gs1Error>) -> (Ai, FieldProblem) {
    match result {
        Err(Gs1Error::Field { ai, problem }) => (ai, problem),
        other => panic!("expected a field error, got {other:?}"),
    }
}

#[test]
fn check_digits_of_published_keys() {
    // GS1's example GTIN-14, a real EAN-13, an EAN-8, a UPC-A and GS1's example SSCC-18.
    for (body, digit) in
        [("0950600013435", 2), ("400638133393", 1), ("7351353", 7), ("03600029145", 2), ("10614141123456789", 7)]
    {
        assert_eq!(check_digit(body), Some(digit), "{body}");
        assert!(has_valid_check_digit(&format!("{body}{digit}")), "{body}");
        assert!(!has_valid_check_digit(&format!("{body}{}", (digit + 1) % 10)), "{body}");
    }
    // Leading zeros do not change the digit: a GTIN-13 and its GTIN-14 spelling agree.
    assert_eq!(check_digit("00400638133393"), Some(1));
    assert_eq!(check_digit(""), None);
    assert_eq!(check_digit("12a4"), None);
    assert!(!has_valid_check_digit(""));
    assert!(!has_valid_check_digit("7"));
}

#[test]
fn gtins_normalise_to_fourteen_digits() {
    assert_eq!(normalize_gtin("09506000134352").unwrap(), "09506000134352");
    assert_eq!(normalize_gtin("4006381333931").unwrap(), "04006381333931");
    assert_eq!(normalize_gtin("036000291452").unwrap(), "00036000291452");
    assert_eq!(normalize_gtin(" 73513537 ").unwrap(), "00000073513537");

    let problem = |gtin| match normalize_gtin(gtin) {
        Err(Gs1Error::Field { ai: Ai::Gtin, problem }) => problem,
        other => panic!("{gtin}: {other:?}"),
    };
    assert_eq!(problem("4006381333932"), FieldProblem::BadCheckDigit { expected: 1, found: 2 });
    assert_eq!(problem(""), FieldProblem::Empty);
    assert!(matches!(problem("400638133393X"), FieldProblem::NotDigits { .. }));
    assert!(matches!(problem("4006381333"), FieldProblem::WrongLength { .. }));
    assert!(matches!(problem("123456789012345"), FieldProblem::WrongLength { .. }));
}

#[test]
fn element_strings_of_the_general_specifications_example() {
    let data = example();
    assert_eq!(data.element_string(), "(01)09506000134352(17)201225(10)ABC123");
    // Fixed-length fields first, so the lot is last and needs no separator at all.
    assert_eq!(data.barcode_data(), "01095060001343521720122510ABC123");

    let with_serial = data.with_serial("XYZ").unwrap();
    assert_eq!(with_serial.element_string(), "(01)09506000134352(17)201225(10)ABC123(21)XYZ");
    assert_eq!(with_serial.barcode_data(), "01095060001343521720122510ABC123\u{1d}21XYZ");

    let gtin_only = Gs1Data::new("4006381333931").unwrap();
    assert_eq!(gtin_only.element_string(), "(01)04006381333931");
    assert_eq!(gtin_only.barcode_data(), "0104006381333931");

    let serial_only = gtin_only.with_serial("12345").unwrap();
    assert_eq!(serial_only.barcode_data(), "01040063813339312112345");
}

#[test]
fn digital_links_put_key_qualifiers_in_the_path_and_the_expiry_in_the_query() {
    let data = example().with_serial("XYZ").unwrap();
    assert_eq!(data.digital_link(), "https://id.gs1.org/01/09506000134352/10/ABC123/21/XYZ?17=201225");
    assert_eq!(
        data.digital_link_at("https://brand.example.com/gs1/"),
        "https://brand.example.com/gs1/01/09506000134352/10/ABC123/21/XYZ?17=201225"
    );
    assert_eq!(Gs1Data::new("73513537").unwrap().digital_link(), "https://id.gs1.org/01/00000073513537");

    // Character set 82 includes characters a URI reserves; unreserved ones stay as they are.
    let awkward =
        Gs1Data::new("09506000134352").unwrap().with_lot("A/B%C?D&E=F").unwrap().with_serial("x-1.2_3").unwrap();
    let uri = awkward.digital_link();
    assert_eq!(uri, "https://id.gs1.org/01/09506000134352/10/A%2FB%25C%3FD%26E%3DF/21/x-1.2_3");
    assert_eq!(Gs1Data::parse_digital_link(&uri).unwrap(), awkward);
}

#[test]
fn every_form_parses_back() {
    let data = example().with_serial("XYZ").unwrap();
    for input in [
        "(01)09506000134352(17)201225(10)ABC123(21)XYZ",
        // Order does not matter when reading, nor do blanks around fields.
        " (01) 09506000134352 (21) XYZ (10) ABC123 (17) 201225 ",
        "01095060001343521720122510ABC123\u{1d}21XYZ",
        "]C101095060001343521720122510ABC123\u{1d}21XYZ",
        // A leading FNC1 as GS, a GS after a fixed field and at the end are tolerated.
        "\u{1d}0109506000134352\u{1d}1720122510ABC123\u{1d}21XYZ\u{1d}",
        "]d2010950600013435221XYZ\u{1d}17201225\u{1d}10ABC123",
        "https://id.gs1.org/01/09506000134352/10/ABC123/21/XYZ?17=201225",
        "HTTPS://example.com/prefix/01/09506000134352/10/ABC123/21/XYZ?linkType=gs1:pip&17=201225#top",
        // A GTIN-13 in a Digital Link is read as its GTIN-14.
        "http://id.gs1.org/01/9506000134352/10/ABC123/21/XYZ?17=201225",
    ] {
        assert_eq!(Gs1Data::parse(input), Ok(data.clone()), "{input:?}");
    }
    assert_eq!(Gs1Data::parse_element_string("(01)09506000134352(10)A\\(10)B").unwrap().lot(), Some("A(10)B"));
    // A bracket that does not start an AI is data.
    assert_eq!(Gs1Data::parse_element_string("(01)09506000134352(10)A(B)").unwrap().lot(), Some("A(B)"));
}

#[test]
fn day_zero_is_the_last_day_of_the_month_and_is_printed_as_it() {
    let parsed = Gs1Data::parse("(01)09506000134352(17)201200").unwrap();
    assert_eq!(parsed.expiry(), Some(date(2020, 12, 31)));
    assert_eq!(parsed.element_string(), "(01)09506000134352(17)201231");
    assert_eq!(Gs1Data::parse("(01)09506000134352(17)240200").unwrap().expiry(), Some(date(2024, 2, 29)));
    assert_eq!(Gs1Data::parse("(01)09506000134352(17)230200").unwrap().expiry(), Some(date(2023, 2, 28)));
}

#[test]
fn errors_name_the_ai_and_the_reason() {
    let (ai, problem) = field_error(Gs1Data::parse("(01)09506000134353(10)ABC123"));
    assert_eq!((ai, problem), (Ai::Gtin, FieldProblem::BadCheckDigit { expected: 2, found: 3 }));

    let error = Gs1Data::parse("(01)09506000134352(17)201332").unwrap_err();
    assert_eq!(error.to_string(), "(17) expiry date \"201332\" is not a date in YYMMDD form");
    assert_eq!(
        field_error(Gs1Data::parse("(01)09506000134352(17)230229")).1,
        FieldProblem::BadDate { value: "230229".into() }
    );
    assert!(matches!(
        field_error(Gs1Data::parse("(01)09506000134352(17)2012")),
        (Ai::Expiry, FieldProblem::WrongLength { .. })
    ));

    let error = Gs1Data::parse("(01)09506000134352(10)ABCDEFGHIJKLMNOPQRSTU").unwrap_err();
    assert_eq!(error.to_string(), "(10) batch/lot has 21 characters, at most 20 are allowed");
    assert_eq!(
        field_error(Gs1Data::parse("(01)09506000134352(21)AB#C")),
        (Ai::Serial, FieldProblem::InvalidCharacter { ch: '#', position: 3 })
    );
    assert_eq!(field_error(Gs1Data::parse("(01)09506000134352(10)")), (Ai::Lot, FieldProblem::Empty));
    assert!(matches!(
        field_error(Gs1Data::parse("(01)9506000134352(10)A")),
        (Ai::Gtin, FieldProblem::WrongLength { .. })
    ));

    // A missing FNC1 after a lot runs the next field into it: too long, and said so.
    let run_on = "0109506000134352".to_string() + "10LOT-2026-000123" + "21SN0000000001";
    assert_eq!(field_error(Gs1Data::parse(&run_on)), (Ai::Lot, FieldProblem::TooLong { len: 29, max: 20 }));
    assert!(matches!(field_error(Gs1Data::parse("01095060001343")), (Ai::Gtin, FieldProblem::WrongLength { .. })));

    assert_eq!(Gs1Data::parse("(01)09506000134352(10)A(10)B"), Err(Gs1Error::DuplicateAi { ai: Ai::Lot }));
    assert_eq!(Gs1Data::parse("(01)09506000134352(11)201225"), Err(Gs1Error::UnsupportedAi { ai: "11".into() }));
    assert_eq!(
        Gs1Data::parse("0109506000134352 11201225"),
        Err(Gs1Error::Syntax { reason: "expected an AI at character 17, found \" 1\"".into() })
    );
    assert_eq!(Gs1Data::parse("010950600013435211201225"), Err(Gs1Error::UnsupportedAi { ai: "11".into() }));
    assert_eq!(Gs1Data::parse("(10)ABC(17)201225"), Err(Gs1Error::MissingGtin));
    assert!(matches!(Gs1Data::parse("]X901095060001343521"), Err(Gs1Error::Syntax { .. })));
    assert!(matches!(Gs1Data::parse("(01"), Err(Gs1Error::Syntax { .. })));
    assert!(matches!(Gs1Data::parse(""), Err(Gs1Error::Syntax { .. })));
    assert!(matches!(Gs1Data::parse("]C1"), Err(Gs1Error::Syntax { .. })));

    // Digital Link: the structure rules of the standard.
    let link = |path: &str| Gs1Data::parse(&format!("https://id.gs1.org{path}"));
    assert!(matches!(link("/10/ABC"), Err(Gs1Error::Syntax { .. })));
    assert!(matches!(link("/01/09506000134352/21/XYZ/10/ABC"), Err(Gs1Error::Syntax { .. })));
    assert!(matches!(link("/01/09506000134352/17/201225"), Err(Gs1Error::Syntax { .. })));
    assert!(matches!(link("/01/09506000134352?10=ABC"), Err(Gs1Error::Syntax { .. })));
    assert!(matches!(link("/01/09506000134352/10/A%2"), Err(Gs1Error::Syntax { .. })));
    assert!(matches!(link("/01/09506000134352/10/A%+1"), Err(Gs1Error::Syntax { .. })));
    assert_eq!(link("/01/09506000134352?15=201225"), Err(Gs1Error::UnsupportedAi { ai: "15".into() }));
    assert_eq!(
        link("/01/09506000134352/10/A%20B").unwrap_err().to_string(),
        "(10) batch/lot character ' ' at position 2 is not in GS1's character set 82"
    );
    assert_eq!(field_error(link("/01/09506000134353")).1, FieldProblem::BadCheckDigit { expected: 2, found: 3 });
    assert_eq!(field_error(link("/01/09506000134352?17=201300")).0, Ai::Expiry);
}

#[test]
fn builders_refuse_what_the_rules_refuse() {
    let gtin = || Gs1Data::new("09506000134352").unwrap();
    assert_eq!(field_error(gtin().with_lot("")), (Ai::Lot, FieldProblem::Empty));
    assert_eq!(field_error(gtin().with_lot(&"9".repeat(21))), (Ai::Lot, FieldProblem::TooLong { len: 21, max: 20 }));
    assert_eq!(
        field_error(gtin().with_serial("Ä1")),
        (Ai::Serial, FieldProblem::InvalidCharacter { ch: 'Ä', position: 1 })
    );
    assert!(matches!(
        field_error(gtin().with_expiry(date(1999, 12, 31))),
        (Ai::Expiry, FieldProblem::YearOutOfRange { .. })
    ));
    assert!(gtin().with_lot(&"9".repeat(20)).is_ok());
    assert!(gtin().with_lot("!\"%&'()*+,-./:;<=>?_").is_ok());
}

/// A valid GTIN-14: 13 random digits and their check digit.
fn gtin_strategy() -> impl Strategy<Value = String> {
    "[0-9]{13}".prop_map(|body| {
        let digit = check_digit(&body).unwrap();
        format!("{body}{digit}")
    })
}

fn cset82_strategy() -> impl Strategy<Value = String> {
    "[!\"%&'()*+,\\-./0-9:;<=>?A-Z_a-z]{1,20}"
}

fn data_strategy() -> impl Strategy<Value = Gs1Data> {
    let expiry = (0i64..36_525).prop_map(|days| date(2000, 1, 1) + chrono::Duration::days(days));
    (
        gtin_strategy(),
        proptest::option::of(cset82_strategy()),
        proptest::option::of(expiry),
        proptest::option::of(cset82_strategy()),
    )
        .prop_map(|(gtin, lot, expiry, serial)| {
            let mut data = Gs1Data::new(&gtin).unwrap();
            if let Some(lot) = lot {
                data = data.with_lot(&lot).unwrap();
            }
            if let Some(expiry) = expiry {
                data = data.with_expiry(expiry).unwrap();
            }
            if let Some(serial) = serial {
                data = data.with_serial(&serial).unwrap();
            }
            data
        })
}

/// Whether `text` holds something the bracketed form cannot tell from an AI, such as "(21)".
fn looks_like_an_ai(text: Option<&str>) -> bool {
    let chars: Vec<char> = text.unwrap_or("").chars().collect();
    (0..chars.len()).any(|i| super::element::ai_in_brackets(&chars[i..]).is_some())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn barcode_data_round_trips(data in data_strategy()) {
        prop_assert_eq!(Gs1Data::parse_barcode_data(&data.barcode_data()), Ok(data.clone()));
        prop_assert_eq!(Gs1Data::parse(&format!("]C1{}", data.barcode_data())), Ok(data.clone()));
        prop_assert!(!data.barcode_data().ends_with(GS));
    }

    #[test]
    fn digital_links_round_trip(data in data_strategy()) {
        prop_assert_eq!(Gs1Data::parse(&data.digital_link()), Ok(data.clone()));
        prop_assert_eq!(Gs1Data::parse(&data.digital_link_at("https://example.com/p/01/x")), Ok(data.clone()));
    }

    #[test]
    fn element_strings_round_trip(data in data_strategy()) {
        prop_assume!(!looks_like_an_ai(data.lot()) && !looks_like_an_ai(data.serial()));
        prop_assert_eq!(Gs1Data::parse(&data.element_string()), Ok(data.clone()));
    }

    #[test]
    fn any_single_digit_typo_breaks_the_check_digit(gtin in gtin_strategy(), at in 0usize..14, add in 1u8..10) {
        let mut digits = gtin.into_bytes();
        digits[at] = b'0' + (digits[at] - b'0' + add) % 10;
        prop_assert!(!has_valid_check_digit(&String::from_utf8(digits).unwrap()));
    }
}
