//! Opening an RMA: the facts come from the orders and master data in Lotline, the verdict from
//! the policy. `check_rma` shows the verdict while the form is filled in; `open_rma` records it.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use lotline_domain::error::{FieldError, Violations};
use lotline_domain::lots::normalise_lot_code;
use lotline_domain::people::Permission;
use lotline_domain::returns::{
    self as rt, Eligibility, EligibilityFacts, GoodsCondition, PreferredOutcome, ProofOfPurchase, ReturnLineFacts,
    ReturnPolicy, RmaLine, RmaOpening,
};
use lotline_domain::{ApiError, Event};
use lotline_store::queries::lots as lots_q;
use lotline_store::queries::returns as q;
use lotline_store::queries::serials as serials_q;
use lotline_store::queries::{master, people};
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;
use ts_rs::TS;

use super::{RmaDetail, detail, policy};
use crate::context::{Ctx, sql_error, store_error};

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
}

/// The verdict the RMA would get now, before anything is recorded.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RmaCheck {
    pub eligibility: Eligibility,
    pub customer_code: String,
    pub currency: String,
    pub value_minor: i64,
}

/// What the form gives plus what Lotline knows, ready to be judged.
struct Gathered {
    customer_code: String,
    currency: String,
    lines: Vec<RmaLine>,
    facts: EligibilityFacts,
}

fn bad(field: String, key: &str) -> FieldError {
    FieldError::new(field, key)
}

