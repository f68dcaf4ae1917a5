//! The returns tables, kept in step with RMA events; receipts and dispositions move stock as
//! deltas in `stock_moves`.

use lotline_domain::Event;
use lotline_domain::returns::{
    LineDisposition, Refurbishment, RefurbishmentOutcome, ReturnDisposition, RmaOpening, Settlement, Verdict,
};
use sqlx::SqliteConnection;

use crate::StoreError;
use crate::log::StoredEvent;
use crate::project::number_part;
use crate::project_kinds::{
    batched_events, core_events, production_events, recall_events, reshipment_events, review_events, scar_events,
};

/// Where returned goods wait between receipt and disposition.
pub use lotline_domain::returns::RETURNS_AREA;

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

fn name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

async fn opened(conn: &mut SqliteConnection, o: &RmaOpening, stored: &StoredEvent) -> Result<(), StoreError> {
    let orders = o.order_nos();
    let verdict = o.eligibility.verdict;
    let status = match verdict {
        Verdict::Approved => "approved",
        Verdict::Escalated => "escalated",
        Verdict::Refused => "rejected",
    };
    sqlx::query(
        "INSERT INTO rmas (rma_no, seq_no, customer_code, order_nos, status, verdict, policy_version, reason_code, preferred_outcome, currency, value_minor, opened_by, opened_at, decided_at, decided_by_rules, channel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&o.rma_no)
    .bind(number_part(&o.rma_no))
    .bind(&o.customer_code)
    .bind(orders.join(" "))
    .bind(status)
    .bind(name(&verdict))
    .bind(o.eligibility.policy_version)
    .bind(&o.reason_code)
    .bind(name(&o.preferred_outcome))
    .bind(&o.currency)
    .bind(o.value_minor())
    .bind(&stored.actor_id)
    .bind(&stored.occurred_at)
    .bind((verdict != Verdict::Escalated).then_some(&stored.occurred_at))
    .bind(verdict != Verdict::Escalated)
    .bind(o.channel.map(|c| c.code()))
    .execute(&mut *conn)
    .await?;
    for (i, line) in o.lines.iter().enumerate() {
        sqlx::query(
            "INSERT INTO rma_lines (rma_no, line_index, order_no, line_no, sku, qty, unit_price_minor, lot_code, serials) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(&o.rma_no)
        .bind(i as i64)
        .bind(&line.order_no)
        .bind(line.line_no)
        .bind(&line.sku)
        .bind(line.qty)
        .bind(line.unit_price_minor)
        .bind(crate::project::lot_key(&line.lot_code))
        .bind(json(&line.serials))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// A settled, rejected or cancelled RMA keeps that status whatever comes after it in a team's
/// merged log (goods that arrive later are still recorded), as `Rma::evolve` keeps it.
async fn set_status(conn: &mut SqliteConnection, rma_no: &str, status: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE rmas SET status = CASE WHEN status IN ('settled', 'rejected', 'cancelled') THEN status ELSE ? END WHERE rma_no = ?").bind(status).bind(rma_no).execute(&mut *conn).await?;
    Ok(())
}

struct Move<'a> {
    sku: &'a str,
    lot_code: Option<&'a str>,
    location: &'a str,
    qty_delta: i64,
    cause: &'a str,
    /// `SELLABLE`, or a status kept apart from stock sold as new (B-stock, the refurbishment queue).
    status: &'a str,
}

/// Stock sold as new: the only stock a lot's on-hand counts.
const SELLABLE: &str = "sellable";
/// Units waiting in the refurbishment queue.
pub const AWAITING_REFURBISHMENT: &str = "awaiting_refurbishment";
/// Refurbished or open-box units, sellable as such and not as new.
pub const B_STOCK: &str = "b_stock";

async fn moves(
    conn: &mut SqliteConnection,
    stored: &StoredEvent,
    rma_no: &str,
    moves: &[Move<'_>],
) -> Result<(), StoreError> {
    for (idx, m) in moves.iter().enumerate().filter(|(_, m)| m.qty_delta != 0) {
        sqlx::query(
            "INSERT INTO stock_moves (event_id, idx, sku, lot_code, location, qty_delta, cause, ref_no, at, stock_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(&stored.id)
        .bind(idx as i64)
        .bind(m.sku)
        .bind(m.lot_code)
        .bind(m.location)
        .bind(m.qty_delta)
        .bind(m.cause)
        .bind(rma_no)
        .bind(&stored.occurred_at)
        .bind(m.status)
        .execute(&mut *conn)
        .await?;
        if m.status != SELLABLE {
            continue;
        }
        // A lot's on-hand is the sum of its deltas: goods coming back count again, and a lot
        // shipped or used up is available again once some of it is back, or shows the hold in
        // force on it (restated, as a hold may have come after the lot shipped).
        if let Some(lot) = m.lot_code {
            sqlx::query(
                "UPDATE lots SET on_hand = on_hand + ?1, status = CASE WHEN status IN ('shipped', 'consumed') AND on_hand + ?1 > 0 THEN 'available' ELSE status END WHERE lot_code = ?2",
            )
            .bind(m.qty_delta)
            .bind(lot)
            .execute(&mut *conn)
            .await?;
            crate::project_recalls::restate(conn, lot).await?;
        }
    }
    Ok(())
}

/// The SKU and lot of an RMA line, as projected at opening.
async fn line_item(
    conn: &mut SqliteConnection,
    rma_no: &str,
    index: usize,
) -> Result<(String, Option<String>), StoreError> {
    let row: Option<(String, Option<String>)> =
        sqlx::query_as("SELECT sku, lot_code FROM rma_lines WHERE rma_no = ? AND line_index = ?")
            .bind(rma_no)
            .bind(index as i64)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.unwrap_or_default())
}

/// Projects one returns event; other events are not ours.
pub(crate) async fn apply(conn: &mut SqliteConnection, stored: &StoredEvent) -> Result<bool, StoreError> {
    let at = stored.occurred_at.as_str();
    match &stored.event {
        Event::ReturnPolicySet(policy) => {
            sqlx::query("INSERT OR REPLACE INTO return_policy_versions (version, policy, set_at) VALUES (?, ?, ?)")
                .bind(policy.version)
                .bind(json(policy))
                .bind(at)
                .execute(&mut *conn)
                .await?;
        }
        Event::RmaOpened(opening) => opened(conn, opening, stored).await?,
        Event::RmaApproved { rma_no, .. } | Event::RmaRejected { rma_no, .. } => {
            let status = if matches!(stored.event, Event::RmaApproved { .. }) { "approved" } else { "rejected" };
            sqlx::query("UPDATE rmas SET status = ?, decided_at = ?, decided_by_rules = 0 WHERE rma_no = ?")
                .bind(status)
                .bind(at)
                .bind(rma_no)
                .execute(&mut *conn)
                .await?;
        }
        Event::RmaSuspended { rma_no, .. } => set_status(conn, rma_no, "suspended").await?,
        Event::RmaCancelled { rma_no, .. } => set_status(conn, rma_no, "cancelled").await?,
        Event::RmaCostRecorded { rma_no, amount_minor, currency, .. } => {
            sqlx::query("INSERT INTO rma_costs (event_id, rma_no, amount_minor, currency, at) VALUES (?, ?, ?, ?, ?)")
                .bind(&stored.id)
                .bind(rma_no)
                .bind(amount_minor)
                .bind(currency)
                .bind(&stored.occurred_at)
                .execute(&mut *conn)
                .await?;
        }
        Event::RmaFailureLogged { rma_no, failure_no } => {
            sqlx::query("INSERT INTO rma_failures (failure_no, rma_no) VALUES (?, ?)")
                .bind(failure_no)
                .bind(rma_no)
                .execute(&mut *conn)
                .await?;
        }
        Event::RmaLabelPrinted { rma_no, .. } => {
            sqlx::query(
                "UPDATE rmas SET labels_printed = labels_printed + 1, status = CASE status WHEN 'approved' THEN 'label_printed' ELSE status END WHERE rma_no = ?",
            )
            .bind(rma_no)
            .execute(&mut *conn)
            .await?;
        }
        Event::RmaLabelFailed { rma_no, .. } => {
            sqlx::query("UPDATE rmas SET label_failures = label_failures + 1 WHERE rma_no = ?")
                .bind(rma_no)
                .execute(&mut *conn)
                .await?;
        }
        Event::RmaInTransit { rma_no, tracking_no, .. } => {
            sqlx::query("UPDATE rmas SET status = CASE WHEN status IN ('settled', 'rejected', 'cancelled') THEN status ELSE 'in_transit' END, tracking_no = ? WHERE rma_no = ?")
                .bind(tracking_no)
                .bind(rma_no)
                .execute(&mut *conn)
                .await?;
        }
        Event::RmaReceived { rma_no, qty_received, .. } => received(conn, stored, rma_no, qty_received).await?,
        Event::RmaInspected { rma_no, dispositions, b_stock } => {
            inspected(conn, stored, rma_no, dispositions, *b_stock).await?
        }
        Event::RmaRefurbished { rma_no, refurbishment } => refurbished(conn, stored, rma_no, refurbishment).await?,
        Event::RmaCreditIssued { rma_no, amount_minor, .. } => {
            sqlx::query("UPDATE rmas SET credit_issued_minor = ?, credit_issued_at = ? WHERE rma_no = ?")
                .bind(amount_minor)
                .bind(at)
                .bind(rma_no)
                .execute(&mut *conn)
                .await?;
        }
        Event::RmaSettled { rma_no, settlement, .. } => settled(conn, at, rma_no, settlement).await?,
        // The payout's request and approvals, and the team's notes, live in the RMA's stream,
        // read with it: no table.
        Event::RmaPayoutRequested { .. } | Event::RmaPayoutApproved { .. } | Event::RmaNoteAdded { .. } => {}
        core_events!()
        | batched_events!()
        | recall_events!()
        | reshipment_events!()
        | review_events!()
        | scar_events!()
        | production_events!() => {
            return Ok(false);
        }
    }
    Ok(true)
}

async fn received(
    conn: &mut SqliteConnection,
    stored: &StoredEvent,
    rma_no: &str,
    qty_received: &[i64],
) -> Result<(), StoreError> {
    let at = stored.occurred_at.as_str();
    sqlx::query("UPDATE rmas SET status = CASE WHEN status IN ('settled', 'rejected', 'cancelled') THEN status ELSE 'received' END, received_at = ? WHERE rma_no = ?")
        .bind(at)
        .bind(rma_no)
        .execute(&mut *conn)
        .await?;
    let mut items = Vec::with_capacity(qty_received.len());
    for (i, qty) in qty_received.iter().enumerate() {
        sqlx::query("UPDATE rma_lines SET qty_received = ? WHERE rma_no = ? AND line_index = ?")
            .bind(qty)
            .bind(rma_no)
            .bind(i as i64)
            .execute(&mut *conn)
            .await?;
        items.push((line_item(conn, rma_no, i).await?, *qty));
    }
    let received: Vec<Move> = items
        .iter()
        .map(|((sku, lot), qty)| Move {
            sku,
            lot_code: lot.as_deref(),
            location: RETURNS_AREA,
            qty_delta: *qty,
            cause: "rma_received",
            status: SELLABLE,
        })
        .collect();
    moves(conn, stored, rma_no, &received).await?;
    Ok(())
}

async fn inspected(
    conn: &mut SqliteConnection,
    stored: &StoredEvent,
    rma_no: &str,
    dispositions: &[LineDisposition],
    b_stock: bool,
) -> Result<(), StoreError> {
    let at = stored.occurred_at.as_str();
    sqlx::query("UPDATE rmas SET status = CASE WHEN status IN ('settled', 'rejected', 'cancelled') THEN status ELSE 'inspected' END, inspected_at = ? WHERE rma_no = ?")
        .bind(at)
        .bind(rma_no)
        .execute(&mut *conn)
        .await?;
    let mut items = Vec::with_capacity(dispositions.len());
    for d in dispositions {
        items.push(line_item(conn, rma_no, d.line_index).await?);
    }
    // Out of the returns area, and into stock where the disposition keeps the goods.
    let mut out = Vec::new();
    for (d, (sku, lot)) in dispositions.iter().zip(&items) {
        let cause = match d.disposition {
            ReturnDisposition::Restock => "rma_restock",
            ReturnDisposition::Refurbish => "rma_refurbish",
            ReturnDisposition::ResellOpenBox => "rma_open_box",
            ReturnDisposition::CreditOnly => "rma_credit_only",
            ReturnDisposition::Donate => "rma_donate",
            ReturnDisposition::Recycle => "rma_recycle",
            ReturnDisposition::WriteOff => "rma_write_off",
        };
        out.push(Move {
            sku,
            lot_code: lot.as_deref(),
            location: RETURNS_AREA,
            qty_delta: -d.qty,
            cause,
            status: SELLABLE,
        });
        // Inspections before B-stock (schema version 1) put refurbished and open-box units back
        // in stock as new; since, they are kept apart, the refurbished ones queued first.
        let status = match d.disposition {
            ReturnDisposition::Refurbish if b_stock => AWAITING_REFURBISHMENT,
            ReturnDisposition::ResellOpenBox if b_stock => B_STOCK,
            _ => SELLABLE,
        };
        if d.disposition.returns_to_stock() {
            out.push(Move { sku, lot_code: lot.as_deref(), location: &d.location, qty_delta: d.qty, cause, status });
        }
    }
    moves(conn, stored, rma_no, &out).await?;
    if b_stock {
        for (d, (sku, lot)) in dispositions.iter().zip(&items) {
            if d.disposition == ReturnDisposition::Refurbish {
                queue(conn, rma_no, d, sku, lot.as_deref(), at).await?;
            }
        }
    }
    Ok(())
}

/// Units sent to refurbish join the queue of their RMA line (and location).
async fn queue(
    conn: &mut SqliteConnection,
    rma_no: &str,
    d: &LineDisposition,
    sku: &str,
    lot: Option<&str>,
    at: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO refurbishment_queue (rma_no, line_index, sku, lot_code, location, qty, serials, queued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) \
         ON CONFLICT (rma_no, line_index, location) DO UPDATE SET qty = qty + excluded.qty, \
         serials = (SELECT json_group_array(value) FROM (SELECT value FROM json_each(refurbishment_queue.serials) UNION ALL SELECT value FROM json_each(excluded.serials)))",
    )
    .bind(rma_no)
    .bind(d.line_index as i64)
    .bind(sku)
    .bind(lot)
    .bind(&d.location)
    .bind(d.qty)
    .bind(json(&d.serials))
    .bind(at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Units leave the refurbishment queue: out of the queue's stock, and into B-stock where they
/// wait when refurbished. Taken from the line's queue rows in location order.
async fn refurbished(
    conn: &mut SqliteConnection,
    stored: &StoredEvent,
    rma_no: &str,
    r: &Refurbishment,
) -> Result<(), StoreError> {
    let rows: Vec<(String, String, Option<String>, i64, String)> = sqlx::query_as(
        "SELECT location, sku, lot_code, qty, serials FROM refurbishment_queue WHERE rma_no = ? AND line_index = ? AND qty > 0 ORDER BY location",
    )
    .bind(rma_no)
    .bind(r.line_index as i64)
    .fetch_all(&mut *conn)
    .await?;
    let cause = match r.outcome {
        RefurbishmentOutcome::Refurbished => "refurbished",
        RefurbishmentOutcome::Scrapped => "refurbish_scrapped",
        RefurbishmentOutcome::ReturnedToVendor => "refurbish_returned_to_vendor",
    };
    let mut left = r.qty;
    let mut out = Vec::new();
    let mut taken = Vec::new();
    for (location, sku, lot, qty, serials) in &rows {
        let serials: Vec<String> = serde_json::from_str(serials).unwrap_or_default();
        // Serials named go from the row that holds them; otherwise units in location order.
        let take = if r.serials.is_empty() {
            left.min(*qty)
        } else {
            serials.iter().filter(|s| r.serials.contains(s)).count() as i64
        };
        if take <= 0 {
            continue;
        }
        left -= take;
        let kept: Vec<&String> = serials.iter().filter(|s| !r.serials.contains(s)).collect();
        taken.push((location.clone(), take, json(&kept)));
        let status = AWAITING_REFURBISHMENT;
        out.push(Move { sku, lot_code: lot.as_deref(), location, qty_delta: -take, cause, status });
        if r.outcome == RefurbishmentOutcome::Refurbished {
            out.push(Move { sku, lot_code: lot.as_deref(), location, qty_delta: take, cause, status: B_STOCK });
        }
        if left <= 0 {
            break;
        }
    }
    moves(conn, stored, rma_no, &out).await?;
    for (location, take, kept) in taken {
        sqlx::query("UPDATE refurbishment_queue SET qty = qty - ?, serials = ? WHERE rma_no = ? AND line_index = ? AND location = ?")
            .bind(take)
            .bind(kept)
            .bind(rma_no)
            .bind(r.line_index as i64)
            .bind(location)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

async fn settled(
    conn: &mut SqliteConnection,
    at: &str,
    rma_no: &str,
    settlement: &Settlement,
) -> Result<(), StoreError> {
    let (kind, amount, fee) = match settlement {
        Settlement::Refund { amount_minor, restocking_fee_minor } => {
            ("refund", Some(*amount_minor - *restocking_fee_minor), Some(*restocking_fee_minor))
        }
        Settlement::StoreCredit { amount_minor } => ("store_credit", Some(*amount_minor), None),
        Settlement::Exchange { .. } => ("exchange", None, None),
    };
    sqlx::query(
        "UPDATE rmas SET status = 'settled', settled_at = ?, settlement_kind = ?, settled_minor = ?, restocking_fee_minor = ? WHERE rma_no = ?",
    )
    .bind(at)
    .bind(kind)
    .bind(amount)
    .bind(fee)
    .bind(rma_no)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
