use super::*;
use crate::event::Event;
use crate::people::{Actor, Role};

fn logged(qty_failed: i64, disposition: Option<Disposition>) -> Event {
    Event::FailureLogged {
        reaction: None,
        failure_no: "QF-AMS1-000001".into(),
        occurred_at: "2026-11-02T08:00:00Z".into(),
        inspector_id: "u-inspector".into(),
        record: FailureRecord {
            accepted_serials: Vec::new(),
            sku: "MUG-1".into(),
            vendor_code: "ACME".into(),
            lot_code: None,
            serials: Vec::new(),
            stage: Stage::Incoming,
            qty_inspected: 50,
            qty_failed,
            category_code: "COS".into(),
            description: "Chipped rims".into(),
            severity: Severity::Major,
            owner_team: Team::WarehouseQc,
            inspection: None,
            attachment_ids: Vec::new(),
        },
        disposition,
        reinspection_of: None,
    }
}

fn fold(events: &[Event]) -> Failure {
    events.iter().fold(None, Failure::evolve).expect("a failure")
}

fn request(disposition: Disposition, qty: i64) -> LineRequest {
    LineRequest {
        disposition,
        qty,
        note: " follow up ".into(),
        owner_id: "u-owner".into(),
        due_on: Some("2026-11-20".into()),
        serials: Vec::new(),
    }
}

fn done(qty: Option<i64>, scrap: Option<ScrapRecord>) -> LineCompletion {
    LineCompletion { outcome: "Done".into(), qty, note: String::new(), cost_minor: None, scrap }
}

fn crushed() -> ScrapRecord {
    ScrapRecord {
        method: ScrapMethod::Crushed,
        method_other: String::new(),
        destroyed_by: "u-ops".into(),
        witness_id: Some("u-lead".into()),
    }
}

/// Applies decided events to the log and returns the folded failure.
fn then(log: &mut Vec<Event>, decided: Result<Vec<Event>, crate::ApiError>) -> Failure {
    log.extend(decided.expect("decided"));
    fold(log)
}

#[test]
fn eight_rework_and_two_scrap_of_ten_close_when_both_are_completed() {
    let mut log = vec![logged(10, None)];
    let f = fold(&log);
    assert_eq!((f.status, f.unassigned()), (FailureStatus::Open, 10));
    let f = then(&mut log, decide_add_line(&f, "l-rework", &request(Disposition::Rework, 8)));
    assert_eq!((f.status, f.assigned(), f.unassigned()), (FailureStatus::InDisposition, 8, 2));
    let f = then(&mut log, decide_add_line(&f, "l-scrap", &request(Disposition::Scrap, 2)));
    assert_eq!((f.assigned(), f.unassigned(), f.accounted()), (10, 0, 0));
    assert_eq!(f.line("l-rework").unwrap().note, "follow up");
    let f = then(&mut log, decide_complete_line(&f, "l-rework", &done(None, None)));
    assert_eq!((f.status, f.accounted()), (FailureStatus::InDisposition, 8));
    let f = then(&mut log, decide_complete_line(&f, "l-scrap", &done(Some(2), Some(crushed()))));
    assert_eq!((f.status, f.accounted()), (FailureStatus::Closed, 10));
    assert_eq!(f.line("l-scrap").unwrap().scrap.as_ref().unwrap().method, ScrapMethod::Crushed);
    let err = decide_add_line(&f, "l-more", &request(Disposition::Rework, 1)).unwrap_err();
    assert_eq!(err.message_key, "error.failure.closed");
}

