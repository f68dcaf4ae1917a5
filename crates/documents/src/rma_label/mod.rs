//! Prepaid return labels: what a customer sticks on the parcel they send back, with the RMA
//! number as a Code 128 barcode (for the carrier's and our dock scanners) and as a QR code (for
//! phones). A batch of labels is one PDF with a page per label, so it prints in one go on a
//! label printer.

mod draw;

use crate::barcode::{BarcodeError, Code128};
use crate::error::DocumentError;
use crate::i18n::Labels;
use crate::qr::Qr;

/// The label stock the page is sized for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LabelSize {
    /// 4 × 6 inch (101.6 × 152.4 mm) portrait, the thermal label most carriers print.
    #[default]
    FourBySix,
    /// A6 (105 × 148 mm) portrait, a quarter of an A4 sheet of labels.
    A6,
}

impl LabelSize {
    /// Width and height in mm.
    fn page_mm(self) -> (f32, f32) {
        match self {
            Self::FourBySix => (101.6, 152.4),
            Self::A6 => (105.0, 148.0),
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct LabelAddress {
    pub name: String,
    /// Street, postcode and town, … as they go on the parcel, one per entry.
    pub lines: Vec<String>,
    pub country: String,
}

/// One return label, in the words the reader should see, except the fixed labels, which come
/// from the document catalogue in `language`.
#[derive(Clone, Debug, Default)]
pub struct RmaLabel {
    pub rma_no: String,
    /// The customer sending the parcel back.
    pub ship_from: LabelAddress,
    /// The returns centre.
    pub ship_to: LabelAddress,
    /// The carrier's display name ("PostNL").
    pub carrier: String,
    pub service: String,
    pub weight_grams: i64,
    /// What the return is for, e.g. the order numbers.
    pub reference: String,
    /// "en", "zh-CN" or "nl"; anything else prints in English.
    pub language: String,
}

/// The labels as one PDF, a page of `size` per label, in the order given.
pub fn rma_labels(labels: &[RmaLabel], size: LabelSize) -> Result<Vec<u8>, DocumentError> {
    let symbols = check(labels, size)?;
    draw::render(labels, &symbols, size)
}

/// A label's RMA number, encoded, with the module width its barcode fits the label at.
struct Symbols {
    bars: Code128,
    module_mm: f32,
    qr: Qr,
}

/// Checks every label before anything is drawn, so a batch is all or nothing, and encodes the
/// barcodes on the way (encoding is the check).
fn check(labels: &[RmaLabel], size: LabelSize) -> Result<Vec<Symbols>, DocumentError> {
    if labels.is_empty() {
        return Err(DocumentError::missing("labels"));
    }
    labels.iter().enumerate().map(|(index, label)| check_one(label, size, &format!("labels[{index}]"))).collect()
}

fn check_one(label: &RmaLabel, size: LabelSize, at: &str) -> Result<Symbols, DocumentError> {
    for (field, value) in
        [("rma_no", &label.rma_no), ("ship_from.name", &label.ship_from.name), ("ship_to.name", &label.ship_to.name)]
    {
        if value.trim().is_empty() {
            return Err(DocumentError::missing(format!("{at}.{field}")));
        }
    }
    if label.weight_grams <= 0 {
        return Err(DocumentError::invalid(
            format!("{at}.weight_grams"),
            format!("{} g is not a positive weight", label.weight_grams),
        ));
    }
    let barcode_error = |source: BarcodeError| DocumentError::Barcode { field: format!("{at}.rma_no"), source };
    let number = label.rma_no.trim();
    let bars = Code128::new(number).map_err(barcode_error)?;
    let module_mm = draw::barcode_module_mm(&bars, size).ok_or_else(|| {
        barcode_error(BarcodeError::TooLong { len: number.chars().count(), max: draw::max_barcode_chars(size) })
    })?;
    let qr = Qr::new(number).map_err(barcode_error)?;
    Ok(Symbols { bars, module_mm, qr })
}

/// `grams` in kilograms as people write weights on parcels: at least two decimals ("1.25 kg",
/// "2.00 kg"), a third only when the grams need it ("0.125 kg"), with the language's separator.
/// `grams` is positive ([`check`] makes sure).
fn format_kg(grams: i64, labels: &Labels) -> String {
    let (kg, rest) = (grams / 1000, grams % 1000);
    let decimals = if rest % 10 == 0 { format!("{:02}", rest / 10) } else { format!("{rest:03}") };
    format!("{kg}{}{decimals} kg", labels.decimal_separator())
}

#[cfg(test)]
mod tests;
