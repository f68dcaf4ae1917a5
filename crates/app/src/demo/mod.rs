//! A realistic demo data set: Chinese, Dutch and European suppliers, products named in Dutch
//! and Chinese, customers, orders, a few weeks of QC failures in every state, reshipments and
//! SCARs for some of them, each step taken by the person whose job it is.

use chrono::{Duration, SecondsFormat};
use lotline_domain::ApiError;
use lotline_domain::failure::{Disposition, InspectionInput, Severity, Stage, Team};
use lotline_domain::master::{CustomerInput, OrderInput, OrderLineInput, ProductInput, VendorInput, gs1_check_digit};
use lotline_domain::people::{Language, Role};
use lotline_domain::sales_channel::SalesChannel;

use std::collections::HashMap;

use lotline_domain::people::Actor;
use lotline_domain::reshipment::{
    Carrier, ChargebackStatus, CostInput, ItemInput, Payer, RequestReshipmentInput, ShipInput,
};

use crate::acts::failures::{self, CompleteDispositionInput, LogFailureInput, SetDispositionInput};
use crate::acts::reshipments::{self, ApproveReshipmentInput, ChargebackInput, DeliverInput, ReasonInput};
use crate::acts::review::{self, SafetyStockInput};
use crate::acts::session::actor_of;
use crate::acts::{master, users};
use crate::context::Ctx;

mod lots;
mod production;
mod returns;
mod scars;

/// Every demo user signs in with this password; the README says so.
pub const DEMO_PASSWORD: &str = "demo-pass-2026";

const VENDORS: &[(&str, &str, &str, &str, Language)] = &[
    ("SZHQ", "深圳华强电子有限公司", "CN", "王伟", Language::ZhCn),
    ("NBTX", "宁波天翔塑料制品有限公司", "CN", "李娜", Language::ZhCn),
    ("DGMT", "东莞明泰五金制品厂", "CN", "陈刚", Language::ZhCn),
    ("VDBV", "Van den Berg Verpakkingen B.V.", "NL", "Pieter van den Berg", Language::Nl),
    ("HOLZ", "Holzmann Werkzeuge GmbH", "DE", "Klaus Holzmann", Language::En),
    ("ACME", "Acme Components Ltd", "GB", "Sarah Collins", Language::En),
];

/// (sku, name, category, unit cost in cents, vendor, lot tracked, serial tracked, expiry)
type DemoProduct = (&'static str, &'static str, &'static str, i64, &'static str, bool, bool, bool);

const PRODUCTS: &[DemoProduct] = &[
    ("CBL-USBC-2M", "USB-C laadkabel 2 m", "Kabels", 245, "SZHQ", true, false, false),
    ("CBL-HDMI-15", "HDMI-kabel 1,5 m", "Kabels", 310, "SZHQ", true, false, false),
    ("CHG-WL-15W", "无线充电器 15W", "Opladers", 1190, "SZHQ", true, true, false),
    ("CHG-GAN-65", "GaN 快速充电器 65W", "Opladers", 1850, "SZHQ", true, true, false),
    ("SPK-BT-MINI", "蓝牙迷你音箱", "Audio", 1420, "SZHQ", true, true, false),
    ("BOX-PP-5L", "Opbergbox polypropyleen 5 L", "Opslag", 380, "NBTX", true, false, false),
    ("BOX-PP-20L", "Opbergbox polypropyleen 20 L", "Opslag", 720, "NBTX", true, false, false),
    ("BTL-TRITAN", "Tritan 运动水杯 750ml", "Keuken", 295, "NBTX", true, false, false),
    ("HNG-INOX-3", "Scharnier RVS 3 inch", "IJzerwaren", 85, "DGMT", true, false, false),
    ("SCR-M4-100", "不锈钢螺丝 M4 (100个)", "IJzerwaren", 140, "DGMT", true, false, false),
    ("BRK-WALL-L", "Muurbeugel staal L", "IJzerwaren", 415, "DGMT", true, false, false),
    ("PKG-DOOS-M", "Verzenddoos karton medium", "Verpakking", 62, "VDBV", false, false, false),
    ("PKG-FOLIE-50", "Noppenfolie rol 50 m", "Verpakking", 890, "VDBV", true, false, false),
    ("TAPE-BRN-66", "Verpakkingstape bruin 66 m", "Verpakking", 115, "VDBV", true, false, true),
    ("DRL-BIT-SET", "Bohrer-Set HSS 19-teilig", "Gereedschap", 1275, "HOLZ", true, false, false),
    ("SAW-JIG-600", "Decoupeerzaag 600 W", "Gereedschap", 3490, "HOLZ", true, true, false),
    ("GLU-PU-310", "PU-lijm 310 ml", "Lijm", 455, "HOLZ", true, false, true),
    ("LED-E27-9W", "LED lamp E27 9 W warm wit", "Verlichting", 199, "ACME", true, false, false),
    ("LED-STRIP-5", "LED strip 5 m RGB", "Verlichting", 1090, "ACME", true, false, false),
    ("FAN-DESK-30", "Bureauventilator 30 cm", "Klimaat", 1650, "ACME", true, true, false),
];

