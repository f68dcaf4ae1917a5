//! Master-data projections for runs of many rows (imports, rebuilds), written through SQLite's own
//! connection under sqlx with statements prepared once per run. sqlx copies every bound value
//! and hands each statement to its worker thread; for a 100,000-row import that doubled the
//! projection's cost against plain SQLite, and bulk import speed is a target (DESIGN.md §8).

use std::collections::HashMap;

use lotline_domain::master::{CustomerInput, OrderInput, ProductInput, VendorInput};
use rusqlite::{Connection, Statement};
use sqlx::SqliteConnection;

use crate::StoreError;

/// Rows per multi-row statement: 12 columns × 500 stays far below SQLite's variable limit.
const CHUNK: usize = 500;

/// Runs `work` on the SQLite connection behind `conn`, inside the caller's transaction.
pub(crate) async fn with_raw<T>(
    conn: &mut SqliteConnection,
    work: impl FnOnce(&Connection) -> rusqlite::Result<T>,
) -> Result<T, StoreError> {
    let mut locked = conn.lock_handle().await?;
    // SAFETY: `locked` keeps sqlx's worker off this connection until it drops, after `raw` and
    // every statement prepared through it (they borrow `raw`). rusqlite and sqlx link one and the
    // same SQLite (Cargo allows a single `libsqlite3-sys`), and `from_handle` borrows the handle:
    // dropping `raw` does not close it.
    #[allow(unsafe_code)]
    let raw = unsafe { Connection::from_handle(locked.as_raw_handle().as_ptr()) }?;
    let result = work(&raw);
    drop(raw);
    drop(locked);
    Ok(result?)
}

/// One `INSERT … VALUES (…), (…) …` shape: what comes before the rows, how many values a row
/// has, and what follows them (an upsert clause).
pub(crate) struct MultiRow {
    pub(crate) head: &'static str,
    pub(crate) width: usize,
    pub(crate) tail: &'static str,
}

impl MultiRow {
    fn sql(&self, rows: usize) -> String {
        let row = format!("({})", vec!["?"; self.width].join(","));
        format!("{} VALUES {} {}", self.head, vec![row; rows].join(","), self.tail)
    }

