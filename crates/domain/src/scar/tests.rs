use chrono::NaiveDate;

use super::*;
use crate::Event;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn opening() -> ScarOpening {
    ScarOpening {
        scar_no: "SCAR-AMS1-000001".into(),
        vendor_code: "V-ACME".into(),
        failure_no: Some("QF-AMS1-000003".into()),
        team: vec![ScarMember { name: "Anna de Wit".into(), role: "Quality lead".into() }],
        problem: "Cracked housings in lot L-1, 12 of 200 units".into(),
    }
}

fn opened() -> Scar {
    Scar::evolve(None, &Event::ScarOpened(Box::new(opening()))).unwrap()
}

fn step(text: &str, actions: &str) -> ScarStepText {
    ScarStepText { text: text.into(), actions: actions.into(), preventive: String::new() }
}

fn apply(scar: Scar, events: Vec<Event>) -> Scar {
    events.iter().try_fold(scar, |s, e| Scar::evolve(Some(s), e)).unwrap()
}

#[test]
fn a_scar_walks_its_steps_in_order_and_keeps_each_answer() {
    let today = day("2026-11-02");
    let mut scar = opened();
    assert_eq!(scar.status, ScarStatus::Draft);
    let sent = decide_advance(&scar, ScarStatus::Sent, Some("2026-11-16"), &step("", ""), today).unwrap();
    scar = apply(scar, sent);
    assert_eq!((scar.status, scar.due_on.as_deref()), (ScarStatus::Sent, Some("2026-11-16")));
    for (to, text, actions) in [
        (ScarStatus::ContainmentReceived, "Stock sorted at the plant", ""),
        (ScarStatus::RootCauseReceived, "Mould worn", "Mould replaced; wear checked weekly"),
        (ScarStatus::Verified, "Next three lots passed", ""),
        (ScarStatus::Closed, "Thanks to the team", ""),
    ] {
        let events = decide_advance(&scar, to, None, &step(text, actions), today).unwrap();
        scar = apply(scar, events);
        assert_eq!(scar.status, to);
    }
    assert_eq!(scar.containment, "Stock sorted at the plant");
    assert_eq!(
        (scar.root_cause.as_str(), scar.actions.as_str()),
        ("Mould worn", "Mould replaced; wear checked weekly")
    );
    assert_eq!(scar.verification, "Next three lots passed");
    assert_eq!(scar.closure, "Thanks to the team");
}

#[test]
fn steps_out_of_order_twice_or_after_closing_are_refused_with_their_own_keys() {
    let today = day("2026-11-02");
    let scar = opened();
    let err = decide_advance(&scar, ScarStatus::RootCauseReceived, None, &step("x", "y"), today).unwrap_err();
    assert_eq!(err.message_key, "error.scar.out_of_order");
    assert_eq!(err.params["status"], "draft");
    let scar =
        apply(scar.clone(), decide_advance(&scar, ScarStatus::Sent, Some("2026-11-02"), &step("", ""), today).unwrap());
    let err = decide_advance(&scar, ScarStatus::Sent, Some("2026-11-20"), &step("", ""), today).unwrap_err();
    assert_eq!(err.message_key, "error.scar.step_done");
    let mut closed = scar.clone();
    closed.status = ScarStatus::Closed;
    let err = decide_advance(&closed, ScarStatus::Verified, None, &step("x", ""), today).unwrap_err();
    assert_eq!(err.message_key, "error.scar.closed");
}

#[test]
fn sending_needs_a_due_date_not_in_the_past_and_answers_need_their_text() {
    let today = day("2026-11-02");
    let scar = opened();
    let err = decide_advance(&scar, ScarStatus::Sent, None, &step("", ""), today).unwrap_err();
    assert_eq!(err.fields[0].message_key, "error.field.required");
    let err = decide_advance(&scar, ScarStatus::Sent, Some("2026-11-01"), &step("", ""), today).unwrap_err();
    assert_eq!(err.fields[0].message_key, "error.scar.due_in_past");
    let err = decide_advance(&scar, ScarStatus::Sent, Some("16-11-2026"), &step("", ""), today).unwrap_err();
    assert_eq!(err.fields[0].message_key, "error.field.bad_date");
    let mut sent = scar.clone();
    sent.status = ScarStatus::ContainmentReceived;
    let err = decide_advance(&sent, ScarStatus::RootCauseReceived, None, &step("Mould worn", " "), today).unwrap_err();
    assert_eq!(err.fields[0].field, "actions");
}

#[test]
fn opening_needs_a_team_and_a_problem() {
    let mut o = opening();
    assert!(check_opening(&o).is_ok());
    o.team.clear();
    o.problem = " ".into();
    let err = check_opening(&o).unwrap_err();
    let fields: Vec<_> = err.fields.iter().map(|f| (f.field.as_str(), f.message_key.as_str())).collect();
    assert_eq!(fields, vec![("team", "error.scar.team_empty"), ("problem", "error.field.required")]);
}

#[test]
fn overdue_means_due_day_passed_without_root_cause() {
    let due = Some("2026-11-16");
    assert!(!is_overdue(ScarStatus::Sent, due, day("2026-11-16")), "due that day is not late yet");
    assert!(is_overdue(ScarStatus::Sent, due, day("2026-11-17")));
    assert!(is_overdue(ScarStatus::ContainmentReceived, due, day("2026-11-17")));
    assert!(!is_overdue(ScarStatus::RootCauseReceived, due, day("2026-11-17")));
    assert!(!is_overdue(ScarStatus::Draft, None, day("2026-11-17")));
}

#[test]
fn the_same_step_on_two_desks_keeps_the_first() {
    let today = day("2026-11-02");
    let scar = opened();
    let sent = decide_advance(&scar, ScarStatus::Sent, Some("2026-11-16"), &step("", ""), today).unwrap();
    let scar = apply(scar, sent);
    let mine = decide_advance(&scar, ScarStatus::ContainmentReceived, None, &step("sorted", ""), today).unwrap();
    let theirs = decide_advance(&scar, ScarStatus::ContainmentReceived, None, &step("sorted too", ""), today).unwrap();
    assert!(recheck_advance(&scar, &mine[0]).is_ok());
    let merged = apply(scar, mine);
    let err = recheck_advance(&merged, &theirs[0]).unwrap_err();
    assert_eq!(err.message_key, "error.scar.step_done");
    assert_eq!(merged.containment, "sorted");
}
