//! The vendor defect report's contents: figures, defects by category, the failures and their
//! photos, in the reader's words. Money is summed per currency and printed per currency.

use std::collections::BTreeMap;

use lotline_documents::{VendorDefectCount, VendorReport, VendorReportFailure, VendorReportFigures, VendorReportPhoto};
use lotline_domain::ApiError;
use lotline_domain::money::format_money;
use lotline_domain::people::Language;
use lotline_domain::review::VendorQualityRow;
use lotline_store::queries::vendor_report::{ReportFailure, ReportScope, report_failures, reshipment_costs};
use lotline_store::queries::{master, scorecard};

use crate::context::Ctx;

/// Failures listed in one report; a vendor with more in one period needs a shorter period.
const FAILURES_LISTED: i64 = 2_000;
/// Photos printed; past these the report would be a photo album.
const PHOTOS_PRINTED: usize = 24;

pub(super) struct Gathered {
    pub vendor_code: String,
    pub failures: Vec<ReportFailure>,
    /// The vendor's counts over the scope, as its scorecard reads them, so the report prints
    /// the scorecard's unit defect rate.
    pub quality: VendorQualityRow,
    /// What reshipments for these failures cost, per currency.
    pub reshipments: Vec<(String, i64)>,
}

pub(super) async fn gather(conn: &mut sqlx::SqliteConnection, scope: &ReportScope) -> Result<Gathered, ApiError> {
    let failures = report_failures(conn, scope, FAILURES_LISTED).await?;
    let vendor_code = match scope {
        ReportScope::Period { vendor_code, .. } => vendor_code.clone(),
        ReportScope::Failure { failure_no } => {
            failures.first().map(|f| f.vendor_code.clone()).ok_or_else(|| ApiError::not_found("failure", failure_no))?
        }
    };
    let reshipments = reshipment_costs(conn, scope).await?;
    let quality = match scope {
        ReportScope::Period { span, .. } => scorecard::vendor_quality(conn, span)
            .await?
            .into_iter()
            .find(|row| row.vendor_code == vendor_code)
            .unwrap_or_else(|| VendorQualityRow { vendor_code: vendor_code.clone(), ..VendorQualityRow::default() }),
        // One failure: its own inspection is all there is to count against.
        ReportScope::Failure { .. } => VendorQualityRow {
            vendor_code: vendor_code.clone(),
            units_inspected: failures.iter().map(|f| f.qty_inspected).sum(),
            defective_units: failures.iter().map(|f| f.qty_failed).sum(),
            ..VendorQualityRow::default()
        },
    };
    Ok(Gathered { vendor_code, failures, quality, reshipments })
}

/// "1.19 %" from basis points.
pub(super) fn percent(bps: i64) -> String {
    format!("{}.{:02} %", bps / 100, bps % 100)
}

/// Defective units at the product's unit cost, plus the reshipments they caused, per currency.
fn costs(g: &Gathered) -> Vec<String> {
    let mut by: BTreeMap<String, i64> = BTreeMap::new();
    for f in &g.failures {
        if let Some((cost, currency)) = &f.unit_cost {
            *by.entry(currency.clone()).or_default() += f.qty_failed.saturating_mul(*cost);
        }
    }
    for (currency, total) in &g.reshipments {
        *by.entry(currency.clone()).or_default() += total;
    }
    by.into_iter().filter(|(_, v)| *v != 0).map(|(c, v)| money(v, &c)).collect()
}

/// "€ 1,234.50", "US$ 310.00": the report's figure boxes are narrow, so the common currencies
/// print as their symbol and the others as their code before the amount.
pub(super) fn money(minor: i64, currency: &str) -> String {
    let text = format_money(minor, currency);
    let amount = text.rsplit_once(' ').map_or(text.as_str(), |(amount, _)| amount);
    let symbol = match currency {
        "EUR" => "€",
        "USD" => "US$",
        "GBP" => "£",
        "CNY" => "CN¥",
        "JPY" => "JP¥",
        other => other,
    };
    format!("{symbol} {amount}")
}

pub(super) async fn body(
    conn: &mut sqlx::SqliteConnection,
    ctx: &Ctx,
    g: &Gathered,
    language: Language,
) -> Result<VendorReport, ApiError> {
    let categories = master::defect_categories(conn).await?;
    let category_name = |code: &str| {
        categories
            .iter()
            .find(|c| c.code == code)
            .map(|c| match language {
                Language::ZhCn => c.name_zh.clone(),
                Language::Nl => c.name_nl.clone(),
                Language::En => c.name_en.clone(),
            })
            .unwrap_or_else(|| code.to_owned())
    };
    let tag = language.as_str();
    let severity = |s: &str| lotline_documents::document_text(tag, &format!("documents.vendor_report.severity.{s}"));
    let q = &g.quality;
    let mut by_category: BTreeMap<String, u64> = BTreeMap::new();
    for f in &g.failures {
        *by_category.entry(category_name(&f.category_code)).or_default() += u64::try_from(f.qty_failed).unwrap_or(0);
    }
    let mut photos = Vec::new();
    'photos: for f in &g.failures {
        for (n, id) in f.attachment_ids.iter().enumerate() {
            if photos.len() == PHOTOS_PRINTED {
                break 'photos;
            }
            // A missing or damaged photo leaves the report without it rather than failing it.
            if let Ok(Some(bytes)) = ctx.store.read_blob(id) {
                photos.push(VendorReportPhoto { caption: format!("{} · {}", f.failure_no, n + 1), bytes });
            }
        }
    }
    Ok(VendorReport {
        figures: VendorReportFigures {
            failures: g.failures.len().to_string(),
            units_received: if q.lots_received > 0 { q.units_received.to_string() } else { String::new() },
            units_inspected: q.units_inspected.to_string(),
            units_defective: q.defective_units.to_string(),
            defect_rate: q.unit_defect_rate_bps().map(percent).unwrap_or_default(),
            costs: costs(g),
        },
        defects_by_category: by_category
            .into_iter()
            .map(|(category, count)| VendorDefectCount { category, count })
            .collect(),
        failures: g
            .failures
            .iter()
            .map(|f| VendorReportFailure {
                number: f.failure_no.clone(),
                date: f.occurred_at.format("%Y-%m-%d").to_string(),
                sku: f.sku.clone(),
                lot: f.lot_code.clone().unwrap_or_default(),
                qty_defective: f.qty_failed.to_string(),
                qty_inspected: f.qty_inspected.to_string(),
                severity: severity(&f.severity),
                category: category_name(&f.category_code),
                description: f.description.clone(),
            })
            .collect(),
        photos,
        ..VendorReport::default()
    })
}
