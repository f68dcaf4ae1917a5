//! Each step of an RMA: `decide_*` check the step against the RMA's state and return the events
//! to record, or an error naming the field and writing nothing.

use super::fee::{restocking_fee, restocking_fee_cap};
use super::policy::{MAX_PARCEL_GRAMS, ReturnPolicy};
use super::rma::{
    ConditionGrade, IntakeCheck, LineDisposition, PreferredOutcome, ReturnDisposition, Rma, RmaStatus, Settlement,
};
use crate::Event;
use crate::error::{ApiError, ErrorCode, FieldError, Violations};
use crate::reshipment::{Carrier, normalise_tracking, tracking_fits};

fn conflict(rma: &Rma, key: &str) -> ApiError {
    ApiError::new(ErrorCode::Conflict, key).with("rma_no", rma.rma_no()).with("status", rma.status.as_str())
}

fn only_in(rma: &Rma, allowed: &[RmaStatus], key: &str) -> Result<(), ApiError> {
    if allowed.contains(&rma.status) { Ok(()) } else { Err(conflict(rma, key)) }
}

fn comment_required(v: &mut Violations, comment: &str) {
    v.required("comment", comment);
    v.max_len("comment", comment, crate::limits::REASON);
}

/// An analyst approves an escalated or suspended RMA.
pub fn decide_approve(rma: &Rma, comment: &str) -> Result<Vec<Event>, ApiError> {
    only_in(rma, &[RmaStatus::Escalated, RmaStatus::Suspended], "error.rma.not_awaiting_decision")?;
    let mut v = Violations::default();
    v.max_len("comment", comment, crate::limits::REASON);
    v.into_result()?;
    Ok(vec![Event::RmaApproved { rma_no: rma.rma_no().to_owned(), comment: comment.trim().to_owned() }])
}

/// An analyst rejects an escalated or suspended RMA, always saying why.
pub fn decide_reject(rma: &Rma, comment: &str) -> Result<Vec<Event>, ApiError> {
    only_in(rma, &[RmaStatus::Escalated, RmaStatus::Suspended], "error.rma.not_awaiting_decision")?;
    let mut v = Violations::default();
    comment_required(&mut v, comment);
    v.into_result()?;
    Ok(vec![Event::RmaRejected { rma_no: rma.rma_no().to_owned(), comment: comment.trim().to_owned() }])
}

/// A QC failure found at intake is linked to the RMA it came back with: only goods that came back
/// (received, not yet settled) and only a product the RMA returns.
pub fn decide_link_failure(rma: &Rma, failure_no: &str, sku: &str) -> Result<Vec<Event>, ApiError> {
    only_in(rma, &[RmaStatus::Received, RmaStatus::Inspected], "error.rma.not_at_intake")?;
    if !rma.opening.lines.iter().any(|l| l.sku == sku) {
        return Err(ApiError::field(
            FieldError::new("rma_no", "error.rma.sku_not_returned").with("sku", sku).with("rma_no", rma.rma_no()),
        ));
    }
    Ok(vec![Event::RmaFailureLogged { rma_no: rma.rma_no().to_owned(), failure_no: failure_no.to_owned() }])
}

/// An escalated RMA waits for information from the customer; the comment says which.
pub fn decide_suspend(rma: &Rma, comment: &str) -> Result<Vec<Event>, ApiError> {
    only_in(rma, &[RmaStatus::Escalated], "error.rma.not_escalated")?;
    let mut v = Violations::default();
    comment_required(&mut v, comment);
    v.into_result()?;
    Ok(vec![Event::RmaSuspended { rma_no: rma.rma_no().to_owned(), comment: comment.trim().to_owned() }])
}

