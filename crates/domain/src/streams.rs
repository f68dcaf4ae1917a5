//! Which events belong to which stream, one list each, as patterns. The store's projectors and the
//! app's history both match through these lists and never through a wildcard: a new event that no
//! list names fails to compile in both until someone decides where it is projected and what its
//! history entry tells. A list may only grow with an event of its own stream.

/// Settings, users, their credentials and preferences.
#[macro_export]
macro_rules! settings_events {
    () => {
        $crate::Event::SettingsInitialized { .. }
            | $crate::Event::UserCreated { .. }
            | $crate::Event::UserPasswordSet { .. }
            | $crate::Event::UserUpdated { .. }
            | $crate::Event::UserPasswordReset { .. }
            | $crate::Event::UserLanguageSet { .. }
            | $crate::Event::NotificationPreferencesSet { .. }
            | $crate::Event::LogCheckAccepted { .. }
            | $crate::Event::SessionPolicySet { .. }
            | $crate::Event::SiteCalendarSet(_)
    };
}

/// Locations, defect categories, product categories' reactions, attachments, checklists, bills of
/// materials, resolved conflicts.
#[macro_export]
macro_rules! record_events {
    () => {
        $crate::Event::DefectCategorySaved(_)
            | $crate::Event::CategoryReactionSet { .. }
            | $crate::Event::LocationSaved(_)
            | $crate::Event::AttachmentStored { .. }
            | $crate::Event::ChecklistItemAdded { .. }
            | $crate::Event::BomSaved { .. }
            | $crate::Event::ConflictResolved { .. }
    };
}

/// Products, vendors, customers and orders, one at a time or imported.
#[macro_export]
macro_rules! master_events {
    () => {
        $crate::Event::ProductSaved(_)
            | $crate::Event::VendorSaved(_)
            | $crate::Event::CustomerSaved(_)
            | $crate::Event::OrderRecorded(_)
            | $crate::Event::ProductsImported { .. }
            | $crate::Event::VendorsImported { .. }
            | $crate::Event::CustomersImported { .. }
            | $crate::Event::OrdersImported { .. }
    };
}

/// A logged failure's later steps: corrections, dispositions and their lines (its logging,
/// `FailureLogged`, stands apart: the store projects it in batches).
#[macro_export]
macro_rules! failure_step_events {
    () => {
        $crate::Event::FailureCorrected { .. }
            | $crate::Event::FailureDispositionSet { .. }
            | $crate::Event::FailureDispositionCompleted { .. }
            | $crate::Event::FailureDeviationApproved { .. }
            | $crate::Event::FailureReinspected { .. }
            | $crate::Event::FailureDispositionLineAdded { .. }
            | $crate::Event::FailureDispositionLineCompleted { .. }
            | $crate::Event::FailureDispositionLineApproved { .. }
            | $crate::Event::FailureDispositionLineWithdrawn { .. }
    };
}

/// Lots received, linked and shipped, and serials recorded.
#[macro_export]
macro_rules! lot_events {
    () => {
        $crate::Event::LotsReceived { .. }
            | $crate::Event::LotsLinked { .. }
            | $crate::Event::LotsShipped { .. }
            | $crate::Event::SerialsRecorded { .. }
    };
}

/// Holds, moves and recalls.
#[macro_export]
macro_rules! recall_events {
    () => {
        $crate::Event::LotHoldPlaced { .. }
            | $crate::Event::LotHoldReleased { .. }
            | $crate::Event::LotMoved { .. }
            | $crate::Event::RecallStarted(_)
            | $crate::Event::RecallCustomerNotified { .. }
            | $crate::Event::RecallClosed { .. }
    };
}

/// Reshipments, their chargebacks, and the approval policy.
#[macro_export]
macro_rules! reshipment_events {
    () => {
        $crate::Event::ApprovalPolicySet(_)
            | $crate::Event::ReshipmentRequested(_)
            | $crate::Event::ReshipmentAmended { .. }
            | $crate::Event::ReshipmentApproved { .. }
            | $crate::Event::ReshipmentAuthorized { .. }
            | $crate::Event::ReshipmentRejected { .. }
            | $crate::Event::ReshipmentShipped { .. }
            | $crate::Event::ReshipmentDelivered { .. }
            | $crate::Event::ReshipmentCancelled { .. }
            | $crate::Event::ChargebackUpdated { .. }
    };
}

