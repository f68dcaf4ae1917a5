//! Vendor scorecards and rating trends, computed by hand.

use super::test_util::day;
use super::*;

fn vendor(code: &str) -> VendorQualityRow {
    VendorQualityRow {
        vendor_code: code.into(),
        // 2 of 20 lots failed: 10% of the 20% that scores 0 -> 50.
        lots_received: 20,
        lots_with_failure: 2,
        // 10 of 1,000 units: 1% of 5% -> 80.
        units_received: 1_000,
        // Inspected units only count when nothing was received.
        units_inspected: 300,
        defective_units: 10,
        // 1×10 + 2×5 + 10×1 = 30 per 1,000 units = 3 per 100, of 10 -> 70.
        critical_defects: 1,
        major_defects: 2,
        minor_defects: 10,
        // 8 of 800 shipped units returned for the vendor's fault: 1% of 5% -> 80.
        units_shipped: 800,
        vendor_return_units: 8,
        complaints: 0,
        complaint_units: 0,
        // 18 of 20 on time -> 90.
        deliveries_with_due_date: 20,
        deliveries_on_time: 18,
    }
}

fn chargebacks(code: &str) -> Vec<ChargebackRow> {
    let row = |currency: &str, claimed, recovered| ChargebackRow {
        vendor_code: code.into(),
        currency: currency.into(),
        claimed_minor: claimed,
        recovered_minor: recovered,
    };
    // EUR 50% (two claims), USD 100% (capped from 120%): mean 75. Another vendor's claim is ignored.
    vec![
        row("EUR", 600, 200),
        row("EUR", 400, 300),
        row("USD", 200, 240),
        ChargebackRow { vendor_code: "OTHER".into(), ..row("EUR", 1_000, 0) },
    ]
}

fn scores(card: &VendorScorecard) -> Vec<(ScoreComponentId, Option<i64>, Option<u32>, i64)> {
    card.components.iter().map(|c| (c.id, c.measured, c.score, c.effective_weight_bps)).collect()
}

#[test]
fn every_component_with_data_counts_by_its_weight() {
    use ScoreComponentId::*;
    let card = vendor_scorecard(&vendor("V1"), &chargebacks("V1"), &ScorecardSettings::default());
    assert_eq!(
        scores(&card),
        vec![
            (LotDefects, Some(1_000), Some(50), 2_000),
            (UnitDefects, Some(100), Some(80), 2_000),
            (Severity, Some(300), Some(70), 1_500),
            (Returns, Some(100), Some(80), 2_000),
            (OnTime, Some(9_000), Some(90), 1_500),
            (Chargebacks, Some(7_500), Some(75), 1_000),
        ]
    );
    // (20×50 + 20×80 + 15×70 + 20×80 + 15×90 + 10×75) / 100 = 73.5, rounded half up.
    assert_eq!(card.rating, Some(74));
    assert!(!card.flagged && !card.block_receipts);
}

#[test]
fn missing_data_spreads_its_weight_over_the_rest() {
    use ScoreComponentId::*;
    let row = VendorQualityRow { deliveries_with_due_date: 0, deliveries_on_time: 0, ..vendor("V2") };
    let card = vendor_scorecard(&row, &[], &ScorecardSettings::default());
    // (20×50 + 20×80 + 15×70 + 20×80) / 75 = 70 exactly: not below 70, so not flagged.
    assert_eq!(card.rating, Some(70));
    assert!(!card.flagged);
    let s = scores(&card);
    assert_eq!(s[0], (LotDefects, Some(1_000), Some(50), 2_667));
    assert_eq!(s[2], (Severity, Some(300), Some(70), 2_000));
    assert_eq!(s[4], (OnTime, None, None, 0));
    assert_eq!(s[5], (Chargebacks, None, None, 0));
}

#[test]
fn a_vendor_below_the_threshold_is_flagged_and_receipts_blocked_if_set() {
    let row = VendorQualityRow { lots_with_failure: 8, defective_units: 60, ..vendor("V3") };
    let settings = ScorecardSettings { block_receipts_below_threshold: true, ..ScorecardSettings::default() };
    let card = vendor_scorecard(&row, &chargebacks("V3"), &settings);
    // Lots 40% and units 6% both score 0: (15×70 + 20×80 + 15×90 + 10×75) / 100 = 47.5 -> 48.
    assert_eq!(card.rating, Some(48));
    assert!(card.flagged && card.block_receipts);
    let card = vendor_scorecard(&row, &chargebacks("V3"), &ScorecardSettings::default());
    assert!(card.flagged && !card.block_receipts);
}

#[test]
fn a_vendor_with_no_data_has_no_rating_and_is_not_flagged() {
    let row = VendorQualityRow { vendor_code: "NEW".into(), ..VendorQualityRow::default() };
    let card = vendor_scorecard(&row, &[], &ScorecardSettings::default());
    assert_eq!((card.rating, card.flagged), (None, false));
    assert!(card.components.iter().all(|c| c.score.is_none() && c.effective_weight_bps == 0));
    // A claim of 0 is no claim.
    let zero =
        [ChargebackRow { vendor_code: "NEW".into(), currency: "EUR".into(), claimed_minor: 0, recovered_minor: 0 }];
    assert_eq!(chargeback_recovery_bps("NEW", &zero), None);
}

