//! Work orders, their blocks and customer complaints: one row per work order with its run's
//! steps (who, when), a row per component lot and per blocking failure, one row per complaint.
//! The stock a completion moves is the lots' own (the act's receipt and links).

use lotline_domain::Event;
use lotline_domain::production::ComplaintStatus;
use sqlx::SqliteConnection;

use crate::StoreError;
use crate::log::StoredEvent;
use crate::project::{lot_key, name, number_part};
use crate::project_kinds::{
    batched_events, core_events, recall_events, reshipment_events, return_events, review_events, scar_events,
};

pub(crate) async fn apply(conn: &mut SqliteConnection, stored: &StoredEvent) -> Result<bool, StoreError> {
    match &stored.event {
        Event::WorkOrderPlanned(_)
        | Event::WorkOrderStarted { .. }
        | Event::WorkOrderCompleted { .. }
        | Event::WorkOrderBlocked { .. }
        | Event::WorkOrderBlockDecided { .. } => work_orders(conn, stored).await?,
        Event::ComplaintOpened(_) | Event::ComplaintAdvanced { .. } => complaints(conn, stored).await?,
        core_events!()
        | batched_events!()
        | recall_events!()
        | reshipment_events!()
        | return_events!()
        | review_events!()
        | scar_events!() => return Ok(false),
    }
    Ok(true)
}

async fn work_orders(conn: &mut SqliteConnection, stored: &StoredEvent) -> Result<(), StoreError> {
    let (at, by) = (&stored.occurred_at, &stored.actor_id);
    match &stored.event {
        Event::WorkOrderPlanned(plan) => {
            sqlx::query(
                "INSERT INTO work_orders (work_order_no, seq_no, sku, output_lot_code, planned_qty, unit, location, due_on, \
                 note, status, planned_at, planned_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'planned', ?, ?) \
                 ON CONFLICT (work_order_no) DO NOTHING",
            )
            .bind(&plan.work_order_no)
            .bind(number_part(&plan.work_order_no))
            .bind(&plan.sku)
            .bind(&plan.output_lot_code)
            .bind(plan.planned_qty)
            .bind(&plan.unit)
            .bind(&plan.location)
            .bind(&plan.due_on)
            .bind(&plan.note)
            .bind(at)
            .bind(by)
            .execute(&mut *conn)
            .await?;
            for c in &plan.components {
                sqlx::query(
                    "INSERT INTO work_order_components (work_order_no, lot_code, planned_qty) VALUES (?, ?, ?) \
                     ON CONFLICT (work_order_no, lot_code) DO UPDATE SET planned_qty = excluded.planned_qty",
                )
                .bind(&plan.work_order_no)
                .bind(&c.lot_code)
                .bind(c.qty)
                .execute(&mut *conn)
                .await?;
            }
        }
        Event::WorkOrderStarted { work_order_no } => {
            sqlx::query(
                "UPDATE work_orders SET status = 'in_progress', started_at = ?, started_by = ? \
                 WHERE work_order_no = ? AND status = 'planned'",
            )
            .bind(at)
            .bind(by)
            .bind(work_order_no)
            .execute(&mut *conn)
            .await?;
        }
        Event::WorkOrderCompleted { work_order_no, output_qty, consumed } => {
            sqlx::query(
                "UPDATE work_orders SET status = 'completed', output_qty = ?, completed_at = ?, completed_by = ? \
                 WHERE work_order_no = ?",
            )
            .bind(output_qty)
            .bind(at)
            .bind(by)
            .bind(work_order_no)
            .execute(&mut *conn)
            .await?;
            for c in consumed {
                sqlx::query(
                    "INSERT INTO work_order_components (work_order_no, lot_code, consumed_qty) VALUES (?, ?, ?) \
                     ON CONFLICT (work_order_no, lot_code) DO UPDATE SET consumed_qty = excluded.consumed_qty",
                )
                .bind(work_order_no)
                .bind(&c.lot_code)
                .bind(c.qty)
                .execute(&mut *conn)
                .await?;
            }
        }
        Event::WorkOrderBlocked { work_order_no, failure_no } => {
            // The same block merged twice, or merged after its decision, stays as it is.
            sqlx::query(
                "INSERT INTO work_order_blocks (work_order_no, failure_no, blocked_at, blocked_by) VALUES (?, ?, ?, ?) \
                 ON CONFLICT (work_order_no, failure_no) DO NOTHING",
            )
            .bind(work_order_no)
            .bind(failure_no)
            .bind(at)
            .bind(by)
            .execute(&mut *conn)
            .await?;
        }
        Event::WorkOrderBlockDecided { work_order_no, failure_no, decision, note } => {
            sqlx::query(
                "UPDATE work_order_blocks SET decision = ?, decision_note = ?, decided_at = ?, decided_by = ? \
                 WHERE work_order_no = ? AND failure_no = ? AND decision IS NULL",
            )
            .bind(decision.as_str())
            .bind(note)
            .bind(at)
            .bind(by)
            .bind(work_order_no)
            .bind(failure_no)
            .execute(&mut *conn)
            .await?;
        }
        // Projected by `complaints`.
        Event::ComplaintOpened(_)
        | Event::ComplaintAdvanced { .. }
        | core_events!()
        | batched_events!()
        | recall_events!()
        | reshipment_events!()
        | return_events!()
        | review_events!()
        | scar_events!() => {}
    }
    Ok(())
}

