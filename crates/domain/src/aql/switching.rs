//! ISO 2859-1:1999 clause 9, the switching rules: which severity of inspection the next lot of a
//! vendor's product gets, folded from the results of its earlier lots in order.
//!
//! - Inspection starts normal.
//! - Normal to tightened: 2 lots not accepted among 5 or fewer consecutive lots (9.3.2).
//! - Tightened to normal: 5 consecutive lots accepted on tightened inspection (9.3.3).
//! - Normal to reduced: the switching score reaches 30, production is steady, and the
//!   responsible authority approves reduced inspection (9.3.3). The score starts at 0; after each
//!   lot on normal inspection, with an acceptance number of 2 or more, it gains 3 when the lot
//!   would have been accepted at the next stricter AQL, else it returns to 0; with an acceptance
//!   number of 0 or 1 it gains 2 when the lot is accepted, else it returns to 0.
//! - Reduced to normal: a lot is not accepted, or production is no longer steady (9.3.4).
//! - Discontinuation: when the lots not accepted on tightened inspection reach 5, inspection
//!   under the standard stops until the supplier has improved (9.4). Once the supplier has
//!   taken corrective action, the responsible authority (a quality lead) resumes inspection,
//!   and it resumes tightened (9.4): an explicit step in the log, never a lot's doing.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::InspectionSeverity;

/// What one lot's inspection gave, as the switching rules need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LotOutcome {
    pub accepted: bool,
    /// The plan's acceptance number (the strictest class's, when several were inspected).
    pub accept_number: u32,
    /// Would the lot also have been accepted at the next stricter AQL?
    pub accepted_one_step_tighter: bool,
}

/// What the responsible authority has said about reduced inspection.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SwitchingPolicy {
    /// Reduced inspection is approved (an administrator's setting).
    pub reduced_allowed: bool,
    /// Production is steady (no interruption or irregularity reported).
    pub production_steady: bool,
}

/// Why the current severity applies, for the inspection form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SwitchingReason {
    /// No lot of this vendor's product inspected yet: inspection starts normal.
    Start,
    /// Normal inspection goes on.
    Normal,
    /// 2 of the last 5 or fewer lots on normal inspection were not accepted.
    TwoOfFiveNotAccepted,
    /// Tightened inspection goes on until 5 consecutive lots are accepted.
    Tightened,
    /// 5 consecutive lots accepted on tightened inspection.
    FiveAcceptedOnTightened,
    /// The switching score reached 30, production is steady and reduced inspection is approved.
    ScoreReached30,
    /// Reduced inspection goes on.
    Reduced,
    /// A lot was not accepted on reduced inspection.
    NotAcceptedOnReduced,
    /// Production is no longer steady, which ends reduced inspection.
    ProductionNotSteady,
    /// 5 lots not accepted on tightened inspection: inspection is discontinued.
    Discontinued,
    /// A quality lead resumed inspection after the supplier's corrective action: tightened.
    ResumedAfterCorrection,
}

/// One step of a vendor's product in the switching rules: a lot inspected, or inspection resumed
/// after discontinuation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SwitchingStep {
    Lot(LotOutcome),
    Resumed,
}

/// Where a vendor's product stands in the switching rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SwitchingState {
    pub severity: InspectionSeverity,
    /// Inspection under the standard is stopped until the supplier has improved.
    pub discontinued: bool,
    pub reason: SwitchingReason,
    /// The switching score (counts on normal inspection only).
    pub score: u32,
    /// Lots not accepted among the last 5 or fewer on normal inspection.
    pub not_accepted_of_last_five: u32,
    /// Consecutive lots accepted on tightened inspection (5 return it to normal).
    pub accepted_in_a_row_on_tightened: u32,
    /// Lots not accepted since tightened inspection began (5 discontinue inspection).
    pub not_accepted_on_tightened: u32,
    /// Lots folded in.
    pub lots: u32,
    #[serde(skip)]
    #[ts(skip)]
    last_five: Vec<bool>,
}

impl Default for SwitchingState {
    fn default() -> Self {
        Self {
            severity: InspectionSeverity::Normal,
            discontinued: false,
            reason: SwitchingReason::Start,
            score: 0,
            not_accepted_of_last_five: 0,
            accepted_in_a_row_on_tightened: 0,
            not_accepted_on_tightened: 0,
            lots: 0,
            last_five: Vec::new(),
        }
    }
}

