//! `lotline bench`: the speed targets of DESIGN.md section 8, each reported beside a baseline
//! measured in the same run on the same machine, so the figures compare across machines.

use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use lotline_app::{Ctx, call};
use serde::Serialize;
use serde_json::{Value, json};

use crate::bench_base::{Baseline, FileSystem, Latency, act_vs_insert, file_system, summary};
use crate::bench_lists::{ListCase, list_vs_select};
use crate::bench_lots::{LotFigures, lot_figures};
use crate::bench_returns::{ReturnsFigures, returns_acts};
use crate::bench_reviews::{ReviewFigures, review_figures};

#[derive(Serialize)]
struct Report {
    scale: f64,
    /// Where the databases were: an fsync on tmpfs is free.
    file_system: FileSystem,
    import: ImportFigures,
    import_failures: crate::bench_failures::FailureImport,
    log_failure: Latency,
    failures_list: Latency,
    failures_text_search: Latency,
    /// A word every failure's description holds: the whole table matches.
    failures_text_many: Latency,
    approve_reshipment: Latency,
    ship_reshipment: Latency,
    returns: ReturnsFigures,
    reviews: ReviewFigures,
    lots: LotFigures,
}

#[derive(Serialize)]
struct ImportFigures {
    rows: usize,
    lotline_rows_per_s: f64,
    raw_rusqlite_rows_per_s: f64,
    /// Lotline's speed as a share of the raw insert (target >= 0.5).
    ratio_to_raw: f64,
    compared: Baseline,
}

/// The import's target: at least half the speed of the raw multi-row insert.
pub(crate) const IMPORT_TARGET: f64 = 0.5;
pub(crate) const RAW_INSERT: &str =
    "the same rows by multi-row INSERTs in one transaction (rusqlite, WAL, synchronous FULL)";

/// The bench's sizes at `scale` (1 = the sizes of DESIGN.md section 8).
#[derive(Clone, Copy)]
pub(crate) struct Scale(pub f64);

impl Scale {
    /// `base` rows at this scale, at least one.
    pub(crate) fn rows(self, base: usize) -> usize {
        ((base as f64 * self.0).round() as usize).max(1)
    }

    /// `base` timed runs, fewer below scale 1 (at least ten), never more above it.
    pub(crate) fn runs(self, base: usize) -> usize {
        ((base as f64 * self.0.min(1.0)).round() as usize).max(10).min(base)
    }
}

fn products_csv(rows: usize, round: usize) -> String {
    let mut csv = String::from(
        "sku,gtin,name,category,unit_cost_minor,currency,returnable,lot_tracked,serial_tracked,has_expiry,vendor_code\n",
    );
    for i in 0..rows {
        csv.push_str(&format!(
            "SKU-{i:07},,Product {i} rev {round},Category {},{},EUR,true,{},false,false,V{:02}\n",
            i % 40,
            100 + i % 5000,
            i % 2 == 0,
            i % 20
        ));
    }
    csv
}

pub(crate) fn product(i: usize, round: usize) -> lotline_domain::master::ProductInput {
    lotline_domain::master::ProductInput {
        sku: format!("SKU-{i:07}"),
        gtin: None,
        name: format!("Product {i} rev {round}"),
        category: format!("Category {}", i % 40),
        unit_cost_minor: 100 + (i % 5000) as i64,
        currency: "EUR".into(),
        returnable: true,
        lot_tracked: i.is_multiple_of(2),
        serial_tracked: false,
        has_expiry: false,
        vendor_code: Some(format!("V{:02}", i % 20)),
        failure_reaction: None,
    }
}

