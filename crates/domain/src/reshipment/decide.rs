//! The acts on a reshipment: each checks its input and the reshipment's state and returns the
//! events to record, or an error naming the field; nothing is written on an error.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::authorize::{check_approver, counting, is_satisfied, requirement};
use super::lots::{ItemLots, check_item_lots};
use super::sla::add_working_days;
use super::state::{Reshipment, ReshipmentRequest};
use super::tracking::{normalise_tracking, tracking_fits};
use super::types::{
    Approval, ApprovalPolicy, Carrier, ChargebackStatus, Cost, Payer, ReshipmentItem, ReshipmentStatus, RoleLimit,
    ShipTo,
};
use crate::error::{ApiError, FieldError, Violations};
use crate::limits;
use crate::master::{check_country, check_currency};
use crate::money::format_money;
use crate::people::Actor;
use crate::site_time::{Holidays, SiteDay};
use crate::{ErrorCode, Event};

/// Shipping and goods may be entered in different currencies; the request refuses a mix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CostInput {
    pub shipping_minor: i64,
    pub shipping_currency: String,
    pub goods_minor: i64,
    pub goods_currency: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ItemInput {
    pub line_no: i64,
    pub qty: i64,
    #[serde(default)]
    pub lot_code: Option<String>,
    #[serde(default)]
    pub serials: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RequestReshipmentInput {
    pub failure_nos: Vec<String>,
    pub order_no: String,
    pub items: Vec<ItemInput>,
    /// Absent: the order's customer address.
    #[serde(default)]
    pub ship_to: Option<ShipTo>,
    #[serde(default)]
    pub ship_to_reason: Option<String>,
    pub carrier: Carrier,
    pub service: String,
    pub cost: CostInput,
    pub payer: Payer,
    #[serde(default)]
    pub vendor_code: Option<String>,
    pub reason: String,
    /// YYYY-MM-DD; absent: the policy's working days from authorization.
    #[serde(default)]
    pub due_on: Option<String>,
    /// The RMA this replacement exchanges; then QC failures are optional.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub rma_no: Option<String>,
}

/// A return being exchanged: what came back per SKU, the most its replacement may send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExchangeFacts {
    pub rma_no: String,
    pub returned: BTreeMap<String, i64>,
}

/// A linked failure as far as the rules need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailureFacts {
    pub failure_no: String,
    pub sku: String,
    pub vendor_code: String,
    pub qty_failed: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderLineFacts {
    pub line_no: i64,
    pub sku: String,
    pub qty: i64,
    pub lot_tracked: bool,
    pub serial_tracked: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderFacts {
    pub order_no: String,
    pub lines: Vec<OrderLineFacts>,
    pub ship_to: ShipTo,
}

/// What the store knows that a request is checked against.
pub struct RequestFacts<'a> {
    pub failures: &'a [FailureFacts],
    pub unknown_failures: &'a [String],
    pub order: Option<&'a OrderFacts>,
    /// Per SKU, what active reshipments linked to any of these failures already send.
    pub reshipped: &'a BTreeMap<String, i64>,
    /// The lots the items name, as they stand.
    pub lots: &'a ItemLots,
    pub policy: &'a ApprovalPolicy,
    pub today: NaiveDate,
    /// The site's days off, which the due date skips.
    pub holidays: &'a Holidays,
    /// The return being exchanged, when the request names one that may be exchanged.
    pub exchange: Option<&'a ExchangeFacts>,
}

fn parse_date(v: &mut Violations, field: &str, text: &str) -> Option<NaiveDate> {
    match NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
        Ok(date) => Some(date),
        Err(_) => {
            v.push(FieldError::new(field, "error.field.bad_date").with("value", text));
            None
        }
    }
}

fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

