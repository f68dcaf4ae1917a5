//! The packing slip that goes in the box of a reshipment: what is in it, which order and QC
//! failures it answers, where it goes, and the reshipment number as a barcode so the warehouse
//! can scan the box into the app.

mod draw;

use crate::error::DocumentError;

/// Everything a packing slip shows, already in the words the reader should see (names, not
/// codes), except the fixed labels, which come from the document catalogue in `language`.
#[derive(Clone, Debug, Default)]
pub struct PackingSlip {
    /// "en", "zh-CN" or "nl"; anything else prints in English.
    pub language: String,
    pub company_name: String,
    pub reshipment_no: String,
    pub order_no: String,
    pub customer_name: Option<String>,
    pub failure_nos: Vec<String>,
    /// YYYY-MM-DD.
    pub created_on: String,
    pub ship_date: Option<String>,
    pub carrier: String,
    pub service: String,
    pub tracking_no: Option<String>,
    pub ship_to: SlipAddress,
    pub reason: String,
    pub items: Vec<SlipItem>,
}

#[derive(Clone, Debug, Default)]
pub struct SlipAddress {
    pub name: String,
    /// Lines separated by newlines.
    pub address: String,
    pub country: String,
}

#[derive(Clone, Debug, Default)]
pub struct SlipItem {
    pub line_no: i64,
    pub sku: String,
    pub name: String,
    pub lot_code: Option<String>,
    pub serials: Vec<String>,
    pub qty: i64,
}

/// The packing slip as a PDF (A4, as many pages as the items need).
pub fn packing_slip(slip: &PackingSlip) -> Result<Vec<u8>, DocumentError> {
    check(slip)?;
    draw::render(slip)
}

fn check(slip: &PackingSlip) -> Result<(), DocumentError> {
    for (field, value) in
        [("reshipment_no", &slip.reshipment_no), ("order_no", &slip.order_no), ("ship_to.name", &slip.ship_to.name)]
    {
        if value.trim().is_empty() {
            return Err(DocumentError::missing(field));
        }
    }
    if slip.items.is_empty() {
        return Err(DocumentError::missing("items"));
    }
    if let Some((index, item)) = slip.items.iter().enumerate().find(|(_, item)| item.qty <= 0) {
        return Err(DocumentError::invalid(
            format!("items[{index}].qty"),
            format!("{} is not a positive quantity", item.qty),
        ));
    }
    crate::barcode::Code128::new(slip.reshipment_no.trim())
        .map_err(|source| DocumentError::Barcode { field: "reshipment_no".into(), source })?;
    Ok(())
}

#[cfg(test)]
mod tests;
