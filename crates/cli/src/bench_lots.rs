//! The lots part of `lotline bench`, on its own database: importing a genealogy of a million lots
//! and two million links (against a raw multi-row insert of the same rows in the same run), then
//! traces through it and the recall scope of a hub lot.
//!
//! The genealogy has four levels, as a plant's has: supplier lots (20%), mixes of four supplier
//! lots each (20%), finished lots from two mixes (30%) and packs from two finished lots (30%),
//! each drawing on neighbours of the lot above so traces stay local, as real ones do. On top, 100
//! shared ingredients each go into 2,400 mixes (a trace from one reaches just under 10,000 lots), and
//! one hub ingredient goes into 48,000 mixes (its recall reaches over 400,000 lots).

use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use lotline_app::Ctx;
use serde::Serialize;
use serde_json::{Value, json};

use crate::bench::{must, must_json, percentile};

const INGREDIENTS: usize = 100;
const INGREDIENT_FANOUT: usize = 2_400;
const HUB_FANOUT: usize = 48_000;
const CUSTOMERS: usize = 10_000;
const TIMED: usize = 400;

#[derive(Serialize)]
pub struct LotFigures {
    lots: usize,
    links: usize,
    shipments: usize,
    /// Lots, links and shipments through `import_csv`, checks included.
    import_rows_per_s: f64,
    raw_rusqlite_rows_per_s: f64,
    ratio_to_raw: f64,
    /// Loading the genealogy into memory, once per process, on the first trace.
    index_load_s: f64,
    trace: TraceFigures,
    trace_ingredient: TraceFigures,
    recall_hub: RecallFigures,
}

#[derive(Serialize)]
pub struct TraceFigures {
    runs: usize,
    /// How many lots the traces reached: the median and the most.
    lots_reached_p50: usize,
    lots_reached_max: usize,
    p50_ms: f64,
    p95_ms: f64,
    p99_ms: f64,
}

#[derive(Serialize)]
pub struct RecallFigures {
    lots_in_scope: usize,
    seconds: f64,
}

/// The genealogy's shape at `scale` (1 = a million lots).
struct Shape {
    l0: usize,
    l1: usize,
    l2: usize,
    l3: usize,
}

impl Shape {
    fn new(scale: usize) -> Shape {
        let n = 1_000_000 * scale;
        Shape { l0: n / 5, l1: n / 5, l2: n * 3 / 10, l3: n * 3 / 10 }
    }

    fn code(level: usize, i: usize) -> String {
        format!("B{level}-{i:07}")
    }
}

/// A deterministic scatter: parents near `j`'s place in the level above.
fn near(j: usize, k: usize, from: usize, above: usize) -> usize {
    let spread = (j.wrapping_mul(2_654_435_761).wrapping_add(k * 97)) % 41;
    (j * above / from + spread + above - 20) % above
}

fn genealogy_csv(shape: &Shape) -> (String, String, usize, usize) {
    let mut lots = String::from("lot_code,sku,vendor_code,qty,unit\n");
    let mut count = 0;
    for (level, size, qty) in
        [(0, shape.l0, 1_000_000_000), (1, shape.l1, 1_000_000), (2, shape.l2, 1_000_000), (3, shape.l3, 1_000)]
    {
        for i in 0..size {
            lots.push_str(&format!("{},BENCH-LOT,BV,{qty},pcs\n", Shape::code(level, i)));
            count += 1;
        }
    }
    for i in 0..INGREDIENTS {
        lots.push_str(&format!("ING-{i:03},BENCH-LOT,BV,1000000000,pcs\n"));
    }
    lots.push_str("HUB-0001,BENCH-LOT,BV,1000000000,pcs\n");
    count += INGREDIENTS + 1;

    let mut links = String::from("from_lot,to_lot,qty,kind\n");
    let mut n = 0;
    let mut link = |links: &mut String, from: String, to: String, kind: &str| {
        links.push_str(&format!("{from},{to},1,{kind}\n"));
        n += 1;
    };
    for j in 0..shape.l1 {
        for k in 0..4 {
            link(&mut links, Shape::code(0, near(j, k, shape.l1, shape.l0)), Shape::code(1, j), "merge");
        }
    }
    for j in 0..shape.l2 {
        for k in 0..2 {
            link(&mut links, Shape::code(1, near(j, k, shape.l2, shape.l1)), Shape::code(2, j), "assembly");
        }
    }
    for j in 0..shape.l3 {
        for k in 0..2 {
            link(&mut links, Shape::code(2, near(j, k, shape.l3, shape.l2)), Shape::code(3, j), "repack");
        }
    }
    for i in 0..INGREDIENTS {
        // A run of neighbouring mixes, as one ingredient lot is used up over a few days.
        let start = (i * 7_919 * 13) % (shape.l1 - INGREDIENT_FANOUT);
        for j in start..start + INGREDIENT_FANOUT {
            link(&mut links, format!("ING-{i:03}"), Shape::code(1, j), "assembly");
        }
    }
    for j in 0..HUB_FANOUT.min(shape.l1) {
        link(&mut links, "HUB-0001".into(), Shape::code(1, j * shape.l1 / HUB_FANOUT.min(shape.l1)), "assembly");
    }
    (lots, links, count, n)
}

