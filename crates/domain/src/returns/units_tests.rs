//! Returns taken in unit by unit: each unit's grade, the disposition of each grade, the fee
//! that follows the units' grades, and the refurbishment queue. Amounts worked out by hand; the
//! default policy charges 5% on a change of mind, never above 10% of the refund.

use super::*;
use crate::Event;
use ConditionGrade::{A, B, C, D};
use ReturnDisposition::{Refurbish, ResellOpenBox, Restock, WriteOff};

/// A change-of-mind return of 3 boxes at 7.60 and 2 chargers at 37.00 with serials.
fn opened() -> Rma {
    let line = |line_no, sku: &str, qty, unit_price_minor, serials: &[&str]| RmaLine {
        order_no: "SO-1".into(),
        line_no,
        sku: sku.into(),
        qty,
        unit_price_minor,
        lot_code: None,
        serials: serials.iter().map(|s| (*s).to_owned()).collect(),
    };
    let opening = RmaOpening {
        channel: None,
        rma_no: "RMA-1".into(),
        customer_code: "C-1".into(),
        lines: vec![line(1, "BOX-PP-5L", 3, 760, &[]), line(2, "CHG-GAN-65", 2, 3_700, &["S-1", "S-2"])],
        currency: "EUR".into(),
        reason_code: "no_longer_needed".into(),
        preferred_outcome: PreferredOutcome::Refund,
        photo_ids: Vec::new(),
        note: String::new(),
        eligibility: Eligibility { verdict: Verdict::Approved, policy_version: 1, outcomes: Vec::new() },
        delivered_on: None,
        opened_by: None,
    };
    Rma::evolve(None, &Event::RmaOpened(Box::new(opening))).unwrap()
}

fn unit(line_index: usize, serial: Option<&str>, grade: ConditionGrade) -> IntakeUnit {
    IntakeUnit { line_index, serial: serial.map(str::to_owned), grade }
}

fn intake(units: Vec<IntakeUnit>) -> IntakeCheck {
    IntakeCheck {
        packaging_intact: true,
        accessories_complete: true,
        serials_match: true,
        grade: A,
        line_grades: Vec::new(),
        units,
        photo_ids: Vec::new(),
        note: String::new(),
    }
}

fn apply(rma: &Rma, events: Vec<Event>) -> Rma {
    events.iter().fold(Some(rma.clone()), Rma::evolve).unwrap()
}

fn d(
    line_index: usize,
    grade: ConditionGrade,
    disposition: ReturnDisposition,
    qty: i64,
    serials: &[&str],
) -> LineDisposition {
    LineDisposition {
        line_index,
        disposition,
        qty,
        recovered_minor: 0,
        location: if disposition.returns_to_stock() { "MAIN".into() } else { String::new() },
        grade: Some(grade),
        serials: serials.iter().map(|s| (*s).to_owned()).collect(),
    }
}

/// Boxes A, B, C; chargers S-1 A and S-2 D.
fn received() -> Rma {
    let units =
        vec![unit(0, None, A), unit(0, None, B), unit(0, None, C), unit(1, Some("S-1"), A), unit(1, Some("S-2"), D)];
    let rma = opened();
    apply(&rma, decide_receive(&rma, &[3, 2], &intake(units)).unwrap())
}

fn keys(err: &crate::ApiError) -> Vec<&str> {
    err.fields.iter().map(|f| f.message_key.as_str()).collect()
}

