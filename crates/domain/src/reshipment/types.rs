use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use crate::approval::{Approval, RoleLimit};
use crate::people::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReshipmentStatus {
    Requested,
    Authorized,
    Rejected,
    Shipped,
    Delivered,
    Cancelled,
}

impl ReshipmentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ReshipmentStatus::Requested => "requested",
            ReshipmentStatus::Authorized => "authorized",
            ReshipmentStatus::Rejected => "rejected",
            ReshipmentStatus::Shipped => "shipped",
            ReshipmentStatus::Delivered => "delivered",
            ReshipmentStatus::Cancelled => "cancelled",
        }
    }

    /// Rejected and cancelled reshipments no longer claim any failed quantity.
    pub fn is_active(self) -> bool {
        !matches!(self, ReshipmentStatus::Rejected | ReshipmentStatus::Cancelled)
    }
}

/// Who bears the cost: we do, or the vendor through a chargeback claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Payer {
    Us,
    Vendor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Carrier {
    Dhl,
    Ups,
    Fedex,
    Postnl,
    Dpd,
    Gls,
    SfExpress,
    Other,
}

impl Carrier {
    pub const ALL: [Carrier; 8] = [
        Carrier::Dhl,
        Carrier::Ups,
        Carrier::Fedex,
        Carrier::Postnl,
        Carrier::Dpd,
        Carrier::Gls,
        Carrier::SfExpress,
        Carrier::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Carrier::Dhl => "dhl",
            Carrier::Ups => "ups",
            Carrier::Fedex => "fedex",
            Carrier::Postnl => "postnl",
            Carrier::Dpd => "dpd",
            Carrier::Gls => "gls",
            Carrier::SfExpress => "sf_express",
            Carrier::Other => "other",
        }
    }

    /// The name printed on documents.
    pub fn display_name(self) -> &'static str {
        match self {
            Carrier::Dhl => "DHL",
            Carrier::Ups => "UPS",
            Carrier::Fedex => "FedEx",
            Carrier::Postnl => "PostNL",
            Carrier::Dpd => "DPD",
            Carrier::Gls => "GLS",
            Carrier::SfExpress => "SF Express",
            Carrier::Other => "—",
        }
    }
}

/// What a reshipment costs, in integer minor units of one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Cost {
    pub shipping_minor: i64,
    pub goods_minor: i64,
    pub currency: String,
}

impl Cost {
    /// Saturating: a sum that overflows is refused by validation long before it matters.
    pub fn total_minor(&self) -> i64 {
        self.shipping_minor.saturating_add(self.goods_minor)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ShipTo {
    pub name: String,
    pub address: String,
    pub country: String,
}

/// One order line sent again: which line, how many, and the replacement lot or serials.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReshipmentItem {
    pub line_no: i64,
    pub sku: String,
    pub qty: i64,
    #[serde(default)]
    pub lot_code: Option<String>,
    #[serde(default)]
    pub serials: Vec<String>,
}

/// Who may authorize what, and how fast an authorized reshipment must ship. An admin sets it;
/// limits are in the installation's currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ApprovalPolicy {
    pub currency: String,
    /// Roles missing here cannot approve reshipments.
    pub limits: Vec<RoleLimit>,
    /// Above this total two different approvers are needed, one of them from finance.
    pub dual_control_above_minor: i64,
    /// The reshipment ships within this many working days (Monday to Friday) of authorization.
    pub ship_within_working_days: u32,
    /// Who may pay out refunds and store credit, in the same currency. Policies saved before
    /// settlements needed approval have none: the defaults apply to them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub settlements: Option<SettlementLimits>,
}

/// The approval limits of refunds and store credit: the same model as reshipments', with its
/// own figures, since an analyst who may refund a cable may not send a pallet again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SettlementLimits {
    /// Roles missing here cannot approve refunds or store credit.
    pub limits: Vec<RoleLimit>,
    /// Above this amount two different approvers are needed, one of them from finance.
    pub dual_control_above_minor: i64,
}

/// Returns analysts up to 100.00, finance up to 1,000.00, admin without limit.
pub const DEFAULT_SETTLEMENT_LIMITS: &[RoleLimit] = &[
    RoleLimit { role: Role::ReturnsAnalyst, limit_minor: Some(10_000) },
    RoleLimit { role: Role::Finance, limit_minor: Some(100_000) },
    RoleLimit { role: Role::Admin, limit_minor: None },
];

/// Above 500.00 a refund or credit needs two approvers, one of them from finance.
pub const DEFAULT_SETTLEMENT_DUAL_CONTROL_MINOR: i64 = 50_000;

impl SettlementLimits {
    pub fn defaults() -> Self {
        SettlementLimits {
            limits: DEFAULT_SETTLEMENT_LIMITS.to_vec(),
            dual_control_above_minor: DEFAULT_SETTLEMENT_DUAL_CONTROL_MINOR,
        }
    }
}

impl ApprovalPolicy {
    /// Logistics up to 50.00, finance up to 1,000.00, admin without limit; two approvers above 500.00.
    pub fn default_for(currency: &str) -> Self {
        ApprovalPolicy {
            currency: currency.to_owned(),
            limits: vec![
                RoleLimit { role: Role::Logistics, limit_minor: Some(5_000) },
                RoleLimit { role: Role::VendorManager, limit_minor: Some(20_000) },
                RoleLimit { role: Role::QualityLead, limit_minor: Some(20_000) },
                RoleLimit { role: Role::Finance, limit_minor: Some(100_000) },
                RoleLimit { role: Role::Admin, limit_minor: None },
            ],
            dual_control_above_minor: 50_000,
            ship_within_working_days: 2,
            settlements: Some(SettlementLimits::defaults()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ChargebackStatus {
    Open,
    Accepted,
    Disputed,
    Recovered,
    /// Given up on, with the reason in the update's note: final, as recovered is.
    WrittenOff,
}

impl ChargebackStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ChargebackStatus::Open => "open",
            ChargebackStatus::Accepted => "accepted",
            ChargebackStatus::Disputed => "disputed",
            ChargebackStatus::Recovered => "recovered",
            ChargebackStatus::WrittenOff => "written_off",
        }
    }
}

/// A claim against the vendor for a reshipment the vendor pays for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Chargeback {
    pub vendor_code: String,
    pub amount_minor: i64,
    pub currency: String,
    pub status: ChargebackStatus,
    pub recovered_minor: i64,
}

/// Whose move it is: the team that owns the next step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Queue {
    Finance,
    Logistics,
    VendorManagement,
}

impl Queue {
    /// The queue a person works from: that of their first role owning one (finance approves,
    /// logistics ships, vendor management chases chargebacks); none for the other roles.
    pub fn of_roles(roles: &[Role]) -> Option<Queue> {
        roles.iter().find_map(|role| match role {
            Role::Finance => Some(Queue::Finance),
            Role::Logistics => Some(Queue::Logistics),
            Role::VendorManager => Some(Queue::VendorManagement),
            _ => None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Queue::Finance => "finance",
            Queue::Logistics => "logistics",
            Queue::VendorManagement => "vendor_management",
        }
    }
}

/// Where a reshipment stands against its due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SlaState {
    OnTrack,
    AtRisk,
    Overdue,
    ShippedOnTime,
    ShippedLate,
    Closed,
}
