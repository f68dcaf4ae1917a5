//! An RMA as its events leave it: what was asked to come back, the verdict, and each step from
//! label to settlement.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::eligibility::{Eligibility, Verdict};
use super::payout::PayoutRequest;
use super::units::{IntakeUnit, Refurbishment};
use crate::Event;
use crate::approval::Approval;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RmaStatus {
    /// Waiting in the analyst queue, with the rules that sent it there.
    Escalated,
    /// An analyst asked the customer for information.
    Suspended,
    Approved,
    LabelPrinted,
    InTransit,
    Received,
    Inspected,
    Settled,
    Rejected,
    Cancelled,
}

impl RmaStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RmaStatus::Escalated => "escalated",
            RmaStatus::Suspended => "suspended",
            RmaStatus::Approved => "approved",
            RmaStatus::LabelPrinted => "label_printed",
            RmaStatus::InTransit => "in_transit",
            RmaStatus::Received => "received",
            RmaStatus::Inspected => "inspected",
            RmaStatus::Settled => "settled",
            RmaStatus::Rejected => "rejected",
            RmaStatus::Cancelled => "cancelled",
        }
    }

    /// Approved and on its way back (or about to be): goods may arrive.
    /// Settled, rejected or cancelled: no later step reopens it. On one desk no step follows
    /// these; in a team's merged log goods may still arrive after another desk closed it, and
    /// are recorded without changing the outcome.
    pub fn is_closed(self) -> bool {
        matches!(self, RmaStatus::Settled | RmaStatus::Rejected | RmaStatus::Cancelled)
    }

    pub fn expects_goods(self) -> bool {
        matches!(self, RmaStatus::Approved | RmaStatus::LabelPrinted | RmaStatus::InTransit)
    }
}

/// What the customer would like in return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PreferredOutcome {
    Refund,
    StoreCredit,
    Exchange,
}

/// One order line coming back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RmaLine {
    pub order_no: String,
    pub line_no: i64,
    pub sku: String,
    pub qty: i64,
    /// What the customer paid per unit, in minor units of the RMA's currency.
    pub unit_price_minor: i64,
    #[serde(default)]
    pub lot_code: Option<String>,
    #[serde(default)]
    pub serials: Vec<String>,
}

/// The RMA as opened: recorded once, never rewritten.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RmaOpening {
    pub rma_no: String,
    pub customer_code: String,
    pub lines: Vec<RmaLine>,
    pub currency: String,
    pub reason_code: String,
    pub preferred_outcome: PreferredOutcome,
    #[serde(default)]
    pub photo_ids: Vec<String>,
    #[serde(default)]
    pub note: String,
    /// The verdict and every rule's outcome, with the policy version it was judged by.
    pub eligibility: Eligibility,
    /// The day the carrier delivered the goods, when known: the window counts from it. Openings
    /// recorded before it was kept have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub delivered_on: Option<NaiveDate>,
    /// Who opened it: they may not pay it out. Openings recorded before it was kept have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub opened_by: Option<String>,
    /// Where the goods were sold: the order's channel, or the analyst's pick when the order has
    /// none. Openings recorded before channels were kept have none ("unspecified").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub channel: Option<crate::sales_channel::SalesChannel>,
}

impl RmaOpening {
    pub fn value_minor(&self) -> i64 {
        self.lines.iter().map(|l| l.qty * l.unit_price_minor).sum()
    }

    /// The orders the goods come from, each once, in the order of the lines.
    pub fn order_nos(&self) -> Vec<&str> {
        let mut orders: Vec<&str> = Vec::new();
        for line in &self.lines {
            if !orders.contains(&line.order_no.as_str()) {
                orders.push(&line.order_no);
            }
        }
        orders
    }
}

/// How the returns centre grades what arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum ConditionGrade {
    /// As new: may be sold as new.
    A,
    /// Opened or lightly used.
    B,
    /// Visibly used or damaged.
    C,
    /// Not sellable.
    D,
}

/// The intake checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct IntakeCheck {
    pub packaging_intact: bool,
    pub accessories_complete: bool,
    pub serials_match: bool,
    pub grade: ConditionGrade,
    /// A grade per RMA line, in its order, when lines came back in different condition; empty
    /// when one grade (`grade`) is for every line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub line_grades: Vec<ConditionGrade>,
    /// A grade per unit that came back (per serial for serial-tracked lines); when given, `grade`
    /// is the worst of them, kept for readers of the single grade.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<IntakeUnit>,
    #[serde(default)]
    pub photo_ids: Vec<String>,
    #[serde(default)]
    pub note: String,
}

/// Where an inspected unit goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReturnDisposition {
    Restock,
    Refurbish,
    ResellOpenBox,
    CreditOnly,
    Donate,
    Recycle,
    WriteOff,
}

impl ReturnDisposition {
    /// Dispositions that put goods back into sellable (or soon sellable) stock.
    pub fn returns_to_stock(self) -> bool {
        matches!(self, ReturnDisposition::Restock | ReturnDisposition::Refurbish | ReturnDisposition::ResellOpenBox)
    }

