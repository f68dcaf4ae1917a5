//! Separation of duties on refunds and store credit, with the amounts worked out by hand. The
//! default settlement limits: returns analyst 100.00, finance 1,000.00, admin without limit; two
//! approvers (one from finance) above 500.00.

use super::*;
use crate::Event;
use crate::approval::Rules;
use crate::people::{Actor, Role};
use crate::reshipment::ApprovalPolicy;

fn person(id: &str, roles: &[Role]) -> Actor {
    Actor { user_id: id.into(), username: id.into(), display_name: id.into(), roles: roles.to_vec() }
}

fn ria() -> Actor {
    person("ria", &[Role::ReturnsAnalyst])
}
fn tom() -> Actor {
    person("tom", &[Role::ReturnsAnalyst])
}
fn fien() -> Actor {
    person("fien", &[Role::Finance])
}
fn sanne() -> Actor {
    person("sanne", &[Role::Finance])
}
fn admin() -> Actor {
    person("root", &[Role::Admin])
}

fn policy() -> ApprovalPolicy {
    ApprovalPolicy::default_for("EUR")
}

/// An RMA opened by ria for `qty` units at `unit_price_minor`, every unit back and restocked.
fn inspected(qty: i64, unit_price_minor: i64, preferred: PreferredOutcome) -> Rma {
    let opening = RmaOpening {
        channel: None,
        rma_no: "RMA-AMS1-000007".into(),
        customer_code: "C-1".into(),
        lines: vec![RmaLine {
            order_no: "SO-1".into(),
            line_no: 1,
            sku: "CHG-GAN-65".into(),
            qty,
            unit_price_minor,
            lot_code: None,
            serials: Vec::new(),
        }],
        currency: "EUR".into(),
        reason_code: "defective".into(),
        preferred_outcome: preferred,
        photo_ids: Vec::new(),
        note: String::new(),
        eligibility: Eligibility { verdict: Verdict::Approved, policy_version: 1, outcomes: Vec::new() },
        delivered_on: None,
        opened_by: Some("ria".into()),
    };
    let intake = IntakeCheck {
        units: Vec::new(),
        line_grades: Vec::new(),
        packaging_intact: true,
        accessories_complete: true,
        serials_match: true,
        grade: ConditionGrade::A,
        photo_ids: Vec::new(),
        note: String::new(),
    };
    let events = [
        Event::RmaOpened(Box::new(opening)),
        Event::RmaReceived { rma_no: "RMA-AMS1-000007".into(), qty_received: vec![qty], intake },
        Event::RmaInspected {
            b_stock: false,
            rma_no: "RMA-AMS1-000007".into(),
            dispositions: vec![LineDisposition {
                grade: None,
                serials: Vec::new(),
                line_index: 0,
                disposition: ReturnDisposition::Restock,
                qty,
                recovered_minor: 0,
                location: "MAIN".into(),
            }],
        },
    ];
    events.iter().fold(None, Rma::evolve).unwrap()
}

fn apply(rma: &Rma, events: &[Event]) -> Rma {
    events.iter().fold(Some(rma.clone()), Rma::evolve).unwrap()
}

fn settle(rules: &Rules<'_>, rma: &Rma, settlement: &Settlement, actor: &Actor) -> Result<Vec<Event>, crate::ApiError> {
    decide_settle_act(&ReturnPolicy::default_policy(), rules, rma, settlement, actor)
}

fn kinds(events: &[Event]) -> Vec<&'static str> {
    events.iter().map(Event::kind).collect()
}

#[test]
fn a_refund_within_the_settlers_limit_is_asked_for_and_paid_in_one_act() {
    let policy = policy();
    let rules = policy.settlement_rules();
    // 2 × 37.00 = 74.00 ≤ tom's 100.00 and ≤ 500.00: no approval needed.
    let rma = inspected(2, 3_700, PreferredOutcome::Refund);
    let refund = Settlement::Refund { amount_minor: 7_400, restocking_fee_minor: 0 };
    let events = settle(&rules, &rma, &refund, &tom()).unwrap();
    assert_eq!(kinds(&events), ["rma_payout_requested", "rma_settled"]);
    let Event::RmaPayoutRequested { request, .. } = &events[0] else { unreachable!() };
    assert_eq!((request.requirement.approvals, request.requirement.total_minor), (0, 7_400));
    let settled = apply(&rma, &events);
    assert_eq!((settled.status, settled.paid_by.as_deref()), (RmaStatus::Settled, Some("tom")));
}

