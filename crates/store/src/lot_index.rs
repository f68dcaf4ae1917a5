//! The genealogy in memory, kept in step with the lot tables: lots, links and shipments are only
//! ever added, each numbered in the order recorded, so bringing the index up to date reads just
//! the rows past what it holds. Another process (the CLI) writing the same database is picked up
//! the same way, on the next trace.
//!
//! Each lot's current state (stock, status, location) is held too, so a trace of thousands of
//! lots reads no lot rows: a lot's row changing is noted in `lot_touches` (by a trigger), and a
//! refresh re-reads only the lots touched since the last one.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use lotline_domain::lots::{Genealogy, LinkId, LinkKind, LotId, LotStatus};
use rusqlite::Connection;
use sqlx::SqliteConnection;

use crate::StoreError;
use crate::bulk::with_raw;

/// A shipment of a lot, with its order and customer interned.
#[derive(Debug, Clone, Copy)]
pub struct ShipmentFact {
    pub lot: LotId,
    pub order: u32,
    pub customer: u32,
    pub qty: i64,
}

/// A lot's state, its texts interned.
#[derive(Debug, Clone, Copy)]
struct LotState {
    sku: u32,
    vendor: u32,
    unit: u32,
    /// `NO_LOCATION` when the lot has none.
    location: u32,
    status: LotStatus,
    on_hand: i64,
    expiry: Option<NaiveDate>,
    received: bool,
}

const NO_LOCATION: u32 = u32::MAX;

/// What a trace or recall shows of a lot, borrowed from the index. Texts are shared: a trace of
/// ten thousand lots copies pointers, not strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LotView<'a> {
    pub lot_id: LotId,
    pub lot_code: &'a Arc<str>,
    pub sku: &'a Arc<str>,
    pub vendor_code: &'a Arc<str>,
    pub status: LotStatus,
    pub on_hand: i64,
    pub unit: &'a Arc<str>,
    pub expiry_date: Option<NaiveDate>,
    pub location: Option<&'a Arc<str>>,
    pub received: bool,
}

#[derive(Debug, Default)]
pub struct LotIndex {
    pub genealogy: Genealogy,
    /// By lot id (index 0 unused: SQLite numbers from 1).
    codes: Vec<Arc<str>>,
    by_code: HashMap<Arc<str>, LotId>,
    /// Link qty and kind by link id (index 0 unused).
    link_qty: Vec<i64>,
    link_kind: Vec<Option<LinkKind>>,
    pub shipments: Vec<ShipmentFact>,
    shipments_of: HashMap<LotId, Vec<u32>>,
    orders: Interned,
    customers: Interned,
    /// By lot id, as `codes`.
    states: Vec<Option<LotState>>,
    /// SKUs, vendors, units and locations.
    texts: Interned,
    /// The highest lot, link, shipment and touch ids read.
    seen: Watermarks,
    /// Shared for a text that is missing.
    empty: Arc<str>,
}

type Watermarks = (i64, i64, i64, i64);

const LOT_STATE: &str = "SELECT lot_id, lot_code, sku, vendor_code, unit, location, status, on_hand, expiry_date, received_at IS NOT NULL FROM lots";

/// Strings stored once, referred to by number.
#[derive(Debug, Default)]
struct Interned {
    names: Vec<Arc<str>>,
    ids: HashMap<Arc<str>, u32>,
}

impl Interned {
    fn id(&mut self, name: &str) -> u32 {
        if let Some(id) = self.ids.get(name) {
            return *id;
        }
        let id = self.names.len() as u32;
        let shared: Arc<str> = name.into();
        self.names.push(shared.clone());
        self.ids.insert(shared, id);
        id
    }
}

