//! Every fact Lotline records. One enum so that the store, rebuild and sync share one vocabulary;
//! the serialised variant name is the event's `kind`.
//!
//! Each variant's `#[kind(...)]` line is all that is declared about the kind elsewhere: the list of
//! its stream (`events = reshipment` puts it in `reshipment_events!()`, which projectors and
//! histories match without a wildcard, so it fails to compile until someone projects it and tells
//! its history; a kind in no list is matched by name), its merge rule (`merge::MergeRule`) and the
//! permissions under which acts write it (any one suffices; `by_policy` when an approval policy
//! names who may). A list only grows with an event of its own stream.

use lotline_domain_macros::EventKinds;
use serde::{Deserialize, Serialize};

use crate::chargeback::{ChargebackSource, FailureChargebackStatus};
use crate::conflict::{Resolution, StockWriteOff};
use crate::failure::{
    AppliedReaction, Disposition, FailureChanges, FailureReaction, FailureRecord, FieldChange, InspectionResult,
    LineCompletion, LineRequest,
};
use crate::lots::{BomComponent, LotLink, LotReceipt, LotShipment, RecallOpening, SerialRecord};
use crate::master::{CustomerInput, OrderInput, ProductInput, VendorInput};
use crate::notify::NotificationPreferences;
use crate::people::{Language, Role};
use crate::production::{
    BlockDecision, ComplaintOpening, ComplaintOutcome, ComplaintStatus, WorkOrderInput, WorkOrderPlan,
};
use crate::reshipment::{Approval, ApprovalPolicy, Carrier, ChargebackStatus, Cost, ReshipmentRequest};
use crate::returns::{
    IntakeCheck, LineDisposition, PayoutRequest, Refurbishment, ReturnPolicy, RmaOpening, Settlement,
};
use crate::review::{KpiTargets, ScorecardSettings};
use crate::scar::{ScarOpening, ScarStatus, ScarStepText};
use crate::settings::{DefectCategory, Location};
use crate::site_time::SiteCalendar;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, EventKinds)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    #[kind(events = settings, rule = UniqueClaim, may = [ManageUsers])]
    SettingsInitialized { company_name: String, site_code: String, currency: String, default_language: Language },
    #[kind(events = settings, rule = UniqueClaim, may = [ManageUsers])]
    UserCreated {
        user_id: String,
        username: String,
        display_name: String,
        roles: Vec<Role>,
        language: Language,
        /// Only in events of schema version 1: the hash now travels in its own local-only
        /// event (`UserPasswordSet`), so that it never leaves the desk with the user.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        password_hash: Option<String>,
    },
    /// A user's password hash: local to the desk that set it, never pushed to a team.
    // A person's own password is theirs to set (checked by the caller).
    #[kind(events = settings, rule = LocalOnly, may = [ManageUsers])]
    UserPasswordSet { user_id: String, password_hash: String },
    #[kind(events = settings, rule = LastWriterWins, may = [ManageUsers])]
    UserUpdated { user_id: String, display_name: String, roles: Vec<Role>, active: bool },
    #[kind(events = settings, rule = LocalOnly, may = [ManageUsers])]
    UserPasswordReset { user_id: String, password_hash: String },
    // A person's own language is theirs to set (checked by the caller).
    #[kind(events = settings, rule = LastWriterWins, may = [ManageUsers])]
    UserLanguageSet { user_id: String, language: Language },
    /// Which kinds of notification a person gets, saved whole by that person; it travels with
    /// the team's log so each of their desks tells them the same.
    // A person's own preferences are theirs to set (checked by the caller).
    #[kind(events = settings, rule = LastWriterWins, may = [ManageUsers])]
    NotificationPreferencesSet { user_id: String, preferences: NotificationPreferences },
    /// An administrator, signed in against the verified part of the log, let the desk go on after
    /// the check at start found the log changed (or its checkpoint key absent). The finding stays
    /// in the log with who accepted it; `rekeyed` when a new checkpoint key was made for the desk.
    #[kind(events = settings, rule = PhysicalFact, may = [MaintainLog])]
    LogCheckAccepted { desk_id: String, finding: String, rekeyed: bool },
    /// How long a session may sit idle before it asks for the password again.
    #[kind(events = settings, rule = LastWriterWins, may = [ManageUsers])]
    SessionPolicySet { idle_lock_minutes: u32 },
    /// The site's time zone and holidays, saved whole; the first one confirms the zone a desk
    /// took from its computer.
    #[kind(events = settings, rule = LastWriterWins, may = [ManageUsers])]
    SiteCalendarSet(SiteCalendar),
    /// A lot that passed inspection with no failure to log: the switching rules count it as
    /// accepted, as they count a failure's inspection.
    // Merged as a physical fact: the inspection happened.
    #[kind(events = review, rule = PhysicalFact, may = [LogFailure])]
    LotInspectionRecorded {
        inspection_id: String,
        sku: String,
        vendor_code: String,
        #[serde(default)]
        lot_code: Option<String>,
        inspector_id: String,
        inspection: InspectionResult,
    },
    /// A quality lead resumed inspection of a vendor's product discontinued under ISO 2859-1 9.4,
    /// after the supplier's corrective action (`note`): inspection resumes tightened.
    // Merged as a physical fact: a resumption while inspection runs changes nothing.
    #[kind(events = review, rule = PhysicalFact, may = [ConfigureQuality])]
    AqlInspectionResumed { sku: String, vendor_code: String, note: String },
    #[kind(events = master, rule = LastWriterWins, may = [EditMasterData, ImportData])]
    ProductSaved(ProductInput),
    #[kind(events = master, rule = LastWriterWins, may = [EditMasterData, ImportData])]
    VendorSaved(VendorInput),
    #[kind(events = master, rule = LastWriterWins, may = [EditMasterData, ImportData])]
    CustomerSaved(CustomerInput),
    #[kind(events = master, rule = LastWriterWins, may = [EditMasterData, ImportData])]
    OrderRecorded(OrderInput),
    /// A CSV import: one event per batch of rows keeps a 100,000-row file fast to write and to replay.
    #[kind(events = master, rule = LastWriterWins, may = [ImportData])]
    ProductsImported { batch_id: String, rows: Vec<ProductInput> },
    #[kind(events = master, rule = LastWriterWins, may = [ImportData])]
    VendorsImported { batch_id: String, rows: Vec<VendorInput> },
    #[kind(events = master, rule = LastWriterWins, may = [ImportData])]
    CustomersImported { batch_id: String, rows: Vec<CustomerInput> },
    #[kind(events = master, rule = LastWriterWins, may = [ImportData])]
    OrdersImported { batch_id: String, rows: Vec<OrderInput> },
    #[kind(events = record, rule = LastWriterWins, may = [ConfigureQuality])]
    DefectCategorySaved(DefectCategory),
    /// The reaction to a failed inspection for every product of a category that sets none of
    /// its own; none goes back to the global rule.
    #[kind(events = record, rule = LastWriterWins, may = [ConfigureQuality])]
    CategoryReactionSet { category: String, reaction: Option<FailureReaction> },
    #[kind(events = record, rule = LastWriterWins, may = [ManageLocations])]
    LocationSaved(Location),
    #[kind(events = record, rule = PhysicalFact, may = [LogFailure, ManageFailure, HandleReturns, OpenRma])]
    AttachmentStored { id: String, file_name: String, content_type: String, size: i64 },
    #[kind(rule = UniqueClaim, may = [LogFailure, HandleReturns])]
    FailureLogged {
        failure_no: String,
        occurred_at: String,
        inspector_id: String,
        record: FailureRecord,
        disposition: Option<Disposition>,
        reinspection_of: Option<String>,
        /// The reaction to the failed inspection as applied (product, category or global);
        /// failures logged before reactions were set per product have none.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reaction: Option<AppliedReaction>,
    },
    #[kind(events = failure_step, rule = StateStep, may = [CorrectFailure])]
    FailureCorrected {
        failure_no: String,
        reason: String,
        requested: FailureChanges,
        changes: Vec<FieldChange>,
        record: FailureRecord,
    },
    #[kind(events = failure_step, rule = StateStep, may = [ManageFailure, LogFailure])]
    FailureDispositionSet { failure_no: String, disposition: Disposition, previous: Option<Disposition>, note: String },
    #[kind(events = failure_step, rule = StateStep, may = [ManageFailure, LogFailure])]
    FailureDispositionCompleted {
        failure_no: String,
        outcome: String,
        qty: Option<i64>,
        note: String,
        /// What the rework cost (labour and parts), minor units of the product's currency; a
        /// cost of quality. Earlier events carry none.
        #[serde(default)]
        cost_minor: Option<i64>,
    },
    #[kind(events = failure_step, rule = StateStep, may = [ApproveDeviation])]
    FailureDeviationApproved { failure_no: String, note: String },
    #[kind(events = failure_step, rule = StateStep, may = [ManageFailure, LogFailure])]
    FailureReinspected { failure_no: String, reinspection_no: String },
    /// Part of the failed quantity given a disposition of its own (a line, id a UUIDv7), with
    /// its owner and due date. A failure's older single disposition folds as one line.
    // A line added on two desks at once stands on both (each may be under way); lines that hold
    // more than failed open a conflict for a person to settle.
    #[kind(events = failure_step, rule = StateStep, may = [ManageFailure, LogFailure])]
    FailureDispositionLineAdded { failure_no: String, line_id: String, line: LineRequest },
    #[kind(events = failure_step, rule = StateStep, may = [ManageFailure, LogFailure])]
    FailureDispositionLineCompleted { failure_no: String, line_id: String, completion: LineCompletion },
    /// A quality lead approved an accept-with-deviation line.
    #[kind(events = failure_step, rule = StateStep, may = [ApproveDeviation])]
    FailureDispositionLineApproved { failure_no: String, line_id: String, note: String },
    /// A line taken back before completion; its units are unassigned again.
    #[kind(events = failure_step, rule = StateStep, may = [ManageFailure, LogFailure])]
    FailureDispositionLineWithdrawn { failure_no: String, line_id: String, reason: String },
    #[kind(events = recall, rule = Safety, may = [HoldLots, ReleaseHolds, LogFailure])]
    LotHoldPlaced {
        lot_code: String,
        sku: String,
        vendor_code: String,
        reason: String,
        failure_no: String,
        /// The stock is also set apart (quarantined), not only stopped.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        quarantine: bool,
        /// Only these units of the lot are held (the serials that failed); none holds the lot.
        /// A Lotline that does not know the field holds the whole lot: the safe side.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        serials: Vec<String>,
    },
    /// Lots received (one from a form, many from an import, which names its batch).
    #[kind(events = lot, rule = PhysicalFact, may = [RecordLots, ImportData])]
    LotsReceived {
        #[serde(default)]
        batch_id: Option<String>,
        rows: Vec<LotReceipt>,
    },
    /// Material of lots went into other lots (a split, merge, repack, rework or assembly).
    #[kind(events = lot, rule = PhysicalFact, may = [RecordLots, ImportData])]
    LotsLinked {
        #[serde(default)]
        batch_id: Option<String>,
        rows: Vec<LotLink>,
    },
    #[kind(events = lot, rule = PhysicalFact, may = [RecordLots, ImportData])]
    LotsShipped {
        #[serde(default)]
        batch_id: Option<String>,
        rows: Vec<LotShipment>,
    },
    /// A product's bill of materials, set whole (an empty list removes it).
    #[kind(events = record, rule = LastWriterWins, may = [EditMasterData, ImportData])]
    BomSaved { parent_sku: String, components: Vec<BomComponent> },
    /// Units' serial numbers recorded in their lots (from a form or a file).
    #[kind(events = lot, rule = PhysicalFact, may = [RecordLots, ImportData])]
    SerialsRecorded {
        #[serde(default)]
        batch_id: Option<String>,
        rows: Vec<SerialRecord>,
    },
    /// The lot was moved, all of what is left of it, to another location.
    #[kind(events = recall, rule = PhysicalFact, may = [RecordLots, ImportData])]
    LotMoved { lot_code: String, from_location: String, to_location: String, qty: i64 },
    /// Holds on the lot are lifted: a quality lead's decision, with why. `holds` names each hold
    /// lifted (by the event that placed it), so a hold placed on another desk that the releaser
    /// never saw stays. Releases recorded before it existed name one hold in `hold`, or none,
    /// which lifts every hold in force when it is projected.
    #[kind(events = recall, rule = Safety, may = [ReleaseHolds])]
    LotHoldReleased {
        lot_code: String,
        note: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        hold: Option<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        holds: Vec<String>,
    },
    #[kind(events = recall, rule = Safety, may = [ReleaseHolds])]
    RecallStarted(Box<RecallOpening>),
    #[kind(events = recall, rule = Safety, may = [ReleaseHolds])]
    RecallCustomerNotified { recall_no: String, customer_code: String },
    #[kind(events = recall, rule = Safety, may = [ReleaseHolds])]
    RecallClosed { recall_no: String, note: String },
    #[kind(events = record, rule = PhysicalFact, may = [ManageFailure, LogFailure])]
    ChecklistItemAdded { id: String, sku: String, text: String, source_failure_no: Option<String> },
    #[kind(events = reshipment, rule = LastWriterWins, may = [ConfigureApprovals])]
    ApprovalPolicySet(ApprovalPolicy),
    /// The responsible authority's word on AQL reduced inspection (ISO 2859-1 9.3.3): approved
    /// and production steady, or not.
    #[kind(events = review, rule = LastWriterWins, may = [ConfigureQuality])]
    AqlSwitchingSet { reduced_allowed: bool },
    #[kind(events = reshipment, rule = UniqueClaim, may = [RequestReshipment, ShipReshipment, OpenRma, DecideRma])]
    ReshipmentRequested(Box<ReshipmentRequest>),
    /// The cost changed: approvals given for an earlier amount no longer count.
    #[kind(events = reshipment, rule = StateStep, may = [RequestReshipment, ShipReshipment, OpenRma, DecideRma])]
    ReshipmentAmended { reshipment_no: String, cost: Cost, amount_version: u32, reason: String },
    // Approvers come from the approval policy, whose roles the caller checks.
    #[kind(events = reshipment, rule = StateStep, may = by_policy)]
    ReshipmentApproved { reshipment_no: String, approval: Approval },
    /// Enough approvals, or none needed (`by_policy`): it may ship, by `due_on`.
    // Approvers come from the approval policy, whose roles the caller checks.
    #[kind(events = reshipment, rule = StateStep, may = by_policy)]
    ReshipmentAuthorized { reshipment_no: String, by_policy: bool, due_on: String },
    // Approvers come from the approval policy, whose roles the caller checks.
    #[kind(events = reshipment, rule = StateStep, may = by_policy)]
    ReshipmentRejected { reshipment_no: String, reason: String },
    #[kind(events = reshipment, rule = PhysicalFact, may = [ShipReshipment])]
    ReshipmentShipped {
        reshipment_no: String,
        carrier: Carrier,
        service: String,
        tracking_no: String,
        shipped_on: String,
    },
    #[kind(events = reshipment, rule = PhysicalFact, may = [ShipReshipment])]
    ReshipmentDelivered { reshipment_no: String, delivered_on: String },
    #[kind(events = reshipment, rule = StateStep, may = [RequestReshipment, ShipReshipment, OpenRma, DecideRma])]
    ReshipmentCancelled { reshipment_no: String, reason: String },
    #[kind(events = reshipment, rule = StateStep, may = [ManageChargeback])]
    ChargebackUpdated { reshipment_no: String, status: ChargebackStatus, recovered_minor: i64, note: String },
    #[kind(events = return, rule = UniqueClaim, may = [ConfigureReturns])]
    ReturnPolicySet(Box<ReturnPolicy>),
    #[kind(events = return, rule = UniqueClaim, may = [OpenRma])]
    RmaOpened(Box<RmaOpening>),
    #[kind(events = return, rule = StateStep, may = [DecideRma])]
    RmaApproved {
        rma_no: String,
        comment: String,
        /// The analyst who approved it: they may not pay it out. Older events have none.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        decided_by: Option<String>,
    },
    #[kind(events = return, rule = StateStep, may = [DecideRma])]
    RmaRejected { rma_no: String, comment: String },
    #[kind(events = return, rule = StateStep, may = [DecideRma])]
    RmaSuspended { rma_no: String, comment: String },
    #[kind(events = return, rule = PhysicalFact, may = [HandleReturns])]
    RmaLabelPrinted { rma_no: String, carrier: Carrier, service: String, weight_grams: i64 },
    /// A label could not be made: kept, because the label success rate is a KPI.
    #[kind(events = return, rule = PhysicalFact, may = [HandleReturns])]
    RmaLabelFailed { rma_no: String, detail: String },
    #[kind(events = return, rule = PhysicalFact, may = [HandleReturns])]
    RmaInTransit { rma_no: String, carrier: Carrier, tracking_no: String },
    #[kind(events = return, rule = PhysicalFact, may = [HandleReturns])]
    RmaReceived {
        rma_no: String,
        /// Per line of the RMA, in its order.
        qty_received: Vec<i64>,
        intake: IntakeCheck,
    },
    /// Schema version 2: `b_stock` is set, and refurbished and open-box units go to B-stock
    /// instead of stock sold as new. Version 1 inspections read with it unset, as they were.
    #[kind(events = return, rule = PhysicalFact, may = [HandleReturns])]
    RmaInspected {
        rma_no: String,
        dispositions: Vec<LineDisposition>,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        b_stock: bool,
    },
    /// Units of the refurbishment queue came out of it: refurbished (to B-stock), scrapped, or
    /// returned to the vendor.
    // Two desks recording the same queued units' outcome: the second is refused, naming what is
    // left in the queue.
    #[kind(events = return, rule = StateStep, may = [HandleReturns])]
    RmaRefurbished { rma_no: String, refurbishment: Refurbishment },
    /// Units the refurbishment queue sent back to their vendor, charged to the vendor at their
    /// cost (`qty` × the product's unit cost): the RMA's claim `claim_no`.
    // A claim rides with its outcome.
    #[kind(events = scar, rule = StateStep, may = [HandleReturns])]
    RmaChargebackRecorded {
        rma_no: String,
        claim_no: u32,
        line_index: usize,
        qty: i64,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        serials: Vec<String>,
        vendor_code: String,
        amount_minor: i64,
        currency: String,
    },
    /// An RMA's chargeback recovered (in full or part) or written off (`note` says why).
    // A settlement on two desks keeps the first.
    #[kind(events = scar, rule = StateStep, may = [ManageChargeback])]
    RmaChargebackSettled {
        rma_no: String,
        claim_no: u32,
        status: FailureChargebackStatus,
        recovered_minor: i64,
        note: String,
    },
    // One made before payouts had their duties (no payer named) is judged by the rule of its day:
    // see `merge::permissions_for`.
    #[kind(events = return, rule = StateStep, may = [SettleRma])]
    RmaSettled {
        rma_no: String,
        settlement: Settlement,
        /// Who paid the refund or credit out (or settled the exchange). Older events have none.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        paid_by: Option<String>,
    },
    /// Store credit issued on approval, ahead of the goods: the customer is not kept waiting for
    /// the parcel. The RMA still settles once the goods are inspected.
    // One made before payouts had their duties (no payer named) is judged by the rule of its day:
    // see `merge::permissions_for`.
    #[kind(events = return, rule = StateStep, may = [SettleRma])]
    RmaCreditIssued {
        rma_no: String,
        amount_minor: i64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        paid_by: Option<String>,
    },
    /// What handling the return actually cost (a carrier's invoice for the label or the parcel,
    /// a courier, outside handling), in the installation's currency: once recorded, the cost
    /// per return counts it instead of the policy's standard cost.
    // Merged as a physical fact: money a carrier or courier charged was spent whatever became of the return.
    #[kind(events = return, rule = PhysicalFact, may = [HandleReturns, SettleRma])]
    RmaCostRecorded { rma_no: String, amount_minor: i64, currency: String, note: String },
    /// A note for the team on a return, in any state: a customer's call, what the parcel looked
    /// like, what was promised. It is told in the return's history and changes nothing else.
    // Merged as a physical fact: it was written.
    #[kind(events = return, rule = PhysicalFact, may = [OpenRma, DecideRma, HandleReturns, SettleRma])]
    RmaNoteAdded { rma_no: String, note: String },
    /// A refund or store credit asked for: approved as its requirement says, then paid out by
    /// someone who neither opened nor approved the return.
    #[kind(events = return, rule = StateStep, may = [SettleRma])]
    RmaPayoutRequested { rma_no: String, request: PayoutRequest },
    // Approvers come from the settlement limits, whose roles the caller checks.
    #[kind(events = return, rule = StateStep, may = by_policy)]
    RmaPayoutApproved { rma_no: String, approval: Approval },
    #[kind(events = return, rule = StateStep, may = [OpenRma, DecideRma])]
    RmaCancelled { rma_no: String, reason: String },
    /// A QC failure found when the returned goods were received or inspected.
    #[kind(events = return, rule = StateStep, may = [HandleReturns])]
    RmaFailureLogged { rma_no: String, failure_no: String },
    #[kind(events = review, rule = LastWriterWins, may = [ConfigureReviews])]
    KpiTargetsSet(KpiTargets),
    #[kind(events = review, rule = LastWriterWins, may = [ConfigureReviews])]
    ScorecardSettingsSet(ScorecardSettings),
    /// A vendor's rating on `day` over the period named, kept so its trend can be drawn.
    #[kind(events = review, rule = PhysicalFact, may = [RecordRatings])]
    VendorRated { vendor_code: String, day: String, rating: u32, period_from: String, period_to: String },
    /// A flagged vendor was reviewed with product and quality teams: receipts from it are no
    /// longer blocked until its rating falls below the threshold again.
    #[kind(events = review, rule = LastWriterWins, may = [ConfigureReviews])]
    VendorReviewed { vendor_code: String, note: String },
    /// The stock below which a SKU is flagged; `None` stops watching it.
    #[kind(events = review, rule = LastWriterWins, may = [ConfigureReviews])]
    SafetyStockSet {
        sku: String,
        min_qty: Option<i64>,
        /// The level a reorder fills up to (schema version 2); none orders back to the minimum.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_qty: Option<i64>,
    },
    /// A person settled a conflict the merge opened (`merge_conflicts.conflict_key`). A write-off
    /// carries its units, so the stock moves by a delta fixed when it was decided.
    // Resolved once: a second desk's resolution is refused. Which of the two permissions a
    // conflict needs is the resolving act's check; the log holds its kind.
    #[kind(events = record, rule = UniqueClaim, may = [ResolveConflicts, ResolveStockConflicts])]
    ConflictResolved {
        conflict_key: String,
        /// Which opening of the conflict it settles: a conflict that breaks again after it was
        /// resolved opens again, and each opening is resolved once.
        #[serde(default, skip_serializing_if = "is_zero")]
        opening: u32,
        resolution: Resolution,
        note: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        write_off: Option<StockWriteOff>,
    },
    /// A SCAR opened (D1 team, D2 problem) as a draft.
    #[kind(events = scar, rule = UniqueClaim, may = [ManageScars])]
    ScarOpened(Box<ScarOpening>),
    /// A SCAR moved on one step; `due_on` is set when it is sent (the vendor's answer's due day).
    #[kind(events = scar, rule = StateStep, may = [ManageScars])]
    ScarAdvanced {
        scar_no: String,
        to: ScarStatus,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due_on: Option<String>,
        step: ScarStepText,
    },
    /// What a re-inspection or a return to the vendor cost, charged back to the failure's vendor.
    #[kind(events = scar, rule = StateStep, may = [ManageChargeback, ManageFailure])]
    FailureChargebackRecorded {
        failure_no: String,
        source: ChargebackSource,
        vendor_code: String,
        amount_minor: i64,
        currency: String,
        note: String,
    },
    /// A failure's chargeback recovered (in full or part) or written off (`note` says why).
    #[kind(events = scar, rule = StateStep, may = [ManageChargeback])]
    FailureChargebackSettled {
        failure_no: String,
        source: ChargebackSource,
        status: FailureChargebackStatus,
        recovered_minor: i64,
        note: String,
    },
    /// A production run planned: the product and output lot it makes, from which component lots.
    #[kind(events = production, rule = UniqueClaim, may = [RecordLots])]
    WorkOrderPlanned(Box<WorkOrderPlan>),
    // Started once, the first in the server's order.
    #[kind(events = production, rule = StateStep, may = [RecordLots])]
    WorkOrderStarted { work_order_no: String },
    /// The run finished: `consumed` of the component lots made `output_qty` of the output lot. The
    /// same act receives the output lot and links the components into it, which moves the stock.
    // A completion stands though a block came first (the run happened), but one order completes once.
    #[kind(events = production, rule = StateStep, may = [RecordLots])]
    WorkOrderCompleted { work_order_no: String, output_qty: i64, consumed: Vec<WorkOrderInput> },
    /// An in-process QC failure stopped the order: it cannot complete, nor its output ship, until
    /// a quality lead decides.
    // Merged for safety: a failure's block holds the order's output back as a hold does a lot.
    // Written with the failure that blocks the order, so by those who log failures.
    #[kind(events = production, rule = Safety, may = [LogFailure])]
    WorkOrderBlocked { work_order_no: String, failure_no: String },
    /// A quality lead's decision on a blocking failure: release, or scrap or rework of the failed
    /// units through the failure's disposition lines (added in the same act).
    // Decided once, the first in the server's order.
    #[kind(events = production, rule = StateStep, may = [ReleaseHolds])]
    WorkOrderBlockDecided { work_order_no: String, failure_no: String, decision: BlockDecision, note: String },
    /// A customer reported a problem; no goods come back.
    #[kind(events = production, rule = UniqueClaim, may = [RecordComplaints])]
    ComplaintOpened(Box<ComplaintOpening>),
    #[kind(events = production, rule = StateStep, may = [RecordComplaints])]
    ComplaintAdvanced {
        complaint_no: String,
        to: ComplaintStatus,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        outcome: Option<ComplaintOutcome>,
        note: String,
    },
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Event {
    /// Credentials: kept in this desk's log and chain, pushed to a team only as a stub.
    pub fn is_local_only(&self) -> bool {
        self.merge_rule() == crate::merge::MergeRule::LocalOnly
    }

    /// (stream_type, stream_id): the aggregate this event belongs to.
    pub fn stream(&self) -> (&'static str, String) {
        match self {
            Event::SettingsInitialized { .. } => ("settings", "settings".into()),
            Event::UserCreated { user_id, .. }
            | Event::UserUpdated { user_id, .. }
            | Event::UserPasswordSet { user_id, .. }
            | Event::UserPasswordReset { user_id, .. }
            | Event::UserLanguageSet { user_id, .. }
            | Event::NotificationPreferencesSet { user_id, .. } => ("user", user_id.clone()),
            Event::ProductSaved(p) => ("product", p.sku.clone()),
            Event::VendorSaved(v) => ("vendor", v.code.clone()),
            Event::CustomerSaved(c) => ("customer", c.code.clone()),
            Event::OrderRecorded(o) => ("order", o.order_no.clone()),
            Event::ProductsImported { batch_id, .. }
            | Event::VendorsImported { batch_id, .. }
            | Event::CustomersImported { batch_id, .. }
            | Event::OrdersImported { batch_id, .. } => ("import", batch_id.clone()),
            Event::DefectCategorySaved(c) => ("defect_category", c.code.clone()),
            Event::CategoryReactionSet { category, .. } => ("product_category", category.clone()),
            Event::LocationSaved(l) => ("location", l.code.clone()),
            Event::AttachmentStored { id, .. } => ("attachment", id.clone()),
            Event::FailureLogged { failure_no, .. }
            | Event::FailureCorrected { failure_no, .. }
            | Event::FailureDispositionSet { failure_no, .. }
            | Event::FailureDispositionCompleted { failure_no, .. }
            | Event::FailureDeviationApproved { failure_no, .. }
            | Event::FailureReinspected { failure_no, .. }
            | Event::FailureDispositionLineAdded { failure_no, .. }
            | Event::FailureDispositionLineCompleted { failure_no, .. }
            | Event::FailureDispositionLineApproved { failure_no, .. }
            | Event::FailureDispositionLineWithdrawn { failure_no, .. }
            | Event::FailureChargebackRecorded { failure_no, .. }
            | Event::FailureChargebackSettled { failure_no, .. } => ("failure", failure_no.clone()),
            Event::ScarOpened(opening) => ("scar", opening.scar_no.clone()),
            Event::ScarAdvanced { scar_no, .. } => ("scar", scar_no.clone()),
            Event::WorkOrderPlanned(plan) => ("work_order", plan.work_order_no.clone()),
            Event::WorkOrderStarted { work_order_no }
            | Event::WorkOrderCompleted { work_order_no, .. }
            | Event::WorkOrderBlocked { work_order_no, .. }
            | Event::WorkOrderBlockDecided { work_order_no, .. } => ("work_order", work_order_no.clone()),
            Event::ComplaintOpened(opening) => ("complaint", opening.complaint_no.clone()),
            Event::ComplaintAdvanced { complaint_no, .. } => ("complaint", complaint_no.clone()),
            Event::LotHoldPlaced { lot_code, .. }
            | Event::LotHoldReleased { lot_code, .. }
            | Event::LotMoved { lot_code, .. } => ("lot", lot_code.clone()),
            Event::RecallStarted(opening) => ("recall", opening.recall_no.clone()),
            Event::RecallCustomerNotified { recall_no, .. } | Event::RecallClosed { recall_no, .. } => {
                ("recall", recall_no.clone())
            }
            Event::LotsReceived { batch_id: Some(batch), .. }
            | Event::LotsLinked { batch_id: Some(batch), .. }
            | Event::LotsShipped { batch_id: Some(batch), .. }
            | Event::SerialsRecorded { batch_id: Some(batch), .. } => ("import", batch.clone()),
            // One act is about one lot: the received lot, the lot made, the lot shipped.
            Event::LotsReceived { rows, .. } => ("lot", rows.first().map(|r| r.lot_code.clone()).unwrap_or_default()),
            Event::LotsLinked { rows, .. } => ("lot", rows.first().map(|r| r.to_lot.clone()).unwrap_or_default()),
            Event::LotsShipped { rows, .. } => ("lot", rows.first().map(|r| r.lot_code.clone()).unwrap_or_default()),
            Event::SerialsRecorded { rows, .. } => {
                ("lot", rows.first().map(|r| r.lot_code.clone()).unwrap_or_default())
            }
            Event::BomSaved { parent_sku, .. } => ("bom", parent_sku.clone()),
            Event::ChecklistItemAdded { sku, .. } => ("checklist", sku.clone()),
            Event::ApprovalPolicySet(_) => ("settings", "approval_policy".into()),
            Event::AqlSwitchingSet { .. } => ("settings", "aql_switching".into()),
            Event::SessionPolicySet { .. } => ("settings", "session_policy".into()),
            Event::SiteCalendarSet(_) => ("settings", "site_calendar".into()),
            // Switching runs per vendor and product: both steps belong to that pair's stream.
            Event::LotInspectionRecorded { sku, vendor_code, .. }
            | Event::AqlInspectionResumed { sku, vendor_code, .. } => ("aql_switching", format!("{vendor_code}/{sku}")),
            Event::LogCheckAccepted { desk_id, .. } => ("audit_log", desk_id.clone()),
            Event::ReshipmentRequested(r) => ("reshipment", r.reshipment_no.clone()),
            Event::ReshipmentAmended { reshipment_no, .. }
            | Event::ReshipmentApproved { reshipment_no, .. }
            | Event::ReshipmentAuthorized { reshipment_no, .. }
            | Event::ReshipmentRejected { reshipment_no, .. }
            | Event::ReshipmentShipped { reshipment_no, .. }
            | Event::ReshipmentDelivered { reshipment_no, .. }
            | Event::ReshipmentCancelled { reshipment_no, .. }
            | Event::ChargebackUpdated { reshipment_no, .. } => ("reshipment", reshipment_no.clone()),
            Event::ReturnPolicySet(_) => ("settings", "return_policy".into()),
            Event::RmaOpened(o) => ("rma", o.rma_no.clone()),
            Event::RmaApproved { rma_no, .. }
            | Event::RmaRejected { rma_no, .. }
            | Event::RmaSuspended { rma_no, .. }
            | Event::RmaLabelPrinted { rma_no, .. }
            | Event::RmaLabelFailed { rma_no, .. }
            | Event::RmaInTransit { rma_no, .. }
            | Event::RmaReceived { rma_no, .. }
            | Event::RmaInspected { rma_no, .. }
            | Event::RmaRefurbished { rma_no, .. }
            | Event::RmaChargebackRecorded { rma_no, .. }
            | Event::RmaChargebackSettled { rma_no, .. }
            | Event::RmaSettled { rma_no, .. }
            | Event::RmaCreditIssued { rma_no, .. }
            | Event::RmaCostRecorded { rma_no, .. }
            | Event::RmaNoteAdded { rma_no, .. }
            | Event::RmaPayoutRequested { rma_no, .. }
            | Event::RmaPayoutApproved { rma_no, .. }
            | Event::RmaCancelled { rma_no, .. }
            | Event::RmaFailureLogged { rma_no, .. } => ("rma", rma_no.clone()),
            Event::KpiTargetsSet(_) => ("settings", "kpi_targets".into()),
            Event::ScorecardSettingsSet(_) => ("settings", "scorecard".into()),
            Event::VendorRated { vendor_code, .. } => ("vendor_rating", vendor_code.clone()),
            Event::VendorReviewed { vendor_code, .. } => ("vendor_rating", vendor_code.clone()),
            Event::SafetyStockSet { sku, .. } => ("safety_stock", sku.clone()),
            Event::ConflictResolved { conflict_key, opening: 0, .. } => ("conflict", conflict_key.clone()),
            Event::ConflictResolved { conflict_key, opening, .. } => ("conflict", format!("{conflict_key}#{opening}")),
        }
    }
}
