//! Demo returns: a returns policy with its returns centre, and RMAs in every state, each step by
//! the person whose job it is (the returns analyst decides and inspects, logistics handles the
//! parcel, finance settles). Nobody pays out a return they opened or approved: the analyst who
//! opens them asks for a refund at most, and finance pays it.

use std::collections::HashMap;

use chrono::Duration;
use lotline_domain::ApiError;
use lotline_domain::people::Actor;
use lotline_domain::reshipment::Carrier;
use lotline_domain::returns::{
    ConditionGrade, GoodsCondition, IntakeCheck, IntakeUnit, LineDisposition, PreferredOutcome, ReturnDisposition,
    ReturnPolicy, ReturnsCentre, RmaStatus, Settlement,
};

use super::{DemoLine, PRODUCTS};
use crate::acts::returns::{
    self, InspectRmaInput, IssueStoreCreditInput, OpenRmaInput, OpenRmaLineInput, ReceiveRmaInput, RmaCommentInput,
    RmaInTransitInput, RmaLabelsInput, SettleRmaInput,
};
use crate::context::Ctx;

/// How far one demo RMA gets.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Story {
    AwaitingLabel,
    LabelPrinted,
    InTransit,
    Received,
    Inspected,
    Refunded,
    StoreCredit,
    Escalated,
    Suspended,
    RejectedByAnalyst,
    OutsideWindow,
}

const STORIES: [(Story, &str, PreferredOutcome); 11] = [
    (Story::AwaitingLabel, "no_longer_needed", PreferredOutcome::Refund),
    (Story::LabelPrinted, "wrong_item", PreferredOutcome::Refund),
    (Story::InTransit, "size_colour_mismatch", PreferredOutcome::StoreCredit),
    (Story::Received, "fulfillment_error", PreferredOutcome::Refund),
    (Story::Inspected, "no_longer_needed", PreferredOutcome::Refund),
    (Story::Refunded, "no_longer_needed", PreferredOutcome::Refund),
    (Story::StoreCredit, "wrong_item", PreferredOutcome::StoreCredit),
    (Story::Escalated, "defective", PreferredOutcome::Refund),
    (Story::Suspended, "damaged_in_transit", PreferredOutcome::Exchange),
    (Story::RejectedByAnalyst, "not_as_described", PreferredOutcome::Refund),
    (Story::OutsideWindow, "no_longer_needed", PreferredOutcome::Refund),
];

pub(super) async fn demo_returns(ctx: &Ctx, actors: &HashMap<&str, Actor>, lines: &[DemoLine]) -> Result<(), ApiError> {
    let as_user = |username: &str| actors.get(username).map(|actor| ctx.acting_as(actor.clone()));
    let (Some(analyst), Some(logistics), Some(finance)) =
        (as_user("tom.jansen"), as_user("jan.devries"), as_user("sanne.bakker"))
    else {
        return Ok(());
    };
    let policy = ReturnPolicy {
        returns_centre: ReturnsCentre {
            name: "Lotline Demo BV – Retourcentrum".into(),
            address: "Havenstraat 12\n3011 AB Rotterdam".into(),
            country: "NL".into(),
        },
        label_service: "Retour Standaard".into(),
        ..ReturnPolicy::default_policy()
    };
    returns::set_return_policy(ctx, policy).await?;

    // Returnable products without serials, one line per RMA; the oldest order falls outside the
    // 30-day window, the others were delivered two days after they were placed.
    let returnable =
        |line: &&DemoLine| PRODUCTS.iter().any(|p| p.0 == line.sku && p.2 != "Lijm" && !p.6) && line.days_ago <= 30;
    let mut recent = lines.iter().filter(returnable);
    let oldest = lines.iter().find(|l| l.days_ago >= 55 && PRODUCTS.iter().any(|p| p.0 == l.sku && !p.6));
    let now = ctx.now();
    for (n, (story, reason, outcome)) in STORIES.iter().copied().enumerate() {
        let line = if story == Story::OutsideWindow { oldest } else { recent.next() };
        let Some(line) = line else { break };
        let delivered = now - Duration::days(line.days_ago - 2);
        let input = OpenRmaInput {
            lines: vec![OpenRmaLineInput {
                order_no: line.order_no.clone(),
                line_no: line.line_no,
                qty: 1,
                serials: Vec::new(),
                lot_code: None,
            }],
            reason_code: reason.into(),
            preferred_outcome: outcome,
            delivered_on: Some(delivered.format("%Y-%m-%d").to_string()),
            condition: GoodsCondition {
                original_packaging: true,
                unused: story != Story::Inspected,
                tags_attached: true,
            },
            photo_ids: Vec::new(),
            non_carrier_damage_seen: false,
            channel: None,
            note: String::new(),
        };
        let opened = returns::open_rma(&analyst, input).await?;
        let unit_price = opened.opening.lines[0].unit_price_minor;
        let people = People { analyst: &analyst, logistics: &logistics, finance: &finance };
        tell(&people, story, opened.row.rma_no, opened.row.status, unit_price, n).await?;
    }
    Ok(())
}

