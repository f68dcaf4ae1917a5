//! A SCAR record printed: the vendor defect report for its failure (or its vendor's last 90
//! days), with D1, D2, the record's dates, and the 8D answers received so far.

use chrono::NaiveDate;
use lotline_documents::{VendorReportMember, VendorReportRecord, VendorReportScope, VendorReportStep};
use lotline_domain::ApiError;
use lotline_domain::people::{Language, Permission};
use lotline_domain::review::ReviewPeriod;
use lotline_store::queries::review::{Span, day_text};
use lotline_store::queries::scars::{ScarRow, ScarStepDone};
use lotline_store::queries::vendor_report::ReportScope;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::vendor_pdf::report_body;
use crate::acts::documents::{PdfFile, document_error};
use crate::context::Ctx;

/// A SCAR opened for a vendor, not a failure, reports the vendor's failures of this many days.
const VENDOR_DAYS: u64 = 90;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScarPdfInput {
    pub scar_no: String,
    /// The vendor's language when absent.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub language: Option<Language>,
}

fn day_of(at: &str) -> String {
    at.get(..10).unwrap_or(at).to_owned()
}

fn scope_of(row: &ScarRow, zone: &str) -> (ReportScope, VendorReportScope) {
    if let Some(failure_no) = &row.failure_no {
        return (
            ReportScope::Failure { failure_no: failure_no.clone() },
            VendorReportScope::Failure { number: failure_no.clone() },
        );
    }
    let opened = NaiveDate::parse_from_str(&day_of(&row.opened.at), "%Y-%m-%d").unwrap_or_default();
    // The window's days are the site's.
    let window = ReviewPeriod::ending(opened, VENDOR_DAYS + 1).in_zone(zone);
    let from = window.from;
    (
        ReportScope::Period { vendor_code: row.vendor_code.clone(), span: Span::of(&window) },
        VendorReportScope::Period { from: day_text(from), to: day_text(opened) },
    )
}

/// What the record adds to the report: D1, D2, each step's date and author, the answers.
fn record_of(row: &ScarRow) -> VendorReportRecord {
    let step = |key: &str, done: &ScarStepDone| VendorReportStep {
        step: key.to_owned(),
        date: day_of(&done.at),
        by: done.by_name.clone().unwrap_or_default(),
    };
    let mut steps = vec![step("opened", &row.opened)];
    if let Some(sent) = &row.sent {
        steps.push(step("sent", sent));
    }
    if let Some(due) = &row.due_on {
        steps.push(VendorReportStep { step: "due".into(), date: due.clone(), by: String::new() });
    }
    for (key, done) in [
        ("containment_received", &row.containment_received),
        ("root_cause_received", &row.root_cause_received),
        ("verified", &row.verified),
        ("closed", &row.closed),
    ] {
        if let Some(done) = done {
            steps.push(step(key, done));
        }
    }
    let text = |t: &Option<String>| t.clone().unwrap_or_default();
    let effect = [text(&row.verification), text(&row.closure)]
        .into_iter()
        .filter(|t| !t.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    VendorReportRecord {
        status: row.status.as_str().to_owned(),
        team: row.team.iter().map(|m| VendorReportMember { name: m.name.clone(), role: m.role.clone() }).collect(),
        problem: row.problem.clone(),
        steps,
        answers: vec![
            ("d3".into(), text(&row.containment)),
            ("d4".into(), text(&row.root_cause)),
            ("d56".into(), text(&row.actions)),
            ("d7".into(), text(&row.preventive)),
            ("d8".into(), effect),
        ],
    }
}

pub async fn scar_pdf(ctx: &Ctx, input: ScarPdfInput) -> Result<PdfFile, ApiError> {
    let actor = ctx.allowed(Permission::ViewData)?;
    let row = crate::acts::scars::scar_detail(ctx, &input.scar_no).await?.row;
    let (scope, printed) = scope_of(&row, &ctx.site_zone().await?);
    let (mut body, _) = report_body(ctx, &actor, &scope, printed, input.language).await?;
    body.report_number = row.scar_no.clone();
    body.issued_on = row.sent.as_ref().map_or_else(|| day_text(ctx.now().date_naive()), |s| day_of(&s.at));
    body.response_due = row.due_on.clone().unwrap_or_default();
    body.record = Some(record_of(&row));
    let bytes = lotline_documents::vendor_report(&body).map_err(document_error)?;
    Ok(PdfFile::new(format!("{}.pdf", row.scar_no), &bytes))
}