const CUSTOMERS: &[(&str, &str, &str, &str)] = &[
    ("C-BOL", "Bakker Online Retail B.V.", "NL", "Damrak 12, 1012 LG Amsterdam"),
    ("C-HEM", "Hema Zakelijk", "NL", "Frankemaheerd 2, 1102 AN Amsterdam"),
    ("C-GAM", "Gamma Bouwmarkt Utrecht", "NL", "Atoomweg 6, 3542 AA Utrecht"),
    ("C-BRI", "Brico Gent", "BE", "Kortrijksesteenweg 100, 9000 Gent"),
    ("C-OBI", "OBI Markt Köln", "DE", "Venloer Str. 500, 50825 Köln"),
    ("C-JAN", "Janssen Installatietechniek", "NL", "Industrieweg 8, 5681 AB Best"),
    ("C-DEV", "De Vries Webwinkel", "NL", "Marktstraat 3, 9711 HG Groningen"),
    ("C-LUX", "Luxhome S.à r.l.", "LU", "Rue de Hollerich 20, 1740 Luxembourg"),
];

fn gtin_for(index: usize) -> String {
    let body = format!("871234567{:03}", index + 1);
    format!("{body}{}", gs1_check_digit(&body).unwrap_or(0))
}

/// Fills the database with the demo set, as the signed-in admin.
pub async fn load(ctx: &Ctx) -> Result<(), ApiError> {
    {
        let mut conn = ctx.read().await?;
        let acts: i64 = sqlx::query_scalar("SELECT COUNT(DISTINCT act_id) FROM events")
            .fetch_one(&mut *conn)
            .await
            .map_err(crate::context::sql_error)?;
        let enrolled = lotline_store::enrolment(&mut conn).await.map_err(crate::context::store_error)?.is_some();
        lotline_domain::settings::check_demo_allowed(acts, enrolled)?;
    }
    let people = [
        ("mei.chen", "Mei Chen", vec![Role::Inspector]),
        ("daan.visser", "Daan Visser", vec![Role::Inspector]),
        ("jan.devries", "Jan de Vries", vec![Role::Logistics]),
        ("sanne.bakker", "Sanne Bakker", vec![Role::Finance]),
        ("li.wei", "Li Wei", vec![Role::QualityLead]),
        ("tom.jansen", "Tom Jansen", vec![Role::ReturnsAnalyst]),
        ("priya.shah", "Priya Shah", vec![Role::VendorManager]),
    ];
    let mut actors = HashMap::new();
    for (username, name, roles) in people {
        let user = users::create_user(
            ctx,
            users::CreateUserInput {
                username: username.into(),
                display_name: name.into(),
                password: DEMO_PASSWORD.into(),
                roles,
                language: if username == "mei.chen" || username == "li.wei" { Language::ZhCn } else { Language::Nl },
            },
        )
        .await?;
        actors.insert(username, actor_of(&user));
    }
    save_master_data(ctx).await?;
    let now = ctx.now();
    let mut order_lines = Vec::new();
    for n in 0..40_usize {
        let (customer, ..) = CUSTOMERS[n % CUSTOMERS.len()];
        let lines = (0..1 + n % 3)
            .map(|l| {
                let (sku, _, _, cost, ..) = PRODUCTS[(n * 7 + l * 3) % PRODUCTS.len()];
                order_lines.push(DemoLine {
                    order_no: format!("SO-2026-{:05}", 1001 + n),
                    line_no: l as i64 + 1,
                    sku,
                    days_ago: 60 - n as i64,
                });
                OrderLineInput {
                    line_no: l as i64 + 1,
                    sku: sku.into(),
                    qty: 1 + ((n + l) % 5) as i64 * 4,
                    unit_price_minor: cost * 2,
                }
            })
            .collect();
        master::save_order(
            ctx,
            OrderInput {
                order_no: format!("SO-2026-{:05}", 1001 + n),
                customer_code: customer.into(),
                ordered_at: (now - Duration::days(60 - n as i64)).to_rfc3339_opts(SecondsFormat::Secs, true),
                currency: "EUR".into(),
                lines,
                // Every channel has orders, so the returns breakdown by channel shows something.
                channel: Some(SalesChannel::ALL[n % SalesChannel::ALL.len()]),
            },
        )
        .await?;
    }
    let failed = log_demo_failures(ctx).await?;
    demo_reshipments(ctx, &actors, &failed, &order_lines).await?;
    scars::demo_scars(ctx, &actors, &failed).await?;
    returns::demo_returns(ctx, &actors, &order_lines).await?;
    lots::demo_lots(ctx, &actors).await?;
    production::demo_production(ctx, &actors).await?;
    demo_safety_stock(ctx).await
}

