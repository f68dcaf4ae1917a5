use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn line() -> ReturnLineFacts {
    ReturnLineFacts {
        sku: "BOX-PP-5L".into(),
        category: "Opslag".into(),
        returnable: true,
        serial_tracked: false,
        qty: 1,
        serials_given: 0,
        unknown_serials: Vec::new(),
        value_minor: 760,
        condition: GoodsCondition { original_packaging: true, unused: true, tags_attached: true },
    }
}

fn facts(reason: &str, delivered: &str, opened: &str) -> EligibilityFacts {
    EligibilityFacts {
        opened_on: day(opened),
        delivered_on: Some(day(delivered)),
        proof: ProofOfPurchase::Order,
        reason_code: reason.into(),
        lines: vec![line()],
        currency: "EUR".into(),
        home_currency: "EUR".into(),
        photos: 0,
        non_carrier_damage_seen: false,
        customer_return_rate_bps: Some(500),
    }
}

fn outcome<'a>(e: &'a Eligibility, rule: &str) -> &'a RuleOutcome {
    e.outcomes.iter().find(|o| o.rule == rule).unwrap_or_else(|| panic!("no {rule} outcome in {e:#?}"))
}

#[test]
fn the_window_counts_calendar_days_and_its_last_day_is_still_in() {
    let policy = ReturnPolicy::default_policy();
    let on_time = judge(&policy, &facts("no_longer_needed", "2026-10-01", "2026-10-31"));
    assert_eq!(on_time.verdict, Verdict::Approved, "{on_time:#?}");
    let window = outcome(&on_time, "window");
    assert_eq!((window.result, window.message_key.as_str()), (RuleResult::Pass, "returns.rule.window_used"));
    assert_eq!(window.params["days"], "30");
    assert_eq!(window.params["window"], "30");

    let late = judge(&policy, &facts("no_longer_needed", "2026-10-01", "2026-11-01"));
    assert_eq!(late.verdict, Verdict::Refused);
    assert_eq!(outcome(&late, "window").message_key, "returns.rule.window_passed");
    assert_eq!(outcome(&late, "window").params["days"], "31");
    assert_eq!(late.policy_version, 1);
}

#[test]
fn defective_damaged_and_wrong_items_ignore_the_window() {
    let policy = ReturnPolicy::default_policy();
    for reason in ["defective", "damaged_in_transit", "wrong_item"] {
        let mut f = facts(reason, "2026-01-10", "2026-11-20");
        f.photos = 2;
        let e = judge(&policy, &f);
        assert_eq!(e.verdict, Verdict::Approved, "{reason}: {e:#?}");
        assert_eq!(outcome(&e, "window").message_key, "returns.rule.window_exception");
    }
}

#[test]
fn proof_of_purchase_is_required_unless_the_policy_waives_it() {
    let mut policy = ReturnPolicy::default_policy();
    let mut f = facts("no_longer_needed", "2026-10-01", "2026-10-05");
    f.proof = ProofOfPurchase::None;
    assert_eq!(judge(&policy, &f).verdict, Verdict::Refused);
    f.proof = ProofOfPurchase::Receipt;
    assert_eq!(judge(&policy, &f).verdict, Verdict::Approved);
    f.proof = ProofOfPurchase::None;
    policy.proof_of_purchase_required = false;
    assert_eq!(judge(&policy, &f).verdict, Verdict::Approved);
}

#[test]
fn a_non_returnable_category_is_refused_but_faulty_goods_go_to_an_analyst() {
    let mut policy = ReturnPolicy::default_policy();
    policy.non_returnable_categories = vec!["lijm".into()];
    let mut f = facts("no_longer_needed", "2026-10-01", "2026-10-05");
    f.lines[0].category = "Lijm".into();
    let e = judge(&policy, &f);
    assert_eq!(e.verdict, Verdict::Refused);
    let rule = outcome(&e, "category");
    assert_eq!((rule.params["sku"].as_str(), rule.params["category"].as_str()), ("BOX-PP-5L", "Lijm"));

    f.reason_code = "defective".into();
    f.photos = 1;
    assert_eq!(judge(&policy, &f).verdict, Verdict::Escalated);

    let mut f = facts("no_longer_needed", "2026-10-01", "2026-10-05");
    f.lines[0].returnable = false;
    assert_eq!(judge(&policy, &f).verdict, Verdict::Refused, "the product's own flag counts too");
}

