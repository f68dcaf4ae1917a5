//! Reviews through the catalogue on a real temporary SQLite database: every figure below is
//! worked out by hand from the data set in `reviews/data.rs`.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;
#[path = "reviews/data.rs"]
mod data;

use common::returns::as_user;
use data::{as_admin, two_weeks};
use lotline_app::ErrorCode;
use serde_json::{Value, json};

fn current() -> Value {
    json!({"from": "2026-11-02", "to": "2026-11-08"})
}

fn kpi<'a>(table: &'a Value, id: &str) -> &'a Value {
    let rows = table["rows"].as_array().unwrap();
    &rows.iter().find(|r| r["id"] == id).unwrap_or_else(|| panic!("no {id} in {table}"))["figures"]
}

/// (value, previous, sample, state) of a KPI's only figure.
fn figure(table: &Value, id: &str) -> (Value, Value, Value, Value) {
    let f = &kpi(table, id)[0];
    (f["value"].clone(), f["previous"].clone(), f["sample"].clone(), f["state"].clone())
}

#[tokio::test]
async fn the_review_shows_reasons_vendors_costs_timeliness_and_checklists_against_the_previous_week() {
    let w = two_weeks().await;
    let r = w.ok("review_period", current()).await;
    assert_eq!(r["previous_period"], json!({"from": "2026-10-26", "to": "2026-11-01"}));

    // Pareto: COS 2 failures (5 units), FUN 1 (4 units); the week before, one COS failure.
    let p = &r["pareto"];
    assert_eq!((p["total_count"].as_i64(), p["total_quantity"].as_i64()), (Some(3), Some(9)));
    assert_eq!(p["previous_total_count"], 1);
    assert_eq!(p["count_change"], json!({"absolute": 2, "relative_bps": 20_000}));
    let bars: Vec<(&str, i64, i64, i64, i64)> = p["bars"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            let n = |k: &str| b[k].as_i64().unwrap();
            (b["category"].as_str().unwrap(), n("count"), n("share_bps"), n("cumulative_bps"), n("previous_count"))
        })
        .collect();
    assert_eq!(bars, vec![("COS", 2, 6_667, 6_667, 1), ("FUN", 1, 3_333, 10_000, 0)]);
    let filter = &p["bars"][0]["filter"];
    assert_eq!(filter["category_codes"], json!(["COS"]));
    // Clicking the bar lists exactly the failures behind it.
    let listed =
        w.ok("list_failures", json!({"category_code": "COS", "from": filter["from"], "to": filter["to"]})).await;
    assert_eq!(listed["total"], 2);

    // By vendor and SKU, with the previous week beside them.
    let v = &r["by_vendor"];
    assert_eq!((v[0]["code"].as_str(), v[0]["name"].as_str()), (Some("SZHQ"), Some("深圳华强电子有限公司")));
    assert_eq!(v[0]["current"], json!({"failures": 2, "qty_failed": 5, "qty_inspected": 130}));
    assert_eq!(v[0]["previous"], json!({"failures": 1, "qty_failed": 1, "qty_inspected": 10}));
    assert_eq!(v[1]["code"], "ACME");
    assert_eq!(v[1]["filter"]["vendor_code"], "ACME");
    assert_eq!(r["vendors_with_failures"], 2);
    let skus: Vec<&str> = r["by_sku"].as_array().unwrap().iter().map(|s| s["code"].as_str().unwrap()).collect();
    assert_eq!(skus, ["BOX-5L", "MUG-1"]);

    // Cost of quality per currency. EUR: scrap 2 × 3.80 (QF 1 scrapped Tuesday, 2 of its 3
    // failed units), reshipments 15.00 + 5.00 shipping and 20.00 + 10.00 goods, refunds 4.00
    // (RMA 3, defective; RMAs 1 and 2 were changes of mind, no quality cost), rework 12.00, less
    // 10.00 recovered: 7.60 + 12.00 + 20.00 + 30.00 + 4.00 - 10.00 = 63.60. USD: scrap 4 × 2.50.
    let costs = r["cost_of_quality"]["currencies"].as_array().unwrap();
    assert_eq!(costs.len(), 2);
    assert_eq!(
        costs[0]["current"],
        json!({"currency": "EUR", "scrap_minor": 760, "rework_minor": 1_200, "reshipment_shipping_minor": 2_000,
               "reshipment_goods_minor": 3_000, "refunds_minor": 400, "store_credit_minor": 0,
               "reinspection_minor": 0, "return_to_vendor_minor": 0,
               "chargebacks_recovered_minor": 1_000, "net_minor": 6_360})
    );
    assert_eq!((costs[0]["previous"].clone(), costs[0]["net_change"].clone()), (Value::Null, Value::Null));
    assert_eq!((costs[1]["currency"].as_str(), costs[1]["current"]["net_minor"].as_i64()), (Some("USD"), Some(1_000)));
    assert_eq!((r["rework_failures"].as_i64(), r["rework_failures_previous"].as_i64()), (Some(1), Some(0)));
    // The records behind the costs: reshipments shipped in the period, RMAs refunded in it, and
    // the reshipment whose chargeback was paid back in it.
    let listed = |v: &Value| v["rows"].as_array().unwrap().len();
    let shipped = w.ok("list_reshipments", json!({"shipped_from": "2026-11-02", "shipped_to": "2026-11-09"})).await;
    assert_eq!(listed(&shipped), 2);
    let refunded = w
        .ok("list_rmas", json!({"settled_from": "2026-11-02", "settled_to": "2026-11-09", "settlement_kind": "refund"}))
        .await;
    assert_eq!(listed(&refunded), 3);
    let none = w
        .ok(
            "list_rmas",
            json!({"settled_from": "2026-11-02", "settled_to": "2026-11-09", "settlement_kind": "exchange"}),
        )
        .await;
    assert_eq!(listed(&none), 0);
    let recovered =
        w.ok("list_reshipments", json!({"recovered_from": "2026-11-02", "recovered_to": "2026-11-09"})).await;
    assert_eq!(listed(&recovered), 1);
    assert_eq!(listed(&w.ok("list_reshipments", json!({"recovered_from": "2026-11-09"})).await), 0);
    // A cleared date field filters nothing.
    let all = listed(&w.ok("list_reshipments", json!({})).await);
    assert_eq!(listed(&w.ok("list_reshipments", json!({"recovered_from": " ", "shipped_to": ""})).await), all);

    // Both reshipments were due on Wed 4 Nov: one shipped Tue (24 h after authorization), one Thu
    // (74 h): median (1,440 + 4,440) / 2 minutes.
    let t = &r["timeliness"];
    assert_eq!(
        *t,
        json!({"on_time": 1, "late": 1, "open": 0, "no_due_date": 0, "on_time_bps": 5_000,
               "median_minutes_to_ship": 2_940, "shipped_with_authorization": 2})
    );
    assert_eq!(r["timeliness_previous"]["on_time_bps"], Value::Null);
    assert_eq!((r["checklist_added"].as_i64(), r["checklist_added_previous"].as_i64()), (Some(1), Some(0)));
    assert_eq!(r["checklist_items"][0]["source_failure_no"], "QF-AMS1-000001");
}

