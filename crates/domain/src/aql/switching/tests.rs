use super::*;

const STEADY: SwitchingPolicy = SwitchingPolicy { reduced_allowed: true, production_steady: true };

/// A lot on a plan with Ac 3: accepted, and also at the next stricter AQL.
const GOOD: LotOutcome = LotOutcome { accepted: true, accept_number: 3, accepted_one_step_tighter: true };
/// Accepted, but it would not have been at the next stricter AQL.
const JUST: LotOutcome = LotOutcome { accepted: true, accept_number: 3, accepted_one_step_tighter: false };
const BAD: LotOutcome = LotOutcome { accepted: false, accept_number: 3, accepted_one_step_tighter: false };

fn after(lots: &[LotOutcome], policy: SwitchingPolicy) -> SwitchingState {
    derive(lots.iter().copied(), policy)
}

#[test]
fn two_not_accepted_in_five_consecutive_lots_tighten_inspection() {
    let s = after(&[GOOD, BAD, GOOD, GOOD], STEADY);
    assert_eq!((s.severity, s.not_accepted_of_last_five), (InspectionSeverity::Normal, 1));
    let s = after(&[GOOD, BAD, GOOD, GOOD, BAD], STEADY);
    assert_eq!((s.severity, s.reason), (InspectionSeverity::Tightened, SwitchingReason::TwoOfFiveNotAccepted));
    // Six lots apart, the first has left the window of five: still normal.
    let s = after(&[BAD, GOOD, GOOD, GOOD, GOOD, BAD], STEADY);
    assert_eq!((s.severity, s.not_accepted_of_last_five), (InspectionSeverity::Normal, 1));
    // Two in a row tighten at once.
    assert_eq!(after(&[BAD, BAD], STEADY).severity, InspectionSeverity::Tightened);
}

#[test]
fn five_accepted_in_a_row_on_tightened_return_to_normal() {
    let mut lots = vec![BAD, BAD, GOOD, GOOD, GOOD, GOOD];
    let s = after(&lots, STEADY);
    assert_eq!((s.severity, s.accepted_in_a_row_on_tightened), (InspectionSeverity::Tightened, 4));
    lots.push(JUST);
    let s = after(&lots, STEADY);
    assert_eq!((s.severity, s.reason), (InspectionSeverity::Normal, SwitchingReason::FiveAcceptedOnTightened));
    assert_eq!(s.score, 0);
    // A lot not accepted breaks the run: counting starts again.
    let s = after(&[BAD, BAD, GOOD, GOOD, GOOD, GOOD, BAD, GOOD], STEADY);
    assert_eq!((s.severity, s.accepted_in_a_row_on_tightened), (InspectionSeverity::Tightened, 1));
}

#[test]
fn five_lots_not_accepted_on_tightened_discontinue_inspection() {
    // The two lots that tightened inspection were on normal: they do not count.
    let s = after(&[BAD, BAD, BAD, GOOD, BAD, GOOD, BAD, BAD], STEADY);
    assert_eq!((s.severity, s.not_accepted_on_tightened), (InspectionSeverity::Tightened, 4));
    assert!(!s.discontinued);
    let s = after(&[BAD, BAD, BAD, GOOD, BAD, GOOD, BAD, BAD, BAD], STEADY);
    assert_eq!((s.discontinued, s.reason, s.not_accepted_on_tightened), (true, SwitchingReason::Discontinued, 5));
    // Nothing more switches until inspection is resumed.
    let s = after(&[BAD, BAD, BAD, BAD, BAD, BAD, BAD, GOOD, GOOD, GOOD, GOOD, GOOD], STEADY);
    assert!(s.discontinued);
}

#[test]
fn the_switching_score_reaches_30_and_reduced_inspection_needs_approval_and_steady_production() {
    // Ac >= 2: 3 points a lot accepted at the stricter AQL, so the tenth lot makes 30.
    let nine = vec![GOOD; 9];
    let s = after(&nine, STEADY);
    assert_eq!((s.severity, s.score), (InspectionSeverity::Normal, 27));
    let s = after(&[GOOD; 10], STEADY);
    assert_eq!((s.severity, s.reason), (InspectionSeverity::Reduced, SwitchingReason::ScoreReached30));
    // Without the authority's approval, or with unsteady production, it stays normal at 30.
    let not_approved = SwitchingPolicy { reduced_allowed: false, production_steady: true };
    assert_eq!(
        (after(&[GOOD; 10], not_approved).severity, after(&[GOOD; 10], not_approved).score),
        (InspectionSeverity::Normal, 30)
    );
    let unsteady = SwitchingPolicy { reduced_allowed: true, production_steady: false };
    assert_eq!(after(&[GOOD; 10], unsteady).severity, InspectionSeverity::Normal);
    // Accepted but not at the stricter AQL: the score returns to 0.
    let mut lots = vec![GOOD; 9];
    lots.push(JUST);
    assert_eq!(after(&lots, STEADY).score, 0);
    // Ac 0 or 1: 2 points a lot accepted, so it takes 15 lots.
    let small = LotOutcome { accepted: true, accept_number: 1, accepted_one_step_tighter: false };
    assert_eq!(after(&[small; 14], STEADY).score, 28);
    assert_eq!(after(&[small; 15], STEADY).severity, InspectionSeverity::Reduced);
}

#[test]
fn a_lot_not_accepted_on_reduced_returns_to_normal() {
    let mut lots = vec![GOOD; 10];
    lots.push(GOOD);
    assert_eq!(after(&lots, STEADY).severity, InspectionSeverity::Reduced);
    lots.push(BAD);
    let s = after(&lots, STEADY);
    assert_eq!((s.severity, s.reason, s.score), (InspectionSeverity::Normal, SwitchingReason::NotAcceptedOnReduced, 0));
}

#[test]
fn a_resumption_after_discontinuation_restarts_tightened_and_five_accepted_return_to_normal() {
    use SwitchingStep::{Lot, Resumed};
    // BAD, BAD tighten (lots 1-2); five BAD on tightened discontinue (lots 3-7).
    let mut steps: Vec<SwitchingStep> = [BAD; 7].into_iter().map(Lot).collect();
    let s = derive_steps(steps.clone(), STEADY);
    assert!(s.discontinued);
    steps.push(Resumed);
    let s = derive_steps(steps.clone(), STEADY);
    assert_eq!(
        (s.severity, s.reason, s.discontinued),
        (InspectionSeverity::Tightened, SwitchingReason::ResumedAfterCorrection, false)
    );
    assert_eq!((s.not_accepted_on_tightened, s.accepted_in_a_row_on_tightened, s.lots), (0, 0, 7));
    // Four accepted on tightened: still tightened; the fifth returns to normal.
    steps.extend([Lot(GOOD); 4]);
    assert_eq!(derive_steps(steps.clone(), STEADY).accepted_in_a_row_on_tightened, 4);
    steps.push(Lot(JUST));
    let s = derive_steps(steps, STEADY);
    assert_eq!((s.severity, s.reason), (InspectionSeverity::Normal, SwitchingReason::FiveAcceptedOnTightened));
    // A resumption while inspection runs changes nothing.
    let running = derive_steps([Lot(BAD), Lot(BAD), Resumed], STEADY);
    assert_eq!(
        (running.severity, running.reason),
        (InspectionSeverity::Tightened, SwitchingReason::TwoOfFiveNotAccepted)
    );
}
