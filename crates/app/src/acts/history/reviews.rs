//! The reviews' settings, inspections under AQL switching, ratings and safety stock.

use lotline_domain::Event;

use super::kinds::{
    failure_events, lot_events, master_data_events, production_events, reshipment_events, return_events, scar_events,
    settings_events,
};
use super::{Told, elsewhere, non_empty, set};

pub(super) fn told(event: &Event) -> Told {
    match event {
        Event::LotInspectionRecorded { sku, vendor_code, lot_code, .. } => {
            let mut changes = vec![set("sku", sku), set("vendor_code", vendor_code), set("verdict", "accepted")];
            if let Some(lot) = lot_code {
                changes.push(set("lot_code", lot));
            }
            (changes, None)
        }
        Event::AqlInspectionResumed { note, .. } => (vec![set("inspection", "tightened")], non_empty(note)),
        // Told by their kind alone.
        Event::KpiTargetsSet(_)
        | Event::AqlSwitchingSet { .. }
        | Event::ScorecardSettingsSet(_)
        | Event::VendorRated { .. }
        | Event::VendorReviewed { .. }
        | Event::SafetyStockSet { .. } => (Vec::new(), None),
        failure_events!()
        | lot_events!()
        | master_data_events!()
        | production_events!()
        | reshipment_events!()
        | return_events!()
        | scar_events!()
        | settings_events!() => elsewhere(),
    }
}
