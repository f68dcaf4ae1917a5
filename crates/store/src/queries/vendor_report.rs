//! What a vendor defect report shows: the failures in its scope with their photos' ids, and
//! the reshipments those failures caused.

use chrono::{DateTime, Utc};
use lotline_domain::failure::FailureRecord;
use sqlx::{Row, SqliteConnection};

use super::review::Span;
use crate::StoreError;

/// One vendor over a period, or one failure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportScope {
    Period { vendor_code: String, span: Span },
    Failure { failure_no: String },
}

impl ReportScope {
    /// The WHERE clause on `failures f` and its binds.
    fn clause(&self) -> (&'static str, Vec<&str>) {
        match self {
            ReportScope::Period { vendor_code, span } => (
                "f.vendor_code = ? AND f.occurred_at >= ? AND f.occurred_at < ?",
                vec![vendor_code.as_str(), span.start.as_str(), span.end.as_str()],
            ),
            ReportScope::Failure { failure_no } => ("f.failure_no = ?", vec![failure_no.as_str()]),
        }
    }
}

pub struct ReportFailure {
    pub failure_no: String,
    pub occurred_at: DateTime<Utc>,
    pub vendor_code: String,
    pub sku: String,
    pub lot_code: Option<String>,
    pub qty_inspected: i64,
    pub qty_failed: i64,
    pub severity: String,
    pub category_code: String,
    pub description: String,
    pub attachment_ids: Vec<String>,
    /// The product's unit cost and its currency, when the product is known.
    pub unit_cost: Option<(i64, String)>,
}

/// The failures in scope, oldest first, at most `limit`.
pub async fn report_failures(
    conn: &mut SqliteConnection,
    scope: &ReportScope,
    limit: i64,
) -> Result<Vec<ReportFailure>, StoreError> {
    let (clause, binds) = scope.clause();
    let sql = format!(
        "SELECT f.failure_no, f.occurred_at, f.vendor_code, f.sku, f.lot_code, f.qty_inspected, f.qty_failed, f.severity, \
         f.category_code, f.description, f.record, p.unit_cost_minor, p.currency \
         FROM failures f LEFT JOIN products p ON p.sku = f.sku WHERE {clause} ORDER BY f.occurred_at, f.seq_no LIMIT ?"
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for bind in binds {
        query = query.bind(bind);
    }
    let rows = query.bind(limit).fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|r| {
            let failure_no: String = r.get(0);
            let record: FailureRecord = serde_json::from_str(&r.get::<String, _>(10))
                .map_err(|e| StoreError::BadEvent { id: failure_no.clone(), reason: e.to_string() })?;
            let unit_cost = match (r.get::<Option<i64>, _>(11), r.get::<Option<String>, _>(12)) {
                (Some(cost), Some(currency)) => Some((cost, currency)),
                _ => None,
            };
            Ok(ReportFailure {
                failure_no,
                occurred_at: r.get(1),
                vendor_code: r.get(2),
                sku: r.get(3),
                lot_code: r.get(4),
                qty_inspected: r.get(5),
                qty_failed: r.get(6),
                severity: r.get(7),
                category_code: r.get(8),
                description: r.get(9),
                attachment_ids: record.attachment_ids,
                unit_cost,
            })
        })
        .collect()
}

/// What reshipments for the failures in scope cost (not rejected or cancelled), per currency.
pub async fn reshipment_costs(
    conn: &mut SqliteConnection,
    scope: &ReportScope,
) -> Result<Vec<(String, i64)>, StoreError> {
    let (clause, binds) = scope.clause();
    let sql = format!(
        "SELECT r.currency, SUM(r.total_minor) FROM reshipments r WHERE r.status NOT IN ('rejected', 'cancelled') \
         AND r.reshipment_no IN (SELECT rf.reshipment_no FROM reshipment_failures rf \
         JOIN failures f ON f.failure_no = rf.failure_no WHERE {clause}) GROUP BY r.currency ORDER BY r.currency"
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for bind in binds {
        query = query.bind(bind);
    }
    Ok(query.fetch_all(&mut *conn).await?.iter().map(|r| (r.get(0), r.get(1))).collect())
}
