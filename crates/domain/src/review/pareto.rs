//! Pareto of failure reasons: the few categories that make most of the trouble.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::math::ratio_bps;

/// Failures of one category: one row per failure (`count` 1) or already grouped by SQL; rows
/// of the same category are added up either way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReasonCountRow {
    pub category: String,
    pub count: i64,
    /// Units affected (failed quantity).
    pub quantity: i64,
}

/// What the bars are sorted and shared by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ParetoMeasure {
    /// Number of failures.
    Count,
    /// Units affected.
    Quantity,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ParetoBar {
    /// The category code; empty for the "other" bar.
    pub category: String,
    /// The bar gathering every category past the top N.
    pub is_other: bool,
    /// How many categories the bar stands for (1 unless it is "other").
    pub categories: i64,
    pub count: i64,
    pub quantity: i64,
    /// This bar's share of the measure, basis points.
    pub share_bps: i64,
    /// Share of this bar and every bar before it. Computed from the running total, not by adding
    /// rounded shares, so it never wobbles and the last bar is exactly 10,000.
    pub cumulative_bps: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Pareto {
    pub measure: ParetoMeasure,
    pub total_count: i64,
    pub total_quantity: i64,
    /// Largest first, ties by category code so the chart is the same on every refresh; the
    /// "other" bar, if any, last whatever its size (as a Pareto chart draws it).
    pub bars: Vec<ParetoBar>,
}

/// The Pareto by `measure`; with `top = Some(n)`, categories past the n-th are gathered in one
/// "other" bar (only when there are at least two of them: one category is shown by its name).
/// Categories whose measure is 0 or less carry no share and are left out. An empty period gives
/// no bars and totals of 0.
pub fn pareto(rows: &[ReasonCountRow], measure: ParetoMeasure, top: Option<usize>) -> Pareto {
    let mut by_category: BTreeMap<&str, (i64, i64)> = BTreeMap::new();
    for row in rows {
        let entry = by_category.entry(row.category.as_str()).or_default();
        entry.0 = entry.0.saturating_add(row.count);
        entry.1 = entry.1.saturating_add(row.quantity);
    }
    let size = |count: i64, quantity: i64| match measure {
        ParetoMeasure::Count => count,
        ParetoMeasure::Quantity => quantity,
    };
    let mut sorted: Vec<(&str, i64, i64)> =
        by_category.into_iter().filter(|(_, (c, q))| size(*c, *q) > 0).map(|(k, (c, q))| (k, c, q)).collect();
    // The map already ordered by name; a stable sort keeps that order among equals.
    sorted.sort_by_key(|(_, c, q)| std::cmp::Reverse(size(*c, *q)));
    let total_count = sorted.iter().fold(0i64, |t, r| t.saturating_add(r.1));
    let total_quantity = sorted.iter().fold(0i64, |t, r| t.saturating_add(r.2));
    let total = size(total_count, total_quantity);

    let keep = match top {
        Some(n) if sorted.len() > n + 1 => n,
        _ => sorted.len(),
    };
    let mut groups: Vec<(String, bool, i64, i64, i64)> =
        sorted[..keep].iter().map(|(k, c, q)| ((*k).to_owned(), false, 1, *c, *q)).collect();
    if keep < sorted.len() {
        let rest = &sorted[keep..];
        let count = rest.iter().fold(0i64, |t, r| t.saturating_add(r.1));
        let quantity = rest.iter().fold(0i64, |t, r| t.saturating_add(r.2));
        groups.push((String::new(), true, i64::try_from(rest.len()).unwrap_or(i64::MAX), count, quantity));
    }

    let mut running = 0i64;
    let bars = groups
        .into_iter()
        .map(|(category, is_other, categories, count, quantity)| {
            let own = size(count, quantity);
            running = running.saturating_add(own);
            ParetoBar {
                category,
                is_other,
                categories,
                count,
                quantity,
                share_bps: ratio_bps(own, total).unwrap_or(0),
                cumulative_bps: ratio_bps(running, total).unwrap_or(0),
            }
        })
        .collect();
    Pareto { measure, total_count, total_quantity, bars }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(category: &str, count: i64, quantity: i64) -> ReasonCountRow {
        ReasonCountRow { category: category.into(), count, quantity }
    }

    fn bar(category: &str, count: i64, quantity: i64, share: i64, cumulative: i64) -> ParetoBar {
        ParetoBar {
            category: category.into(),
            is_other: false,
            categories: 1,
            count,
            quantity,
            share_bps: share,
            cumulative_bps: cumulative,
        }
    }

    fn sample() -> Vec<ReasonCountRow> {
        // 10 failures in all: COS 4 (two rows), DIM 3, FUN 1, LBL 1, PKG 1.
        vec![
            row("DIM", 3, 30),
            row("COS", 3, 5),
            row("FUN", 1, 100),
            row("COS", 1, 1),
            row("PKG", 1, 2),
            row("LBL", 1, 2),
        ]
    }

    #[test]
    fn sorts_by_count_with_shares_and_ties_by_name() {
        let p = pareto(&sample(), ParetoMeasure::Count, None);
        assert_eq!((p.total_count, p.total_quantity), (10, 140));
        assert_eq!(
            p.bars,
            vec![
                bar("COS", 4, 6, 4_000, 4_000),
                bar("DIM", 3, 30, 3_000, 7_000),
                bar("FUN", 1, 100, 1_000, 8_000),
                bar("LBL", 1, 2, 1_000, 9_000),
                bar("PKG", 1, 2, 1_000, 10_000),
            ]
        );
    }

    #[test]
    fn by_quantity_the_order_changes() {
        let p = pareto(&sample(), ParetoMeasure::Quantity, None);
        let names: Vec<_> = p.bars.iter().map(|b| (b.category.as_str(), b.share_bps, b.cumulative_bps)).collect();
        // 100/140 = 71.43%, 30/140 = 21.43%, 6/140 = 4.29%, 2/140 = 1.43% twice.
        assert_eq!(
            names,
            vec![
                ("FUN", 7_143, 7_143),
                ("DIM", 2_143, 9_286),
                ("COS", 429, 9_714),
                ("LBL", 143, 9_857),
                ("PKG", 143, 10_000)
            ]
        );
    }

    #[test]
    fn top_n_gathers_the_rest_in_other() {
        let p = pareto(&sample(), ParetoMeasure::Count, Some(2));
        assert_eq!(p.bars.len(), 3);
        assert_eq!(p.bars[1], bar("DIM", 3, 30, 3_000, 7_000));
        let other = &p.bars[2];
        assert!(other.is_other);
        assert_eq!((other.categories, other.count, other.quantity), (3, 3, 104));
        assert_eq!((other.share_bps, other.cumulative_bps), (3_000, 10_000));
        // Top 4 of 5 leaves one category: it keeps its own name rather than becoming "other".
        let p = pareto(&sample(), ParetoMeasure::Count, Some(4));
        assert_eq!(p.bars.len(), 5);
        assert!(p.bars.iter().all(|b| !b.is_other));
    }

    #[test]
    fn an_empty_period_has_no_bars() {
        let p = pareto(&[], ParetoMeasure::Count, Some(3));
        assert_eq!((p.total_count, p.total_quantity, p.bars.len()), (0, 0, 0));
        // Corrections that cancel a category out leave nothing to share.
        let p = pareto(&[row("DIM", 1, 1), row("DIM", -1, -1)], ParetoMeasure::Count, None);
        assert!(p.bars.is_empty());
    }

    #[test]
    fn thirds_round_but_the_cumulative_still_ends_at_one() {
        let p = pareto(&[row("A", 1, 1), row("B", 1, 1), row("C", 1, 1)], ParetoMeasure::Count, None);
        let shares: Vec<_> = p.bars.iter().map(|b| (b.share_bps, b.cumulative_bps)).collect();
        assert_eq!(shares, vec![(3_333, 3_333), (3_333, 6_667), (3_333, 10_000)]);
    }
}