#[tokio::test]
async fn the_kpi_table_is_computed_by_hand_with_targets_and_aging() {
    let w = two_weeks().await;
    let t = w.ok("kpi_table", current()).await;
    let n = |v: i64| json!(v);
    // Of the 8 orders placed this week (SO-3 to SO-10), goods of SO-5 came back (RMA 5); the
    // RMA on SO-3 was rejected, and RMAs 1-3 return October's orders SO-1 and SO-2, counted in
    // their own period. 1 of 8 = 12.50%; the week before none of 4 (not "4 RMAs of 8 orders").
    assert_eq!(figure(&t, "return_rate"), (n(1_250), n(0), n(8), json!("red")));
    // RMAs 1-3 settled: 3 × 3.50 handling, and 4.95 postage for RMA 3's label (printed twice,
    // bought once): 15.45 / 3 = 5.15.
    let cost = &kpi(&t, "cost_per_return")[0];
    assert_eq!(
        (cost["currency"].as_str(), cost["value"].as_i64(), cost["sample"].as_i64()),
        (Some("EUR"), Some(515), Some(3))
    );
    assert_eq!((cost["target"].as_i64(), cost["state"].as_str()), (Some(750), Some("green")));
    // Received to inspected: 24 h, 24 h and 30 h.
    assert_eq!(figure(&t, "receipt_to_decision"), (n(1_560), Value::Null, n(3), json!("green")));
    // Refunds need no payout approval at these amounts, so each is approved by the inspection
    // that made it due: RMA 1 Tue 10:30 to Wed 10:30 (1,440 min), RMA 2 Tue 11:30 to Wed 11:30
    // (1,440), RMA 3 Wed 15:30 to Thu 09:30 (1,080): 3,960 / 3 = 1,320 min.
    assert_eq!(figure(&t, "refund_processing"), (n(1_320), Value::Null, n(3), json!("green")));
    // Units given a disposition, all boxes (pieces): restock 1; restock 1 + write-off 1;
    // write-off 1. 2 of 4 restocked, and 2 of 4 cannot be resold.
    assert_eq!(figure(&t, "restock_rate"), (n(5_000), Value::Null, n(4), json!("red")));
    assert_eq!(kpi(&t, "restock_rate")[0]["unit_of_measure"], "pcs");
    assert_eq!(figure(&t, "damaged_rate"), (n(5_000), Value::Null, n(4), json!("red")));
    // 2 units written off of the 100 in stock on Monday morning (the lot received the week before).
    assert_eq!(figure(&t, "inventory_impact"), (n(200), Value::Null, n(100), json!("red")));
    // RMA 3 was refunded 4.00 where the policy pays 5.00; the other two match.
    assert_eq!(figure(&t, "refund_accuracy"), (n(6_667), Value::Null, n(3), json!("red")));
    // Decided this week: 2 and 5 by the rules, 3 approved and 4 rejected by an analyst.
    assert_eq!(figure(&t, "automation_rate"), (n(5_000), n(10_000), n(4), json!("neutral")));
    assert_eq!(figure(&t, "denial_rate"), (n(2_500), n(0), n(4), json!("neutral")));
    assert_eq!(figure(&t, "label_success_rate"), (n(10_000), Value::Null, n(3), json!("neutral")));
    // Opened Monday 09:30: RMAs 2 and 5 approved by the rules at once (0), RMA 3 approved at
    // 10:30 (60 min), RMA 4 rejected Tuesday 09:30 (1,440): 1,500 / 4 = 375 min. The week
    // before, RMA 1 by the rules at once.
    assert_eq!(figure(&t, "time_to_authorization"), (n(375), n(0), n(4), json!("neutral")));
    // Paid out this week: RMAs 1-3, all refunds, no store credit.
    assert_eq!(figure(&t, "refund_share"), (n(10_000), Value::Null, n(3), json!("neutral")));
    // Discarded: the 2 boxes written off of the 4 given a disposition.
    assert_eq!(figure(&t, "discard_rate"), (n(5_000), Value::Null, n(4), json!("neutral")));
    let rr = &kpi(&t, "return_rate")[0];
    assert_eq!((rr["target"].as_i64(), rr["trend"].as_str()), (Some(600), Some("up")));
    // Only RMA 5 is open, opened 4 days before Friday.
    assert_eq!(
        t["aging"],
        json!({"days_0_2": 0, "days_3_7": 1, "days_8_14": 0, "days_15_30": 0, "over_30_days": 0, "open": 1})
    );

    // An admin moves a target; the state follows.
    let mut targets = w.ok("get_kpi_targets", json!({})).await;
    targets["restock_rate_min_bps"] = json!(5_000);
    w.ok("set_kpi_targets", targets).await;
    let t = w.ok("kpi_table", current()).await;
    assert_eq!(figure(&t, "restock_rate").3, "green");
}

