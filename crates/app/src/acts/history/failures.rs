//! A failure's logging, corrections, dispositions and their lines.

use std::collections::HashMap;

use lotline_domain::Event;
use lotline_domain::failure::{Disposition, FailureRecord};

use super::kinds::{
    lot_events, master_data_events, production_events, reshipment_events, return_events, review_events, scar_events,
    settings_events,
};
use super::{Told, changed, elsewhere, name, non_empty, set};
use crate::acts::history_lines::{self, Lines};
use crate::acts::history_units;

pub(super) fn told(event: &Event, lines: &mut Lines, names: &HashMap<String, String>) -> Told {
    match event {
        Event::FailureLogged { record, disposition, reinspection_of, reaction, .. } => {
            if let Some(d) = disposition {
                history_lines::whole_line(lines, d);
            }
            let (mut changes, note) = logged(record, disposition.as_ref(), reinspection_of.as_deref());
            history_units::failure_reaction(&mut changes, &record.accepted_serials, reaction.as_ref());
            (changes, note)
        }
        Event::FailureCorrected { reason, changes, .. } => (changes.clone(), Some(reason.clone())),
        Event::FailureDispositionSet { disposition, previous, note, .. } => {
            history_lines::whole_line(lines, disposition);
            (vec![changed("disposition", previous.map(|p| p.as_str()), disposition.as_str())], non_empty(note))
        }
        Event::FailureDispositionCompleted { outcome, qty, note, .. } => {
            ([set("outcome", outcome)].into_iter().chain(qty.map(|q| set("outcome_qty", q))).collect(), non_empty(note))
        }
        Event::FailureDeviationApproved { note, .. } => (vec![set("status", "closed")], non_empty(note)),
        Event::FailureReinspected { reinspection_no, .. } => (vec![set("reinspection", reinspection_no)], None),
        Event::FailureDispositionLineAdded { line_id, line, .. } => history_lines::added(lines, names, line_id, line),
        Event::FailureDispositionLineCompleted { line_id, completion, .. } => {
            history_lines::completed(lines, names, line_id, completion)
        }
        Event::FailureDispositionLineApproved { line_id, note, .. } => history_lines::approved(lines, line_id, note),
        Event::FailureDispositionLineWithdrawn { line_id, reason, .. } => {
            history_lines::withdrawn(lines, line_id, reason)
        }
        lot_events!()
        | master_data_events!()
        | production_events!()
        | reshipment_events!()
        | return_events!()
        | review_events!()
        | scar_events!()
        | settings_events!() => elsewhere(),
    }
}

fn logged(record: &FailureRecord, disposition: Option<&Disposition>, reinspection_of: Option<&str>) -> Told {
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
