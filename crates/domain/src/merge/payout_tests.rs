//! Payouts of refunds and store credit judged as the server judges them: approvals from two
//! desks merge as a set (as a reshipment's do), and the duties bind whatever desk pays.

use super::tests::{Memory, envelope, judge, opened, payout_requested, received_and_inspected, refund, settle_by};
use super::*;
use crate::approval::{Amount, Approval};
use crate::people::Role;
use crate::reshipment::ApprovalPolicy;
use crate::returns::PayoutRequest;

const RMA: &str = "RMA-AMS1A-000042";

/// The 15.20 refund asked for by an analyst whose requirement (as if above their limit) is one
/// approval: what the desk recorded is what the server judges by.
fn asked_with_one_approval() -> Event {
    let Event::RmaPayoutRequested { mut request, .. } = payout_requested() else { unreachable!() };
    request.requested_by = "u-tom".into();
    request.requester_roles = vec![Role::ReturnsAnalyst];
    request.requirement.approvals = 1;
    Event::RmaPayoutRequested { rma_no: RMA.into(), request }
}

fn approval_by(approver: &str, roles: &[Role], total_minor: i64, amount_version: u32) -> Event {
    let policy = ApprovalPolicy::default_for("EUR");
    let rules = policy.settlement_rules();
    let approval: Approval =
        rules.approval(Amount { total_minor, currency: "EUR" }, amount_version, approver, roles, "");
    Event::RmaPayoutApproved { rma_no: RMA.into(), approval }
}

fn team_log() -> Memory {
    let mut log = Memory::of("desk-a", vec![opened()]);
    log.add("desk-a", received_and_inspected());
    log.add("desk-a", vec![asked_with_one_approval()]);
    log
}

#[test]
fn an_approval_from_another_desk_lets_this_desk_pay_out() {
    let mut log = team_log();
    let on_b = envelope("desk-b", 4, "2026-11-02T10:00:00.000Z");
    // Desk B pays out before any approval reached the team: refused, nothing approved yet.
    let err = judge(&[settle_by("u-tom")], &on_b, &mut log).unwrap_err();
    assert_eq!(err.message_key, "error.settlement.approvals_missing");
    // Finance approves 15.20 on desk C; then tom (who asked, approved nothing) pays it out.
    log.add("desk-c", vec![approval_by("u-fien", &[Role::Finance], 1_520, 1)]);
    assert!(judge(&[settle_by("u-tom")], &on_b, &mut log).is_ok());
    // The approver may not pay what she approved, nor ria who opened the return.
    let err = judge(&[settle_by("u-fien")], &on_b, &mut log).unwrap_err();
    assert_eq!(err.message_key, "error.settlement.payer_approved");
    let err = judge(&[settle_by("u-ria")], &on_b, &mut log).unwrap_err();
    assert_eq!(err.message_key, "error.settlement.payer_opened");
}

#[test]
fn an_approval_of_another_amount_does_not_count() {
    let mut log = team_log();
    log.add("desk-c", vec![approval_by("u-fien", &[Role::Finance], 1_400, 1)]);
    let err = judge(&[settle_by("u-tom")], &envelope("desk-b", 5, "2026-11-02T10:00:00.000Z"), &mut log).unwrap_err();
    assert_eq!(err.message_key, "error.settlement.approvals_missing");
}

#[test]
fn a_second_payout_after_another_desks_is_refused() {
    let mut log = team_log();
    log.add("desk-c", vec![approval_by("u-fien", &[Role::Finance], 1_520, 1), settle_by("u-tom")]);
    let on_b = envelope("desk-b", 4, "2026-11-02T10:00:00.000Z");
    assert_eq!(judge(&[settle_by("u-tom")], &on_b, &mut log).unwrap_err().message_key, "error.rma.not_inspected");
    let late_approval = approval_by("u-sanne", &[Role::Finance], 1_520, 1);
    assert_eq!(judge(&[late_approval], &on_b, &mut log).unwrap_err().message_key, "error.settlement.already_paid");
}

#[test]
fn the_names_the_duties_are_separated_by_are_the_authors_own() {
    let tom = TeamMember { user_id: "u-tom".into(), roles: vec![Role::ReturnsAnalyst], active: true };
    let fien = TeamMember { user_id: "u-fien".into(), roles: vec![Role::Finance], active: true };
    // Tom may not pay out in fien's name, nor approve as finance.
    assert!(may_author(&tom, &settle_by("u-fien")).is_err());
    assert!(may_author(&tom, &settle_by("u-tom")).is_ok());
    // A new act that names no payer at all is refused (0.1.0's unnamed settlements are history
    // from before enrolment, which is not judged by author).
    let unnamed = Event::RmaSettled { rma_no: RMA.into(), settlement: refund(), paid_by: None };
    assert_eq!(may_author(&tom, &unnamed).unwrap_err().message_key, "error.settlement.payer_unknown");
    let credit = Event::RmaCreditIssued { rma_no: RMA.into(), amount_minor: 3_700, paid_by: None };
    assert_eq!(may_author(&fien, &credit).unwrap_err().message_key, "error.settlement.payer_unknown");
    assert!(may_author(&tom, &approval_by("u-tom", &[Role::Finance], 1_520, 1)).is_err());
    assert!(may_author(&fien, &approval_by("u-fien", &[Role::Finance], 1_520, 1)).is_ok());
    let Event::RmaPayoutRequested { request, .. } = asked_with_one_approval() else { unreachable!() };
    let forged = PayoutRequest { requested_by: "u-fien".into(), ..request.clone() };
    assert!(may_author(&tom, &Event::RmaPayoutRequested { rma_no: RMA.into(), request: forged }).is_err());
    assert!(may_author(&tom, &Event::RmaPayoutRequested { rma_no: RMA.into(), request }).is_ok());
}
