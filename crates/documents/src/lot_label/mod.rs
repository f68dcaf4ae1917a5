//! Lot labels: what goes on a received or produced lot (a carton, a pallet, a bin) so that
//! anyone can tell what it is, and any scanner can read it. The GS1 data (GTIN, expiry, lot,
//! serial) is printed three ways: as GS1-128 bars for warehouse scanners, as the bracketed
//! element string under them for people, and as a GS1 Digital Link URI in a QR code for phones.
//!
//! This crate does not know GS1's rules: the caller builds the element string, barcode data and
//! Digital Link (lotline-domain's `gs1` module does) and this module lays them out. It does
//! check that the printed text and the bars say the same thing, because a label whose text and
//! barcode disagree is worse than no label.

mod draw;
mod elements;

use crate::barcode::{BarcodeError, Code128};
use crate::error::DocumentError;
use crate::qr::Qr;
use crate::rma_label::LabelSize;

/// One lot label, in the words the reader should see, except the fixed labels ("Lot",
/// "Expiry", …), which come from the document catalogue in `language`.
#[derive(Clone, Debug, Default)]
pub struct LotLabel {
    /// The product as people know it, in any script ("无线充电器 15W").
    pub product_name: String,
    pub sku: String,
    /// Our lot number, printed large: what people look for on a shelf.
    pub lot_code: String,
    /// The supplier's own lot number, when it differs from ours.
    pub supplier_lot: Option<String>,
    pub vendor_name: String,
    /// The quantity with its unit, as it should read ("240 pcs").
    pub quantity_text: String,
    /// Dates as the reader writes them; the GS1 data carries the machine-readable ones.
    pub manufactured: Option<String>,
    pub expiry: Option<String>,
    pub serial: Option<String>,
    /// The bracketed element string, e.g. `(01)09506000134352(17)201225(10)ABC123`.
    pub gs1_human: String,
    /// The same data as a barcode carries it: AIs and data, with GS (`\x1d`) standing for the FNC1
    /// after each variable-length field that another field follows, and no leading FNC1.
    pub gs1_barcode_data: String,
    /// The GS1 Digital Link URI for the QR code.
    pub digital_link: String,
    /// "en", "zh-CN" or "nl"; anything else prints in English.
    pub language: String,
}

/// The labels as one PDF, a page of `size` per label, in the order given.
pub fn lot_labels(labels: &[LotLabel], size: LabelSize) -> Result<Vec<u8>, DocumentError> {
    let symbols = check(labels, size)?;
    draw::render(labels, &symbols, size)
}

/// One GS1-128 symbol of a label, with the module width it fits the label at and its part of
/// the element string, printed under it.
struct Row {
    bars: Code128,
    module_mm: f32,
    text: String,
}

/// A label's symbols, encoded: one GS1-128 symbol when the data fits the label's width at a
/// comfortable module width, else the fields split over up to [`draw::MAX_ROWS`] symbols, as
/// GS1 logistic labels do; and the QR code.
struct Symbols {
    rows: Vec<Row>,
    qr: Qr,
}

/// Checks every label before anything is drawn, so a batch is all or nothing, and encodes the
/// symbols on the way (encoding is the check).
fn check(labels: &[LotLabel], size: LabelSize) -> Result<Vec<Symbols>, DocumentError> {
    if labels.is_empty() {
        return Err(DocumentError::missing("labels"));
    }
    labels.iter().enumerate().map(|(index, label)| check_one(label, size, &format!("labels[{index}]"))).collect()
}

fn check_one(label: &LotLabel, size: LabelSize, at: &str) -> Result<Symbols, DocumentError> {
    for (field, value) in [
        ("product_name", &label.product_name),
        ("sku", &label.sku),
        ("lot_code", &label.lot_code),
        ("quantity_text", &label.quantity_text),
        ("gs1_human", &label.gs1_human),
        ("gs1_barcode_data", &label.gs1_barcode_data),
        ("digital_link", &label.digital_link),
    ] {
        if value.trim().is_empty() {
            return Err(DocumentError::missing(format!("{at}.{field}")));
        }
    }
    let data_field = format!("{at}.gs1_barcode_data");
    let barcode_error = |field: &str, source: BarcodeError| DocumentError::Barcode { field: field.to_string(), source };
    let fields = elements::fields(&label.gs1_barcode_data, label.gs1_human.trim()).map_err(|error| match error {
        elements::Error::Barcode(source) => barcode_error(&data_field, source),
        elements::Error::Data(reason) => DocumentError::invalid(&data_field, reason),
        elements::Error::Human(reason) => DocumentError::invalid(format!("{at}.gs1_human"), reason),
    })?;
    let rows = elements::rows(&fields, size).map_err(|source| barcode_error(&data_field, source))?;
    if rows.len() > draw::MAX_ROWS {
        return Err(DocumentError::invalid(
            data_field,
            format!(
                "its {} fields need {} barcodes; a label has room for {}",
                fields.len(),
                rows.len(),
                draw::MAX_ROWS
            ),
        ));
    }
    let qr =
        Qr::new(label.digital_link.trim()).map_err(|source| barcode_error(&format!("{at}.digital_link"), source))?;
    Ok(Symbols { rows, qr })
}

#[cfg(test)]
mod tests;
