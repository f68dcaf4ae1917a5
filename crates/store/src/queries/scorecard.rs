//! Vendor scorecard and SKU conformity rows, each a handful of grouped queries over indexed time
//! ranges, merged per vendor (or SKU) here.
//!
//! Everything is a flow over the period, as a supplier PPM is counted: lots and units received
//! in the period against the failures found in it. Where a figure has no source:
//! - On-time delivery: lots received with a promised date, received on or before that day (UTC);
//!   without promised dates it is "no data" and the scorecard spreads its weight elsewhere.
//! - Units shipped to customers: the lot shipments of the vendor's lots in the period. Goods
//!   shipped without a lot have no shipping record; their vendor's returns share is "no data".
//! - Defects by severity: each failed unit counts at its failure's severity.
//! - Complaints (no goods back): those opened in the period on the vendor's lots, unless closed
//!   as unfounded; their units join the vendor-attributable returned units.

use std::collections::BTreeMap;

use lotline_domain::review::{
    ChargebackRow, DEFECT_REASONS, RatingPoint, SkuConformityRow, VendorQualityRow, receipts_blocked_since,
};
use sqlx::{Row, SqliteConnection};

use super::review::{Span, instant};
use crate::StoreError;

fn empty(vendor_code: &str) -> VendorQualityRow {
    VendorQualityRow { vendor_code: vendor_code.to_owned(), ..VendorQualityRow::default() }
}

/// `'defective', 'not_as_described'`: the reasons that count against a vendor or SKU.
fn defect_reasons() -> String {
    DEFECT_REASONS.iter().map(|r| format!("'{}'", r.replace('\'', "''"))).collect::<Vec<_>>().join(", ")
}

async fn grouped(
    conn: &mut SqliteConnection,
    sql: &str,
    span: &Span,
) -> Result<Vec<sqlx::sqlite::SqliteRow>, StoreError> {
    Ok(sqlx::query(sqlx::AssertSqlSafe(sql.to_owned())).bind(&span.start).bind(&span.end).fetch_all(&mut *conn).await?)
}

/// One row per vendor with any receipt, failure, order or vendor-attributed return in the span.
pub async fn vendor_quality(conn: &mut SqliteConnection, span: &Span) -> Result<Vec<VendorQualityRow>, StoreError> {
    let mut by: BTreeMap<String, VendorQualityRow> = BTreeMap::new();
    // The lots received in the period, and of those same lots the ones with a failure (at any
    // time: a defect found later is still that receipt's), so the share cannot pass 100%.
    let received = "SELECT vendor_code, COUNT(*), COALESCE(SUM(qty), 0), SUM(promised_on IS NOT NULL), \
        SUM(promised_on IS NOT NULL AND substr(received_at, 1, 10) <= promised_on), \
        SUM(EXISTS (SELECT 1 FROM failures f WHERE f.lot_code = lots.lot_code)) FROM lots \
        WHERE received_at >= ?1 AND received_at < ?2 GROUP BY vendor_code";
    for r in grouped(conn, received, span).await? {
        let row = by.entry(r.get(0)).or_insert_with_key(|k| empty(k));
        (row.lots_received, row.units_received) = (r.get(1), r.get(2));
        (row.deliveries_with_due_date, row.deliveries_on_time) = (r.get(3), r.get(4));
        row.lots_with_failure = r.get(5);
    }
    // A re-inspection inspects the units of the failure it re-inspects: the chain counts once.
    let failures = "SELECT vendor_code, SUM(qty_inspected), SUM(qty_failed), \
        SUM(CASE severity_rank WHEN 3 THEN qty_failed ELSE 0 END), SUM(CASE severity_rank WHEN 2 THEN qty_failed ELSE 0 END), \
        SUM(CASE severity_rank WHEN 1 THEN qty_failed ELSE 0 END) FROM failures \
        WHERE occurred_at >= ?1 AND occurred_at < ?2 AND reinspection_of IS NULL GROUP BY vendor_code";
    for r in grouped(conn, failures, span).await? {
        let row = by.entry(r.get(0)).or_insert_with_key(|k| empty(k));
        row.units_inspected = r.get(1);
        row.defective_units = r.get(2);
        (row.critical_defects, row.major_defects, row.minor_defects) = (r.get(3), r.get(4), r.get(5));
    }
    let shipped = "SELECT l.vendor_code, SUM(s.qty) FROM lot_shipments s JOIN lots l ON l.lot_id = s.lot_id \
        WHERE s.shipped_at >= ?1 AND s.shipped_at < ?2 GROUP BY 1";
    for r in grouped(conn, shipped, span).await? {
        by.entry(r.get(0)).or_insert_with_key(|k| empty(k)).units_shipped = r.get(1);
    }
    // The lot's vendor when the return names a lot, else the product's.
    let returned = format!(
        "SELECT COALESCE(lt.vendor_code, p.vendor_code), SUM(l.qty) FROM rmas r JOIN rma_lines l ON l.rma_no = r.rma_no \
         LEFT JOIN lots lt ON lt.lot_code = l.lot_code LEFT JOIN products p ON p.sku = l.sku \
         WHERE r.opened_at >= ?1 AND r.opened_at < ?2 AND r.reason_code IN ({}) \
         AND r.status NOT IN ('rejected', 'cancelled') GROUP BY 1",
        defect_reasons()
    );
    for r in grouped(conn, &returned, span).await? {
        if let Some(code) = r.get::<Option<String>, _>(0) {
            by.entry(code).or_insert_with_key(|k| empty(k)).vendor_return_units = r.get(1);
        }
    }
    // Complaints name their lot's vendor when opened; they count as returns do, by units.
    for (code, (count, units)) in super::production::complaints_by_vendor(conn, span).await? {
        let row = by.entry(code).or_insert_with_key(|k| empty(k));
        (row.complaints, row.complaint_units) = (count, units);
    }
    Ok(by.into_values().collect())
}

