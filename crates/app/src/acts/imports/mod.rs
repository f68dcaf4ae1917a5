//! CSV import of master data and failures. An import checks every row first and writes nothing
//! unless all rows are good, reporting each bad row with its line, column and reason.

mod encoding;
mod failure_rows;
mod lot_rows;
mod master_rows;
mod progress;
mod reshipment_rows;
mod rma_rows;
mod rows;

use lotline_domain::ApiError;
use lotline_domain::error::FieldError;
use lotline_domain::people::Permission;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::failure_known::Known;
use super::failures::decide_in;
use crate::context::{Ctx, sql_error};
pub use encoding::MAX_IMPORT_BYTES;
use failure_rows::failure_row;
use master_rows::master_rows;
use progress::Ticker;
pub use progress::{ImportControl, ImportProgress};
use rows::{Row, finish, read_csv};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Entity {
    Products,
    Vendors,
    Customers,
    Orders,
    Failures,
    Reshipments,
    Rmas,
    Lots,
    LotLinks,
    Shipments,
    Serials,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportInput {
    pub entity: Entity,
    /// The file as text, for callers that hold text already (scripts, tests).
    #[serde(default)]
    #[ts(optional = nullable)]
    pub csv: Option<String>,
    /// The file's bytes, base64: what the desktop and the CLI send, so that a file Excel saved
    /// in a Windows code page is decoded here, strictly, instead of with replacement characters.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub csv_base64: Option<String>,
    /// The file's encoding ("gbk", "windows-1252", "utf-8"), when detection is unsure.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub encoding: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportReport {
    pub entity: Entity,
    pub imported: i64,
}

impl Entity {
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Entity::Products => &[
                "sku",
                "gtin",
                "name",
                "category",
                "unit_cost_minor",
                "currency",
                "returnable",
                "lot_tracked",
                "serial_tracked",
                "has_expiry",
                "vendor_code",
                "reaction",
            ],
            Entity::Vendors => &["code", "name", "country", "contact_name", "email", "phone", "language"],
            Entity::Customers => &["code", "name", "email", "phone", "address", "country"],
            Entity::Orders => &[
                "order_no",
                "customer_code",
                "ordered_at",
                "currency",
                "line_no",
                "sku",
                "qty",
                "unit_price_minor",
                "channel",
            ],
            Entity::Reshipments => &[
                "ref",
                "failure_nos",
                "order_no",
                "line_no",
                "qty",
                "lot_code",
                "serials",
                "carrier",
                "service",
                "shipping_minor",
                "goods_minor",
                "currency",
                "payer",
                "vendor_code",
                "reason",
                "due_on",
            ],
            Entity::Rmas => &[
                "ref",
                "order_no",
                "line_no",
                "qty",
                "serials",
                "lot_code",
                "reason_code",
                "preferred_outcome",
                "delivered_on",
                "original_packaging",
                "unused",
                "tags_attached",
                "note",
                "channel",
            ],
            Entity::Lots => &[
                "lot_code",
                "sku",
                "vendor_code",
                "supplier_lot",
                "qty",
                "unit",
                "mfg_date",
                "expiry_date",
                "location",
                "promised_on",
            ],
            Entity::LotLinks => &["from_lot", "to_lot", "qty", "kind"],
            Entity::Shipments => &["lot_code", "order_no", "customer_code", "qty", "shipped_at"],
            Entity::Serials => &["lot_code", "serial"],
            Entity::Failures => &[
                "occurred_at",
                "sku",
                "vendor_code",
                "lot_code",
                "serials",
                "stage",
                "qty_inspected",
                "qty_failed",
                "category_code",
                "severity",
                "description",
                "disposition",
                "owner_team",
            ],
        }
    }

    /// Columns a file may leave out entirely.
    pub(crate) fn optional(self) -> &'static [&'static str] {
        match self {
            Entity::Products => &["gtin", "vendor_code", "reaction"],
            Entity::Vendors => &["contact_name", "email", "phone", "language"],
            Entity::Customers => &["email", "phone", "address"],
            Entity::Orders => &["channel"],
            Entity::Failures => &["occurred_at", "lot_code", "serials", "disposition"],
            Entity::Reshipments => &["lot_code", "serials", "vendor_code", "due_on"],
            Entity::Rmas => &[
                "serials",
                "lot_code",
                "delivered_on",
                "original_packaging",
                "unused",
                "tags_attached",
                "note",
                "channel",
            ],
            Entity::Lots => &["supplier_lot", "unit", "mfg_date", "expiry_date", "location", "promised_on"],
            Entity::Shipments => &["serials"],
            Entity::LotLinks | Entity::Serials => &[],
        }
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            Entity::Products => "products",
            Entity::Vendors => "vendors",
            Entity::Customers => "customers",
            Entity::Orders => "orders",
            Entity::Failures => "failures",
            Entity::Reshipments => "reshipments",
            Entity::Rmas => "rmas",
            Entity::Lots => "lots",
            Entity::LotLinks => "lot_links",
            Entity::Shipments => "shipments",
            Entity::Serials => "serials",
        }
    }
}

