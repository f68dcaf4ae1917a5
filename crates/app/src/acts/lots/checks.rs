//! The checks receipts, links and shipments share, whether one comes from a form or a million
//! from a file: what they refer to exists, a lot moves only as far as its holds, expiry and
//! stock allow, and no link closes a cycle in the genealogy. Rows are checked in order against
//! what the rows before them already took, so a file cannot spend the same stock twice.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use lotline_domain::error::FieldError;
use lotline_domain::lots::{self as lots, LotLink, LotReceipt, LotShipment, LotStanding, Movement};
use lotline_domain::reshipment::ItemLots;
use lotline_domain::{ApiError, ErrorCode};
use lotline_store::LotIndex;
use lotline_store::queries::lots::{self as q, KeyColumn, LotFacts};
use sqlx::SqliteConnection;

/// What rows are checked against, loaded once for all of them.
pub(crate) struct LotChecks {
    today: NaiveDate,
    facts: HashMap<String, LotFacts>,
    holds: HashMap<String, Vec<lots::ActiveHold>>,
    keys: HashMap<KeyColumn, HashSet<String>>,
    /// SKUs whose lots must carry an expiry date.
    expiring_skus: HashSet<String>,
    orders: HashMap<String, String>,
    /// Serials named by shipments, by (lot, serial): the order each went out on, if any.
    serials: HashMap<(String, String), Option<String>>,
    /// Vendors flagged by their rating whose receipts are blocked until reviewed, and since when.
    blocked_vendors: std::collections::BTreeMap<String, NaiveDate>,
    /// Output lots of work orders an in-process failure blocks: (work order, failure).
    blocked_outputs: HashMap<String, (String, String)>,
    /// Serials held on their own (a per-serial inspection's failed units), by (lot, serial).
    held_serials: HashMap<(String, String), lots::ActiveHold>,
}

/// An error about one row: its fields placed as they are, or the whole row named by `column`.
fn fields_of(error: ApiError, column: &str) -> Vec<FieldError> {
    if error.fields.is_empty() {
        vec![FieldError { field: column.to_owned(), row: None, message_key: error.message_key, params: error.params }]
    } else {
        error.fields
    }
}

impl LotChecks {
    /// Loads the facts of `codes` and of the keys the rows refer to.
    pub(crate) async fn load(
        conn: &mut SqliteConnection,
        codes: &[&str],
        keys: &[KeyColumn],
        orders: &[&str],
        today: NaiveDate,
    ) -> Result<LotChecks, ApiError> {
        let facts = q::facts_by_code(conn, codes).await?;
        let holds = q::active_holds(conn).await?;
        let mut key_sets = HashMap::new();
        for key in keys {
            let values = q::keys(conn, *key).await?;
            key_sets.insert(*key, values.into_iter().collect());
        }
        let expiring_skus = if keys.contains(&KeyColumn::Sku) {
            q::expiring_skus(conn).await?.into_iter().collect()
        } else {
            HashSet::new()
        };
        let orders = q::order_customers(conn, orders).await?;
        let blocked_vendors = if keys.contains(&KeyColumn::Vendor) {
            lotline_store::queries::scorecard::blocked_vendors(conn).await?
        } else {
            std::collections::BTreeMap::new()
        };
        let blocked_outputs = lotline_store::queries::production::blocked_outputs(conn).await?;
        Ok(LotChecks {
            blocked_outputs,
            today,
            facts,
            holds,
            keys: key_sets,
            expiring_skus,
            orders,
            serials: HashMap::new(),
            blocked_vendors,
            held_serials: HashMap::new(),
        })
    }

    /// For lots made here rather than delivered: a blocked vendor's receipts are its deliveries.
    pub(crate) fn without_vendor_blocks(mut self) -> LotChecks {
        self.blocked_vendors.clear();
        self
    }

    /// Loads what shipments' serials are checked against: whether each is in its lot, and shipped.
    pub(crate) async fn with_serials(
        mut self,
        conn: &mut SqliteConnection,
        shipments: &[LotShipment],
    ) -> Result<LotChecks, ApiError> {
        let pairs: Vec<(&str, &str)> =
            shipments.iter().flat_map(|s| s.serials.iter().map(|u| (s.lot_code.as_str(), u.as_str()))).collect();
        self.serials = lotline_store::queries::serials::states(conn, &pairs).await?;
        let mut codes: Vec<&str> = shipments.iter().map(|s| s.lot_code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        self.held_serials = q::held_serials(conn, &codes).await?;
        Ok(self)
    }

    /// Each serial shipped must be recorded in the lot, not have gone out before, and not be
    /// held on its own; the units of the lot held by serial stay in it (the rest ships).
    fn ship_serials(&mut self, s: &LotShipment) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let held_here: Vec<&String> = self
            .held_serials
            .keys()
            .filter(|(lot, serial)| {
                *lot == s.lot_code && !matches!(self.serials.get(&(lot.clone(), serial.clone())), Some(Some(_)))
            })
            .map(|(_, serial)| serial)
            .collect();
        let left = self.facts.get(&s.lot_code).map_or(0, |f| f.on_hand);
        if !held_here.is_empty() && left < held_here.len() as i64 {
            errors.push(
                FieldError::new("qty", "error.lot.held_serials_stay")
                    .with("lot", &s.lot_code)
                    .with("held", held_here.len())
                    .with("available", (left + s.qty - held_here.len() as i64).max(0)),
            );
        }
        for unit in &s.serials {
            let error = |key: &str| FieldError::new("serials", key).with("serial", unit).with("lot", &s.lot_code);
            if let Some(hold) = self.held_serials.get(&(s.lot_code.clone(), unit.clone())) {
                errors.push(
                    error("error.lot.serial_on_hold")
                        .with("reason", &hold.reason)
                        .with("source", hold.source.as_deref().unwrap_or_default()),
                );
                continue;
            }
            match self.serials.get_mut(&(s.lot_code.clone(), unit.clone())) {
                None => errors.push(error("error.lot.serial_not_in_lot")),
                Some(Some(order)) => errors.push(error("error.lot.serial_shipped").with("order_no", order.as_str())),
                Some(shipped) => *shipped = Some(s.order_no.clone()),
            }
        }
        errors
    }

