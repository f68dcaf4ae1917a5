//! A small November (previous period 2–31 October) of RMAs, lines, labels and stock, with the
//! figures each KPI should give worked out by hand in `kpi_tests`.

use chrono::{DateTime, Utc};

use super::test_util::{at, day};
use super::*;
use crate::returns::ReturnDisposition::{self, *};

fn nov(d: u32, h: u32) -> Option<DateTime<Utc>> {
    Some(at(2026, 11, d, h, 0))
}

fn oct(d: u32, h: u32) -> Option<DateTime<Utc>> {
    Some(at(2026, 10, d, h, 0))
}

pub(super) fn rma(no: &str, currency: &str, opened: Option<DateTime<Utc>>) -> RmaReviewRow {
    RmaReviewRow {
        rma_no: no.into(),
        currency: currency.into(),
        opened_at: opened.unwrap(),
        decided_at: None,
        decision: None,
        decided_automatically: false,
        received_at: None,
        received_damaged: false,
        inspected_at: None,
        settled_at: None,
        refund_approved_at: None,
        refund_paid_at: None,
        closed_at: None,
        handling_cost_minor: 0,
        label_cost_minor: 0,
        return_shipping_cost_minor: 0,
        recorded_cost_minor: None,
        units_received: None,
        refund_paid_minor: None,
        refund_policy_minor: None,
    }
}

fn decided(mut r: RmaReviewRow, at: Option<DateTime<Utc>>, auto: bool, decision: RmaDecision) -> RmaReviewRow {
    r.decided_at = at;
    r.decided_automatically = auto;
    r.decision = Some(decision);
    if decision == RmaDecision::Rejected {
        r.closed_at = at;
    }
    r
}

#[allow(clippy::too_many_arguments)]
fn done(
    mut r: RmaReviewRow,
    received: Option<DateTime<Utc>>,
    damaged: bool,
    inspected: Option<DateTime<Utc>>,
    settled: Option<DateTime<Utc>>,
    costs: (i64, i64, i64),
    refund: (Option<i64>, Option<i64>),
) -> RmaReviewRow {
    (r.received_at, r.received_damaged, r.inspected_at, r.settled_at, r.closed_at) =
        (received, damaged, inspected, settled, settled);
    // Every settlement here pays money back; without a payout approval it was due once inspected.
    (r.refund_approved_at, r.refund_paid_at) = (inspected, settled);
    (r.handling_cost_minor, r.label_cost_minor, r.return_shipping_cost_minor) = costs;
    (r.refund_paid_minor, r.refund_policy_minor) = refund;
    r
}

fn line(rma: &str, qty: i64, disposition: Option<ReturnDisposition>, at: Option<DateTime<Utc>>) -> RmaLineReviewRow {
    RmaLineReviewRow { rma_no: rma.into(), sku: "SKU".into(), qty, unit: "pcs".into(), disposition, disposed_at: at }
}

fn kg(line: RmaLineReviewRow) -> RmaLineReviewRow {
    RmaLineReviewRow { unit: "kg".into(), ..line }
}

pub fn input() -> KpiInput {
    use RmaDecision::{Approved, Rejected};
    let rmas = vec![
        // Receipt to inspection 1,440 min; receipt to settlement 3,600 min; costs 900.
        done(
            decided(rma("R1", "EUR", nov(2, 9)), nov(2, 9), true, Approved),
            nov(5, 10),
            true,
            nov(6, 10),
            Some(at(2026, 11, 7, 22, 0)),
            (300, 200, 400),
            (Some(5_000), Some(5_000)),
        ),
        // 4,320 and 5,760 min; costs 500; refund 4,500 where the policy says 4,750, its payout
        // approved on the 13th at 20:00, paid 12 h later.
        RmaReviewRow {
            refund_approved_at: nov(13, 20),
            ..done(
                decided(rma("R2", "EUR", nov(3, 9)), nov(4, 9), false, Approved),
                nov(10, 8),
                false,
                nov(13, 8),
                nov(14, 8),
                (250, 150, 100),
                (Some(4_500), Some(4_750)),
            )
        },
        // 360 and 1,440 min; costs 1,200 USD; settled by store credit (no refund).
        done(
            decided(rma("R3", "USD", nov(4, 0)), nov(4, 0), true, Approved),
            nov(8, 12),
            false,
            nov(8, 18),
            nov(9, 12),
            (1_000, 0, 200),
            (None, None),
        ),
        decided(rma("R4", "EUR", nov(20, 10)), nov(20, 10), true, Rejected),
        rma("R5", "EUR", nov(25, 12)),
        decided(rma("R6", "EUR", nov(28, 9)), nov(28, 9), true, Approved),
        rma("R10", "EUR", nov(22, 0)),
        // October: 1,440 and 2,880 min; costs 800.
        done(
            decided(rma("R7", "EUR", oct(10, 8)), oct(10, 8), true, Approved),
            oct(15, 8),
            true,
            oct(16, 8),
            oct(17, 8),
            (600, 100, 100),
            (Some(3_000), Some(3_000)),
        ),
        // Inspected in October (2,880 min), settled in November (11,520 min from receipt).
        done(
            decided(rma("R8", "GBP", oct(20, 0)), oct(21, 0), false, Approved),
            oct(25, 0),
            false,
            oct(27, 0),
            nov(2, 0),
            (700, 0, 0),
            (Some(2_000), Some(2_000)),
        ),
        // Opened long before both periods, still waiting for its goods.
        decided(rma("R9", "EUR", Some(at(2026, 9, 15, 0, 0))), Some(at(2026, 9, 15, 0, 0)), true, Approved),
    ];
    KpiInput {
        orders: vec![
            OrderDayRow { day: day(2026, 11, 2), orders: 70, returned: 5 },
            OrderDayRow { day: day(2026, 11, 15), orders: 40, returned: 2 },
            OrderDayRow { day: day(2026, 10, 10), orders: 50, returned: 2 },
            OrderDayRow { day: day(2026, 10, 1), orders: 1_000, returned: 90 },
        ],
        rmas,
        lines: vec![
            line("R1", 2, Some(Restock), nov(6, 10)),
            line("R1", 1, Some(WriteOff), nov(6, 10)),
            line("R2", 3, Some(Refurbish), nov(13, 8)),
            kg(line("R3", 1, Some(Restock), nov(8, 18))),
            kg(line("R3", 4, Some(Recycle), nov(8, 18))),
            line("R5", 1, None, None),
            line("R7", 5, Some(Restock), oct(16, 8)),
            line("R8", 2, Some(Donate), oct(27, 0)),
        ],
        labels: vec![
            LabelAttemptRow { at: at(2026, 11, 2, 10, 0), ok: true },
            LabelAttemptRow { at: at(2026, 11, 3, 10, 0), ok: false },
            LabelAttemptRow { at: at(2026, 11, 3, 10, 5), ok: true },
        ],
        stock: vec![
            StockOnHandRow { day: day(2026, 9, 30), units: 10_000 },
            StockOnHandRow { day: day(2026, 11, 1), units: 2_000 },
            StockOnHandRow { day: day(2026, 12, 1), units: 99 },
        ],
    }
}

pub fn now() -> DateTime<Utc> {
    at(2026, 11, 30, 12, 0)
}