/// The demo's vendors, products and customers.
async fn save_master_data(ctx: &Ctx) -> Result<(), ApiError> {
    for (code, name, country, contact, language) in VENDORS {
        master::save_vendor(
            ctx,
            VendorInput {
                code: (*code).into(),
                name: (*name).into(),
                country: (*country).into(),
                contact_name: Some((*contact).into()),
                email: Some(format!("quality@{}.example", code.to_lowercase())),
                phone: None,
                language: *language,
            },
        )
        .await?;
    }
    for (i, (sku, name, category, cost, vendor, lot, serial, expiry)) in PRODUCTS.iter().enumerate() {
        master::save_product(
            ctx,
            ProductInput {
                sku: (*sku).into(),
                gtin: Some(gtin_for(i)),
                name: (*name).into(),
                category: (*category).into(),
                unit_cost_minor: *cost,
                currency: "EUR".into(),
                returnable: *category != "Lijm",
                lot_tracked: *lot,
                serial_tracked: *serial,
                has_expiry: *expiry,
                vendor_code: Some((*vendor).into()),
                failure_reaction: None,
            },
        )
        .await?;
    }
    for (code, name, country, address) in CUSTOMERS {
        master::save_customer(
            ctx,
            CustomerInput {
                code: (*code).into(),
                name: (*name).into(),
                email: Some(format!("inkoop@{}.example", code.to_lowercase().trim_start_matches("c-"))),
                phone: None,
                address: Some((*address).into()),
                country: (*country).into(),
            },
        )
        .await?;
    }
    Ok(())
}

/// Minimums (and maximums a reorder fills up to) for the stocked SKUs: the bottles' only lot is
/// on hold, so they show as an alert with a reorder suggested.
async fn demo_safety_stock(ctx: &Ctx) -> Result<(), ApiError> {
    for (sku, min_qty, max_qty) in
        [("BTL-TRITAN", 200, Some(600)), ("CHG-WL-15W", 150, Some(400)), ("GLU-PU-310", 100, None)]
    {
        let input = SafetyStockInput { sku: sku.into(), min_qty: Some(min_qty), max_qty };
        review::set_safety_stock(ctx, input).await?;
    }
    Ok(())
}

/// An order line the demo saved.
struct DemoLine {
    order_no: String,
    line_no: i64,
    sku: &'static str,
    /// How long ago the order was placed.
    days_ago: i64,
}

/// A failure the demo logged, as far as a reshipment or a SCAR for it needs.
struct DemoFailure {
    failure_no: String,
    product: &'static DemoProduct,
    occurred_at: chrono::DateTime<chrono::Utc>,
}

