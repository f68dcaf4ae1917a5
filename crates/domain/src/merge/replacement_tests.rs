//! An exchange settled on one desk while another desk rejected or cancelled its replacement:
//! the server judges the settlement against the replacement as the team's log leaves it.

use serde_json::json;

use super::tests::{Memory, envelope, judge, opened, received_and_inspected};
use super::*;
use crate::error::ErrorCode;
use crate::returns::Settlement;

const RMA: &str = "RMA-AMS1A-000042";

fn request(no: &str, rma_no: Option<&str>) -> Event {
    let request = json!({"reshipment_no": no, "requested_by": "u1", "requester_roles": [], "failure_nos": [],
        "order_no": "SO-1", "items": [{"line_no": 1, "sku": "BOX-PP-5L", "qty": 2}],
        "ship_to": {"name": "Bakker BV", "address": "Damrak 1", "country": "NL"}, "ship_to_reason": null,
        "carrier": "dpd", "service": "Classic", "cost": {"shipping_minor": 900, "goods_minor": 0, "currency": "EUR"},
        "payer": "us", "vendor_code": null, "reason": "exchange", "due_on": "2026-11-05", "due_date_set": false,
        "rma_no": rma_no});
    Event::ReshipmentRequested(Box::new(serde_json::from_value(request).unwrap()))
}

fn authorized(no: &str) -> Event {
    Event::ReshipmentAuthorized { reshipment_no: no.into(), by_policy: true, due_on: "2026-11-05".into() }
}

/// Desk A's log: the RMA back and inspected, its replacement RS-…1 authorized, and an unrelated
/// authorized reshipment RS-…2 of the same order.
fn team_log() -> Memory {
    let mut log = Memory::of("desk-a", vec![opened()]);
    log.add("desk-a", received_and_inspected());
    log.add("desk-a", vec![request("RS-AMS1A-000001", Some(RMA)), authorized("RS-AMS1A-000001")]);
    log.add("desk-a", vec![request("RS-AMS1A-000002", None), authorized("RS-AMS1A-000002")]);
    log
}

fn settle_b(no: &str, log: &mut Memory) -> Result<(), ApiError> {
    let exchange = Event::RmaSettled {
        rma_no: RMA.into(),
        settlement: Settlement::Exchange { reshipment_no: no.into() },
        paid_by: None,
    };
    judge(&[exchange], &envelope("desk-b", 6, "2026-11-02T10:00:00.000Z"), log)
}

#[test]
fn the_approved_replacement_settles_the_exchange_on_the_server() {
    assert!(settle_b("RS-AMS1A-000001", &mut team_log()).is_ok());
}

#[test]
fn a_replacement_cancelled_on_another_desk_no_longer_settles_it() {
    let mut log = team_log();
    log.add("desk-a", vec![Event::ReshipmentCancelled { reshipment_no: "RS-AMS1A-000001".into(), reason: "x".into() }]);
    let err = settle_b("RS-AMS1A-000001", &mut log).unwrap_err();
    assert_eq!((err.code, err.message_key.as_str()), (ErrorCode::Conflict, "error.rma.replacement_ended"));
    assert_eq!(err.params["reshipment_status"], "cancelled");
}

#[test]
fn an_unrelated_or_unknown_reshipment_does_not_settle_it() {
    let err = settle_b("RS-AMS1A-000002", &mut team_log()).unwrap_err();
    assert_eq!(err.message_key, "error.rma.not_a_replacement");
    let err = settle_b("RS-AMS1B-000009", &mut team_log()).unwrap_err();
    assert_eq!(err.message_key, "error.rma.unknown_reshipment");
}
