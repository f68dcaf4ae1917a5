//! The restocking fee per line, with the amounts worked out by hand. The default policy charges
//! 5% on a change of mind, only on what cannot be sold as new, and never above 10% of the refund.

use super::*;
use crate::Event;

/// A change-of-mind return of 2 boxes at 7.60 and 1 charger at 37.00 (52.20 in all).
fn back(
    grade: ConditionGrade,
    line_grades: Vec<ConditionGrade>,
    dispositions: Vec<(usize, ReturnDisposition, i64)>,
) -> Rma {
    let line = |line_no, sku: &str, qty, unit_price_minor| RmaLine {
        order_no: "SO-1".into(),
        line_no,
        sku: sku.into(),
        qty,
        unit_price_minor,
        lot_code: None,
        serials: Vec::new(),
    };
    let opening = RmaOpening {
        channel: None,
        rma_no: "RMA-1".into(),
        customer_code: "C-1".into(),
        lines: vec![line(1, "BOX-PP-5L", 2, 760), line(2, "CHG-GAN-65", 1, 3_700)],
        currency: "EUR".into(),
        reason_code: "no_longer_needed".into(),
        preferred_outcome: PreferredOutcome::Refund,
        photo_ids: Vec::new(),
        note: String::new(),
        eligibility: Eligibility { verdict: Verdict::Approved, policy_version: 1, outcomes: Vec::new() },
        delivered_on: None,
        opened_by: None,
    };
    let intake = IntakeCheck {
        units: Vec::new(),
        line_grades,
        packaging_intact: true,
        accessories_complete: true,
        serials_match: true,
        grade,
        photo_ids: Vec::new(),
        note: String::new(),
    };
    let dispositions = dispositions
        .into_iter()
        .map(|(line_index, disposition, qty)| LineDisposition {
            grade: None,
            serials: Vec::new(),
            line_index,
            disposition,
            qty,
            recovered_minor: 0,
            location: "MAIN".into(),
        })
        .collect();
    let events = [
        Event::RmaOpened(Box::new(opening)),
        Event::RmaReceived { rma_no: "RMA-1".into(), qty_received: vec![2, 1], intake },
        Event::RmaInspected { b_stock: false, rma_no: "RMA-1".into(), dispositions },
    ];
    events.iter().fold(None, Rma::evolve).unwrap()
}

use ConditionGrade::{A, B};
use ReturnDisposition::{Restock, WriteOff};

#[test]
fn a_line_back_on_the_shelf_as_new_carries_no_fee_when_another_line_does() {
    let policy = ReturnPolicy::default_policy();
    // The boxes go back on the shelf as new, graded A; the charger is written off.
    let rma = back(A, vec![A, B], vec![(0, Restock, 2), (1, WriteOff, 1)]);
    let fees = line_fees(&policy, &rma);
    // Boxes: 0. Charger: 5% of 37.00 = 1.85.
    assert_eq!((fees[0].fee_minor, fees[0].reason), (0, FeeReason::ResoldAsNew));
    assert_eq!((fees[1].fee_minor, fees[1].reason, fees[1].grade), (185, FeeReason::NotResoldAsNew, Some(B)));
    // The whole-return rule charged 5% of 52.20 = 2.61 on everything.
    assert_eq!(policy_fee(&policy, &rma, 5_220), 185);
}

#[test]
fn part_of_a_line_back_as_new_is_charged_on_the_rest_only() {
    let policy = ReturnPolicy::default_policy();
    // One box restocked as new, one written off; the charger restocked as new.
    let rma = back(A, Vec::new(), vec![(0, Restock, 1), (0, WriteOff, 1), (1, Restock, 1)]);
    let fees = line_fees(&policy, &rma);
    // 5% of 7.60 = 0.38 on the one box; nothing on the charger.
    assert_eq!((fees[0].fee_minor, fees[0].reason, fees[0].resold_as_new), (38, FeeReason::PartResoldAsNew, 1));
    assert_eq!((fees[1].fee_minor, fees[1].reason), (0, FeeReason::ResoldAsNew));
    assert_eq!(policy_fee(&policy, &rma, 5_220), 38);
}

#[test]
fn a_restocked_line_graded_b_is_not_new_and_the_cap_holds() {
    let mut policy = ReturnPolicy::default_policy();
    // One grade B for the whole return: nothing is back as new, 5% of 52.20 = 2.61 (0.76 + 1.85).
    let rma = back(B, Vec::new(), vec![(0, Restock, 2), (1, Restock, 1)]);
    assert_eq!(line_fees(&policy, &rma).iter().map(|l| l.fee_minor).collect::<Vec<_>>(), [76, 185]);
    assert_eq!(policy_fee(&policy, &rma, 5_220), 261);
    // A policy of 25% is held to the 10% cap per line: 1.52 + 3.70; and the sum to 10% of a
    // partial refund of 40.00: 4.00.
    policy.restocking_fee_bps = 2_500;
    assert_eq!(line_fees(&policy, &rma).iter().map(|l| l.fee_minor).collect::<Vec<_>>(), [152, 370]);
    assert_eq!(policy_fee(&policy, &rma, 4_000), 400);
}

#[test]
fn a_return_that_was_not_the_customers_choice_carries_no_fee_on_any_line() {
    let policy = ReturnPolicy::default_policy();
    let mut rma = back(B, Vec::new(), vec![(0, WriteOff, 2), (1, WriteOff, 1)]);
    rma.opening.reason_code = "defective".into();
    assert!(line_fees(&policy, &rma).iter().all(|l| l.fee_minor == 0 && l.reason == FeeReason::NotCustomerChoice));
    assert_eq!(policy_fee(&policy, &rma, 5_220), 0);
}
