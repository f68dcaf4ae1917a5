use super::*;

pub(crate) fn sample() -> PackingSlip {
    PackingSlip {
        language: "en".into(),
        company_name: "Lotline Demo B.V.".into(),
        reshipment_no: "RS-AMS1-000042".into(),
        order_no: "SO-2026-01001".into(),
        customer_name: Some("Bakker Elektronica".into()),
        failure_nos: vec!["QF-AMS1-000007".into()],
        created_on: "2026-11-24".into(),
        ship_date: None,
        carrier: "DPD".into(),
        service: "Classic".into(),
        tracking_no: None,
        ship_to: SlipAddress {
            name: "Bakker Elektronica".into(),
            address: "Kade 1\n1011 AB Amsterdam".into(),
            country: "NL".into(),
        },
        reason: "Cable failed continuity test".into(),
        items: vec![SlipItem {
            line_no: 1,
            sku: "CBL-USBC-2M".into(),
            name: "USB-C cable 2 m".into(),
            lot_code: None,
            serials: vec![],
            qty: 1,
        }],
    }
}

#[test]
fn a_complete_slip_renders() {
    let pdf = packing_slip(&sample()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn missing_or_bad_fields_are_named() {
    let mut slip = sample();
    slip.reshipment_no = "  ".into();
    assert_eq!(packing_slip(&slip).unwrap_err().field(), "reshipment_no");

    let mut slip = sample();
    slip.ship_to.name.clear();
    assert_eq!(packing_slip(&slip).unwrap_err().field(), "ship_to.name");

    let mut slip = sample();
    slip.items.clear();
    assert_eq!(packing_slip(&slip).unwrap_err().field(), "items");

    let mut slip = sample();
    slip.items[0].qty = 0;
    let error = packing_slip(&slip).unwrap_err();
    assert!(error.to_string().contains("items[0].qty"), "{error}");

    let mut slip = sample();
    slip.reshipment_no = "RS-ÄMS-1".into();
    assert_eq!(packing_slip(&slip).unwrap_err().field(), "reshipment_no");
}
