//! The RMA state machine: each step only from the states it belongs to, and no sequence of
//! steps settles an RMA whose goods never arrived.

use proptest::prelude::*;

use super::*;
use crate::Event;
use crate::people::{Actor, Role};
use crate::reshipment::{ApprovalPolicy, Carrier};

fn opening(verdict: Verdict) -> RmaOpening {
    RmaOpening {
        channel: None,
        rma_no: "RMA-AMS1-000001".into(),
        customer_code: "C-1".into(),
        lines: vec![
            RmaLine {
                order_no: "SO-1".into(),
                line_no: 1,
                sku: "BOX-PP-5L".into(),
                qty: 2,
                unit_price_minor: 760,
                lot_code: None,
                serials: Vec::new(),
            },
            RmaLine {
                order_no: "SO-1".into(),
                line_no: 2,
                sku: "CHG-GAN-65".into(),
                qty: 1,
                unit_price_minor: 3_700,
                lot_code: None,
                serials: vec!["SN1".into()],
            },
        ],
        currency: "EUR".into(),
        reason_code: "defective".into(),
        preferred_outcome: PreferredOutcome::Refund,
        photo_ids: Vec::new(),
        note: String::new(),
        eligibility: Eligibility { verdict, policy_version: 1, outcomes: Vec::new() },
        delivered_on: None,
        opened_by: Some("u-ria".into()),
    }
}

fn finance() -> Actor {
    Actor { user_id: "u-fien".into(), username: "fien".into(), display_name: "Fien".into(), roles: vec![Role::Finance] }
}

/// Finance settles: within its limit, asked for and paid out in one act.
fn settle_act(rma: &Rma, settlement: &Settlement) -> Result<Vec<Event>, crate::ApiError> {
    let policy = ApprovalPolicy::default_for("EUR");
    decide_settle_act(&ReturnPolicy::default_policy(), &policy.settlement_rules(), rma, settlement, &finance())
}

fn credit_act(rma: &Rma, amount_minor: i64) -> Result<Vec<Event>, crate::ApiError> {
    let policy = ApprovalPolicy::default_for("EUR");
    decide_credit_act(&policy.settlement_rules(), rma, amount_minor, &finance())
}

fn opened(verdict: Verdict) -> Rma {
    Rma::evolve(None, &Event::RmaOpened(Box::new(opening(verdict)))).unwrap()
}

fn apply(rma: Rma, events: Vec<Event>) -> Rma {
    events.iter().try_fold(rma, |state, e| Rma::evolve(Some(state), e)).unwrap()
}

fn intake() -> IntakeCheck {
    IntakeCheck {
        units: Vec::new(),
        line_grades: Vec::new(),
        packaging_intact: true,
        accessories_complete: true,
        serials_match: true,
        grade: ConditionGrade::A,
        photo_ids: Vec::new(),
        note: String::new(),
    }
}

fn restock(line_index: usize, qty: i64) -> LineDisposition {
    LineDisposition {
        grade: None,
        serials: Vec::new(),
        line_index,
        disposition: ReturnDisposition::Restock,
        qty,
        recovered_minor: 0,
        location: "RET-A1".into(),
    }
}

#[test]
fn the_verdict_decides_where_an_rma_starts() {
    assert_eq!(opened(Verdict::Approved).status, RmaStatus::Approved);
    assert_eq!(opened(Verdict::Escalated).status, RmaStatus::Escalated);
    assert_eq!(opened(Verdict::Refused).status, RmaStatus::Rejected);
}

