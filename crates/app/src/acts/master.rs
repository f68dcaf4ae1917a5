//! Products, vendors, customers and orders.

use lotline_domain::error::FieldError;
use lotline_domain::master::{CustomerInput, OrderInput, ProductInput, VendorInput};
use lotline_domain::people::Permission;
use lotline_domain::{ApiError, Event};
use lotline_store::queries::ListQuery;
use lotline_store::queries::Page;
use lotline_store::queries::master::{self, CustomerView, OrderListQuery, OrderView, ProductView, VendorView};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::context::{Ctx, store_error};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrderNoInput {
    pub order_no: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProductSkuInput {
    pub sku: String,
}

/// One product by its SKU, for a link or a search hit that names it: the list's text search
/// would also answer with its near namesakes, a page at a time.
pub async fn get_product(ctx: &Ctx, input: ProductSkuInput) -> Result<ProductView, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    let sku = input.sku.trim();
    master::product(&mut *ctx.read().await?, sku).await?.ok_or_else(|| ApiError::not_found("product", sku))
}

pub async fn list_products(ctx: &Ctx, query: ListQuery) -> Result<Page<ProductView>, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    master::list_products(&mut *ctx.read().await?, &query).await.map_err(store_error)
}

pub async fn list_vendors(ctx: &Ctx, query: ListQuery) -> Result<Page<VendorView>, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    master::list_vendors(&mut *ctx.read().await?, &query).await.map_err(store_error)
}

pub async fn list_customers(ctx: &Ctx, query: ListQuery) -> Result<Page<CustomerView>, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    master::list_customers(&mut *ctx.read().await?, &query).await.map_err(store_error)
}

pub async fn list_orders(ctx: &Ctx, query: OrderListQuery) -> Result<Page<OrderView>, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    master::list_orders(&mut *ctx.read().await?, &query).await.map_err(store_error)
}

pub async fn get_order(ctx: &Ctx, input: OrderNoInput) -> Result<OrderView, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    master::order(&mut *ctx.read().await?, input.order_no.trim())
        .await?
        .ok_or_else(|| ApiError::not_found("order", &input.order_no))
}

pub async fn save_product(ctx: &Ctx, input: ProductInput) -> Result<ProductView, ApiError> {
    ctx.allowed(Permission::EditMasterData)?;
    let product = input.normalised();
    product.violations().into_result()?;
    let mut tx = ctx.begin().await?;
    if let Some(vendor) = &product.vendor_code
        && master::vendor(&mut tx, vendor).await?.is_none()
    {
        return Err(ApiError::field(
            FieldError::new("vendor_code", "error.master.unknown_vendor").with("code", vendor),
        ));
    }
    let sku = product.sku.clone();
    ctx.commit(tx, vec![Event::ProductSaved(product)]).await?;
    master::product(&mut *ctx.read().await?, &sku).await?.ok_or_else(|| ApiError::not_found("product", &sku))
}

pub async fn save_vendor(ctx: &Ctx, input: VendorInput) -> Result<VendorView, ApiError> {
    ctx.allowed(Permission::EditMasterData)?;
    let vendor = input.normalised();
    vendor.violations().into_result()?;
    let code = vendor.code.clone();
    let tx = ctx.begin().await?;
    ctx.commit(tx, vec![Event::VendorSaved(vendor)]).await?;
    master::vendor(&mut *ctx.read().await?, &code).await?.ok_or_else(|| ApiError::not_found("vendor", &code))
}

pub async fn save_customer(ctx: &Ctx, input: CustomerInput) -> Result<CustomerView, ApiError> {
    ctx.allowed(Permission::EditMasterData)?;
    let customer = input.normalised();
    customer.violations().into_result()?;
    let code = customer.code.clone();
    let tx = ctx.begin().await?;
    ctx.commit(tx, vec![Event::CustomerSaved(customer)]).await?;
    master::customer(&mut *ctx.read().await?, &code).await?.ok_or_else(|| ApiError::not_found("customer", &code))
}

pub async fn save_order(ctx: &Ctx, input: OrderInput) -> Result<OrderView, ApiError> {
    ctx.allowed(Permission::EditMasterData)?;
    let order = input.normalised();
    let mut v = order.violations();
    let mut tx = ctx.begin().await?;
    if master::customer(&mut tx, &order.customer_code).await?.is_none() {
        v.push(FieldError::new("customer_code", "error.master.unknown_customer").with("code", &order.customer_code));
    }
    for line in &order.lines {
        if master::product(&mut tx, &line.sku).await?.is_none() {
            v.push(FieldError::new("sku", "error.master.unknown_sku").with("sku", &line.sku));
        }
    }
    v.into_result()?;
    let order_no = order.order_no.clone();
    ctx.commit(tx, vec![Event::OrderRecorded(order)]).await?;
    get_order(ctx, OrderNoInput { order_no }).await
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SetCategoryReactionInput {
    pub category: String,
    /// None: the category's products follow the global rule (hold the lot).
    #[serde(default)]
    #[ts(optional = nullable)]
    pub reaction: Option<lotline_domain::failure::FailureReaction>,
}

/// Product categories with the reaction to a failed inspection each sets for its products.
pub async fn list_category_reactions(
    ctx: &Ctx,
    _: crate::acts::Empty,
) -> Result<Vec<master::CategoryReactionView>, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    master::category_reactions(&mut *ctx.read().await?).await.map_err(store_error)
}

/// Sets (or clears) a product category's reaction to a failed inspection: a quality lead's call.
pub async fn set_category_reaction(
    ctx: &Ctx,
    input: SetCategoryReactionInput,
) -> Result<Vec<master::CategoryReactionView>, ApiError> {
    ctx.allowed(Permission::ConfigureQuality)?;
    let category = input.category.trim().to_owned();
    let mut v = lotline_domain::error::Violations::default();
    v.required("category", &category);
    v.max_len("category", &category, lotline_domain::limits::LABEL);
    v.into_result()?;
    let tx = ctx.begin().await?;
    ctx.commit(tx, vec![Event::CategoryReactionSet { category, reaction: input.reaction }]).await?;
    master::category_reactions(&mut *ctx.read().await?).await.map_err(store_error)
}
