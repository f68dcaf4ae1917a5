//! What the inbox is made of: the records that may ask someone's attention (the app decides whom),
//! each person's choice of kinds, what this desk already told them, and the weekly reviews kept.

use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, HashMap};

use lotline_domain::notify::{KINDS, NotificationKind, NotificationPreferences};
use sqlx::{Row, SqliteConnection};

use crate::StoreError;

/// A record that may ask for attention: its number, when it began to, and what its text needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Tells one occasion from another of the same record (a second hold on a lot, a new due date).
    pub occasion: String,
    pub record_no: String,
    pub at: String,
    pub params: BTreeMap<String, String>,
}

/// Each kind's records, as rows of (occasion, record_no, at, params as a JSON object of texts; a
/// null is left out). `?1` is today and `?2` the last day of the expiry window (YYYY-MM-DD). A new
/// kind is one arm here.
fn audience_sql(kind: NotificationKind) -> &'static str {
    match kind {
        // Reshipments waiting for approvals; the app folds each to see on whom.
        NotificationKind::ReshipmentApproval => {
            "SELECT '', reshipment_no, requested_at, json_object('total_minor', CAST(total_minor AS TEXT), \
               'currency', currency, 'order_no', order_no) FROM reshipments \
             WHERE status = 'requested' ORDER BY requested_at LIMIT 500"
        }
        // Open RMAs whose refund or store credit someone asked for: the app folds each to see whether
        // the payout still waits and on whom. The request's time is the latest one's. Driven by the
        // open RMAs, each looked up in its own stream (the log has no index by kind): under its
        // number, or under the alias it was renumbered to, as two lookups by their own indexes.
        // Written as one condition with OR, SQLite read every RMA event per open RMA, and the inbox
        // poll took seconds on a desk of 100,000 RMAs. Materialised, so that each is looked up once
        // and not again for the WHERE.
        NotificationKind::PayoutApproval => {
            "WITH c AS MATERIALIZED (SELECT r.rma_no, r.customer_code, (SELECT MAX(at) FROM ( \
                 SELECT MAX(e.occurred_at) AS at FROM events e WHERE e.stream_type = 'rma' AND e.stream_id = r.rma_no \
                   AND e.stream_alias IS NULL AND e.kind = 'rma_payout_requested' AND e.status <> 'rejected' \
                 UNION ALL SELECT MAX(e.occurred_at) FROM events e WHERE e.stream_type = 'rma' AND e.stream_alias = r.rma_no \
                   AND e.kind = 'rma_payout_requested' AND e.status <> 'rejected')) AS at \
               FROM rmas r WHERE r.status IN ('approved', 'label_printed', 'in_transit', 'received', 'inspected')) \
             SELECT '', rma_no, at, json_object('customer_code', customer_code) FROM c \
             WHERE at IS NOT NULL ORDER BY at LIMIT 500"
        }
        // RMAs the rules escalated to the analysts, not yet decided.
        NotificationKind::RmaEscalated => {
            "SELECT '', rma_no, opened_at, json_object('customer_code', customer_code, 'reason_code', reason_code) \
             FROM rmas WHERE status = 'escalated' ORDER BY opened_at LIMIT 500"
        }
        // Holds in force, one per hold placed (a lot held again is told again).
        NotificationKind::LotHeld => {
            "SELECT COALESCE(placed_event, ''), lot_code, placed_at, \
               json_object('sku', sku, 'reason', reason, 'failure_no', failure_no) FROM holds \
             WHERE released_at IS NULL ORDER BY placed_at DESC LIMIT 500"
        }
        // SCARs whose vendor's answer is overdue today: the rule of `scars::overdue_by_vendor`. A
        // new due date is a new occasion.
        NotificationKind::ScarOverdue => {
            "SELECT due_on, scar_no, due_on, json_object('due_on', due_on, 'vendor_code', vendor_code) FROM scars \
             WHERE status IN ('sent', 'containment_received') AND due_on < ?1 ORDER BY due_on LIMIT 500"
        }
        // Lots with free stock that expire from today to the window's last day (both counted).
        NotificationKind::ExpirySoon => {
            "SELECT expiry_date, lot_code, expiry_date, json_object('expiry_date', expiry_date, 'sku', sku, \
               'qty', CAST(on_hand AS TEXT), 'unit', unit) FROM lots WHERE on_hand > 0 \
             AND status IN ('available', 'released', 'on_hold') AND expiry_date >= ?1 AND expiry_date <= ?2 \
             ORDER BY expiry_date LIMIT 500"
        }
        // Blocks of a work order's output by an in-process failure that wait for the quality lead's
        // decision; another failure's block is another occasion.
        NotificationKind::WorkOrderBlocked => {
            "SELECT b.failure_no, b.work_order_no, b.blocked_at, json_object('failure_no', b.failure_no, \
               'sku', w.sku, 'output_lot_code', w.output_lot_code) \
             FROM work_order_blocks b JOIN work_orders w ON w.work_order_no = b.work_order_no \
             WHERE b.decision IS NULL ORDER BY b.blocked_at LIMIT 500"
        }
    }
}

