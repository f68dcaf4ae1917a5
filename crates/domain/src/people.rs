//! Users, roles and what each role may do. Role checks live here, not in the UI.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ApiError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Role {
    Inspector,
    Logistics,
    ReturnsAnalyst,
    VendorManager,
    Finance,
    QualityLead,
    Admin,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Inspector,
        Role::Logistics,
        Role::ReturnsAnalyst,
        Role::VendorManager,
        Role::Finance,
        Role::QualityLead,
        Role::Admin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Inspector => "inspector",
            Role::Logistics => "logistics",
            Role::ReturnsAnalyst => "returns_analyst",
            Role::VendorManager => "vendor_manager",
            Role::Finance => "finance",
            Role::QualityLead => "quality_lead",
            Role::Admin => "admin",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, Default)]
#[ts(export)]
pub enum Language {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "nl")]
    Nl,
}

impl Language {
    pub fn as_str(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::ZhCn => "zh-CN",
            Language::Nl => "nl",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "en" | "english" => Some(Language::En),
            "zh-cn" | "zh" | "chinese" => Some(Language::ZhCn),
            "nl" | "dutch" => Some(Language::Nl),
            _ => None,
        }
    }
}

/// Things a signed-in person may try to do; each maps to the roles allowed to do it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    ManageUsers,
    EditMasterData,
    ImportData,
    LogFailure,
    ManageFailure,
    /// Correct what a QC failure records (quantities, severity): it moves scorecards and
    /// chargebacks, so only those who inspect.
    CorrectFailure,
    ApproveDeviation,
    ConfigureQuality,
    /// Export customers' contact data (customer lists, a recall's customers): only for the work
    /// that writes to customers.
    ExportCustomerContacts,
    ViewData,
    RequestReshipment,
    ShipReshipment,
    ManageChargeback,
    /// Open SCARs and move them through their steps: vendor management and quality.
    ManageScars,
    ConfigureApprovals,
    OpenRma,
    DecideRma,
    HandleReturns,
    SettleRma,
    ConfigureReturns,
    /// Receive lots, record what went into what, ship lots.
    RecordLots,
    /// Put a lot on hold.
    HoldLots,
    /// Release a hold, and run recalls: the quality lead's call.
    ReleaseHolds,
    /// KPI targets, the vendor scorecard's weights and threshold, safety stock minimums.
    ConfigureReviews,
    /// Record the day's vendor ratings by hand (the app's daily job records them on its own).
    RecordRatings,
    /// Rebuild the projections from the log and verify the log: an administrator's work.
    MaintainLog,
    /// Settle a conflict the merge of desks' logs opened: a quality lead's call.
    ResolveConflicts,
    /// Settle a stock conflict (units taken below zero): logistics counts the stock too.
    ResolveStockConflicts,
    /// Keep the list of stock locations: an administrator's.
    ManageLocations,
    /// Record customer complaints and follow them to closure: whoever speaks with customers,
    /// and quality.
    RecordComplaints,
}