pub(crate) fn percentile(samples: &mut [Duration], p: f64) -> f64 {
    samples.sort();
    let index = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples.get(index).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

pub(crate) async fn must(ctx: &Ctx, act: &str, input: Value) -> Result<Value> {
    call(ctx, act, input).await.map_err(|e| anyhow::anyhow!("{act}: {e}"))
}

/// The act as the desktop calls it: the output stays the JSON text the webview receives.
pub(crate) async fn must_json(ctx: &Ctx, act: &str, input: Value) -> Result<String> {
    lotline_app::call_json(ctx, act, input).await.map_err(|e| anyhow::anyhow!("{act}: {e}"))
}

/// The review and KPI queries on a database holding the failures and RMAs they read, without
/// the rest of the bench: a kept database is reused as it is, so a query can be looked into.
async fn reviews_only(scale: Scale, keep: Option<std::path::PathBuf>, json_out: bool) -> Result<()> {
    let say = |text: &str| {
        if !json_out {
            eprintln!("{text}");
        }
    };
    let temporary = tempfile::tempdir().context("temporary folder")?;
    let dir = keep.unwrap_or_else(|| temporary.path().to_path_buf());
    let ctx = if dir.join("lotline.db").exists() {
        let ctx = lotline_app::open(&dir).await.map_err(|e| anyhow::anyhow!("{e}"))?;
        must(&ctx, "sign_in", json!({"username": "admin", "password": "bench-password"})).await?;
        ctx
    } else {
        fresh(&dir).await?
    };
    let products = scale.rows(100_000);
    if count_rows(&ctx, "products").await? == 0 {
        must(&ctx, "import_csv", json!({"entity": "products", "csv": products_csv(products, 0)})).await?;
    }
    let products = count_rows(&ctx, "products").await? as usize;
    let mut done = count_rows(&ctx, "failures").await? as usize;
    while done < scale.rows(100_000) {
        let end = (done + 10_000).min(scale.rows(100_000));
        must(&ctx, "import_csv", json!({"entity": "failures", "csv": failures_csv(done, end, products)})).await?;
        done = end;
        say(&format!("  seeded {done} failures"));
    }
    let events = event_count(&ctx).await?;
    let reviews = review_figures(&ctx, scale, products, events, say).await?;
    ctx.store.close().await;
    if json_out {
        println!("{}", serde_json::to_string_pretty(&json!({ "scale": scale.0, "reviews": reviews }))?);
    }
    Ok(())
}

pub(crate) async fn count_rows(ctx: &Ctx, table: &str) -> Result<i64> {
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
        .fetch_one(ctx.store.pool())
        .await?)
}

pub(crate) async fn fresh(dir: &std::path::Path) -> Result<Ctx> {
    let ctx = lotline_app::open(dir).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    must(
        &ctx,
        "complete_setup",
        json!({"company_name": "Bench BV", "site_code": "BEN", "currency": "EUR", "language": "en",
               "admin_username": "admin", "admin_display_name": "Admin", "admin_password": "bench-password", "load_demo": false}),
    )
    .await?;
    let vendors: String = std::iter::once("code,name,country\n".to_owned())
        .chain((0..20).map(|v| format!("V{v:02},Vendor {v},NL\n")))
        .collect();
    must(&ctx, "import_csv", json!({"entity": "vendors", "csv": vendors})).await?;
    Ok(ctx)
}

/// The same rows through rusqlite's plainest fast path: one transaction, multi-row VALUES.
fn raw_insert(path: &std::path::Path, rows: usize) -> Result<Duration> {
    let mut conn = rusqlite::Connection::open(path)?;
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
         CREATE TABLE products (sku TEXT PRIMARY KEY, gtin TEXT, name TEXT NOT NULL, category TEXT NOT NULL,
           unit_cost_minor INTEGER NOT NULL, currency TEXT NOT NULL, returnable INTEGER NOT NULL, lot_tracked INTEGER NOT NULL,
           serial_tracked INTEGER NOT NULL, has_expiry INTEGER NOT NULL, vendor_code TEXT, updated_at TEXT NOT NULL);",
    )?;
    let started = Instant::now();
    let tx = conn.transaction()?;
    const CHUNK: usize = 500;
    let placeholders = vec!["(?,?,?,?,?,?,?,?,?,?,?,?)"; CHUNK].join(",");
    {
        let mut full = tx.prepare(&format!("INSERT INTO products VALUES {placeholders}"))?;
        let mut start = 0;
        while start < rows {
            let end = (start + CHUNK).min(rows);
            let mut values: Vec<rusqlite::types::Value> = Vec::with_capacity(CHUNK * 12);
            for i in start..end {
                values.extend([
                    format!("SKU-{i:07}").into(),
                    rusqlite::types::Value::Null,
                    format!("Product {i} rev 0").into(),
                    format!("Category {}", i % 40).into(),
                    (100 + (i % 5000) as i64).into(),
                    "EUR".to_owned().into(),
                    1_i64.into(),
                    ((i % 2 == 0) as i64).into(),
                    0_i64.into(),
                    0_i64.into(),
                    format!("V{:02}", i % 20).into(),
                    "2026-01-01T00:00:00.000Z".to_owned().into(),
                ]);
            }
            if end - start == CHUNK {
                full.execute(rusqlite::params_from_iter(values))?;
            } else {
                let tail = vec!["(?,?,?,?,?,?,?,?,?,?,?,?)"; end - start].join(",");
                tx.execute(&format!("INSERT INTO products VALUES {tail}"), rusqlite::params_from_iter(values))?;
            }
            start = end;
        }
    }
    tx.commit()?;
    Ok(started.elapsed())
}

