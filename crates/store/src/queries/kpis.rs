//! The returns KPI table's totals for a period and its previous one, and the aging of the RMAs
//! still open. Every figure is counted or summed in SQL over an indexed time range, so a month
//! of 100,000 RMAs is never read row by row; `KpiTotals::of` in the domain is the same
//! definition over rows.
//!
//! Sources, and what has none:
//! - Cost of a return: what was recorded for it, else the handling cost and label postage its
//!   return policy version sets (in the installation's currency), per RMA and per prepaid label
//!   printed; per unit, over the pieces taken back; see `costs`.
//! - Cannot be resold: returned units donated, recycled or written off.
//! - The policy's refund: what the customer paid for the units received, less the restocking
//!   fee the RMA's own policy version charges for its reason and condition.
//! - Times are compared as instants (`unixepoch`), to the millisecond, so stored texts with and
//!   without fractions of a second agree; whole minutes are rounded per RMA as `minutes_between`.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use lotline_domain::returns::{RETURNS_AREA, ReturnPolicy, restocking_fee};
use lotline_domain::review::{KpiTotals, ReturnCosts, ReturnedUnits, ReviewPeriod, RmaAging, aging_edges};
use sqlx::{Row, SqliteConnection};

use super::review::{Span, day_text};
use crate::StoreError;

pub(super) const OPEN_STATUSES: &str =
    "'escalated', 'suspended', 'approved', 'label_printed', 'in_transit', 'received', 'inspected'";

/// The causes of moves out of the returns area that are dispositions; those lost to stock.
pub(super) const DISPOSED: &str =
    "'rma_restock', 'rma_refurbish', 'rma_open_box', 'rma_credit_only', 'rma_donate', 'rma_recycle', 'rma_write_off'";
pub(super) const LOST: &str = "'rma_donate', 'rma_recycle', 'rma_write_off'";

/// An instant stored as text, in whole milliseconds.
pub(super) fn ms(column: &str) -> String {
    format!("CAST(round(unixepoch({column}, 'subsec') * 1000) AS INTEGER)")
}

/// `minutes_between(from, to)` in SQL: whole seconds (truncated), never negative, rounded to
/// the nearest minute with halves up.
pub(super) fn minutes(from: &str, to: &str) -> String {
    format!("(MAX(0, ({} - {}) / 1000) + 30) / 60", ms(to), ms(from))
}

// Kept while other queries of this module are being written against it (the totals now read
// both periods in one statement); remove once nothing calls it.
#[allow(dead_code)]
async fn scalars<const N: usize>(conn: &mut SqliteConnection, sql: &str, span: &Span) -> Result<[i64; N], StoreError> {
    let row = sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()))
        .bind(&span.start)
        .bind(&span.end)
        .fetch_one(&mut *conn)
        .await?;
    let mut out = [0; N];
    for (i, v) in out.iter_mut().enumerate() {
        *v = row.get::<Option<i64>, _>(i).unwrap_or(0);
    }
    Ok(out)
}

pub(crate) async fn policies(conn: &mut SqliteConnection) -> Result<BTreeMap<i64, ReturnPolicy>, StoreError> {
    let rows = sqlx::query("SELECT version, policy FROM return_policy_versions").fetch_all(&mut *conn).await?;
    Ok(rows.iter().filter_map(|r| Some((r.get(0), serde_json::from_str(&r.get::<String, _>(1)).ok()?))).collect())
}

/// Refunds settled in the span that have a policy amount, and those paid exactly it. The fee
/// is the policy's rule, so these few rows are read; the other figures are summed in SQL.
async fn refunds(
    conn: &mut SqliteConnection,
    span: &Span,
    policies: &BTreeMap<i64, ReturnPolicy>,
) -> Result<(i64, i64), StoreError> {
    let rows = sqlx::query(
        "SELECT r.settled_minor, r.policy_version, r.reason_code, f.grade = 'A' AND f.restock_only = 1, \
           (SELECT SUM(l.qty_received * l.unit_price_minor) FROM rma_lines l WHERE l.rma_no = r.rma_no) \
         FROM rmas r LEFT JOIN rma_review_facts f ON f.rma_no = r.rma_no \
         WHERE r.settled_at >= ?1 AND r.settled_at < ?2 AND r.settlement_kind = 'refund'",
    )
    .bind(&span.start)
    .bind(&span.end)
    .fetch_all(&mut *conn)
    .await?;
    let (mut judged, mut exact) = (0, 0);
    for r in &rows {
        let (Some(paid), Some(gross)) = (r.get::<Option<i64>, _>(0), r.get::<Option<i64>, _>(4)) else { continue };
        let policy = policies.get(&r.get::<i64, _>(1)).cloned().unwrap_or_else(ReturnPolicy::default_policy);
        let as_new = r.get::<Option<bool>, _>(3).unwrap_or(false);
        judged += 1;
        exact += i64::from(paid == gross - restocking_fee(&policy, &r.get::<String, _>(2), gross, as_new));
    }
    Ok((judged, exact))
}