#[tokio::test]
async fn an_empty_period_is_no_data_not_zero() {
    let w = two_weeks().await;
    let r = w.ok("review_period", json!({"from": "2025-01-01", "to": "2025-01-31"})).await;
    assert_eq!((r["pareto"]["total_count"].as_i64(), r["pareto"]["bars"].as_array().map(Vec::len)), (Some(0), Some(0)));
    assert_eq!(r["cost_of_quality"]["currencies"], json!([]));
    assert_eq!(
        (r["timeliness"]["on_time_bps"].clone(), r["timeliness"]["median_minutes_to_ship"].clone()),
        (Value::Null, Value::Null)
    );
    let t = w.ok("kpi_table", json!({"from": "2025-01-01", "to": "2025-01-31"})).await;
    for id in
        ["return_rate", "receipt_to_decision", "restock_rate", "damaged_rate", "refund_accuracy", "label_success_rate"]
    {
        assert_eq!(figure(&t, id).0, Value::Null, "{id}");
    }
    assert_eq!(kpi(&t, "cost_per_return"), &json!([]));
    let s = w.ok("vendor_scorecards", json!({"from": "2025-01-01", "to": "2025-01-31"})).await;
    assert_eq!(s["vendors"], json!([]));
}

#[tokio::test]
async fn bad_periods_and_settings_name_the_field_and_settings_are_for_admins() {
    let w = two_weeks().await;
    let err = w.err("review_period", json!({"from": "2026-11-08", "to": "2026-11-02"})).await;
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].message_key.as_str()),
        ("to", "error.review.period_reversed")
    );
    let err = w.err("kpi_table", json!({"from": "2026-13-01", "to": "2026-11-02"})).await;
    assert_eq!((err.fields[0].field.as_str(), err.fields[0].message_key.as_str()), ("from", "error.field.bad_date"));
    let err = w.err("review_period", json!({"from": "2000-01-01", "to": "2026-11-02"})).await;
    assert_eq!(err.fields[0].message_key, "error.review.period_too_long");

    let mut targets = w.ok("get_kpi_targets", json!({})).await;
    assert_eq!(targets["return_rate_max_bps"], 600);
    targets["restock_rate_min_bps"] = json!(12_000);
    let err = w.err("set_kpi_targets", targets).await;
    assert_eq!((err.code, err.fields[0].field.as_str()), (ErrorCode::Invalid, "restock_rate_min_bps"));
    let mut settings = w.ok("get_scorecard_settings", json!({})).await;
    settings["weights"]["on_time"] = json!(25);
    let err = w.err("set_scorecard_settings", settings.clone()).await;
    assert_eq!((err.fields[0].field.as_str(), err.fields[0].params["total"].as_str()), ("weights", "110"));
    settings["weights"]["on_time"] = json!(15);
    settings["flag_below"] = json!(101);
    assert_eq!(w.err("set_scorecard_settings", settings).await.fields[0].field, "flag_below");

    as_user(&w, "ria").await;
    let err = w.err("set_kpi_targets", w.ok("get_kpi_targets", json!({})).await).await;
    assert_eq!((err.code, err.message_key.as_str()), (ErrorCode::Forbidden, "error.forbidden.configure_reviews"));
    let err = w.err("set_safety_stock", json!({"sku": "BOX-5L", "min_qty": 5})).await;
    assert_eq!(err.code, ErrorCode::Forbidden);
    w.ok("review_period", current()).await;
    as_admin(&w).await;
    let err = w.err("set_safety_stock", json!({"sku": "BOX-5L", "min_qty": -1})).await;
    assert_eq!(err.fields[0].field, "min_qty");
    assert_eq!(w.err("set_safety_stock", json!({"sku": "NOPE", "min_qty": 1})).await.code, ErrorCode::NotFound);
}