pub fn check_cost(v: &mut Violations, input: &CostInput) -> Cost {
    for (field, minor) in [("cost.shipping_minor", input.shipping_minor), ("cost.goods_minor", input.goods_minor)] {
        if minor < 0 {
            v.push(FieldError::new(field, "error.field.negative"));
        }
    }
    let shipping_currency = input.shipping_currency.trim().to_uppercase();
    let goods_currency = input.goods_currency.trim().to_uppercase();
    check_currency(v, "cost.shipping_currency", &shipping_currency);
    if goods_currency != shipping_currency {
        v.push(
            FieldError::new("cost.goods_currency", "error.reshipment.mixed_currency")
                .with("shipping", &shipping_currency)
                .with("goods", &goods_currency),
        );
    }
    if input.shipping_minor.checked_add(input.goods_minor).is_none() {
        v.push(FieldError::new("cost.goods_minor", "error.field.too_large"));
    }
    Cost { shipping_minor: input.shipping_minor, goods_minor: input.goods_minor, currency: shipping_currency }
}

/// Per SKU, the units that may still be sent again: what the linked failures found bad (or the
/// exchanged return brought back) less what other reshipments in play already send. A SKU that
/// none of them names is absent. The desk's request and the sync server's merge both cap with it.
pub fn reshippable(
    failures: &[FailureFacts],
    exchange: Option<&ExchangeFacts>,
    reshipped: &BTreeMap<String, i64>,
) -> BTreeMap<String, i64> {
    let mut ceiling: BTreeMap<String, i64> = BTreeMap::new();
    for f in failures {
        *ceiling.entry(f.sku.clone()).or_default() += f.qty_failed;
    }
    for (sku, qty) in exchange.map(|e| &e.returned).into_iter().flatten() {
        *ceiling.entry(sku.clone()).or_default() += qty;
    }
    for (sku, left) in &mut ceiling {
        *left = (*left - reshipped.get(sku).copied().unwrap_or(0)).max(0);
    }
    ceiling
}

/// The units of each SKU the items ask for.
pub fn wanted_per_sku(items: &[ReshipmentItem]) -> BTreeMap<&str, i64> {
    let mut wanted: BTreeMap<&str, i64> = BTreeMap::new();
    for item in items {
        *wanted.entry(item.sku.as_str()).or_default() += item.qty;
    }
    wanted
}

fn check_items(v: &mut Violations, input: &RequestReshipmentInput, facts: &RequestFacts<'_>) -> Vec<ReshipmentItem> {
    if input.items.is_empty() {
        v.push(FieldError::new("items", "error.reshipment.no_items"));
    }
    let mut items = Vec::new();
    // (index in the form, index in `items`), for naming a lot's refusal where it was entered.
    let mut lotted = Vec::new();
    let mut seen = HashSet::new();
    for (i, item) in input.items.iter().enumerate() {
        let field = |name: &str| format!("items.{i}.{name}");
        if !seen.insert(item.line_no) {
            v.push(FieldError::new(field("line_no"), "error.reshipment.line_twice").with("line_no", item.line_no));
        }
        if item.qty <= 0 {
            v.push(FieldError::new(field("qty"), "error.field.must_be_positive"));
        }
        let Some(order) = facts.order else { continue };
        let Some(line) = order.lines.iter().find(|l| l.line_no == item.line_no) else {
            v.push(
                FieldError::new(field("line_no"), "error.reshipment.unknown_line")
                    .with("line_no", item.line_no)
                    .with("order_no", &order.order_no),
            );
            continue;
        };
        if item.qty > line.qty {
            v.push(FieldError::new(field("qty"), "error.reshipment.qty_above_ordered").with("ordered", line.qty));
        }
        let lot_code = item.lot_code.as_deref().map(crate::lots::normalise_lot_code).filter(|l| !l.is_empty());
        let serials: Vec<String> = item.serials.iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
        if line.lot_tracked && lot_code.is_none() {
            v.push(FieldError::new(field("lot_code"), "error.reshipment.lot_required").with("sku", &line.sku));
        }
        if line.serial_tracked && serials.len() as i64 != item.qty {
            v.push(
                FieldError::new(field("serials"), "error.reshipment.serials_count")
                    .with("qty", item.qty)
                    .with("count", serials.len()),
            );
        }
        items.push(ReshipmentItem { line_no: line.line_no, sku: line.sku.clone(), qty: item.qty, lot_code, serials });
        lotted.push((i, items.len() - 1));
    }
    let from_lots = lotted.iter().filter_map(|(i, at)| {
        let item = &items[*at];
        Some((*i, item.lot_code.as_deref()?, item.qty, item.serials.as_slice()))
    });
    for error in check_item_lots(from_lots, facts.lots, facts.today) {
        v.push(error);
    }
    let reshippable = reshippable(facts.failures, facts.exchange, facts.reshipped);
    for (sku, qty) in wanted_per_sku(&items) {
        let Some(&available) = reshippable.get(sku) else {
            let key = if facts.exchange.is_some() {
                "error.reshipment.sku_not_returned"
            } else {
                "error.reshipment.sku_not_failed"
            };
            v.push(FieldError::new("items", key).with("sku", sku));
            continue;
        };
        if qty > available {
            v.push(
                FieldError::new("items", "error.reshipment.qty_above_failed")
                    .with("sku", sku)
                    .with("qty", qty)
                    .with("available", available),
            );
        }
    }
    items
}

