//! The users' rule of thumb: a SKU whose conformity problems pass 2% of its orders in the period
//! goes to the product and tech teams for review.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::math::ratio_bps;

/// The users' threshold: 2% of a SKU's orders.
pub const DEFAULT_SKU_FLAG_BPS: i64 = 200;

/// Return reasons that say the product itself did not conform (as opposed to a change of mind
/// or a carrier's damage); RMAs with these reasons count against the SKU.
pub const DEFECT_REASONS: &[&str] = &["defective", "not_as_described"];

pub fn is_defect_reason(reason_code: &str) -> bool {
    DEFECT_REASONS.contains(&reason_code)
}

/// One SKU's orders placed in the period, grouped in SQL; rows for the same SKU are added up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkuConformityRow {
    pub sku: String,
    /// Orders with a line of this SKU.
    pub orders: i64,
    /// Of those orders, the ones with a conformity problem of this SKU: a return of it for a
    /// reason in `DEFECT_REASONS`, or a QC failure on a lot of it shipped on the order. An order
    /// counts once however many problems it had, so the share is never above 100%.
    pub problem_orders: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SkuFlag {
    /// Above the threshold: review with product and tech teams.
    Review,
    Ok,
    /// Problems or not, without orders there is no rate to judge.
    NoOrders,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SkuConformity {
    pub sku: String,
    pub orders: i64,
    /// Orders with a conformity problem.
    pub problems: i64,
    /// Orders with a problem over orders, basis points; `None` without orders.
    pub rate_bps: Option<i64>,
    pub flag: SkuFlag,
}

/// Every SKU with its flag: those to review first (worst rate first), then the rest by rate,
/// then those without orders; ties by SKU. "Pass" is strictly above: exactly 2% is not flagged.
pub fn sku_conformity(rows: &[SkuConformityRow], threshold_bps: i64) -> Vec<SkuConformity> {
    let mut by_sku: BTreeMap<&str, (i64, i64)> = BTreeMap::new();
    for row in rows {
        let entry = by_sku.entry(row.sku.as_str()).or_default();
        entry.0 = entry.0.saturating_add(row.orders);
        entry.1 = entry.1.saturating_add(row.problem_orders);
    }
    let mut out: Vec<SkuConformity> = by_sku
        .into_iter()
        .map(|(sku, (orders, problems))| {
            let rate_bps = ratio_bps(problems, orders);
            // Compared exactly, not on the rounded rate: 1 in 4,999 is above 2% though it rounds to it.
            let above = i128::from(problems) * 10_000 > i128::from(threshold_bps) * i128::from(orders);
            let flag = match rate_bps {
                None => SkuFlag::NoOrders,
                Some(_) if above => SkuFlag::Review,
                Some(_) => SkuFlag::Ok,
            };
            SkuConformity { sku: sku.to_owned(), orders, problems, rate_bps, flag }
        })
        .collect();
    let rank = |f: SkuFlag| match f {
        SkuFlag::Review => 0,
        SkuFlag::Ok => 1,
        SkuFlag::NoOrders => 2,
    };
    out.sort_by(|a, b| {
        rank(a.flag).cmp(&rank(b.flag)).then(b.rate_bps.cmp(&a.rate_bps)).then_with(|| a.sku.cmp(&b.sku))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(sku: &str, orders: i64, problem_orders: i64) -> SkuConformityRow {
        SkuConformityRow { sku: sku.into(), orders, problem_orders }
    }

    fn summary(out: &[SkuConformity]) -> Vec<(&str, i64, Option<i64>, SkuFlag)> {
        out.iter().map(|s| (s.sku.as_str(), s.problems, s.rate_bps, s.flag)).collect()
    }

    #[test]
    fn flags_skus_whose_orders_with_a_problem_pass_two_percent() {
        let rows = vec![
            row("A", 100, 3),     // 3 of 100 orders -> 3%, review
            row("B", 200, 4),     // exactly 2% -> not flagged
            row("C", 50, 0),      // 0%
            row("D", 0, 0),       // no orders
            row("E", 40, 4),      // 10% -> review, worst first
            row("B", 0, 0),       // a second row for B changes nothing
            row("F", 4_999, 100), // 2.0004%: above, though it rounds to 200 bps
            row("G", 1, 1),       // the one order had problems: 100%, never 300%
        ];
        let out = sku_conformity(&rows, DEFAULT_SKU_FLAG_BPS);
        assert_eq!(
            summary(&out),
            vec![
                ("G", 1, Some(10_000), SkuFlag::Review),
                ("E", 4, Some(1_000), SkuFlag::Review),
                ("A", 3, Some(300), SkuFlag::Review),
                ("F", 100, Some(200), SkuFlag::Review),
                ("B", 4, Some(200), SkuFlag::Ok),
                ("C", 0, Some(0), SkuFlag::Ok),
                ("D", 0, None, SkuFlag::NoOrders),
            ]
        );
    }

    #[test]
    fn the_threshold_is_a_parameter() {
        let out = sku_conformity(&[row("A", 100, 3)], 500);
        assert_eq!(out[0].flag, SkuFlag::Ok);
        assert!(sku_conformity(&[], DEFAULT_SKU_FLAG_BPS).is_empty());
    }

    #[test]
    fn only_defect_reasons_count_against_a_sku() {
        assert!(is_defect_reason("defective"));
        assert!(is_defect_reason("not_as_described"));
        assert!(!is_defect_reason("no_longer_needed"));
        assert!(!is_defect_reason("damaged_in_transit"));
    }
}