/// The records of `kinds` in one query: the kinds' queries as one UNION ALL, each row tagged with
/// its kind. Only the kinds asked for run, so a person's muted kinds cost nothing.
fn audiences(kinds: &[NotificationKind]) -> String {
    kinds
        .iter()
        .map(|kind| format!("SELECT '{}', * FROM ({})", kind.as_str(), audience_sql(*kind)))
        .collect::<Vec<_>>()
        .join(" UNION ALL ")
}

/// The records of `kinds` that may ask attention, by kind, on `today` with lots told up to
/// `expiry_last_day` (both YYYY-MM-DD); each kind's in its own order.
pub async fn candidates(
    conn: &mut SqliteConnection,
    kinds: &[NotificationKind],
    today: &str,
    expiry_last_day: &str,
) -> Result<BTreeMap<NotificationKind, Vec<Candidate>>, StoreError> {
    if kinds.is_empty() {
        return Ok(BTreeMap::new());
    }
    let rows = sqlx::query(sqlx::AssertSqlSafe(audiences(kinds)))
        .bind(today)
        .bind(expiry_last_day)
        .fetch_all(&mut *conn)
        .await?;
    let mut by_kind: BTreeMap<NotificationKind, Vec<Candidate>> = BTreeMap::new();
    for r in &rows {
        let name: String = r.get(0);
        let Some(kind) = KINDS.iter().copied().find(|k| k.as_str() == name) else { continue };
        // json_object always writes an object of texts and nulls.
        let params: BTreeMap<String, Option<String>> = serde_json::from_str(&r.get::<String, _>(4)).unwrap_or_default();
        by_kind.entry(kind).or_default().push(Candidate {
            occasion: r.get(1),
            record_no: r.get(2),
            at: r.get(3),
            params: params.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))).collect(),
        });
    }
    Ok(by_kind)
}

/// A person's choice; every kind for one who never chose.
pub async fn preferences(conn: &mut SqliteConnection, user_id: &str) -> Result<NotificationPreferences, StoreError> {
    let row = sqlx::query("SELECT muted, system FROM notification_preferences WHERE user_id = ?")
        .bind(user_id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(match row {
        Some(r) => NotificationPreferences {
            muted: serde_json::from_str(&r.get::<String, _>(0)).unwrap_or_default(),
            system: r.get(1),
        },
        None => NotificationPreferences::default(),
    })
}

/// What this desk already did with a person's notifications, by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mark {
    pub announced: bool,
    pub read_at: Option<DateTime<Utc>>,
}

pub async fn marks(conn: &mut SqliteConnection, user_id: &str) -> Result<HashMap<String, Mark>, StoreError> {
    let rows = sqlx::query("SELECT notification_id, announced_at, read_at FROM notification_marks WHERE user_id = ?")
        .bind(user_id)
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows
        .iter()
        .map(|r| {
            let announced: Option<String> = r.get(1);
            (r.get(0), Mark { announced: announced.is_some(), read_at: r.get(2) })
        })
        .collect())
}