#[test]
fn a_line_never_takes_more_than_is_unassigned_and_says_the_numbers() {
    let mut log = vec![logged(10, None)];
    let first = fold(&log);
    let f = then(&mut log, decide_add_line(&first, "a", &request(Disposition::Rework, 8)));
    let err = decide_add_line(&f, "b", &request(Disposition::Scrap, 3)).unwrap_err();
    let field = &err.fields[0];
    assert_eq!((field.field.as_str(), field.message_key.as_str()), ("qty", "error.failure.line_over_assigned"));
    assert_eq!((field.params["qty"].as_str(), field.params["unassigned"].as_str()), ("3", "2"));
    assert_eq!(field.params["failed"], "10");
    assert!(decide_add_line(&f, "b", &request(Disposition::Scrap, 0)).is_err());
    let mut no_owner = request(Disposition::Scrap, 1);
    no_owner.owner_id = " ".into();
    no_owner.due_on = Some("20-11-2026".into());
    let err = decide_add_line(&f, "b", &no_owner).unwrap_err();
    let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["owner_id", "due_on"]);
    assert_eq!(
        decide_add_line(&f, "a", &request(Disposition::Scrap, 1)).unwrap_err().message_key,
        "error.failure.line_exists"
    );
}

#[test]
fn units_an_outcome_does_not_cover_are_unassigned_again() {
    // 8 sent to rework, 7 came back good: the one left goes to scrap, then the failure closes.
    let mut log = vec![logged(10, None)];
    let first = fold(&log);
    let f = then(&mut log, decide_add_line(&first, "r", &request(Disposition::Rework, 8)));
    let f = then(&mut log, decide_add_line(&f, "s", &request(Disposition::Scrap, 2)));
    let err = decide_complete_line(&f, "r", &done(Some(9), None)).unwrap_err();
    assert_eq!((err.fields[0].params["qty"].as_str(), err.fields[0].params["max"].as_str()), ("9", "8"));
    let f = then(&mut log, decide_complete_line(&f, "r", &done(Some(7), None)));
    let f = then(&mut log, decide_complete_line(&f, "s", &done(None, Some(crushed()))));
    assert_eq!((f.status, f.accounted(), f.unassigned()), (FailureStatus::InDisposition, 9, 1));
    let f = then(&mut log, decide_add_line(&f, "s2", &request(Disposition::Scrap, 1)));
    let f = then(&mut log, decide_complete_line(&f, "s2", &done(None, Some(crushed()))));
    assert_eq!((f.status, f.accounted()), (FailureStatus::Closed, 10));
}

#[test]
fn scrap_says_how_and_by_whom_and_only_scrap_does() {
    let mut log = vec![logged(4, None)];
    let first = fold(&log);
    let f = then(&mut log, decide_add_line(&first, "s", &request(Disposition::Scrap, 2)));
    let f = then(&mut log, decide_add_line(&f, "r", &request(Disposition::Rework, 2)));
    let err = decide_complete_line(&f, "s", &done(None, None)).unwrap_err();
    assert_eq!(err.fields[0].message_key, "error.failure.scrap_record_required");
    let other = ScrapRecord {
        method: ScrapMethod::Other,
        method_other: " ".into(),
        destroyed_by: "u-ops".into(),
        witness_id: Some("u-ops".into()),
    };
    let err = decide_complete_line(&f, "s", &done(None, Some(other))).unwrap_err();
    let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["scrap.method_other", "scrap.witness_id"]);
    let err = decide_complete_line(&f, "r", &done(None, Some(crushed()))).unwrap_err();
    assert_eq!(err.fields[0].message_key, "error.failure.scrap_record_only_for_scrap");
    let shredded = ScrapRecord {
        method: ScrapMethod::Other,
        method_other: " shredded ".into(),
        destroyed_by: "u-ops".into(),
        witness_id: Some(" ".into()),
    };
    let events = decide_complete_line(&f, "s", &done(None, Some(shredded))).unwrap();
    let Event::FailureDispositionLineCompleted { completion, .. } = &events[0] else { panic!() };
    let scrap = completion.scrap.as_ref().unwrap();
    assert_eq!((scrap.method_other.as_str(), scrap.witness_id.as_deref(), completion.qty), ("shredded", None, Some(2)));
}

