//! The rows of the returns KPI table for a period and its previous one, plus the RMAs still
//! open (for aging). Every read is an indexed time range; orders are counted per day in SQL.
//!
//! Sources, and what has none:
//! - Handling, label and return shipping costs of an RMA are not recorded anywhere (a label
//!   print carries carrier, service and weight, no price): they are read as 0 here and the app
//!   reports cost per return as "no data" rather than as a cost of 0.
//! - Damaged: the intake graded the goods C or D, or the packaging arrived broken.
//! - The policy's refund: what the customer paid for the units received, less the restocking
//!   fee the RMA's own policy version charges for its reason and condition.

use std::collections::BTreeMap;

use lotline_domain::returns::{ReturnDisposition, ReturnPolicy, restocking_fee};
use lotline_domain::review::{
    KpiInput, LabelAttemptRow, OrderDayRow, RmaDecision, RmaLineReviewRow, RmaReviewRow, StockOnHandRow,
};
use sqlx::{Row, SqliteConnection};

use super::review::{Span, day_text, instant};
use crate::StoreError;

const OPEN_STATUSES: &str =
    "'escalated', 'suspended', 'approved', 'label_printed', 'in_transit', 'received', 'inspected'";

fn disposition(cause: &str) -> Option<ReturnDisposition> {
    Some(match cause {
        "rma_restock" => ReturnDisposition::Restock,
        "rma_refurbish" => ReturnDisposition::Refurbish,
        "rma_open_box" => ReturnDisposition::ResellOpenBox,
        "rma_credit_only" => ReturnDisposition::CreditOnly,
        "rma_donate" => ReturnDisposition::Donate,
        "rma_recycle" => ReturnDisposition::Recycle,
        "rma_write_off" => ReturnDisposition::WriteOff,
        _ => return None,
    })
}

async fn orders(conn: &mut SqliteConnection, span: &Span) -> Result<Vec<OrderDayRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT substr(ordered_at, 1, 10), COUNT(*) FROM orders WHERE ordered_at >= ? AND ordered_at < ? GROUP BY 1",
    )
    .bind(&span.start)
    .bind(&span.end)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .filter_map(|r| Some(OrderDayRow { day: instant(&r.get::<String, _>(0))?.date_naive(), orders: r.get(1) }))
        .collect())
}

async fn policies(conn: &mut SqliteConnection) -> Result<BTreeMap<i64, ReturnPolicy>, StoreError> {
    let rows = sqlx::query("SELECT version, policy FROM return_policy_versions").fetch_all(&mut *conn).await?;
    Ok(rows.iter().filter_map(|r| Some((r.get(0), serde_json::from_str(&r.get::<String, _>(1)).ok()?))).collect())
}

