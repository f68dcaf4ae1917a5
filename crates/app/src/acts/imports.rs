//! CSV import and export of master data and failures. An import checks every row first and
//! writes nothing unless all rows are good; an export defuses spreadsheet formulas.

use std::collections::{HashMap, HashSet};

use lotline_domain::error::{FieldError, Violations};
use lotline_domain::master::{CustomerInput, OrderInput, OrderLineInput, ProductInput, VendorInput};
use lotline_domain::people::{Language, Permission};
use lotline_domain::{ApiError, Event};
use lotline_store::queries::{failures as fq, master};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::failures::{LogFailureInput, log_in};
use crate::context::{Ctx, sql_error, store_error};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Entity {
    Products,
    Vendors,
    Customers,
    Orders,
    Failures,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportInput {
    pub entity: Entity,
    pub csv: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportReport {
    pub entity: Entity,
    pub imported: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportInput {
    pub entity: Entity,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportOutput {
    pub file_name: String,
    pub csv: String,
}

/// More errors than this are not read by anyone; the count says how many more there were.
const MAX_REPORTED: usize = 500;

impl Entity {
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Entity::Products => &[
                "sku",
                "gtin",
                "name",
                "category",
                "unit_cost_minor",
                "currency",
                "returnable",
                "lot_tracked",
                "serial_tracked",
                "has_expiry",
                "vendor_code",
            ],
            Entity::Vendors => &["code", "name", "country", "contact_name", "email", "phone", "language"],
            Entity::Customers => &["code", "name", "email", "phone", "address", "country"],
            Entity::Orders => {
                &["order_no", "customer_code", "ordered_at", "currency", "line_no", "sku", "qty", "unit_price_minor"]
            }
            Entity::Failures => &[
                "occurred_at",
                "sku",
                "vendor_code",
                "lot_code",
                "serials",
                "stage",
                "qty_inspected",
                "qty_failed",
                "category_code",
                "severity",
                "description",
                "disposition",
                "owner_team",
            ],
        }
    }

    /// Columns a file may leave out entirely.
    fn optional(self) -> &'static [&'static str] {
        match self {
            Entity::Products => &["gtin", "vendor_code"],
            Entity::Vendors => &["contact_name", "email", "phone", "language"],
            Entity::Customers => &["email", "phone", "address"],
            Entity::Orders => &[],
            Entity::Failures => &["occurred_at", "lot_code", "serials", "disposition"],
        }
    }

    fn name(self) -> &'static str {
        match self {
            Entity::Products => "products",
            Entity::Vendors => "vendors",
            Entity::Customers => "customers",
            Entity::Orders => "orders",
            Entity::Failures => "failures",
        }
    }
}

/// One data row of a CSV file with typed accessors that record what is wrong with it.
struct Row<'a> {
    line: u64,
    cells: &'a csv::StringRecord,
    index: &'a HashMap<String, usize>,
    errors: &'a mut Vec<FieldError>,
}

