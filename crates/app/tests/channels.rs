//! Sales channels on orders and RMAs, and the returns figures broken down per channel, product
//! category and reason code, through the catalogue on a real temporary SQLite database. Every
//! expected number is worked out by hand from the steps in `channel_world`.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use chrono::Duration;
use common::World;
use common::returns::{as_user, open, setting};
use serde_json::{Value, json};

fn order(no: &str, channel: Value, lines: Value) -> Value {
    json!({"order_no": no, "customer_code": "C-1", "ordered_at": "2026-11-02T08:00:00Z", "currency": "EUR",
           "lines": lines, "channel": channel})
}

fn line(no: i64, sku: &str, qty: i64) -> Value {
    json!({"line_no": no, "sku": sku, "qty": qty, "unit_price_minor": 500})
}

fn period(breakdown: &str) -> Value {
    json!({"from": "2026-11-02", "to": "2026-11-08", "breakdown": breakdown})
}

/// Monday 2 Nov 2026 (the current period is 2-8 Nov), a site on UTC. Products: BOX-5L
/// (category Opslag), CHG-15W (Opladers), LAMP-1 (Verlichting). Orders placed Monday 08:00:
/// - SO-M1 marketplace: BOX-5L ×2;          SO-M2 marketplace: CHG-15W ×1;
/// - SO-W1 web shop: BOX-5L ×1, LAMP-1 ×1;  SO-R1 retail: LAMP-1 ×3;
/// - SO-U1 no channel: BOX-5L ×1;           SO-1 and SO-2 (from `setting`, 1 Oct): no channel;
/// - SO-X retail, 1 Oct: six lines, outside the period.
///
/// RMAs opened Monday 09:30 (delivered 2 Nov, SO-1's 20 Oct):
/// - RMA 1 SO-M1 BOX ×1, no_longer_needed: marketplace, approved by the rules;
/// - RMA 2 SO-W1 BOX ×1 + LAMP ×1, defective: web shop, escalated, approved at 11:30 (120 min);
/// - RMA 3 SO-U1 BOX ×1, no_longer_needed, the analyst picks B2B: b2b, approved by the rules;
/// - RMA 4 SO-1 BOX ×1, no_longer_needed, no pick: unspecified, approved by the rules.
///
/// RMA 1 is received at 11:30 and inspected at 12:30 (60 min), its box restocked.
async fn channel_world() -> World {
    let w = setting().await;
    w.ok("save_product", json!({"sku": "LAMP-1", "gtin": null, "name": "Lamp", "category": "Verlichting", "unit_cost_minor": 900, "currency": "EUR",
             "returnable": true, "lot_tracked": false, "serial_tracked": false, "has_expiry": false, "vendor_code": "SZHQ"})).await;
    w.ok("save_order", order("SO-M1", json!("marketplace"), json!([line(1, "BOX-5L", 2)]))).await;
    w.ok("save_order", order("SO-M2", json!("marketplace"), json!([line(1, "CHG-15W", 1)]))).await;
    w.ok("save_order", order("SO-W1", json!("web_shop"), json!([line(1, "BOX-5L", 1), line(2, "LAMP-1", 1)]))).await;
    w.ok("save_order", order("SO-R1", json!("retail"), json!([line(1, "LAMP-1", 3)]))).await;
    w.ok("save_order", order("SO-U1", Value::Null, json!([line(1, "BOX-5L", 1)]))).await;
    // An October retail order of six lines keeps C-1's share of returned lines under the
    // policy's 30% (4 of 14 at most), so the rules alone approve RMAs 1, 3 and 4.
    let mut october = order("SO-X", json!("retail"), json!((1..=6).map(|n| line(n, "BOX-5L", 1)).collect::<Vec<_>>()));
    october["ordered_at"] = json!("2026-10-01T10:00:00Z");
    w.ok("save_order", october).await;

    as_user(&w, "ria").await;
    let one = |order: &str| json!([{"order_no": order, "line_no": 1, "qty": 1}]);
    // A pick that contradicts the order's own channel is refused, naming the order's.
    let mut contradicting = open(one("SO-M1"), "no_longer_needed", "2026-11-02");
    contradicting["channel"] = json!("retail");
    let err = w.err("open_rma", contradicting).await;
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].message_key.as_str()),
        ("channel", "error.rma.channel_of_order")
    );
    assert_eq!(err.fields[0].params["channel"], "marketplace");

    let both = json!([{"order_no": "SO-W1", "line_no": 1, "qty": 1}, {"order_no": "SO-W1", "line_no": 2, "qty": 1}]);
    let mut picked = open(one("SO-U1"), "no_longer_needed", "2026-11-02");
    picked["channel"] = json!("b2b");
    let opened = [
        w.ok("open_rma", open(one("SO-M1"), "no_longer_needed", "2026-11-02")).await,
        w.ok("open_rma", open(both, "defective", "2026-11-02")).await,
        w.ok("open_rma", picked).await,
        w.ok("open_rma", open(one("SO-1"), "no_longer_needed", "2026-10-20")).await,
    ];
    let seen: Vec<(&str, &Value)> = opened.iter().map(|r| (r["status"].as_str().unwrap(), &r["channel"])).collect();
    assert_eq!(
        seen,
        [
            ("approved", &json!("marketplace")),
            ("escalated", &json!("web_shop")),
            ("approved", &json!("b2b")),
            ("approved", &Value::Null)
        ],
        "{opened:?}"
    );
    w.pass_time(Duration::hours(2)).await; // 11:30
    w.ok("approve_rma", json!({"rma_no": "RMA-AMS1-000002", "comment": "Photo by mail"})).await;
    w.ok("rma_in_transit", json!({"rma_no": "RMA-AMS1-000001", "carrier": "dpd", "tracking_no": "01234567890123"}))
        .await;
    let intake = json!({"packaging_intact": true, "accessories_complete": true, "serials_match": true, "grade": "A", "photo_ids": [], "note": ""});
    w.ok("receive_rma", json!({"rma_no": "RMA-AMS1-000001", "qty_received": [1], "intake": intake})).await;
    w.pass_time(Duration::hours(1)).await; // 12:30
    let restock =
        json!([{"line_index": 0, "disposition": "restock", "qty": 1, "recovered_minor": 0, "location": "main"}]);
    w.ok("inspect_rma", json!({"rma_no": "RMA-AMS1-000001", "dispositions": restock})).await;
    w
}

