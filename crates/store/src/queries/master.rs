use chrono::{DateTime, Utc};
use lotline_domain::master::{CustomerInput, OrderInput, OrderLineInput, ProductInput, VendorInput};
use lotline_domain::people::Language;
use lotline_domain::sales_channel::SalesChannel;
use lotline_domain::settings::{DefectCategory, Location};
use serde::{Deserialize, Serialize};
use sqlx::{Row, SqliteConnection};
use ts_rs::TS;

use super::{ListQuery, Page, bounded, contains_pattern};
use crate::StoreError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProductView {
    #[serde(flatten)]
    pub product: ProductInput,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VendorView {
    #[serde(flatten)]
    pub vendor: VendorInput,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CustomerView {
    #[serde(flatten)]
    pub customer: CustomerInput,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrderLineView {
    pub line_no: i64,
    pub sku: String,
    pub product_name: Option<String>,
    pub qty: i64,
    pub unit_price_minor: i64,
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrderView {
    pub order_no: String,
    pub customer_code: String,
    pub customer_name: Option<String>,
    pub ordered_at: DateTime<Utc>,
    pub status: String,
    pub currency: String,
    pub line_count: i64,
    pub total_minor: i64,
    pub lines: Vec<OrderLineView>,
    /// None for orders recorded before channels were kept: "unspecified".
    pub channel: Option<SalesChannel>,
}

/// A page of orders, optionally of one channel (`unspecified`: orders with none).
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrderListQuery {
    #[serde(default)]
    #[ts(optional = nullable)]
    pub text: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub channel: Option<ChannelFilter>,
    #[serde(default)]
    pub offset: i64,
    #[serde(default = "super::default_limit")]
    pub limit: i64,
}

/// A list filter on the sales channel: one channel, or the records that have none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ChannelFilter {
    Marketplace,
    WebShop,
    Retail,
    B2b,
    Unspecified,
}

impl ChannelFilter {
    /// The stored code it matches; `None` matches records without a channel.
    pub fn code(self) -> Option<&'static str> {
        match self {
            ChannelFilter::Marketplace => Some(SalesChannel::Marketplace.code()),
            ChannelFilter::WebShop => Some(SalesChannel::WebShop.code()),
            ChannelFilter::Retail => Some(SalesChannel::Retail.code()),
            ChannelFilter::B2b => Some(SalesChannel::B2b.code()),
            ChannelFilter::Unspecified => None,
        }
    }

    /// The SQL condition on `column` for this filter, with its one bind (if any) pushed.
    pub(crate) fn push(self, q: &mut sqlx::QueryBuilder<sqlx::Sqlite>, column: &str) {
        match self.code() {
            Some(code) => {
                q.push(format!(" AND {column} = ")).push_bind(code);
            }
            None => {
                q.push(format!(" AND {column} IS NULL"));
            }
        }
    }
}

pub(crate) fn channel_of(code: Option<String>) -> Option<SalesChannel> {
    code.as_deref().and_then(SalesChannel::parse)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AttachmentView {
    pub id: String,
    pub file_name: String,
    pub content_type: String,
    pub size: i64,
}

fn product_from(r: &sqlx::sqlite::SqliteRow) -> ProductView {
    ProductView {
        product: ProductInput {
            sku: r.get("sku"),
            gtin: r.get("gtin"),
            name: r.get("name"),
            category: r.get("category"),
            unit_cost_minor: r.get("unit_cost_minor"),
            currency: r.get("currency"),
            returnable: r.get("returnable"),
            lot_tracked: r.get("lot_tracked"),
            serial_tracked: r.get("serial_tracked"),
            has_expiry: r.get("has_expiry"),
            vendor_code: r.get("vendor_code"),
            failure_reaction: r
                .try_get::<Option<String>, _>("failure_reaction")
                .ok()
                .flatten()
                .and_then(|json| serde_json::from_str(&json).ok()),
        },
        updated_at: r.get("updated_at"),
    }
}

fn vendor_from(r: &sqlx::sqlite::SqliteRow) -> VendorView {
    VendorView {
        vendor: VendorInput {
            code: r.get("code"),
            name: r.get("name"),
            country: r.get("country"),
            contact_name: r.get("contact_name"),
            email: r.get("email"),
            phone: r.get("phone"),
            language: Language::parse(&r.get::<String, _>("language")).unwrap_or_default(),
        },
        updated_at: r.get("updated_at"),
    }
}

fn customer_from(r: &sqlx::sqlite::SqliteRow) -> CustomerView {
    CustomerView {
        customer: CustomerInput {
            code: r.get("code"),
            name: r.get("name"),
            email: r.get("email"),
            phone: r.get("phone"),
            address: r.get("address"),
            country: r.get("country"),
        },
        updated_at: r.get("updated_at"),
    }
}

/// A page of `table` filtered by `text` over `search_columns`, sorted by `order`.
async fn page_of<T>(
    conn: &mut SqliteConnection,
    table: &str,
    search_columns: &[&str],
    order: &str,
    query: &ListQuery,
    map: fn(&sqlx::sqlite::SqliteRow) -> T,
) -> Result<Page<T>, StoreError> {
    let (offset, limit) = bounded(query.offset, query.limit);
    let text = query.text.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let filter = match text {
        Some(_) => {
            let ors: Vec<String> = search_columns.iter().map(|c| format!("{c} LIKE ?1 ESCAPE '\\'")).collect();
            format!("WHERE {}", ors.join(" OR "))
        }
        None => String::new(),
    };
    let pattern = text.map(contains_pattern).unwrap_or_default();
    let total: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table} {filter}")))
        .bind(&pattern)
        .fetch_one(&mut *conn)
        .await?;
    let rows =
        sqlx::query(sqlx::AssertSqlSafe(format!("SELECT * FROM {table} {filter} ORDER BY {order} LIMIT ?2 OFFSET ?3")))
            .bind(&pattern)
            .bind(limit)
            .bind(offset)
            .fetch_all(&mut *conn)
            .await?;
    Ok(Page { rows: rows.iter().map(map).collect(), total })
}

pub async fn list_products(conn: &mut SqliteConnection, query: &ListQuery) -> Result<Page<ProductView>, StoreError> {
    page_of(conn, "products", &["sku", "name", "gtin", "category"], "sku", query, product_from).await
}

pub async fn list_vendors(conn: &mut SqliteConnection, query: &ListQuery) -> Result<Page<VendorView>, StoreError> {
    page_of(conn, "vendors", &["code", "name", "country"], "code", query, vendor_from).await
}

pub async fn list_customers(conn: &mut SqliteConnection, query: &ListQuery) -> Result<Page<CustomerView>, StoreError> {
    page_of(conn, "customers", &["code", "name", "email"], "code", query, customer_from).await
}

pub async fn product(conn: &mut SqliteConnection, sku: &str) -> Result<Option<ProductView>, StoreError> {
    let row = sqlx::query("SELECT * FROM products WHERE sku = ?").bind(sku).fetch_optional(&mut *conn).await?;
    Ok(row.as_ref().map(product_from))
}

pub async fn product_by_gtin(conn: &mut SqliteConnection, gtin: &str) -> Result<Option<ProductView>, StoreError> {
    let row = sqlx::query("SELECT * FROM products WHERE gtin = ?").bind(gtin).fetch_optional(&mut *conn).await?;
    Ok(row.as_ref().map(product_from))
}

pub async fn vendor(conn: &mut SqliteConnection, code: &str) -> Result<Option<VendorView>, StoreError> {
    let row = sqlx::query("SELECT * FROM vendors WHERE code = ?").bind(code).fetch_optional(&mut *conn).await?;
    Ok(row.as_ref().map(vendor_from))
}

pub async fn customer(conn: &mut SqliteConnection, code: &str) -> Result<Option<CustomerView>, StoreError> {
    let row = sqlx::query("SELECT * FROM customers WHERE code = ?").bind(code).fetch_optional(&mut *conn).await?;
    Ok(row.as_ref().map(customer_from))
}

/// An order's status follows its reshipments: pending while any is open, then shipped, then
/// delivered once every one is.
const ORDER_SELECT: &str = "SELECT o.*, c.name AS customer_name, \
    COALESCE((SELECT CASE \
        WHEN SUM(r.status IN ('requested', 'authorized')) > 0 THEN 'reshipment_pending' \
        WHEN SUM(r.status = 'shipped') > 0 THEN 'reshipment_shipped' \
        WHEN SUM(r.status = 'delivered') > 0 THEN 'reshipment_delivered' END \
        FROM reshipments r WHERE r.order_no = o.order_no), o.status) AS order_status, \
    (SELECT COUNT(*) FROM order_lines l WHERE l.order_no = o.order_no) AS line_count, \
    (SELECT COALESCE(SUM(qty * unit_price_minor), 0) FROM order_lines l WHERE l.order_no = o.order_no) AS total_minor \
    FROM orders o LEFT JOIN customers c ON c.code = o.customer_code";

fn order_from(r: &sqlx::sqlite::SqliteRow) -> OrderView {
    OrderView {
        order_no: r.get("order_no"),
        customer_code: r.get("customer_code"),
        customer_name: r.get("customer_name"),
        ordered_at: r.get("ordered_at"),
        status: r.get("order_status"),
        currency: r.get("currency"),
        line_count: r.get("line_count"),
        total_minor: r.get("total_minor"),
        lines: Vec::new(),
        channel: channel_of(r.get("channel")),
    }
}

pub async fn list_orders(conn: &mut SqliteConnection, query: &OrderListQuery) -> Result<Page<OrderView>, StoreError> {
    let (offset, limit) = bounded(query.offset, query.limit);
    let text = query.text.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let filter = |q: &mut sqlx::QueryBuilder<sqlx::Sqlite>| {
        q.push(" WHERE 1 = 1");
        if let Some(text) = text {
            let pattern = contains_pattern(text);
            q.push(" AND (o.order_no LIKE ").push_bind(pattern.clone()).push(" ESCAPE '\\'");
            q.push(" OR o.customer_code LIKE ").push_bind(pattern.clone()).push(" ESCAPE '\\'");
            q.push(" OR c.name LIKE ").push_bind(pattern).push(" ESCAPE '\\')");
        }
        if let Some(channel) = query.channel {
            channel.push(q, "o.channel");
        }
    };
    let mut count =
        sqlx::QueryBuilder::new("SELECT COUNT(*) FROM orders o LEFT JOIN customers c ON c.code = o.customer_code");
    filter(&mut count);
    let total: i64 = count.build_query_scalar().fetch_one(&mut *conn).await?;
    let mut q = sqlx::QueryBuilder::new(ORDER_SELECT);
    filter(&mut q);
    q.push(" ORDER BY o.ordered_at DESC, o.order_no LIMIT ").push_bind(limit).push(" OFFSET ").push_bind(offset);
    let rows = q.build().fetch_all(&mut *conn).await?;
    Ok(Page { rows: rows.iter().map(order_from).collect(), total })
}

pub async fn order(conn: &mut SqliteConnection, order_no: &str) -> Result<Option<OrderView>, StoreError> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!("{ORDER_SELECT} WHERE o.order_no = ?")))
        .bind(order_no)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let mut view = order_from(&row);
    let lines = sqlx::query(
        "SELECT l.*, p.name AS product_name, COALESCE((SELECT CASE \
            WHEN SUM(r.status IN ('requested', 'authorized')) > 0 THEN 'reshipment_pending' \
            WHEN SUM(r.status = 'shipped') > 0 THEN 'reshipment_shipped' \
            WHEN SUM(r.status = 'delivered') > 0 THEN 'reshipment_delivered' END \
            FROM reshipment_items i JOIN reshipments r ON r.reshipment_no = i.reshipment_no \
            WHERE r.order_no = l.order_no AND i.line_no = l.line_no), l.status) AS line_status \
         FROM order_lines l LEFT JOIN products p ON p.sku = l.sku WHERE l.order_no = ? ORDER BY l.line_no",
    )
    .bind(order_no)
    .fetch_all(&mut *conn)
    .await?;
    view.lines = lines
        .iter()
        .map(|r| OrderLineView {
            line_no: r.get("line_no"),
            sku: r.get("sku"),
            product_name: r.get("product_name"),
            qty: r.get("qty"),
            unit_price_minor: r.get("unit_price_minor"),
            status: r.get("line_status"),
        })
        .collect();
    Ok(Some(view))
}

