//! Read queries over the projections, returning the views the screens show.

pub mod boms;
pub mod failure_lines;
pub mod failures;
pub mod kpi_groups;
pub mod kpis;
pub mod lots;
pub mod master;
pub mod notifications;
pub mod people;
pub mod production;
pub mod reshipments;
pub mod returns;
pub mod review;
pub mod review_failures;
pub mod review_settings;
pub mod safety_stock;
pub mod scars;
pub mod scorecard;
pub mod search;
pub mod serials;
pub mod site_time;
pub mod trace_reads;
pub mod vendor_report;

use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::sqlite::SqliteRow;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Page<T> {
    pub rows: Vec<T>,
    pub total: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ListQuery {
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub offset: i64,
    #[serde(default = "default_limit")]
    pub limit: i64,
}

/// A page's size when the caller does not say.
pub(crate) fn default_limit() -> i64 {
    100
}

/// Keeps a page request within what a screen can use, whatever the caller asked for.
pub(crate) fn bounded(offset: i64, limit: i64) -> (i64, i64) {
    (offset.max(0), limit.clamp(1, 1000))
}

/// A LIKE pattern matching `text` anywhere, with LIKE's own wildcards taken literally.
pub(crate) fn contains_pattern(text: &str) -> String {
    let escaped = text.trim().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
}

/// A domain enum kept in a column as its serde name (`store_credit`), read back as the enum.
/// An unknown name is a decode error of that column, as a wrong type would be.
pub(crate) fn named<T: serde::de::DeserializeOwned>(row: &SqliteRow, column: &str) -> Result<T, sqlx::Error> {
    let text: String = row.try_get(column)?;
    serde_json::from_value(serde_json::Value::String(text))
        .map_err(|e| sqlx::Error::ColumnDecode { index: column.to_owned(), source: Box::new(e) })
}

/// `named` for a column that may be NULL.
pub(crate) fn named_opt<T: serde::de::DeserializeOwned>(
    row: &SqliteRow,
    column: &str,
) -> Result<Option<T>, sqlx::Error> {
    let text: Option<String> = row.try_get(column)?;
    text.map(|t| serde_json::from_value(serde_json::Value::String(t)))
        .transpose()
        .map_err(|e| sqlx::Error::ColumnDecode { index: column.to_owned(), source: Box::new(e) })
}