fn check_ship_to(
    v: &mut Violations,
    input: &RequestReshipmentInput,
    order: Option<&OrderFacts>,
) -> (ShipTo, Option<String>) {
    let from_order = order.map(|o| o.ship_to.clone());
    let reason = input.ship_to_reason.as_deref().map(str::trim).filter(|r| !r.is_empty()).map(str::to_owned);
    v.max_len_opt("ship_to_reason", reason.as_deref(), limits::REASON);
    let ship_to = match (&input.ship_to, from_order) {
        (Some(given), from_order) => {
            let given = ShipTo {
                name: given.name.trim().to_owned(),
                address: given.address.trim().to_owned(),
                country: given.country.trim().to_uppercase(),
            };
            if from_order.as_ref().is_some_and(|o| *o != given) && reason.is_none() {
                v.push(FieldError::new("ship_to_reason", "error.reshipment.ship_to_reason_required"));
            }
            given
        }
        (None, Some(from_order)) => from_order,
        (None, None) => ShipTo { name: String::new(), address: String::new(), country: String::new() },
    };
    if order.is_some() {
        v.required("ship_to.name", &ship_to.name);
        v.max_len("ship_to.name", &ship_to.name, limits::NAME);
        v.required("ship_to.address", &ship_to.address);
        v.max_len("ship_to.address", &ship_to.address, limits::ADDRESS);
        check_country(v, "ship_to.country", &ship_to.country);
    }
    (ship_to, reason)
}