/// A prepaid label was made (again, for a reprint) for an approved RMA.
pub fn decide_label(rma: &Rma, carrier: Carrier, service: &str, weight_grams: i64) -> Result<Vec<Event>, ApiError> {
    only_in(rma, &[RmaStatus::Approved, RmaStatus::LabelPrinted], "error.rma.no_label")?;
    let mut v = Violations::default();
    if weight_grams <= 0 || weight_grams > MAX_PARCEL_GRAMS {
        v.push(FieldError::new("weight_grams", "error.rma.weight").with("max_kg", MAX_PARCEL_GRAMS / 1_000));
    }
    v.max_len("service", service.trim(), crate::limits::LABEL);
    v.into_result()?;
    Ok(vec![Event::RmaLabelPrinted {
        rma_no: rma.rma_no().to_owned(),
        carrier,
        service: service.trim().to_owned(),
        weight_grams,
    }])
}

/// The parcel is on its way back, with the carrier's tracking number.
pub fn decide_in_transit(rma: &Rma, carrier: Carrier, tracking_no: &str) -> Result<Vec<Event>, ApiError> {
    only_in(rma, &[RmaStatus::Approved, RmaStatus::LabelPrinted], "error.rma.not_shippable")?;
    let tracking_no = normalise_tracking(tracking_no);
    let mut v = Violations::default();
    if tracking_no.is_empty() {
        v.push(FieldError::new("tracking_no", "error.field.required"));
    } else if !tracking_fits(carrier, &tracking_no) {
        v.push(
            FieldError::new("tracking_no", "error.reshipment.bad_tracking")
                .with("carrier", carrier.display_name())
                .with("value", &tracking_no),
        );
    }
    v.into_result()?;
    Ok(vec![Event::RmaInTransit { rma_no: rma.rma_no().to_owned(), carrier, tracking_no }])
}

/// Goods arrived: how many of each line, and the intake checklist.
pub fn decide_receive(rma: &Rma, qty_received: &[i64], intake: &IntakeCheck) -> Result<Vec<Event>, ApiError> {
    if !rma.status.expects_goods() {
        return Err(conflict(rma, "error.rma.not_receivable"));
    }
    let lines = &rma.opening.lines;
    let mut v = Violations::default();
    if qty_received.len() != lines.len() {
        v.push(FieldError::new("qty_received", "error.rma.lines_count").with("expected", lines.len()));
    } else {
        for (i, (qty, line)) in qty_received.iter().zip(lines).enumerate() {
            let field = format!("qty_received[{i}]");
            if *qty < 0 {
                v.push(FieldError::new(field, "error.field.negative"));
            } else if *qty > line.qty {
                v.push(
                    FieldError::new(field, "error.rma.qty_above_expected")
                        .with("sku", &line.sku)
                        .with("expected", line.qty),
                );
            }
        }
        if v.is_empty() && qty_received.iter().all(|q| *q == 0) {
            v.push(FieldError::new("qty_received", "error.rma.nothing_received"));
        }
    }
    v.max_len("note", &intake.note, crate::limits::REASON);
    v.into_result()?;
    Ok(vec![Event::RmaReceived {
        rma_no: rma.rma_no().to_owned(),
        qty_received: qty_received.to_vec(),
        intake: intake.clone(),
    }])
}

/// Where received goods wait for inspection; dispositions move them on from here.
pub const RETURNS_AREA: &str = "RETURNS";

/// Every received unit gets a disposition; those that go back to stock say where.
pub fn decide_inspect(rma: &Rma, dispositions: &[LineDisposition]) -> Result<Vec<Event>, ApiError> {
    only_in(rma, &[RmaStatus::Received], "error.rma.not_received")?;
    let mut v = Violations::default();
    let mut assigned = vec![0_i64; rma.opening.lines.len()];
    for (i, d) in dispositions.iter().enumerate() {
        let at = |name: &str| format!("dispositions[{i}].{name}");
        match assigned.get_mut(d.line_index) {
            None => v.push(FieldError::new(at("line_index"), "error.rma.unknown_line").with("index", d.line_index)),
            Some(total) => *total += d.qty.max(0),
        }
        if d.qty <= 0 {
            v.push(FieldError::new(at("qty"), "error.rma.qty_positive"));
        }
        if d.recovered_minor < 0 {
            v.push(FieldError::new(at("recovered_minor"), "error.field.negative"));
        }
        if d.disposition.returns_to_stock() && d.location.trim().is_empty() {
            v.push(FieldError::new(at("location"), "error.rma.location_required"));
        } else if d.disposition.returns_to_stock() && d.location.trim().eq_ignore_ascii_case(RETURNS_AREA) {
            // Goods "moved" to where they already wait would never leave the returns area.
            v.push(FieldError::new(at("location"), "error.rma.location_is_returns_area").with("area", RETURNS_AREA));
        }
    }
    for (i, (assigned, received)) in assigned.iter().zip(&rma.received).enumerate() {
        if assigned != received {
            v.push(
                FieldError::new(format!("lines[{i}]"), "error.rma.disposition_qty")
                    .with("sku", &rma.opening.lines[i].sku)
                    .with("received", received)
                    .with("assigned", assigned),
            );
        }
    }
    v.into_result()?;
    Ok(vec![Event::RmaInspected { rma_no: rma.rma_no().to_owned(), dispositions: dispositions.to_vec() }])
}

