//! Counters with ceilings: two desks offline each take the last units; the later in the
//! server's order is refused and told which record took them.

use serde_json::json;

use super::tests::{Memory, envelope, opened};
use super::*;
use crate::master::{OrderInput, OrderLineInput};
use crate::returns::Verdict;

fn order(qty: i64) -> Event {
    Event::OrderRecorded(OrderInput {
        channel: None,
        order_no: "SO-1".into(),
        customer_code: "C-1".into(),
        ordered_at: "2026-10-01T10:00:00Z".into(),
        currency: "EUR".into(),
        lines: vec![OrderLineInput { line_no: 1, sku: "BOX-PP-5L".into(), qty, unit_price_minor: 760 }],
    })
}

/// An RMA for `qty` units of line 1 of SO-1.
fn rma_for(no: &str, qty: i64) -> Event {
    let Event::RmaOpened(mut opening) = opened() else { unreachable!() };
    opening.rma_no = no.into();
    opening.lines[0].qty = qty;
    Event::RmaOpened(opening)
}

const ON_A: &str = "RMA-AMS1A-000003";
const ON_B: &str = "RMA-AMS1B-000001";

/// The order of 5 units synced to both desks (server sequence 1), then A's RMA for 3.
fn a_took_three() -> Memory {
    let mut log = Memory::of("desk-a", vec![order(5)]);
    log.add("desk-a", vec![rma_for(ON_A, 3)]);
    log
}

fn b_asks(qty: i64, log: &mut Memory) -> Result<(), ApiError> {
    super::tests::judge(&[rma_for(ON_B, qty)], &envelope("desk-b", 1, "2026-11-02T10:00:00.000Z"), log)
}

#[test]
fn the_later_of_two_desks_taking_the_last_units_is_refused_naming_the_rma_that_took_them() {
    let err = b_asks(3, &mut a_took_three()).unwrap_err();
    assert_eq!(err.message_key, "error.sync.returnable_taken");
    let param = |k: &str| err.params.get(k).map(String::as_str);
    assert_eq!(
        [param("left"), param("ordered"), param("line"), param("order_no"), param("taken_by"), param("rma_no")],
        [Some("2"), Some("5"), Some("1"), Some("SO-1"), Some(ON_A), Some(ON_B)]
    );
    assert!(b_asks(2, &mut a_took_three()).is_ok(), "what is left may still come back");
}

#[test]
fn units_a_cancelled_rma_or_a_short_parcel_gave_back_count_again() {
    let mut log = a_took_three();
    log.add("desk-a", vec![Event::RmaCancelled { rma_no: ON_A.into(), reason: "kept".into() }]);
    assert!(b_asks(5, &mut log).is_ok());

    let mut log = a_took_three();
    let Event::RmaReceived { intake, .. } = &super::tests::received_and_inspected()[0] else { unreachable!() };
    log.add("desk-a", vec![Event::RmaReceived { rma_no: ON_A.into(), qty_received: vec![1], intake: intake.clone() }]);
    assert!(b_asks(4, &mut log).is_ok(), "only one unit came back on A's RMA");
    assert_eq!(b_asks(5, &mut log).unwrap_err().params["left"], "4");
}

#[test]
fn a_refused_return_takes_nothing_and_is_not_capped() {
    let Event::RmaOpened(mut refused) = rma_for(ON_B, 5) else { unreachable!() };
    refused.eligibility.verdict = Verdict::Refused;
    let mut log = a_took_three();
    let on_b = envelope("desk-b", 1, "2026-11-02T10:00:00.000Z");
    assert!(super::tests::judge(&[Event::RmaOpened(refused.clone())], &on_b, &mut log).is_ok());
    log.add("desk-b", vec![Event::RmaOpened(refused)]);
    let err = super::tests::judge(&[rma_for("RMA-AMS1B-000002", 3)], &on_b, &mut log).unwrap_err();
    assert_eq!(err.params["left"], "2", "the refused RMA held nothing");
}

