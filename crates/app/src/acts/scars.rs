//! SCARs as records: opened from a QC failure or for a vendor, sent with a due date for the
//! vendor's answer, its answers received, verified and closed; listed with those overdue.

use lotline_domain::people::Permission;
use lotline_domain::scar::{self, Scar, ScarMember, ScarOpening, ScarStatus, ScarStepText};
use lotline_domain::{ApiError, Event, FieldError};
use lotline_store::queries::scars::{self as q, ScarRow};
use lotline_store::queries::{failures as fq, master, people};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::acts::history::{HistoryEntry, history_of};
use crate::context::Ctx;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OpenScarInput {
    /// The failure it is about; its vendor is the SCAR's.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub failure_no: Option<String>,
    /// Required without a failure.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub vendor_code: Option<String>,
    /// D1.
    pub team: Vec<ScarMember>,
    /// D2.
    pub problem: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScarDetail {
    #[serde(flatten)]
    pub row: ScarRow,
    /// The step that may come next; none once closed.
    pub next: Option<ScarStatus>,
    pub history: Vec<HistoryEntry>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScarNoInput {
    pub scar_no: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ListScarsInput {
    #[serde(default)]
    #[ts(optional = nullable)]
    pub vendor_code: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub failure_no: Option<String>,
    /// Only those whose answer is overdue.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub overdue_only: Option<bool>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AdvanceScarInput {
    pub scar_no: String,
    pub to: ScarStatus,
    /// Sending only: when the vendor's answer is due (YYYY-MM-DD).
    #[serde(default)]
    #[ts(optional = nullable)]
    pub due_on: Option<String>,
    #[serde(flatten)]
    pub step: ScarStepText,
}

fn given(value: &Option<String>) -> Option<String> {
    value.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)
}

/// Opens a SCAR as a draft. From a failure, the vendor is the failure's.
pub async fn open_scar(ctx: &Ctx, input: OpenScarInput) -> Result<ScarDetail, ApiError> {
    ctx.allowed(Permission::ManageScars)?;
    let mut tx = ctx.begin().await?;
    let failure_no = given(&input.failure_no).map(|n| n.to_uppercase());
    let vendor_code = match &failure_no {
        Some(no) => {
            let failure = crate::acts::failures::load_failure(&mut tx, no).await?;
            let vendor = failure.record.vendor_code.clone();
            if given(&input.vendor_code).is_some_and(|v| v != vendor) {
                return Err(ApiError::field(
                    FieldError::new("vendor_code", "error.scar.not_the_failures_vendor").with("vendor", vendor),
                ));
            }
            vendor
        }
        None => given(&input.vendor_code).unwrap_or_default(),
    };
    let mut opening = ScarOpening {
        scar_no: String::new(),
        vendor_code,
        failure_no,
        team: input
            .team
            .iter()
            .map(|m| ScarMember { name: m.name.trim().to_owned(), role: m.role.trim().to_owned() })
            .collect(),
        problem: input.problem.trim().to_owned(),
    };
    scar::check_opening(&opening)?;
    if master::vendor(&mut tx, &opening.vendor_code).await?.is_none() {
        return Err(ApiError::field(
            FieldError::new("vendor_code", "error.scar.unknown_vendor").with("value", &opening.vendor_code),
        ));
    }
    let settings = people::settings(&mut tx).await?.ok_or_else(|| ApiError::conflict("error.setup.needed"))?;
    opening.scar_no = crate::acts::numbers::issue(&mut tx, "SCAR", &settings.site_code).await?;
    let scar_no = opening.scar_no.clone();
    ctx.commit(tx, vec![Event::ScarOpened(Box::new(opening))]).await?;
    scar_detail(ctx, &scar_no).await
}

async fn load(conn: &mut sqlx::SqliteConnection, scar_no: &str) -> Result<Scar, ApiError> {
    let events = lotline_store::load_stream(conn, "scar", scar_no).await?;
    events
        .iter()
        .fold(None, |state, stored| Scar::evolve(state, &stored.event))
        .ok_or_else(|| ApiError::not_found("scar", scar_no))
}

/// Moves a SCAR on by one step.
pub async fn advance_scar(ctx: &Ctx, input: AdvanceScarInput) -> Result<ScarDetail, ApiError> {
    ctx.allowed(Permission::ManageScars)?;
    let scar_no = input.scar_no.trim().to_uppercase();
    let mut tx = ctx.begin().await?;
    let scar = load(&mut tx, &scar_no).await?;
    let events = scar::decide_advance(&scar, input.to, input.due_on.as_deref(), &input.step, ctx.now().date_naive())?;
    ctx.commit(tx, events).await?;
    scar_detail(ctx, &scar_no).await
}

fn with_overdue(mut row: ScarRow, today: chrono::NaiveDate) -> ScarRow {
    row.overdue = scar::is_overdue(row.status, row.due_on.as_deref(), today);
    row
}

pub(crate) async fn scar_detail(ctx: &Ctx, scar_no: &str) -> Result<ScarDetail, ApiError> {
    let scar_no = scar_no.trim().to_uppercase();
    let mut conn = ctx.read().await?;
    let row = q::scar_row(&mut conn, &scar_no).await?.ok_or_else(|| ApiError::not_found("scar", &scar_no))?;
    let events = lotline_store::load_stream(&mut conn, "scar", &scar_no).await?;
    let names = fq::user_names(&mut conn).await?;
    Ok(ScarDetail {
        next: row.status.next(),
        history: history_of(&events, &names),
        row: with_overdue(row, ctx.now().date_naive()),
    })
}

pub async fn get_scar(ctx: &Ctx, input: ScarNoInput) -> Result<ScarDetail, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    scar_detail(ctx, &input.scar_no).await
}

pub async fn list_scars(ctx: &Ctx, input: ListScarsInput) -> Result<Vec<ScarRow>, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    let today = ctx.now().date_naive();
    let vendor = given(&input.vendor_code);
    let failure = given(&input.failure_no).map(|n| n.to_uppercase());
    let rows = q::list_scars(&mut *ctx.read().await?, vendor.as_deref(), failure.as_deref()).await?;
    Ok(rows
        .into_iter()
        .map(|r| with_overdue(r, today))
        .filter(|r| r.overdue || input.overdue_only != Some(true))
        .collect())
}
