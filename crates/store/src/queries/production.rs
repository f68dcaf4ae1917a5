//! Work orders and complaints as the lists and detail pages show them; the work order that made
//! a lot (shipping and traces ask); complaints per vendor for the scorecard.

use std::collections::HashMap;

use lotline_domain::failure::Severity;
use lotline_domain::production::{BlockDecision, ComplaintOutcome, ComplaintStatus, WorkOrderStatus};
use serde::{Deserialize, Serialize};
use sqlx::{Row, SqliteConnection};
use ts_rs::TS;

use super::review::Span;
use crate::StoreError;

/// One step done: who (display name) and when (UTC).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StepDone {
    pub at: String,
    pub by_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkOrderRow {
    pub work_order_no: String,
    pub sku: String,
    pub product_name: Option<String>,
    /// The product's vendor: an in-process failure on the run is logged against it by default.
    pub vendor_code: Option<String>,
    pub output_lot_code: String,
    pub planned_qty: i64,
    pub output_qty: Option<i64>,
    pub unit: String,
    pub location: String,
    pub due_on: Option<String>,
    pub note: String,
    /// Blocked while any block waits for a decision, else the run's own step.
    pub status: WorkOrderStatus,
    /// Blocks not yet decided.
    pub open_blocks: i64,
    pub planned: StepDone,
    pub started: Option<StepDone>,
    pub completed: Option<StepDone>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkOrderComponent {
    pub lot_code: String,
    pub sku: Option<String>,
    pub vendor_code: Option<String>,
    pub planned_qty: i64,
    pub consumed_qty: Option<i64>,
    pub unit: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkOrderBlock {
    pub failure_no: String,
    pub failure_description: Option<String>,
    pub qty_failed: Option<i64>,
    pub blocked: StepDone,
    pub decision: Option<BlockDecision>,
    pub decision_note: Option<String>,
    pub decided: Option<StepDone>,
}

const WO_SELECT: &str = "SELECT w.*, p.name AS product_name, p.vendor_code AS product_vendor, \
    (SELECT COUNT(*) FROM work_order_blocks b WHERE b.work_order_no = w.work_order_no AND b.decision IS NULL) AS open_blocks, \
    (SELECT display_name FROM users WHERE user_id = w.planned_by) AS planned_name, \
    (SELECT display_name FROM users WHERE user_id = w.started_by) AS started_name, \
    (SELECT display_name FROM users WHERE user_id = w.completed_by) AS completed_name \
    FROM work_orders w LEFT JOIN products p ON p.sku = w.sku";

fn done(row: &sqlx::sqlite::SqliteRow, at: &str, name: &str) -> Option<StepDone> {
    let at: Option<String> = row.get(at);
    at.map(|at| StepDone { at, by_name: row.get(name) })
}

fn work_order_from(row: &sqlx::sqlite::SqliteRow) -> WorkOrderRow {
    let open_blocks: i64 = row.get("open_blocks");
    let status: String = row.get("status");
    let status = WorkOrderStatus::parse(&status).unwrap_or(WorkOrderStatus::Planned);
    WorkOrderRow {
        work_order_no: row.get("work_order_no"),
        sku: row.get("sku"),
        product_name: row.get("product_name"),
        vendor_code: row.get("product_vendor"),
        output_lot_code: row.get("output_lot_code"),
        planned_qty: row.get("planned_qty"),
        output_qty: row.get("output_qty"),
        unit: row.get("unit"),
        location: row.get("location"),
        due_on: row.get("due_on"),
        note: row.get("note"),
        status: if open_blocks > 0 { WorkOrderStatus::Blocked } else { status },
        open_blocks,
        planned: StepDone { at: row.get("planned_at"), by_name: row.get("planned_name") },
        started: done(row, "started_at", "started_name"),
        completed: done(row, "completed_at", "completed_name"),
    }
}

pub async fn work_order_row(conn: &mut SqliteConnection, no: &str) -> Result<Option<WorkOrderRow>, StoreError> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!("{WO_SELECT} WHERE w.work_order_no = ?")))
        .bind(no)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.as_ref().map(work_order_from))
}