impl Row<'_> {
    fn text(&self, column: &str) -> String {
        self.index.get(column).and_then(|i| self.cells.get(*i)).unwrap_or("").trim().to_owned()
    }

    fn optional(&self, column: &str) -> Option<String> {
        Some(self.text(column)).filter(|t| !t.is_empty())
    }

    fn fail(&mut self, column: &str, key: &str, value: &str) {
        self.errors.push(FieldError::new(column, key).at_row(self.line).with("value", value));
    }

    fn int(&mut self, column: &str) -> i64 {
        let text = self.text(column);
        match text.parse() {
            Ok(n) => n,
            Err(_) => {
                self.fail(
                    column,
                    if text.is_empty() { "error.field.required" } else { "error.field.not_a_number" },
                    &text,
                );
                0
            }
        }
    }

    fn flag(&mut self, column: &str) -> bool {
        let text = self.text(column);
        match text.to_ascii_lowercase().as_str() {
            "true" | "yes" | "y" | "1" | "ja" | "j" => true,
            "false" | "no" | "n" | "0" | "nee" | "" => false,
            _ => {
                self.fail(column, "error.field.not_a_flag", &text);
                false
            }
        }
    }

    fn choice<T: serde::de::DeserializeOwned>(&mut self, column: &str) -> Option<T> {
        let text = self.text(column);
        let parsed = serde_json::from_value(serde_json::Value::String(text.to_ascii_lowercase()));
        match parsed {
            Ok(value) => Some(value),
            Err(_) => {
                self.fail(
                    column,
                    if text.is_empty() { "error.field.required" } else { "error.field.not_a_choice" },
                    &text,
                );
                None
            }
        }
    }

    /// Moves the record's own violations onto this row.
    fn absorb(&mut self, violations: Violations) {
        let line = self.line;
        self.errors.extend(violations.0.into_iter().map(|e| e.at_row(line)));
    }
}

fn read_csv(entity: Entity, text: &str) -> Result<(HashMap<String, usize>, Vec<csv::StringRecord>), ApiError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|err| {
            ApiError::field(FieldError::new("csv", "error.import.unreadable").at_row(1).with("reason", err))
        })?
        .clone();
    let index: HashMap<String, usize> =
        headers.iter().enumerate().map(|(i, h)| (h.trim().to_ascii_lowercase(), i)).collect();
    let missing: Vec<FieldError> = entity
        .columns()
        .iter()
        .filter(|c| !index.contains_key(**c) && !entity.optional().contains(c))
        .map(|c| FieldError::new(*c, "error.import.missing_column").at_row(1))
        .collect();
    if !missing.is_empty() {
        return Err(ApiError::invalid_fields(missing));
    }
    let mut records = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|err| {
            ApiError::field(FieldError::new("csv", "error.import.unreadable").at_row(i as u64 + 2).with("reason", err))
        })?;
        records.push(record);
    }
    if records.is_empty() {
        return Err(ApiError::field(FieldError::new("csv", "error.import.no_rows")));
    }
    Ok((index, records))
}

fn duplicate(seen: &mut HashMap<String, u64>, key: &str, line: u64, column: &str, errors: &mut Vec<FieldError>) {
    if let Some(first) = seen.insert(key.to_owned(), line) {
        errors.push(
            FieldError::new(column, "error.import.duplicate").at_row(line).with("value", key).with("first_line", first),
        );
    }
}

fn finish(mut errors: Vec<FieldError>) -> Result<(), ApiError> {
    if errors.is_empty() {
        return Ok(());
    }
    let total = errors.len();
    errors.sort_by_key(|e| e.row);
    errors.truncate(MAX_REPORTED);
    Err(ApiError::invalid_fields(errors).with("count", total).with("shown", total.min(MAX_REPORTED)))
}

pub async fn import_csv(ctx: &Ctx, input: ImportInput) -> Result<ImportReport, ApiError> {
    ctx.allowed(if input.entity == Entity::Failures { Permission::LogFailure } else { Permission::ImportData })?;
    let (index, records) = read_csv(input.entity, &input.csv)?;
    let mut errors = Vec::new();
    let mut tx = ctx.begin().await?;
    let imported = match input.entity {
        Entity::Failures => {
            // Each failure goes through the same act as the form, inside this one transaction:
            // the first bad row rolls all of them back, and every bad row is reported.
            let mut count = 0;
            for (i, cells) in records.iter().enumerate() {
                let line = i as u64 + 2;
                let mut row = Row { line, cells, index: &index, errors: &mut errors };
                let Some(input) = failure_row(&mut row) else { continue };
                match log_in(ctx, &mut tx, input).await {
                    Ok(_) => count += 1,
                    Err(err) if err.fields.is_empty() => {
                        errors.push(FieldError::new("row", err.message_key).at_row(line))
                    }
                    Err(err) => errors.extend(err.fields.into_iter().map(|f| f.at_row(line))),
                }
            }
            finish(errors)?;
            count
        }
        entity => {
            let events = master_events(&mut tx, entity, &index, &records, &mut errors).await?;
            finish(errors)?;
            let count = events.len() as i64;
            lotline_store::append(&mut tx, &ctx.meta(), into_batches(events)).await.map_err(store_error)?;
            count
        }
    };
    tx.commit().await.map_err(sql_error)?;
    Ok(ImportReport { entity: input.entity, imported })
}