fn shipments_csv(shape: &Shape) -> (String, usize) {
    let mut csv = String::from("lot_code,order_no,customer_code,qty,shipped_at\n");
    let count = shape.l3 / 3;
    for i in 0..count {
        let lot = Shape::code(3, i * 3);
        csv.push_str(&format!("{lot},SO-L{i:07},LC-{:05},10,2026-10-{:02}T10:00:00Z\n", i % CUSTOMERS, 1 + i % 28));
    }
    (csv, count)
}

/// The same rows into tables with the keys and indexes Lotline's have (lot codes unique, links
/// and shipments referring to lots by id, indexed both ways), with multi-row inserts in one
/// transaction: the fastest SQLite does the same storing, without the event log, the checks
/// and the stock deltas.
fn raw_insert(path: &std::path::Path, lots: &str, links: &str, shipments: &str) -> Result<(Duration, usize)> {
    let mut conn = rusqlite::Connection::open(path)?;
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
         CREATE TABLE lots (lot_id INTEGER PRIMARY KEY, lot_code TEXT NOT NULL UNIQUE, sku TEXT, vendor_code TEXT, qty INTEGER, unit TEXT);
         CREATE TABLE lot_links (link_id INTEGER PRIMARY KEY, from_id INTEGER, to_id INTEGER, qty INTEGER, kind TEXT);
         CREATE INDEX lot_links_from ON lot_links (from_id);
         CREATE INDEX lot_links_to ON lot_links (to_id);
         CREATE TABLE lot_shipments (shipment_id INTEGER PRIMARY KEY, lot_id INTEGER, order_no TEXT, customer_code TEXT, qty INTEGER, shipped_at TEXT);
         CREATE INDEX lot_shipments_lot ON lot_shipments (lot_id);",
    )?;
    let id = "(SELECT lot_id FROM lots WHERE lot_code = ?)";
    let started = Instant::now();
    let tx = conn.transaction()?;
    let mut rows = 0;
    let shapes: [(&str, String, usize); 3] = [
        (lots, "INSERT INTO lots (lot_code, sku, vendor_code, qty, unit) VALUES ".into(), 5),
        (links, "INSERT INTO lot_links (from_id, to_id, qty, kind) VALUES ".into(), 4),
        (shipments, "INSERT INTO lot_shipments (lot_id, order_no, customer_code, qty, shipped_at) VALUES ".into(), 5),
    ];
    for (index, (file, head, width)) in shapes.iter().enumerate() {
        let row = match index {
            0 => "(?,?,?,?,?)".to_owned(),
            1 => format!("({id},{id},?,?)"),
            _ => format!("({id},?,?,?,?)"),
        };
        let records: Vec<Vec<&str>> = file.lines().skip(1).map(|l| l.split(',').collect()).collect();
        for chunk in records.chunks(500) {
            let sql = format!("{head}{}", vec![row.as_str(); chunk.len()].join(","));
            let mut statement = tx.prepare_cached(&sql)?;
            let values: Vec<&str> =
                chunk.iter().flat_map(|r| (0..*width).map(move |i| r.get(i).copied().unwrap_or(""))).collect();
            statement.execute(rusqlite::params_from_iter(values))?;
            rows += chunk.len();
        }
    }
    tx.commit()?;
    Ok((started.elapsed(), rows))
}

fn trace_figures(mut samples: Vec<Duration>, mut reached: Vec<usize>) -> TraceFigures {
    reached.sort_unstable();
    TraceFigures {
        runs: samples.len(),
        lots_reached_p50: reached.get(reached.len() / 2).copied().unwrap_or(0),
        lots_reached_max: reached.last().copied().unwrap_or(0),
        p50_ms: percentile(&mut samples, 0.5),
        p95_ms: percentile(&mut samples, 0.95),
        p99_ms: percentile(&mut samples, 0.99),
    }
}

async fn timed_traces(ctx: &Ctx, roots: &[(String, &str)]) -> Result<TraceFigures> {
    let mut samples = Vec::with_capacity(roots.len());
    let mut reached = Vec::with_capacity(roots.len());
    for (lot, direction) in roots {
        let started = Instant::now();
        let out = must_json(ctx, "trace_lot", json!({"lot_code": lot, "direction": direction})).await?;
        samples.push(started.elapsed());
        let out: Value = serde_json::from_str(&out)?;
        reached.push(out["lots"].as_array().map_or(0, Vec::len));
    }
    Ok(trace_figures(samples, reached))
}

