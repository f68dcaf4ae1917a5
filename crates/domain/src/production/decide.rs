//! The work order's rules: what a plan needs, which step may follow which, what blocks it and
//! who lifts the block.

use std::collections::BTreeSet;

use super::{BlockDecision, WorkOrder, WorkOrderInput, WorkOrderPlan, WorkOrderStatus};
use crate::error::{ApiError, ErrorCode, FieldError, Violations};
use crate::lots::{UNITS, check_lot_code};
use crate::{Event, limits};

/// The most component lots one run consumes: a bill's parts, a few lots each.
const MAX_COMPONENTS: usize = 200;

fn check_inputs(v: &mut Violations, field: &str, inputs: &[WorkOrderInput], output_lot: &str) {
    if inputs.is_empty() {
        v.push(FieldError::new(field, "error.work_order.no_components"));
    }
    if inputs.len() > MAX_COMPONENTS {
        v.push(FieldError::new(field, "error.work_order.too_many_components").with("max", MAX_COMPONENTS));
    }
    let mut seen = BTreeSet::new();
    for (i, input) in inputs.iter().enumerate() {
        let at = format!("{field}[{i}]");
        check_lot_code(v, &format!("{at}.lot_code"), &input.lot_code);
        if input.qty <= 0 {
            v.push(FieldError::new(format!("{at}.qty"), "error.field.must_be_positive"));
        }
        if !input.lot_code.is_empty() && input.lot_code == output_lot {
            v.push(FieldError::new(format!("{at}.lot_code"), "error.work_order.output_as_component"));
        }
        if !seen.insert(input.lot_code.as_str()) {
            v.push(
                FieldError::new(format!("{at}.lot_code"), "error.work_order.component_twice")
                    .with("lot", &input.lot_code),
            );
        }
    }
}

/// What a plan must say; that its product and lots exist is the caller's to check.
pub fn check_plan(plan: &WorkOrderPlan) -> Result<(), ApiError> {
    let mut v = Violations::default();
    v.required("sku", &plan.sku);
    check_lot_code(&mut v, "output_lot_code", &plan.output_lot_code);
    if plan.planned_qty <= 0 {
        v.push(FieldError::new("planned_qty", "error.field.must_be_positive"));
    }
    if !UNITS.contains(&plan.unit.as_str()) {
        v.push(FieldError::new("unit", "error.lot.unit").with("units", UNITS.join(", ")));
    }
    v.required("location", &plan.location);
    v.max_len("location", &plan.location, 40);
    v.max_len("note", &plan.note, limits::NOTE);
    if let Some(day) = &plan.due_on
        && chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").is_err()
    {
        v.push(FieldError::new("due_on", "error.field.bad_date").with("value", day));
    }
    check_inputs(&mut v, "components", &plan.components, &plan.output_lot_code);
    v.into_result()
}

fn refuse(wo: &WorkOrder, key: &str) -> ApiError {
    ApiError::new(ErrorCode::Conflict, key)
        .with("work_order_no", wo.work_order_no())
        .with("status", wo.shown_status().as_str())
}

/// A planned order starts; one already started (here or on another desk) is refused as such.
pub fn decide_start(wo: &WorkOrder) -> Result<Vec<Event>, ApiError> {
    if wo.status != WorkOrderStatus::Planned {
        return Err(refuse(wo, "error.work_order.not_planned"));
    }
    Ok(vec![Event::WorkOrderStarted { work_order_no: wo.work_order_no().to_owned() }])
}

