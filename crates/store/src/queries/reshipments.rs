//! Reshipment lists and the facts a request is checked against.

use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

use lotline_domain::reshipment::{ApprovalPolicy, ChargebackStatus, Payer, Queue, ReshipmentStatus, SlaState};
use serde::{Deserialize, Serialize};
use sqlx::{QueryBuilder, Row, Sqlite, SqliteConnection};
use ts_rs::TS;

use super::{Page, bounded, contains_pattern, named, named_opt};
use crate::StoreError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReshipmentRow {
    pub reshipment_no: String,
    pub order_no: String,
    pub customer_name: Option<String>,
    pub status: ReshipmentStatus,
    pub failure_nos: Vec<String>,
    pub requested_by_name: Option<String>,
    pub requested_at: DateTime<Utc>,
    pub authorized_at: Option<DateTime<Utc>>,
    pub due_on: String,
    pub carrier: String,
    pub service: String,
    pub tracking_no: Option<String>,
    pub shipped_on: Option<String>,
    pub delivered_on: Option<String>,
    pub shipping_minor: i64,
    pub goods_minor: i64,
    pub total_minor: i64,
    pub currency: String,
    pub payer: Payer,
    pub vendor_code: Option<String>,
    pub chargeback_status: Option<ChargebackStatus>,
    pub recovered_minor: i64,
    pub ship_to_name: String,
    pub reason: String,
    /// The return this reshipment exchanges, if it is a replacement for one.
    pub rma_no: Option<String>,
    /// Filled in by the caller, who knows today's date.
    pub sla: Option<SlaState>,
    /// The team whose move it is, if anyone's.
    pub queue: Option<Queue>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ListReshipmentsInput {
    #[serde(default)]
    #[ts(optional = nullable)]
    pub text: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub status: Option<ReshipmentStatus>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub queue: Option<Queue>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub sla: Option<SlaState>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub failure_no: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub order_no: Option<String>,
    /// Shipped from this day (`YYYY-MM-DD`, included) to `shipped_to` (excluded): the
    /// reshipments behind a review's shipping and goods costs and its timeliness.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub shipped_from: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub shipped_to: Option<String>,
    /// A vendor paid back on the chargeback in this range (same bounds): the review's recoveries.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub recovered_from: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub recovered_to: Option<String>,
    #[serde(default)]
    pub offset: i64,
    #[serde(default = "super::default_limit")]
    pub limit: i64,
}

/// Dates the SLA filters compare against: today, and the last day still counted as at risk.
#[derive(Debug, Clone)]
pub struct SlaDates {
    pub today: String,
    pub at_risk_until: String,
}

const SELECT: &str = "SELECT r.*, c.name AS customer_name, u.display_name AS requested_by_name, \
    (SELECT group_concat(failure_no, ' ') FROM (SELECT failure_no FROM reshipment_failures f WHERE f.reshipment_no = r.reshipment_no ORDER BY failure_no)) AS failure_list \
    FROM reshipments r LEFT JOIN orders o ON o.order_no = r.order_no LEFT JOIN customers c ON c.code = o.customer_code \
    LEFT JOIN users u ON u.user_id = r.requested_by";

/// The SQL condition for a team's queue: who owns the next step.
fn queue_condition(queue: Queue) -> &'static str {
    match queue {
        Queue::Finance => "r.status = 'requested'",
        Queue::Logistics => "r.status IN ('authorized', 'shipped')",
        Queue::VendorManagement => {
            "r.status NOT IN ('rejected', 'cancelled') AND r.chargeback_status IN ('open', 'accepted', 'disputed')"
        }
    }
}

pub fn queue_of(status: ReshipmentStatus, chargeback_status: Option<ChargebackStatus>) -> Option<Queue> {
    match status {
        ReshipmentStatus::Requested => Some(Queue::Finance),
        ReshipmentStatus::Authorized | ReshipmentStatus::Shipped => Some(Queue::Logistics),
        ReshipmentStatus::Delivered
            if matches!(
                chargeback_status,
                Some(ChargebackStatus::Open | ChargebackStatus::Accepted | ChargebackStatus::Disputed)
            ) =>
        {
            Some(Queue::VendorManagement)
        }
        _ => None,
    }
}