pub async fn import_csv(ctx: &Ctx, input: ImportInput) -> Result<ImportReport, ApiError> {
    import_csv_with(ctx, input, &ImportControl::default()).await
}

/// The import, telling `control` how far it got and stopping when it is cancelled: then the one
/// transaction is dropped and nothing is written.
pub async fn import_csv_with(ctx: &Ctx, input: ImportInput, control: &ImportControl) -> Result<ImportReport, ApiError> {
    ctx.allowed(match input.entity {
        Entity::Failures => Permission::LogFailure,
        Entity::Reshipments => Permission::RequestReshipment,
        Entity::Rmas => Permission::OpenRma,
        Entity::Lots | Entity::LotLinks | Entity::Shipments | Entity::Serials => Permission::RecordLots,
        _ => Permission::ImportData,
    })?;
    let text = encoding::file_text(input.csv, input.csv_base64.as_deref(), input.encoding.as_deref())?;
    let table = read_csv(input.entity, &text)?;
    let ticker = Ticker::new(control, table.records.len());
    let mut errors = Vec::new();
    let mut tx = ctx.begin().await?;
    let imported = match input.entity {
        Entity::Failures => {
            // Every row is decided by the form's rules before anything is written: the first
            // bad row refuses the file, and every bad row is reported. The good rows' events are
            // then appended in one go, so the store writes and indexes them in bulk.
            let (mut known, mut events, mut count) = (Known::default(), Vec::new(), 0);
            for (i, cells) in table.records.iter().enumerate() {
                let line = table.line(i);
                ticker.row_checked()?;
                let mut row = Row::new(line, cells, &table.columns, &mut errors);
                let Some(input) = failure_row(&mut row) else { continue };
                match decide_in(ctx, &mut tx, input, &mut known).await {
                    Ok((_, decided)) => {
                        events.extend(decided);
                        count += 1;
                    }
                    Err(err) if err.fields.is_empty() => errors.push(row_error("row", err, line)),
                    Err(err) => errors.extend(err.fields.into_iter().map(|f| f.at_row(line))),
                }
            }
            finish(errors)?;
            ticker.writing()?;
            lotline_store::append(&mut tx, &ctx.meta(), events).await?;
            count
        }
        Entity::Reshipments => {
            let mut gathered = Vec::new();
            for (i, cells) in table.records.iter().enumerate() {
                ticker.row();
                let mut row = Row::new(table.line(i), cells, &table.columns, &mut errors);
                reshipment_rows::gather(&mut row, &mut gathered);
            }
            ticker.check()?;
            // A reshipment's own errors are reported on the line of its first row.
            let mut count = 0;
            if errors.is_empty() {
                for g in &gathered {
                    ticker.check()?;
                    match super::reshipments::request_in(ctx, &mut tx, &g.input).await {
                        Ok(_) => count += 1,
                        Err(err) if err.fields.is_empty() => errors.push(row_error("ref", err, g.first_line)),
                        Err(err) => errors.extend(err.fields.into_iter().map(|f| f.at_row(g.first_line))),
                    }
                }
            }
            finish(errors)?;
            count
        }
        Entity::Rmas => {
            let mut gathered = Vec::new();
            for (i, cells) in table.records.iter().enumerate() {
                ticker.row();
                let mut row = Row::new(table.line(i), cells, &table.columns, &mut errors);
                rma_rows::gather(&mut row, &mut gathered);
            }
            ticker.check()?;
            // An RMA's own errors are reported on the line of its first row.
            let mut count = 0;
            if errors.is_empty() {
                for g in &gathered {
                    ticker.check()?;
                    match super::returns::open_in(ctx, &mut tx, &g.input).await {
                        Ok(_) => count += 1,
                        Err(err) if err.fields.is_empty() => errors.push(row_error("ref", err, g.first_line)),
                        Err(err) => errors.extend(err.fields.into_iter().map(|f| g.place(f))),
                    }
                }
            }
            finish(errors)?;
            count
        }
        Entity::Lots | Entity::LotLinks | Entity::Shipments | Entity::Serials => {
            let (events, count) =
                lot_rows::lot_events(ctx, &mut tx, input.entity, &table, &mut errors, &ticker).await?;
            finish(errors)?;
            ticker.writing()?;
            lotline_store::append(&mut tx, &ctx.meta(), events).await?;
            count
        }
        entity => {
            let rows = master_rows(&mut tx, entity, &table, &mut errors, &ticker).await?;
            finish(errors)?;
            ticker.writing()?;
            let count = rows.len() as i64;
            lotline_store::append(&mut tx, &ctx.meta(), rows.into_events()).await?;
            count
        }
    };
    // The last moment a cancel counts: after it, the import is the team's.
    ticker.writing()?;
    tx.commit().await.map_err(sql_error)?;
    Ok(ImportReport { entity: input.entity, imported })
}

/// An act's error about a whole record, placed on the file's line, keeping what it says.
fn row_error(column: &str, err: ApiError, line: u64) -> FieldError {
    FieldError { field: column.to_owned(), row: Some(line), message_key: err.message_key, params: err.params }
}
