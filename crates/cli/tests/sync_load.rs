//! A bounded load test on loopback: 20 desks push and pull at once for a minute against a real
//! `lotline server` (on SQLite, and on PostgreSQL), one of them killed in the middle of a sync
//! and started again. Afterwards nothing is lost or doubled, every desk holds the server's log at
//! the server's places, and all hold the same rows. The throughput and the slowest syncs are
//! printed (`-- --nocapture`), never asserted: speed belongs to `lotline bench`.
//! `LOTLINE_LOAD_SECONDS` runs it longer or shorter than 60 seconds.
//!
//! Nineteen desks run in this process through `lotline_app::sync` and the real HTTP client; the
//! twentieth is the `lotline` binary, so that it can be killed.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;
// Shared with the fault tests, which use all of them.
#[allow(dead_code)]
#[path = "sync_faults/desks.rs"]
mod desks;
#[allow(dead_code)]
#[path = "sync_faults/logs.rs"]
mod logs;
// The server's own test cluster; the load needs only part of it.
#[allow(dead_code)]
#[path = "../../server/tests/support/postgres.rs"]
mod postgres;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::ok;
use common::team::{Server, ServerOptions, check, enroll_code, json};
use desks::{kill_when_paused, spawn_sync, write_acts};
use logs::{DeskLog, ServerLog};
use lotline_app::{Ctx, call};
use serde_json::json;

/// Desks in this process; one more runs as a process.
const DESKS: usize = 19;
/// Acts (customers) each desk writes before each of its syncs.
const ACTS: usize = 10;

