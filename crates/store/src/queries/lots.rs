//! Lots as the screens and the checks need them: a lot's row, lists, the facts that decide
//! whether lots may move (read for many lots at once through SQLite's own connection), and the
//! holds in force.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use lotline_domain::lots::{ActiveHold, LotId, LotStatus};
use serde::{Deserialize, Serialize};
use sqlx::{QueryBuilder, Row, Sqlite, SqliteConnection};
use ts_rs::TS;

use super::{Page, bounded, contains_pattern};
use crate::StoreError;
use crate::bulk::with_raw;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LotRow {
    pub lot_code: String,
    pub sku: String,
    pub product_name: Option<String>,
    pub gtin: Option<String>,
    pub vendor_code: String,
    pub vendor_name: Option<String>,
    pub supplier_lot: Option<String>,
    pub qty: i64,
    pub unit: String,
    pub mfg_date: Option<String>,
    pub expiry_date: Option<String>,
    pub location: Option<String>,
    pub on_hand: i64,
    pub status: LotStatus,
    /// None for a lot known only from a QC failure (never received here).
    pub received_at: Option<DateTime<Utc>>,
    /// How many holds are in force.
    pub active_holds: i64,
}

const SELECT: &str = "SELECT l.lot_code, l.sku, p.name AS product_name, p.gtin, l.vendor_code, v.name AS vendor_name, \
    l.supplier_lot, l.qty, l.unit, l.mfg_date, l.expiry_date, l.location, l.on_hand, l.status, l.received_at, \
    (SELECT COUNT(*) FROM holds h WHERE h.lot_code = l.lot_code AND h.released_at IS NULL AND h.serials IS NULL) AS active_holds \
    FROM lots l LEFT JOIN products p ON p.sku = l.sku LEFT JOIN vendors v ON v.code = l.vendor_code";

fn row_from(row: &sqlx::sqlite::SqliteRow) -> LotRow {
    LotRow {
        lot_code: row.get("lot_code"),
        sku: row.get("sku"),
        product_name: row.get("product_name"),
        gtin: row.get("gtin"),
        vendor_code: row.get("vendor_code"),
        vendor_name: row.get("vendor_name"),
        supplier_lot: row.get("supplier_lot"),
        qty: row.get("qty"),
        unit: row.get("unit"),
        mfg_date: row.get("mfg_date"),
        expiry_date: row.get("expiry_date"),
        location: row.get("location"),
        on_hand: row.get("on_hand"),
        status: LotStatus::parse(row.get("status")).unwrap_or(LotStatus::Available),
        received_at: row.get("received_at"),
        active_holds: row.get("active_holds"),
    }
}

pub async fn lot_row(conn: &mut SqliteConnection, lot_code: &str) -> Result<Option<LotRow>, StoreError> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!("{SELECT} WHERE l.lot_code = ?")))
        .bind(lot_code)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.as_ref().map(row_from))
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ListLotsInput {
    #[serde(default)]
    #[ts(optional = nullable)]
    pub text: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub status: Option<LotStatus>,
    /// Only lots expiring on or before this day (YYYY-MM-DD) that still have stock.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub expiring_by: Option<String>,
    #[serde(default)]
    pub offset: i64,
    #[serde(default = "super::default_limit")]
    pub limit: i64,
}

