//! A stream's events told as history: who, when, from which desk, what changed.

use std::collections::HashMap;

use lotline_domain::Event;
use lotline_domain::failure::FieldChange;
use lotline_domain::money::format_money as money;
use lotline_domain::returns::Settlement;
use lotline_store::StoredEvent;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HistoryEntry {
    pub at: String,
    pub actor_name: Option<String>,
    pub device_id: String,
    /// The event kind, e.g. "failure_corrected"; the UI translates it.
    pub kind: String,
    pub changes: Vec<FieldChange>,
    pub note: Option<String>,
}

/// Rows of a batch told in a history entry: an import's thousands are not read there.
const ROWS_TOLD: usize = 5;
const SERIALS_TOLD: usize = 20;

fn set(field: &str, after: impl ToString) -> FieldChange {
    FieldChange { field: field.into(), before: None, after: Some(after.to_string()) }
}

fn name<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

fn settlement_kind(settlement: &Settlement) -> &'static str {
    match settlement {
        Settlement::Refund { .. } => "refund",
        Settlement::StoreCredit { .. } => "store_credit",
        Settlement::Exchange { .. } => "exchange",
    }
}

fn non_empty(note: &str) -> Option<String> {
    Some(note.to_owned()).filter(|n| !n.is_empty())
}