/// What the customer paid for the units that came back: the most a refund or credit may be.
pub fn paid_for_received(rma: &Rma) -> i64 {
    rma.opening.lines.iter().zip(&rma.received).map(|(line, qty)| line.unit_price_minor * qty).sum()
}

/// Store credit goes out within hours of approval (the policy's promise), long before the parcel
/// arrives, so it is issued on its own and the RMA settles later, when the goods are inspected.
/// Only for a customer who asked for credit, once, up to what they paid for every unit the RMA
/// expects back. No restocking fee: the policy charges one on refunds only.
pub fn decide_issue_credit(rma: &Rma, amount_minor: i64) -> Result<Vec<Event>, ApiError> {
    only_in(
        rma,
        &[
            RmaStatus::Approved,
            RmaStatus::LabelPrinted,
            RmaStatus::InTransit,
            RmaStatus::Received,
            RmaStatus::Inspected,
        ],
        "error.rma.credit_not_open",
    )?;
    if rma.opening.preferred_outcome != PreferredOutcome::StoreCredit {
        return Err(conflict(rma, "error.rma.credit_not_preferred"));
    }
    if let Some(issued) = rma.credit_issued_minor {
        let money = crate::money::format_money(issued, &rma.opening.currency);
        return Err(conflict(rma, "error.rma.credit_already_issued").with("amount", money));
    }
    let value = rma.opening.value_minor();
    let mut v = Violations::default();
    if amount_minor <= 0 {
        v.push(FieldError::new("amount_minor", "error.rma.amount_positive"));
    } else if amount_minor > value {
        let money = crate::money::format_money(value, &rma.opening.currency);
        v.push(FieldError::new("amount_minor", "error.rma.credit_above_value").with("value", money));
    }
    v.into_result()?;
    Ok(vec![Event::RmaCreditIssued { rma_no: rma.rma_no().to_owned(), amount_minor }])
}

/// Credit issued ahead of the goods above what the customer paid for what actually came back:
/// money finance has to recover, shown on the RMA rather than silently written off.
pub fn credit_above_received(rma: &Rma) -> i64 {
    rma.credit_issued_minor.map_or(0, |issued| (issued - paid_for_received(rma)).max(0))
}