fn push_filters(q: &mut QueryBuilder<Sqlite>, input: &ListLotsInput, today: &str) {
    q.push(" WHERE 1 = 1");
    if let Some(text) = input.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let pattern = contains_pattern(text);
        q.push(" AND (l.lot_code LIKE ").push_bind(pattern.clone()).push(" ESCAPE '\\'");
        q.push(" OR l.sku LIKE ").push_bind(pattern.clone()).push(" ESCAPE '\\'");
        q.push(" OR l.supplier_lot LIKE ").push_bind(pattern.clone()).push(" ESCAPE '\\'");
        q.push(" OR l.vendor_code LIKE ").push_bind(pattern).push(" ESCAPE '\\')");
    }
    // Expired is shown, not stored (see `lots::status_on`): free stock past its expiry date.
    const FREE: &str = "l.status IN ('available', 'released') AND l.on_hand > 0 AND l.expiry_date < ";
    match input.status {
        Some(LotStatus::Expired) => {
            q.push(" AND ").push(FREE).push_bind(today.to_owned());
        }
        Some(status) => {
            q.push(" AND l.status = ").push_bind(status.as_str());
            if matches!(status, LotStatus::Available | LotStatus::Released) {
                q.push(" AND NOT (").push(FREE).push_bind(today.to_owned()).push(")");
            }
        }
        None => {}
    }
    if let Some(day) = input.expiring_by.as_deref() {
        q.push(" AND l.expiry_date IS NOT NULL AND l.expiry_date <= ")
            .push_bind(day.to_owned())
            .push(" AND l.on_hand > 0");
    }
}

/// Newest first, or soonest expiry first when filtering by expiry.
pub async fn list_lots(
    conn: &mut SqliteConnection,
    input: &ListLotsInput,
    today: &str,
) -> Result<Page<LotRow>, StoreError> {
    let (offset, limit) = bounded(input.offset, input.limit);
    let mut count = QueryBuilder::<Sqlite>::new("SELECT COUNT(*) FROM lots l");
    push_filters(&mut count, input, today);
    let total: i64 = count.build_query_scalar().fetch_one(&mut *conn).await?;
    let mut q = QueryBuilder::<Sqlite>::new(SELECT);
    push_filters(&mut q, input, today);
    q.push(if input.expiring_by.is_some() { " ORDER BY l.expiry_date, l.lot_id" } else { " ORDER BY l.lot_id DESC" });
    q.push(" LIMIT ").push_bind(limit).push(" OFFSET ").push_bind(offset);
    let rows = q.build().fetch_all(&mut *conn).await?;
    Ok(Page { rows: rows.iter().map(row_from).collect(), total })
}

/// What decides whether a lot may move, and what a trace shows of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LotFacts {
    pub lot_id: LotId,
    pub lot_code: String,
    pub sku: String,
    pub vendor_code: String,
    pub status: LotStatus,
    pub on_hand: i64,
    pub unit: String,
    pub expiry_date: Option<NaiveDate>,
    pub location: Option<String>,
    pub received: bool,
}

const FACTS: &str = "SELECT lot_id, lot_code, sku, vendor_code, status, on_hand, unit, expiry_date, location, received_at IS NOT NULL FROM lots";

fn facts_from(row: &rusqlite::Row<'_>) -> rusqlite::Result<LotFacts> {
    let status: String = row.get(4)?;
    let expiry: Option<String> = row.get(7)?;
    Ok(LotFacts {
        lot_id: row.get(0)?,
        lot_code: row.get(1)?,
        sku: row.get(2)?,
        vendor_code: row.get(3)?,
        status: LotStatus::parse(&status).unwrap_or(LotStatus::Available),
        on_hand: row.get(5)?,
        unit: row.get(6)?,
        expiry_date: expiry.and_then(|e| NaiveDate::parse_from_str(&e, "%Y-%m-%d").ok()),
        location: row.get(8)?,
        received: row.get(9)?,
    })
}

