use crate::aql::{self, Aql, AqlPlan, AqlPlanInput};
use crate::error::{ApiError, FieldError, Violations};
use crate::event::Event;
use crate::people::{Actor, Permission};

use super::lines::{DispositionLine, LineStatus, WHOLE_LINE};
use super::reaction::{FailureReaction, HoldScope, ReactionSource, apply_reaction};
use super::types::*;

/// Everything `decide_log` needs besides the record itself.
pub struct LogRequest<'a> {
    pub failure_no: String,
    pub inspector_id: String,
    pub occurred_at: String,
    pub record: FailureRecord,
    pub disposition: Option<Disposition>,
    pub product: &'a ProductFacts,
    pub category_active: bool,
    /// The failure this one re-inspects, folded from its events.
    pub reinspected: Option<&'a Failure>,
    /// The record's lot as Lotline knows it; `None` when no lot is named or the code is unknown.
    pub lot: Option<&'a LotFacts>,
    /// The inspector asks to hold the lot although the AQL verdict accepts it.
    pub hold_when_accepted: bool,
    /// The reaction set for the product (or its category, or the global rule), and which it was.
    pub reaction: FailureReaction,
    pub reaction_source: ReactionSource,
}

const MAX_ATTACHMENTS: usize = 20;

/// Checks the facts of a failure against the product it is about; used by log and correct.
pub fn check_record(record: &FailureRecord, product: &ProductFacts, category_active: bool) -> Violations {
    let mut v = Violations::default();
    if record.qty_inspected < 1 {
        v.push(FieldError::new("qty_inspected", "error.field.must_be_positive"));
    }
    if record.qty_failed < 1 {
        v.push(FieldError::new("qty_failed", "error.field.must_be_positive"));
    } else if record.qty_failed > record.qty_inspected {
        v.push(
            FieldError::new("qty_failed", "error.failure.qty_failed_above_inspected")
                .with("failed", record.qty_failed)
                .with("inspected", record.qty_inspected),
        );
    }
    if product.lot_tracked && record.lot_code.as_deref().is_none_or(|l| l.trim().is_empty()) {
        v.push(FieldError::new("lot_code", "error.failure.lot_required").with("sku", &product.sku));
    }
    if let Some(lot) = &record.lot_code {
        crate::lots::check_lot_code(&mut v, "lot_code", lot);
    }
    if product.serial_tracked {
        if record.serials.is_empty() {
            v.push(FieldError::new("serials", "error.failure.serials_required").with("sku", &product.sku));
        } else if record.serials.len() as i64 > record.qty_failed {
            v.push(
                FieldError::new("serials", "error.failure.too_many_serials")
                    .with("count", record.serials.len())
                    .with("failed", record.qty_failed),
            );
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    for serial in &record.serials {
        if !seen.insert(serial) {
            v.push(FieldError::new("serials", "error.failure.duplicate_serial").with("serial", serial));
        }
    }
    // A serial is accepted or rejected, not both; only units inspected are judged.
    if !record.accepted_serials.is_empty() && !product.serial_tracked {
        v.push(FieldError::new("accepted_serials", "error.failure.not_serial_tracked").with("sku", &product.sku));
    }
    for serial in &record.accepted_serials {
        if !seen.insert(serial) {
            v.push(FieldError::new("accepted_serials", "error.failure.duplicate_serial").with("serial", serial));
        }
    }
    if (record.serials.len() + record.accepted_serials.len()) as i64 > record.qty_inspected.max(0) {
        v.push(
            FieldError::new("accepted_serials", "error.failure.serials_above_inspected")
                .with("count", record.serials.len() + record.accepted_serials.len())
                .with("inspected", record.qty_inspected),
        );
    }
    if !category_active {
        v.push(FieldError::new("category_code", "error.failure.unknown_category").with("code", &record.category_code));
    }
    v.required("description", &record.description);
    v.max_len("description", &record.description, crate::limits::NOTE);
    if record.attachment_ids.len() > MAX_ATTACHMENTS {
        v.push(FieldError::new("attachment_ids", "error.failure.too_many_attachments").with("max", MAX_ATTACHMENTS));
    }
    v
}

/// A known lot must be of the failure's product and vendor: a lot code typed for the wrong
/// product would otherwise put someone else's stock on hold.
pub fn check_lot(record: &FailureRecord, lot: Option<&LotFacts>) -> Violations {
    let mut v = Violations::default();
    if let Some(lot) = lot {
        if lot.sku != record.sku {
            v.push(
                FieldError::new("lot_code", "error.failure.lot_of_other_product")
                    .with("lot", &lot.lot_code)
                    .with("sku", &lot.sku),
            );
        } else if lot.vendor_code != record.vendor_code {
            v.push(
                FieldError::new("lot_code", "error.failure.lot_of_other_vendor")
                    .with("lot", &lot.lot_code)
                    .with("vendor", &lot.vendor_code),
            );
        }
    }
    v
}

/// The inspection must say what the failure says: the defects found in the failure's severity
/// class are at least the units it failed, so 3 critical units out of 50 cannot read "accepted".
pub fn check_inspection_agrees(record: &FailureRecord) -> Violations {
    let mut v = Violations::default();
    let Some(inspection) = &record.inspection else { return v };
    let input = &inspection.input;
    // Every class's plan must have been drawn: fewer units inspected than the largest sample is
    // not an inspection by the plan (more is allowed).
    let sample = inspection.plans.iter().map(|p| p.plan.sample_size).max().unwrap_or(0);
    if (record.qty_inspected.max(0) as u64) < sample {
        v.push(
            FieldError::new("qty_inspected", "error.aql.below_sample")
                .with("inspected", record.qty_inspected)
                .with("sample", sample),
        );
    }
    let (found, field) = match record.severity {
        Severity::Critical => (input.defects_critical, "inspection.defects_critical"),
        Severity::Major => (input.defects_major, "inspection.defects_major"),
        Severity::Minor => (input.defects_minor, "inspection.defects_minor"),
    };
    if i64::from(found) < record.qty_failed {
        v.push(
            FieldError::new(field, "error.aql.found_below_failed")
                .with("found", found)
                .with("failed", record.qty_failed)
                .with("severity", record.severity.name()),
        );
    }
    v
}

/// Should logging this record put its lot on hold? Only a lot Lotline knows (a typo must not
/// create a lot), and not when the inspection accepted the lot, unless the inspector asks.
pub fn holds_lot(record: &FailureRecord, lot: Option<&LotFacts>, hold_when_accepted: bool) -> bool {
    let accepted = record.inspection.as_ref().is_some_and(|i| i.verdict == PlanVerdict::Accept);
    lot.is_some() && (!accepted || hold_when_accepted)
}

/// Works out the sampling plan per severity class and the verdict from the defects found.
pub fn evaluate_inspection(input: &InspectionInput) -> Result<InspectionResult, ApiError> {
    let classes = [
        (Severity::Critical, input.aql_critical, input.defects_critical, "aql_critical"),
        (Severity::Major, input.aql_major, input.defects_major, "aql_major"),
        (Severity::Minor, input.aql_minor, input.defects_minor, "aql_minor"),
    ];
    let mut plans = Vec::new();
    let mut v = Violations::default();
    for (severity, aql_value, found, field) in classes {
        // Critical defects are never tolerated: without an AQL the class is inspected at
        // acceptance number 0 on the level's sample, and with one its Ac is held at 0 too.
        if severity == Severity::Critical {
            match critical_plan(input, aql_value) {
                Ok(plan) => {
                    let verdict = if found == 0 { PlanVerdict::Accept } else { PlanVerdict::Reject };
                    plans.push(SeverityPlan { severity, aql: aql_value.unwrap_or(0.0), plan, found, verdict });
                }
                Err(err) => v.push(err),
            }
            continue;
        }
        let Some(aql_value) = aql_value else { continue };
        let Some(aql) = Aql::from_value(aql_value) else {
            v.push(FieldError::new(field, "error.aql.not_standard").with("value", aql_value));
            continue;
        };
        match aql::plan(&AqlPlanInput {
            lot_size: input.lot_size,
            level: input.level,
            aql,
            inspection: Some(input.inspection),
        }) {
            Ok(plan) => {
                let verdict = match aql::verdict(&plan, found) {
                    aql::Verdict::Accept => PlanVerdict::Accept,
                    aql::Verdict::Reject => PlanVerdict::Reject,
                };
                plans.push(SeverityPlan { severity, aql: aql_value, plan, found, verdict });
            }
            Err(err) => {
                let at = if err.field() == "aql" { field } else { err.field() };
                v.push(FieldError::new(format!("inspection.{at}"), "error.aql.invalid").with("reason", err));
            }
        }
    }
    v.into_result()?;
    let verdict =
        if plans.iter().any(|p| p.verdict == PlanVerdict::Reject) { PlanVerdict::Reject } else { PlanVerdict::Accept };
    Ok(InspectionResult { input: input.clone(), plans, verdict })
}

fn critical_plan(input: &InspectionInput, aql_value: Option<f64>) -> Result<AqlPlan, FieldError> {
    let plan = match aql_value {
        Some(value) => {
            let aql = Aql::from_value(value)
                .ok_or_else(|| FieldError::new("aql_critical", "error.aql.not_standard").with("value", value))?;
            aql::plan(&AqlPlanInput {
                lot_size: input.lot_size,
                level: input.level,
                aql,
                inspection: Some(input.inspection),
            })
        }
        None => aql::zero_acceptance_plan(input.lot_size, input.level, input.inspection),
    };
    let plan = plan.map_err(|err| {
        let at = if err.field() == "aql" { "aql_critical" } else { err.field() };
        FieldError::new(format!("inspection.{at}"), "error.aql.invalid").with("reason", err)
    })?;
    Ok(AqlPlan { accept: 0, reject: 1, ..plan })
}

/// A failure waits for a re-inspection while a re-inspect line of it runs.
fn awaits_reinspection(failure: &Failure) -> bool {
    failure.status != FailureStatus::Closed
        && failure.lines.iter().any(|l| l.disposition == Disposition::Reinspect && l.status == LineStatus::Open)
}

pub fn decide_log(request: LogRequest<'_>) -> Result<Vec<Event>, ApiError> {
    let mut v = check_record(&request.record, request.product, request.category_active);
    v.0.extend(check_lot(&request.record, request.lot).0);
    v.0.extend(check_inspection_agrees(&request.record).0);
    if let Some(original) = request.reinspected
        && !awaits_reinspection(original)
    {
        v.push(
            FieldError::new("reinspection_of", "error.failure.not_awaiting_reinspection")
                .with("failure_no", &original.failure_no),
        );
    }
    v.into_result()?;
    let record = request.record;
    let reaction = apply_reaction(
        &record,
        request.product,
        request.lot,
        request.hold_when_accepted,
        request.reaction,
        request.reaction_source,
    );
    let mut events = Vec::new();
    if let Some(lot_code) = &record.lot_code
        && reaction.held != HoldScope::None
    {
        events.push(Event::LotHoldPlaced {
            lot_code: lot_code.clone(),
            sku: record.sku.clone(),
            vendor_code: record.vendor_code.clone(),
            reason: "qc_failure".into(),
            failure_no: request.failure_no.clone(),
            quarantine: false,
            serials: reaction.held_serials.clone(),
        });
    }
    if let Some(original) = request.reinspected {
        events.push(Event::FailureReinspected {
            failure_no: original.failure_no.clone(),
            reinspection_no: request.failure_no.clone(),
        });
    }
    events.insert(
        0,
        Event::FailureLogged {
            failure_no: request.failure_no,
            occurred_at: request.occurred_at,
            inspector_id: request.inspector_id,
            record,
            disposition: request.disposition,
            reinspection_of: request.reinspected.map(|f| f.failure_no.clone()),
            reaction: Some(reaction),
        },
    );
    Ok(events)
}

fn text(value: impl ToString) -> Option<String> {
    Some(value.to_string())
}

fn named<T: serde::Serialize>(value: &T) -> Option<String> {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned))
}