#[test]
fn an_unmet_condition_escalates_a_customer_choice_and_is_ignored_for_faulty_goods() {
    let mut policy = ReturnPolicy::default_policy();
    policy.conditions = vec![ConditionRequirement {
        category: "opslag".into(),
        original_packaging: true,
        unused: true,
        tags_attached: false,
    }];
    let mut f = facts("size_colour_mismatch", "2026-10-01", "2026-10-05");
    f.lines[0].condition = GoodsCondition { original_packaging: false, unused: false, tags_attached: false };
    let e = judge(&policy, &f);
    assert_eq!(e.verdict, Verdict::Escalated);
    assert_eq!(outcome(&e, "condition").params["missing"], "original_packaging,unused");
    f.reason_code = "defective".into();
    f.photos = 1;
    assert_eq!(judge(&policy, &f).verdict, Verdict::Approved);
}

#[test]
fn escalation_rules_send_it_to_an_analyst_with_the_reason() {
    let policy = ReturnPolicy::default_policy();
    let base = facts("no_longer_needed", "2026-10-01", "2026-10-05");

    let mut f = base.clone();
    f.lines[0].value_minor = 25_001;
    let e = judge(&policy, &f);
    assert_eq!(e.verdict, Verdict::Escalated);
    assert_eq!(outcome(&e, "value").params["value"], "250.01 EUR");
    let mut f = base.clone();
    f.lines[0].value_minor = 25_000;
    assert_eq!(judge(&policy, &f).verdict, Verdict::Approved, "the threshold itself is within");

    let mut f = base.clone();
    f.lines[0].serial_tracked = true;
    f.lines[0].qty = 2;
    f.lines[0].serials_given = 1;
    assert_eq!(outcome(&judge(&policy, &f), "serials").result, RuleResult::Escalate);

    let mut f = base.clone();
    f.non_carrier_damage_seen = true;
    assert_eq!(judge(&policy, &f).verdict, Verdict::Escalated);

    let mut f = base.clone();
    f.customer_return_rate_bps = Some(3_000);
    let e = judge(&policy, &f);
    assert_eq!(e.verdict, Verdict::Escalated);
    assert_eq!(outcome(&e, "return_rate").params["rate"], "30");

    let f = facts("not_as_described", "2026-10-01", "2026-10-05");
    let e = judge(&policy, &f);
    assert_eq!(e.verdict, Verdict::Escalated, "evidence is missing");
    assert_eq!(outcome(&e, "evidence").message_key, "returns.rule.evidence_missing");

    let mut f = base;
    f.delivered_on = None;
    assert_eq!(outcome(&judge(&policy, &f), "window").message_key, "returns.rule.window_no_delivery");
}

#[test]
fn an_unknown_reason_is_refused() {
    let e = judge(&ReturnPolicy::default_policy(), &facts("changed_my_mind", "2026-10-01", "2026-10-02"));
    assert_eq!(e.verdict, Verdict::Refused);
    assert_eq!(outcome(&e, "reason").message_key, "returns.rule.reason_unknown");
}