/// Rows per import event: big enough that a 100,000-row file is a hundred events, small
/// enough that one event stays a readable record of what was imported.
const ROWS_PER_EVENT: usize = 1000;

/// Turns one event per row into one event per batch of rows.
fn into_batches(events: Vec<Event>) -> Vec<Event> {
    let mut batches = Vec::new();
    let mut rows = events.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<Event> = rows.by_ref().take(ROWS_PER_EVENT).collect();
        let batch_id = uuid::Uuid::now_v7().to_string();
        let event = match chunk.first() {
            Some(Event::ProductSaved(_)) => Event::ProductsImported {
                batch_id,
                rows: chunk
                    .into_iter()
                    .filter_map(|e| if let Event::ProductSaved(p) = e { Some(p) } else { None })
                    .collect(),
            },
            Some(Event::VendorSaved(_)) => Event::VendorsImported {
                batch_id,
                rows: chunk
                    .into_iter()
                    .filter_map(|e| if let Event::VendorSaved(v) = e { Some(v) } else { None })
                    .collect(),
            },
            Some(Event::CustomerSaved(_)) => Event::CustomersImported {
                batch_id,
                rows: chunk
                    .into_iter()
                    .filter_map(|e| if let Event::CustomerSaved(c) = e { Some(c) } else { None })
                    .collect(),
            },
            Some(Event::OrderRecorded(_)) => Event::OrdersImported {
                batch_id,
                rows: chunk
                    .into_iter()
                    .filter_map(|e| if let Event::OrderRecorded(o) = e { Some(o) } else { None })
                    .collect(),
            },
            _ => {
                batches.extend(chunk);
                continue;
            }
        };
        batches.push(event);
    }
    batches
}

fn failure_row(row: &mut Row<'_>) -> Option<LogFailureInput> {
    let before = row.errors.len();
    let input = LogFailureInput {
        occurred_at: row.optional("occurred_at"),
        sku: row.text("sku"),
        vendor_code: row.text("vendor_code"),
        lot_code: row.optional("lot_code"),
        serials: row.text("serials").split([';', '|']).map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect(),
        stage: row.choice("stage")?,
        qty_inspected: row.int("qty_inspected"),
        qty_failed: row.int("qty_failed"),
        category_code: row.text("category_code"),
        description: row.text("description"),
        severity: row.choice("severity")?,
        inspection: None,
        attachment_ids: Vec::new(),
        disposition: match row.optional("disposition") {
            Some(_) => Some(row.choice("disposition")?),
            None => None,
        },
        owner_team: row.choice("owner_team")?,
        reinspection_of: None,
    };
    (row.errors.len() == before).then_some(input)
}