    /// Writes `rows`, binding each through `bind(statement, first_parameter_index, row)`.
    pub(crate) fn write<R>(
        &self,
        db: &Connection,
        rows: &[R],
        bind: impl Fn(&mut Statement<'_>, usize, &R) -> rusqlite::Result<()>,
    ) -> rusqlite::Result<()> {
        self.write_returning(db, rows, bind, |_| Ok(()))
    }

    /// As [`MultiRow::write`], for a statement that answers rows (`… RETURNING`): each is handed
    /// to `answer`.
    pub(crate) fn write_returning<R>(
        &self,
        db: &Connection,
        rows: &[R],
        bind: impl Fn(&mut Statement<'_>, usize, &R) -> rusqlite::Result<()>,
        mut answer: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<()>,
    ) -> rusqlite::Result<()> {
        let mut full = if rows.len() >= CHUNK { Some(db.prepare(&self.sql(CHUNK))?) } else { None };
        let mut run = |statement: &mut Statement<'_>, chunk: &[R]| -> rusqlite::Result<()> {
            for (i, row) in chunk.iter().enumerate() {
                bind(statement, i * self.width + 1, row)?;
            }
            let mut answered = statement.raw_query();
            while let Some(row) = answered.next()? {
                answer(row)?;
            }
            Ok(())
        };
        for chunk in rows.chunks(CHUNK) {
            match full.as_mut().filter(|_| chunk.len() == CHUNK) {
                Some(statement) => run(statement, chunk)?,
                None => run(&mut db.prepare(&self.sql(chunk.len()))?, chunk)?,
            }
        }
        Ok(())
    }
}

const PRODUCTS: MultiRow = MultiRow {
    head: "INSERT INTO products (sku, gtin, name, category, unit_cost_minor, currency, returnable, lot_tracked, serial_tracked, has_expiry, vendor_code, updated_at, failure_reaction)",
    width: 13,
    tail: "ON CONFLICT (sku) DO UPDATE SET gtin = excluded.gtin, name = excluded.name, category = excluded.category, unit_cost_minor = excluded.unit_cost_minor, currency = excluded.currency, returnable = excluded.returnable, lot_tracked = excluded.lot_tracked, serial_tracked = excluded.serial_tracked, has_expiry = excluded.has_expiry, vendor_code = excluded.vendor_code, updated_at = excluded.updated_at, failure_reaction = excluded.failure_reaction",
};

pub(crate) fn products(db: &Connection, rows: &[(&ProductInput, &str)]) -> rusqlite::Result<()> {
    PRODUCTS.write(db, rows, |s, at, (p, time)| {
        s.raw_bind_parameter(at, &p.sku)?;
        s.raw_bind_parameter(at + 1, &p.gtin)?;
        s.raw_bind_parameter(at + 2, &p.name)?;
        s.raw_bind_parameter(at + 3, &p.category)?;
        s.raw_bind_parameter(at + 4, p.unit_cost_minor)?;
        s.raw_bind_parameter(at + 5, &p.currency)?;
        s.raw_bind_parameter(at + 6, p.returnable)?;
        s.raw_bind_parameter(at + 7, p.lot_tracked)?;
        s.raw_bind_parameter(at + 8, p.serial_tracked)?;
        s.raw_bind_parameter(at + 9, p.has_expiry)?;
        s.raw_bind_parameter(at + 10, &p.vendor_code)?;
        s.raw_bind_parameter(at + 11, *time)?;
        s.raw_bind_parameter(at + 12, p.failure_reaction.map(|r| serde_json::to_string(&r).unwrap_or_default()))
    })
}

const VENDORS: MultiRow = MultiRow {
    head: "INSERT INTO vendors (code, name, country, contact_name, email, phone, language, updated_at)",
    width: 8,
    tail: "ON CONFLICT (code) DO UPDATE SET name = excluded.name, country = excluded.country, contact_name = excluded.contact_name, email = excluded.email, phone = excluded.phone, language = excluded.language, updated_at = excluded.updated_at",
};

pub(crate) fn vendors(db: &Connection, rows: &[(&VendorInput, &str)]) -> rusqlite::Result<()> {
    VENDORS.write(db, rows, |s, at, (v, time)| {
        s.raw_bind_parameter(at, &v.code)?;
        s.raw_bind_parameter(at + 1, &v.name)?;
        s.raw_bind_parameter(at + 2, &v.country)?;
        s.raw_bind_parameter(at + 3, &v.contact_name)?;
        s.raw_bind_parameter(at + 4, &v.email)?;
        s.raw_bind_parameter(at + 5, &v.phone)?;
        s.raw_bind_parameter(at + 6, v.language.as_str())?;
        s.raw_bind_parameter(at + 7, *time)
    })
}

const CUSTOMERS: MultiRow = MultiRow {
    head: "INSERT INTO customers (code, name, email, phone, address, country, updated_at)",
    width: 7,
    tail: "ON CONFLICT (code) DO UPDATE SET name = excluded.name, email = excluded.email, phone = excluded.phone, address = excluded.address, country = excluded.country, updated_at = excluded.updated_at",
};

pub(crate) fn customers(db: &Connection, rows: &[(&CustomerInput, &str)]) -> rusqlite::Result<()> {
    CUSTOMERS.write(db, rows, |s, at, (c, time)| {
        s.raw_bind_parameter(at, &c.code)?;
        s.raw_bind_parameter(at + 1, &c.name)?;
        s.raw_bind_parameter(at + 2, &c.email)?;
        s.raw_bind_parameter(at + 3, &c.phone)?;
        s.raw_bind_parameter(at + 4, &c.address)?;
        s.raw_bind_parameter(at + 5, &c.country)?;
        s.raw_bind_parameter(at + 6, *time)
    })
}

const ORDERS: MultiRow = MultiRow {
    head: "INSERT INTO orders (order_no, customer_code, ordered_at, currency, channel)",
    width: 5,
    tail: "ON CONFLICT (order_no) DO UPDATE SET customer_code = excluded.customer_code, ordered_at = excluded.ordered_at, currency = excluded.currency, channel = excluded.channel",
};

const ORDER_LINES: MultiRow =
    MultiRow { head: "INSERT INTO order_lines (order_no, line_no, sku, qty, unit_price_minor)", width: 5, tail: "" };

/// An order replaces its lines as a whole: a re-imported order has exactly the lines it brings.
pub(crate) fn orders(db: &Connection, rows: &[(&OrderInput, &str)]) -> rusqlite::Result<()> {
    ORDERS.write(db, rows, |s, at, (o, _)| {
        s.raw_bind_parameter(at, &o.order_no)?;
        s.raw_bind_parameter(at + 1, &o.customer_code)?;
        s.raw_bind_parameter(at + 2, &o.ordered_at)?;
        s.raw_bind_parameter(at + 3, &o.currency)?;
        s.raw_bind_parameter(at + 4, o.channel.map(|c| c.code()))
    })?;
    // An order saved twice in one run keeps the lines of its last save.
    let last: HashMap<&str, usize> = rows.iter().enumerate().map(|(i, (o, _))| (o.order_no.as_str(), i)).collect();
    let mut delete_lines = db.prepare("DELETE FROM order_lines WHERE order_no = ?")?;
    for order_no in last.keys() {
        delete_lines.execute([order_no])?;
    }
    let lines: Vec<_> = rows
        .iter()
        .enumerate()
        .filter(|(i, (o, _))| last.get(o.order_no.as_str()) == Some(i))
        .flat_map(|(_, (o, _))| o.lines.iter().map(move |l| (o.order_no.as_str(), l)))
        .collect();
    ORDER_LINES.write(db, &lines, |s, at, (order_no, l)| {
        s.raw_bind_parameter(at, *order_no)?;
        s.raw_bind_parameter(at + 1, l.line_no)?;
        s.raw_bind_parameter(at + 2, &l.sku)?;
        s.raw_bind_parameter(at + 3, l.qty)?;
        s.raw_bind_parameter(at + 4, l.unit_price_minor)
    })
}