#[test]
fn every_unit_received_is_graded_once_and_the_single_grade_is_the_worst() {
    let rma = opened();
    let short = decide_receive(&rma, &[3, 2], &intake(vec![unit(0, None, A), unit(1, Some("S-1"), A)])).unwrap_err();
    assert_eq!(keys(&short), ["error.rma.units_count", "error.rma.units_count"]);
    let bad_serials =
        vec![unit(0, None, A), unit(0, None, A), unit(0, None, A), unit(1, None, A), unit(1, Some("S-9"), A)];
    let err = decide_receive(&rma, &[3, 2], &intake(bad_serials)).unwrap_err();
    assert_eq!(keys(&err), ["error.rma.serial_required", "error.rma.serial_not_on_line"]);
    let twice =
        vec![unit(0, None, A), unit(0, None, A), unit(0, None, A), unit(1, Some("S-1"), A), unit(1, Some("S-1"), B)];
    assert_eq!(keys(&decide_receive(&rma, &[3, 2], &intake(twice)).unwrap_err()), ["error.rma.serial_twice"]);
    let rma = received();
    assert_eq!(rma.intake.as_ref().unwrap().grade, D, "the worst unit's grade");
    assert_eq!(
        unit_grades(rma.intake.as_ref().unwrap(), 0),
        [GradeCount { grade: A, qty: 1 }, GradeCount { grade: B, qty: 1 }, GradeCount { grade: C, qty: 1 }]
    );
}

#[test]
fn each_grade_of_each_line_takes_its_units_exactly_and_worn_units_are_not_restocked_as_new() {
    let rma = received();
    let wrong = [
        d(0, A, Restock, 1, &[]),
        d(0, B, ResellOpenBox, 1, &[]),
        d(0, C, Restock, 1, &[]),
        d(1, A, Restock, 1, &["S-2"]),
        d(1, D, WriteOff, 1, &["S-2"]),
    ];
    let err = decide_inspect(&rma, &wrong).unwrap_err();
    assert_eq!(
        keys(&err),
        ["error.rma.restock_grade", "error.rma.serial_not_graded", "error.rma.serial_twice"],
        "C restocked as new; S-2 was graded D, not A, and named twice"
    );
    let no_grade = LineDisposition { grade: None, ..d(0, A, Restock, 3, &[]) };
    let err =
        decide_inspect(&rma, &[no_grade, d(1, A, Restock, 1, &["S-1"]), d(1, D, WriteOff, 1, &["S-2"])]).unwrap_err();
    assert!(keys(&err).contains(&"error.rma.grade_required"), "{err:?}");
    let events = decide_inspect(
        &rma,
        &[
            d(0, A, Restock, 1, &[]),
            d(0, B, ResellOpenBox, 1, &[]),
            d(0, C, Refurbish, 1, &[]),
            d(1, A, Restock, 1, &["S-1"]),
            d(1, D, WriteOff, 1, &["S-2"]),
        ],
    )
    .unwrap();
    assert!(matches!(&events[0], Event::RmaInspected { b_stock: true, .. }));
}

fn inspected() -> Rma {
    let rma = received();
    apply(
        &rma,
        decide_inspect(
            &rma,
            &[
                d(0, A, Restock, 1, &[]),
                d(0, B, ResellOpenBox, 1, &[]),
                d(0, C, Refurbish, 1, &[]),
                d(1, A, Restock, 1, &["S-1"]),
                d(1, D, Refurbish, 1, &["S-2"]),
            ],
        )
        .unwrap(),
    )
}

#[test]
fn the_fee_follows_each_units_grade_line_by_line_within_the_cap() {
    let rma = inspected();
    let fees = line_fees(&ReturnPolicy::default_policy(), &rma);
    // Boxes: the A unit is back as new; B and C are not: 2 × 7.60 = 15.20, 5% = 0.76.
    assert_eq!((fees[0].resold_as_new, fees[0].fee_minor, fees[0].reason), (1, 76, FeeReason::PartResoldAsNew));
    assert_eq!(fees[0].grade, None, "three grades on the line");
    // Chargers: S-1 (A) back as new, S-2 (D) not: 37.00 × 5% = 1.85.
    assert_eq!((fees[1].resold_as_new, fees[1].fee_minor), (1, 185));
    assert_eq!(fees[1].unit_grades, [GradeCount { grade: A, qty: 1 }, GradeCount { grade: D, qty: 1 }]);
    // 0.76 + 1.85 = 2.61, under 10% of the 96.80 paid for what came back.
    assert_eq!(policy_fee(&ReturnPolicy::default_policy(), &rma, 9_680), 261);
    // A refund of 20.00 caps the fee at 2.00.
    assert_eq!(policy_fee(&ReturnPolicy::default_policy(), &rma, 2_000), 200);
}