/// A new reshipment: `ReshipmentRequested`, and `ReshipmentAuthorized` at once when the
/// requester's own limit covers it.
pub fn decide_request(
    input: &RequestReshipmentInput,
    facts: &RequestFacts<'_>,
    reshipment_no: &str,
    actor: &Actor,
) -> Result<Vec<Event>, ApiError> {
    let mut v = Violations::default();
    if input.failure_nos.is_empty() && facts.exchange.is_none() {
        v.push(FieldError::new("failure_nos", "error.reshipment.no_failures"));
    }
    for no in facts.unknown_failures {
        v.push(FieldError::new("failure_nos", "error.reshipment.unknown_failure").with("failure_no", no));
    }
    if facts.order.is_none() {
        v.push(FieldError::new("order_no", "error.reshipment.unknown_order").with("order_no", &input.order_no));
    }
    let items = check_items(&mut v, input, facts);
    let (ship_to, ship_to_reason) = check_ship_to(&mut v, input, facts.order);
    let cost = check_cost(&mut v, &input.cost);
    let service = input.service.trim().to_owned();
    v.required("service", &service);
    v.max_len("service", &service, limits::LABEL);
    let reason = input.reason.trim().to_owned();
    v.required("reason", &reason);
    v.max_len("reason", &reason, limits::REASON);
    let vendor_code = match input.payer {
        Payer::Us => None,
        Payer::Vendor => {
            let vendors: Vec<&str> = facts.failures.iter().map(|f| f.vendor_code.as_str()).collect();
            let chosen = input.vendor_code.as_deref().map(|c| c.trim().to_uppercase()).filter(|c| !c.is_empty());
            match chosen {
                // An exchange has no failure to name the vendor: whoever the user names pays.
                Some(code) if vendors.contains(&code.as_str()) || facts.exchange.is_some() => Some(code),
                Some(code) => {
                    v.push(
                        FieldError::new("vendor_code", "error.reshipment.vendor_not_in_failures").with("code", code),
                    );
                    None
                }
                None if !vendors.is_empty() && vendors.iter().all(|c| *c == vendors[0]) => Some(vendors[0].to_owned()),
                None => {
                    v.push(FieldError::new("vendor_code", "error.reshipment.vendor_required"));
                    None
                }
            }
        }
    };
    let due = match input.due_on.as_deref().filter(|d| !d.trim().is_empty()) {
        Some(text) => match parse_date(&mut v, "due_on", text) {
            Some(date) if date < facts.today => {
                v.push(FieldError::new("due_on", "error.reshipment.due_in_past"));
                None
            }
            other => other,
        },
        None => None,
    };
    v.into_result()?;
    let due_on =
        due.unwrap_or_else(|| add_working_days(facts.today, facts.policy.ship_within_working_days, facts.holidays));
    let request = ReshipmentRequest {
        reshipment_no: reshipment_no.to_owned(),
        requested_by: actor.user_id.clone(),
        requester_roles: actor.roles.clone(),
        failure_nos: input.failure_nos.iter().map(|n| n.trim().to_owned()).collect(),
        order_no: input.order_no.trim().to_owned(),
        items,
        ship_to,
        ship_to_reason,
        carrier: input.carrier,
        service,
        cost: cost.clone(),
        payer: input.payer,
        vendor_code,
        reason,
        due_on: date_text(due_on),
        due_date_set: due.is_some(),
        rma_no: facts.exchange.map(|e| e.rma_no.clone()),
    };
    let needs = requirement(facts.policy, &cost, &actor.roles);
    let mut events = vec![Event::ReshipmentRequested(Box::new(request))];
    if needs.approvals == 0 {
        events.push(Event::ReshipmentAuthorized {
            reshipment_no: reshipment_no.to_owned(),
            by_policy: true,
            due_on: date_text(due_on),
        });
    }
    Ok(events)
}

fn conflict(r: &Reshipment, key: &str) -> ApiError {
    ApiError::new(ErrorCode::Conflict, key).with("reshipment_no", r.reshipment_no()).with("status", r.status.as_str())
}

fn not_in(r: &Reshipment, allowed: &[ReshipmentStatus], key: &str) -> Result<(), ApiError> {
    if allowed.contains(&r.status) { Ok(()) } else { Err(conflict(r, key)) }
}

/// Authorization follows from the set of approvals, wherever it was completed: approvals given
/// on different desks, each too few alone, authorize the reshipment together once the logs
/// merge. `day` is the site's day of the approval that completed the set.
pub fn authorize_by_approvals(mut r: Reshipment, policy: &ApprovalPolicy, day: &SiteDay) -> Reshipment {
    if r.status != ReshipmentStatus::Requested || r.approvals.is_empty() {
        return r;
    }
    let needs = requirement(policy, &r.cost, &r.request.requester_roles);
    if needs.approvals > 0 && is_satisfied(&needs, &counting(policy, &r.cost, r.amount_version, &r.approvals)) {
        r.due_on = due_on_authorization(&r, policy, day);
        r.status = ReshipmentStatus::Authorized;
    }
    r
}

/// The due date once authorized: the requester's, or the policy's working days from today.
fn due_on_authorization(r: &Reshipment, policy: &ApprovalPolicy, day: &SiteDay) -> String {
    if r.request.due_date_set {
        r.due_on.clone()
    } else {
        date_text(add_working_days(day.today, policy.ship_within_working_days, &day.holidays))
    }
}

