use chrono::NaiveDate;

use super::*;
use crate::Event;
use crate::failure::Severity;

fn plan() -> WorkOrderPlan {
    WorkOrderPlan {
        work_order_no: "WO-AMS1-000001".into(),
        sku: "KIT-1".into(),
        output_lot_code: "K-001".into(),
        planned_qty: 10,
        unit: "pcs".into(),
        location: "MAIN".into(),
        components: vec![
            WorkOrderInput { lot_code: "A-001".into(), qty: 10 },
            WorkOrderInput { lot_code: "B-001".into(), qty: 20 },
        ],
        due_on: Some("2026-03-10".into()),
        note: String::new(),
    }
}

fn fold(events: &[Event]) -> WorkOrder {
    events.iter().fold(None, WorkOrder::evolve).expect("planned")
}

fn planned() -> Vec<Event> {
    vec![Event::WorkOrderPlanned(Box::new(plan()))]
}

#[test]
fn a_plan_needs_components_each_once_and_never_its_own_output() {
    assert!(check_plan(&plan()).is_ok());
    let mut p = plan();
    p.components.push(WorkOrderInput { lot_code: "A-001".into(), qty: 1 });
    p.components.push(WorkOrderInput { lot_code: "K-001".into(), qty: 1 });
    p.planned_qty = 0;
    let err = check_plan(&p).unwrap_err();
    let keys: Vec<&str> = err.fields.iter().map(|f| f.message_key.as_str()).collect();
    assert!(keys.contains(&"error.work_order.component_twice"), "{keys:?}");
    assert!(keys.contains(&"error.work_order.output_as_component"), "{keys:?}");
    assert!(keys.contains(&"error.field.must_be_positive"), "{keys:?}");
    p.components.clear();
    let err = check_plan(&p).unwrap_err();
    assert!(err.fields.iter().any(|f| f.message_key == "error.work_order.no_components"));
}

#[test]
fn a_work_order_runs_planned_in_progress_completed() {
    let mut events = planned();
    let wo = fold(&events);
    assert_eq!(wo.shown_status(), WorkOrderStatus::Planned);
    let consumed = plan().components;
    assert_eq!(decide_complete(&wo, 10, &consumed).unwrap_err().message_key, "error.work_order.not_in_progress");
    events.extend(decide_start(&wo).unwrap());
    let wo = fold(&events);
    assert_eq!(wo.status, WorkOrderStatus::InProgress);
    assert_eq!(decide_start(&wo).unwrap_err().message_key, "error.work_order.not_planned");
    events.extend(decide_complete(&wo, 9, &consumed).unwrap());
    let wo = fold(&events);
    assert_eq!(wo.shown_status(), WorkOrderStatus::Completed);
    assert_eq!(wo.output_qty, Some(9));
    assert_eq!(wo.consumed, consumed);
}

#[test]
fn a_block_stops_completion_and_shipping_until_each_failure_is_decided() {
    let mut events = planned();
    assert!(decide_block(&fold(&events), "QF-1").is_err(), "nothing made yet to fail");
    events.extend(decide_start(&fold(&events)).unwrap());
    events.extend(decide_block(&fold(&events), "QF-1").unwrap());
    events.extend(decide_block(&fold(&events), "QF-2").unwrap());
    // The same failure's block merged twice (two desks) counts once.
    events.extend(decide_block(&fold(&events), "QF-1").unwrap());
    let wo = fold(&events);
    assert_eq!(wo.shown_status(), WorkOrderStatus::Blocked);
    assert_eq!(wo.open_blocks, vec!["QF-1".to_owned(), "QF-2".to_owned()]);
    let err = decide_complete(&wo, 10, &plan().components).unwrap_err();
    assert_eq!(err.message_key, "error.work_order.blocked");
    let err = refuse_shipping(&wo, "K-001").unwrap_err();
    assert_eq!(err.message_key, "error.work_order.output_blocked");
    assert_eq!(err.params.get("failure_no").map(String::as_str), Some("QF-1"));

    assert_eq!(decide_decision(&wo, "QF-1", BlockDecision::Release, " ").unwrap_err().fields[0].field, "note");
    events.extend(decide_decision(&wo, "QF-1", BlockDecision::Release, "cosmetic, within spec").unwrap());
    let wo = fold(&events);
    assert!(wo.is_blocked(), "QF-2 still waits");
    let again = decide_decision(&wo, "QF-1", BlockDecision::Scrap, "x").unwrap_err();
    assert_eq!(again.message_key, "error.work_order.block_decided");
    events.extend(decide_decision(&wo, "QF-2", BlockDecision::Rework, "2 units to rework").unwrap());
    let wo = fold(&events);
    assert_eq!(wo.shown_status(), WorkOrderStatus::InProgress);
    assert!(refuse_shipping(&wo, "K-001").is_ok());
    assert_eq!(wo.decided, vec![("QF-1".into(), BlockDecision::Release), ("QF-2".into(), BlockDecision::Rework)]);
    // A block merged after its decision (another desk's copy) does not block again.
    events.extend(decide_block(&wo, "QF-1").unwrap());
    assert!(!fold(&events).is_blocked());
}

