//! Vendor scorecard: a 0–100 rating from defects, severity, returns, delivery and chargebacks,
//! with each component's sub-score so the vendor page can explain it.
//!
//! Each component is a rate turned into a sub-score by a straight line from 100 (rate 0) down
//! to 0 at the rate named below ("zero at"), clamped to 0..=100. Components without data (no
//! denominator) drop out and their weight is spread over the others in proportion to their
//! weights, so a vendor is not rewarded or punished for what we do not know.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::math::{WHOLE_BPS, div_round, ratio_bps};
use super::scorecard_settings::ScorecardSettings;

/// 20% of lots with a failure scores 0.
pub const LOT_DEFECTS_ZERO_AT_BPS: i64 = 2_000;
/// 5% of received units defective scores 0.
pub const UNIT_DEFECTS_ZERO_AT_BPS: i64 = 500;
/// Defects weighted critical 10, major 5, minor 1, per 100 units received: per unit rather than
/// per lot, so a few huge lots and many small ones are judged alike.
pub const SEVERITY_WEIGHTS: (i64, i64, i64) = (10, 5, 1);
/// 10 weighted defects per 100 units scores 0 (in hundredths of a point, as `measured` is).
pub const SEVERITY_ZERO_AT_HUNDREDTHS: i64 = 1_000;
/// 5% of shipped units of the vendor's SKUs returned for a vendor-attributable reason, or
/// complained about by customers who kept them, scores 0.
pub const RETURNS_ZERO_AT_BPS: i64 = 500;

/// One vendor's counts over the scored period, grouped in SQL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VendorQualityRow {
    pub vendor_code: String,
    pub lots_received: i64,
    /// Of the lots received, those with a QC failure: the same lots as `lots_received`, so the
    /// share is never above 100%.
    pub lots_with_failure: i64,
    pub units_received: i64,
    /// Units the vendor's failures inspected (each re-inspection chain once).
    pub units_inspected: i64,
    pub defective_units: i64,
    pub critical_defects: i64,
    pub major_defects: i64,
    pub minor_defects: i64,
    /// Units of the vendor's lots shipped to customers (not merely ordered).
    pub units_shipped: i64,
    /// Returned units whose reason is attributable to the vendor (defective, not as described).
    pub vendor_return_units: i64,
    /// Customer complaints (no goods back) on the vendor's lots that count against it (all but
    /// those closed as unfounded), and the units they say are affected.
    pub complaints: i64,
    pub complaint_units: i64,
    /// Deliveries with a promised date; on-time delivery is unknown for the others.
    pub deliveries_with_due_date: i64,
    pub deliveries_on_time: i64,
}

impl VendorQualityRow {
    /// The units defects are counted against: those received in the period; for a vendor
    /// without receipts in it (goods received before, or never booked as lots), the units its
    /// failures inspected, so failures still weigh on its rating instead of dropping out.
    pub fn defect_base_units(&self) -> i64 {
        if self.lots_received > 0 { self.units_received } else { self.units_inspected }
    }

    /// Defective units per unit of `defect_base_units`, basis points: the one rate the
    /// scorecard and the vendor defect report both print.
    pub fn unit_defect_rate_bps(&self) -> Option<i64> {
        ratio_bps(self.defective_units, self.defect_base_units())
    }

    /// Units customers found at fault, whether they sent them back (a vendor-attributable
    /// return) or only told us (a complaint): the returns component's numerator. A complaint is
    /// counted as a return is, by the units it concerns, against the units shipped.
    pub fn field_problem_units(&self) -> i64 {
        self.vendor_return_units.saturating_add(self.complaint_units)
    }
}

