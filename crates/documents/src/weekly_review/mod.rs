//! The weekly review as the head of operations reads it on Monday: last week's figures against the
//! week before, then the tables behind them (top failure reasons, problem vendors, cost of
//! quality, reshipment timeliness). The app computes and words every figure; this only lays the
//! report out, in the family of the trace and vendor reports.

use crate::error::DocumentError;
use crate::fonts::Weight;
use crate::i18n::Labels;
use crate::layout::report::{BOTTOM, MARGIN, META, RIGHT, ReportFrame, SECTION_GAP, WIDTH, empty_section, heading};
use crate::layout::{
    A4, Align, Canvas, Column, Fact, FactGrid, Flow, INK, MUTED, Pdf, Table, TextStyle, truncate, wrap,
};

const TITLE: TextStyle = TextStyle::new(22.0, Weight::Bold, INK);
const REFERENCE: TextStyle = TextStyle::new(16.0, Weight::Bold, INK);
const COMPANY: TextStyle = TextStyle::new(11.0, Weight::Bold, MUTED);
const INTRO: TextStyle = TextStyle::new(9.0, Weight::Regular, MUTED);
const STRONG: TextStyle = TextStyle::new(11.0, Weight::Bold, INK);
const FACT_LABEL: TextStyle = TextStyle::new(8.0, Weight::Regular, MUTED);
const FACT_VALUE: TextStyle = TextStyle::new(14.0, Weight::Bold, INK);
const TABLE_HEAD: TextStyle = TextStyle::new(7.5, Weight::Bold, INK);
const TABLE_BODY: TextStyle = TextStyle::new(8.0, Weight::Regular, INK);
const SUMMARY_GRID: FactGrid =
    FactGrid { x: MARGIN, width: WIDTH, max_columns: 4, gap: 3.0, label: FACT_LABEL, value: FACT_VALUE };
/// Room a table needs below its heading before it is worth starting on this page.
const SECTION_MIN: f32 = 22.0;

/// The review, every text already in the reader's words except the fixed labels, which come from
/// the document catalogue in `language`.
#[derive(Clone, Debug, Default)]
pub struct WeeklyReview {
    /// The ISO week, "2026-W49": the report's reference.
    pub week: String,
    /// The week's days as the reader writes them ("30 Nov – 6 Dec 2026").
    pub period: String,
    pub company: String,
    pub generated_at: String,
    /// Headline figures as (label, value): failures, units failed, on-time reshipments…
    pub summary: Vec<(String, String)>,
    pub sections: Vec<WeeklySection>,
    /// "en", "zh-CN" or "nl"; anything else prints in English.
    pub language: String,
}

/// One table of the review.
#[derive(Clone, Debug, Default)]
pub struct WeeklySection {
    pub heading: String,
    pub columns: Vec<WeeklyColumn>,
    pub rows: Vec<Vec<String>>,
    /// Said under the heading when there are no rows.
    pub empty: String,
}

#[derive(Clone, Debug, Default)]
pub struct WeeklyColumn {
    pub title: String,
    /// Share of the page's width, in any unit: the columns are scaled to fill it.
    pub weight: f32,
    /// Figures align right.
    pub figure: bool,
}

/// The review as a PDF (A4 portrait).
pub fn weekly_review(review: &WeeklyReview) -> Result<Vec<u8>, DocumentError> {
    if review.week.trim().is_empty() {
        return Err(DocumentError::missing("week"));
    }
    if let Some((index, _)) =
        review.sections.iter().enumerate().find(|(_, s)| s.rows.iter().any(|r| r.len() != s.columns.len()))
    {
        return Err(DocumentError::invalid(format!("sections[{index}].rows"), "a row must fill every column"));
    }
    let labels = Labels::new(&review.language);
    let title = labels.get("documents.weekly_review.title");
    let frame = ReportFrame::new(labels, "weekly_review", &title, review.week.trim(), &review.company, STRONG);
    let pdf = Pdf::new(frame.name(), A4)?;
    let mut first = pdf.canvas();
    let y = header(&mut first, review, &labels, &title);
    let mut flow = Flow::new(&pdf, first, y, BOTTOM, frame.continuation());
    summary(&mut flow, review, &labels);
    for section in &review.sections {
        if section.rows.is_empty() {
            empty_section(&mut flow, &section.heading, &section.empty);
            continue;
        }
        heading(&mut flow, &section.heading, SECTION_MIN);
        frame.begin_section(&section.heading);
        table_of(section).draw(&mut flow, &section.rows);
        frame.end_section();
        flow.y += SECTION_GAP;
    }
    let mut pages = flow.into_pages();
    frame.footers(&mut pages);
    Ok(pdf.finish(pages))
}

