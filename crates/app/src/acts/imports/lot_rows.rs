//! Lots, lot links, shipments and serials from CSV files: each row parsed, then checked in file order with
//! the same `LotChecks` a form uses, so a link may use a lot received earlier in the database and
//! no two rows spend the same stock. One bad row refuses the file; every bad row is reported.

use chrono::NaiveDate;
use lotline_domain::error::FieldError;
use lotline_domain::lots::{LinkKind, LotLink, LotReceipt, LotShipment, SerialRecord};
use lotline_domain::{ApiError, Event};
use lotline_store::queries::lots::KeyColumn;

use super::Entity;
use super::master_rows::batches;
use super::progress::Ticker;
use super::rows::{Row, Table, duplicates};
use crate::acts::lots::{LotChecks, check_serials, refuse_cycles};
use crate::context::Ctx;

/// Where goods go when the file does not say.
const DEFAULT_LOCATION: &str = "MAIN";

fn date(row: &mut Row<'_>, column: &str) -> Option<NaiveDate> {
    let text = row.cell(column);
    if text.is_empty() {
        return None;
    }
    match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(day) => Some(day),
        Err(_) => {
            row.fail(column, "error.field.bad_date", text);
            None
        }
    }
}

fn placed(errors: Vec<FieldError>, line: u64) -> impl Iterator<Item = FieldError> {
    errors.into_iter().map(move |e| e.at_row(line))
}

/// The import events for a lot file, or every error in it.
pub(super) async fn lot_events(
    ctx: &Ctx,
    tx: &mut lotline_store::WriteTx,
    entity: Entity,
    table: &Table,
    errors: &mut Vec<FieldError>,
    ticker: &Ticker<'_>,
) -> Result<(Vec<Event>, i64), ApiError> {
    let today = ctx.today().await?;
    match entity {
        Entity::Lots => {
            let rows = receipt_rows(table, errors, ticker);
            duplicates(rows.iter().enumerate().map(|(i, r)| (table.line(i), r.lot_code.as_str())), "lot_code", errors);
            let codes: Vec<&str> = rows.iter().map(|r| r.lot_code.as_str()).collect();
            ticker.check()?;
            let mut checks = LotChecks::load(tx, &codes, &[KeyColumn::Sku, KeyColumn::Vendor], &[], today).await?;
            for (i, receipt) in rows.iter().enumerate() {
                errors.extend(placed(checks.receipt(receipt), table.line(i)));
            }
            let count = rows.len() as i64;
            Ok((batches(rows, |id, rows| Event::LotsReceived { batch_id: Some(id), rows }), count))
        }
        Entity::LotLinks => {
            let rows = link_rows(table, errors, ticker);
            let codes: Vec<&str> = rows.iter().flat_map(|l| [l.from_lot.as_str(), l.to_lot.as_str()]).collect();
            ticker.check()?;
            let mut checks = LotChecks::load(tx, &codes, &[], &[], today).await?;
            for (i, link) in rows.iter().enumerate() {
                errors.extend(placed(checks.link(link), table.line(i)));
            }
            if errors.is_empty() {
                let index = ctx.store.lot_index().await?;
                let placed: Vec<(u64, &LotLink)> = rows.iter().enumerate().map(|(i, l)| (table.line(i), l)).collect();
                if let Err(error) = refuse_cycles(&index, &placed) {
                    errors.extend(error.fields);
                }
            }
            let count = rows.len() as i64;
            Ok((batches(rows, |id, rows| Event::LotsLinked { batch_id: Some(id), rows }), count))
        }
        Entity::Shipments => {
            let rows = shipment_rows(table, errors, ticker);
            let codes: Vec<&str> = rows.iter().map(|s| s.lot_code.as_str()).collect();
            let orders: Vec<&str> = rows.iter().map(|s| s.order_no.as_str()).collect();
            ticker.check()?;
            let checks = LotChecks::load(tx, &codes, &[KeyColumn::Customer], &orders, today).await?;
            let mut checks = checks.with_serials(tx, &rows).await?;
            for (i, shipment) in rows.iter().enumerate() {
                errors.extend(placed(checks.shipment(shipment), table.line(i)));
            }
            let count = rows.len() as i64;
            Ok((batches(rows, |id, rows| Event::LotsShipped { batch_id: Some(id), rows }), count))
        }
        Entity::Serials => {
            let rows: Vec<SerialRecord> = table
                .records
                .iter()
                .enumerate()
                .map(|(i, cells)| {
                    ticker.row();
                    let row = Row::new(table.line(i), cells, &table.columns, errors);
                    SerialRecord { lot_code: row.text("lot_code"), serial: row.text("serial") }.normalised()
                })
                .collect();
            ticker.check()?;
            for (i, error) in check_serials(tx, &rows).await? {
                errors.push(error.at_row(table.line(i)));
            }
            let count = rows.len() as i64;
            Ok((batches(rows, |id, rows| Event::SerialsRecorded { batch_id: Some(id), rows }), count))
        }
        _ => Err(ApiError::internal("not a lot file")),
    }
}

fn receipt_rows(table: &Table, errors: &mut Vec<FieldError>, ticker: &Ticker<'_>) -> Vec<LotReceipt> {
    let mut rows = Vec::with_capacity(table.records.len());
    for (i, cells) in table.records.iter().enumerate() {
        ticker.row();
        let mut row = Row::new(table.line(i), cells, &table.columns, errors);
        let receipt = LotReceipt {
            lot_code: row.text("lot_code"),
            sku: row.text("sku"),
            vendor_code: row.text("vendor_code"),
            supplier_lot: row.optional("supplier_lot"),
            qty: row.int("qty"),
            unit: row.optional("unit").unwrap_or_else(|| "pcs".into()),
            mfg_date: date(&mut row, "mfg_date"),
            expiry_date: date(&mut row, "expiry_date"),
            location: row.optional("location").unwrap_or_else(|| DEFAULT_LOCATION.into()),
            promised_on: date(&mut row, "promised_on"),
        }
        .normalised();
        rows.push(receipt);
    }
    rows
}

fn link_rows(table: &Table, errors: &mut Vec<FieldError>, ticker: &Ticker<'_>) -> Vec<LotLink> {
    let mut rows = Vec::with_capacity(table.records.len());
    for (i, cells) in table.records.iter().enumerate() {
        ticker.row();
        let mut row = Row::new(table.line(i), cells, &table.columns, errors);
        let kind_text = row.cell("kind");
        let kind = LinkKind::parse(kind_text).unwrap_or_else(|| {
            row.fail("kind", "error.lot.link_kind", kind_text);
            LinkKind::Split
        });
        rows.push(
            LotLink { from_lot: row.text("from_lot"), to_lot: row.text("to_lot"), qty: row.int("qty"), kind }
                .normalised(),
        );
    }
    rows
}

fn shipment_rows(table: &Table, errors: &mut Vec<FieldError>, ticker: &Ticker<'_>) -> Vec<LotShipment> {
    let mut rows = Vec::with_capacity(table.records.len());
    for (i, cells) in table.records.iter().enumerate() {
        ticker.row();
        let mut row = Row::new(table.line(i), cells, &table.columns, errors);
        rows.push(
            LotShipment {
                lot_code: row.text("lot_code"),
                order_no: row.text("order_no"),
                customer_code: row.text("customer_code"),
                qty: row.int("qty"),
                shipped_at: row.text("shipped_at"),
                // Optional: the units' serials, separated by spaces.
                serials: row
                    .optional("serials")
                    .map(|s| s.split_whitespace().map(str::to_owned).collect())
                    .unwrap_or_default(),
            }
            .normalised(),
        );
    }
    rows
}
