//! Lot projections for runs of events: receipts, links and shipments, written through SQLite's own
//! connection (see `bulk`), because an import of a million lots and two million links is a speed
//! target. Every movement is also a stock delta in `stock_moves`, and `lots.on_hand` is their sum.

use lotline_domain::lots::{LotLink, LotReceipt, LotShipment, SerialRecord};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use rusqlite::Connection;

use crate::bulk::MultiRow;
use crate::lot_touches::touch_ids;
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
    // One desk refuses a lot code it has received before; two desks may each receive it offline.
    // One statement for the run (a query per row was one per lot imported).
    // The same lookup finds the lots that have a row already, which the lot index must re-read
    // (a receipt into a lot first known from a QC failure updates it in place): one pass over
    // the codes instead of two.
    let codes: Vec<&str> = rows.iter().map(|p| p.row.lot_code.as_str()).collect();
    let list = serde_json::to_string(&codes).unwrap_or_default();
    let mut known = db.prepare(
        "SELECT l.lot_id, l.lot_code, l.received_at IS NOT NULL FROM json_each(?1) j CROSS JOIN lots l ON l.lot_code = j.value",
    )?;
    let (mut existing, mut received) = (Vec::new(), HashSet::new());
    let mut found = known.query([&list])?;
    while let Some(row) = found.next()? {
        existing.push(row.get::<_, i64>(0)?);
        if row.get::<_, bool>(2)? {
            received.insert(row.get::<_, String>(1)?);
        }
    }
    drop(found);
    for p in rows.iter().filter(|p| received.contains(&p.row.lot_code)) {
        crate::conflicts::note(db, "lot_received_twice", &p.row.lot_code, p.event_id, p.at)?;
    }
    touch_ids(db, &existing)?;
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
            "UPDATE lots SET on_hand = on_hand - ?1, status = {} WHERE lot_code = ?2 RETURNING lot_id, on_hand",
            emptied_sql("on_hand - ?1", emptied)
        ))?;
        let delta = db.prepare(
            "INSERT INTO stock_moves (event_id, idx, sku, lot_code, location, qty_delta, cause, ref_no, at) SELECT ?1, ?2, sku, lot_code, COALESCE(location, ''), -?3, ?4, ?5, ?6 FROM lots WHERE lot_code = ?7",
        )?;
        Ok(Outflow { db, take, delta, touched: Vec::new() })
    }

    /// Takes `qty` off the lot's on-hand (its delta is written apart). On one desk the checks
    /// keep stock from going below zero; desks that took the same units offline open a conflict.
    fn on_hand(&mut self, lot: &str, qty: i64, at: &str) -> rusqlite::Result<()> {
        let mut below_zero = false;
        let mut rows = self.take.query(rusqlite::params![qty, lot])?;
        while let Some(row) = rows.next()? {
            self.touched.push(row.get(0)?);
            below_zero |= row.get::<_, i64>(1)? < 0;
        }
        drop(rows);
        if below_zero {
            crate::conflicts::note_below_zero(self.db, lot, at)?;
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
    let mut per_lot: HashMap<&str, (i64, &str)> = HashMap::new();
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
        let taken = per_lot.entry(&l.from_lot).or_insert((0, p.at));
        *taken = (taken.0 + l.qty, p.at);
    }
    let mut outflow = Outflow::new(db, "consumed")?;
    for ((event_id, lot), c) in &per_event {
        outflow.delta(lot, c.qty, "lot_consumed", &c.made.join(" "), (c.at, event_id, c.idx))?;
    }
    for (lot, (qty, at)) in per_lot {
        outflow.on_hand(lot, qty, at)?;
    }
    outflow.finish()
}

const SHIPMENTS: MultiRow = MultiRow {
    head: "INSERT INTO lot_shipments (lot_id, order_no, customer_code, qty, shipped_at)",
    width: 5,
    tail: "",
};

