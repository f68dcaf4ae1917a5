//! The returns KPI table, RMA aging and return reasons per sales channel, product category or
//! reason code. Beside the totals in `kpis`, which these leave as they are: the same
//! definitions, each figure counted per group in SQL.
//!
//! Which group a row belongs to:
//! - an RMA: its channel (NULL: unspecified), its reason code, or each product category of its
//!   goods (an RMA with goods of two categories counts once in each);
//! - an order, for the return rate: its channel; each category of its lines, returned when an
//!   RMA took back goods of that category from it; for a reason, every order is in the
//!   denominator and the orders returned for that reason are the numerator;
//! - a returned unit given a disposition: its RMA's channel or reason, or its product's category.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use lotline_domain::returns::RETURNS_AREA;
use lotline_domain::review::{
    KpiBreakdown, KpiTotals, ReasonCount, ReturnedUnits, ReviewPeriod, RmaAging, aging_edges,
};
use sqlx::{Row, SqliteConnection};

use super::kpis::{DISPOSED, LOST, OPEN_STATUSES, minutes, ms};
use super::review::Span;
use crate::StoreError;

/// A group's key: `None` is "unspecified".
pub type GroupKey = Option<String>;

/// `(rma_no, grp)` for every RMA, as a subquery.
fn rma_groups(breakdown: KpiBreakdown) -> &'static str {
    match breakdown {
        KpiBreakdown::Channel => "SELECT rma_no, channel AS grp FROM rmas",
        KpiBreakdown::Reason => "SELECT rma_no, reason_code AS grp FROM rmas",
        KpiBreakdown::Category => {
            "SELECT DISTINCT l.rma_no, p.category AS grp FROM rma_lines l LEFT JOIN products p ON p.sku = l.sku"
        }
    }
}

const LIVE: &str = "r.status NOT IN ('rejected', 'cancelled')";

async fn grouped<const N: usize>(
    conn: &mut SqliteConnection,
    sql: String,
    span: &Span,
) -> Result<Vec<(GroupKey, [i64; N])>, StoreError> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(&span.start).bind(&span.end).fetch_all(&mut *conn).await?;
    Ok(rows
        .iter()
        .map(|r| {
            let mut out = [0; N];
            for (i, v) in out.iter_mut().enumerate() {
                *v = r.get::<Option<i64>, _>(i + 1).unwrap_or(0);
            }
            (r.get::<Option<String>, _>(0), out)
        })
        .collect())
}

/// Orders placed in the span and those returned, per group (see the module's note).
async fn orders(
    conn: &mut SqliteConnection,
    breakdown: KpiBreakdown,
    span: &Span,
    totals: &mut BTreeMap<GroupKey, KpiTotals>,
) -> Result<(), StoreError> {
    let in_span = "o.ordered_at >= ?1 AND o.ordered_at < ?2";
    let sql = match breakdown {
        KpiBreakdown::Channel => format!(
            "SELECT o.channel, COUNT(*), SUM(EXISTS (SELECT 1 FROM rma_lines l JOIN rmas r ON r.rma_no = l.rma_no \
               WHERE l.order_no = o.order_no AND {LIVE})) FROM orders o WHERE {in_span} GROUP BY 1"
        ),
        KpiBreakdown::Category => format!(
            "SELECT oc.category, COUNT(*), SUM(EXISTS (SELECT 1 FROM rma_lines l JOIN rmas r ON r.rma_no = l.rma_no \
               LEFT JOIN products p ON p.sku = l.sku WHERE l.order_no = oc.order_no AND p.category IS oc.category AND {LIVE})) \
             FROM (SELECT DISTINCT o.order_no, p.category FROM orders o JOIN order_lines ol ON ol.order_no = o.order_no \
               LEFT JOIN products p ON p.sku = ol.sku WHERE {in_span}) oc GROUP BY 1"
        ),
        KpiBreakdown::Reason => format!(
            "SELECT r.reason_code, COUNT(DISTINCT o.order_no), COUNT(DISTINCT o.order_no) FROM orders o \
               JOIN rma_lines l ON l.order_no = o.order_no JOIN rmas r ON r.rma_no = l.rma_no \
             WHERE {in_span} AND {LIVE} GROUP BY 1"
        ),
    };
    for (key, [orders, returned]) in grouped::<2>(conn, sql, span).await? {
        let t = totals.entry(key).or_default();
        t.orders = orders;
        t.orders_returned = returned;
    }
    if breakdown == KpiBreakdown::Reason {
        // Every order could have come back for any reason: all of them are each reason's whole.
        let all: i64 =
            sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM orders o WHERE {in_span}")))
                .bind(&span.start)
                .bind(&span.end)
                .fetch_one(&mut *conn)
                .await?;
        for t in totals.values_mut() {
            t.orders = all;
        }
    }
    Ok(())
}

