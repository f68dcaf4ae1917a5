//! Reshipments, their chargebacks, and the approval policy.

use lotline_domain::Event;
use lotline_domain::failure::FieldChange;
use lotline_domain::money::format_money as money;
use lotline_domain::reshipment::ReshipmentRequest;

use super::kinds::{
    failure_events, lot_events, master_data_events, production_events, return_events, review_events, scar_events,
    settings_events,
};
use super::{Currencies, Told, elsewhere, non_empty, set};

pub(super) fn told<'a>(event: &'a Event, currencies: &mut Currencies<'a>) -> Told {
    match event {
        Event::ReshipmentRequested(r) => requested(r, currencies),
        Event::ReshipmentAmended { reshipment_no, cost, reason, .. } => {
            currencies.insert(reshipment_no, &cost.currency);
            (total(reshipment_no, cost.total_minor(), &cost.currency), non_empty(reason))
        }
        Event::ReshipmentApproved { reshipment_no, approval } => {
            (total(reshipment_no, approval.total_minor, &approval.currency), non_empty(&approval.note))
        }
        Event::ReshipmentAuthorized { reshipment_no, due_on, by_policy } => {
            let by = by_policy.then(|| set("authorized_by", "policy"));
            ([set("reshipment_no", reshipment_no), set("due_on", due_on)].into_iter().chain(by).collect(), None)
        }
        Event::ReshipmentRejected { reshipment_no, reason } | Event::ReshipmentCancelled { reshipment_no, reason } => {
            (vec![set("reshipment_no", reshipment_no)], non_empty(reason))
        }
        Event::ReshipmentShipped { reshipment_no, carrier, tracking_no, shipped_on, .. } => {
            let shipped =
                [("carrier", carrier.display_name()), ("tracking_no", tracking_no), ("shipped_on", shipped_on)];
            (fields(reshipment_no, &shipped), None)
        }
        Event::ReshipmentDelivered { reshipment_no, delivered_on } => {
            (vec![set("reshipment_no", reshipment_no), set("delivered_on", delivered_on)], None)
        }
        Event::ChargebackUpdated { reshipment_no, status, recovered_minor, note } => {
            (chargeback(reshipment_no, status.as_str(), *recovered_minor, currencies), non_empty(note))
        }
        // Told by its kind alone.
        Event::ApprovalPolicySet(_) => (Vec::new(), None),
        failure_events!()
        | lot_events!()
        | master_data_events!()
        | production_events!()
        | return_events!()
        | review_events!()
        | scar_events!()
        | settings_events!() => elsewhere(),
    }
}

fn requested<'a>(r: &'a ReshipmentRequest, currencies: &mut Currencies<'a>) -> Told {
    currencies.insert(&r.reshipment_no, &r.cost.currency);
    let mut changes = vec![
        set("reshipment_no", &r.reshipment_no),
        set("order_no", &r.order_no),
        set("qty", r.items.iter().map(|i| i.qty).sum::<i64>()),
        set("total", money(r.cost.total_minor(), &r.cost.currency)),
        set("due_on", &r.due_on),
    ];
    if let Some(rma_no) = &r.rma_no {
        changes.push(set("rma_no", rma_no));
    }
    (changes, non_empty(&r.reason))
}

fn total(reshipment_no: &str, total_minor: i64, currency: &str) -> Vec<FieldChange> {
    vec![set("reshipment_no", reshipment_no), set("total", money(total_minor, currency))]
}

fn fields(reshipment_no: &str, fields: &[(&str, &str)]) -> Vec<FieldChange> {
    [set("reshipment_no", reshipment_no)].into_iter().chain(fields.iter().map(|(f, v)| set(f, v))).collect()
}

fn chargeback(reshipment_no: &str, status: &str, recovered_minor: i64, currencies: &Currencies) -> Vec<FieldChange> {
    let mut changes = vec![set("reshipment_no", reshipment_no), set("chargeback", status)];
    if recovered_minor > 0 {
        changes.push(match currencies.get(reshipment_no) {
            Some(currency) => set("recovered", money(recovered_minor, currency)),
            None => set("recovered_minor", recovered_minor),
        });
    }
    changes
}