/// Work orders, blocked first, then by step (running, planned, completed), newest first; of one
/// status, or naming a text (number, SKU, output lot), when asked.
pub async fn list_work_orders(
    conn: &mut SqliteConnection,
    status: Option<WorkOrderStatus>,
    text: Option<&str>,
) -> Result<Vec<WorkOrderRow>, StoreError> {
    let like = text.map(|t| format!("%{}%", t.trim().replace(['%', '_'], "")));
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT * FROM ({WO_SELECT}) WHERE (?1 IS NULL OR (CASE WHEN open_blocks > 0 THEN 'blocked' ELSE status END) = ?1) \
         AND (?2 IS NULL OR work_order_no LIKE ?2 OR sku LIKE ?2 OR output_lot_code LIKE ?2) \
         ORDER BY open_blocks = 0, CASE status WHEN 'in_progress' THEN 0 WHEN 'planned' THEN 1 ELSE 2 END, \
         seq_no DESC LIMIT 1000"
    )))
    .bind(status.map(WorkOrderStatus::as_str))
    .bind(like)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(work_order_from).collect())
}

pub async fn components_of(conn: &mut SqliteConnection, no: &str) -> Result<Vec<WorkOrderComponent>, StoreError> {
    let rows = sqlx::query(
        "SELECT c.lot_code, l.sku, l.vendor_code, c.planned_qty, c.consumed_qty, l.unit FROM work_order_components c \
         LEFT JOIN lots l ON l.lot_code = c.lot_code WHERE c.work_order_no = ? ORDER BY c.rowid",
    )
    .bind(no)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .map(|r| WorkOrderComponent {
            lot_code: r.get(0),
            sku: r.get(1),
            vendor_code: r.get(2),
            planned_qty: r.get(3),
            consumed_qty: r.get(4),
            unit: r.get(5),
        })
        .collect())
}

pub async fn blocks_of(conn: &mut SqliteConnection, no: &str) -> Result<Vec<WorkOrderBlock>, StoreError> {
    let rows = sqlx::query(
        "SELECT b.*, f.description AS failure_description, f.qty_failed, \
         (SELECT display_name FROM users WHERE user_id = b.blocked_by) AS blocked_name, \
         (SELECT display_name FROM users WHERE user_id = b.decided_by) AS decided_name \
         FROM work_order_blocks b LEFT JOIN failures f ON f.failure_no = b.failure_no \
         WHERE b.work_order_no = ? ORDER BY b.blocked_at, b.failure_no",
    )
    .bind(no)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .map(|r| {
            let decision: Option<String> = r.get("decision");
            WorkOrderBlock {
                failure_no: r.get("failure_no"),
                failure_description: r.get("failure_description"),
                qty_failed: r.get("qty_failed"),
                blocked: StepDone { at: r.get("blocked_at"), by_name: r.get("blocked_name") },
                decision: decision.and_then(|d| serde_json::from_value(serde_json::Value::String(d)).ok()),
                decision_note: r.get("decision_note"),
                decided: done(r, "decided_at", "decided_name"),
            }
        })
        .collect())
}

/// The work order a lot is the output of, if one is.
pub async fn work_order_of_output(conn: &mut SqliteConnection, lot_code: &str) -> Result<Option<String>, StoreError> {
    Ok(sqlx::query_scalar("SELECT work_order_no FROM work_orders WHERE output_lot_code = ? ORDER BY seq_no LIMIT 1")
        .bind(lot_code)
        .fetch_optional(&mut *conn)
        .await?)
}

/// Output lots of work orders a failure blocks, with the order and its first open failure: what
/// may not ship or be consumed until a quality lead decides.
pub async fn blocked_outputs(conn: &mut SqliteConnection) -> Result<HashMap<String, (String, String)>, StoreError> {
    let rows = sqlx::query(
        "SELECT w.output_lot_code, w.work_order_no, MIN(b.failure_no) FROM work_order_blocks b \
         JOIN work_orders w ON w.work_order_no = b.work_order_no WHERE b.decision IS NULL GROUP BY 1, 2",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(|r| (r.get(0), (r.get(1), r.get(2)))).collect())
}

/// The work order blocked by a failure, if one is.
pub async fn work_order_of_failure(
    conn: &mut SqliteConnection,
    failure_no: &str,
) -> Result<Option<String>, StoreError> {
    Ok(sqlx::query_scalar("SELECT work_order_no FROM work_order_blocks WHERE failure_no = ? LIMIT 1")
        .bind(failure_no)
        .fetch_optional(&mut *conn)
        .await?)
}

