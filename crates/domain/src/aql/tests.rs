use proptest::prelude::*;

use super::*;

fn plan_for(lot_size: u64, level: InspectionLevel, aql: f64) -> AqlPlan {
    let aql = Aql::from_value(aql).expect("a standard AQL");
    plan(&AqlPlanInput { lot_size, level, aql, inspection: None }).expect("a plan")
}

fn summary(p: &AqlPlan) -> (String, u64, u32, u32) {
    (p.code_letter.clone(), p.sample_size, p.accept, p.reject)
}

#[test]
fn the_catalogue_example() {
    assert_eq!(summary(&plan_for(1200, InspectionLevel::II, 2.5)), ("J".into(), 80, 5, 6));
}

#[test]
fn table_1_code_letters() {
    use InspectionLevel::*;
    let cases = [
        (2, II, 'A'),
        (8, III, 'B'),
        (9, II, 'B'),
        (91, II, 'F'),
        (150, II, 'F'),
        (151, I, 'E'),
        (500, II, 'H'),
        (501, I, 'G'),
        (1200, III, 'K'),
        (3201, II, 'L'),
        (10_000, II, 'L'),
        (35_001, II, 'N'),
        (150_001, I, 'M'),
        (35_001, I, 'L'),
        (500_001, II, 'Q'),
        (500_001, III, 'R'),
        (10_000_000, I, 'N'),
    ];
    for (lot, level, letter) in cases {
        assert_eq!(code_letter(lot, level), Ok(letter), "lot {lot} level {level:?}");
    }
    assert_eq!(code_letter(1, InspectionLevel::II), Err(AqlError::LotTooSmall));
}

