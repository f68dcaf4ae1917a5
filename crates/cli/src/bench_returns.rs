//! The returns part of `lotline bench`: the eligibility check and opening an RMA (the verdict the
//! analyst waits for), one prepaid label, and a batch of 1000 labels in one PDF, all on the same
//! 1,000,000-event database as the other acts. The acts stand beside a bare committed insert,
//! the labels beside a bare printpdf document with the same drawing (`bench_labels`).

use std::time::Instant;

use anyhow::Result;
use lotline_app::Ctx;
use serde::Serialize;
use serde_json::{Value, json};

use crate::bench::{Scale, must};
use crate::bench_base::{Baseline, Latency, act_vs_insert};
use crate::bench_labels::{LabelCheck, bare_batch, label_vs_bare};

#[derive(Serialize)]
pub struct ReturnsFigures {
    check_rma: Latency,
    open_rma: Latency,
    rma_label: Latency,
    /// How the first label and its bare page compare: fonts, pages, text.
    rma_label_check: LabelCheck,
    labels_batch: BatchFigures,
}

#[derive(Serialize)]
pub struct BatchFigures {
    labels: usize,
    seconds: f64,
    ms_per_label: f64,
    pdf_bytes: usize,
    baseline_seconds: f64,
    baseline_pdf_bytes: usize,
    compared: Baseline,
    check: LabelCheck,
}

fn open_input(i: usize) -> Value {
    json!({"lines": [{"order_no": format!("SO-R{i:05}"), "line_no": 1, "qty": 1}], "reason_code": "wrong_item",
           "preferred_outcome": "refund", "delivered_on": "2026-10-03",
           "condition": {"original_packaging": true, "unused": true, "tags_attached": true}})
}

/// A label's target: at most twice the bare page and the write that records it.
pub const LABEL_TARGET: f64 = 2.0;

pub fn rma_no(i: usize) -> String {
    format!("RMA-BEN-{:06}", i + 1)
}

/// An analyst's desk: the returns policy with a returns centre, orders to return from, then the
/// timed acts. Returns the figures and says them unless `quiet`.
pub async fn returns_acts(
    ctx: &Ctx,
    scale: Scale,
    products: usize,
    events: i64,
    say: impl Fn(&str),
) -> Result<ReturnsFigures> {
    let (timed, batch) = (scale.runs(300), scale.runs(1_000));
    let orders_count = scale.runs(1_300).max(timed + batch);
    must(ctx, "sign_in", json!({"username": "admin", "password": "bench-password"})).await?;
    let mut policy = must(ctx, "get_return_policy", json!({})).await?;
    policy["returns_centre"] =
        json!({"name": "Bench Retourcentrum", "address": "Kade 1\n3011 AB Rotterdam", "country": "NL"});
    // One bench customer returns from every order; the unusual-rate rule would escalate them all.
    policy["unusual_return_rate_bps"] = json!(10_000);
    must(ctx, "set_return_policy", policy).await?;
    let mut orders = String::from("order_no,customer_code,ordered_at,currency,line_no,sku,qty,unit_price_minor\n");
    // Odd SKUs are not lot-tracked, so no return waits for a lot code.
    for i in 0..orders_count {
        let sku = ((i * 74) % (products / 2).max(1)) * 2 + 1;
        orders.push_str(&format!("SO-R{i:05},BENCH-C,2026-10-01,EUR,1,SKU-{sku:07},3,2500\n"));
    }
    must(ctx, "import_csv", json!({"entity": "orders", "csv": orders})).await?;
    must(
        ctx,
        "create_user",
        json!({"username": "bench-returns", "display_name": "bench-returns", "password": "bench-password", "roles": ["returns_analyst"], "language": "en"}),
    )
    .await?;
    must(ctx, "sign_in", json!({"username": "bench-returns", "password": "bench-password"})).await?;

    let check_rma = act_vs_insert(ctx, timed, "check_rma", open_input, (events, 0)).await?;
    say(&check_rma.line("check_rma"));
    let open_rma = act_vs_insert(ctx, orders_count, "open_rma", open_input, (events, orders_count as i64)).await?;
    say(&open_rma.line("open_rma"));

    let (rma_label, rma_label_check) = label_vs_bare(ctx, timed, (events, orders_count as i64)).await?;
    say(&rma_label.line("rma_labels, one label"));
    let numbers: Vec<String> = (timed..timed + batch).map(rma_no).collect();
    let started = Instant::now();
    let file = must(ctx, "rma_labels", json!({"rma_nos": numbers})).await?;
    let seconds = started.elapsed().as_secs_f64();
    let pdf = crate::bench_labels::decode(&file)?;
    let (baseline_seconds, bare) = bare_batch(timed..timed + batch)?;
    let check = LabelCheck::of(&pdf, &bare, batch, "batch");
    let labels_batch = BatchFigures {
        labels: batch,
        seconds,
        ms_per_label: seconds * 1000.0 / batch as f64,
        pdf_bytes: pdf.len(),
        baseline_seconds,
        baseline_pdf_bytes: bare.len(),
        compared: Baseline::time(
            "a bare printpdf document with the same drawing on as many pages",
            "seconds",
            seconds,
            baseline_seconds,
            None,
        )
        .same(check.same()),
        check,
    };
    say(&format!(
        "rma_labels, {batch} labels in one PDF: {:.2} s ({} bytes); {}",
        labels_batch.seconds,
        labels_batch.pdf_bytes,
        labels_batch.compared.describe()
    ));
    Ok(ReturnsFigures { check_rma, open_rma, rma_label, rma_label_check, labels_batch })
}