#[test]
fn the_acts_own_earlier_rmas_count_and_the_latest_order_sets_the_ceiling() {
    let mut log = Memory::of("desk-a", vec![order(5)]);
    let on_b = envelope("desk-b", 1, "2026-11-02T10:00:00.000Z");
    let import = [rma_for(ON_B, 3), rma_for("RMA-AMS1B-000002", 3)];
    let err = super::tests::judge(&import, &on_b, &mut log).unwrap_err();
    assert_eq!((err.params["rma_no"].as_str(), err.params["taken_by"].as_str()), ("RMA-AMS1B-000002", ON_B));

    log.add("desk-a", vec![order(3)]);
    let err = b_asks(4, &mut log).unwrap_err();
    assert_eq!(err.message_key, "error.sync.returnable_short", "nobody took them: the order has fewer now");
    assert!(b_asks(4, &mut Memory::default()).is_ok(), "an order the team does not hold gives no ceiling");
}

fn failure(qty_failed: i64) -> Event {
    let record = json!({"sku": "BOX-PP-5L", "vendor_code": "SZHQ", "lot_code": null, "serials": [], "stage": "incoming",
        "qty_inspected": 80, "qty_failed": qty_failed, "category_code": "COS", "description": "Lids cracked",
        "severity": "major", "owner_team": "warehouse_qc", "inspection": null, "attachment_ids": []});
    Event::FailureLogged {
        reaction: None,
        failure_no: "QF-AMS1A-000001".into(),
        occurred_at: "2026-11-01T10:00:00Z".into(),
        inspector_id: "u1".into(),
        record: serde_json::from_value(record).unwrap(),
        disposition: None,
        reinspection_of: None,
    }
}

fn reshipment(no: &str, qty: i64) -> Event {
    let request = json!({"reshipment_no": no, "requested_by": "u1", "requester_roles": [], "failure_nos": ["QF-AMS1A-000001"],
        "order_no": "SO-1", "items": [{"line_no": 1, "sku": "BOX-PP-5L", "qty": qty}],
        "ship_to": {"name": "Bakker BV", "address": "Damrak 1", "country": "NL"}, "ship_to_reason": null,
        "carrier": "dpd", "service": "Classic", "cost": {"shipping_minor": 900, "goods_minor": 1_520, "currency": "EUR"},
        "payer": "us", "vendor_code": null, "reason": "Lids cracked", "due_on": "2026-11-05", "due_date_set": false});
    Event::ReshipmentRequested(Box::new(serde_json::from_value(request).unwrap()))
}

#[test]
fn two_desks_sending_again_more_than_failed_the_later_is_refused_until_the_other_is_cancelled() {
    let mut log = Memory::of("desk-a", vec![order(5), failure(3)]);
    log.add("desk-a", vec![reshipment("RS-AMS1A-000001", 2)]);
    let on_b = envelope("desk-b", 2, "2026-11-02T10:00:00.000Z");
    let err = super::tests::judge(&[reshipment("RS-AMS1B-000001", 2)], &on_b, &mut log).unwrap_err();
    assert_eq!(err.message_key, "error.sync.reshippable_taken");
    let param = |k: &str| err.params.get(k).map(String::as_str);
    assert_eq!(
        [param("sku"), param("left"), param("wanted"), param("taken_by")],
        [Some("BOX-PP-5L"), Some("1"), Some("2"), Some("RS-AMS1A-000001")]
    );
    assert!(super::tests::judge(&[reshipment("RS-AMS1B-000001", 1)], &on_b, &mut log).is_ok());
    log.add("desk-a", vec![Event::ReshipmentCancelled { reshipment_no: "RS-AMS1A-000001".into(), reason: "x".into() }]);
    assert!(super::tests::judge(&[reshipment("RS-AMS1B-000001", 3)], &on_b, &mut log).is_ok());
}
