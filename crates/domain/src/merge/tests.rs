//! The offline scenarios of team sync, judged as the server judges them.

use super::*;
use crate::envelope::EnvelopedEvent;
use crate::returns::{
    ConditionGrade, Eligibility, IntakeCheck, LineDisposition, PreferredOutcome, ReturnDisposition, RmaLine,
    RmaOpening, Settlement, Verdict,
};

pub(super) fn opened() -> Event {
    Event::RmaOpened(Box::new(RmaOpening {
        channel: None,
        rma_no: "RMA-AMS1A-000042".into(),
        customer_code: "C-1".into(),
        lines: vec![RmaLine {
            order_no: "SO-1".into(),
            line_no: 1,
            sku: "BOX-PP-5L".into(),
            qty: 2,
            unit_price_minor: 760,
            lot_code: None,
            serials: Vec::new(),
        }],
        currency: "EUR".into(),
        reason_code: "changed_mind".into(),
        preferred_outcome: PreferredOutcome::Refund,
        photo_ids: Vec::new(),
        note: String::new(),
        eligibility: Eligibility { verdict: Verdict::Approved, policy_version: 1, outcomes: Vec::new() },
        delivered_on: None,
        opened_by: Some("u-ria".into()),
    }))
}

fn rma(no_more: &[Event]) -> Vec<Event> {
    let mut events = vec![opened()];
    events.extend_from_slice(no_more);
    events
}

pub(super) fn received_and_inspected() -> Vec<Event> {
    let no = "RMA-AMS1A-000042".to_owned();
    vec![
        Event::RmaReceived {
            rma_no: no.clone(),
            qty_received: vec![2],
            intake: IntakeCheck {
                units: Vec::new(),
                line_grades: Vec::new(),
                packaging_intact: true,
                accessories_complete: true,
                serials_match: true,
                grade: ConditionGrade::A,
                photo_ids: Vec::new(),
                note: String::new(),
            },
        },
        Event::RmaInspected {
            b_stock: false,
            rma_no: no,
            dispositions: vec![LineDisposition {
                grade: None,
                serials: Vec::new(),
                line_index: 0,
                disposition: ReturnDisposition::Restock,
                qty: 2,
                recovered_minor: 0,
                location: "A-1".into(),
            }],
        },
    ]
}

pub(super) fn refund() -> Settlement {
    Settlement::Refund { amount_minor: 1_520, restocking_fee_minor: 0 }
}

/// Finance asks for the refund of 15.20, within its own limit of 1,000.00: no approval needed.
pub(super) fn payout_requested() -> Event {
    let policy = crate::reshipment::ApprovalPolicy::default_for("EUR");
    let rules = policy.settlement_rules();
    let requirement = rules
        .requirement(crate::approval::Amount { total_minor: 1_520, currency: "EUR" }, &[crate::people::Role::Finance]);
    assert_eq!(requirement.approvals, 0);
    Event::RmaPayoutRequested {
        rma_no: "RMA-AMS1A-000042".into(),
        request: crate::returns::PayoutRequest {
            settlement: refund(),
            requested_by: "u-fien".into(),
            requester_roles: vec![crate::people::Role::Finance],
            amount_version: 1,
            requirement,
        },
    }
}

pub(super) fn settle_by(payer: &str) -> Event {
    Event::RmaSettled { rma_no: "RMA-AMS1A-000042".into(), settlement: refund(), paid_by: Some(payer.into()) }
}

fn settle() -> Event {
    settle_by("u-fien")
}

fn cancel() -> Event {
    Event::RmaCancelled { rma_no: "RMA-AMS1A-000042".into(), reason: "customer kept it".into() }
}

#[test]
fn a_settlement_after_another_desks_cancellation_is_refused_with_the_reason() {
    // Desk A cancelled while the RMA was approved; desk B, offline, had it back and inspected
    // and settles it. B's settlement reaches the server after A's cancellation.
    let history = rma(&[cancel()]);
    let err = recheck(&history, &settle()).unwrap_err();
    assert_eq!(err.message_key, "error.rma.not_inspected");
    assert_eq!(err.params.get("status").map(String::as_str), Some("cancelled"));
    assert_eq!(err.params.get("rma_no").map(String::as_str), Some("RMA-AMS1A-000042"));
}

