//! Lots, serials, their holds and moves, and recalls.

use lotline_domain::Event;
use lotline_domain::failure::FieldChange;
use lotline_domain::lots::LotShipment;

use super::kinds::{
    failure_events, master_data_events, production_events, reshipment_events, return_events, review_events,
    scar_events, settings_events,
};
use super::{Told, elsewhere, non_empty, set};

/// Rows of a batch told in a history entry: an import's thousands are not read there.
const ROWS_TOLD: usize = 5;
const SERIALS_TOLD: usize = 20;

pub(super) fn told(event: &Event) -> Told {
    match event {
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
        // Told by their kind alone.
        Event::LotMoved { .. } | Event::RecallCustomerNotified { .. } | Event::RecallClosed { .. } => {
            (Vec::new(), None)
        }
        failure_events!()
        | master_data_events!()
        | production_events!()
        | reshipment_events!()
        | return_events!()
        | review_events!()
        | scar_events!()
        | settings_events!() => elsewhere(),
    }
}

/// The first rows of a batch, each as its lot and quantity.
fn lot_quantities(rows: impl Iterator<Item = (String, i64)>) -> Vec<FieldChange> {
    rows.take(ROWS_TOLD).flat_map(|(lot, qty)| [set("lot_code", lot), set("qty", qty)]).collect()
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