#[test]
fn the_refurbishment_queue_holds_what_was_sent_and_each_outcome_takes_units_out_once() {
    let rma = inspected();
    assert_eq!((awaiting_refurbishment(&rma, 0), awaiting_refurbishment(&rma, 1)), (1, 1));
    assert_eq!(serials_awaiting_refurbishment(&rma, 1), ["S-2"]);
    let r = |line_index, qty, serials: &[&str], outcome| Refurbishment {
        line_index,
        qty,
        serials: serials.iter().map(|s| (*s).to_owned()).collect(),
        outcome,
        note: String::new(),
    };
    let err = decide_refurbish(&rma, &r(0, 2, &[], RefurbishmentOutcome::Refurbished)).unwrap_err();
    assert_eq!((keys(&err), err.fields[0].params["awaiting"].as_str()), (vec!["error.rma.refurbish_above_queue"], "1"));
    let err = decide_refurbish(&rma, &r(1, 1, &[], RefurbishmentOutcome::Scrapped)).unwrap_err();
    assert_eq!(keys(&err), ["error.rma.serials_for_qty"]);
    let err = decide_refurbish(&rma, &r(1, 1, &["S-1"], RefurbishmentOutcome::Scrapped)).unwrap_err();
    assert_eq!(keys(&err), ["error.rma.serial_not_in_queue"]);
    let rma = apply(&rma, decide_refurbish(&rma, &r(1, 1, &["S-2"], RefurbishmentOutcome::ReturnedToVendor)).unwrap());
    assert_eq!(awaiting_refurbishment(&rma, 1), 0);
    // The same units recorded again (a second desk, after the merge) are refused.
    let again = decide_refurbish(&rma, &r(1, 1, &["S-2"], RefurbishmentOutcome::Scrapped)).unwrap_err();
    assert_eq!(keys(&again)[0], "error.rma.refurbish_above_queue");
}

#[test]
fn an_inspection_written_before_b_stock_reads_as_it_was_and_queues_nothing() {
    // Version 1 of rma_inspected had no `b_stock`: its refurbished units went back to stock.
    let payload = r#"{"kind":"rma_inspected","rma_no":"RMA-1","dispositions":[{"line_index":0,"disposition":"refurbish","qty":1,"recovered_minor":0,"location":"MAIN"}]}"#;
    let crate::envelope::Decoded::Known(event) = crate::envelope::decode_payload("rma_inspected", 1, payload).unwrap()
    else {
        panic!("a version 1 inspection decodes");
    };
    assert!(matches!(&*event, Event::RmaInspected { b_stock: false, .. }));
    assert_eq!(crate::envelope::current_schema_version("rma_inspected"), 2);
    let rma = opened();
    let units = IntakeCheck { grade: B, ..intake(Vec::new()) };
    let rma = apply(
        &rma,
        vec![Event::RmaReceived { rma_no: "RMA-1".into(), qty_received: vec![1, 0], intake: units }, *event],
    );
    assert_eq!(awaiting_refurbishment(&rma, 0), 0, "nothing queued: the unit went back to stock then");
    assert_eq!(line_grade(&rma, 0), Some(B));
    let err = decide_refurbish(
        &rma,
        &Refurbishment {
            line_index: 0,
            qty: 1,
            serials: Vec::new(),
            outcome: RefurbishmentOutcome::Scrapped,
            note: String::new(),
        },
    )
    .unwrap_err();
    assert_eq!(err.message_key, "error.rma.no_refurbishment");
}