#[test]
fn scorecards_list_the_worst_first_and_the_unrated_last() {
    let bad = VendorQualityRow { lots_with_failure: 8, defective_units: 60, ..vendor("B") };
    let unrated = VendorQualityRow {
        lots_received: 0,
        units_received: 0,
        units_inspected: 0,
        units_shipped: 0,
        deliveries_with_due_date: 0,
        ..vendor("A")
    };
    let cards = vendor_scorecards(&[vendor("C"), unrated, bad], &[], &ScorecardSettings::default());
    let order: Vec<_> = cards.iter().map(|c| (c.vendor_code.as_str(), c.rating)).collect();
    // C without chargebacks: (20×50 + 20×80 + 15×70 + 20×80 + 15×90) / 90 = 73.33 -> 73.
    // B: (15×70 + 20×80 + 15×90) / 90 = 44.44 -> 44.
    assert_eq!(order, vec![("B", Some(44)), ("C", Some(73)), ("A", None)]);
}

fn points(list: &[(u32, u32)]) -> Vec<RatingPoint> {
    list.iter()
        .map(|(d, r)| RatingPoint { day: day(2026, 1, 1) + chrono::Days::new(u64::from(*d)), rating: *r })
        .collect()
}

#[test]
fn rating_trend_follows_the_fitted_line() {
    // Slope 1 point a day over 20 days.
    assert_eq!(rating_trend(&points(&[(0, 60), (10, 70), (20, 80)]), 2), Some(ReviewTrend::Up));
    // Σx 15, Σy 215, Σxy 1,050, Σx² 125: slope -75/150 = -0.5 a day, -5 over 10 days.
    assert_eq!(rating_trend(&points(&[(0, 80), (5, 60), (10, 75)]), 2), Some(ReviewTrend::Down));
    // One point over 30 days is less than 2: flat.
    assert_eq!(rating_trend(&points(&[(0, 70), (30, 71)]), 2), Some(ReviewTrend::Flat));
    // Exactly the minimum counts; the order of the points does not matter.
    assert_eq!(rating_trend(&points(&[(30, 72), (0, 70)]), 2), Some(ReviewTrend::Up));
    // One odd month does not turn a rising line: 60, 70, 50 (odd), 80, 90.
    assert_eq!(rating_trend(&points(&[(0, 60), (30, 70), (60, 50), (90, 80), (120, 90)]), 2), Some(ReviewTrend::Up));
    assert_eq!(rating_trend(&points(&[]), 2), None);
    assert_eq!(rating_trend(&points(&[(0, 50)]), 2), None);
    assert_eq!(rating_trend(&points(&[(3, 50), (3, 90)]), 2), None);
}

#[test]
fn a_vendor_without_receipts_is_scored_on_the_units_its_failures_inspected() {
    use ScoreComponentId::*;
    // Four failures of 50 units inspected each (200 units), 8 defective: 2 critical, 3 major,
    // 3 minor; no lots received, nothing shipped, no delivery dates, no chargebacks.
    let row = VendorQualityRow {
        vendor_code: "NOLOTS".into(),
        units_inspected: 200,
        defective_units: 8,
        critical_defects: 2,
        major_defects: 3,
        minor_defects: 3,
        ..VendorQualityRow::default()
    };
    assert_eq!(row.defect_base_units(), 200);
    // 8 / 200 = 4.00%.
    assert_eq!(row.unit_defect_rate_bps(), Some(400));
    let card = vendor_scorecard(&row, &[], &ScorecardSettings::default());
    // Unit defects: 4% of the 5% that scores 0 -> 100 - 80 = 20. Severity: 2×10 + 3×5 + 3×1 =
    // 38 weighted per 200 units = 19 per 100, past the 10 that scores 0 -> 0. Weights 20 and
    // 15 of 35: (20 × 20 + 15 × 0) / 35 = 11.43 -> 11, below 70: flagged.
    assert_eq!(
        scores(&card),
        vec![
            (LotDefects, None, None, 0),
            (UnitDefects, Some(400), Some(20), 5_714),
            (Severity, Some(1_900), Some(0), 4_286),
            (Returns, None, None, 0),
            (OnTime, None, None, 0),
            (Chargebacks, None, None, 0),
        ]
    );
    assert_eq!((card.rating, card.flagged), (Some(11), true));
}

#[test]
fn with_receipts_the_rate_is_per_unit_received() {
    // 10 defective of 1,000 received = 1.00%, whatever the failures inspected (300).
    assert_eq!(vendor("V").unit_defect_rate_bps(), Some(100));
}

#[test]
fn complaints_weigh_in_the_returns_component_as_returned_units_do() {
    use ScoreComponentId::*;
    // 8 returned + 12 complained about = 20 of 800 shipped = 2.5%, half of the 5% that scores 0
    // -> 50 (returns alone scored 80).
    let row = VendorQualityRow { complaints: 2, complaint_units: 12, ..vendor("V1") };
    let card = vendor_scorecard(&row, &chargebacks("V1"), &ScorecardSettings::default());
    assert_eq!(card.complaints, 2);
    let returns = card.components.iter().find(|c| c.id == Returns).unwrap();
    assert_eq!((returns.measured, returns.score), (Some(250), Some(50)));
    // (20×50 + 20×80 + 15×70 + 20×50 + 15×90 + 10×75) / 100 = 67.5 -> 68, below 70: flagged.
    assert_eq!(card.rating, Some(68));
    assert!(card.flagged);
    // Complaints about a vendor that shipped nothing through lots have no base: no data.
    let unshipped = VendorQualityRow { units_shipped: 0, ..row };
    let card = vendor_scorecard(&unshipped, &[], &ScorecardSettings::default());
    assert_eq!(card.components.iter().find(|c| c.id == Returns).unwrap().measured, None);
}