/// Chargebacks claimed from vendors in the span, with what each has paid back so far, per
/// currency: on reshipments requested in it (not rejected or cancelled) and on failures'
/// re-inspections and returns to the vendor recorded in it, and on returned units sent back to
/// the vendor from the refurbishment queue. A claim written off stays claimed
/// with nothing recovered.
pub async fn chargebacks(conn: &mut SqliteConnection, span: &Span) -> Result<Vec<ChargebackRow>, StoreError> {
    let sql = "SELECT vendor_code, currency, SUM(claimed), SUM(recovered) FROM ( \
        SELECT vendor_code, currency, total_minor AS claimed, recovered_minor AS recovered FROM reshipments \
        WHERE requested_at >= ?1 AND requested_at < ?2 AND vendor_code IS NOT NULL AND chargeback_status IS NOT NULL \
        AND status NOT IN ('rejected', 'cancelled') \
        UNION ALL SELECT vendor_code, currency, amount_minor, recovered_minor FROM failure_chargebacks \
        WHERE recorded_at >= ?1 AND recorded_at < ?2 \
        UNION ALL SELECT vendor_code, currency, amount_minor, recovered_minor FROM rma_chargebacks \
        WHERE recorded_at >= ?1 AND recorded_at < ?2) GROUP BY 1, 2";
    Ok(grouped(conn, sql, span)
        .await?
        .iter()
        .map(|r| ChargebackRow {
            vendor_code: r.get(0),
            currency: r.get(1),
            claimed_minor: r.get(2),
            recovered_minor: r.get(3),
        })
        .collect())
}

/// The day each vendor (or the one named) was last reviewed.
pub async fn last_reviews(
    conn: &mut SqliteConnection,
    vendor_code: Option<&str>,
) -> Result<BTreeMap<String, chrono::NaiveDate>, StoreError> {
    let rows = sqlx::query(
        "SELECT vendor_code, MAX(at) FROM vendor_reviews WHERE ?1 IS NULL OR vendor_code = ?1 GROUP BY vendor_code",
    )
    .bind(vendor_code)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().filter_map(|r| Some((r.get(0), instant(&r.get::<String, _>(1))?.date_naive()))).collect())
}

/// Vendors whose receipts are blocked, and since when: none unless the scorecard settings
/// block flagged vendors (`receipts_blocked_since` decides for each).
pub async fn blocked_vendors(conn: &mut SqliteConnection) -> Result<BTreeMap<String, chrono::NaiveDate>, StoreError> {
    let settings = super::review_settings::scorecard_settings(conn).await?;
    if !settings.block_receipts_below_threshold {
        return Ok(BTreeMap::new());
    }
    let reviews = last_reviews(conn, None).await?;
    Ok(rating_history(conn, "")
        .await?
        .into_iter()
        .filter_map(|(vendor, history)| {
            let since = receipts_blocked_since(&history, reviews.get(&vendor).copied(), settings.flag_below)?;
            Some((vendor, since))
        })
        .collect())
}