/// A lot after a run's shipments took from it: what the moves and the below-zero check need.
struct Shipped {
    lot_id: i64,
    on_hand: i64,
    sku: String,
    lot_code: String,
    location: String,
}

/// Takes each lot's shipped total off its on-hand, a chunk of lots per statement, and answers
/// the lots as they are after it, by code. Shipments only take (their quantities are
/// positive), so a lot's status and sign after the run's total are those after its last row.
fn take_totals(db: &Connection, totals: &[(&str, i64)]) -> rusqlite::Result<HashMap<String, Shipped>> {
    static HEAD: LazyLock<String> = LazyLock::new(|| {
        let status = emptied_sql("on_hand - v.column2", "shipped");
        format!("UPDATE lots SET on_hand = on_hand - v.column2, status = {status} FROM (")
    });
    let take = MultiRow {
        head: HEAD.as_str(),
        width: 2,
        tail: ") AS v WHERE lots.lot_code = v.column1 RETURNING lot_id, on_hand, sku, lot_code, COALESCE(location, '')",
    };
    let mut after = HashMap::with_capacity(totals.len());
    take.write_returning(
        db,
        totals,
        |s, at, (lot, qty)| {
            s.raw_bind_parameter(at, *lot)?;
            s.raw_bind_parameter(at + 1, *qty)
        },
        |r| {
            let lot = Shipped {
                lot_id: r.get(0)?,
                on_hand: r.get(1)?,
                sku: r.get(2)?,
                lot_code: r.get(3)?,
                location: r.get(4)?,
            };
            after.insert(lot.lot_code.clone(), lot);
            Ok(())
        },
    )?;
    Ok(after)
}

