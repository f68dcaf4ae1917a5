//! Vendor scorecards and ratings, SKU flags, safety stock and the vendor defect report.

use serde_json::{Value, json};

use super::current;
use crate::common::pdf::{pdf_tool, write_pdf};
use crate::data::two_weeks;

#[tokio::test]
async fn the_scorecard_rates_a_vendor_from_its_defects_returns_and_chargebacks() {
    let w = two_weeks().await;
    let s = w.ok("vendor_scorecards", current()).await;
    let v = &s["vendors"];
    // Lowest rating first. ACME this week: nothing received, so its one failure is judged on the
    // units it inspected: 4 of 40 (10% > 5%: 0), 4 critical × 10 = 40 per 40 units (100 per 100
    // > 10: 0); nothing else has data, so it rates 0 and is flagged rather than dropping out.
    assert_eq!(
        (v[0]["vendor_code"].as_str(), v[0]["rating"].as_u64(), v[0]["flagged"].as_bool()),
        (Some("ACME"), Some(0), Some(true))
    );
    assert_eq!(v[0]["components"][1]["measured"], json!(1_000));
    // SZHQ this week: lot L-P (50 units) received, no failure names a lot (0 of 1 lots: 100);
    // 5 units failed of the 50 received (10% > 5%: 0); 3 major × 5 + 2 minor = 17 per 50 units
    // (34 per 100 > 10: 0); none of its lots shipped, so its returns share has no units shipped
    // to divide by (no data: the 32 boxes were ordered, not shipped from a lot); 10.00 of 15.00
    // recovered (66.67); no delivery dates (no data). Over the 65 points with data:
    // (20 × 100 + 10 × 66.67) / 65 = 41.03.
    assert_eq!(
        (v[1]["vendor_code"].as_str(), v[1]["vendor_name"].as_str()),
        (Some("SZHQ"), Some("深圳华强电子有限公司"))
    );
    assert_eq!(
        (v[1]["rating"].as_u64(), v[1]["flagged"].as_bool(), v[1]["block_receipts"].as_bool()),
        (Some(41), Some(true), Some(false))
    );
    let parts: Vec<(&str, Value, Value, i64)> = v[1]["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap(),
                c["measured"].clone(),
                c["score"].clone(),
                c["effective_weight_bps"].as_i64().unwrap(),
            )
        })
        .collect();
    // Effective weights 20, 20, 15 and 10 of 65.
    assert_eq!(
        parts,
        vec![
            ("lot_defects", json!(0), json!(100), 3_077),
            ("unit_defects", json!(1_000), json!(0), 3_077),
            ("severity", json!(3_400), json!(0), 2_308),
            ("returns", Value::Null, Value::Null, 0),
            ("on_time", Value::Null, Value::Null, 0),
            ("chargebacks", json!(6_667), json!(67), 1_538),
        ]
    );

    // Ratings are recorded once a day over the last 90 days, and kept for the trend.
    let rec = w.ok("record_vendor_ratings", json!({})).await;
    assert_eq!((rec["day"].as_str(), rec["recorded"].clone()), (Some("2026-11-06"), json!(["ACME", "SZHQ"])));
    assert_eq!(rec["period"], json!({"from": "2026-08-09", "to": "2026-11-06"}));
    let again = w.ok("record_vendor_ratings", json!({})).await;
    assert_eq!(again["recorded"], json!([]), "at most once per vendor per day");
    let window = w.ok("vendor_scorecards", json!({"from": "2026-08-09", "to": "2026-11-06"})).await;
    let szhq = window["vendors"].as_array().unwrap().iter().find(|c| c["vendor_code"] == "SZHQ").unwrap().clone();
    assert_eq!(szhq["history"], json!([{"day": "2026-11-06", "rating": szhq["rating"]}]));
    assert_eq!(szhq["trend"], Value::Null, "one day is not a trend");
}

