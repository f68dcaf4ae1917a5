//! Safety stock: each watched SKU's sellable stock against its minimum.
//!
//! Sellable is what could be picked for an order today: stock of lots that are not on hold,
//! quarantined, recalled or expired (by status or by expiry date), less what of those lots
//! waits in the returns area for a disposition; plus stock kept without a lot (returned goods
//! restocked without one), outside the returns area. Every movement is a delta in
//! `stock_moves`, and a lot's `on_hand` is the sum of its deltas. Goods kept without lots have
//! no opening balance in Lotline (only their movements: returns restocked, replacements sent),
//! so their stock can read below zero; it is shown as it is rather than clamped.

use lotline_domain::production::{Replenishment, StockPosition, replenishment};
use lotline_domain::returns::RETURNS_AREA;
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;
use ts_rs::TS;

use crate::StoreError;
use crate::bulk::with_raw;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SafetyStockRow {
    pub sku: String,
    pub product_name: Option<String>,
    pub min_qty: i64,
    pub sellable: i64,
    /// On hand in lots that are held, quarantined, recalled or expired: there, but not sellable.
    pub blocked: i64,
    /// Returned units waiting for a disposition.
    pub in_returns: i64,
    pub below_minimum: bool,
    /// The level a reorder fills up to; none orders back to the minimum.
    pub max_qty: Option<i64>,
    /// Units on their way back on open RMAs: approved, label printed or in transit, not received.
    pub coming_back: i64,
    /// Whom to order from: the product's vendor, else the vendor of its latest lot received.
    pub vendor_code: Option<String>,
    pub vendor_name: Option<String>,
    /// What to order now (`production::replenishment`).
    pub reorder: Replenishment,
}

const USABLE: &str = "l.status NOT IN ('on_hold', 'quarantined', 'recalled', 'expired') \
    AND (l.expiry_date IS NULL OR l.expiry_date >= ?1)";

/// Every SKU with a minimum (or the one named), those below it first, then by SKU.
pub async fn safety_stock(
    conn: &mut SqliteConnection,
    today: &str,
    sku: Option<&str>,
) -> Result<Vec<SafetyStockRow>, StoreError> {
    // The vendor's name is joined here: a lookup per row cost more than the rest of the list.
    let sql = format!(
        "SELECT w.*, v.name FROM (SELECT s.sku, p.name, s.min_qty, \
           COALESCE((SELECT SUM(l.on_hand) FROM lots l WHERE l.sku = s.sku AND {USABLE}), 0), \
           COALESCE((SELECT SUM(m.qty_delta) FROM stock_moves m JOIN lots l ON l.lot_code = m.lot_code \
                     WHERE m.sku = s.sku AND m.location = ?2 AND {USABLE}), 0), \
           COALESCE((SELECT SUM(m.qty_delta) FROM stock_moves m WHERE m.sku = s.sku AND m.lot_code IS NULL \
                     AND m.location <> ?2 AND m.stock_status = 'sellable'), 0), \
           COALESCE((SELECT SUM(l.on_hand) FROM lots l WHERE l.sku = s.sku AND NOT ({USABLE})), 0), \
           COALESCE((SELECT SUM(m.qty_delta) FROM stock_moves m WHERE m.sku = s.sku AND m.location = ?2), 0), \
           s.max_qty, \
           COALESCE((SELECT SUM(l.qty - l.qty_received) FROM rma_lines l JOIN rmas r ON r.rma_no = l.rma_no \
                     WHERE l.sku = s.sku AND r.status IN ('approved', 'label_printed', 'in_transit')), 0), \
           COALESCE(p.vendor_code, (SELECT l.vendor_code FROM lots l WHERE l.sku = s.sku \
                     ORDER BY l.received_at DESC LIMIT 1)) AS vendor \
         FROM safety_stock s LEFT JOIN products p ON p.sku = s.sku WHERE ?3 IS NULL OR s.sku = ?3) w \
         LEFT JOIN vendors v ON v.code = w.vendor"
    );
    // On SQLite's own handle: sqlx copied each of the rows' twelve cells through its worker
    // thread, which cost more than the statement.
    let mut out = with_raw(conn, |db| {
        let mut statement = db.prepare_cached(&sql)?;
        let rows = statement.query_map(rusqlite::params![today, RETURNS_AREA, sku], |r| {
            let (lotted, lotted_in_returns, unlotted): (i64, i64, i64) = (r.get(3)?, r.get(4)?, r.get(5)?);
            let sellable = lotted - lotted_in_returns + unlotted;
            let min_qty: i64 = r.get(2)?;
            let stock = StockPosition {
                sellable,
                on_hold: r.get(6)?,
                in_returns: r.get(7)?,
                coming_back: r.get::<_, i64>(9)?.max(0),
                min_qty,
                max_qty: r.get(8)?,
            };
            Ok(SafetyStockRow {
                sku: r.get(0)?,
                product_name: r.get(1)?,
                min_qty,
                sellable,
                blocked: stock.on_hold,
                in_returns: stock.in_returns,
                below_minimum: sellable < min_qty,
                max_qty: stock.max_qty,
                coming_back: stock.coming_back,
                vendor_code: r.get(10)?,
                vendor_name: r.get(11)?,
                reorder: replenishment(&stock),
            })
        })?;
        rows.collect::<rusqlite::Result<Vec<SafetyStockRow>>>()
    })
    .await?;
    out.sort_by(|a, b| b.below_minimum.cmp(&a.below_minimum).then_with(|| a.sku.cmp(&b.sku)));
    Ok(out)
}
