//! CSV export of master data and failures, in the columns the import reads, and of failures'
//! disposition lines, with spreadsheet formulas defused.

use chrono::{DateTime, Utc};
use lotline_domain::ApiError;
use lotline_domain::people::Permission;
use lotline_store::queries::returns::{self as rq, ListRmasInput, RmaRow};
use lotline_store::queries::{ListQuery, failure_lines as flq, failures as fq, lots as lq, master};
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;
use ts_rs::TS;

use super::imports::Entity;
use crate::context::Ctx;

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

pub use lotline_domain::csv_cell::defuse;

pub(crate) fn write_rows(columns: &[&str], rows: impl Iterator<Item = Vec<String>>) -> Result<String, ApiError> {
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

/// A time in the text the log stores (RFC 3339, UTC, milliseconds), so a column of times in an
/// export sorts as text and reads the same as the log and exports made before.
pub(crate) use lotline_domain::time::stored as at;

pub(crate) fn opt_at(value: Option<DateTime<Utc>>) -> String {
    value.map(at).unwrap_or_default()
}

fn name<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

pub async fn export_csv(ctx: &Ctx, input: ExportInput) -> Result<ExportOutput, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    if input.entity == Entity::Customers {
        ctx.allowed(Permission::ExportCustomerContacts)?;
    }
    let mut conn = ctx.read().await?;
    let columns = input.entity.columns();
    let csv = match input.entity {
        Entity::Products => products_csv(&mut conn, columns).await?,
        Entity::Vendors => vendors_csv(&mut conn, columns).await?,
        Entity::Customers => customers_csv(&mut conn, columns).await?,
        Entity::Orders => orders_csv(&mut conn, columns).await?,
        Entity::Failures => failures_csv(&mut conn).await?,
        Entity::Reshipments => reshipments_csv(ctx, &mut conn).await?,
        Entity::Rmas => write_rows(&RMA_COLUMNS, all_rmas(ctx, &mut conn).await?.into_iter().map(rma_cells))?,
        Entity::Lots => {
            let rows = lq::export_rows(&mut conn, lq::LotExport::Lots).await?;
            write_rows(&LOT_COLUMNS, rows.into_iter())?
        }
        Entity::LotLinks => {
            let rows = lq::export_rows(&mut conn, lq::LotExport::Links).await?;
            write_rows(&["from_lot", "to_lot", "qty", "kind", "linked_at"], rows.into_iter())?
        }
        Entity::Shipments => {
            let rows = lq::export_rows(&mut conn, lq::LotExport::Shipments).await?;
            write_rows(columns, rows.into_iter())?
        }
        Entity::Serials => {
            let rows = lq::export_rows(&mut conn, lq::LotExport::Serials).await?;
            write_rows(columns, rows.into_iter())?
        }
    };
    let date = ctx.now().format("%Y-%m-%d");
    Ok(ExportOutput { file_name: format!("lotline-{}-{date}.csv", input.entity.name()), csv })
}

/// Every failure's disposition lines, one row a line: who follows each up by when, where it
/// stands, and for scrap how the units were destroyed and by whom.
pub async fn export_disposition_lines(ctx: &Ctx, _: super::Empty) -> Result<ExportOutput, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    let lines = flq::all_disposition_lines(&mut *ctx.read().await?).await?;
    let mut line_no = 0;
    let mut previous = String::new();
    let rows = lines.into_iter().map(|(failure_no, l)| {
        // Numbered within the failure, as the detail page lists them.
        line_no = if failure_no == previous { line_no + 1 } else { 1 };
        previous.clone_from(&failure_no);
        vec![
            failure_no,
            line_no.to_string(),
            l.qty.to_string(),
            l.disposition.as_str().to_owned(),
            opt(&l.owner_name),
            opt(&l.due_on),
            name(&l.status),
            opt(&l.outcome),
            l.qty_completed.map(|q| q.to_string()).unwrap_or_default(),
            opt_at(l.ended_at),
            l.scrap_method.map(|m| m.as_str().to_owned()).unwrap_or_default(),
            opt(&l.scrap_method_other),
            opt(&l.destroyed_by_name),
            opt(&l.witness_name),
            l.serials.join(";"),
            opt(&l.note),
        ]
    });
    let csv = write_rows(&LINE_COLUMNS, rows)?;
    let date = ctx.now().format("%Y-%m-%d");
    Ok(ExportOutput { file_name: format!("lotline-disposition-lines-{date}.csv"), csv })
}

