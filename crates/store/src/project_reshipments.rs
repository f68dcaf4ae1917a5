//! The reshipment tables, kept in step with reshipment events.

use lotline_domain::Event;
use lotline_domain::reshipment::{
    ApprovalPolicy, Reshipment, ReshipmentRequest, ReshipmentStatus, authorize_by_approvals,
};
use sqlx::SqliteConnection;

use crate::StoreError;
use crate::log::StoredEvent;
use crate::project::number_part;
use crate::project_kinds::{
    batched_events, core_events, production_events, recall_events, return_events, review_events, scar_events,
};
use crate::project_recalls::emptied_sql;

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

fn name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

async fn set_status(conn: &mut SqliteConnection, reshipment_no: &str, status: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE reshipments SET status = ? WHERE reshipment_no = ?")
        .bind(status)
        .bind(reshipment_no)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Replacement goods leave stock like any shipment: a delta per item, and for a lot received
/// here its on-hand and a shipment to the order's customer, so a forward trace reaches them.
async fn goods_left(conn: &mut SqliteConnection, reshipment_no: &str, stored: &StoredEvent) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO stock_moves (event_id, idx, sku, lot_code, location, qty_delta, cause, ref_no, at) \
         SELECT ?2, i.line_no, i.sku, i.lot_code, COALESCE(l.location, ''), -i.qty, 'reshipment_shipped', i.reshipment_no, ?3 \
         FROM reshipment_items i LEFT JOIN lots l ON l.lot_code = i.lot_code AND l.received_at IS NOT NULL \
         WHERE i.reshipment_no = ?1",
    )
    .bind(reshipment_no)
    .bind(&stored.id)
    .bind(&stored.occurred_at)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO lot_shipments (lot_id, order_no, customer_code, qty, shipped_at) \
         SELECT l.lot_id, r.order_no, COALESCE(o.customer_code, ''), i.qty, ?2 \
         FROM reshipment_items i JOIN reshipments r ON r.reshipment_no = i.reshipment_no \
         JOIN lots l ON l.lot_code = i.lot_code AND l.received_at IS NOT NULL \
         LEFT JOIN orders o ON o.order_no = r.order_no \
         WHERE i.reshipment_no = ?1 ORDER BY i.line_no",
    )
    .bind(reshipment_no)
    .bind(&stored.occurred_at)
    .execute(&mut *conn)
    .await?;
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "WITH taken AS (SELECT lot_code, SUM(qty) AS qty FROM reshipment_items WHERE reshipment_no = ?1 AND lot_code IS NOT NULL GROUP BY lot_code) \
         UPDATE lots SET on_hand = on_hand - taken.qty, status = {} \
         FROM taken WHERE lots.lot_code = taken.lot_code AND lots.received_at IS NOT NULL",
        emptied_sql("on_hand - taken.qty", "shipped")
    )))
    .bind(reshipment_no)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE lot_serials SET shipped_order = r.order_no, shipped_customer = COALESCE(o.customer_code, '') \
         FROM reshipment_items i, json_each(i.serials) j JOIN reshipments r ON r.reshipment_no = i.reshipment_no \
         JOIN lots l ON l.lot_code = i.lot_code LEFT JOIN orders o ON o.order_no = r.order_no \
         WHERE i.reshipment_no = ?1 AND lot_serials.lot_id = l.lot_id AND lot_serials.serial = j.value",
    )
    .bind(reshipment_no)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT OR REPLACE INTO lot_touches (lot_id) SELECT DISTINCT l.lot_id FROM reshipment_items i \
         JOIN lots l ON l.lot_code = i.lot_code AND l.received_at IS NOT NULL WHERE i.reshipment_no = ?1",
    )
    .bind(reshipment_no)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