/// Returns (RMAs) and the return policy.
#[macro_export]
macro_rules! return_events {
    () => {
        $crate::Event::ReturnPolicySet(_)
            | $crate::Event::RmaOpened(_)
            | $crate::Event::RmaApproved { .. }
            | $crate::Event::RmaRejected { .. }
            | $crate::Event::RmaSuspended { .. }
            | $crate::Event::RmaLabelPrinted { .. }
            | $crate::Event::RmaLabelFailed { .. }
            | $crate::Event::RmaInTransit { .. }
            | $crate::Event::RmaReceived { .. }
            | $crate::Event::RmaInspected { .. }
            | $crate::Event::RmaRefurbished { .. }
            | $crate::Event::RmaSettled { .. }
            | $crate::Event::RmaCreditIssued { .. }
            | $crate::Event::RmaPayoutRequested { .. }
            | $crate::Event::RmaPayoutApproved { .. }
            | $crate::Event::RmaCancelled { .. }
            | $crate::Event::RmaFailureLogged { .. }
            | $crate::Event::RmaCostRecorded { .. }
    };
}

/// The reviews' settings, inspections under AQL switching, ratings and safety stock.
#[macro_export]
macro_rules! review_events {
    () => {
        $crate::Event::KpiTargetsSet(_)
            | $crate::Event::AqlSwitchingSet { .. }
            | $crate::Event::LotInspectionRecorded { .. }
            | $crate::Event::AqlInspectionResumed { .. }
            | $crate::Event::ScorecardSettingsSet(_)
            | $crate::Event::VendorRated { .. }
            | $crate::Event::VendorReviewed { .. }
            | $crate::Event::SafetyStockSet { .. }
    };
}

/// SCARs and the chargebacks of a failure's costs and of units sent back to their vendor from the
/// refurbishment queue.
#[macro_export]
macro_rules! scar_events {
    () => {
        $crate::Event::ScarOpened(_)
            | $crate::Event::ScarAdvanced { .. }
            | $crate::Event::FailureChargebackRecorded { .. }
            | $crate::Event::FailureChargebackSettled { .. }
            | $crate::Event::RmaChargebackRecorded { .. }
            | $crate::Event::RmaChargebackSettled { .. }
    };
}

/// Work orders, their blocks, and customer complaints.
#[macro_export]
macro_rules! production_events {
    () => {
        $crate::Event::WorkOrderPlanned(_)
            | $crate::Event::WorkOrderStarted { .. }
            | $crate::Event::WorkOrderCompleted { .. }
            | $crate::Event::WorkOrderBlocked { .. }
            | $crate::Event::WorkOrderBlockDecided { .. }
            | $crate::Event::ComplaintOpened(_)
            | $crate::Event::ComplaintAdvanced { .. }
    };
}

/// Every event is in exactly one list (or is `FailureLogged`): an event in two lists makes an arm
/// unreachable, which clippy denies, and one in none leaves this match non-exhaustive.
#[cfg(test)]
fn stream_of(event: &crate::Event) -> &'static str {
    match event {
        settings_events!() => "settings",
        record_events!() => "records",
        master_events!() => "master",
        crate::Event::FailureLogged { .. } | failure_step_events!() => "failures",
        lot_events!() => "lots",
        recall_events!() => "recalls",
        reshipment_events!() => "reshipments",
        return_events!() => "returns",
        review_events!() => "reviews",
        scar_events!() => "scars",
        production_events!() => "production",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_reshipment_event_is_in_the_reshipments_stream() {
        let event: crate::Event = serde_json::from_value(serde_json::json!({
            "kind": "reshipment_cancelled", "reshipment_no": "RS-1", "reason": "customer withdrew"
        }))
        .unwrap();
        assert_eq!(super::stream_of(&event), "reshipments");
    }
}