#[test]
fn a_deviation_line_waits_for_its_own_approval_by_someone_else() {
    let lead = Actor {
        user_id: "u-lead".into(),
        username: "lead".into(),
        display_name: "Lead".into(),
        roles: vec![Role::QualityLead],
    };
    let mut log = vec![logged(10, None)];
    let first = fold(&log);
    let f = then(&mut log, decide_add_line(&first, "d", &request(Disposition::AcceptWithDeviation, 3)));
    let f = then(&mut log, decide_add_line(&f, "r", &request(Disposition::Rework, 7)));
    assert_eq!(f.status, FailureStatus::AwaitingApproval);
    assert_eq!(
        decide_complete_line(&f, "d", &done(None, None)).unwrap_err().message_key,
        "error.failure.deviation_needs_approval"
    );
    assert_eq!(
        decide_approve_line(&f, "d", &lead, "ok", Some("u-lead")).unwrap_err().message_key,
        "error.failure.own_deviation"
    );
    assert_eq!(
        decide_approve_line(&f, "r", &lead, "ok", None).unwrap_err().message_key,
        "error.failure.no_deviation_requested"
    );
    let f = then(&mut log, decide_approve_line(&f, "d", &lead, "Cosmetic only", Some("u-owner")));
    assert_eq!((f.status, f.accounted()), (FailureStatus::InDisposition, 3));
    let f = then(&mut log, decide_complete_line(&f, "r", &done(None, None)));
    assert_eq!(f.status, FailureStatus::Closed);
}

#[test]
fn an_old_single_disposition_folds_into_one_line_for_the_whole_quantity_and_closes_as_before() {
    let mut log = vec![logged(10, Some(Disposition::Rework))];
    let f = fold(&log);
    assert_eq!(f.lines, vec![DispositionLine::whole(Disposition::Rework, 10)]);
    assert_eq!((f.status, f.unassigned()), (FailureStatus::InDisposition, 0));
    log.push(Event::FailureDispositionSet {
        failure_no: f.failure_no.clone(),
        disposition: Disposition::Scrap,
        previous: Some(Disposition::Rework),
        note: String::new(),
    });
    let f = fold(&log);
    assert_eq!((f.lines.len(), f.lines[0].disposition), (1, Disposition::Scrap));
    // The outcome said 6 units; the old completion closed the failure whatever it said.
    let f = then(&mut log, decide_complete(&f, "Scrapped", Some(6), "", None));
    assert_eq!(
        (f.status, f.lines[0].status, f.lines[0].qty_completed),
        (FailureStatus::Closed, LineStatus::Completed, Some(6))
    );
}

#[test]
fn the_whole_line_is_withdrawn_to_split_and_the_old_acts_then_step_aside() {
    let mut log = vec![logged(10, Some(Disposition::Rework))];
    let f = fold(&log);
    assert!(decide_add_line(&f, "a", &request(Disposition::Rework, 8)).is_err());
    let f = then(&mut log, decide_withdraw_line(&f, WHOLE_LINE, "Split: 2 are beyond repair"));
    assert_eq!((f.status, f.unassigned()), (FailureStatus::Open, 10));
    let f = then(&mut log, decide_add_line(&f, "a", &request(Disposition::Rework, 8)));
    assert_eq!(decide_complete(&f, "x", None, "", None).unwrap_err().message_key, "error.failure.split_into_lines");
    assert_eq!(
        decide_withdraw_line(&f, WHOLE_LINE, "again").unwrap_err().message_key,
        "error.failure.line_not_running"
    );
    assert_eq!(decide_withdraw_line(&f, "a", " ").unwrap_err().fields[0].field, "reason");
}