#[test]
fn an_approved_rma_goes_from_label_to_settlement() {
    let rma = opened(Verdict::Approved);
    let rma = apply(rma.clone(), decide_label(&rma, Carrier::Postnl, "Retour", 1_200).unwrap());
    assert_eq!((rma.status, rma.labels_printed), (RmaStatus::LabelPrinted, 1));
    let rma = apply(rma.clone(), decide_label(&rma, Carrier::Postnl, "Retour", 1_200).unwrap());
    assert_eq!((rma.status, rma.labels_printed), (RmaStatus::LabelPrinted, 2), "a reprint is counted");
    let err = decide_in_transit(&rma, Carrier::Ups, "1Z999AA10123456785").unwrap_err();
    assert_eq!(err.fields[0].message_key, "error.reshipment.bad_tracking");
    let rma = apply(rma.clone(), decide_in_transit(&rma, Carrier::Dpd, "0123 4567 8901 23").unwrap());
    assert_eq!(rma.tracking_no.as_deref(), Some("01234567890123"));

    let err = decide_receive(&rma, &[3, 1], &intake()).unwrap_err();
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].message_key.as_str()),
        ("qty_received[0]", "error.rma.qty_above_expected")
    );
    let err = decide_receive(&rma, &[0, 0], &intake()).unwrap_err();
    assert_eq!(err.fields[0].message_key, "error.rma.nothing_received");
    let rma = apply(rma.clone(), decide_receive(&rma, &[2, 0], &intake()).unwrap());
    assert_eq!(paid_for_received(&rma), 1_520, "only what came back can be refunded");

    let err = decide_inspect(&rma, &[restock(0, 1)]).unwrap_err();
    assert_eq!(err.fields[0].message_key, "error.rma.disposition_qty");
    let mut no_place = restock(0, 2);
    no_place.location = String::new();
    let err = decide_inspect(&rma, &[no_place]).unwrap_err();
    assert_eq!(err.fields[0].field, "dispositions[0].location");
    let rma = apply(rma.clone(), decide_inspect(&rma, &[restock(0, 1), restock(0, 1)]).unwrap());

    let err = settle_act(&rma, &Settlement::Refund { amount_minor: 1_521, restocking_fee_minor: 0 }).unwrap_err();
    assert_eq!(err.fields[0].message_key, "error.rma.refund_above_paid");
    assert_eq!(err.fields[0].params["paid"], "15.20 EUR");
    let err = settle_act(&rma, &Settlement::Refund { amount_minor: 1_520, restocking_fee_minor: 153 }).unwrap_err();
    assert_eq!(err.fields[0].message_key, "error.returns.fee_above_cap");
    let rma = apply(
        rma.clone(),
        settle_act(&rma, &Settlement::Refund { amount_minor: 1_520, restocking_fee_minor: 0 }).unwrap(),
    );
    assert_eq!(rma.status, RmaStatus::Settled);
    assert_eq!(decide_cancel(&rma, "too late").unwrap_err().message_key, "error.rma.not_cancellable");
}

#[test]
fn a_note_goes_on_a_return_in_any_state_and_changes_nothing_else() {
    let rejected = opened(Verdict::Refused);
    let events = decide_add_note(&rejected, "  Customer called: will send photos  ").unwrap();
    assert_eq!(
        events,
        vec![Event::RmaNoteAdded {
            rma_no: rejected.rma_no().to_owned(),
            note: "Customer called: will send photos".into()
        }]
    );
    let noted = apply(rejected.clone(), events);
    assert_eq!(noted, rejected, "a note moves no status, count or money");
    let err = decide_add_note(&rejected, " \n ").unwrap_err();
    assert_eq!((err.fields[0].field.as_str(), err.fields[0].message_key.as_str()), ("note", "error.field.required"));
    let err = decide_add_note(&rejected, &"x".repeat(crate::limits::NOTE + 1)).unwrap_err();
    assert_eq!(err.fields[0].field, "note");
}