const LINE_COLUMNS: [&str; 16] = [
    "failure_no",
    "line",
    "qty",
    "disposition",
    "owner",
    "due_on",
    "status",
    "outcome",
    "qty_completed",
    "ended_at",
    "scrap_method",
    "scrap_method_other",
    "destroyed_by",
    "witness",
    "serials",
    "note",
];

/// Every row at once: an export holds the whole table.
const ALL: ListQuery = ListQuery { text: None, offset: 0, limit: i64::MAX };

async fn products_csv(conn: &mut SqliteConnection, columns: &[&str]) -> Result<String, ApiError> {
    let mut rows = Vec::new();
    let mut offset = 0;
    loop {
        let page = master::list_products(&mut *conn, &lotline_store::queries::ListQuery { offset, limit: 1000, ..ALL })
            .await?;
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
                p.failure_reaction.map(|r| r.code()).unwrap_or_default(),
            ]
        }));
        if n < 1000 {
            break;
        }
        offset += n;
    }
    write_rows(columns, rows.into_iter())
}

async fn vendors_csv(conn: &mut SqliteConnection, columns: &[&str]) -> Result<String, ApiError> {
    let page = master::list_vendors(&mut *conn, &ALL).await?;
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
    )
}

async fn customers_csv(conn: &mut SqliteConnection, columns: &[&str]) -> Result<String, ApiError> {
    let page = master::list_customers(&mut *conn, &ALL).await?;
    write_rows(
        columns,
        page.rows.into_iter().map(|c| {
            let c = c.customer;
            vec![c.code, c.name, opt(&c.email), opt(&c.phone), opt(&c.address), c.country]
        }),
    )
}

async fn orders_csv(conn: &mut SqliteConnection, columns: &[&str]) -> Result<String, ApiError> {
    let orders = master::all_orders(&mut *conn).await?;
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
                    // Empty for an order without one: it imports back as "unspecified".
                    o.channel.map(|c| c.code().to_owned()).unwrap_or_default(),
                ]
            })
        }),
    )
}