pub fn decide_approve(
    r: &Reshipment,
    policy: &ApprovalPolicy,
    actor: &Actor,
    note: &str,
    day: &SiteDay,
) -> Result<Vec<Event>, ApiError> {
    match r.status {
        ReshipmentStatus::Requested => {}
        ReshipmentStatus::Authorized | ReshipmentStatus::Shipped | ReshipmentStatus::Delivered => {
            return Err(conflict(r, "error.reshipment.already_authorized"));
        }
        ReshipmentStatus::Rejected | ReshipmentStatus::Cancelled => {
            return Err(conflict(r, "error.reshipment.not_open"));
        }
    }
    let needs = requirement(policy, &r.cost, &r.request.requester_roles);
    let counted = counting(policy, &r.cost, r.amount_version, &r.approvals);
    check_approver(policy, &needs, &r.cost, &r.request.requested_by, &counted, &actor.user_id, &actor.roles).map_err(
        |refusal| {
            let mut err = ApiError::forbidden(refusal.key)
                .with("total_minor", r.cost.total_minor())
                .with("total", format_money(r.cost.total_minor(), &r.cost.currency));
            if let Some(limit) = refusal.limit_minor {
                err = err.with("limit_minor", limit).with("limit", format_money(limit, &policy.currency));
            }
            err
        },
    )?;
    note_fits(note)?;
    let approval = Approval {
        approver_id: actor.user_id.clone(),
        approver_roles: actor.roles.clone(),
        limit_minor: policy.limit_of(&actor.roles).as_option(),
        amount_version: r.amount_version,
        total_minor: r.cost.total_minor(),
        currency: r.cost.currency.clone(),
        note: note.trim().to_owned(),
    };
    let mut after = counted.into_iter().cloned().collect::<Vec<_>>();
    after.push(approval.clone());
    let now_counting = counting(policy, &r.cost, r.amount_version, &after);
    let mut events = vec![Event::ReshipmentApproved { reshipment_no: r.reshipment_no().to_owned(), approval }];
    if is_satisfied(&needs, &now_counting) {
        events.push(Event::ReshipmentAuthorized {
            reshipment_no: r.reshipment_no().to_owned(),
            by_policy: false,
            due_on: due_on_authorization(r, policy, day),
        });
    }
    Ok(events)
}

/// An optional note held to the length of a reason.
fn note_fits(note: &str) -> Result<(), ApiError> {
    let mut v = Violations::default();
    v.max_len("note", note.trim(), limits::REASON);
    v.into_result()
}

fn required_text(field: &str, text: &str) -> Result<String, ApiError> {
    let text = text.trim().to_owned();
    let mut v = Violations::default();
    v.required(field, &text);
    v.max_len(field, &text, limits::REASON);
    v.into_result()?;
    Ok(text)
}

/// Someone who could approve it turns it down; the requester withdraws with a cancel instead.
pub fn decide_reject(
    r: &Reshipment,
    policy: &ApprovalPolicy,
    actor: &Actor,
    reason: &str,
) -> Result<Vec<Event>, ApiError> {
    not_in(r, &[ReshipmentStatus::Requested], "error.reshipment.not_open")?;
    let reason = required_text("reason", reason)?;
    if actor.user_id == r.request.requested_by {
        return Err(ApiError::forbidden("error.reshipment.self_reject"));
    }
    if !policy.covers(policy.limit_of(&actor.roles), &r.cost) {
        return Err(ApiError::forbidden("error.reshipment.limit_too_low")
            .with("total_minor", r.cost.total_minor())
            .with("total", format_money(r.cost.total_minor(), &r.cost.currency))
            .with("limit", format_money(policy.limit_of(&actor.roles).as_option().unwrap_or(0), &policy.currency)));
    }
    Ok(vec![Event::ReshipmentRejected { reshipment_no: r.reshipment_no().to_owned(), reason }])
}

