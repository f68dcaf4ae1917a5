//! A reshipment as its events leave it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::types::{
    Approval, Carrier, Chargeback, ChargebackStatus, Cost, Payer, ReshipmentItem, ReshipmentStatus, ShipTo,
};
use crate::Event;
use crate::people::Role;

/// What was asked for, as recorded when the request was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReshipmentRequest {
    pub reshipment_no: String,
    pub requested_by: String,
    /// The requester's roles when asking: their limit decides whether approval is needed.
    pub requester_roles: Vec<Role>,
    pub failure_nos: Vec<String>,
    pub order_no: String,
    pub items: Vec<ReshipmentItem>,
    pub ship_to: ShipTo,
    /// Why the address differs from the order's, when it does.
    pub ship_to_reason: Option<String>,
    pub carrier: Carrier,
    pub service: String,
    pub cost: Cost,
    pub payer: Payer,
    pub vendor_code: Option<String>,
    pub reason: String,
    /// YYYY-MM-DD.
    pub due_on: String,
    /// Whether the requester chose the due date (else the policy sets it at authorization).
    pub due_date_set: bool,
    /// The RMA whose exchange this replacement is; requests before exchanges existed have none.
    #[serde(default)]
    pub rma_no: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reshipment {
    pub request: ReshipmentRequest,
    pub status: ReshipmentStatus,
    pub cost: Cost,
    pub amount_version: u32,
    pub approvals: Vec<Approval>,
    pub authorized_by_policy: bool,
    pub due_on: String,
    pub carrier: Carrier,
    pub service: String,
    pub tracking_no: Option<String>,
    pub shipped_on: Option<String>,
    pub delivered_on: Option<String>,
    pub chargeback: Option<Chargeback>,
}

impl Reshipment {
    pub fn reshipment_no(&self) -> &str {
        &self.request.reshipment_no
    }

    pub fn evolve(state: Option<Reshipment>, event: &Event) -> Option<Reshipment> {
        match (state, event) {
            (None, Event::ReshipmentRequested(request)) => Some(Reshipment {
                status: ReshipmentStatus::Requested,
                cost: request.cost.clone(),
                amount_version: 1,
                approvals: Vec::new(),
                authorized_by_policy: false,
                due_on: request.due_on.clone(),
                carrier: request.carrier,
                service: request.service.clone(),
                tracking_no: None,
                shipped_on: None,
                delivered_on: None,
                chargeback: (request.payer == Payer::Vendor).then(|| Chargeback {
                    vendor_code: request.vendor_code.clone().unwrap_or_default(),
                    amount_minor: request.cost.total_minor(),
                    currency: request.cost.currency.clone(),
                    status: ChargebackStatus::Open,
                    recovered_minor: 0,
                }),
                request: (**request).clone(),
            }),
            (Some(mut r), event) => {
                match event {
                    Event::ReshipmentAmended { cost, amount_version, .. } => {
                        r.cost = cost.clone();
                        r.amount_version = *amount_version;
                        r.status = ReshipmentStatus::Requested;
                        r.authorized_by_policy = false;
                        if let Some(claim) = &mut r.chargeback {
                            claim.amount_minor = cost.total_minor();
                            claim.currency = cost.currency.clone();
                        }
                    }
                    Event::ReshipmentApproved { approval, .. } => r.approvals.push(approval.clone()),
                    // Once only: after a merge a second desk's authorization of the same request
                    // changes nothing, nor does one that arrives after the request ended.
                    Event::ReshipmentAuthorized { by_policy, due_on, .. }
                        if r.status == ReshipmentStatus::Requested =>
                    {
                        r.status = ReshipmentStatus::Authorized;
                        r.authorized_by_policy = *by_policy;
                        r.due_on = due_on.clone();
                    }
                    Event::ReshipmentRejected { .. } => r.status = ReshipmentStatus::Rejected,
                    Event::ReshipmentShipped { carrier, service, tracking_no, shipped_on, .. } => {
                        r.status = ReshipmentStatus::Shipped;
                        r.carrier = *carrier;
                        r.service = service.clone();
                        r.tracking_no = Some(tracking_no.clone());
                        r.shipped_on = Some(shipped_on.clone());
                    }
                    Event::ReshipmentDelivered { delivered_on, .. } => {
                        r.status = ReshipmentStatus::Delivered;
                        r.delivered_on = Some(delivered_on.clone());
                    }
                    Event::ReshipmentCancelled { .. } => r.status = ReshipmentStatus::Cancelled,
                    Event::ChargebackUpdated { status, recovered_minor, .. } => {
                        if let Some(claim) = &mut r.chargeback {
                            claim.status = *status;
                            claim.recovered_minor = *recovered_minor;
                        }
                    }
                    _ => {}
                }
                Some(r)
            }
            (None, _) => None,
        }
    }
}
