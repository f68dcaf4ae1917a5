//! The hand-written SQL each review and KPI query of `lotline bench` stands beside: one
//! statement computing the aggregates the act reports, and where those numbers sit in the act's
//! answer, so the two can be compared.

use anyhow::Result;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use lotline_app::Ctx;
use lotline_domain::review::ReviewPeriod;
use lotline_store::queries::review::Span;
use serde_json::Value;
use sqlx::Row;

use crate::bench_kpi_sql;

/// One act's baseline: its statement, its bound values, and how to read the same numbers from
/// the act's answer.
pub struct Hand {
    pub act: &'static str,
    pub what: &'static str,
    sql: String,
    binds: Vec<String>,
    pub numbers: fn(&Value) -> Vec<i64>,
    /// The numbers compared, from the statement's row (most are its columns as they are).
    from_row: fn(&[Option<i64>]) -> Vec<i64>,
}

impl Hand {
    pub async fn run(&self, ctx: &Ctx) -> Result<Vec<i64>> {
        let mut query = sqlx::query(sqlx::AssertSqlSafe(self.sql.clone()));
        for bind in &self.binds {
            query = query.bind(bind);
        }
        let row = query.fetch_one(ctx.store.pool()).await?;
        let values: Vec<Option<i64>> = (0..row.len()).map(|i| row.try_get(i)).collect::<Result<_, _>>()?;
        Ok((self.from_row)(&values))
    }
}

fn as_they_are(row: &[Option<i64>]) -> Vec<i64> {
    row.iter().map(|v| v.unwrap_or(0)).collect()
}

fn int(v: &Value) -> i64 {
    v.as_i64().unwrap_or(0)
}

/// The failures of the period and the one before it: counts, units, vendors, SKUs, rework; a
/// re-inspection counts once, as the review counts it.
const REVIEW: &str = "SELECT SUM(occurred_at >= ?3), SUM(CASE WHEN occurred_at >= ?3 THEN qty_failed ELSE 0 END), \
     SUM(occurred_at < ?3), SUM(CASE WHEN occurred_at < ?3 THEN qty_failed ELSE 0 END), \
     COUNT(DISTINCT CASE WHEN occurred_at >= ?3 THEN vendor_code END), \
     COUNT(DISTINCT CASE WHEN occurred_at >= ?3 THEN sku END), \
     SUM(occurred_at >= ?3 AND disposition = 'rework'), SUM(occurred_at < ?3 AND disposition = 'rework') \
     FROM failures WHERE occurred_at >= ?1 AND occurred_at < ?2 AND reinspection_of IS NULL";

fn review_numbers(out: &Value) -> Vec<i64> {
    let p = &out["pareto"];
    vec![
        int(&p["total_count"]),
        int(&p["total_quantity"]),
        int(&p["previous_total_count"]),
        int(&p["previous_total_quantity"]),
        int(&out["vendors_with_failures"]),
        int(&out["skus_with_failures"]),
        int(&out["rework_failures"]),
        int(&out["rework_failures_previous"]),
    ]
}

