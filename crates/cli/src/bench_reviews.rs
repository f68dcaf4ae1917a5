//! The reviews part of `lotline bench`: the review of a period, the returns KPI table, the vendor
//! scorecards, the SKU flags and the safety-stock alerts, on the same database as the other acts
//! once it also holds 100,000 RMAs (with its 100,000 failures and about 1,000,000 events). Every
//! failure and RMA falls in the period reviewed, the worst case for these queries.

use anyhow::Result;
use chrono::{Duration, Utc};
use lotline_app::Ctx;
use serde::Serialize;
use serde_json::json;

use crate::bench::{Latency, count_rows, must, percentile, time_calls};

const RUNS: usize = 20;
/// RMAs per import: each is opened through the same checks as a form's.
const CHUNK: usize = 5_000;

#[derive(Serialize)]
pub struct ReviewFigures {
    rmas_in_db: i64,
    failures_in_db: i64,
    review_period: Latency,
    kpi_table: Latency,
    vendor_scorecards: Latency,
    sku_flags: Latency,
    safety_stock_alerts: Latency,
}

/// Customers the RMAs spread over: a desk's returns come from many customers, and each RMA's
/// checks read its customer's history.
const CUSTOMERS: usize = 10_000;

/// Customers, orders and one RMA on each order, through the CSV imports.
async fn seed_rmas(ctx: &Ctx, rmas: usize, say: &impl Fn(&str)) -> Result<()> {
    if rmas == 0 {
        return Ok(());
    }
    let delivered = (Utc::now() - Duration::days(5)).format("%Y-%m-%d").to_string();
    let mut customers = String::from("code,name,email,phone,address,country\n");
    for c in 0..CUSTOMERS {
        customers.push_str(&format!("BC-{c:05},Bench Klant {c},,,Kade {c} Rotterdam,NL\n"));
    }
    must(ctx, "import_csv", json!({"entity": "customers", "csv": customers})).await?;
    let mut done = 0;
    while done < rmas {
        let end = (done + CHUNK).min(rmas);
        let mut orders = String::from("order_no,customer_code,ordered_at,currency,line_no,sku,qty,unit_price_minor\n");
        let mut returns = String::from("ref,order_no,line_no,qty,reason_code,preferred_outcome,delivered_on\n");
        for i in done..end {
            let sku = format!("SKU-{:07}", ((i * 31) % 100_000) | 1);
            orders.push_str(&format!("SO-K{i:06},BC-{:05},{delivered},EUR,1,{sku},2,1990\n", i % CUSTOMERS));
            returns.push_str(&format!("K{i},SO-K{i:06},1,1,wrong_item,refund,{delivered}\n"));
        }
        must(ctx, "import_csv", json!({"entity": "orders", "csv": orders})).await?;
        must(ctx, "import_csv", json!({"entity": "rmas", "csv": returns})).await?;
        done = end;
        say(&format!("  seeded {done} RMAs"));
    }
    Ok(())
}

pub async fn review_figures(ctx: &Ctx, events: i64, say: impl Fn(&str)) -> Result<ReviewFigures> {
    let rmas = 100_000_usize.saturating_sub(count_rows(ctx, "rmas").await? as usize);
    seed_rmas(ctx, rmas, &say).await?;
    must(ctx, "sign_in", json!({"username": "admin", "password": "bench-password"})).await?;
    let today = Utc::now().date_naive();
    let period = json!({"from": (today - Duration::days(29)).to_string(), "to": today.to_string()});
    let rows = count_rows(ctx, "rmas").await?;
    let latency = |mut samples: Vec<std::time::Duration>| Latency {
        runs: samples.len(),
        events_in_db: events,
        rows_in_db: rows,
        p50_ms: percentile(&mut samples, 0.5),
        p99_ms: percentile(&mut samples, 0.99),
    };
    let mut timed = Vec::new();
    for act in ["review_period", "kpi_table", "vendor_scorecards", "sku_flags"] {
        timed.push(latency(time_calls(ctx, RUNS, act, |_| period.clone()).await?));
    }
    timed.push(latency(time_calls(ctx, RUNS, "safety_stock_alerts", |_| json!({})).await?));
    let names = ["review_period", "kpi_table", "vendor_scorecards", "sku_flags", "safety_stock_alerts"];
    for (name, figure) in names.iter().zip(&timed) {
        say(&format!("{name}: p50 {:.1} ms, p99 {:.1} ms", figure.p50_ms, figure.p99_ms));
    }
    let mut timed = timed.into_iter();
    let mut next = || timed.next().ok_or_else(|| anyhow::anyhow!("a review figure is missing"));
    Ok(ReviewFigures {
        rmas_in_db: rows,
        failures_in_db: count_rows(ctx, "failures").await?,
        review_period: next()?,
        kpi_table: next()?,
        vendor_scorecards: next()?,
        sku_flags: next()?,
        safety_stock_alerts: next()?,
    })
}
