//! A hybrid logical clock: wall-clock milliseconds, a counter for events within one millisecond
//! (or while the wall clock lags a clock already seen), and the desk as the final tie-break.
//! Its text sorts in clock order, so SQL can order by it.

use std::cmp::Ordering;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hlc {
    pub wall_ms: i64,
    pub counter: u32,
    pub desk: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("“{0}” is not a hybrid logical clock (expected WALLMS-COUNTER-DESK)")]
pub struct HlcError(pub String);

impl Hlc {
    /// The clock for a new local event: after `last` (what this desk has seen) and not behind
    /// the wall clock.
    pub fn tick(last: Option<&Hlc>, now_ms: i64, desk: &str) -> Hlc {
        match last {
            Some(last) if last.wall_ms >= now_ms => {
                Hlc { wall_ms: last.wall_ms, counter: last.counter.saturating_add(1), desk: desk.to_owned() }
            }
            _ => Hlc { wall_ms: now_ms, counter: 0, desk: desk.to_owned() },
        }
    }

    /// What this desk has seen after receiving `remote`: the later of the two, so the next local
    /// tick orders after every event already pulled, however far the other desk's clock ran ahead.
    pub fn merge(last: Option<&Hlc>, remote: &Hlc) -> Hlc {
        match last {
            Some(last) if last >= remote => last.clone(),
            _ => remote.clone(),
        }
    }

    pub fn parse(text: &str) -> Result<Hlc, HlcError> {
        let bad = || HlcError(text.to_owned());
        let mut parts = text.splitn(3, '-');
        let wall_ms = parts.next().filter(|p| p.len() == 15).and_then(|p| p.parse().ok()).ok_or_else(bad)?;
        let counter = parts.next().filter(|p| p.len() == 5).and_then(|p| p.parse().ok()).ok_or_else(bad)?;
        let desk = parts.next().filter(|d| !d.is_empty()).ok_or_else(bad)?.to_owned();
        Ok(Hlc { wall_ms, counter, desk })
    }
}

impl fmt::Display for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:015}-{:05}-{}", self.wall_ms, self.counter.min(99_999), self.desk)
    }
}

impl PartialOrd for Hlc {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Hlc {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.wall_ms, self.counter, &self.desk).cmp(&(other.wall_ms, other.counter, &other.desk))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ticks_within_one_millisecond_count_up() {
        let a = Hlc::tick(None, 1_000, "d1");
        let b = Hlc::tick(Some(&a), 1_000, "d1");
        let c = Hlc::tick(Some(&b), 999, "d1");
        assert_eq!((a.counter, b.counter, c.counter, c.wall_ms), (0, 1, 2, 1_000));
        assert!(a < b && b < c);
        assert_eq!(Hlc::tick(Some(&c), 1_001, "d1"), Hlc { wall_ms: 1_001, counter: 0, desk: "d1".into() });
    }

    #[test]
    fn a_desk_a_day_behind_still_orders_after_what_it_pulled() {
        let day = 86_400_000;
        let ahead = Hlc::tick(None, 10 * day, "fast");
        let seen = Hlc::merge(None, &ahead);
        let next = Hlc::tick(Some(&seen), 9 * day, "slow");
        assert!(next > ahead, "{next} after {ahead}");
    }

    #[test]
    fn text_round_trips_and_sorts_like_the_clock() {
        let h = Hlc { wall_ms: 1_796_512_708_508, counter: 7, desk: "01a24880-75f8-7232".into() };
        assert_eq!(h.to_string(), "001796512708508-00007-01a24880-75f8-7232");
        assert_eq!(Hlc::parse(&h.to_string()), Ok(h));
        assert!(Hlc::parse("12-3-x").is_err());
    }

    proptest! {
        #[test]
        fn text_order_is_clock_order(a in 0i64..10_000_000_000_000, b in 0i64..10_000_000_000_000, ca in 0u32..99_999, cb in 0u32..99_999) {
            let x = Hlc { wall_ms: a, counter: ca, desk: "d".into() };
            let y = Hlc { wall_ms: b, counter: cb, desk: "d".into() };
            prop_assert_eq!(x.cmp(&y), x.to_string().cmp(&y.to_string()));
        }

        #[test]
        fn ticks_never_go_back(nows in proptest::collection::vec(0i64..1_000_000, 1..50)) {
            let mut last: Option<Hlc> = None;
            for now in nows {
                let next = Hlc::tick(last.as_ref(), now, "d");
                if let Some(prev) = &last { prop_assert!(next > *prev); }
                last = Some(next);
            }
        }
    }
}
