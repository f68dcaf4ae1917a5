//! The weekly / monthly review's rows: failures by reason, vendor and SKU, cost of quality,
//! reshipment times and checklist items, each aggregated in SQL over indexed time ranges.
//!
//! Times are compared as text: every stored instant is RFC 3339 UTC and every date is
//! `YYYY-MM-DD`. A period's days are the site's, so instant columns are compared with the
//! instants of the site's midnights (`start`, `end`) and day columns (a reshipment's due and
//! shipped days) with the days themselves (`start_day`, `end_day`).

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use lotline_domain::returns::ReturnPolicy;
use lotline_domain::review::{CostComponent, CostRow, ReshipmentTimesRow, ReviewPeriod, is_poor_quality_return};
use serde::{Deserialize, Serialize};
use sqlx::{Row, SqliteConnection};
use ts_rs::TS;

use crate::StoreError;

/// A period as the text bounds the queries compare with: `[start, end)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The first instant, written as stored instants are (milliseconds, `Z`), so that text
    /// order is time order; an instant stored without fractions sorts after it when equal.
    pub start: String,
    pub end: String,
    /// The first day and the first day after, for columns that hold site days.
    pub start_day: String,
    pub end_day: String,
}

impl Span {
    pub fn of(period: &ReviewPeriod) -> Self {
        Self {
            start: instant_text(period.start()),
            end: instant_text(period.end()),
            start_day: day_text(period.from),
            end_day: day_text(period.end_day()),
        }
    }

    /// From the start of `earlier` to the end of `later`: both periods in one query.
    pub fn both(earlier: &ReviewPeriod, later: &ReviewPeriod) -> Self {
        let (earlier, later) = (Self::of(earlier), Self::of(later));
        Self { start: earlier.start, end: later.end, start_day: earlier.start_day, end_day: later.end_day }
    }
}

pub fn instant_text(at: DateTime<Utc>) -> String {
    lotline_domain::time::stored(at)
}

pub fn day_text(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// An instant as stored; a bare date reads as its midnight. Rows hold what the app wrote, so
/// text that does not parse is left out rather than guessed.
pub fn instant(text: &str) -> Option<DateTime<Utc>> {
    if let Some(t) = lotline_domain::time::from_stored(text) {
        return Some(t);
    }
    let day = NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()?;
    Some(day.and_time(NaiveTime::MIN).and_utc())
}

/// Failures of one vendor or SKU in a period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FailureCounts {
    pub failures: i64,
    pub qty_failed: i64,
    pub qty_inspected: i64,
}

/// Failures of both periods counted per category, vendor, whether they went to rework and
/// which period: a few hundred cells at most, from which the review reads its reasons, its
/// vendors and its rework counts, all from one scan of the periods' index range. A re-inspection
/// logged as a failure of its own inspects the same units as the failure it re-inspects, so
/// only the first failure of such a chain counts (here, per SKU and on the scorecard).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailureCell {
    pub category: String,
    pub vendor_code: String,
    pub vendor_name: Option<String>,
    pub rework: bool,
    /// In the current period; else in the previous one.
    pub current: bool,
    pub counts: FailureCounts,
}

/// One vendor's or SKU's failures in a period and in the period before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailureGroupRow {
    pub code: String,
    pub name: Option<String>,
    pub current: FailureCounts,
    pub previous: FailureCounts,
}