/// The RMA-level figures of `kpis::totals`, per group.
async fn rma_figures(
    conn: &mut SqliteConnection,
    breakdown: KpiBreakdown,
    span: &Span,
    totals: &mut BTreeMap<GroupKey, KpiTotals>,
) -> Result<(), StoreError> {
    let groups = rma_groups(breakdown);
    let inspected = format!(
        "SELECT g.grp, COUNT(x.m), SUM(x.m) FROM (SELECT rma_no, {} AS m FROM rmas \
           WHERE inspected_at >= ?1 AND inspected_at < ?2 AND received_at IS NOT NULL) x \
         JOIN ({groups}) g ON g.rma_no = x.rma_no GROUP BY 1",
        minutes("received_at", "inspected_at")
    );
    for (key, [n, m]) in grouped::<2>(conn, inspected, span).await? {
        let t = totals.entry(key).or_default();
        (t.inspected, t.inspected_minutes) = (n, m);
    }
    // As `kpis::totals` times money paid back, per RMA, then per group.
    let paid_back = format!(
        "SELECT g.grp, COUNT(x.m), SUM(x.m), COUNT(*), SUM(x.refund) FROM (SELECT rma_no, \
           CASE WHEN approved IS NOT NULL THEN {} END AS m, refund FROM (SELECT r.rma_no, \
           r.settlement_kind = 'refund' AND r.credit_issued_at IS NULL AS refund, \
           COALESCE((SELECT MAX(e.occurred_at) FROM events e \
           WHERE e.stream_type = 'rma' AND e.stream_id = r.rma_no AND e.kind = 'rma_payout_approved'), \
           CASE WHEN r.credit_issued_at IS NOT NULL THEN r.decided_at ELSE r.inspected_at END) AS approved, \
           COALESCE(r.credit_issued_at, r.settled_at) AS paid FROM rmas r \
           WHERE ((r.settled_at >= ?1 AND r.settled_at < ?2) OR (r.credit_issued_at >= ?1 AND r.credit_issued_at < ?2)) \
           AND (r.credit_issued_at IS NOT NULL OR r.settlement_kind IN ('refund', 'store_credit'))) \
         WHERE paid >= ?1 AND paid < ?2) x JOIN ({groups}) g ON g.rma_no = x.rma_no GROUP BY 1",
        minutes("approved", "paid")
    );
    for (key, [timed, m, paid, refunds]) in grouped::<4>(conn, paid_back, span).await? {
        let t = totals.entry(key).or_default();
        (t.refunds_timed, t.refund_minutes, t.paid_back, t.refunds_paid) = (timed, m, paid, refunds);
    }
    let decisions = format!(
        "SELECT g.grp, COUNT(*), SUM(r.decided_by_rules), SUM(r.status = 'rejected'), SUM({}) FROM rmas r \
         JOIN ({groups}) g ON g.rma_no = r.rma_no WHERE r.decided_at >= ?1 AND r.decided_at < ?2 GROUP BY 1",
        minutes("r.opened_at", "r.decided_at")
    );
    for (key, [n, auto, rejected, m]) in grouped::<4>(conn, decisions, span).await? {
        let t = totals.entry(key).or_default();
        (t.decided, t.decided_automatically, t.rejected, t.decision_minutes) = (n, auto, rejected, m);
    }
    let labels = format!(
        "SELECT g.grp, COUNT(*), SUM(a.ok) FROM rma_label_attempts a JOIN ({groups}) g ON g.rma_no = a.rma_no \
         WHERE a.at >= ?1 AND a.at < ?2 GROUP BY 1"
    );
    for (key, [attempts, ok]) in grouped::<2>(conn, labels, span).await? {
        let t = totals.entry(key).or_default();
        (t.label_attempts, t.labels_ok) = (attempts, ok);
    }
    Ok(())
}