/// On one desk a held lot cannot ship: a hold in force that a shipment meets was placed on
/// another desk, and conflicts with it when the shipping desk had not pulled it yet. Only the
/// rows of lots with a hold in force are looked at one by one.
fn shipped_while_held(db: &Connection, rows: &[Placed<'_, LotShipment>]) -> rusqlite::Result<()> {
    let codes: Vec<&str> = rows.iter().map(|p| p.row.lot_code.as_str()).collect();
    let list = serde_json::to_string(&codes).unwrap_or_default();
    let mut in_force = db.prepare(
        "SELECT h.lot_code FROM json_each(?1) j CROSS JOIN holds h ON h.lot_code = j.value WHERE h.released_at IS NULL AND h.serials IS NULL",
    )?;
    let held_lots: HashSet<String> = in_force.query_map([&list], |r| r.get(0))?.collect::<Result<_, _>>()?;
    shipped_held_serials(db, rows, &list)?;
    if held_lots.is_empty() {
        return Ok(());
    }
    let mut held = db.prepare(
        "SELECT h.placed_event FROM holds h JOIN events he ON he.id = h.placed_event JOIN events se ON se.id = ?2 \
         WHERE h.lot_code = ?1 AND h.released_at IS NULL AND h.serials IS NULL AND he.desk_id <> se.desk_id AND he.server_seq > se.seen \
         ORDER BY h.rowid",
    )?;
    for p in rows.iter().filter(|p| held_lots.contains(&p.row.lot_code)) {
        let s = p.row;
        let holds: Vec<Option<String>> =
            held.query_map(rusqlite::params![s.lot_code, p.event_id], |r| r.get(0))?.collect::<Result<_, _>>()?;
        if !holds.is_empty() {
            for hold in holds.iter().flatten() {
                crate::conflicts::note(db, "shipped_while_held", &s.lot_code, hold, p.at)?;
            }
            crate::conflicts::note(db, "shipped_while_held", &s.lot_code, p.event_id, p.at)?;
        }
    }
    Ok(())
}

/// The same for serials held on their own (a failed per-serial inspection): a shipment breaks
/// such a hold from a desk it had not pulled when it names a held serial, or when it leaves its
/// lot fewer units than the held serials still in it. Rows are taken in order, each seeing what
/// the rows before it shipped; only lots with such a hold in force are looked at.
fn shipped_held_serials(db: &Connection, rows: &[Placed<'_, LotShipment>], list: &str) -> rusqlite::Result<()> {
    let mut in_force = db.prepare(
        "SELECT DISTINCT h.lot_code, j2.value FROM json_each(?1) j CROSS JOIN holds h ON h.lot_code = j.value, json_each(h.serials) j2 \
         LEFT JOIN lots l ON l.lot_code = h.lot_code LEFT JOIN lot_serials ls ON ls.lot_id = l.lot_id AND ls.serial = j2.value \
         WHERE h.released_at IS NULL AND h.serials IS NOT NULL AND ls.shipped_order IS NULL",
    )?;
    let mut held: HashMap<String, HashSet<String>> = HashMap::new();
    for pair in in_force.query_map([list], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (lot, serial) = pair?;
        held.entry(lot).or_default().insert(serial);
    }
    if held.is_empty() {
        return Ok(());
    }
    let mut unseen = db.prepare(
        "SELECT h.placed_event, h.serials FROM holds h JOIN events he ON he.id = h.placed_event JOIN events se ON se.id = ?2 \
         WHERE h.lot_code = ?1 AND h.released_at IS NULL AND h.serials IS NOT NULL AND he.desk_id <> se.desk_id AND he.server_seq > se.seen \
         ORDER BY h.rowid",
    )?;
    let mut on_hand_of = db.prepare("SELECT on_hand FROM lots WHERE lot_code = ?1")?;
    let mut on_hand: HashMap<&str, i64> = HashMap::new();
    for p in rows {
        let s = p.row;
        let lot = s.lot_code.as_str();
        if !held.contains_key(lot) {
            continue;
        }
        let before = match on_hand.get(lot) {
            Some(n) => *n,
            None => on_hand_of.query_row([lot], |r| r.get(0)).unwrap_or(0),
        };
        on_hand.insert(lot, before - s.qty);
        let still = held.get_mut(lot).map(|h| {
            let named = s.serials.iter().any(|u| h.contains(u));
            for unit in &s.serials {
                h.remove(unit);
            }
            (named, h.len() as i64)
        });
        let (named, kept) = still.unwrap_or((false, 0));
        let holds: Vec<(String, String)> = unseen
            .query_map(rusqlite::params![lot, p.event_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let broken: Vec<&String> = holds
            .iter()
            .filter(|(_, serials)| {
                let serials: Vec<String> = serde_json::from_str(serials).unwrap_or_default();
                serials.iter().any(|u| s.serials.contains(u)) || (!named && before - s.qty < kept)
            })
            .map(|(hold, _)| hold)
            .collect();
        if broken.is_empty() {
            continue;
        }
        for hold in broken {
            crate::conflicts::note(db, "shipped_while_held", lot, hold, p.at)?;
        }
        crate::conflicts::note(db, "shipped_while_held", lot, p.event_id, p.at)?;
    }
    Ok(())
}

/// Shipments in a few statements per run, as links are: one on-hand update per lot (its rows
/// summed), then the shipments and their stock deltas as multi-row inserts. Four statements a
/// row made an import of shipments ten times slower than a raw insert of the same rows.
pub(crate) fn shipped(db: &Connection, rows: &[Placed<'_, LotShipment>]) -> rusqlite::Result<()> {
    shipped_while_held(db, rows)?;
    let mut totals: Vec<(&str, i64)> = Vec::new();
    let mut slot: HashMap<&str, usize> = HashMap::new();
    for p in rows {
        let lot = p.row.lot_code.as_str();
        let i = *slot.entry(lot).or_insert_with(|| {
            totals.push((lot, 0));
            totals.len() - 1
        });
        totals[i].1 += p.row.qty;
    }
    let after = take_totals(db, &totals)?;
    // A shipment of a lot not recorded has no id, and is refused by the table as it always was.
    SHIPMENTS.write(db, rows, |s, at, p| {
        let r = p.row;
        s.raw_bind_parameter(at, after.get(&r.lot_code).map(|lot| lot.lot_id))?;
        s.raw_bind_parameter(at + 1, &r.order_no)?;
        s.raw_bind_parameter(at + 2, &r.customer_code)?;
        s.raw_bind_parameter(at + 3, r.qty)?;
        s.raw_bind_parameter(at + 4, &r.shipped_at)
    })?;
    let mut serial = db.prepare(
        "UPDATE lot_serials SET shipped_order = ?3, shipped_customer = ?4 WHERE serial = ?2 AND lot_id = (SELECT lot_id FROM lots WHERE lot_code = ?1)",
    )?;
    for s in rows.iter().map(|p| p.row) {
        for unit in &s.serials {
            serial.execute(rusqlite::params![s.lot_code, unit, s.order_no, s.customer_code])?;
        }
    }
    let moved: Vec<(&Placed<'_, LotShipment>, &Shipped)> =
        rows.iter().filter_map(|p| Some((p, after.get(&p.row.lot_code)?))).collect();
    MOVES.write(db, &moved, |s, at, (p, lot)| {
        let r = p.row;
        s.raw_bind_parameter(at, p.event_id)?;
        s.raw_bind_parameter(at + 1, p.idx as i64)?;
        s.raw_bind_parameter(at + 2, &lot.sku)?;
        s.raw_bind_parameter(at + 3, &lot.lot_code)?;
        s.raw_bind_parameter(at + 4, &lot.location)?;
        s.raw_bind_parameter(at + 5, -r.qty)?;
        s.raw_bind_parameter(at + 6, "lot_shipped")?;
        s.raw_bind_parameter(at + 7, &r.order_no)?;
        s.raw_bind_parameter(at + 8, p.at)
    })?;
    // A lot taken below zero opens its conflict at the shipment that took it there, in the order
    // of the rows, as a row-by-row projection would.
    let mut left: HashMap<&str, i64> = totals
        .iter()
        .filter_map(|(lot, total)| after.get(*lot).filter(|l| l.on_hand < 0).map(|l| (*lot, l.on_hand + total)))
        .collect();
    for p in rows {
        if let Some(on_hand) = left.get_mut(p.row.lot_code.as_str()) {
            *on_hand -= p.row.qty;
            if *on_hand < 0 {
                left.remove(p.row.lot_code.as_str());
                crate::conflicts::note_below_zero(db, &p.row.lot_code, p.at)?;
            }
        }
    }
    let touched: Vec<i64> = totals.iter().filter_map(|(lot, _)| after.get(*lot).map(|l| l.lot_id)).collect();
    touch_ids(db, &touched)
}

/// Serials into their lots, keyed by the lot's product (a serial is unique per product).
pub(crate) fn serials(db: &Connection, rows: &[Placed<'_, SerialRecord>]) -> rusqlite::Result<()> {
    let mut insert = db.prepare(
        "INSERT INTO lot_serials (sku, serial, lot_id, recorded_at) SELECT sku, ?2, lot_id, ?3 FROM lots WHERE lot_code = ?1 \
         ON CONFLICT (sku, serial) DO NOTHING",
    )?;
    let mut sku_of = db.prepare("SELECT sku FROM lots WHERE lot_code = ?1")?;
    for p in rows {
        // One desk refuses a serial it already has; two desks may each record it offline.
        if insert.execute(rusqlite::params![p.row.lot_code, p.row.serial, p.at])? == 0 {
            let sku: String = sku_of.query_row([&p.row.lot_code], |r| r.get(0)).unwrap_or_default();
            crate::conflicts::note(db, "serial_recorded_twice", &format!("{sku}/{}", p.row.serial), p.event_id, p.at)?;
        }
    }
    Ok(())
}