async fn event_count(ctx: &Ctx) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM events").fetch_one(ctx.store.pool()).await?)
}

/// The SKU of the `i`th bench failure, an odd product of the `products` imported.
pub(crate) fn failure_sku(i: usize, products: usize) -> String {
    // Odd numbers below `products`, spread over all of them.
    format!("SKU-{:07}", ((i * 7919) % (products / 2).max(1)) * 2 + 1)
}

fn failure_input(i: usize, products: usize) -> Value {
    let category = ["DIM", "COS", "FUN", "PKG"][i % 4];
    let severity = ["minor", "major", "critical"][i % 3];
    json!({
        "sku": failure_sku(i, products),
        "vendor_code": format!("V{:02}", i % 20),
        "lot_code": null, "serials": [], "stage": "incoming",
        "qty_inspected": 100, "qty_failed": 1 + i % 7, "category_code": category,
        "description": format!("Bench failure {i}: scratch on housing near port {}", i % 13),
        "severity": severity, "inspection": null, "attachment_ids": [],
        "disposition": null, "owner_team": "warehouse_qc", "reinspection_of": null
    })
}

fn failures_csv(from: usize, to: usize, products: usize) -> String {
    let mut csv =
        String::from("sku,vendor_code,stage,qty_inspected,qty_failed,category_code,severity,description,owner_team\n");
    for i in from..to {
        csv.push_str(&format!(
            "{},V{:02},incoming,100,{},{},{},Bench failure {i} scratch near port {},warehouse_qc\n",
            failure_sku(i, products),
            i % 20,
            1 + i % 7,
            ["DIM", "COS", "FUN", "PKG"][i % 4],
            ["minor", "major", "critical"][i % 3],
            i % 13
        ));
    }
    csv
}

/// Logistics requests reshipments above its limit; finance approves them (which authorizes);
/// logistics ships them. The approve and ship acts are timed.
async fn reshipment_acts(ctx: &Ctx, scale: Scale, products: usize, events: i64) -> Result<(Latency, Latency)> {
    let runs = scale.runs(300);
    // Imported failure i is QF-BEN-(i+1) on the SKU failure_input(i) names.
    must(ctx, "import_csv", json!({"entity": "customers", "csv": "code,name,email,phone,address,country\nBENCH-C,Bench Klant BV,,,Kade 1 Rotterdam,NL\n"})).await?;
    let mut orders = String::from("order_no,customer_code,ordered_at,currency,line_no,sku,qty,unit_price_minor\n");
    for i in 0..runs {
        orders.push_str(&format!("SO-B{i:04},BENCH-C,2026-10-01,EUR,1,{},10,1500\n", failure_sku(i, products)));
    }
    must(ctx, "import_csv", json!({"entity": "orders", "csv": orders})).await?;
    for (name, role) in [("bench-logistics", "logistics"), ("bench-finance", "finance")] {
        must(ctx, "create_user", json!({"username": name, "display_name": name, "password": "bench-password", "roles": [role], "language": "en"})).await?;
    }
    let sign_in = |name: &'static str| must(ctx, "sign_in", json!({"username": name, "password": "bench-password"}));
    sign_in("bench-logistics").await?;
    for i in 0..runs {
        must(ctx, "request_reshipment", json!({
            "failure_nos": [format!("QF-BEN-{:06}", i + 1)], "order_no": format!("SO-B{i:04}"),
            "items": [{"line_no": 1, "qty": 1}], "carrier": "dpd", "service": "Classic",
            "cost": {"shipping_minor": 4_500, "shipping_currency": "EUR", "goods_minor": 7_500, "goods_currency": "EUR"},
            "payer": "us", "reason": "bench"
        })).await?;
    }
    sign_in("bench-finance").await?;
    let approve = act_vs_insert(
        ctx,
        runs,
        "approve_reshipment",
        |i| json!({"reshipment_no": format!("RS-BEN-{:06}", i + 1), "note": "bench"}),
        (events, runs as i64),
    )
    .await?;
    sign_in("bench-logistics").await?;
    let ship = act_vs_insert(ctx, runs, "ship_reshipment", |i| {
        json!({"reshipment_no": format!("RS-BEN-{:06}", i + 1), "carrier": "dpd", "tracking_no": format!("0123456789{i:04}")})
    }, (events, runs as i64))
    .await?;
    Ok((approve, ship))
}