    /// The product of a lot the checks know (received here, or earlier in the same rows).
    pub(crate) fn sku_of(&self, code: &str) -> Option<&str> {
        self.facts.get(code).filter(|f| f.received).map(|f| f.sku.as_str())
    }

    fn known(&self, key: KeyColumn, value: &str) -> bool {
        self.keys.get(&key).is_some_and(|set| set.contains(value))
    }

    /// A receipt: its own checks, its product and vendor, and a lot code not received before.
    pub(crate) fn receipt(&mut self, r: &LotReceipt) -> Vec<FieldError> {
        let mut errors = r.validate().err().map(|e| e.fields).unwrap_or_default();
        if !r.sku.is_empty() && !self.known(KeyColumn::Sku, &r.sku) {
            errors.push(FieldError::new("sku", "error.lot.unknown_sku").with("value", &r.sku));
        } else if self.expiring_skus.contains(&r.sku) && r.expiry_date.is_none() {
            errors.push(FieldError::new("expiry_date", "error.lot.expiry_required").with("sku", &r.sku));
        }
        if !r.vendor_code.is_empty() && !self.known(KeyColumn::Vendor, &r.vendor_code) {
            errors.push(FieldError::new("vendor_code", "error.lot.unknown_vendor").with("value", &r.vendor_code));
        } else if let Some(since) = self.blocked_vendors.get(&r.vendor_code) {
            errors.push(
                FieldError::new("vendor_code", "error.lot.vendor_blocked")
                    .with("vendor", &r.vendor_code)
                    .with("since", since.to_string()),
            );
        }
        if self.facts.get(&r.lot_code).is_some_and(|f| f.received) {
            errors.push(FieldError::new("lot_code", "error.lot.already_received").with("value", &r.lot_code));
        }
        if errors.is_empty() {
            let facts = LotFacts {
                lot_id: 0,
                lot_code: r.lot_code.clone(),
                sku: r.sku.clone(),
                vendor_code: r.vendor_code.clone(),
                status: self.facts.get(&r.lot_code).map_or(lots::LotStatus::Available, |f| f.status),
                on_hand: r.qty,
                unit: r.unit.clone(),
                expiry_date: r.expiry_date,
                location: Some(r.location.clone()),
                received: true,
            };
            self.facts.insert(r.lot_code.clone(), facts);
        }
        errors
    }

    /// Checks `movement` of `qty` of lot `code`, and takes the quantity off what is left (a
    /// receiving lot takes none: its quantity was set when it was received).
    fn take(&mut self, code: &str, movement: Movement, qty: i64, field: &str) -> Result<(), ApiError> {
        let Some(facts) = self.facts.get_mut(code).filter(|f| f.received) else {
            return Err(ApiError::field(FieldError::new(field, "error.lot.unknown_lot").with("value", code)));
        };
        // A blocked work order's output flows on to nothing, shipment or another lot, until decided.
        if matches!(movement, Movement::Ship | Movement::Consume)
            && let Some((work_order_no, failure_no)) = self.blocked_outputs.get(code)
        {
            return Err(lotline_domain::production::output_blocked(code, work_order_no, failure_no));
        }
        lots::check_movable(&standing_of(facts, &self.holds), movement, qty, self.today, field)?;
        facts.on_hand -= qty;
        Ok(())
    }

    /// A link: its own checks, both lots received, the target may take material in and the
    /// source may be consumed.
    pub(crate) fn link(&mut self, l: &LotLink) -> Vec<FieldError> {
        if let Err(error) = l.validate() {
            return error.fields;
        }
        let checked =
            self.take(&l.to_lot, Movement::Receive, 0, "to_lot").map_err(|error| fields_of(error, "to_lot")).and_then(
                |()| self.take(&l.from_lot, Movement::Consume, l.qty, "from_lot").map_err(|e| fields_of(e, "from_lot")),
            );
        checked.err().unwrap_or_default()
    }

