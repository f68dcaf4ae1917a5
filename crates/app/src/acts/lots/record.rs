//! One receipt, one transformation, one shipment, as a form records them. Imports run the same
//! checks over many rows (`acts::imports`).

use lotline_domain::error::FieldError;
use lotline_domain::lots::{LotLink, LotReceipt, LotShipment};
use lotline_domain::people::Permission;
use lotline_domain::{ApiError, Event};
use lotline_store::queries::lots::KeyColumn;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{LotChecks, LotDetail, detail, refuse_cycles};
use crate::context::Ctx;

fn refuse(errors: Vec<FieldError>) -> Result<(), ApiError> {
    if errors.is_empty() { Ok(()) } else { Err(ApiError::invalid_fields(errors)) }
}

/// Receives a lot from a supplier (or made here) into a location.
pub async fn receive_lot(ctx: &Ctx, input: LotReceipt) -> Result<LotDetail, ApiError> {
    ctx.allowed(Permission::RecordLots)?;
    let receipt = input.normalised();
    let today = ctx.today().await?;
    let mut tx = ctx.begin().await?;
    let keys = [KeyColumn::Sku, KeyColumn::Vendor];
    let mut checks = LotChecks::load(&mut tx, &[receipt.lot_code.as_str()], &keys, &[], today).await?;
    refuse(checks.receipt(&receipt))?;
    crate::acts::locations::check_usable(&mut tx, "location", &receipt.location).await?;
    let code = receipt.lot_code.clone();
    ctx.commit(tx, vec![Event::LotsReceived { batch_id: None, rows: vec![receipt] }]).await?;
    detail(ctx, &code).await
}

/// Material of one or more lots went into one lot: what a split, merge, repack, rework or
/// assembly records.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LinkLotsInput {
    pub links: Vec<LotLink>,
}

pub async fn link_lots(ctx: &Ctx, input: LinkLotsInput) -> Result<LotDetail, ApiError> {
    ctx.allowed(Permission::RecordLots)?;
    let links: Vec<LotLink> = input.links.into_iter().map(LotLink::normalised).collect();
    let Some(first) = links.first() else {
        return Err(ApiError::field(FieldError::new("links", "error.field.required")));
    };
    let made = first.to_lot.clone();
    let today = ctx.today().await?;
    let mut tx = ctx.begin().await?;
    let codes: Vec<&str> = links.iter().flat_map(|l| [l.from_lot.as_str(), l.to_lot.as_str()]).collect();
    let mut checks = LotChecks::load(&mut tx, &codes, &[], &[], today).await?;
    let mut errors = Vec::new();
    for (i, link) in links.iter().enumerate() {
        for error in checks.link(link) {
            errors.push(FieldError { field: format!("links[{i}].{}", error.field), ..error });
        }
    }
    refuse(errors)?;
    {
        let index = ctx.store.lot_index().await.map_err(crate::context::store_error)?;
        let placed: Vec<(u64, &LotLink)> = links.iter().map(|l| (0, l)).collect();
        refuse_cycles(&index, &placed)?;
    }
    ctx.commit(tx, vec![Event::LotsLinked { batch_id: None, rows: links }]).await?;
    detail(ctx, &made).await
}

/// Ships some of a lot to a customer's order.
pub async fn ship_lot(ctx: &Ctx, input: LotShipment) -> Result<LotDetail, ApiError> {
    ctx.allowed(Permission::RecordLots)?;
    let shipment = input.normalised();
    let today = ctx.today().await?;
    let mut tx = ctx.begin().await?;
    let mut checks = LotChecks::load(
        &mut tx,
        &[shipment.lot_code.as_str()],
        &[KeyColumn::Customer],
        &[shipment.order_no.as_str()],
        today,
    )
    .await?
    .with_serials(&mut tx, std::slice::from_ref(&shipment))
    .await?;
    refuse(checks.shipment(&shipment))?;
    let code = shipment.lot_code.clone();
    ctx.commit(tx, vec![Event::LotsShipped { batch_id: None, rows: vec![shipment] }]).await?;
    detail(ctx, &code).await
}