#[test]
fn an_escalated_rma_waits_for_an_analyst_who_must_say_why_when_rejecting() {
    let rma = opened(Verdict::Escalated);
    assert_eq!(decide_label(&rma, Carrier::Dpd, "", 500).unwrap_err().message_key, "error.rma.no_label");
    let err = decide_reject(&rma, "  ").unwrap_err();
    assert_eq!(err.fields[0].field, "comment");
    let suspended = apply(rma.clone(), decide_suspend(&rma, "Photo of the serial label, please").unwrap());
    assert_eq!(suspended.status, RmaStatus::Suspended);
    let approved = apply(suspended.clone(), decide_approve(&suspended, "", Some("u-tom")).unwrap());
    assert_eq!((approved.status, approved.approved_by.as_deref()), (RmaStatus::Approved, Some("u-tom")));
    assert_eq!(decide_approve(&approved, "", None).unwrap_err().message_key, "error.rma.not_awaiting_decision");

    let rejected = apply(rma.clone(), decide_reject(&rma, "Outside the warranty").unwrap());
    let err = decide_receive(&rejected, &[1, 1], &intake()).unwrap_err();
    assert_eq!((err.code, err.message_key.as_str()), (crate::ErrorCode::Conflict, "error.rma.not_receivable"));
    assert_eq!(err.params["status"], "rejected");
}

#[test]
fn store_credit_goes_out_on_approval_and_the_rma_settles_as_that_credit_after_inspection() {
    let credit = |verdict| {
        Rma::evolve(
            None,
            &Event::RmaOpened(Box::new(RmaOpening {
                preferred_outcome: PreferredOutcome::StoreCredit,
                ..opening(verdict)
            })),
        )
        .unwrap()
    };
    // Waiting for an analyst: nothing is owed yet.
    let err = credit_act(&credit(Verdict::Escalated), 500).unwrap_err();
    assert_eq!(err.message_key, "error.rma.credit_not_open");
    // A refund customer gets no credit ahead of the goods.
    assert_eq!(credit_act(&opened(Verdict::Approved), 500).unwrap_err().message_key, "error.rma.credit_not_preferred");
    let rma = credit(Verdict::Approved);
    // Value is 2 × 7.60 + 37.00 = 52.20.
    let err = credit_act(&rma, 5_221).unwrap_err();
    assert_eq!(err.fields[0].field, "amount_minor");
    assert_eq!(err.fields[0].message_key, "error.rma.credit_above_value");
    let rma = apply(rma.clone(), credit_act(&rma, 5_220).unwrap());
    assert_eq!((rma.credit_issued_minor, rma.paid_by.as_deref()), (Some(5_220), Some("u-fien")));
    assert_eq!(credit_act(&rma, 1).unwrap_err().message_key, "error.rma.credit_already_issued");
    // Only one of the two boxes came back: the credit is 7.60 above what came back.
    let rma = apply(rma.clone(), decide_receive(&rma, &[1, 1], &intake()).unwrap());
    let rma = apply(rma.clone(), decide_inspect(&rma, &[restock(0, 1), restock(1, 1)]).unwrap());
    assert_eq!(credit_above_received(&rma), 760);
    let refund = Settlement::Refund { amount_minor: 4_460, restocking_fee_minor: 0 };
    assert_eq!(settle_act(&rma, &refund).unwrap_err().fields[0].message_key, "error.rma.settle_as_issued_credit");
    let err = settle_act(&rma, &Settlement::StoreCredit { amount_minor: 4_460 }).unwrap_err();
    assert_eq!(err.fields[0].field, "settlement");
    let settled = apply(rma.clone(), settle_act(&rma, &Settlement::StoreCredit { amount_minor: 5_220 }).unwrap());
    assert_eq!(settled.status, RmaStatus::Settled);
}

/// One step a desk might try, with made-up input.
#[derive(Debug, Clone)]
enum Step {
    Approve,
    Reject,
    Suspend,
    Label,
    InTransit,
    Receive(i64, i64),
    Inspect,
    Refund(i64),
    Credit(i64),
    IssueCredit(i64),
    Cancel,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        Just(Step::Approve),
        Just(Step::Reject),
        Just(Step::Suspend),
        Just(Step::Label),
        Just(Step::InTransit),
        (0i64..4, 0i64..3).prop_map(|(a, b)| Step::Receive(a, b)),
        Just(Step::Inspect),
        (-100i64..6_000).prop_map(Step::Refund),
        (-100i64..6_000).prop_map(Step::Credit),
        (-100i64..6_000).prop_map(Step::IssueCredit),
        Just(Step::Cancel),
    ]
}

