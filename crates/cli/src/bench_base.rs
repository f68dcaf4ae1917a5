//! What every figure of `lotline bench` stands beside: a baseline measured in the same run on
//! the same data, the ratio between them, the target that ratio has (issue 24), and whether the
//! baseline returned the same result as the figure. Also the file system the database is on:
//! an fsync on tmpfs is free, so a committed insert there says little about a disk.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Result;
use lotline_app::Ctx;
use serde::Serialize;
use serde_json::Value;

use crate::bench::{must_json, percentile};

/// A figure's baseline and how the two compare.
#[derive(Serialize, Clone)]
pub struct Baseline {
    /// What the baseline did.
    pub what: &'static str,
    /// Which measure is compared ("p99_ms", "p95_ms", "seconds", "rows_per_s").
    pub measure: &'static str,
    pub figure: f64,
    pub baseline: f64,
    /// For times, the figure's over the baseline's (how many times as long); for speeds, the
    /// figure's over the baseline's (what share of its speed).
    pub ratio: f64,
    /// The target: a time ratio at most this, or a speed ratio at least this.
    pub target_at_most: Option<f64>,
    pub target_at_least: Option<f64>,
    pub met: Option<bool>,
    /// The baseline returned what the figure returned (the same lots, rows, numbers, drawing).
    pub same_result: bool,
}

impl Baseline {
    /// A time beside a baseline time, at most `at_most` times as long when a target is set.
    pub fn time(what: &'static str, measure: &'static str, figure: f64, baseline: f64, at_most: Option<f64>) -> Self {
        let ratio = figure / baseline.max(1e-9);
        Baseline {
            what,
            measure,
            figure,
            baseline,
            ratio,
            target_at_most: at_most,
            target_at_least: None,
            met: at_most.map(|limit| ratio <= limit),
            same_result: false,
        }
    }

    /// A speed beside a baseline speed, at least `at_least` of it when a target is set.
    pub fn speed(what: &'static str, figure: f64, baseline: f64, at_least: Option<f64>) -> Self {
        let ratio = figure / baseline.max(1e-9);
        Baseline {
            what,
            measure: "rows_per_s",
            figure,
            baseline,
            ratio,
            target_at_most: None,
            target_at_least: at_least,
            met: at_least.map(|limit| ratio >= limit),
            same_result: false,
        }
    }

    pub fn same(self, same_result: bool) -> Self {
        Baseline { same_result, ..self }
    }

    /// "baseline 0.41 ms, ratio 3.20 (target ≤ 5: met)".
    pub fn describe(&self) -> String {
        let target = match (self.target_at_most, self.target_at_least, self.met) {
            (Some(limit), _, Some(met)) => format!(" (target ≤ {limit}: {})", if met { "met" } else { "MISSED" }),
            (_, Some(limit), Some(met)) => format!(" (target ≥ {limit}: {})", if met { "met" } else { "MISSED" }),
            _ => String::new(),
        };
        let same = if self.same_result { "" } else { "; NOT THE SAME RESULT" };
        format!(
            "{}: {:.3} vs {:.3} {}, ratio {:.2}{target}{same}",
            self.what, self.figure, self.baseline, self.measure, self.ratio
        )
    }
}

/// An interactive act's latency beside the same number of bare committed inserts.
#[derive(Serialize)]
pub struct Latency {
    pub runs: usize,
    pub events_in_db: i64,
    pub rows_in_db: i64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub baseline_p50_ms: f64,
    pub baseline_p99_ms: f64,
    pub compared: Baseline,
}

impl Latency {
    /// From the act's samples and its baseline's, comparing p99s.
    pub fn new(
        mut samples: Vec<Duration>,
        mut baseline: Vec<Duration>,
        (events_in_db, rows_in_db): (i64, i64),
        what: &'static str,
        at_most: Option<f64>,
        same_result: bool,
    ) -> Latency {
        let p99_ms = percentile(&mut samples, 0.99);
        let baseline_p99_ms = percentile(&mut baseline, 0.99);
        Latency {
            runs: samples.len(),
            events_in_db,
            rows_in_db,
            p50_ms: percentile(&mut samples, 0.5),
            p99_ms,
            baseline_p50_ms: percentile(&mut baseline, 0.5),
            baseline_p99_ms,
            compared: Baseline::time(what, "p99_ms", p99_ms, baseline_p99_ms, at_most).same(same_result),
        }
    }

    pub fn line(&self, name: &str) -> String {
        format!("{name}: p50 {:.2} ms, p99 {:.2} ms; {}", self.p50_ms, self.p99_ms, self.compared.describe())
    }
}

/// The interactive acts' target: p99 at most five committed inserts.
pub const ACT_TARGET: f64 = 5.0;
pub const COMMITTED_INSERT: &str = "one single-row INSERT committed on the same pool (WAL, synchronous FULL)";

/// One row into a table of its own, in a write transaction of the store's pool: the same
/// database file, pragmas and durability as every act's write, and nothing else.
pub struct CommittedInsert {
    next: i64,
}

