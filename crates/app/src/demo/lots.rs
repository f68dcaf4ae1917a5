//! Demo lots: supplier lots received, repacked and reworked here, shipped to customers; one held
//! for a leak test, one glue lot close to its expiry and one past it, quarantined. Enough for a trace with a
//! graph, a recall scope with customers, and the expiry warnings.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use lotline_domain::ApiError;
use lotline_domain::lots::{LinkKind, LotLink, LotReceipt, LotShipment};
use lotline_domain::people::Actor;

use crate::acts::lots::{self, HoldLotInput, LinkLotsInput, RecordSerialsInput};
use crate::context::Ctx;

/// (lot, SKU, vendor, supplier lot, qty, unit, made days ago, expires in days)
type DemoLot = (&'static str, &'static str, &'static str, Option<&'static str>, i64, &'static str, i64, Option<i64>);

const RECEIVED: &[DemoLot] = &[
    ("SZ-2611-A", "CHG-WL-15W", "SZHQ", Some("HQ-26-1101"), 400, "pcs", 40, None),
    ("SZ-2611-B", "CHG-WL-15W", "SZHQ", Some("HQ-26-1102"), 300, "pcs", 38, None),
    ("NB-2610-07", "BTL-TRITAN", "NBTX", Some("NB-TR-0977"), 600, "pcs", 55, None),
    ("HZ-GLU-2609", "GLU-PU-310", "HOLZ", Some("CH-2609-4411"), 240, "pcs", 70, Some(300)),
    ("HZ-GLU-2604", "GLU-PU-310", "HOLZ", Some("CH-2604-3820"), 120, "pcs", 200, Some(20)),
    ("HZ-GLU-2510", "GLU-PU-310", "HOLZ", Some("CH-2510-1105"), 60, "pcs", 400, Some(-6)),
    // Made here from the supplier lots below.
    ("AMS-CHG-0001", "CHG-WL-15W", "SZHQ", None, 250, "pcs", 30, None),
    ("AMS-CHG-0002", "CHG-WL-15W", "SZHQ", None, 150, "pcs", 30, None),
    ("AMS-CHG-0003", "CHG-WL-15W", "SZHQ", None, 90, "pcs", 20, None),
];

const LINKS: &[(&str, &str, i64, LinkKind)] = &[
    ("SZ-2611-A", "AMS-CHG-0001", 250, LinkKind::Repack),
    ("SZ-2611-A", "AMS-CHG-0002", 150, LinkKind::Repack),
    ("SZ-2611-B", "AMS-CHG-0003", 90, LinkKind::Rework),
];

/// (lot, demo order number n, qty, days ago): order SO-2026-(1001 + n) of its demo customer.
const SHIPPED: &[(&str, usize, i64, i64)] = &[
    ("AMS-CHG-0001", 2, 60, 25),
    ("AMS-CHG-0001", 9, 40, 18),
    ("AMS-CHG-0002", 16, 30, 12),
    ("AMS-CHG-0003", 23, 24, 6),
    ("HZ-GLU-2609", 30, 12, 3),
];

pub(super) async fn demo_lots(ctx: &Ctx, actors: &HashMap<&str, Actor>) -> Result<(), ApiError> {
    let as_user = |username: &str| actors.get(username).map(|actor| ctx.acting_as(actor.clone()));
    let (Some(logistics), Some(lead)) = (as_user("jan.devries"), as_user("li.wei")) else { return Ok(()) };
    let today = ctx.today().await?;
    let day = |days: i64| -> NaiveDate { today + Duration::days(days) };
    for (code, sku, vendor, supplier_lot, qty, unit, made, expires) in RECEIVED {
        let receipt = LotReceipt {
            lot_code: (*code).into(),
            sku: (*sku).into(),
            vendor_code: (*vendor).into(),
            supplier_lot: supplier_lot.map(str::to_owned),
            qty: *qty,
            unit: (*unit).into(),
            mfg_date: Some(day(-made)),
            expiry_date: expires.map(day),
            location: if code.starts_with("AMS") { "MAIN".into() } else { "INBOUND".into() },
            // The stocked lots came in before their due day; the ones still inbound a day late.
            promised_on: Some(if code.starts_with("AMS") { day(1) } else { day(-1) }),
        };
        lots::receive_lot(&logistics, receipt).await?;
    }
    for (from, to, qty, kind) in LINKS {
        let link = LotLink { from_lot: (*from).into(), to_lot: (*to).into(), qty: *qty, kind: *kind };
        lots::link_lots(&logistics, LinkLotsInput { links: vec![link] }).await?;
    }
    // The reworked chargers were serialised here: the first units of the lot.
    let serials = (1..=24).map(|i| format!("WL15-2611-{i:04}")).collect();
    lots::record_serials(&logistics, RecordSerialsInput { lot_code: "AMS-CHG-0003".into(), serials }).await?;
    for (lot, n, qty, days_ago) in SHIPPED {
        let shipped_at = ctx.now() - Duration::days(*days_ago);
        let shipment = LotShipment {
            lot_code: (*lot).into(),
            order_no: format!("SO-2026-{:05}", 1001 + n),
            customer_code: super::CUSTOMERS[n % super::CUSTOMERS.len()].0.into(),
            qty: *qty,
            shipped_at: shipped_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            serials: Vec::new(),
        };
        lots::ship_lot(&logistics, shipment).await?;
    }
    let hold = HoldLotInput {
        lot_code: "NB-2610-07".into(),
        reason: "Leak test pending after a customer complaint".into(),
        quarantine: false,
    };
    lots::hold_lot(&lead, hold).await?;
    let quarantine = HoldLotInput {
        lot_code: "HZ-GLU-2510".into(),
        reason: "Expired: set apart for disposal".into(),
        quarantine: true,
    };
    lots::hold_lot(&lead, quarantine).await?;
    Ok(())
}
