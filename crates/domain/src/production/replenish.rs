//! What to reorder for a SKU watched by safety stock, min/max style: when the stock that can be
//! counted on falls below the minimum, order up to the maximum (or back to the minimum when no
//! maximum is set).
//!
//! Counted on: sellable stock plus units on their way back on open RMAs (approved, label printed
//! or in transit, not yet received). Units on hold and returned units waiting for a disposition
//! are on hand but not counted: a hold may end in scrap, and a return's disposition may not be
//! restock. Both are shown beside the suggestion so a planner sees what might still come free.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A SKU's stock as the suggestion reads it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StockPosition {
    pub sellable: i64,
    pub on_hold: i64,
    pub in_returns: i64,
    pub coming_back: i64,
    pub min_qty: i64,
    pub max_qty: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Replenishment {
    /// Sellable plus coming back.
    pub position: i64,
    /// The level an order fills up to: the maximum, or the minimum when none is set.
    pub target: i64,
    /// Units to order now; 0 when the position is at or above the minimum.
    pub order_qty: i64,
}

pub fn replenishment(stock: &StockPosition) -> Replenishment {
    let position = stock.sellable.saturating_add(stock.coming_back);
    let target = stock.max_qty.unwrap_or(stock.min_qty).max(stock.min_qty);
    let order_qty = if position < stock.min_qty { target.saturating_sub(position).max(0) } else { 0 };
    Replenishment { position, target, order_qty }
}