async fn log_demo_failures(ctx: &Ctx) -> Result<Vec<DemoFailure>, ApiError> {
    let mut logged = Vec::new();
    let categories = ["DIM", "COS", "FUN", "PKG", "LBL", "MAT", "FUN", "COS"];
    let descriptions = [
        "Connector loose after 20 insertion cycles",
        "外壳有划痕，表面处理不均匀",
        "Scharnier sluit niet volledig, speling 1,5 mm",
        "Carton crushed on one corner, contents dented",
        "Barcode label missing on inner pack",
        "颜色与样品不符",
        "Does not power on, no LED",
        "Kras op de behuizing bij levering",
    ];
    let stages = [Stage::Incoming, Stage::Incoming, Stage::InProcess, Stage::PreShipment, Stage::CustomerReturn];
    let severities = [Severity::Major, Severity::Minor, Severity::Critical, Severity::Major, Severity::Minor];
    let now = ctx.now();
    for n in 0..36_usize {
        let product = &PRODUCTS[(n * 5 + n / 3) % PRODUCTS.len()];
        let (sku, _, _, _, vendor, lot_tracked, serial_tracked, _) = *product;
        let qty_inspected = 50 + (n as i64 % 6) * 25;
        let qty_failed = 1 + (n as i64 * 7) % 9;
        let severity = severities[n % severities.len()];
        let found = |class: Severity, otherwise: u32| if class == severity { qty_failed as u32 } else { otherwise };
        let serials = if serial_tracked {
            (0..qty_failed.min(2)).map(|s| format!("SN{:06}", 400_000 + n * 10 + s as usize)).collect()
        } else {
            Vec::new()
        };
        let occurred_at = now - Duration::hours(36 * (36 - n as i64));
        let detail = failures::log_failure(
            ctx,
            LogFailureInput {
                occurred_at: Some(occurred_at.to_rfc3339_opts(SecondsFormat::Secs, true)),
                sku: sku.into(),
                vendor_code: vendor.into(),
                lot_code: lot_tracked.then(|| format!("L{}-{:04}", vendor, 2100 + n / 2)),
                serials,
                accepted_serials: None,
                stage: stages[n % stages.len()],
                qty_inspected,
                qty_failed,
                category_code: categories[n % categories.len()].into(),
                description: descriptions[n % descriptions.len()].into(),
                severity,
                inspection: (n % 3 == 0).then_some(InspectionInput {
                    // Lot 500 at level II is code letter H: 50 units, no more than were inspected.
                    lot_size: 500,
                    level: lotline_domain::aql::InspectionLevel::II,
                    aql_critical: None,
                    aql_major: Some(2.5),
                    aql_minor: Some(4.0),
                    // The inspection found what the failure says, in the failure's severity.
                    defects_critical: found(Severity::Critical, 0),
                    defects_major: found(Severity::Major, 0),
                    defects_minor: found(Severity::Minor, 1),
                    inspection: lotline_domain::aql::InspectionSeverity::Normal,
                }),
                attachment_ids: Vec::new(),
                disposition: None,
                owner_team: if n % 4 == 0 { Team::VendorManagement } else { Team::WarehouseQc },
                reinspection_of: None,
                rma_no: None,
                hold_lot: None,
                work_order_no: None,
            },
        )
        .await?;
        let no = detail.row.failure_no;
        logged.push(DemoFailure { failure_no: no.clone(), product, occurred_at });
        // Older failures have moved on: a spread of dispositions, most of them done.
        let disposition = match n % 6 {
            0 => Some(Disposition::ReturnToVendor),
            1 => Some(Disposition::Rework),
            2 => Some(Disposition::Scrap),
            3 => Some(Disposition::Reinspect),
            4 => Some(Disposition::AcceptWithDeviation),
            _ => None,
        };
        let Some(disposition) = disposition else { continue };
        if n >= 30 {
            continue;
        }
        failures::set_disposition(
            ctx,
            SetDispositionInput { failure_no: no.clone(), disposition, note: String::new() },
        )
        .await?;
        if n < 20 && matches!(disposition, Disposition::ReturnToVendor | Disposition::Rework | Disposition::Scrap) {
            failures::complete_disposition(
                ctx,
                CompleteDispositionInput {
                    failure_no: no,
                    outcome: match disposition {
                        Disposition::ReturnToVendor => "RTV shipped, credit note requested".into(),
                        Disposition::Rework => "Reworked and passed re-test".into(),
                        _ => "Scrapped, photo evidence kept".into(),
                    },
                    qty: Some(qty_failed),
                    note: String::new(),
                    // A bench technician's quarter hour per unit at 38.00 an hour.
                    cost_minor: (disposition == Disposition::Rework).then_some(qty_failed * 950),
                },
            )
            .await?;
        }
    }
    Ok(logged)
}

/// What happens to one demo reshipment after logistics requests it.
#[derive(Clone, Copy)]
enum Story {
    Delivered,
    Shipped,
    AwaitingShipment,
    AwaitingFinance,
    RejectedByFinance,
    ApprovedAndShipped,
    VendorPays,
}

