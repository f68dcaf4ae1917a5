//! Printable documents: the app gathers what a document shows, `lotline-documents` lays it out.
//! PDFs cross the IPC bridge and the CLI as base64 so every caller gets the same bytes.

use base64::Engine as _;
use lotline_documents::{DocumentError, PackingSlip, SlipAddress, SlipItem};
use lotline_domain::people::{Actor, Language, Permission};
use lotline_domain::reshipment::ReshipmentStatus;
use lotline_domain::{ApiError, FieldError};
use lotline_store::queries::reshipments as q;
use lotline_store::queries::{master, people};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::reshipments::load;
use crate::context::Ctx;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PackingSlipInput {
    pub reshipment_no: String,
    /// The language of the labels; the signed-in user's language when absent.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub language: Option<Language>,
}

/// A generated PDF and the name to offer when saving it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PdfFile {
    pub file_name: String,
    pub pdf_base64: String,
}

impl PdfFile {
    pub(crate) fn new(file_name: String, bytes: &[u8]) -> Self {
        Self { file_name, pdf_base64: base64::engine::general_purpose::STANDARD.encode(bytes) }
    }
}

pub async fn packing_slip(ctx: &Ctx, input: PackingSlipInput) -> Result<PdfFile, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    let actor = ctx.actor()?;
    let mut conn = ctx.read().await?;
    let (state, _) = load(&mut conn, &input.reshipment_no).await?;
    let number = state.reshipment_no().to_owned();
    // Nothing is packed for a request that is not (or no longer) going out.
    if matches!(state.status, ReshipmentStatus::Requested | ReshipmentStatus::Rejected | ReshipmentStatus::Cancelled) {
        return Err(ApiError::conflict("error.reshipment.no_packing_slip")
            .with("reshipment_no", &number)
            .with("status", state.status.as_str()));
    }
    let row = q::reshipment_row(&mut conn, &number).await?.ok_or_else(|| ApiError::not_found("reshipment", &number))?;
    let settings = people::settings(&mut conn).await?;
    let language = reader_language(&mut conn, &actor, input.language).await?;
    let mut items = Vec::with_capacity(state.request.items.len());
    for item in &state.request.items {
        let name = master::product(&mut conn, &item.sku).await?.map(|p| p.product.name);
        items.push(SlipItem {
            line_no: item.line_no,
            sku: item.sku.clone(),
            name: name.unwrap_or_default(),
            lot_code: item.lot_code.clone(),
            serials: item.serials.clone(),
            qty: item.qty,
        });
    }
    let request = &state.request;
    let slip = PackingSlip {
        language: language.as_str().to_owned(),
        company_name: settings.map(|s| s.company_name).unwrap_or_default(),
        reshipment_no: number.clone(),
        order_no: request.order_no.clone(),
        customer_name: row.customer_name,
        failure_nos: request.failure_nos.clone(),
        created_on: row.requested_at.format("%Y-%m-%d").to_string(),
        ship_date: row.shipped_on,
        carrier: request.carrier.display_name().to_owned(),
        service: request.service.clone(),
        tracking_no: row.tracking_no,
        ship_to: SlipAddress {
            name: request.ship_to.name.clone(),
            address: request.ship_to.address.clone(),
            country: request.ship_to.country.clone(),
        },
        reason: request.reason.clone(),
        items,
    };
    let bytes = lotline_documents::packing_slip(&slip).map_err(document_error)?;
    Ok(PdfFile::new(format!("packing-slip-{number}.pdf"), &bytes))
}

/// The language a document is printed in: the one asked for, else the signed-in user's, else
/// the installation's default.
pub(crate) async fn reader_language(
    conn: &mut sqlx::SqliteConnection,
    actor: &Actor,
    asked: Option<Language>,
) -> Result<Language, ApiError> {
    if let Some(language) = asked {
        return Ok(language);
    }
    if let Some(user) = people::user_by_id(conn, &actor.user_id).await? {
        return Ok(user.language);
    }
    let settings = people::settings(conn).await?;
    Ok(settings.map(|s| s.default_language).unwrap_or_default())
}

/// Documents are made from records that passed validation, so a field error here means a record
/// the document cannot show (say, a name the barcode cannot carry): name the field and why.
pub(crate) fn document_error(error: DocumentError) -> ApiError {
    match &error {
        DocumentError::Missing { field }
        | DocumentError::Invalid { field, .. }
        | DocumentError::Barcode { field, .. } => ApiError::field(
            FieldError::new(field.clone(), "error.document.field").with("field", field).with("detail", &error),
        ),
        DocumentError::Font { .. } => ApiError::internal(error),
    }
}
