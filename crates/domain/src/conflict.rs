//! The ways out of a conflict that merging desks' logs opened (DESIGN.md §6): which resolutions
//! each kind offers, which need a written note, and who may choose them. Decided here, so the
//! desk's act and any other host agree on what a resolution may be.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::people::Permission;
use crate::{ApiError, FieldError};

/// What kind of rule the merged facts broke together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ConflictKind {
    StockBelowZero,
    ShippedWhileHeld,
    SerialRecordedTwice,
    LotReceivedTwice,
    MasterOverwritten,
    RecallScopeGrew,
    /// Disposition lines added on two desks at once hold more units than the failure failed.
    DispositionsOverAssigned,
}

impl ConflictKind {
    pub const ALL: [ConflictKind; 7] = [
        ConflictKind::StockBelowZero,
        ConflictKind::ShippedWhileHeld,
        ConflictKind::SerialRecordedTwice,
        ConflictKind::LotReceivedTwice,
        ConflictKind::MasterOverwritten,
        ConflictKind::RecallScopeGrew,
        ConflictKind::DispositionsOverAssigned,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ConflictKind::StockBelowZero => "stock_below_zero",
            ConflictKind::ShippedWhileHeld => "shipped_while_held",
            ConflictKind::SerialRecordedTwice => "serial_recorded_twice",
            ConflictKind::LotReceivedTwice => "lot_received_twice",
            ConflictKind::MasterOverwritten => "master_overwritten",
            ConflictKind::RecallScopeGrew => "recall_scope_grew",
            ConflictKind::DispositionsOverAssigned => "dispositions_over_assigned",
        }
    }

    pub fn parse(text: &str) -> Option<ConflictKind> {
        ConflictKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// How a person settles a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Resolution {
    /// The units taken twice never existed: the lot's stock is adjusted up by what is missing.
    WriteOffDifference,
    /// Someone counts the lot before anything is adjusted.
    RecountLater,
    KeepHold,
    /// The lot's holds named in the conflict are lifted in the same act.
    ReleaseHold,
    KeepBothNoted,
    AcceptStandingVersion,
    /// The lost save is saved again, as a new save of the record, in the same act.
    RestoreLostVersion,
    Acknowledge,
}

impl Resolution {
    pub fn as_str(self) -> &'static str {
        match self {
            Resolution::WriteOffDifference => "write_off_difference",
            Resolution::RecountLater => "recount_later",
            Resolution::KeepHold => "keep_hold",
            Resolution::ReleaseHold => "release_hold",
            Resolution::KeepBothNoted => "keep_both_noted",
            Resolution::AcceptStandingVersion => "accept_standing_version",
            Resolution::RestoreLostVersion => "restore_lost_version",
            Resolution::Acknowledge => "acknowledge",
        }
    }

    /// Whether the person must say why: a stock write-off and a released hold are decisions an
    /// auditor asks about, and "recount later" or "keep both" are only worth something with what
    /// was found or agreed.
    pub fn needs_note(self) -> bool {
        matches!(
            self,
            Resolution::WriteOffDifference
                | Resolution::RecountLater
                | Resolution::ReleaseHold
                | Resolution::KeepBothNoted
        )
    }
}

/// The resolutions a conflict of `kind` offers, the safer first.
pub fn ways_out(kind: ConflictKind) -> &'static [Resolution] {
    use Resolution as R;
    match kind {
        ConflictKind::StockBelowZero => &[R::RecountLater, R::WriteOffDifference],
        ConflictKind::ShippedWhileHeld => &[R::KeepHold, R::ReleaseHold],
        ConflictKind::SerialRecordedTwice | ConflictKind::LotReceivedTwice => &[R::KeepBothNoted],
        ConflictKind::MasterOverwritten => &[R::AcceptStandingVersion, R::RestoreLostVersion],
        // A widened recall stands whatever anyone decides: safety first.
        ConflictKind::RecallScopeGrew => &[R::Acknowledge],
        // The lines themselves are settled on the failure (a line withdrawn): no line may be
        // completed while they hold too much. The note says which desk's line stood.
        ConflictKind::DispositionsOverAssigned => &[R::KeepBothNoted],
    }
}

/// Stock is counted and moved by logistics too; the other kinds are a quality lead's call.
pub fn permission_for(kind: ConflictKind) -> Permission {
    match kind {
        ConflictKind::StockBelowZero => Permission::ResolveStockConflicts,
        _ => Permission::ResolveConflicts,
    }
}

/// Whether `resolution` settles a conflict of `kind`, with the note it needs.
pub fn check_resolution(kind: ConflictKind, resolution: Resolution, note: &str) -> Result<(), ApiError> {
    if !ways_out(kind).contains(&resolution) {
        return Err(ApiError::conflict("error.conflict.resolution_not_offered")
            .with("kind", kind.as_str())
            .with("resolution", resolution.as_str()));
    }
    if resolution.needs_note() && note.trim().is_empty() {
        return Err(ApiError::field(
            FieldError::new("note", "error.conflict.note_required").with("resolution", resolution.as_str()),
        ));
    }
    let mut v = crate::Violations::default();
    v.max_len("note", note, crate::limits::REASON);
    v.into_result()
}

