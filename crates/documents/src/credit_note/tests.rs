use super::*;

pub(crate) fn sample() -> CreditNote {
    CreditNote {
        language: "en".into(),
        company_name: "Lotline Demo B.V.".into(),
        rma_no: "RMA-AMS1-000007".into(),
        customer_name: "Bakker Elektronica".into(),
        order_nos: vec!["SO-2026-01039".into()],
        settled_on: "2026-11-24".into(),
        kind: "refund".into(),
        reason_code: "no_longer_needed".into(),
        lines: vec![CreditNoteLine {
            sku: "CHG-GAN-65".into(),
            name: "GaN charger 65 W".into(),
            qty: 1,
            unit_price: "37.00 EUR".into(),
            amount: "37.00 EUR".into(),
            fee: "1.85 EUR".into(),
            fee_reason: "not_resold_as_new".into(),
            fee_reason_args: vec![("grade".into(), "B".into()), ("days".into(), "12".into())],
        }],
        gross: "37.00 EUR".into(),
        fee: "1.85 EUR".into(),
        net: "35.15 EUR".into(),
        duties: CreditNoteDuties {
            opened_by: Some("Tom Jansen".into()),
            approved_return_by: None,
            requested_by: Some("Tom Jansen".into()),
            approvals: vec![CreditNoteApproval {
                name: "Sanne Bakker".into(),
                roles: "Finance".into(),
                amount: "35.15 EUR".into(),
                on: "2026-11-24".into(),
            }],
            paid_by: Some("Fien de Wit".into()),
        },
    }
}

#[test]
fn a_complete_note_renders() {
    let pdf = credit_note(&sample()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn missing_fields_are_named() {
    let mut note = sample();
    note.rma_no = " ".into();
    assert_eq!(credit_note(&note).unwrap_err().field(), "rma_no");
    let mut note = sample();
    note.lines.clear();
    assert_eq!(credit_note(&note).unwrap_err().field(), "lines");
}
