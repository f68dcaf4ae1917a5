use chrono::{DateTime, Utc};
use lotline_domain::failure::{Disposition, FailureRecord, FailureStatus, Severity, Stage, Team};
use serde::{Deserialize, Serialize};
use sqlx::{QueryBuilder, Row, Sqlite, SqliteConnection};
use ts_rs::TS;

use super::{Page, bounded, contains_pattern};
use crate::StoreError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FailureSortBy {
    #[default]
    OccurredAt,
    FailureNo,
    Sku,
    Vendor,
    QtyFailed,
    Severity,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SortDir {
    Asc,
    #[default]
    Desc,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ListFailuresInput {
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub vendor_code: Option<String>,
    #[serde(default)]
    pub sku: Option<String>,
    #[serde(default)]
    pub category_code: Option<String>,
    #[serde(default)]
    pub status: Option<FailureStatus>,
    #[serde(default)]
    pub disposition: Option<Disposition>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub sort_by: FailureSortBy,
    #[serde(default)]
    pub sort_dir: SortDir,
    #[serde(default)]
    pub offset: i64,
    #[serde(default = "super::default_limit")]
    pub limit: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FailureRow {
    pub failure_no: String,
    pub occurred_at: DateTime<Utc>,
    pub sku: String,
    pub product_name: Option<String>,
    pub vendor_code: String,
    pub vendor_name: Option<String>,
    pub lot_code: Option<String>,
    pub stage: Stage,
    pub qty_inspected: i64,
    pub qty_failed: i64,
    pub category_code: String,
    pub severity: Severity,
    pub disposition: Option<Disposition>,
    pub status: FailureStatus,
    pub owner_team: Team,
    pub inspector_name: Option<String>,
}

const ROW_SELECT: &str = "SELECT f.failure_no, f.occurred_at, f.sku, p.name AS product_name, f.vendor_code, \
    v.name AS vendor_name, f.lot_code, f.stage, f.qty_inspected, f.qty_failed, f.category_code, f.severity, \
    f.disposition, f.status, f.owner_team, u.display_name AS inspector_name \
    FROM failures f LEFT JOIN products p ON p.sku = f.sku LEFT JOIN vendors v ON v.code = f.vendor_code \
    LEFT JOIN users u ON u.user_id = f.inspector_id";

fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, StoreError> {
    serde_json::from_value(serde_json::Value::String(text.to_owned()))
        .map_err(|err| StoreError::BadEvent { id: text.to_owned(), reason: err.to_string() })
}

fn row_from(r: &sqlx::sqlite::SqliteRow) -> Result<FailureRow, StoreError> {
    let disposition: Option<String> = r.get("disposition");
    Ok(FailureRow {
        failure_no: r.get("failure_no"),
        occurred_at: r.get("occurred_at"),
        sku: r.get("sku"),
        product_name: r.get("product_name"),
        vendor_code: r.get("vendor_code"),
        vendor_name: r.get("vendor_name"),
        lot_code: r.get("lot_code"),
        stage: parse(r.get("stage"))?,
        qty_inspected: r.get("qty_inspected"),
        qty_failed: r.get("qty_failed"),
        category_code: r.get("category_code"),
        severity: parse(r.get("severity"))?,
        disposition: disposition.as_deref().map(parse).transpose()?,
        status: parse(r.get("status"))?,
        owner_team: parse(r.get("owner_team"))?,
        inspector_name: r.get("inspector_name"),
    })
}

fn name<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

/// The words typed in the list's search box, when the full-text index answers them (three
/// characters or more: the index is of trigrams).
fn indexed_text(input: &ListFailuresInput) -> Option<&str> {
    input.text.as_deref().map(str::trim).filter(|t| t.chars().count() >= 3)
}

/// Adds the WHERE clause of a failures list to `q`; shared by the count and the page.
/// `in_order`: the page is found by walking the failures in the list's order and keeping those
/// the text matches, rather than by reading every match and sorting them.
fn push_filter(q: &mut QueryBuilder<Sqlite>, input: &ListFailuresInput, in_order: bool) {
    q.push(" WHERE 1 = 1");
    if let Some(from) = input.from.as_deref().filter(|s| !s.is_empty()) {
        q.push(" AND f.occurred_at >= ").push_bind(from.to_owned());
    }
    if let Some(to) = input.to.as_deref().filter(|s| !s.is_empty()) {
        q.push(" AND f.occurred_at < ").push_bind(to.to_owned());
    }
    if let Some(vendor) = input.vendor_code.as_deref().filter(|s| !s.is_empty()) {
        q.push(" AND f.vendor_code = ").push_bind(vendor.to_owned());
    }
    if let Some(sku) = input.sku.as_deref().filter(|s| !s.is_empty()) {
        q.push(" AND f.sku = ").push_bind(sku.to_owned());
    }
    if let Some(category) = input.category_code.as_deref().filter(|s| !s.is_empty()) {
        q.push(" AND f.category_code = ").push_bind(category.to_owned());
    }
    if let Some(status) = input.status {
        q.push(" AND f.status = ").push_bind(name(&status));
    }
    if let Some(disposition) = input.disposition {
        // A split failure (8 rework, 2 scrap) answers to each of its lines' dispositions, a
        // withdrawn line to none (it no longer says what happens); one without lines to its own.
        q.push(
            " AND (EXISTS (SELECT 1 FROM failure_disposition_lines l WHERE l.failure_no = f.failure_no \
             AND l.status <> 'withdrawn' AND l.disposition = ",
        )
        .push_bind(disposition.as_str())
        .push(") OR (f.disposition = ")
        .push_bind(disposition.as_str())
        .push(" AND NOT EXISTS (SELECT 1 FROM failure_disposition_lines l WHERE l.failure_no = f.failure_no)))");
    }
    if let Some(text) = input.text.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        if indexed_text(input).is_some() {
            // Trigram FTS: quoted so that dashes in numbers such as QF-AMS1-000001 are literal.
            let phrase = format!("\"{}\"", text.replace('"', "\"\""));
            // `+` keeps SQLite from looking the matches up by rowid one by one.
            q.push(if in_order { " AND +f.rowid" } else { " AND f.rowid" })
                .push(" IN (SELECT rowid FROM failures_fts WHERE failures_fts MATCH ")
                .push_bind(phrase)
                .push(")");
        } else {
            let pattern = contains_pattern(text);
            q.push(" AND (f.failure_no LIKE ").push_bind(pattern.clone()).push(" ESCAPE '\\' OR f.sku LIKE ");
            q.push_bind(pattern).push(" ESCAPE '\\')");
        }
    }
}

/// The text filter walks the list's order when at least one failure in this many matches.
const MATCHES_IN_ORDER: i64 = 20;

pub async fn list_failures(
    conn: &mut SqliteConnection,
    input: &ListFailuresInput,
) -> Result<Page<FailureRow>, StoreError> {
    let (offset, limit) = bounded(input.offset, input.limit);
    let mut count: QueryBuilder<Sqlite> = QueryBuilder::new("SELECT COUNT(*) FROM failures f");
    push_filter(&mut count, input, false);
    let total: i64 = count.build_query_scalar().fetch_one(&mut *conn).await?;
    // A word most failures hold ("Measured") matched all 100,000 of a desk's: looking each match
    // up, joining its names and sorting them all took most of the list's 600 ms. When the
    // matches are a good share of the table, the first page is soon found walking the order's
    // index instead; a failure number matches one, which is looked up directly.
    let in_order = if indexed_text(input).is_some() {
        let size: i64 =
            sqlx::query_scalar("SELECT COALESCE(MAX(rowid), 0) FROM failures").fetch_one(&mut *conn).await?;
        total.saturating_mul(MATCHES_IN_ORDER) >= size
    } else {
        false
    };

    let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(ROW_SELECT);
    push_filter(&mut q, input, in_order);
    let column = match input.sort_by {
        FailureSortBy::OccurredAt => "f.occurred_at",
        FailureSortBy::FailureNo => "f.seq_no",
        FailureSortBy::Sku => "f.sku",
        FailureSortBy::Vendor => "f.vendor_code",
        FailureSortBy::QtyFailed => "f.qty_failed",
        FailureSortBy::Severity => "f.severity_rank",
    };
    let dir = match input.sort_dir {
        SortDir::Asc => "ASC",
        SortDir::Desc => "DESC",
    };
    q.push(format!(" ORDER BY {column} {dir}, f.seq_no {dir} LIMIT "))
        .push_bind(limit)
        .push(" OFFSET ")
        .push_bind(offset);
    let rows = q.build().fetch_all(&mut *conn).await?;
    Ok(Page { rows: rows.iter().map(row_from).collect::<Result<_, _>>()?, total })
}

pub async fn failure_row(conn: &mut SqliteConnection, failure_no: &str) -> Result<Option<FailureRow>, StoreError> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!("{ROW_SELECT} WHERE f.failure_no = ?")))
        .bind(failure_no)
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(row_from).transpose()
}

