//! What a trace reads besides the genealogy held in memory, in one hand-over of the connection
//! from sqlx's worker: each hand-over cost about as much as a small trace's walk, and a trace
//! made three.

use std::collections::HashMap;

use sqlx::SqliteConnection;

use super::lots::{Contact, contacts_in, related_records_in};
use crate::StoreError;
use crate::bulk::with_raw;

#[derive(Debug)]
pub struct TraceReads {
    /// Completed work orders by their output lot, of the lots asked for.
    pub made_by: HashMap<String, String>,
    pub contacts: HashMap<String, Contact>,
    /// QC failures and RMAs on the lots, as (number, lot).
    pub failures: Vec<(String, String)>,
    pub rmas: Vec<(String, String)>,
    /// The site's calendar, for the lots' status today.
    pub calendar: lotline_domain::site_time::SiteCalendar,
}

/// The records on `lot_codes` (work orders that made them, failures, RMAs), the contacts of
/// `customers`, and the site's calendar.
pub async fn trace_reads(
    conn: &mut SqliteConnection,
    lot_codes: &[&str],
    customers: &[&str],
) -> Result<TraceReads, StoreError> {
    with_raw(conn, |db| {
        let list = serde_json::to_string(lot_codes).unwrap_or_default();
        // Only the outputs among the traced lots, looked up by the outputs' index (not by
        // status, which would read every completed work order).
        let mut statement = db.prepare_cached(
            "SELECT w.output_lot_code, w.work_order_no FROM json_each(?1) j \
             CROSS JOIN work_orders w ON w.output_lot_code = j.value WHERE +w.status = 'completed'",
        )?;
        let made_by = statement.query_map([&list], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
        let (failures, rmas) = related_records_in(db, lot_codes)?;
        let calendar = super::site_time::site_calendar_raw(db)?.calendar;
        Ok(TraceReads { made_by, contacts: contacts_in(db, customers)?, failures, rmas, calendar })
    })
    .await
}
