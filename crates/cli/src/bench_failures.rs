//! The failures import of `lotline bench`: the seeding of the log is itself timed, beside the
//! same failures stored by a raw multi-row insert in the same run.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Result;
use serde::Serialize;

use crate::bench_base::Baseline;

const RAW_FAILURES: &str = "the same failures by multi-row INSERTs into one bare table in one transaction \
     (rusqlite, WAL, synchronous FULL; no search index, no log)";

#[derive(Serialize)]
pub struct FailureImport {
    rows: usize,
    /// The files' rows through `import_csv`, each checked by the form's rules.
    seconds: f64,
    rows_per_s: f64,
    raw_rows_per_s: f64,
    pub compared: Baseline,
}

impl FailureImport {
    /// `stored`: the failures the desk holds after the import.
    pub fn new(rows: usize, ours: Duration, raw: (Duration, usize), stored: usize) -> FailureImport {
        let (rows_per_s, raw_rows_per_s) = (rows as f64 / ours.as_secs_f64(), raw.1 as f64 / raw.0.as_secs_f64());
        FailureImport {
            rows,
            seconds: ours.as_secs_f64(),
            rows_per_s,
            raw_rows_per_s,
            compared: Baseline::speed(RAW_FAILURES, rows_per_s, raw_rows_per_s, None)
                .same(stored == rows && raw.1 == rows),
        }
    }
}

/// The rows of `csv` (the bench's failures files, header first) into a bare table, numbered as
/// the desk numbers them; answers the time and the rows the table then holds.
pub fn raw_insert(path: &Path, csv: &str, site: &str) -> Result<(Duration, usize)> {
    let mut conn = rusqlite::Connection::open(path)?;
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
         CREATE TABLE failures (failure_no TEXT PRIMARY KEY, occurred_at TEXT NOT NULL, sku TEXT NOT NULL,
           vendor_code TEXT NOT NULL, stage TEXT NOT NULL, qty_inspected INTEGER NOT NULL, qty_failed INTEGER NOT NULL,
           category_code TEXT NOT NULL, severity TEXT NOT NULL, description TEXT NOT NULL, owner_team TEXT NOT NULL);",
    )?;
    let records: Vec<Vec<&str>> = csv.lines().skip(1).map(|l| l.split(',').collect()).collect();
    let started = Instant::now();
    let tx = conn.transaction()?;
    let row = "(?,'2026-11-02T10:00:00.000Z',?,?,?,?,?,?,?,?,?)";
    let mut number = 0;
    for chunk in records.chunks(500) {
        let sql = format!("INSERT INTO failures VALUES {}", vec![row; chunk.len()].join(","));
        let mut statement = tx.prepare_cached(&sql)?;
        let mut values: Vec<rusqlite::types::Value> = Vec::with_capacity(chunk.len() * 10);
        for record in chunk {
            number += 1;
            values.push(format!("QF-{site}-{number:06}").into());
            values.extend((0..9).map(|i| record.get(i).copied().unwrap_or("").to_owned().into()));
        }
        statement.execute(rusqlite::params_from_iter(values))?;
    }
    tx.commit()?;
    let elapsed = started.elapsed();
    let stored: i64 = conn.query_row("SELECT COUNT(*) FROM failures", [], |r| r.get(0))?;
    Ok((elapsed, stored as usize))
}
