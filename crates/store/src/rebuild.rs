//! Rebuilding the projections from the event log, and proving they match it.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use serde::Serialize;
use sqlx::{Row, SqliteConnection};

use crate::chain::{ChainReport, verify_chain};
use crate::checkpoints::{KeyedReport, verify_checkpoints};
use crate::log::{EVENT_COLUMNS, PROJECTED, decode};
use crate::{Store, StoreError, project};

/// Every read table, in an order that respects nothing but readability: none has foreign keys
/// into another, so they can be emptied in any order.
const PROJECTIONS: &[&str] = &[
    "settings",
    "users",
    "vendors",
    "products",
    "customers",
    "orders",
    "order_lines",
    "defect_categories",
    "locations",
    "attachments",
    "failures",
    "failures_fts",
    "lots",
    "lot_links",
    "lot_shipments",
    "lot_serials",
    "boms",
    "holds",
    "recalls",
    "recall_customers",
    "checklist_items",
    "approval_policy",
    "reshipments",
    "reshipment_failures",
    "reshipment_items",
    "return_policy_versions",
    "rmas",
    "rma_lines",
    "rma_failures",
    "stock_moves",
    "kpi_targets",
    "scorecard_settings",
    "aql_switching",
    "lot_inspections",
    "aql_resumptions",
    "vendor_ratings",
    "vendor_reviews",
    "safety_stock",
    "rma_review_facts",
    "rma_label_attempts",
    "rma_costs",
    "chargeback_recoveries",
    "rework_costs",
    "failure_disposition_lines",
    "stock_days",
    "issued_numbers",
    "credentials",
    "merge_conflicts",
    "recall_lots",
    "scars",
    "failure_chargebacks",
    "rma_chargebacks",
    "work_orders",
    "work_order_components",
    "work_order_blocks",
    "complaints",
    "category_reactions",
    "refurbishment_queue",
    "notification_preferences",
];

/// Projections that hold what stays on this desk (credentials): rebuilt and checked, but not
/// expected to equal another desk's.
const DESK_OWN: &[&str] = &["credentials"];

/// Rows per table after a rebuild, plus how many events were replayed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProjectionCounts {
    pub events: i64,
    /// Events of kinds written by a newer Lotline: kept in the log, not projected.
    pub unknown_events: i64,
    pub tables: Vec<(String, i64)>,
}

/// Events replayed, and how many of them were of kinds this version does not know.
pub(crate) struct Replayed {
    events: i64,
    unknown: i64,
}

/// Empties every projection and refills it from the log in the canonical order.
pub(crate) async fn replay(conn: &mut SqliteConnection) -> Result<Replayed, StoreError> {
    for table in PROJECTIONS {
        sqlx::query(sqlx::AssertSqlSafe(format!("DELETE FROM {table}"))).execute(&mut *conn).await?;
    }
    let mut done = Replayed { events: 0, unknown: 0 };
    // Confirmed events in the server's order, then this desk's pending ones as written.
    for (filter, key) in [("server_seq IS NOT NULL", "server_seq"), ("server_seq IS NULL", "seq")] {
        let mut after = i64::MIN;
        loop {
            let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT {EVENT_COLUMNS} FROM events WHERE {filter} AND {PROJECTED} AND {key} > ? \
                 ORDER BY {key} LIMIT 5000"
            )))
            .bind(after)
            .fetch_all(&mut *conn)
            .await?;
            let Some(last) = rows.last() else { break };
            after = last.get(key);
            let mut events = Vec::with_capacity(rows.len());
            for row in &rows {
                match decode(row)? {
                    Some(event) => events.push(event),
                    None => done.unknown += 1,
                }
            }
            done.events += rows.len() as i64;
            project::apply(conn, &events).await?;
            crate::project_numbers::apply(conn, &events).await?;
        }
    }
    crate::sync_log::set_newer_events(conn, done.unknown).await?;
    Ok(done)
}

async fn counts(conn: &mut SqliteConnection, replayed: Replayed) -> Result<ProjectionCounts, StoreError> {
    let mut tables = Vec::new();
    for table in PROJECTIONS {
        let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
            .fetch_one(&mut *conn)
            .await?;
        tables.push(((*table).to_owned(), n));
    }
    Ok(ProjectionCounts { events: replayed.events, unknown_events: replayed.unknown, tables })
}

/// Drops every projection and refills it from the event log, in one transaction.
pub async fn rebuild(store: &Store) -> Result<ProjectionCounts, StoreError> {
    let mut tx = store.begin_write().await?;
    let replayed = replay(&mut tx).await?;
    let result = counts(&mut tx, replayed).await?;
    tx.commit().await?;
    store.forget_lot_index().await;
    Ok(result)
}

async fn fingerprint(conn: &mut SqliteConnection, table: &str) -> Result<(i64, u64), StoreError> {
    let columns: Vec<String> =
        sqlx::query_scalar("SELECT name FROM pragma_table_info(?)").bind(table).fetch_all(&mut *conn).await?;
    let expr = if columns.is_empty() {
        // FTS tables have no table_info rows: compare their visible columns through the content.
        "rowid".to_owned()
    } else {
        columns.iter().map(|c| format!("quote(\"{c}\")")).collect::<Vec<_>>().join(" || '|' || ")
    };
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {expr} AS r FROM {table} ORDER BY r")))
        .fetch_all(&mut *conn)
        .await?;
    let mut hasher = DefaultHasher::new();
    for row in &rows {
        row.get::<Option<String>, _>(0).hash(&mut hasher);
    }
    Ok((rows.len() as i64, hasher.finish()))
}