pub fn history_of(events: &[StoredEvent], names: &HashMap<String, String>) -> Vec<HistoryEntry> {
    // A chargeback update carries only minor units; its currency is the reshipment's cost's,
    // seen earlier in the same stream.
    let mut currencies: HashMap<&str, &str> = HashMap::new();
    events
        .iter()
        .map(|stored| {
            let (changes, note) = match &stored.event {
                Event::FailureLogged { record, disposition, reinspection_of, .. } => {
                    let mut changes = vec![
                        set("sku", &record.sku),
                        set("vendor_code", &record.vendor_code),
                        set("qty_inspected", record.qty_inspected),
                        set("qty_failed", record.qty_failed),
                        set("category_code", &record.category_code),
                        set("severity", name(&record.severity)),
                        set("stage", name(&record.stage)),
                    ];
                    if let Some(lot) = &record.lot_code {
                        changes.push(set("lot_code", lot));
                    }
                    if let Some(d) = disposition {
                        changes.push(set("disposition", d.as_str()));
                    }
                    if let Some(original) = reinspection_of {
                        changes.push(set("reinspection_of", original));
                    }
                    (changes, None)
                }
                Event::FailureCorrected { reason, changes, .. } => (changes.clone(), Some(reason.clone())),
                Event::FailureDispositionSet { disposition, previous, note, .. } => (
                    vec![FieldChange {
                        field: "disposition".into(),
                        before: previous.map(|p| p.as_str().to_owned()),
                        after: Some(disposition.as_str().to_owned()),
                    }],
                    non_empty(note),
                ),
                Event::FailureDispositionCompleted { outcome, qty, note, .. } => {
                    let mut changes = vec![set("outcome", outcome)];
                    if let Some(qty) = qty {
                        changes.push(set("outcome_qty", qty));
                    }
                    (changes, non_empty(note))
                }
                Event::FailureDeviationApproved { note, .. } => (vec![set("status", "closed")], non_empty(note)),
                Event::FailureReinspected { reinspection_no, .. } => (vec![set("reinspection", reinspection_no)], None),
                Event::ReshipmentRequested(r) => {
                    currencies.insert(&r.reshipment_no, &r.cost.currency);
                    let mut changes = vec![
                        set("reshipment_no", &r.reshipment_no),
                        set("order_no", &r.order_no),
                        set("qty", r.items.iter().map(|i| i.qty).sum::<i64>()),
                        set("total", money(r.cost.total_minor(), &r.cost.currency)),
                        set("due_on", &r.due_on),
                    ];
                    if let Some(rma_no) = &r.rma_no {
                        changes.push(set("rma_no", rma_no));
                    }
                    (changes, non_empty(&r.reason))
                }
                Event::ReshipmentAmended { reshipment_no, cost, reason, .. } => {
                    currencies.insert(reshipment_no, &cost.currency);
                    (
                        vec![
                            set("reshipment_no", reshipment_no),
                            set("total", money(cost.total_minor(), &cost.currency)),
                        ],
                        non_empty(reason),
                    )
                }
                Event::ReshipmentApproved { reshipment_no, approval } => (
                    vec![
                        set("reshipment_no", reshipment_no),
                        set("total", money(approval.total_minor, &approval.currency)),
                    ],
                    non_empty(&approval.note),
                ),
                Event::ReshipmentAuthorized { reshipment_no, due_on, by_policy } => {
                    let mut changes = vec![set("reshipment_no", reshipment_no), set("due_on", due_on)];
                    if *by_policy {
                        changes.push(set("authorized_by", "policy"));
                    }
                    (changes, None)
                }
                Event::ReshipmentRejected { reshipment_no, reason }
                | Event::ReshipmentCancelled { reshipment_no, reason } => {
                    (vec![set("reshipment_no", reshipment_no)], non_empty(reason))
                }
                Event::ReshipmentShipped { reshipment_no, carrier, tracking_no, shipped_on, .. } => (
                    vec![
                        set("reshipment_no", reshipment_no),
                        set("carrier", carrier.display_name()),
                        set("tracking_no", tracking_no),
                        set("shipped_on", shipped_on),
                    ],
                    None,
                ),
                Event::ReshipmentDelivered { reshipment_no, delivered_on } => {
                    (vec![set("reshipment_no", reshipment_no), set("delivered_on", delivered_on)], None)
                }
                Event::ChargebackUpdated { reshipment_no, status, recovered_minor, note } => {
                    let mut changes = vec![set("reshipment_no", reshipment_no), set("chargeback", status.as_str())];
                    if *recovered_minor > 0 {
                        changes.push(match currencies.get(reshipment_no.as_str()) {
                            Some(currency) => set("recovered", money(*recovered_minor, currency)),
                            None => set("recovered_minor", recovered_minor),
                        });
                    }
                    (changes, non_empty(note))
                }
                Event::RmaOpened(o) => {
                    currencies.insert(&o.rma_no, &o.currency);
                    (
                        vec![
                            set("rma_no", &o.rma_no),
                            set("customer_code", &o.customer_code),
                            set("reason_code", &o.reason_code),
                            set("qty", o.lines.iter().map(|l| l.qty).sum::<i64>()),
                            set("value", money(o.value_minor(), &o.currency)),
                            set("verdict", name(&o.eligibility.verdict)),
                            set("policy_version", o.eligibility.policy_version),
                        ],
                        non_empty(&o.note),
                    )
                }
                Event::RmaApproved { comment, .. }
                | Event::RmaRejected { comment, .. }
                | Event::RmaSuspended { comment, .. } => (Vec::new(), non_empty(comment)),
                Event::RmaCancelled { reason, .. } => (Vec::new(), non_empty(reason)),
                Event::RmaFailureLogged { failure_no, .. } => (vec![set("failure_no", failure_no)], None),
                Event::RmaLabelPrinted { carrier, service, weight_grams, .. } => (
                    vec![
                        set("carrier", carrier.display_name()),
                        set("service", service),
                        set("weight_grams", weight_grams),
                    ],
                    None,
                ),
                Event::RmaLabelFailed { detail, .. } => (Vec::new(), non_empty(detail)),
                Event::RmaInTransit { carrier, tracking_no, .. } => {
                    (vec![set("carrier", carrier.display_name()), set("tracking_no", tracking_no)], None)
                }
                Event::RmaReceived { qty_received, intake, .. } => (
                    vec![
                        set("qty_received", qty_received.iter().sum::<i64>()),
                        set("grade", name(&intake.grade)),
                        set("packaging_intact", intake.packaging_intact),
                        set("accessories_complete", intake.accessories_complete),
                        set("serials_match", intake.serials_match),
                    ],
                    non_empty(&intake.note),
                ),
                Event::RmaInspected { rma_no, dispositions } => {
                    let currency = currencies.get(rma_no.as_str()).copied().unwrap_or("");
                    let changes = dispositions
                        .iter()
                        .map(|d| {
                            let mut text = format!("{} × {}", d.qty, name(&d.disposition));
                            if d.recovered_minor > 0 {
                                text.push_str(&format!(" ({})", money(d.recovered_minor, currency)));
                            }
                            if d.disposition.returns_to_stock() {
                                text.push_str(&format!(" → {}", d.location));
                            }
                            set("disposition", text)
                        })
                        .collect();
                    (changes, None)
                }
                Event::RmaPayoutRequested { request, .. } => {
                    let money_out = money(request.requirement.total_minor, &request.requirement.currency);
                    (
                        vec![
                            set("settlement", settlement_kind(&request.settlement)),
                            set("amount", money_out),
                            set("approvals_needed", request.requirement.approvals),
                        ],
                        None,
                    )
                }
                Event::RmaPayoutApproved { approval, .. } => {
                    (vec![set("amount", money(approval.total_minor, &approval.currency))], non_empty(&approval.note))
                }
                Event::RmaCreditIssued { rma_no, amount_minor, .. } => {
                    let currency = currencies.get(rma_no.as_str()).copied().unwrap_or("");
                    (vec![set("store_credit", money(*amount_minor, currency))], None)
                }
                Event::RmaSettled { rma_no, settlement, .. } => {
                    let currency = currencies.get(rma_no.as_str()).copied().unwrap_or("");
                    let changes = match settlement {
                        Settlement::Refund { amount_minor, restocking_fee_minor } => vec![
                            set("settlement", "refund"),
                            set("refund", money(*amount_minor, currency)),
                            set("restocking_fee", money(*restocking_fee_minor, currency)),
                        ],
                        Settlement::StoreCredit { amount_minor } => {
                            vec![set("settlement", "store_credit"), set("store_credit", money(*amount_minor, currency))]
                        }
                        Settlement::Exchange { reshipment_no } => {
                            vec![set("settlement", "exchange"), set("reshipment_no", reshipment_no)]
                        }
                    };
                    (changes, None)
                }
                Event::LotsReceived { rows, .. } => (
                    rows.iter()
                        .take(ROWS_TOLD)
                        .flat_map(|r| [set("lot_code", &r.lot_code), set("qty", r.qty)])
                        .collect(),
                    None,
                ),
                Event::LotsShipped { rows, .. } => (
                    rows.iter()
                        .take(ROWS_TOLD)
                        .flat_map(|r| {
                            [
                                set("lot_code", &r.lot_code),
                                set("qty", r.qty),
                                set("order_no", &r.order_no),
                                set("customer_code", &r.customer_code),
                            ]
                        })
                        .collect(),
                    None,
                ),
                Event::LotsLinked { rows, .. } => (
                    rows.iter()
                        .take(ROWS_TOLD)
                        .flat_map(|r| [set("lot_code", format!("{} → {}", r.from_lot, r.to_lot)), set("qty", r.qty)])
                        .collect(),
                    None,
                ),
                Event::SerialsRecorded { rows, .. } => {
                    let serials: Vec<&str> = rows.iter().take(SERIALS_TOLD).map(|r| r.serial.as_str()).collect();
                    (vec![set("serials", serials.join(", "))], None)
                }
                Event::LotHoldPlaced { reason, .. } => (Vec::new(), non_empty(reason)),
                Event::LotHoldReleased { note, .. } => (Vec::new(), non_empty(note)),
                Event::RecallStarted(opening) => (Vec::new(), non_empty(&opening.reason)),
                Event::ScarOpened(o) => {
                    let mut changes = vec![set("scar_no", &o.scar_no), set("vendor_code", &o.vendor_code)];
                    if let Some(failure_no) = &o.failure_no {
                        changes.push(set("failure_no", failure_no));
                    }
                    changes.extend(o.team.iter().map(|m| set("team", format!("{} ({})", m.name, m.role))));
                    (changes, non_empty(&o.problem))
                }
                Event::ScarAdvanced { to, due_on, step, .. } => {
                    let mut changes = vec![set("status", to.as_str())];
                    if let Some(due_on) = due_on {
                        changes.push(set("due_on", due_on));
                    }
                    if !step.actions.is_empty() {
                        changes.push(set("actions", &step.actions));
                    }
                    (changes, non_empty(&step.text))
                }
                Event::FailureChargebackRecorded { failure_no, source, vendor_code, amount_minor, currency, note } => {
                    // A failure's claims are all in its product's currency.
                    currencies.insert(failure_no, currency);
                    (
                        vec![
                            set("chargeback_source", source.as_str()),
                            set("vendor_code", vendor_code),
                            set("amount", money(*amount_minor, currency)),
                        ],
                        non_empty(note),
                    )
                }
                Event::FailureChargebackSettled { failure_no, source, status, recovered_minor, note } => {
                    let mut changes =
                        vec![set("chargeback_source", source.as_str()), set("chargeback", status.as_str())];
                    if *recovered_minor > 0 {
                        changes.push(match currencies.get(failure_no.as_str()) {
                            Some(currency) => set("recovered", money(*recovered_minor, currency)),
                            None => set("recovered_minor", recovered_minor),
                        });
                    }
                    (changes, non_empty(note))
                }
                Event::ConflictResolved { resolution, note, write_off, .. } => {
                    let mut changes = vec![set("resolution", resolution.as_str())];
                    if let Some(w) = write_off {
                        changes.push(set("qty", format!("+{}", w.qty)));
                    }
                    (changes, non_empty(note))
                }
                _ => (Vec::new(), None),
            };
            HistoryEntry {
                at: stored.occurred_at.clone(),
                actor_name: stored.actor_id.as_ref().and_then(|id| names.get(id).cloned()),
                device_id: stored.desk_id.clone(),
                kind: stored.event.kind().to_owned(),
                changes,
                note,
            }
        })
        .collect()
}
