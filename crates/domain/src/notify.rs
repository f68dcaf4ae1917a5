//! What a person is told about: each kind of notification, who may receive it, and what each
//! person chose to receive. Notifications themselves are not events: the app derives them from
//! the records as the log leaves them, for the person signed in, so a desk that pulls another
//! desk's acts tells its people at once and a record that moved on stops asking for attention.
//! Only each person's choice travels in the log (`NotificationPreferencesSet`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::people::{Actor, Permission};

/// A kind of notification. Adding one is a variant here with its line in `KINDS` and in
/// `audience`, and the app's source of its items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum NotificationKind {
    /// A reshipment whose approval the person may give now.
    ReshipmentApproval,
    /// A refund or store-credit payout whose approval the person may give now.
    PayoutApproval,
    /// An RMA the rules escalated to the analysts' queue, not yet decided.
    RmaEscalated,
    /// A lot on hold.
    LotHeld,
    /// A SCAR whose vendor's answer is past its due date.
    ScarOverdue,
    /// A lot with stock that expires within its warning window.
    ExpirySoon,
    /// An in-process failure blocked a work order's output, and the quality lead has not decided yet.
    WorkOrderBlocked,
}

/// Every kind, in the order the settings page lists them.
pub const KINDS: &[NotificationKind] = &[
    NotificationKind::ReshipmentApproval,
    NotificationKind::PayoutApproval,
    NotificationKind::RmaEscalated,
    NotificationKind::LotHeld,
    NotificationKind::ScarOverdue,
    NotificationKind::ExpirySoon,
    NotificationKind::WorkOrderBlocked,
];

impl NotificationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NotificationKind::ReshipmentApproval => "reshipment_approval",
            NotificationKind::PayoutApproval => "payout_approval",
            NotificationKind::RmaEscalated => "rma_escalated",
            NotificationKind::LotHeld => "lot_held",
            NotificationKind::ScarOverdue => "scar_overdue",
            NotificationKind::ExpirySoon => "expiry_soon",
            NotificationKind::WorkOrderBlocked => "work_order_blocked",
        }
    }

    /// The kind of record it opens, as the UI routes to it.
    pub fn record_type(self) -> &'static str {
        match self {
            NotificationKind::ReshipmentApproval => "reshipment",
            NotificationKind::PayoutApproval | NotificationKind::RmaEscalated => "rma",
            NotificationKind::LotHeld | NotificationKind::ExpirySoon => "lot",
            NotificationKind::ScarOverdue => "scar",
            NotificationKind::WorkOrderBlocked => "work_order",
        }
    }

    /// The permissions (any one suffices) of those who receive this kind; `None` for approvals,
    /// whose audience is whoever the approval limits let approve the record's amount.
    pub fn audience(self) -> Option<&'static [Permission]> {
        match self {
            NotificationKind::ReshipmentApproval | NotificationKind::PayoutApproval => None,
            NotificationKind::RmaEscalated => Some(&[Permission::DecideRma]),
            NotificationKind::LotHeld => Some(&[Permission::ReleaseHolds, Permission::ShipReshipment]),
            NotificationKind::ScarOverdue => Some(&[Permission::ManageScars]),
            NotificationKind::ExpirySoon => Some(&[Permission::RecordLots, Permission::ShipReshipment]),
            // The block's decision is the quality lead's (`decide_work_order_block`).
            NotificationKind::WorkOrderBlocked => Some(&[Permission::ReleaseHolds]),
        }
    }

    /// Whether `actor` can be told about this kind at all, so settings offer only those;
    /// `approves` says whether some approval limit is theirs (the app reads the policies).
    pub fn reaches(self, actor: &Actor, approves: bool) -> bool {
        match self.audience() {
            None => approves,
            Some(permissions) => permissions.iter().any(|p| actor.may(*p)),
        }
    }
}

/// What one person chose: the kinds they do not want, and whether the operating system may show
/// new ones while the app is in the background. A person who never chose gets every kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NotificationPreferences {
    #[serde(default)]
    pub muted: Vec<NotificationKind>,
    #[serde(default = "yes")]
    pub system: bool,
}

fn yes() -> bool {
    true
}

impl Default for NotificationPreferences {
    fn default() -> Self {
        NotificationPreferences { muted: Vec::new(), system: true }
    }
}

impl NotificationPreferences {
    pub fn wants(&self, kind: NotificationKind) -> bool {
        !self.muted.contains(&kind)
    }

    /// Sorted and without repeats, so two saves of the same choice are the same event.
    pub fn normalised(mut self) -> Self {
        self.muted.sort();
        self.muted.dedup();
        self
    }
}

/// When a notification is new enough to be shown by the operating system: at most `SHOWN_ONE_BY_ONE`
/// one by one, more as one summary, so a desk that was away a week does not flood the screen.
pub const SHOWN_ONE_BY_ONE: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::Role;

    fn actor(roles: &[Role]) -> Actor {
        Actor { user_id: "u".into(), username: "u".into(), display_name: "U".into(), roles: roles.to_vec() }
    }

    #[test]
    fn a_person_gets_every_kind_until_they_mute_one() {
        let prefs = NotificationPreferences::default();
        assert!(KINDS.iter().all(|k| prefs.wants(*k)));
        let muted = NotificationPreferences {
            muted: vec![NotificationKind::LotHeld, NotificationKind::LotHeld, NotificationKind::ExpirySoon],
            system: false,
        }
        .normalised();
        assert_eq!(muted.muted, vec![NotificationKind::LotHeld, NotificationKind::ExpirySoon]);
        assert!(!muted.wants(NotificationKind::LotHeld));
        assert!(muted.wants(NotificationKind::ScarOverdue));
    }

    #[test]
    fn kinds_reach_those_whose_work_they_are() {
        let inspector = actor(&[Role::Inspector]);
        assert!(!NotificationKind::ScarOverdue.reaches(&inspector, false));
        assert!(!NotificationKind::RmaEscalated.reaches(&inspector, false));
        let analyst = actor(&[Role::ReturnsAnalyst]);
        assert!(NotificationKind::RmaEscalated.reaches(&analyst, false));
        assert!(NotificationKind::ReshipmentApproval.reaches(&analyst, true));
        assert!(!NotificationKind::PayoutApproval.reaches(&inspector, false));
        let every: Vec<&str> = KINDS.iter().map(|k| k.as_str()).collect();
        let json: Vec<String> =
            KINDS.iter().map(|k| serde_json::to_value(k).unwrap().as_str().unwrap().to_owned()).collect();
        assert_eq!(every, json, "the kind's name is its serialised name");
    }
}