/// Every projection's row count and a hash of its rows, so two desks (or a desk and a rebuild)
/// can be compared table by table.
pub async fn fingerprints(store: &Store) -> Result<Vec<(String, i64, u64)>, StoreError> {
    let mut conn = store.pool().acquire().await?;
    let mut out = Vec::with_capacity(PROJECTIONS.len());
    for table in PROJECTIONS.iter().filter(|t| !DESK_OWN.contains(t)) {
        let (rows, hash) = fingerprint(&mut conn, table).await?;
        out.push(((*table).to_owned(), rows, hash));
    }
    Ok(out)
}

/// What `lotline check` found.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    pub integrity: String,
    pub events: i64,
    pub unknown_events: i64,
    /// Tables whose live content differs from a rebuild from the log.
    pub mismatched: Vec<String>,
    /// Every desk's hash chain, and where it first breaks.
    pub chain: ChainReport,
    /// The keyed checkpoints and the team's anchors, as far as this computer's key allows.
    pub keyed: KeyedReport,
}

impl CheckReport {
    pub fn ok(&self) -> bool {
        self.integrity == "ok"
            && self.mismatched.is_empty()
            && self.chain.first_problem.is_none()
            && self.keyed.first_problem.is_none()
    }
}

/// SQLite's integrity check, every desk's hash chain, then a rebuild in a transaction that is rolled back, comparing
/// every projection before and after.
pub async fn check(store: &Store) -> Result<CheckReport, StoreError> {
    let integrity: Vec<String> = {
        let mut fresh = store.fresh_connection().await?;
        sqlx::query_scalar("PRAGMA integrity_check").fetch_all(&mut fresh).await?
    };
    let mut tx = store.begin_write().await?;
    let mut before = Vec::new();
    for table in PROJECTIONS {
        before.push(fingerprint(&mut tx, table).await?);
    }
    let chain = verify_chain(&mut tx).await?;
    let keyed = verify_checkpoints(&mut tx, store.checkpoint_key().as_ref()).await?;
    let replayed = replay(&mut tx).await?;
    let mut mismatched = Vec::new();
    for (table, expected) in PROJECTIONS.iter().zip(before) {
        if fingerprint(&mut tx, table).await? != expected {
            mismatched.push((*table).to_owned());
        }
    }
    tx.rollback().await?;
    Ok(CheckReport {
        integrity: integrity.join("; "),
        events: replayed.events,
        unknown_events: replayed.unknown,
        mismatched,
        chain,
        keyed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tables of the schema that are not projections of the log, each with why: everything else a
    /// migration creates must be in `PROJECTIONS`, or a rebuild would leave it stale.
    const NOT_PROJECTIONS: &[(&str, &str)] = &[
        ("_sqlx_migrations", "sqlx's record of the migrations run"),
        ("events", "the log itself"),
        ("chain_checkpoints", "keyed checkpoints sealed as acts commit, verified rather than rebuilt"),
        ("chain_anchors", "chain heads the team's server vouched for"),
        ("local_state", "this desk's clock and pending upgrade steps"),
        ("desk_upkeep", "this desk's backups kept and newest version seen"),
        ("lot_touches", "lots the in-memory index must re-read; a rebuild forgets the whole index"),
        ("number_aliases", "the team server's renames, which the log is read through"),
        ("refused_acts", "the server's answers to this desk's refused acts"),
        ("sign_in_attempts", "this desk's sign-in lockout counts"),
        ("team_desks", "the team's desk codes as the server told them"),
        ("notification_marks", "which notifications this desk announced to each person and they read"),
        ("weekly_reviews", "the weekly review PDFs this desk made"),
    ];

    #[tokio::test]
    async fn rebuild_clears_every_projection_table_of_the_schema() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).await.unwrap();
        // FTS5 keeps its index in shadow tables named after the virtual table; clearing the virtual
        // table clears them.
        let tables: Vec<String> = sqlx::query_scalar(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%' \
             AND sqlite_master.name LIKE v.name || '\\_%' ESCAPE '\\') ORDER BY name",
        )
        .fetch_all(store.pool())
        .await
        .unwrap();
        let forgotten: Vec<&String> = tables
            .iter()
            .filter(|t| !PROJECTIONS.contains(&t.as_str()) && !NOT_PROJECTIONS.iter().any(|(n, _)| n == t))
            .collect();
        assert!(forgotten.is_empty(), "tables neither in PROJECTIONS nor in NOT_PROJECTIONS: {forgotten:?}");
        let gone: Vec<&str> = PROJECTIONS
            .iter()
            .chain(NOT_PROJECTIONS.iter().map(|(n, _)| n))
            .copied()
            .filter(|t| !tables.iter().any(|name| name == t))
            .collect();
        assert!(gone.is_empty(), "listed tables the schema no longer has: {gone:?}");
    }
}
