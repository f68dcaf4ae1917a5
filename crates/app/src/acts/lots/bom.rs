//! Bills of materials, and assembling a kit lot from component lots by its bill: the kit is
//! received as a new lot and each component lot is linked into it (an `assembly` link), so the
//! genealogy traces a kit back to every part's supplier lot.

use std::collections::BTreeMap;

use lotline_domain::error::FieldError;
use lotline_domain::lots::{BomComponent, LinkKind, LotLink, LotReceipt, check_assembly, check_bom};
use lotline_domain::people::Permission;
use lotline_domain::{ApiError, Event};
use lotline_store::queries::boms as bq;
use lotline_store::queries::lots::KeyColumn;
use lotline_store::queries::master;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{LotChecks, LotDetail, detail};
use crate::context::Ctx;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BomInput {
    pub parent_sku: String,
    pub components: Vec<BomComponent>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BomView {
    pub parent_sku: String,
    pub components: Vec<BomComponent>,
    /// What one unit takes of each bought-in part, all levels down.
    pub parts_per_unit: BTreeMap<String, i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SkuBomInput {
    pub sku: String,
}

async fn view(conn: &mut sqlx::SqliteConnection, sku: &str) -> Result<BomView, ApiError> {
    let boms = bq::all(conn).await?;
    let components = boms.by_parent.get(sku).cloned().unwrap_or_default();
    let parts_per_unit = if components.is_empty() {
        BTreeMap::new()
    } else {
        boms.explode(sku, 1).map_err(|e| ApiError::field(e.into_field("components")))?
    };
    Ok(BomView { parent_sku: sku.to_owned(), components, parts_per_unit })
}

pub async fn get_bom(ctx: &Ctx, input: SkuBomInput) -> Result<BomView, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    view(&mut *ctx.read().await?, input.sku.trim()).await
}

/// Sets a product's bill whole: every component a product, no loop through other bills.
pub async fn save_bom(ctx: &Ctx, input: BomInput) -> Result<BomView, ApiError> {
    ctx.allowed(Permission::EditMasterData)?;
    let parent = input.parent_sku.trim().to_owned();
    let components: Vec<BomComponent> = input
        .components
        .into_iter()
        .map(|c| BomComponent { component_sku: c.component_sku.trim().to_owned(), ..c })
        .collect();
    check_bom(&parent, &components)?;
    let mut tx = ctx.begin().await?;
    let mut errors = Vec::new();
    if master::product(&mut tx, &parent).await?.is_none() {
        errors.push(FieldError::new("parent_sku", "error.lot.unknown_sku").with("value", &parent));
    }
    for (i, c) in components.iter().enumerate() {
        if master::product(&mut tx, &c.component_sku).await?.is_none() {
            let error = FieldError::new(format!("components[{i}].component_sku"), "error.lot.unknown_sku");
            errors.push(error.with("value", &c.component_sku));
        }
    }
    let mut boms = bq::all(&mut tx).await?;
    if let Some(cycle) = boms.cycle_if_set(&parent, &components) {
        errors.push(FieldError::new("components", "error.bom.cycle").with("skus", cycle.join(" → ")));
    } else {
        // A bill whose parts cannot be counted is refused now, not shown later as a wrong number.
        boms.by_parent.insert(parent.clone(), components.clone());
        if let Err(err) = boms.explode(&parent, 1) {
            errors.push(err.into_field("components"));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::invalid_fields(errors));
    }
    ctx.commit(tx, vec![Event::BomSaved { parent_sku: parent.clone(), components }]).await?;
    view(&mut *ctx.read().await?, &parent).await
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct KitComponent {
    pub lot_code: String,
    pub qty: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AssembleKitInput {
    /// The kit lot made: its product must have a bill.
    pub kit: LotReceipt,
    pub components: Vec<KitComponent>,
}

/// Assembles a kit lot from component lots: the bill's quantities exactly, from lots that may be
/// consumed (no hold, recall or expiry, enough left), in one act.
pub async fn assemble_kit(ctx: &Ctx, input: AssembleKitInput) -> Result<LotDetail, ApiError> {
    ctx.allowed(Permission::RecordLots)?;
    let components: Vec<(String, i64)> = input.components.iter().map(|c| (c.lot_code.clone(), c.qty)).collect();
    let today = ctx.today().await?;
    let mut tx = ctx.begin().await?;
    let fields = MadeFields { made: "kit", inputs: "components" };
    let (kit, links) = check_made(&mut tx, today, input.kit, &components, BillRule::Required, fields).await?;
    let code = kit.lot_code.clone();
    let events = vec![
        Event::LotsReceived { batch_id: None, rows: vec![kit] },
        Event::LotsLinked { batch_id: None, rows: links },
    ];
    ctx.commit(tx, events).await?;
    detail(ctx, &code).await
}

/// Whether a lot made from others must follow its product's bill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BillRule {
    /// A kit is its bill: a product without one cannot be assembled.
    Required,
    /// A work order follows the bill when the product has one, and takes what it names otherwise.
    WhenSet,
}

/// The form's names for the lot made and its list of inputs, for the errors' fields.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MadeFields {
    pub made: &'static str,
    pub inputs: &'static str,
}

/// The checks a lot made here from component lots passes, shared by a kit and a work order's
/// completion: the made lot is a good receipt (its vendor the product's when none is given),
/// each component may be consumed by as much as it gives, and the quantities match the
/// product's bill. Returns the receipt and the `assembly` links to record.
pub(crate) async fn check_made(
    tx: &mut lotline_store::WriteTx,
    today: chrono::NaiveDate,
    made: LotReceipt,
    components: &[(String, i64)],
    bill: BillRule,
    fields: MadeFields,
) -> Result<(LotReceipt, Vec<LotLink>), ApiError> {
    let mut made = made.normalised();
    let links: Vec<LotLink> = components
        .iter()
        .map(|(lot_code, qty)| {
            LotLink { from_lot: lot_code.clone(), to_lot: made.lot_code.clone(), qty: *qty, kind: LinkKind::Assembly }
                .normalised()
        })
        .collect();
    if links.is_empty() {
        return Err(ApiError::field(FieldError::new(fields.inputs, "error.field.required")));
    }
    // A lot made here is the product's vendor's unless the form says otherwise.
    if made.vendor_code.is_empty()
        && let Some(product) = master::product(tx, &made.sku).await?
    {
        made.vendor_code = product.product.vendor_code.unwrap_or_default();
    }
    crate::acts::locations::check_usable(tx, &format!("{}.location", fields.made), &made.location).await?;
    let bom = bq::of(tx, &made.sku).await?;
    if bom.is_empty() && bill == BillRule::Required {
        let field = format!("{}.sku", fields.made);
        return Err(ApiError::field(FieldError::new(field, "error.bom.none").with("sku", &made.sku)));
    }
    let mut codes: Vec<&str> = links.iter().map(|l| l.from_lot.as_str()).collect();
    codes.push(&made.lot_code);
    let keys = [KeyColumn::Sku, KeyColumn::Vendor];
    // Made here from stock already received, so a block on the vendor's deliveries does not apply.
    let mut checks = LotChecks::load(tx, &codes, &keys, &[], today).await?.without_vendor_blocks();
    let mut errors: Vec<FieldError> = checks
        .receipt(&made)
        .into_iter()
        .map(|e| FieldError { field: format!("{}.{}", fields.made, e.field), ..e })
        .collect();
    if errors.is_empty() {
        let mut inputs = Vec::new();
        for (i, link) in links.iter().enumerate() {
            let at = |field: &str| match field {
                "qty" => format!("{}[{i}].qty", fields.inputs),
                _ => format!("{}[{i}].lot_code", fields.inputs),
            };
            errors.extend(checks.link(link).into_iter().map(|e| FieldError { field: at(&e.field), ..e }));
            if let Some(sku) = checks.sku_of(&link.from_lot) {
                inputs.push((i, sku.to_owned(), link.qty));
            }
        }
        let inputs: Vec<(usize, &str, i64)> = inputs.iter().map(|(i, sku, qty)| (*i, sku.as_str(), *qty)).collect();
        if errors.is_empty() && !bom.is_empty() {
            // The bill's check names a kit's form; a work order's names its own fields.
            errors.extend(check_assembly(&bom, made.qty, &inputs).into_iter().map(|e| {
                let field = match e.field.split_once('.') {
                    Some(("kit", rest)) => format!("{}.{rest}", fields.made),
                    _ => e.field.replacen("components", fields.inputs, 1),
                };
                FieldError { field, ..e }
            }));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::invalid_fields(errors));
    }
    Ok((made, links))
}
