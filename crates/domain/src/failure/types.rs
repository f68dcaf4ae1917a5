use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::aql::{AqlPlan, InspectionLevel, InspectionSeverity};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Stage {
    Incoming,
    InProcess,
    PreShipment,
    CustomerReturn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Severity {
    Critical,
    Major,
    Minor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Team {
    WarehouseQc,
    Logistics,
    Returns,
    VendorManagement,
    Finance,
    Quality,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Disposition {
    Rework,
    Reinspect,
    /// Destroy / scrap.
    Scrap,
    ReturnToVendor,
    AcceptWithDeviation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FailureStatus {
    /// Logged, no disposition chosen yet.
    Open,
    /// A disposition is chosen and its follow-up is under way.
    InDisposition,
    /// Accept-with-deviation waits for a quality lead.
    AwaitingApproval,
    Closed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InspectionInput {
    pub lot_size: u64,
    pub level: InspectionLevel,
    /// Normal, tightened or reduced, as the switching rules (or the inspector) say. Normal is
    /// left out when written, so records from before the switching rules read back the same.
    #[serde(default, skip_serializing_if = "InspectionSeverity::is_normal")]
    pub inspection: InspectionSeverity,
    pub aql_critical: Option<f64>,
    pub aql_major: Option<f64>,
    pub aql_minor: Option<f64>,
    pub defects_critical: u32,
    pub defects_major: u32,
    pub defects_minor: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PlanVerdict {
    Accept,
    Reject,
}

/// The sampling plan for one severity class and what was found against it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SeverityPlan {
    pub severity: Severity,
    pub aql: f64,
    pub plan: AqlPlan,
    pub found: u32,
    pub verdict: PlanVerdict,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InspectionResult {
    pub input: InspectionInput,
    pub plans: Vec<SeverityPlan>,
    /// Rejected when any severity class's defects exceed its acceptance number.
    pub verdict: PlanVerdict,
}

/// The facts of a failure as logged or last corrected.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FailureRecord {
    pub sku: String,
    pub vendor_code: String,
    pub lot_code: Option<String>,
    /// The serials that failed (for a serial-tracked product).
    pub serials: Vec<String>,
    /// Serials inspected and accepted, on a per-serial inspection: kept so the record shows
    /// which units passed. Records from before per-serial inspection have none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accepted_serials: Vec<String>,
    pub stage: Stage,
    pub qty_inspected: i64,
    pub qty_failed: i64,
    pub category_code: String,
    pub description: String,
    pub severity: Severity,
    pub owner_team: Team,
    pub inspection: Option<InspectionResult>,
    pub attachment_ids: Vec<String>,
}

/// Fields a correction may change; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FailureChanges {
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub qty_inspected: Option<i64>,
    #[serde(default)]
    pub qty_failed: Option<i64>,
    #[serde(default)]
    pub category_code: Option<String>,
    #[serde(default)]
    pub severity: Option<Severity>,
    #[serde(default)]
    pub lot_code: Option<String>,
    #[serde(default)]
    pub stage: Option<Stage>,
    #[serde(default)]
    pub owner_team: Option<Team>,
    #[serde(default)]
    pub serials: Option<Vec<String>>,
    /// The inspection's figures as corrected (sample, AQLs, defects found), evaluated again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub inspection: Option<InspectionInput>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FieldChange {
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// What the product and master data say about a failure being logged or corrected;
/// the app looks these up so the rules here stay pure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductFacts {
    pub sku: String,
    pub lot_tracked: bool,
    pub serial_tracked: bool,
}

/// A lot Lotline knows (received, or named by an earlier record): whose product and vendor it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LotFacts {
    pub lot_code: String,
    pub sku: String,
    pub vendor_code: String,
}

/// A failure folded from its events.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub failure_no: String,
    pub occurred_at: String,
    pub inspector_id: String,
    pub record: FailureRecord,
    pub status: FailureStatus,
    pub disposition: Option<Disposition>,
    pub disposition_note: Option<String>,
    pub outcome: Option<String>,
    pub outcome_qty: Option<i64>,
    pub reinspection_of: Option<String>,
    pub reinspections: Vec<String>,
    /// The failed quantity's dispositions, one line per part (the old single disposition is one
    /// line covering the whole quantity).
    pub lines: Vec<super::lines::DispositionLine>,
    pub version: i64,
}

impl Disposition {
    pub fn as_str(self) -> &'static str {
        match self {
            Disposition::Rework => "rework",
            Disposition::Reinspect => "reinspect",
            Disposition::Scrap => "scrap",
            Disposition::ReturnToVendor => "return_to_vendor",
            Disposition::AcceptWithDeviation => "accept_with_deviation",
        }
    }

    /// The status a failure enters when this disposition is chosen.
    pub fn entry_status(self) -> FailureStatus {
        match self {
            Disposition::AcceptWithDeviation => FailureStatus::AwaitingApproval,
            _ => FailureStatus::InDisposition,
        }
    }
}

macro_rules! snake_names {
    ($($ty:ty),*) => {$(
        impl $ty {
            pub fn name(self) -> String {
                serde_json::to_value(self)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default()
            }
        }
    )*};
}
snake_names!(Stage, Severity, Team, FailureStatus);
