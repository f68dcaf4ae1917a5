//! Quantity caps as counters with ceilings: units of an order line that may come back, units
//! of a SKU that may be sent again. Two desks offline may each take the last units; in the
//! server's order the later one finds the counter at its ceiling and is refused, naming the
//! record that took the rest. The counters use the same functions the desk's own acts use.

use std::collections::{BTreeMap, HashSet};

use super::log::{ActEvent, Logged, TeamLog, failure_subject, order_subject, rma_subject};
use crate::failure::Failure;
use crate::master::OrderInput;
use crate::reshipment::{
    ExchangeFacts, FailureFacts, Reshipment, ReshipmentRequest, ReshipmentStatus, reshippable, wanted_per_sku,
};
use crate::returns::{Rma, RmaOpening, RmaStatus, units_held, units_left};
use crate::{ApiError, Event};

/// Whether `event` still fits under the counters its units count against.
pub fn check_caps(log: &mut impl TeamLog, e: ActEvent<'_>) -> Result<(), ApiError> {
    match e.event {
        Event::RmaOpened(opening) => returnable(log, e, opening),
        Event::ReshipmentRequested(request) => resendable(log, e, request),
        _ => Ok(()),
    }
}

fn fold<S>(events: &[Logged], evolve: fn(Option<S>, &Event) -> Option<S>) -> Option<S> {
    events.iter().fold(None, |state, logged| evolve(state, &logged.event))
}

/// The order as the last of its definitions in the server's order has it.
fn latest_order(named: &[Logged], order_no: &str) -> Option<OrderInput> {
    named.iter().rev().find_map(|logged| match &logged.event {
        Event::OrderRecorded(o) if o.order_no == order_no => Some(o.clone()),
        Event::OrdersImported { rows, .. } => rows.iter().find(|o| o.order_no == order_no).cloned(),
        _ => None,
    })
}

/// The record that most likely took what `e` wanted: the last one its desk had not seen,
/// else the last one.
fn taker<'a>(holders: &[(&'a Logged, &'a str)], e: ActEvent<'_>) -> Option<&'a str> {
    let unseen = |(l, _): &&(&Logged, &str)| l.desk_id != e.envelope.desk_id && l.server_seq > e.envelope.seen;
    holders.iter().rev().find(unseen).or(holders.last()).map(|(_, no)| *no)
}

fn returnable(log: &mut impl TeamLog, e: ActEvent<'_>, opening: &RmaOpening) -> Result<(), ApiError> {
    // A return refused by the policy is recorded to be counted, and takes no units.
    if Rma::status_after_verdict(opening.eligibility.verdict) == RmaStatus::Rejected {
        return Ok(());
    }
    for order_no in opening.order_nos() {
        let named = log.naming(&order_subject(order_no));
        // An order the team's log does not hold gives no ceiling to keep.
        let Some(order) = latest_order(&named, order_no) else { continue };
        let mut held: BTreeMap<i64, i64> = BTreeMap::new();
        let mut holders: BTreeMap<i64, Vec<(&Logged, &str)>> = BTreeMap::new();
        let mut counted = HashSet::new();
        for logged in &named {
            let Event::RmaOpened(other) = &logged.event else { continue };
            if other.rma_no == opening.rma_no || !counted.insert(other.rma_no.as_str()) {
                continue;
            }
            let Some(rma) = fold(&log.stream("rma", &other.rma_no), Rma::evolve) else { continue };
            for (_, line, units) in units_held(&rma).into_iter().filter(|(o, _, u)| *o == order_no && *u > 0) {
                *held.entry(line).or_default() += units;
                holders.entry(line).or_default().push((logged, other.rma_no.as_str()));
            }
        }
        let mut wanted: BTreeMap<i64, i64> = BTreeMap::new();
        for line in opening.lines.iter().filter(|l| l.order_no == order_no) {
            *wanted.entry(line.line_no).or_default() += line.qty.max(0);
        }
        for (line_no, want) in wanted {
            let Some(ordered) = order.lines.iter().find(|l| l.line_no == line_no) else { continue };
            let left = units_left(ordered.qty, held.get(&line_no).copied().unwrap_or(0));
            if want <= left {
                continue;
            }
            let err = |key: &str| {
                ApiError::conflict(key)
                    .with("rma_no", &opening.rma_no)
                    .with("order_no", order_no)
                    .with("line", line_no)
                    .with("left", left)
                    .with("ordered", ordered.qty)
                    .with("wanted", want)
            };
            return Err(match taker(holders.get(&line_no).map(Vec::as_slice).unwrap_or_default(), e) {
                Some(no) => err("error.sync.returnable_taken").with("taken_by", no),
                None => err("error.sync.returnable_short"),
            });
        }
    }
    Ok(())
}