/// Applies the requested changes and lists each field that actually changed, before and after.
pub fn apply_changes(record: &FailureRecord, changes: &FailureChanges) -> (FailureRecord, Vec<FieldChange>) {
    let mut next = record.clone();
    let mut diff = Vec::new();
    let mut note = |field: &str, before: Option<String>, after: Option<String>| {
        if before != after {
            diff.push(FieldChange { field: field.into(), before, after });
        }
    };
    if let Some(value) = &changes.description {
        note("description", text(&record.description), text(value));
        next.description = value.trim().to_owned();
    }
    if let Some(value) = changes.qty_inspected {
        note("qty_inspected", text(record.qty_inspected), text(value));
        next.qty_inspected = value;
    }
    if let Some(value) = changes.qty_failed {
        note("qty_failed", text(record.qty_failed), text(value));
        next.qty_failed = value;
    }
    if let Some(value) = &changes.category_code {
        note("category_code", text(&record.category_code), text(value));
        next.category_code = value.clone();
    }
    if let Some(value) = changes.severity {
        note("severity", named(&record.severity), named(&value));
        next.severity = value;
    }
    if let Some(value) = &changes.lot_code {
        let value = Some(crate::lots::normalise_lot_code(value)).filter(|v| !v.is_empty());
        note("lot_code", record.lot_code.clone(), value.clone());
        next.lot_code = value;
    }
    if let Some(value) = changes.stage {
        note("stage", named(&record.stage), named(&value));
        next.stage = value;
    }
    if let Some(value) = changes.owner_team {
        note("owner_team", named(&record.owner_team), named(&value));
        next.owner_team = value;
    }
    if let Some(value) = &changes.serials {
        note("serials", text(record.serials.join(", ")), text(value.join(", ")));
        next.serials = value.clone();
    }
    if let Some(value) = &changes.inspection {
        let summary = |i: &InspectionInput| {
            format!("{} {:?} {}/{}/{}", i.lot_size, i.level, i.defects_critical, i.defects_major, i.defects_minor)
        };
        note("inspection", record.inspection.as_ref().map(|i| summary(&i.input)), Some(summary(value)));
        // An inspection that does not evaluate is refused by `decide_correct`, which runs it again.
        next.inspection = evaluate_inspection(value).ok();
    }
    (next, diff)
}

