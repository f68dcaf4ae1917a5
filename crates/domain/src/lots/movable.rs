//! Whether a lot may move on (be shipped, consumed into another lot, or moved): not while a hold
//! is on it, not once expired, and not beyond what is left of it. The refusal names the hold and
//! why it was placed, so whoever scanned the lot knows whom to ask.

use chrono::NaiveDate;

use super::lot::LotStatus;
use crate::error::{ApiError, FieldError};

/// A hold still in force on a lot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveHold {
    pub reason: String,
    /// The QC failure or recall that placed it, if any.
    pub source: Option<String>,
}

/// What decides whether a lot may move.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LotStanding {
    pub lot_code: String,
    pub status: LotStatus,
    pub expiry_date: Option<NaiveDate>,
    pub on_hand: i64,
    pub holds: Vec<ActiveHold>,
}

/// What is being done with the lot; shipping an expired lot is refused, consuming it into rework
/// is too (expired material does not go into new product). `Receive` is material going into the
/// lot: good material mixed into a held, recalled or expired lot would be stuck with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Movement {
    Ship,
    Consume,
    Move,
    Receive,
}

impl Movement {
    fn as_str(self) -> &'static str {
        match self {
            Movement::Ship => "ship",
            Movement::Consume => "consume",
            Movement::Move => "move",
            Movement::Receive => "receive",
        }
    }

    /// The error key for refusing this movement for reason `what`: going into a lot has its own
    /// wording, as the lot named is the one taking material in.
    fn refusal(self, what: &str) -> String {
        match self {
            Movement::Receive => format!("error.lot.target_{what}"),
            _ => format!("error.lot.{what}"),
        }
    }
}

/// Refuses moving `qty` of the lot `field` names, with the first reason that applies.
pub fn check_movable(
    lot: &LotStanding,
    movement: Movement,
    qty: i64,
    today: NaiveDate,
    field: &str,
) -> Result<(), ApiError> {
    let refuse = |what: &str| {
        FieldError::new(field, movement.refusal(what)).with("lot", &lot.lot_code).with("action", movement.as_str())
    };
    if let Some(hold) = lot.holds.first() {
        // Always a source (empty when placed by hand), so every language's text can show it.
        let error =
            refuse("on_hold").with("reason", &hold.reason).with("source", hold.source.as_deref().unwrap_or_default());
        return Err(ApiError::field(error));
    }
    if matches!(lot.status, LotStatus::OnHold | LotStatus::Quarantined | LotStatus::Recalled) {
        let error = refuse("blocked").with("status", lot.status.as_str());
        return Err(ApiError::field(error));
    }
    let expired = lot.status == LotStatus::Expired || lot.expiry_date.is_some_and(|e| e < today);
    if expired && movement != Movement::Move {
        let mut error = refuse("expired");
        if let Some(expiry) = lot.expiry_date {
            error = error.with("expiry_date", expiry);
        }
        return Err(ApiError::field(error));
    }
    if qty > lot.on_hand {
        let error = refuse("not_enough").with("on_hand", lot.on_hand).with("qty", qty);
        return Err(ApiError::field(error));
    }
    Ok(())
}

/// The status a lot shows on `today`: stock that is free to use but past its expiry date is
/// `expired` (a date, not an event, makes it so; a hold's status stays, as the hold says more).
pub fn status_on(status: LotStatus, expiry_date: Option<NaiveDate>, on_hand: i64, today: NaiveDate) -> LotStatus {
    let free = matches!(status, LotStatus::Available | LotStatus::Released);
    if free && on_hand > 0 && expiry_date.is_some_and(|e| e < today) { LotStatus::Expired } else { status }
}

/// Lots that expire within `warn_days` of `today` (and have not yet): worth a warning when picking.
pub fn near_expiry(expiry_date: Option<NaiveDate>, today: NaiveDate, warn_days: i64) -> bool {
    expiry_date.is_some_and(|e| e >= today && (e - today).num_days() <= warn_days)
}