async fn complaints(conn: &mut SqliteConnection, stored: &StoredEvent) -> Result<(), StoreError> {
    let (at, by) = (&stored.occurred_at, &stored.actor_id);
    match &stored.event {
        Event::ComplaintOpened(o) => {
            sqlx::query(
                "INSERT INTO complaints (complaint_no, seq_no, received_on, customer_code, order_no, lot_code, work_order_no, \
                 sku, vendor_code, qty_affected, description, severity, status, opened_at, opened_by) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?) ON CONFLICT (complaint_no) DO NOTHING",
            )
            .bind(&o.complaint_no)
            .bind(number_part(&o.complaint_no))
            .bind(&o.received_on)
            .bind(&o.report.customer_code)
            .bind(&o.report.order_no)
            .bind(lot_key(&o.report.lot_code))
            .bind(&o.report.work_order_no)
            .bind(&o.report.sku)
            .bind(&o.vendor_code)
            .bind(o.report.qty_affected)
            .bind(&o.report.description)
            .bind(name(&o.report.severity))
            .bind(at)
            .bind(by)
            .execute(&mut *conn)
            .await?;
        }
        Event::ComplaintAdvanced { complaint_no, to, outcome, note } => {
            let sql = match to {
                ComplaintStatus::Investigating => {
                    "UPDATE complaints SET status = ?1, investigating_at = ?2, investigating_by = ?3, \
                     investigation_note = ?4 WHERE complaint_no = ?6"
                }
                ComplaintStatus::Closed => {
                    "UPDATE complaints SET status = ?1, closed_at = ?2, closed_by = ?3, closing_note = ?4, outcome = ?5 \
                     WHERE complaint_no = ?6"
                }
                ComplaintStatus::Open => return Ok(()),
            };
            sqlx::query(sql)
                .bind(to.as_str())
                .bind(at)
                .bind(by)
                .bind(note)
                .bind(outcome.map(|o| o.as_str()))
                .bind(complaint_no)
                .execute(&mut *conn)
                .await?;
        }
        // Projected by `work_orders`.
        Event::WorkOrderPlanned(_)
        | Event::WorkOrderStarted { .. }
        | Event::WorkOrderCompleted { .. }
        | Event::WorkOrderBlocked { .. }
        | Event::WorkOrderBlockDecided { .. }
        | core_events!()
        | batched_events!()
        | recall_events!()
        | reshipment_events!()
        | return_events!()
        | review_events!()
        | scar_events!() => {}
    }
    Ok(())
}