#[test]
fn the_goods_coming_back_are_accepted_whatever_the_other_desk_decided() {
    let history = rma(&[cancel()]);
    for fact in received_and_inspected() {
        assert_eq!(fact.merge_rule(), MergeRule::PhysicalFact);
        assert!(recheck(&history, &fact).is_ok(), "{fact:?}");
    }
}

#[test]
fn goods_that_arrive_after_a_cancellation_do_not_reopen_it_for_settlement() {
    // B, offline, received and inspected the parcel and settled; A had cancelled first.
    let mut history = rma(&[cancel()]);
    history.extend(received_and_inspected());
    let err = recheck(&history, &settle()).unwrap_err();
    assert_eq!(err.params.get("status").map(String::as_str), Some("cancelled"));
}

/// The team's log in memory, in the server's order, as the stand-in hub and the server hold it.
#[derive(Default)]
pub(super) struct Memory(pub Vec<Logged>);

impl Memory {
    pub fn of(desk: &str, events: Vec<Event>) -> Memory {
        let mut log = Memory::default();
        log.add(desk, events);
        log
    }

    pub fn add(&mut self, desk: &str, events: Vec<Event>) {
        for event in events {
            let server_seq = self.0.len() as i64 + 1;
            self.0.push(Logged { server_seq, desk_id: desk.into(), event });
        }
    }
}

impl TeamLog for Memory {
    fn stream(&mut self, stream_type: &str, stream_id: &str) -> Vec<Logged> {
        self.0.iter().filter(|l| l.event.stream() == (stream_type, stream_id.to_owned())).cloned().collect()
    }

    fn naming(&mut self, subject: &str) -> Vec<Logged> {
        self.0.iter().filter(|l| subjects_of(&l.event).iter().any(|s| s == subject)).cloned().collect()
    }
}

/// An envelope for an event of `desk` that had pulled the team's log up to `seen`.
pub(super) fn envelope(desk: &str, seen: i64, occurred_at: &str) -> EnvelopedEvent {
    EnvelopedEvent {
        id: "01900000-0000-7000-8000-000000000001".into(),
        desk_id: desk.into(),
        desk_seq: 1,
        act_id: "act-1".into(),
        stream_type: String::new(),
        stream_id: String::new(),
        kind: String::new(),
        schema_version: 1,
        payload: None,
        payload_hash: String::new(),
        actor_id: Some("u1".into()),
        occurred_at: occurred_at.into(),
        hlc: String::new(),
        seen,
        local_only: false,
        redacted: false,
        prev_hash: String::new(),
        hash: String::new(),
    }
}

/// Judges `events` as one act with `envelope` against `log`, the server's clock at `now`.
pub(super) fn judge_at(
    events: &[Event],
    envelope: &EnvelopedEvent,
    log: &mut Memory,
    now: &str,
) -> Result<(), ApiError> {
    let act: Vec<ActEvent<'_>> = events.iter().map(|event| ActEvent { envelope, event }).collect();
    let now = chrono::DateTime::parse_from_rfc3339(now).unwrap().with_timezone(&chrono::Utc);
    judge_act(&act, now, log)
}

/// Judges `events` as one act with `envelope` against `log`, on the server a day later.
pub(super) fn judge(events: &[Event], envelope: &EnvelopedEvent, log: &mut Memory) -> Result<(), ApiError> {
    judge_at(events, envelope, log, "2026-11-03T10:00:00Z")
}

#[test]
fn an_act_is_judged_event_by_event_with_its_own_earlier_events() {
    let mut act = received_and_inspected();
    act.extend([payout_requested(), settle()]);
    let on_b = envelope("desk-b", 1, "2026-11-02T10:00:00.000Z");
    assert!(judge(&act, &on_b, &mut Memory::of("desk-a", vec![opened()])).is_ok());
    let err = judge(&act, &on_b, &mut Memory::of("desk-a", rma(&[cancel()]))).unwrap_err();
    assert_eq!(err.message_key, "error.rma.not_inspected");
}