/// The scorecards' per-vendor aggregates in one statement: lots received, first failures (a
/// re-inspection counts once), units shipped on lots, returned for a defect and complained about
/// (complaints closed as unfounded do not count); answered as the vendors scored, those with
/// units shipped (whose returns measure is defined) and the complaints counted.
const SCORECARDS: &str = "WITH received AS (SELECT vendor_code, COUNT(*) AS n, SUM(qty) AS q FROM lots \
         WHERE received_at >= ?1 AND received_at < ?2 GROUP BY vendor_code), \
       failed AS (SELECT vendor_code, SUM(qty_inspected) AS i, SUM(qty_failed) AS q FROM failures \
         WHERE occurred_at >= ?1 AND occurred_at < ?2 AND reinspection_of IS NULL GROUP BY vendor_code), \
       shipped AS (SELECT lt.vendor_code, SUM(s.qty) AS q FROM lot_shipments s JOIN lots lt ON lt.lot_id = s.lot_id \
         WHERE s.shipped_at >= ?1 AND s.shipped_at < ?2 GROUP BY 1), \
       returned AS (SELECT COALESCE(lt.vendor_code, p.vendor_code) AS vendor_code, SUM(l.qty) AS q FROM rmas r \
         JOIN rma_lines l ON l.rma_no = r.rma_no LEFT JOIN lots lt ON lt.lot_code = l.lot_code \
         LEFT JOIN products p ON p.sku = l.sku WHERE r.opened_at >= ?1 AND r.opened_at < ?2 \
         AND r.reason_code IN ('defective', 'not_as_described') AND r.status NOT IN ('rejected', 'cancelled') GROUP BY 1), \
       complained AS (SELECT vendor_code, COUNT(*) AS n, SUM(qty_affected) AS q FROM complaints \
         WHERE vendor_code IS NOT NULL AND opened_at >= ?1 AND opened_at < ?2 \
         AND NOT (status = 'closed' AND outcome = 'unfounded') GROUP BY 1) \
     SELECT COUNT(*), SUM(s.q > 0), COALESCE(SUM(k.n), 0) FROM vendors v LEFT JOIN received c ON c.vendor_code = v.code \
       LEFT JOIN failed f ON f.vendor_code = v.code LEFT JOIN shipped s ON s.vendor_code = v.code \
       LEFT JOIN returned r ON r.vendor_code = v.code LEFT JOIN complained k ON k.vendor_code = v.code";

fn scorecard_numbers(out: &Value) -> Vec<i64> {
    let vendors = out["vendors"].as_array().cloned().unwrap_or_default();
    let shipped = vendors
        .iter()
        .filter(|v| {
            let components = v["components"].as_array().into_iter().flatten();
            components.filter(|c| c["id"] == "returns").any(|c| !c["measured"].is_null())
        })
        .count();
    let complaints = vendors.iter().map(|v| int(&v["complaints"])).sum();
    vec![vendors.len() as i64, shipped as i64, complaints]
}

/// SKUs with orders in the period, and those whose orders with a conformity problem (a defect
/// return of the SKU on the order, or a failure on a lot of it shipped on the order) are above
/// the threshold (?3 bps) of their orders.
const SKU_FLAGS: &str = "WITH o AS (SELECT DISTINCT l.sku AS sku, o.order_no AS order_no FROM orders o \
         JOIN order_lines l ON l.order_no = o.order_no WHERE o.ordered_at >= ?1 AND o.ordered_at < ?2), \
       s AS (SELECT sku, COUNT(*) AS n, SUM(EXISTS (SELECT 1 FROM rma_lines rl JOIN rmas r ON r.rma_no = rl.rma_no \
           WHERE rl.order_no = o.order_no AND rl.sku = o.sku AND r.reason_code IN ('defective', 'not_as_described') \
           AND r.status NOT IN ('rejected', 'cancelled')) \
         OR EXISTS (SELECT 1 FROM lot_shipments ls JOIN lots lt ON lt.lot_id = ls.lot_id \
           WHERE ls.order_no = o.order_no AND lt.sku = o.sku \
           AND EXISTS (SELECT 1 FROM failures f WHERE f.lot_code = lt.lot_code))) AS p FROM o GROUP BY sku) \
     SELECT COUNT(*), SUM(p * 10000 > ?3 * n) FROM s";

fn sku_numbers(out: &Value) -> Vec<i64> {
    vec![int(&out["total_skus"]), int(&out["flagged_skus"])]
}

/// Lots that can be picked today (?1): the act's definition of usable stock.
macro_rules! usable {
    () => {
        "l.status NOT IN ('on_hold', 'quarantined', 'recalled', 'expired') AND (l.expiry_date IS NULL OR l.expiry_date >= ?1)"
    };
}

