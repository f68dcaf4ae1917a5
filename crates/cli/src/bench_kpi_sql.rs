//! The KPI table's baseline: one hand-written statement computing, for the period and the one
//! before it (the act computes both), every KPI whose definition is an aggregate (counts, sums of
//! minutes, units lost and the stock they are measured against) and the aging of the RMAs open
//! now. The values are then worked out with the domain's own `measure`, so what is compared is
//! the table's value, previous value and sample of each of those KPIs.
//!
//! Not in the statement: refund accuracy and the costs per return, which apply each RMA's return
//! policy (a rule in Rust, not SQL), and the per-unit-of-measure rates, whose keys a scalar
//! statement cannot return; their inputs are the RMAs settled and the units disposed of.

use chrono::{DateTime, Utc};
use lotline_domain::review::{KpiId, KpiTotals, aging_edges, measure};
use serde_json::Value;

/// The KPIs the statement's totals define, in the order their numbers are compared.
const COMPARED: [KpiId; 9] = [
    KpiId::ReturnRate,
    KpiId::ReceiptToDecision,
    KpiId::RefundProcessing,
    KpiId::InventoryImpact,
    KpiId::AutomationRate,
    KpiId::DenialRate,
    KpiId::LabelSuccessRate,
    KpiId::TimeToAuthorization,
    KpiId::RefundShare,
];

/// Columns per period, in `totals`' order.
const PER_PERIOD: usize = 16;

fn ms(column: &str) -> String {
    format!("CAST(round(unixepoch({column}, 'subsec') * 1000) AS INTEGER)")
}

fn minutes(from: &str, to: &str) -> String {
    format!("(MAX(0, ({} - {}) / 1000) + 30) / 60", ms(to), ms(from))
}

/// Whether `column` falls in one of the two periods, and in which (`now` is 1 in the later).
fn period(column: &str) -> (String, String) {
    (format!("(({column} >= ?1 AND {column} < ?2) OR ({column} >= ?3 AND {column} < ?4))"), format!("{column} >= ?3"))
}

/// Binds: ?1, ?2 the previous period's span; ?3, ?4 this one's; ?5, ?6 their first days. The
/// aging's edges at `now` are written in, in milliseconds, as the act's are.
pub fn statement(now: DateTime<Utc>) -> String {
    let [e0, e1, e2, e3] = aging_edges(now).map(|t| t.timestamp_millis());
    let end = now.timestamp_millis();
    let (orders_in, orders_now) = period("o.ordered_at");
    let (inspected_in, inspected_now) = period("inspected_at");
    let (decided_in, decided_now) = period("decided_at");
    let (labels_in, labels_now) = period("at");
    let (settled_in, _) = period("r.settled_at");
    let (credited_in, _) = period("r.credit_issued_at");
    let (paid_in, paid_now) = period("paid");
    let (moved_in, moved_now) = period("m.at");
    let open_at = ms("opened_at");
    let per_period = |now: &str| {
        format!(
            "(SELECT COUNT(*) FROM o WHERE now = {now}), (SELECT SUM(returned) FROM o WHERE now = {now}), \
             (SELECT COUNT(m) FROM i WHERE now = {now}), (SELECT SUM(m) FROM i WHERE now = {now}), \
             (SELECT COUNT(m) FROM p WHERE now = {now}), (SELECT SUM(m) FROM p WHERE now = {now}), \
             (SELECT COUNT(*) FROM p WHERE now = {now}), (SELECT SUM(refund) FROM p WHERE now = {now}), \
             (SELECT SUM(lost) FROM u WHERE now = {now}), \
             (SELECT COALESCE(SUM(delta), 0) FROM stock_days WHERE day < CASE {now} WHEN 1 THEN ?6 ELSE ?5 END), \
             (SELECT COUNT(*) FROM d WHERE now = {now}), (SELECT SUM(auto) FROM d WHERE now = {now}), \
             (SELECT SUM(rejected) FROM d WHERE now = {now}), (SELECT SUM(m) FROM d WHERE now = {now}), \
             (SELECT COUNT(*) FROM a WHERE now = {now}), (SELECT SUM(ok) FROM a WHERE now = {now})"
        )
    };
    format!(
        "WITH o AS MATERIALIZED (SELECT {orders_now} AS now, EXISTS (SELECT 1 FROM rma_lines l JOIN rmas r \
             ON r.rma_no = l.rma_no WHERE l.order_no = o.order_no AND r.status NOT IN ('rejected', 'cancelled')) AS returned \
           FROM orders o WHERE {orders_in}), \
         i AS MATERIALIZED (SELECT {inspected_now} AS now, {} AS m FROM rmas WHERE {inspected_in} AND received_at IS NOT NULL), \
         d AS MATERIALIZED (SELECT {decided_now} AS now, decided_by_rules AS auto, status = 'rejected' AS rejected, {} AS m \
           FROM rmas WHERE {decided_in}), \
         a AS MATERIALIZED (SELECT {labels_now} AS now, ok FROM rma_label_attempts WHERE {labels_in}), \
         q AS MATERIALIZED (SELECT r.settlement_kind = 'refund' AND r.credit_issued_at IS NULL AS refund, \
             COALESCE((SELECT MAX(e.occurred_at) FROM events e WHERE e.stream_type = 'rma' AND e.stream_id = r.rma_no \
               AND e.kind = 'rma_payout_approved'), \
               CASE WHEN r.credit_issued_at IS NOT NULL THEN r.decided_at ELSE r.inspected_at END) AS approved, \
             COALESCE(r.credit_issued_at, r.settled_at) AS paid FROM rmas r \
           WHERE ({settled_in} OR {credited_in}) \
             AND (r.credit_issued_at IS NOT NULL OR r.settlement_kind IN ('refund', 'store_credit'))), \
         p AS MATERIALIZED (SELECT {paid_now} AS now, CASE WHEN approved IS NOT NULL THEN {} END AS m, refund FROM q \
           WHERE {paid_in}), \
         u AS MATERIALIZED (SELECT {moved_now} AS now, -m.qty_delta AS lost FROM stock_moves m \
           WHERE m.location = 'RETURNS' AND {moved_in} AND m.qty_delta < 0 \
             AND m.cause IN ('rma_donate', 'rma_recycle', 'rma_write_off')), \
         g AS (SELECT {open_at} AS t FROM rmas WHERE status IN ('escalated', 'suspended', 'approved', 'label_printed', \
           'in_transit', 'received', 'inspected')) \
         SELECT {}, {}, \
           (SELECT SUM(t > {e0}) FROM g WHERE t <= {end}), (SELECT SUM(t <= {e0} AND t > {e1}) FROM g WHERE t <= {end}), \
           (SELECT SUM(t <= {e1} AND t > {e2}) FROM g WHERE t <= {end}), \
           (SELECT SUM(t <= {e2} AND t > {e3}) FROM g WHERE t <= {end}), (SELECT SUM(t <= {e3}) FROM g WHERE t <= {end})",
        minutes("received_at", "inspected_at"),
        minutes("opened_at", "decided_at"),
        minutes("approved", "paid"),
        per_period("1"),
        per_period("0"),
    )
}

