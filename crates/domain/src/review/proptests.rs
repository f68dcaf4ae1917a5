//! Properties that must hold for any data the store may hand over.

use proptest::prelude::*;

use super::*;

fn reason_rows() -> impl Strategy<Value = Vec<ReasonCountRow>> {
    prop::collection::vec(
        (prop::sample::select(vec!["A", "B", "C", "D", "E", "F"]), 0i64..50, 0i64..1_000)
            .prop_map(|(c, count, quantity)| ReasonCountRow { category: c.into(), count, quantity }),
        0..30,
    )
}

fn vendor_row() -> impl Strategy<Value = VendorQualityRow> {
    let n = || -1_000i64..100_000;
    ((n(), n(), n(), n()), (n(), n(), n()), (n(), n(), n(), n())).prop_map(|(a, b, c)| VendorQualityRow {
        vendor_code: "V".into(),
        lots_received: a.0,
        lots_with_failure: a.1,
        units_received: a.2,
        units_inspected: a.2 / 2,
        defective_units: a.3,
        critical_defects: b.0,
        major_defects: b.1,
        minor_defects: b.2,
        units_shipped: c.0,
        vendor_return_units: c.1,
        complaints: 0,
        complaint_units: 0,
        deliveries_with_due_date: c.2,
        deliveries_on_time: c.3,
    })
}

proptest! {
    #[test]
    fn pareto_cumulative_is_monotone_and_ends_at_one(
        rows in reason_rows(),
        by_quantity in any::<bool>(),
        top in prop::option::of(0usize..6),
    ) {
        let measure = if by_quantity { ParetoMeasure::Quantity } else { ParetoMeasure::Count };
        let p = pareto(&rows, measure, top);
        let mut last = 0;
        for bar in &p.bars {
            prop_assert!(bar.cumulative_bps >= last);
            prop_assert!((0..=WHOLE_BPS).contains(&bar.share_bps));
            last = bar.cumulative_bps;
        }
        if let Some(end) = p.bars.last() {
            prop_assert_eq!(end.cumulative_bps, WHOLE_BPS);
        }
        // Named bars never grow along the chart, and "other" only ever comes last.
        let size = |b: &ParetoBar| if by_quantity { b.quantity } else { b.count };
        let named: Vec<_> = p.bars.iter().filter(|b| !b.is_other).collect();
        prop_assert!(named.windows(2).all(|w| size(w[0]) >= size(w[1])));
        prop_assert!(p.bars.iter().rev().skip(1).all(|b| !b.is_other));
        let total: i64 = p.bars.iter().map(size).sum();
        prop_assert_eq!(total, if by_quantity { p.total_quantity } else { p.total_count });
    }

    #[test]
    fn the_rating_is_always_within_0_and_100(
        row in vendor_row(),
        claims in prop::collection::vec((-1_000i64..10_000, -1_000i64..20_000), 0..4),
        w in prop::array::uniform6(0u32..40),
    ) {
        let chargebacks: Vec<_> = claims
            .iter()
            .zip(["EUR", "USD", "GBP", "CNY"])
            .map(|((claimed, recovered), c)| ChargebackRow {
                vendor_code: "V".into(),
                currency: c.into(),
                claimed_minor: *claimed,
                recovered_minor: *recovered,
            })
            .collect();
        let weights = ScorecardWeights {
            lot_defects: w[0], unit_defects: w[1], severity: w[2], returns: w[3], on_time: w[4], chargebacks: w[5],
        };
        let card = vendor_scorecard(&row, &chargebacks, &ScorecardSettings { weights, ..ScorecardSettings::default() });
        if let Some(rating) = card.rating {
            prop_assert!(rating <= 100);
        }
        for c in &card.components {
            prop_assert!(c.score.is_none_or(|s| s <= 100));
            prop_assert!((0..=WHOLE_BPS).contains(&c.effective_weight_bps));
        }
        prop_assert!(!card.flagged || card.rating.is_some());
    }

    #[test]
    fn ratios_stay_in_range_and_no_whole_is_no_data(part in 0i64..1_000_000, whole in 0i64..1_000_000) {
        match ratio_bps(part.min(whole), whole) {
            None => prop_assert_eq!(whole, 0),
            Some(r) => prop_assert!((0..=WHOLE_BPS).contains(&r)),
        }
    }
}