/// A new cost voids the approvals so far; within the requester's limit it is authorized again.
pub fn decide_amend(
    r: &Reshipment,
    policy: &ApprovalPolicy,
    cost: &CostInput,
    reason: &str,
    day: &SiteDay,
) -> Result<Vec<Event>, ApiError> {
    not_in(r, &[ReshipmentStatus::Requested, ReshipmentStatus::Authorized], "error.reshipment.not_amendable")?;
    let mut v = Violations::default();
    let cost = check_cost(&mut v, cost);
    v.into_result()?;
    let reason = required_text("reason", reason)?;
    if cost == r.cost {
        return Err(ApiError::field(FieldError::new("cost", "error.reshipment.cost_unchanged")));
    }
    let amount_version = r.amount_version + 1;
    let mut events = vec![Event::ReshipmentAmended {
        reshipment_no: r.reshipment_no().to_owned(),
        cost: cost.clone(),
        amount_version,
        reason,
    }];
    if requirement(policy, &cost, &r.request.requester_roles).approvals == 0 {
        events.push(Event::ReshipmentAuthorized {
            reshipment_no: r.reshipment_no().to_owned(),
            by_policy: true,
            due_on: due_on_authorization(r, policy, day),
        });
    }
    Ok(events)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ShipInput {
    pub reshipment_no: String,
    pub carrier: Carrier,
    #[serde(default)]
    pub service: Option<String>,
    pub tracking_no: String,
    /// YYYY-MM-DD; absent: today.
    #[serde(default)]
    pub shipped_on: Option<String>,
}

/// Ships an authorized reshipment. Its lots are checked again: a hold or recall placed since the
/// request stops the goods at the door.
pub fn decide_ship(
    r: &Reshipment,
    input: &ShipInput,
    lots: &ItemLots,
    today: NaiveDate,
) -> Result<Vec<Event>, ApiError> {
    if r.status == ReshipmentStatus::Requested {
        return Err(ApiError::new(ErrorCode::Conflict, "error.reshipment.not_authorized")
            .with("reshipment_no", r.reshipment_no()));
    }
    not_in(r, &[ReshipmentStatus::Authorized], "error.reshipment.not_shippable")?;
    let mut v = Violations::default();
    let tracking_no = normalise_tracking(&input.tracking_no);
    if tracking_no.is_empty() {
        v.push(FieldError::new("tracking_no", "error.field.required"));
    } else if !tracking_fits(input.carrier, &tracking_no) {
        v.push(
            FieldError::new("tracking_no", "error.reshipment.bad_tracking")
                .with("carrier", input.carrier.display_name())
                .with("value", &tracking_no),
        );
    }
    let shipped_on = match input.shipped_on.as_deref().filter(|d| !d.trim().is_empty()) {
        Some(text) => parse_date(&mut v, "shipped_on", text),
        None => Some(today),
    };
    if shipped_on.is_some_and(|d| d > today) {
        v.push(FieldError::new("shipped_on", "error.reshipment.date_in_future"));
    }
    let service = input.service.as_deref().map(str::trim).filter(|s| !s.is_empty()).unwrap_or(&r.service).to_owned();
    v.max_len("service", &service, limits::LABEL);
    let from_lots = r
        .request
        .items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| Some((i, item.lot_code.as_deref()?, item.qty, item.serials.as_slice())));
    for error in check_item_lots(from_lots, lots, today) {
        v.push(error);
    }
    v.into_result()?;
    Ok(vec![Event::ReshipmentShipped {
        reshipment_no: r.reshipment_no().to_owned(),
        carrier: input.carrier,
        service,
        tracking_no,
        shipped_on: date_text(shipped_on.unwrap_or(today)),
    }])
}

pub fn decide_deliver(r: &Reshipment, delivered_on: Option<&str>, today: NaiveDate) -> Result<Vec<Event>, ApiError> {
    not_in(r, &[ReshipmentStatus::Shipped], "error.reshipment.not_shipped")?;
    let mut v = Violations::default();
    let date = match delivered_on.filter(|d| !d.trim().is_empty()) {
        Some(text) => parse_date(&mut v, "delivered_on", text),
        None => Some(today),
    };
    if let Some(date) = date {
        if date > today {
            v.push(FieldError::new("delivered_on", "error.reshipment.date_in_future"));
        }
        let shipped = r.shipped_on.as_deref().and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
        if shipped.is_some_and(|s| date < s) {
            v.push(FieldError::new("delivered_on", "error.reshipment.delivered_before_shipped"));
        }
    }
    v.into_result()?;
    Ok(vec![Event::ReshipmentDelivered {
        reshipment_no: r.reshipment_no().to_owned(),
        delivered_on: date_text(date.unwrap_or(today)),
    }])
}