    /// Dispositions whose units are not sold as new again: B-stock (open-box at once, refurbished
    /// after the refurbishment queue), when the inspection keeps B-stock apart.
    pub fn goes_to_b_stock(self) -> bool {
        matches!(self, ReturnDisposition::Refurbish | ReturnDisposition::ResellOpenBox)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LineDisposition {
    /// The index of the line in the RMA's lines.
    pub line_index: usize,
    pub disposition: ReturnDisposition,
    pub qty: i64,
    /// What the disposition recovers (resale, refurbished value), in minor units.
    pub recovered_minor: i64,
    pub location: String,
    /// The units' grade at intake, when the intake graded each unit: a line's units of different
    /// grades take a disposition each.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub grade: Option<ConditionGrade>,
    /// The serials of the units this disposition covers (serial-tracked lines).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub serials: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum Settlement {
    Refund { amount_minor: i64, restocking_fee_minor: i64 },
    StoreCredit { amount_minor: i64 },
    Exchange { reshipment_no: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rma {
    pub opening: RmaOpening,
    pub status: RmaStatus,
    pub tracking_no: Option<String>,
    pub labels_printed: u32,
    pub received: Vec<i64>,
    pub intake: Option<IntakeCheck>,
    pub dispositions: Vec<LineDisposition>,
    pub settlement: Option<Settlement>,
    /// Store credit issued ahead of the goods, in minor units.
    pub credit_issued_minor: Option<i64>,
    pub opened_by: Option<String>,
    /// The analyst who approved it, when an analyst did (not the rules).
    pub approved_by: Option<String>,
    /// The refund or store credit asked for last, and the approvals given to payouts.
    pub payout: Option<PayoutRequest>,
    pub payout_approvals: Vec<Approval>,
    pub paid_by: Option<String>,
    /// Inspected under the B-stock rules: refurbished and open-box units are kept apart from
    /// stock sold as new (inspections recorded before them put those units back in stock).
    pub b_stock: bool,
    /// The refurbishment queue's outcomes recorded for this return's units.
    pub refurbishments: Vec<Refurbishment>,
}

impl Rma {
    pub fn rma_no(&self) -> &str {
        &self.opening.rma_no
    }

    pub fn status_after_verdict(verdict: Verdict) -> RmaStatus {
        match verdict {
            Verdict::Approved => RmaStatus::Approved,
            Verdict::Escalated => RmaStatus::Escalated,
            Verdict::Refused => RmaStatus::Rejected,
        }
    }

    pub fn evolve(state: Option<Rma>, event: &Event) -> Option<Rma> {
        match (state, event) {
            (None, Event::RmaOpened(opening)) => Some(Rma {
                status: Rma::status_after_verdict(opening.eligibility.verdict),
                tracking_no: None,
                labels_printed: 0,
                received: vec![0; opening.lines.len()],
                intake: None,
                dispositions: Vec::new(),
                settlement: None,
                credit_issued_minor: None,
                opened_by: opening.opened_by.clone(),
                approved_by: None,
                payout: None,
                payout_approvals: Vec::new(),
                paid_by: None,
                b_stock: false,
                refurbishments: Vec::new(),
                opening: (**opening).clone(),
            }),
            (Some(mut rma), event) => {
                let closed = rma.status;
                match event {
                    Event::RmaApproved { decided_by, .. } => {
                        rma.status = RmaStatus::Approved;
                        rma.approved_by = decided_by.clone();
                    }
                    Event::RmaRejected { .. } => rma.status = RmaStatus::Rejected,
                    Event::RmaSuspended { .. } => rma.status = RmaStatus::Suspended,
                    Event::RmaLabelPrinted { .. } => {
                        rma.labels_printed += 1;
                        if rma.status == RmaStatus::Approved {
                            rma.status = RmaStatus::LabelPrinted;
                        }
                    }
                    Event::RmaInTransit { tracking_no, .. } => {
                        rma.status = RmaStatus::InTransit;
                        rma.tracking_no = Some(tracking_no.clone());
                    }
                    Event::RmaReceived { qty_received, intake, .. } => {
                        rma.status = RmaStatus::Received;
                        rma.received = qty_received.clone();
                        rma.intake = Some(intake.clone());
                    }
                    Event::RmaInspected { dispositions, b_stock, .. } => {
                        rma.status = RmaStatus::Inspected;
                        rma.dispositions = dispositions.clone();
                        rma.b_stock = *b_stock;
                    }
                    Event::RmaRefurbished { refurbishment, .. } => rma.refurbishments.push(refurbishment.clone()),
                    Event::RmaSettled { settlement, paid_by, .. } => {
                        rma.status = RmaStatus::Settled;
                        rma.settlement = Some(settlement.clone());
                        if rma.credit_issued_minor.is_none() {
                            rma.paid_by = paid_by.clone();
                        }
                    }
                    Event::RmaCreditIssued { amount_minor, paid_by, .. } => {
                        rma.credit_issued_minor = Some(*amount_minor);
                        rma.paid_by = paid_by.clone();
                    }
                    // After a merge a later payout cannot rewrite the one already paid.
                    Event::RmaPayoutRequested { request, .. } if !super::payout::payout_made(&rma) => {
                        rma.payout = Some(request.clone())
                    }
                    Event::RmaPayoutApproved { approval, .. } => rma.payout_approvals.push(approval.clone()),
                    Event::RmaCancelled { .. } => rma.status = RmaStatus::Cancelled,
                    _ => {}
                }
                if closed.is_closed() {
                    rma.status = closed;
                }
                Some(rma)
            }
            (None, _) => None,
        }
    }
}
