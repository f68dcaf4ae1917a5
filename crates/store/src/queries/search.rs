//! The global search box's queries: every human number Lotline prints, names, GTINs, tracking
//! numbers and serials. What the text *is* (a scan's noise, a GS1 string) is decided by the
//! caller; this module only finds the rows.

use serde::{Deserialize, Serialize};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection};
use ts_rs::TS;

use crate::StoreError;

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

/// What to look for: the cleaned text, the GTIN a GS1 scan carries (or empty), and the text as a
/// carrier's tracking number is kept (or empty).
#[derive(Debug, Clone, Default)]
pub struct SearchTerms<'a> {
    pub text: &'a str,
    pub gtin: &'a str,
    pub tracking: &'a str,
}

/// Hits split by how well they match: exact ones are the record's number itself, a product's
/// scanned GTIN, or a parcel's tracking number.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchHits {
    pub exact: Vec<SearchHit>,
    pub partial: Vec<SearchHit>,
}

/// Each kind's rows as (key, label, exact), at most 8 per kind. Binds: ?1 the text, ?2 its LIKE
/// pattern, ?3 the GTIN, ?4 the tracking number.
const QUERIES: &[(SearchKind, &str)] = &[
    (
        SearchKind::Failure,
        "SELECT failure_no, failure_no || ' · ' || sku || ' · ' || vendor_code, failure_no = ?1 COLLATE NOCASE \
         FROM failures WHERE failure_no = ?1 COLLATE NOCASE OR failure_no LIKE ?2 ESCAPE '\\' ORDER BY seq_no DESC LIMIT 8",
    ),
    (
        SearchKind::Product,
        "SELECT sku, sku || ' · ' || name, sku = ?1 COLLATE NOCASE OR gtin = ?1 OR ?3 <> '' FROM products \
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

/// A LIKE pattern that finds `text` anywhere, with LIKE's own wildcards taken literally.
pub fn contains_pattern(text: &str) -> String {
    format!("%{}%", text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"))
}

/// Every kind's hits for the terms, exact and partial apart.
pub async fn search(conn: &mut SqliteConnection, terms: &SearchTerms<'_>) -> Result<SearchHits, StoreError> {
    let pattern = contains_pattern(terms.text);
    let mut hits = SearchHits::default();
    for (kind, sql) in QUERIES {
        let rows = sqlx::query(*sql)
            .bind(terms.text)
            .bind(&pattern)
            .bind(terms.gtin)
            .bind(terms.tracking)
            .fetch_all(&mut *conn)
            .await?;
        for row in rows {
            let hit = SearchHit { kind: *kind, key: row.get(0), label: row.get(1) };
            if row.get::<bool, _>(2) { hits.exact.push(hit) } else { hits.partial.push(hit) }
        }
    }
    Ok(hits)
}

/// The records whose number is exactly `number`, of any kind (no pattern, GTIN or tracking).
pub async fn numbered(conn: &mut SqliteConnection, number: &str) -> Result<Vec<SearchHit>, StoreError> {
    let mut hits = Vec::new();
    for (kind, sql) in QUERIES {
        let rows = sqlx::query(*sql).bind(number).bind(number).bind("").bind("").fetch_all(&mut *conn).await?;
        hits.extend(
            rows.iter()
                .map(|row| SearchHit { kind: *kind, key: row.get(0), label: row.get(1) })
                .filter(|hit| hit.key == number),
        );
    }
    Ok(hits)
}

/// The lots holding a serial typed or scanned on its own: exact, as serials are.
pub async fn lots_of_serial(conn: &mut SqliteConnection, serial: &str) -> Result<Vec<SearchHit>, StoreError> {
    let rows = sqlx::query(
        "SELECT l.lot_code, s.serial || ' · ' || l.lot_code || ' · ' || s.sku FROM lot_serials s \
         JOIN lots l ON l.lot_id = s.lot_id WHERE s.serial = ?1 ORDER BY l.lot_code LIMIT 8",
    )
    .bind(serial)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(lot_hit).collect())
}

/// The lot holding a serial of the product with this GTIN (leading zeros aside): a unit's label.
pub async fn lots_of_product_serial(
    conn: &mut SqliteConnection,
    serial: &str,
    gtin: &str,
) -> Result<Vec<SearchHit>, StoreError> {
    let rows = sqlx::query(
        "SELECT l.lot_code, s.serial || ' · ' || l.lot_code || ' · ' || s.sku FROM lot_serials s \
         JOIN lots l ON l.lot_id = s.lot_id JOIN products p ON p.sku = s.sku \
         WHERE s.serial = ?1 AND ltrim(p.gtin, '0') = ltrim(?2, '0')",
    )
    .bind(serial)
    .bind(gtin)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(lot_hit).collect())
}

/// The lot with this code of the product with this GTIN: the same lot code of another product
/// is another lot.
pub async fn lots_of_product(
    conn: &mut SqliteConnection,
    lot_code: &str,
    gtin: &str,
) -> Result<Vec<SearchHit>, StoreError> {
    let rows = sqlx::query(
        "SELECT l.lot_code, l.lot_code || ' · ' || l.sku FROM lots l JOIN products p ON p.sku = l.sku \
         WHERE l.lot_code = ?1 AND ltrim(p.gtin, '0') = ltrim(?2, '0')",
    )
    .bind(lot_code)
    .bind(gtin)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(lot_hit).collect())
}

fn lot_hit(row: &SqliteRow) -> SearchHit {
    SearchHit { kind: SearchKind::Lot, key: row.get(0), label: row.get(1) }
}