/// Every order with its lines, for export.
pub async fn all_orders(conn: &mut SqliteConnection) -> Result<Vec<OrderInput>, StoreError> {
    let rows = sqlx::query(
        "SELECT o.order_no, o.customer_code, o.ordered_at, o.currency, l.line_no, l.sku, l.qty, l.unit_price_minor, o.channel \
         FROM orders o JOIN order_lines l ON l.order_no = o.order_no ORDER BY o.order_no, l.line_no",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut orders: Vec<OrderInput> = Vec::new();
    for r in &rows {
        let order_no: String = r.get(0);
        let line = OrderLineInput { line_no: r.get(4), sku: r.get(5), qty: r.get(6), unit_price_minor: r.get(7) };
        match orders.last_mut() {
            Some(o) if o.order_no == order_no => o.lines.push(line),
            _ => orders.push(OrderInput {
                order_no,
                customer_code: r.get(1),
                ordered_at: r.get(2),
                currency: r.get(3),
                lines: vec![line],
                channel: channel_of(r.get(8)),
            }),
        }
    }
    Ok(orders)
}

pub async fn defect_categories(conn: &mut SqliteConnection) -> Result<Vec<DefectCategory>, StoreError> {
    let rows = sqlx::query("SELECT * FROM defect_categories ORDER BY code").fetch_all(&mut *conn).await?;
    Ok(rows
        .iter()
        .map(|r| DefectCategory {
            code: r.get("code"),
            name_en: r.get("name_en"),
            name_zh: r.get("name_zh"),
            name_nl: r.get("name_nl"),
            active: r.get("active"),
        })
        .collect())
}

pub async fn locations(conn: &mut SqliteConnection) -> Result<Vec<Location>, StoreError> {
    let rows = sqlx::query("SELECT code, name, active FROM locations ORDER BY code").fetch_all(&mut *conn).await?;
    Ok(rows.iter().map(|r| Location { code: r.get(0), name: r.get(1), active: r.get(2) }).collect())
}

/// Whether stock may go to `code`: it is on the administrator's list and active, or (not on the
/// list at all) stock already sat there before the list existed.
pub async fn location_usable(conn: &mut SqliteConnection, code: &str) -> Result<bool, StoreError> {
    let listed: Option<bool> =
        sqlx::query_scalar("SELECT active FROM locations WHERE code = ?").bind(code).fetch_optional(&mut *conn).await?;
    if let Some(active) = listed {
        return Ok(active);
    }
    let used: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM stock_moves WHERE location = ?1) OR EXISTS (SELECT 1 FROM lots WHERE location = ?1)",
    )
    .bind(code)
    .fetch_one(&mut *conn)
    .await?;
    Ok(used)
}