/// The facts of each lot code that exists, keyed by code: one statement over the list, which
/// for an import naming a million lots took a fifth of the time of a statement per lot.
pub async fn facts_by_code(
    conn: &mut SqliteConnection,
    codes: &[&str],
) -> Result<HashMap<String, LotFacts>, StoreError> {
    let mut distinct: Vec<&str> = codes.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    with_raw(conn, |db| {
        // A file of new lots names more codes than the desk has lots: reading the lots there are
        // costs less than SQLite building a set of a million codes to look each up in.
        let fewer: i64 =
            db.query_row("SELECT COUNT(*) FROM (SELECT 1 FROM lots LIMIT ?1)", [distinct.len() as i64], |r| r.get(0))?;
        if fewer < distinct.len() as i64 {
            let wanted: HashSet<&str> = distinct.iter().copied().collect();
            let mut statement = db.prepare_cached(FACTS)?;
            let mut rows = statement.query([])?;
            let mut found = HashMap::new();
            while let Some(row) = rows.next()? {
                if wanted.contains(row.get_ref(1)?.as_str()?) {
                    let facts = facts_from(row)?;
                    found.insert(facts.lot_code.clone(), facts);
                }
            }
            return Ok(found);
        }
        let list = serde_json::to_string(&distinct).unwrap_or_default();
        let mut statement =
            db.prepare_cached(&format!("{FACTS} WHERE lot_code IN (SELECT value FROM json_each(?1))"))?;
        let rows = statement.query_map([&list], facts_from)?;
        rows.map(|f| f.map(|f| (f.lot_code.clone(), f))).collect()
    })
    .await
}

/// The holds in force, by lot code, oldest first.
pub async fn active_holds(conn: &mut SqliteConnection) -> Result<HashMap<String, Vec<ActiveHold>>, StoreError> {
    let rows: Vec<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT lot_code, reason, COALESCE(NULLIF(failure_no, ''), recall_no) FROM holds WHERE released_at IS NULL AND serials IS NULL ORDER BY placed_at, placed_event",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut holds: HashMap<String, Vec<ActiveHold>> = HashMap::new();
    for (lot, reason, source) in rows {
        let source = source.filter(|s| !s.is_empty());
        holds.entry(lot).or_default().push(ActiveHold { reason, source });
    }
    Ok(holds)
}

/// Serials held on their own (a per-serial inspection's failed units), by (lot, serial), each
/// with what holds it: those units may not ship while the rest of their lot does.
pub async fn held_serials(
    conn: &mut SqliteConnection,
    lot_codes: &[&str],
) -> Result<HashMap<(String, String), ActiveHold>, StoreError> {
    let list = serde_json::to_string(lot_codes).unwrap_or_default();
    let rows: Vec<(String, String, Option<String>, String)> = sqlx::query_as(
        "SELECT h.lot_code, h.reason, NULLIF(h.failure_no, ''), s.value FROM holds h, json_each(h.serials) s \
         WHERE h.lot_code IN (SELECT value FROM json_each(?1)) AND h.released_at IS NULL AND h.serials IS NOT NULL",
    )
    .bind(list)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(|(lot, reason, source, serial)| ((lot, serial), ActiveHold { reason, source })).collect())
}

/// The units each lot keeps back for holds on serials alone: the held serials not yet shipped
/// (one held serial that went out before its hold stops nothing more), by lot code, in order.
pub async fn held_units(
    conn: &mut SqliteConnection,
    lot_codes: &[&str],
) -> Result<HashMap<String, Vec<String>>, StoreError> {
    let list = serde_json::to_string(lot_codes).unwrap_or_default();
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT DISTINCT h.lot_code, s.value FROM holds h, json_each(h.serials) s \
         LEFT JOIN lots l ON l.lot_code = h.lot_code \
         LEFT JOIN lot_serials ls ON ls.lot_id = l.lot_id AND ls.serial = s.value \
         WHERE h.lot_code IN (SELECT value FROM json_each(?1)) AND h.released_at IS NULL AND h.serials IS NOT NULL \
         AND ls.shipped_order IS NULL ORDER BY h.lot_code, s.value",
    )
    .bind(list)
    .fetch_all(&mut *conn)
    .await?;
    let mut held: HashMap<String, Vec<String>> = HashMap::new();
    for (lot, serial) in rows {
        held.entry(lot).or_default().push(serial);
    }
    Ok(held)
}

