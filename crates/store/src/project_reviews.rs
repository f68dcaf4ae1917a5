//! The review tables: settings, vendor ratings, safety stock; and the facts the KPIs need from
//! returns and chargebacks that their own tables overwrite or never keep.
//!
//! Runs before the reshipment and returns projections, because a chargeback's change is the new
//! total less the one their row still holds. Those events stay theirs: this returns `false` for
//! them after noting what it needs.

use lotline_domain::Event;
use lotline_domain::returns::{ConditionGrade, IntakeCheck, ReturnDisposition};
use sqlx::SqliteConnection;

use crate::StoreError;
use crate::log::StoredEvent;
use crate::project_kinds::{
    batched_events, core_events, production_events, recall_events, reshipment_events, return_events, review_events,
    scar_events,
};

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Damaged as the damaged-returns KPI counts it: graded visibly used / damaged or unsellable, or
/// arrived in broken packaging.
fn damaged(intake: &IntakeCheck) -> bool {
    matches!(intake.grade, ConditionGrade::C | ConditionGrade::D) || !intake.packaging_intact
}

fn grade(intake: &IntakeCheck) -> &'static str {
    match intake.grade {
        ConditionGrade::A => "A",
        ConditionGrade::B => "B",
        ConditionGrade::C => "C",
        ConditionGrade::D => "D",
    }
}

/// Notes what the review needs from returns and chargeback events; never claims them.
async fn observe(conn: &mut SqliteConnection, stored: &StoredEvent) -> Result<(), StoreError> {
    let at = stored.occurred_at.as_str();
    match &stored.event {
        Event::RmaReceived { rma_no, intake, .. } => {
            sqlx::query("INSERT INTO rma_review_facts (rma_no, grade, damaged) VALUES (?, ?, ?) ON CONFLICT (rma_no) DO UPDATE SET grade = excluded.grade, damaged = excluded.damaged")
                .bind(rma_no).bind(grade(intake)).bind(damaged(intake))
                .execute(&mut *conn).await?;
        }
        Event::RmaInspected { rma_no, dispositions, .. } => {
            let restock_only = dispositions.iter().all(|d| d.disposition == ReturnDisposition::Restock);
            sqlx::query("INSERT INTO rma_review_facts (rma_no, restock_only) VALUES (?, ?) ON CONFLICT (rma_no) DO UPDATE SET restock_only = excluded.restock_only")
                .bind(rma_no).bind(restock_only)
                .execute(&mut *conn).await?;
        }
        Event::RmaCancelled { rma_no, .. } => {
            sqlx::query("INSERT INTO rma_review_facts (rma_no, cancelled_at) VALUES (?, ?) ON CONFLICT (rma_no) DO UPDATE SET cancelled_at = excluded.cancelled_at")
                .bind(rma_no).bind(at)
                .execute(&mut *conn).await?;
        }
        Event::RmaLabelPrinted { rma_no, .. } | Event::RmaLabelFailed { rma_no, .. } => {
            let ok = matches!(stored.event, Event::RmaLabelPrinted { .. });
            sqlx::query("INSERT INTO rma_label_attempts (event_id, rma_no, at, ok) VALUES (?, ?, ?, ?)")
                .bind(&stored.id)
                .bind(rma_no)
                .bind(at)
                .bind(ok)
                .execute(&mut *conn)
                .await?;
        }
        Event::ChargebackUpdated { reshipment_no, recovered_minor, .. } => {
            sqlx::query(
                "INSERT INTO chargeback_recoveries (event_id, reshipment_no, vendor_code, currency, delta_minor, at) \
                 SELECT ?, reshipment_no, vendor_code, currency, ? - recovered_minor, ? FROM reshipments \
                 WHERE reshipment_no = ? AND ? <> recovered_minor",
            )
            .bind(&stored.id)
            .bind(recovered_minor)
            .bind(at)
            .bind(reshipment_no)
            .bind(recovered_minor)
            .execute(&mut *conn)
            .await?;
        }
        // No fact the review needs beyond what their own tables keep.
        Event::RmaOpened(_)
        | Event::RmaApproved { .. }
        | Event::RmaRejected { .. }
        | Event::RmaSuspended { .. }
        | Event::RmaInTransit { .. }
        | Event::RmaSettled { .. }
        | Event::RmaCreditIssued { .. }
        | Event::RmaPayoutRequested { .. }
        | Event::RmaPayoutApproved { .. }
        | Event::RmaRefurbished { .. }
        | Event::RmaFailureLogged { .. }
        | Event::RmaCostRecorded { .. }
        | Event::RmaNoteAdded { .. }
        | Event::ReturnPolicySet(_)
        | Event::ApprovalPolicySet(_)
        | Event::ReshipmentRequested(_)
        | Event::ReshipmentAmended { .. }
        | Event::ReshipmentApproved { .. }
        | Event::ReshipmentAuthorized { .. }
        | Event::ReshipmentRejected { .. }
        | Event::ReshipmentShipped { .. }
        | Event::ReshipmentDelivered { .. }
        | Event::ReshipmentCancelled { .. }
        | core_events!()
        | batched_events!()
        | recall_events!()
        | review_events!()
        | scar_events!()
        | production_events!() => {}
    }
    Ok(())
}