fn row_from(r: &sqlx::sqlite::SqliteRow) -> Result<ReshipmentRow, sqlx::Error> {
    let status = named(r, "status")?;
    let chargeback_status = named_opt(r, "chargeback_status")?;
    let failures: Option<String> = r.try_get("failure_list")?;
    Ok(ReshipmentRow {
        reshipment_no: r.try_get("reshipment_no")?,
        order_no: r.try_get("order_no")?,
        customer_name: r.try_get("customer_name")?,
        status,
        failure_nos: failures.unwrap_or_default().split_whitespace().map(str::to_owned).collect(),
        requested_by_name: r.try_get("requested_by_name")?,
        requested_at: r.try_get("requested_at")?,
        authorized_at: r.try_get("authorized_at")?,
        due_on: r.try_get("due_on")?,
        carrier: r.try_get("carrier")?,
        service: r.try_get("service")?,
        tracking_no: r.try_get("tracking_no")?,
        shipped_on: r.try_get("shipped_on")?,
        delivered_on: r.try_get("delivered_on")?,
        shipping_minor: r.try_get("shipping_minor")?,
        goods_minor: r.try_get("goods_minor")?,
        total_minor: r.try_get("total_minor")?,
        currency: r.try_get("currency")?,
        payer: named(r, "payer")?,
        vendor_code: r.try_get("vendor_code")?,
        queue: queue_of(status, chargeback_status),
        chargeback_status,
        recovered_minor: r.try_get("recovered_minor")?,
        ship_to_name: r.try_get("ship_to_name")?,
        reason: r.try_get("reason")?,
        rma_no: r.try_get("rma_no")?,
        sla: None,
    })
}

fn push_filters(q: &mut QueryBuilder<Sqlite>, input: &ListReshipmentsInput, dates: &SlaDates) {
    q.push(" WHERE 1 = 1");
    if let Some(text) = input.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let pattern = contains_pattern(text);
        q.push(" AND (r.reshipment_no LIKE ").push_bind(pattern.clone()).push(" ESCAPE '\\'");
        q.push(" OR r.order_no LIKE ").push_bind(pattern.clone()).push(" ESCAPE '\\'");
        q.push(" OR r.tracking_no LIKE ").push_bind(pattern.clone()).push(" ESCAPE '\\'");
        q.push(" OR r.ship_to_name LIKE ").push_bind(pattern.clone()).push(" ESCAPE '\\'");
        q.push(" OR EXISTS (SELECT 1 FROM reshipment_failures f WHERE f.reshipment_no = r.reshipment_no AND f.failure_no LIKE ")
            .push_bind(pattern)
            .push(" ESCAPE '\\'))");
    }
    if let Some(status) = input.status {
        q.push(" AND r.status = ").push_bind(status.as_str());
    }
    if let Some(queue) = input.queue {
        q.push(" AND ").push(queue_condition(queue));
    }
    if let Some(no) = input.failure_no.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        q.push(" AND r.reshipment_no IN (SELECT reshipment_no FROM reshipment_failures WHERE failure_no = ")
            .push_bind(no.to_owned())
            .push(")");
    }
    if let Some(no) = input.order_no.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        q.push(" AND r.order_no = ").push_bind(no.to_owned());
    }
    let given = |v: &Option<String>| v.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned);
    if let Some(from) = given(&input.shipped_from) {
        q.push(" AND r.shipped_on >= ").push_bind(from);
    }
    if let Some(to) = given(&input.shipped_to) {
        q.push(" AND r.shipped_on < ").push_bind(to);
    }
    if given(&input.recovered_from).is_some() || given(&input.recovered_to).is_some() {
        q.push(" AND EXISTS (SELECT 1 FROM chargeback_recoveries c WHERE c.reshipment_no = r.reshipment_no");
        if let Some(from) = given(&input.recovered_from) {
            q.push(" AND c.at >= ").push_bind(from);
        }
        if let Some(to) = given(&input.recovered_to) {
            q.push(" AND c.at < ").push_bind(to);
        }
        q.push(")");
    }
    let open = " AND r.status IN ('requested', 'authorized')";
    match input.sla {
        Some(SlaState::Overdue) => {
            q.push(open).push(" AND r.due_on < ").push_bind(dates.today.clone());
        }
        Some(SlaState::AtRisk) => {
            q.push(open).push(" AND r.due_on >= ").push_bind(dates.today.clone());
            q.push(" AND r.due_on <= ").push_bind(dates.at_risk_until.clone());
        }
        Some(SlaState::OnTrack) => {
            q.push(open).push(" AND r.due_on > ").push_bind(dates.at_risk_until.clone());
        }
        Some(SlaState::ShippedOnTime) => {
            q.push(" AND r.status IN ('shipped', 'delivered') AND r.shipped_on <= r.due_on");
        }
        Some(SlaState::ShippedLate) => {
            q.push(" AND r.status IN ('shipped', 'delivered') AND r.shipped_on > r.due_on");
        }
        Some(SlaState::Closed) => {
            q.push(" AND r.status IN ('rejected', 'cancelled')");
        }
        None => {}
    }
}

