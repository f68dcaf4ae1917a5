//! Which part of the history tells which event, as patterns. `told` routes by these, and each
//! part matches its own events by name and the others' through these, never through a wildcard:
//! a new event that no list names fails to compile until someone decides what its entry tells.

/// A failure's logging, corrections, dispositions and their lines.
macro_rules! failure_events {
    () => {
        lotline_domain::Event::FailureLogged { .. }
            | lotline_domain::Event::FailureCorrected { .. }
            | lotline_domain::Event::FailureDispositionSet { .. }
            | lotline_domain::Event::FailureDispositionCompleted { .. }
            | lotline_domain::Event::FailureDeviationApproved { .. }
            | lotline_domain::Event::FailureReinspected { .. }
            | lotline_domain::Event::FailureDispositionLineAdded { .. }
            | lotline_domain::Event::FailureDispositionLineCompleted { .. }
            | lotline_domain::Event::FailureDispositionLineApproved { .. }
            | lotline_domain::Event::FailureDispositionLineWithdrawn { .. }
    };
}

/// Lots, serials, their holds and moves, and recalls.
macro_rules! lot_events {
    () => {
        lotline_domain::Event::LotsReceived { .. }
            | lotline_domain::Event::LotsLinked { .. }
            | lotline_domain::Event::LotsShipped { .. }
            | lotline_domain::Event::SerialsRecorded { .. }
            | lotline_domain::Event::LotHoldPlaced { .. }
            | lotline_domain::Event::LotHoldReleased { .. }
            | lotline_domain::Event::LotMoved { .. }
            | lotline_domain::Event::RecallStarted(_)
            | lotline_domain::Event::RecallCustomerNotified { .. }
            | lotline_domain::Event::RecallClosed { .. }
    };
}

/// Products, vendors, customers, orders, categories, locations, attachments, checklists, bills of
/// materials and resolved conflicts.
macro_rules! master_data_events {
    () => {
        lotline_domain::Event::ProductSaved(_)
            | lotline_domain::Event::VendorSaved(_)
            | lotline_domain::Event::CustomerSaved(_)
            | lotline_domain::Event::OrderRecorded(_)
            | lotline_domain::Event::ProductsImported { .. }
            | lotline_domain::Event::VendorsImported { .. }
            | lotline_domain::Event::CustomersImported { .. }
            | lotline_domain::Event::OrdersImported { .. }
            | lotline_domain::Event::DefectCategorySaved(_)
            | lotline_domain::Event::CategoryReactionSet { .. }
            | lotline_domain::Event::LocationSaved(_)
            | lotline_domain::Event::AttachmentStored { .. }
            | lotline_domain::Event::ChecklistItemAdded { .. }
            | lotline_domain::Event::BomSaved { .. }
            | lotline_domain::Event::ConflictResolved { .. }
    };
}

/// Work orders, their blocks, and customer complaints.
macro_rules! production_events {
    () => {
        lotline_domain::Event::WorkOrderPlanned(_)
            | lotline_domain::Event::WorkOrderStarted { .. }
            | lotline_domain::Event::WorkOrderCompleted { .. }
            | lotline_domain::Event::WorkOrderBlocked { .. }
            | lotline_domain::Event::WorkOrderBlockDecided { .. }
            | lotline_domain::Event::ComplaintOpened(_)
            | lotline_domain::Event::ComplaintAdvanced { .. }
    };
}

/// Reshipments, their chargebacks, and the approval policy.
macro_rules! reshipment_events {
    () => {
        lotline_domain::Event::ApprovalPolicySet(_)
            | lotline_domain::Event::ReshipmentRequested(_)
            | lotline_domain::Event::ReshipmentAmended { .. }
            | lotline_domain::Event::ReshipmentApproved { .. }
            | lotline_domain::Event::ReshipmentAuthorized { .. }
            | lotline_domain::Event::ReshipmentRejected { .. }
            | lotline_domain::Event::ReshipmentShipped { .. }
            | lotline_domain::Event::ReshipmentDelivered { .. }
            | lotline_domain::Event::ReshipmentCancelled { .. }
            | lotline_domain::Event::ChargebackUpdated { .. }
    };
}

/// Returns (RMAs) and the return policy.
macro_rules! return_events {
    () => {
        lotline_domain::Event::ReturnPolicySet(_)
            | lotline_domain::Event::RmaOpened(_)
            | lotline_domain::Event::RmaApproved { .. }
            | lotline_domain::Event::RmaRejected { .. }
            | lotline_domain::Event::RmaSuspended { .. }
            | lotline_domain::Event::RmaLabelPrinted { .. }
            | lotline_domain::Event::RmaLabelFailed { .. }
            | lotline_domain::Event::RmaInTransit { .. }
            | lotline_domain::Event::RmaReceived { .. }
            | lotline_domain::Event::RmaInspected { .. }
            | lotline_domain::Event::RmaRefurbished { .. }
            | lotline_domain::Event::RmaSettled { .. }
            | lotline_domain::Event::RmaCreditIssued { .. }
            | lotline_domain::Event::RmaPayoutRequested { .. }
            | lotline_domain::Event::RmaPayoutApproved { .. }
            | lotline_domain::Event::RmaCancelled { .. }
            | lotline_domain::Event::RmaFailureLogged { .. }
            | lotline_domain::Event::RmaCostRecorded { .. }
    };
}

/// The reviews' settings, inspections under AQL switching, ratings and safety stock.
macro_rules! review_events {
    () => {
        lotline_domain::Event::KpiTargetsSet(_)
            | lotline_domain::Event::AqlSwitchingSet { .. }
            | lotline_domain::Event::LotInspectionRecorded { .. }
            | lotline_domain::Event::AqlInspectionResumed { .. }
            | lotline_domain::Event::ScorecardSettingsSet(_)
            | lotline_domain::Event::VendorRated { .. }
            | lotline_domain::Event::VendorReviewed { .. }
            | lotline_domain::Event::SafetyStockSet { .. }
    };
}

/// SCARs and the chargebacks of a failure's costs and of units sent back from the refurbishment queue.
macro_rules! scar_events {
    () => {
        lotline_domain::Event::ScarOpened(_)
            | lotline_domain::Event::ScarAdvanced { .. }
            | lotline_domain::Event::FailureChargebackRecorded { .. }
            | lotline_domain::Event::FailureChargebackSettled { .. }
            | lotline_domain::Event::RmaChargebackRecorded { .. }
            | lotline_domain::Event::RmaChargebackSettled { .. }
    };
}

/// Settings, users and their preferences.
macro_rules! settings_events {
    () => {
        lotline_domain::Event::SettingsInitialized { .. }
            | lotline_domain::Event::UserCreated { .. }
            | lotline_domain::Event::UserPasswordSet { .. }
            | lotline_domain::Event::UserUpdated { .. }
            | lotline_domain::Event::UserPasswordReset { .. }
            | lotline_domain::Event::UserLanguageSet { .. }
            | lotline_domain::Event::NotificationPreferencesSet { .. }
            | lotline_domain::Event::LogCheckAccepted { .. }
            | lotline_domain::Event::SessionPolicySet { .. }
            | lotline_domain::Event::SiteCalendarSet(_)
    };
}

pub(super) use {
    failure_events, lot_events, master_data_events, production_events, reshipment_events, return_events, review_events,
    scar_events, settings_events,
};
