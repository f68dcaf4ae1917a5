//! The lots part of `lotline bench`, on its own database: importing a genealogy of a million lots
//! and two million links (against a raw multi-row insert of the same rows in the same run), then
//! traces through it and the recall scope of a hub lot.
//!
//! The genealogy has four levels, as a plant's has: supplier lots (20%), mixes of four supplier
//! lots each (20%), finished lots from two mixes (30%) and packs from two finished lots (30%),
//! each drawing on neighbours of the lot above so traces stay local, as real ones do. On top, 100
//! shared ingredients each go into 2,400 mixes (a trace from one reaches just under 10,000 lots), and
//! one hub ingredient goes into 48,000 mixes (its recall reaches over 400,000 lots).

use std::collections::BTreeSet;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Result;
use lotline_app::Ctx;
use serde::Serialize;
use serde_json::{Value, json};

use crate::bench::{IMPORT_TARGET, RAW_INSERT, Scale, count_rows, must, must_json, percentile};
use crate::bench_base::Baseline;
use crate::bench_walk::{Adjacency, cte, reader};

const INGREDIENTS: usize = 100;
const CUSTOMERS: usize = 10_000;
/// A trace's target: at most twice the bare walk, for traces of up to 10,000 lots.
const TRACE_TARGET: f64 = 2.0;
const WALK: &str = "the same walk over a bare in-memory adjacency list";
const CTE: &str = "a bare recursive CTE over the same genealogy tables";

#[derive(Serialize)]
pub struct LotFigures {
    lots: usize,
    links: usize,
    shipments: usize,
    /// Lots, links and shipments through `import_csv`, checks included.
    import_rows_per_s: f64,
    raw_rusqlite_rows_per_s: f64,
    ratio_to_raw: f64,
    /// Each entity's import beside the raw insert of the same rows.
    import_lots: EntityImport,
    import_links: EntityImport,
    import_shipments: EntityImport,
    /// Loading the genealogy into memory, once per process, on the first trace.
    index_load_s: f64,
    index_load: IndexLoad,
    trace: TraceFigures,
    trace_ingredient: TraceFigures,
    recall_hub: RecallFigures,
}

#[derive(Serialize)]
pub struct EntityImport {
    rows: usize,
    rows_per_s: f64,
    raw_rows_per_s: f64,
    compared: Baseline,
}

#[derive(Serialize)]
pub struct IndexLoad {
    seconds: f64,
    /// Reading the same lots and links into bare adjacency lists.
    baseline_seconds: f64,
    compared: Baseline,
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
    walk_p50_ms: f64,
    walk_p95_ms: f64,
    cte_p50_ms: f64,
    cte_p95_ms: f64,
    /// p95 beside the bare walk's (the target), and beside the CTE's.
    compared: Baseline,
    compared_cte: Baseline,
}

#[derive(Serialize)]
pub struct RecallFigures {
    lots_in_scope: usize,
    seconds: f64,
    walk_seconds: f64,
    cte_seconds: f64,
    compared: Baseline,
    compared_cte: Baseline,
}

/// The genealogy's shape at `scale` (1 = a million lots).
struct Shape {
    l0: usize,
    l1: usize,
    l2: usize,
    l3: usize,
    /// Mixes each shared ingredient goes into, and the hub.
    ingredient_fanout: usize,
    hub_fanout: usize,
}