fn totals(row: &[Option<i64>]) -> KpiTotals {
    let n = |i: usize| row.get(i).copied().flatten().unwrap_or(0);
    KpiTotals {
        orders: n(0),
        orders_returned: n(1),
        inspected: n(2),
        inspected_minutes: n(3),
        refunds_timed: n(4),
        refund_minutes: n(5),
        paid_back: n(6),
        refunds_paid: n(7),
        units_lost: n(8),
        stock_at_start: n(9),
        decided: n(10),
        decided_automatically: n(11),
        rejected: n(12),
        decision_minutes: n(13),
        label_attempts: n(14),
        labels_ok: n(15),
        ..KpiTotals::default()
    }
}

/// No value (no data) as -1: the numbers compared are whole.
fn value(v: Option<i64>) -> i64 {
    v.unwrap_or(-1)
}

/// Each compared KPI's value, previous value and sample, then the aging's buckets and open count.
pub fn sql_numbers(row: &[Option<i64>]) -> Vec<i64> {
    let (now, before) = (totals(row), totals(&row[PER_PERIOD.min(row.len())..]));
    let mut numbers = Vec::new();
    for id in COMPARED {
        let (value_now, sample) = measure(id, &now);
        numbers.extend([value(value_now), value(measure(id, &before).0), sample]);
    }
    let aging: Vec<i64> = row[(2 * PER_PERIOD).min(row.len())..].iter().map(|v| v.unwrap_or(0)).collect();
    numbers.extend(aging.iter().copied());
    numbers.push(aging.iter().sum());
    numbers
}

/// The same numbers from the act's answer.
pub fn act_numbers(out: &Value) -> Vec<i64> {
    let mut numbers = Vec::new();
    for id in COMPARED {
        let rows = out["rows"].as_array().into_iter().flatten();
        let figure = rows.filter(|r| r["id"] == id.code()).map(|r| &r["figures"][0]).next();
        let n = |key: &str| figure.and_then(|f| f[key].as_i64());
        numbers.extend([n("value").unwrap_or(-1), n("previous").unwrap_or(-1), n("sample").unwrap_or(0)]);
    }
    let aging = &out["aging"];
    for key in ["days_0_2", "days_3_7", "days_8_14", "days_15_30", "over_30_days", "open"] {
        numbers.push(aging[key].as_i64().unwrap_or(0));
    }
    numbers
}
