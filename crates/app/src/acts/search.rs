//! The global search box: typed text or a barcode scan, answered with what it names.

use lotline_domain::ApiError;
use lotline_domain::gs1::{Gs1Data, Gs1Label};
use lotline_domain::people::Permission;
use serde::{Deserialize, Serialize};
use sqlx::Row;
use ts_rs::TS;

use crate::context::{Ctx, sql_error, store_error};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SearchInput {
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SearchKind {
    Failure,
    Product,
    Lot,
    Order,
    Vendor,
    Customer,
    Rma,
    Reshipment,
    Recall,
    Scar,
    WorkOrder,
    Complaint,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SearchHit {
    pub kind: SearchKind,
    pub key: String,
    pub label: String,
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

/// Each kind's rows as (key, label, exact): an exact match is the record's number itself, a
/// product's scanned GTIN, or a parcel's tracking number; a scan names one thing.
const QUERIES: &[(SearchKind, &str)] = &[
    (
        SearchKind::Failure,
        "SELECT failure_no, failure_no || ' · ' || sku || ' · ' || vendor_code, failure_no = ?1 COLLATE NOCASE \
         FROM failures WHERE failure_no = ?1 COLLATE NOCASE OR failure_no LIKE ?2 ESCAPE '\\' ORDER BY seq_no DESC LIMIT 8",
    ),
    (
        SearchKind::Product,
        "SELECT sku, sku || ' · ' || name, sku = ?1 COLLATE NOCASE OR ?3 <> '' FROM products \
         WHERE sku = ?1 COLLATE NOCASE OR gtin = ?1 OR (?3 <> '' AND ltrim(gtin, '0') = ltrim(?3, '0')) \
         OR sku LIKE ?2 ESCAPE '\\' OR name LIKE ?2 ESCAPE '\\' ORDER BY sku LIMIT 8",
    ),
    (
        SearchKind::Lot,
        "SELECT lot_code, lot_code || ' · ' || sku, lot_code = ?1 COLLATE NOCASE FROM lots \
         WHERE lot_code = ?1 COLLATE NOCASE OR lot_code LIKE ?2 ESCAPE '\\' ORDER BY lot_code LIMIT 8",
    ),
    (
        SearchKind::Order,
        "SELECT order_no, order_no || ' · ' || customer_code, order_no = ?1 COLLATE NOCASE FROM orders \
         WHERE order_no = ?1 COLLATE NOCASE OR order_no LIKE ?2 ESCAPE '\\' ORDER BY order_no LIMIT 8",
    ),
    (
        SearchKind::Vendor,
        "SELECT code, code || ' · ' || name, code = ?1 COLLATE NOCASE FROM vendors \
         WHERE code = ?1 COLLATE NOCASE OR code LIKE ?2 ESCAPE '\\' OR name LIKE ?2 ESCAPE '\\' ORDER BY code LIMIT 8",
    ),
    (
        SearchKind::Customer,
        "SELECT code, code || ' · ' || name, code = ?1 COLLATE NOCASE FROM customers \
         WHERE code = ?1 COLLATE NOCASE OR code LIKE ?2 ESCAPE '\\' OR name LIKE ?2 ESCAPE '\\' ORDER BY code LIMIT 8",
    ),
    // The returns desk scans the parcel: the RMA number on its label, or the carrier's tracking
    // number (compared as the domain keeps it: no spaces, upper case).
    (
        SearchKind::Rma,
        "SELECT rma_no, rma_no || ' · ' || customer_code || COALESCE(' · ' || tracking_no, ''), \
         rma_no = ?1 COLLATE NOCASE OR (?4 <> '' AND tracking_no = ?4) FROM rmas \
         WHERE rma_no = ?1 COLLATE NOCASE OR rma_no LIKE ?2 ESCAPE '\\' OR (?4 <> '' AND tracking_no = ?4) \
         ORDER BY seq_no DESC LIMIT 8",
    ),
    (
        SearchKind::Reshipment,
        "SELECT reshipment_no, reshipment_no || ' · ' || order_no || COALESCE(' · ' || tracking_no, ''), \
         reshipment_no = ?1 COLLATE NOCASE OR (?4 <> '' AND tracking_no = ?4) FROM reshipments \
         WHERE reshipment_no = ?1 COLLATE NOCASE OR reshipment_no LIKE ?2 ESCAPE '\\' OR (?4 <> '' AND tracking_no = ?4) \
         ORDER BY seq_no DESC LIMIT 8",
    ),
    (
        SearchKind::Recall,
        "SELECT recall_no, recall_no || ' · ' || lot_codes, recall_no = ?1 COLLATE NOCASE FROM recalls \
         WHERE recall_no = ?1 COLLATE NOCASE OR recall_no LIKE ?2 ESCAPE '\\' ORDER BY seq_no DESC LIMIT 8",
    ),
    (
        SearchKind::Scar,
        "SELECT scar_no, scar_no || ' · ' || vendor_code || COALESCE(' · ' || failure_no, ''), \
         scar_no = ?1 COLLATE NOCASE FROM scars \
         WHERE scar_no = ?1 COLLATE NOCASE OR scar_no LIKE ?2 ESCAPE '\\' ORDER BY seq_no DESC LIMIT 8",
    ),
    (
        SearchKind::WorkOrder,
        "SELECT work_order_no, work_order_no || ' · ' || sku || ' · ' || output_lot_code, \
         work_order_no = ?1 COLLATE NOCASE FROM work_orders \
         WHERE work_order_no = ?1 COLLATE NOCASE OR work_order_no LIKE ?2 ESCAPE '\\' ORDER BY seq_no DESC LIMIT 8",
    ),
    (
        SearchKind::Complaint,
        "SELECT complaint_no, complaint_no || COALESCE(' · ' || customer_code, '') || COALESCE(' · ' || lot_code, ''), \
         complaint_no = ?1 COLLATE NOCASE FROM complaints \
         WHERE complaint_no = ?1 COLLATE NOCASE OR complaint_no LIKE ?2 ESCAPE '\\' ORDER BY seq_no DESC LIMIT 8",
    ),
];

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
    let pattern = format!("%{}%", text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
    let mut conn = ctx.read().await?;
    let mut exact = Vec::new();
    let mut partial = Vec::new();
    for (kind, sql) in QUERIES {
        let rows = sqlx::query(*sql)
            .bind(&text)
            .bind(&pattern)
            .bind(&gtin)
            .bind(&tracking)
            .fetch_all(&mut *conn)
            .await
            .map_err(sql_error)?;
        for row in rows {
            let hit = SearchHit { kind: *kind, key: row.get(0), label: row.get(1) };
            if row.get::<bool, _>(2) {
                exact.push(hit);
            } else {
                partial.push(hit);
            }
        }
    }
    // A number the team gave another (a record numbered before its desk joined) still finds it.
    if let Some(alias) = lotline_store::current_number(&mut conn, &text).await.map_err(store_error)? {
        for (kind, sql) in QUERIES {
            let rows = sqlx::query(*sql)
                .bind(&alias)
                .bind(&alias)
                .bind("")
                .bind("")
                .fetch_all(&mut *conn)
                .await
                .map_err(sql_error)?;
            exact.extend(
                rows.iter()
                    .map(|row| SearchHit { kind: *kind, key: row.get(0), label: row.get(1) })
                    .filter(|hit| hit.key == alias),
            );
        }
    }
    let serials = sqlx::query(SERIAL).bind(&text).fetch_all(&mut *conn).await.map_err(sql_error)?;
    exact.extend(serials.iter().map(lot_hit));
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
    // A unit's label carries its serial: the serial of that product names the lot exactly.
    if let Some(serial) = &serial {
        let rows = sqlx::query(SERIAL_OF_PRODUCT)
            .bind(serial)
            .bind(&gtin)
            .fetch_all(&mut *ctx.read().await?)
            .await
            .map_err(sql_error)?;
        if !rows.is_empty() {
            return Ok(Some(rows.iter().map(lot_hit).collect()));
        }
    }
    let Some(lot) = lot else { return Ok(None) };
    let lot = lotline_domain::lots::normalise_lot_code(&lot);
    let rows = sqlx::query(
        "SELECT l.lot_code, l.lot_code || ' · ' || l.sku FROM lots l JOIN products p ON p.sku = l.sku \
         WHERE l.lot_code = ?1 AND ltrim(p.gtin, '0') = ltrim(?2, '0')",
    )
    .bind(&lot)
    .bind(&gtin)
    .fetch_all(&mut *ctx.read().await?)
    .await
    .map_err(sql_error)?;
    let hits: Vec<SearchHit> = rows.iter().map(lot_hit).collect();
    Ok((!hits.is_empty()).then_some(hits))
}

fn lot_hit(row: &sqlx::sqlite::SqliteRow) -> SearchHit {
    SearchHit { kind: SearchKind::Lot, key: row.get(0), label: row.get(1) }
}

const SERIAL_OF_PRODUCT: &str = "SELECT l.lot_code, s.serial || ' · ' || l.lot_code || ' · ' || s.sku FROM lot_serials s \
     JOIN lots l ON l.lot_id = s.lot_id JOIN products p ON p.sku = s.sku WHERE s.serial = ?1 AND ltrim(p.gtin, '0') = ltrim(?2, '0')";

/// A serial typed or scanned on its own: exact, as serials are.
const SERIAL: &str = "SELECT l.lot_code, s.serial || ' · ' || l.lot_code || ' · ' || s.sku FROM lot_serials s \
     JOIN lots l ON l.lot_id = s.lot_id WHERE s.serial = ?1 ORDER BY l.lot_code LIMIT 8";

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
