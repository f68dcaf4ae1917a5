//! A failure's disposition lines as the detail page and the exports show them.

use chrono::{DateTime, Utc};
use lotline_domain::failure::{Disposition, LineStatus, ScrapMethod};
use serde::{Deserialize, Serialize};
use sqlx::{Row, SqliteConnection};
use ts_rs::TS;

use crate::StoreError;

/// One disposition line with the names of the people on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DispositionLineView {
    pub line_id: String,
    pub disposition: Disposition,
    pub qty: i64,
    pub note: Option<String>,
    pub owner_id: Option<String>,
    pub owner_name: Option<String>,
    pub due_on: Option<String>,
    pub status: LineStatus,
    pub outcome: Option<String>,
    /// Units the completion covered (the line's quantity when it did not say).
    pub qty_completed: Option<i64>,
    /// When it was completed, approved or withdrawn.
    pub ended_at: Option<DateTime<Utc>>,
    pub ended_by_name: Option<String>,
    pub scrap_method: Option<ScrapMethod>,
    pub scrap_method_other: Option<String>,
    pub destroyed_by_name: Option<String>,
    pub witness_name: Option<String>,
    pub added_at: Option<DateTime<Utc>>,
    pub added_by: Option<String>,
    /// The single disposition of the old kind, covering the whole failed quantity.
    pub whole: bool,
    /// The failed serials the line covers.
    pub serials: Vec<String>,
}

fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, StoreError> {
    serde_json::from_value(serde_json::Value::String(text.to_owned()))
        .map_err(|err| StoreError::BadEvent { id: text.to_owned(), reason: err.to_string() })
}

const LINE_SELECT: &str = "SELECT l.line_id, l.disposition, l.qty, l.note, l.owner_id, o.display_name, l.due_on, l.status, l.outcome, \
       CASE WHEN l.status = 'completed' THEN COALESCE(l.qty_completed, l.qty) END, l.completed_at, e.display_name, \
       l.scrap_method, l.scrap_method_other, d.display_name, w.display_name, l.added_at, l.added_by, l.whole, l.serials, \
       l.failure_no \
     FROM failure_disposition_lines l \
     LEFT JOIN users o ON o.user_id = l.owner_id LEFT JOIN users e ON e.user_id = l.completed_by \
     LEFT JOIN users d ON d.user_id = l.destroyed_by LEFT JOIN users w ON w.user_id = l.witness_id";

pub async fn disposition_lines(
    conn: &mut SqliteConnection,
    failure_no: &str,
) -> Result<Vec<DispositionLineView>, StoreError> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "{LINE_SELECT} WHERE l.failure_no = ? ORDER BY l.position, l.line_id"
    )))
    .bind(failure_no)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(line_from).collect()
}

/// Every failure's lines, failure by failure in the order they were logged, each failure's in
/// the order they were added: what the lines export holds. The number is the failure's.
pub async fn all_disposition_lines(
    conn: &mut SqliteConnection,
) -> Result<Vec<(String, DispositionLineView)>, StoreError> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "{LINE_SELECT} LEFT JOIN failures f ON f.failure_no = l.failure_no \
         ORDER BY f.seq_no, l.failure_no, l.position, l.line_id"
    )))
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(|r| Ok((r.get::<String, _>(20), line_from(r)?))).collect()
}

fn line_from(r: &sqlx::sqlite::SqliteRow) -> Result<DispositionLineView, StoreError> {
    let method: Option<String> = r.get(12);
    Ok(DispositionLineView {
        line_id: r.get(0),
        disposition: parse(&r.get::<String, _>(1))?,
        qty: r.get(2),
        note: r.get(3),
        owner_id: r.get(4),
        owner_name: r.get(5),
        due_on: r.get(6),
        status: parse(&r.get::<String, _>(7))?,
        outcome: r.get(8),
        qty_completed: r.get(9),
        ended_at: r.get(10),
        ended_by_name: r.get(11),
        scrap_method: method.as_deref().map(parse).transpose()?,
        scrap_method_other: r.get(13),
        destroyed_by_name: r.get(14),
        witness_name: r.get(15),
        added_at: r.get(16),
        added_by: r.get(17),
        whole: r.get(18),
        serials: r.get::<Option<String>, _>(19).and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_default(),
    })
}
