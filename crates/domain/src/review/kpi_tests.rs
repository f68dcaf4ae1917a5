//! The KPI table on the fixture's November, computed by hand.

use super::kpi_fixture::{input, now};
use super::test_util::{at, november};
use super::*;

/// (value, previous, sample, state) of the single figure of a KPI.
fn one(table: &KpiTable, id: KpiId) -> (Option<i64>, Option<i64>, i64, KpiState) {
    let row = table.rows.iter().find(|r| r.id == id).unwrap();
    assert_eq!(row.figures.len(), 1, "{id:?}");
    let f = &row.figures[0];
    (f.value, f.previous, f.sample, f.state)
}

#[test]
fn every_kpi_of_the_period_against_the_previous() {
    use KpiState::*;
    let t = kpi_table(&input(), &november(), &KpiTargets::default(), now());
    // 5 + 2 of the 110 orders placed in November returned = 6.36%: misses 6% by less than 10%
    // of it. October (from the 2nd): 2 of 50; the 1st is in no period compared here.
    assert_eq!(one(&t, KpiId::ReturnRate), (Some(636), Some(400), 110, Amber));
    // (1,440 + 4,320 + 360) / 3 = 2,040 min; October (1,440 + 2,880) / 2 = 2,160.
    assert_eq!(one(&t, KpiId::ReceiptToDecision), (Some(2_040), Some(2_160), 3, Green));
    // Approval to payment of the refunds and credit paid in November: R1 inspected 6th 10:00,
    // paid 7th 22:00 (2,160); R2's payout approved 13th 20:00, paid 14th 08:00 (720); R3 8th
    // 18:00 to 9th 12:00 (1,080); R8 27 Oct 00:00 to 2 Nov 00:00 (8,640): 12,600 / 4 = 3,150 min,
    // within the 2.5-day target (3,600): green. October: R7 1,440.
    assert_eq!(one(&t, KpiId::RefundProcessing), (Some(3_150), Some(1_440), 4, Green));
    // 1 written off + 4 recycled of 2,000 in stock on 1 November; October 2 donated of 10,000.
    assert_eq!(one(&t, KpiId::InventoryImpact), (Some(25), Some(2), 2_000, Green));
    // R1 and R8 right, R2 wrong; R3 was store credit. October: R7 right.
    assert_eq!(one(&t, KpiId::RefundAccuracy), (Some(6_667), Some(10_000), 3, Red));
    // Decided in November: R1, R2 (by a person), R3, R4, R6; October R7, R8 (by a person).
    assert_eq!(one(&t, KpiId::AutomationRate), (Some(8_000), Some(5_000), 5, Neutral));
    assert_eq!(one(&t, KpiId::DenialRate), (Some(2_000), Some(0), 5, Neutral));
    // 2 of 3 labels; none tried in October.
    assert_eq!(one(&t, KpiId::LabelSuccessRate), (Some(6_667), None, 3, Neutral));
}

#[test]
fn restock_and_unsellable_rates_count_units_per_unit_of_measure() {
    let t = kpi_table(&input(), &november(), &KpiTargets::default(), now());
    type PerUnit = (String, Option<i64>, Option<i64>, i64, KpiState);
    let figures = |id: KpiId| -> Vec<PerUnit> {
        let row = t.rows.iter().find(|r| r.id == id).unwrap();
        row.figures
            .iter()
            .map(|f| (f.unit_of_measure.clone().unwrap(), f.value, f.previous, f.sample, f.state))
            .collect()
    };
    // November, pieces: R1 2 restocked + 1 written off, R2 3 refurbished = 6 units, 2 restocked
    // (33.33%; refurbish is not restock), 1 cannot be resold (16.67%). Kilograms: R3 1 restocked
    // + 4 recycled = 5, 1 restocked (20%), 4 cannot be resold (80%). Never 3 of 11 "units".
    // October, pieces: R7 5 restocked, R8 2 donated = 7: 71.43% and 28.57%; no kilograms.
    assert_eq!(
        figures(KpiId::RestockRate),
        vec![
            ("kg".to_owned(), Some(2_000), None, 5, KpiState::Red),
            ("pcs".to_owned(), Some(3_333), Some(7_143), 6, KpiState::Red),
        ]
    );
    assert_eq!(
        figures(KpiId::DamagedRate),
        vec![
            ("kg".to_owned(), Some(8_000), None, 5, KpiState::Red),
            ("pcs".to_owned(), Some(1_667), Some(2_857), 6, KpiState::Red),
        ]
    );
}

