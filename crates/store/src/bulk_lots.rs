//! Lot projections for runs of events: receipts, links and shipments, written through SQLite's own
//! connection (see `bulk`), because an import of a million lots and two million links is a speed
//! target. Every movement is also a stock delta in `stock_moves`, and `lots.on_hand` is their sum.

use lotline_domain::lots::{LotLink, LotReceipt, LotShipment, SerialRecord};
use std::collections::HashMap;

use rusqlite::Connection;

use crate::bulk::MultiRow;
use crate::lot_touches::{touch_existing, touch_ids};
use crate::project_recalls::emptied_sql;

/// A row of a lot event with what its stock delta is keyed by: the event's time and id, and the
/// row's place in the event.
pub(crate) struct Placed<'a, R> {
    pub(crate) row: &'a R,
    pub(crate) at: &'a str,
    pub(crate) event_id: &'a str,
    pub(crate) idx: usize,
}

const LOTS: MultiRow = MultiRow {
    head: "INSERT INTO lots (lot_code, sku, vendor_code, supplier_lot, qty, unit, mfg_date, expiry_date, location, on_hand, received_at, promised_on)",
    width: 12,
    // A lot first known from a QC failure's hold keeps its id and its hold.
    tail: "ON CONFLICT (lot_code) DO UPDATE SET sku = excluded.sku, vendor_code = excluded.vendor_code, supplier_lot = excluded.supplier_lot, qty = excluded.qty, unit = excluded.unit, mfg_date = excluded.mfg_date, expiry_date = excluded.expiry_date, location = excluded.location, on_hand = lots.on_hand + excluded.on_hand, received_at = excluded.received_at, promised_on = excluded.promised_on",
};

const MOVES: MultiRow = MultiRow {
    head: "INSERT INTO stock_moves (event_id, idx, sku, lot_code, location, qty_delta, cause, ref_no, at)",
    width: 9,
    tail: "",
};

pub(crate) fn received(db: &Connection, rows: &[Placed<'_, LotReceipt>]) -> rusqlite::Result<()> {
    let codes: Vec<&str> = rows.iter().map(|p| p.row.lot_code.as_str()).collect();
    touch_existing(db, &codes)?;
    LOTS.write(db, rows, |s, at, p| {
        let r = p.row;
        s.raw_bind_parameter(at, &r.lot_code)?;
        s.raw_bind_parameter(at + 1, &r.sku)?;
        s.raw_bind_parameter(at + 2, &r.vendor_code)?;
        s.raw_bind_parameter(at + 3, &r.supplier_lot)?;
        s.raw_bind_parameter(at + 4, r.qty)?;
        s.raw_bind_parameter(at + 5, &r.unit)?;
        s.raw_bind_parameter(at + 6, r.mfg_date.map(|d| d.to_string()))?;
        s.raw_bind_parameter(at + 7, r.expiry_date.map(|d| d.to_string()))?;
        s.raw_bind_parameter(at + 8, &r.location)?;
        s.raw_bind_parameter(at + 9, r.qty)?;
        s.raw_bind_parameter(at + 10, p.at)?;
        s.raw_bind_parameter(at + 11, r.promised_on.map(|d| d.to_string()))
    })?;
    MOVES.write(db, rows, |s, at, p| {
        let r = p.row;
        s.raw_bind_parameter(at, p.event_id)?;
        s.raw_bind_parameter(at + 1, p.idx as i64)?;
        s.raw_bind_parameter(at + 2, &r.sku)?;
        s.raw_bind_parameter(at + 3, &r.lot_code)?;
        s.raw_bind_parameter(at + 4, &r.location)?;
        s.raw_bind_parameter(at + 5, r.qty)?;
        s.raw_bind_parameter(at + 6, "lot_received")?;
        s.raw_bind_parameter(at + 7, &r.lot_code)?;
        s.raw_bind_parameter(at + 8, p.at)
    })
}

/// Takes `qty` off a lot: a stock delta where the lot is, and its on-hand; a received lot used up
/// becomes `emptied` (consumed or shipped), held or not (see `emptied_sql`).
struct Outflow<'c> {
    db: &'c Connection,
    take: rusqlite::Statement<'c>,
    delta: rusqlite::Statement<'c>,
    /// The lots taken from, noted for the lot index in one go at the end.
    touched: Vec<i64>,
}

impl<'c> Outflow<'c> {
    fn new(db: &'c Connection, emptied: &str) -> rusqlite::Result<Self> {
        let take = db.prepare(&format!(
            "UPDATE lots SET on_hand = on_hand - ?1, status = {} WHERE lot_code = ?2 RETURNING lot_id",
            emptied_sql("on_hand - ?1", emptied)
        ))?;
        let delta = db.prepare(
            "INSERT INTO stock_moves (event_id, idx, sku, lot_code, location, qty_delta, cause, ref_no, at) SELECT ?1, ?2, sku, lot_code, COALESCE(location, ''), -?3, ?4, ?5, ?6 FROM lots WHERE lot_code = ?7",
        )?;
        Ok(Outflow { db, take, delta, touched: Vec::new() })
    }