#[tokio::test]
async fn skus_above_two_percent_are_flagged_and_safety_stock_counts_only_sellable_stock() {
    let w = two_weeks().await;
    let f = w.ok("sku_flags", current()).await;
    // BOX-5L's 8 orders this week (SO-3 to SO-10): the defect return on SO-3 was rejected and
    // no lot shipped on them failed, so none had a conformity problem. MUG-1 had a QC failure
    // but no orders: there is no order of it to have had a problem.
    assert_eq!(f["skus"], json!([{"sku": "BOX-5L", "orders": 8, "problems": 0, "rate_bps": 0, "flag": "ok"}]));
    assert_eq!((f["total_skus"].as_i64(), f["flagged_skus"].as_i64()), (Some(1), Some(0)));

    // Boxes are kept without lots and no opening stock was ever recorded: two came back to the
    // shelf, four left as replacements, so the books say -2. 150 chargers in two available lots.
    let rows = w.ok("set_safety_stock", json!({"sku": "BOX-5L", "min_qty": 5})).await;
    assert_eq!((rows[0]["sellable"].as_i64(), rows[0]["below_minimum"].as_bool()), (Some(-2), Some(true)));
    w.ok("set_safety_stock", json!({"sku": "CHG-15W", "min_qty": 120})).await;
    let alerts = w.ok("safety_stock_alerts", json!({})).await;
    let summary: Vec<(&str, i64, bool)> = alerts
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["sku"].as_str().unwrap(), a["sellable"].as_i64().unwrap(), a["below_minimum"].as_bool().unwrap()))
        .collect();
    assert_eq!(summary, vec![("BOX-5L", -2, true), ("CHG-15W", 150, false)]);
    // The dashboard asks for the alerts only; a SKU's screen for its own row.
    let below = w.ok("safety_stock_alerts", json!({"below_only": true})).await;
    assert_eq!(below.as_array().unwrap().iter().map(|a| a["sku"].as_str().unwrap()).collect::<Vec<_>>(), ["BOX-5L"]);
    let one = w.ok("safety_stock_alerts", json!({"sku": " CHG-15W "})).await;
    assert_eq!((one[0]["sku"].as_str(), one.as_array().map(Vec::len)), (Some("CHG-15W"), Some(1)));
    assert_eq!(w.ok("safety_stock_alerts", json!({"sku": "MUG-1"})).await, json!([]));
    // A hold takes a lot out of sellable stock.
    w.ok("hold_lot", json!({"lot_code": "L-P", "reason": "Suspect coil"})).await;
    let alerts = w.ok("safety_stock_alerts", json!({})).await;
    let chg = alerts.as_array().unwrap().iter().find(|a| a["sku"] == "CHG-15W").unwrap();
    assert_eq!(
        (chg["sellable"].as_i64(), chg["blocked"].as_i64(), chg["below_minimum"].as_bool()),
        (Some(100), Some(50), Some(true))
    );
    w.ok("set_safety_stock", json!({"sku": "CHG-15W", "min_qty": null})).await;
    assert_eq!(w.ok("safety_stock_alerts", json!({})).await.as_array().map(Vec::len), Some(1));
}

#[tokio::test]
async fn the_vendor_defect_report_prints_in_the_vendors_language_for_a_period_or_one_failure() {
    let w = two_weeks().await;
    let dir = tempfile::tempdir().unwrap();
    let input = json!({"vendor_code": "SZHQ", "from": "2026-11-02", "to": "2026-11-08"});
    let file = w.ok("vendor_report_pdf", input).await;
    assert_eq!(file["file_name"], "SCAR-AMS1-SZHQ-2026-11-02-2026-11-08.pdf");
    let path = write_pdf(dir.path(), &file);
    pdf_tool("qpdf", &["--check"], &path);
    let text = pdf_tool("pdftotext", &[], &path);
    assert!(text.contains("深圳华强电子有限公司"), "{text}");
    assert!(text.contains("QF-AMS1-000001") && text.contains("QF-AMS1-000002"), "{text}");
    assert!(!text.contains("QF-AMS1-000004"), "last week's failure is not in this report");
    // The scorecard's unit defect rate: 5 defective of the 50 units received = 10.00 % (130
    // units were inspected); defective units at cost (19.00) and both reshipments (50.00).
    assert!(text.contains("10.00 %") && text.contains("€ 69.00"), "{text}");
    assert!(text.contains("收货数量") && text.contains("130"), "{text}");

    let file = w.ok("vendor_report_pdf", json!({"failure_no": "QF-AMS1-000001", "language": "en"})).await;
    assert_eq!(file["file_name"], "SCAR-AMS1-QF-AMS1-000001.pdf");
    let text = pdf_tool("pdftotext", &[], &write_pdf(dir.path(), &file));
    assert!(text.contains("Supplier corrective action request") && text.contains("Cosmetic damage"), "{text}");

    let err = w.err("vendor_report_pdf", json!({"vendor_code": "SZHQ"})).await;
    let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["from", "to"]);
    assert_eq!(
        w.err("vendor_report_pdf", json!({"failure_no": "QF-AMS1-999999"})).await.message_key,
        "error.not_found.failure"
    );
}

