//! Opening an RMA: which order lines may come back, how many of their units are left, whether
//! the lot and serials named went out on that order, and the window's dates. Pure over what the
//! host gathered, so a desk's `open_rma` and the sync server's merge decide with the same code.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::eligibility::{EligibilityFacts, GoodsCondition, ProofOfPurchase, ReturnLineFacts, judge};
use super::policy::ReturnPolicy;
use super::rma::{PreferredOutcome, Rma, RmaLine, RmaOpening, RmaStatus};
use crate::error::{ApiError, FieldError, Violations};
use crate::lots::normalise_lot_code;
use crate::master::{OrderInput, ProductInput};
use crate::sales_channel::SalesChannel;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OpenRmaLineInput {
    pub order_no: String,
    pub line_no: i64,
    pub qty: i64,
    #[serde(default)]
    pub serials: Vec<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub lot_code: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OpenRmaInput {
    pub lines: Vec<OpenRmaLineInput>,
    pub reason_code: String,
    pub preferred_outcome: PreferredOutcome,
    /// The day the carrier delivered the order (YYYY-MM-DD); without it an analyst checks the window.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub delivered_on: Option<String>,
    #[serde(default)]
    pub condition: GoodsCondition,
    #[serde(default)]
    pub photo_ids: Vec<String>,
    /// The customer's photos show damage the carrier did not cause.
    #[serde(default)]
    pub non_carrier_damage_seen: bool,
    #[serde(default)]
    pub note: String,
    /// The channel the goods were sold through, for orders that record none; an order's own
    /// channel is kept and a different pick is refused.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub channel: Option<crate::sales_channel::SalesChannel>,
}

/// What the host knows that the opening rules read; the host looks it up for the orders,
/// products, lots, serials and photos the input names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpeningFacts {
    /// The orders the lines name that exist, by number.
    pub orders: BTreeMap<String, OrderInput>,
    /// The products of those orders' lines, by SKU.
    pub products: BTreeMap<String, ProductInput>,
    /// Units each order line already has on RMAs in play (see `units_held`).
    pub returning: BTreeMap<(String, i64), i64>,
    /// The photo attachments that exist.
    pub photos: BTreeSet<String>,
    /// Per lot named: the orders its recorded shipments went to (none recorded: empty).
    pub lot_orders: BTreeMap<String, Vec<String>>,
    /// Per (SKU, serial) recorded here: the order it was shipped on, if any.
    pub serial_orders: BTreeMap<(String, String), Option<String>>,
    /// Per lot named that Lotline knows: its product's SKU.
    pub lot_skus: BTreeMap<String, String>,
    /// The day the RMA is opened, in the site's time zone.
    pub opened_on: NaiveDate,
    pub home_currency: String,
    pub customer_return_rate_bps: Option<u32>,
}

/// An RMA as the rules let it be opened, before it has a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpeningDraft {
    pub customer_code: String,
    pub currency: String,
    pub lines: Vec<RmaLine>,
    pub facts: EligibilityFacts,
    pub channel: Option<SalesChannel>,
}

impl OpeningDraft {
    pub fn value_minor(&self) -> i64 {
        self.lines.iter().map(|l| l.qty * l.unit_price_minor).sum()
    }

    /// The opening as recorded, with the policy's verdict.
    /// `opened_by` may not pay the return out later.
    pub fn into_opening(
        self,
        rma_no: &str,
        policy: &ReturnPolicy,
        input: &OpenRmaInput,
        opened_by: &str,
    ) -> RmaOpening {
        RmaOpening {
            rma_no: rma_no.to_owned(),
            delivered_on: self.facts.delivered_on,
            eligibility: judge(policy, &self.facts),
            customer_code: self.customer_code,
            lines: self.lines,
            currency: self.currency,
            reason_code: self.facts.reason_code,
            preferred_outcome: input.preferred_outcome,
            photo_ids: input.photo_ids.clone(),
            note: input.note.trim().to_owned(),
            opened_by: Some(opened_by.to_owned()),
            channel: self.channel,
        }
    }
}

/// Units of an order line still free to come back: what was ordered less what RMAs in play hold.
pub fn units_left(ordered: i64, held: i64) -> i64 {
    (ordered - held).max(0)
}

/// What an RMA holds of each order line (order, line, units): the units asked for until goods
/// arrive, then the units that came back; nothing once rejected or cancelled.
pub fn units_held(rma: &Rma) -> Vec<(&str, i64, i64)> {
    use RmaStatus as S;
    if matches!(rma.status, S::Rejected | S::Cancelled) {
        return Vec::new();
    }
    let came_back = matches!(rma.status, S::Received | S::Inspected | S::Settled);
    rma.opening
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let units = if came_back { rma.received.get(i).copied().unwrap_or(0) } else { l.qty };
            (l.order_no.as_str(), l.line_no, units)
        })
        .collect()
}