/// A running order completes with what it made and what it consumed, unless a failure blocks
/// it: the seed's "locked, cannot flow on to the next step" until a quality lead decides.
pub fn decide_complete(wo: &WorkOrder, output_qty: i64, consumed: &[WorkOrderInput]) -> Result<Vec<Event>, ApiError> {
    if wo.status != WorkOrderStatus::InProgress {
        return Err(refuse(wo, "error.work_order.not_in_progress"));
    }
    if let Some(failure_no) = wo.open_blocks.first() {
        return Err(refuse(wo, "error.work_order.blocked").with("failure_no", failure_no));
    }
    let mut v = Violations::default();
    if output_qty <= 0 {
        v.push(FieldError::new("output_qty", "error.field.must_be_positive"));
    }
    check_inputs(&mut v, "consumed", consumed, &wo.plan.output_lot_code);
    v.into_result()?;
    Ok(vec![Event::WorkOrderCompleted {
        work_order_no: wo.work_order_no().to_owned(),
        output_qty,
        consumed: consumed.to_vec(),
    }])
}

/// An in-process failure blocks an order that is running or done (its output not yet shipped
/// is what the block holds back); a planned order has made nothing to fail.
pub fn decide_block(wo: &WorkOrder, failure_no: &str) -> Result<Vec<Event>, ApiError> {
    if wo.status == WorkOrderStatus::Planned {
        return Err(ApiError::field(
            FieldError::new("work_order_no", "error.work_order.not_started").with("work_order_no", wo.work_order_no()),
        ));
    }
    Ok(vec![Event::WorkOrderBlocked {
        work_order_no: wo.work_order_no().to_owned(),
        failure_no: failure_no.to_owned(),
    }])
}

/// A quality lead's decision on one blocking failure, with why. A failure already decided (on
/// this desk or another) is refused as decided, so the second lead learns the first was first.
pub fn decide_decision(
    wo: &WorkOrder,
    failure_no: &str,
    decision: BlockDecision,
    note: &str,
) -> Result<Vec<Event>, ApiError> {
    check_decision(wo, failure_no)?;
    let mut v = Violations::default();
    let note = note.trim();
    v.required("note", note);
    v.max_len("note", note, limits::NOTE);
    v.into_result()?;
    Ok(vec![Event::WorkOrderBlockDecided {
        work_order_no: wo.work_order_no().to_owned(),
        failure_no: failure_no.to_owned(),
        decision,
        note: note.to_owned(),
    }])
}

fn check_decision(wo: &WorkOrder, failure_no: &str) -> Result<(), ApiError> {
    if wo.decided.iter().any(|(f, _)| f == failure_no) {
        return Err(refuse(wo, "error.work_order.block_decided").with("failure_no", failure_no));
    }
    if !wo.open_blocks.iter().any(|f| f == failure_no) {
        return Err(ApiError::not_found("work_order_block", failure_no));
    }
    Ok(())
}

/// The output lot of a blocked order may not ship (nor go into another lot): the refusal names
/// the order and the failure.
pub fn refuse_shipping(wo: &WorkOrder, lot_code: &str) -> Result<(), ApiError> {
    match wo.open_blocks.first() {
        Some(failure_no) => Err(output_blocked(lot_code, wo.work_order_no(), failure_no)),
        None => Ok(()),
    }
}

pub fn output_blocked(lot_code: &str, work_order_no: &str, failure_no: &str) -> ApiError {
    ApiError::new(ErrorCode::Conflict, "error.work_order.output_blocked")
        .with("lot_code", lot_code)
        .with("work_order_no", work_order_no)
        .with("failure_no", failure_no)
}

/// A step decided again on the order as the team's log leaves it. A completion is a physical
/// fact (the run happened, its lots are received): it stands though a block came first, and the
/// block still holds its output back; only a second completion of one order is refused.
pub fn recheck_work_order(wo: &WorkOrder, event: &Event) -> Result<(), ApiError> {
    match event {
        Event::WorkOrderStarted { .. } => decide_start(wo).map(drop),
        Event::WorkOrderCompleted { .. } if wo.status == WorkOrderStatus::Completed => {
            Err(refuse(wo, "error.work_order.not_in_progress"))
        }
        Event::WorkOrderBlockDecided { failure_no, .. } => check_decision(wo, failure_no),
        _ => Ok(()),
    }
}