#[test]
fn nobody_pays_out_a_return_they_opened() {
    let policy = policy();
    let rules = policy.settlement_rules();
    let rma = inspected(2, 3_700, PreferredOutcome::Refund);
    let refund = Settlement::Refund { amount_minor: 7_400, restocking_fee_minor: 0 };
    // Ria opened it: her settle only asks for the refund; tom pays it out.
    let events = settle(&rules, &rma, &refund, &ria()).unwrap();
    assert_eq!(kinds(&events), ["rma_payout_requested"]);
    let asked = apply(&rma, &events);
    assert!(payout_authorized(&asked), "74.00 is within ria's own limit");
    assert_eq!(check_payer(&asked, "ria").unwrap_err().message_key, "error.settlement.payer_opened");
    let err = settle(&rules, &asked, &refund, &ria()).unwrap_err();
    assert_eq!(err.message_key, "error.settlement.payer_opened");
    let paid = apply(&asked, &decide_pay_out(&ReturnPolicy::default_policy(), &asked, &tom()).unwrap());
    assert_eq!((paid.status, paid.paid_by.as_deref()), (RmaStatus::Settled, Some("tom")));
}

#[test]
fn nobody_pays_out_a_return_they_approved_as_an_analyst() {
    let mut rma = inspected(1, 3_700, PreferredOutcome::Refund);
    rma.approved_by = Some("tom".into());
    let asked = apply(
        &rma,
        &decide_request_payout(
            &rma,
            &policy().settlement_rules(),
            &Settlement::Refund { amount_minor: 3_700, restocking_fee_minor: 0 },
            &fien(),
        )
        .unwrap(),
    );
    assert_eq!(check_payer(&asked, "tom").unwrap_err().message_key, "error.settlement.payer_decided");
    assert!(check_payer(&asked, "fien").is_ok(), "37.00 is within fien's limit and she has no other duty");
}

#[test]
fn above_the_analysts_limit_finance_approves_and_someone_else_pays() {
    let policy = policy();
    let rules = policy.settlement_rules();
    // 4 × 37.50 = 150.00 refunded less a 15.00 fee: 135.00 goes out, above tom's 100.00.
    let rma = inspected(4, 3_750, PreferredOutcome::Refund);
    let refund = Settlement::Refund { amount_minor: 15_000, restocking_fee_minor: 1_500 };
    assert_eq!(money_out_minor(&refund), 13_500);
    let asked = apply(&rma, &decide_request_payout(&rma, &rules, &refund, &tom()).unwrap());
    let request = asked.payout.as_ref().unwrap();
    assert_eq!((request.requirement.approvals, request.requirement.finance_needed), (1, false));
    assert!(!payout_authorized(&asked));
    assert_eq!(check_payer(&asked, "tom").unwrap_err().message_key, "error.settlement.approvals_missing");
    // Tom asked, so tom may not approve; ria opened the return, so she may not either.
    let err = decide_approve_payout(&asked, &rules, &tom(), "").unwrap_err();
    assert_eq!(err.message_key, "error.settlement.self_approval");
    let err = decide_approve_payout(&asked, &rules, &ria(), "").unwrap_err();
    assert_eq!(err.message_key, "error.settlement.opener_approval");
    let approved = apply(&asked, &decide_approve_payout(&asked, &rules, &fien(), "checked the intake").unwrap());
    assert!(payout_authorized(&approved));
    assert_eq!(approved.payout_approvals[0].total_minor, 13_500, "the approval names the amount it approved");
    // Fien approved it, so she may not pay it; tom, who asked, may.
    assert_eq!(check_payer(&approved, "fien").unwrap_err().message_key, "error.settlement.payer_approved");
    assert_eq!(offered_actions(&approved, &rules, &fien()), [RmaAction::Settle]);
    assert_eq!(offered_actions(&approved, &rules, &tom())[0], RmaAction::PayOut);
    // A defective return carries no fee by the policy; the duties are what is checked here.
    let paid = apply(&approved, &decide_settle(&approved, &refund, Some("tom")).unwrap());
    assert_eq!(paid.status, RmaStatus::Settled);
}

#[test]
fn above_the_threshold_two_approvers_one_from_finance_and_a_new_amount_voids_them() {
    let policy = policy();
    let rules = policy.settlement_rules();
    // 3 × 250.00 = 750.00 > 500.00: two approvers, one of them finance, even for an admin.
    let rma = inspected(3, 25_000, PreferredOutcome::Refund);
    let refund = Settlement::Refund { amount_minor: 75_000, restocking_fee_minor: 0 };
    let asked = apply(&rma, &settle(&rules, &rma, &refund, &admin()).unwrap());
    assert_eq!(asked.payout.as_ref().unwrap().requirement.approvals, 2);
    // Tom's 100.00 does not reach 750.00.
    let err = decide_approve_payout(&asked, &rules, &tom(), "").unwrap_err();
    assert_eq!(
        (err.message_key.as_str(), err.params["limit"].as_str()),
        ("error.settlement.limit_too_low", "100.00 EUR")
    );
    let one = apply(&asked, &decide_approve_payout(&asked, &rules, &fien(), "").unwrap());
    assert!(!payout_authorized(&one), "one of two");
    let two = apply(&one, &decide_approve_payout(&one, &rules, &sanne(), "").unwrap());
    assert!(payout_authorized(&two));
    // The admin asks for 700.00 instead: version 2, the two approvals of 750.00 no longer count.
    let lower = Settlement::Refund { amount_minor: 70_000, restocking_fee_minor: 0 };
    let again = apply(&two, &settle(&rules, &two, &lower, &admin()).unwrap());
    assert_eq!(again.payout.as_ref().unwrap().amount_version, 2);
    assert!(payout_counting(&again).is_empty());
    assert_eq!(check_payer(&again, "root").unwrap_err().message_key, "error.settlement.approvals_missing");
}

