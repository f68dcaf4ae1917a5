//! Forward and backward traces: every lot reached with its distance and the link it was reached
//! through, the orders and customers that received any of them, and the QC failures and RMAs
//! recorded against them. The walk and the lots' current state are in memory (`LotIndex`).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::NaiveDate;

use lotline_domain::ApiError;
use lotline_domain::lots::{Direction, LinkKind, LotId, LotStatus, Reached, normalise_lot_code, status_on};
use lotline_domain::people::Permission;
use lotline_store::LotIndex;
use lotline_store::queries::lots::{self as q, Contact};
use lotline_store::queries::trace_reads::trace_reads;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::context::Ctx;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TraceInput {
    pub lot_code: String,
    pub direction: Direction,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TraceLot {
    // Texts are shared with the lot index (a large trace copies pointers, not strings).
    #[ts(type = "string")]
    pub lot_code: Arc<str>,
    /// Links between the root and this lot on the shortest way.
    pub depth: u32,
    /// The lot it was reached from, and how much of which went into which.
    #[ts(type = "string")]
    pub via: Arc<str>,
    pub qty: i64,
    pub kind: Option<LinkKind>,
    #[ts(type = "string")]
    pub sku: Arc<str>,
    #[ts(type = "string")]
    pub vendor_code: Arc<str>,
    pub status: LotStatus,
    pub on_hand: i64,
    #[ts(type = "string")]
    pub unit: Arc<str>,
    #[ts(type = "string | null")]
    pub expiry_date: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub location: Option<Arc<str>>,
    /// The work order the link it was reached through belongs to: the run that consumed the
    /// component side into its output lot. The trace passes through it between the two lots.
    pub work_order_no: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TraceOrder {
    pub order_no: String,
    pub customer_code: String,
    /// The traced lots the order received, and how much of them in all.
    pub lots: Vec<String>,
    pub qty: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TraceCustomer {
    pub customer_code: String,
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub orders: i64,
    pub qty: i64,
}

/// A QC failure or RMA recorded against a traced lot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TraceRecord {
    pub number: String,
    pub lot_code: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TraceResult {
    pub root: String,
    pub direction: Direction,
    /// Every lot reached, the root excluded, nearest first.
    pub lots: Vec<TraceLot>,
    pub orders: Vec<TraceOrder>,
    pub customers: Vec<TraceCustomer>,
    pub failures: Vec<TraceRecord>,
    pub rmas: Vec<TraceRecord>,
    /// The work orders the trace passes through (or that made the root), each once.
    pub work_orders: Vec<TraceRecord>,
}

pub async fn trace_lot(ctx: &Ctx, input: TraceInput) -> Result<TraceResult, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    let root = normalise_lot_code(&input.lot_code);
    // One connection for the index's refresh and the records with the site's day: each
    // connection taken from the pool and each hand-over cost about as much as a small trace's
    // walk. The lots' status today is settled once the day is read.
    let (index, mut conn) = ctx.store.lot_index_on_connection().await?;
    let (lots, shipments) = {
        let root_id = index.lot_id(&root).ok_or_else(|| ApiError::not_found("lot", &root))?;
        let reached = index.genealogy.trace(root_id, input.direction);
        let shipments = shipped(&index, &[root_id], &reached, input.direction);
        let lots: Vec<TraceLot> = reached
            .into_iter()
            .filter_map(|r| {
                let lot = index.view(r.lot)?;
                let (qty, kind) = index.link(r.link);
                Some(TraceLot {
                    lot_code: lot.lot_code.clone(),
                    depth: r.depth,
                    via: index.code_shared(r.via),
                    qty,
                    kind,
                    sku: lot.sku.clone(),
                    vendor_code: lot.vendor_code.clone(),
                    status: lot.status,
                    on_hand: lot.on_hand,
                    unit: lot.unit.clone(),
                    expiry_date: lot.expiry_date,
                    location: lot.location.cloned(),
                    work_order_no: None,
                })
            })
            .collect();
        drop(index);
        (lots, shipments)
    };
    let mut lots = lots;
    let customers = customer_totals(&shipments);
    let reads = {
        let mut codes: Vec<&str> = lots.iter().map(|l| &*l.lot_code).collect();
        codes.push(&root);
        let customer_codes: Vec<&str> = customers.keys().copied().collect();
        trace_reads(&mut conn, &codes, &customer_codes).await?
    };
    let today = reads.calendar.day_at(ctx.now()).today;
    for lot in &mut lots {
        lot.status = status_on(lot.status, lot.expiry_date, lot.on_hand, today);
    }
    let customers = with_contacts(customers, &reads.contacts);
    let work_orders = through_work_orders(&reads.made_by, &root, input.direction, &mut lots);
    let (failures, rmas) = (reads.failures, reads.rmas);
    let record = |(number, lot_code)| TraceRecord { number, lot_code };
    Ok(TraceResult {
        root,
        direction: input.direction,
        lots,
        orders: shipments,
        customers,
        failures: failures.into_iter().map(record).collect(),
        rmas: rmas.into_iter().map(record).collect(),
        work_orders,
    })
}

/// Names the work order on each assembly link that is a work order's consumption: the output is
/// the lot reached forward, or the lot it was reached from backward. Returns each work order
/// once with its output lot, the root's own first. `made_by`: completed work orders by output.
fn through_work_orders(
    made_by: &HashMap<String, String>,
    root: &str,
    direction: Direction,
    lots: &mut [TraceLot],
) -> Vec<TraceRecord> {
    let mut found: Vec<TraceRecord> = Vec::new();
    if made_by.is_empty() {
        return found;
    }
    let mut note = |number: &String, lot_code: &str| {
        if !found.iter().any(|r| r.number == *number) {
            found.push(TraceRecord { number: number.clone(), lot_code: lot_code.to_owned() });
        }
    };
    if let Some(no) = made_by.get(root) {
        note(no, root);
    }
    for lot in lots.iter_mut().filter(|l| l.kind == Some(LinkKind::Assembly)) {
        let output: &str = if direction == Direction::Forward { &lot.lot_code } else { &lot.via };
        if let Some(no) = made_by.get(output) {
            note(no, output);
            lot.work_order_no = Some(no.clone());
        }
    }
    found
}

/// The orders that received any traced lot: forward, the root's own shipments too (its goods
/// went out as they are); backward only the lots reached.
pub(crate) fn shipped(index: &LotIndex, roots: &[LotId], reached: &[Reached], direction: Direction) -> Vec<TraceOrder> {
    let root_lots = if direction == Direction::Forward { roots.to_vec() } else { Vec::new() };
    // Keyed by the index's interned numbers: texts are made once per order, not per shipment.
    let mut at: HashMap<(u32, u32), usize> = HashMap::new();
    let mut orders: Vec<TraceOrder> = Vec::new();
    for lot in root_lots.into_iter().chain(reached.iter().map(|r| r.lot)) {
        let code = index.code(lot);
        for s in index.shipments_of(lot) {
            let slot = *at.entry((s.order, s.customer)).or_insert_with(|| {
                orders.push(TraceOrder {
                    order_no: index.order_no(s.order).to_owned(),
                    customer_code: index.customer_code(s.customer).to_owned(),
                    lots: Vec::new(),
                    qty: 0,
                });
                orders.len() - 1
            });
            let order = &mut orders[slot];
            // A lot's shipments on one order come one after another.
            if order.lots.last().is_none_or(|l| l != code) && !order.lots.iter().any(|l| l == code) {
                order.lots.push(code.to_owned());
            }
            order.qty += s.qty;
        }
    }
    orders.sort_unstable_by(|a, b| (&a.order_no, &a.customer_code).cmp(&(&b.order_no, &b.customer_code)));
    orders
}

/// Each customer the orders went to, with how many orders and how much, by code.
fn customer_totals(orders: &[TraceOrder]) -> BTreeMap<&str, TraceCustomer> {
    let mut customers: BTreeMap<&str, TraceCustomer> = BTreeMap::new();
    for order in orders {
        let c = customers.entry(&order.customer_code).or_insert_with(|| TraceCustomer {
            customer_code: order.customer_code.clone(),
            name: None,
            email: None,
            phone: None,
            orders: 0,
            qty: 0,
        });
        c.orders += 1;
        c.qty += order.qty;
    }
    customers
}

fn with_contacts(customers: BTreeMap<&str, TraceCustomer>, contacts: &HashMap<String, Contact>) -> Vec<TraceCustomer> {
    customers
        .into_values()
        .map(|mut c| {
            if let Some(contact) = contacts.get(&c.customer_code) {
                c.name = contact.name.clone();
                c.email = contact.email.clone();
                c.phone = contact.phone.clone();
            }
            c
        })
        .collect()
}

/// Each customer the orders went to, with how to reach them.
pub(crate) async fn customers_of(
    conn: &mut sqlx::SqliteConnection,
    orders: &[TraceOrder],
) -> Result<Vec<TraceCustomer>, ApiError> {
    let customers = customer_totals(orders);
    let codes: Vec<&str> = customers.keys().copied().collect();
    let contacts = q::contacts(conn, &codes).await?;
    Ok(with_contacts(customers, &contacts))
}