impl CommittedInsert {
    pub async fn new(ctx: &Ctx) -> Result<CommittedInsert> {
        sqlx::query("CREATE TABLE IF NOT EXISTS bench_committed_insert (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
            .execute(ctx.store.pool())
            .await?;
        let next: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM bench_committed_insert")
            .fetch_one(ctx.store.pool())
            .await?;
        Ok(CommittedInsert { next })
    }

    pub async fn once(&mut self, ctx: &Ctx) -> Result<Duration> {
        // About an event's size: what a one-event act appends.
        let body = format!("{{\"kind\":\"bench\",\"n\":{},\"text\":\"{}\"}}", self.next, "x".repeat(300));
        let started = Instant::now();
        let mut tx = ctx.store.begin_write().await?;
        sqlx::query("INSERT INTO bench_committed_insert (id, body) VALUES (?, ?)")
            .bind(self.next)
            .bind(body)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.next += 1;
        Ok(started.elapsed())
    }

    /// Rows the inserts left: one per insert timed, so each did write and commit.
    pub async fn rows(ctx: &Ctx) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM bench_committed_insert").fetch_one(ctx.store.pool()).await?)
    }
}

/// `runs` calls of `act`, each followed by one committed insert: both see the same database at
/// the same moment, so a checkpoint or a busy disk falls on both alike.
pub async fn act_vs_insert(
    ctx: &Ctx,
    runs: usize,
    act: &str,
    input: impl Fn(usize) -> Value,
    (events, rows): (i64, i64),
) -> Result<Latency> {
    let mut insert = CommittedInsert::new(ctx).await?;
    let before = CommittedInsert::rows(ctx).await?;
    let (mut samples, mut baseline) = (Vec::with_capacity(runs), Vec::with_capacity(runs));
    for i in 0..runs {
        let input = input(i);
        let started = Instant::now();
        must_json(ctx, act, input).await?;
        samples.push(started.elapsed());
        baseline.push(insert.once(ctx).await?);
    }
    let same = CommittedInsert::rows(ctx).await? - before == runs as i64;
    Ok(Latency::new(samples, baseline, (events, rows), COMMITTED_INSERT, Some(ACT_TARGET), same))
}

/// The file system holding `path`, as the kernel has it mounted.
#[derive(Serialize, Clone, Debug)]
pub struct FileSystem {
    /// "ext4", "tmpfs", "overlay", … or "unknown" where it cannot be read.
    pub kind: String,
    pub mount_point: String,
}

/// Reads /proc/self/mountinfo (Linux): the mount whose point is the longest prefix of `path`.
pub fn file_system(path: &Path) -> FileSystem {
    let unknown = FileSystem { kind: "unknown".into(), mount_point: String::new() };
    let Ok(path) = path.canonicalize() else { return unknown };
    let Ok(table) = std::fs::read_to_string("/proc/self/mountinfo") else { return unknown };
    let mut best: Option<FileSystem> = None;
    for line in table.lines() {
        // "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw": the mount point is
        // the fifth field, the type the first after the " - ".
        let Some((head, tail)) = line.split_once(" - ") else { continue };
        let Some(point) = head.split(' ').nth(4) else { continue };
        let Some(kind) = tail.split(' ').next() else { continue };
        let point = point.replace("\\040", " ");
        if !path.starts_with(&point) {
            continue;
        }
        // Later lines are mounted over earlier ones at the same point.
        if best.as_ref().is_none_or(|b| point.len() >= b.mount_point.len()) {
            best = Some(FileSystem { kind: kind.to_owned(), mount_point: point });
        }
    }
    best.unwrap_or(unknown)
}

/// Every figure in a report (an object with `compared`, and `compared_cte` beside a second
/// baseline), by its path, for the closing table.
pub fn figures(value: &Value, path: &str, out: &mut Vec<(String, Value)>) {
    let Value::Object(map) = value else { return };
    for (key, compared) in map.iter().filter(|(key, _)| key.starts_with("compared")) {
        // "compared_cte": the same figure beside its second baseline.
        let second = key.strip_prefix("compared_").map_or(String::new(), |name| format!(" ({name})"));
        out.push((format!("{path}{second}"), compared.clone()));
    }
    for (key, child) in map {
        if !key.starts_with("compared") {
            let path = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
            figures(child, &path, out);
        }
    }
}

/// The closing table of the human report: each figure, its baseline, the ratio and the target.
pub fn summary(report: &Value) -> String {
    let mut rows = Vec::new();
    figures(report, "", &mut rows);
    let mut lines = vec![format!(
        "{:<40} {:>11} {:>11} {:>8} {:>9} {:>7} {:>5}",
        "figure", "time/speed", "baseline", "ratio", "target", "met", "same"
    )];
    for (path, c) in rows {
        let n = |key: &str| c[key].as_f64().unwrap_or(f64::NAN);
        let target = match (c["target_at_most"].as_f64(), c["target_at_least"].as_f64()) {
            (Some(limit), _) => format!("≤ {limit}"),
            (_, Some(limit)) => format!("≥ {limit}"),
            _ => "—".to_owned(),
        };
        let met = match c["met"].as_bool() {
            Some(true) => "yes",
            Some(false) => "NO",
            None => "—",
        };
        lines.push(format!(
            "{:<40} {:>11.3} {:>11.3} {:>8.2} {:>9} {:>7} {:>5}",
            path,
            n("figure"),
            n("baseline"),
            n("ratio"),
            target,
            met,
            if c["same_result"].as_bool() == Some(true) { "yes" } else { "NO" }
        ));
    }
    lines.join("\n")
}
