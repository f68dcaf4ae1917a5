//! Recording units' serial numbers in their lots, from a form or a file: each serial valid, once
//! per product, in a received lot of a serial-tracked product, and no more serials than units.

use std::collections::HashSet;

use lotline_domain::error::FieldError;
use lotline_domain::lots::{SerialRecord, check_serial_room, normalise_lot_code};
use lotline_domain::people::Permission;
use lotline_domain::{ApiError, Event};
use lotline_store::queries::serials as sq;
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;
use ts_rs::TS;

use super::{LotDetail, detail};
use crate::context::Ctx;

/// Refusals by row (its index in `rows`), each naming the column it is about.
pub(crate) async fn check_serials(
    conn: &mut SqliteConnection,
    rows: &[SerialRecord],
) -> Result<Vec<(usize, FieldError)>, ApiError> {
    let codes: Vec<&str> = rows.iter().map(|r| r.lot_code.as_str()).collect();
    let mut lots = sq::serial_lots(conn, &codes).await?;
    let pairs: Vec<(&str, &str)> =
        rows.iter().filter_map(|r| Some((lots.get(&r.lot_code)?.sku.as_str(), r.serial.as_str()))).collect();
    let taken = sq::recorded(conn, &pairs).await?;
    let mut seen: HashSet<(String, String)> = HashSet::new();
    let mut errors = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        if let Err(error) = r.validate() {
            errors.extend(error.fields.into_iter().map(|f| (i, f)));
            continue;
        }
        let Some(facts) = lots.get_mut(&r.lot_code) else {
            errors.push((i, FieldError::new("lot_code", "error.lot.unknown_lot").with("value", &r.lot_code)));
            continue;
        };
        let key = (facts.sku.clone(), r.serial.clone());
        if let Some(lot) = taken.get(&key) {
            errors.push((
                i,
                FieldError::new("serial", "error.lot.serial_taken").with("serial", &r.serial).with("lot", lot),
            ));
        } else if !seen.insert(key) {
            errors.push((i, FieldError::new("serial", "error.lot.serial_twice").with("serial", &r.serial)));
        } else if let Err(error) = check_serial_room(&facts.lot, &r.lot_code, &facts.sku) {
            errors.push((i, error));
        } else {
            facts.lot.serials += 1;
        }
    }
    Ok(errors)
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecordSerialsInput {
    pub lot_code: String,
    /// One serial per unit; blank entries are skipped.
    pub serials: Vec<String>,
}

/// Records serials of units in one lot (a scanner session or a typed list).
pub async fn record_serials(ctx: &Ctx, input: RecordSerialsInput) -> Result<LotDetail, ApiError> {
    ctx.allowed(Permission::RecordLots)?;
    let code = normalise_lot_code(&input.lot_code);
    let rows: Vec<SerialRecord> = input
        .serials
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| SerialRecord { lot_code: code.clone(), serial: s.clone() }.normalised())
        .collect();
    if rows.is_empty() {
        return Err(ApiError::field(FieldError::new("serials", "error.field.required")));
    }
    let mut tx = ctx.begin().await?;
    let errors = check_serials(&mut tx, &rows).await?;
    if !errors.is_empty() {
        // The form's list: an error about the lot is the lot field's (once), the rest name the
        // entry, in the order entered.
        let mut fields: Vec<FieldError> = Vec::new();
        for (i, mut error) in errors {
            error.field = if error.field == "lot_code" { "lot_code".into() } else { format!("serials[{i}]") };
            if !fields.iter().any(|f| f.field == error.field) {
                fields.push(error);
            }
        }
        return Err(ApiError::invalid_fields(fields));
    }
    ctx.commit(tx, vec![Event::SerialsRecorded { batch_id: None, rows }]).await?;
    detail(ctx, &code).await
}