/// Units put back on a lot whose stock merged below zero, so it stands at zero again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockWriteOff {
    pub lot_code: String,
    pub qty: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_offers_a_way_out_and_only_its_own() {
        for kind in ConflictKind::ALL {
            assert_eq!(ConflictKind::parse(kind.as_str()), Some(kind));
            assert!(!ways_out(kind).is_empty(), "{kind:?}");
        }
        assert_eq!(ways_out(ConflictKind::StockBelowZero), [Resolution::RecountLater, Resolution::WriteOffDifference]);
        assert_eq!(ways_out(ConflictKind::ShippedWhileHeld), [Resolution::KeepHold, Resolution::ReleaseHold]);
        assert_eq!(ways_out(ConflictKind::SerialRecordedTwice), [Resolution::KeepBothNoted]);
        assert_eq!(ways_out(ConflictKind::LotReceivedTwice), [Resolution::KeepBothNoted]);
        assert_eq!(
            ways_out(ConflictKind::MasterOverwritten),
            [Resolution::AcceptStandingVersion, Resolution::RestoreLostVersion]
        );
        assert_eq!(ways_out(ConflictKind::RecallScopeGrew), [Resolution::Acknowledge]);
        assert_eq!(ConflictKind::parse("stock_above_zero"), None);
    }

    #[test]
    fn a_resolution_another_kind_offers_is_refused() {
        let err =
            check_resolution(ConflictKind::RecallScopeGrew, Resolution::WriteOffDifference, "counted").unwrap_err();
        assert_eq!(err.message_key, "error.conflict.resolution_not_offered");
        assert_eq!(err.params["resolution"], "write_off_difference");
        let err = check_resolution(ConflictKind::StockBelowZero, Resolution::ReleaseHold, "x").unwrap_err();
        assert_eq!(err.message_key, "error.conflict.resolution_not_offered");
    }

    #[test]
    fn notes_are_required_where_a_decision_needs_its_reason() {
        let err = check_resolution(ConflictKind::SerialRecordedTwice, Resolution::KeepBothNoted, "  ").unwrap_err();
        assert_eq!((err.message_key.as_str(), err.fields[0].field.as_str()), ("error.conflict.note_required", "note"));
        assert!(check_resolution(ConflictKind::SerialRecordedTwice, Resolution::KeepBothNoted, "Relabelled").is_ok());
        assert!(check_resolution(ConflictKind::ShippedWhileHeld, Resolution::KeepHold, "").is_ok());
        assert!(check_resolution(ConflictKind::ShippedWhileHeld, Resolution::ReleaseHold, "").is_err());
        assert!(check_resolution(ConflictKind::RecallScopeGrew, Resolution::Acknowledge, "").is_ok());
        assert!(check_resolution(ConflictKind::MasterOverwritten, Resolution::RestoreLostVersion, "").is_ok());
        let long = "x".repeat(2_001);
        assert!(check_resolution(ConflictKind::RecallScopeGrew, Resolution::Acknowledge, &long).is_err());
    }

    #[test]
    fn logistics_may_settle_stock_but_not_the_rest() {
        use crate::people::Role;
        let stock = permission_for(ConflictKind::StockBelowZero).allowed_roles();
        assert!(stock.contains(&Role::Logistics) && stock.contains(&Role::QualityLead));
        for kind in ConflictKind::ALL.into_iter().filter(|k| *k != ConflictKind::StockBelowZero) {
            let roles = permission_for(kind).allowed_roles();
            assert!(!roles.contains(&Role::Logistics), "{kind:?}");
            assert!(roles.contains(&Role::Admin) && roles.contains(&Role::QualityLead), "{kind:?}");
        }
    }

    #[test]
    fn a_conflict_is_resolved_once_in_the_team_s_order() {
        let resolved = |resolution, note: &str| crate::Event::ConflictResolved {
            conflict_key: "stock_below_zero/L-1".into(),
            opening: 0,
            resolution,
            note: note.into(),
            write_off: None,
        };
        let first = resolved(Resolution::RecountLater, "Count on Monday");
        assert_eq!(first.stream(), ("conflict", "stock_below_zero/L-1".to_owned()));
        assert!(crate::merge::recheck(&[], &first).is_ok());
        assert!(crate::merge::recheck(std::slice::from_ref(&first), &first).is_ok(), "the same act again");
        let other_desk = resolved(Resolution::WriteOffDifference, "Never arrived");
        let err = crate::merge::recheck(std::slice::from_ref(&first), &other_desk).unwrap_err();
        assert_eq!(err.message_key, "error.sync.already_claimed");
        // Opened again after it was resolved, it is resolved again, in a stream of its own.
        let reopened = crate::Event::ConflictResolved {
            conflict_key: "stock_below_zero/L-1".into(),
            opening: 1,
            resolution: Resolution::WriteOffDifference,
            note: "Short again".into(),
            write_off: None,
        };
        assert_eq!(reopened.stream(), ("conflict", "stock_below_zero/L-1#1".to_owned()));
        assert!(crate::merge::recheck(&[], &reopened).is_ok());
    }
}