/// Completed work orders by output lot, for the lots a trace reached: few, against a trace's
/// thousands of lots, so one query of them all.
pub async fn completed_by_output(conn: &mut SqliteConnection) -> Result<HashMap<String, String>, StoreError> {
    let rows = sqlx::query("SELECT output_lot_code, work_order_no FROM work_orders WHERE status = 'completed'")
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ComplaintRow {
    pub complaint_no: String,
    pub received_on: String,
    pub customer_code: Option<String>,
    pub customer_name: Option<String>,
    pub order_no: Option<String>,
    pub lot_code: Option<String>,
    pub work_order_no: Option<String>,
    pub sku: Option<String>,
    pub vendor_code: Option<String>,
    pub qty_affected: i64,
    pub description: String,
    pub severity: Severity,
    pub status: ComplaintStatus,
    pub outcome: Option<ComplaintOutcome>,
    pub opened: StepDone,
    pub investigating: Option<StepDone>,
    pub investigation_note: Option<String>,
    pub closed: Option<StepDone>,
    pub closing_note: Option<String>,
}

const COMPLAINT_SELECT: &str = "SELECT c.*, cu.name AS customer_name, \
    (SELECT display_name FROM users WHERE user_id = c.opened_by) AS opened_name, \
    (SELECT display_name FROM users WHERE user_id = c.investigating_by) AS investigating_name, \
    (SELECT display_name FROM users WHERE user_id = c.closed_by) AS closed_name \
    FROM complaints c LEFT JOIN customers cu ON cu.code = c.customer_code";

fn enum_of<T: serde::de::DeserializeOwned>(text: Option<String>) -> Option<T> {
    text.and_then(|t| serde_json::from_value(serde_json::Value::String(t)).ok())
}

fn complaint_from(row: &sqlx::sqlite::SqliteRow) -> ComplaintRow {
    ComplaintRow {
        complaint_no: row.get("complaint_no"),
        received_on: row.get("received_on"),
        customer_code: row.get("customer_code"),
        customer_name: row.get("customer_name"),
        order_no: row.get("order_no"),
        lot_code: row.get("lot_code"),
        work_order_no: row.get("work_order_no"),
        sku: row.get("sku"),
        vendor_code: row.get("vendor_code"),
        qty_affected: row.get("qty_affected"),
        description: row.get("description"),
        severity: enum_of(row.get("severity")).unwrap_or(Severity::Minor),
        status: enum_of(row.get("status")).unwrap_or(ComplaintStatus::Open),
        outcome: enum_of(row.get("outcome")),
        opened: StepDone { at: row.get("opened_at"), by_name: row.get("opened_name") },
        investigating: done(row, "investigating_at", "investigating_name"),
        investigation_note: row.get("investigation_note"),
        closed: done(row, "closed_at", "closed_name"),
        closing_note: row.get("closing_note"),
    }
}

pub async fn complaint_row(conn: &mut SqliteConnection, no: &str) -> Result<Option<ComplaintRow>, StoreError> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!("{COMPLAINT_SELECT} WHERE c.complaint_no = ?")))
        .bind(no)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.as_ref().map(complaint_from))
}

/// What a complaints list is narrowed to; every filter optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ComplaintFilter {
    #[serde(default)]
    #[ts(optional = nullable)]
    pub status: Option<ComplaintStatus>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub customer_code: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub order_no: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub lot_code: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub work_order_no: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub vendor_code: Option<String>,
}

/// Complaints, open ones first, newest first.
pub async fn list_complaints(
    conn: &mut SqliteConnection,
    f: &ComplaintFilter,
) -> Result<Vec<ComplaintRow>, StoreError> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "{COMPLAINT_SELECT} WHERE (?1 IS NULL OR c.status = ?1) AND (?2 IS NULL OR c.customer_code = ?2) \
         AND (?3 IS NULL OR c.order_no = ?3) AND (?4 IS NULL OR c.lot_code = ?4) AND (?5 IS NULL OR c.work_order_no = ?5) \
         AND (?6 IS NULL OR c.vendor_code = ?6) \
         ORDER BY c.status = 'closed', c.received_on DESC, c.seq_no DESC LIMIT 1000"
    )))
    .bind(f.status.map(ComplaintStatus::as_str))
    .bind(&f.customer_code)
    .bind(&f.order_no)
    .bind(&f.lot_code)
    .bind(&f.work_order_no)
    .bind(&f.vendor_code)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(complaint_from).collect())
}

/// Complaints opened in the span that count against the lot's vendor (all but those closed as
/// unfounded, `Complaint::counts`), per vendor: how many, and the units they concern.
pub async fn complaints_by_vendor(
    conn: &mut SqliteConnection,
    span: &Span,
) -> Result<HashMap<String, (i64, i64)>, StoreError> {
    let rows = sqlx::query(
        "SELECT vendor_code, COUNT(*), SUM(qty_affected) FROM complaints WHERE vendor_code IS NOT NULL \
         AND opened_at >= ?1 AND opened_at < ?2 AND NOT (status = 'closed' AND outcome = 'unfounded') GROUP BY 1",
    )
    .bind(&span.start)
    .bind(&span.end)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(|r| (r.get(0), (r.get(1), r.get(2)))).collect())
}
