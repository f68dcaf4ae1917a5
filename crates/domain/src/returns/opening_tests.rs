//! The opening rules on plain facts: what a desk and the sync server both decide with.

use chrono::NaiveDate;

use super::*;
use crate::master::{OrderInput, OrderLineInput};
use crate::{ApiError, Event};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn order(no: &str, customer: &str, qty: i64) -> OrderInput {
    OrderInput {
        channel: None,
        order_no: no.into(),
        customer_code: customer.into(),
        ordered_at: "2026-10-01T10:00:00Z".into(),
        currency: "EUR".into(),
        lines: vec![OrderLineInput { line_no: 1, sku: "BOX-5L".into(), qty, unit_price_minor: 500 }],
    }
}

fn facts() -> OpeningFacts {
    let mut facts =
        OpeningFacts { opened_on: day("2026-11-02"), home_currency: "EUR".into(), ..OpeningFacts::default() };
    facts.orders.insert("SO-1".into(), order("SO-1", "C-1", 5));
    facts.orders.insert("SO-2".into(), order("SO-2", "C-2", 1));
    facts
}

fn line(order_no: &str, qty: i64) -> OpenRmaLineInput {
    OpenRmaLineInput { order_no: order_no.into(), line_no: 1, qty, serials: Vec::new(), lot_code: None }
}

fn input(lines: Vec<OpenRmaLineInput>) -> OpenRmaInput {
    OpenRmaInput {
        channel: None,
        lines,
        reason_code: "no_longer_needed".into(),
        preferred_outcome: PreferredOutcome::Refund,
        delivered_on: Some("2026-10-20".into()),
        condition: GoodsCondition { original_packaging: true, unused: true, tags_attached: true },
        photo_ids: Vec::new(),
        non_carrier_damage_seen: false,
        note: String::new(),
    }
}

fn field_keys(err: &ApiError) -> Vec<(&str, &str)> {
    err.fields.iter().map(|f| (f.field.as_str(), f.message_key.as_str())).collect()
}

#[test]
fn units_left_on_other_rmas_cap_the_lines_and_two_lines_of_one_rma_add_up() {
    let policy = ReturnPolicy::default_policy();
    let mut facts = facts();
    facts.returning.insert(("SO-1".into(), 1), 3);
    let draft = decide_opening(&policy, &input(vec![line("SO-1", 2)]), &facts).unwrap();
    assert_eq!((draft.customer_code.as_str(), draft.value_minor()), ("C-1", 1_000));

    let err = decide_opening(&policy, &input(vec![line("SO-1", 1), line("SO-1", 2)]), &facts).unwrap_err();
    assert_eq!(field_keys(&err), [("lines[1].qty", "error.rma.qty_above_returnable")]);
    assert_eq!(err.fields[0].params["available"], "1");

    facts.returning.insert(("SO-1".into(), 1), 5);
    let err = decide_opening(&policy, &input(vec![line("SO-1", 1)]), &facts).unwrap_err();
    assert_eq!(field_keys(&err), [("lines[0].qty", "error.rma.fully_returned")]);
}

#[test]
fn lines_of_unknown_orders_and_of_other_customers_are_named() {
    let policy = ReturnPolicy::default_policy();
    let err =
        decide_opening(&policy, &input(vec![line("SO-1", 1), line("SO-2", 1), line("SO-9", 1)]), &facts()).unwrap_err();
    assert_eq!(
        field_keys(&err),
        [("lines[1].order_no", "error.rma.other_customer"), ("lines[2].order_no", "error.rma.unknown_order")]
    );
}

#[test]
fn a_lot_or_serial_recorded_here_comes_back_only_from_the_order_it_went_to() {
    let policy = ReturnPolicy::default_policy();
    let mut facts = facts();
    facts.lot_orders.insert("L-7".into(), vec!["SO-2".into()]);
    facts.serial_orders.insert(("BOX-5L".into(), "SN-1".into()), Some("SO-2".into()));
    facts.serial_orders.insert(("BOX-5L".into(), "SN-2".into()), Some("SO-1".into()));
    let mut l = line("SO-1", 2);
    l.lot_code = Some(" l-7 ".into());
    l.serials = vec!["SN-1".into(), "SN-2".into()];
    let err = decide_opening(&policy, &input(vec![l]), &facts).unwrap_err();
    assert_eq!(
        field_keys(&err),
        [("lines[0].lot_code", "error.rma.lot_not_shipped"), ("lines[0].serials", "error.rma.serial_not_shipped")]
    );
    assert_eq!(err.fields[1].params["serial"], "SN-1");
}

#[test]
fn a_delivery_after_the_opening_day_is_refused() {
    let mut form = input(vec![line("SO-1", 1)]);
    form.delivered_on = Some("2026-11-03".into());
    let err = decide_opening(&ReturnPolicy::default_policy(), &form, &facts()).unwrap_err();
    assert_eq!(field_keys(&err), [("delivered_on", "error.rma.delivered_in_future")]);
}