pub fn decide_correct(
    failure: &Failure,
    changes: &FailureChanges,
    reason: &str,
    product: &ProductFacts,
    category_active: bool,
    lot_facts: Option<&LotFacts>,
) -> Result<Vec<Event>, ApiError> {
    let mut v = Violations::default();
    v.required("reason", reason);
    v.max_len("reason", reason, crate::limits::REASON);
    if let Some(inspection) = &changes.inspection
        && let Err(err) = evaluate_inspection(inspection)
    {
        v.0.extend(err.fields);
    }
    let (record, diff) = apply_changes(&failure.record, changes);
    v.0.extend(check_record(&record, product, category_active).0);
    v.0.extend(check_lot(&record, lot_facts).0);
    v.0.extend(check_inspection_agrees(&record).0);
    let held = failure.lines.iter().filter(|l| !l.whole).map(DispositionLine::assigned).sum::<i64>();
    if record.qty_failed >= 1 && record.qty_failed < held {
        v.push(
            FieldError::new("qty_failed", "error.failure.qty_failed_below_lines")
                .with("failed", record.qty_failed)
                .with("assigned", held),
        );
    }
    v.into_result()?;
    if diff.is_empty() {
        return Err(ApiError::field(FieldError::new("changes", "error.failure.nothing_changed")));
    }
    let mut events = vec![Event::FailureCorrected {
        failure_no: failure.failure_no.clone(),
        reason: reason.trim().to_owned(),
        requested: changes.clone(),
        changes: diff,
        record: record.clone(),
    }];
    if let Some(lot) = &record.lot_code
        && failure.record.lot_code.as_ref() != Some(lot)
        && holds_lot(&record, lot_facts, false)
    {
        events.push(Event::LotHoldPlaced {
            lot_code: lot.clone(),
            sku: record.sku.clone(),
            vendor_code: record.vendor_code.clone(),
            reason: "qc_failure".into(),
            failure_no: failure.failure_no.clone(),
            quarantine: false,
            serials: Vec::new(),
        });
    }
    Ok(events)
}