#[test]
fn the_policy_is_checked_field_by_field() {
    assert!(ReturnPolicy::default_policy().validate().is_ok());
    let mut policy = ReturnPolicy::default_policy();
    policy.restocking_fee_bps = 1_001;
    policy.reasons.push(policy.reasons[0].clone());
    policy.reasons.push(ReasonRule { code: "Bad Code".into(), ..policy.reasons[0].clone() });
    let err = policy.validate().unwrap_err();
    let fields: Vec<(&str, &str)> = err.fields.iter().map(|f| (f.field.as_str(), f.message_key.as_str())).collect();
    assert_eq!(
        fields,
        [
            ("restocking_fee_bps", "error.returns.fee_above_cap"),
            ("reasons[7].code", "error.returns.reason_twice"),
            ("reasons[8].code", "error.returns.reason_code"),
        ]
    );
}

#[test]
fn the_restocking_fee_is_for_customer_choices_that_cannot_be_sold_as_new() {
    let mut policy = ReturnPolicy::default_policy();
    assert_eq!(restocking_fee(&policy, "no_longer_needed", 10_000, false), 500);
    assert_eq!(restocking_fee(&policy, "no_longer_needed", 1_010, false), 51, "50.5 rounds half up");
    assert_eq!(restocking_fee(&policy, "no_longer_needed", 10_000, true), 0, "resold as new");
    assert_eq!(restocking_fee(&policy, "defective", 10_000, false), 0, "not the customer's choice");
    policy.restocking_fee_bps = 2_500;
    assert_eq!(restocking_fee(&policy, "no_longer_needed", 10_000, false), 1_000, "never above the cap");
}

proptest! {
    #[test]
    fn the_verdict_is_the_worst_rule_and_every_rule_reports(
        window in 1u32..60,
        days in -3i64..90,
        reason in prop::sample::select(vec!["defective", "wrong_item", "no_longer_needed", "not_as_described", "unknown"]),
        value in 0i64..60_000,
        photos in 0usize..3,
        proof in prop::sample::select(vec![ProofOfPurchase::Order, ProofOfPurchase::Receipt, ProofOfPurchase::None]),
        rate in prop::option::of(0u32..10_000),
        damage in any::<bool>(),
    ) {
        let mut policy = ReturnPolicy::default_policy();
        policy.window_days = window;
        let delivered = day("2026-06-01");
        let mut f = facts(reason, "2026-06-01", "2026-06-01");
        f.opened_on = delivered + chrono::Duration::days(days);
        f.lines[0].value_minor = value;
        f.photos = photos;
        f.proof = proof;
        f.customer_return_rate_bps = rate;
        f.non_carrier_damage_seen = damage;
        let e = judge(&policy, &f);
        for rule in ["reason", "window", "proof", "value"] {
            prop_assert!(e.outcomes.iter().any(|o| o.rule == rule), "{rule} missing");
        }
        let refused = e.outcomes.iter().any(|o| o.result == RuleResult::Refuse);
        let escalated = e.outcomes.iter().any(|o| o.result == RuleResult::Escalate);
        let expected = if refused { Verdict::Refused } else if escalated { Verdict::Escalated } else { Verdict::Approved };
        prop_assert_eq!(e.verdict, expected);
        // A customer's own choice past the window is never approved.
        if reason == "no_longer_needed" && days > i64::from(window) {
            prop_assert_eq!(e.verdict, Verdict::Refused);
        }
        // Nothing is approved automatically above the value threshold.
        if value > policy.auto_approve_max_minor {
            prop_assert_ne!(e.verdict, Verdict::Approved);
        }
    }
}

#[test]
fn an_order_in_another_currency_than_the_maximum_is_decided_by_a_person() {
    let policy = ReturnPolicy::default_policy();
    let mut pounds = facts("no_longer_needed", "2026-10-20", "2026-10-31");
    pounds.currency = "GBP".into();
    pounds.lines[0].value_minor = 100;
    let judged = judge(&policy, &pounds);
    assert_eq!(judged.verdict, Verdict::Escalated);
    let value = outcome(&judged, "value");
    assert_eq!(value.message_key, "returns.rule.value_other_currency");
    assert_eq!(value.params["max"], "250.00 EUR");
}