fn group(b: &Value, key: Value) -> &Value {
    b["groups"].as_array().unwrap().iter().find(|g| g["key"] == key).unwrap_or_else(|| panic!("no group {key} in {b}"))
}

/// (value, sample) of a KPI's first figure in a group.
fn kpi(g: &Value, id: &str) -> (Value, i64) {
    let rows = g["table"]["rows"].as_array().unwrap();
    let row = rows.iter().find(|r| r["id"] == id).unwrap_or_else(|| panic!("no {id} in {g}"));
    (row["figures"][0]["value"].clone(), row["figures"][0]["sample"].as_i64().unwrap())
}

fn keys(b: &Value) -> Vec<Value> {
    b["groups"].as_array().unwrap().iter().map(|g| g["key"].clone()).collect()
}

#[tokio::test]
async fn returns_figures_broken_down_by_channel_use_the_orders_of_each_channel() {
    let w = channel_world().await;
    let b = w.ok("returns_breakdown", period("channel")).await;
    // Named channels in order, "unspecified" last; retail has orders but no RMA.
    assert_eq!(keys(&b), [json!("b2b"), json!("marketplace"), json!("retail"), json!("web_shop"), Value::Null]);
    // Return rate = orders of the channel with a return ÷ orders of the channel placed in the period:
    // marketplace 1 (SO-M1) of 2 = 50%; web shop 1 of 1 = 100%; retail 0 of 1 = 0%;
    // unspecified: SO-U1 (its RMA is B2B by the analyst's pick; the order has none) 1 of 1;
    // b2b has no orders: no figure. SO-1 was placed in October: not in this period.
    assert_eq!(kpi(group(&b, json!("marketplace")), "return_rate"), (json!(5_000), 2));
    assert_eq!(kpi(group(&b, json!("web_shop")), "return_rate"), (json!(10_000), 1));
    assert_eq!(kpi(group(&b, json!("retail")), "return_rate"), (json!(0), 1));
    assert_eq!(kpi(group(&b, Value::Null), "return_rate"), (json!(10_000), 1));
    assert_eq!(kpi(group(&b, json!("b2b")), "return_rate"), (Value::Null, 0));
    // Decided by the rules at opening: RMAs 1 (marketplace), 3 (b2b), 4 (unspecified): 1 of 1
    // each, in 0 minutes; RMA 2 (web shop) by an analyst 120 minutes after opening: 0 of 1.
    assert_eq!(kpi(group(&b, json!("marketplace")), "automation_rate"), (json!(10_000), 1));
    assert_eq!(kpi(group(&b, json!("web_shop")), "automation_rate"), (json!(0), 1));
    assert_eq!(kpi(group(&b, json!("web_shop")), "time_to_authorization"), (json!(120), 1));
    assert_eq!(kpi(group(&b, json!("b2b")), "time_to_authorization"), (json!(0), 1));
    // RMA 1: received 11:30, inspected 12:30 = 60 minutes; its one box restocked: 100% of 1 pc.
    assert_eq!(kpi(group(&b, json!("marketplace")), "receipt_to_decision"), (json!(60), 1));
    assert_eq!(kpi(group(&b, json!("marketplace")), "restock_rate"), (json!(10_000), 1));
    // The groups leave out what cannot be told apart per channel; the total keeps it.
    let ids: Vec<&str> = group(&b, json!("marketplace"))["table"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(!ids.contains(&"inventory_impact") && !ids.contains(&"cost_per_return"), "{ids:?}");
    // Open RMAs, all opened 3 hours ago: one per channel in 0-2 days.
    for key in [json!("b2b"), json!("marketplace"), json!("web_shop"), Value::Null] {
        assert_eq!(group(&b, key.clone())["table"]["aging"]["days_0_2"], 1, "{key}");
    }
    assert_eq!(group(&b, json!("retail"))["table"]["aging"]["open"], 0);
    // Return reasons, total: no_longer_needed RMAs 1, 3, 4 (1 unit each); defective RMA 2 (2 units).
    assert_eq!(
        b["reasons"],
        json!([{"reason_code": "no_longer_needed", "rmas": 3, "units": 3}, {"reason_code": "defective", "rmas": 1, "units": 2}])
    );
    assert_eq!(group(&b, json!("web_shop"))["reasons"], json!([{"reason_code": "defective", "rmas": 1, "units": 2}]));
    // The total table is kpi_table's, unchanged: of the 5 orders placed in the period, SO-M1,
    // SO-W1 and SO-U1 were returned (SO-1, SO-2 and SO-X are October's) = 60%.
    let total = w.ok("kpi_table", json!({"from": "2026-11-02", "to": "2026-11-08"})).await;
    let rate = &total["rows"].as_array().unwrap().iter().find(|r| r["id"] == "return_rate").unwrap()["figures"][0];
    assert_eq!((rate["value"].clone(), rate["sample"].clone()), (json!(6_000), json!(5)));
}

#[tokio::test]
async fn returns_figures_broken_down_by_category_and_by_reason() {
    let w = channel_world().await;
    let b = w.ok("returns_breakdown", period("category")).await;
    assert_eq!(keys(&b), [json!("Opladers"), json!("Opslag"), json!("Verlichting")]);
    // Orders with goods of the category, and those an RMA took goods of that category back from:
    // Opslag (BOX-5L): SO-M1, SO-W1, SO-U1, all three returned = 100%;
    // Verlichting (LAMP-1): SO-W1 (returned), SO-R1 = 50%; Opladers (CHG-15W): SO-M2, 0%.
    assert_eq!(kpi(group(&b, json!("Opslag")), "return_rate"), (json!(10_000), 3));
    assert_eq!(kpi(group(&b, json!("Verlichting")), "return_rate"), (json!(5_000), 2));
    assert_eq!(kpi(group(&b, json!("Opladers")), "return_rate"), (json!(0), 1));
    // RMA 2 has goods of both: it counts once in each. Opslag: RMAs 1-4 open; Verlichting: RMA 2.
    assert_eq!(group(&b, json!("Opslag"))["table"]["aging"]["days_0_2"], 4);
    assert_eq!(group(&b, json!("Verlichting"))["table"]["aging"]["days_0_2"], 1);
    // Reasons per category count the units of that category: RMA 2 brought one box and one lamp.
    assert_eq!(
        group(&b, json!("Opslag"))["reasons"],
        json!([{"reason_code": "no_longer_needed", "rmas": 3, "units": 3}, {"reason_code": "defective", "rmas": 1, "units": 1}])
    );
    assert_eq!(
        group(&b, json!("Verlichting"))["reasons"],
        json!([{"reason_code": "defective", "rmas": 1, "units": 1}])
    );

    let b = w.ok("returns_breakdown", period("reason")).await;
    assert_eq!(keys(&b), [json!("defective"), json!("no_longer_needed")]);
    // Every order of the period is each reason's whole (5); returned for the reason:
    // no_longer_needed SO-M1 and SO-U1 (SO-1 is from October) = 2 of 5 = 40%; defective SO-W1 = 20%.
    assert_eq!(kpi(group(&b, json!("no_longer_needed")), "return_rate"), (json!(4_000), 5));
    assert_eq!(kpi(group(&b, json!("defective")), "return_rate"), (json!(2_000), 5));
    assert_eq!(kpi(group(&b, json!("no_longer_needed")), "automation_rate"), (json!(10_000), 3));

    // Without a breakdown: only the return reasons.
    let plain = w.ok("returns_breakdown", json!({"from": "2026-11-02", "to": "2026-11-08"})).await;
    assert_eq!(plain["groups"], json!([]));
    assert_eq!(plain["reasons"][0]["rmas"], 3);
}

#[tokio::test]
async fn orders_and_rmas_are_listed_by_channel_and_old_ones_are_unspecified() {
    let w = channel_world().await;
    let numbers = |page: Value| -> Vec<String> {
        page["rows"].as_array().unwrap().iter().map(|r| r["order_no"].as_str().unwrap().to_owned()).collect()
    };
    let marketplace = w.ok("list_orders", json!({"channel": "marketplace"})).await;
    assert_eq!(
        (numbers(marketplace.clone()), marketplace["total"].clone()),
        (vec!["SO-M1".to_owned(), "SO-M2".to_owned()], json!(2))
    );
    // Orders from before channels were kept (SO-1, SO-2) and SO-U1 have none: never guessed.
    let mut unspecified = numbers(w.ok("list_orders", json!({"channel": "unspecified"})).await);
    unspecified.sort();
    assert_eq!(unspecified, ["SO-1", "SO-2", "SO-U1"]);
    assert_eq!(w.ok("get_order", json!({"order_no": "SO-1"})).await["channel"], Value::Null);
    assert_eq!(w.ok("get_order", json!({"order_no": "SO-W1"})).await["channel"], "web_shop");
    let rmas = w.ok("list_rmas", json!({"channel": "b2b"})).await;
    assert_eq!(rmas["total"], 1);
    assert_eq!(rmas["rows"][0]["rma_no"], "RMA-AMS1-000003");
    assert_eq!(w.ok("list_rmas", json!({"channel": "unspecified"})).await["rows"][0]["rma_no"], "RMA-AMS1-000004");
}

#[tokio::test]
async fn the_order_import_reads_an_optional_channel_refuses_a_bad_one_whole_and_the_export_writes_it() {
    let w = setting().await;
    let before = w.ok("list_orders", json!({})).await["total"].clone();
    let bad = "order_no,customer_code,ordered_at,currency,line_no,sku,qty,unit_price_minor,channel\n\
SO-7,C-1,2026-11-01,EUR,1,BOX-5L,2,500,retail\n\
SO-8,C-1,2026-11-01,EUR,1,BOX-5L,1,500,phone\n";
    let err = w.err("import_csv", json!({"entity": "orders", "csv": bad})).await;
    assert_eq!(err.fields.len(), 1, "{err:?}");
    let f = &err.fields[0];
    assert_eq!((f.row, f.field.as_str(), f.message_key.as_str()), (Some(3), "channel", "error.field.not_a_channel"));
    assert_eq!(
        (f.params["value"].as_str(), f.params["allowed"].as_str()),
        ("phone", "marketplace, web_shop, retail, b2b")
    );
    // Nothing half-written: SO-7's good row is not imported either.
    assert_eq!(w.ok("list_orders", json!({})).await["total"], before);

    let good = "order_no,customer_code,ordered_at,currency,line_no,sku,qty,unit_price_minor,channel\n\
SO-7,C-1,2026-11-01,EUR,1,BOX-5L,2,500, Web-Shop \n\
SO-8,C-1,2026-11-01,EUR,1,BOX-5L,1,500,\n";
    w.ok("import_csv", json!({"entity": "orders", "csv": good})).await;
    assert_eq!(w.ok("get_order", json!({"order_no": "SO-7"})).await["channel"], "web_shop");
    assert_eq!(w.ok("get_order", json!({"order_no": "SO-8"})).await["channel"], Value::Null);
    // A file without the column still imports, its orders unspecified.
    let plain = "order_no,customer_code,ordered_at,currency,line_no,sku,qty,unit_price_minor\nSO-9,C-1,2026-11-01,EUR,1,BOX-5L,1,500\n";
    w.ok("import_csv", json!({"entity": "orders", "csv": plain})).await;
    assert_eq!(w.ok("get_order", json!({"order_no": "SO-9"})).await["channel"], Value::Null);

    let csv = w.ok("export_csv", json!({"entity": "orders"})).await["csv"].as_str().unwrap().to_owned();
    assert!(csv.lines().next().unwrap().ends_with(",unit_price_minor,channel"), "{csv}");
    assert!(csv.contains("SO-7,C-1,2026-11-01T00:00:00Z,EUR,1,BOX-5L,2,500,web_shop"), "{csv}");
    assert!(
        csv.contains("SO-8,C-1,2026-11-01T00:00:00Z,EUR,1,BOX-5L,1,500,\n")
            || csv.contains("SO-8,C-1,2026-11-01T00:00:00Z,EUR,1,BOX-5L,1,500,\r\n"),
        "{csv}"
    );

    // The RMA import takes the same column, refused the same way.
    let rmas =
        "ref,order_no,line_no,qty,reason_code,preferred_outcome,channel\nR1,SO-8,1,1,no_longer_needed,refund,fax\n";
    let err = w.err("import_csv", json!({"entity": "rmas", "csv": rmas})).await;
    let f = err.fields.iter().find(|f| f.field == "channel").unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!((f.row, f.message_key.as_str()), (Some(2), "error.field.not_a_channel"));
}