fn header(canvas: &mut Canvas, review: &WeeklyReview, labels: &Labels, title: &str) -> f32 {
    let fonts = canvas.fonts();
    let mut y = MARGIN;
    let generated = match review.generated_at.trim() {
        "" => String::new(),
        at => format!("{}: {at}", labels.get("documents.weekly_review.generated")),
    };
    let generated = truncate(fonts, &generated, &META, WIDTH * 0.45);
    let generated_width = canvas.text_width(&generated, &META);
    let company = truncate(fonts, review.company.trim(), &COMPANY, WIDTH - generated_width - 6.0);
    canvas.text(MARGIN, y, &company, &COMPANY, Align::Left);
    canvas.text(RIGHT, y + (COMPANY.line_mm() - META.line_mm()) / 2.0, &generated, &META, Align::Right);
    y += COMPANY.line_mm() + 1.0;
    let reference = truncate(fonts, review.week.trim(), &REFERENCE, WIDTH * 0.4);
    let reference_width = canvas.text_width(&reference, &REFERENCE);
    let title = truncate(fonts, title, &TITLE, WIDTH - reference_width - 8.0);
    canvas.text(MARGIN, y, &title, &TITLE, Align::Left);
    canvas.text(RIGHT, y + (TITLE.line_mm() - REFERENCE.line_mm()) / 2.0, &reference, &REFERENCE, Align::Right);
    y += TITLE.line_mm() + 1.5;
    canvas.hline(MARGIN, RIGHT, y, 1.2, INK);
    y += 2.5;
    let intro = labels.format("documents.weekly_review.intro", &[("period", review.period.trim())]);
    for line in wrap(fonts, &intro, &INTRO, WIDTH, 3) {
        canvas.text(MARGIN, y, &line, &INTRO, Align::Left);
        y += INTRO.line_mm();
    }
    y + 4.0
}

fn summary(flow: &mut Flow, review: &WeeklyReview, labels: &Labels) {
    let facts: Vec<Fact> =
        review.summary.iter().map(|(label, value)| Fact { label: label.clone(), value: value.clone() }).collect();
    if facts.is_empty() {
        return;
    }
    let first_row = SUMMARY_GRID.first_row_height(flow.page().fonts(), &facts);
    heading(flow, &labels.get("documents.weekly_review.summary"), first_row);
    SUMMARY_GRID.draw(flow, &facts);
    flow.y += SECTION_GAP;
}

fn table_of(section: &WeeklySection) -> Table {
    let total: f32 = section.columns.iter().map(|c| c.weight.max(0.1)).sum();
    let columns = section
        .columns
        .iter()
        .map(|c| Column {
            title: c.title.clone(),
            width: WIDTH * c.weight.max(0.1) / total,
            align: if c.figure { Align::Right } else { Align::Left },
            max_lines: 2,
        })
        .collect();
    Table { x: MARGIN, columns, head: TABLE_HEAD, body: TABLE_BODY, pad_x: 1.6, pad_y: 1.2 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_review_without_its_week_or_with_a_short_row_is_refused() {
        assert!(weekly_review(&WeeklyReview::default()).is_err());
        let short = WeeklyReview {
            week: "2026-W49".into(),
            sections: vec![WeeklySection {
                heading: "Top".into(),
                columns: vec![WeeklyColumn { title: "A".into(), weight: 1.0, figure: false }; 2],
                rows: vec![vec!["only one".into()]],
                empty: String::new(),
            }],
            ..WeeklyReview::default()
        };
        assert!(weekly_review(&short).is_err());
    }
}