/// Projects one review event; notes returns and chargeback facts and leaves those events to
/// their own projections.
pub(crate) async fn apply(conn: &mut SqliteConnection, stored: &StoredEvent) -> Result<bool, StoreError> {
    match &stored.event {
        Event::KpiTargetsSet(targets) => {
            sqlx::query("INSERT OR REPLACE INTO kpi_targets (id, targets) VALUES (1, ?)")
                .bind(json(targets))
                .execute(&mut *conn)
                .await?;
        }
        Event::AqlSwitchingSet { reduced_allowed } => {
            sqlx::query("INSERT OR REPLACE INTO aql_switching (id, reduced_allowed) VALUES (1, ?)")
                .bind(reduced_allowed)
                .execute(&mut *conn)
                .await?;
        }
        Event::LotInspectionRecorded { inspection_id, sku, vendor_code, lot_code, inspection, .. } => {
            sqlx::query(
                "INSERT OR REPLACE INTO lot_inspections (inspection_id, sku, vendor_code, lot_code, occurred_at, log_seq, inspection) \
                 VALUES (?, ?, ?, ?, ?, ?, ?)",
            )
            .bind(inspection_id)
            .bind(sku)
            .bind(vendor_code)
            .bind(lot_code)
            .bind(&stored.occurred_at)
            .bind(stored.seq)
            .bind(json(inspection))
            .execute(&mut *conn)
            .await?;
        }
        Event::AqlInspectionResumed { sku, vendor_code, note } => {
            sqlx::query(
                "INSERT OR REPLACE INTO aql_resumptions (event_id, sku, vendor_code, occurred_at, log_seq, note) \
                 VALUES (?, ?, ?, ?, ?, ?)",
            )
            .bind(&stored.id)
            .bind(sku)
            .bind(vendor_code)
            .bind(&stored.occurred_at)
            .bind(stored.seq)
            .bind(note)
            .execute(&mut *conn)
            .await?;
        }
        Event::ScorecardSettingsSet(settings) => {
            sqlx::query("INSERT OR REPLACE INTO scorecard_settings (id, settings) VALUES (1, ?)")
                .bind(json(settings))
                .execute(&mut *conn)
                .await?;
        }
        Event::VendorRated { vendor_code, day, rating, period_from, period_to } => {
            // One rating a day: of two (two desks rated the vendor that day), the one with the
            // greatest event id stands, whichever is projected first.
            sqlx::query(
                "INSERT INTO vendor_ratings (vendor_code, day, rating, period_from, period_to, event_id) VALUES (?, ?, ?, ?, ?, ?) \
                 ON CONFLICT (vendor_code, day) DO UPDATE SET rating = excluded.rating, period_from = excluded.period_from, \
                 period_to = excluded.period_to, event_id = excluded.event_id \
                 WHERE vendor_ratings.event_id IS NULL OR excluded.event_id > vendor_ratings.event_id",
            )
            .bind(vendor_code)
            .bind(day)
            .bind(rating)
            .bind(period_from)
            .bind(period_to)
            .bind(&stored.id)
            .execute(&mut *conn)
            .await?;
        }
        Event::VendorReviewed { vendor_code, note } => {
            sqlx::query(
                "INSERT INTO vendor_reviews (event_id, vendor_code, at, note, actor_id) VALUES (?, ?, ?, ?, ?)",
            )
            .bind(&stored.id)
            .bind(vendor_code)
            .bind(&stored.occurred_at)
            .bind(note)
            .bind(&stored.actor_id)
            .execute(&mut *conn)
            .await?;
        }
        Event::SafetyStockSet { sku, min_qty: Some(min_qty), max_qty } => {
            sqlx::query("INSERT OR REPLACE INTO safety_stock (sku, min_qty, max_qty) VALUES (?, ?, ?)")
                .bind(sku)
                .bind(min_qty)
                .bind(max_qty)
                .execute(&mut *conn)
                .await?;
        }
        Event::SafetyStockSet { sku, min_qty: None, .. } => {
            sqlx::query("DELETE FROM safety_stock WHERE sku = ?").bind(sku).execute(&mut *conn).await?;
        }
        core_events!()
        | batched_events!()
        | recall_events!()
        | reshipment_events!()
        | return_events!()
        | scar_events!()
        | production_events!() => {
            observe(conn, stored).await?;
            return Ok(false);
        }
    }
    Ok(true)
}
