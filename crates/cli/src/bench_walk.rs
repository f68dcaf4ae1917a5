//! The baselines of the traces and the recall scope: the same walk over a bare in-memory
//! adjacency list (the genealogy read into vectors by plain SELECTs), and a bare recursive CTE
//! over the same genealogy tables. Both return the lot set the act returns.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use rusqlite::Connection;

/// The genealogy as two adjacency lists, lot ids as SQLite numbers them.
pub struct Adjacency {
    forward: Vec<Vec<u32>>,
    backward: Vec<Vec<u32>>,
    codes: Vec<String>,
    ids: HashMap<String, u32>,
}

impl Adjacency {
    /// Reads lots and links from the desk's database; answers how long that took.
    pub fn load(db: &Path) -> Result<(Adjacency, Duration)> {
        let conn = Connection::open(db)?;
        let started = Instant::now();
        let newest: i64 = conn.query_row("SELECT COALESCE(MAX(lot_id), 0) FROM lots", [], |r| r.get(0))?;
        let size = newest as usize + 1;
        let mut adjacency = Adjacency {
            forward: vec![Vec::new(); size],
            backward: vec![Vec::new(); size],
            codes: vec![String::new(); size],
            ids: HashMap::with_capacity(size),
        };
        let mut lots = conn.prepare("SELECT lot_id, lot_code FROM lots")?;
        let mut rows = lots.query([])?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            let code: String = row.get(1)?;
            adjacency.ids.insert(code.clone(), id as u32);
            adjacency.codes[id as usize] = code;
        }
        let mut links = conn.prepare("SELECT from_id, to_id FROM lot_links")?;
        let mut rows = links.query([])?;
        while let Some(row) = rows.next()? {
            let (from, to): (i64, i64) = (row.get(0)?, row.get(1)?);
            adjacency.forward[from as usize].push(to as u32);
            adjacency.backward[to as usize].push(from as u32);
        }
        Ok((adjacency, started.elapsed()))
    }

    pub fn id(&self, code: &str) -> Result<u32> {
        self.ids.get(code).copied().with_context(|| format!("no lot {code}"))
    }

    /// Breadth first from `root`, the root excluded: what a trace reaches.
    pub fn walk(&self, root: u32, forward: bool) -> Vec<u32> {
        let edges = if forward { &self.forward } else { &self.backward };
        let mut seen = vec![false; edges.len()];
        seen[root as usize] = true;
        let mut reached = vec![root];
        let mut next = 0;
        while next < reached.len() {
            for &other in &edges[reached[next] as usize] {
                if !seen[other as usize] {
                    seen[other as usize] = true;
                    reached.push(other);
                }
            }
            next += 1;
        }
        reached.remove(0);
        reached
    }

    pub fn codes(&self, lots: &[u32]) -> BTreeSet<String> {
        lots.iter().map(|id| self.codes[*id as usize].clone()).collect()
    }
}

/// Everything reachable from `root` by a recursive CTE, the root excluded.
pub fn cte(conn: &Connection, root: &str, forward: bool) -> Result<BTreeSet<String>> {
    let (from, to) = if forward { ("from_id", "to_id") } else { ("to_id", "from_id") };
    let sql = format!(
        "WITH RECURSIVE reach (lot_id) AS (SELECT lot_id FROM lots WHERE lot_code = ?1 \
           UNION SELECT k.{to} FROM lot_links k JOIN reach r ON k.{from} = r.lot_id) \
         SELECT l.lot_code FROM reach r JOIN lots l ON l.lot_id = r.lot_id WHERE l.lot_code <> ?1"
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let codes = statement.query_map([root], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(codes)
}

/// A connection to the desk's database with the store's read pragmas.
pub fn reader(db: &Path) -> Result<Connection> {
    let conn = Connection::open(db)?;
    conn.execute_batch("PRAGMA cache_size = -65536; PRAGMA mmap_size = 1073741824; PRAGMA temp_store = memory;")?;
    Ok(conn)
}
