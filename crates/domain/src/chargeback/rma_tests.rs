//! Chargebacks of units sent back to their vendor from the refurbishment queue: the amount from
//! the unit's cost, claims numbered per RMA, and settlement as every chargeback's.

use super::*;
use crate::returns::{Refurbishment, RefurbishmentOutcome};

fn sent_back(qty: i64, serials: &[&str]) -> Refurbishment {
    Refurbishment {
        line_index: 1,
        qty,
        serials: serials.iter().map(|s| (*s).to_owned()).collect(),
        outcome: RefurbishmentOutcome::ReturnedToVendor,
        note: String::new(),
    }
}

fn cost(vendor: Option<&str>, unit_cost_minor: i64) -> UnitCost {
    UnitCost { vendor_code: vendor.map(str::to_owned), unit_cost_minor, currency: "EUR".into() }
}

#[test]
fn units_sent_back_are_charged_at_their_cost_and_numbered_per_rma() {
    // Two chargers at 11.90: 23.80.
    let first = refurbishment_claim("RMA-1", &[], &sent_back(2, &["S-1", "S-2"]), &cost(Some("SZHQ"), 1190)).unwrap();
    let Event::RmaChargebackRecorded { claim_no, amount_minor, ref serials, ref vendor_code, .. } = first else {
        panic!("{first:?}")
    };
    assert_eq!((claim_no, amount_minor, vendor_code.as_str()), (1, 2380, "SZHQ"));
    assert_eq!(serials, &["S-1", "S-2"]);
    let claims = fold_rma(&[first]);
    let second = refurbishment_claim("RMA-1", &claims, &sent_back(1, &[]), &cost(Some("SZHQ"), 1190)).unwrap();
    assert!(matches!(second, Event::RmaChargebackRecorded { claim_no: 2, amount_minor: 1190, .. }));
    // Nothing to claim: refurbished or scrapped units, no vendor, no cost.
    let mut kept = sent_back(1, &[]);
    kept.outcome = RefurbishmentOutcome::Refurbished;
    assert_eq!(refurbishment_claim("RMA-1", &[], &kept, &cost(Some("SZHQ"), 1190)), None);
    assert_eq!(refurbishment_claim("RMA-1", &[], &sent_back(1, &[]), &cost(None, 1190)), None);
    assert_eq!(refurbishment_claim("RMA-1", &[], &sent_back(1, &[]), &cost(Some(" "), 1190)), None);
    assert_eq!(refurbishment_claim("RMA-1", &[], &sent_back(1, &[]), &cost(Some("SZHQ"), 0)), None);
}

#[test]
fn a_claim_is_recovered_in_part_or_written_off_once() {
    let recorded = refurbishment_claim("RMA-1", &[], &sent_back(2, &[]), &cost(Some("SZHQ"), 1190)).unwrap();
    let claims = fold_rma(std::slice::from_ref(&recorded));
    let err = decide_settle_rma("RMA-1", &claims, 1, FailureChargebackStatus::Recovered, 2381, "").unwrap_err();
    assert_eq!(err.fields[0].message_key, "error.chargeback.bad_recovered");
    let err = decide_settle_rma("RMA-1", &claims, 1, FailureChargebackStatus::WrittenOff, 0, " ").unwrap_err();
    assert_eq!(err.fields[0].message_key, "error.field.required");
    let err = decide_settle_rma("RMA-1", &claims, 2, FailureChargebackStatus::WrittenOff, 0, "x").unwrap_err();
    assert_eq!(err.message_key, "error.chargeback.none_on_rma");
    let settled = decide_settle_rma("RMA-1", &claims, 1, FailureChargebackStatus::Recovered, 2000, "").unwrap();
    let after = fold_rma(&[recorded.clone(), settled[0].clone()]);
    assert_eq!((after[0].status, after[0].recovered_minor), (FailureChargebackStatus::Recovered, 2000));
    // A second settlement (another desk's, merged later) is refused.
    let again = Event::RmaChargebackSettled {
        rma_no: "RMA-1".into(),
        claim_no: 1,
        status: FailureChargebackStatus::WrittenOff,
        recovered_minor: 0,
        note: "vendor bankrupt".into(),
    };
    let err = recheck_rma(&[recorded.clone(), settled[0].clone()], &again).unwrap_err();
    assert_eq!(err.message_key, "error.chargeback.settled");
    assert!(recheck_rma(std::slice::from_ref(&recorded), &again).is_ok());
    // A claim numbered as one already there (two desks sending units back at once) is refused.
    let err = recheck_rma(std::slice::from_ref(&recorded), &recorded).unwrap_err();
    assert_eq!(err.message_key, "error.chargeback.claim_taken");
}
