//! `lotline bench --sync`: a desk pushes its log into a real sync server on loopback (SQLite in
//! a temporary folder, and a throwaway PostgreSQL cluster when one can be started), pages are
//! pulled from it, and a new desk makes its first sync of the whole team. Each figure stands
//! beside the plainest way to move the same rows on the same backend, measured in the same run.

use std::cell::Cell;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use lotline_app::Ctx;
use lotline_app::sync::{HttpTransport, PulledPage, PushOutcome, SyncReport, Transport, TransportError};
use lotline_domain::Event;
use lotline_server::pg_cluster::PgCluster;
use lotline_store::EnvelopedEvent;
use lotline_sync::SyncClient;
use serde::Serialize;
use serde_json::json;

use crate::bench::{fresh, must, percentile, product};
use crate::bench_sync_raw::{self as raw, ServerDb};

/// A first sync's target: this many events in at most two minutes.
const TARGET_EVENTS: f64 = 1_000_000.0;
const PAGE: usize = 1_000;
/// Pulls timed: 200, or one per 50 events of a smaller log (at least 20).
const PULL_RUNS: usize = 200;

#[derive(Serialize)]
pub struct SyncFigures {
    /// Events the desk wrote for the team besides its setup (`--sync-events`); the team's log
    /// holds these and the setup's.
    pub events: usize,
    pub sqlite: BackendFigures,
    pub postgres: Backend,
}

#[derive(Serialize)]
#[serde(untagged)]
pub enum Backend {
    Measured(Box<BackendFigures>),
    Skipped { skipped: String },
}

#[derive(Serialize)]
pub struct BackendFigures {
    pub push: PushFigures,
    pub pull: PullFigures,
    pub first_sync: FirstSyncFigures,
}

#[derive(Serialize)]
pub struct PushFigures {
    /// Events the desk pushed (pages of 1,000, as `lotline sync` sends them).
    pub events: u64,
    pub seconds: f64,
    pub events_per_s: f64,
    /// Of `seconds`, the time spent waiting on the server's answers.
    pub server_seconds: f64,
    /// The same rows into an empty copy of the server's schema on the same backend: multi-row
    /// INSERTs in one transaction.
    pub raw_events: u64,
    pub raw_events_per_s: f64,
    /// The push's speed as a share of the raw insert's.
    pub ratio_to_raw: f64,
}

#[derive(Serialize)]
pub struct PullFigures {
    pub runs: usize,
    pub events_in_log: u64,
    /// Events in each pulled page and in each raw page (both must be 1,000).
    pub page_events: usize,
    pub raw_page_events: usize,
    pub p50_ms: f64,
    pub p99_ms: f64,
    /// The bare SELECT of the same page on the server's database.
    pub raw_p50_ms: f64,
    pub raw_p99_ms: f64,
    /// raw p99 / pull p99.
    pub ratio_to_raw: f64,
}

#[derive(Serialize)]
pub struct FirstSyncFigures {
    /// What the server holds, and what the new desk holds afterwards (the same).
    pub server_events: u64,
    pub desk_events: u64,
    pub seconds: f64,
    pub events_per_s: f64,
    /// Of `seconds`, the time spent waiting on the server's pages.
    pub server_seconds: f64,
    /// 1,000,000 events at this rate.
    pub extrapolated_1m_s: f64,
    /// The new desk's rows inserted into an empty desk database with multi-row INSERTs in one
    /// transaction (no projections).
    pub raw_events: u64,
    pub raw_events_per_s: f64,
    pub ratio_to_raw: f64,
}

/// The desk's transport over HTTP, noting how long it waits on the server.
struct Timed {
    http: HttpTransport,
    waited: Cell<Duration>,
}

impl Timed {
    fn new(url: &str, token: &str) -> Timed {
        Timed { http: HttpTransport { client: SyncClient::new(url).with_token(token) }, waited: Cell::default() }
    }

    async fn time<T>(&self, work: impl Future<Output = T>) -> T {
        let started = Instant::now();
        let out = work.await;
        self.waited.set(self.waited.get() + started.elapsed());
        out
    }
}

impl Transport for Timed {
    async fn push(
        &self,
        events: Vec<EnvelopedEvent>,
        credentials: Vec<(String, String)>,
    ) -> Result<PushOutcome, TransportError> {
        self.time(self.http.push(events, credentials)).await
    }

