//! Each step of an RMA: `decide_*` check the step against the RMA's state and return the events
//! to record, or an error naming the field and writing nothing.

use super::fee::restocking_fee_cap;
use super::line_fee::policy_fee;
use super::payout::{check_payer, decide_request_payout, payout_open, pays_money};
use super::policy::{MAX_PARCEL_GRAMS, ReturnPolicy};
use super::rma::{IntakeCheck, LineDisposition, PreferredOutcome, Rma, RmaStatus, Settlement};
use crate::Event;
use crate::approval::Rules;
use crate::error::{ApiError, ErrorCode, FieldError, Violations};
use crate::people::Actor;
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

/// An analyst approves an escalated or suspended RMA; `decided_by` may not pay it out later.
pub fn decide_approve(rma: &Rma, comment: &str, decided_by: Option<&str>) -> Result<Vec<Event>, ApiError> {
    only_in(rma, &[RmaStatus::Escalated, RmaStatus::Suspended], "error.rma.not_awaiting_decision")?;
    let mut v = Violations::default();
    v.max_len("comment", comment, crate::limits::REASON);
    v.into_result()?;
    Ok(vec![Event::RmaApproved {
        rma_no: rma.rma_no().to_owned(),
        comment: comment.trim().to_owned(),
        decided_by: decided_by.map(str::to_owned),
    }])
}

/// An analyst rejects an escalated or suspended RMA, always saying why.
pub fn decide_reject(rma: &Rma, comment: &str) -> Result<Vec<Event>, ApiError> {
    only_in(rma, &[RmaStatus::Escalated, RmaStatus::Suspended], "error.rma.not_awaiting_decision")?;
    let mut v = Violations::default();
    comment_required(&mut v, comment);
    v.into_result()?;
    Ok(vec![Event::RmaRejected { rma_no: rma.rma_no().to_owned(), comment: comment.trim().to_owned() }])
}

/// Who may note on a return: the permissions its event kind declares (`event.rs`).
pub fn note_permissions() -> &'static [crate::people::Permission] {
    let note = Event::RmaNoteAdded { rma_no: String::new(), note: String::new() };
    note.declared_permissions().unwrap_or_default()
}

/// A note on a return, in any state (a customer who calls after settlement is still the
/// return's business). It must say something, within the note's length.
pub fn decide_add_note(rma: &Rma, note: &str) -> Result<Vec<Event>, ApiError> {
    let note = note.trim();
    let mut v = Violations::default();
    v.required("note", note);
    v.max_len("note", note, crate::limits::NOTE);
    v.into_result()?;
    Ok(vec![Event::RmaNoteAdded { rma_no: rma.rma_no().to_owned(), note: note.to_owned() }])
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
    if !intake.line_grades.is_empty() && intake.line_grades.len() != lines.len() {
        v.push(FieldError::new("intake.line_grades", "error.rma.lines_count").with("expected", lines.len()));
    }
    if v.is_empty() {
        super::units::check_intake_units(&mut v, lines, qty_received, intake);
    }
    v.max_len("note", &intake.note, crate::limits::REASON);
    v.into_result()?;
    Ok(vec![Event::RmaReceived {
        rma_no: rma.rma_no().to_owned(),
        qty_received: qty_received.to_vec(),
        intake: super::units::intake_as_recorded(intake),
    }])
}

/// Where received goods wait for inspection; dispositions move them on from here.
pub const RETURNS_AREA: &str = "RETURNS";

/// Every received unit gets a disposition; those that go back to stock say where. Refurbished
/// and open-box units become B-stock (see `units`), not stock sold as new.
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
    super::units::check_unit_dispositions(&mut v, rma, dispositions);
    v.into_result()?;
    Ok(vec![Event::RmaInspected {
        rma_no: rma.rma_no().to_owned(),
        dispositions: dispositions.to_vec(),
        b_stock: true,
    }])
}