/// Every watched SKU's sellable, blocked, in-returns and coming-back stock and its vendor's name,
/// as the alerts list shows them, summed over the SKUs: how many, how many below their minimum,
/// the four quantities, and how many have a vendor named.
const SAFETY_STOCK: &str = concat!(
    "SELECT COUNT(*), SUM(sellable < min_qty), SUM(sellable), SUM(blocked), SUM(in_returns), SUM(coming_back), ",
    "SUM(vendor_name IS NOT NULL) FROM (SELECT s.min_qty, ",
    "COALESCE((SELECT SUM(l.on_hand) FROM lots l WHERE l.sku = s.sku AND ",
    usable!(),
    "), 0) - COALESCE((SELECT SUM(m.qty_delta) FROM stock_moves m JOIN lots l ON l.lot_code = m.lot_code ",
    "WHERE m.sku = s.sku AND m.location = 'RETURNS' AND ",
    usable!(),
    "), 0) + COALESCE((SELECT SUM(m.qty_delta) FROM stock_moves m WHERE m.sku = s.sku AND m.lot_code IS NULL ",
    "AND m.location <> 'RETURNS' AND m.stock_status = 'sellable'), 0) AS sellable, ",
    "COALESCE((SELECT SUM(l.on_hand) FROM lots l WHERE l.sku = s.sku AND NOT (",
    usable!(),
    ")), 0) AS blocked, ",
    "COALESCE((SELECT SUM(m.qty_delta) FROM stock_moves m WHERE m.sku = s.sku AND m.location = 'RETURNS'), 0) AS in_returns, ",
    "MAX(0, COALESCE((SELECT SUM(l.qty - l.qty_received) FROM rma_lines l JOIN rmas r ON r.rma_no = l.rma_no ",
    "WHERE l.sku = s.sku AND r.status IN ('approved', 'label_printed', 'in_transit')), 0)) AS coming_back, ",
    "(SELECT v.name FROM vendors v WHERE v.code = COALESCE(p.vendor_code, (SELECT l.vendor_code FROM lots l ",
    "WHERE l.sku = s.sku ORDER BY l.received_at DESC LIMIT 1))) AS vendor_name ",
    "FROM safety_stock s LEFT JOIN products p ON p.sku = s.sku)"
);

fn alert_numbers(out: &Value) -> Vec<i64> {
    let rows = out.as_array().cloned().unwrap_or_default();
    let sum = |key: &str| rows.iter().map(|r| int(&r[key])).sum::<i64>();
    vec![
        rows.len() as i64,
        rows.iter().filter(|r| r["below_minimum"] == true).count() as i64,
        sum("sellable"),
        sum("blocked"),
        sum("in_returns"),
        sum("coming_back"),
        rows.iter().filter(|r| r["vendor_name"].is_string()).count() as i64,
    ]
}

/// The five statements, for the 30 days ending `today` (and the 30 before them) on the site's
/// clock in `zone`, as the acts read a period.
pub fn hand_written(today: NaiveDate, zone: &str, at: DateTime<Utc>) -> Vec<Hand> {
    let now = Span::of(&ReviewPeriod::ending(today, 30).in_zone(zone));
    let before = Span::of(&ReviewPeriod::ending(today - Duration::days(30), 30).in_zone(zone));
    let (start, end) = (now.start.clone(), now.end.clone());
    let what = "one hand-written SQL statement with the same aggregates";
    let period = || vec![start.clone(), end.clone()];
    vec![
        Hand {
            act: "review_period",
            what,
            sql: REVIEW.into(),
            binds: vec![before.start.clone(), end.clone(), start.clone()],
            numbers: review_numbers,
            from_row: as_they_are,
        },
        Hand {
            act: "kpi_table",
            what: "one hand-written SQL statement with the same aggregates, for both periods",
            sql: bench_kpi_sql::statement(at),
            binds: vec![
                before.start.clone(),
                before.end.clone(),
                start.clone(),
                end.clone(),
                before.start_day.clone(),
                now.start_day.clone(),
            ],
            numbers: bench_kpi_sql::act_numbers,
            from_row: bench_kpi_sql::sql_numbers,
        },
        Hand {
            act: "vendor_scorecards",
            what,
            sql: SCORECARDS.into(),
            binds: period(),
            numbers: scorecard_numbers,
            from_row: as_they_are,
        },
        Hand {
            act: "sku_flags",
            what,
            sql: SKU_FLAGS.into(),
            binds: vec![start.clone(), end.clone(), "200".into()],
            numbers: sku_numbers,
            from_row: as_they_are,
        },
        Hand {
            act: "safety_stock_alerts",
            what,
            sql: SAFETY_STOCK.into(),
            binds: vec![today.to_string()],
            numbers: alert_numbers,
            from_row: as_they_are,
        },
    ]
}