impl LotIndex {
    /// Reads what was recorded since the last refresh. A table that shrank (a rebuild emptied it)
    /// makes it start over.
    pub async fn refresh(&mut self, conn: &mut SqliteConnection) -> Result<(), StoreError> {
        // On SQLite's own handle: a round trip through sqlx's worker cost a tenth of a trace.
        with_raw(conn, |db| {
            let newest: Watermarks = db.query_row(
                "SELECT (SELECT COALESCE(MAX(lot_id), 0) FROM lots), (SELECT COALESCE(MAX(link_id), 0) FROM lot_links), \
                 (SELECT COALESCE(MAX(shipment_id), 0) FROM lot_shipments), (SELECT COALESCE(MAX(touch_id), 0) FROM lot_touches)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )?;
            if newest == self.seen {
                return Ok(());
            }
            if newest.0 < self.seen.0 || newest.1 < self.seen.1 || newest.2 < self.seen.2 || newest.3 < self.seen.3 {
                *self = LotIndex::default();
            }
            self.read_new(db, newest)
        })
        .await
    }

    fn read_new(&mut self, db: &Connection, newest: Watermarks) -> rusqlite::Result<()> {
        let (lots, links, shipments, touches) = self.seen;
        // Lots read whole below are as new as any touch up to `newest`: only lots already held
        // need their touches read.
        let mut statement = db.prepare(&format!(
            "{LOT_STATE} WHERE lot_id IN (SELECT lot_id FROM lot_touches WHERE touch_id > ?1 AND touch_id <= ?2 AND lot_id <= ?3)"
        ))?;
        let mut rows = statement.query([touches, newest.3, lots])?;
        while let Some(row) = rows.next()? {
            self.read_lot(row)?;
        }
        let mut statement = db.prepare(&format!("{LOT_STATE} WHERE lot_id > ?1 AND lot_id <= ?2"))?;
        let mut rows = statement.query([lots, newest.0])?;
        while let Some(row) = rows.next()? {
            let id = self.read_lot(row)?;
            self.genealogy.add_lot(id);
        }
        let mut statement = db.prepare(
            "SELECT link_id, from_id, to_id, qty, kind FROM lot_links WHERE link_id > ?1 AND link_id <= ?2 ORDER BY link_id",
        )?;
        let mut rows = statement.query([links, newest.1])?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            let (from, to): (i64, i64) = (row.get(1)?, row.get(2)?);
            let kind: String = row.get(4)?;
            let id = id as usize;
            if self.link_qty.len() <= id {
                self.link_qty.resize(id + 1, 0);
                self.link_kind.resize(id + 1, None);
            }
            self.link_qty[id] = row.get(3)?;
            self.link_kind[id] = LinkKind::parse(&kind);
            self.genealogy.add_link(from as LotId, to as LotId, id as LinkId);
        }
        let mut statement = db.prepare(
            "SELECT lot_id, order_no, customer_code, qty FROM lot_shipments WHERE shipment_id > ?1 AND shipment_id <= ?2 ORDER BY shipment_id",
        )?;
        let mut rows = statement.query([shipments, newest.2])?;
        while let Some(row) = rows.next()? {
            let lot: i64 = row.get(0)?;
            let order: String = row.get(1)?;
            let customer: String = row.get(2)?;
            let fact = ShipmentFact {
                lot: lot as LotId,
                order: self.orders.id(&order),
                customer: self.customers.id(&customer),
                qty: row.get(3)?,
            };
            self.shipments_of.entry(fact.lot).or_default().push(self.shipments.len() as u32);
            self.shipments.push(fact);
        }
        self.seen = newest;
        Ok(())
    }

    /// Reads one row of `LOT_STATE` into the index: its code and its state.
    fn read_lot(&mut self, row: &rusqlite::Row<'_>) -> rusqlite::Result<LotId> {
        let id = row.get::<_, i64>(0)? as usize;
        if self.codes.len() <= id {
            self.codes.resize(id + 1, self.empty.clone());
            self.states.resize(id + 1, None);
        }
        let code: String = row.get(1)?;
        if *self.codes[id] != *code {
            let code: Arc<str> = code.into();
            self.codes[id] = code.clone();
            self.by_code.insert(code, id as LotId);
        }
        let location: Option<String> = row.get(5)?;
        let status: String = row.get(6)?;
        let expiry: Option<String> = row.get(8)?;
        self.states[id] = Some(LotState {
            sku: self.texts.id(&row.get::<_, String>(2)?),
            vendor: self.texts.id(&row.get::<_, String>(3)?),
            unit: self.texts.id(&row.get::<_, String>(4)?),
            location: location.map_or(NO_LOCATION, |l| self.texts.id(&l)),
            status: LotStatus::parse(&status).unwrap_or(LotStatus::Available),
            on_hand: row.get(7)?,
            expiry: expiry.and_then(|e| NaiveDate::parse_from_str(&e, "%Y-%m-%d").ok()),
            received: row.get(9)?,
        });
        Ok(id as LotId)
    }

    /// The lot as it stands, if it is known.
    pub fn view(&self, lot: LotId) -> Option<LotView<'_>> {
        let state = self.states.get(lot as usize).copied().flatten()?;
        let text = |id: u32| self.texts.names.get(id as usize).unwrap_or(&self.empty);
        Some(LotView {
            lot_id: lot,
            lot_code: self.codes.get(lot as usize).unwrap_or(&self.empty),
            sku: text(state.sku),
            vendor_code: text(state.vendor),
            status: state.status,
            on_hand: state.on_hand,
            unit: text(state.unit),
            expiry_date: state.expiry,
            location: (state.location != NO_LOCATION).then(|| text(state.location)),
            received: state.received,
        })
    }

    pub fn lot_id(&self, code: &str) -> Option<LotId> {
        self.by_code.get(code).copied()
    }

    pub fn code(&self, lot: LotId) -> &str {
        self.codes.get(lot as usize).map_or("", |c| c)
    }

    /// The lot's code, shared.
    pub fn code_shared(&self, lot: LotId) -> Arc<str> {
        self.codes.get(lot as usize).unwrap_or(&self.empty).clone()
    }

    pub fn link(&self, link: LinkId) -> (i64, Option<LinkKind>) {
        let i = link as usize;
        (self.link_qty.get(i).copied().unwrap_or(0), self.link_kind.get(i).copied().flatten())
    }

    /// The shipments of `lot`, oldest first.
    pub fn shipments_of(&self, lot: LotId) -> impl Iterator<Item = &ShipmentFact> {
        self.shipments_of.get(&lot).into_iter().flatten().map(|i| &self.shipments[*i as usize])
    }

    pub fn order_no(&self, order: u32) -> &str {
        self.orders.names.get(order as usize).map_or("", |n| n)
    }

    pub fn customer_code(&self, customer: u32) -> &str {
        self.customers.names.get(customer as usize).map_or("", |n| n)
    }
}