/// Which of the bench's parts to run.
pub enum Part {
    All,
    Lots,
    Reviews {
        keep: Option<std::path::PathBuf>,
    },
    /// Team sync (`bench_sync`): a desk of `events` events pushes, pulls, and a new desk joins.
    Sync {
        events: usize,
    },
}

/// Prints the report: as JSON, or the closing table of every figure beside its baseline.
fn print_report(report: &impl Serialize, json_out: bool) -> Result<()> {
    if json_out {
        // Through the structs, not a JSON value: the figures keep their order.
        println!("{}", serde_json::to_string_pretty(report)?);
    } else {
        eprintln!("\n{}", summary(&serde_json::to_value(report)?));
    }
    Ok(())
}

pub async fn run(scale: f64, part: Part, json_out: bool) -> Result<()> {
    if !(scale > 0.0 && scale.is_finite()) {
        bail!("--scale must be above 0 (1 = the sizes of DESIGN.md section 8; below 1 a quick run)");
    }
    let scale = Scale(scale);
    let say = |text: &str| {
        if !json_out {
            eprintln!("{text}");
        }
    };
    match part {
        Part::Sync { events } => sync_only(events, json_out, say).await,
        Part::Reviews { keep } => reviews_only(scale, keep, json_out).await,
        Part::Lots => lots_only(scale, json_out, say).await,
        Part::All => everything(scale, json_out, say).await,
    }
}

async fn sync_only(events: usize, json_out: bool, say: impl Fn(&str)) -> Result<()> {
    #[derive(Serialize)]
    struct SyncReport {
        sync: crate::bench_sync::SyncFigures,
    }
    let sync = crate::bench_sync::sync_figures(events, say).await?;
    if json_out {
        // Through the structs, not a JSON value: the figures keep their order.
        println!("{}", serde_json::to_string_pretty(&SyncReport { sync })?);
    }
    Ok(())
}

async fn lots_only(scale: Scale, json_out: bool, say: impl Fn(&str)) -> Result<()> {
    #[derive(Serialize)]
    struct LotsReport {
        scale: f64,
        file_system: FileSystem,
        lots: LotFigures,
    }
    let dir = tempfile::tempdir().context("temporary folder")?;
    let file_system = file_system(dir.path());
    say(&format!("databases on {} ({})", file_system.kind, file_system.mount_point));
    let lots = lot_figures(dir.path(), scale, say).await?;
    print_report(&LotsReport { scale: scale.0, file_system, lots }, json_out)
}

async fn everything(scale: Scale, json_out: bool, say: impl Fn(&str) + Copy) -> Result<()> {
    let dir = tempfile::tempdir().context("temporary folder")?;
    let file_system = file_system(dir.path());
    say(&format!("databases on {} ({})", file_system.kind, file_system.mount_point));

    let (ctx, import, products) = import_products(dir.path(), scale).await?;
    say(&format!("import of products: {}", import.compared.describe()));
    let (failures, events, import_failures) = grow_log(&ctx, dir.path(), scale, products, say).await?;
    say(&format!("import of failures: {}", import_failures.compared.describe()));

    // 3. One interactive act.
    let log_failure = act_vs_insert(
        &ctx,
        scale.runs(1000),
        "log_failure",
        |i| failure_input(failures + i, products),
        (events, failures as i64),
    )
    .await?;
    say(&log_failure.line("log_failure"));

    // 4. The failures list: filter + sort, first page; and the search box.
    let list = |i: usize| ListCase::Vendor(format!("V{:02}", i % 20));
    let failures_list = list_vs_select(&ctx, scale.runs(200), events, list).await?;
    say(&failures_list.line("failures list (vendor filter, newest first, 200 rows)"));
    // What people type or scan: a failure number.
    let search = |i: usize| ListCase::Text(format!("QF-BEN-{:06}", 1 + (i * 499) % failures));
    let failures_text_search = list_vs_select(&ctx, scale.runs(200), events, search).await?;
    say(&failures_text_search.line("failures text search"));
    let many = |_: usize| ListCase::Text("scratch".into());
    let failures_text_many = list_vs_select(&ctx, scale.runs(200), events, many).await?;
    say(&failures_text_many.line("failures text filter matching every failure"));

    let (approve_reshipment, ship_reshipment) = reshipment_acts(&ctx, scale, products, events).await?;
    say(&approve_reshipment.line("approve_reshipment"));
    say(&ship_reshipment.line("ship_reshipment"));

    let returns = returns_acts(&ctx, scale, products, events, say).await?;
    let reviews = review_figures(&ctx, scale, products, events, say).await?;
    ctx.store.close().await;
    let lots = lot_figures(dir.path(), scale, say).await?;

    let report = Report {
        scale: scale.0,
        file_system,
        import,
        import_failures,
        log_failure,
        failures_list,
        failures_text_search,
        failures_text_many,
        approve_reshipment,
        ship_reshipment,
        returns,
        reviews,
        lots,
    };
    print_report(&report, json_out)
}

