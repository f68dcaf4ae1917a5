//! The global search box: typed text or a barcode scan, answered with what it names.

use lotline_domain::ApiError;
use lotline_domain::gs1::{Gs1Data, Gs1Label};
use lotline_domain::people::Permission;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use lotline_store::queries::search::{self as q, SearchHits, SearchTerms};
pub use lotline_store::queries::search::{SearchHit, SearchKind};

use crate::context::Ctx;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SearchInput {
    pub text: String,
}

/// Strips what scanners add around the data: AIM symbology prefixes (`]C1`, `]d2`, `]Q3`),
/// control characters, and surrounding whitespace.
pub fn clean_scan(text: &str) -> String {
    let trimmed = text.trim();
    let without_aim = if trimmed.starts_with(']') && trimmed.len() >= 3 { &trimmed[3..] } else { trimmed };
    without_aim.chars().filter(|c| !c.is_control()).collect::<String>().trim().to_owned()
}

/// The GTIN in a GS1 element string that starts with AI (01), with or without parentheses.
pub fn gtin_in_scan(text: &str) -> Option<String> {
    let digits = text.strip_prefix("(01)").or_else(|| text.strip_prefix("01"))?;
    let gtin: String = digits.chars().take(14).collect();
    (gtin.len() == 14 && gtin.chars().all(|c| c.is_ascii_digit())).then_some(gtin)
}

pub async fn search(ctx: &Ctx, input: SearchInput) -> Result<Vec<SearchHit>, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    let mut v = lotline_domain::Violations::default();
    v.max_len("text", input.text.trim(), lotline_domain::limits::SEARCH);
    v.into_result()?;
    if let Some(hits) = gs1_lot(ctx, &input.text).await? {
        return Ok(hits);
    }
    let text = clean_scan(&input.text);
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let gtin = gtin_in_scan(&text).unwrap_or_default();
    let tracking = lotline_domain::reshipment::normalise_tracking(&text);
    let mut conn = ctx.read().await?;
    let SearchHits { mut exact, partial } =
        q::search(&mut conn, &SearchTerms { text: &text, gtin: &gtin, tracking: &tracking }).await?;
    // A number the team gave another (a record numbered before its desk joined) still finds it.
    if let Some(alias) = lotline_store::current_number(&mut conn, &text).await? {
        exact.extend(q::numbered(&mut conn, &alias).await?);
    }
    exact.extend(q::lots_of_serial(&mut conn, &text).await?);
    // A scan names one thing: when something matches exactly, only exact matches are shown.
    Ok(if exact.is_empty() { partial } else { exact })
}

/// A scanned lot label (its GS1-128 barcode or its Digital Link QR code) opens the lot: the
/// lot code with the product's GTIN, so the same lot code of another product is not confused.
/// A supplier's case or pallet label (SSCC, (02) contents, count, weight, order number) is read
/// whole, and its (02) GTIN with its lot opens the lot just the same.
async fn gs1_lot(ctx: &Ctx, text: &str) -> Result<Option<Vec<SearchHit>>, ApiError> {
    let (gtin, lot, serial) = match Gs1Data::parse(text.trim()) {
        Ok(data) => (data.gtin().to_owned(), data.lot().map(str::to_owned), data.serial().map(str::to_owned)),
        Err(_) => match Gs1Label::parse(text.trim()) {
            Ok(label) => match label.gtin() {
                Some(gtin) => (gtin.to_owned(), label.lot().map(str::to_owned), label.serial().map(str::to_owned)),
                None => return Ok(None),
            },
            Err(_) => return Ok(None),
        },
    };
    let mut conn = ctx.read().await?;
    // A unit's label carries its serial: the serial of that product names the lot exactly.
    if let Some(serial) = &serial {
        let hits = q::lots_of_product_serial(&mut conn, serial, &gtin).await?;
        if !hits.is_empty() {
            return Ok(Some(hits));
        }
    }
    let Some(lot) = lot else { return Ok(None) };
    let lot = lotline_domain::lots::normalise_lot_code(&lot);
    let hits = q::lots_of_product(&mut conn, &lot, &gtin).await?;
    Ok((!hits.is_empty()).then_some(hits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scanner_noise_is_removed() {
        assert_eq!(clean_scan("]C1QF-AMS1-000001\r\n"), "QF-AMS1-000001");
        assert_eq!(clean_scan("  LOT-7 "), "LOT-7");
    }

    #[test]
    fn gtin_is_read_from_gs1_strings() {
        assert_eq!(gtin_in_scan("0104006381333931").as_deref(), Some("04006381333931"));
        assert_eq!(gtin_in_scan("(01)04006381333931(10)LOT1").as_deref(), Some("04006381333931"));
        assert_eq!(gtin_in_scan("QF-1"), None);
    }
}
