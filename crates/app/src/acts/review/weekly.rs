//! The weekly review as a PDF for the head of operations (seed 001: "the head of operations
//! receives weekly reports"): the app makes last week's on its own, once, on the first run of a new
//! week on the site's calendar, and keeps every one on the desk to open again. A desk in a team hands
//! each to the team's server, which mails it once to the recipients the team configured.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use lotline_documents::{WeeklyColumn, WeeklyReview, WeeklySection, document_text};
use lotline_domain::people::{Language, Permission};
use lotline_domain::review::FigureChange;
use lotline_domain::{ApiError, FieldError};
use lotline_store::queries::notifications::{self as q, WeeklyReviewRow};
use lotline_store::queries::{master, people};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::PeriodInput;
use super::period::{FailureGroupReview, ReviewPeriodReport, period_report};
use super::vendor_pdf_data::{money, percent};
use crate::acts::Empty;
use crate::acts::documents::{PdfFile, document_error};
use crate::context::{Ctx, sql_error};

/// A weekly review kept on this desk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WeeklyReviewEntry {
    /// The ISO week, "2026-W49".
    pub week: String,
    /// Monday and Sunday, YYYY-MM-DD.
    pub from: String,
    pub to: String,
    pub made_at: DateTime<Utc>,
    pub size: i64,
    /// When the team's server took it to mail; absent on a desk alone or until it did.
    pub sent_to_team_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WeekInput {
    pub week: String,
}

/// The last whole week (Monday to Sunday) before `today`.
pub fn last_week(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let this_monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let from = this_monday - Duration::days(7);
    (from, from + Duration::days(6))
}

/// "2026-W49": the ISO week-numbering year and week of `day`.
pub fn week_of(day: NaiveDate) -> String {
    day.format("%G-W%V").to_string()
}

pub async fn list_weekly_reviews(ctx: &Ctx, _: Empty) -> Result<Vec<WeeklyReviewEntry>, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    let rows = q::weekly_reviews(&mut *ctx.read().await?).await?;
    Ok(rows
        .into_iter()
        .map(|r| WeeklyReviewEntry {
            week: r.week,
            from: r.period_from,
            to: r.period_to,
            made_at: r.made_at,
            size: r.size,
            sent_to_team_at: r.sent_to_team_at,
        })
        .collect())
}

pub async fn weekly_review_pdf(ctx: &Ctx, input: WeekInput) -> Result<PdfFile, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    let week = input.week.trim();
    check_week(week)?;
    let bytes = q::weekly_review_pdf(&mut *ctx.read().await?, week)
        .await?
        .ok_or_else(|| ApiError::not_found("weekly_review", week))?;
    Ok(PdfFile::new(file_name(week), &bytes))
}

pub fn file_name(week: &str) -> String {
    format!("weekly-review-{week}.pdf")
}

/// Makes and keeps last week's review if this desk has none for it yet: the week that was made,
/// or `None` (made already, the desk not set up, or its log begun after the week ended).
pub async fn make_weekly_review(ctx: &Ctx) -> Result<Option<String>, ApiError> {
    let today = ctx.today().await?;
    let (from, to) = last_week(today);
    let week = week_of(from);
    let (settings, begins, kept) = {
        let mut conn = ctx.read().await?;
        let settings = people::settings(&mut conn).await?;
        let begins = q::log_begins(&mut conn).await?;
        let kept = q::weekly_review_pdf(&mut conn, &week).await?.is_some();
        (settings, begins, kept)
    };
    let Some(settings) = settings else { return Ok(None) };
    let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    if kept || begins.is_none_or(|first| first.get(..10).unwrap_or(&first) > day(to).as_str()) {
        return Ok(None);
    }
    let report = period_report(ctx, &PeriodInput { from: day(from), to: day(to) }).await?;
    let language = settings.default_language;
    let names = category_names(ctx, language).await?;
    let review = WeeklyReview {
        week: week.clone(),
        period: format!("{} – {}", day(from), day(to)),
        company: settings.company_name,
        generated_at: ctx.now().format("%Y-%m-%d %H:%M UTC").to_string(),
        summary: summary(&report, language),
        sections: sections(&report, language, &names),
        language: language.as_str().to_owned(),
    };
    let pdf = lotline_documents::weekly_review(&review).map_err(document_error)?;
    let row = WeeklyReviewRow {
        week: week.clone(),
        period_from: day(from),
        period_to: day(to),
        made_at: ctx.now(),
        size: 0,
        sent_to_team_at: None,
    };
    let mut tx = ctx.store.begin_write().await?;
    let made = q::keep_weekly_review(&mut tx, &row, language.as_str(), &pdf).await?;
    tx.commit().await.map_err(sql_error)?;
    Ok(made.then_some(week))
}

async fn category_names(ctx: &Ctx, language: Language) -> Result<Vec<(String, String)>, ApiError> {
    let categories = master::defect_categories(&mut *ctx.read().await?).await?;
    Ok(categories
        .into_iter()
        .map(|c| {
            let name = match language {
                Language::ZhCn => c.name_zh,
                Language::Nl => c.name_nl,
                Language::En => c.name_en,
            };
            (c.code, name)
        })
        .collect())
}

fn text(language: Language, key: &str) -> String {
    document_text(language.as_str(), &format!("documents.weekly_review.{key}"))
}

/// "12 (+3)": the figure with its change from the week before.
fn with_change(current: i64, change: Option<&FigureChange>) -> String {
    match change {
        Some(c) if c.absolute != 0 => format!("{current} ({:+})", c.absolute),
        _ => current.to_string(),
    }
}