#[test]
fn time_to_authorization_discards_and_refunds_against_credits() {
    use KpiState::*;
    let t = kpi_table(&input(), &november(), &KpiTargets::default(), now());
    // Decided in November: R1, R3, R4, R6 the moment they opened (0), R2 a day later (1,440):
    // 1,440 / 5 = 288 min. October: R7 0, R8 1,440: 720.
    assert_eq!(one(&t, KpiId::TimeToAuthorization), (Some(288), Some(720), 5, Neutral));
    // Paid out in November: refunds R1, R2, R8 and R3's store credit: 3 of 4. October: R7's refund.
    assert_eq!(one(&t, KpiId::RefundShare), (Some(7_500), Some(10_000), 4, Neutral));
    let row = t.rows.iter().find(|r| r.id == KpiId::DiscardRate).unwrap();
    let discards: Vec<_> =
        row.figures.iter().map(|f| (f.unit_of_measure.clone().unwrap(), f.value, f.previous, f.sample)).collect();
    // Pieces: R1's 1 written off of 6 (the donated 2 of October are not discarded: 0 of 7).
    // Kilograms: R3's 4 recycled of 5.
    assert_eq!(discards, vec![("kg".to_owned(), Some(8_000), None, 5), ("pcs".to_owned(), Some(1_667), Some(0), 6)]);
}

#[test]
fn changes_and_trends_follow_the_previous_period() {
    let t = kpi_table(&input(), &november(), &KpiTargets::default(), now());
    let fig = |id: KpiId| t.rows.iter().find(|r| r.id == id).unwrap().figures[0].clone();
    let rr = fig(KpiId::ReturnRate);
    // 636 - 400 = 236, which is 59% of 400.
    assert_eq!(rr.change, Some(FigureChange { absolute: 236, relative_bps: Some(5_900) }));
    assert_eq!((rr.trend, rr.target), (Some(ReviewTrend::Up), Some(600)));
    // -120 of 2,160 = -5.56%.
    assert_eq!(fig(KpiId::ReceiptToDecision).change, Some(FigureChange { absolute: -120, relative_bps: Some(-556) }));
    // From a denial rate of 0 there is no relative change.
    assert_eq!(fig(KpiId::DenialRate).change, Some(FigureChange { absolute: 2_000, relative_bps: None }));
    let labels = fig(KpiId::LabelSuccessRate);
    assert_eq!((labels.change, labels.trend), (None, None));
}

#[test]
fn cost_per_return_is_per_currency_with_a_target_only_in_euros() {
    let t = kpi_table(&input(), &november(), &KpiTargets::default(), now());
    let row = t.rows.iter().find(|r| r.id == KpiId::CostPerReturn).unwrap();
    assert_eq!(row.unit, KpiUnit::Money);
    let figures: Vec<_> = row
        .figures
        .iter()
        .map(|f| (f.currency.as_deref().unwrap(), f.value, f.previous, f.sample, f.target, f.state))
        .collect();
    assert_eq!(
        figures,
        vec![
            // (900 + 500) / 2 = 700 ≤ 750; October R7 800.
            ("EUR", Some(700), Some(800), 2, Some(750), KpiState::Green),
            ("GBP", Some(700), None, 1, None, KpiState::Neutral),
            ("USD", Some(1_200), None, 1, None, KpiState::Neutral),
        ]
    );
    assert_eq!(row.figures[0].change, Some(FigureChange { absolute: -100, relative_bps: Some(-1_250) }));
}

#[test]
fn open_rmas_age_at_now() {
    let t = kpi_table(&input(), &november(), &KpiTargets::default(), now());
    // R6 2 days 3 h, R5 5 days, R10 8 days 12 h, R9 76 days.
    assert_eq!(t.aging, RmaAging { days_0_2: 1, days_3_7: 1, days_8_14: 1, days_15_30: 0, over_30_days: 1, open: 4 });
    // On 8 November at midnight R1 had just settled; R2 (4 days 15 h) and R3 (4 days) were
    // still open, the later RMAs not opened yet.
    let earlier = rma_aging(&input().rmas, at(2026, 11, 8, 0, 0));
    assert_eq!(earlier, RmaAging { days_0_2: 0, days_3_7: 2, days_8_14: 0, days_15_30: 0, over_30_days: 1, open: 3 });
}