/// Every value of a key column, for checking imported rows against what exists.
pub async fn keys(conn: &mut SqliteConnection, table_column: KeyColumn) -> Result<Vec<String>, StoreError> {
    let sql = match table_column {
        KeyColumn::Sku => "SELECT sku FROM products",
        KeyColumn::Vendor => "SELECT code FROM vendors",
        KeyColumn::Customer => "SELECT code FROM customers",
    };
    Ok(sqlx::query_scalar(sql).fetch_all(&mut *conn).await?)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyColumn {
    Sku,
    Vendor,
    Customer,
}

/// The customer of each order asked for that exists.
pub async fn order_customers(
    conn: &mut SqliteConnection,
    orders: &[&str],
) -> Result<HashMap<String, String>, StoreError> {
    let mut distinct: Vec<&str> = orders.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    let list = serde_json::to_string(&distinct).unwrap_or_default();
    // One statement for the whole file: a query per order was one per shipment row.
    with_raw(conn, |db| {
        let mut statement = db.prepare_cached(
            "SELECT order_no, customer_code FROM orders WHERE order_no IN (SELECT value FROM json_each(?1))",
        )?;
        let rows = statement.query_map([&list], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        rows.collect()
    })
    .await
}

/// Products whose lots must carry an expiry date.
pub async fn expiring_skus(conn: &mut SqliteConnection) -> Result<Vec<String>, StoreError> {
    Ok(sqlx::query_scalar("SELECT sku FROM products WHERE has_expiry = 1").fetch_all(&mut *conn).await?)
}

/// A link as the lot page shows it: the lot at the other end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LotLinkView {
    pub lot_code: String,
    pub sku: String,
    pub qty: i64,
    pub unit: String,
    pub kind: String,
    pub at: String,
}

/// What went into the lot (`into = true`) or what was made from it.
pub async fn links_of(conn: &mut SqliteConnection, lot_code: &str, into: bool) -> Result<Vec<LotLinkView>, StoreError> {
    let (this, other) = if into { ("to_id", "from_id") } else { ("from_id", "to_id") };
    let sql = format!(
        "SELECT o.lot_code, o.sku, k.qty, f.unit, k.kind, k.at FROM lot_links k \
         JOIN lots t ON t.lot_id = k.{this} JOIN lots o ON o.lot_id = k.{other} JOIN lots f ON f.lot_id = k.from_id \
         WHERE t.lot_code = ? ORDER BY k.link_id LIMIT 1000"
    );
    let rows: Vec<(String, String, i64, String, String, String)> =
        sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(lot_code).fetch_all(&mut *conn).await?;
    Ok(rows
        .into_iter()
        .map(|(lot_code, sku, qty, unit, kind, at)| LotLinkView { lot_code, sku, qty, unit, kind, at })
        .collect())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LotShipmentView {
    pub order_no: String,
    pub customer_code: String,
    pub customer_name: Option<String>,
    pub qty: i64,
    pub shipped_at: DateTime<Utc>,
}

/// A shipment as read: order, customer code and name, quantity, when.
type ShipmentTuple = (String, String, Option<String>, i64, DateTime<Utc>);

pub async fn shipments_of(conn: &mut SqliteConnection, lot_code: &str) -> Result<Vec<LotShipmentView>, StoreError> {
    let rows: Vec<ShipmentTuple> = sqlx::query_as(
        "SELECT s.order_no, s.customer_code, c.name, s.qty, s.shipped_at FROM lot_shipments s \
         JOIN lots l ON l.lot_id = s.lot_id LEFT JOIN customers c ON c.code = s.customer_code \
         WHERE l.lot_code = ? ORDER BY s.shipment_id LIMIT 1000",
    )
    .bind(lot_code)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(order_no, customer_code, customer_name, qty, shipped_at)| LotShipmentView {
            order_no,
            customer_code,
            customer_name,
            qty,
            shipped_at,
        })
        .collect())
}

/// QC failures logged on any of `lot_codes`, and RMAs returning any of them, as (number, lot).
pub async fn related_records(conn: &mut SqliteConnection, lot_codes: &[&str]) -> Result<RelatedRecords, StoreError> {
    with_raw(conn, |db| related_records_in(db, lot_codes)).await
}