/// Notes that the notifications `ids` were announced to `user_id` at `at` (once: the first time stays).
pub async fn mark_announced(
    conn: &mut SqliteConnection,
    user_id: &str,
    ids: &[String],
    at: &str,
) -> Result<(), StoreError> {
    for id in ids {
        sqlx::query(
            "INSERT INTO notification_marks (user_id, notification_id, announced_at) VALUES (?, ?, ?) \
             ON CONFLICT (user_id, notification_id) DO UPDATE SET announced_at = COALESCE(announced_at, excluded.announced_at)",
        )
        .bind(user_id)
        .bind(id)
        .bind(at)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Notes that `user_id` read the notifications `ids` at `at`; read also counts as announced.
pub async fn mark_read(conn: &mut SqliteConnection, user_id: &str, ids: &[String], at: &str) -> Result<(), StoreError> {
    for id in ids {
        sqlx::query(
            "INSERT INTO notification_marks (user_id, notification_id, announced_at, read_at) VALUES (?, ?, ?, ?) \
             ON CONFLICT (user_id, notification_id) DO UPDATE SET \
             announced_at = COALESCE(announced_at, excluded.announced_at), read_at = COALESCE(read_at, excluded.read_at)",
        )
        .bind(user_id)
        .bind(id)
        .bind(at)
        .bind(at)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// A weekly review kept on this desk, without its PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeeklyReviewRow {
    pub week: String,
    pub period_from: String,
    pub period_to: String,
    pub made_at: DateTime<Utc>,
    pub size: i64,
    pub sent_to_team_at: Option<DateTime<Utc>>,
}

pub async fn weekly_reviews(conn: &mut SqliteConnection) -> Result<Vec<WeeklyReviewRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT week, period_from, period_to, made_at, length(pdf), sent_to_team_at FROM weekly_reviews \
         ORDER BY week DESC LIMIT 520",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .map(|r| WeeklyReviewRow {
            week: r.get(0),
            period_from: r.get(1),
            period_to: r.get(2),
            made_at: r.get(3),
            size: r.get(4),
            sent_to_team_at: r.get(5),
        })
        .collect())
}

pub async fn weekly_review_pdf(conn: &mut SqliteConnection, week: &str) -> Result<Option<Vec<u8>>, StoreError> {
    Ok(sqlx::query_scalar("SELECT pdf FROM weekly_reviews WHERE week = ?")
        .bind(week)
        .fetch_optional(&mut *conn)
        .await?)
}

/// Keeps a week's review; false when the week already has one (a week is made once).
pub async fn keep_weekly_review(
    conn: &mut SqliteConnection,
    row: &WeeklyReviewRow,
    language: &str,
    pdf: &[u8],
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO weekly_reviews (week, period_from, period_to, made_at, language, pdf) VALUES (?, ?, ?, ?, ?, ?) \
         ON CONFLICT (week) DO NOTHING",
    )
    .bind(&row.week)
    .bind(&row.period_from)
    .bind(&row.period_to)
    .bind(super::review::instant_text(row.made_at))
    .bind(language)
    .bind(pdf)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Weekly reviews the team's server has not taken yet, oldest first.
pub async fn weekly_reviews_unsent(conn: &mut SqliteConnection) -> Result<Vec<String>, StoreError> {
    Ok(sqlx::query_scalar("SELECT week FROM weekly_reviews WHERE sent_to_team_at IS NULL ORDER BY week LIMIT 8")
        .fetch_all(&mut *conn)
        .await?)
}

pub async fn weekly_review_sent(conn: &mut SqliteConnection, week: &str, at: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE weekly_reviews SET sent_to_team_at = ? WHERE week = ?")
        .bind(at)
        .bind(week)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// When this desk's log begins (its first event's time), if it has any.
pub async fn log_begins(conn: &mut SqliteConnection) -> Result<Option<String>, StoreError> {
    Ok(sqlx::query_scalar("SELECT MIN(occurred_at) FROM events").fetch_one(&mut *conn).await?)
}
