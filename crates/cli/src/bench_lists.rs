//! The failures list and search of `lotline bench`, each beside the same SELECT with its LIMIT
//! alone: the rows the screen shows, without the total count, the parsing and the JSON.

use std::time::Instant;

use anyhow::Result;
use lotline_app::Ctx;
use serde_json::{Value, json};
use sqlx::Row;

use crate::bench::must_json;
use crate::bench_base::Latency;

/// The list's own SELECT (crates/store/src/queries/failures.rs), as written by hand.
const ROWS: &str = "SELECT f.failure_no, f.occurred_at, f.sku, p.name AS product_name, f.vendor_code, \
    v.name AS vendor_name, f.lot_code, f.stage, f.qty_inspected, f.qty_failed, f.category_code, f.severity, \
    f.disposition, f.status, f.owner_team, u.display_name AS inspector_name \
    FROM failures f LEFT JOIN products p ON p.sku = f.sku LEFT JOIN vendors v ON v.code = f.vendor_code \
    LEFT JOIN users u ON u.user_id = f.inspector_id";
const PAGE: i64 = 200;

/// What the list is asked: one vendor's failures, or a failure number typed in the search box.
pub enum ListCase {
    Vendor(String),
    Text(String),
}

impl ListCase {
    fn input(&self) -> Value {
        let (vendor, text) = match self {
            ListCase::Vendor(v) => (Some(v.as_str()), None),
            ListCase::Text(t) => (None, Some(t.as_str())),
        };
        json!({"vendor_code": vendor, "text": text, "sort_by": "occurred_at", "sort_dir": "desc", "offset": 0, "limit": PAGE})
    }

    async fn select(&self, ctx: &Ctx) -> Result<Vec<String>> {
        let (filter, value) = match self {
            ListCase::Vendor(v) => ("f.vendor_code = ?", v.clone()),
            ListCase::Text(t) => {
                ("f.rowid IN (SELECT rowid FROM failures_fts WHERE failures_fts MATCH ?)", format!("\"{t}\""))
            }
        };
        let sql = format!("{ROWS} WHERE {filter} ORDER BY f.occurred_at DESC, f.seq_no DESC LIMIT ?");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(value).bind(PAGE).fetch_all(ctx.store.pool()).await?;
        Ok(rows.iter().map(|r| r.get::<String, _>(0)).collect())
    }
}

/// `runs` lists through the act, each followed by its bare SELECT; the same failures must come
/// back in the same order.
pub async fn list_vs_select(ctx: &Ctx, runs: usize, events: i64, case: impl Fn(usize) -> ListCase) -> Result<Latency> {
    let (mut samples, mut baseline) = (Vec::with_capacity(runs), Vec::with_capacity(runs));
    let mut same = true;
    let mut rows = 0;
    for i in 0..runs {
        let case = case(i);
        let started = Instant::now();
        let out = must_json(ctx, "list_failures", case.input()).await?;
        samples.push(started.elapsed());
        let started = Instant::now();
        let bare = case.select(ctx).await?;
        baseline.push(started.elapsed());
        let out: Value = serde_json::from_str(&out)?;
        let listed: Vec<&str> =
            out["rows"].as_array().into_iter().flatten().filter_map(|r| r["failure_no"].as_str()).collect();
        same &= !listed.is_empty() && listed == bare;
        rows = out["total"].as_i64().unwrap_or(0).max(rows);
    }
    let what = "the same SELECT with its LIMIT alone";
    Ok(Latency::new(samples, baseline, (events, rows), what, None, same))
}
