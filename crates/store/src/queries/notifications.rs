//! What the inbox is made of: the records that may ask someone's attention (the app decides whom),
//! each person's choice of kinds, what this desk already told them, and the weekly reviews kept.

use std::collections::{BTreeMap, HashMap};

use lotline_domain::notify::NotificationPreferences;
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

fn params(pairs: &[(&str, Option<String>)]) -> BTreeMap<String, String> {
    pairs.iter().filter_map(|(k, v)| v.clone().map(|v| ((*k).to_owned(), v))).collect()
}

/// Reshipments waiting for approvals.
pub async fn reshipments_requested(conn: &mut SqliteConnection) -> Result<Vec<Candidate>, StoreError> {
    let rows = sqlx::query(
        "SELECT reshipment_no, requested_at, total_minor, currency, order_no FROM reshipments \
         WHERE status = 'requested' ORDER BY requested_at LIMIT 500",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .map(|r| Candidate {
            occasion: String::new(),
            record_no: r.get(0),
            at: r.get(1),
            params: params(&[
                ("total_minor", Some(r.get::<i64, _>(2).to_string())),
                ("currency", Some(r.get(3))),
                ("order_no", Some(r.get(4))),
            ]),
        })
        .collect())
}

/// Open RMAs whose refund or store credit someone asked for: the app folds each to see whether
/// the payout still waits and on whom. The request's time is the latest one's.
pub async fn rmas_with_payout_requests(conn: &mut SqliteConnection) -> Result<Vec<Candidate>, StoreError> {
    // Driven by the open RMAs, each looked up in its own stream (the log has no index by kind):
    // under its number, or under the alias it was renumbered to, as two lookups by their own
    // indexes. Written as one condition with OR, SQLite read every RMA event per open RMA, and
    // the inbox poll took seconds on a desk of 100,000 RMAs. Materialised, so that each is looked
    // up once and not again for the WHERE.
    let rows = sqlx::query(
        "WITH c AS MATERIALIZED (SELECT r.rma_no, r.customer_code, (SELECT MAX(at) FROM ( \
             SELECT MAX(e.occurred_at) AS at FROM events e WHERE e.stream_type = 'rma' AND e.stream_id = r.rma_no \
               AND e.stream_alias IS NULL AND e.kind = 'rma_payout_requested' AND e.status <> 'rejected' \
             UNION ALL SELECT MAX(e.occurred_at) FROM events e WHERE e.stream_type = 'rma' AND e.stream_alias = r.rma_no \
               AND e.kind = 'rma_payout_requested' AND e.status <> 'rejected')) AS at \
           FROM rmas r WHERE r.status IN ('approved', 'label_printed', 'in_transit', 'received', 'inspected')) \
         SELECT rma_no, at, customer_code FROM c WHERE at IS NOT NULL ORDER BY at LIMIT 500",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .map(|r| Candidate {
            occasion: String::new(),
            record_no: r.get(0),
            at: r.get(1),
            params: params(&[("customer_code", Some(r.get(2)))]),
        })
        .collect())
}

/// RMAs the rules escalated to the analysts, not yet decided.
pub async fn rmas_escalated(conn: &mut SqliteConnection) -> Result<Vec<Candidate>, StoreError> {
    let rows = sqlx::query(
        "SELECT rma_no, opened_at, customer_code, reason_code FROM rmas WHERE status = 'escalated' \
         ORDER BY opened_at LIMIT 500",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .map(|r| Candidate {
            occasion: String::new(),
            record_no: r.get(0),
            at: r.get(1),
            params: params(&[("customer_code", Some(r.get(2))), ("reason_code", Some(r.get(3)))]),
        })
        .collect())
}

/// Holds in force, one per hold placed (a lot held again is told again).
pub async fn active_holds(conn: &mut SqliteConnection) -> Result<Vec<Candidate>, StoreError> {
    let rows = sqlx::query(
        "SELECT lot_code, COALESCE(placed_event, ''), placed_at, sku, reason, failure_no FROM holds \
         WHERE released_at IS NULL ORDER BY placed_at DESC LIMIT 500",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .map(|r| Candidate {
            occasion: r.get(1),
            record_no: r.get(0),
            at: r.get(2),
            params: params(&[("sku", Some(r.get(3))), ("reason", Some(r.get(4))), ("failure_no", r.get(5))]),
        })
        .collect())
}

/// SCARs whose vendor's answer is overdue on `today` (YYYY-MM-DD): the rule of
/// `scars::overdue_by_vendor`. A new due date is a new occasion.
pub async fn scars_overdue(conn: &mut SqliteConnection, today: &str) -> Result<Vec<Candidate>, StoreError> {
    let rows = sqlx::query(
        "SELECT scar_no, due_on, vendor_code FROM scars WHERE status IN ('sent', 'containment_received') \
         AND due_on < ? ORDER BY due_on LIMIT 500",
    )
    .bind(today)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .map(|r| {
            let due: String = r.get(1);
            Candidate {
                occasion: due.clone(),
                record_no: r.get(0),
                at: due.clone(),
                params: params(&[("due_on", Some(due)), ("vendor_code", Some(r.get(2)))]),
            }
        })
        .collect())
}

/// Lots with free stock that expire from `today` to `last_day` (YYYY-MM-DD, both counted).
pub async fn lots_expiring(
    conn: &mut SqliteConnection,
    today: &str,
    last_day: &str,
) -> Result<Vec<Candidate>, StoreError> {
    let rows = sqlx::query(
        "SELECT lot_code, expiry_date, sku, on_hand, unit FROM lots WHERE on_hand > 0 \
         AND status IN ('available', 'released', 'on_hold') AND expiry_date >= ? AND expiry_date <= ? \
         ORDER BY expiry_date LIMIT 500",
    )
    .bind(today)
    .bind(last_day)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .map(|r| {
            let expiry: String = r.get(1);
            Candidate {
                occasion: expiry.clone(),
                record_no: r.get(0),
                at: expiry.clone(),
                params: params(&[
                    ("expiry_date", Some(expiry)),
                    ("sku", Some(r.get(2))),
                    ("qty", Some(r.get::<i64, _>(3).to_string())),
                    ("unit", Some(r.get(4))),
                ]),
            }
        })
        .collect())
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
    pub read_at: Option<String>,
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
    pub made_at: String,
    pub size: i64,
    pub sent_to_team_at: Option<String>,
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
    .bind(&row.made_at)
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
