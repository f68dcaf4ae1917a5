//! Returns (RMAs) and the return policy.

use lotline_domain::Event;
use lotline_domain::failure::FieldChange;
use lotline_domain::money::format_money as money;
use lotline_domain::returns::{IntakeCheck, LineDisposition, PayoutRequest, RmaOpening, Settlement};

use super::kinds::{
    failure_events, lot_events, master_data_events, production_events, reshipment_events, review_events, scar_events,
    settings_events,
};
use super::{Currencies, Told, currency_of, elsewhere, name, non_empty, set};
use crate::acts::history_units;

pub(super) fn told<'a>(event: &'a Event, currencies: &mut Currencies<'a>) -> Told {
    match event {
        Event::RmaOpened(o) => opened(o, currencies),
        Event::RmaApproved { comment, .. }
        | Event::RmaRejected { comment, .. }
        | Event::RmaSuspended { comment, .. } => (Vec::new(), non_empty(comment)),
        Event::RmaCancelled { reason, .. } => (Vec::new(), non_empty(reason)),
        Event::RmaNoteAdded { note, .. } => (Vec::new(), non_empty(note)),
        Event::RmaFailureLogged { failure_no, .. } => (vec![set("failure_no", failure_no)], None),
        Event::RmaLabelPrinted { carrier, service, weight_grams, .. } => (
            vec![set("carrier", carrier.display_name()), set("service", service), set("weight_grams", weight_grams)],
            None,
        ),
        Event::RmaLabelFailed { detail, .. } => (Vec::new(), non_empty(detail)),
        Event::RmaInTransit { carrier, tracking_no, .. } => {
            (vec![set("carrier", carrier.display_name()), set("tracking_no", tracking_no)], None)
        }
        Event::RmaReceived { qty_received, intake, .. } => received(qty_received, intake),
        Event::RmaInspected { rma_no, dispositions, b_stock } => {
            inspected(currency_of(currencies, rma_no), dispositions, *b_stock)
        }
        Event::RmaRefurbished { refurbishment, .. } => history_units::refurbished(refurbishment),
        Event::RmaPayoutRequested { request, .. } => (payout_requested(request), None),
        Event::RmaPayoutApproved { approval, .. } => {
            (vec![set("amount", money(approval.total_minor, &approval.currency))], non_empty(&approval.note))
        }
        Event::RmaCreditIssued { rma_no, amount_minor, .. } => {
            (vec![set("store_credit", money(*amount_minor, currency_of(currencies, rma_no)))], None)
        }
        Event::RmaCostRecorded { amount_minor, currency, note, .. } => {
            (vec![set("amount", money(*amount_minor, currency))], non_empty(note))
        }
        Event::RmaSettled { rma_no, settlement, .. } => (settled(currency_of(currencies, rma_no), settlement), None),
        // Told by its kind alone.
        Event::ReturnPolicySet(_) => (Vec::new(), None),
        failure_events!()
        | lot_events!()
        | master_data_events!()
        | production_events!()
        | reshipment_events!()
        | review_events!()
        | scar_events!()
        | settings_events!() => elsewhere(),
    }
}

fn opened<'a>(o: &'a RmaOpening, currencies: &mut Currencies<'a>) -> Told {
    currencies.insert(&o.rma_no, &o.currency);
    (
        vec![
            set("rma_no", &o.rma_no),
            set("customer_code", &o.customer_code),
            set("reason_code", &o.reason_code),
            set("qty", o.lines.iter().map(|l| l.qty).sum::<i64>()),
            set("value", money(o.value_minor(), &o.currency)),
            set("verdict", name(&o.eligibility.verdict)),
            set("policy_version", o.eligibility.policy_version),
        ],
        non_empty(&o.note),
    )
}

fn received(qty_received: &[i64], intake: &IntakeCheck) -> Told {
    let mut changes = vec![
        set("qty_received", qty_received.iter().sum::<i64>()),
        set("grade", name(&intake.grade)),
        set("packaging_intact", intake.packaging_intact),
        set("accessories_complete", intake.accessories_complete),
        set("serials_match", intake.serials_match),
    ];
    history_units::unit_grades_told(&mut changes, intake);
    (changes, non_empty(&intake.note))
}

fn inspected(currency: &str, dispositions: &[LineDisposition], b_stock: bool) -> Told {
    let changes = dispositions
        .iter()
        .map(|d| {
            let mut text = format!("{} × {}", d.qty, name(&d.disposition));
            history_units::disposition_units(&mut text, d, b_stock);
            if d.recovered_minor > 0 {
                text.push_str(&format!(" ({})", money(d.recovered_minor, currency)));
            }
            if d.disposition.returns_to_stock() {
                text.push_str(&format!(" → {}", d.location));
            }
            set("disposition", text)
        })
        .collect();
    (changes, None)
}

fn payout_requested(request: &PayoutRequest) -> Vec<FieldChange> {
    vec![
        set("settlement", settlement_kind(&request.settlement)),
        set("amount", money(request.requirement.total_minor, &request.requirement.currency)),
        set("approvals_needed", request.requirement.approvals),
    ]
}

fn settlement_kind(settlement: &Settlement) -> &'static str {
    match settlement {
        Settlement::Refund { .. } => "refund",
        Settlement::StoreCredit { .. } => "store_credit",
        Settlement::Exchange { .. } => "exchange",
    }
}

fn settled(currency: &str, settlement: &Settlement) -> Vec<FieldChange> {
    match settlement {
        Settlement::Refund { amount_minor, restocking_fee_minor } => vec![
            set("settlement", "refund"),
            set("refund", money(*amount_minor, currency)),
            set("restocking_fee", money(*restocking_fee_minor, currency)),
        ],
        Settlement::StoreCredit { amount_minor } => {
            vec![set("settlement", "store_credit"), set("store_credit", money(*amount_minor, currency))]
        }
        Settlement::Exchange { reshipment_no } => {
            vec![set("settlement", "exchange"), set("reshipment_no", reshipment_no)]
        }
    }
}
