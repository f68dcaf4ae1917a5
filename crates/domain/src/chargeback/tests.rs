use super::*;
use crate::failure::{FailureRecord, FailureStatus, Severity, Stage, Team};

fn failure(disposition: Option<Disposition>) -> Failure {
    Failure {
        failure_no: "QF-AMS1-000007".into(),
        occurred_at: "2026-11-02T09:00:00Z".into(),
        inspector_id: "u-ines".into(),
        record: FailureRecord {
            accepted_serials: Vec::new(),
            sku: "SKU-1".into(),
            vendor_code: "V-ACME".into(),
            lot_code: Some("L-1".into()),
            serials: Vec::new(),
            stage: Stage::Incoming,
            qty_inspected: 50,
            qty_failed: 4,
            category_code: "CRACK".into(),
            description: "Cracked housing".into(),
            severity: Severity::Major,
            owner_team: Team::WarehouseQc,
            inspection: None,
            attachment_ids: Vec::new(),
        },
        status: FailureStatus::Open,
        disposition,
        disposition_note: None,
        outcome: None,
        outcome_qty: None,
        reinspection_of: None,
        reinspections: Vec::new(),
        lines: Vec::new(),
        version: 1,
    }
}

#[test]
fn a_claim_is_recorded_once_per_source_and_only_for_work_the_failure_had() {
    let f = failure(Some(Disposition::ReturnToVendor));
    let err = decide_record(&f, &[], ChargebackSource::Reinspection, 4_500, "EUR", "").unwrap_err();
    assert_eq!(err.fields[0].message_key, "error.chargeback.source_not_on_failure");
    let events = decide_record(&f, &[], ChargebackSource::ReturnToVendor, 4_500, "EUR", " freight ").unwrap();
    let claims = fold(&events);
    assert_eq!(claims[0].vendor_code, "V-ACME");
    assert_eq!((claims[0].amount_minor, claims[0].status), (4_500, FailureChargebackStatus::Open));
    let err = decide_record(&f, &claims, ChargebackSource::ReturnToVendor, 100, "EUR", "").unwrap_err();
    assert_eq!(err.message_key, "error.chargeback.already_recorded");
    let err = decide_record(&f, &[], ChargebackSource::ReturnToVendor, 0, "EURO", "").unwrap_err();
    let keys: Vec<_> = err.fields.iter().map(|e| e.message_key.as_str()).collect();
    assert_eq!(keys, vec!["error.field.must_be_positive", "error.field.bad_currency"]);
    let reinspected = failure(Some(Disposition::Reinspect));
    assert!(decide_record(&reinspected, &[], ChargebackSource::Reinspection, 2_000, "EUR", "").is_ok());
}

#[test]
fn an_open_claim_is_recovered_in_part_or_written_off_with_a_reason_and_then_stays() {
    let f = failure(Some(Disposition::Reinspect));
    let claims = fold(&decide_record(&f, &[], ChargebackSource::Reinspection, 10_000, "EUR", "").unwrap());
    let src = ChargebackSource::Reinspection;
    let no = &f.failure_no;
    let err = decide_settle(no, &claims, src, FailureChargebackStatus::Recovered, 10_001, "").unwrap_err();
    assert_eq!(err.fields[0].message_key, "error.chargeback.bad_recovered");
    let err = decide_settle(no, &claims, src, FailureChargebackStatus::WrittenOff, 0, " ").unwrap_err();
    assert_eq!(err.fields[0].field, "note");
    let partial = decide_settle(no, &claims, src, FailureChargebackStatus::Recovered, 6_000, "paid 60%").unwrap();
    let settled = partial.iter().fold(claims.clone(), evolve);
    assert_eq!((settled[0].status, settled[0].recovered_minor), (FailureChargebackStatus::Recovered, 6_000));
    let err = decide_settle(no, &settled, src, FailureChargebackStatus::WrittenOff, 0, "rest").unwrap_err();
    assert_eq!(err.message_key, "error.chargeback.settled");
    let err = decide_settle(no, &[], ChargebackSource::ReturnToVendor, FailureChargebackStatus::WrittenOff, 0, "x")
        .unwrap_err();
    assert_eq!(err.message_key, "error.chargeback.none_on_failure");
}

#[test]
fn two_desks_settling_one_claim_keep_the_first() {
    let f = failure(Some(Disposition::Reinspect));
    let mut history = decide_record(&f, &[], ChargebackSource::Reinspection, 10_000, "EUR", "").unwrap();
    let claims = fold(&history);
    let src = ChargebackSource::Reinspection;
    let recovered = decide_settle(&f.failure_no, &claims, src, FailureChargebackStatus::Recovered, 10_000, "").unwrap();
    let written = decide_settle(&f.failure_no, &claims, src, FailureChargebackStatus::WrittenOff, 0, "gone").unwrap();
    assert!(recheck(&history, &recovered[0]).is_ok());
    history.extend(recovered);
    assert_eq!(recheck(&history, &written[0]).unwrap_err().message_key, "error.chargeback.settled");
    let again = decide_record(&f, &[], ChargebackSource::Reinspection, 5, "EUR", "").unwrap();
    assert_eq!(recheck(&history, &again[0]).unwrap_err().message_key, "error.chargeback.already_recorded");
}