/// Per currency: the RMAs settled in the span whose cost is known, and that cost. A return
/// costs what was recorded for it (`rma_costs`, in the installation's currency) where anything
/// was; else what the policy it was opened under sets for handling, plus one label's postage if
/// a prepaid label was printed for it (a reprint is drawn here and buys no second postage).
/// Those amounts are in the installation's currency, so RMAs in another currency, or with no
/// recorded cost under a policy that sets neither, have no known cost and are left out. The
/// units taken back count for the cost per unit only when all of an RMA's are pieces.
async fn costs(
    conn: &mut SqliteConnection,
    span: &Span,
    policies: &BTreeMap<i64, ReturnPolicy>,
) -> Result<BTreeMap<String, ReturnCosts>, StoreError> {
    let home: Option<String> =
        sqlx::query_scalar("SELECT currency FROM settings WHERE id = 1").fetch_optional(&mut *conn).await?;
    let rows = sqlx::query(
        "SELECT policy_version, recorded IS NOT NULL, countable, COUNT(*), SUM(labelled), SUM(COALESCE(recorded, 0)), \
           SUM(CASE WHEN countable THEN units ELSE 0 END) FROM (SELECT r.policy_version, \
           (SELECT SUM(c.amount_minor) FROM rma_costs c WHERE c.rma_no = r.rma_no AND c.currency = r.currency) AS recorded, \
           EXISTS (SELECT 1 FROM rma_label_attempts a WHERE a.rma_no = r.rma_no AND a.ok = 1) AS labelled, \
           (SELECT SUM(l.qty_received) FROM rma_lines l WHERE l.rma_no = r.rma_no) AS units, \
           COALESCE((SELECT SUM(l.qty_received) FROM rma_lines l WHERE l.rma_no = r.rma_no), 0) > 0 \
             AND NOT EXISTS (SELECT 1 FROM rma_lines l JOIN lots t ON t.lot_code = l.lot_code \
               WHERE l.rma_no = r.rma_no AND t.unit <> 'pcs') AS countable \
         FROM rmas r WHERE r.settled_at >= ?1 AND r.settled_at < ?2 AND r.currency = ?3) GROUP BY 1, 2, 3",
    )
    .bind(&span.start)
    .bind(&span.end)
    .bind(&home)
    .fetch_all(&mut *conn)
    .await?;
    let mut total = ReturnCosts::default();
    for r in &rows {
        let (recorded, countable): (bool, bool) = (r.get(1), r.get(2));
        let (settled, labels, recorded_minor, units): (i64, i64, i64, i64) = (r.get(3), r.get(4), r.get(5), r.get(6));
        let cost = if recorded {
            recorded_minor
        } else {
            let Some(cost) = policies.get(&r.get::<i64, _>(0)).and_then(|p| p.returns_cost_minor(settled, labels))
            else {
                continue;
            };
            cost
        };
        total.settled += settled;
        total.cost_minor += cost;
        if countable {
            total.units += units;
            total.units_cost_minor += cost;
        }
    }
    Ok(match home {
        Some(currency) if total.settled > 0 => BTreeMap::from([(currency, total)]),
        _ => BTreeMap::new(),
    })
}

/// Which of the two periods `column` falls in: 1 this one (?3 to ?4), 0 the one before (?1 to
/// ?2), NULL neither. Rows are found by the range of both (?1 to ?4) and grouped by this.
fn which(column: &str) -> String {
    format!("CASE WHEN {column} >= ?3 AND {column} < ?4 THEN 1 WHEN {column} >= ?1 AND {column} < ?2 THEN 0 END")
}

