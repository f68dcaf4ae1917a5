//! Opening an RMA: the facts come from the orders and master data in Lotline, the rules and the
//! verdict from `lotline_domain::returns`. `check_rma` shows the verdict while the form is
//! filled in; `open_rma` records it.

use chrono::{DateTime, Utc};
use lotline_domain::lots::normalise_lot_code;
use lotline_domain::master::{OrderInput, OrderLineInput};
use lotline_domain::people::Permission;
use lotline_domain::returns::{self as rt, Eligibility, OpeningFacts};
pub use lotline_domain::returns::{OpenRmaInput, OpenRmaLineInput};
use lotline_domain::{ApiError, Event};
use lotline_store::queries::lots as lots_q;
use lotline_store::queries::returns as q;
use lotline_store::queries::serials as serials_q;
use lotline_store::queries::{master, people};
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;
use ts_rs::TS;

use super::{RmaDetail, detail, policy};
use crate::context::{Ctx, sql_error};

/// The verdict the RMA would get now, before anything is recorded.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RmaCheck {
    pub eligibility: Eligibility,
    pub customer_code: String,
    pub currency: String,
    pub value_minor: i64,
}

/// Looks up what the opening rules read about the orders, products, lots, serials and photos
/// the form names; the rules themselves are `lotline_domain::returns::decide_opening`.
async fn gather(
    now: DateTime<Utc>,
    conn: &mut SqliteConnection,
    input: &OpenRmaInput,
) -> Result<OpeningFacts, ApiError> {
    let opened_on = crate::clock::site_day_in(conn, now).await?.today;
    let mut facts = OpeningFacts { opened_on, ..OpeningFacts::default() };
    let mut order_nos: Vec<String> = Vec::new();
    for line in &input.lines {
        let order_no = line.order_no.trim();
        if order_nos.iter().any(|o| o == order_no) {
            continue;
        }
        order_nos.push(order_no.to_owned());
        if let Some(order) = master::order(conn, order_no).await? {
            facts.orders.insert(order_no.to_owned(), order_input(order));
        }
    }
    for line in &input.lines {
        let order_no = line.order_no.trim();
        let ordered = facts.orders.get(order_no).and_then(|o| o.lines.iter().find(|l| l.line_no == line.line_no));
        let Some(sku) = ordered.map(|l| l.sku.clone()) else { continue };
        if !facts.products.contains_key(&sku)
            && let Some(product) = master::product(conn, &sku).await?
        {
            facts.products.insert(sku.clone(), product.product);
        }
        let serials: Vec<&str> = line.serials.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
        if !serials.is_empty() {
            for (serial, order) in serials_q::shipped_orders(conn, &sku, &serials).await? {
                facts.serial_orders.insert((sku.clone(), serial), order);
            }
        }
        let lot = line.lot_code.as_deref().map(normalise_lot_code).filter(|l| !l.is_empty());
        if let Some(lot) = lot
            && !facts.lot_orders.contains_key(&lot)
        {
            let shipped = lots_q::orders_shipped(conn, &lot).await?;
            if let Some(known) = lots_q::lot_row(conn, &lot).await? {
                facts.lot_skus.insert(lot.clone(), known.sku);
            }
            facts.lot_orders.insert(lot, shipped.into_iter().map(|(order, _)| order).collect());
        }
    }
    for id in &input.photo_ids {
        if master::attachment(conn, id).await?.is_some() {
            facts.photos.insert(id.clone());
        }
    }
    facts.returning = q::returning_for(conn, &order_nos).await?;
    facts.home_currency = people::settings(conn).await?.map(|s| s.currency).unwrap_or_default();
    if let Some(order) = rt::opening_order(input, &facts.orders) {
        let customer = order.customer_code.clone();
        facts.customer_return_rate_bps = q::customer_return_rate_bps(conn, &customer).await?;
    }
    Ok(facts)
}

fn order_input(order: master::OrderView) -> OrderInput {
    OrderInput {
        lines: order
            .lines
            .into_iter()
            .map(|l| OrderLineInput {
                line_no: l.line_no,
                sku: l.sku,
                qty: l.qty,
                unit_price_minor: l.unit_price_minor,
            })
            .collect(),
        order_no: order.order_no,
        customer_code: order.customer_code,
        ordered_at: lotline_domain::time::stored(order.ordered_at),
        currency: order.currency,
        channel: order.channel,
    }
}

/// The verdict and every rule's outcome for the RMA as the form stands; writes nothing.
pub async fn check_rma(ctx: &Ctx, input: OpenRmaInput) -> Result<RmaCheck, ApiError> {
    ctx.allowed(Permission::OpenRma)?;
    let mut conn = ctx.read().await?;
    let policy = policy(&mut conn).await?;
    let draft = rt::decide_opening(&policy, &input, &gather(ctx.now(), &mut conn, &input).await?)?;
    Ok(RmaCheck {
        eligibility: rt::judge(&policy, &draft.facts),
        value_minor: draft.value_minor(),
        customer_code: draft.customer_code,
        currency: draft.currency,
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
    let now = ctx.now();
    let policy = policy(tx).await?;
    let draft = rt::decide_opening(&policy, input, &gather(now, tx, input).await?)?;
    let settings = people::settings(tx).await?.ok_or_else(|| ApiError::conflict("error.setup.needed"))?;
    let rma_no = crate::acts::numbers::issue(tx, "RMA", &settings.site_code).await?;
    let opening = draft.into_opening(&rma_no, &policy, input, &ctx.actor()?.user_id);
    lotline_store::append(tx, &ctx.meta_at(now), vec![Event::RmaOpened(Box::new(opening))]).await?;
    Ok(rma_no)
}