/// Every vendor's recorded ratings from `since` (a day), oldest first.
pub async fn rating_history(
    conn: &mut SqliteConnection,
    since: &str,
) -> Result<BTreeMap<String, Vec<RatingPoint>>, StoreError> {
    let rows =
        sqlx::query("SELECT vendor_code, day, rating FROM vendor_ratings WHERE day >= ? ORDER BY vendor_code, day")
            .bind(since)
            .fetch_all(&mut *conn)
            .await?;
    let mut out: BTreeMap<String, Vec<RatingPoint>> = BTreeMap::new();
    for r in &rows {
        if let Some(day) = instant(&r.get::<String, _>(1)) {
            let rating: i64 = r.get(2);
            let point = RatingPoint { day: day.date_naive(), rating: u32::try_from(rating).unwrap_or(0) };
            out.entry(r.get(0)).or_default().push(point);
        }
    }
    Ok(out)
}

/// Vendors already rated on `day`.
pub async fn rated_on(conn: &mut SqliteConnection, day: &str) -> Result<Vec<String>, StoreError> {
    Ok(sqlx::query_scalar("SELECT vendor_code FROM vendor_ratings WHERE day = ?")
        .bind(day)
        .fetch_all(&mut *conn)
        .await?)
}

/// The SKUs of `sku_conformity` worth listing, and how many there were in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkuConformityRows {
    pub rows: Vec<SkuConformityRow>,
    /// SKUs with orders in the span.
    pub skus: i64,
    /// Of those, above the threshold (the domain's `sku_conformity` rule, counted here).
    pub flagged: i64,
}

/// Per SKU: its orders placed in the span, and of those the orders with a conformity problem
/// of it (a return of it for a defect reason, not rejected or cancelled; or a QC failure on a
/// lot of it shipped on the order), whenever the problem came to light: each order counts in
/// its own period, once. At most `limit` SKUs, in the order `sku_conformity` ranks them (above
/// `threshold_bps` first, worst rounded rate first; then the rest by rate; ties by SKU). The
/// rate is rounded as `ratio_bps` (halves up) so the cut falls where the domain's ranking puts it.
pub async fn sku_conformity(
    conn: &mut SqliteConnection,
    span: &Span,
    threshold_bps: i64,
    limit: i64,
) -> Result<SkuConformityRows, StoreError> {
    let sql = format!(
        "WITH o AS MATERIALIZED (SELECT DISTINCT l.sku AS sku, o.order_no AS order_no FROM orders o \
           JOIN order_lines l ON l.order_no = o.order_no WHERE o.ordered_at >= ?1 AND o.ordered_at < ?2), \
         s AS MATERIALIZED (SELECT sku, COUNT(*) AS orders, SUM(EXISTS (SELECT 1 FROM rma_lines rl \
             JOIN rmas r ON r.rma_no = rl.rma_no WHERE rl.order_no = o.order_no AND rl.sku = o.sku \
             AND r.reason_code IN ({}) AND r.status NOT IN ('rejected', 'cancelled')) \
           OR EXISTS (SELECT 1 FROM lot_shipments ls JOIN lots lt ON lt.lot_id = ls.lot_id \
             WHERE ls.order_no = o.order_no AND lt.sku = o.sku \
             AND EXISTS (SELECT 1 FROM failures f WHERE f.lot_code = lt.lot_code))) AS problems \
           FROM o GROUP BY sku), \
         r AS (SELECT sku, orders, problems, problems * 10000 > ?3 * orders AS above, \
           (problems * 20000 + orders) / (2 * orders) AS bps FROM s) \
         SELECT sku, orders, problems, (SELECT COUNT(*) FROM r), (SELECT COUNT(*) FROM r WHERE above) FROM r \
         ORDER BY above DESC, bps DESC, sku LIMIT ?4",
        defect_reasons()
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(&span.start)
        .bind(&span.end)
        .bind(threshold_bps)
        .bind(limit)
        .fetch_all(&mut *conn)
        .await?;
    let (skus, flagged) = rows.first().map_or((0, 0), |r| (r.get(3), r.get(4)));
    let rows =
        rows.iter().map(|r| SkuConformityRow { sku: r.get(0), orders: r.get(1), problem_orders: r.get(2) }).collect();
    Ok(SkuConformityRows { rows, skus, flagged })
}