#[test]
fn a_cancellation_after_another_desks_settlement_is_refused() {
    let mut steps = received_and_inspected();
    steps.extend([payout_requested(), settle()]);
    let err = recheck(&rma(&steps), &cancel()).unwrap_err();
    assert_eq!(err.message_key, "error.rma.not_cancellable");
}

#[test]
fn the_same_step_in_order_is_accepted() {
    let mut asked = received_and_inspected();
    asked.push(payout_requested());
    assert!(recheck(&rma(&asked), &settle()).is_ok());
    assert!(recheck(&rma(&[]), &cancel()).is_ok());
}

#[test]
fn a_step_on_a_record_the_team_never_saw_is_refused() {
    let err = recheck(&[], &cancel()).unwrap_err();
    assert_eq!(err.message_key, "error.sync.record_unknown");
}

#[test]
fn a_number_claimed_twice_with_other_contents_is_refused_and_a_duplicate_is_not() {
    let first = opened();
    assert!(recheck(std::slice::from_ref(&first), &first).is_ok(), "the same act pushed again");
    let Event::RmaOpened(mut other) = opened() else { unreachable!() };
    other.customer_code = "C-2".into();
    let err = recheck(&[first], &Event::RmaOpened(other)).unwrap_err();
    assert_eq!(err.message_key, "error.sync.already_claimed");
}

#[test]
fn each_return_policy_version_is_claimed_once_and_later_versions_follow() {
    use crate::returns::ReturnPolicy;
    let version = |v: i64, window_days: u32| {
        Event::ReturnPolicySet(Box::new(ReturnPolicy { version: v, window_days, ..ReturnPolicy::default_policy() }))
    };
    let history = [version(2, 45)];
    assert!(recheck(&history, &version(3, 60)).is_ok(), "the next version is a claim of its own");
    assert!(recheck(&history, &version(2, 45)).is_ok(), "the same version pushed again");
    let err = recheck(&history, &version(2, 60)).unwrap_err();
    assert_eq!((err.message_key.as_str(), err.params["number"].as_str()), ("error.sync.already_claimed", "2"));
}

/// Two desks record the outcome of the same queued unit offline: the first in the server's order
/// stands, the second is refused with what is left in the queue; an inspection from before B-stock
/// queued nothing, so no outcome merges onto it.
#[test]
fn the_same_queued_unit_refurbished_on_two_desks_is_refused_the_second_time() {
    use crate::returns::{Refurbishment, RefurbishmentOutcome};
    let no = "RMA-AMS1A-000042".to_owned();
    let mut history = rma(&received_and_inspected());
    let Some(Event::RmaInspected { b_stock, dispositions, .. }) = history.last_mut() else { unreachable!() };
    *b_stock = true;
    dispositions[0].disposition = ReturnDisposition::Refurbish;
    dispositions[0].qty = 1;
    dispositions.push(LineDisposition {
        disposition: ReturnDisposition::Recycle,
        location: String::new(),
        ..dispositions[0].clone()
    });
    let refurbished = |outcome| Event::RmaRefurbished {
        rma_no: no.clone(),
        refurbishment: Refurbishment { line_index: 0, qty: 1, serials: Vec::new(), outcome, note: String::new() },
    };
    assert_eq!(refurbished(RefurbishmentOutcome::Scrapped).merge_rule(), MergeRule::StateStep);
    assert!(recheck(&history, &refurbished(RefurbishmentOutcome::Refurbished)).is_ok());
    history.push(refurbished(RefurbishmentOutcome::Refurbished));
    let err = recheck(&history, &refurbished(RefurbishmentOutcome::Scrapped)).unwrap_err();
    assert_eq!(
        (err.fields[0].message_key.as_str(), err.fields[0].params["awaiting"].as_str()),
        ("error.rma.refurbish_above_queue", "0")
    );
    let before_b_stock = rma(&received_and_inspected());
    let err = recheck(&before_b_stock, &refurbished(RefurbishmentOutcome::Scrapped)).unwrap_err();
    assert_eq!(err.message_key, "error.rma.no_refurbishment");
}