#[test]
fn lines_merged_from_two_desks_over_the_quantity_must_be_settled_before_completion() {
    // Desk A and desk B each saw 10 unassigned and added 8: both lines stand after the merge.
    let base = vec![logged(10, None)];
    let f = fold(&base);
    let a = decide_add_line(&f, "from-a", &request(Disposition::Rework, 8)).unwrap();
    let b = decide_add_line(&f, "from-b", &request(Disposition::Scrap, 8)).unwrap();
    assert!(crate::merge::recheck_step(&[base.clone(), a.clone()].concat(), &b[0]).is_ok());
    let mut log = [base, a, b].concat();
    let f = fold(&log);
    assert_eq!((f.assigned(), f.unassigned()), (16, -6));
    let err = decide_complete_line(&f, "from-a", &done(None, None)).unwrap_err();
    assert_eq!((err.message_key.as_str(), err.params["assigned"].as_str()), ("error.failure.over_assigned", "16"));
    let f = then(&mut log, decide_withdraw_line(&f, "from-b", "Desk A took these"));
    assert_eq!(f.unassigned(), 2);
    let completed = decide_complete_line(&f, "from-a", &done(None, None)).unwrap();
    // A second completion of the same line from another desk is refused on merge.
    let after = [log.clone(), completed.clone()].concat();
    assert_eq!(
        crate::merge::recheck_step(&after, &completed[0]).unwrap_err().message_key,
        "error.failure.line_not_running"
    );
}

#[test]
fn lowering_the_failed_quantity_below_the_lines_is_refused() {
    let mut log = vec![logged(10, None)];
    let first = fold(&log);
    let f = then(&mut log, decide_add_line(&first, "a", &request(Disposition::Rework, 8)));
    let product = ProductFacts { sku: "MUG-1".into(), lot_tracked: false, serial_tracked: false };
    let changes = FailureChanges { qty_failed: Some(7), ..FailureChanges::default() };
    let err = decide_correct(&f, &changes, "Recounted", &product, true, None).unwrap_err();
    assert_eq!(
        (err.fields[0].message_key.as_str(), err.fields[0].params["assigned"].as_str()),
        ("error.failure.qty_failed_below_lines", "8")
    );
    let changes = FailureChanges { qty_failed: Some(8), ..FailureChanges::default() };
    let f = then(&mut log, decide_correct(&f, &changes, "Recounted", &product, true, None));
    assert_eq!(f.unassigned(), 0);
}

/// The failed serials of a per-serial inspection get their dispositions line by line: each line
/// names as many failed serials as units, and no serial is on two lines still running.
#[test]
fn a_line_names_failed_serials_one_per_unit_and_each_on_one_line() {
    let mut logged = logged(3, None);
    if let Event::FailureLogged { record, .. } = &mut logged {
        record.serials = vec!["S-1".into(), "S-2".into(), "S-3".into()];
    }
    let f = fold(&[logged]);
    let with = |serials: &[&str], qty| LineRequest {
        serials: serials.iter().map(|s| (*s).to_owned()).collect(),
        ..request(Disposition::Scrap, qty)
    };
    let err = decide_add_line(&f, "l-1", &with(&["S-1", "S-9"], 1)).unwrap_err();
    let keys: Vec<&str> = err.fields.iter().map(|e| e.message_key.as_str()).collect();
    assert_eq!(keys, ["error.failure.line_serials_count", "error.failure.serial_not_failed"]);
    let events = decide_add_line(&f, "l-1", &with(&["S-1", "S-2"], 2)).unwrap();
    let f = events.iter().fold(Some(f), Failure::evolve).unwrap();
    assert_eq!(f.lines[0].serials, ["S-1", "S-2"]);
    let err = decide_add_line(&f, "l-2", &with(&["S-2"], 1)).unwrap_err();
    assert_eq!(
        (err.fields[0].message_key.as_str(), err.fields[0].params["disposition"].as_str()),
        ("error.failure.serial_on_other_line", "scrap")
    );
    assert!(decide_add_line(&f, "l-2", &LineRequest { disposition: Disposition::Rework, ..with(&["S-3"], 1) }).is_ok());
}