/// Settles an inspected RMA by refund, store credit or exchange. Credit issued ahead of the goods
/// settles as exactly that credit: the money has already gone out.
pub fn decide_settle(rma: &Rma, settlement: &Settlement) -> Result<Vec<Event>, ApiError> {
    only_in(rma, &[RmaStatus::Inspected], "error.rma.not_inspected")?;
    let paid = paid_for_received(rma);
    let currency = &rma.opening.currency;
    let money = |minor: i64| crate::money::format_money(minor, currency);
    if let Some(issued) = rma.credit_issued_minor {
        if *settlement != (Settlement::StoreCredit { amount_minor: issued }) {
            return Err(ApiError::field(
                FieldError::new("settlement", "error.rma.settle_as_issued_credit").with("amount", money(issued)),
            ));
        }
        return Ok(vec![Event::RmaSettled { rma_no: rma.rma_no().to_owned(), settlement: settlement.clone() }]);
    }
    let mut v = Violations::default();
    match settlement {
        Settlement::Refund { amount_minor, restocking_fee_minor } => {
            if *amount_minor <= 0 {
                v.push(FieldError::new("amount_minor", "error.rma.amount_positive"));
            } else if *amount_minor > paid {
                v.push(FieldError::new("amount_minor", "error.rma.refund_above_paid").with("paid", money(paid)));
            }
            let cap = restocking_fee_cap(*amount_minor);
            if *restocking_fee_minor < 0 {
                v.push(FieldError::new("restocking_fee_minor", "error.field.negative"));
            } else if *restocking_fee_minor > cap {
                v.push(
                    FieldError::new("restocking_fee_minor", "error.returns.fee_above_cap")
                        .with("cap_percent", super::policy::RESTOCKING_FEE_CAP_BPS / 100),
                );
            }
        }
        Settlement::StoreCredit { amount_minor } => {
            if *amount_minor <= 0 {
                v.push(FieldError::new("amount_minor", "error.rma.amount_positive"));
            } else if *amount_minor > paid {
                v.push(FieldError::new("amount_minor", "error.rma.refund_above_paid").with("paid", money(paid)));
            }
        }
        Settlement::Exchange { reshipment_no } => v.required("reshipment_no", reshipment_no),
    }
    v.into_result()?;
    Ok(vec![Event::RmaSettled { rma_no: rma.rma_no().to_owned(), settlement: settlement.clone() }])
}

/// Every unit came back as new and goes straight back on the shelf: no restocking fee is due.
pub fn resalable_as_new(rma: &Rma) -> bool {
    rma.intake.as_ref().is_some_and(|intake| intake.grade == ConditionGrade::A)
        && rma.dispositions.iter().all(|d| d.disposition == ReturnDisposition::Restock)
}

/// The restocking fee the policy charges on a refund of `refund_minor` for this RMA.
pub fn policy_fee(policy: &ReturnPolicy, rma: &Rma, refund_minor: i64) -> i64 {
    restocking_fee(policy, &rma.opening.reason_code, refund_minor, resalable_as_new(rma))
}

/// Settles as [`decide_settle`] does, and refuses a restocking fee above what the policy charges
/// for this return (none for faulty goods or goods resold as new): refund accuracy.
pub fn decide_settle_by_policy(
    policy: &ReturnPolicy,
    rma: &Rma,
    settlement: &Settlement,
) -> Result<Vec<Event>, ApiError> {
    let events = decide_settle(rma, settlement)?;
    if let Settlement::Refund { amount_minor, restocking_fee_minor } = settlement {
        let allowed = policy_fee(policy, rma, *amount_minor);
        if *restocking_fee_minor > allowed {
            let money = crate::money::format_money(allowed, &rma.opening.currency);
            return Err(ApiError::field(
                FieldError::new("restocking_fee_minor", "error.rma.fee_above_policy").with("allowed", money),
            ));
        }
    }
    Ok(events)
}

/// Who may cancel an RMA in its state: a decision once it was escalated, suspended or credited,
/// else whoever may open one.
pub fn cancel_permission(rma: &Rma) -> crate::people::Permission {
    use crate::people::Permission;
    match rma.status {
        RmaStatus::Escalated | RmaStatus::Suspended => Permission::DecideRma,
        _ if rma.credit_issued_minor.is_some() => Permission::DecideRma,
        _ => Permission::OpenRma,
    }
}

/// Cancels an RMA whose goods have not been sent back yet.
pub fn decide_cancel(rma: &Rma, reason: &str) -> Result<Vec<Event>, ApiError> {
    only_in(
        rma,
        &[RmaStatus::Escalated, RmaStatus::Suspended, RmaStatus::Approved, RmaStatus::LabelPrinted],
        "error.rma.not_cancellable",
    )?;
    let mut v = Violations::default();
    v.required("reason", reason);
    v.max_len("reason", reason, crate::limits::REASON);
    v.into_result()?;
    Ok(vec![Event::RmaCancelled { rma_no: rma.rma_no().to_owned(), reason: reason.trim().to_owned() }])
}