/// Two lists of (record number, lot code) pairs, as `related_records` gives them.
pub type RelatedRecords = (Vec<(String, String)>, Vec<(String, String)>);

/// [`related_records`] on SQLite's own handle. Each table is read from whichever side is
/// smaller: its rows with a lot, when there are fewer of them than codes (the usual case for a
/// large trace), else a lookup per code.
pub(crate) fn related_records_in(db: &rusqlite::Connection, lot_codes: &[&str]) -> rusqlite::Result<RelatedRecords> {
    let list = serde_json::to_string(lot_codes).unwrap_or_default();
    let wanted: HashSet<&str> = lot_codes.iter().copied().collect();
    let pairs = |table: &str, number: &str| -> rusqlite::Result<Vec<(String, String)>> {
        let fewer: i64 = db.query_row(
            &format!("SELECT COUNT(*) FROM (SELECT 1 FROM {table} WHERE lot_code IS NOT NULL LIMIT ?1)"),
            [lot_codes.len() as i64],
            |r| r.get(0),
        )?;
        let mut found: Vec<(String, String)> = if fewer < lot_codes.len() as i64 {
            let mut statement =
                db.prepare_cached(&format!("SELECT {number}, lot_code FROM {table} WHERE lot_code IS NOT NULL"))?;
            let rows = statement.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
            rows.filter(|row| row.as_ref().map_or(true, |(_, lot)| wanted.contains(lot.as_str())))
                .collect::<Result<_, _>>()?
        } else {
            let mut statement = db.prepare_cached(&format!(
                "SELECT t.{number}, t.lot_code FROM json_each(?1) j JOIN {table} t ON t.lot_code = j.value"
            ))?;
            let rows = statement.query_map([&list], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        found.sort();
        found.dedup();
        Ok(found)
    };
    Ok((pairs("failures", "failure_no")?, pairs("rma_lines", "rma_no")?))
}

/// What `lotline export` writes for lots, links and shipments: the import's columns (lots add
/// what happened since: on hand and status), in the order recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LotExport {
    Lots,
    Links,
    Shipments,
    Serials,
}

pub async fn export_rows(conn: &mut SqliteConnection, which: LotExport) -> Result<Vec<Vec<String>>, StoreError> {
    let sql = match which {
        LotExport::Lots => {
            "SELECT lot_code, sku, vendor_code, COALESCE(supplier_lot, ''), qty, unit, COALESCE(mfg_date, ''), \
             COALESCE(expiry_date, ''), COALESCE(location, ''), on_hand, status FROM lots WHERE received_at IS NOT NULL ORDER BY lot_id"
        }
        LotExport::Links => {
            "SELECT f.lot_code, t.lot_code, k.qty, k.kind, k.at FROM lot_links k JOIN lots f ON f.lot_id = k.from_id \
             JOIN lots t ON t.lot_id = k.to_id ORDER BY k.link_id"
        }
        LotExport::Shipments => {
            "SELECT l.lot_code, s.order_no, s.customer_code, s.qty, s.shipped_at FROM lot_shipments s \
             JOIN lots l ON l.lot_id = s.lot_id ORDER BY s.shipment_id"
        }
        LotExport::Serials => {
            "SELECT l.lot_code, s.serial FROM lot_serials s JOIN lots l ON l.lot_id = s.lot_id ORDER BY l.lot_code, s.serial"
        }
    };
    with_raw(conn, |db| {
        let mut statement = db.prepare(sql)?;
        let width = statement.column_count();
        let rows = statement.query_map([], |row| {
            (0..width)
                .map(|i| {
                    Ok(match row.get_ref(i)? {
                        rusqlite::types::ValueRef::Integer(n) => n.to_string(),
                        rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                        _ => String::new(),
                    })
                })
                .collect::<rusqlite::Result<Vec<String>>>()
        })?;
        rows.collect()
    })
    .await
}

/// A customer's name and how to reach them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contact {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
}