/// The counted and summed totals of both periods in one statement: each table is read once over
/// both periods' range and its rows grouped by period (a statement per figure and period read
/// the same rows eight times over and cost most of the table). One row per period, the
/// previous first. The paid-back rows are materialised so that each one's approval is looked up
/// in the log once, not once per mention.
fn both_periods_sql() -> String {
    let paid = which("paid");
    format!(
        "WITH o AS (SELECT p, COUNT(*) AS n, SUM(returned) AS returned FROM (SELECT {} AS p, \
             EXISTS (SELECT 1 FROM rma_lines l JOIN rmas r ON r.rma_no = l.rma_no \
               WHERE l.order_no = o.order_no AND r.status NOT IN ('rejected', 'cancelled')) AS returned \
             FROM orders o WHERE o.ordered_at >= ?1 AND o.ordered_at < ?4) GROUP BY p), \
         i AS (SELECT p, COUNT(m) AS n, SUM(m) AS m FROM (SELECT {} AS p, {} AS m FROM rmas \
             WHERE inspected_at >= ?1 AND inspected_at < ?4 AND received_at IS NOT NULL) GROUP BY p), \
         paid AS MATERIALIZED (SELECT r.settlement_kind = 'refund' AND r.credit_issued_at IS NULL AS refund, \
               COALESCE((SELECT MAX(e.occurred_at) FROM events e \
               WHERE e.stream_type = 'rma' AND e.stream_id = r.rma_no AND e.kind = 'rma_payout_approved'), \
               CASE WHEN r.credit_issued_at IS NOT NULL THEN r.decided_at ELSE r.inspected_at END) AS approved, \
               COALESCE(r.credit_issued_at, r.settled_at) AS paid FROM rmas r \
             WHERE ((r.settled_at >= ?1 AND r.settled_at < ?4) OR (r.credit_issued_at >= ?1 AND r.credit_issued_at < ?4)) \
               AND (r.credit_issued_at IS NOT NULL OR r.settlement_kind IN ('refund', 'store_credit'))), \
         pb AS (SELECT p, COUNT(m) AS timed, SUM(m) AS m, COUNT(*) AS n, SUM(refund) AS refunds FROM \
             (SELECT {paid} AS p, CASE WHEN approved IS NOT NULL THEN {} END AS m, refund FROM paid) \
             WHERE p IS NOT NULL GROUP BY p), \
         d AS (SELECT p, COUNT(*) AS n, SUM(auto) AS auto, SUM(rejected) AS rejected, SUM(m) AS m FROM \
             (SELECT {} AS p, decided_by_rules AS auto, status = 'rejected' AS rejected, {} AS m FROM rmas \
             WHERE decided_at >= ?1 AND decided_at < ?4) GROUP BY p), \
         a AS (SELECT {} AS p, COUNT(*) AS n, SUM(ok) AS ok FROM rma_label_attempts WHERE at >= ?1 AND at < ?4 GROUP BY 1) \
         SELECT k.p, o.n, o.returned, i.n, i.m, pb.timed, pb.m, pb.n, pb.refunds, d.n, d.auto, d.rejected, d.m, \
           a.n, a.ok, (SELECT COALESCE(SUM(delta), 0) FROM stock_days WHERE day < CASE k.p WHEN 1 THEN ?6 ELSE ?5 END) \
         FROM (SELECT 0 AS p UNION ALL SELECT 1) k LEFT JOIN o ON o.p = k.p LEFT JOIN i ON i.p = k.p \
           LEFT JOIN pb ON pb.p = k.p LEFT JOIN d ON d.p = k.p LEFT JOIN a ON a.p = k.p ORDER BY k.p",
        which("o.ordered_at"),
        which("inspected_at"),
        minutes("received_at", "inspected_at"),
        minutes("approved", "paid"),
        which("decided_at"),
        minutes("opened_at", "decided_at"),
        which("at"),
    )
}

