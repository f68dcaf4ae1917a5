//! The failure state machine: unit cases and properties over random sequences of acts.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

use lotline_domain::Event;
use lotline_domain::failure::*;
use lotline_domain::people::{Actor, Role};
use proptest::prelude::*;

fn record(qty_inspected: i64, qty_failed: i64) -> FailureRecord {
    FailureRecord {
        accepted_serials: Vec::new(),
        sku: "BOX-5L".into(),
        vendor_code: "SZHQ".into(),
        lot_code: None,
        serials: Vec::new(),
        stage: Stage::Incoming,
        qty_inspected,
        qty_failed,
        category_code: "COS".into(),
        description: "Scratched".into(),
        severity: Severity::Major,
        owner_team: Team::WarehouseQc,
        inspection: None,
        attachment_ids: Vec::new(),
    }
}

fn plain() -> ProductFacts {
    ProductFacts { sku: "BOX-5L".into(), lot_tracked: false, serial_tracked: false }
}

fn logged(disposition: Option<Disposition>) -> Failure {
    let product = plain();
    let events = decide_log(LogRequest {
        failure_no: "QF-T-000001".into(),
        inspector_id: "inspector".into(),
        occurred_at: "2026-11-02T09:30:00.000Z".into(),
        record: record(80, 3),
        disposition,
        product: &product,
        category_active: true,
        reinspected: None,
        lot: None,
        hold_when_accepted: false,
        reaction: lotline_domain::failure::GLOBAL_REACTION,
        reaction_source: lotline_domain::failure::ReactionSource::Global,
    })
    .expect("valid failure");
    fold(None, &events).expect("a failure")
}

fn fold(state: Option<Failure>, events: &[Event]) -> Option<Failure> {
    events.iter().fold(state, Failure::evolve)
}

fn actor(id: &str, roles: &[Role]) -> Actor {
    Actor { user_id: id.into(), username: id.into(), display_name: id.into(), roles: roles.to_vec() }
}

#[test]
fn a_known_lot_on_a_failure_is_put_on_hold_and_an_unknown_one_is_not() {
    let product = ProductFacts { sku: "CHG".into(), lot_tracked: true, serial_tracked: false };
    let mut r = record(10, 1);
    r.sku = "CHG".into();
    r.lot_code = Some("L-1".into());
    let known = LotFacts { lot_code: "L-1".into(), sku: "CHG".into(), vendor_code: r.vendor_code.clone() };
    let request = |lot| LogRequest {
        failure_no: "QF-T-000002".into(),
        inspector_id: "i".into(),
        occurred_at: "2026-11-02T09:30:00.000Z".into(),
        record: r.clone(),
        disposition: None,
        product: &product,
        category_active: true,
        reinspected: None,
        lot,
        hold_when_accepted: false,
        reaction: lotline_domain::failure::GLOBAL_REACTION,
        reaction_source: lotline_domain::failure::ReactionSource::Global,
    };
    let events = decide_log(request(Some(&known))).unwrap();
    assert!(
        matches!(&events[1], Event::LotHoldPlaced { lot_code, failure_no, .. } if lot_code == "L-1" && failure_no == "QF-T-000002")
    );
    // A code Lotline does not know (a typo) creates and holds no lot.
    let events = decide_log(request(None)).unwrap();
    assert_eq!(events.len(), 1);
}

#[test]
fn every_problem_in_a_record_is_reported_at_once() {
    let product = ProductFacts { sku: "CHG".into(), lot_tracked: true, serial_tracked: true };
    let mut r = record(0, 5);
    r.description = "  ".into();
    let fields: Vec<String> = check_record(&r, &product, false).0.into_iter().map(|f| f.field).collect();
    assert_eq!(fields, ["qty_inspected", "qty_failed", "lot_code", "serials", "category_code", "description"]);
}

#[test]
fn a_correction_that_changes_nothing_is_refused() {
    let f = logged(None);
    let err =
        decide_correct(&f, &FailureChanges { qty_failed: Some(3), ..Default::default() }, "why", &plain(), true, None)
            .unwrap_err();
    assert_eq!(err.fields[0].message_key, "error.failure.nothing_changed");
}