#[tokio::test]
async fn the_review_tables_equal_a_rebuild_from_the_event_log() {
    let w = two_weeks().await;
    w.ok("record_vendor_ratings", json!({})).await;
    w.ok("set_safety_stock", json!({"sku": "BOX-5L", "min_qty": 5})).await;
    w.ok("review_vendor", json!({"vendor_code": "SZHQ", "note": "8D received"})).await;
    let report = lotline_store::check(&w.ctx.store).await.unwrap();
    assert!(report.ok(), "{report:?}");
    let counts = lotline_store::rebuild(&w.ctx.store).await.unwrap();
    let rows = |t: &str| counts.tables.iter().find(|(name, _)| name == t).map(|(_, n)| *n);
    // Three label attempts, one recovery, three RMAs received, two ratings, one minimum, one review.
    assert_eq!((rows("rma_label_attempts"), rows("vendor_reviews")), (Some(3), Some(1)));
    assert_eq!(rows("chargeback_recoveries"), Some(1));
    assert_eq!(rows("rma_review_facts"), Some(3));
    assert_eq!((rows("vendor_ratings"), rows("safety_stock")), (Some(2), Some(1)));
    let t = w.ok("kpi_table", current()).await;
    assert_eq!(figure(&t, "damaged_rate").0, json!(5_000), "the same figures after a rebuild");
    assert_eq!(kpi(&t, "cost_per_return")[0]["value"], json!(515));
}