#[test]
fn the_merge_keeps_the_first_start_and_decision_and_a_completion_despite_a_block() {
    let mut history = planned();
    let start = Event::WorkOrderStarted { work_order_no: "WO-AMS1-000001".into() };
    assert!(crate::merge::recheck(&history, &start).is_ok());
    history.push(start.clone());
    assert_eq!(crate::merge::recheck(&history, &start).unwrap_err().message_key, "error.work_order.not_planned");
    history.push(Event::WorkOrderBlocked { work_order_no: "WO-AMS1-000001".into(), failure_no: "QF-1".into() });
    let complete = Event::WorkOrderCompleted {
        work_order_no: "WO-AMS1-000001".into(),
        output_qty: 10,
        consumed: plan().components,
    };
    assert!(crate::merge::recheck(&history, &complete).is_ok(), "the run happened");
    history.push(complete.clone());
    assert!(crate::merge::recheck(&history, &complete).is_err(), "but once");
    let decided = Event::WorkOrderBlockDecided {
        work_order_no: "WO-AMS1-000001".into(),
        failure_no: "QF-1".into(),
        decision: BlockDecision::Release,
        note: "ok".into(),
    };
    assert!(crate::merge::recheck(&history, &decided).is_ok());
    history.push(decided.clone());
    assert_eq!(crate::merge::recheck(&history, &decided).unwrap_err().message_key, "error.work_order.block_decided");
    let block = Event::WorkOrderBlocked { work_order_no: "WO-AMS1-000001".into(), failure_no: "QF-9".into() };
    assert_eq!(block.merge_rule(), crate::merge::MergeRule::Safety);
}

fn opening() -> ComplaintOpening {
    ComplaintOpening {
        complaint_no: "CP-AMS1-000001".into(),
        received_on: "2026-03-02".into(),
        report: ComplaintReport {
            customer_code: Some("C-1".into()),
            order_no: Some("SO-1".into()),
            lot_code: Some("A-001".into()),
            work_order_no: None,
            sku: Some("SKU-1".into()),
            qty_affected: 3,
            description: "Lid cracks when opened".into(),
            severity: Severity::Major,
        },
        vendor_code: Some("V-1".into()),
    }
}

#[test]
fn a_complaint_opens_is_investigated_and_closes_with_an_outcome() {
    let today = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    assert!(check_complaint_opening(&opening(), today).is_ok());
    let mut bad = opening();
    bad.received_on = "2026-03-03".into();
    (bad.report.customer_code, bad.report.order_no, bad.report.lot_code, bad.report.sku) = (None, None, None, None);
    bad.report.qty_affected = 0;
    let keys: Vec<String> =
        check_complaint_opening(&bad, today).unwrap_err().fields.into_iter().map(|f| f.message_key).collect();
    assert_eq!(keys, ["error.complaint.in_future", "error.complaint.nothing_named", "error.field.must_be_positive"]);

    let mut events = vec![Event::ComplaintOpened(Box::new(opening()))];
    let c = events.iter().fold(None, Complaint::evolve).unwrap();
    assert!(Complaint::counts(c.status, c.outcome), "counts from when it is opened");
    let closing = decide_advance_complaint(&c, ComplaintStatus::Closed, None, "").unwrap_err();
    assert_eq!(closing.fields.len(), 2, "outcome and note");
    events.extend(decide_advance_complaint(&c, ComplaintStatus::Investigating, None, "asked for photos").unwrap());
    let c = events.iter().fold(None, Complaint::evolve).unwrap();
    let back = decide_advance_complaint(&c, ComplaintStatus::Investigating, None, "").unwrap_err();
    assert_eq!(back.message_key, "error.complaint.step_done");
    events.extend(
        decide_advance_complaint(&c, ComplaintStatus::Closed, Some(ComplaintOutcome::Unfounded), "used wrong").unwrap(),
    );
    let c = events.iter().fold(None, Complaint::evolve).unwrap();
    assert_eq!((c.status, c.outcome), (ComplaintStatus::Closed, Some(ComplaintOutcome::Unfounded)));
    assert!(!Complaint::counts(c.status, c.outcome), "an unfounded complaint does not count");
    assert!(Complaint::counts(ComplaintStatus::Closed, Some(ComplaintOutcome::Justified)));
    let history: Vec<Event> = events.clone();
    let late = Event::ComplaintAdvanced {
        complaint_no: "CP-AMS1-000001".into(),
        to: ComplaintStatus::Closed,
        outcome: Some(ComplaintOutcome::Justified),
        note: "other desk".into(),
    };
    assert_eq!(crate::merge::recheck(&history, &late).unwrap_err().message_key, "error.complaint.closed");
}

#[test]
fn replenishment_orders_up_to_the_maximum_from_what_can_be_counted_on() {
    // 12 sellable + 5 coming back on RMAs = 17 < min 20: order up to 50, 33 units. The 8 on hold
    // and 4 awaiting a returns disposition are not counted on.
    let stock =
        StockPosition { sellable: 12, on_hold: 8, in_returns: 4, coming_back: 5, min_qty: 20, max_qty: Some(50) };
    assert_eq!(replenishment(&stock), Replenishment { position: 17, target: 50, order_qty: 33 });
    // No maximum: back to the minimum, 3 units.
    assert_eq!(replenishment(&StockPosition { max_qty: None, ..stock }).order_qty, 3);
    // At the minimum: nothing to order.
    assert_eq!(replenishment(&StockPosition { sellable: 15, ..stock }).order_qty, 0);
    // Stock kept without lots can read below zero: the order still fills to the maximum.
    let short = StockPosition { sellable: -2, coming_back: 0, ..stock };
    assert_eq!(replenishment(&short), Replenishment { position: -2, target: 50, order_qty: 52 });
    // A maximum below the minimum (an older save) fills to the minimum.
    assert_eq!(replenishment(&StockPosition { max_qty: Some(10), ..stock }).target, 20);
}
