//! The stream lists that `#[kind(events = ..)]` makes, seen as another crate sees them: every
//! event is in exactly one list or is `FailureLogged` (which the store projects in batches). An
//! event in two lists makes an arm unreachable, which the lints deny; one in none leaves this
//! match non-exhaustive.

use lotline_domain::Event;

fn stream_of(event: &Event) -> &'static str {
    match event {
        lotline_domain::settings_events!() => "settings",
        lotline_domain::record_events!() => "records",
        lotline_domain::master_events!() => "master",
        Event::FailureLogged { .. } | lotline_domain::failure_step_events!() => "failures",
        lotline_domain::lot_events!() => "lots",
        lotline_domain::recall_events!() => "recalls",
        lotline_domain::reshipment_events!() => "reshipments",
        lotline_domain::return_events!() => "returns",
        lotline_domain::review_events!() => "reviews",
        lotline_domain::scar_events!() => "scars",
        lotline_domain::production_events!() => "production",
    }
}

fn event(json: serde_json::Value) -> Event {
    serde_json::from_value(json).expect("an event of this version")
}

#[test]
fn each_event_is_in_its_own_streams_list() {
    let cancelled = event(serde_json::json!({
        "kind": "reshipment_cancelled", "reshipment_no": "RS-1", "reason": "customer withdrew"
    }));
    assert_eq!(stream_of(&cancelled), "reshipments");
    let password = event(serde_json::json!({ "kind": "user_password_set", "user_id": "u1", "password_hash": "h" }));
    assert_eq!(stream_of(&password), "settings");
    let hold = event(serde_json::json!({
        "kind": "lot_hold_released", "lot_code": "L1", "note": "cleared"
    }));
    assert_eq!(stream_of(&hold), "recalls");
}

#[test]
fn the_kind_is_the_serialised_tag() {
    for json in [
        serde_json::json!({ "kind": "user_password_set", "user_id": "u1", "password_hash": "h" }),
        serde_json::json!({ "kind": "rma_cancelled", "rma_no": "RMA-AMS1-000009", "reason": "customer kept it" }),
        serde_json::json!({ "kind": "reshipment_cancelled", "reshipment_no": "RS-1", "reason": "withdrawn" }),
    ] {
        let event = event(json.clone());
        assert_eq!(event.kind(), json["kind"]);
        assert_eq!(serde_json::to_value(&event).unwrap()["kind"], json["kind"]);
    }
}

#[test]
fn each_kind_declares_its_merge_rule_and_who_may_write_it() {
    use lotline_domain::merge::{MergeRule, permissions_for};
    use lotline_domain::people::Permission;
    let password = event(serde_json::json!({ "kind": "user_password_set", "user_id": "u1", "password_hash": "h" }));
    assert_eq!(password.merge_rule(), MergeRule::LocalOnly);
    assert_eq!(permissions_for(&password), Some(&[Permission::ManageUsers][..]));
    let rejected = event(serde_json::json!({
        "kind": "reshipment_rejected", "reshipment_no": "RS-1", "reason": "no"
    }));
    assert_eq!(rejected.merge_rule(), MergeRule::StateStep);
    assert_eq!(permissions_for(&rejected), None, "approvers come from the approval policy");
}