    /// A shipment: its own checks, a known customer (and the order's, when the order is known),
    /// and the lot may ship.
    pub(crate) fn shipment(&mut self, s: &LotShipment) -> Vec<FieldError> {
        if let Err(error) = s.validate() {
            return error.fields;
        }
        let mut errors = Vec::new();
        if !self.known(KeyColumn::Customer, &s.customer_code) {
            errors.push(FieldError::new("customer_code", "error.lot.unknown_customer").with("value", &s.customer_code));
        } else if let Some(customer) = self.orders.get(&s.order_no).filter(|c| **c != s.customer_code) {
            errors.push(
                FieldError::new("order_no", "error.lot.order_other_customer")
                    .with("order_no", &s.order_no)
                    .with("customer", customer),
            );
        }
        if errors.is_empty()
            && let Err(error) = self.take(&s.lot_code, Movement::Ship, s.qty, "lot_code")
        {
            errors.extend(fields_of(error, "lot_code"));
        }
        if errors.is_empty() {
            errors.extend(self.ship_serials(s));
        }
        errors
    }
}

/// Up to this many links are checked one by one (a walk from each link's target); a file of
/// more is checked in one pass over the whole graph, which costs the same for a million links.
const CHECK_ONE_BY_ONE: usize = 64;

/// Refuses links that would close a cycle in the genealogy (with what is recorded already),
/// naming the lots around it, on the line (0 for a form) of the link that closes it. Lots
/// without an id were refused by the row checks already.
pub(crate) fn refuse_cycles(index: &LotIndex, links: &[(u64, &LotLink)]) -> Result<(), ApiError> {
    let pairs: Vec<(u64, u32, u32)> = links
        .iter()
        .filter_map(|(line, l)| Some((*line, index.lot_id(&l.from_lot)?, index.lot_id(&l.to_lot)?)))
        .collect();
    let mut genealogy = index.genealogy.clone();
    if pairs.len() <= CHECK_ONE_BY_ONE {
        for (line, from, to) in pairs {
            if let Some(cycle) = genealogy.cycle_if_linked(from, to) {
                return Err(cycle_error(index, &cycle, line));
            }
            genealogy.add_link(from, to, 0);
        }
        return Ok(());
    }
    let mut line_of: HashMap<(u32, u32), u64> = HashMap::with_capacity(pairs.len());
    for (line, from, to) in pairs {
        genealogy.add_link(from, to, 0);
        line_of.insert((from, to), line);
    }
    let Some(cycle) = genealogy.find_cycle() else { return Ok(()) };
    // The new link latest in the file closes the loop; the loop is told from that link on.
    let closing = (0..cycle.len())
        .filter_map(|i| line_of.get(&(cycle[i], cycle[(i + 1) % cycle.len()])).map(|line| (*line, i)))
        .max();
    let (line, at) = closing.unwrap_or((0, 0));
    let mut rotated = cycle[at..].to_vec();
    rotated.extend_from_slice(&cycle[..at]);
    Err(cycle_error(index, &rotated, line))
}

fn cycle_error(index: &LotIndex, cycle: &[u32], line: u64) -> ApiError {
    // Around the cycle and back to where it starts, so it reads as a loop.
    let names: Vec<&str> = cycle.iter().chain(cycle.first()).map(|lot| index.code(*lot)).collect();
    let mut error = FieldError::new("to_lot", "error.lot.cycle").with("lots", names.join(" → "));
    if line > 0 {
        error = error.at_row(line);
    }
    let mut error = ApiError::invalid_fields(vec![error]);
    error.code = ErrorCode::Invalid;
    error
}

/// What decides whether a lot may move: its facts and the holds in force on it.
pub(crate) fn standing_of(f: &LotFacts, holds: &HashMap<String, Vec<lots::ActiveHold>>) -> LotStanding {
    LotStanding {
        lot_code: f.lot_code.clone(),
        status: f.status,
        expiry_date: f.expiry_date,
        on_hand: f.on_hand,
        holds: holds.get(&f.lot_code).cloned().unwrap_or_default(),
    }
}

/// How the lots `codes` stand, for goods taken from them outside a lot file (reshipments).
pub(crate) async fn item_lots(conn: &mut SqliteConnection, codes: &[&str]) -> Result<ItemLots, ApiError> {
    let facts = q::facts_by_code(conn, codes).await?;
    let mut holds = q::active_holds(conn).await?;
    let received =
        facts.into_values().filter(|f| f.received).map(|f| (f.lot_code.clone(), standing_of(&f, &holds))).collect();
    holds.retain(|lot, _| codes.contains(&lot.as_str()));
    // Only the held serials still in their lot keep units back (as for a lot shipment).
    let unshipped = q::held_units(conn, codes).await?;
    let mut held_serials: HashMap<String, HashMap<String, lots::ActiveHold>> = HashMap::new();
    for ((lot, serial), hold) in q::held_serials(conn, codes).await? {
        if unshipped.get(&lot).is_some_and(|s| s.contains(&serial)) {
            held_serials.entry(lot).or_default().insert(serial, hold);
        }
    }
    Ok(ItemLots { received, on_hold: holds.into_keys().collect(), held_serials })
}