fn not_closed(failure: &Failure) -> Result<(), ApiError> {
    if failure.status == FailureStatus::Closed {
        return Err(ApiError::conflict("error.failure.closed").with("failure_no", &failure.failure_no));
    }
    Ok(())
}

/// The single disposition's acts work on the whole-quantity line; once the quantity is split
/// over lines, each line is decided on its own.
fn not_split(failure: &Failure) -> Result<(), ApiError> {
    if failure.is_split() {
        return Err(ApiError::conflict("error.failure.split_into_lines").with("failure_no", &failure.failure_no));
    }
    Ok(())
}

pub fn decide_set_disposition(failure: &Failure, disposition: Disposition, note: &str) -> Result<Vec<Event>, ApiError> {
    not_closed(failure)?;
    not_split(failure)?;
    if failure.disposition == Some(disposition) {
        return Err(ApiError::conflict("error.failure.disposition_unchanged").with("disposition", disposition.as_str()));
    }
    let mut v = Violations::default();
    v.max_len("note", note, crate::limits::REASON);
    v.into_result()?;
    Ok(vec![Event::FailureDispositionSet {
        failure_no: failure.failure_no.clone(),
        disposition,
        previous: failure.disposition,
        note: note.trim().to_owned(),
    }])
}

/// Closes the follow-up of rework, scrap, return-to-vendor, or a re-inspection that passed.
/// Completes the disposition; rework may say what it cost, which the review books as rework.
pub fn decide_complete(
    failure: &Failure,
    outcome: &str,
    qty: Option<i64>,
    note: &str,
    cost_minor: Option<i64>,
) -> Result<Vec<Event>, ApiError> {
    not_closed(failure)?;
    not_split(failure)?;
    let Some(disposition) = failure.disposition else {
        return Err(ApiError::conflict("error.failure.no_disposition").with("failure_no", &failure.failure_no));
    };
    if disposition == Disposition::AcceptWithDeviation {
        return Err(ApiError::conflict("error.failure.deviation_needs_approval"));
    }
    let mut v = Violations::default();
    v.required("outcome", outcome);
    v.max_len("outcome", outcome, crate::limits::LINE);
    v.max_len("note", note, crate::limits::REASON);
    if let Some(qty) = qty
        && (qty < 0 || qty > failure.record.qty_failed)
    {
        v.push(FieldError::new("qty", "error.failure.outcome_qty_range").with("max", failure.record.qty_failed));
    }
    if let Some(cost) = cost_minor {
        if disposition != Disposition::Rework {
            v.push(FieldError::new("cost_minor", "error.failure.cost_only_for_rework"));
        } else if cost < 0 {
            v.push(FieldError::new("cost_minor", "error.field.negative"));
        }
    }
    v.into_result()?;
    Ok(vec![Event::FailureDispositionCompleted {
        failure_no: failure.failure_no.clone(),
        outcome: outcome.trim().to_owned(),
        qty,
        note: note.trim().to_owned(),
        cost_minor,
    }])
}

