//! The reviews part of `lotline bench`: the review of a period, the returns KPI table, the vendor
//! scorecards, the SKU flags and the safety-stock alerts, on the same database as the other acts
//! once it also holds 100,000 RMAs (with its 100,000 failures and about 1,000,000 events). Every
//! failure and RMA falls in the period reviewed, the worst case for these queries. Each stands
//! beside one hand-written SQL statement computing the same aggregates (`bench_review_sql`).

use std::time::Instant;

use anyhow::Result;
use chrono::{Duration, Utc};
use lotline_app::Ctx;
use serde::Serialize;
use serde_json::{Value, json};

use crate::bench::{Scale, count_rows, must, must_json};
use crate::bench_base::Latency;
use crate::bench_review_sql::{Hand, hand_written};

const RUNS: usize = 20;
/// RMAs per import: each is opened through the same checks as a form's.
const CHUNK: usize = 5_000;
/// Reviews' and KPIs' target: at most twice their hand-written SQL.
const REVIEW_TARGET: f64 = 2.0;

#[derive(Serialize)]
pub struct ReviewFigures {
    rmas_in_db: i64,
    failures_in_db: i64,
    review_period: Latency,
    kpi_table: Latency,
    vendor_scorecards: Latency,
    sku_flags: Latency,
    safety_stock_alerts: Latency,
    /// The inbox as the shell polls it, and how many records it listed.
    inbox_poll: Latency,
    inbox_items: usize,
    /// The numbers each act and its hand-written SQL gave on the last run, side by side.
    numbers: Vec<Compared>,
}

#[derive(Serialize)]
pub struct Compared {
    act: &'static str,
    act_numbers: Vec<i64>,
    sql_numbers: Vec<i64>,
}

/// Customers the RMAs spread over: a desk's returns come from many customers, and each RMA's
/// checks read its customer's history.
const CUSTOMERS: usize = 10_000;

/// Customers, orders and one RMA on each order, through the CSV imports.
async fn seed_rmas(ctx: &Ctx, rmas: usize, products: usize, say: &impl Fn(&str)) -> Result<()> {
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
            let sku = format!("SKU-{:07}", ((i * 31) % (products / 2).max(1)) * 2 + 1);
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

/// SKUs watched for safety stock per scale: half with lots received, half with RMAs coming back.
const WATCHED: usize = 1_000;
/// Lots received on the watched SKUs' kind of products per scale.
const LOTS: usize = 20_000;

/// Lots on the lot-tracked (even) SKUs, some expired, and a minimum on `WATCHED` SKUs, even and
/// odd alike (the RMAs' SKUs are odd): the alerts read every kind of stock they count.
async fn seed_stock(ctx: &Ctx, scale: Scale, products: usize, say: &impl Fn(&str)) -> Result<()> {
    let half = (products / 2).max(1);
    // A vendor of their own: a vendor the failures rate badly may have its receipts blocked.
    let vendor = "code,name,country\nVSTOCK,Bench Voorraad BV,NL\n";
    must(ctx, "import_csv", json!({"entity": "vendors", "csv": vendor})).await?;
    let mut lots = String::from("lot_code,sku,vendor_code,qty,expiry_date\n");
    for k in 0..scale.rows(LOTS) {
        let sku = ((k * 31) % half) * 2;
        // A tenth expired; one in a hundred within the inbox's warning window (fewer than the
        // 500 the inbox lists of a kind, so the cut never falls between equal dates); the rest
        // far ahead.
        let expiry = match (k % 10, k % 100) {
            (_, 1) => (Utc::now() + Duration::days(10)).format("%Y-%m-%d").to_string(),
            (0, _) => "2020-01-31".to_owned(),
            _ => "2099-12-31".to_owned(),
        };
        lots.push_str(&format!("RL-{k:07},SKU-{sku:07},VSTOCK,{},{expiry}\n", 10 + k % 40));
    }
    must(ctx, "import_csv", json!({"entity": "lots", "csv": lots})).await?;
    let watched = scale.rows(WATCHED).min(products);
    for i in 0..watched {
        let sku = ((i * 31) % half) * 2 + i % 2;
        let input = json!({"sku": format!("SKU-{sku:07}"), "min_qty": 50 + i % 100, "max_qty": 200});
        must(ctx, "set_safety_stock", input).await?;
    }
    say(&format!("  seeded {} lots and {watched} safety stocks", scale.rows(LOTS)));
    Ok(())
}

/// `RUNS` calls of the act, each followed by its hand-written statement; their numbers must agree.
async fn act_vs_sql(ctx: &Ctx, hand: &Hand, input: &Value, rows: (i64, i64)) -> Result<(Latency, Compared)> {
    let (mut samples, mut baseline) = (Vec::with_capacity(RUNS), Vec::with_capacity(RUNS));
    let mut same = true;
    let mut last = Compared { act: hand.act, act_numbers: Vec::new(), sql_numbers: Vec::new() };
    for _ in 0..RUNS {
        let started = Instant::now();
        let out = must_json(ctx, hand.act, input.clone()).await?;
        samples.push(started.elapsed());
        let started = Instant::now();
        let sql_numbers = hand.run(ctx).await?;
        baseline.push(started.elapsed());
        let act_numbers = (hand.numbers)(&serde_json::from_str(&out)?);
        same &= act_numbers == sql_numbers;
        last = Compared { act: hand.act, act_numbers, sql_numbers };
    }
    let latency = Latency::new(samples, baseline, rows, hand.what, Some(REVIEW_TARGET), same);
    Ok((latency, last))
}

pub async fn review_figures(
    ctx: &Ctx,
    scale: Scale,
    products: usize,
    events: i64,
    say: impl Fn(&str),
) -> Result<ReviewFigures> {
    let rmas = scale.rows(100_000).saturating_sub(count_rows(ctx, "rmas").await? as usize);
    seed_rmas(ctx, rmas, products, &say).await?;
    must(ctx, "sign_in", json!({"username": "admin", "password": "bench-password"})).await?;
    if count_rows(ctx, "safety_stock").await? == 0 {
        seed_stock(ctx, scale, products, &say).await?;
    }
    let (today, zone) = (ctx.today().await?, ctx.site_zone().await?);
    let period = json!({"from": (today - Duration::days(29)).to_string(), "to": today.to_string()});
    let rows = count_rows(ctx, "rmas").await?;
    let mut timed = Vec::new();
    let mut numbers = Vec::new();
    for hand in hand_written(today, &zone, ctx.now()) {
        let input = if hand.act == "safety_stock_alerts" { json!({}) } else { period.clone() };
        let (latency, compared) = act_vs_sql(ctx, &hand, &input, (events, rows)).await?;
        say(&latency.line(hand.act));
        timed.push(latency);
        numbers.push(compared);
    }
    let (inbox_poll, inbox_items) = crate::bench_inbox::inbox_poll(ctx, (events, rows)).await?;
    say(&inbox_poll.line("inbox poll"));
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
        inbox_poll,
        inbox_items,
        numbers,
    })
}