impl SwitchingState {
    fn enter(severity: InspectionSeverity, reason: SwitchingReason, lots: u32) -> Self {
        Self { severity, reason, lots, ..Self::default() }
    }

    /// Inspection resumed after the supplier's corrective action: tightened, counting afresh. A
    /// resumption while inspection runs changes nothing.
    pub fn resumed(self) -> Self {
        if self.discontinued {
            Self::enter(InspectionSeverity::Tightened, SwitchingReason::ResumedAfterCorrection, self.lots)
        } else {
            self
        }
    }

    /// The state after one more lot inspected at the severity this state prescribed.
    pub fn next(self, lot: LotOutcome, policy: SwitchingPolicy) -> Self {
        let lots = self.lots + 1;
        if self.discontinued {
            return Self { lots, ..self };
        }
        match self.severity {
            InspectionSeverity::Normal => {
                let mut last_five = self.last_five;
                last_five.push(lot.accepted);
                if last_five.len() > 5 {
                    last_five.remove(0);
                }
                let not_accepted = last_five.iter().filter(|a| !**a).count() as u32;
                if not_accepted >= 2 {
                    return Self::enter(InspectionSeverity::Tightened, SwitchingReason::TwoOfFiveNotAccepted, lots);
                }
                let gains =
                    if lot.accept_number >= 2 { lot.accepted && lot.accepted_one_step_tighter } else { lot.accepted };
                let score = match (gains, lot.accept_number >= 2) {
                    (true, true) => self.score + 3,
                    (true, false) => self.score + 2,
                    (false, _) => 0,
                };
                if score >= 30 && policy.reduced_allowed && policy.production_steady {
                    return Self::enter(InspectionSeverity::Reduced, SwitchingReason::ScoreReached30, lots);
                }
                Self {
                    reason: SwitchingReason::Normal,
                    score,
                    not_accepted_of_last_five: not_accepted,
                    last_five,
                    lots,
                    ..Self::default()
                }
            }
            InspectionSeverity::Tightened => {
                if lot.accepted {
                    let run = self.accepted_in_a_row_on_tightened + 1;
                    if run >= 5 {
                        return Self::enter(InspectionSeverity::Normal, SwitchingReason::FiveAcceptedOnTightened, lots);
                    }
                    Self { accepted_in_a_row_on_tightened: run, reason: SwitchingReason::Tightened, lots, ..self }
                } else {
                    let not_accepted = self.not_accepted_on_tightened + 1;
                    Self {
                        discontinued: not_accepted >= 5,
                        reason: if not_accepted >= 5 {
                            SwitchingReason::Discontinued
                        } else {
                            SwitchingReason::Tightened
                        },
                        accepted_in_a_row_on_tightened: 0,
                        not_accepted_on_tightened: not_accepted,
                        lots,
                        ..self
                    }
                }
            }
            InspectionSeverity::Reduced => {
                if !lot.accepted {
                    Self::enter(InspectionSeverity::Normal, SwitchingReason::NotAcceptedOnReduced, lots)
                } else if !policy.production_steady || !policy.reduced_allowed {
                    Self::enter(InspectionSeverity::Normal, SwitchingReason::ProductionNotSteady, lots)
                } else {
                    Self { reason: SwitchingReason::Reduced, lots, ..self }
                }
            }
        }
    }
}

/// The state after all of a vendor's product's lots, oldest first.
pub fn derive(lots: impl IntoIterator<Item = LotOutcome>, policy: SwitchingPolicy) -> SwitchingState {
    derive_steps(lots.into_iter().map(SwitchingStep::Lot), policy)
}

/// The state after every lot and resumption, oldest first.
pub fn derive_steps(steps: impl IntoIterator<Item = SwitchingStep>, policy: SwitchingPolicy) -> SwitchingState {
    steps.into_iter().fold(SwitchingState::default(), |state, step| match step {
        SwitchingStep::Lot(lot) => state.next(lot, policy),
        SwitchingStep::Resumed => state.resumed(),
    })
}

#[cfg(test)]
mod tests;
