//! SCARs, the chargebacks of a failure's costs, and of units sent back to their vendor from the
//! refurbishment queue.

use lotline_domain::Event;
use lotline_domain::chargeback::ChargebackSource;
use lotline_domain::money::format_money as money;

use super::kinds::{
    failure_events, lot_events, master_data_events, production_events, reshipment_events, return_events, review_events,
    settings_events,
};
use super::{Currencies, Told, elsewhere, non_empty, set};

pub(super) fn told<'a>(event: &'a Event, currencies: &mut Currencies<'a>) -> Told {
    match event {
        Event::ScarOpened(o) => {
            let mut changes = vec![set("scar_no", &o.scar_no), set("vendor_code", &o.vendor_code)];
            if let Some(failure_no) = &o.failure_no {
                changes.push(set("failure_no", failure_no));
            }
            changes.extend(o.team.iter().map(|m| set("team", format!("{} ({})", m.name, m.role))));
            (changes, non_empty(&o.problem))
        }
        Event::ScarAdvanced { to, due_on, step, .. } => {
            let mut changes = vec![set("status", to.as_str())];
            if let Some(due_on) = due_on {
                changes.push(set("due_on", due_on));
            }
            if !step.actions.is_empty() {
                changes.push(set("actions", &step.actions));
            }
            (changes, non_empty(&step.text))
        }
        Event::FailureChargebackRecorded { failure_no, source, vendor_code, amount_minor, currency, note } => {
            // A failure's claims are all in its product's currency.
            currencies.insert(failure_no, currency);
            let changes = vec![
                set("chargeback_source", source.as_str()),
                set("vendor_code", vendor_code),
                set("amount", money(*amount_minor, currency)),
            ];
            (changes, non_empty(note))
        }
        Event::FailureChargebackSettled { failure_no, source, status, recovered_minor, note } => {
            let mut changes = vec![set("chargeback_source", source.as_str()), set("chargeback", status.as_str())];
            if *recovered_minor > 0 {
                changes.push(match currencies.get(failure_no.as_str()) {
                    Some(currency) => set("recovered", money(*recovered_minor, currency)),
                    None => set("recovered_minor", recovered_minor),
                });
            }
            (changes, non_empty(note))
        }
        Event::RmaChargebackRecorded { claim_no, qty, serials, vendor_code, amount_minor, currency, .. } => {
            let mut changes = vec![
                set("chargeback_source", ChargebackSource::Refurbishment.as_str()),
                set("claim_no", claim_no),
                set("qty", qty),
            ];
            if !serials.is_empty() {
                changes.push(set("serials", serials.join(", ")));
            }
            changes.push(set("vendor_code", vendor_code));
            changes.push(set("amount", money(*amount_minor, currency)));
            (changes, None)
        }
        Event::RmaChargebackSettled { rma_no, claim_no, status, recovered_minor, note } => {
            let mut changes = vec![set("claim_no", claim_no), set("chargeback", status.as_str())];
            if *recovered_minor > 0 {
                changes.push(match currencies.get(rma_no.as_str()) {
                    Some(currency) => set("recovered", money(*recovered_minor, currency)),
                    None => set("recovered_minor", recovered_minor),
                });
            }
            (changes, non_empty(note))
        }
        failure_events!()
        | lot_events!()
        | master_data_events!()
        | production_events!()
        | reshipment_events!()
        | return_events!()
        | review_events!()
        | settings_events!() => elsewhere(),
    }
}
