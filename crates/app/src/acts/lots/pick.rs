//! Which lots to pick an order line from: first expiry, first out, skipping lots that may not
//! ship (held, recalled, expired), each with how much to take, and what is still short. Units a
//! lot keeps back (serials held on their own, B-stock, units waiting for refurbishment) are never
//! suggested, and the suggestion says which and why, so nobody picks them by hand.

use lotline_domain::ApiError;
use lotline_domain::error::{FieldError, Violations};
use lotline_domain::lots::{self as lots, Movement};
use lotline_domain::people::Permission;
use lotline_store::queries::lots as q;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::standing_of;
use crate::context::Ctx;

/// Lots expiring within this many days are flagged when suggested.
pub const NEAR_EXPIRY_DAYS: i64 = 30;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PickInput {
    pub sku: String,
    pub qty: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PickLot {
    pub lot_code: String,
    pub take: i64,
    pub on_hand: i64,
    pub unit: String,
    pub location: Option<String>,
    pub expiry_date: Option<String>,
    /// Expires within [`NEAR_EXPIRY_DAYS`]: pick it first, and tell the customer.
    pub near_expiry: bool,
    /// Of `on_hand`, units held by serial: they stay in the lot, so `take` is at most the rest.
    pub held: i64,
}

/// Why units of a lot are left out of a suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LeftOutReason {
    /// Serials a failed per-serial inspection held: the rest of the lot ships, these stay.
    SerialsHeld,
    /// Refurbished or open-box units: sellable only as B-stock, never picked as new.
    BStock,
    /// Returned units waiting in the refurbishment queue.
    AwaitingRefurbishment,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LeftOut {
    /// None for returned units recorded without a lot.
    pub lot_code: Option<String>,
    pub qty: i64,
    pub reason: LeftOutReason,
    /// The held serials, for [`LeftOutReason::SerialsHeld`].
    pub serials: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PickSuggestion {
    pub sku: String,
    pub lots: Vec<PickLot>,
    /// What the lots that may ship cannot cover.
    pub short: i64,
    /// Lots with stock that may not ship now (held, recalled or expired), skipped.
    pub skipped: Vec<String>,
    /// Units of the product never suggested, and why.
    pub left_out: Vec<LeftOut>,
}

pub async fn pick_suggestion(ctx: &Ctx, input: PickInput) -> Result<PickSuggestion, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    let sku = input.sku.trim().to_owned();
    let mut v = Violations::default();
    v.required("sku", &sku);
    if input.qty <= 0 {
        v.push(FieldError::new("qty", "error.field.must_be_positive"));
    }
    v.into_result()?;
    let mut conn = ctx.read().await?;
    let mut candidates = q::lots_of_sku_in_stock(&mut conn, &sku).await?;
    let holds = q::active_holds(&mut conn).await?;
    let codes: Vec<&str> = candidates.iter().map(|f| f.lot_code.as_str()).collect();
    let mut held_units = q::held_units(&mut conn, &codes).await?;
    let b_stock = lotline_store::queries::returns::b_stock_of_sku(&mut conn, &sku).await?;
    let today = ctx.today().await?;
    lots::fefo_order(&mut candidates, |f| f.expiry_date);
    let mut left = input.qty;
    let mut picked = Vec::new();
    let mut skipped = Vec::new();
    let mut left_out = Vec::new();
    for f in candidates {
        if lots::check_movable(&standing_of(&f, &holds), Movement::Ship, 0, today, "lot_code").is_err() {
            skipped.push(f.lot_code);
            continue;
        }
        let held_serials = held_units.remove(&f.lot_code).unwrap_or_default();
        let held = (held_serials.len() as i64).min(f.on_hand);
        if held > 0 {
            left_out.push(LeftOut {
                lot_code: Some(f.lot_code.clone()),
                qty: held,
                reason: LeftOutReason::SerialsHeld,
                serials: held_serials,
            });
        }
        let free = f.on_hand - held;
        if left == 0 || free <= 0 {
            continue;
        }
        let take = left.min(free);
        left -= take;
        picked.push(PickLot {
            held,
            near_expiry: lots::near_expiry(f.expiry_date, today, NEAR_EXPIRY_DAYS),
            lot_code: f.lot_code,
            take,
            on_hand: f.on_hand,
            unit: f.unit,
            location: f.location,
            expiry_date: f.expiry_date.map(|d| d.to_string()),
        });
    }
    for (lot_code, b_stock, awaiting) in b_stock {
        for (qty, reason) in [(b_stock, LeftOutReason::BStock), (awaiting, LeftOutReason::AwaitingRefurbishment)] {
            if qty > 0 {
                left_out.push(LeftOut { lot_code: lot_code.clone(), qty, reason, serials: Vec::new() });
            }
        }
    }
    Ok(PickSuggestion { sku, lots: picked, short: left, skipped, left_out })
}
