//! The returns part of `lotline bench`: the eligibility check and opening an RMA (the verdict the
//! analyst waits for), one prepaid label, and a batch of 1000 labels in one PDF, all on the same
//! 1,000,000-event database as the other acts.

use std::time::Instant;

use anyhow::Result;
use lotline_app::Ctx;
use serde::Serialize;
use serde_json::{Value, json};

use crate::bench::{Latency, must, percentile, time_calls};

const ORDERS: usize = 1_300;
const TIMED: usize = 300;
const BATCH: usize = 1_000;

#[derive(Serialize)]
pub struct ReturnsFigures {
    check_rma: Latency,
    open_rma: Latency,
    rma_label: Latency,
    labels_batch: BatchFigures,
}

#[derive(Serialize)]
pub struct BatchFigures {
    labels: usize,
    seconds: f64,
    ms_per_label: f64,
    pdf_bytes: usize,
}

fn open_input(i: usize) -> Value {
    json!({"lines": [{"order_no": format!("SO-R{i:05}"), "line_no": 1, "qty": 1}], "reason_code": "wrong_item",
           "preferred_outcome": "refund", "delivered_on": "2026-10-03",
           "condition": {"original_packaging": true, "unused": true, "tags_attached": true}})
}

/// An analyst's desk: the returns policy with a returns centre, orders to return from, then the
/// timed acts. Returns the figures and says them unless `quiet`.
pub async fn returns_acts(ctx: &Ctx, events: i64, say: impl Fn(&str)) -> Result<ReturnsFigures> {
    must(ctx, "sign_in", json!({"username": "admin", "password": "bench-password"})).await?;
    let mut policy = must(ctx, "get_return_policy", json!({})).await?;
    policy["returns_centre"] =
        json!({"name": "Bench Retourcentrum", "address": "Kade 1\n3011 AB Rotterdam", "country": "NL"});
    // One bench customer returns from every order; the unusual-rate rule would escalate them all.
    policy["unusual_return_rate_bps"] = json!(10_000);
    must(ctx, "set_return_policy", policy).await?;
    let mut orders = String::from("order_no,customer_code,ordered_at,currency,line_no,sku,qty,unit_price_minor\n");
    // Odd SKUs are not lot-tracked, so no return waits for a lot code.
    for i in 0..ORDERS {
        orders.push_str(&format!("SO-R{i:05},BENCH-C,2026-10-01,EUR,1,SKU-{:07},3,2500\n", (i * 74 + 1) % 100_000));
    }
    must(ctx, "import_csv", json!({"entity": "orders", "csv": orders})).await?;
    must(
        ctx,
        "create_user",
        json!({"username": "bench-returns", "display_name": "bench-returns", "password": "bench-password", "roles": ["returns_analyst"], "language": "en"}),
    )
    .await?;
    must(ctx, "sign_in", json!({"username": "bench-returns", "password": "bench-password"})).await?;

    let mut samples = time_calls(ctx, TIMED, "check_rma", open_input).await?;
    let latency = |samples: &mut Vec<std::time::Duration>, rows: usize| Latency {
        runs: samples.len(),
        events_in_db: events,
        rows_in_db: rows as i64,
        p50_ms: percentile(samples, 0.5),
        p99_ms: percentile(samples, 0.99),
    };
    let check_rma = latency(&mut samples, 0);
    let mut samples = time_calls(ctx, ORDERS, "open_rma", open_input).await?;
    let open_rma = latency(&mut samples, ORDERS);
    say(&format!(
        "check_rma: p50 {:.2} ms, p99 {:.2} ms; open_rma: p50 {:.2} ms, p99 {:.2} ms",
        check_rma.p50_ms, check_rma.p99_ms, open_rma.p50_ms, open_rma.p99_ms
    ));

    let rma_no = |i: usize| format!("RMA-BEN-{:06}", i + 1);
    let mut samples = time_calls(ctx, TIMED, "rma_labels", |i| json!({"rma_nos": [rma_no(i)]})).await?;
    let rma_label = latency(&mut samples, ORDERS);
    let batch: Vec<String> = (TIMED..TIMED + BATCH).map(rma_no).collect();
    let started = Instant::now();
    let file = must(ctx, "rma_labels", json!({"rma_nos": batch})).await?;
    let seconds = started.elapsed().as_secs_f64();
    let labels_batch = BatchFigures {
        labels: BATCH,
        seconds,
        ms_per_label: seconds * 1000.0 / BATCH as f64,
        pdf_bytes: file["pdf_base64"].as_str().map_or(0, |b| b.len() * 3 / 4),
    };
    say(&format!(
        "rma_labels: one label p50 {:.2} ms, p99 {:.2} ms; {BATCH} labels in one PDF {:.2} s ({} bytes)",
        rma_label.p50_ms, rma_label.p99_ms, labels_batch.seconds, labels_batch.pdf_bytes
    ));
    Ok(ReturnsFigures { check_rma, open_rma, rma_label, labels_batch })
}
