//! RMA lists, the facts eligibility is judged on, and stock on hand from the deltas.

use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

use lotline_domain::reshipment::SlaState;
use lotline_domain::returns::{PreferredOutcome, ReturnPolicy, RmaSlaStep, RmaStatus, Verdict};
use lotline_domain::sales_channel::SalesChannel;
use serde::{Deserialize, Serialize};
use sqlx::{QueryBuilder, Row, Sqlite, SqliteConnection};
use ts_rs::TS;

use super::master::{ChannelFilter, channel_of};
use super::{Page, bounded, contains_pattern, named};
use crate::StoreError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RmaRow {
    pub rma_no: String,
    pub customer_code: String,
    pub customer_name: Option<String>,
    pub order_nos: Vec<String>,
    pub status: RmaStatus,
    pub verdict: Verdict,
    pub policy_version: i64,
    pub reason_code: String,
    pub preferred_outcome: PreferredOutcome,
    pub currency: String,
    pub value_minor: i64,
    pub opened_by_name: Option<String>,
    pub opened_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
    /// True when the rules decided and no person had to.
    pub decided_by_rules: bool,
    pub received_at: Option<DateTime<Utc>>,
    pub inspected_at: Option<DateTime<Utc>>,
    pub settled_at: Option<DateTime<Utc>>,
    pub tracking_no: Option<String>,
    pub labels_printed: i64,
    pub label_failures: i64,
    pub settlement_kind: Option<String>,
    pub settled_minor: Option<i64>,
    pub restocking_fee_minor: Option<i64>,
    /// Store credit issued ahead of the goods, and when.
    pub credit_issued_minor: Option<i64>,
    pub credit_issued_at: Option<DateTime<Utc>>,
    /// Filled by the app from the clock and the policy: the running deadline, if any.
    pub sla_step: Option<RmaSlaStep>,
    pub due_at: Option<DateTime<Utc>>,
    pub sla: Option<SlaState>,
    /// Recorded at opening; none for RMAs opened before channels were kept ("unspecified").
    pub channel: Option<SalesChannel>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ListRmasInput {
    #[serde(default)]
    #[ts(optional = nullable)]
    pub text: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub status: Option<RmaStatus>,
    /// Only escalated and suspended RMAs: the analysts' queue.
    #[serde(default)]
    pub analyst_queue: bool,
    /// Settled from this day (`YYYY-MM-DD`, included) to `settled_to` (excluded): the RMAs
    /// behind a review's refunds.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub settled_from: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub settled_to: Option<String>,
    /// Only RMAs settled this way: `refund`, `store_credit` or `exchange`.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub settlement_kind: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub channel: Option<ChannelFilter>,
    #[serde(default)]
    pub offset: i64,
    #[serde(default = "super::default_limit")]
    pub limit: i64,
}

const SELECT: &str = "SELECT r.rma_no, r.customer_code, c.name AS customer_name, r.order_nos, r.status, r.verdict, \
    r.policy_version, r.reason_code, r.preferred_outcome, r.currency, r.value_minor, u.display_name AS opened_by_name, \
    r.opened_at, r.decided_at, r.decided_by_rules, r.received_at, r.inspected_at, r.settled_at, r.tracking_no, \
    r.labels_printed, r.label_failures, r.settlement_kind, r.settled_minor, r.restocking_fee_minor, r.credit_issued_minor, r.credit_issued_at, r.channel \
    FROM rmas r LEFT JOIN customers c ON c.code = r.customer_code LEFT JOIN users u ON u.user_id = r.opened_by";

fn row_from(row: &sqlx::sqlite::SqliteRow) -> Result<RmaRow, sqlx::Error> {
    let orders: String = row.try_get("order_nos")?;
    Ok(RmaRow {
        rma_no: row.try_get("rma_no")?,
        customer_code: row.try_get("customer_code")?,
        customer_name: row.try_get("customer_name")?,
        order_nos: orders.split_whitespace().map(str::to_owned).collect(),
        status: named(row, "status")?,
        verdict: named(row, "verdict")?,
        policy_version: row.try_get("policy_version")?,
        reason_code: row.try_get("reason_code")?,
        preferred_outcome: named(row, "preferred_outcome")?,
        currency: row.try_get("currency")?,
        value_minor: row.try_get("value_minor")?,
        opened_by_name: row.try_get("opened_by_name")?,
        opened_at: row.try_get("opened_at")?,
        decided_at: row.try_get("decided_at")?,
        decided_by_rules: row.try_get("decided_by_rules")?,
        received_at: row.try_get("received_at")?,
        inspected_at: row.try_get("inspected_at")?,
        settled_at: row.try_get("settled_at")?,
        tracking_no: row.try_get("tracking_no")?,
        labels_printed: row.try_get("labels_printed")?,
        label_failures: row.try_get("label_failures")?,
        settlement_kind: row.try_get("settlement_kind")?,
        settled_minor: row.try_get("settled_minor")?,
        restocking_fee_minor: row.try_get("restocking_fee_minor")?,
        credit_issued_minor: row.try_get("credit_issued_minor")?,
        credit_issued_at: row.try_get("credit_issued_at")?,
        sla_step: None,
        due_at: None,
        sla: None,
        channel: channel_of(row.try_get("channel")?),
    })
}

fn push_filters(q: &mut QueryBuilder<Sqlite>, input: &ListRmasInput) {
    q.push(" WHERE 1 = 1");
    if let Some(text) = input.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let pattern = contains_pattern(text);
        q.push(" AND (r.rma_no LIKE ").push_bind(pattern.clone()).push(" ESCAPE '\\'");
        q.push(" OR r.order_nos LIKE ").push_bind(pattern.clone()).push(" ESCAPE '\\'");
        q.push(" OR r.customer_code LIKE ").push_bind(pattern.clone()).push(" ESCAPE '\\'");
        q.push(" OR r.tracking_no LIKE ").push_bind(pattern.clone()).push(" ESCAPE '\\'");
        q.push(" OR c.name LIKE ").push_bind(pattern).push(" ESCAPE '\\')");
    }
    if let Some(status) = input.status {
        q.push(" AND r.status = ").push_bind(status.as_str());
    }
    if input.analyst_queue {
        q.push(" AND r.status IN ('escalated', 'suspended')");
    }
    if let Some(from) = given(&input.settled_from) {
        q.push(" AND r.settled_at >= ").push_bind(from);
    }
    if let Some(to) = given(&input.settled_to) {
        q.push(" AND r.settled_at < ").push_bind(to);
    }
    if let Some(kind) = given(&input.settlement_kind) {
        q.push(" AND r.settlement_kind = ").push_bind(kind);
    }
    if let Some(channel) = input.channel {
        channel.push(q, "r.channel");
    }
}