/// Every RMA with a step in the span, and every RMA open now (for aging). Those opened in the
/// span are one index range; the few opened before it with a later step in it, or open and
/// opened outside it, are found apart and deduplicated, so a month's rows are never sorted.
async fn rmas(conn: &mut SqliteConnection, span: &Span) -> Result<Vec<RmaReviewRow>, StoreError> {
    let policies = policies(conn).await?;
    let sql = format!(
        "WITH ids AS (\
           SELECT rma_no FROM rmas WHERE opened_at >= ?1 AND opened_at < ?2 \
           UNION ALL SELECT rma_no FROM (\
             SELECT rma_no FROM rmas WHERE decided_at >= ?1 AND decided_at < ?2 AND opened_at < ?1 \
             UNION SELECT rma_no FROM rmas WHERE received_at >= ?1 AND received_at < ?2 AND opened_at < ?1 \
             UNION SELECT rma_no FROM rmas WHERE inspected_at >= ?1 AND inspected_at < ?2 AND opened_at < ?1 \
             UNION SELECT rma_no FROM rmas WHERE settled_at >= ?1 AND settled_at < ?2 AND opened_at < ?1 \
             UNION SELECT rma_no FROM rmas WHERE status IN ({OPEN_STATUSES}) AND (opened_at < ?1 OR opened_at >= ?2))) \
         SELECT r.rma_no, r.currency, r.opened_at, r.decided_at, r.status, r.decided_by_rules, r.received_at, \
           COALESCE(f.damaged, 0), r.inspected_at, r.settled_at, f.cancelled_at, r.settlement_kind, r.settled_minor, \
           r.policy_version, r.reason_code, f.grade = 'A' AND f.restock_only = 1, \
           CASE WHEN r.settlement_kind = 'refund' THEN \
             (SELECT SUM(l.qty_received * l.unit_price_minor) FROM rma_lines l WHERE l.rma_no = r.rma_no) END \
         FROM ids JOIN rmas r ON r.rma_no = ids.rma_no LEFT JOIN rma_review_facts f ON f.rma_no = r.rma_no"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(&span.start).bind(&span.end).fetch_all(&mut *conn).await?;
    let at = |r: &sqlx::sqlite::SqliteRow, i: usize| r.get::<Option<String>, _>(i).as_deref().and_then(instant);
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let Some(opened_at) = at(r, 2) else { continue };
        let decided_at = at(r, 3);
        let status: String = r.get(4);
        let settled_at = at(r, 9);
        let decision =
            decided_at.map(|_| if status == "rejected" { RmaDecision::Rejected } else { RmaDecision::Approved });
        let closed_at = match status.as_str() {
            "settled" => settled_at,
            "rejected" => decided_at,
            "cancelled" => at(r, 10),
            _ => None,
        };
        let refund = r.get::<Option<String>, _>(11).as_deref() == Some("refund");
        let refund_paid_minor = if refund { r.get(12) } else { None };
        let refund_policy_minor = r.get::<Option<i64>, _>(16).filter(|_| refund).map(|gross| {
            let version: i64 = r.get(13);
            let policy = policies.get(&version).cloned().unwrap_or_else(ReturnPolicy::default_policy);
            let as_new = r.get::<Option<bool>, _>(15).unwrap_or(false);
            gross - restocking_fee(&policy, &r.get::<String, _>(14), gross, as_new)
        });
        out.push(RmaReviewRow {
            rma_no: r.get(0),
            currency: r.get(1),
            opened_at,
            decided_at,
            decision,
            decided_automatically: r.get(5),
            received_at: at(r, 6),
            received_damaged: r.get(7),
            inspected_at: at(r, 8),
            settled_at,
            closed_at,
            handling_cost_minor: 0,
            label_cost_minor: 0,
            return_shipping_cost_minor: 0,
            refund_paid_minor,
            refund_policy_minor,
        });
    }
    Ok(out)
}

/// Each disposition is a move out of the returns area (credit-only lines too, which simply do
/// not come back in), so the moves are the dispositioned lines with their time.
async fn lines(conn: &mut SqliteConnection, span: &Span) -> Result<Vec<RmaLineReviewRow>, StoreError> {
    // The area is written into the statement so that the planner can use the partial index on
    // the returns area's moves.
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT ref_no, sku, -qty_delta, cause, at FROM stock_moves \
         WHERE location = '{}' AND at >= ? AND at < ? AND qty_delta < 0",
        lotline_domain::returns::RETURNS_AREA
    )))
    .bind(&span.start)
    .bind(&span.end)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            Some(RmaLineReviewRow {
                rma_no: r.get(0),
                sku: r.get(1),
                qty: r.get(2),
                disposition: Some(disposition(&r.get::<String, _>(3))?),
                disposed_at: instant(&r.get::<String, _>(4)),
            })
        })
        .collect())
}

async fn labels(conn: &mut SqliteConnection, span: &Span) -> Result<Vec<LabelAttemptRow>, StoreError> {
    let rows = sqlx::query("SELECT at, ok FROM rma_label_attempts WHERE at >= ? AND at < ?")
        .bind(&span.start)
        .bind(&span.end)
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows
        .iter()
        .filter_map(|r| Some(LabelAttemptRow { at: instant(&r.get::<String, _>(0))?, ok: r.get(1) }))
        .collect())
}

/// Units on hand, every SKU and location, at the start of each of `days`.
async fn stock(conn: &mut SqliteConnection, days: &[chrono::NaiveDate]) -> Result<Vec<StockOnHandRow>, StoreError> {
    let mut out = Vec::with_capacity(days.len());
    for day in days {
        let units: i64 = sqlx::query_scalar("SELECT COALESCE(SUM(delta), 0) FROM stock_days WHERE day < ?")
            .bind(day_text(*day))
            .fetch_one(&mut *conn)
            .await?;
        out.push(StockOnHandRow { day: *day, units });
    }
    Ok(out)
}

/// Everything the KPI table of `period` (and its previous period) reads.
pub async fn kpi_input(
    conn: &mut SqliteConnection,
    period: &lotline_domain::review::ReviewPeriod,
) -> Result<KpiInput, StoreError> {
    let previous = period.previous();
    let span = Span::both(&previous, period);
    Ok(KpiInput {
        orders: orders(conn, &span).await?,
        rmas: rmas(conn, &span).await?,
        lines: lines(conn, &span).await?,
        labels: labels(conn, &span).await?,
        stock: stock(conn, &[previous.from, period.from]).await?,
    })
}