impl Shape {
    fn new(scale: Scale) -> Shape {
        let n = scale.rows(1_000_000).max(1_000);
        let l1 = n / 5;
        Shape {
            l0: n / 5,
            l1,
            l2: n * 3 / 10,
            l3: n * 3 / 10,
            ingredient_fanout: scale.rows(2_400).min(l1 / 2),
            hub_fanout: scale.rows(48_000).min(l1),
        }
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
        let start = (i * 7_919 * 13) % (shape.l1 - shape.ingredient_fanout);
        for j in start..start + shape.ingredient_fanout {
            link(&mut links, format!("ING-{i:03}"), Shape::code(1, j), "assembly");
        }
    }
    for j in 0..shape.hub_fanout {
        link(&mut links, "HUB-0001".into(), Shape::code(1, j * shape.l1 / shape.hub_fanout), "assembly");
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

/// The same rows into tables with the keys and indexes Lotline's lots, links and shipments
/// tables have (lot codes unique, lots by SKU, vendor and receipt time, links both ways,
/// shipments by lot, order and day), with multi-row inserts in one transaction: the fastest
/// SQLite does the same storing, without the event log, the checks, the stock moves and the
/// lots' touches.
fn raw_insert(path: &Path, lots: &str, links: &str, shipments: &str) -> Result<[(Duration, usize); 3]> {
    let mut conn = rusqlite::Connection::open(path)?;
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
         CREATE TABLE lots (lot_id INTEGER PRIMARY KEY, lot_code TEXT NOT NULL UNIQUE, sku TEXT, vendor_code TEXT,
           supplier_lot TEXT, qty INTEGER, unit TEXT, expiry_date TEXT, received_at TEXT);
         CREATE INDEX lots_sku ON lots (sku, expiry_date);
         CREATE INDEX lots_vendor ON lots (vendor_code, supplier_lot);
         CREATE INDEX lots_received ON lots (received_at) WHERE received_at IS NOT NULL;
         CREATE TABLE lot_links (link_id INTEGER PRIMARY KEY, from_id INTEGER, to_id INTEGER, qty INTEGER, kind TEXT);
         CREATE INDEX lot_links_from ON lot_links (from_id);
         CREATE INDEX lot_links_to ON lot_links (to_id);
         CREATE TABLE lot_shipments (shipment_id INTEGER PRIMARY KEY, lot_id INTEGER, order_no TEXT, customer_code TEXT, qty INTEGER, shipped_at TEXT);
         CREATE INDEX lot_shipments_lot ON lot_shipments (lot_id);
         CREATE INDEX lot_shipments_order ON lot_shipments (order_no);
         CREATE INDEX lot_shipments_shipped ON lot_shipments (shipped_at);",
    )?;
    let id = "(SELECT lot_id FROM lots WHERE lot_code = ?)";
    let tx = conn.transaction()?;
    let mut timed = [(Duration::ZERO, 0); 3];
    let shapes: [(&str, String, usize); 3] = [
        (lots, "INSERT INTO lots (lot_code, sku, vendor_code, qty, unit, received_at) VALUES ".into(), 5),
        (links, "INSERT INTO lot_links (from_id, to_id, qty, kind) VALUES ".into(), 4),
        (shipments, "INSERT INTO lot_shipments (lot_id, order_no, customer_code, qty, shipped_at) VALUES ".into(), 5),
    ];
    for (index, (file, head, width)) in shapes.iter().enumerate() {
        let row = match index {
            0 => "(?,?,?,?,?,'2026-11-02T10:00:00.000Z')".to_owned(),
            1 => format!("({id},{id},?,?)"),
            _ => format!("({id},?,?,?,?)"),
        };
        let records: Vec<Vec<&str>> = file.lines().skip(1).map(|l| l.split(',').collect()).collect();
        let started = Instant::now();
        for chunk in records.chunks(500) {
            let sql = format!("{head}{}", vec![row.as_str(); chunk.len()].join(","));
            let mut statement = tx.prepare_cached(&sql)?;
            let values: Vec<&str> =
                chunk.iter().flat_map(|r| (0..*width).map(move |i| r.get(i).copied().unwrap_or(""))).collect();
            statement.execute(rusqlite::params_from_iter(values))?;
        }
        timed[index] = (started.elapsed(), records.len());
    }
    // The commit (the fsync of it all) counts to each entity by its rows.
    let started = Instant::now();
    tx.commit()?;
    let commit = started.elapsed();
    let rows: usize = timed.iter().map(|(_, n)| n).sum();
    let counted: Vec<i64> = ["lots", "lot_links", "lot_shipments"]
        .iter()
        .map(|table| conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0)))
        .collect::<rusqlite::Result<_>>()?;
    for (entity, count) in timed.iter_mut().zip(counted) {
        entity.0 += commit.mul_f64(entity.1 as f64 / rows.max(1) as f64);
        entity.1 = count as usize;
    }
    Ok(timed)
}

fn ms(mut samples: Vec<Duration>, p: f64) -> f64 {
    percentile(&mut samples, p)
}