/// First expiry, first out: the order to pick lots of one SKU in. Lots without an expiry date go
/// last; ties keep the order given (oldest receipt first, as the caller lists them).
pub fn fefo_order<T>(lots: &mut [T], expiry: impl Fn(&T) -> Option<NaiveDate>) {
    lots.sort_by_key(|lot| match expiry(lot) {
        Some(date) => (0, date),
        None => (1, NaiveDate::MAX),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn lot(status: LotStatus, expiry: Option<NaiveDate>, holds: Vec<ActiveHold>) -> LotStanding {
        LotStanding { lot_code: "L-1".into(), status, expiry_date: expiry, on_hand: 10, holds }
    }

    #[test]
    fn a_hold_names_itself_and_blocks_every_movement() {
        let hold = ActiveHold { reason: "Cracked housings".into(), source: Some("QF-AMS1-000007".into()) };
        let held = lot(LotStatus::OnHold, None, vec![hold]);
        for movement in [Movement::Ship, Movement::Consume, Movement::Move] {
            let err = check_movable(&held, movement, 1, day(2), "lot_code").unwrap_err();
            let field = &err.fields[0];
            assert_eq!((field.field.as_str(), field.message_key.as_str()), ("lot_code", "error.lot.on_hold"));
            assert_eq!(field.params["reason"], "Cracked housings");
            assert_eq!(field.params["source"], "QF-AMS1-000007");
        }
        let recalled = lot(LotStatus::Recalled, None, Vec::new());
        assert_eq!(
            check_movable(&recalled, Movement::Ship, 1, day(2), "x").unwrap_err().message_key,
            "error.lot.blocked"
        );
    }

    #[test]
    fn an_expired_lot_may_move_to_quarantine_but_not_ship_or_go_into_product() {
        let expired = lot(LotStatus::Available, Some(day(1)), Vec::new());
        assert_eq!(
            check_movable(&expired, Movement::Ship, 1, day(2), "x").unwrap_err().message_key,
            "error.lot.expired"
        );
        assert!(check_movable(&expired, Movement::Consume, 1, day(2), "x").is_err());
        assert!(check_movable(&expired, Movement::Move, 1, day(2), "x").is_ok());
        // The expiry day itself is still good.
        assert!(check_movable(&expired, Movement::Ship, 1, day(1), "x").is_ok());
    }

    #[test]
    fn nothing_goes_into_a_held_recalled_or_expired_lot() {
        let hold = ActiveHold { reason: "Leak test".into(), source: None };
        let refused = |standing: &LotStanding| {
            let err = check_movable(standing, Movement::Receive, 0, day(2), "to_lot").unwrap_err();
            (err.fields[0].field.clone(), err.fields[0].message_key.clone())
        };
        let held = lot(LotStatus::OnHold, None, vec![hold]);
        assert_eq!(refused(&held), ("to_lot".into(), "error.lot.target_on_hold".into()));
        assert_eq!(refused(&lot(LotStatus::Recalled, None, Vec::new())).1, "error.lot.target_blocked");
        assert_eq!(refused(&lot(LotStatus::Available, Some(day(1)), Vec::new())).1, "error.lot.target_expired");
        // An empty lot may take material in: the quantity is the source's to check.
        let empty = LotStanding { on_hand: 0, ..lot(LotStatus::Consumed, None, Vec::new()) };
        assert!(check_movable(&empty, Movement::Receive, 0, day(2), "to_lot").is_ok());
    }

    #[test]
    fn free_stock_past_its_expiry_shows_as_expired() {
        assert_eq!(status_on(LotStatus::Available, Some(day(1)), 5, day(2)), LotStatus::Expired);
        assert_eq!(
            status_on(LotStatus::Released, Some(day(1)), 5, day(1)),
            LotStatus::Released,
            "the day itself is good"
        );
        assert_eq!(status_on(LotStatus::OnHold, Some(day(1)), 5, day(2)), LotStatus::OnHold);
        assert_eq!(status_on(LotStatus::Available, Some(day(1)), 0, day(2)), LotStatus::Available);
    }

    #[test]
    fn no_more_than_is_left() {
        let ok = lot(LotStatus::Available, None, Vec::new());
        assert!(check_movable(&ok, Movement::Ship, 10, day(2), "x").is_ok());
        let err = check_movable(&ok, Movement::Ship, 11, day(2), "qty").unwrap_err();
        assert_eq!(
            (err.fields[0].message_key.as_str(), err.fields[0].params["on_hand"].as_str()),
            ("error.lot.not_enough", "10")
        );
    }

    #[test]
    fn first_expiry_first_out_puts_lots_without_expiry_last() {
        let mut lots = vec![("a", None), ("b", Some(day(20))), ("c", Some(day(5))), ("d", None), ("e", Some(day(20)))];
        fefo_order(&mut lots, |l| l.1);
        let order: Vec<&str> = lots.iter().map(|l| l.0).collect();
        assert_eq!(order, ["c", "b", "e", "a", "d"]);
        assert!(near_expiry(Some(day(10)), day(2), 30));
        assert!(!near_expiry(Some(day(1)), day(2), 30), "already expired is not near");
        assert!(!near_expiry(None, day(2), 30));
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    /// One thing a desk might do to a lot.
    #[derive(Debug, Clone)]
    enum Step {
        Hold,
        Release,
        Ship(i64),
        Consume(i64),
        Move,
        /// Days pass.
        Wait(i64),
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            Just(Step::Hold),
            Just(Step::Release),
            (1i64..40).prop_map(Step::Ship),
            (1i64..40).prop_map(Step::Consume),
            Just(Step::Move),
            (1i64..20).prop_map(Step::Wait),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Whatever desks do, nothing leaves a lot while a hold is on it or once it expired, and
        /// never more than is left.
        #[test]
        fn no_sequence_of_acts_ships_or_consumes_a_held_or_expired_lot(
            expires_in in prop::option::of(0i64..60),
            steps in prop::collection::vec(step(), 0..30),
        ) {
            let start = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
            let mut today = start;
            let mut lot = LotStanding {
                lot_code: "L-1".into(),
                status: LotStatus::Available,
                expiry_date: expires_in.map(|d| start + chrono::Duration::days(d)),
                on_hand: 100,
                holds: Vec::new(),
            };
            for step in steps {
                let (movement, qty) = match step {
                    Step::Hold => {
                        lot.holds.push(ActiveHold { reason: "check".into(), source: None });
                        lot.status = LotStatus::OnHold;
                        continue;
                    }
                    Step::Release => {
                        lot.holds.clear();
                        lot.status = LotStatus::Released;
                        continue;
                    }
                    Step::Wait(days) => {
                        today += chrono::Duration::days(days);
                        continue;
                    }
                    Step::Ship(qty) => (Movement::Ship, qty),
                    Step::Consume(qty) => (Movement::Consume, qty),
                    Step::Move => (Movement::Move, 0),
                };
                let held = !lot.holds.is_empty();
                let expired = lot.expiry_date.is_some_and(|e| e < today);
                match check_movable(&lot, movement, qty, today, "lot_code") {
                    Ok(()) => {
                        prop_assert!(!held, "moved a held lot");
                        prop_assert!(movement == Movement::Move || !expired, "{movement:?} of an expired lot");
                        prop_assert!(qty <= lot.on_hand, "took more than was left");
                        lot.on_hand -= qty;
                    }
                    Err(error) => {
                        prop_assert!(held || expired || qty > lot.on_hand, "refused for nothing: {error:?}");
                        prop_assert_eq!(error.fields[0].field.as_str(), "lot_code");
                    }
                }
            }
        }
    }
}