pub async fn lot_figures(scale: usize, say: impl Fn(&str)) -> Result<LotFigures> {
    let dir = tempfile::tempdir().context("temporary folder")?;
    let shape = Shape::new(scale);
    let (lots, links, lot_count, link_count) = genealogy_csv(&shape);
    let (shipments, shipment_count) = shipments_csv(&shape);
    let (raw, raw_rows) = raw_insert(&dir.path().join("raw.db"), &lots, &links, &shipments)?;

    let ctx = lotline_app::open(&dir.path().join("lotline")).await?;
    must(&ctx, "complete_setup", json!({"company_name": "Bench BV", "site_code": "BEN", "currency": "EUR", "language": "en",
        "admin_username": "admin", "admin_display_name": "Admin", "admin_password": "bench-password", "load_demo": false})).await?;
    must(&ctx, "sign_in", json!({"username": "admin", "password": "bench-password"})).await?;
    must(&ctx, "import_csv", json!({"entity": "vendors", "csv": "code,name,country\nBV,Bench Leverancier BV,NL\n"}))
        .await?;
    must(&ctx, "import_csv", json!({"entity": "products", "csv": "sku,gtin,name,category,unit_cost_minor,currency,returnable,lot_tracked,serial_tracked,has_expiry,vendor_code\nBENCH-LOT,,Bench product,Bench,100,EUR,true,true,false,false,BV\n"})).await?;
    let mut customers = String::from("code,name,email,phone,address,country\n");
    for i in 0..CUSTOMERS {
        customers.push_str(&format!("LC-{i:05},Klant {i},klant{i}@example.com,,Kade {i} Rotterdam,NL\n"));
    }
    must(&ctx, "import_csv", json!({"entity": "customers", "csv": customers})).await?;

    let started = Instant::now();
    for (entity, csv) in [("lots", lots), ("lot_links", links), ("shipments", shipments)] {
        let part = Instant::now();
        must(&ctx, "import_csv", json!({"entity": entity, "csv": csv})).await?;
        say(&format!("  {entity}: {:.2} s", part.elapsed().as_secs_f64()));
    }
    let import = started.elapsed();
    ctx.store.checkpoint().await?;
    let rows = lot_count + link_count + shipment_count;
    let import_rows_per_s = rows as f64 / import.as_secs_f64();
    let raw_rows_per_s = raw_rows as f64 / raw.as_secs_f64();
    say(&format!(
        "lots: imported {lot_count} lots, {link_count} links, {shipment_count} shipments at {import_rows_per_s:.0} rows/s (raw {raw_rows_per_s:.0} rows/s)"
    ));

    let started = Instant::now();
    drop(ctx.store.lot_index().await?);
    let index_load_s = started.elapsed().as_secs_f64();

    // Random lots of every level, half forward and half backward.
    let roots: Vec<(String, &str)> = (0..TIMED)
        .map(|i| {
            let level = i % 4;
            let size = [shape.l0, shape.l1, shape.l2, shape.l3][level];
            let lot = Shape::code(level, (i * 104_729) % size);
            (lot, if i % 2 == 0 { "forward" } else { "backward" })
        })
        .collect();
    let trace = timed_traces(&ctx, &roots).await?;
    let ingredients: Vec<(String, &str)> = (0..INGREDIENTS).map(|i| (format!("ING-{i:03}"), "forward")).collect();
    let trace_ingredient = timed_traces(&ctx, &ingredients).await?;
    say(&format!(
        "trace: p50 {:.2} ms, p95 {:.2} ms (median {} lots reached); shared ingredient: p50 {:.2} ms, p95 {:.2} ms ({} lots)",
        trace.p50_ms,
        trace.p95_ms,
        trace.lots_reached_p50,
        trace_ingredient.p50_ms,
        trace_ingredient.p95_ms,
        trace_ingredient.lots_reached_p50
    ));

    let started = Instant::now();
    let scope: Value =
        serde_json::from_str(&must_json(&ctx, "recall_scope", json!({"lot_codes": ["HUB-0001"]})).await?)?;
    let recall_hub = RecallFigures {
        lots_in_scope: scope["lots"].as_i64().unwrap_or(0) as usize,
        seconds: started.elapsed().as_secs_f64(),
    };
    say(&format!("recall scope of the hub: {} lots in {:.3} s", recall_hub.lots_in_scope, recall_hub.seconds));
    ctx.store.close().await;
    Ok(LotFigures {
        lots: lot_count,
        links: link_count,
        shipments: shipment_count,
        import_rows_per_s,
        raw_rusqlite_rows_per_s: raw_rows_per_s,
        ratio_to_raw: import_rows_per_s / raw_rows_per_s,
        index_load_s,
        trace,
        trace_ingredient,
        recall_hub,
    })
}