/// Each trace through the act, then the same walk bare, then the same CTE; every one must reach
/// the same lots.
async fn timed_traces(
    ctx: &Ctx,
    adjacency: &Adjacency,
    conn: &rusqlite::Connection,
    roots: &[(String, &str)],
) -> Result<TraceFigures> {
    let (mut act, mut walk, mut bare) = (Vec::new(), Vec::new(), Vec::new());
    let mut reached = Vec::with_capacity(roots.len());
    let mut same = true;
    for (lot, direction) in roots {
        let started = Instant::now();
        let out = must_json(ctx, "trace_lot", json!({"lot_code": lot, "direction": direction})).await?;
        act.push(started.elapsed());
        let forward = *direction == "forward";
        let root = adjacency.id(lot)?;
        let started = Instant::now();
        let walked = adjacency.walk(root, forward);
        walk.push(started.elapsed());
        let started = Instant::now();
        let by_cte = cte(conn, lot, forward)?;
        bare.push(started.elapsed());
        let out: Value = serde_json::from_str(&out)?;
        let traced: BTreeSet<String> = out["lots"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|l| l["lot_code"].as_str().map(str::to_owned))
            .collect();
        same &= traced == adjacency.codes(&walked) && traced == by_cte;
        reached.push(traced.len());
    }
    reached.sort_unstable();
    let p95 = ms(act.clone(), 0.95);
    let (walk_p95, cte_p95) = (ms(walk.clone(), 0.95), ms(bare.clone(), 0.95));
    Ok(TraceFigures {
        runs: act.len(),
        lots_reached_p50: reached.get(reached.len() / 2).copied().unwrap_or(0),
        lots_reached_max: reached.last().copied().unwrap_or(0),
        p50_ms: ms(act.clone(), 0.5),
        p95_ms: p95,
        p99_ms: ms(act, 0.99),
        walk_p50_ms: ms(walk, 0.5),
        walk_p95_ms: walk_p95,
        cte_p50_ms: ms(bare, 0.5),
        cte_p95_ms: cte_p95,
        compared: Baseline::time(WALK, "p95_ms", p95, walk_p95, Some(TRACE_TARGET)).same(same),
        compared_cte: Baseline::time(CTE, "p95_ms", p95, cte_p95, None).same(same),
    })
}

fn entity(rows: usize, elapsed: Duration, (raw, raw_rows): (Duration, usize), same: bool) -> EntityImport {
    let (rows_per_s, raw_rows_per_s) = (rows as f64 / elapsed.as_secs_f64(), raw_rows as f64 / raw.as_secs_f64());
    EntityImport {
        rows,
        rows_per_s,
        raw_rows_per_s,
        compared: Baseline::speed(RAW_INSERT, rows_per_s, raw_rows_per_s, Some(IMPORT_TARGET))
            .same(same && rows == raw_rows),
    }
}

/// A set-up desk signed in as its administrator, with the bench's vendor, product and customers.
async fn bench_desk(data: &Path) -> Result<Ctx> {
    let ctx = lotline_app::open(data).await?;
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

    Ok(ctx)
}

/// How long the desk's lot index takes to load, beside the same lots and links read into bare
/// adjacency lists (which the trace baselines then walk).
async fn index_load(ctx: &Ctx, db: &Path, link_count: usize) -> Result<(IndexLoad, Adjacency)> {
    let started = Instant::now();
    let genealogy_links = ctx.store.lot_index().await?.genealogy.links();
    let index_load_s = started.elapsed().as_secs_f64();
    let (adjacency, bare_load) = Adjacency::load(db)?;
    let index_load = IndexLoad {
        seconds: index_load_s,
        baseline_seconds: bare_load.as_secs_f64(),
        compared: Baseline::time(
            "the same lots and links read into bare adjacency lists",
            "seconds",
            index_load_s,
            bare_load.as_secs_f64(),
            None,
        )
        .same(genealogy_links == link_count),
    };
    Ok((index_load, adjacency))
}

/// The recall scope of the hub lot every level reaches, beside the bare walk and the bare CTE.
async fn recall_hub(
    ctx: &Ctx,
    adjacency: &Adjacency,
    conn: &rusqlite::Connection,
    say: impl Fn(&str),
) -> Result<RecallFigures> {
    let started = Instant::now();
    let scope: Value =
        serde_json::from_str(&must_json(ctx, "recall_scope", json!({"lot_codes": ["HUB-0001"]})).await?)?;
    let seconds = started.elapsed().as_secs_f64();
    let lots_in_scope = scope["lots"].as_i64().unwrap_or(0) as usize;
    let started = Instant::now();
    let walked = adjacency.walk(adjacency.id("HUB-0001")?, true);
    let walk_seconds = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let by_cte = cte(conn, "HUB-0001", true)?;
    let cte_seconds = started.elapsed().as_secs_f64();
    // The scope counts the recalled lot too; its listed lots must be among those walked.
    let walked_codes = adjacency.codes(&walked);
    let listed_within = scope["in_stock_listed"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|l| l["lot_code"].as_str())
        .all(|code| code == "HUB-0001" || walked_codes.contains(code));
    let same = lots_in_scope == walked.len() + 1 && walked_codes == by_cte && listed_within;
    let recall_hub = RecallFigures {
        lots_in_scope,
        seconds,
        walk_seconds,
        cte_seconds,
        compared: Baseline::time(WALK, "seconds", seconds, walk_seconds, None).same(same),
        compared_cte: Baseline::time(CTE, "seconds", seconds, cte_seconds, None).same(same),
    };
    say(&format!(
        "recall scope of the hub: {} lots in {:.3} s; {}; {}",
        recall_hub.lots_in_scope,
        recall_hub.seconds,
        recall_hub.compared.describe(),
        recall_hub.compared_cte.describe()
    ));
    Ok(recall_hub)
}

