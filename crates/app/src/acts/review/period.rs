//! The weekly / monthly review: what failed and why, who supplied it, what it cost, whether
//! replacements went out on time, and what the QC checklists learnt; each against the previous
//! period of the same length, and each figure with the filter that lists the records behind it.

use std::collections::BTreeMap;

use lotline_domain::ApiError;
use lotline_domain::people::Permission;
use lotline_domain::review::{
    CostOfQuality, FigureChange, Pareto, ParetoBar, ParetoMeasure, ReasonCountRow, ReviewPeriod, Timeliness, change,
    cost_of_quality, pareto, timeliness,
};
use lotline_store::queries::review::{self as q, ChecklistAdded, FailureCounts, Span};
use lotline_store::queries::review_failures::failure_scan;
use lotline_store::queries::site_time::site_calendar;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{PeriodInput, period_of};
use crate::context::Ctx;

/// Bars before the rest are gathered as "other".
const PARETO_TOP: usize = 8;
/// Vendors and SKUs listed; the rest are counted.
const GROUPS_LISTED: i64 = 20;
const CHECKLIST_LISTED: i64 = 200;

/// The failures list's filter that shows the failures behind a figure (`list_failures` takes
/// `from` inclusive and `to` exclusive; a bar of several categories lists each).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FailureFilter {
    pub from: String,
    pub to: String,
    pub category_codes: Vec<String>,
    pub vendor_code: Option<String>,
    pub sku: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ParetoBarReview {
    #[serde(flatten)]
    pub bar: ParetoBar,
    /// The same categories' failures in the previous period.
    pub previous_count: i64,
    pub previous_quantity: i64,
    pub filter: FailureFilter,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ParetoReview {
    pub measure: ParetoMeasure,
    pub total_count: i64,
    pub total_quantity: i64,
    pub previous_total_count: i64,
    pub previous_total_quantity: i64,
    pub count_change: Option<FigureChange>,
    pub bars: Vec<ParetoBarReview>,
}

/// Failures of one vendor or SKU, now and before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FailureGroupReview {
    pub code: String,
    pub name: Option<String>,
    pub current: FailureCounts,
    pub previous: FailureCounts,
    pub failures_change: Option<FigureChange>,
    pub filter: FailureFilter,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReviewPeriodReport {
    pub period: ReviewPeriod,
    pub previous_period: ReviewPeriod,
    pub pareto: ParetoReview,
    /// Most failures first, at most 20; `vendors_with_failures` counts them all.
    pub by_vendor: Vec<FailureGroupReview>,
    pub vendors_with_failures: i64,
    pub by_sku: Vec<FailureGroupReview>,
    pub skus_with_failures: i64,
    pub cost_of_quality: CostOfQuality,
    /// Failures sent to rework in the period; what completed rework cost is the cost of
    /// quality's rework line, booked when it was done.
    pub rework_failures: i64,
    pub rework_failures_previous: i64,
    pub timeliness: Timeliness,
    pub timeliness_previous: Timeliness,
    pub checklist_added: i64,
    pub checklist_added_previous: i64,
    pub checklist_change: Option<FigureChange>,
    /// The items added in the period, newest first (at most 200).
    pub checklist_items: Vec<ChecklistAdded>,
}

/// The period's days, as the failures list's filter bar takes them.
fn filter(span: &Span) -> FailureFilter {
    FailureFilter { from: span.start_day.clone(), to: span.end_day.clone(), ..FailureFilter::default() }
}

/// The Pareto with each bar's previous figures and its filter; the "other" bar lists every
/// category it gathers, so it too opens on the failures behind it.
fn pareto_review(now: Pareto, now_codes: &[String], before: &[(String, i64, i64)], span: &Span) -> ParetoReview {
    let shown: Vec<String> = now.bars.iter().filter(|b| !b.is_other).map(|b| b.category.clone()).collect();
    let in_bar =
        |bar: &ParetoBar, code: &String| if bar.is_other { !shown.contains(code) } else { *code == bar.category };
    let bars = now
        .bars
        .into_iter()
        .map(|bar| {
            let mut codes: Vec<String> = now_codes.iter().filter(|c| in_bar(&bar, c)).cloned().collect();
            codes.dedup();
            let (previous_count, previous_quantity) =
                before.iter().filter(|r| in_bar(&bar, &r.0)).fold((0, 0), |(n, q), r| (n + r.1, q + r.2));
            let filter = FailureFilter { category_codes: codes, ..filter(span) };
            ParetoBarReview { bar, previous_count, previous_quantity, filter }
        })
        .collect();
    let (previous_total_count, previous_total_quantity) = before.iter().fold((0, 0), |(n, q), r| (n + r.1, q + r.2));
    ParetoReview {
        measure: now.measure,
        total_count: now.total_count,
        total_quantity: now.total_quantity,
        previous_total_count,
        previous_total_quantity,
        count_change: change(Some(now.total_count), Some(previous_total_count)),
        bars,
    }
}

fn add(total: &mut FailureCounts, more: &FailureCounts) {
    total.failures += more.failures;
    total.qty_failed += more.qty_failed;
    total.qty_inspected += more.qty_inspected;
}

/// Failures per category in one period, as the Pareto reads them.
fn reasons(cells: &[q::FailureCell], current: bool) -> Vec<ReasonCountRow> {
    let mut by: BTreeMap<&str, FailureCounts> = BTreeMap::new();
    for cell in cells.iter().filter(|c| c.current == current) {
        add(by.entry(cell.category.as_str()).or_default(), &cell.counts);
    }
    by.into_iter()
        .map(|(category, c)| ReasonCountRow {
            category: category.to_owned(),
            count: c.failures,
            quantity: c.qty_failed,
        })
        .collect()
}

fn rework(cells: &[q::FailureCell], current: bool) -> i64 {
    cells.iter().filter(|c| c.current == current && c.rework).map(|c| c.counts.failures).sum()
}

/// The vendors with the most failures now (then the most before, a fall to none being worth
/// seeing, then by code), at most `GROUPS_LISTED`, and how many had failures now.
fn vendors(cells: &[q::FailureCell]) -> (Vec<q::FailureGroupRow>, i64) {
    let mut by: BTreeMap<&str, q::FailureGroupRow> = BTreeMap::new();
    for cell in cells {
        let row = by.entry(cell.vendor_code.as_str()).or_insert_with(|| q::FailureGroupRow {
            code: cell.vendor_code.clone(),
            name: cell.vendor_name.clone(),
            current: FailureCounts::default(),
            previous: FailureCounts::default(),
        });
        add(if cell.current { &mut row.current } else { &mut row.previous }, &cell.counts);
    }
    let mut rows: Vec<q::FailureGroupRow> = by.into_values().collect();
    let with_failures = i64::try_from(rows.iter().filter(|r| r.current.failures > 0).count()).unwrap_or(i64::MAX);
    rows.sort_by(|a, b| {
        (b.current.failures, b.previous.failures)
            .cmp(&(a.current.failures, a.previous.failures))
            .then_with(|| a.code.cmp(&b.code))
    });
    rows.truncate(usize::try_from(GROUPS_LISTED).unwrap_or(usize::MAX));
    (rows, with_failures)
}

/// The listed rows with their change and the filter that lists their failures.
fn groups(rows: Vec<q::FailureGroupRow>, span: &Span, of: fn(&str) -> FailureFilter) -> Vec<FailureGroupReview> {
    rows.into_iter()
        .map(|row| FailureGroupReview {
            failures_change: change(Some(row.current.failures), Some(row.previous.failures)),
            filter: FailureFilter { from: span.start_day.clone(), to: span.end_day.clone(), ..of(&row.code) },
            code: row.code,
            name: row.name,
            current: row.current,
            previous: row.previous,
        })
        .collect()
}

pub async fn review_period(ctx: &Ctx, input: PeriodInput) -> Result<ReviewPeriodReport, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    period_report(ctx, &input).await
}

