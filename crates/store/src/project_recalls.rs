//! Holds placed and lifted, and recalls: the recall's row, its customers, and a hold on every
//! in-stock lot in its scope (written through SQLite's own connection, as a recall of a hub lot
//! holds tens of thousands of lots in one act).
//!
//! A lot's status follows from its holds and its stock, in one statement (`RESTATE`) run after
//! every change to either: a hold shows only on stock we hold (or a lot known only from a QC
//! failure), so a hold found after a lot shipped leaves it `shipped`; a recall's hold outranks a
//! quarantine, which outranks a plain hold; once the last hold is lifted the lot is `released`.
//! Stock leaving a lot (`emptied_sql`) follows the same rule from the other side: a received lot
//! whose stock all left is `shipped` or `consumed` even under a hold, so a hold and a shipment
//! merged from two desks give one status whichever is projected first.

use lotline_domain::Event;
use lotline_domain::lots::{RecallOpening, normalise_lot_code};
use sqlx::SqliteConnection;

use crate::StoreError;
use crate::bulk::with_raw;
use crate::log::StoredEvent;
use crate::lot_touches::{TOUCH_BY_CODE, touch};
use crate::project::number_part;
use crate::project_kinds::{
    batched_events, core_events, production_events, reshipment_events, return_events, review_events, scar_events,
};

// A hold of some serials only does not hold the lot (its other units ship).
const IN_FORCE: &str =
    "SELECT 1 FROM holds h WHERE h.lot_code = lots.lot_code AND h.released_at IS NULL AND h.serials IS NULL";

fn restate_sql() -> String {
    let ours = "(on_hand > 0 OR received_at IS NULL)";
    format!(
        "UPDATE lots SET status = CASE \
         WHEN {ours} AND EXISTS ({IN_FORCE} AND h.recall_no IS NOT NULL) THEN 'recalled' \
         WHEN {ours} AND EXISTS ({IN_FORCE} AND h.quarantine = 1) THEN 'quarantined' \
         WHEN {ours} AND EXISTS ({IN_FORCE}) THEN 'on_hold' \
         WHEN status IN ('on_hold', 'quarantined', 'recalled') THEN CASE WHEN {ours} THEN 'released' ELSE 'consumed' END \
         ELSE status END WHERE lot_code = ?1"
    )
}

/// The status of a lot once stock left it, `on_hand_after` being its on-hand afterwards. A received
/// lot with nothing left shows how its stock left, held or not (the hold no longer stops stock
/// we hold); a lot known only from a QC failure keeps showing its hold, as `RESTATE` does.
pub(crate) fn emptied_sql(on_hand_after: &str, emptied: &str) -> String {
    format!(
        "CASE WHEN {on_hand_after} <= 0 AND received_at IS NOT NULL AND status NOT IN ('shipped', 'consumed') THEN '{emptied}' \
         WHEN {on_hand_after} <= 0 AND status IN ('available', 'released') THEN '{emptied}' ELSE status END"
    )
}

pub(crate) async fn restate(conn: &mut SqliteConnection, lot_code: &str) -> Result<(), StoreError> {
    sqlx::query(sqlx::AssertSqlSafe(restate_sql())).bind(lot_code).execute(&mut *conn).await?;
    touch(conn, lot_code).await
}

async fn placed(conn: &mut SqliteConnection, event: &Event, stored: &StoredEvent) -> Result<(), StoreError> {
    let Event::LotHoldPlaced { lot_code, sku, vendor_code, reason, failure_no, quarantine, serials } = event else {
        return Ok(());
    };
    let lot_code = &normalise_lot_code(lot_code);
    // A QC failure may name a lot never received here: it is known from then on, held.
    sqlx::query("INSERT INTO lots (lot_code, sku, vendor_code) VALUES (?, ?, ?) ON CONFLICT (lot_code) DO NOTHING")
        .bind(lot_code)
        .bind(sku)
        .bind(vendor_code)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO holds (lot_code, sku, reason, failure_no, placed_at, placed_by, quarantine, placed_event, serials) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(lot_code)
    .bind(sku)
    .bind(reason)
    .bind(failure_no)
    .bind(&stored.occurred_at)
    .bind(&stored.actor_id)
    .bind(quarantine)
    .bind(&stored.id)
    .bind((!serials.is_empty()).then(|| serde_json::to_string(serials).unwrap_or_default()))
    .execute(&mut *conn)
    .await?;
    // Goods another desk shipped from the lot before this hold reached it: the holder did not
    // know, so someone must decide what to do about them (the order is the server's, not theirs).
    // A hold on serials alone is broken only by a shipment that took a held serial (shipped on
    // its order), or when the lot no longer has as many units as the held serials still in it.
    let held = (!serials.is_empty()).then(|| serde_json::to_string(serials).unwrap_or_default());
    let unseen: Option<String> = sqlx::query_scalar(
        "SELECT m.event_id FROM stock_moves m JOIN events e ON e.id = m.event_id \
         WHERE m.lot_code = ?1 AND m.cause = 'lot_shipped' AND e.desk_id <> ?2 AND e.server_seq > ?3 \
         AND (?4 IS NULL \
           OR m.ref_no IN (SELECT ls.shipped_order FROM json_each(?4) j JOIN lots l ON l.lot_code = ?1 \
                           JOIN lot_serials ls ON ls.lot_id = l.lot_id AND ls.serial = j.value) \
           OR (SELECT on_hand FROM lots WHERE lot_code = ?1) < (SELECT COUNT(*) FROM json_each(?4) j \
                 LEFT JOIN lots l ON l.lot_code = ?1 LEFT JOIN lot_serials ls ON ls.lot_id = l.lot_id AND ls.serial = j.value \
                 WHERE ls.shipped_order IS NULL)) \
         LIMIT 1",
    )
    .bind(lot_code)
    .bind(&stored.desk_id)
    .bind(stored.seen)
    .bind(held)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(shipment) = unseen {
        crate::conflicts::note_async(conn, "shipped_while_held", lot_code, &shipment, &stored.occurred_at).await?;
        crate::conflicts::note_async(conn, "shipped_while_held", lot_code, &stored.id, &stored.occurred_at).await?;
    }
    restate(conn, lot_code).await
}