async fn master_events(
    tx: &mut lotline_store::WriteTx,
    entity: Entity,
    index: &HashMap<String, usize>,
    records: &[csv::StringRecord],
    errors: &mut Vec<FieldError>,
) -> Result<Vec<Event>, ApiError> {
    let mut events = Vec::with_capacity(records.len());
    let mut seen = HashMap::new();
    match entity {
        Entity::Products => {
            let mut vendors_needed: Vec<(u64, String)> = Vec::new();
            for (i, cells) in records.iter().enumerate() {
                let line = i as u64 + 2;
                let mut row = Row { line, cells, index, errors: &mut *errors };
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
                }
                .normalised();
                row.absorb(product.violations());
                duplicate(&mut seen, &product.sku, line, "sku", errors);
                if let Some(v) = &product.vendor_code {
                    vendors_needed.push((line, v.clone()));
                }
                events.push(Event::ProductSaved(product));
            }
            let codes: Vec<String> =
                vendors_needed.iter().map(|(_, c)| c.clone()).collect::<HashSet<_>>().into_iter().collect();
            let known = master::existing_keys(tx, "vendors", "code", &codes).await.map_err(store_error)?;
            for (line, code) in vendors_needed.into_iter().filter(|(_, c)| !known.contains(c)) {
                errors.push(
                    FieldError::new("vendor_code", "error.master.unknown_vendor").at_row(line).with("value", code),
                );
            }
        }
        Entity::Vendors => {
            for (i, cells) in records.iter().enumerate() {
                let line = i as u64 + 2;
                let mut row = Row { line, cells, index, errors: &mut *errors };
                let language_text = row.text("language");
                let language = if language_text.is_empty() {
                    Language::En
                } else {
                    Language::parse(&language_text).unwrap_or_else(|| {
                        row.fail("language", "error.field.not_a_choice", &language_text);
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
                duplicate(&mut seen, &vendor.code, line, "code", errors);
                events.push(Event::VendorSaved(vendor));
            }
        }
        Entity::Customers => {
            for (i, cells) in records.iter().enumerate() {
                let line = i as u64 + 2;
                let mut row = Row { line, cells, index, errors: &mut *errors };
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
                duplicate(&mut seen, &customer.code, line, "code", errors);
                events.push(Event::CustomerSaved(customer));
            }
        }
        Entity::Orders => events = order_events(tx, index, records, errors).await?,
        Entity::Failures => {}
    }
    Ok(events)
}

async fn order_events(
    tx: &mut lotline_store::WriteTx,
    index: &HashMap<String, usize>,
    records: &[csv::StringRecord],
    errors: &mut Vec<FieldError>,
) -> Result<Vec<Event>, ApiError> {
    let mut orders: Vec<(u64, OrderInput)> = Vec::new();
    let mut position: HashMap<String, usize> = HashMap::new();
    let mut skus: Vec<(u64, String)> = Vec::new();
    for (i, cells) in records.iter().enumerate() {
        let line = i as u64 + 2;
        let mut row = Row { line, cells, index, errors: &mut *errors };
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
                if order.customer_code != header.customer_code || order.currency != header.currency {
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
    let known_customers = master::existing_keys(tx, "customers", "code", &customers).await.map_err(store_error)?;
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
    let known_skus = master::existing_keys(tx, "products", "sku", &sku_list).await.map_err(store_error)?;
    for (line, sku) in skus.into_iter().filter(|(_, s)| !known_skus.contains(s)) {
        errors.push(FieldError::new("sku", "error.master.unknown_sku").at_row(line).with("value", sku));
    }
    Ok(orders.into_iter().map(|(_, o)| Event::OrderRecorded(o)).collect())
}

/// Prefixes cells a spreadsheet would run as a formula, so an export cannot carry one.
pub fn defuse(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}") } else { cell.to_owned() }
}

fn write_rows(columns: &[&str], rows: impl Iterator<Item = Vec<String>>) -> Result<String, ApiError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(columns).map_err(ApiError::internal)?;
    for row in rows {
        writer.write_record(row.iter().map(|c| defuse(c))).map_err(ApiError::internal)?;
    }
    let bytes = writer.into_inner().map_err(ApiError::internal)?;
    String::from_utf8(bytes).map_err(ApiError::internal)
}

fn opt(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

fn name<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

pub async fn export_csv(ctx: &Ctx, input: ExportInput) -> Result<ExportOutput, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    let mut conn = ctx.read().await?;
    let all = lotline_store::queries::ListQuery { text: None, offset: 0, limit: i64::MAX };
    let columns = input.entity.columns();
    let csv = match input.entity {
        Entity::Products => {
            let mut rows = Vec::new();
            let mut offset = 0;
            loop {
                let page = master::list_products(
                    &mut conn,
                    &lotline_store::queries::ListQuery { offset, limit: 1000, ..all.clone() },
                )
                .await
                .map_err(store_error)?;
                let n = page.rows.len() as i64;
                rows.extend(page.rows.into_iter().map(|p| {
                    let p = p.product;
                    vec![
                        p.sku,
                        opt(&p.gtin),
                        p.name,
                        p.category,
                        p.unit_cost_minor.to_string(),
                        p.currency,
                        p.returnable.to_string(),
                        p.lot_tracked.to_string(),
                        p.serial_tracked.to_string(),
                        p.has_expiry.to_string(),
                        opt(&p.vendor_code),
                    ]
                }));
                if n < 1000 {
                    break;
                }
                offset += n;
            }
            write_rows(columns, rows.into_iter())?
        }
        Entity::Vendors => {
            let page = master::list_vendors(&mut conn, &all).await.map_err(store_error)?;
            write_rows(
                columns,
                page.rows.into_iter().map(|v| {
                    let v = v.vendor;
                    vec![
                        v.code,
                        v.name,
                        v.country,
                        opt(&v.contact_name),
                        opt(&v.email),
                        opt(&v.phone),
                        v.language.as_str().into(),
                    ]
                }),
            )?
        }
        Entity::Customers => {
            let page = master::list_customers(&mut conn, &all).await.map_err(store_error)?;
            write_rows(
                columns,
                page.rows.into_iter().map(|c| {
                    let c = c.customer;
                    vec![c.code, c.name, opt(&c.email), opt(&c.phone), opt(&c.address), c.country]
                }),
            )?
        }
        Entity::Orders => {
            let orders = master::all_orders(&mut conn).await.map_err(store_error)?;
            write_rows(
                columns,
                orders.into_iter().flat_map(|o| {
                    o.lines.into_iter().map(move |l| {
                        vec![
                            o.order_no.clone(),
                            o.customer_code.clone(),
                            o.ordered_at.clone(),
                            o.currency.clone(),
                            l.line_no.to_string(),
                            l.sku,
                            l.qty.to_string(),
                            l.unit_price_minor.to_string(),
                        ]
                    })
                }),
            )?
        }
        Entity::Failures => {
            let rows = fq::all_failures(&mut conn).await.map_err(store_error)?;
            let mut columns = vec!["failure_no"];
            columns.extend(columns_without_serials());
            columns.push("status");
            write_rows(
                &columns,
                rows.into_iter().map(|(r, description)| {
                    vec![
                        r.failure_no,
                        r.occurred_at,
                        r.sku,
                        r.vendor_code,
                        opt(&r.lot_code),
                        name(&r.stage),
                        r.qty_inspected.to_string(),
                        r.qty_failed.to_string(),
                        r.category_code,
                        name(&r.severity),
                        description,
                        r.disposition.map(|d| d.as_str().to_owned()).unwrap_or_default(),
                        name(&r.owner_team),
                        name(&r.status),
                    ]
                }),
            )?
        }
    };
    let date = ctx.now().format("%Y-%m-%d");
    Ok(ExportOutput { file_name: format!("lotline-{}-{date}.csv", input.entity.name()), csv })
}

fn columns_without_serials() -> Vec<&'static str> {
    Entity::Failures.columns().iter().copied().filter(|c| *c != "serials").collect()
}

#[cfg(test)]
mod tests {
    use super::defuse;

    #[test]
    fn formulas_are_defused() {
        assert_eq!(defuse("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("+1"), "'+1");
        assert_eq!(defuse("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse("-2+3"), "'-2+3");
        assert_eq!(defuse("Kabel 2m"), "Kabel 2m");
    }
}
