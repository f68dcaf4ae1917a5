//! Returned goods of a held or recalled lot do not go back on the shelf: the hold that stops the
//! lot shipping stops its returns becoming sellable stock again. They may still be written off,
//! recycled or set aside for the vendor.

use std::collections::HashMap;

use super::rma::{LineDisposition, Rma};
use crate::error::{ApiError, FieldError, Violations};
use crate::lots::{ActiveHold, normalise_lot_code};

/// Refuses each disposition that would put units of a held lot back in stock, naming the hold.
/// `holds` are the holds in force by (normalised) lot code.
pub fn check_restock_lots(
    rma: &Rma,
    dispositions: &[LineDisposition],
    holds: &HashMap<String, Vec<ActiveHold>>,
) -> Result<(), ApiError> {
    let mut v = Violations::default();
    for (i, d) in dispositions.iter().enumerate() {
        let Some(line) = rma.opening.lines.get(d.line_index) else { continue };
        let Some(lot) = line.lot_code.as_deref().map(normalise_lot_code) else { continue };
        let Some(hold) = holds.get(&lot).and_then(|h| h.first()) else { continue };
        if d.disposition.returns_to_stock() {
            v.push(
                FieldError::new(format!("dispositions[{i}].disposition"), "error.rma.lot_on_hold")
                    .with("lot", &lot)
                    .with("reason", &hold.reason)
                    .with("source", hold.source.as_deref().unwrap_or_default()),
            );
        }
    }
    v.into_result()
}