pub async fn attachment(conn: &mut SqliteConnection, id: &str) -> Result<Option<AttachmentView>, StoreError> {
    let row = sqlx::query("SELECT * FROM attachments WHERE id = ?").bind(id).fetch_optional(&mut *conn).await?;
    Ok(row.map(|r| AttachmentView {
        id: r.get("id"),
        file_name: r.get("file_name"),
        content_type: r.get("content_type"),
        size: r.get("size"),
    }))
}

/// Which of `keys` exist in `table.column`; used to validate a whole import in a few queries.
pub async fn existing_keys(
    conn: &mut SqliteConnection,
    table: &str,
    column: &str,
    keys: &[String],
) -> Result<std::collections::HashSet<String>, StoreError> {
    let mut found = std::collections::HashSet::new();
    for chunk in keys.chunks(500) {
        let mut q: sqlx::QueryBuilder<sqlx::Sqlite> =
            sqlx::QueryBuilder::new(format!("SELECT {column} FROM {table} WHERE {column} IN ("));
        let mut list = q.separated(", ");
        for key in chunk {
            list.push_bind(key.clone());
        }
        q.push(")");
        for row in q.build().fetch_all(&mut *conn).await? {
            found.insert(row.get::<String, _>(0));
        }
    }
    Ok(found)
}