#[test]
fn an_empty_period_is_no_data_everywhere() {
    let t = kpi_table(&KpiInput::default(), &november(), &KpiTargets::default(), now());
    assert_eq!(t.rows.len(), KpiId::ALL.len());
    for row in &t.rows {
        assert_eq!(row.definition_key, format!("kpi.{}.definition", row.id.code()));
        assert!(!row.definition.is_empty());
        for f in &row.figures {
            assert_eq!((f.value, f.previous, f.sample, f.state, f.change), (None, None, 0, KpiState::Neutral, None));
        }
    }
    for id in [KpiId::CostPerReturn, KpiId::RestockRate, KpiId::DamagedRate, KpiId::DiscardRate] {
        assert!(t.rows.iter().find(|r| r.id == id).unwrap().figures.is_empty(), "{id:?}");
    }
    assert_eq!(t.aging, RmaAging::default());
    assert_eq!(t.previous_period, november().previous());
}

#[test]
fn states_are_green_amber_red_around_the_target() {
    use KpiDirection::*;
    use KpiState::*;
    let s = |v: i64, t: i64, d| kpi_state(Some(v), Some(t), Some(d));
    assert_eq!((s(600, 600, AtMost), s(660, 600, AtMost), s(661, 600, AtMost)), (Green, Amber, Red));
    assert_eq!((s(6_000, 6_000, AtLeast), s(5_400, 6_000, AtLeast), s(5_399, 6_000, AtLeast)), (Green, Amber, Red));
    // A target of 0 leaves no room for amber.
    assert_eq!((s(0, 0, AtMost), s(1, 0, AtMost)), (Green, Red));
    assert_eq!(kpi_state(None, Some(600), Some(AtMost)), Neutral);
    assert_eq!(kpi_state(Some(5), None, Some(AtMost)), Neutral);
    assert_eq!(kpi_state(Some(5), Some(6), None), Neutral);
}

#[test]
fn cost_per_return_takes_recorded_costs_and_per_unit_counts_only_pieces() {
    use super::kpi_fixture::rma;
    // Three EUR returns settled on 10 November, each with the policy's standard 3.50 handling
    // and 4.95 postage (8.45). A's carrier invoice was recorded at 12.00, which replaces its
    // standard cost; A took back 3 pieces, B 1 piece, C kilograms (no per-unit figure).
    let settled = |no: &str, recorded: Option<i64>, units: Option<i64>| {
        let mut r = rma(no, "EUR", Some(at(2026, 11, 2, 9, 0)));
        r.settled_at = Some(at(2026, 11, 10, 12, 0));
        (r.handling_cost_minor, r.label_cost_minor) = (350, 495);
        (r.recorded_cost_minor, r.units_received) = (recorded, units);
        r
    };
    let input = KpiInput {
        rmas: vec![settled("A", Some(1_200), Some(3)), settled("B", None, Some(1)), settled("C", None, None)],
        ..KpiInput::default()
    };
    let totals = KpiTotals::of(&input, &november());
    assert_eq!(totals.costs["EUR"], ReturnCosts { settled: 3, cost_minor: 2_890, units: 4, units_cost_minor: 2_045 });
    // Per return: (12.00 + 8.45 + 8.45) / 3 = 28.90 / 3 = 9.63. Per unit: A and B only,
    // (12.00 + 8.45) / (3 + 1) = 20.45 / 4 = 5.11.
    assert_eq!(cost_per_return(&totals)["EUR"], (Some(963), 3));
    assert_eq!(cost_per_returned_unit(&totals)["EUR"], (Some(511), 4));
    let t = kpi_table(&input, &november(), &KpiTargets::default(), now());
    let row = t.rows.iter().find(|r| r.id == KpiId::CostPerReturnedUnit).unwrap();
    assert_eq!(
        (row.figures[0].value, row.figures[0].target, row.figures[0].state),
        (Some(511), None, KpiState::Neutral)
    );
}