/// The contacts of the customers asked for that exist, keyed by customer code.
pub async fn contacts(conn: &mut SqliteConnection, codes: &[&str]) -> Result<HashMap<String, Contact>, StoreError> {
    with_raw(conn, |db| contacts_in(db, codes)).await
}

/// [`contacts`] on SQLite's own handle.
pub(crate) fn contacts_in(db: &rusqlite::Connection, codes: &[&str]) -> rusqlite::Result<HashMap<String, Contact>> {
    let list = serde_json::to_string(codes).unwrap_or_default();
    // One statement over the list: a statement per customer cost a third of a large trace.
    let mut statement = db.prepare_cached(
        "SELECT c.code, c.name, c.email, c.phone, c.address FROM json_each(?1) j JOIN customers c ON c.code = j.value",
    )?;
    let rows = statement.query_map([&list], |r| {
        Ok((r.get(0)?, Contact { name: r.get(1)?, email: r.get(2)?, phone: r.get(3)?, address: r.get(4)? }))
    })?;
    rows.collect()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecallRow {
    pub recall_no: String,
    pub lot_codes: Vec<String>,
    pub reason: String,
    pub lots_in_scope: i64,
    pub held: i64,
    /// Holds this recall placed that are still in force.
    pub still_held: i64,
    pub customer_count: i64,
    pub notified_count: i64,
    pub status: lotline_domain::lots::RecallStatus,
    pub started_at: DateTime<Utc>,
    pub started_by_name: Option<String>,
    pub closed_at: Option<DateTime<Utc>>,
    pub close_note: Option<String>,
}

const RECALL_SELECT: &str = "SELECT r.recall_no, r.lot_codes, r.reason, r.lots_in_scope, r.held, \
    (SELECT COUNT(*) FROM holds h WHERE h.recall_no = r.recall_no AND h.released_at IS NULL) AS still_held, \
    (SELECT COUNT(*) FROM recall_customers c WHERE c.recall_no = r.recall_no) AS customer_count, \
    (SELECT COUNT(*) FROM recall_customers c WHERE c.recall_no = r.recall_no AND c.notified_at IS NOT NULL) AS notified_count, \
    r.status, r.started_at, u.display_name AS started_by_name, r.closed_at, r.close_note \
    FROM recalls r LEFT JOIN users u ON u.user_id = r.started_by";

fn recall_from(row: &sqlx::sqlite::SqliteRow) -> RecallRow {
    let lots: String = row.get("lot_codes");
    let status: String = row.get("status");
    RecallRow {
        recall_no: row.get("recall_no"),
        lot_codes: lots.split_whitespace().map(str::to_owned).collect(),
        reason: row.get("reason"),
        lots_in_scope: row.get("lots_in_scope"),
        held: row.get("held"),
        still_held: row.get("still_held"),
        customer_count: row.get("customer_count"),
        notified_count: row.get("notified_count"),
        status: if status == "closed" {
            lotline_domain::lots::RecallStatus::Closed
        } else {
            lotline_domain::lots::RecallStatus::Open
        },
        started_at: row.get("started_at"),
        started_by_name: row.get("started_by_name"),
        closed_at: row.get("closed_at"),
        close_note: row.get("close_note"),
    }
}

pub async fn recall_row(conn: &mut SqliteConnection, recall_no: &str) -> Result<Option<RecallRow>, StoreError> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!("{RECALL_SELECT} WHERE r.recall_no = ?")))
        .bind(recall_no)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.as_ref().map(recall_from))
}

/// Open recalls first, newest first.
pub async fn list_recalls(conn: &mut SqliteConnection) -> Result<Vec<RecallRow>, StoreError> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "{RECALL_SELECT} ORDER BY r.status = 'closed', r.seq_no DESC LIMIT 1000"
    )))
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(recall_from).collect())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecallCustomer {
    pub customer_code: String,
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub notified_at: Option<DateTime<Utc>>,
}