/// (lot size, AQL, (code letter, sample size, Ac, Re)).
type PrintedCell = (u64, f64, (&'static str, u64, u32, u32));

/// Cells read off the printed Table 2-A (normal inspection, single sampling).
#[test]
fn table_2a_printed_cells() {
    use InspectionLevel::II;
    let cases: [PrintedCell; 14] = [
        (500, 2.5, ("H", 50, 3, 4)),
        (500, 4.0, ("H", 50, 5, 6)),
        (500, 1.5, ("H", 50, 2, 3)),
        (500, 1.0, ("H", 50, 1, 2)),
        (5000, 2.5, ("L", 200, 10, 11)),
        (5000, 1.0, ("L", 200, 5, 6)),
        (5000, 0.65, ("L", 200, 3, 4)),
        (5000, 6.5, ("L", 200, 21, 22)),
        (20_000, 2.5, ("M", 315, 14, 15)),
        (50_000, 2.5, ("N", 500, 21, 22)),
        (1200, 6.5, ("J", 80, 10, 11)),
        (1200, 0.65, ("J", 80, 1, 2)),
        (150, 6.5, ("F", 20, 3, 4)),
        (3000, 0.065, ("L", 200, 0, 1)),
    ];
    for (lot, aql, expected) in cases {
        let got = plan_for(lot, II, aql);
        assert_eq!(summary(&got), (expected.0.to_owned(), expected.1, expected.2, expected.3), "lot {lot} AQL {aql}");
    }
}

/// Arrows: the plan they point to brings its own sample size.
#[test]
fn arrows_are_followed_with_their_sample_size() {
    use InspectionLevel::II;
    // H at 0.65 points down to J: 80 units, 1/2.
    assert_eq!(summary(&plan_for(500, II, 0.65)), ("J".into(), 80, 1, 2));
    // H at 0.40 points up to G: 32 units, 0/1.
    assert_eq!(summary(&plan_for(500, II, 0.40)), ("G".into(), 32, 0, 1));
    // P (800) at 2.5 points up to N: 500 units, 21/22.
    assert_eq!(summary(&plan_for(200_000, II, 2.5)), ("N".into(), 500, 21, 22));
    // J at 0.065 points down to L: 200 units, 0/1.
    assert_eq!(summary(&plan_for(1200, II, 0.065)), ("L".into(), 200, 0, 1));
}

#[test]
fn a_sample_as_large_as_the_lot_means_inspecting_every_unit() {
    // Lot of 5 at 0.065 points down to L (200 units): inspect all 5.
    let p = plan_for(5, InspectionLevel::II, 0.065);
    assert!(p.full_inspection);
    assert_eq!((p.sample_size, p.accept, p.reject), (5, 0, 1));
    assert!(!plan_for(1200, InspectionLevel::II, 2.5).full_inspection);
}

#[test]
fn verdicts_at_the_boundary() {
    let p = plan_for(1200, InspectionLevel::II, 2.5);
    assert_eq!(verdict(&p, 5), Verdict::Accept);
    assert_eq!(verdict(&p, 6), Verdict::Reject);
}

#[test]
fn aql_values_parse_from_json_numbers() {
    let input: AqlPlanInput = serde_json::from_str(r#"{"lot_size": 1200, "level": "II", "aql": 2.5}"#).unwrap();
    assert_eq!(input.aql.value(), 2.5);
    assert_eq!(serde_json::to_value(input).unwrap()["aql"], serde_json::json!(2.5));
    let err = serde_json::from_str::<AqlPlanInput>(r#"{"lot_size": 1200, "level": "II", "aql": 2.4}"#).unwrap_err();
    assert!(err.to_string().contains("not an AQL value"), "{err}");
    assert!(Aql::from_value(0.065).is_some() && Aql::from_value(1000.0).is_some());
}

fn at(lot_size: u64, level: InspectionLevel, aql: f64, inspection: InspectionSeverity) -> (String, u64, u32, u32) {
    let aql = Aql::from_value(aql).expect("a standard AQL");
    summary(&plan(&AqlPlanInput { lot_size, level, aql, inspection: Some(inspection) }).expect("a plan"))
}

#[test]
fn table_1_special_levels() {
    use InspectionLevel::*;
    let cases = [
        (1200, S1, 'C'),
        (1200, S2, 'C'),
        (1200, S3, 'E'),
        (1200, S4, 'F'),
        (20, S3, 'B'),
        (100_000, S4, 'J'),
        (600_000, S1, 'D'),
        (600_000, S4, 'K'),
    ];
    for (lot, level, letter) in cases {
        assert_eq!(code_letter(lot, level), Ok(letter), "lot {lot} level {level:?}");
    }
    let level: InspectionLevel = serde_json::from_str("\"S-3\"").unwrap();
    assert_eq!(level, S3);
}

/// Code letter K (lot 1201-3200 at level II... here 501-1200 at level III): normal 125 units,
/// tightened the same 125 with stricter numbers, reduced 50 units (Tables 2-A, 2-B, 2-C).
#[test]
fn code_letter_k_at_each_severity() {
    use InspectionSeverity::*;
    let k = |aql, inspection| at(1200, InspectionLevel::III, aql, inspection);
    assert_eq!(k(1.0, Normal), ("K".into(), 125, 3, 4));
    assert_eq!(k(1.0, Tightened), ("K".into(), 125, 2, 3));
    assert_eq!(k(1.0, Reduced), ("K".into(), 50, 1, 2));
    assert_eq!(k(2.5, Normal), ("K".into(), 125, 7, 8));
    assert_eq!(k(2.5, Tightened), ("K".into(), 125, 5, 6));
    assert_eq!(k(2.5, Reduced), ("K".into(), 50, 3, 4));
    assert_eq!(k(4.0, Tightened), ("K".into(), 125, 8, 9));
    assert_eq!(k(6.5, Tightened), ("K".into(), 125, 12, 13));
    assert_eq!(k(10.0, Tightened), ("K".into(), 125, 18, 19));
    assert_eq!(k(0.65, Tightened), ("K".into(), 125, 1, 2));
    // Normal K at 0.10 is "0 1" on 125; tightened, the arrow leads to L's 200.
    assert_eq!(k(0.10, Normal), ("K".into(), 125, 0, 1));
    assert_eq!(k(0.10, Tightened), ("L".into(), 200, 0, 1));
}

#[test]
fn tightened_has_letter_s_and_reduced_samples_stop_at_two() {
    use InspectionSeverity::*;
    // R (over 500,000 at level III) at 0.025 tightened points down to S: 3150 units, 1/2.
    assert_eq!(at(600_000, InspectionLevel::III, 0.025, Tightened), ("S".into(), 3150, 1, 2));
    // Reduced A, B and C all take 2 units; D takes 3 (B's sample, "0 1" at 4.0); at 2.5 D's
    // arrow points down to E, which takes C's 5.
    assert_eq!(at(30, InspectionLevel::I, 6.5, Reduced), ("C".into(), 2, 0, 1));
    assert_eq!(at(40, InspectionLevel::II, 4.0, Reduced), ("D".into(), 3, 0, 1));
    assert_eq!(at(40, InspectionLevel::II, 2.5, Reduced), ("E".into(), 5, 0, 1));
    // Reduced never asks for more than normal, tightened never accepts more.
    for lot in [50, 500, 3000, 40_000] {
        for aql in [0.65, 1.0, 2.5, 4.0, 6.5] {
            let normal = at(lot, InspectionLevel::II, aql, Normal);
            assert!(at(lot, InspectionLevel::II, aql, Reduced).1 <= normal.1, "lot {lot} AQL {aql}");
            let tight = at(lot, InspectionLevel::II, aql, Tightened);
            assert!(tight.2 as f64 / tight.1 as f64 <= normal.2 as f64 / normal.1 as f64, "lot {lot} AQL {aql}");
        }
    }
}

fn any_level() -> impl Strategy<Value = InspectionLevel> {
    prop_oneof![Just(InspectionLevel::I), Just(InspectionLevel::II), Just(InspectionLevel::III)]
}

proptest! {
    #[test]
    fn every_lot_level_and_aql_has_a_plan(lot in 2_u64..2_000_000, level in any_level(), column in 0_usize..26) {
        let aql = Aql::all().nth(column).unwrap();
        let p = plan(&AqlPlanInput { lot_size: lot, level, aql, inspection: None }).unwrap();
        prop_assert_eq!(p.reject, p.accept + 1);
        prop_assert!(p.sample_size <= lot);
        prop_assert_eq!(p.full_inspection, p.sample_size == lot && LETTERS.iter().any(|(c, n)| c.to_string() == p.code_letter && *n >= lot));
    }

    #[test]
    fn a_larger_aql_never_tightens_the_plan(lot in 2_u64..2_000_000, level in any_level(), column in 0_usize..25) {
        // At the same letter, moving to a more lenient AQL never lowers the acceptance
        // fraction: accept / sample does not fall.
        let strict = plan(&AqlPlanInput { lot_size: lot, level, aql: Aql::all().nth(column).unwrap(), inspection: None }).unwrap();
        let lenient = plan(&AqlPlanInput { lot_size: lot, level, aql: Aql::all().nth(column + 1).unwrap(), inspection: None }).unwrap();
        prop_assert!(lenient.accept as f64 / lenient.sample_size as f64 >= strict.accept as f64 / strict.sample_size as f64 - 1e-12,
            "{:?} then {:?}", strict, lenient);
    }
}

/// (lot size, level, AQL, (code letter, sample size, Ac, Re)) at one severity.
type SeverityCell = (u64, InspectionLevel, f64, (&'static str, u64, u32, u32));

fn check_cells(severity: InspectionSeverity, cases: &[SeverityCell]) {
    for (lot, level, aql, expected) in cases {
        let got = at(*lot, *level, *aql, severity);
        assert_eq!(
            got,
            (expected.0.to_owned(), expected.1, expected.2, expected.3),
            "{severity:?} lot {lot} AQL {aql}"
        );
    }
}

/// Cells of ISO 2859-1:1999 Table 2-B (tightened, single sampling), worked from the standard:
/// the same sample per code letter as normal (plus S, 3150 units), the "0 1" plan one letter
/// further down its column than in Table 2-A, then ↑ and ↓, then Ac 1, 2, 3, 5, 8, 12, 18 along
/// the diagonal (27 and 41 only in the columns of 100 and more nonconformities per 100 units).
#[test]
fn table_2b_tightened_cells() {
    use InspectionLevel::{II, III};
    let cases: [SeverityCell; 20] = [
        (1200, II, 2.5, ("J", 80, 3, 4)),
        (1200, II, 4.0, ("J", 80, 5, 6)),
        (1200, II, 6.5, ("J", 80, 8, 9)),
        (1200, II, 1.0, ("J", 80, 1, 2)),
        // H at 0.65 is the ↑ after G's "0 1"; at 1.0 the ↓ to J's "1 2".
        (500, II, 0.65, ("G", 32, 0, 1)),
        (500, II, 1.0, ("J", 80, 1, 2)),
        (5000, II, 2.5, ("L", 200, 8, 9)),
        (5000, II, 6.5, ("L", 200, 18, 19)),
        // L at 10 is past the diagonal's last plan: ↑ to K's 18/19.
        (5000, II, 10.0, ("K", 125, 18, 19)),
        (20_000, II, 0.40, ("M", 315, 2, 3)),
        (50_000, II, 0.25, ("N", 500, 2, 3)),
        (200_000, II, 0.10, ("P", 800, 1, 2)),
        // Q at 0.040 is a ↓ to R's "1 2"; Q at 0.010 a ↓ to R's "0 1".
        (600_000, II, 0.040, ("R", 2000, 1, 2)),
        (600_000, II, 0.010, ("R", 2000, 0, 1)),
        // R at 0.015 is the ↑ after Q's "0 1".
        (600_000, III, 0.015, ("Q", 1250, 0, 1)),
        (5, II, 10.0, ("A", 2, 0, 1)),
        (10, II, 6.5, ("B", 3, 0, 1)),
        (40, II, 6.5, ("E", 13, 1, 2)),
        (5, II, 1000.0, ("A", 2, 27, 28)),
        (10, II, 1000.0, ("B", 3, 41, 42)),
    ];
    check_cells(InspectionSeverity::Tightened, &cases);
}

/// Cells of ISO 2859-1:1999 Table 2-C (reduced, single sampling), worked from the standard:
/// each code letter samples what Table 2-A's letter two rows up samples (A to C: 2, D: 3,
/// K: 50, R: 800) with Table 2-A's plans for that sample, so Re is always Ac + 1 (ANSI Z1.4's
/// reduced table keeps gaps such as 1/4 and 5/8; ISO 2859-1:1999 does not).
#[test]
fn table_2c_reduced_cells() {
    use InspectionLevel::{II, III};
    let cases: [SeverityCell; 20] = [
        (3000, II, 1.0, ("K", 50, 1, 2)),
        (3000, II, 2.5, ("K", 50, 3, 4)),
        // K at 0.65 is a ↓: L's reduced 80 units at 1/2.
        (3000, II, 0.65, ("L", 80, 1, 2)),
        (5000, II, 2.5, ("L", 80, 5, 6)),
        (5000, II, 4.0, ("L", 80, 7, 8)),
        (5000, II, 6.5, ("L", 80, 10, 11)),
        (20_000, II, 1.0, ("M", 125, 3, 4)),
        (50_000, II, 0.65, ("N", 200, 3, 4)),
        (1200, II, 4.0, ("J", 32, 3, 4)),
        (1200, II, 0.40, ("J", 32, 0, 1)),
        (500, II, 6.5, ("H", 20, 3, 4)),
        (250, II, 10.0, ("G", 13, 3, 4)),
        (150, II, 15.0, ("F", 8, 3, 4)),
        // E at 0.65 points down three rows, to H's 20 units at 0/1 (Table 2-A's 0.65 plan).
        (80, II, 0.65, ("H", 20, 0, 1)),
        (600_000, II, 0.10, ("Q", 500, 1, 2)),
        // R at 0.025 is the ↑ after Q's "0 1" (500 units).
        (600_000, III, 0.025, ("Q", 500, 0, 1)),
        (5, II, 1000.0, ("A", 2, 30, 31)),
        (40, II, 650.0, ("D", 3, 30, 31)),
        // No reduced sample reaches Table 2-A's first plan at 0.010 (1250 units): the normal
        // plan applies (it used to be refused as having no plan).
        (600_000, II, 0.010, ("Q", 1250, 0, 1)),
        (200_000, II, 0.010, ("Q", 1250, 0, 1)),
    ];
    check_cells(InspectionSeverity::Reduced, &cases);
}

proptest! {
    #[test]
    fn tightened_and_reduced_plans_reject_at_one_more_than_they_accept(
        lot in 2_u64..2_000_000, level in any_level(), column in 0_usize..26,
    ) {
        let aql = Aql::all().nth(column).unwrap();
        for inspection in [InspectionSeverity::Tightened, InspectionSeverity::Reduced] {
            let p = plan(&AqlPlanInput { lot_size: lot, level, aql, inspection: Some(inspection) }).unwrap();
            prop_assert_eq!(p.reject, p.accept + 1);
            prop_assert!(p.sample_size <= lot);
        }
    }
}