/// The projection's extra columns the detail view needs beside the row.
pub struct FailureExtras {
    pub record: FailureRecord,
    pub disposition_note: Option<String>,
    pub outcome: Option<String>,
    pub reinspection_of: Option<String>,
    pub reinspections: Vec<String>,
}

pub async fn failure_extras(
    conn: &mut SqliteConnection,
    failure_no: &str,
) -> Result<Option<FailureExtras>, StoreError> {
    let row =
        sqlx::query("SELECT record, disposition_note, outcome, reinspection_of FROM failures WHERE failure_no = ?")
            .bind(failure_no)
            .fetch_optional(&mut *conn)
            .await?;
    let Some(row) = row else { return Ok(None) };
    let record: String = row.get(0);
    let reinspections: Vec<String> = sqlx::query_scalar(
        "SELECT failure_no FROM failures WHERE reinspection_of = ? AND reinspection_of IS NOT NULL ORDER BY seq_no",
    )
    .bind(failure_no)
    .fetch_all(&mut *conn)
    .await?;
    Ok(Some(FailureExtras {
        record: serde_json::from_str(&record)
            .map_err(|err| StoreError::BadEvent { id: failure_no.to_owned(), reason: err.to_string() })?,
        disposition_note: row.get(1),
        outcome: row.get(2),
        reinspection_of: row.get(3),
        reinspections,
    }))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HoldView {
    /// The event that placed the hold, which names it when it is released on its own.
    pub hold_ref: Option<String>,
    pub lot_code: String,
    pub sku: String,
    pub reason: String,
    pub failure_no: Option<String>,
    pub recall_no: Option<String>,
    /// The stock is set apart, not only stopped.
    pub quarantine: bool,
    /// Only these serials of the lot are held (empty: the whole lot).
    pub serials: Vec<String>,
    pub placed_at: DateTime<Utc>,
    pub placed_by: Option<String>,
}

pub async fn holds(conn: &mut SqliteConnection, lot_code: Option<&str>) -> Result<Vec<HoldView>, StoreError> {
    // Two statements rather than `?1 IS NULL OR lot_code = ?1`, which would hide the index.
    let select = "SELECT h.lot_code, h.sku, h.reason, NULLIF(h.failure_no, ''), h.placed_at, u.display_name AS placed_by, \
         h.placed_event, h.recall_no, h.quarantine, h.serials FROM holds h \
         LEFT JOIN users u ON u.user_id = h.placed_by WHERE h.released_at IS NULL";
    let order = "ORDER BY h.placed_at DESC, h.placed_event DESC, h.lot_code DESC LIMIT 5000";
    let rows = match lot_code {
        Some(lot) => {
            sqlx::query(sqlx::AssertSqlSafe(format!("{select} AND h.lot_code = ? {order}")))
                .bind(lot)
                .fetch_all(&mut *conn)
                .await?
        }
        None => sqlx::query(sqlx::AssertSqlSafe(format!("{select} {order}"))).fetch_all(&mut *conn).await?,
    };
    Ok(rows
        .iter()
        .map(|r| HoldView {
            hold_ref: r.get(6),
            lot_code: r.get(0),
            sku: r.get(1),
            reason: r.get(2),
            failure_no: r.get(3),
            recall_no: r.get(7),
            quarantine: r.get(8),
            serials: r.get::<Option<String>, _>(9).and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_default(),
            placed_at: r.get(4),
            placed_by: r.get(5),
        })
        .collect())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChecklistItem {
    pub id: String,
    pub sku: String,
    pub text: String,
    pub source_failure_no: Option<String>,
    pub added_by: Option<String>,
    pub added_at: DateTime<Utc>,
}

pub async fn checklist(conn: &mut SqliteConnection, sku: &str) -> Result<Vec<ChecklistItem>, StoreError> {
    let rows = sqlx::query(
        "SELECT c.id, c.sku, c.text, c.source_failure_no, u.display_name, c.added_at FROM checklist_items c \
         LEFT JOIN users u ON u.user_id = c.added_by WHERE c.sku = ? ORDER BY c.added_at, c.id",
    )
    .bind(sku)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .map(|r| ChecklistItem {
            id: r.get(0),
            sku: r.get(1),
            text: r.get(2),
            source_failure_no: r.get(3),
            added_by: r.get(4),
            added_at: r.get(5),
        })
        .collect())
}

/// Display names by user id, for history entries.
pub async fn user_names(conn: &mut SqliteConnection) -> Result<std::collections::HashMap<String, String>, StoreError> {
    let rows = sqlx::query("SELECT user_id, display_name FROM users").fetch_all(&mut *conn).await?;
    Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
}

/// All failures as rows with their descriptions, for CSV export.
pub async fn all_failures(conn: &mut SqliteConnection) -> Result<Vec<(FailureRow, String)>, StoreError> {
    let rows =
        sqlx::query(sqlx::AssertSqlSafe(format!("{ROW_SELECT} ORDER BY f.seq_no"))).fetch_all(&mut *conn).await?;
    let descriptions: Vec<String> =
        sqlx::query_scalar("SELECT description FROM failures ORDER BY seq_no").fetch_all(&mut *conn).await?;
    rows.iter().map(row_from).zip(descriptions).map(|(r, d)| r.map(|r| (r, d))).collect()
}