/// Per SKU, what reshipments in play among `named` (other than `own`) send, and who sends it.
fn add_sent<'a>(
    log: &mut impl TeamLog,
    named: &'a [Logged],
    own: &str,
    sent: &mut BTreeMap<String, i64>,
    senders: &mut BTreeMap<String, Vec<(&'a Logged, &'a str)>>,
) {
    let mut counted = HashSet::new();
    for logged in named {
        let Event::ReshipmentRequested(other) = &logged.event else { continue };
        if other.reshipment_no == own || !counted.insert(other.reshipment_no.as_str()) {
            continue;
        }
        let Some(r) = fold(&log.stream("reshipment", &other.reshipment_no), Reshipment::evolve) else { continue };
        if matches!(r.status, ReshipmentStatus::Rejected | ReshipmentStatus::Cancelled) {
            continue;
        }
        for item in &r.request.items {
            *sent.entry(item.sku.clone()).or_default() += item.qty;
            senders.entry(item.sku.clone()).or_default().push((logged, other.reshipment_no.as_str()));
        }
    }
}

fn resendable(log: &mut impl TeamLog, e: ActEvent<'_>, request: &ReshipmentRequest) -> Result<(), ApiError> {
    let mut failures = Vec::new();
    for no in &request.failure_nos {
        // A failure the team's log does not hold gives no ceiling to keep.
        let Some(f) = fold(&log.stream("failure", no), Failure::evolve) else { return Ok(()) };
        failures.push(FailureFacts {
            failure_no: no.clone(),
            sku: f.record.sku.clone(),
            vendor_code: f.record.vendor_code.clone(),
            qty_failed: f.record.qty_failed,
        });
    }
    let exchange = match &request.rma_no {
        None => None,
        Some(no) => {
            let Some(rma) = fold(&log.stream("rma", no), Rma::evolve) else { return Ok(()) };
            let mut returned: BTreeMap<String, i64> = BTreeMap::new();
            for (line, qty) in rma.opening.lines.iter().zip(&rma.received) {
                if line.order_no == request.order_no && *qty > 0 {
                    *returned.entry(line.sku.clone()).or_default() += qty;
                }
            }
            Some(ExchangeFacts { rma_no: no.clone(), returned })
        }
    };
    // As on the desk: what reshipments of any of the failures send, plus what those exchanging
    // the same return send.
    let mut of_failures: Vec<Logged> = Vec::new();
    for no in &request.failure_nos {
        of_failures.extend(log.naming(&failure_subject(no)));
    }
    let of_rma = request.rma_no.as_deref().map(|no| log.naming(&rma_subject(no))).unwrap_or_default();
    let (mut sent, mut senders) = (BTreeMap::new(), BTreeMap::new());
    add_sent(log, &of_failures, &request.reshipment_no, &mut sent, &mut senders);
    add_sent(log, &of_rma, &request.reshipment_no, &mut sent, &mut senders);
    let available = reshippable(&failures, exchange.as_ref(), &sent);
    for (sku, want) in wanted_per_sku(&request.items) {
        let Some(&left) = available.get(sku) else { continue };
        if want <= left {
            continue;
        }
        let err = |key: &str| {
            ApiError::conflict(key)
                .with("reshipment_no", &request.reshipment_no)
                .with("sku", sku)
                .with("left", left)
                .with("wanted", want)
        };
        let mut holders: Vec<(&Logged, &str)> = senders.get(sku).cloned().unwrap_or_default();
        holders.sort_by_key(|(l, _)| l.server_seq);
        return Err(match taker(&holders, e) {
            Some(no) => err("error.sync.reshippable_taken").with("taken_by", no),
            None => err("error.sync.reshippable_short"),
        });
    }
    Ok(())
}