fn given(value: &Option<String>) -> Option<String> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned)
}

/// Newest first; the analysts' queue oldest first, as it is worked through.
pub async fn list_rmas(conn: &mut SqliteConnection, input: &ListRmasInput) -> Result<Page<RmaRow>, StoreError> {
    let (offset, limit) = bounded(input.offset, input.limit);
    let mut count: QueryBuilder<Sqlite> =
        QueryBuilder::new("SELECT COUNT(*) FROM rmas r LEFT JOIN customers c ON c.code = r.customer_code");
    push_filters(&mut count, input);
    let total: i64 = count.build_query_scalar().fetch_one(&mut *conn).await?;
    let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(SELECT);
    push_filters(&mut q, input);
    q.push(if input.analyst_queue { " ORDER BY r.seq_no" } else { " ORDER BY r.seq_no DESC" });
    q.push(" LIMIT ").push_bind(limit).push(" OFFSET ").push_bind(offset);
    let rows = q.build().fetch_all(&mut *conn).await?;
    Ok(Page { rows: rows.iter().map(row_from).collect::<Result<_, _>>()?, total })
}

pub async fn rma_row(conn: &mut SqliteConnection, rma_no: &str) -> Result<Option<RmaRow>, StoreError> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!("{SELECT} WHERE r.rma_no = ?")))
        .bind(rma_no)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.as_ref().map(row_from).transpose()?)
}