    /// Takes `qty` off the lot's on-hand (its delta is written apart).
    fn on_hand(&mut self, lot: &str, qty: i64) -> rusqlite::Result<()> {
        let mut rows = self.take.query(rusqlite::params![qty, lot])?;
        while let Some(row) = rows.next()? {
            self.touched.push(row.get(0)?);
        }
        Ok(())
    }

    fn finish(self) -> rusqlite::Result<()> {
        touch_ids(self.db, &self.touched)
    }

    fn delta(
        &mut self,
        lot: &str,
        qty: i64,
        cause: &str,
        ref_no: &str,
        p: (&str, &str, usize),
    ) -> rusqlite::Result<()> {
        let (at, event_id, idx) = p;
        self.delta.execute(rusqlite::params![event_id, idx as i64, qty, cause, ref_no, at, lot])?;
        Ok(())
    }

    fn take(&mut self, lot: &str, qty: i64, cause: &str, ref_no: &str, p: (&str, &str, usize)) -> rusqlite::Result<()> {
        self.delta(lot, qty, cause, ref_no, p)?;
        self.on_hand(lot, qty)
    }
}

/// What one event's links took from one source lot: the quantity, the first link's place in
/// the event (the delta's key), the event's time and the lots made.
struct Consumed<'a> {
    qty: i64,
    idx: usize,
    at: &'a str,
    made: Vec<&'a str>,
}

/// Links, and what they consume: one stock delta per source lot per event (its links in that
/// event summed) and one on-hand update per source lot per run. An import's links draw on the same
/// lots again and again; a delta and an update per link made the projection three times slower.
pub(crate) fn linked(db: &Connection, rows: &[Placed<'_, LotLink>]) -> rusqlite::Result<()> {
    let mut insert = db.prepare(
        "INSERT INTO lot_links (from_id, to_id, qty, kind, at) VALUES ((SELECT lot_id FROM lots WHERE lot_code = ?1), (SELECT lot_id FROM lots WHERE lot_code = ?2), ?3, ?4, ?5)",
    )?;
    let mut per_event: Vec<((&str, &str), Consumed<'_>)> = Vec::new();
    let mut at_event: HashMap<(&str, &str), usize> = HashMap::new();
    let mut per_lot: HashMap<&str, i64> = HashMap::new();
    for p in rows {
        let l = p.row;
        insert.execute(rusqlite::params![l.from_lot, l.to_lot, l.qty, l.kind.as_str(), p.at])?;
        let key = (p.event_id, l.from_lot.as_str());
        let slot = *at_event.entry(key).or_insert_with(|| {
            per_event.push((key, Consumed { qty: 0, idx: p.idx, at: p.at, made: Vec::new() }));
            per_event.len() - 1
        });
        let entry = &mut per_event[slot].1;
        entry.qty += l.qty;
        if !entry.made.contains(&l.to_lot.as_str()) {
            entry.made.push(&l.to_lot);
        }
        *per_lot.entry(&l.from_lot).or_default() += l.qty;
    }
    let mut outflow = Outflow::new(db, "consumed")?;
    for ((event_id, lot), c) in &per_event {
        outflow.delta(lot, c.qty, "lot_consumed", &c.made.join(" "), (c.at, event_id, c.idx))?;
    }
    for (lot, qty) in per_lot {
        outflow.on_hand(lot, qty)?;
    }
    outflow.finish()
}

pub(crate) fn shipped(db: &Connection, rows: &[Placed<'_, LotShipment>]) -> rusqlite::Result<()> {
    let mut insert = db.prepare(
        "INSERT INTO lot_shipments (lot_id, order_no, customer_code, qty, shipped_at) VALUES ((SELECT lot_id FROM lots WHERE lot_code = ?1), ?2, ?3, ?4, ?5)",
    )?;
    let mut outflow = Outflow::new(db, "shipped")?;
    let mut serial = db.prepare(
        "UPDATE lot_serials SET shipped_order = ?3, shipped_customer = ?4 WHERE serial = ?2 AND lot_id = (SELECT lot_id FROM lots WHERE lot_code = ?1)",
    )?;
    for p in rows {
        let s = p.row;
        insert.execute(rusqlite::params![s.lot_code, s.order_no, s.customer_code, s.qty, s.shipped_at])?;
        for unit in &s.serials {
            serial.execute(rusqlite::params![s.lot_code, unit, s.order_no, s.customer_code])?;
        }
        outflow.take(&s.lot_code, s.qty, "lot_shipped", &s.order_no, (p.at, p.event_id, p.idx))?;
    }
    outflow.finish()
}

/// Serials into their lots, keyed by the lot's product (a serial is unique per product).
pub(crate) fn serials(db: &Connection, rows: &[Placed<'_, SerialRecord>]) -> rusqlite::Result<()> {
    let mut insert = db.prepare(
        "INSERT INTO lot_serials (sku, serial, lot_id, recorded_at) SELECT sku, ?2, lot_id, ?3 FROM lots WHERE lot_code = ?1",
    )?;
    for p in rows {
        insert.execute(rusqlite::params![p.row.lot_code, p.row.serial, p.at])?;
    }
    Ok(())
}