#[tokio::test]
async fn a_flagged_vendor_s_receipts_are_blocked_until_it_is_reviewed() {
    let w = two_weeks().await;
    let lot = |code: &str| json!({"lot_code": code, "sku": "CHG-15W", "vendor_code": "SZHQ", "qty": 10, "unit": "pcs", "location": "main"});
    // Flagged (rated 40, below 70) but the setting does not block yet.
    w.ok("record_vendor_ratings", json!({})).await;
    w.ok("receive_lot", lot("L-B1")).await;
    let settings = w.ok("get_scorecard_settings", json!({})).await;
    let mut blocking = settings.clone();
    blocking["block_receipts_below_threshold"] = json!(true);
    w.ok("set_scorecard_settings", blocking).await;

    let before = w.events().await;
    let err = w.err("receive_lot", lot("L-B2")).await;
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].message_key.as_str(), err.fields[0].params["since"].as_str()),
        ("vendor_code", "error.lot.vendor_blocked", "2026-11-06")
    );
    assert_eq!(w.events().await, before, "nothing written");
    // A file of lots is refused on the row of the blocked vendor.
    let csv = "lot_code,sku,vendor_code,qty,unit,location\nL-B3,CHG-15W,SZHQ,5,pcs,main\n";
    let import = w.call("import_csv", json!({"entity": "lots", "csv": csv})).await;
    let text = format!("{import:?}");
    assert!(text.contains("error.lot.vendor_blocked"), "{text}");
    let cards = w.ok("vendor_scorecards", current()).await;
    let szhq = cards["vendors"].as_array().unwrap().iter().find(|c| c["vendor_code"] == "SZHQ").unwrap().clone();
    assert_eq!(
        (szhq["receipts_blocked_since"].as_str(), szhq["last_reviewed"].clone()),
        (Some("2026-11-06"), Value::Null)
    );

    // A kit made here of stock already received is no delivery: the block does not stop it,
    // though the kit's product is the blocked vendor's.
    w.ok("save_bom", json!({"parent_sku": "BOX-5L", "components": [{"component_sku": "CHG-15W", "qty_per": 1}]})).await;
    let kit =
        json!({"lot_code": "KIT-1", "sku": "BOX-5L", "vendor_code": "", "qty": 2, "unit": "pcs", "location": "main"});
    w.ok("assemble_kit", json!({"kit": kit, "components": [{"lot_code": "L-B1", "qty": 2}]})).await;

    // Reviewing needs what was agreed; then receipts go through, though the rating stays low.
    let err = w.err("review_vendor", json!({"vendor_code": "SZHQ", "note": "  "})).await;
    assert_eq!(err.fields[0].field, "note");
    let reviewed =
        w.ok("review_vendor", json!({"vendor_code": "SZHQ", "note": "8D agreed: new lid supplier from lot 12"})).await;
    assert_eq!(
        (reviewed["reviewed_on"].as_str(), reviewed["receipts_blocked_since"].clone()),
        (Some("2026-11-06"), Value::Null)
    );
    w.ok("receive_lot", lot("L-B2")).await;
    let cards = w.ok("vendor_scorecards", current()).await;
    let szhq = cards["vendors"].as_array().unwrap().iter().find(|c| c["vendor_code"] == "SZHQ").unwrap().clone();
    assert_eq!(
        (szhq["receipts_blocked_since"].clone(), szhq["last_reviewed"].as_str()),
        (Value::Null, Some("2026-11-06"))
    );
    assert_eq!(
        w.err("review_vendor", json!({"vendor_code": "NOPE", "note": "x"})).await.message_key,
        "error.not_found.vendor"
    );
    let report = lotline_store::check(&w.ctx.store).await.expect("check runs");
    assert!(report.mismatched.is_empty(), "{:?}", report.mismatched);
}