/// What the customer paid for the units that came back: the most a refund or credit may be.
pub fn paid_for_received(rma: &Rma) -> i64 {
    rma.opening.lines.iter().zip(&rma.received).map(|(line, qty)| line.unit_price_minor * qty).sum()
}

/// Store credit goes out within hours of approval (the policy's promise), long before the parcel
/// arrives, so it is issued on its own and the RMA settles later, when the goods are inspected.
/// Only for a customer who asked for credit, once, up to what they paid for every unit the RMA
/// expects back. No restocking fee: the policy charges one on refunds only.
pub fn check_credit(rma: &Rma, amount_minor: i64) -> Result<(), ApiError> {
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
    v.into_result()
}

/// The payout asked now must be this one, fully approved, and `paid_by` free to pay it.
fn check_paying(rma: &Rma, settlement: &Settlement, paid_by: Option<&str>) -> Result<(), ApiError> {
    let Some(payer) = paid_by else {
        // Lotline 0.1.0 settled without asking for a payout or naming who paid: such a
        // settlement, pushed by an upgraded desk, stands as the history it is. Every act since
        // names its payer, and once a payout was asked for on the return nobody unnamed pays it.
        if rma.payout.is_none() {
            return Ok(());
        }
        return Err(ApiError::forbidden("error.settlement.payer_unknown").with("rma_no", rma.rma_no()));
    };
    check_payer(rma, payer)?;
    if rma.payout.as_ref().is_some_and(|p| p.settlement != *settlement) {
        return Err(
            ApiError::new(ErrorCode::Conflict, "error.settlement.other_amount_requested").with("rma_no", rma.rma_no())
        );
    }
    Ok(())
}

/// Issues the approved store credit ahead of the goods.
pub fn decide_issue_credit(rma: &Rma, amount_minor: i64, paid_by: Option<&str>) -> Result<Vec<Event>, ApiError> {
    check_credit(rma, amount_minor)?;
    check_paying(rma, &Settlement::StoreCredit { amount_minor }, paid_by)?;
    Ok(vec![Event::RmaCreditIssued {
        rma_no: rma.rma_no().to_owned(),
        amount_minor,
        paid_by: paid_by.map(str::to_owned),
    }])
}

/// Credit issued ahead of the goods above what the customer paid for what actually came back:
/// money finance has to recover, shown on the RMA rather than silently written off.
pub fn credit_above_received(rma: &Rma) -> i64 {
    rma.credit_issued_minor.map_or(0, |issued| (issued - paid_for_received(rma)).max(0))
}

/// Whether an inspected RMA may settle so: a refund or credit up to what the customer paid for
/// what came back, a fee within the cap. Credit issued ahead of the goods settles as exactly that
/// credit: the money has already gone out.
pub fn check_settlement(rma: &Rma, settlement: &Settlement) -> Result<(), ApiError> {
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
        return Ok(());
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
    v.into_result()
}

/// Settles an inspected RMA by refund, store credit or exchange, paid out by `paid_by`: money
/// goes out only as the approved payout asked for, and not by whoever opened or approved the
/// return or its payout.
pub fn decide_settle(rma: &Rma, settlement: &Settlement, paid_by: Option<&str>) -> Result<Vec<Event>, ApiError> {
    check_settlement(rma, settlement)?;
    if pays_money(settlement) && rma.credit_issued_minor.is_none() {
        check_paying(rma, settlement, paid_by)?;
    }
    Ok(vec![Event::RmaSettled {
        rma_no: rma.rma_no().to_owned(),
        settlement: settlement.clone(),
        paid_by: paid_by.map(str::to_owned),
    }])
}

/// Refuses a restocking fee above what the policy charges for this return (none for faulty goods
/// or goods resold as new): refund accuracy.
pub fn check_fee_by_policy(policy: &ReturnPolicy, rma: &Rma, settlement: &Settlement) -> Result<(), ApiError> {
    if let Settlement::Refund { amount_minor, restocking_fee_minor } = settlement {
        let allowed = policy_fee(policy, rma, *amount_minor);
        if *restocking_fee_minor > allowed {
            let money = crate::money::format_money(allowed, &rma.opening.currency);
            return Err(ApiError::field(
                FieldError::new("restocking_fee_minor", "error.rma.fee_above_policy").with("allowed", money),
            ));
        }
    }
    Ok(())
}

