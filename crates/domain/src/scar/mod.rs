//! A supplier corrective action request (SCAR) in the 8D manner, kept as a record: opened from a
//! QC failure or for a vendor with its team (D1) and problem (D2), sent to the vendor with a due
//! date for its answer, then containment (D3), root cause and actions (D4..D7) received, the
//! actions' effect verified (D8 on our form), and closed. Each step is one event, so who did it and
//! when is the event's own actor and time.

mod decide;

pub use decide::{check_opening, decide_advance, is_overdue, recheck_advance};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// D1: one person of the team working on the problem, with their role in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScarMember {
    pub name: String,
    /// "Quality lead", "Supplier quality engineer": free text, as teams name it.
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScarOpening {
    pub scar_no: String,
    pub vendor_code: String,
    /// The QC failure it was opened from, if any.
    #[serde(default)]
    pub failure_no: Option<String>,
    /// D1.
    pub team: Vec<ScarMember>,
    /// D2: what is wrong, where, how many, since when.
    pub problem: String,
}

/// Where a SCAR stands. The order of the variants is the order of the steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ScarStatus {
    Draft,
    Sent,
    ContainmentReceived,
    RootCauseReceived,
    Verified,
    Closed,
}

impl ScarStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ScarStatus::Draft => "draft",
            ScarStatus::Sent => "sent",
            ScarStatus::ContainmentReceived => "containment_received",
            ScarStatus::RootCauseReceived => "root_cause_received",
            ScarStatus::Verified => "verified",
            ScarStatus::Closed => "closed",
        }
    }

    pub fn parse(text: &str) -> Option<ScarStatus> {
        [Self::Draft, Self::Sent, Self::ContainmentReceived, Self::RootCauseReceived, Self::Verified, Self::Closed]
            .into_iter()
            .find(|s| s.as_str() == text)
    }

    /// The one step that may follow this one.
    pub fn next(self) -> Option<ScarStatus> {
        match self {
            ScarStatus::Draft => Some(ScarStatus::Sent),
            ScarStatus::Sent => Some(ScarStatus::ContainmentReceived),
            ScarStatus::ContainmentReceived => Some(ScarStatus::RootCauseReceived),
            ScarStatus::RootCauseReceived => Some(ScarStatus::Verified),
            ScarStatus::Verified => Some(ScarStatus::Closed),
            ScarStatus::Closed => None,
        }
    }
}

/// One step as asked for: what the vendor answered or we found, in the words of the 8D section
/// the step fills.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScarStepText {
    /// Sent: a covering note; containment: D3; root cause: D4; verified: D6's verification;
    /// closed: the closing note (D8 recognition of the team).
    #[serde(default)]
    pub text: String,
    /// Root cause only: the corrective actions (D5/D6).
    #[serde(default)]
    pub actions: String,
    /// Root cause only: the preventive actions (D7), if the vendor gave them apart.
    #[serde(default)]
    pub preventive: String,
}

/// A SCAR as its events leave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scar {
    pub opening: ScarOpening,
    pub status: ScarStatus,
    /// When the vendor's answer is due, once sent (YYYY-MM-DD).
    pub due_on: Option<String>,
    pub containment: String,
    pub root_cause: String,
    pub actions: String,
    pub preventive: String,
    pub verification: String,
    pub closure: String,
}

impl Scar {
    pub fn scar_no(&self) -> &str {
        &self.opening.scar_no
    }

    pub fn evolve(state: Option<Scar>, event: &crate::Event) -> Option<Scar> {
        use crate::Event;
        match (state, event) {
            (None, Event::ScarOpened(opening)) => Some(Scar {
                opening: (**opening).clone(),
                status: ScarStatus::Draft,
                due_on: None,
                containment: String::new(),
                root_cause: String::new(),
                actions: String::new(),
                preventive: String::new(),
                verification: String::new(),
                closure: String::new(),
            }),
            (Some(mut scar), Event::ScarAdvanced { to, due_on, step, .. }) => {
                scar.status = *to;
                match to {
                    ScarStatus::Sent => scar.due_on = due_on.clone(),
                    ScarStatus::ContainmentReceived => scar.containment = step.text.clone(),
                    ScarStatus::RootCauseReceived => {
                        scar.root_cause = step.text.clone();
                        scar.actions = step.actions.clone();
                        scar.preventive = step.preventive.clone();
                    }
                    ScarStatus::Verified => scar.verification = step.text.clone(),
                    ScarStatus::Closed => scar.closure = step.text.clone(),
                    ScarStatus::Draft => {}
                }
                Some(scar)
            }
            (state, _) => state,
        }
    }
}

#[cfg(test)]
mod tests;