impl Permission {
    /// Every permission, so that a session can tell the UI which it holds: the UI then offers
    /// only what the backend allows, without a copy of the role table.
    pub const ALL: &'static [Permission] = &[
        Permission::ManageUsers,
        Permission::EditMasterData,
        Permission::ImportData,
        Permission::LogFailure,
        Permission::ManageFailure,
        Permission::CorrectFailure,
        Permission::ApproveDeviation,
        Permission::ConfigureQuality,
        Permission::ExportCustomerContacts,
        Permission::ViewData,
        Permission::RequestReshipment,
        Permission::ShipReshipment,
        Permission::ManageChargeback,
        Permission::ManageScars,
        Permission::ConfigureApprovals,
        Permission::OpenRma,
        Permission::DecideRma,
        Permission::HandleReturns,
        Permission::SettleRma,
        Permission::ConfigureReturns,
        Permission::RecordLots,
        Permission::HoldLots,
        Permission::ReleaseHolds,
        Permission::ConfigureReviews,
        Permission::RecordRatings,
        Permission::MaintainLog,
        Permission::ResolveConflicts,
        Permission::ResolveStockConflicts,
        Permission::ManageLocations,
        Permission::RecordComplaints,
    ];

    /// The permission's name as the UI and error messages know it ("configure_quality").
    pub fn name(self) -> &'static str {
        self.key()
    }

    /// The roles that grant this permission.
    pub fn allowed_roles(self) -> &'static [Role] {
        self.allowed()
    }

    fn allowed(self) -> &'static [Role] {
        use Role::*;
        match self {
            Permission::ManageUsers => &[Admin],
            Permission::EditMasterData | Permission::ImportData => {
                &[Admin, QualityLead, VendorManager, Logistics, ReturnsAnalyst]
            }
            Permission::LogFailure => &[Admin, QualityLead, Inspector, ReturnsAnalyst],
            Permission::ManageFailure => &[Admin, QualityLead, Inspector, VendorManager, Logistics],
            Permission::CorrectFailure => &[Admin, QualityLead, Inspector],
            Permission::ExportCustomerContacts => &[Admin, QualityLead, ReturnsAnalyst, Logistics],
            Permission::ApproveDeviation | Permission::ConfigureQuality => &[Admin, QualityLead],
            Permission::ViewData => &Role::ALL,
            Permission::RequestReshipment => &[Admin, QualityLead, Logistics, VendorManager, ReturnsAnalyst, Inspector],
            Permission::ShipReshipment => &[Admin, Logistics],
            Permission::ManageChargeback => &[Admin, Finance, VendorManager],
            Permission::ManageScars => &[Admin, QualityLead, VendorManager],
            Permission::ConfigureApprovals => &[Admin],
            Permission::OpenRma => &[Admin, QualityLead, ReturnsAnalyst, Logistics],
            Permission::DecideRma => &[Admin, QualityLead, ReturnsAnalyst],
            Permission::HandleReturns => &[Admin, ReturnsAnalyst, Logistics],
            Permission::SettleRma => &[Admin, ReturnsAnalyst, Finance],
            Permission::ConfigureReturns => &[Admin, QualityLead],
            Permission::RecordLots => &[Admin, QualityLead, Logistics, Inspector],
            Permission::HoldLots => &[Admin, QualityLead, Inspector, Logistics],
            Permission::ReleaseHolds => &[Admin, QualityLead],
            Permission::ConfigureReviews => &[Admin],
            Permission::RecordRatings => &[Admin, VendorManager],
            Permission::MaintainLog => &[Admin],
            Permission::ResolveConflicts => &[Admin, QualityLead],
            Permission::ResolveStockConflicts => &[Admin, QualityLead, Logistics],
            Permission::ManageLocations => &[Admin],
            Permission::RecordComplaints => &[Admin, QualityLead, ReturnsAnalyst, Logistics, VendorManager],
        }
    }

    fn key(self) -> &'static str {
        match self {
            Permission::ManageUsers => "manage_users",
            Permission::EditMasterData => "edit_master_data",
            Permission::ImportData => "import_data",
            Permission::LogFailure => "log_failure",
            Permission::ManageFailure => "manage_failure",
            Permission::CorrectFailure => "correct_failure",
            Permission::ExportCustomerContacts => "export_customer_contacts",
            Permission::ApproveDeviation => "approve_deviation",
            Permission::ConfigureQuality => "configure_quality",
            Permission::ViewData => "view_data",
            Permission::RequestReshipment => "request_reshipment",
            Permission::ShipReshipment => "ship_reshipment",
            Permission::ManageChargeback => "manage_chargeback",
            Permission::ManageScars => "manage_scars",
            Permission::ConfigureApprovals => "configure_approvals",
            Permission::OpenRma => "open_rma",
            Permission::DecideRma => "decide_rma",
            Permission::HandleReturns => "handle_returns",
            Permission::SettleRma => "settle_rma",
            Permission::ConfigureReturns => "configure_returns",
            Permission::RecordLots => "record_lots",
            Permission::HoldLots => "hold_lots",
            Permission::ReleaseHolds => "release_holds",
            Permission::ConfigureReviews => "configure_reviews",
            Permission::RecordRatings => "record_ratings",
            Permission::MaintainLog => "maintain_log",
            Permission::ResolveConflicts => "resolve_conflicts",
            Permission::ResolveStockConflicts => "resolve_stock_conflicts",
            Permission::ManageLocations => "manage_locations",
            Permission::RecordComplaints => "record_complaints",
        }
    }
}

