//! The reaction to a failed inspection: product over category over the global rule, and what
//! each holds.

use super::*;

fn record(lot: Option<&str>, serials: &[&str], accepted: Option<bool>) -> FailureRecord {
    use crate::aql::InspectionLevel;
    FailureRecord {
        sku: "CHG-15W".into(),
        vendor_code: "SZHQ".into(),
        lot_code: lot.map(str::to_owned),
        serials: serials.iter().map(|s| (*s).to_owned()).collect(),
        accepted_serials: Vec::new(),
        stage: Stage::Incoming,
        qty_inspected: 5,
        qty_failed: serials.len().max(1) as i64,
        category_code: "FUN".into(),
        description: "Does not charge".into(),
        severity: Severity::Major,
        owner_team: Team::WarehouseQc,
        inspection: accepted.map(|ok| InspectionResult {
            input: InspectionInput {
                lot_size: 5,
                level: InspectionLevel::II,
                inspection: Default::default(),
                aql_critical: None,
                aql_major: None,
                aql_minor: None,
                defects_critical: 0,
                defects_major: 1,
                defects_minor: 0,
            },
            plans: Vec::new(),
            verdict: if ok { PlanVerdict::Accept } else { PlanVerdict::Reject },
        }),
        attachment_ids: Vec::new(),
    }
}

const SERIALS: FailureReaction = FailureReaction { hold: HoldScope::Serials, notify: true };
const NONE: FailureReaction = FailureReaction { hold: HoldScope::None, notify: false };

fn product(serial_tracked: bool) -> ProductFacts {
    ProductFacts { sku: "CHG-15W".into(), lot_tracked: true, serial_tracked }
}

fn lot() -> LotFacts {
    LotFacts { lot_code: "CH-1".into(), sku: "CHG-15W".into(), vendor_code: "SZHQ".into() }
}

#[test]
fn the_products_setting_wins_then_its_categorys_then_the_global_rule() {
    assert_eq!(resolve_reaction(Some(SERIALS), Some(NONE)), (SERIALS, ReactionSource::Product));
    assert_eq!(resolve_reaction(None, Some(NONE)), (NONE, ReactionSource::Category));
    assert_eq!(resolve_reaction(None, None), (GLOBAL_REACTION, ReactionSource::Global));
    assert_eq!(GLOBAL_REACTION, FailureReaction { hold: HoldScope::Lot, notify: false }, "what Lotline always did");
}

#[test]
fn serials_are_held_alone_only_when_the_product_has_them_and_the_failure_names_them() {
    let lot = lot();
    let r = apply_reaction(
        &record(Some("CH-1"), &["S-2"], None),
        &product(true),
        Some(&lot),
        false,
        SERIALS,
        ReactionSource::Product,
    );
    assert_eq!((r.held, r.held_serials.as_slice(), r.notify), (HoldScope::Serials, &["S-2".to_owned()][..], true));
    // Nothing says which units failed: the lot is held.
    let r = apply_reaction(
        &record(Some("CH-1"), &[], None),
        &product(true),
        Some(&lot),
        false,
        SERIALS,
        ReactionSource::Product,
    );
    assert_eq!(r.held, HoldScope::Lot);
    let r = apply_reaction(
        &record(Some("CH-1"), &["S-2"], None),
        &product(false),
        Some(&lot),
        false,
        SERIALS,
        ReactionSource::Product,
    );
    assert_eq!(r.held, HoldScope::Lot);
    // A lot Lotline does not know is never held.
    let r = apply_reaction(
        &record(Some("XX"), &["S-2"], None),
        &product(true),
        None,
        false,
        SERIALS,
        ReactionSource::Product,
    );
    assert_eq!((r.held, r.notify), (HoldScope::None, true));
}

#[test]
fn an_accepted_inspection_reacts_only_when_the_inspector_asks_and_then_holds_the_lot() {
    let lot = lot();
    let accepted = record(Some("CH-1"), &["S-2"], Some(true));
    let r = apply_reaction(&accepted, &product(true), Some(&lot), false, SERIALS, ReactionSource::Category);
    assert_eq!((r.held, r.notify), (HoldScope::None, false));
    let r = apply_reaction(&accepted, &product(true), Some(&lot), true, NONE, ReactionSource::Category);
    assert_eq!(r.held, HoldScope::Lot);
    let rejected = record(Some("CH-1"), &["S-2"], Some(false));
    let r = apply_reaction(&rejected, &product(true), Some(&lot), false, NONE, ReactionSource::Category);
    assert_eq!((r.held, r.source), (HoldScope::None, ReactionSource::Category));
}

#[test]
fn a_serial_is_accepted_or_rejected_not_both_and_only_units_inspected_are_judged() {
    let mut r = record(Some("CH-1"), &["S-2"], None);
    r.accepted_serials = vec!["S-2".into(), "S-3".into(), "S-4".into(), "S-5".into(), "S-6".into()];
    let v = check_record(&r, &product(true), true);
    let keys: Vec<&str> = v.0.iter().map(|f| f.message_key.as_str()).collect();
    assert_eq!(keys, ["error.failure.duplicate_serial", "error.failure.serials_above_inspected"]);
    r.accepted_serials = vec!["S-1".into()];
    assert!(check_record(&r, &product(true), true).0.is_empty());
    let v = check_record(&r, &product(false), true);
    assert!(v.0.iter().any(|f| f.message_key == "error.failure.not_serial_tracked"));
}

#[test]
fn a_reaction_reads_back_from_its_code_and_other_codes_name_none() {
    for hold in [HoldScope::Lot, HoldScope::Serials, HoldScope::None] {
        for notify in [false, true] {
            let r = FailureReaction { hold, notify };
            assert_eq!(FailureReaction::parse_code(&r.code()), Some(r));
        }
    }
    assert_eq!(FailureReaction { hold: HoldScope::Serials, notify: true }.code(), "serials_notify");
    assert_eq!(
        FailureReaction::parse_code(" Lot_Notify "),
        Some(FailureReaction { hold: HoldScope::Lot, notify: true })
    );
    for bad in ["", "notify", "lots", "lot_notify_notify", "_notify"] {
        assert_eq!(FailureReaction::parse_code(bad), None, "{bad}");
    }
}