    async fn pull(&self, after: i64, limit: usize) -> Result<PulledPage, TransportError> {
        self.time(self.http.pull(after, limit)).await
    }

    async fn put_blob(&self, id: &str, bytes: Vec<u8>) -> Result<(), TransportError> {
        self.http.put_blob(id, bytes).await
    }

    async fn get_blob(&self, id: &str) -> Result<Option<Vec<u8>>, TransportError> {
        self.http.get_blob(id).await
    }
}

fn api(err: lotline_app::ApiError) -> anyhow::Error {
    anyhow::anyhow!("{err}")
}

/// The desk's day-to-day, one act each: four in ten product edits, three failures logged (with
/// their full-text entries) and three lots received, interleaved as a working day has them.
fn desk_event(i: usize) -> Result<Event> {
    let payload = match i % 10 {
        0..=3 => return Ok(Event::ProductSaved(product(i % 5_000, i / 5_000))),
        4..=6 => {
            let (category, severity) = (["DIM", "COS", "FUN", "PKG"][i % 4], ["minor", "major", "critical"][i % 3]);
            json!({
                "kind": "failure_logged", "failure_no": format!("QF-BEN-{:06}", i + 1),
                "occurred_at": "2026-11-02T09:30:00.000Z", "inspector_id": "bench",
                "record": {"sku": format!("SKU-{:07}", i % 5_000), "vendor_code": format!("V{:02}", i % 20),
                           "lot_code": null, "serials": [], "stage": "incoming", "qty_inspected": 100,
                           "qty_failed": 1 + i % 7, "category_code": category,
                           "description": format!("Bench failure {i}: scratch on housing near port {}", i % 13),
                           "severity": severity, "owner_team": "warehouse_qc",
                           "inspection": null, "attachment_ids": []},
                "disposition": null, "reinspection_of": null
            })
        }
        _ => json!({
            "kind": "lots_received", "batch_id": null,
            "rows": [{"lot_code": format!("L-BEN-{i:07}"), "sku": format!("SKU-{:07}", i % 5_000),
                      "vendor_code": format!("V{:02}", i % 20), "supplier_lot": null, "qty": 100 + i % 50,
                      "unit": "pcs", "mfg_date": null, "expiry_date": null, "location": "A-01"}]
        }),
    };
    serde_json::from_value(payload).context("a bench event")
}

