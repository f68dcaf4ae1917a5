//! Products, vendors, customers, orders, categories, locations, attachments, checklists, bills of
//! materials and resolved conflicts.

use lotline_domain::Event;

use super::kinds::{
    failure_events, lot_events, production_events, reshipment_events, return_events, review_events, scar_events,
    settings_events,
};
use super::{Told, elsewhere, non_empty, set};
use crate::acts::history_units;

pub(super) fn told(event: &Event) -> Told {
    match event {
        Event::CategoryReactionSet { category, reaction } => (
            vec![set("category", category), set("failure_reaction", history_units::reaction_text(reaction.as_ref()))],
            None,
        ),
        Event::ConflictResolved { resolution, note, write_off, .. } => {
            let written_off = write_off.as_ref().map(|w| set("qty", format!("+{}", w.qty)));
            ([set("resolution", resolution.as_str())].into_iter().chain(written_off).collect(), non_empty(note))
        }
        // Told by their kind alone.
        Event::ProductSaved(_)
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
        | Event::ChecklistItemAdded { .. }
        | Event::BomSaved { .. } => (Vec::new(), None),
        failure_events!()
        | lot_events!()
        | production_events!()
        | reshipment_events!()
        | return_events!()
        | review_events!()
        | scar_events!()
        | settings_events!() => elsewhere(),
    }
}