/// Bulk import of products against raw rusqlite; the desk it made, and how many products.
async fn import_products(dir: &std::path::Path, scale: Scale) -> Result<(Ctx, ImportFigures, usize)> {
    let rows = scale.rows(100_000);
    let raw = raw_insert(&dir.join("raw.db"), rows)?;
    let ctx = fresh(&dir.join("lotline")).await?;
    let csv = products_csv(rows, 0);
    let started = Instant::now();
    must(&ctx, "import_csv", json!({"entity": "products", "csv": csv})).await?;
    let ours = started.elapsed();
    let products = count_rows(&ctx, "products").await? as usize;
    let raw_rows =
        rusqlite::Connection::open(dir.join("raw.db"))?
            .query_row("SELECT COUNT(*) FROM products", [], |r| r.get::<_, i64>(0))? as usize;
    let (lotline_rows_per_s, raw_rows_per_s) = (rows as f64 / ours.as_secs_f64(), rows as f64 / raw.as_secs_f64());
    let import = ImportFigures {
        rows,
        lotline_rows_per_s,
        raw_rusqlite_rows_per_s: raw_rows_per_s,
        ratio_to_raw: raw.as_secs_f64() / ours.as_secs_f64(),
        compared: Baseline::speed(RAW_INSERT, lotline_rows_per_s, raw_rows_per_s, Some(IMPORT_TARGET))
            .same(products == rows && raw_rows == rows),
    };
    Ok((ctx, import, products))
}

/// Grows the log to ~1M events per scale (100k failures, then product revisions), and answers
/// the failures seeded, the events the log holds, and the failures' import beside a raw insert.
async fn grow_log(
    ctx: &Ctx,
    dir: &std::path::Path,
    scale: Scale,
    products: usize,
    say: impl Fn(&str),
) -> Result<(usize, i64, crate::bench_failures::FailureImport)> {
    let failures = scale.rows(100_000);
    let raw =
        crate::bench_failures::raw_insert(&dir.join("raw-failures.db"), &failures_csv(0, failures, products), "BEN")?;
    let mut done = 0;
    let mut importing = Duration::ZERO;
    while done < failures {
        let end = (done + 10_000).min(failures);
        let csv = failures_csv(done, end, products);
        let started = Instant::now();
        must(ctx, "import_csv", json!({"entity": "failures", "csv": csv})).await?;
        importing += started.elapsed();
        done = end;
        say(&format!("  seeded {done} failures"));
    }
    let stored = count_rows(ctx, "failures").await? as usize;
    let import = crate::bench_failures::FailureImport::new(failures, importing, raw, stored);
    // Imports write one event per thousand rows, so the rest of the log is grown with single
    // product revisions through the store's own append, as desks saving products would.
    let target_events = scale.rows(1_000_000) as i64;
    let mut round = 1;
    loop {
        let missing = target_events - event_count(ctx).await?;
        if missing <= 0 {
            break;
        }
        let events: Vec<lotline_domain::Event> = (0..missing.min(20_000) as usize)
            .map(|i| lotline_domain::Event::ProductSaved(product(i % products, round)))
            .collect();
        // Sealed as a real act's events are: a desk's every append also seals its checkpoint.
        let meta = lotline_store::EventMeta::new(None, ctx.device_id.clone(), ctx.now_text())
            .sealed_with(ctx.store.checkpoint_key());
        let mut tx = ctx.store.begin_write().await?;
        lotline_store::append(&mut tx, &meta, events).await?;
        tx.commit().await?;
        round += 1;
    }
    let events = event_count(ctx).await?;
    say(&format!("  database holds {events} events"));
    // Seeding is bulk setup; a desk's log is checkpointed after bulk work the same way.
    ctx.store.checkpoint().await.context("checkpoint after seeding")?;
    Ok((failures, events, import))
}