/// A desk with `events` acts of one event each in its log, waiting to be pushed.
async fn seed_desk(dir: &Path, events: usize, say: &impl Fn(&str)) -> Result<()> {
    let ctx = fresh(dir).await?;
    let actor = ctx.actor().map_err(api)?;
    let mut done = 0;
    while done < events {
        let end = (done + 5_000).min(events);
        let mut tx = ctx.store.begin_write().await?;
        for i in done..end {
            // Sealed as a real act's events are: a desk's every append also seals its checkpoint.
            let meta =
                lotline_store::EventMeta::new(Some(actor.user_id.clone()), ctx.device_id.clone(), ctx.now_text())
                    .sealed_with(ctx.store.checkpoint_key());
            lotline_store::append(&mut tx, &meta, vec![desk_event(i)?]).await?;
        }
        tx.commit().await?;
        done = end;
    }
    say(&format!("  desk holds {events} events to push"));
    ctx.store.close().await;
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// A desk enrolled with a fresh code: the seeded desk through its administrator, or a new desk
/// on an empty folder (`site` given), which receives the team's data on its first sync.
async fn enrolled_desk(dir: &Path, server_dir: &Path, url: &str, site: Option<&str>) -> Result<(Ctx, String)> {
    let ctx = lotline_app::open(dir).await.map_err(api)?;
    if site.is_none() {
        must(&ctx, "sign_in", json!({"username": "admin", "password": "bench-password"})).await?;
    }
    let code = lotline_server::issue_enroll_code(server_dir).await?;
    let enrolment = lotline_app::sync::enroll(&ctx, url, &code.code, site).await.map_err(api)?;
    Ok((ctx, enrolment.token))
}

struct Server {
    running: lotline_server::RunningServer,
    dir: PathBuf,
    db: ServerDb,
}

async fn start_server(dir: PathBuf, database_url: Option<String>) -> Result<Server> {
    let config = lotline_server::ServerConfig {
        data_dir: dir.clone(),
        listen: SocketAddr::from(([127, 0, 0, 1], 0)),
        database_url: database_url.clone(),
    };
    let running = lotline_server::serve(config).await?;
    let db = ServerDb::connect(&dir, database_url.as_deref()).await?;
    Ok(Server { running, dir, db })
}

async fn push_figures(
    server: &Server,
    desk_dir: &Path,
    raw_target: ServerDb,
    say: &impl Fn(&str),
) -> Result<PushFigures> {
    let (ctx, token) = enrolled_desk(desk_dir, &server.dir, &server.running.url(), None).await?;
    let transport = Timed::new(&server.running.url(), &token);
    let mut report = SyncReport::default();
    let started = Instant::now();
    lotline_app::sync::push(&ctx, &transport, &mut report).await.map_err(api)?;
    let elapsed = started.elapsed();
    ctx.store.close().await;
    if !report.rejected.is_empty() {
        bail!("the server refused {} of the bench's acts: {:?}", report.rejected.len(), report.rejected[0]);
    }
    let events = report.pushed as u64;
    let raw_elapsed = server.db.copy_events_into(&raw_target).await?;
    let raw_events = raw_target.count_events().await?;
    raw_target.close().await;
    let figures = PushFigures {
        events,
        seconds: elapsed.as_secs_f64(),
        events_per_s: events as f64 / elapsed.as_secs_f64(),
        server_seconds: transport.waited.get().as_secs_f64(),
        raw_events,
        raw_events_per_s: raw_events as f64 / raw_elapsed.as_secs_f64(),
        ratio_to_raw: raw_elapsed.as_secs_f64() / elapsed.as_secs_f64(),
    };
    say(&format!(
        "  push: {:.0} events/s ({} events; waiting on the server {:.1} s of {:.1} s), raw insert {:.0} events/s, ratio {:.2}",
        figures.events_per_s,
        events,
        figures.server_seconds,
        figures.seconds,
        figures.raw_events_per_s,
        figures.ratio_to_raw
    ));
    Ok(figures)
}

async fn pull_figures(server: &Server, token: &str, say: &impl Fn(&str)) -> Result<PullFigures> {
    let client = SyncClient::new(server.running.url()).with_token(token);
    let total = server.db.count_events().await?;
    if total < PAGE as u64 {
        bail!("the team's log holds {total} events, fewer than a page of {PAGE}");
    }
    let runs = ((total / 50) as usize).clamp(20, PULL_RUNS);
    let span = total - PAGE as u64 + 1;
    let after = |i: usize| ((i as u64 * 7_919) % span) as i64;
    let (mut samples, mut raw_samples) = (Vec::with_capacity(runs), Vec::with_capacity(runs));
    let (mut page_events, mut raw_page_events) = (usize::MAX, usize::MAX);
    for i in 0..runs {
        let started = Instant::now();
        let page = client.pull(after(i), Some(PAGE as u32)).await?;
        samples.push(started.elapsed());
        page_events = page_events.min(page.events.len());
        let started = Instant::now();
        let rows = server.db.select_page(after(i), PAGE).await?;
        raw_samples.push(started.elapsed());
        raw_page_events = raw_page_events.min(rows);
    }
    let figures = PullFigures {
        runs,
        events_in_log: total,
        page_events,
        raw_page_events,
        p50_ms: percentile(&mut samples, 0.5),
        p99_ms: percentile(&mut samples, 0.99),
        raw_p50_ms: percentile(&mut raw_samples, 0.5),
        raw_p99_ms: percentile(&mut raw_samples, 0.99),
        ratio_to_raw: 0.0,
    };
    let figures = PullFigures { ratio_to_raw: figures.raw_p99_ms / figures.p99_ms, ..figures };
    say(&format!(
        "  pull of {PAGE} events: p50 {:.2} ms, p99 {:.2} ms; bare SELECT p50 {:.2} ms, p99 {:.2} ms",
        figures.p50_ms, figures.p99_ms, figures.raw_p50_ms, figures.raw_p99_ms
    ));
    Ok(figures)
}

/// A new desk on an empty folder joins the team and pulls all of it. Answers the figures and
/// the desk's token (for the pull figures, which read as a desk of the team).
async fn first_sync_figures(server: &Server, work: &Path, say: &impl Fn(&str)) -> Result<(FirstSyncFigures, String)> {
    let desk_dir = work.join("new-desk");
    let (ctx, token) = enrolled_desk(&desk_dir, &server.dir, &server.running.url(), Some("BEN")).await?;
    let transport = Timed::new(&server.running.url(), &token);
    let started = Instant::now();
    lotline_app::sync::sync_now(&ctx, &transport).await.map_err(api)?;
    let elapsed = started.elapsed();
    ctx.store.close().await;
    let server_events = server.db.count_events().await?;
    let desk_events = raw::desk_event_count(&desk_dir)?;
    let (raw_elapsed, raw_events) = raw::desk_insert(&desk_dir, &work.join("raw-desk")).await?;
    let rate = desk_events as f64 / elapsed.as_secs_f64();
    let figures = FirstSyncFigures {
        server_events,
        desk_events,
        seconds: elapsed.as_secs_f64(),
        events_per_s: rate,
        server_seconds: transport.waited.get().as_secs_f64(),
        extrapolated_1m_s: TARGET_EVENTS / rate,
        raw_events,
        raw_events_per_s: raw_events as f64 / raw_elapsed.as_secs_f64(),
        ratio_to_raw: raw_elapsed.as_secs_f64() / elapsed.as_secs_f64(),
    };
    say(&format!(
        "  first sync of a new desk: {desk_events} events in {:.1} s ({:.0} events/s, 1M in {:.0} s; waiting on the server {:.1} s), raw insert {:.0} events/s, ratio {:.2}",
        figures.seconds,
        rate,
        figures.extrapolated_1m_s,
        figures.server_seconds,
        figures.raw_events_per_s,
        figures.ratio_to_raw
    ));
    Ok((figures, token))
}

/// Every figure on one backend: the desk in `desk_dir` pushes into a new server, pages are
/// pulled from it, and a new desk syncs the whole team.
async fn backend_figures(
    work: &Path,
    desk_dir: &Path,
    urls: Option<(String, String)>,
    say: &impl Fn(&str),
) -> Result<BackendFigures> {
    let (url, raw_url) = urls.unzip();
    let server = start_server(work.join("server"), url).await?;
    let raw_target = ServerDb::empty_schema(&work.join("raw-server"), raw_url).await?;
    let push = push_figures(&server, desk_dir, raw_target, say).await?;
    let (first_sync, token) = first_sync_figures(&server, work, say).await?;
    let pull = pull_figures(&server, &token, say).await?;
    server.db.close().await;
    server.running.shutdown().await?;
    Ok(BackendFigures { push, pull, first_sync })
}

pub async fn sync_figures(events: usize, say: impl Fn(&str)) -> Result<SyncFigures> {
    if events < PAGE {
        bail!("--sync-events must be at least {PAGE}, a page");
    }
    let root = tempfile::tempdir().context("temporary folder")?;
    let desk = root.path().join("desk");
    seed_desk(&desk, events, &say).await?;
    // The same desk, before it joined any team, for the second backend.
    copy_dir(&desk, &root.path().join("desk-copy"))?;

    say("sync on SQLite:");
    let sqlite = backend_figures(&root.path().join("sqlite"), &desk, None, &say).await?;
    let postgres = match PgCluster::start().await {
        Ok(cluster) => {
            say("sync on PostgreSQL:");
            let urls = (cluster.create_database("bench_team").await?, cluster.create_database("bench_raw").await?);
            let work = root.path().join("postgres");
            let figures = backend_figures(&work, &root.path().join("desk-copy"), Some(urls), &say).await?;
            Backend::Measured(Box::new(figures))
        }
        // No PostgreSQL here, or it would not start: the SQLite figures still stand.
        Err(error) => Backend::Skipped { skipped: error.to_string() },
    };
    if let Backend::Skipped { skipped } = &postgres {
        say(&format!("sync on PostgreSQL skipped: {skipped}"));
    }
    Ok(SyncFigures { events, sqlite, postgres })
}
