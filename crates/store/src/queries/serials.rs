//! Serial numbers in their lots: what recording more is checked against, a lot's serials, and the
//! lot a scanned serial belongs to.

use std::collections::{HashMap, HashSet};

use lotline_domain::lots::SerialLot;
use sqlx::{Row, SqliteConnection};

use crate::StoreError;

/// Per lot code: its product, and how many serials it may still take.
pub struct SerialLotFacts {
    pub sku: String,
    pub lot: SerialLot,
}

/// The lots among `lot_codes` that were received, with their product's serial tracking and the
/// serials they hold.
pub async fn serial_lots(
    conn: &mut SqliteConnection,
    lot_codes: &[&str],
) -> Result<HashMap<String, SerialLotFacts>, StoreError> {
    let list = serde_json::to_string(lot_codes).unwrap_or_default();
    let rows = sqlx::query(
        "SELECT l.lot_code, l.sku, COALESCE(p.serial_tracked, 0), l.qty, \
                (SELECT COUNT(*) FROM lot_serials s WHERE s.lot_id = l.lot_id) \
         FROM json_each(?) j JOIN lots l ON l.lot_code = j.value LEFT JOIN products p ON p.sku = l.sku \
         WHERE l.received_at IS NOT NULL",
    )
    .bind(list)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .map(|r| {
            let lot = SerialLot { serial_tracked: r.get(2), received_qty: r.get(3), serials: r.get(4) };
            (r.get(0), SerialLotFacts { sku: r.get(1), lot })
        })
        .collect())
}

/// Which of `(sku, serial)` are recorded already, with the lot holding each.
pub async fn recorded(
    conn: &mut SqliteConnection,
    pairs: &[(&str, &str)],
) -> Result<HashMap<(String, String), String>, StoreError> {
    let list = serde_json::to_string(pairs).unwrap_or_default();
    let rows = sqlx::query(
        "SELECT s.sku, s.serial, l.lot_code FROM json_each(?) j \
         JOIN lot_serials s ON s.sku = j.value ->> 0 AND s.serial = j.value ->> 1 JOIN lots l ON l.lot_id = s.lot_id",
    )
    .bind(list)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(|r| ((r.get(0), r.get(1)), r.get(2))).collect())
}

/// The first `limit` serials of a lot, in order, and how many it holds.
pub async fn of_lot(conn: &mut SqliteConnection, lot_code: &str, limit: i64) -> Result<(Vec<String>, i64), StoreError> {
    let serials = sqlx::query_scalar(
        "SELECT s.serial FROM lot_serials s JOIN lots l ON l.lot_id = s.lot_id WHERE l.lot_code = ? ORDER BY s.serial LIMIT ?",
    )
    .bind(lot_code)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    let count = sqlx::query_scalar(
        "SELECT COUNT(*) FROM lot_serials s JOIN lots l ON l.lot_id = s.lot_id WHERE l.lot_code = ?",
    )
    .bind(lot_code)
    .fetch_one(&mut *conn)
    .await?;
    Ok((serials, count))
}

/// The lots holding `serial`, as (lot code, product); one unless two products share a serial.
pub async fn lots_of(conn: &mut SqliteConnection, serial: &str) -> Result<Vec<(String, String)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT l.lot_code, s.sku FROM lot_serials s JOIN lots l ON l.lot_id = s.lot_id WHERE s.serial = ? ORDER BY l.lot_code",
    )
    .bind(serial)
    .fetch_all(&mut *conn)
    .await?)
}

/// Which of `serials` the lot holds.
pub async fn in_lot(
    conn: &mut SqliteConnection,
    lot_code: &str,
    serials: &[&str],
) -> Result<HashSet<String>, StoreError> {
    let list = serde_json::to_string(serials).unwrap_or_default();
    let rows: Vec<String> = sqlx::query_scalar(
        "SELECT s.serial FROM json_each(?) j JOIN lot_serials s ON s.serial = j.value JOIN lots l ON l.lot_id = s.lot_id AND l.lot_code = ?",
    )
    .bind(list)
    .bind(lot_code)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().collect())
}

/// For each (lot code, serial) recorded: the order it was shipped on, if it was.
pub async fn states(
    conn: &mut SqliteConnection,
    pairs: &[(&str, &str)],
) -> Result<HashMap<(String, String), Option<String>>, StoreError> {
    if pairs.is_empty() {
        return Ok(HashMap::new());
    }
    let list = serde_json::to_string(pairs).unwrap_or_default();
    let rows = sqlx::query(
        "SELECT l.lot_code, s.serial, s.shipped_order FROM json_each(?) j \
         JOIN lots l ON l.lot_code = j.value ->> 0 JOIN lot_serials s ON s.lot_id = l.lot_id AND s.serial = j.value ->> 1",
    )
    .bind(list)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(|r| ((r.get(0), r.get(1)), r.get(2))).collect())
}

/// The serials recorded for `sku` among `serials`, with the order each went out on (if any).
pub async fn shipped_orders(
    conn: &mut SqliteConnection,
    sku: &str,
    serials: &[&str],
) -> Result<HashMap<String, Option<String>>, StoreError> {
    let list = serde_json::to_string(serials).unwrap_or_default();
    let rows = sqlx::query(
        "SELECT s.serial, s.shipped_order FROM json_each(?) j JOIN lot_serials s ON s.sku = ? AND s.serial = j.value",
    )
    .bind(list)
    .bind(sku)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
}