/// The review of a period, for whoever asks: the act above, and the app's weekly job.
pub(super) async fn period_report(ctx: &Ctx, input: &PeriodInput) -> Result<ReviewPeriodReport, ApiError> {
    let period = period_of(input)?;
    // The site's zone and the review's statements on one connection from the pool.
    let mut conn = ctx.read().await?;
    let c = &mut *conn;
    let period = period.in_zone(&site_calendar(c).await?.calendar.time_zone);
    let previous_period = period.previous();
    let (now_span, before_span) = (Span::of(&period), Span::of(&previous_period));
    let both = Span::both(&previous_period, &period);
    let scan = failure_scan(c, &before_span, &now_span, GROUPS_LISTED).await?;
    let cells = scan.cells;
    let (reasons_now, reasons_before) = (reasons(&cells, true), reasons(&cells, false));
    let before: Vec<(String, i64, i64)> =
        reasons_before.into_iter().map(|r| (r.category, r.count, r.quantity)).collect();
    let mut now_codes: Vec<String> = reasons_now.iter().filter(|r| r.count > 0).map(|r| r.category.clone()).collect();
    now_codes.sort();
    let pareto =
        pareto_review(pareto(&reasons_now, ParetoMeasure::Count, Some(PARETO_TOP)), &now_codes, &before, &now_span);
    let (vendor_rows, vendors_with_failures) = vendors(&cells);
    let by_vendor = groups(vendor_rows, &now_span, |code| FailureFilter {
        vendor_code: Some(code.to_owned()),
        ..Default::default()
    });
    let (sku_rows, skus_with_failures) = (scan.skus, scan.skus_with_failures);
    let by_sku = groups(sku_rows, &now_span, |code| FailureFilter { sku: Some(code.to_owned()), ..Default::default() });
    let cost_rows = q::cost_rows(c, &before_span, &now_span).await?;
    let times = q::reshipment_times(c, &both, &period).await?;
    let (checklist_items, checklist_added) = q::checklist_added(c, &now_span, CHECKLIST_LISTED).await?;
    let (_, checklist_added_previous) = q::checklist_added(c, &before_span, 0).await?;
    let now = ctx.now();
    Ok(ReviewPeriodReport {
        pareto,
        by_vendor,
        vendors_with_failures,
        by_sku,
        skus_with_failures,
        cost_of_quality: cost_of_quality(&cost_rows, &period),
        rework_failures: rework(&cells, true),
        rework_failures_previous: rework(&cells, false),
        timeliness: timeliness(&times, &period, now),
        timeliness_previous: timeliness(&times, &previous_period, now),
        checklist_change: change(Some(checklist_added), Some(checklist_added_previous)),
        checklist_added,
        checklist_added_previous,
        checklist_items,
        period,
        previous_period,
    })
}
