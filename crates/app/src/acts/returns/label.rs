//! Prepaid return labels: one page per RMA, many RMAs in one PDF for batch printing. Every
//! label made is recorded on its RMA, and so is every label that could not be made, because the
//! label success rate is a KPI.

use lotline_documents::{LabelAddress, RmaLabel};
use lotline_domain::people::{Language, Permission};
use lotline_domain::returns::{self as rt, ReturnPolicy, Rma, RmaStatus};
use lotline_domain::{ApiError, ErrorCode, Event, FieldError};
use lotline_store::queries::returns as q;
use lotline_store::queries::{master, returns::ListRmasInput};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{load, policy};
use crate::acts::documents::{PdfFile, document_error, reader_language};
use crate::context::Ctx;

/// The most labels one PDF may hold; a day's returns fit many times over.
pub const MAX_LABELS_PER_BATCH: usize = 5_000;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LabelSize {
    /// 4 x 6 inch, the thermal label printers' size.
    #[default]
    FourBySix,
    A6,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RmaLabelsInput {
    pub rma_nos: Vec<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub size: Option<LabelSize>,
    /// The parcel weight; the policy's default parcel weight when absent.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub weight_grams: Option<i64>,
    /// The language of the fixed texts; the signed-in user's language when absent.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub language: Option<Language>,
}

/// Labels for the given RMAs in one PDF. Any RMA that cannot have a label refuses the whole
/// batch, naming it, and nothing is recorded; a label the document could not be drawn for is
/// recorded as failed on every RMA of the batch.
pub async fn rma_labels(ctx: &Ctx, input: RmaLabelsInput) -> Result<PdfFile, ApiError> {
    let actor = ctx.allowed(Permission::HandleReturns)?;
    if input.rma_nos.is_empty() {
        return Err(ApiError::field(FieldError::new("rma_nos", "error.field.required")));
    }
    if input.rma_nos.len() > MAX_LABELS_PER_BATCH {
        return Err(ApiError::field(
            FieldError::new("rma_nos", "error.rma.too_many_labels").with("max", MAX_LABELS_PER_BATCH),
        ));
    }
    let mut tx = ctx.begin().await?;
    let policy = policy(&mut tx).await?;
    check_label_settings(&policy)?;
    let weight_grams = input.weight_grams.unwrap_or(policy.parcel_grams);
    let language = reader_language(&mut tx, &actor, input.language).await?;

    let mut labels = Vec::with_capacity(input.rma_nos.len());
    let mut events = Vec::with_capacity(input.rma_nos.len());
    for (index, rma_no) in input.rma_nos.iter().enumerate() {
        let (state, _) = load(&mut tx, rma_no).await.map_err(|e| in_batch(e, index))?;
        if labels.iter().any(|l: &RmaLabel| l.rma_no == state.rma_no()) {
            return Err(ApiError::field(
                FieldError::new(format!("rma_nos[{index}]"), "error.rma.label_twice").with("rma_no", state.rma_no()),
            ));
        }
        let decided = rt::decide_label(&state, policy.label_carrier, &policy.label_service, weight_grams)
            .map_err(|e| in_batch(e, index))?;
        events.extend(decided);
        labels.push(label_for(&mut tx, &state, &policy, weight_grams, language).await?);
    }

    match lotline_documents::rma_labels(&labels, size_of(input.size.unwrap_or_default())) {
        Ok(bytes) => {
            ctx.commit(tx, events).await?;
            let name = match labels.as_slice() {
                [one] => format!("return-label-{}.pdf", one.rma_no),
                many => format!("return-labels-{}.pdf", many.len()),
            };
            Ok(PdfFile::new(name, &bytes))
        }
        Err(error) => {
            let detail = error.to_string();
            let failed = labels
                .iter()
                .map(|l| Event::RmaLabelFailed { rma_no: l.rma_no.clone(), detail: detail.clone() })
                .collect();
            ctx.commit(tx, failed).await?;
            Err(document_error(error))
        }
    }
}

/// The approved RMAs that have no label yet, oldest first: what `--all-approved` prints.
pub async fn approved_without_label(ctx: &Ctx) -> Result<Vec<String>, ApiError> {
    ctx.allowed(Permission::HandleReturns)?;
    let mut conn = ctx.read().await?;
    let mut numbers = Vec::new();
    let mut offset = 0;
    loop {
        let input = ListRmasInput { status: Some(RmaStatus::Approved), offset, limit: 500, ..ListRmasInput::default() };
        let page = q::list_rmas(&mut conn, &input).await?;
        let got = page.rows.len();
        numbers.extend(page.rows.into_iter().map(|r| r.rma_no));
        if got < 500 {
            break;
        }
        offset += 500;
    }
    numbers.sort();
    Ok(numbers)
}

fn check_label_settings(policy: &ReturnPolicy) -> Result<(), ApiError> {
    if policy.returns_centre.name.trim().is_empty() || policy.returns_centre.address.trim().is_empty() {
        return Err(ApiError::field(FieldError::new("returns_centre", "error.rma.no_returns_centre")));
    }
    Ok(())
}

/// An error about one RMA of a batch says which one.
fn in_batch(error: ApiError, index: usize) -> ApiError {
    match error.code {
        ErrorCode::NotFound | ErrorCode::Conflict => error.with("position", index + 1),
        _ => error,
    }
}

async fn label_for(
    conn: &mut sqlx::SqliteConnection,
    state: &Rma,
    policy: &ReturnPolicy,
    weight_grams: i64,
    language: Language,
) -> Result<RmaLabel, ApiError> {
    let opening = &state.opening;
    let customer = master::customer(conn, &opening.customer_code).await?;
    let ship_from = match customer {
        Some(view) => LabelAddress {
            name: view.customer.name,
            lines: lines(view.customer.address.as_deref().unwrap_or_default()),
            country: view.customer.country,
        },
        None => LabelAddress { name: opening.customer_code.clone(), ..LabelAddress::default() },
    };
    let centre = &policy.returns_centre;
    let orders = opening.order_nos();
    Ok(RmaLabel {
        rma_no: opening.rma_no.clone(),
        ship_from,
        ship_to: LabelAddress {
            name: centre.name.clone(),
            lines: lines(&centre.address),
            country: centre.country.clone(),
        },
        carrier: policy.label_carrier.display_name().to_owned(),
        service: policy.label_service.clone(),
        weight_grams,
        reference: orders.join(", "),
        language: language.as_str().to_owned(),
    })
}

fn lines(address: &str) -> Vec<String> {
    address.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

fn size_of(size: LabelSize) -> lotline_documents::LabelSize {
    match size {
        LabelSize::FourBySix => lotline_documents::LabelSize::FourBySix,
        LabelSize::A6 => lotline_documents::LabelSize::A6,
    }
}
