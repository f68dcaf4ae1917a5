//! A recall's scope: from one or more lots, everything made from them (forward), how much of it
//! is still in our stock and where, and which orders and customers received any of it. Only the
//! affected lots, not the whole warehouse.

use std::collections::BTreeMap;

use lotline_domain::ApiError;
use lotline_domain::error::FieldError;
use lotline_domain::lots::{Direction, LotId, LotStatus, normalise_lot_code};
use lotline_domain::people::Permission;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::trace::{TraceCustomer, customers_of, shipped};
use crate::context::Ctx;

/// The in-stock lots a scope lists by name; the rest are counted.
pub const LISTED_LOTS: usize = 2_000;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecallScopeInput {
    pub lot_codes: Vec<String>,
}

/// Stock of the scope in one location, per unit (kilograms and pieces do not add up).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StockAt {
    pub location: String,
    pub unit: String,
    pub lots: i64,
    pub qty: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScopeLot {
    pub lot_code: String,
    pub sku: String,
    pub status: LotStatus,
    pub on_hand: i64,
    pub unit: String,
    pub location: Option<String>,
    /// Links from the nearest recalled lot (0 for a recalled lot itself).
    pub depth: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecallScope {
    pub roots: Vec<String>,
    /// Lots in scope, the recalled lots included.
    pub lots: i64,
    /// Lots in scope with stock left, and that stock by location.
    pub in_stock_lots: i64,
    pub in_stock: Vec<StockAt>,
    /// The first [`LISTED_LOTS`] in-stock lots, nearest first.
    pub in_stock_listed: Vec<ScopeLot>,
    pub orders: i64,
    pub shipped_qty: i64,
    pub customers: Vec<TraceCustomer>,
}

/// The roots' ids, or an error naming each code that is not a lot.
pub(crate) fn root_ids(index: &lotline_store::LotIndex, codes: &[String]) -> Result<Vec<(String, LotId)>, ApiError> {
    if codes.is_empty() {
        return Err(ApiError::field(FieldError::new("lot_codes", "error.field.required")));
    }
    let mut roots = Vec::new();
    let mut errors = Vec::new();
    for (i, code) in codes.iter().enumerate() {
        let code = normalise_lot_code(code);
        match index.lot_id(&code) {
            Some(id) if !roots.iter().any(|(_, r)| *r == id) => roots.push((code, id)),
            Some(_) => {}
            None => {
                errors.push(FieldError::new(format!("lot_codes[{i}]"), "error.lot.unknown_lot").with("value", &code))
            }
        }
    }
    if errors.is_empty() { Ok(roots) } else { Err(ApiError::invalid_fields(errors)) }
}

pub async fn recall_scope(ctx: &Ctx, input: RecallScopeInput) -> Result<RecallScope, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    Ok(scope_of(ctx, &input.lot_codes).await?.0)
}

/// The scope, and every in-stock lot in it (the scope lists only the first ones).
pub(crate) async fn scope_of(ctx: &Ctx, codes: &[String]) -> Result<(RecallScope, Vec<String>), ApiError> {
    let (roots, lots, orders, stock, listed, in_stock_codes) = {
        let index = ctx.store.lot_index().await?;
        let roots = root_ids(&index, codes)?;
        let ids: Vec<LotId> = roots.iter().map(|(_, id)| *id).collect();
        let reached = index.genealogy.trace_from(&ids, Direction::Forward);
        let orders = shipped(&index, &ids, &reached, Direction::Forward);
        let lots = ids.len() + reached.len();
        let mut stock: BTreeMap<(&str, &str), StockAt> = BTreeMap::new();
        let mut listed = Vec::new();
        let mut in_stock_codes = Vec::new();
        let scope = ids.iter().map(|id| (*id, 0)).chain(reached.iter().map(|r| (r.lot, r.depth)));
        for (lot, depth) in scope.filter_map(|(id, depth)| Some((index.view(id)?, depth))) {
            if lot.on_hand <= 0 {
                continue;
            }
            in_stock_codes.push(lot.lot_code.to_string());
            let location = lot.location.map_or("", |l| &**l);
            let at = stock.entry((location, &**lot.unit)).or_insert_with(|| StockAt {
                location: location.to_owned(),
                unit: lot.unit.to_string(),
                lots: 0,
                qty: 0,
            });
            at.lots += 1;
            at.qty += lot.on_hand;
            if listed.len() < LISTED_LOTS {
                listed.push(ScopeLot {
                    lot_code: lot.lot_code.to_string(),
                    sku: lot.sku.to_string(),
                    status: lot.status,
                    on_hand: lot.on_hand,
                    unit: lot.unit.to_string(),
                    location: lot.location.map(|l| l.to_string()),
                    depth,
                });
            }
        }
        let stock: Vec<StockAt> = stock.into_values().collect();
        (roots, lots, orders, stock, listed, in_stock_codes)
    };
    let mut conn = ctx.read().await?;
    let customers = customers_of(&mut conn, &orders).await?;
    let scope = RecallScope {
        roots: roots.into_iter().map(|(code, _)| code).collect(),
        lots: lots as i64,
        in_stock_lots: in_stock_codes.len() as i64,
        in_stock: stock,
        in_stock_listed: listed,
        orders: orders.len() as i64,
        shipped_qty: orders.iter().map(|o| o.qty).sum(),
        customers,
    };
    Ok((scope, in_stock_codes))
}