/// Returned units given a disposition, per group and unit of measure.
async fn returned_units(
    conn: &mut SqliteConnection,
    breakdown: KpiBreakdown,
    span: &Span,
    totals: &mut BTreeMap<GroupKey, KpiTotals>,
) -> Result<(), StoreError> {
    let group = match breakdown {
        KpiBreakdown::Channel => "(SELECT r.channel FROM rmas r WHERE r.rma_no = m.ref_no)",
        KpiBreakdown::Reason => "(SELECT r.reason_code FROM rmas r WHERE r.rma_no = m.ref_no)",
        KpiBreakdown::Category => "(SELECT p.category FROM products p WHERE p.sku = m.sku)",
    };
    let sql = format!(
        "SELECT {group}, COALESCE(l.unit, 'pcs'), SUM(-m.qty_delta), \
           SUM(CASE WHEN m.cause = 'rma_restock' THEN -m.qty_delta ELSE 0 END), \
           SUM(CASE WHEN m.cause IN ({LOST}) THEN -m.qty_delta ELSE 0 END), \
           SUM(CASE WHEN m.cause IN ('rma_recycle', 'rma_write_off') THEN -m.qty_delta ELSE 0 END) \
         FROM stock_moves m LEFT JOIN lots l ON l.lot_code = m.lot_code \
         WHERE m.location = '{RETURNS_AREA}' AND m.at >= ?1 AND m.at < ?2 AND m.qty_delta < 0 \
         AND m.cause IN ({DISPOSED}) GROUP BY 1, 2"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(&span.start).bind(&span.end).fetch_all(&mut *conn).await?;
    for r in &rows {
        let t = totals.entry(r.get::<Option<String>, _>(0)).or_default();
        let units =
            ReturnedUnits { disposed: r.get(2), restocked: r.get(3), unsellable: r.get(4), discarded: r.get(5) };
        t.units_lost += units.unsellable;
        t.returned.insert(r.get(1), units);
    }
    Ok(())
}

/// One period's totals per group, for the figures that are broken down (see
/// `KpiBreakdown::leaves_out`); the others stay at their defaults.
pub async fn grouped_totals(
    conn: &mut SqliteConnection,
    breakdown: KpiBreakdown,
    period: &ReviewPeriod,
) -> Result<BTreeMap<GroupKey, KpiTotals>, StoreError> {
    let span = Span::of(period);
    let mut totals = BTreeMap::new();
    rma_figures(conn, breakdown, &span, &mut totals).await?;
    returned_units(conn, breakdown, &span, &mut totals).await?;
    orders(conn, breakdown, &span, &mut totals).await?;
    Ok(totals)
}

/// The RMAs open now, by age at `now`, per group.
pub async fn grouped_aging(
    conn: &mut SqliteConnection,
    breakdown: KpiBreakdown,
    now: DateTime<Utc>,
) -> Result<BTreeMap<GroupKey, RmaAging>, StoreError> {
    let edge = |t: DateTime<Utc>| t.timestamp_millis();
    let [e0, e1, e2, e3] = aging_edges(now).map(edge);
    let sql = format!(
        "SELECT g.grp, SUM(x.o > {e0}), SUM(x.o <= {e0} AND x.o > {e1}), SUM(x.o <= {e1} AND x.o > {e2}), \
           SUM(x.o <= {e2} AND x.o > {e3}), SUM(x.o <= {e3}) \
         FROM (SELECT rma_no, {} AS o FROM rmas WHERE status IN ({OPEN_STATUSES})) x \
         JOIN ({}) g ON g.rma_no = x.rma_no WHERE x.o <= {} GROUP BY 1",
        ms("opened_at"),
        rma_groups(breakdown),
        edge(now)
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(&mut *conn).await?;
    Ok(rows
        .iter()
        .map(|r| {
            let mut counts = [0i64; 5];
            for (i, c) in counts.iter_mut().enumerate() {
                *c = r.get::<Option<i64>, _>(i + 1).unwrap_or(0);
            }
            (r.get(0), RmaAging::from_counts(counts))
        })
        .collect())
}

/// RMAs opened in the period (refused ones too: a reason a customer gave) and the units they
/// asked to return, per reason and, with a breakdown, per group; for a category, the units of
/// that category's goods.
pub async fn return_reasons(
    conn: &mut SqliteConnection,
    breakdown: Option<KpiBreakdown>,
    period: &ReviewPeriod,
) -> Result<BTreeMap<GroupKey, Vec<ReasonCount>>, StoreError> {
    let group = match breakdown {
        None => "NULL",
        Some(KpiBreakdown::Channel) => "r.channel",
        Some(KpiBreakdown::Reason) => "r.reason_code",
        Some(KpiBreakdown::Category) => "p.category",
    };
    let sql = format!(
        "SELECT {group}, r.reason_code, COUNT(DISTINCT r.rma_no), SUM(l.qty) FROM rmas r \
         JOIN rma_lines l ON l.rma_no = r.rma_no LEFT JOIN products p ON p.sku = l.sku \
         WHERE r.opened_at >= ?1 AND r.opened_at < ?2 GROUP BY 1, 2"
    );
    let span = Span::of(period);
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(&span.start).bind(&span.end).fetch_all(&mut *conn).await?;
    let mut out: BTreeMap<GroupKey, Vec<ReasonCount>> = BTreeMap::new();
    for r in &rows {
        out.entry(r.get(0)).or_default().push(ReasonCount { reason_code: r.get(1), rmas: r.get(2), units: r.get(3) });
    }
    Ok(out)
}