#[test]
fn store_credit_ahead_of_the_goods_follows_the_same_duties() {
    let policy = policy();
    let rules = policy.settlement_rules();
    let rma = inspected(1, 3_700, PreferredOutcome::StoreCredit);
    let approved = Rma { status: RmaStatus::Approved, received: vec![0], dispositions: Vec::new(), ..rma };
    // Ria opened it: her credit of 37.00 is asked for, and tom issues it.
    let asked = apply(&approved, &decide_credit_act(&rules, &approved, 3_700, &ria()).unwrap());
    assert_eq!(asked.credit_issued_minor, None);
    assert_eq!(offered_actions(&asked, &rules, &tom())[0], RmaAction::PayOut);
    let issued = apply(&asked, &decide_pay_out(&ReturnPolicy::default_policy(), &asked, &tom()).unwrap());
    assert_eq!((issued.credit_issued_minor, issued.paid_by.as_deref()), (Some(3_700), Some("tom")));
    assert!(!payout_open(&issued));
}

/// What the RMA screen offers, per role and state (the steps the UI once worked out itself).
#[test]
fn the_steps_offered_follow_the_roles_and_the_state() {
    let policy = policy();
    let rules = policy.settlement_rules();
    let logistics = person("jan", &[Role::Logistics]);
    let inspector = person("ivo", &[Role::Inspector]);
    let rma = inspected(1, 3_700, PreferredOutcome::Refund);
    let at = |status: RmaStatus| Rma { status, ..rma.clone() };
    use RmaAction as A;
    assert_eq!(
        offered_actions(&at(RmaStatus::Escalated), &rules, &admin()),
        [A::Approve, A::Reject, A::Suspend, A::Cancel]
    );
    // Cancelling one waiting for an analyst is the analysts' decision (the UI's copy offered it
    // to logistics, whom the act then refused).
    assert!(offered_actions(&at(RmaStatus::Escalated), &rules, &logistics).is_empty());
    assert_eq!(
        offered_actions(&at(RmaStatus::Approved), &rules, &logistics),
        [A::Label, A::InTransit, A::Receive, A::Cancel]
    );
    assert_eq!(offered_actions(&at(RmaStatus::Inspected), &rules, &fien()), [A::Settle]);
    assert!(offered_actions(&at(RmaStatus::Inspected), &rules, &logistics).is_empty());
    assert!(offered_actions(&at(RmaStatus::Escalated), &rules, &inspector).is_empty());
    assert!(offered_actions(&at(RmaStatus::Settled), &rules, &admin()).is_empty());
    // Store credit owed comes first until it is issued; after it, only an analyst cancels.
    let credit = Rma { status: RmaStatus::Approved, ..inspected(1, 3_700, PreferredOutcome::StoreCredit) };
    assert_eq!(offered_actions(&credit, &rules, &fien()), [A::IssueCredit]);
    let issued = Rma { credit_issued_minor: Some(3_700), ..credit };
    assert!(!offered_actions(&issued, &rules, &logistics).contains(&A::Cancel));
    assert!(offered_actions(&issued, &rules, &tom()).contains(&A::Cancel));
}

#[test]
fn a_settlement_from_before_payout_duties_stands_but_an_asked_payout_needs_its_payer() {
    let policy = policy();
    let rules = policy.settlement_rules();
    let rma = inspected(2, 3_700, PreferredOutcome::Refund);
    let refund = Settlement::Refund { amount_minor: 7_400, restocking_fee_minor: 0 };
    // Lotline 0.1.0 settled without asking or naming a payer: replayed, it stands.
    assert_eq!(kinds(&decide_settle(&rma, &refund, None).unwrap()), ["rma_settled"]);
    // Once a payout was asked for, a settlement that names nobody is refused.
    let asked = apply(&rma, &settle(&rules, &rma, &refund, &ria()).unwrap());
    assert_eq!(decide_settle(&asked, &refund, None).unwrap_err().message_key, "error.settlement.payer_unknown");
}
