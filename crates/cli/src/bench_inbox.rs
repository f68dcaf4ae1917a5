//! The inbox poll of `lotline bench`: what the shell asks every little while
//! (`poll_notifications`), on the reviews' database, beside one hand-written statement giving the
//! same rows: every record that asks for attention, of every kind, each list cut as the act cuts
//! it, newest first.

use std::time::Instant;

use anyhow::Result;
use chrono::{Duration, NaiveDate};
use lotline_app::Ctx;
use lotline_app::acts::notifications::EXPIRY_WARNING_DAYS;
use serde_json::{Value, json};
use sqlx::Row;

use crate::bench::must_json;
use crate::bench_base::Latency;

const RUNS: usize = 20;

/// The kinds' own statements as the store's queries have them, in one `UNION ALL`. The two
/// approval kinds name only records whose approval someone asked for; the act then keeps those
/// the person may approve (its fold of each), which this statement does not do.
const INBOX: &str = "WITH c AS MATERIALIZED (SELECT r.rma_no, (SELECT MAX(at) FROM ( \
       SELECT MAX(e.occurred_at) AS at FROM events e WHERE e.stream_type = 'rma' AND e.stream_id = r.rma_no \
         AND e.stream_alias IS NULL AND e.kind = 'rma_payout_requested' AND e.status <> 'rejected' \
       UNION ALL SELECT MAX(e.occurred_at) FROM events e WHERE e.stream_type = 'rma' AND e.stream_alias = r.rma_no \
         AND e.kind = 'rma_payout_requested' AND e.status <> 'rejected')) AS at \
     FROM rmas r WHERE r.status IN ('approved', 'label_printed', 'in_transit', 'received', 'inspected')) \
   SELECT kind, record_no, at FROM ( \
     SELECT * FROM (SELECT 'reshipment_approval' AS kind, reshipment_no AS record_no, requested_at AS at \
       FROM reshipments WHERE status = 'requested' ORDER BY requested_at LIMIT 500) \
     UNION ALL SELECT * FROM (SELECT 'payout_approval', rma_no, at FROM c WHERE at IS NOT NULL ORDER BY at LIMIT 500) \
     UNION ALL SELECT * FROM (SELECT 'rma_escalated', rma_no, opened_at FROM rmas WHERE status = 'escalated' \
       ORDER BY opened_at LIMIT 500) \
     UNION ALL SELECT * FROM (SELECT 'lot_held', lot_code, placed_at FROM holds WHERE released_at IS NULL \
       ORDER BY placed_at DESC LIMIT 500) \
     UNION ALL SELECT * FROM (SELECT 'scar_overdue', scar_no, due_on FROM scars \
       WHERE status IN ('sent', 'containment_received') AND due_on < ?1 ORDER BY due_on LIMIT 500) \
     UNION ALL SELECT * FROM (SELECT 'expiry_soon', lot_code, expiry_date FROM lots WHERE on_hand > 0 \
       AND status IN ('available', 'released', 'on_hold') AND expiry_date >= ?1 AND expiry_date <= ?2 \
       ORDER BY expiry_date LIMIT 500)) \
   ORDER BY at DESC";

/// The rows as "kind record at", sorted: the act and the statement order equal times apart.
async fn by_hand(ctx: &Ctx, today: NaiveDate) -> Result<Vec<String>> {
    let last = today + Duration::days(EXPIRY_WARNING_DAYS);
    let rows = sqlx::query(INBOX).bind(today.to_string()).bind(last.to_string()).fetch_all(ctx.store.pool()).await?;
    let mut out: Vec<String> = rows
        .iter()
        .map(|r| format!("{} {} {}", r.get::<String, _>(0), r.get::<String, _>(1), r.get::<String, _>(2)))
        .collect();
    out.sort();
    Ok(out)
}

fn listed(inbox: &Value) -> Vec<String> {
    let items = inbox["items"].as_array().into_iter().flatten();
    let mut out: Vec<String> = items
        .map(|n| {
            format!(
                "{} {} {}",
                n["kind"].as_str().unwrap_or(""),
                n["record_no"].as_str().unwrap_or(""),
                n["at"].as_str().unwrap_or("")
            )
        })
        .collect();
    out.sort();
    out
}

/// `RUNS` polls, each followed by the statement. Its rows must be the inbox the person is listed,
/// and the poll's unread count theirs (nothing is read on the bench's desk).
pub async fn inbox_poll(ctx: &Ctx, rows: (i64, i64)) -> Result<(Latency, usize)> {
    let today = ctx.today().await?;
    let inbox: Value = serde_json::from_str(&must_json(ctx, "list_notifications", json!({})).await?)?;
    let mut same = listed(&inbox) == by_hand(ctx, today).await?;
    let (mut samples, mut baseline) = (Vec::with_capacity(RUNS), Vec::with_capacity(RUNS));
    let mut found = 0;
    for _ in 0..RUNS {
        let started = Instant::now();
        let poll: Value = serde_json::from_str(&must_json(ctx, "poll_notifications", json!({})).await?)?;
        samples.push(started.elapsed());
        let started = Instant::now();
        let hand = by_hand(ctx, today).await?;
        baseline.push(started.elapsed());
        same &= poll["unread"].as_u64() == Some(hand.len() as u64);
        found = hand.len();
    }
    let what = "one hand-written SQL statement giving the same rows (every kind's, cut and ordered alike)";
    Ok((Latency::new(samples, baseline, rows, what, None, same), found))
}
