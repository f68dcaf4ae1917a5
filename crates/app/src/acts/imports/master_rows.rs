//! The rows of a master-data file (products, vendors, customers, orders): parsed, normalised and
//! checked, including against what is already stored (a product's vendor, an order's customer
//! and SKUs).

use std::collections::{HashMap, HashSet};

use lotline_domain::ApiError;
use lotline_domain::Event;
use lotline_domain::error::FieldError;
use lotline_domain::failure::FailureReaction;
use lotline_domain::master::{CustomerInput, OrderInput, OrderLineInput, ProductInput, VendorInput};
use lotline_domain::people::Language;
use lotline_store::queries::master;

use super::Entity;
use super::progress::Ticker;
use super::rows::{Row, Table, duplicates};

/// Rows per import event: big enough that a 100,000-row file is a hundred events, small
/// enough that one event stays a readable record of what was imported.
const ROWS_PER_EVENT: usize = 1000;

pub(super) enum MasterRows {
    Products(Vec<ProductInput>),
    Vendors(Vec<VendorInput>),
    Customers(Vec<CustomerInput>),
    Orders(Vec<OrderInput>),
}

impl MasterRows {
    pub fn len(&self) -> usize {
        match self {
            MasterRows::Products(rows) => rows.len(),
            MasterRows::Vendors(rows) => rows.len(),
            MasterRows::Customers(rows) => rows.len(),
            MasterRows::Orders(rows) => rows.len(),
        }
    }

    /// One import event per [`ROWS_PER_EVENT`] rows, each with its own batch id.
    pub fn into_events(self) -> Vec<Event> {
        match self {
            MasterRows::Products(rows) => batches(rows, |batch_id, rows| Event::ProductsImported { batch_id, rows }),
            MasterRows::Vendors(rows) => batches(rows, |batch_id, rows| Event::VendorsImported { batch_id, rows }),
            MasterRows::Customers(rows) => batches(rows, |batch_id, rows| Event::CustomersImported { batch_id, rows }),
            MasterRows::Orders(rows) => batches(rows, |batch_id, rows| Event::OrdersImported { batch_id, rows }),
        }
    }
}

/// The rows as import events of [`ROWS_PER_EVENT`] rows each, each event with its own batch id.
pub(super) fn batches<T>(rows: Vec<T>, event: impl Fn(String, Vec<T>) -> Event) -> Vec<Event> {
    let mut rows = rows.into_iter().peekable();
    let mut events = Vec::new();
    while rows.peek().is_some() {
        events.push(event(uuid::Uuid::now_v7().to_string(), rows.by_ref().take(ROWS_PER_EVENT).collect()));
    }
    events
}

/// Parses and checks every row, recording what is wrong in `errors`.
pub(super) async fn master_rows(
    tx: &mut lotline_store::WriteTx,
    entity: Entity,
    table: &Table,
    errors: &mut Vec<FieldError>,
    ticker: &Ticker<'_>,
) -> Result<MasterRows, ApiError> {
    Ok(match entity {
        Entity::Products => MasterRows::Products(products(tx, table, errors, ticker).await?),
        Entity::Vendors => MasterRows::Vendors(vendors(table, errors, ticker)),
        Entity::Customers => MasterRows::Customers(customers(table, errors, ticker)),
        Entity::Orders => MasterRows::Orders(orders(tx, table, errors, ticker).await?),
        Entity::Failures
        | Entity::Reshipments
        | Entity::Rmas
        | Entity::Lots
        | Entity::LotLinks
        | Entity::Shipments
        | Entity::Serials => {
            return Err(ApiError::internal("not master data"));
        }
    })
}

async fn products(
    tx: &mut lotline_store::WriteTx,
    table: &Table,
    errors: &mut Vec<FieldError>,
    ticker: &Ticker<'_>,
) -> Result<Vec<ProductInput>, ApiError> {
    let mut products = Vec::with_capacity(table.records.len());
    let with_reaction = table.columns.has("reaction");
    for (i, cells) in table.records.iter().enumerate() {
        ticker.row();
        let mut row = Row::new(table.line(i), cells, &table.columns, errors);
        let failure_reaction = reaction(&mut row);
        let product = ProductInput {
            sku: row.text("sku"),
            gtin: row.optional("gtin"),
            name: row.text("name"),
            category: row.text("category"),
            unit_cost_minor: row.int("unit_cost_minor"),
            currency: row.text("currency"),
            returnable: row.flag("returnable"),
            lot_tracked: row.flag("lot_tracked"),
            serial_tracked: row.flag("serial_tracked"),
            has_expiry: row.flag("has_expiry"),
            vendor_code: row.optional("vendor_code"),
            failure_reaction,
        }
        .normalised();
        row.absorb(product.violations());
        products.push(product);
    }
    // A file without the column says nothing about reactions: products keep theirs (the import
    // saves each product whole, so what it keeps is written back as it stands).
    if !with_reaction {
        let skus: Vec<&str> = products.iter().map(|p| p.sku.as_str()).collect();
        let kept = master::product_reactions(tx, &skus).await?;
        for product in &mut products {
            product.failure_reaction = kept.get(&product.sku).copied();
        }
    }
    duplicates(products.iter().enumerate().map(|(i, p)| (table.line(i), p.sku.as_str())), "sku", errors);
    let codes: Vec<String> = products
        .iter()
        .filter_map(|p| p.vendor_code.as_deref())
        .collect::<HashSet<_>>()
        .into_iter()
        .map(str::to_owned)
        .collect();
    let known = master::existing_keys(tx, "vendors", "code", &codes).await?;
    for (i, product) in products.iter().enumerate() {
        if let Some(code) = product.vendor_code.as_ref().filter(|c| !known.contains(*c)) {
            errors.push(
                FieldError::new("vendor_code", "error.master.unknown_vendor").at_row(table.line(i)).with("value", code),
            );
        }
    }
    Ok(products)
}