pub fn decide_cancel(r: &Reshipment, reason: &str) -> Result<Vec<Event>, ApiError> {
    not_in(r, &[ReshipmentStatus::Requested, ReshipmentStatus::Authorized], "error.reshipment.not_cancellable")?;
    let reason = required_text("reason", reason)?;
    Ok(vec![Event::ReshipmentCancelled { reshipment_no: r.reshipment_no().to_owned(), reason }])
}

/// open → accepted | disputed | recovered; disputed → accepted | recovered | open;
/// accepted → recovered; any of open, disputed and accepted → written off (with the reason in
/// the note). Recovered and written off are final; recovered needs the amount actually received.
pub fn decide_chargeback(
    r: &Reshipment,
    status: ChargebackStatus,
    recovered_minor: i64,
    note: &str,
) -> Result<Vec<Event>, ApiError> {
    let Some(claim) = &r.chargeback else {
        return Err(
            ApiError::new(ErrorCode::Conflict, "error.chargeback.none").with("reshipment_no", r.reshipment_no())
        );
    };
    if !r.status.is_active() {
        return Err(
            ApiError::new(ErrorCode::Conflict, "error.chargeback.reshipment_closed").with("status", r.status.as_str())
        );
    }
    use ChargebackStatus::*;
    let allowed = matches!(
        (claim.status, status),
        (Open, Accepted | Disputed | Recovered | WrittenOff)
            | (Disputed, Accepted | Recovered | Open | WrittenOff)
            | (Accepted, Recovered | WrittenOff)
    );
    if !allowed {
        return Err(ApiError::field(
            FieldError::new("status", "error.chargeback.bad_transition")
                .with("from", claim.status.as_str())
                .with("to", status.as_str()),
        ));
    }
    note_fits(note)?;
    if status == WrittenOff && note.trim().is_empty() {
        return Err(ApiError::field(FieldError::new("note", "error.field.required")));
    }
    let recovered = if status == Recovered { recovered_minor } else { 0 };
    if status == Recovered && !(1..=claim.amount_minor).contains(&recovered_minor) {
        return Err(ApiError::field(
            FieldError::new("recovered_minor", "error.chargeback.bad_recovered")
                .with("amount_minor", claim.amount_minor),
        ));
    }
    Ok(vec![Event::ChargebackUpdated {
        reshipment_no: r.reshipment_no().to_owned(),
        status,
        recovered_minor: recovered,
        note: note.trim().to_owned(),
    }])
}

/// Limits must not be negative, and at least one role must be able to approve anything.
fn check_limits(v: &mut Violations, prefix: &str, limits: &[RoleLimit], dual_control_above_minor: i64) {
    let mut roles = HashSet::new();
    for (i, limit) in limits.iter().enumerate() {
        if limit.limit_minor.is_some_and(|m| m < 0) {
            v.push(FieldError::new(format!("{prefix}limits.{i}.limit_minor"), "error.field.negative"));
        }
        if !roles.insert(limit.role) {
            v.push(FieldError::new(format!("{prefix}limits.{i}.role"), "error.policy.role_twice"));
        }
    }
    if !limits.iter().any(|l| l.limit_minor.is_none()) {
        v.push(FieldError::new(format!("{prefix}limits"), "error.policy.no_unlimited_role"));
    }
    if dual_control_above_minor < 0 {
        v.push(FieldError::new(format!("{prefix}dual_control_above_minor"), "error.field.negative"));
    }
}

/// Both sets of limits (reshipments', settlements') follow the same checks.
pub fn check_policy(policy: &ApprovalPolicy) -> Result<(), ApiError> {
    let mut v = Violations::default();
    check_currency(&mut v, "currency", &policy.currency);
    check_limits(&mut v, "", &policy.limits, policy.dual_control_above_minor);
    if let Some(settlements) = &policy.settlements {
        check_limits(&mut v, "settlements.", &settlements.limits, settlements.dual_control_above_minor);
    }
    if policy.ship_within_working_days > 60 {
        v.push(FieldError::new("ship_within_working_days", "error.field.too_large"));
    }
    v.into_result()
}