/// How long the desks write and sync: a minute unless `LOTLINE_LOAD_SECONDS` says otherwise.
fn load_time() -> Duration {
    let seconds = std::env::var("LOTLINE_LOAD_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
    Duration::from_secs(seconds)
}
const PASSWORD: &str = "cli-password-1";

async fn sign_in(ctx: &Ctx) {
    call(ctx, "sign_in", json!({ "username": "admin", "password": PASSWORD })).await.expect("admin signs in");
}

/// The team's first desk, set up and enrolled in this process.
async fn home_desk(root: &Path, server_dir: &Path, url: &str) -> (PathBuf, Ctx) {
    let dir = root.join("desk-00");
    let ctx = lotline_app::open(&dir).await.unwrap();
    let setup = json!({
        "company_name": "Load BV", "site_code": "AMS1", "currency": "EUR", "language": "en",
        "admin_username": "admin", "admin_display_name": "Admin", "admin_password": PASSWORD, "load_demo": false,
    });
    call(&ctx, "complete_setup", setup).await.unwrap();
    sign_in(&ctx).await;
    let code = lotline_server::issue_enroll_code(server_dir).await.unwrap().code;
    lotline_app::sync::enroll(&ctx, url, &code, None).await.unwrap();
    lotline_app::sync::sync_with_team(&ctx).await.unwrap();
    (dir, ctx)
}

/// A new desk that joins, receives the team's data and has the administrator sign in through it.
async fn joining_desk(root: &Path, n: usize, server_dir: &Path, url: &str) -> (PathBuf, Ctx) {
    let dir = root.join(format!("desk-{n:02}"));
    let ctx = lotline_app::open(&dir).await.unwrap();
    let code = lotline_server::issue_enroll_code(server_dir).await.unwrap().code;
    lotline_app::sync::enroll(&ctx, url, &code, Some("AMS1")).await.unwrap();
    lotline_app::sync::sync_with_team(&ctx).await.unwrap();
    sign_in(&ctx).await;
    (dir, ctx)
}

async fn write_customers(ctx: &Ctx, desk: usize, round: usize) {
    for act in 0..ACTS {
        let code = format!("L{desk:02}-{round}-{act}");
        let input = json!({ "code": code, "name": format!("Klant {code}"), "country": "NL" });
        call(ctx, "save_customer", input).await.expect("a customer is saved");
    }
}

/// What one desk did in the load: its rounds of writing and syncing, the time of each sync and
/// the events it pushed.
#[derive(Default)]
struct Load {
    rounds: usize,
    syncs: Vec<Duration>,
    pushed: i64,
    pulled: i64,
}

async fn run_desk(ctx: Ctx, desk: usize, until: Instant) -> Load {
    let mut load = Load::default();
    for round in 0.. {
        if Instant::now() >= until {
            break;
        }
        load.rounds += 1;
        write_customers(&ctx, desk, round).await;
        let started = Instant::now();
        let report = lotline_app::sync::sync_with_team(&ctx).await.expect("the sync goes through");
        load.syncs.push(started.elapsed());
        assert!(report.rejected.is_empty(), "desk {desk}: {:?}", report.rejected);
        load.pushed += report.pushed;
        load.pulled += report.pulled;
    }
    load
}

/// The desk that runs as `lotline sync` processes: killed once, halfway through the load, while
/// it applies a pulled page (inside its write transaction, after its push), then started again.
fn run_process_desk(dir: &Path, halfway: Instant, until: Instant) -> Load {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let mut load = Load::default();
    let mut killed = false;
    for round in 0.. {
        if Instant::now() >= until {
            break;
        }
        load.rounds += 1;
        let sizes = vec![1; ACTS];
        runtime.block_on(write_acts(dir, &sizes, &format!("P{round}")));
        let started = Instant::now();
        if !killed && started >= halfway {
            killed = true;
            kill_when_paused(spawn_sync(dir, Some("apply_pulled_before_commit:1")), "apply_pulled_before_commit");
            eprintln!("load: the process desk was killed inside its sync in round {round}; it starts again");
            continue;
        }
        let out = spawn_sync(dir, None).wait_with_output().unwrap();
        assert!(out.status.success(), "lotline sync: {}", String::from_utf8_lossy(&out.stderr));
        load.syncs.push(started.elapsed());
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(report["rejected"], json!([]), "{report}");
        load.pushed += report["pushed"].as_i64().unwrap();
        load.pulled += report["pulled"].as_i64().unwrap();
    }
    load
}

async fn customers_on_server(server_dir: &Path, database_url: Option<&str>) -> i64 {
    sqlx::any::install_default_drivers();
    let url = match database_url {
        Some(url) => url.to_owned(),
        None => format!("sqlite://{}?mode=ro", server_dir.join("server.db").display()),
    };
    let pool = sqlx::AnyPool::connect(&url).await.unwrap();
    let n =
        sqlx::query_scalar("SELECT COUNT(*) FROM events WHERE kind = 'customer_saved'").fetch_one(&pool).await.unwrap();
    pool.close().await;
    n
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_desks_on_sqlite_push_and_pull_at_once_and_one_killed_loses_nothing() {
    twenty_desks_at_once(None).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_desks_on_postgres_push_and_pull_at_once_and_one_killed_loses_nothing() {
    let Some(postgres) = postgres::Postgres::start().await else { return };
    let url = postgres.create_database("load").await;
    twenty_desks_at_once(Some(&url)).await;
}

async fn twenty_desks_at_once(database_url: Option<&str>) {
    let root = tempfile::tempdir().unwrap();
    let server_dir = root.path().join("server");
    let server = Server::start_with(&server_dir, ServerOptions { database_url, ..ServerOptions::default() });
    let set_up = Instant::now();
    let mut desks = vec![home_desk(root.path(), &server_dir, &server.url).await];
    for n in 1..DESKS {
        desks.push(joining_desk(root.path(), n, &server_dir, &server.url).await);
    }
    let process_desk = root.path().join("desk-proc");
    ok(
        &process_desk,
        &["sync", "enroll", "--server", &server.url, "--code", &enroll_code(&server_dir), "--site", "AMS1"],
    );
    ok(&process_desk, &["--user", "admin", "sync", "status"]);
    eprintln!("load: {} desks set up in {:.1?}", DESKS + 1, set_up.elapsed());

    let started = Instant::now();
    let until = started + load_time();
    let halfway = started + load_time() / 2;
    let tasks: Vec<_> =
        desks.iter().enumerate().map(|(n, (_, ctx))| tokio::spawn(run_desk(ctx.clone(), n, until))).collect();
    let process = {
        let dir = process_desk.clone();
        std::thread::spawn(move || run_process_desk(&dir, halfway, until))
    };
    let mut loads = Vec::new();
    for task in tasks {
        loads.push(task.await.expect("a desk's load ran"));
    }
    let process_load =
        tokio::task::spawn_blocking(move || process.join().expect("the process desk ran")).await.unwrap();
    let took = started.elapsed();

    // The desk killed in the middle, and every other, syncs once more: then all have everything.
    json(&process_desk, &["sync", "--json"]);
    for (_, ctx) in &desks {
        lotline_app::sync::sync_with_team(ctx).await.unwrap();
    }
    let log = ServerLog::read(&server_dir, database_url).await;
    log.assert_whole();
    let rounds = loads.iter().map(|l| l.rounds).sum::<usize>() + process_load.rounds;
    let written = rounds * ACTS;
    assert_eq!(
        customers_on_server(&server_dir, database_url).await,
        written as i64,
        "every act the desks wrote is on the server once"
    );

    let mut all: Vec<PathBuf> = desks.iter().map(|(dir, _)| dir.clone()).collect();
    all.push(process_desk.clone());
    for dir in &all {
        let desk = DeskLog::read(dir);
        assert_eq!(log.of_desk(&desk.desk_id), desk.own(), "{}: each of its events once on the server", dir.display());
        desk.assert_holds_exactly(&log);
    }
    for (_, ctx) in &desks {
        ctx.store.close().await;
    }
    let customers = |dir: &Path| common::team::count(dir, "SELECT COUNT(*) FROM customers");
    let home = customers(&all[0]);
    assert_eq!(home, written as i64, "every customer once");
    let fingerprint = |dir: PathBuf| async move {
        let store = lotline_store::Store::open(&dir).await.unwrap();
        let prints = lotline_store::fingerprints(&store).await.unwrap();
        store.close().await;
        prints
    };
    let reference = fingerprint(all[0].clone()).await;
    for dir in &all {
        assert!(check(dir).await.ok(), "{}: lotline check", dir.display());
        assert_eq!(fingerprint(dir.clone()).await, reference, "{}: the same rows as the first desk", dir.display());
    }

    let mut syncs: Vec<Duration> = loads.iter().flat_map(|l| l.syncs.iter().copied()).collect();
    syncs.sort();
    let pushed: i64 = loads.iter().map(|l| l.pushed).sum::<i64>() + process_load.pushed;
    let pulled: i64 = loads.iter().map(|l| l.pulled).sum::<i64>() + process_load.pulled;
    let seconds = took.as_secs_f64();
    eprintln!(
        "load ({}): {} desks, {rounds} rounds in {took:.1?}: {pushed} events pushed ({:.0}/s), {pulled} pulled ({:.0}/s), \
         {} syncs ({:.1}/s)",
        if database_url.is_some() { "PostgreSQL" } else { "SQLite" },
        DESKS + 1,
        pushed as f64 / seconds,
        pulled as f64 / seconds,
        syncs.len() + process_load.syncs.len(),
        (syncs.len() + process_load.syncs.len()) as f64 / seconds,
    );
    let mut process_syncs = process_load.syncs.clone();
    process_syncs.sort();
    eprintln!(
        "load: a sync in this process took p50 {:.1?}, p99 {:.1?}, max {:.1?}; the process desk's (with its start) \
         p50 {:.1?}, max {:.1?}",
        percentile(&syncs, 0.5),
        percentile(&syncs, 0.99),
        syncs.last().copied().unwrap_or_default(),
        percentile(&process_syncs, 0.5),
        process_syncs.last().copied().unwrap_or_default(),
    );
    drop(server);
}
