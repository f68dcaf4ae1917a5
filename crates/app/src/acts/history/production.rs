//! Work orders, their blocks, and customer complaints.

use lotline_domain::Event;
use lotline_domain::production::{ComplaintOpening, WorkOrderPlan};

use super::kinds::{
    failure_events, lot_events, master_data_events, reshipment_events, return_events, review_events, scar_events,
    settings_events,
};
use super::{Told, elsewhere, name, non_empty, set};

pub(super) fn told(event: &Event) -> Told {
    match event {
        Event::WorkOrderPlanned(plan) => planned(plan),
        Event::WorkOrderStarted { .. } => (vec![set("status", "in_progress")], None),
        Event::WorkOrderCompleted { output_qty, consumed, .. } => {
            let mut changes = vec![set("status", "completed"), set("output_qty", output_qty)];
            changes.extend(consumed.iter().map(|c| set("consumed", format!("{} × {}", c.lot_code, c.qty))));
            (changes, None)
        }
        Event::WorkOrderBlocked { failure_no, .. } => (vec![set("failure_no", failure_no)], None),
        Event::WorkOrderBlockDecided { failure_no, decision, note, .. } => {
            (vec![set("failure_no", failure_no), set("decision", decision.as_str())], non_empty(note))
        }
        Event::ComplaintOpened(o) => complaint_opened(o),
        Event::ComplaintAdvanced { to, outcome, note, .. } => {
            let mut changes = vec![set("status", to.as_str())];
            if let Some(outcome) = outcome {
                changes.push(set("outcome", outcome.as_str()));
            }
            (changes, non_empty(note))
        }
        failure_events!()
        | lot_events!()
        | master_data_events!()
        | reshipment_events!()
        | return_events!()
        | review_events!()
        | scar_events!()
        | settings_events!() => elsewhere(),
    }
}

fn planned(plan: &WorkOrderPlan) -> Told {
    let mut changes = vec![
        set("work_order_no", &plan.work_order_no),
        set("sku", &plan.sku),
        set("output_lot_code", &plan.output_lot_code),
        set("planned_qty", format!("{} {}", plan.planned_qty, plan.unit)),
    ];
    changes.extend(plan.components.iter().map(|c| set("component", format!("{} × {}", c.lot_code, c.qty))));
    if let Some(due_on) = &plan.due_on {
        changes.push(set("ready_by", due_on));
    }
    (changes, non_empty(&plan.note))
}

fn complaint_opened(opening: &ComplaintOpening) -> Told {
    let o = &opening.report;
    let mut changes = vec![set("complaint_no", &opening.complaint_no), set("received_on", &opening.received_on)];
    let links = [
        ("customer_code", &o.customer_code),
        ("order_no", &o.order_no),
        ("lot_code", &o.lot_code),
        ("work_order_no", &o.work_order_no),
        ("sku", &o.sku),
        ("vendor_code", &opening.vendor_code),
    ];
    changes.extend(links.iter().filter_map(|(field, value)| value.as_ref().map(|v| set(field, v))));
    changes.push(set("qty_affected", o.qty_affected));
    changes.push(set("severity", name(&o.severity)));
    (changes, non_empty(&o.description))
}
