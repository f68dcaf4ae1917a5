//! The authorization rules under random sequences of acts: whatever people try, nothing over a
//! limit ships without the approvals it needs, and nobody approves their own request.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::people::{Actor, Role};
use crate::site_time::{Holidays, SiteDay};
use crate::{ApiError, Event};

fn day() -> SiteDay {
    SiteDay::plain(today())
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn policy() -> ApprovalPolicy {
    ApprovalPolicy::default_for("EUR")
}

fn actor(id: usize, roles: Vec<Role>) -> Actor {
    Actor { user_id: format!("u{id}"), username: format!("u{id}"), display_name: format!("U{id}"), roles }
}

fn order() -> OrderFacts {
    OrderFacts {
        order_no: "SO-1".into(),
        lines: vec![OrderLineFacts {
            line_no: 1,
            sku: "CHG".into(),
            qty: 10,
            lot_tracked: false,
            serial_tracked: false,
        }],
        ship_to: ShipTo { name: "Bakker BV".into(), address: "Damrak 1, Amsterdam".into(), country: "NL".into() },
    }
}

fn failures() -> Vec<FailureFacts> {
    vec![FailureFacts {
        failure_no: "QF-A-000001".into(),
        sku: "CHG".into(),
        vendor_code: "SZHQ".into(),
        qty_failed: 5,
    }]
}

fn cost(minor: i64, currency: &str) -> CostInput {
    CostInput {
        shipping_minor: minor / 2,
        shipping_currency: currency.into(),
        goods_minor: minor - minor / 2,
        goods_currency: currency.into(),
    }
}

fn request(minor: i64, currency: &str) -> RequestReshipmentInput {
    RequestReshipmentInput {
        failure_nos: vec!["QF-A-000001".into()],
        order_no: "SO-1".into(),
        items: vec![ItemInput { line_no: 1, qty: 2, lot_code: None, serials: vec![] }],
        ship_to: None,
        ship_to_reason: None,
        carrier: Carrier::Dpd,
        service: "Classic".into(),
        cost: cost(minor, currency),
        payer: Payer::Us,
        vendor_code: None,
        reason: "Cracked housing".into(),
        due_on: None,
        rma_no: None,
    }
}

fn requested(minor: i64, currency: &str, by: &Actor) -> Result<Reshipment, ApiError> {
    let failures = failures();
    let order = order();
    let lots = ItemLots::default();
    let policy = policy();
    let facts = RequestFacts {
        failures: &failures,
        unknown_failures: &[],
        order: Some(&order),
        reshipped: &BTreeMap::new(),
        lots: &lots,
        policy: &policy,
        today: today(),
        holidays: &Holidays::new(),
        exchange: None,
    };
    let events = decide_request(&request(minor, currency), &facts, "RS-A-000001", by)?;
    Ok(fold(None, &events).unwrap())
}

fn fold(state: Option<Reshipment>, events: &[Event]) -> Option<Reshipment> {
    events.iter().fold(state, Reshipment::evolve)
}

fn roles_strategy() -> impl Strategy<Value = Vec<Role>> {
    proptest::sample::subsequence(Role::ALL.to_vec(), 0..=2)
}

#[derive(Debug, Clone)]
enum Act {
    Approve(usize),
    Amend(i64),
    Ship,
    Cancel,
    Reject(usize),
}

fn act_strategy() -> impl Strategy<Value = Act> {
    prop_oneof![
        4 => (0usize..5).prop_map(Act::Approve),
        1 => (0i64..200_000).prop_map(Act::Amend),
        2 => Just(Act::Ship),
        1 => Just(Act::Cancel),
        1 => (0usize..5).prop_map(Act::Reject),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn nothing_ships_without_the_approvals_it_needs(
        people in proptest::collection::vec(roles_strategy(), 5),
        requester in 0usize..5,
        amount in 0i64..200_000,
        foreign in proptest::bool::weighted(0.1),
        acts in proptest::collection::vec(act_strategy(), 0..12),
    ) {
        let policy = policy();
        let actors: Vec<Actor> = people.iter().enumerate().map(|(i, r)| actor(i, r.clone())).collect();
        let currency = if foreign { "USD" } else { "EUR" };
        let Ok(mut state) = requested(amount, currency, &actors[requester]) else { return Ok(()) };
        for act in acts {
            let result = match act {
                Act::Approve(who) => decide_approve(&state, &policy, &actors[who], "", &day()),
                Act::Amend(minor) => decide_amend(&state, &policy, &cost(minor, currency), "price changed", &day()),
                Act::Ship => decide_ship(&state, &ShipInput {
                    reshipment_no: "RS-A-000001".into(), carrier: Carrier::Dpd, service: None,
                    tracking_no: "01234567890123".into(), shipped_on: None,
                }, &ItemLots::default(), today()),
                Act::Cancel => decide_cancel(&state, "not needed"),
                Act::Reject(who) => decide_reject(&state, &policy, &actors[who], "too expensive"),
            };
            let Ok(events) = result else { continue };
            for event in &events {
                if let Event::ReshipmentApproved { approval, .. } = event {
                    prop_assert_ne!(&approval.approver_id, &state.request.requested_by, "self-approval");
                }
                if let Event::ReshipmentShipped { .. } = event {
                    let needs = requirement(&policy, &state.cost, &state.request.requester_roles);
                    let counted = counting(&policy, &state.cost, state.amount_version, &state.approvals);
                    prop_assert!(is_satisfied(&needs, &counted), "shipped without approvals: {needs:?} {counted:?}");
                    prop_assert!(counted.iter().all(|a| a.approver_id != state.request.requested_by));
                    if needs.finance_needed {
                        let distinct: HashSet<&str> = counted.iter().map(|a| a.approver_id.as_str()).collect();
                        prop_assert!(distinct.len() >= 2);
                    }
                }
            }
            state = fold(Some(state), &events).unwrap();
        }
    }
}

#[test]
fn within_the_requesters_limit_it_is_authorized_at_once() {
    let logistics = actor(1, vec![Role::Logistics]);
    let r = requested(4_000, "EUR", &logistics).unwrap();
    assert_eq!(r.status, ReshipmentStatus::Authorized);
    assert!(r.authorized_by_policy);
    let r = requested(5_001, "EUR", &logistics).unwrap();
    assert_eq!(r.status, ReshipmentStatus::Requested);
}

#[test]
fn above_the_limit_a_covering_approver_is_needed_and_self_approval_is_refused() {
    let logistics = actor(1, vec![Role::Logistics]);
    let other_logistics = actor(2, vec![Role::Logistics]);
    let finance = actor(3, vec![Role::Finance]);
    let r = requested(12_000, "EUR", &logistics).unwrap();
    let err = decide_approve(&r, &policy(), &logistics, "", &day()).unwrap_err();
    assert_eq!(err.message_key, "error.reshipment.self_approval");
    let err = decide_approve(&r, &policy(), &other_logistics, "", &day()).unwrap_err();
    assert_eq!(err.message_key, "error.reshipment.limit_too_low");
    assert_eq!(err.params["limit_minor"], "5000");
    let events = decide_approve(&r, &policy(), &finance, "ok", &day()).unwrap();
    let r = fold(Some(r), &events).unwrap();
    assert_eq!(r.status, ReshipmentStatus::Authorized);
    assert_eq!(r.due_on, "2026-11-26", "two working days after authorization");
    let err = decide_approve(&r, &policy(), &finance, "", &day()).unwrap_err();
    assert_eq!(err.message_key, "error.reshipment.already_authorized");
}

#[test]
fn above_dual_control_two_approvers_one_from_finance() {
    let logistics = actor(1, vec![Role::Logistics]);
    let admin = actor(2, vec![Role::Admin]);
    let admin2 = actor(3, vec![Role::Admin]);
    let finance = actor(4, vec![Role::Finance]);
    let r = requested(60_000, "EUR", &logistics).unwrap();
    let r = fold(Some(r.clone()), &decide_approve(&r, &policy(), &admin, "", &day()).unwrap()).unwrap();
    assert_eq!(r.status, ReshipmentStatus::Requested, "one approval is not enough");
    let err = decide_approve(&r, &policy(), &admin2, "", &day()).unwrap_err();
    assert_eq!(err.message_key, "error.reshipment.finance_needed");
    let err = decide_approve(&r, &policy(), &admin, "", &day()).unwrap_err();
    assert_eq!(err.message_key, "error.reshipment.already_approved");
    let r = fold(Some(r.clone()), &decide_approve(&r, &policy(), &finance, "", &day()).unwrap()).unwrap();
    assert_eq!(r.status, ReshipmentStatus::Authorized);
}

#[test]
fn changing_the_amount_voids_earlier_approvals() {
    let logistics = actor(1, vec![Role::Logistics]);
    let finance = actor(3, vec![Role::Finance]);
    let r = requested(12_000, "EUR", &logistics).unwrap();
    let r = fold(Some(r.clone()), &decide_approve(&r, &policy(), &finance, "", &day()).unwrap()).unwrap();
    assert_eq!(r.status, ReshipmentStatus::Authorized);
    let r =
        fold(Some(r.clone()), &decide_amend(&r, &policy(), &cost(15_000, "EUR"), "dearer", &day()).unwrap()).unwrap();
    assert_eq!(r.status, ReshipmentStatus::Requested);
    let err = decide_ship(
        &r,
        &ShipInput {
            reshipment_no: "RS-A-000001".into(),
            carrier: Carrier::Dpd,
            service: None,
            tracking_no: "01234567890123".into(),
            shipped_on: None,
        },
        &ItemLots::default(),
        today(),
    )
    .unwrap_err();
    assert_eq!(err.message_key, "error.reshipment.not_authorized");
    // The same finance user may approve the new amount.
    let r = fold(Some(r.clone()), &decide_approve(&r, &policy(), &finance, "", &day()).unwrap()).unwrap();
    assert_eq!(r.status, ReshipmentStatus::Authorized);
}

#[test]
fn bad_requests_name_their_fields() {
    let logistics = actor(1, vec![Role::Logistics]);
    let failures = failures();
    let order = order();
    let lots = ItemLots::default();
    let policy = policy();
    let facts = RequestFacts {
        failures: &failures,
        unknown_failures: &["QF-A-999999".to_owned()],
        order: Some(&order),
        reshipped: &BTreeMap::new(),
        lots: &lots,
        policy: &policy,
        today: today(),
        holidays: &Holidays::new(),
        exchange: None,
    };
    let mut input = request(1_000, "EUR");
    input.items[0].qty = 6;
    input.cost.goods_currency = "USD".into();
    input.cost.shipping_minor = -5;
    let err = decide_request(&input, &facts, "RS-A-000001", &logistics).unwrap_err();
    let fields: Vec<(&str, &str)> = err.fields.iter().map(|f| (f.field.as_str(), f.message_key.as_str())).collect();
    assert!(fields.contains(&("failure_nos", "error.reshipment.unknown_failure")), "{fields:?}");
    assert!(fields.contains(&("items", "error.reshipment.qty_above_failed")), "{fields:?}");
    assert!(fields.contains(&("cost.goods_currency", "error.reshipment.mixed_currency")), "{fields:?}");
    assert!(fields.contains(&("cost.shipping_minor", "error.field.negative")), "{fields:?}");
}

#[test]
fn chargebacks_follow_their_transitions() {
    let logistics = actor(1, vec![Role::Logistics]);
    let failures = failures();
    let order = order();
    let lots = ItemLots::default();
    let policy = policy();
    let facts = RequestFacts {
        failures: &failures,
        unknown_failures: &[],
        order: Some(&order),
        reshipped: &BTreeMap::new(),
        lots: &lots,
        policy: &policy,
        today: today(),
        holidays: &Holidays::new(),
        exchange: None,
    };
    let mut input = request(3_000, "EUR");
    input.payer = Payer::Vendor;
    let r = fold(None, &decide_request(&input, &facts, "RS-A-000001", &logistics).unwrap()).unwrap();
    let claim = r.chargeback.clone().unwrap();
    assert_eq!((claim.vendor_code.as_str(), claim.amount_minor), ("SZHQ", 3_000));
    let err = decide_chargeback(&r, ChargebackStatus::Recovered, 4_000, "").unwrap_err();
    assert_eq!(err.fields[0].message_key, "error.chargeback.bad_recovered");
    let r =
        fold(Some(r.clone()), &decide_chargeback(&r, ChargebackStatus::Disputed, 0, "vendor says transport").unwrap())
            .unwrap();
    let r = fold(Some(r.clone()), &decide_chargeback(&r, ChargebackStatus::Recovered, 2_500, "credit note").unwrap())
        .unwrap();
    assert_eq!(r.chargeback.as_ref().unwrap().recovered_minor, 2_500);
    let err = decide_chargeback(&r, ChargebackStatus::Open, 0, "").unwrap_err();
    assert_eq!(err.fields[0].message_key, "error.chargeback.bad_transition");
}

/// Two desks, offline, each record one of the two approvals a 600.00 request needs: neither
/// authorizes alone, the merged set does, once.
#[test]
fn approvals_given_apart_authorize_together_once_merged() {
    let requester = actor(0, vec![Role::Logistics]);
    let (fien, frank) = (actor(1, vec![Role::Finance]), actor(2, vec![Role::Finance]));
    let state = requested(60_000, "EUR", &requester).unwrap();
    assert_eq!(state.status, ReshipmentStatus::Requested);
    let on_a = decide_approve(&state, &policy(), &fien, "", &day()).unwrap();
    let on_b = decide_approve(&state, &policy(), &frank, "", &day()).unwrap();
    assert_eq!((on_a.len(), on_b.len()), (1, 1), "neither desk's approval is enough alone");
    let merged = fold(Some(state.clone()), &[on_a.clone(), on_b.clone()].concat()).unwrap();
    assert_eq!(merged.status, ReshipmentStatus::Requested, "the log alone holds no authorization");
    let merged = authorize_by_approvals(merged, &policy(), &day());
    assert_eq!(merged.status, ReshipmentStatus::Authorized);
    assert_eq!(merged.due_on, "2026-11-26", "two working days from the completing approval");
    // The same approver twice (two desks, one person) is still one approval.
    let twice = fold(Some(state), &[on_a.clone(), on_a].concat()).unwrap();
    assert_eq!(authorize_by_approvals(twice, &policy(), &day()).status, ReshipmentStatus::Requested);
}

#[test]
fn a_second_desks_authorization_of_the_same_request_changes_nothing() {
    let requester = actor(0, vec![Role::Logistics]);
    let state = requested(9_000, "EUR", &requester).unwrap();
    let on_a = decide_approve(&state, &policy(), &actor(1, vec![Role::Finance]), "", &day()).unwrap();
    let later = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let on_b = decide_approve(&state, &policy(), &actor(2, vec![Role::Finance]), "", &SiteDay::plain(later)).unwrap();
    assert_eq!((on_a.len(), on_b.len()), (2, 2), "each desk authorized on its own");
    let merged = fold(Some(state), &[on_a, on_b].concat()).unwrap();
    assert_eq!(merged.status, ReshipmentStatus::Authorized);
    assert_eq!(merged.due_on, "2026-11-26", "the first authorization's due date stands");
}