/// Newest first; open ones due soonest first when filtering on the SLA.
pub async fn list_reshipments(
    conn: &mut SqliteConnection,
    input: &ListReshipmentsInput,
    dates: &SlaDates,
) -> Result<Page<ReshipmentRow>, StoreError> {
    let (offset, limit) = bounded(input.offset, input.limit);
    let mut count: QueryBuilder<Sqlite> = QueryBuilder::new("SELECT COUNT(*) FROM reshipments r");
    push_filters(&mut count, input, dates);
    let total: i64 = count.build_query_scalar().fetch_one(&mut *conn).await?;
    let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(SELECT);
    push_filters(&mut q, input, dates);
    if input.sla.is_some() || input.queue.is_some() {
        q.push(" ORDER BY r.due_on, r.seq_no");
    } else {
        q.push(" ORDER BY r.seq_no DESC");
    }
    q.push(" LIMIT ").push_bind(limit).push(" OFFSET ").push_bind(offset);
    let rows = q.build().fetch_all(&mut *conn).await?;
    Ok(Page { rows: rows.iter().map(row_from).collect::<Result<_, _>>()?, total })
}

pub async fn reshipment_row(
    conn: &mut SqliteConnection,
    reshipment_no: &str,
) -> Result<Option<ReshipmentRow>, StoreError> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!("{SELECT} WHERE r.reshipment_no = ?")))
        .bind(reshipment_no)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.as_ref().map(row_from).transpose()?)
}

/// The policy an admin set, if any.
pub async fn approval_policy(conn: &mut SqliteConnection) -> Result<Option<ApprovalPolicy>, StoreError> {
    let text: Option<String> =
        sqlx::query_scalar("SELECT policy FROM approval_policy WHERE id = 1").fetch_optional(&mut *conn).await?;
    Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
}

/// Per SKU, what active reshipments linked to any of `failure_nos` already send.
/// Per SKU, what active reshipments exchanging `rma_no` already send.
pub async fn reshipped_for_rma(conn: &mut SqliteConnection, rma_no: &str) -> Result<BTreeMap<String, i64>, StoreError> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT i.sku, SUM(i.qty) FROM reshipment_items i JOIN reshipments r ON r.reshipment_no = i.reshipment_no \
         WHERE r.status NOT IN ('rejected', 'cancelled') AND r.rma_no = ? GROUP BY i.sku",
    )
    .bind(rma_no)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().collect())
}

/// The reshipments (any status) that exchange `rma_no`, oldest first.
pub async fn reshipments_for_rma(conn: &mut SqliteConnection, rma_no: &str) -> Result<Vec<String>, StoreError> {
    Ok(sqlx::query_scalar("SELECT reshipment_no FROM reshipments WHERE rma_no = ? ORDER BY seq_no")
        .bind(rma_no)
        .fetch_all(&mut *conn)
        .await?)
}

pub async fn reshipped_for(
    conn: &mut SqliteConnection,
    failure_nos: &[String],
) -> Result<BTreeMap<String, i64>, StoreError> {
    if failure_nos.is_empty() {
        return Ok(BTreeMap::new());
    }
    let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
        "SELECT i.sku, SUM(i.qty) FROM reshipment_items i JOIN reshipments r ON r.reshipment_no = i.reshipment_no \
         WHERE r.status NOT IN ('rejected', 'cancelled') AND r.reshipment_no IN \
         (SELECT reshipment_no FROM reshipment_failures WHERE failure_no IN (",
    );
    let mut list = q.separated(", ");
    for no in failure_nos {
        list.push_bind(no.clone());
    }
    q.push(")) GROUP BY i.sku");
    let rows = q.build().fetch_all(&mut *conn).await?;
    Ok(rows.iter().map(|r| (r.get::<String, _>(0), r.get::<i64, _>(1))).collect())
}

/// The reshipments a failure led to, for its history.
pub async fn reshipments_of_failure(conn: &mut SqliteConnection, failure_no: &str) -> Result<Vec<String>, StoreError> {
    Ok(sqlx::query_scalar("SELECT reshipment_no FROM reshipment_failures WHERE failure_no = ? ORDER BY reshipment_no")
        .bind(failure_no)
        .fetch_all(&mut *conn)
        .await?)
}

/// Every reshipment, oldest first, for export.
pub async fn all_reshipments(conn: &mut SqliteConnection) -> Result<Vec<ReshipmentRow>, StoreError> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!("{SELECT} ORDER BY r.seq_no"))).fetch_all(&mut *conn).await?;
    Ok(rows.iter().map(row_from).collect::<Result<_, _>>()?)
}