pub async fn lot_figures(root: &Path, scale: Scale, say: impl Fn(&str)) -> Result<LotFigures> {
    let dir = root.join("lots");
    std::fs::create_dir_all(&dir)?;
    let shape = Shape::new(scale);
    let (lots, links, lot_count, link_count) = genealogy_csv(&shape);
    let (shipments, shipment_count) = shipments_csv(&shape);
    let raw = raw_insert(&dir.join("raw.db"), &lots, &links, &shipments)?;

    let ctx = bench_desk(&dir.join("lotline")).await?;

    let mut parts = Vec::new();
    for (entity, csv) in [("lots", lots), ("lot_links", links), ("shipments", shipments)] {
        let part = Instant::now();
        must(&ctx, "import_csv", json!({"entity": entity, "csv": csv})).await?;
        parts.push(part.elapsed());
        say(&format!("  {entity}: {:.2} s", part.elapsed().as_secs_f64()));
    }
    let import: Duration = parts.iter().sum();
    ctx.store.checkpoint().await?;
    let rows = lot_count + link_count + shipment_count;
    let import_rows_per_s = rows as f64 / import.as_secs_f64();
    let raw_time: Duration = raw.iter().map(|(d, _)| *d).sum();
    let raw_rows: usize = raw.iter().map(|(_, n)| n).sum();
    let raw_rows_per_s = raw_rows as f64 / raw_time.as_secs_f64();
    let stored = [
        count_rows(&ctx, "lots").await?,
        count_rows(&ctx, "lot_links").await?,
        count_rows(&ctx, "lot_shipments").await?,
    ];
    let import_lots = entity(lot_count, parts[0], raw[0], stored[0] as usize == lot_count);
    let import_links = entity(link_count, parts[1], raw[1], stored[1] as usize == link_count);
    let import_shipments = entity(shipment_count, parts[2], raw[2], stored[2] as usize == shipment_count);
    say(&format!(
        "lots: imported {lot_count} lots, {link_count} links, {shipment_count} shipments at {import_rows_per_s:.0} rows/s (raw {raw_rows_per_s:.0} rows/s)"
    ));
    for (name, figure) in [("lots", &import_lots), ("links", &import_links), ("shipments", &import_shipments)] {
        say(&format!("  import of {name}: {}", figure.compared.describe()));
    }

    let db = dir.join("lotline").join("lotline.db");
    let (index_load, adjacency) = index_load(&ctx, &db, link_count).await?;
    let conn = reader(&db)?;

    // Random lots of every level, half forward and half backward.
    let roots: Vec<(String, &str)> = (0..scale.runs(400))
        .map(|i| {
            let level = i % 4;
            let size = [shape.l0, shape.l1, shape.l2, shape.l3][level];
            let lot = Shape::code(level, (i * 104_729) % size);
            (lot, if i % 2 == 0 { "forward" } else { "backward" })
        })
        .collect();
    let trace = timed_traces(&ctx, &adjacency, &conn, &roots).await?;
    let ingredients: Vec<(String, &str)> = (0..INGREDIENTS).map(|i| (format!("ING-{i:03}"), "forward")).collect();
    let trace_ingredient = timed_traces(&ctx, &adjacency, &conn, &ingredients).await?;
    say(&format!(
        "trace: p50 {:.2} ms, p95 {:.2} ms (median {} lots reached); {}; {}",
        trace.p50_ms,
        trace.p95_ms,
        trace.lots_reached_p50,
        trace.compared.describe(),
        trace.compared_cte.describe()
    ));
    say(&format!(
        "shared ingredient: p50 {:.2} ms, p95 {:.2} ms ({} lots); {}; {}",
        trace_ingredient.p50_ms,
        trace_ingredient.p95_ms,
        trace_ingredient.lots_reached_p50,
        trace_ingredient.compared.describe(),
        trace_ingredient.compared_cte.describe()
    ));

    let recall_hub = recall_hub(&ctx, &adjacency, &conn, say).await?;
    ctx.store.close().await;
    Ok(LotFigures {
        lots: lot_count,
        links: link_count,
        shipments: shipment_count,
        import_rows_per_s,
        raw_rusqlite_rows_per_s: raw_rows_per_s,
        ratio_to_raw: import_rows_per_s / raw_rows_per_s,
        import_lots,
        import_links,
        import_shipments,
        index_load_s: index_load.seconds,
        index_load,
        trace,
        trace_ingredient,
        recall_hub,
    })
}