async fn failures_csv(conn: &mut SqliteConnection) -> Result<String, ApiError> {
    let rows = fq::all_failures(&mut *conn).await?;
    let mut columns = vec!["failure_no"];
    columns.extend(columns_without_serials());
    columns.push("status");
    write_rows(
        &columns,
        rows.into_iter().map(|(r, description)| {
            vec![
                r.failure_no,
                at(r.occurred_at),
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
    )
}

async fn reshipments_csv(ctx: &Ctx, conn: &mut SqliteConnection) -> Result<String, ApiError> {
    let today = super::reshipments::today(ctx).await?;
    let rows = lotline_store::queries::reshipments::all_reshipments(&mut *conn).await?;
    write_rows(
        &RESHIPMENT_COLUMNS,
        rows.into_iter().map(|r| {
            let r = super::reshipments::with_sla(r, &today);
            vec![
                r.reshipment_no,
                r.status.as_str().to_owned(),
                r.failure_nos.join(";"),
                r.order_no,
                r.customer_name.unwrap_or_default(),
                at(r.requested_at),
                opt_at(r.authorized_at),
                r.due_on,
                r.carrier,
                r.service,
                opt(&r.tracking_no),
                opt(&r.shipped_on),
                opt(&r.delivered_on),
                r.sla.map(|s| name(&s)).unwrap_or_default(),
                r.shipping_minor.to_string(),
                r.goods_minor.to_string(),
                r.total_minor.to_string(),
                r.currency,
                name(&r.payer),
                opt(&r.vendor_code),
                name(&r.chargeback_status),
                r.recovered_minor.to_string(),
                r.ship_to_name,
                r.reason,
            ]
        }),
    )
}

/// Lots export the import's columns and what became of them.
const LOT_COLUMNS: [&str; 11] = [
    "lot_code",
    "sku",
    "vendor_code",
    "supplier_lot",
    "qty",
    "unit",
    "mfg_date",
    "expiry_date",
    "location",
    "on_hand",
    "status",
];

/// Reshipments export what happened to them, not the import's request columns.
const RESHIPMENT_COLUMNS: [&str; 24] = [
    "reshipment_no",
    "status",
    "failure_nos",
    "order_no",
    "customer",
    "requested_at",
    "authorized_at",
    "due_on",
    "carrier",
    "service",
    "tracking_no",
    "shipped_on",
    "delivered_on",
    "sla",
    "shipping_minor",
    "goods_minor",
    "total_minor",
    "currency",
    "payer",
    "vendor_code",
    "chargeback_status",
    "recovered_minor",
    "ship_to",
    "reason",
];

/// RMAs export where they stand, not the import's opening columns.
const RMA_COLUMNS: [&str; 27] = [
    "rma_no",
    "status",
    "verdict",
    "decided_by_rules",
    "customer_code",
    "customer",
    "order_nos",
    "reason_code",
    "preferred_outcome",
    "policy_version",
    "currency",
    "value_minor",
    "opened_at",
    "decided_at",
    "received_at",
    "inspected_at",
    "settled_at",
    "tracking_no",
    "labels_printed",
    "label_failures",
    "settlement",
    "settled_minor",
    "restocking_fee_minor",
    "credit_issued_minor",
    "credit_issued_at",
    "next_step",
    "due_at",
];

async fn all_rmas(ctx: &Ctx, conn: &mut sqlx::SqliteConnection) -> Result<Vec<RmaRow>, ApiError> {
    let promises = super::returns::promises(&super::returns::policy(conn).await?);
    let now = ctx.now();
    let mut rows = Vec::new();
    loop {
        let input = ListRmasInput { offset: rows.len() as i64, limit: 1000, ..ListRmasInput::default() };
        let page = rq::list_rmas(conn, &input).await?;
        let got = page.rows.len();
        rows.extend(page.rows.into_iter().map(|r| super::returns::with_sla(r, promises, now)));
        if got < 1000 {
            break;
        }
    }
    rows.reverse();
    Ok(rows)
}

fn rma_cells(r: RmaRow) -> Vec<String> {
    let number = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    vec![
        r.rma_no,
        r.status.as_str().to_owned(),
        name(&r.verdict),
        r.decided_by_rules.to_string(),
        r.customer_code,
        r.customer_name.unwrap_or_default(),
        r.order_nos.join(";"),
        r.reason_code,
        name(&r.preferred_outcome),
        r.policy_version.to_string(),
        r.currency,
        r.value_minor.to_string(),
        at(r.opened_at),
        opt_at(r.decided_at),
        opt_at(r.received_at),
        opt_at(r.inspected_at),
        opt_at(r.settled_at),
        opt(&r.tracking_no),
        r.labels_printed.to_string(),
        r.label_failures.to_string(),
        opt(&r.settlement_kind),
        number(r.settled_minor),
        number(r.restocking_fee_minor),
        number(r.credit_issued_minor),
        opt_at(r.credit_issued_at),
        r.sla_step.map(|s| name(&s)).unwrap_or_default(),
        opt_at(r.due_at),
    ]
}

fn columns_without_serials() -> Vec<&'static str> {
    Entity::Failures.columns().iter().copied().filter(|c| *c != "serials").collect()
}