/// Every cost of quality fact in the span, summed per day and currency in SQL.
///
/// - Scrap: per scrap line, the units scrapped (the completed outcome's quantity, else the
///   line's; the old single disposition's line covers the failed quantity) at the product's
///   unit cost in the product's currency, booked when that line's scrapping was recorded; a
///   line not done yet has cost nothing yet.
/// - Rework: what completing a rework disposition cost, as recorded then, in the product's
///   currency, booked on completion.
/// - Reshipment shipping and goods: as costed on the reshipment, booked on the day it shipped
///   (rejected, cancelled or unshipped reshipments cost nothing yet).
/// - Refunds: what RMAs settled by refund paid out (after the restocking fee), when paid.
/// - Store credit: what was credited, when issued (ahead of the goods, or on settlement).
/// - Refunds and store credit count only for a reason the RMA's policy does not call the
///   customer's own choice (`is_poor_quality_return`): a change of mind is no quality cost.
/// - Re-inspection and return-to-vendor: what the failure's chargeback claims they cost, booked
///   when the claim was recorded; the claim is on the vendor, but the cost is ours until it pays.
/// - Chargebacks recovered: each recorded increase (or correction) of what a vendor paid back on
///   a reshipment, and what it paid on a failure's claim, booked when recorded: every source.
pub async fn cost_rows(conn: &mut SqliteConnection, before: &Span, now: &Span) -> Result<Vec<CostRow>, StoreError> {
    // Each fact is booked at the start of the period it falls in (?3 splits them): the review
    // only tells the periods apart, and the site's days need not be UTC's.
    let sql = "SELECT 'scrap', CASE WHEN l.completed_at >= ?3 THEN ?3 ELSE ?1 END, p.currency, \
           SUM(COALESCE(l.qty_completed, l.qty) * p.unit_cost_minor), NULL, NULL \
         FROM failure_disposition_lines l JOIN failures f ON f.failure_no = l.failure_no JOIN products p ON p.sku = f.sku \
         WHERE l.completed_at >= ?1 AND l.completed_at < ?2 AND l.disposition = 'scrap' AND l.status = 'completed' GROUP BY 2, 3 \
         UNION ALL SELECT 'rework', CASE WHEN c.at >= ?3 THEN ?3 ELSE ?1 END, p.currency, SUM(c.cost_minor), NULL, NULL \
         FROM rework_costs c JOIN failures f ON f.failure_no = c.failure_no JOIN products p ON p.sku = f.sku \
         WHERE c.at >= ?1 AND c.at < ?2 GROUP BY 2, 3 \
         UNION ALL SELECT 'shipping', CASE WHEN shipped_on >= ?6 THEN ?3 ELSE ?1 END, currency, SUM(shipping_minor), \
           NULL, NULL FROM reshipments WHERE shipped_on >= ?4 AND shipped_on < ?5 GROUP BY 2, 3 \
         UNION ALL SELECT 'goods', CASE WHEN shipped_on >= ?6 THEN ?3 ELSE ?1 END, currency, SUM(goods_minor), NULL, NULL \
         FROM reshipments WHERE shipped_on >= ?4 AND shipped_on < ?5 GROUP BY 2, 3 \
         UNION ALL SELECT 'refund', CASE WHEN settled_at >= ?3 THEN ?3 ELSE ?1 END, currency, SUM(settled_minor), \
           policy_version, reason_code FROM rmas WHERE settled_at >= ?1 AND settled_at < ?2 AND settlement_kind = 'refund' \
           GROUP BY 2, 3, 5, 6 \
         UNION ALL SELECT 'credit', CASE WHEN COALESCE(credit_issued_at, settled_at) >= ?3 THEN ?3 ELSE ?1 END, currency, \
           SUM(COALESCE(credit_issued_minor, settled_minor)), policy_version, reason_code FROM rmas \
           WHERE COALESCE(credit_issued_at, settled_at) >= ?1 AND COALESCE(credit_issued_at, settled_at) < ?2 \
           AND (credit_issued_at IS NOT NULL OR settlement_kind = 'store_credit') GROUP BY 2, 3, 5, 6 \
         UNION ALL SELECT 'recovered', CASE WHEN at >= ?3 THEN ?3 ELSE ?1 END, currency, SUM(delta_minor), NULL, NULL \
         FROM chargeback_recoveries WHERE at >= ?1 AND at < ?2 GROUP BY 2, 3 \
         UNION ALL SELECT source, CASE WHEN recorded_at >= ?3 THEN ?3 ELSE ?1 END, currency, SUM(amount_minor), NULL, NULL \
         FROM failure_chargebacks WHERE recorded_at >= ?1 AND recorded_at < ?2 GROUP BY 1, 2, 3 \
         UNION ALL SELECT 'recovered', CASE WHEN settled_at >= ?3 THEN ?3 ELSE ?1 END, currency, SUM(recovered_minor), \
           NULL, NULL FROM failure_chargebacks WHERE settled_at >= ?1 AND settled_at < ?2 AND status = 'recovered' \
           GROUP BY 2, 3 \
         UNION ALL SELECT 'return_to_vendor', CASE WHEN recorded_at >= ?3 THEN ?3 ELSE ?1 END, currency, SUM(amount_minor), \
           NULL, NULL FROM rma_chargebacks WHERE recorded_at >= ?1 AND recorded_at < ?2 GROUP BY 2, 3 \
         UNION ALL SELECT 'recovered', CASE WHEN settled_at >= ?3 THEN ?3 ELSE ?1 END, currency, SUM(recovered_minor), \
           NULL, NULL FROM rma_chargebacks WHERE settled_at >= ?1 AND settled_at < ?2 AND status = 'recovered' \
           GROUP BY 2, 3";
    let rows = sqlx::query(sql)
        .bind(&before.start)
        .bind(&now.end)
        .bind(&now.start)
        .bind(&before.start_day)
        .bind(&now.end_day)
        .bind(&now.start_day)
        .fetch_all(&mut *conn)
        .await?;
    let policies = super::kpis::policies(conn).await?;
    let default_policy = ReturnPolicy::default_policy();
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let component = match r.get::<String, _>(0).as_str() {
            "scrap" => CostComponent::Scrap,
            "rework" => CostComponent::Rework,
            "shipping" => CostComponent::ReshipmentShipping,
            "goods" => CostComponent::ReshipmentGoods,
            "refund" => CostComponent::Refund,
            "credit" => CostComponent::StoreCredit,
            "reinspection" => CostComponent::Reinspection,
            "return_to_vendor" => CostComponent::ReturnToVendor,
            _ => CostComponent::ChargebackRecovered,
        };
        if let (Some(version), Some(reason)) = (r.get::<Option<i64>, _>(4), r.get::<Option<String>, _>(5)) {
            let policy = policies.get(&version).unwrap_or(&default_policy);
            if !is_poor_quality_return(policy, &reason) {
                continue;
            }
        }
        let Some(occurred_at) = instant(&r.get::<String, _>(1)) else { continue };
        let amount_minor: i64 = r.get::<Option<i64>, _>(3).unwrap_or(0);
        if amount_minor != 0 {
            out.push(CostRow { component, currency: r.get(2), amount_minor, occurred_at });
        }
    }
    Ok(out)
}