/// `requested_by`: who chose "accept with deviation" (the latest disposition's author). Neither
/// the inspector who logged the failure nor the person who asked for the deviation approves it.
pub fn decide_approve_deviation(
    failure: &Failure,
    actor: &Actor,
    note: &str,
    requested_by: Option<&str>,
) -> Result<Vec<Event>, ApiError> {
    actor.require(Permission::ApproveDeviation)?;
    not_closed(failure)?;
    not_split(failure)?;
    if failure.status != FailureStatus::AwaitingApproval {
        return Err(ApiError::conflict("error.failure.no_deviation_requested"));
    }
    if failure.inspector_id == actor.user_id || requested_by == Some(actor.user_id.as_str()) {
        return Err(ApiError::forbidden("error.failure.own_deviation"));
    }
    let mut v = Violations::default();
    v.required("note", note);
    v.max_len("note", note.trim(), crate::limits::REASON);
    v.into_result()?;
    Ok(vec![Event::FailureDeviationApproved { failure_no: failure.failure_no.clone(), note: note.trim().to_owned() }])
}

impl Failure {
    /// Folds one event of this failure's stream; events of other streams leave it unchanged.
    /// The old single-disposition events keep their meaning (each sets the status it always
    /// set) and keep the whole-quantity line in step; line events decide the status from lines.
    pub fn evolve(state: Option<Failure>, event: &Event) -> Option<Failure> {
        match (state, event) {
            (
                None,
                Event::FailureLogged {
                    failure_no,
                    occurred_at,
                    inspector_id,
                    record,
                    disposition,
                    reinspection_of,
                    ..
                },
            ) => Some(Failure {
                failure_no: failure_no.clone(),
                occurred_at: occurred_at.clone(),
                inspector_id: inspector_id.clone(),
                record: record.clone(),
                status: disposition.map_or(FailureStatus::Open, Disposition::entry_status),
                disposition: *disposition,
                disposition_note: None,
                outcome: None,
                outcome_qty: None,
                reinspection_of: reinspection_of.clone(),
                reinspections: Vec::new(),
                lines: disposition.map(|d| DispositionLine::whole(d, record.qty_failed)).into_iter().collect(),
                version: 1,
            }),
            (Some(mut f), event) => {
                if super::lines_decide::evolve_line(&mut f, event) {
                    f.version += 1;
                    return Some(f);
                }
                match event {
                    Event::FailureCorrected { record, .. } => {
                        f.record = record.clone();
                        let qty = record.qty_failed;
                        if let Some(line) = f.lines.iter_mut().find(|l| l.whole) {
                            line.qty = qty;
                        }
                        if f.is_split() {
                            f.status = f.status_from_lines();
                        }
                    }
                    Event::FailureDispositionSet { disposition, note, .. } => {
                        f.disposition = Some(*disposition);
                        f.disposition_note = Some(note.clone()).filter(|n| !n.is_empty());
                        f.status = disposition.entry_status();
                        let qty = f.record.qty_failed;
                        match f.lines.iter_mut().find(|l| l.whole) {
                            Some(line) => *line = DispositionLine::whole(*disposition, qty),
                            None => f.lines.push(DispositionLine::whole(*disposition, qty)),
                        }
                    }
                    Event::FailureDispositionCompleted { outcome, qty, .. } => {
                        f.outcome = Some(outcome.clone());
                        f.outcome_qty = *qty;
                        f.status = FailureStatus::Closed;
                        complete_whole(&mut f, outcome, *qty);
                    }
                    Event::FailureDeviationApproved { .. } => {
                        f.outcome = Some("accepted_with_deviation".into());
                        f.status = FailureStatus::Closed;
                        complete_whole(&mut f, "accepted_with_deviation", None);
                    }
                    Event::FailureReinspected { reinspection_no, .. } => {
                        f.reinspections.push(reinspection_no.clone());
                        f.outcome = Some("reinspection_failed".into());
                        // The re-inspected units live on in the new failure: the running
                        // re-inspect lines are accounted for by it.
                        for line in
                            f.lines.iter_mut().filter(|l| l.disposition == Disposition::Reinspect && l.is_running())
                        {
                            line.status = LineStatus::Completed;
                            line.outcome = Some("reinspection_failed".into());
                            line.qty_completed = Some(line.qty);
                        }
                        f.status = if f.is_split() { f.status_from_lines() } else { FailureStatus::Closed };
                    }
                    _ => return Some(f),
                }
                f.version += 1;
                Some(f)
            }
            (None, _) => None,
        }
    }
}

/// The old completion closed the failure whatever its quantity said: the whole line accounts
/// for every failed unit, and the outcome's quantity is what it covered (scrapped, reworked).
fn complete_whole(f: &mut Failure, outcome: &str, qty: Option<i64>) {
    let failed = f.record.qty_failed;
    let line = match f.lines.iter_mut().position(|l| l.line_id == WHOLE_LINE) {
        Some(at) => &mut f.lines[at],
        None => {
            f.lines.push(DispositionLine::whole(f.disposition.unwrap_or(Disposition::AcceptWithDeviation), failed));
            f.lines.last_mut().expect("just pushed")
        }
    };
    line.status = LineStatus::Completed;
    line.outcome = Some(outcome.to_owned());
    line.qty = failed;
    line.qty_completed = Some(qty.unwrap_or(failed));
}