/// The newest policy an admin set, if any.
pub async fn return_policy(conn: &mut SqliteConnection) -> Result<Option<ReturnPolicy>, StoreError> {
    let text: Option<String> =
        sqlx::query_scalar("SELECT policy FROM return_policy_versions ORDER BY version DESC LIMIT 1")
            .fetch_optional(&mut *conn)
            .await?;
    Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
}

/// The policy as it was at `version` (the one that judged an RMA); `None` before any was saved.
pub async fn return_policy_version(
    conn: &mut SqliteConnection,
    version: i64,
) -> Result<Option<ReturnPolicy>, StoreError> {
    let text: Option<String> = sqlx::query_scalar("SELECT policy FROM return_policy_versions WHERE version = ?")
        .bind(version)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
}

/// Per (order, line), what RMAs that are not rejected or cancelled already bring back.
pub async fn returning_for(
    conn: &mut SqliteConnection,
    order_nos: &[String],
) -> Result<BTreeMap<(String, i64), i64>, StoreError> {
    if order_nos.is_empty() {
        return Ok(BTreeMap::new());
    }
    let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
        "SELECT l.order_no, l.line_no, SUM(CASE WHEN r.status IN ('received', 'inspected', 'settled') THEN l.qty_received ELSE l.qty END) \
         FROM rma_lines l JOIN rmas r ON r.rma_no = l.rma_no \
         WHERE r.status NOT IN ('rejected', 'cancelled') AND l.order_no IN (",
    );
    let mut list = q.separated(", ");
    for no in order_nos {
        list.push_bind(no.clone());
    }
    q.push(") GROUP BY l.order_no, l.line_no");
    let rows: Vec<(String, i64, i64)> = q.build_query_as().fetch_all(&mut *conn).await?;
    Ok(rows.into_iter().map(|(order, line, qty)| ((order, line), qty)).collect())
}

/// The customer's returned share of ordered lines so far, in basis points; `None` without orders.
pub async fn customer_return_rate_bps(
    conn: &mut SqliteConnection,
    customer_code: &str,
) -> Result<Option<u32>, StoreError> {
    let ordered: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM order_lines l JOIN orders o ON o.order_no = l.order_no WHERE o.customer_code = ?",
    )
    .bind(customer_code)
    .fetch_one(&mut *conn)
    .await?;
    if ordered == 0 {
        return Ok(None);
    }
    let returned: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM rma_lines l JOIN rmas r ON r.rma_no = l.rma_no \
         WHERE r.customer_code = ? AND r.status NOT IN ('rejected', 'cancelled')",
    )
    .bind(customer_code)
    .fetch_one(&mut *conn)
    .await?;
    Ok(u32::try_from(returned * 10_000 / ordered).ok())
}

/// Stock on hand per location (and lot) for a SKU: the sum of its deltas, locations at zero left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StockLevel {
    pub location: String,
    pub lot_code: Option<String>,
    pub qty: i64,
    /// `sellable` (as new), `b_stock` (refurbished or open-box) or `awaiting_refurbishment`.
    pub status: String,
}

pub async fn stock_of(conn: &mut SqliteConnection, sku: &str) -> Result<Vec<StockLevel>, StoreError> {
    let rows: Vec<(String, Option<String>, i64, String)> = sqlx::query_as(
        "SELECT location, lot_code, SUM(qty_delta), stock_status FROM stock_moves WHERE sku = ? \
         GROUP BY location, lot_code, stock_status HAVING SUM(qty_delta) <> 0 ORDER BY location, lot_code, stock_status DESC",
    )
    .bind(sku)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(location, lot_code, qty, status)| StockLevel { location, lot_code, qty, status })
        .collect())
}