#[test]
fn the_inspector_cannot_approve_their_own_deviation() {
    let f = logged(Some(Disposition::AcceptWithDeviation));
    assert_eq!(f.status, FailureStatus::AwaitingApproval);
    let own = decide_approve_deviation(&f, &actor("inspector", &[Role::QualityLead]), "fine", None).unwrap_err();
    assert_eq!(own.message_key, "error.failure.own_deviation");
    let events = decide_approve_deviation(&f, &actor("lead", &[Role::QualityLead]), "fine", None).unwrap();
    assert_eq!(fold(Some(f), &events).unwrap().status, FailureStatus::Closed);
}

#[test]
fn who_asked_for_the_deviation_does_not_approve_it() {
    let f = logged(Some(Disposition::AcceptWithDeviation));
    let lead = actor("lead", &[Role::QualityLead]);
    let own = decide_approve_deviation(&f, &lead, "fine", Some("lead")).unwrap_err();
    assert_eq!(own.message_key, "error.failure.own_deviation");
    assert!(decide_approve_deviation(&f, &lead, "fine", Some("other-lead")).is_ok());
}

#[derive(Debug, Clone)]
enum Act {
    Set(Disposition),
    Complete(i64),
    Approve { lead: bool },
    Correct(i64, i64),
}

fn act() -> impl Strategy<Value = Act> {
    let disposition = prop_oneof![
        Just(Disposition::Rework),
        Just(Disposition::Reinspect),
        Just(Disposition::Scrap),
        Just(Disposition::ReturnToVendor),
        Just(Disposition::AcceptWithDeviation),
    ];
    prop_oneof![
        disposition.prop_map(Act::Set),
        (-2_i64..6).prop_map(Act::Complete),
        any::<bool>().prop_map(|lead| Act::Approve { lead }),
        (-1_i64..12, -1_i64..12).prop_map(|(i, f)| Act::Correct(i, f)),
    ]
}

proptest! {
    #[test]
    fn no_sequence_of_acts_breaks_the_rules(acts in proptest::collection::vec(act(), 0..25)) {
        let mut failure = logged(None);
        for act in acts {
            let before = failure.clone();
            let decided = match &act {
                Act::Set(d) => decide_set_disposition(&failure, *d, ""),
                Act::Complete(qty) => decide_complete(&failure, "done", Some(*qty), "", None),
                Act::Approve { lead } => {
                    let who = if *lead { actor("lead", &[Role::QualityLead]) } else { actor("other", &[Role::Inspector]) };
                    decide_approve_deviation(&failure, &who, "ok", None)
                }
                Act::Correct(i, f) => decide_correct(
                    &failure,
                    &FailureChanges { qty_inspected: Some(*i), qty_failed: Some(*f), ..Default::default() },
                    "recount",
                    &plain(),
                    true,
                    None,
                ),
            };
            let Ok(events) = decided else { continue };
            failure = fold(Some(failure), &events).expect("still a failure");
            // Quantities stay meaningful whatever was corrected.
            prop_assert!(failure.record.qty_failed >= 1 && failure.record.qty_failed <= failure.record.qty_inspected);
            // A closed failure only ever takes corrections.
            if before.status == FailureStatus::Closed {
                let corrected = matches!(act, Act::Correct(..));
                prop_assert!(corrected);
                prop_assert_eq!(failure.status, FailureStatus::Closed);
            }
            // A deviation closes only by a quality lead's approval.
            if before.status == FailureStatus::AwaitingApproval && failure.status == FailureStatus::Closed {
                let approved_by_lead = matches!(act, Act::Approve { lead: true });
                prop_assert!(approved_by_lead);
            }
            // Completion needs a disposition that is not accept-with-deviation.
            if let Act::Complete(qty) = act {
                prop_assert!(before.disposition.is_some());
                prop_assert_ne!(before.disposition, Some(Disposition::AcceptWithDeviation));
                prop_assert!(qty >= 0 && qty <= before.record.qty_failed);
            }
        }
    }
}
