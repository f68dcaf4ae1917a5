//! A stream's events told as history: who, when, from which desk, what changed.

use std::collections::HashMap;

use lotline_domain::Event;
use lotline_domain::chargeback::ChargebackSource;
use lotline_domain::failure::{Disposition, FailureRecord, FieldChange};
use lotline_domain::lots::LotShipment;
use lotline_domain::money::format_money as money;
use lotline_domain::reshipment::ReshipmentRequest;
use lotline_domain::returns::{IntakeCheck, LineDisposition, PayoutRequest, RmaOpening, Settlement};
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

pub(super) fn set(field: &str, after: impl ToString) -> FieldChange {
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

pub(super) fn non_empty(note: &str) -> Option<String> {
    Some(note.to_owned()).filter(|n| !n.is_empty())
}

/// What one entry tells besides its kind: the fields it changed, and the note it carries.
pub(super) type Told = (Vec<FieldChange>, Option<String>);

/// Each stream's currency (a reshipment's cost's, an RMA's), seen earlier in the same stream: a
/// chargeback update, an inspection or a settlement carries only minor units.
type Currencies<'a> = HashMap<&'a str, &'a str>;

pub fn history_of(events: &[StoredEvent], names: &HashMap<String, String>) -> Vec<HistoryEntry> {
    let mut currencies: Currencies = HashMap::new();
    let mut lines = super::history_lines::Lines::new();
    events
        .iter()
        .map(|stored| {
            let (changes, note) = super::history_lines::told(&stored.event, &mut lines, names)
                .unwrap_or_else(|| told(&stored.event, &mut currencies));
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

/// Every kind of event, without a wildcard: a new kind fails to compile here until someone
/// decides what its history entry tells. (Kinds a newer Lotline wrote never reach a history: the
/// log keeps them undecoded.)
fn told<'a>(event: &'a Event, currencies: &mut Currencies<'a>) -> Told {
    match event {
        Event::FailureLogged { record, disposition, reinspection_of, reaction, .. } => {
            let (mut changes, note) = failure_logged(record, disposition.as_ref(), reinspection_of.as_deref());
            super::history_units::failure_reaction(&mut changes, &record.accepted_serials, reaction.as_ref());
            (changes, note)
        }
        Event::CategoryReactionSet { category, reaction } => (
            vec![
                set("category", category),
                set("failure_reaction", super::history_units::reaction_text(reaction.as_ref())),
            ],
            None,
        ),
        Event::RmaRefurbished { refurbishment, .. } => super::history_units::refurbished(refurbishment),
        Event::FailureCorrected { reason, changes, .. } => (changes.clone(), Some(reason.clone())),
        Event::FailureDispositionSet { disposition, previous, note, .. } => {
            (vec![changed("disposition", previous.map(|p| p.as_str()), disposition.as_str())], non_empty(note))
        }
        Event::FailureDispositionCompleted { outcome, qty, note, .. } => {
            ([set("outcome", outcome)].into_iter().chain(qty.map(|q| set("outcome_qty", q))).collect(), non_empty(note))
        }
        Event::FailureDeviationApproved { note, .. } => (vec![set("status", "closed")], non_empty(note)),
        Event::FailureReinspected { reinspection_no, .. } => (vec![set("reinspection", reinspection_no)], None),
        Event::ReshipmentRequested(r) => reshipment_requested(r, currencies),
        Event::ReshipmentAmended { reshipment_no, cost, reason, .. } => {
            currencies.insert(reshipment_no, &cost.currency);
            (reshipment_total(reshipment_no, cost.total_minor(), &cost.currency), non_empty(reason))
        }
        Event::ReshipmentApproved { reshipment_no, approval } => {
            (reshipment_total(reshipment_no, approval.total_minor, &approval.currency), non_empty(&approval.note))
        }
        Event::ReshipmentAuthorized { reshipment_no, due_on, by_policy } => {
            let by = by_policy.then(|| set("authorized_by", "policy"));
            ([set("reshipment_no", reshipment_no), set("due_on", due_on)].into_iter().chain(by).collect(), None)
        }
        Event::ReshipmentRejected { reshipment_no, reason } | Event::ReshipmentCancelled { reshipment_no, reason } => {
            (vec![set("reshipment_no", reshipment_no)], non_empty(reason))
        }
        Event::ReshipmentShipped { reshipment_no, carrier, tracking_no, shipped_on, .. } => {
            let shipped =
                [("carrier", carrier.display_name()), ("tracking_no", tracking_no), ("shipped_on", shipped_on)];
            (reshipment_fields(reshipment_no, &shipped), None)
        }
        Event::ReshipmentDelivered { reshipment_no, delivered_on } => {
            (vec![set("reshipment_no", reshipment_no), set("delivered_on", delivered_on)], None)
        }
        Event::ChargebackUpdated { reshipment_no, status, recovered_minor, note } => {
            (chargeback(reshipment_no, status.as_str(), *recovered_minor, currencies), non_empty(note))
        }
        Event::RmaOpened(o) => rma_opened(o, currencies),
        Event::RmaApproved { comment, .. }
        | Event::RmaRejected { comment, .. }
        | Event::RmaSuspended { comment, .. } => (Vec::new(), non_empty(comment)),
        Event::RmaCancelled { reason, .. } => (Vec::new(), non_empty(reason)),
        Event::ScarOpened(o) => {
            let mut changes = vec![set("scar_no", &o.scar_no), set("vendor_code", &o.vendor_code)];
            if let Some(failure_no) = &o.failure_no {
                changes.push(set("failure_no", failure_no));
            }
            changes.extend(o.team.iter().map(|m| set("team", format!("{} ({})", m.name, m.role))));
            (changes, non_empty(&o.problem))
        }
        Event::WorkOrderPlanned(plan) => {
            let mut changes = vec![
                set("work_order_no", &plan.work_order_no),
                set("sku", &plan.sku),
                set("output_lot_code", &plan.output_lot_code),
                set("planned_qty", format!("{} {}", plan.planned_qty, plan.unit)),
            ];
            changes.extend(plan.components.iter().map(|c| set("component", format!("{} × {}", c.lot_code, c.qty))));
            if let Some(due_on) = &plan.due_on {
                changes.push(set("ready_by", due_on));
            }
            (changes, non_empty(&plan.note))
        }
        Event::WorkOrderStarted { .. } => (vec![set("status", "in_progress")], None),
        Event::WorkOrderCompleted { output_qty, consumed, .. } => {
            let mut changes = vec![set("status", "completed"), set("output_qty", output_qty)];
            changes.extend(consumed.iter().map(|c| set("consumed", format!("{} × {}", c.lot_code, c.qty))));
            (changes, None)
        }
        Event::WorkOrderBlocked { failure_no, .. } => (vec![set("failure_no", failure_no)], None),
        Event::WorkOrderBlockDecided { failure_no, decision, note, .. } => {
            (vec![set("failure_no", failure_no), set("decision", decision.as_str())], non_empty(note))
        }
        Event::ComplaintOpened(o) => {
            let mut changes = vec![set("complaint_no", &o.complaint_no), set("received_on", &o.received_on)];
            let links = [
                ("customer_code", &o.customer_code),
                ("order_no", &o.order_no),
                ("lot_code", &o.lot_code),
                ("work_order_no", &o.work_order_no),
                ("sku", &o.sku),
                ("vendor_code", &o.vendor_code),
            ];
            changes.extend(links.iter().filter_map(|(field, value)| value.as_ref().map(|v| set(field, v))));
            changes.push(set("qty_affected", o.qty_affected));
            changes.push(set("severity", name(&o.severity)));
            (changes, non_empty(&o.description))
        }
        Event::ComplaintAdvanced { to, outcome, note, .. } => {
            let mut changes = vec![set("status", to.as_str())];
            if let Some(outcome) = outcome {
                changes.push(set("outcome", outcome.as_str()));
            }
            (changes, non_empty(note))
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
            let changes = vec![
                set("chargeback_source", source.as_str()),
                set("vendor_code", vendor_code),
                set("amount", money(*amount_minor, currency)),
            ];
            (changes, non_empty(note))
        }
        Event::FailureChargebackSettled { failure_no, source, status, recovered_minor, note } => {
            let mut changes = vec![set("chargeback_source", source.as_str()), set("chargeback", status.as_str())];
            if *recovered_minor > 0 {
                changes.push(match currencies.get(failure_no.as_str()) {
                    Some(currency) => set("recovered", money(*recovered_minor, currency)),
                    None => set("recovered_minor", recovered_minor),
                });
            }
            (changes, non_empty(note))
        }
        Event::RmaChargebackRecorded { claim_no, qty, serials, vendor_code, amount_minor, currency, .. } => {
            let mut changes = vec![
                set("chargeback_source", ChargebackSource::Refurbishment.as_str()),
                set("claim_no", claim_no),
                set("qty", qty),
            ];
            if !serials.is_empty() {
                changes.push(set("serials", serials.join(", ")));
            }
            changes.push(set("vendor_code", vendor_code));
            changes.push(set("amount", money(*amount_minor, currency)));
            (changes, None)
        }
        Event::RmaChargebackSettled { rma_no, claim_no, status, recovered_minor, note } => {
            let mut changes = vec![set("claim_no", claim_no), set("chargeback", status.as_str())];
            if *recovered_minor > 0 {
                changes.push(match currencies.get(rma_no.as_str()) {
                    Some(currency) => set("recovered", money(*recovered_minor, currency)),
                    None => set("recovered_minor", recovered_minor),
                });
            }
            (changes, non_empty(note))
        }
        // Told by `history_lines`, which knows the stream's lines and the people's names.
        Event::FailureDispositionLineAdded { .. }
        | Event::FailureDispositionLineCompleted { .. }
        | Event::FailureDispositionLineApproved { .. }
        | Event::FailureDispositionLineWithdrawn { .. } => (Vec::new(), None),
        Event::RmaFailureLogged { failure_no, .. } => (vec![set("failure_no", failure_no)], None),
        Event::RmaLabelPrinted { carrier, service, weight_grams, .. } => (
            vec![set("carrier", carrier.display_name()), set("service", service), set("weight_grams", weight_grams)],
            None,
        ),
        Event::RmaLabelFailed { detail, .. } => (Vec::new(), non_empty(detail)),
        Event::RmaInTransit { carrier, tracking_no, .. } => {
            (vec![set("carrier", carrier.display_name()), set("tracking_no", tracking_no)], None)
        }
        Event::RmaReceived { qty_received, intake, .. } => rma_received(qty_received, intake),
        Event::RmaInspected { rma_no, dispositions, b_stock } => {
            rma_inspected(currency_of(currencies, rma_no), dispositions, *b_stock)
        }
        Event::RmaPayoutRequested { request, .. } => (payout_requested(request), None),
        Event::RmaPayoutApproved { approval, .. } => {
            (vec![set("amount", money(approval.total_minor, &approval.currency))], non_empty(&approval.note))
        }
        Event::RmaCreditIssued { rma_no, amount_minor, .. } => {
            (vec![set("store_credit", money(*amount_minor, currency_of(currencies, rma_no)))], None)
        }
        Event::RmaCostRecorded { amount_minor, currency, note, .. } => {
            (vec![set("amount", money(*amount_minor, currency))], non_empty(note))
        }
        Event::RmaSettled { rma_no, settlement, .. } => {
            (rma_settled(currency_of(currencies, rma_no), settlement), None)
        }
        Event::LotsReceived { rows, .. } => (lot_quantities(rows.iter().map(|r| (r.lot_code.clone(), r.qty))), None),
        Event::LotsShipped { rows, .. } => (lots_shipped(rows), None),
        Event::LotsLinked { rows, .. } => {
            (lot_quantities(rows.iter().map(|r| (format!("{} → {}", r.from_lot, r.to_lot), r.qty))), None)
        }
        Event::SerialsRecorded { rows, .. } => {
            let serials: Vec<&str> = rows.iter().take(SERIALS_TOLD).map(|r| r.serial.as_str()).collect();
            (vec![set("serials", serials.join(", "))], None)
        }
        Event::LotHoldPlaced { reason, .. } => (Vec::new(), non_empty(reason)),
        Event::LotHoldReleased { note, .. } => (Vec::new(), non_empty(note)),
        Event::RecallStarted(opening) => (Vec::new(), non_empty(&opening.reason)),
        Event::ConflictResolved { resolution, note, write_off, .. } => {
            let written_off = write_off.as_ref().map(|w| set("qty", format!("+{}", w.qty)));
            ([set("resolution", resolution.as_str())].into_iter().chain(written_off).collect(), non_empty(note))
        }
        // Told by their kind alone.
        Event::SettingsInitialized { .. }
        | Event::UserCreated { .. }
        | Event::UserPasswordSet { .. }
        | Event::UserUpdated { .. }
        | Event::UserPasswordReset { .. }
        | Event::UserLanguageSet { .. }
        | Event::LogCheckAccepted { .. }
        | Event::SessionPolicySet { .. }
        | Event::ProductSaved(_)
        | Event::VendorSaved(_)
        | Event::CustomerSaved(_)
        | Event::OrderRecorded(_)
        | Event::ProductsImported { .. }
        | Event::VendorsImported { .. }
        | Event::CustomersImported { .. }
        | Event::OrdersImported { .. }
        | Event::DefectCategorySaved(_)
        | Event::LocationSaved(_)
        | Event::AttachmentStored { .. }
        | Event::BomSaved { .. }
        | Event::LotMoved { .. }
        | Event::RecallCustomerNotified { .. }
        | Event::RecallClosed { .. }
        | Event::ChecklistItemAdded { .. }
        | Event::ApprovalPolicySet(_)
        | Event::AqlSwitchingSet { .. }
        | Event::ReturnPolicySet(_)
        | Event::KpiTargetsSet(_)
        | Event::ScorecardSettingsSet(_)
        | Event::VendorRated { .. }
        | Event::VendorReviewed { .. }
        | Event::SafetyStockSet { .. } => (Vec::new(), None),
        Event::NotificationPreferencesSet { preferences, .. } => {
            let muted: Vec<&str> = preferences.muted.iter().map(|k| k.as_str()).collect();
            (vec![set("muted", muted.join(", ")), set("system", preferences.system)], None)
        }
        Event::SiteCalendarSet(calendar) => {
            (vec![set("time_zone", &calendar.time_zone), set("holidays", calendar.holidays.len())], None)
        }
        Event::LotInspectionRecorded { sku, vendor_code, lot_code, .. } => {
            let mut changes = vec![set("sku", sku), set("vendor_code", vendor_code), set("verdict", "accepted")];
            if let Some(lot) = lot_code {
                changes.push(set("lot_code", lot));
            }
            (changes, None)
        }
        Event::AqlInspectionResumed { note, .. } => (vec![set("inspection", "tightened")], non_empty(note)),
    }
}

fn changed(field: &str, before: Option<&str>, after: &str) -> FieldChange {
    FieldChange { field: field.into(), before: before.map(str::to_owned), after: Some(after.to_owned()) }
}

fn reshipment_total(reshipment_no: &str, total_minor: i64, currency: &str) -> Vec<FieldChange> {
    vec![set("reshipment_no", reshipment_no), set("total", money(total_minor, currency))]
}

fn reshipment_fields(reshipment_no: &str, fields: &[(&str, &str)]) -> Vec<FieldChange> {
    [set("reshipment_no", reshipment_no)].into_iter().chain(fields.iter().map(|(f, v)| set(f, v))).collect()
}

fn chargeback(reshipment_no: &str, status: &str, recovered_minor: i64, currencies: &Currencies) -> Vec<FieldChange> {
    let mut changes = vec![set("reshipment_no", reshipment_no), set("chargeback", status)];
    if recovered_minor > 0 {
        changes.push(match currencies.get(reshipment_no) {
            Some(currency) => set("recovered", money(recovered_minor, currency)),
            None => set("recovered_minor", recovered_minor),
        });
    }
    changes
}

fn payout_requested(request: &PayoutRequest) -> Vec<FieldChange> {
    vec![
        set("settlement", settlement_kind(&request.settlement)),
        set("amount", money(request.requirement.total_minor, &request.requirement.currency)),
        set("approvals_needed", request.requirement.approvals),
    ]
}

/// The first rows of a batch, each as its lot and quantity.
fn lot_quantities(rows: impl Iterator<Item = (String, i64)>) -> Vec<FieldChange> {
    rows.take(ROWS_TOLD).flat_map(|(lot, qty)| [set("lot_code", lot), set("qty", qty)]).collect()
}

fn currency_of<'a>(currencies: &Currencies<'a>, stream: &str) -> &'a str {
    currencies.get(stream).copied().unwrap_or("")
}

fn failure_logged(record: &FailureRecord, disposition: Option<&Disposition>, reinspection_of: Option<&str>) -> Told {
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

fn reshipment_requested<'a>(r: &'a ReshipmentRequest, currencies: &mut Currencies<'a>) -> Told {
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

fn rma_opened<'a>(o: &'a RmaOpening, currencies: &mut Currencies<'a>) -> Told {
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

fn rma_received(qty_received: &[i64], intake: &IntakeCheck) -> Told {
    let mut changes = vec![
        set("qty_received", qty_received.iter().sum::<i64>()),
        set("grade", name(&intake.grade)),
        set("packaging_intact", intake.packaging_intact),
        set("accessories_complete", intake.accessories_complete),
        set("serials_match", intake.serials_match),
    ];
    super::history_units::unit_grades_told(&mut changes, intake);
    (changes, non_empty(&intake.note))
}

fn rma_inspected(currency: &str, dispositions: &[LineDisposition], b_stock: bool) -> Told {
    let changes = dispositions
        .iter()
        .map(|d| {
            let mut text = format!("{} × {}", d.qty, name(&d.disposition));
            super::history_units::disposition_units(&mut text, d, b_stock);
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

fn rma_settled(currency: &str, settlement: &Settlement) -> Vec<FieldChange> {
    match settlement {
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
    }
}

fn lots_shipped(rows: &[LotShipment]) -> Vec<FieldChange> {
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
        .collect()
}