fn try_step(rma: &Rma, step: &Step) -> Result<Vec<Event>, crate::ApiError> {
    match step {
        Step::Approve => decide_approve(rma, "ok", Some("u-tom")),
        Step::Reject => decide_reject(rma, "no"),
        Step::Suspend => decide_suspend(rma, "photos please"),
        Step::Label => decide_label(rma, Carrier::Dpd, "Retour", 900),
        Step::InTransit => decide_in_transit(rma, Carrier::Dpd, "01234567890123"),
        Step::Receive(a, b) => decide_receive(rma, &[*a, *b], &intake()),
        Step::Inspect => {
            let all: Vec<LineDisposition> =
                rma.received.iter().enumerate().filter(|(_, q)| **q > 0).map(|(i, q)| restock(i, *q)).collect();
            decide_inspect(rma, &all)
        }
        Step::Refund(amount) => settle_act(rma, &Settlement::Refund { amount_minor: *amount, restocking_fee_minor: 0 }),
        Step::Credit(amount) => settle_act(rma, &Settlement::StoreCredit { amount_minor: *amount }),
        Step::IssueCredit(amount) => credit_act(rma, *amount),
        Step::Cancel => decide_cancel(rma, "customer kept it"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn no_sequence_of_steps_settles_an_rma_that_was_never_received(
        verdict in prop::sample::select(vec![Verdict::Approved, Verdict::Escalated, Verdict::Refused]),
        preferred in prop::sample::select(vec![PreferredOutcome::Refund, PreferredOutcome::StoreCredit]),
        steps in prop::collection::vec(step(), 0..14),
    ) {
        let mut rma = Rma::evolve(None, &Event::RmaOpened(Box::new(RmaOpening {
            preferred_outcome: preferred,
            ..opening(verdict)
        })))
        .unwrap();
        let mut received = false;
        let mut ever_rejected = rma.status == RmaStatus::Rejected;
        for step in &steps {
            let before = rma.clone();
            let Ok(events) = try_step(&rma, step) else {
                prop_assert_eq!(&rma, &before, "a refused step changes nothing");
                continue;
            };
            for event in &events {
                match event {
                    Event::RmaReceived { qty_received, .. } => {
                        prop_assert!(!ever_rejected, "a rejected RMA was received");
                        prop_assert!(qty_received.iter().zip(&rma.opening.lines).all(|(q, l)| *q <= l.qty));
                        received = true;
                    }
                    Event::RmaSettled { settlement, .. } => {
                        prop_assert!(received, "settled without receipt: {:?}", steps);
                        match (rma.credit_issued_minor, settlement) {
                            // Credit ahead of the goods settles as itself, never as more money.
                            (Some(issued), Settlement::StoreCredit { amount_minor }) => prop_assert_eq!(issued, *amount_minor),
                            (Some(_), other) => prop_assert!(false, "issued credit settled as {:?}", other),
                            (None, Settlement::Refund { amount_minor, .. } | Settlement::StoreCredit { amount_minor }) => {
                                prop_assert!(*amount_minor <= paid_for_received(&rma), "paid out more than came back");
                            }
                            (None, Settlement::Exchange { .. }) => {}
                        }
                    }
                    Event::RmaCreditIssued { amount_minor, .. } => {
                        prop_assert!(rma.credit_issued_minor.is_none(), "credit issued twice");
                        prop_assert_eq!(preferred, PreferredOutcome::StoreCredit);
                        prop_assert!(!ever_rejected && !matches!(rma.status, RmaStatus::Escalated | RmaStatus::Suspended | RmaStatus::Cancelled));
                        prop_assert!(*amount_minor > 0 && *amount_minor <= rma.opening.value_minor());
                    }
                    Event::RmaRejected { .. } => ever_rejected = true,
                    _ => {}
                }
            }
            rma = apply(rma, events);
        }
        if rma.status == RmaStatus::Settled {
            prop_assert!(rma.intake.is_some() && !rma.dispositions.is_empty());
        }
    }
}
