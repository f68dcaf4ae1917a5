//! The review's failure counts from one pass over the two periods' range of the covering index:
//! the cells its reasons, vendors and rework counts are read from, and the SKUs listed. Two
//! grouped statements (one per grouping) read the range twice and sorted every failure twice in
//! temporary b-trees; summing in memory while reading once costs a third of that, and the SKUs'
//! and vendors' names are looked up only for the groups found.

use std::collections::HashMap;

use rusqlite::Connection;
use sqlx::SqliteConnection;

use super::review::{FailureCell, FailureCounts, FailureGroupRow, Span};
use crate::StoreError;
use crate::bulk::with_raw;

/// What the review reads of the periods' failures (re-inspections left out, as counted once).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailureScan {
    /// Per category, vendor, whether it went to rework and which period.
    pub cells: Vec<FailureCell>,
    /// The `limit` SKUs with the most failures now (then the most before, then by SKU).
    pub skus: Vec<FailureGroupRow>,
    /// How many SKUs had failures now.
    pub skus_with_failures: i64,
}

fn add(to: &mut FailureCounts, qty_failed: i64, qty_inspected: i64) {
    to.failures += 1;
    to.qty_failed += qty_failed;
    to.qty_inspected += qty_inspected;
}

/// The number `text` has in `names`, given it on first sight: rows carry a few categories and
/// vendors, so cells are keyed by numbers instead of copied texts.
fn number_of(names: &mut HashMap<String, usize>, text: &str) -> usize {
    if let Some(n) = names.get(text) {
        return *n;
    }
    let n = names.len();
    names.insert(text.to_owned(), n);
    n
}

/// The name column of `table` for each key in `keys`.
fn names_of(db: &Connection, sql: &str, keys: &[&str]) -> rusqlite::Result<HashMap<String, Option<String>>> {
    let list = serde_json::to_string(keys).unwrap_or_default();
    let mut statement = db.prepare_cached(sql)?;
    let rows = statement.query_map([&list], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?)))?;
    rows.collect()
}

type CellKey = (usize, usize, bool, bool);

fn scan(db: &Connection, before: &Span, now: &Span, limit: i64) -> rusqlite::Result<FailureScan> {
    let mut statement = db.prepare_cached(
        "SELECT category_code, vendor_code, sku, COALESCE(disposition = 'rework', 0), occurred_at >= ?3, qty_failed, \
         qty_inspected FROM failures WHERE occurred_at >= ?1 AND occurred_at < ?2 AND reinspection_of IS NULL",
    )?;
    let (mut categories, mut vendors) = (HashMap::new(), HashMap::new());
    let mut cells: HashMap<CellKey, FailureCounts> = HashMap::new();
    let mut skus: HashMap<String, (FailureCounts, FailureCounts)> = HashMap::new();
    let mut rows = statement.query([&before.start, &now.end, &now.start])?;
    while let Some(row) = rows.next()? {
        let (qty_failed, qty_inspected): (i64, i64) = (row.get(5)?, row.get(6)?);
        let current: bool = row.get(4)?;
        let category = number_of(&mut categories, row.get_ref(0)?.as_str()?);
        let vendor = number_of(&mut vendors, row.get_ref(1)?.as_str()?);
        let key = (category, vendor, row.get(3)?, current);
        add(cells.entry(key).or_default(), qty_failed, qty_inspected);
        // Looked up by the borrowed text: a SKU is copied once, when first seen.
        let sku = row.get_ref(2)?.as_str()?;
        if !skus.contains_key(sku) {
            skus.insert(sku.to_owned(), Default::default());
        }
        if let Some((current_counts, previous_counts)) = skus.get_mut(sku) {
            add(if current { current_counts } else { previous_counts }, qty_failed, qty_inspected);
        }
    }
    drop(rows);
    let codes = |names: &HashMap<String, usize>| {
        let mut codes = vec![String::new(); names.len()];
        for (text, n) in names {
            codes[*n].clone_from(text);
        }
        codes
    };
    let (categories, vendors) = (codes(&categories), codes(&vendors));
    let vendor_codes: Vec<&str> = vendors.iter().map(String::as_str).collect();
    let vendor_names =
        names_of(db, "SELECT code, name FROM vendors WHERE code IN (SELECT value FROM json_each(?1))", &vendor_codes)?;
    let cells = cells
        .into_iter()
        .map(|((category, vendor, rework, current), counts)| FailureCell {
            category: categories[category].clone(),
            vendor_code: vendors[vendor].clone(),
            vendor_name: vendor_names.get(&vendors[vendor]).cloned().flatten(),
            rework,
            current,
            counts,
        })
        .collect();
    let skus_with_failures = skus.values().filter(|(now, _)| now.failures > 0).count();
    let mut listed: Vec<(String, (FailureCounts, FailureCounts))> = skus.into_iter().collect();
    listed.sort_unstable_by(|(a, (a_now, a_before)), (b, (b_now, b_before))| {
        (b_now.failures, b_before.failures).cmp(&(a_now.failures, a_before.failures)).then_with(|| a.cmp(b))
    });
    listed.truncate(usize::try_from(limit).unwrap_or(0));
    let listed_codes: Vec<&str> = listed.iter().map(|(sku, _)| sku.as_str()).collect();
    let sku_names =
        names_of(db, "SELECT sku, name FROM products WHERE sku IN (SELECT value FROM json_each(?1))", &listed_codes)?;
    let skus = listed
        .into_iter()
        .map(|(code, (current, previous))| FailureGroupRow {
            name: sku_names.get(&code).cloned().flatten(),
            code,
            current,
            previous,
        })
        .collect();
    Ok(FailureScan { cells, skus, skus_with_failures: i64::try_from(skus_with_failures).unwrap_or(i64::MAX) })
}

/// The periods' failures counted in one pass: `before` and `now` follow each other.
pub async fn failure_scan(
    conn: &mut SqliteConnection,
    before: &Span,
    now: &Span,
    limit: i64,
) -> Result<FailureScan, StoreError> {
    with_raw(conn, |db| scan(db, before, now, limit)).await
}