/// Units waiting in the refurbishment queue, one row per RMA line and location, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RefurbishmentRow {
    pub rma_no: String,
    pub line_index: i64,
    pub sku: String,
    pub product_name: Option<String>,
    pub lot_code: Option<String>,
    pub location: String,
    pub qty: i64,
    pub serials: Vec<String>,
    pub queued_at: DateTime<Utc>,
}

pub async fn refurbishment_queue(conn: &mut SqliteConnection) -> Result<Vec<RefurbishmentRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT q.rma_no, q.line_index, q.sku, p.name, q.lot_code, q.location, q.qty, q.serials, q.queued_at \
         FROM refurbishment_queue q LEFT JOIN products p ON p.sku = q.sku WHERE q.qty > 0 \
         ORDER BY q.queued_at, q.rma_no, q.line_index, q.location LIMIT 5000",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .map(|r| RefurbishmentRow {
            rma_no: r.get(0),
            line_index: r.get(1),
            sku: r.get(2),
            product_name: r.get(3),
            lot_code: r.get(4),
            location: r.get(5),
            qty: r.get(6),
            serials: serde_json::from_str(&r.get::<String, _>(7)).unwrap_or_default(),
            queued_at: r.get(8),
        })
        .collect())
}

/// B-stock of a lot (refurbished and open-box units, sellable only as such), and its units
/// waiting for refurbishment.
pub async fn b_stock_of_lot(conn: &mut SqliteConnection, lot_code: &str) -> Result<(i64, i64), StoreError> {
    let row: (i64, i64) = sqlx::query_as(
        "SELECT COALESCE(SUM(CASE WHEN stock_status = 'b_stock' THEN qty_delta END), 0), \
         COALESCE(SUM(CASE WHEN stock_status = 'awaiting_refurbishment' THEN qty_delta END), 0) \
         FROM stock_moves WHERE lot_code = ? AND stock_status <> 'sellable'",
    )
    .bind(lot_code)
    .fetch_one(&mut *conn)
    .await?;
    Ok(row)
}

/// A product's returned units kept apart from its stock sold as new, per lot (None: units of no
/// lot): (lot, B-stock, awaiting refurbishment), lots in code order.
pub async fn b_stock_of_sku(
    conn: &mut SqliteConnection,
    sku: &str,
) -> Result<Vec<(Option<String>, i64, i64)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT lot_code, COALESCE(SUM(CASE WHEN stock_status = 'b_stock' THEN qty_delta END), 0), \
         COALESCE(SUM(CASE WHEN stock_status = 'awaiting_refurbishment' THEN qty_delta END), 0) \
         FROM stock_moves WHERE sku = ? AND stock_status <> 'sellable' GROUP BY lot_code \
         HAVING SUM(qty_delta) <> 0 ORDER BY lot_code",
    )
    .bind(sku)
    .fetch_all(&mut *conn)
    .await?)
}

/// The RMA a failure found at returns intake came back with.
pub async fn rma_of_failure(conn: &mut SqliteConnection, failure_no: &str) -> Result<Option<String>, StoreError> {
    Ok(sqlx::query_scalar("SELECT rma_no FROM rma_failures WHERE failure_no = ?")
        .bind(failure_no)
        .fetch_optional(&mut *conn)
        .await?)
}

/// The QC failures found at intake of an RMA, in the order they were logged.
pub async fn failures_of_rma(conn: &mut SqliteConnection, rma_no: &str) -> Result<Vec<String>, StoreError> {
    Ok(sqlx::query_scalar("SELECT failure_no FROM rma_failures WHERE rma_no = ? ORDER BY rowid")
        .bind(rma_no)
        .fetch_all(&mut *conn)
        .await?)
}
