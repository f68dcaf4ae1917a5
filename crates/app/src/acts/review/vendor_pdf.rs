//! The vendor defect report (SCAR / 8D) for one vendor over a period or for one QC failure, in
//! the language asked for, else the vendor's own.

use chrono::Days;
use lotline_documents::{VendorReportParty, VendorReportScope};
use lotline_domain::people::{Language, Permission};
use lotline_domain::{ApiError, FieldError, Violations};
use lotline_store::queries::review::{Span, day_text};
use lotline_store::queries::vendor_report::ReportScope;
use lotline_store::queries::{master, people};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::vendor_pdf_data::{body, gather};
use super::{PeriodInput, period_of};
use crate::acts::documents::{PdfFile, document_error};
use crate::context::Ctx;

/// Days the supplier has for its 8D response.
const RESPONSE_DAYS: u64 = 14;

/// Either `failure_no`, or `vendor_code` with `from` and `to`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VendorReportInput {
    #[serde(default)]
    #[ts(optional = nullable)]
    pub vendor_code: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub from: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub to: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub failure_no: Option<String>,
    /// The vendor's language when absent.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub language: Option<Language>,
}

fn given(value: &Option<String>) -> Option<String> {
    value.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)
}

/// The scope and how it is printed, from the input; each missing field named.
/// The scope, how it is printed, the report's reference and the file name's.
fn scope_of(
    input: &VendorReportInput,
    zone: &str,
) -> Result<(ReportScope, VendorReportScope, String, String), ApiError> {
    if let Some(failure_no) = given(&input.failure_no) {
        let printed = VendorReportScope::Failure { number: failure_no.clone() };
        return Ok((ReportScope::Failure { failure_no: failure_no.clone() }, printed, failure_no.clone(), failure_no));
    }
    let mut v = Violations::default();
    for (field, value) in [("vendor_code", &input.vendor_code), ("from", &input.from), ("to", &input.to)] {
        if given(value).is_none() {
            v.push(FieldError::new(field, "error.field.required"));
        }
    }
    v.into_result()?;
    let period = period_of(&PeriodInput {
        from: given(&input.from).unwrap_or_default(),
        to: given(&input.to).unwrap_or_default(),
    })?
    .in_zone(zone);
    let vendor_code = given(&input.vendor_code).unwrap_or_default();
    let (from, to) = (day_text(period.from), day_text(period.to));
    // Short enough for the report's header; the file name carries both dates.
    let reference = format!("{vendor_code}-{}", period.from.format("%y%m%d"));
    let file = format!("{vendor_code}-{from}-{to}");
    let printed = VendorReportScope::Period { from, to };
    Ok((ReportScope::Period { vendor_code, span: Span::of(&period) }, printed, reference, file))
}

pub async fn vendor_report_pdf(ctx: &Ctx, input: VendorReportInput) -> Result<PdfFile, ApiError> {
    let actor = ctx.allowed(Permission::ViewData)?;
    let (scope, printed, reference, file) = scope_of(&input, &ctx.site_zone().await?)?;
    let (mut body, site) = report_body(ctx, &actor, &scope, printed, input.language).await?;
    let today = ctx.today().await?;
    let due = today.checked_add_days(Days::new(RESPONSE_DAYS)).unwrap_or(today);
    body.report_number = format!("SCAR-{site}-{reference}");
    body.issued_on = day_text(today);
    body.response_due = day_text(due);
    let bytes = lotline_documents::vendor_report(&body).map_err(document_error)?;
    Ok(PdfFile::new(format!("SCAR-{site}-{file}.pdf"), &bytes))
}

/// The report's contents for `scope`, in the language asked for, else the vendor's; with the
/// site's code, which report numbers carry. The caller sets the number and the dates.
pub(super) async fn report_body(
    ctx: &Ctx,
    actor: &lotline_domain::people::Actor,
    scope: &ReportScope,
    printed: VendorReportScope,
    language: Option<Language>,
) -> Result<(lotline_documents::VendorReport, String), ApiError> {
    let mut conn = ctx.read().await?;
    let gathered = gather(&mut conn, scope).await?;
    let vendor = master::vendor(&mut conn, &gathered.vendor_code)
        .await?
        .ok_or_else(|| ApiError::not_found("vendor", &gathered.vendor_code))?
        .vendor;
    let settings = people::settings(&mut conn).await?;
    let language = language.unwrap_or(vendor.language);
    let mut body = body(&mut conn, ctx, &gathered, language).await?;
    let site = settings.as_ref().map(|s| s.site_code.clone()).unwrap_or_default();
    body.company = VendorReportParty {
        name: settings.map(|s| s.company_name).unwrap_or_default(),
        contact: actor.display_name.clone(),
        ..VendorReportParty::default()
    };
    body.vendor = VendorReportParty {
        name: vendor.name,
        code: vendor.code,
        address_lines: vec![vendor.country],
        contact: vendor.contact_name.unwrap_or_default(),
        email: vendor.email.unwrap_or_default(),
    };
    body.scope = printed;
    body.language = language.as_str().to_owned();
    Ok((body, site))
}