pub async fn recall_customers(conn: &mut SqliteConnection, recall_no: &str) -> Result<Vec<RecallCustomer>, StoreError> {
    let rows = sqlx::query(
        "SELECT r.customer_code, c.name, c.email, c.phone, c.address, r.notified_at FROM recall_customers r \
         LEFT JOIN customers c ON c.code = r.customer_code WHERE r.recall_no = ? ORDER BY r.customer_code",
    )
    .bind(recall_no)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .map(|r| RecallCustomer {
            customer_code: r.get("customer_code"),
            name: r.get("name"),
            email: r.get("email"),
            phone: r.get("phone"),
            address: r.get("address"),
            notified_at: r.get("notified_at"),
        })
        .collect())
}

/// A supplier lot's quality: the QC failures logged on it and what they found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LotQuality {
    pub lot_code: String,
    pub supplier_lot: Option<String>,
    pub sku: String,
    pub qty: i64,
    pub unit: String,
    pub received_at: Option<DateTime<Utc>>,
    pub failures: i64,
    pub qty_inspected: i64,
    pub qty_failed: i64,
    /// Critical, major and minor failures.
    pub critical: i64,
    pub major: i64,
    pub minor: i64,
}

/// A vendor's lots received here with their QC failures, the lots with failures first, then the
/// newest.
pub async fn vendor_lot_quality(conn: &mut SqliteConnection, vendor_code: &str) -> Result<Vec<LotQuality>, StoreError> {
    let rows = sqlx::query(
        "SELECT l.lot_code, l.supplier_lot, l.sku, l.qty, l.unit, l.received_at, COUNT(f.failure_no) AS failures, \
         COALESCE(SUM(f.qty_inspected), 0) AS qty_inspected, COALESCE(SUM(f.qty_failed), 0) AS qty_failed, \
         COALESCE(SUM(f.severity = 'critical'), 0) AS critical, COALESCE(SUM(f.severity = 'major'), 0) AS major, \
         COALESCE(SUM(f.severity = 'minor'), 0) AS minor \
         FROM lots l LEFT JOIN failures f ON f.lot_code = l.lot_code \
         WHERE l.vendor_code = ? GROUP BY l.lot_id ORDER BY failures > 0 DESC, l.lot_id DESC LIMIT 1000",
    )
    .bind(vendor_code)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .map(|r| LotQuality {
            lot_code: r.get("lot_code"),
            supplier_lot: r.get("supplier_lot"),
            sku: r.get("sku"),
            qty: r.get("qty"),
            unit: r.get("unit"),
            received_at: r.get("received_at"),
            failures: r.get("failures"),
            qty_inspected: r.get("qty_inspected"),
            qty_failed: r.get("qty_failed"),
            critical: r.get("critical"),
            major: r.get("major"),
            minor: r.get("minor"),
        })
        .collect())
}

/// The lots of a SKU with stock left, oldest receipt first (the order FEFO keeps among equals).
pub async fn lots_of_sku_in_stock(conn: &mut SqliteConnection, sku: &str) -> Result<Vec<LotFacts>, StoreError> {
    let sku = sku.to_owned();
    with_raw(conn, move |db| {
        let mut statement = db.prepare_cached(&format!(
            "{FACTS} WHERE sku = ?1 AND on_hand > 0 AND received_at IS NOT NULL ORDER BY lot_id"
        ))?;
        let rows = statement.query_map([&sku], facts_from)?;
        rows.collect()
    })
    .await
}

/// The orders a lot was shipped to, as (order, customer), when its shipments are recorded here.
pub async fn orders_shipped(conn: &mut SqliteConnection, lot_code: &str) -> Result<Vec<(String, String)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT DISTINCT s.order_no, s.customer_code FROM lot_shipments s JOIN lots l ON l.lot_id = s.lot_id WHERE l.lot_code = ?",
    )
    .bind(lot_code)
    .fetch_all(&mut *conn)
    .await?)
}
