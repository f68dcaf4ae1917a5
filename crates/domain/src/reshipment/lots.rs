//! Replacement goods taken from a lot leave like any shipment of it: not while a hold or recall
//! is on the lot, not once it expired, and not beyond what is left of it. A lot never received
//! here (known only from a QC failure, or not at all) has no stock to count; its holds still
//! count. Serials held on their own (a failed per-serial inspection) stay in their lot as they do
//! for a lot shipment: the item may not name them, nor take the units they keep back.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::error::FieldError;
use crate::lots::{ActiveHold, LotStanding, Movement, check_movable};

/// What the lots named by a reshipment's items stand at.
#[derive(Debug, Clone, Default)]
pub struct ItemLots {
    /// Lots received here, with their holds, by code.
    pub received: HashMap<String, LotStanding>,
    /// Every lot with a hold in force, received or not.
    pub on_hold: HashSet<String>,
    /// Serials held on their own and not shipped, by lot code and serial, with what holds each.
    pub held_serials: HashMap<String, HashMap<String, ActiveHold>>,
}

/// Checks each item's lot, taking from a lot as the items before it took, so two items of one
/// lot cannot ship its stock twice. Items are (index in the form, lot, qty, serials).
pub fn check_item_lots<'a>(
    items: impl IntoIterator<Item = (usize, &'a str, i64, &'a [String])>,
    lots: &ItemLots,
    today: NaiveDate,
) -> Vec<FieldError> {
    let mut taken: HashMap<&str, i64> = HashMap::new();
    let mut errors = Vec::new();
    let none = HashMap::new();
    for (i, lot, qty, serials) in items {
        let field = format!("items.{i}.lot_code");
        let held = lots.held_serials.get(lot).unwrap_or(&none);
        let named_held: Vec<FieldError> = serials
            .iter()
            .filter_map(|serial| {
                let hold = held.get(serial)?;
                Some(
                    FieldError::new(format!("items.{i}.serials"), "error.lot.serial_on_hold")
                        .with("serial", serial)
                        .with("lot", lot)
                        .with("reason", &hold.reason)
                        .with("source", hold.source.as_deref().unwrap_or_default()),
                )
            })
            .collect();
        if !named_held.is_empty() {
            errors.extend(named_held);
            continue;
        }
        match lots.received.get(lot) {
            Some(standing) => {
                let already = taken.entry(lot).or_default();
                let left = LotStanding { on_hand: standing.on_hand - *already, ..standing.clone() };
                let kept = held.len() as i64;
                match check_movable(&left, Movement::Ship, qty, today, &field) {
                    Ok(()) if kept > 0 && qty > left.on_hand - kept => errors.push(
                        FieldError::new(field, "error.lot.held_serials_stay")
                            .with("lot", lot)
                            .with("held", kept)
                            .with("available", (left.on_hand - kept).max(0)),
                    ),
                    Ok(()) => *already += qty,
                    Err(error) => errors.extend(error.fields),
                }
            }
            None if lots.on_hold.contains(lot) => {
                errors.push(FieldError::new(field, "error.reshipment.lot_on_hold").with("lot_code", lot));
            }
            None => {}
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lots::{ActiveHold, LotStatus};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn standing(code: &str, on_hand: i64, expiry: Option<NaiveDate>, holds: Vec<ActiveHold>) -> LotStanding {
        LotStanding { lot_code: code.into(), status: LotStatus::Available, expiry_date: expiry, on_hand, holds }
    }

    #[test]
    fn a_lot_ships_within_its_stock_its_holds_and_its_expiry() {
        let recall = ActiveHold { reason: "Loose screws".into(), source: Some("RC-AMS1-000001".into()) };
        let mut lots = ItemLots::default();
        lots.received.insert("L-OK".into(), standing("L-OK", 10, None, Vec::new()));
        lots.received.insert("L-RECALLED".into(), standing("L-RECALLED", 10, None, vec![recall]));
        lots.received.insert("L-OLD".into(), standing("L-OLD", 10, Some(day(1)), Vec::new()));
        lots.on_hold.insert("L-FOREIGN".into());
        let errors = check_item_lots(
            [
                (0, "L-OK", 6),
                (1, "L-OK", 5),
                (2, "L-RECALLED", 1),
                (3, "L-OLD", 1),
                (4, "L-FOREIGN", 1),
                (5, "L-NEW", 9),
            ]
            .map(|(i, lot, qty)| (i, lot, qty, &[][..])),
            &lots,
            day(2),
        );
        let found: Vec<(&str, &str)> = errors.iter().map(|e| (e.field.as_str(), e.message_key.as_str())).collect();
        assert_eq!(
            found,
            [
                ("items.1.lot_code", "error.lot.not_enough"),
                ("items.2.lot_code", "error.lot.on_hold"),
                ("items.3.lot_code", "error.lot.expired"),
                ("items.4.lot_code", "error.reshipment.lot_on_hold"),
            ]
        );
        assert_eq!(errors[0].params["on_hand"], "4", "the second item sees what the first took");
        assert_eq!(errors[1].params["source"], "RC-AMS1-000001");
    }

    #[test]
    fn serials_held_on_their_own_stay_in_the_lot() {
        let hold = ActiveHold { reason: "qc_failure".into(), source: Some("QF-AMS1-000007".into()) };
        let mut lots = ItemLots::default();
        lots.received.insert("L-S".into(), standing("L-S", 5, None, Vec::new()));
        let held = [("S-2".to_owned(), hold.clone()), ("S-4".to_owned(), hold)].into_iter().collect();
        lots.held_serials.insert("L-S".into(), held);
        let named = ["S-1".to_owned(), "S-2".to_owned()];
        let free = ["S-1".to_owned()];
        // Five units, two held: an item naming a held serial is refused; a free one may take two
        // more after the first took one (three free in all), not three.
        let errors = check_item_lots(
            [(0, "L-S", 2, &named[..]), (1, "L-S", 1, &free[..]), (2, "L-S", 3, &[][..]), (3, "L-S", 2, &[][..])],
            &lots,
            day(2),
        );
        let found: Vec<(&str, &str)> = errors.iter().map(|e| (e.field.as_str(), e.message_key.as_str())).collect();
        assert_eq!(
            found,
            [("items.0.serials", "error.lot.serial_on_hold"), ("items.2.lot_code", "error.lot.held_serials_stay")]
        );
        assert_eq!(
            (errors[0].params["serial"].as_str(), errors[0].params["source"].as_str()),
            ("S-2", "QF-AMS1-000007")
        );
        assert_eq!((errors[1].params["held"].as_str(), errors[1].params["available"].as_str()), ("2", "2"));
    }
}
