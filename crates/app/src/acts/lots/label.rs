//! Lot labels: the lot's GS1 data (GTIN, expiry, lot) as GS1-128 barcodes and as a Digital Link
//! QR code, so a scanner or a phone opens the lot. One page per lot, many lots in one PDF; or one
//! page per unit of a lot, each with its serial (21).

use lotline_documents::LotLabel;
use lotline_domain::ApiError;
use lotline_domain::error::FieldError;
use lotline_domain::gs1::Gs1Data;
use lotline_domain::lots::normalise_lot_code;
use lotline_domain::people::{Language, Permission};
use lotline_store::queries::lots::{self as q, LotRow};
use lotline_store::queries::serials as sq;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::gs1_of;
use crate::acts::documents::{PdfFile, document_error, reader_language};
use crate::acts::returns::LabelSize;
use crate::context::Ctx;

/// A day as the label's reader writes it.
fn display_date(day: &str, language: Language) -> String {
    let Ok(date) = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d") else { return day.to_owned() };
    match language {
        Language::Nl => date.format("%d-%m-%Y").to_string(),
        Language::En | Language::ZhCn => date.format("%Y-%m-%d").to_string(),
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LotLabelsInput {
    pub lot_codes: Vec<String>,
    /// Units of one lot: a label per serial, each with its (21). Only with a single lot code.
    #[serde(default)]
    pub serials: Vec<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub size: Option<LabelSize>,
    /// The language of the fixed texts; the signed-in user's when absent.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub language: Option<Language>,
}

pub const MAX_LOT_LABELS: usize = 2_000;

fn label_of(row: &LotRow, gs1: &Gs1Data, serial: Option<&str>, language: Language) -> LotLabel {
    LotLabel {
        product_name: row.product_name.clone().unwrap_or_else(|| row.sku.clone()),
        sku: row.sku.clone(),
        lot_code: row.lot_code.clone(),
        supplier_lot: row.supplier_lot.clone(),
        vendor_name: row.vendor_name.clone().unwrap_or_else(|| row.vendor_code.clone()),
        quantity_text: if serial.is_some() { format!("1 {}", row.unit) } else { format!("{} {}", row.qty, row.unit) },
        manufactured: row.mfg_date.as_deref().map(|d| display_date(d, language)),
        expiry: row.expiry_date.as_deref().map(|d| display_date(d, language)),
        serial: serial.map(str::to_owned),
        gs1_human: gs1.element_string(),
        gs1_barcode_data: gs1.barcode_data(),
        digital_link: gs1.digital_link(),
        language: language.as_str().to_owned(),
    }
}

pub async fn lot_labels(ctx: &Ctx, input: LotLabelsInput) -> Result<PdfFile, ApiError> {
    let actor = ctx.allowed(Permission::ViewData)?;
    if input.lot_codes.is_empty() {
        return Err(ApiError::field(FieldError::new("lot_codes", "error.field.required")));
    }
    if input.lot_codes.len() > MAX_LOT_LABELS {
        return Err(ApiError::field(
            FieldError::new("lot_codes", "error.lot.too_many_labels").with("max", MAX_LOT_LABELS),
        ));
    }
    let serials: Vec<&str> = input.serials.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
    if !serials.is_empty() && input.lot_codes.len() != 1 {
        return Err(ApiError::field(FieldError::new("serials", "error.lot.serials_one_lot")));
    }
    if serials.len() > MAX_LOT_LABELS {
        return Err(ApiError::field(
            FieldError::new("serials", "error.lot.too_many_labels").with("max", MAX_LOT_LABELS),
        ));
    }
    let mut conn = ctx.read().await?;
    let language = reader_language(&mut conn, &actor, input.language).await?;
    let mut labels = Vec::with_capacity(input.lot_codes.len().max(serials.len()));
    for (i, code) in input.lot_codes.iter().enumerate() {
        let field = format!("lot_codes[{i}]");
        let code = normalise_lot_code(code);
        let Some(row) = q::lot_row(&mut conn, &code).await? else {
            return Err(ApiError::field(FieldError::new(field, "error.lot.unknown_lot").with("value", &code)));
        };
        let Some(gs1) = gs1_of(&row) else {
            return Err(ApiError::field(FieldError::new(field, "error.lot.no_gtin").with("sku", &row.sku)));
        };
        if !serials.is_empty() {
            let held = sq::in_lot(&mut conn, &code, &serials).await?;
            for (j, serial) in serials.iter().enumerate() {
                if !held.contains(*serial) {
                    let error = FieldError::new(format!("serials[{j}]"), "error.lot.serial_not_in_lot");
                    return Err(ApiError::field(error.with("serial", serial).with("lot", &code)));
                }
                let Ok(unit) = gs1.clone().with_serial(serial) else {
                    let error = FieldError::new(format!("serials[{j}]"), "error.lot.serial_char");
                    return Err(ApiError::field(error.with("char", "").with("position", "")));
                };
                labels.push(label_of(&row, &unit, Some(serial), language));
            }
            continue;
        }
        labels.push(label_of(&row, &gs1, None, language));
    }
    let size = match input.size.unwrap_or_default() {
        LabelSize::FourBySix => lotline_documents::LabelSize::FourBySix,
        LabelSize::A6 => lotline_documents::LabelSize::A6,
    };
    let bytes = lotline_documents::lot_labels(&labels, size).map_err(document_error)?;
    let name = match labels.as_slice() {
        [one] => format!(
            "lot-label-{}{}.pdf",
            one.lot_code,
            one.serial.as_deref().map(|s| format!("-{s}")).unwrap_or_default()
        ),
        many => format!("lot-labels-{}.pdf", many.len()),
    };
    Ok(PdfFile::new(name, &bytes))
}