/// The units given a disposition from the returns area in each period, per unit of measure. The
/// area is written into the statement so that the planner can use the partial index on the
/// returns area's moves. A move's unit of measure is its lot's; goods without a lot count in
/// pieces.
async fn returned_units(
    conn: &mut SqliteConnection,
    (before, now): (&Span, &Span),
) -> Result<[BTreeMap<String, ReturnedUnits>; 2], StoreError> {
    let sql = format!(
        "SELECT {}, COALESCE(l.unit, 'pcs'), SUM(-m.qty_delta), SUM(CASE WHEN m.cause = 'rma_restock' THEN -m.qty_delta ELSE 0 END), \
           SUM(CASE WHEN m.cause IN ({LOST}) THEN -m.qty_delta ELSE 0 END), \
           SUM(CASE WHEN m.cause IN ('rma_recycle', 'rma_write_off') THEN -m.qty_delta ELSE 0 END) \
         FROM stock_moves m LEFT JOIN lots l ON l.lot_code = m.lot_code \
         WHERE m.location = '{RETURNS_AREA}' AND m.at >= ?1 AND m.at < ?4 AND m.qty_delta < 0 \
         AND m.cause IN ({DISPOSED}) GROUP BY 1, 2",
        which("m.at")
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(&before.start)
        .bind(&before.end)
        .bind(&now.start)
        .bind(&now.end)
        .fetch_all(&mut *conn)
        .await?;
    let mut returned: [BTreeMap<String, ReturnedUnits>; 2] = Default::default();
    for r in &rows {
        let Some(p) = r.get::<Option<i64>, _>(0) else { continue };
        let units =
            ReturnedUnits { disposed: r.get(2), restocked: r.get(3), unsellable: r.get(4), discarded: r.get(5) };
        returned[usize::from(p == 1)].insert(r.get(1), units);
    }
    Ok(returned)
}

/// Both periods' totals, the previous first.
async fn totals(conn: &mut SqliteConnection, period: &ReviewPeriod) -> Result<[KpiTotals; 2], StoreError> {
    let (before_period, now_period) = (period.previous(), *period);
    let (before, now) = (Span::of(&before_period), Span::of(&now_period));
    let rows = sqlx::query(sqlx::AssertSqlSafe(both_periods_sql()))
        .bind(&before.start)
        .bind(&before.end)
        .bind(&now.start)
        .bind(&now.end)
        .bind(day_text(before_period.from))
        .bind(day_text(now_period.from))
        .fetch_all(&mut *conn)
        .await?;
    let [returned_before, returned_now] = returned_units(conn, (&before, &now)).await?;
    let policies = policies(conn).await?;
    let mut out: [KpiTotals; 2] = Default::default();
    for ((t, r), (span, returned)) in out.iter_mut().zip(&rows).zip([(&before, returned_before), (&now, returned_now)])
    {
        let n = |i: usize| r.get::<Option<i64>, _>(i).unwrap_or(0);
        let (refunds_judged, refunds_exact) = refunds(conn, span, &policies).await?;
        *t = KpiTotals {
            orders: n(1),
            orders_returned: n(2),
            inspected: n(3),
            inspected_minutes: n(4),
            refunds_timed: n(5),
            refund_minutes: n(6),
            paid_back: n(7),
            refunds_paid: n(8),
            decided: n(9),
            decided_automatically: n(10),
            rejected: n(11),
            decision_minutes: n(12),
            label_attempts: n(13),
            labels_ok: n(14),
            stock_at_start: n(15),
            units_lost: returned.values().map(|u| u.unsellable).sum(),
            returned,
            refunds_judged,
            refunds_exact,
            costs: costs(conn, span, &policies).await?,
        };
    }
    Ok(out)
}

/// The RMAs open now, by age at `now`, counted against the domain's bucket edges.
async fn aging(conn: &mut SqliteConnection, now: DateTime<Utc>) -> Result<RmaAging, StoreError> {
    let edge = |t: DateTime<Utc>| t.timestamp_millis();
    let [e0, e1, e2, e3] = aging_edges(now).map(edge);
    let sql = format!(
        "SELECT SUM(o > {e0}), SUM(o <= {e0} AND o > {e1}), SUM(o <= {e1} AND o > {e2}), \
           SUM(o <= {e2} AND o > {e3}), SUM(o <= {e3}) \
         FROM (SELECT {} AS o FROM rmas WHERE status IN ({OPEN_STATUSES})) WHERE o <= {}",
        ms("opened_at"),
        edge(now)
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_one(&mut *conn).await?;
    let mut counts = [0i64; 5];
    for (i, c) in counts.iter_mut().enumerate() {
        *c = row.get::<Option<i64>, _>(i).unwrap_or(0);
    }
    Ok(RmaAging::from_counts(counts))
}

/// The totals of `period` and of its previous period, and the aging of open RMAs at `now`.
pub async fn kpi_totals(
    conn: &mut SqliteConnection,
    period: &ReviewPeriod,
    now: DateTime<Utc>,
) -> Result<(KpiTotals, KpiTotals, RmaAging), StoreError> {
    let [previous, current] = totals(conn, period).await?;
    Ok((current, previous, aging(conn, now).await?))
}
