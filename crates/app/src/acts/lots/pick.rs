//! Which lots to pick an order line from: first expiry, first out, skipping lots that may not
//! ship (held, recalled, expired), each with how much to take, and what is still short.

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
    let today = ctx.today().await?;
    lots::fefo_order(&mut candidates, |f| f.expiry_date);
    let mut left = input.qty;
    let mut picked = Vec::new();
    let mut skipped = Vec::new();
    for f in candidates {
        if lots::check_movable(&standing_of(&f, &holds), Movement::Ship, 0, today, "lot_code").is_err() {
            skipped.push(f.lot_code);
            continue;
        }
        if left == 0 {
            continue;
        }
        let take = left.min(f.on_hand);
        left -= take;
        picked.push(PickLot {
            near_expiry: lots::near_expiry(f.expiry_date, today, NEAR_EXPIRY_DAYS),
            lot_code: f.lot_code,
            take,
            on_hand: f.on_hand,
            unit: f.unit,
            location: f.location,
            expiry_date: f.expiry_date.map(|d| d.to_string()),
        });
    }
    Ok(PickSuggestion { sku, lots: picked, short: left, skipped })
}