/// The order whose customer the RMA is for: the first one named that exists.
pub fn opening_order<'a>(input: &OpenRmaInput, orders: &'a BTreeMap<String, OrderInput>) -> Option<&'a OrderInput> {
    input.lines.iter().find_map(|l| orders.get(l.order_no.trim()))
}

fn bad(field: String, key: &str) -> FieldError {
    FieldError::new(field, key)
}

fn delivered_on(v: &mut Violations, input: &OpenRmaInput, opened_on: NaiveDate) -> Option<NaiveDate> {
    let text = input.delivered_on.as_deref().map(str::trim).filter(|d| !d.is_empty())?;
    match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(day) if day > opened_on => {
            v.push(FieldError::new("delivered_on", "error.rma.delivered_in_future").with("value", text));
            None
        }
        Ok(day) => Some(day),
        Err(_) => {
            v.push(FieldError::new("delivered_on", "error.field.bad_date").with("value", text));
            None
        }
    }
}

/// What came back must have gone out: a lot of the line's product, shipped on the line's order
/// when its shipments are recorded here, and serials shipped on that order when recorded here.
fn check_shipped(
    v: &mut Violations,
    at: &dyn Fn(&str) -> String,
    facts: &OpeningFacts,
    order_no: &str,
    sku: &str,
    lot_code: Option<&str>,
    serials: &[String],
) {
    if let Some(lot) = lot_code {
        if let Some(lot_sku) = facts.lot_skus.get(lot)
            && lot_sku != sku
        {
            v.push(bad(at("lot_code"), "error.rma.lot_of_other_product").with("lot", lot).with("sku", lot_sku));
        }
        // A lot whose shipments are recorded here can only come back from an order it went to.
        let shipped = facts.lot_orders.get(lot).map(Vec::as_slice).unwrap_or_default();
        if !shipped.is_empty() && !shipped.iter().any(|o| o == order_no) {
            v.push(bad(at("lot_code"), "error.rma.lot_not_shipped").with("lot", lot).with("order_no", order_no));
        }
    }
    // A serial recorded here comes back only from the order it went out on.
    for serial in serials {
        if let Some(shipped) = facts.serial_orders.get(&(sku.to_owned(), serial.clone()))
            && shipped.as_deref() != Some(order_no)
        {
            v.push(
                bad(at("serials"), "error.rma.serial_not_shipped").with("serial", serial).with("order_no", order_no),
            );
        }
    }
}

/// Serials of a serial-tracked product that nothing here records: maybe a typo, maybe not ours;
/// the analyst decides (eligibility escalates).
fn unknown_serials(facts: &OpeningFacts, product: Option<&ProductInput>, sku: &str, serials: &[String]) -> Vec<String> {
    if !product.is_some_and(|p| p.serial_tracked) {
        return Vec::new();
    }
    serials.iter().filter(|s| !facts.serial_orders.contains_key(&(sku.to_owned(), (*s).clone()))).cloned().collect()
}