async fn requested(conn: &mut SqliteConnection, r: &ReshipmentRequest, at: &str) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO reshipments (reshipment_no, seq_no, order_no, status, requested_by, requested_at, due_on, carrier, service, shipping_minor, goods_minor, total_minor, currency, payer, vendor_code, chargeback_status, ship_to_name, reason, rma_no) VALUES (?, ?, ?, 'requested', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&r.reshipment_no)
    .bind(number_part(&r.reshipment_no))
    .bind(&r.order_no)
    .bind(&r.requested_by)
    .bind(at)
    .bind(&r.due_on)
    .bind(r.carrier.as_str())
    .bind(&r.service)
    .bind(r.cost.shipping_minor)
    .bind(r.cost.goods_minor)
    .bind(r.cost.total_minor())
    .bind(&r.cost.currency)
    .bind(name(&r.payer))
    .bind(&r.vendor_code)
    .bind(r.vendor_code.as_ref().map(|_| "open"))
    .bind(&r.ship_to.name)
    .bind(&r.reason)
    .bind(&r.rma_no)
    .execute(&mut *conn)
    .await?;
    for failure_no in &r.failure_nos {
        sqlx::query("INSERT OR IGNORE INTO reshipment_failures (reshipment_no, failure_no) VALUES (?, ?)")
            .bind(&r.reshipment_no)
            .bind(failure_no)
            .execute(&mut *conn)
            .await?;
    }
    for item in &r.items {
        sqlx::query(
            "INSERT INTO reshipment_items (reshipment_no, line_no, sku, qty, lot_code, serials) VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(&r.reshipment_no)
        .bind(item.line_no)
        .bind(&item.sku)
        .bind(item.qty)
        .bind(crate::project::lot_key(&item.lot_code))
        .bind(json(&item.serials))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// An approval may complete a set of approvals given on several desks, none of which saw it
/// complete: the reshipment is authorized by the set, as the domain decides it, from the
/// stream up to this event (a rebuild must not see later ones).
async fn approved(conn: &mut SqliteConnection, reshipment_no: &str, stored: &StoredEvent) -> Result<(), StoreError> {
    let events = crate::log::load_stream(conn, "reshipment", reshipment_no).await?;
    let upto = events.iter().position(|e| e.id == stored.id).map_or(events.len(), |i| i + 1);
    // The desk that completed the set authorized it in the same act, with its own due date.
    let decided_here = events[upto..]
        .iter()
        .any(|e| e.act_id == stored.act_id && matches!(e.event, Event::ReshipmentAuthorized { .. }));
    if decided_here {
        return Ok(());
    }
    let Some(state) = events[..upto].iter().fold(None, |s, e| Reshipment::evolve(s, &e.event)) else { return Ok(()) };
    if state.status != ReshipmentStatus::Requested {
        return Ok(());
    }
    let policy = match crate::queries::reshipments::approval_policy(conn).await? {
        Some(policy) => policy,
        None => match crate::queries::people::settings(conn).await? {
            Some(settings) => ApprovalPolicy::default_for(&settings.currency),
            None => return Ok(()),
        },
    };
    let Some(at) = lotline_domain::time::from_stored(&stored.occurred_at) else { return Ok(()) };
    let day = crate::queries::site_time::site_calendar(conn).await?.calendar.day_at(at);
    let after = authorize_by_approvals(state, &policy, &day);
    if after.status == ReshipmentStatus::Authorized {
        sqlx::query(
            "UPDATE reshipments SET status = 'authorized', authorized_at = ?, due_on = ? \
             WHERE reshipment_no = ? AND status = 'requested'",
        )
        .bind(&stored.occurred_at)
        .bind(&after.due_on)
        .bind(reshipment_no)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Projects one reshipment event (or the approval policy); other events are not ours.
pub(crate) async fn apply(conn: &mut SqliteConnection, stored: &StoredEvent) -> Result<bool, StoreError> {
    let at = stored.occurred_at.as_str();
    match &stored.event {
        Event::ApprovalPolicySet(policy) => {
            sqlx::query("INSERT OR REPLACE INTO approval_policy (id, policy) VALUES (1, ?)")
                .bind(json(policy))
                .execute(&mut *conn)
                .await?;
        }
        Event::ReshipmentRequested(request) => requested(conn, request, at).await?,
        Event::ReshipmentAmended { reshipment_no, cost, .. } => {
            sqlx::query("UPDATE reshipments SET shipping_minor = ?, goods_minor = ?, total_minor = ?, currency = ?, status = 'requested', authorized_at = NULL WHERE reshipment_no = ?")
                .bind(cost.shipping_minor).bind(cost.goods_minor).bind(cost.total_minor()).bind(&cost.currency).bind(reshipment_no)
                .execute(&mut *conn).await?;
        }
        // Boxed: folding the stream makes a large future, and every append's future holds this one.
        Event::ReshipmentApproved { reshipment_no, .. } => Box::pin(approved(conn, reshipment_no, stored)).await?,
        // Once: a second desk's authorization of the same request, merged in later, changes nothing.
        Event::ReshipmentAuthorized { reshipment_no, due_on, .. } => {
            sqlx::query(
                "UPDATE reshipments SET status = 'authorized', authorized_at = ?, due_on = ? \
                 WHERE reshipment_no = ? AND status = 'requested'",
            )
            .bind(at)
            .bind(due_on)
            .bind(reshipment_no)
            .execute(&mut *conn)
            .await?;
        }
        Event::ReshipmentRejected { reshipment_no, .. } => set_status(conn, reshipment_no, "rejected").await?,
        Event::ReshipmentCancelled { reshipment_no, .. } => set_status(conn, reshipment_no, "cancelled").await?,
        Event::ReshipmentShipped { reshipment_no, carrier, service, tracking_no, shipped_on } => {
            sqlx::query("UPDATE reshipments SET status = 'shipped', carrier = ?, service = ?, tracking_no = ?, shipped_on = ? WHERE reshipment_no = ?")
                .bind(carrier.as_str()).bind(service).bind(tracking_no).bind(shipped_on).bind(reshipment_no)
                .execute(&mut *conn).await?;
            goods_left(conn, reshipment_no, stored).await?;
        }
        Event::ReshipmentDelivered { reshipment_no, delivered_on } => {
            sqlx::query("UPDATE reshipments SET status = 'delivered', delivered_on = ? WHERE reshipment_no = ?")
                .bind(delivered_on)
                .bind(reshipment_no)
                .execute(&mut *conn)
                .await?;
        }
        Event::ChargebackUpdated { reshipment_no, status, recovered_minor, .. } => {
            sqlx::query("UPDATE reshipments SET chargeback_status = ?, recovered_minor = ? WHERE reshipment_no = ?")
                .bind(status.as_str())
                .bind(recovered_minor)
                .bind(reshipment_no)
                .execute(&mut *conn)
                .await?;
        }
        core_events!()
        | batched_events!()
        | recall_events!()
        | return_events!()
        | review_events!()
        | scar_events!()
        | production_events!() => {
            return Ok(false);
        }
    }
    Ok(true)
}