#[test]
fn an_rma_holds_what_was_asked_until_goods_arrive_then_what_came_back_and_nothing_once_ended() {
    let policy = ReturnPolicy::default_policy();
    let draft = decide_opening(&policy, &input(vec![line("SO-1", 3)]), &facts()).unwrap();
    let opened = Event::RmaOpened(Box::new(draft.into_opening("RMA-1", &policy, &input(Vec::new()), "u-ria")));
    let rma = Rma::evolve(None, &opened).unwrap();
    assert_eq!(rma.status, RmaStatus::Approved);
    assert_eq!(units_held(&rma), [("SO-1", 1, 3)]);
    let intake = IntakeCheck {
        units: Vec::new(),
        line_grades: Vec::new(),
        packaging_intact: true,
        accessories_complete: true,
        serials_match: true,
        grade: ConditionGrade::A,
        photo_ids: Vec::new(),
        note: String::new(),
    };
    let received = Event::RmaReceived { rma_no: "RMA-1".into(), qty_received: vec![2], intake };
    assert_eq!(units_held(&Rma::evolve(Some(rma.clone()), &received).unwrap()), [("SO-1", 1, 2)]);
    let cancelled = Event::RmaCancelled { rma_no: "RMA-1".into(), reason: "kept".into() };
    assert!(units_held(&Rma::evolve(Some(rma), &cancelled).unwrap()).is_empty());
    assert_eq!(units_left(5, 7), 0);
}

/// BOX-5L as a serial-tracked product, for the serial rules below.
fn serial_tracked(facts: &mut OpeningFacts) {
    let product: crate::master::ProductInput = serde_json::from_value(serde_json::json!({
        "sku": "BOX-5L", "gtin": null, "name": "Box", "category": "Opslag", "unit_cost_minor": 380, "currency": "EUR",
        "returnable": true, "lot_tracked": true, "serial_tracked": true, "has_expiry": false, "vendor_code": null
    }))
    .unwrap();
    facts.products.insert("BOX-5L".into(), product);
}

#[test]
fn a_lot_of_another_product_is_refused_on_the_line() {
    let policy = ReturnPolicy::default_policy();
    let mut facts = facts();
    facts.lot_skus.insert("L-CHG".into(), "CHG-15W".into());
    facts.lot_skus.insert("L-BOX".into(), "BOX-5L".into());
    let mut l = line("SO-1", 1);
    l.lot_code = Some("l-chg".into());
    let err = decide_opening(&policy, &input(vec![l.clone()]), &facts).unwrap_err();
    assert_eq!(field_keys(&err), [("lines[0].lot_code", "error.rma.lot_of_other_product")]);
    assert_eq!(err.fields[0].params["sku"], "CHG-15W");
    l.lot_code = Some("L-BOX".into());
    assert!(decide_opening(&policy, &input(vec![l]), &facts).is_ok());
}

#[test]
fn an_unknown_serial_of_a_serial_tracked_product_escalates_to_the_analyst() {
    let policy = ReturnPolicy::default_policy();
    let mut facts = facts();
    serial_tracked(&mut facts);
    facts.serial_orders.insert(("BOX-5L".into(), "SN-1".into()), Some("SO-1".into()));
    let mut l = line("SO-1", 2);
    l.serials = vec!["SN-1".into(), "SN-9".into()];
    let draft = decide_opening(&policy, &input(vec![l.clone()]), &facts).unwrap();
    assert_eq!(draft.facts.lines[0].unknown_serials, ["SN-9"]);
    let judged = judge(&policy, &draft.facts);
    assert_eq!(judged.verdict, Verdict::Escalated);
    let flag = judged.outcomes.iter().find(|o| o.message_key == "returns.rule.serials_unknown").expect("flagged");
    assert_eq!((flag.result, flag.params["serials"].as_str()), (RuleResult::Escalate, "SN-9"));
    // Both serials known: nothing to flag.
    facts.serial_orders.insert(("BOX-5L".into(), "SN-9".into()), Some("SO-1".into()));
    let draft = decide_opening(&policy, &input(vec![l]), &facts).unwrap();
    assert!(judge(&policy, &draft.facts).outcomes.iter().all(|o| o.message_key != "returns.rule.serials_unknown"));
}

#[test]
fn the_rma_takes_its_orders_channel_or_the_analysts_pick_when_the_order_has_none() {
    use crate::sales_channel::SalesChannel as C;
    let policy = ReturnPolicy::default_policy();
    // SO-1 predates channels: none unless the analyst picks one; never guessed.
    assert_eq!(decide_opening(&policy, &input(vec![line("SO-1", 1)]), &facts()).unwrap().channel, None);
    let mut picked = input(vec![line("SO-1", 1)]);
    picked.channel = Some(C::Retail);
    assert_eq!(decide_opening(&policy, &picked, &facts()).unwrap().channel, Some(C::Retail));

    let mut facts = facts();
    facts.orders.get_mut("SO-1").unwrap().channel = Some(C::Marketplace);
    assert_eq!(decide_opening(&policy, &input(vec![line("SO-1", 1)]), &facts).unwrap().channel, Some(C::Marketplace));
    let err = decide_opening(&policy, &picked, &facts).unwrap_err();
    assert_eq!(field_keys(&err), [("channel", "error.rma.channel_of_order")]);
    assert_eq!(err.fields[0].params["channel"], "marketplace");
}
