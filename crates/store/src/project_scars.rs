//! SCARs and the chargebacks on QC failures: one row per SCAR with each step's text, who and
//! when; one row per failure chargeback with its settlement.

use lotline_domain::Event;
use lotline_domain::chargeback::FailureChargebackStatus;
use lotline_domain::scar::ScarStatus;
use sqlx::SqliteConnection;

use crate::StoreError;
use crate::log::StoredEvent;
use crate::project::number_part;
use crate::project_kinds::{
    batched_events, core_events, production_events, recall_events, reshipment_events, return_events, review_events,
};

/// The columns a step writes: its text, its time, its author (and the root cause's actions).
fn step_columns(to: ScarStatus) -> Option<(&'static str, &'static str, &'static str)> {
    match to {
        ScarStatus::Sent => Some(("sent_note", "sent_at", "sent_by")),
        ScarStatus::ContainmentReceived => Some(("containment", "containment_at", "containment_by")),
        ScarStatus::RootCauseReceived => Some(("root_cause", "root_cause_at", "root_cause_by")),
        ScarStatus::Verified => Some(("verification", "verified_at", "verified_by")),
        ScarStatus::Closed => Some(("closure", "closed_at", "closed_by")),
        ScarStatus::Draft => None,
    }
}

pub(crate) async fn apply(conn: &mut SqliteConnection, stored: &StoredEvent) -> Result<bool, StoreError> {
    let at = &stored.occurred_at;
    match &stored.event {
        Event::ScarOpened(o) => {
            sqlx::query(
                "INSERT INTO scars (scar_no, seq_no, vendor_code, failure_no, status, team, problem, opened_at, opened_by) \
                 VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, ?)",
            )
            .bind(&o.scar_no)
            .bind(number_part(&o.scar_no))
            .bind(&o.vendor_code)
            .bind(&o.failure_no)
            .bind(serde_json::to_string(&o.team).unwrap_or_else(|_| "[]".into()))
            .bind(&o.problem)
            .bind(at)
            .bind(&stored.actor_id)
            .execute(&mut *conn)
            .await?;
        }
        Event::ScarAdvanced { scar_no, to, due_on, step } => {
            let Some((text, when, by)) = step_columns(*to) else { return Ok(true) };
            let sql = format!(
                "UPDATE scars SET status = ?1, {text} = ?2, {when} = ?3, {by} = ?4, due_on = COALESCE(?9, due_on), \
                 actions = CASE WHEN ?5 THEN ?6 ELSE actions END, preventive = CASE WHEN ?5 THEN ?7 ELSE preventive END \
                 WHERE scar_no = ?8"
            );
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(to.as_str())
                .bind(&step.text)
                .bind(at)
                .bind(&stored.actor_id)
                .bind(*to == ScarStatus::RootCauseReceived)
                .bind(&step.actions)
                .bind(&step.preventive)
                .bind(scar_no)
                .bind(due_on)
                .execute(&mut *conn)
                .await?;
        }
        Event::FailureChargebackRecorded { failure_no, source, vendor_code, amount_minor, currency, note } => {
            sqlx::query(
                "INSERT INTO failure_chargebacks (failure_no, source, vendor_code, amount_minor, currency, status, note, recorded_at, recorded_by) \
                 VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?) ON CONFLICT (failure_no, source) DO NOTHING",
            )
            .bind(failure_no)
            .bind(source.as_str())
            .bind(vendor_code)
            .bind(amount_minor)
            .bind(currency)
            .bind(note)
            .bind(at)
            .bind(&stored.actor_id)
            .execute(&mut *conn)
            .await?;
        }
        Event::FailureChargebackSettled { failure_no, source, status, recovered_minor, note } => {
            sqlx::query(
                "UPDATE failure_chargebacks SET status = ?, recovered_minor = ?, settled_at = ?, settled_by = ?, settle_note = ? \
                 WHERE failure_no = ? AND source = ?",
            )
            .bind(status.as_str())
            .bind(recovered_minor)
            .bind(at)
            .bind(&stored.actor_id)
            .bind(note)
            .bind(failure_no)
            .bind(source.as_str())
            .execute(&mut *conn)
            .await?;
        }
        Event::RmaChargebackRecorded {
            rma_no,
            claim_no,
            line_index,
            qty,
            serials,
            vendor_code,
            amount_minor,
            currency,
        } => {
            let claim = RmaClaim {
                rma_no,
                claim_no: *claim_no,
                line_index: *line_index,
                qty: *qty,
                serials,
                vendor_code,
                amount_minor: *amount_minor,
                currency,
            };
            record_rma_chargeback(conn, stored, &claim).await?;
        }
        Event::RmaChargebackSettled { rma_no, claim_no, status, recovered_minor, note } => {
            settle_rma_chargeback(conn, stored, (rma_no, *claim_no), *status, *recovered_minor, note).await?;
        }
        core_events!()
        | batched_events!()
        | recall_events!()
        | reshipment_events!()
        | return_events!()
        | review_events!()
        | production_events!() => return Ok(false),
    }
    Ok(true)
}

/// An `RmaChargebackRecorded`'s fields: units the refurbishment queue sent back to their vendor.
struct RmaClaim<'a> {
    rma_no: &'a str,
    claim_no: u32,
    line_index: usize,
    qty: i64,
    serials: &'a [String],
    vendor_code: &'a str,
    amount_minor: i64,
    currency: &'a str,
}

async fn record_rma_chargeback(
    conn: &mut SqliteConnection,
    stored: &StoredEvent,
    claim: &RmaClaim<'_>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO rma_chargebacks (rma_no, claim_no, line_index, qty, serials, vendor_code, amount_minor, currency, status, recorded_at, recorded_by) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?) ON CONFLICT (rma_no, claim_no) DO NOTHING",
    )
    .bind(claim.rma_no)
    .bind(claim.claim_no)
    .bind(claim.line_index as i64)
    .bind(claim.qty)
    .bind(serde_json::to_string(claim.serials).unwrap_or_else(|_| "[]".into()))
    .bind(claim.vendor_code)
    .bind(claim.amount_minor)
    .bind(claim.currency)
    .bind(&stored.occurred_at)
    .bind(&stored.actor_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// An RMA's chargeback recovered (in full or part) or written off.
async fn settle_rma_chargeback(
    conn: &mut SqliteConnection,
    stored: &StoredEvent,
    (rma_no, claim_no): (&str, u32),
    status: FailureChargebackStatus,
    recovered_minor: i64,
    note: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE rma_chargebacks SET status = ?, recovered_minor = ?, settled_at = ?, settled_by = ?, settle_note = ? \
         WHERE rma_no = ? AND claim_no = ?",
    )
    .bind(status.as_str())
    .bind(recovered_minor)
    .bind(&stored.occurred_at)
    .bind(&stored.actor_id)
    .bind(note)
    .bind(rma_no)
    .bind(claim_no)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