/// Reshipments in every state, for failures whose product is on a demo order. Logistics requests
/// them; the totals decide whether finance must approve.
async fn demo_reshipments(
    ctx: &Ctx,
    actors: &HashMap<&str, Actor>,
    failed: &[DemoFailure],
    lines: &[DemoLine],
) -> Result<(), ApiError> {
    let as_user = |username: &str| actors.get(username).map(|actor| ctx.acting_as(actor.clone()));
    let (Some(logistics), Some(finance), Some(vendor_manager)) =
        (as_user("jan.devries"), as_user("sanne.bakker"), as_user("priya.shah"))
    else {
        return Ok(());
    };
    let stories = [
        Story::Delivered,
        Story::Shipped,
        Story::AwaitingShipment,
        Story::AwaitingFinance,
        Story::RejectedByFinance,
        Story::ApprovedAndShipped,
        Story::VendorPays,
    ];
    let mut used_lines = Vec::new();
    // The newest failures, one per product; serial-tracked products are left to the user.
    let candidates = failed.iter().rev().filter(|f| !f.product.6);
    let mut told = 0;
    for failure in candidates {
        let Some(story) = stories.get(told).copied() else { break };
        let (sku, _, _, unit_cost, vendor, lot_tracked, ..) = *failure.product;
        let Some(line) = lines.iter().find(|l| l.sku == sku && !used_lines.contains(&(&l.order_no, l.line_no))) else {
            continue;
        };
        used_lines.push((&line.order_no, line.line_no));
        told += 1;
        let big = matches!(story, Story::AwaitingFinance | Story::RejectedByFinance | Story::ApprovedAndShipped);
        let request = RequestReshipmentInput {
            failure_nos: vec![failure.failure_no.clone()],
            order_no: line.order_no.clone(),
            items: vec![ItemInput {
                line_no: line.line_no,
                qty: 1,
                lot_code: lot_tracked.then(|| format!("L{vendor}-{:04}", 2400 + told)),
                serials: Vec::new(),
            }],
            ship_to: None,
            ship_to_reason: None,
            carrier: if told % 2 == 0 { Carrier::Postnl } else { Carrier::Dpd },
            service: if big { "Express 12:00".into() } else { "Standard".into() },
            cost: CostInput {
                shipping_minor: if big { 4_850 } else { 695 },
                shipping_currency: "EUR".into(),
                goods_minor: unit_cost * if big { 4 } else { 1 },
                goods_currency: "EUR".into(),
            },
            payer: if matches!(story, Story::VendorPays) { Payer::Vendor } else { Payer::Us },
            vendor_code: matches!(story, Story::VendorPays).then(|| vendor.to_owned()),
            reason: if big {
                "Key account, replacement by express before the weekend".into()
            } else {
                "Replacement for the part that failed inspection".into()
            },
            due_on: None,
            rma_no: None,
        };
        let detail = reshipments::request_reshipment(&logistics, request).await?;
        let no = detail.row.reshipment_no.clone();
        let ship = |carrier: Carrier| ShipInput {
            reshipment_no: no.clone(),
            carrier,
            service: None,
            tracking_no: demo_tracking(carrier, told),
            shipped_on: None,
        };
        let carrier = detail.request.carrier;
        match story {
            Story::Delivered => {
                reshipments::ship_reshipment(&logistics, ship(carrier)).await?;
                reshipments::deliver_reshipment(&logistics, DeliverInput { reshipment_no: no, delivered_on: None })
                    .await?;
            }
            Story::Shipped => {
                reshipments::ship_reshipment(&logistics, ship(carrier)).await?;
            }
            Story::AwaitingShipment | Story::AwaitingFinance => {}
            Story::RejectedByFinance => {
                let reason = "The customer already received a credit note for this line".into();
                reshipments::reject_reshipment(&finance, ReasonInput { reshipment_no: no, reason }).await?;
            }
            Story::ApprovedAndShipped => {
                let note = "Approved: key account".into();
                let approve = ApproveReshipmentInput { reshipment_no: no.clone(), note };
                reshipments::approve_reshipment(&finance, approve).await?;
                reshipments::ship_reshipment(&logistics, ship(carrier)).await?;
            }
            Story::VendorPays => {
                let claim = ChargebackInput {
                    reshipment_no: no,
                    status: ChargebackStatus::Accepted,
                    recovered_minor: 0,
                    note: "Supplier accepted the claim in its 8D reply".into(),
                };
                reshipments::update_chargeback(&vendor_manager, claim).await?;
            }
        }
    }
    Ok(())
}

/// A tracking number in the carrier's format, different for each demo reshipment.
fn demo_tracking(carrier: Carrier, n: usize) -> String {
    match carrier {
        // PostNL's own parcel codes: "3S", a customer code, a serial.
        Carrier::Postnl => format!("3SLTLN{:07}", 2_026_000 + n),
        _ => format!("{:014}", 5_512_000_000_000_u64 + n as u64),
    }
}
