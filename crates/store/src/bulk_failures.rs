//! Failures logged in a run (an import, a pulled page, a rebuild), written through SQLite's own
//! connection (see `bulk`): five statements an event through sqlx's worker were most of a
//! team's first sync. The rows, their full-text entries and the index's merge work are those
//! the one-event path writes, in the same order.

use lotline_domain::failure::{Disposition, FailureStatus, WHOLE_LINE, line_entry_status};
use rusqlite::Connection;

use crate::log::StoredEvent;
use crate::project::{FTS_MERGE_PAGES, json, lot_key, name, number_part, severity_rank};

pub(crate) fn logged(db: &Connection, run: &[StoredEvent]) -> rusqlite::Result<()> {
    let mut insert = db.prepare(
        "INSERT INTO failures (failure_no, seq_no, occurred_at, sku, vendor_code, lot_code, stage, qty_inspected, qty_failed, category_code, severity, severity_rank, description, owner_team, inspector_id, disposition, status, record, reinspection_of, reaction, notify_quality) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?;
    let mut unindex = db.prepare("DELETE FROM failures_fts WHERE rowid = ?")?;
    let mut index = db.prepare(
        "INSERT INTO failures_fts (rowid, failure_no, sku, vendor_code, lot_code, description, category_code) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )?;
    // The single disposition chosen at logging is the failure's whole line (migration 0036).
    let mut whole = db.prepare(
        "INSERT INTO failure_disposition_lines (failure_no, line_id, position, disposition, qty, status, added_at, added_by, whole) VALUES (?, ?, 0, ?, ?, ?, ?, ?, 1)",
    )?;
    let mut logged = 0;
    for stored in run {
        let lotline_domain::Event::FailureLogged {
            failure_no,
            occurred_at,
            inspector_id,
            record,
            disposition,
            reinspection_of,
            reaction,
        } = &stored.event
        else {
            continue;
        };
        let status = disposition.map_or(FailureStatus::Open, Disposition::entry_status);
        insert.execute(rusqlite::params![
            failure_no,
            number_part(failure_no),
            occurred_at,
            record.sku,
            record.vendor_code,
            lot_key(&record.lot_code),
            name(&record.stage),
            record.qty_inspected,
            record.qty_failed,
            record.category_code,
            name(&record.severity),
            severity_rank(record.severity),
            record.description,
            name(&record.owner_team),
            inspector_id,
            disposition.map(|d| d.as_str()),
            name(&status),
            json(record),
            reinspection_of,
            reaction.as_ref().map(json),
            reaction.as_ref().is_some_and(|r| r.notify),
        ])?;
        let rowid = db.last_insert_rowid();
        if let Some(d) = disposition {
            whole.execute(rusqlite::params![
                failure_no,
                WHOLE_LINE,
                d.as_str(),
                record.qty_failed,
                name(&line_entry_status(*d)),
                stored.occurred_at,
                stored.actor_id,
            ])?;
        }
        unindex.execute([rowid])?;
        index.execute(rusqlite::params![
            rowid,
            failure_no,
            record.sku,
            record.vendor_code,
            lot_key(&record.lot_code),
            record.description,
            record.category_code,
        ])?;
        logged += 1;
    }
    // Automatic merging is off (migration 0002): the run merges as many pages as its writes
    // would have one by one.
    if logged > 0 {
        db.execute("INSERT INTO failures_fts (failures_fts, rank) VALUES ('merge', ?)", [FTS_MERGE_PAGES * logged])?;
    }
    Ok(())
}