/// Chargebacks claimed from a vendor in one currency and what it paid back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChargebackRow {
    pub vendor_code: String,
    pub currency: String,
    pub claimed_minor: i64,
    pub recovered_minor: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ScoreComponentId {
    LotDefects,
    UnitDefects,
    Severity,
    Returns,
    OnTime,
    Chargebacks,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScoreComponent {
    pub id: ScoreComponentId,
    /// The measured rate in basis points; for severity, weighted defects per 100 units in
    /// hundredths (350 = 3.5). `None` is no data.
    pub measured: Option<i64>,
    /// 0..=100, rounded; `None` when there was no data.
    pub score: Option<u32>,
    /// The weight from the settings.
    pub weight: u32,
    /// The share of the rating this component carried after redistribution, basis points.
    pub effective_weight_bps: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VendorScorecard {
    pub vendor_code: String,
    /// 0..=100, from the unrounded sub-scores; `None` when no component had data.
    pub rating: Option<u32>,
    /// Rated strictly below the threshold. A vendor without a rating is not flagged.
    pub flagged: bool,
    /// Flagged and the settings block receipts from flagged vendors.
    pub block_receipts: bool,
    pub components: Vec<ScoreComponent>,
    /// SCARs sent to the vendor whose answer is past its due day (`scar::is_overdue`), as of
    /// the day the scorecard is made. Shown as its own line; it does not move the rating, whose
    /// components stay rates over the period so that ratings recorded day by day compare
    /// (docs/catalogue.md, reviews).
    #[serde(default)]
    pub overdue_scars: u32,
    /// Complaints on the vendor's lots in the period that count against it; their units weigh
    /// in the returns component.
    #[serde(default)]
    pub complaints: u32,
}

/// Sub-score in basis points for `part / whole` against the rate that scores 0.
/// From the counts, not the rounded rate: `lost = (part / whole) / zero_at`, in basis points.
fn linear_score(part: i64, whole: i64, zero_at: i64) -> Option<i64> {
    if whole <= 0 || zero_at <= 0 {
        return None;
    }
    let bps = i128::from(WHOLE_BPS);
    let lost = div_round(i128::from(part) * bps * bps, i128::from(whole) * i128::from(zero_at))?;
    Some((WHOLE_BPS - lost).clamp(0, WHOLE_BPS))
}

/// Chargeback recovery: the plain mean over currencies of recovered / claimed (each capped at
/// 100%). Amounts in different currencies cannot be added, and weighting by amount would need
/// exchange rates; each currency with a claim counts once.
pub fn chargeback_recovery_bps(vendor_code: &str, chargebacks: &[ChargebackRow]) -> Option<i64> {
    let mut by_currency: std::collections::BTreeMap<&str, (i64, i64)> = Default::default();
    for c in chargebacks.iter().filter(|c| c.vendor_code == vendor_code) {
        let e = by_currency.entry(c.currency.as_str()).or_default();
        e.0 = e.0.saturating_add(c.claimed_minor);
        e.1 = e.1.saturating_add(c.recovered_minor);
    }
    let ratios: Vec<i64> = by_currency
        .values()
        .filter_map(|(claimed, recovered)| ratio_bps(*recovered, *claimed))
        .map(|r| r.clamp(0, WHOLE_BPS))
        .collect();
    super::math::mean_rounded(&ratios)
}

/// The scorecard of one vendor.
pub fn vendor_scorecard(
    row: &VendorQualityRow,
    chargebacks: &[ChargebackRow],
    settings: &ScorecardSettings,
) -> VendorScorecard {
    let w = settings.weights;
    let (c, ma, mi) = SEVERITY_WEIGHTS;
    let weighted = row
        .critical_defects
        .saturating_mul(c)
        .saturating_add(row.major_defects.saturating_mul(ma))
        .saturating_add(row.minor_defects.saturating_mul(mi));
    let recovery = chargeback_recovery_bps(&row.vendor_code, chargebacks);
    let base = row.defect_base_units();
    let parts: [(ScoreComponentId, u32, Option<i64>, Option<i64>); 6] = [
        (
            ScoreComponentId::LotDefects,
            w.lot_defects,
            ratio_bps(row.lots_with_failure, row.lots_received),
            linear_score(row.lots_with_failure, row.lots_received, LOT_DEFECTS_ZERO_AT_BPS),
        ),
        (
            ScoreComponentId::UnitDefects,
            w.unit_defects,
            row.unit_defect_rate_bps(),
            linear_score(row.defective_units, base, UNIT_DEFECTS_ZERO_AT_BPS),
        ),
        (
            ScoreComponentId::Severity,
            w.severity,
            // Per 100 units in hundredths: weighted × 100 × 100 / units, which is ratio_bps.
            ratio_bps(weighted, base),
            linear_score(weighted, base, SEVERITY_ZERO_AT_HUNDREDTHS),
        ),
        (
            ScoreComponentId::Returns,
            w.returns,
            ratio_bps(row.field_problem_units(), row.units_shipped),
            linear_score(row.field_problem_units(), row.units_shipped, RETURNS_ZERO_AT_BPS),
        ),
        (
            ScoreComponentId::OnTime,
            w.on_time,
            ratio_bps(row.deliveries_on_time, row.deliveries_with_due_date),
            ratio_bps(row.deliveries_on_time, row.deliveries_with_due_date).map(|r| r.clamp(0, WHOLE_BPS)),
        ),
        (ScoreComponentId::Chargebacks, w.chargebacks, recovery, recovery),
    ];
    let known_weight: i128 = parts.iter().filter(|p| p.3.is_some()).map(|p| i128::from(p.1)).sum();
    let weighted_sum: i128 = parts.iter().filter_map(|p| Some(i128::from(p.1) * i128::from(p.3?))).sum();
    // Sub-scores are in basis points of 100, so one more division by 100 gives the 0..=100 rating.
    let rating = div_round(weighted_sum, known_weight * 100).map(|r| u32::try_from(r.clamp(0, 100)).unwrap_or(0));
    let components = parts
        .into_iter()
        .map(|(id, weight, measured, score)| ScoreComponent {
            id,
            measured,
            score: score.and_then(|s| div_round(i128::from(s), 100)).and_then(|s| u32::try_from(s).ok()),
            weight,
            effective_weight_bps: match score {
                Some(_) => div_round(i128::from(weight) * i128::from(WHOLE_BPS), known_weight).unwrap_or(0),
                None => 0,
            },
        })
        .collect();
    let flagged = rating.is_some_and(|r| r < settings.flag_below);
    VendorScorecard {
        vendor_code: row.vendor_code.clone(),
        rating,
        flagged,
        block_receipts: flagged && settings.block_receipts_below_threshold,
        components,
        overdue_scars: 0,
        complaints: u32::try_from(row.complaints.max(0)).unwrap_or(u32::MAX),
    }
}

/// Scorecards of several vendors, lowest rating first (unrated last), ties by vendor code.
pub fn vendor_scorecards(
    rows: &[VendorQualityRow],
    chargebacks: &[ChargebackRow],
    settings: &ScorecardSettings,
) -> Vec<VendorScorecard> {
    let mut cards: Vec<VendorScorecard> = rows.iter().map(|r| vendor_scorecard(r, chargebacks, settings)).collect();
    cards.sort_by(|a, b| {
        let key = |c: &VendorScorecard| c.rating.unwrap_or(u32::MAX);
        key(a).cmp(&key(b)).then_with(|| a.vendor_code.cmp(&b.vendor_code))
    });
    cards
}