/// What a return actually cost replaces the policy's standard cost, and the cost per returned
/// unit divides the same costs by the pieces taken back.
#[tokio::test]
async fn recorded_costs_replace_the_standard_ones_and_the_cost_is_given_per_unit_too() {
    let w = two_weeks().await;
    // Before any is recorded: 15.45 (as above) over 1 + 2 + 1 pieces received = 3.8625: 3.86.
    let t = w.ok("kpi_table", current()).await;
    assert_eq!(kpi(&t, "cost_per_returned_unit")[0]["value"], json!(386));
    assert_eq!(kpi(&t, "cost_per_returned_unit")[0]["sample"], json!(4));

    // An inspector handles no returns' money; the analyst records the carrier's invoice.
    as_user(&w, "ivo").await;
    let refused = json!({"rma_no": "RMA-AMS1-000001", "amount_minor": 1_200, "note": "DPD invoice 4711"});
    assert_eq!(w.err("record_rma_cost", refused).await.code, ErrorCode::Forbidden);
    assert_eq!(w.ok("get_rma", json!({"rma_no": "RMA-AMS1-000001"})).await["may_record_cost"], false);
    as_user(&w, "ria").await;
    let empty = json!({"rma_no": "RMA-AMS1-000001", "amount_minor": 0, "note": " "});
    let fields: Vec<String> = w.err("record_rma_cost", empty).await.fields.into_iter().map(|f| f.field).collect();
    assert_eq!(fields, ["amount_minor", "note"]);
    let recorded = json!({"rma_no": "RMA-AMS1-000001", "amount_minor": 1_200, "note": "DPD invoice 4711"});
    let detail = w.ok("record_rma_cost", recorded).await;
    assert_eq!(
        (detail["recorded_cost_minor"].as_i64(), detail["may_record_cost"].as_bool()),
        (Some(1_200), Some(true))
    );
    let last = detail["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!((last["kind"].as_str(), last["note"].as_str()), (Some("rma_cost_recorded"), Some("DPD invoice 4711")));

    // RMA 1 now costs its recorded 12.00 instead of 3.50: 12.00 + 3.50 + (3.50 + 4.95) = 23.95;
    // per return 23.95 / 3 = 7.983: 7.98; per piece 23.95 / 4 = 5.9875: 5.99.
    as_admin(&w).await;
    let t = w.ok("kpi_table", current()).await;
    assert_eq!(kpi(&t, "cost_per_return")[0]["value"], json!(798));
    assert_eq!(kpi(&t, "cost_per_returned_unit")[0]["value"], json!(599));
    assert_eq!(kpi(&t, "cost_per_returned_unit")[0]["target"], Value::Null);
    // The same after a rebuild of the projections from the log.
    lotline_store::rebuild(&w.ctx.store).await.unwrap();
    assert_eq!(kpi(&w.ok("kpi_table", current()).await, "cost_per_return")[0]["value"], json!(798));
}

#[path = "reviews/vendors.rs"]
mod vendors;