/// Reshipments due, shipped or authorized in the span.
///
/// A reshipment is due by the end of its due day on the site's clock (`period`'s zone), as the
/// SLA reads it. Its shipping time is when the shipment was recorded, unless the date entered as
/// shipped is earlier (recorded afterwards): then the end of that day, the latest it can have left.
pub async fn reshipment_times(
    conn: &mut SqliteConnection,
    span: &Span,
    period: &ReviewPeriod,
) -> Result<Vec<ReshipmentTimesRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT r.authorized_at, r.due_on, r.shipped_on, r.status IN ('rejected', 'cancelled'), \
         (SELECT e.occurred_at FROM events e WHERE e.stream_type = 'reshipment' AND e.stream_id = r.reshipment_no \
          AND e.kind = 'reshipment_shipped' ORDER BY e.stream_version DESC LIMIT 1) \
         FROM reshipments r WHERE (r.due_on >= ?3 AND r.due_on < ?4) OR (r.shipped_on >= ?3 AND r.shipped_on < ?4) \
         OR (r.authorized_at >= ?1 AND r.authorized_at < ?2)",
    )
    .bind(&span.start)
    .bind(&span.end)
    .bind(&span.start_day)
    .bind(&span.end_day)
    .fetch_all(&mut *conn)
    .await?;
    let end_of = |day: &str| {
        let day = NaiveDate::parse_from_str(day.get(..10)?, "%Y-%m-%d").ok()?;
        Some(period.day_start(day.succ_opt()?) - chrono::Duration::seconds(1))
    };
    Ok(rows
        .iter()
        .map(|r| {
            let shipped_day = r.get::<Option<String>, _>(2).as_deref().and_then(end_of);
            let recorded = r.get::<Option<String>, _>(4).as_deref().and_then(instant);
            let shipped_at = match (shipped_day, recorded) {
                (Some(day_end), Some(rec)) => Some(rec.min(day_end)),
                (day_end, _) => day_end,
            };
            ReshipmentTimesRow {
                authorized_at: r.get::<Option<String>, _>(0).as_deref().and_then(instant),
                due_at: end_of(&r.get::<String, _>(1)),
                shipped_at,
                cancelled: r.get(3),
            }
        })
        .collect())
}

/// A QC checklist item added in the period, with the failure that prompted it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChecklistAdded {
    pub id: String,
    pub sku: String,
    pub text: String,
    pub source_failure_no: Option<String>,
    pub added_at: DateTime<Utc>,
}

/// The items added in the span (the newest first, at most `limit`) and how many there were.
pub async fn checklist_added(
    conn: &mut SqliteConnection,
    span: &Span,
    limit: i64,
) -> Result<(Vec<ChecklistAdded>, i64), StoreError> {
    let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM checklist_items WHERE added_at >= ? AND added_at < ?")
        .bind(&span.start)
        .bind(&span.end)
        .fetch_one(&mut *conn)
        .await?;
    let rows = sqlx::query(
        "SELECT id, sku, text, source_failure_no, added_at FROM checklist_items \
         WHERE added_at >= ? AND added_at < ? ORDER BY added_at DESC, id LIMIT ?",
    )
    .bind(&span.start)
    .bind(&span.end)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    let items = rows
        .iter()
        .map(|r| ChecklistAdded {
            id: r.get(0),
            sku: r.get(1),
            text: r.get(2),
            source_failure_no: r.get(3),
            added_at: r.get(4),
        })
        .collect();
    Ok((items, total))
}