/// Settles as [`decide_settle`] does, with the fee checked against the policy.
pub fn decide_settle_by_policy(
    policy: &ReturnPolicy,
    rma: &Rma,
    settlement: &Settlement,
    paid_by: Option<&str>,
) -> Result<Vec<Event>, ApiError> {
    check_settlement(rma, settlement)?;
    check_fee_by_policy(policy, rma, settlement)?;
    decide_settle(rma, settlement, paid_by)
}

/// The events after `events` on `rma`.
fn after(rma: &Rma, events: &[Event]) -> Rma {
    events.iter().fold(Some(rma.clone()), Rma::evolve).expect("an RMA stays an RMA")
}

/// Asks for `settlement` unless it is the payout asked already, then pays it out with `pay` in
/// the same act when nothing more is needed and `actor` may pay it. Otherwise the request
/// waits for its approvals and for someone free to pay it out.
fn request_then_pay(
    rma: &Rma,
    rules: &Rules<'_>,
    settlement: &Settlement,
    actor: &Actor,
    pay: impl FnOnce(&Rma) -> Result<Vec<Event>, ApiError>,
) -> Result<Vec<Event>, ApiError> {
    let asked = rma.payout.as_ref().is_some_and(|p| p.settlement == *settlement) && payout_open(rma);
    let mut events = if asked { Vec::new() } else { decide_request_payout(rma, rules, settlement, actor)? };
    let state = after(rma, &events);
    match check_payer(&state, &actor.user_id) {
        Ok(()) => events.extend(pay(&state)?),
        Err(err) if events.is_empty() => return Err(err),
        Err(_) => {}
    }
    Ok(events)
}

/// The settle act: an exchange (or credit already issued ahead) settles at once; a refund or
/// store credit is asked for and paid out as [`request_then_pay`] says.
pub fn decide_settle_act(
    policy: &ReturnPolicy,
    rules: &Rules<'_>,
    rma: &Rma,
    settlement: &Settlement,
    actor: &Actor,
) -> Result<Vec<Event>, ApiError> {
    check_settlement(rma, settlement)?;
    check_fee_by_policy(policy, rma, settlement)?;
    if !pays_money(settlement) || rma.credit_issued_minor.is_some() {
        return decide_settle(rma, settlement, Some(&actor.user_id));
    }
    request_then_pay(rma, rules, settlement, actor, |state| decide_settle(state, settlement, Some(&actor.user_id)))
}

/// The act of issuing store credit ahead of the goods, asked for and paid out the same way.
pub fn decide_credit_act(
    rules: &Rules<'_>,
    rma: &Rma,
    amount_minor: i64,
    actor: &Actor,
) -> Result<Vec<Event>, ApiError> {
    check_credit(rma, amount_minor)?;
    let credit = Settlement::StoreCredit { amount_minor };
    request_then_pay(rma, rules, &credit, actor, |state| decide_issue_credit(state, amount_minor, Some(&actor.user_id)))
}

/// Pays out the approved payout: store credit before the goods are inspected is issued ahead,
/// anything else settles the RMA.
pub fn decide_pay_out(policy: &ReturnPolicy, rma: &Rma, actor: &Actor) -> Result<Vec<Event>, ApiError> {
    let Some(request) = rma.payout.as_ref().filter(|_| payout_open(rma)) else {
        return Err(ApiError::new(ErrorCode::Conflict, "error.settlement.not_requested").with("rma_no", rma.rma_no()));
    };
    match request.settlement {
        Settlement::StoreCredit { amount_minor } if rma.status != RmaStatus::Inspected => {
            decide_issue_credit(rma, amount_minor, Some(&actor.user_id))
        }
        _ => decide_settle_by_policy(policy, rma, &request.settlement, Some(&actor.user_id)),
    }
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