async fn gather(
    ctx: &Ctx,
    conn: &mut SqliteConnection,
    policy: &ReturnPolicy,
    input: &OpenRmaInput,
) -> Result<Gathered, ApiError> {
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
    let opened_on = ctx.now().date_naive();
    let delivered_on = match input.delivered_on.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        None => None,
        Some(text) => match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(day) if day > opened_on => {
                v.push(FieldError::new("delivered_on", "error.rma.delivered_in_future").with("value", text));
                None
            }
            Ok(day) => Some(day),
            Err(_) => {
                v.push(FieldError::new("delivered_on", "error.field.bad_date").with("value", text));
                None
            }
        },
    };
    for (i, id) in input.photo_ids.iter().enumerate() {
        if master::attachment(conn, id).await.map_err(store_error)?.is_none() {
            v.push(bad(format!("photo_ids[{i}]"), "error.rma.unknown_photo").with("id", id));
        }
    }
    v.max_len("note", &input.note, 2_000);

    let order_nos: Vec<String> = input.lines.iter().map(|l| l.order_no.trim().to_owned()).collect();
    let mut returning = q::returning_for(conn, &order_nos).await.map_err(store_error)?;
    let mut orders = BTreeMap::new();
    let mut customer: Option<(String, String)> = None;
    let mut lines = Vec::new();
    let mut line_facts = Vec::new();
    for (i, line) in input.lines.iter().enumerate() {
        let at = |name: &str| format!("lines[{i}].{name}");
        let order_no = line.order_no.trim();
        if !orders.contains_key(order_no) {
            let order = master::order(conn, order_no).await.map_err(store_error)?;
            orders.insert(order_no.to_owned(), order);
        }
        let Some(order) = orders.get(order_no).and_then(Option::as_ref) else {
            let key = if order_no.is_empty() { "error.field.required" } else { "error.rma.unknown_order" };
            v.push(bad(at("order_no"), key).with("order_no", order_no));
            continue;
        };
        match &customer {
            None => customer = Some((order.customer_code.clone(), order.currency.clone())),
            Some((code, _)) if *code != order.customer_code => {
                v.push(
                    bad(at("order_no"), "error.rma.other_customer").with("order_no", order_no).with("customer", code),
                );
                continue;
            }
            Some((_, currency)) if *currency != order.currency => {
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
        let taken = returning.entry((order_no.to_owned(), line.line_no)).or_insert(0);
        let available = (ordered.qty - *taken).max(0);
        if line.qty <= 0 {
            v.push(bad(at("qty"), "error.rma.qty_positive"));
        } else if available == 0 {
            v.push(bad(at("qty"), "error.rma.fully_returned").with("sku", &ordered.sku).with("order_no", order_no));
        } else if line.qty > available {
            v.push(
                bad(at("qty"), "error.rma.qty_above_returnable").with("sku", &ordered.sku).with("available", available),
            );
        }
        *taken += line.qty.max(0);
        let serials: Vec<String> = line.serials.iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
        if i64::try_from(serials.len()).unwrap_or(i64::MAX) > line.qty.max(0) {
            v.push(bad(at("serials"), "error.rma.too_many_serials").with("qty", line.qty));
        }
        let lot_code = line.lot_code.as_deref().map(normalise_lot_code).filter(|l| !l.is_empty());
        if let Some(lot) = &lot_code {
            // A lot whose shipments are recorded here can only come back from an order it went to.
            let shipped = lots_q::orders_shipped(conn, lot).await.map_err(store_error)?;
            if !shipped.is_empty() && !shipped.iter().any(|(o, _)| o == order_no) {
                v.push(bad(at("lot_code"), "error.rma.lot_not_shipped").with("lot", lot).with("order_no", order_no));
            }
        }
        // A serial recorded here comes back only from the order it went out on.
        let named: Vec<&str> = serials.iter().map(String::as_str).collect();
        if !named.is_empty() {
            let recorded = serials_q::shipped_orders(conn, &ordered.sku, &named).await.map_err(store_error)?;
            for serial in &named {
                if let Some(shipped) = recorded.get(*serial)
                    && shipped.as_deref() != Some(order_no)
                {
                    v.push(
                        bad(at("serials"), "error.rma.serial_not_shipped")
                            .with("serial", serial)
                            .with("order_no", order_no),
                    );
                }
            }
        }
        let product = master::product(conn, &ordered.sku).await.map_err(store_error)?.map(|p| p.product);
        line_facts.push(ReturnLineFacts {
            sku: ordered.sku.clone(),
            category: product.as_ref().map(|p| p.category.clone()).unwrap_or_default(),
            returnable: product.as_ref().is_none_or(|p| p.returnable),
            serial_tracked: product.as_ref().is_some_and(|p| p.serial_tracked),
            qty: line.qty,
            serials_given: serials.len(),
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
    v.into_result()?;
    let (customer_code, currency) = customer.unwrap_or_default();
    let home_currency = people::settings(conn).await.map_err(store_error)?.map(|s| s.currency).unwrap_or_default();
    let customer_return_rate_bps = q::customer_return_rate_bps(conn, &customer_code).await.map_err(store_error)?;
    let facts = EligibilityFacts {
        opened_on,
        delivered_on,
        proof: ProofOfPurchase::Order,
        reason_code: reason_code.to_owned(),
        lines: line_facts,
        currency: currency.clone(),
        home_currency,
        photos: input.photo_ids.len(),
        non_carrier_damage_seen: input.non_carrier_damage_seen,
        customer_return_rate_bps,
    };
    Ok(Gathered { customer_code, currency, lines, facts })
}

/// The verdict and every rule's outcome for the RMA as the form stands; writes nothing.
pub async fn check_rma(ctx: &Ctx, input: OpenRmaInput) -> Result<RmaCheck, ApiError> {
    ctx.allowed(Permission::OpenRma)?;
    let mut conn = ctx.read().await?;
    let policy = policy(&mut conn).await?;
    let gathered = gather(ctx, &mut conn, &policy, &input).await?;
    Ok(RmaCheck {
        eligibility: rt::judge(&policy, &gathered.facts),
        value_minor: gathered.lines.iter().map(|l| l.qty * l.unit_price_minor).sum(),
        customer_code: gathered.customer_code,
        currency: gathered.currency,
    })
}

/// Records the RMA with its verdict: approved, escalated to the analysts, or refused (recorded
/// as rejected, so denials are counted too).
pub async fn open_rma(ctx: &Ctx, input: OpenRmaInput) -> Result<RmaDetail, ApiError> {
    ctx.allowed(Permission::OpenRma)?;
    let mut tx = ctx.begin().await?;
    let rma_no = open_in(ctx, &mut tx, &input).await?;
    tx.commit().await.map_err(sql_error)?;
    detail(ctx, &rma_no).await
}

/// Judges and records one RMA in the caller's transaction; an import opens many in one.
pub(crate) async fn open_in(ctx: &Ctx, tx: &mut SqliteConnection, input: &OpenRmaInput) -> Result<String, ApiError> {
    let policy = policy(tx).await?;
    let gathered = gather(ctx, tx, &policy, input).await?;
    let settings =
        people::settings(tx).await.map_err(store_error)?.ok_or_else(|| ApiError::conflict("error.setup.needed"))?;
    let rma_no = crate::acts::numbers::issue(tx, "RMA", &settings.site_code).await?;
    let opening = RmaOpening {
        rma_no: rma_no.clone(),
        customer_code: gathered.customer_code,
        eligibility: rt::judge(&policy, &gathered.facts),
        lines: gathered.lines,
        currency: gathered.currency,
        reason_code: gathered.facts.reason_code,
        preferred_outcome: input.preferred_outcome,
        photo_ids: input.photo_ids.clone(),
        note: input.note.trim().to_owned(),
    };
    lotline_store::append(tx, &ctx.meta(), vec![Event::RmaOpened(Box::new(opening))]).await.map_err(store_error)?;
    Ok(rma_no)
}