/// The reactions set on the products among `skus` that have one, by SKU.
pub async fn product_reactions(
    conn: &mut SqliteConnection,
    skus: &[&str],
) -> Result<std::collections::HashMap<String, lotline_domain::failure::FailureReaction>, StoreError> {
    let list = serde_json::to_string(skus).unwrap_or_default();
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT p.sku, p.failure_reaction FROM json_each(?) j JOIN products p ON p.sku = j.value \
         WHERE p.failure_reaction IS NOT NULL",
    )
    .bind(list)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().filter_map(|(sku, json)| Some((sku, serde_json::from_str(&json).ok()?))).collect())
}

/// The reaction to a failed inspection set for a product category, if any.
pub async fn category_reaction(
    conn: &mut SqliteConnection,
    category: &str,
) -> Result<Option<lotline_domain::failure::FailureReaction>, StoreError> {
    let json: Option<String> = sqlx::query_scalar("SELECT reaction FROM category_reactions WHERE category = ?")
        .bind(category)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
}

/// A product category with the reaction set for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CategoryReactionView {
    pub category: String,
    pub reaction: Option<lotline_domain::failure::FailureReaction>,
    /// Products of the category.
    pub products: i64,
}

/// Every product category (those of products, and those with a reaction set), with its reaction.
pub async fn category_reactions(conn: &mut SqliteConnection) -> Result<Vec<CategoryReactionView>, StoreError> {
    let rows: Vec<(String, Option<String>, i64)> = sqlx::query_as(
        "SELECT c.category, r.reaction, (SELECT COUNT(*) FROM products p WHERE p.category = c.category) \
         FROM (SELECT category FROM products UNION SELECT category FROM category_reactions) c \
         LEFT JOIN category_reactions r ON r.category = c.category ORDER BY c.category LIMIT 2000",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(category, reaction, products)| CategoryReactionView {
            category,
            reaction: reaction.and_then(|j| serde_json::from_str(&j).ok()),
            products,
        })
        .collect())
}