struct People<'a> {
    analyst: &'a Ctx,
    logistics: &'a Ctx,
    finance: &'a Ctx,
}

async fn tell(
    people: &People<'_>,
    story: Story,
    rma_no: String,
    status: RmaStatus,
    unit_price: i64,
    n: usize,
) -> Result<(), ApiError> {
    let People { analyst, logistics, finance } = *people;
    let comment = |text: &str| RmaCommentInput { rma_no: rma_no.clone(), comment: text.into() };
    match story {
        Story::Escalated | Story::OutsideWindow => return Ok(()),
        Story::Suspended => {
            returns::suspend_rma(analyst, comment("Asked the customer for photos of the damaged box")).await?;
            return Ok(());
        }
        Story::RejectedByAnalyst => {
            returns::reject_rma(analyst, comment("The product matches the listing; photos show normal use")).await?;
            return Ok(());
        }
        _ => {}
    }
    // A return the rules escalated (say, this customer returns a lot) is approved by the analyst.
    if status == RmaStatus::Escalated {
        returns::approve_rma(analyst, comment("Checked with the account manager: approved")).await?;
    }
    if story == Story::AwaitingLabel {
        return Ok(());
    }
    let labels = RmaLabelsInput { rma_nos: vec![rma_no.clone()], size: None, weight_grams: None, language: None };
    returns::rma_labels(logistics, labels).await?;
    // Store credit goes out on approval, before the parcel comes back (the in-transit one still
    // waits for finance, so the list shows its deadline running).
    if story == Story::StoreCredit {
        let credit = IssueStoreCreditInput { rma_no: rma_no.clone(), amount_minor: unit_price };
        returns::issue_store_credit(finance, credit).await?;
    }
    if story == Story::LabelPrinted {
        return Ok(());
    }
    let tracking_no = format!("3SLTRT{:07}", 3_026_000 + n);
    let transit = RmaInTransitInput { rma_no: rma_no.clone(), carrier: Carrier::Postnl, tracking_no };
    returns::rma_in_transit(logistics, transit).await?;
    if story == Story::InTransit {
        return Ok(());
    }
    let used = story == Story::Inspected;
    let grade = if used { ConditionGrade::B } else { ConditionGrade::A };
    let intake = IntakeCheck {
        line_grades: Vec::new(),
        packaging_intact: true,
        accessories_complete: true,
        serials_match: true,
        grade,
        units: vec![IntakeUnit { line_index: 0, serial: None, grade }],
        photo_ids: Vec::new(),
        note: if used { "Opened and used once".into() } else { String::new() },
    };
    returns::receive_rma(logistics, ReceiveRmaInput { rma_no: rma_no.clone(), qty_received: vec![1], intake }).await?;
    if story == Story::Received {
        return Ok(());
    }
    let disposition = LineDisposition {
        line_index: 0,
        disposition: if used { ReturnDisposition::ResellOpenBox } else { ReturnDisposition::Restock },
        qty: 1,
        // Open-box stock sells at about 70% of the new price.
        recovered_minor: if used { unit_price * 7 / 10 } else { unit_price },
        location: "MAIN".into(),
        grade: Some(grade),
        serials: Vec::new(),
    };
    let inspected =
        returns::inspect_rma(analyst, InspectRmaInput { rma_no: rma_no.clone(), dispositions: vec![disposition] })
            .await?;
    let paid = inspected.paid_for_received_minor;
    let refund = Settlement::Refund { amount_minor: paid, restocking_fee_minor: inspected.policy_fee_minor };
    if story == Story::Inspected {
        // The analyst asks for the refund; having opened the return, he may not pay it out: it
        // waits for finance.
        returns::settle_rma(analyst, SettleRmaInput { rma_no, settlement: refund }).await?;
        return Ok(());
    }
    let settlement = match story {
        Story::StoreCredit => Settlement::StoreCredit { amount_minor: unit_price },
        // The refund is of what was paid; the policy's fee is kept from it.
        _ => refund,
    };
    returns::settle_rma(finance, SettleRmaInput { rma_no, settlement }).await?;
    Ok(())
}