/// The `reaction` cell: a code as the setting spells it (`lot`, `serials_notify`, ...), or empty
/// to follow the product's category.
fn reaction(row: &mut Row<'_>) -> Option<FailureReaction> {
    let code = row.cell("reaction");
    if code.is_empty() {
        return None;
    }
    let parsed = FailureReaction::parse_code(code);
    if parsed.is_none() {
        row.fail("reaction", "error.field.not_a_choice", code);
    }
    parsed
}

fn vendors(table: &Table, errors: &mut Vec<FieldError>, ticker: &Ticker<'_>) -> Vec<VendorInput> {
    let mut vendors = Vec::with_capacity(table.records.len());
    for (i, cells) in table.records.iter().enumerate() {
        ticker.row();
        let mut row = Row::new(table.line(i), cells, &table.columns, errors);
        let language_text = row.cell("language");
        let language = if language_text.is_empty() {
            Language::En
        } else {
            Language::parse(language_text).unwrap_or_else(|| {
                row.fail("language", "error.field.not_a_choice", language_text);
                Language::En
            })
        };
        let vendor = VendorInput {
            code: row.text("code"),
            name: row.text("name"),
            country: row.text("country"),
            contact_name: row.optional("contact_name"),
            email: row.optional("email"),
            phone: row.optional("phone"),
            language,
        }
        .normalised();
        row.absorb(vendor.violations());
        vendors.push(vendor);
    }
    duplicates(vendors.iter().enumerate().map(|(i, v)| (table.line(i), v.code.as_str())), "code", errors);
    vendors
}

fn customers(table: &Table, errors: &mut Vec<FieldError>, ticker: &Ticker<'_>) -> Vec<CustomerInput> {
    let mut customers = Vec::with_capacity(table.records.len());
    for (i, cells) in table.records.iter().enumerate() {
        ticker.row();
        let mut row = Row::new(table.line(i), cells, &table.columns, errors);
        let customer = CustomerInput {
            code: row.text("code"),
            name: row.text("name"),
            email: row.optional("email"),
            phone: row.optional("phone"),
            address: row.optional("address"),
            country: row.text("country"),
        }
        .normalised();
        row.absorb(customer.violations());
        customers.push(customer);
    }
    duplicates(customers.iter().enumerate().map(|(i, c)| (table.line(i), c.code.as_str())), "code", errors);
    customers
}

/// One row per order line; the lines of an order share its header columns.
async fn orders(
    tx: &mut lotline_store::WriteTx,
    table: &Table,
    errors: &mut Vec<FieldError>,
    ticker: &Ticker<'_>,
) -> Result<Vec<OrderInput>, ApiError> {
    let mut orders: Vec<(u64, OrderInput)> = Vec::new();
    let mut position: HashMap<String, usize> = HashMap::new();
    let mut skus: Vec<(u64, String)> = Vec::new();
    for (i, cells) in table.records.iter().enumerate() {
        ticker.row();
        let line = table.line(i);
        let mut row = Row::new(line, cells, &table.columns, errors);
        let order_no = row.text("order_no");
        let ordered_at = row.text("ordered_at");
        // A bare date means the start of that day in UTC.
        let ordered_at = if ordered_at.len() == 10 { format!("{ordered_at}T00:00:00Z") } else { ordered_at };
        let header = OrderInput {
            order_no: order_no.clone(),
            customer_code: row.text("customer_code"),
            ordered_at,
            currency: row.text("currency"),
            lines: Vec::new(),
            channel: row.channel("channel"),
        }
        .normalised();
        let line_input = OrderLineInput {
            line_no: row.int("line_no"),
            sku: row.text("sku"),
            qty: row.int("qty"),
            unit_price_minor: row.int("unit_price_minor"),
        };
        skus.push((line, line_input.sku.clone()));
        match position.get(&order_no) {
            Some(&at) => {
                let (first, order) = &mut orders[at];
                if order.customer_code != header.customer_code
                    || order.currency != header.currency
                    || order.channel != header.channel
                {
                    row.fail("order_no", "error.import.order_header_differs", &order_no);
                    row.errors.last_mut().map(|e| e.params.insert("first_line".into(), first.to_string()));
                }
                order.lines.push(line_input);
            }
            None => {
                position.insert(order_no, orders.len());
                let mut order = header;
                order.lines.push(line_input);
                orders.push((line, order));
            }
        }
    }
    for (line, order) in &orders {
        errors.extend(order.violations().0.into_iter().map(|e| e.at_row(*line)));
    }
    let customers: Vec<String> =
        orders.iter().map(|(_, o)| o.customer_code.clone()).collect::<HashSet<_>>().into_iter().collect();
    let known_customers = master::existing_keys(tx, "customers", "code", &customers).await?;
    for (line, order) in &orders {
        if !known_customers.contains(&order.customer_code) {
            errors.push(
                FieldError::new("customer_code", "error.master.unknown_customer")
                    .at_row(*line)
                    .with("value", &order.customer_code),
            );
        }
    }
    let sku_list: Vec<String> = skus.iter().map(|(_, s)| s.clone()).collect::<HashSet<_>>().into_iter().collect();
    let known_skus = master::existing_keys(tx, "products", "sku", &sku_list).await?;
    for (line, sku) in skus.into_iter().filter(|(_, s)| !known_skus.contains(s)) {
        errors.push(FieldError::new("sku", "error.master.unknown_sku").at_row(line).with("value", sku));
    }
    Ok(orders.into_iter().map(|(_, o)| o).collect())
}