#[tokio::test]
async fn on_time_delivery_compares_each_receipt_with_the_day_it_was_promised() {
    let w = two_weeks().await;
    // Friday 6 Nov: one lot due yesterday (late), one due today (on time), through the form and a file.
    let lot = |code: &str, promised: &str| {
        json!({"lot_code": code, "sku": "CHG-15W", "vendor_code": "SZHQ", "qty": 10, "unit": "pcs",
               "location": "main", "promised_on": promised})
    };
    w.ok("receive_lot", lot("L-LATE", "2026-11-05")).await;
    let csv = "lot_code,sku,vendor_code,qty,promised_on\nL-DUE,CHG-15W,SZHQ,10,2026-11-06\n";
    w.ok("import_csv", json!({"entity": "lots", "csv": csv})).await;
    let bad = "lot_code,sku,vendor_code,qty,promised_on\nL-BAD,CHG-15W,SZHQ,10,6 Nov\n";
    let err = w.err("import_csv", json!({"entity": "lots", "csv": bad})).await;
    assert_eq!((err.fields[0].field.as_str(), err.fields[0].row), ("promised_on", Some(2)));
    let cards = w.ok("vendor_scorecards", current()).await;
    let szhq = cards["vendors"].as_array().unwrap().iter().find(|c| c["vendor_code"] == "SZHQ").unwrap().clone();
    let on_time = szhq["components"].as_array().unwrap().iter().find(|c| c["id"] == "on_time").unwrap().clone();
    // 1 of the 2 deliveries with a promised day came on time (L-P, received without one, is not judged).
    assert_eq!((on_time["measured"].as_i64(), on_time["score"].as_i64()), (Some(5_000), Some(50)));
    assert!(on_time["effective_weight_bps"].as_i64().unwrap() > 0, "with data the component counts");
    let report = lotline_store::check(&w.ctx.store).await.expect("check runs");
    assert!(report.mismatched.is_empty(), "{:?}", report.mismatched);
}

#[tokio::test]
async fn the_app_records_the_day_s_ratings_once_a_day_and_only_a_vendor_manager_by_hand() {
    let w = two_weeks().await;
    // Looking at the ratings is everyone's; recording them by hand is not.
    w.add_user("vera", &["finance"]).await;
    crate::common::returns::as_user(&w, "vera").await;
    let before = w.events().await;
    let err = w.err("record_vendor_ratings", json!({})).await;
    assert_eq!(err.message_key, "error.forbidden.record_ratings");
    assert_eq!(err.params["roles"], "admin, vendor_manager");
    assert_eq!(w.events().await, before, "a refused act writes nothing");

    // The app's own job records, whoever is signed in, as the app (no author).
    let mut daily = lotline_app::jobs::Daily::default();
    let first = daily.tick(&w.ctx).await.unwrap().expect("the first tick of a day runs");
    assert_eq!(
        (first.day.as_str(), first.recorded.clone()),
        ("2026-11-06", vec!["ACME".to_owned(), "SZHQ".to_owned()])
    );
    let author: Option<String> = sqlx::query_scalar("SELECT actor_id FROM events WHERE kind = 'vendor_rated'")
        .fetch_one(w.ctx.store.pool())
        .await
        .unwrap();
    assert_eq!(author, None);
    let after_first = w.events().await;
    assert_eq!(daily.tick(&w.ctx).await.unwrap(), None, "a later tick of the same day does nothing");
    // Another app started the same day (or a second window) finds the day recorded.
    let again = lotline_app::jobs::Daily::default().tick(&w.ctx).await.unwrap().unwrap();
    assert!(again.recorded.is_empty(), "a day already recorded is not recorded twice");
    assert_eq!(w.events().await, after_first);

    // The next day's first tick records the next day.
    w.pass_time(chrono::Duration::days(1)).await;
    let next = daily.tick(&w.ctx).await.unwrap().unwrap();
    assert_eq!((next.day.as_str(), next.recorded.clone()), ("2026-11-07", vec!["ACME".to_owned(), "SZHQ".to_owned()]));

    // Closed for three days: the app records the day it opens on, not the days it missed.
    w.pass_time(chrono::Duration::days(3)).await;
    let mut reopened = lotline_app::jobs::Daily::default();
    assert_eq!(reopened.tick(&w.ctx).await.unwrap().unwrap().day, "2026-11-10");
    let days: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT json_extract(payload, '$.day') FROM events WHERE kind = 'vendor_rated' ORDER BY 1",
    )
    .fetch_all(w.ctx.store.pool())
    .await
    .unwrap();
    assert_eq!(days, ["2026-11-06", "2026-11-07", "2026-11-10"]);
}
