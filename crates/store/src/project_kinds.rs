//! Which projector owns which event, as patterns. Each projector matches its own events by name and
//! the others' through these, never through a wildcard: a new event that no list names fails to
//! compile in `project::one` and in every projector until someone decides where it goes. Events of
//! kinds a newer Lotline wrote never get here (the log keeps them undecoded, see docs/sync.md).

/// Projected by `project::one` itself, one event at a time: each of these three by one function.
macro_rules! core_events {
    () => {
        $crate::project_kinds::settings_events!()
            | $crate::project_kinds::record_events!()
            | $crate::project_kinds::failure_events!()
    };
}

/// Settings, users and their credentials.
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

/// Locations, defect categories, product categories' reactions, attachments, checklists, bills of materials, resolved conflicts.
macro_rules! record_events {
    () => {
        lotline_domain::Event::DefectCategorySaved(_)
            | lotline_domain::Event::CategoryReactionSet { .. }
            | lotline_domain::Event::LocationSaved(_)
            | lotline_domain::Event::AttachmentStored { .. }
            | lotline_domain::Event::ChecklistItemAdded { .. }
            | lotline_domain::Event::BomSaved { .. }
            | lotline_domain::Event::ConflictResolved { .. }
    };
}

/// A logged failure's later steps (its logging is batched); its disposition lines are projected
/// by `project_failure_lines`.
macro_rules! failure_events {
    () => {
        lotline_domain::Event::FailureCorrected { .. }
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

/// Projected in runs by `project::apply` through `bulk_writer` (master data, failures, lots).
macro_rules! batched_events {
    () => {
        lotline_domain::Event::ProductSaved(_)
            | lotline_domain::Event::VendorSaved(_)
            | lotline_domain::Event::CustomerSaved(_)
            | lotline_domain::Event::OrderRecorded(_)
            | lotline_domain::Event::ProductsImported { .. }
            | lotline_domain::Event::VendorsImported { .. }
            | lotline_domain::Event::CustomersImported { .. }
            | lotline_domain::Event::OrdersImported { .. }
            | lotline_domain::Event::FailureLogged { .. }
            | lotline_domain::Event::LotsReceived { .. }
            | lotline_domain::Event::LotsLinked { .. }
            | lotline_domain::Event::LotsShipped { .. }
            | lotline_domain::Event::SerialsRecorded { .. }
    };
}

/// Projected by `project_recalls`: holds, moves and recalls.
macro_rules! recall_events {
    () => {
        lotline_domain::Event::LotHoldPlaced { .. }
            | lotline_domain::Event::LotHoldReleased { .. }
            | lotline_domain::Event::LotMoved { .. }
            | lotline_domain::Event::RecallStarted(_)
            | lotline_domain::Event::RecallCustomerNotified { .. }
            | lotline_domain::Event::RecallClosed { .. }
    };
}

/// Projected by `project_reshipments` (the approval policy and chargebacks too).
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

/// Projected by `project_returns` (the return policy too).
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

/// Projected by `project_reviews`: the review's settings, ratings and safety stock.
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

/// Projected by `project_scars`: SCARs and the chargebacks of a failure's costs and of units sent
/// back to their vendor from the refurbishment queue.
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

/// Projected by `project_production`: work orders, their blocks, and customer complaints.
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

pub(crate) use {
    batched_events, core_events, failure_events, production_events, recall_events, record_events, reshipment_events,
    return_events, review_events, scar_events, settings_events,
};
