//! SCARs the vendor manager opened on the demo's failures, in the states a vendor team lives
//! with: one sent and waiting, one whose answer is overdue (on the Overview and in its vendor's
//! scorecard), one with the root cause in, one verified and closed, and a draft. Each step is
//! taken on its own day, weeks ago for the older ones, so the history reads as it happened.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use lotline_domain::ApiError;
use lotline_domain::people::Actor;
use lotline_domain::scar::{ScarMember, ScarStatus, ScarStepText};

use super::DemoFailure;
use crate::acts::scars::{self, AdvanceScarInput, OpenScarInput};
use crate::clock::FixedClock;
use crate::context::Ctx;

/// One SCAR's story: its vendor, when it was opened (days ago), when the vendor's answer is due
/// after sending (days), and each later step with the days after opening it was taken.
struct Story {
    vendor: &'static str,
    opened_days_ago: i64,
    problem: &'static str,
    due_after: Option<i64>,
    steps: &'static [(ScarStatus, i64, &'static str, &'static str)],
}

/// Oldest first, so their numbers follow the days they were opened.
const STORIES: &[Story] = &[
    // Answered, verified on three good lots, closed.
    Story {
        vendor: "HOLZ",
        opened_days_ago: 45,
        problem: "Bohrer-Set: two bits per set out of tolerance (HSS 6 mm measured 5.82 mm).",
        due_after: Some(14),
        steps: &[
            (
                ScarStatus::ContainmentReceived,
                2,
                "Batch 2026-09 quarantined at Holzmann; replacement sets shipped.",
                "",
            ),
            (
                ScarStatus::RootCauseReceived,
                9,
                "Grinding wheel dressed too rarely on line 3.",
                "Dressing every shift, first-piece measurement logged per batch.",
            ),
            (ScarStatus::Verified, 35, "Three consecutive lots inspected at AQL 1.0 without a dimensional defect.", ""),
            (ScarStatus::Closed, 37, "Closed; thanks to the Holzmann quality team.", ""),
        ],
    },
    // The root cause and actions are in; verification waits for the next lots.
    Story {
        vendor: "DGMT",
        opened_days_ago: 30,
        problem: "Hinge does not close fully, 1.5 mm play; 4 of 125 failed at incoming inspection.",
        due_after: Some(14),
        steps: &[
            (ScarStatus::ContainmentReceived, 3, "Stock at the factory and in transit sorted 100%; 38 rejected.", ""),
            (
                ScarStatus::RootCauseReceived,
                11,
                "Worn stamping die on the hinge leaf, tolerance drifted after 80,000 strokes.",
                "Die replaced; tool life limited to 60,000 strokes with a check every 10,000.",
            ),
        ],
    },
    // Sent three weeks ago, due a fortnight ago: nothing back yet.
    Story {
        vendor: "SZHQ",
        opened_days_ago: 24,
        problem: "USB-C 连接器在 20 次插拔后松动；来料批次中 6% 不良。请提供遏制措施和根本原因。",
        due_after: Some(10),
        steps: &[],
    },
    // Sent this week, the answer due in nine days.
    Story {
        vendor: "NBTX",
        opened_days_ago: 5,
        problem: "Opbergboxen 5 L: deksel sluit niet, randen vervormd na transport. Graag containment en oorzaak.",
        due_after: Some(14),
        steps: &[],
    },
    // Being written: not sent yet.
    Story {
        vendor: "ACME",
        opened_days_ago: 0,
        problem: "Desk fan: oscillation motor noisy on arrival, 3 of 80.",
        due_after: None,
        steps: &[],
    },
];

/// The vendor manager's SCARs, each on the newest failure of its vendor logged at least a day
/// before the SCAR was opened.
pub(super) async fn demo_scars(
    ctx: &Ctx,
    actors: &HashMap<&str, Actor>,
    failed: &[DemoFailure],
) -> Result<(), ApiError> {
    let Some(manager) = actors.get("priya.shah") else { return Ok(()) };
    let now = ctx.now();
    for story in STORIES {
        let opened = now - Duration::days(story.opened_days_ago);
        let failure =
            failed.iter().rev().find(|f| f.product.4 == story.vendor && f.occurred_at <= opened - Duration::days(1));
        let on = |at: DateTime<Utc>| {
            let mut day = ctx.acting_as(manager.clone());
            day.clock = Arc::new(FixedClock::new(at));
            day
        };
        let open = OpenScarInput {
            failure_no: failure.map(|f| f.failure_no.clone()),
            vendor_code: Some(story.vendor.into()),
            team: vec![
                ScarMember { name: "Priya Shah".into(), role: "Vendor manager".into() },
                ScarMember { name: "Li Wei".into(), role: "Quality lead".into() },
            ],
            problem: story.problem.into(),
        };
        let scar_no = scars::open_scar(&on(opened), open).await?.row.scar_no;
        let Some(due_after) = story.due_after else { continue };
        let sent = AdvanceScarInput {
            scar_no: scar_no.clone(),
            to: ScarStatus::Sent,
            due_on: Some((opened + Duration::days(due_after)).format("%Y-%m-%d").to_string()),
            step: ScarStepText {
                text: "8D report attached; please answer by the due date.".into(),
                ..Default::default()
            },
        };
        scars::advance_scar(&on(opened), sent).await?;
        for (to, after, text, actions) in story.steps {
            let step = ScarStepText { text: (*text).into(), actions: (*actions).into(), preventive: String::new() };
            let input = AdvanceScarInput { scar_no: scar_no.clone(), to: *to, due_on: None, step };
            scars::advance_scar(&on(opened + Duration::days(*after)), input).await?;
        }
    }
    Ok(())
}