/// Checks the form against what Lotline knows and gathers the facts the verdict needs; every
/// problem is reported at once, by field.
pub fn decide_opening(
    policy: &ReturnPolicy,
    input: &OpenRmaInput,
    facts: &OpeningFacts,
) -> Result<OpeningDraft, ApiError> {
    let mut v = Violations::default();
    if input.lines.is_empty() {
        v.push(FieldError::new("lines", "error.rma.no_lines"));
    }
    let reason_code = input.reason_code.trim();
    if reason_code.is_empty() {
        v.push(FieldError::new("reason_code", "error.field.required"));
    } else if policy.reason(reason_code).is_none() {
        v.push(FieldError::new("reason_code", "error.rma.unknown_reason").with("reason", reason_code));
    }
    let delivered_on = delivered_on(&mut v, input, facts.opened_on);
    for (i, id) in input.photo_ids.iter().enumerate() {
        if !facts.photos.contains(id) {
            v.push(bad(format!("photo_ids[{i}]"), "error.rma.unknown_photo").with("id", id));
        }
    }
    v.max_len("note", input.note.trim(), crate::limits::REASON);

    let mut returning = facts.returning.clone();
    let mut customer: Option<(&str, &str)> = None;
    let mut lines = Vec::new();
    let mut line_facts = Vec::new();
    for (i, line) in input.lines.iter().enumerate() {
        let at = |name: &str| format!("lines[{i}].{name}");
        let order_no = line.order_no.trim();
        let Some(order) = facts.orders.get(order_no) else {
            let key = if order_no.is_empty() { "error.field.required" } else { "error.rma.unknown_order" };
            v.push(bad(at("order_no"), key).with("order_no", order_no));
            continue;
        };
        match customer {
            None => customer = Some((&order.customer_code, &order.currency)),
            Some((code, _)) if code != order.customer_code => {
                v.push(
                    bad(at("order_no"), "error.rma.other_customer").with("order_no", order_no).with("customer", code),
                );
                continue;
            }
            Some((_, currency)) if currency != order.currency => {
                v.push(
                    bad(at("order_no"), "error.rma.other_currency")
                        .with("order_no", order_no)
                        .with("currency", currency),
                );
                continue;
            }
            Some(_) => {}
        }
        let Some(ordered) = order.lines.iter().find(|l| l.line_no == line.line_no) else {
            v.push(
                bad(at("line_no"), "error.rma.unknown_order_line")
                    .with("order_no", order_no)
                    .with("line", line.line_no),
            );
            continue;
        };
        let held = returning.entry((order_no.to_owned(), line.line_no)).or_insert(0);
        let available = units_left(ordered.qty, *held);
        if line.qty <= 0 {
            v.push(bad(at("qty"), "error.rma.qty_positive"));
        } else if available == 0 {
            v.push(bad(at("qty"), "error.rma.fully_returned").with("sku", &ordered.sku).with("order_no", order_no));
        } else if line.qty > available {
            v.push(
                bad(at("qty"), "error.rma.qty_above_returnable").with("sku", &ordered.sku).with("available", available),
            );
        }
        *held += line.qty.max(0);
        let serials: Vec<String> = line.serials.iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
        if i64::try_from(serials.len()).unwrap_or(i64::MAX) > line.qty.max(0) {
            v.push(bad(at("serials"), "error.rma.too_many_serials").with("qty", line.qty));
        }
        let lot_code = line.lot_code.as_deref().map(normalise_lot_code).filter(|l| !l.is_empty());
        check_shipped(&mut v, &at, facts, order_no, &ordered.sku, lot_code.as_deref(), &serials);
        let product = facts.products.get(&ordered.sku);
        let unknown_serials = unknown_serials(facts, product, &ordered.sku, &serials);
        line_facts.push(ReturnLineFacts {
            sku: ordered.sku.clone(),
            category: product.map(|p| p.category.clone()).unwrap_or_default(),
            returnable: product.is_none_or(|p| p.returnable),
            serial_tracked: product.is_some_and(|p| p.serial_tracked),
            qty: line.qty,
            serials_given: serials.len(),
            unknown_serials,
            value_minor: line.qty.max(0) * ordered.unit_price_minor,
            condition: input.condition,
        });
        lines.push(RmaLine {
            order_no: order_no.to_owned(),
            line_no: line.line_no,
            sku: ordered.sku.clone(),
            qty: line.qty,
            unit_price_minor: ordered.unit_price_minor,
            lot_code,
            serials,
        });
    }
    let channel = opening_channel(&mut v, input, facts);
    v.into_result()?;
    let (customer_code, currency) = customer.map(|(c, cur)| (c.to_owned(), cur.to_owned())).unwrap_or_default();
    let facts = EligibilityFacts {
        opened_on: facts.opened_on,
        delivered_on,
        proof: ProofOfPurchase::Order,
        reason_code: reason_code.to_owned(),
        lines: line_facts,
        currency: currency.clone(),
        home_currency: facts.home_currency.clone(),
        photos: input.photo_ids.len(),
        non_carrier_damage_seen: input.non_carrier_damage_seen,
        customer_return_rate_bps: facts.customer_return_rate_bps,
    };
    Ok(OpeningDraft { customer_code, currency, lines, facts, channel })
}

/// The RMA's sales channel: its (first) order's, else the analyst's pick, else none. A pick
/// that contradicts the order's recorded channel is refused rather than silently dropped.
fn opening_channel(v: &mut Violations, input: &OpenRmaInput, facts: &OpeningFacts) -> Option<SalesChannel> {
    let recorded = opening_order(input, &facts.orders).and_then(|o| o.channel);
    match (recorded, input.channel) {
        (Some(order), Some(picked)) if order != picked => {
            v.push(FieldError::new("channel", "error.rma.channel_of_order").with("channel", order.code()));
            Some(order)
        }
        (Some(order), _) => Some(order),
        (None, picked) => picked,
    }
}