fn summary(r: &ReviewPeriodReport, language: Language) -> Vec<(String, String)> {
    let figure = |key: &str| text(language, &format!("figure.{key}"));
    let none = document_text(language.as_str(), "documents.none");
    let units_change =
        lotline_domain::review::change(Some(r.pareto.total_quantity), Some(r.pareto.previous_total_quantity));
    let mut facts = vec![
        (figure("failures"), with_change(r.pareto.total_count, r.pareto.count_change.as_ref())),
        (figure("units_failed"), with_change(r.pareto.total_quantity, units_change.as_ref())),
        (figure("vendors_with_failures"), r.vendors_with_failures.to_string()),
        (figure("reshipments_on_time"), r.timeliness.on_time_bps.map_or(none, percent)),
        (figure("reshipments_late"), r.timeliness.late.to_string()),
        (figure("open_reshipments"), r.timeliness.open.to_string()),
        (figure("checklist_added"), with_change(r.checklist_added, r.checklist_change.as_ref())),
    ];
    for c in &r.cost_of_quality.currencies {
        if let Some(current) = &c.current {
            let label = text(language, "figure.net_cost").replace("{{currency}}", &c.currency);
            facts.push((label, money(current.net_minor, &c.currency)));
        }
    }
    facts
}

fn column(language: Language, key: &str, weight: f32, figure: bool) -> WeeklyColumn {
    WeeklyColumn { title: text(language, &format!("column.{key}")), weight, figure }
}

fn section(language: Language, key: &str, columns: Vec<WeeklyColumn>, rows: Vec<Vec<String>>) -> WeeklySection {
    WeeklySection {
        heading: text(language, &format!("section.{key}")),
        columns,
        rows,
        empty: text(language, &format!("empty.{key}")),
    }
}

fn group_rows(groups: &[FailureGroupReview]) -> Vec<Vec<String>> {
    groups
        .iter()
        .filter(|g| g.current.failures > 0)
        .map(|g| {
            let name = g.name.as_deref().map_or(g.code.clone(), |n| format!("{} · {n}", g.code));
            vec![
                name,
                g.current.failures.to_string(),
                g.current.qty_failed.to_string(),
                g.previous.failures.to_string(),
            ]
        })
        .collect()
}

fn sections(r: &ReviewPeriodReport, language: Language, names: &[(String, String)]) -> Vec<WeeklySection> {
    let name_of = |code: &str| names.iter().find(|(c, _)| c == code).map_or(code.to_owned(), |(_, n)| n.clone());
    let reasons = r
        .pareto
        .bars
        .iter()
        .filter(|b| b.bar.count > 0)
        .map(|b| {
            let name = if b.bar.is_other {
                text(language, "column.other").replace("{{count}}", &b.bar.categories.to_string())
            } else {
                name_of(&b.bar.category)
            };
            vec![
                name,
                b.bar.count.to_string(),
                b.bar.quantity.to_string(),
                percent(b.bar.share_bps),
                b.previous_count.to_string(),
            ]
        })
        .collect();
    let groups = |key: &str, first: &str, rows| {
        section(
            language,
            key,
            vec![
                column(language, first, 3.0, false),
                column(language, "failures", 1.0, true),
                column(language, "units", 1.0, true),
                column(language, "previous", 1.2, true),
            ],
            rows,
        )
    };
    let none = document_text(language.as_str(), "documents.none");
    let costs = r
        .cost_of_quality
        .currencies
        .iter()
        .map(|c| {
            let net = |v: &Option<lotline_domain::review::CurrencyCost>| {
                v.as_ref().map_or(none.clone(), |v| money(v.net_minor, &c.currency))
            };
            let change = c.net_change.as_ref().map_or(none.clone(), |ch| money(ch.absolute, &c.currency));
            vec![c.currency.clone(), net(&c.current), net(&c.previous), change]
        })
        .collect();
    vec![
        section(
            language,
            "reasons",
            vec![
                column(language, "category", 3.0, false),
                column(language, "failures", 1.0, true),
                column(language, "units", 1.0, true),
                column(language, "share", 1.0, true),
                column(language, "previous", 1.2, true),
            ],
            reasons,
        ),
        groups("vendors", "vendor", group_rows(&r.by_vendor)),
        groups("skus", "sku", group_rows(&r.by_sku)),
        section(
            language,
            "cost",
            vec![
                column(language, "currency", 1.0, false),
                column(language, "this_week", 1.5, true),
                column(language, "previous", 1.5, true),
                column(language, "change", 1.5, true),
            ],
            costs,
        ),
    ]
}

/// Refuses a week that is not written as the app writes them.
fn check_week(week: &str) -> Result<(), ApiError> {
    let ok = week.len() == 8 && week.as_bytes()[4] == b'-' && week.as_bytes()[5] == b'W';
    if ok {
        Ok(())
    } else {
        Err(ApiError::field(FieldError::new("week", "error.field.malformed").with("reason", week)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_week_is_the_whole_week_before_todays() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        // Monday 7 December 2026: the week of 30 November to 6 December, ISO week 49.
        assert_eq!(last_week(d("2026-12-07")), (d("2026-11-30"), d("2026-12-06")));
        assert_eq!(last_week(d("2026-12-13")), (d("2026-11-30"), d("2026-12-06")));
        assert_eq!(week_of(d("2026-11-30")), "2026-W49");
        // The week of 29 December 2025 is the first of 2026.
        assert_eq!(week_of(d("2025-12-29")), "2026-W01");
        assert!(check_week("2026-W49").is_ok());
        assert!(check_week("2026-49").is_err());
    }
}
