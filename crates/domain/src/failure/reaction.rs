//! What a failed inspection sets off: hold the whole lot, hold only the serials that failed, or
//! hold nothing; and whether the quality lead is told. A product may say its own, its category
//! may give a default, and the rule Lotline always had (hold the lot, tell nobody) stands when
//! neither says. The reaction applied is recorded with the failure, so its history shows why the
//! lot was (or was not) held.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::types::{FailureRecord, LotFacts, PlanVerdict, ProductFacts};

/// How much of the stock a failed inspection stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum HoldScope {
    /// The whole lot: nothing of it ships until a quality lead releases it.
    Lot,
    /// Only the failed serials; the lot's other units ship. A product without serials, or a
    /// failure naming none, holds the lot instead (nothing else says which units failed).
    Serials,
    /// No hold: the failure is recorded (and the quality lead told when asked).
    None,
}

/// The reaction to a failed inspection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FailureReaction {
    pub hold: HoldScope,
    /// Flag the failure for the quality lead.
    pub notify: bool,
}

/// The rule when neither the product nor its category says otherwise: what Lotline always did.
pub const GLOBAL_REACTION: FailureReaction = FailureReaction { hold: HoldScope::Lot, notify: false };

/// Where the reaction applied came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReactionSource {
    Product,
    Category,
    Global,
}

/// The reaction as it was applied to one failure: what was held (after falling back to the lot
/// where serials could not be held alone) and whether the quality lead is to be told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AppliedReaction {
    /// What the setting asked for.
    pub setting: FailureReaction,
    pub source: ReactionSource,
    /// What was held: the lot, the failed serials, or nothing (also when the inspection accepted
    /// the lot or no known lot was named).
    pub held: HoldScope,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub held_serials: Vec<String>,
    /// The failure is flagged for the quality lead. A hook for a notifications inbox: it reads
    /// failures whose reaction notifies.
    pub notify: bool,
}

impl FailureReaction {
    /// The reaction as one code, as the setting's choices and product files spell it: what is
    /// held (`lot`, `serials`, `none`), with `_notify` when the quality lead is told.
    pub fn code(self) -> String {
        let hold = match self.hold {
            HoldScope::Lot => "lot",
            HoldScope::Serials => "serials",
            HoldScope::None => "none",
        };
        if self.notify { format!("{hold}_notify") } else { hold.to_owned() }
    }

    /// The reaction a code names (any letter case), or None for a code that names none.
    pub fn parse_code(code: &str) -> Option<FailureReaction> {
        let code = code.trim().to_ascii_lowercase();
        let (hold, notify) = match code.strip_suffix("_notify") {
            Some(hold) => (hold, true),
            None => (code.as_str(), false),
        };
        let hold = match hold {
            "lot" => HoldScope::Lot,
            "serials" => HoldScope::Serials,
            "none" => HoldScope::None,
            _ => return None,
        };
        Some(FailureReaction { hold, notify })
    }
}

/// The product's own reaction, else its category's, else the global rule.
pub fn resolve_reaction(
    product: Option<FailureReaction>,
    category: Option<FailureReaction>,
) -> (FailureReaction, ReactionSource) {
    match (product, category) {
        (Some(r), _) => (r, ReactionSource::Product),
        (None, Some(r)) => (r, ReactionSource::Category),
        (None, None) => (GLOBAL_REACTION, ReactionSource::Global),
    }
}

/// What logging `record` does under `setting`: an inspection that accepted the lot reacts only
/// when the inspector asks to hold it; a lot Lotline does not know is never held (a typo must
/// not create one); serials are held alone only for a serial-tracked product with failed serials.
pub fn apply_reaction(
    record: &FailureRecord,
    product: &ProductFacts,
    lot: Option<&LotFacts>,
    hold_when_accepted: bool,
    setting: FailureReaction,
    source: ReactionSource,
) -> AppliedReaction {
    let accepted = record.inspection.as_ref().is_some_and(|i| i.verdict == PlanVerdict::Accept);
    let reacts = !accepted || hold_when_accepted;
    // Asking to hold an accepted lot is asking for the lot, whatever the setting says.
    let wanted = if accepted { HoldScope::Lot } else { setting.hold };
    let held = match wanted {
        _ if !reacts || lot.is_none() || record.lot_code.is_none() => HoldScope::None,
        HoldScope::Serials if !product.serial_tracked || record.serials.is_empty() => HoldScope::Lot,
        scope => scope,
    };
    AppliedReaction {
        setting,
        source,
        held,
        held_serials: if held == HoldScope::Serials { record.serials.clone() } else { Vec::new() },
        notify: reacts && setting.notify,
    }
}