/// The signed-in person on whose behalf an act runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: String,
    pub username: String,
    pub display_name: String,
    pub roles: Vec<Role>,
}

impl Actor {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    pub fn may(&self, permission: Permission) -> bool {
        permission.allowed().iter().any(|role| self.has(*role))
    }

    /// Whether any one of `permissions` is this person's.
    pub fn may_any(&self, permissions: &[Permission]) -> bool {
        permissions.iter().any(|permission| self.may(*permission))
    }

    /// The names of every permission this person holds.
    pub fn permission_names(&self) -> Vec<String> {
        Permission::ALL.iter().filter(|p| self.may(**p)).map(|p| p.name().to_owned()).collect()
    }

    /// Fails with the roles that would have been allowed, so the UI can say who may do it.
    pub fn require(&self, permission: Permission) -> Result<(), ApiError> {
        if self.may(permission) {
            return Ok(());
        }
        let roles: Vec<&str> = permission.allowed().iter().map(|r| r.as_str()).collect();
        Err(ApiError::forbidden(format!("error.forbidden.{}", permission.key())).with("roles", roles.join(", ")))
    }
}

pub fn validate_username(value: &str) -> Result<(), &'static str> {
    let ok_len = (2..=40).contains(&value.chars().count());
    let ok_chars = value.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'));
    if !ok_len {
        Err("error.user.username_length")
    } else if !ok_chars {
        Err("error.user.username_chars")
    } else {
        Ok(())
    }
}

pub use crate::passwords::validate_password;

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(roles: &[Role]) -> Actor {
        Actor { user_id: "u".into(), username: "u".into(), display_name: "U".into(), roles: roles.to_vec() }
    }

    #[test]
    fn a_session_names_each_permission_once_and_an_inspector_holds_the_inspectors() {
        let names: std::collections::BTreeSet<&str> = Permission::ALL.iter().map(|p| p.name()).collect();
        assert_eq!(names.len(), Permission::ALL.len(), "every permission is listed once");
        let inspector = actor(&[Role::Inspector]).permission_names();
        assert!(inspector.contains(&"log_failure".to_owned()) && inspector.contains(&"view_data".to_owned()));
        assert!(
            !inspector.contains(&"configure_quality".to_owned()) && !inspector.contains(&"manage_users".to_owned())
        );
        let admin = actor(&[Role::Admin]).permission_names();
        assert!(admin.contains(&"configure_quality".to_owned()) && admin.contains(&"manage_users".to_owned()));
    }

    #[test]
    fn only_quality_lead_or_admin_approve_deviation() {
        assert!(actor(&[Role::QualityLead]).may(Permission::ApproveDeviation));
        assert!(actor(&[Role::Admin]).may(Permission::ApproveDeviation));
        let err = actor(&[Role::Inspector]).require(Permission::ApproveDeviation).unwrap_err();
        assert_eq!(err.message_key, "error.forbidden.approve_deviation");
        assert_eq!(err.params["roles"], "admin, quality_lead");
    }

    #[test]
    fn inspector_logs_but_does_not_manage_users() {
        let inspector = actor(&[Role::Inspector]);
        assert!(inspector.may(Permission::LogFailure));
        assert!(!inspector.may(Permission::ManageUsers));
    }

    #[test]
    fn usernames_and_passwords() {
        assert!(validate_username("anna.de-vries").is_ok());
        assert!(validate_username("王伟").is_ok());
        assert_eq!(validate_username("a b"), Err("error.user.username_chars"));
        assert_eq!(validate_password("short"), Err("error.user.password_too_short"));
        assert!(validate_password("long enough still").is_ok());
    }
}