async fn started(conn: &mut SqliteConnection, o: &RecallOpening, stored: &StoredEvent) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO recalls (recall_no, seq_no, lot_codes, reason, lots_in_scope, held, status, started_at, started_by) VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?)",
    )
    .bind(&o.recall_no)
    .bind(number_part(&o.recall_no))
    .bind(o.lot_codes.join(" "))
    .bind(&o.reason)
    .bind(o.lots_in_scope)
    .bind(o.held.len() as i64)
    .bind(&stored.occurred_at)
    .bind(&stored.actor_id)
    .execute(&mut *conn)
    .await?;
    let at = stored.occurred_at.clone();
    let actor = stored.actor_id.clone();
    let event_id = stored.id.clone();
    with_raw(conn, |db| {
        let mut customer = db.prepare("INSERT OR IGNORE INTO recall_customers (recall_no, customer_code) VALUES (?1, ?2)")?;
        for code in &o.customers {
            customer.execute(rusqlite::params![o.recall_no, code])?;
        }
        let mut hold = db.prepare(
            "INSERT INTO holds (lot_code, sku, reason, failure_no, placed_at, placed_by, recall_no, placed_event) SELECT lot_code, sku, ?2, NULL, ?3, ?4, ?5, ?6 FROM lots WHERE lot_code = ?1",
        )?;
        let mut status = db.prepare(&restate_sql())?;
        let mut touch = db.prepare(TOUCH_BY_CODE)?;
        for lot in &o.held {
            hold.execute(rusqlite::params![lot, o.reason, at, actor, o.recall_no, event_id])?;
            status.execute([lot])?;
            touch.execute([lot])?;
        }
        Ok(())
    })
    .await
}

/// Projects one hold-release or recall event; other events are not ours.
pub(crate) async fn apply(conn: &mut SqliteConnection, stored: &StoredEvent) -> Result<bool, StoreError> {
    let at = stored.occurred_at.as_str();
    match &stored.event {
        Event::LotHoldPlaced { .. } => placed(conn, &stored.event, stored).await?,
        Event::LotHoldReleased { lot_code, note, hold, holds } => {
            let lot_code = &normalise_lot_code(lot_code);
            // A release lifts the holds it names, so a hold placed on another desk that the
            // releaser never saw stays. Older releases name one hold or none, and none meant
            // every hold in force when it is projected.
            let named: Vec<&String> = if holds.is_empty() { hold.iter().collect() } else { holds.iter().collect() };
            // `?5 IS NULL OR …` is fine here: the lot's own index narrows the rows first.
            sqlx::query(
                "UPDATE holds SET released_at = ?1, released_by = ?2, release_note = ?3 WHERE lot_code = ?4 AND released_at IS NULL \
                 AND (?5 IS NULL OR placed_event IN (SELECT value FROM json_each(?5)))",
            )
            .bind(at)
            .bind(&stored.actor_id)
            .bind(note)
            .bind(lot_code)
            .bind((!named.is_empty()).then(|| serde_json::to_string(&named).unwrap_or_default()))
            .execute(&mut *conn)
            .await?;
            restate(conn, lot_code).await?;
        }
        Event::LotMoved { lot_code, from_location, to_location, qty } => {
            // Out of one location and into the other, as two deltas of the same event.
            for (idx, (location, delta)) in [(from_location, -qty), (to_location, *qty)].into_iter().enumerate() {
                sqlx::query(
                    "INSERT INTO stock_moves (event_id, idx, sku, lot_code, location, qty_delta, cause, ref_no, at) SELECT ?, ?, sku, lot_code, ?, ?, 'lot_moved', lot_code, ? FROM lots WHERE lot_code = ?",
                )
                .bind(&stored.id)
                .bind(idx as i64)
                .bind(location)
                .bind(delta)
                .bind(at)
                .bind(lot_code)
                .execute(&mut *conn)
                .await?;
            }
            sqlx::query("UPDATE lots SET location = ? WHERE lot_code = ?")
                .bind(to_location)
                .bind(lot_code)
                .execute(&mut *conn)
                .await?;
            touch(conn, lot_code).await?;
        }
        Event::RecallStarted(opening) => {
            started(conn, opening, stored).await?;
            crate::recall_scope::started(conn, opening, stored).await?
        }
        Event::RecallCustomerNotified { recall_no, customer_code } => {
            sqlx::query(
                "UPDATE recall_customers SET notified_at = ?, notified_by = ? WHERE recall_no = ? AND customer_code = ?",
            )
            .bind(at)
            .bind(&stored.actor_id)
            .bind(recall_no)
            .bind(customer_code)
            .execute(&mut *conn)
            .await?;
        }
        Event::RecallClosed { recall_no, note } => {
            sqlx::query("UPDATE recalls SET status = 'closed', closed_at = ?, close_note = ? WHERE recall_no = ?")
                .bind(at)
                .bind(note)
                .bind(recall_no)
                .execute(&mut *conn)
                .await?;
        }
        core_events!()
        | batched_events!()
        | reshipment_events!()
        | return_events!()
        | review_events!()
        | scar_events!()
        | production_events!() => {
            return Ok(false);
        }
    }
    Ok(true)
}
