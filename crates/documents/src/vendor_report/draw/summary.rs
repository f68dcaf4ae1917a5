//! The figures and the Pareto chart of the defect categories.

use super::{FACT_LABEL, FACT_VALUE, TABLE_BODY, TABLE_HEAD};
use crate::i18n::Labels;
use crate::layout::report::{MARGIN, RIGHT, SECTION_GAP, WIDTH, empty_section, heading};
use crate::layout::{Align, Fact, FactGrid, Flow, INK, RULE, Rgb, truncate};
use crate::vendor_report::{VendorDefectCount, VendorReport};

/// The Pareto's bars: dark enough to print solid, lighter than text so the figures stand out.
const BAR: Rgb = Rgb(0.35, 0.35, 0.35);
/// The Pareto shows this many bars at most; smaller categories are summed into the last one.
pub(in crate::vendor_report) const PARETO_BARS: usize = 8;
const PARETO_ROW: f32 = 6.0;

/// The figures the caller gave, as a grid of boxes; the cost gets one box per currency.
pub(super) fn summary(flow: &mut Flow, report: &VendorReport, labels: &Labels) {
    let figures = &report.figures;
    let label = |key: &str| labels.get(&format!("documents.vendor_report.figure.{key}"));
    let mut facts: Vec<Fact> = [
        ("failures", &figures.failures),
        ("received", &figures.units_received),
        ("inspected", &figures.units_inspected),
        ("defective", &figures.units_defective),
        ("defect_rate", &figures.defect_rate),
    ]
    .into_iter()
    .chain(figures.costs.iter().map(|cost| ("cost", cost)))
    .filter(|(_, value)| !value.trim().is_empty())
    .map(|(key, value)| Fact { label: label(key), value: value.trim().to_string() })
    .collect();
    facts.truncate(10);
    if facts.is_empty() {
        return;
    }
    let grid = FactGrid { x: MARGIN, width: WIDTH, max_columns: 5, gap: 3.0, label: FACT_LABEL, value: FACT_VALUE };
    let first_row = grid.first_row_height(flow.page().fonts(), &facts);
    heading(flow, &labels.get("documents.vendor_report.summary"), first_row);
    grid.draw(flow, &facts);
    flow.y += SECTION_GAP;
}

/// One bar of the Pareto chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(in crate::vendor_report) struct ParetoBar {
    pub(in crate::vendor_report) category: String,
    pub(in crate::vendor_report) count: u64,
    /// Share of all defects in this bar and the ones above it, in whole percent.
    pub(in crate::vendor_report) cumulative_percent: u64,
}

/// The categories largest first (ties in the caller's order), at most [`PARETO_BARS`] of them:
/// when there are more, the smallest are summed into a last bar "Other (n categories)".
pub(in crate::vendor_report) fn pareto_bars(defects: &[VendorDefectCount], labels: &Labels) -> Vec<ParetoBar> {
    let mut sorted: Vec<&VendorDefectCount> = defects.iter().filter(|defect| defect.count > 0).collect();
    sorted.sort_by_key(|defect| std::cmp::Reverse(defect.count));
    let total: u64 = sorted.iter().map(|defect| defect.count).sum();
    let none = labels.get("documents.none");
    let name = |defect: &VendorDefectCount| {
        if defect.category.trim().is_empty() { none.clone() } else { defect.category.trim().to_string() }
    };
    let mut bars: Vec<(String, u64)> = if sorted.len() > PARETO_BARS {
        let (top, rest) = sorted.split_at(PARETO_BARS - 1);
        let other = labels.format("documents.vendor_report.pareto_rest", &[("count", &rest.len().to_string())]);
        top.iter()
            .map(|defect| (name(defect), defect.count))
            .chain([(other, rest.iter().map(|d| d.count).sum())])
            .collect()
    } else {
        sorted.iter().map(|defect| (name(defect), defect.count)).collect()
    };
    let mut running = 0;
    bars.drain(..)
        .map(|(category, count)| {
            running += count;
            // Rounded half up, in integers so that the last bar is exactly 100.
            let cumulative_percent = (running * 200 + total) / (total * 2);
            ParetoBar { category, count, cumulative_percent }
        })
        .collect()
}

/// The defect categories as horizontal bars, largest first, with their cumulative share.
pub(super) fn pareto(flow: &mut Flow, defects: &[VendorDefectCount], labels: &Labels) {
    let text = labels.get("documents.vendor_report.pareto");
    let bars = pareto_bars(defects, labels);
    if bars.is_empty() {
        empty_section(flow, &text, &labels.get("documents.vendor_report.empty.pareto"));
        return;
    }
    let column = |key: &str| labels.get(&format!("documents.vendor_report.column.{key}"));
    let category_width = 55.0;
    let cumulative_width = 22.0;
    let count_width = 14.0;
    let bar_x = MARGIN + category_width + 2.0;
    let bar_room = WIDTH - category_width - 2.0 - count_width - cumulative_width;
    let height = TABLE_HEAD.line_mm() + 1.5 + bars.len() as f32 * PARETO_ROW;
    heading(flow, &text, height);
    let top = flow.y;
    let page = flow.page();
    let fonts = page.fonts();
    page.text(
        MARGIN,
        top,
        &truncate(fonts, &column("category"), &TABLE_HEAD, category_width),
        &TABLE_HEAD,
        Align::Left,
    );
    page.text(bar_x, top, &truncate(fonts, &column("count"), &TABLE_HEAD, bar_room), &TABLE_HEAD, Align::Left);
    let cumulative = truncate(fonts, &column("cumulative"), &TABLE_HEAD, cumulative_width);
    page.text(RIGHT, top, &cumulative, &TABLE_HEAD, Align::Right);
    let rows_top = top + TABLE_HEAD.line_mm() + 1.5;
    page.hline(MARGIN, RIGHT, rows_top - 0.5, 0.5, RULE);
    let max = bars.iter().map(|bar| bar.count).max().unwrap_or(1).max(1) as f32;
    for (index, bar) in bars.iter().enumerate() {
        let y = rows_top + index as f32 * PARETO_ROW;
        let text_top = y + (PARETO_ROW - TABLE_BODY.line_mm()) / 2.0;
        let category = truncate(fonts, &bar.category, &TABLE_BODY, category_width - 1.0);
        page.text(MARGIN, text_top, &category, &TABLE_BODY, Align::Left);
        let length = (bar.count as f32 / max * bar_room).max(0.6);
        page.fill_rect(bar_x, y + 1.0, length, PARETO_ROW - 2.0, BAR);
        page.text(bar_x + length + 1.5, text_top, &bar.count.to_string(), &TABLE_BODY, Align::Left);
        page.text(RIGHT, text_top, &format!("{}%", bar.cumulative_percent), &TABLE_BODY, Align::Right);
    }
    let bottom = rows_top + bars.len() as f32 * PARETO_ROW;
    // The bars' base line.
    page.vline(bar_x, rows_top, bottom, 0.6, INK);
    flow.y = bottom + SECTION_GAP;
}
