//! Holds lifted by hand, and recalls: the recall's row, its customers, and a hold on every
//! in-stock lot in its scope (written through SQLite's own connection, as a recall of a hub lot
//! holds tens of thousands of lots in one act).

use lotline_domain::Event;
use lotline_domain::lots::RecallOpening;
use sqlx::SqliteConnection;

use crate::StoreError;
use crate::bulk::with_raw;
use crate::log::StoredEvent;
use crate::project::number_part;

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
    with_raw(conn, |db| {
        let mut customer = db.prepare("INSERT OR IGNORE INTO recall_customers (recall_no, customer_code) VALUES (?1, ?2)")?;
        for code in &o.customers {
            customer.execute(rusqlite::params![o.recall_no, code])?;
        }
        let mut hold = db.prepare(
            "INSERT INTO holds (lot_code, sku, reason, failure_no, placed_at, placed_by, recall_no) SELECT lot_code, sku, ?2, NULL, ?3, ?4, ?5 FROM lots WHERE lot_code = ?1",
        )?;
        let mut status = db.prepare("UPDATE lots SET status = 'recalled' WHERE lot_code = ?1")?;
        for lot in &o.held {
            hold.execute(rusqlite::params![lot, o.reason, at, actor, o.recall_no])?;
            status.execute([lot])?;
        }
        Ok(())
    })
    .await
}

/// Projects one hold-release or recall event; other events are not ours.
pub(crate) async fn apply(conn: &mut SqliteConnection, stored: &StoredEvent) -> Result<bool, StoreError> {
    let at = stored.occurred_at.as_str();
    match &stored.event {
        Event::LotHoldReleased { lot_code, note } => {
            sqlx::query(
                "UPDATE holds SET released_at = ?, released_by = ?, release_note = ? WHERE lot_code = ? AND released_at IS NULL",
            )
            .bind(at)
            .bind(&stored.actor_id)
            .bind(note)
            .bind(lot_code)
            .execute(&mut *conn)
            .await?;
            sqlx::query(
                "UPDATE lots SET status = CASE WHEN on_hand > 0 THEN 'released' ELSE 'consumed' END WHERE lot_code = ? AND status IN ('on_hold', 'quarantined', 'recalled')",
            )
            .bind(lot_code)
            .execute(&mut *conn)
            .await?;
        }
        Event::LotMoved { lot_code, from_location, to_location, qty } => {
            // Out of one location and into the other, as two deltas of the same event.
            for (idx, (location, delta)) in [(from_location, -qty), (to_location, *qty)].into_iter().enumerate() {
                sqlx::query(
                    "INSERT INTO stock_moves (event_seq, idx, sku, lot_code, location, qty_delta, cause, ref_no, at) SELECT ?, ?, sku, lot_code, ?, ?, 'lot_moved', lot_code, ? FROM lots WHERE lot_code = ?",
                )
                .bind(stored.seq)
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
        }
        Event::RecallStarted(opening) => started(conn, opening, stored).await?,
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
        _ => return Ok(false),
    }
    Ok(true)
}
