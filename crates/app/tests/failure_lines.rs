//! A failure's quantity split over disposition lines, through the catalogue on real SQLite:
//! 8 rework and 2 scrap of 10 close the failure once both are done; a line never takes more
//! than is unassigned; an old single disposition still folds into one line and closes; lines
//! added on two desks at once merge, and too many surface as a conflict.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::hub::{Hub, assert_same_rows, new_desk, sync, team_sign_in};
use common::{World, failure, unpack_fixture, world};
use lotline_app::{Ctx, ErrorCode, Store};
use serde_json::{Value, json};

async fn user_id(store: &Store, username: &str) -> String {
    sqlx::query_scalar("SELECT user_id FROM users WHERE username = ?")
        .bind(username)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

/// 10 of 80 boxes failed, no disposition chosen yet.
async fn ten_failed(w: &World) -> String {
    let mut input = failure("BOX-5L");
    input["qty_failed"] = json!(10);
    w.ok("log_failure", input).await["failure_no"].as_str().unwrap().to_owned()
}

fn line(failure_no: &str, disposition: &str, qty: i64, owner: &str) -> Value {
    json!({"failure_no": failure_no, "line": {"disposition": disposition, "qty": qty, "note": "Follow up",
           "owner_id": owner, "due_on": "2026-11-09"}})
}

fn line_id(detail: &Value, disposition: &str) -> String {
    let lines = detail["lines"].as_array().unwrap();
    let found = lines.iter().rev().find(|l| l["disposition"] == disposition).expect("a line of that disposition");
    found["line_id"].as_str().unwrap().to_owned()
}

fn complete(failure_no: &str, line_id: &str, completion: Value) -> Value {
    json!({"failure_no": failure_no, "line_id": line_id, "completion": completion})
}

#[tokio::test]
async fn eight_rework_and_two_scrap_close_the_failure_once_both_are_done() {
    let w = world().await;
    w.master_data().await;
    w.add_user("olga", &["inspector"]).await;
    w.add_user("wim", &["logistics"]).await;
    let (admin, olga, wim) =
        (user_id(&w.ctx.store, "admin").await, user_id(&w.ctx.store, "olga").await, user_id(&w.ctx.store, "wim").await);
    let no = ten_failed(&w).await;

    let d = w.ok("add_disposition_line", line(&no, "rework", 8, &olga)).await;
    assert_eq!((d["status"].as_str(), d["unassigned"].as_i64()), (Some("in_disposition"), Some(2)));
    let uuid = line_id(&d, "rework");
    assert_eq!((uuid.len(), &uuid[14..15]), (36, "7"), "a UUIDv7: {uuid}");
    assert_eq!(d["lines"][0]["owner_name"], "olga");
    assert_eq!(d["lines"][0]["due_on"], "2026-11-09");
    let d = w.ok("add_disposition_line", line(&no, "scrap", 2, &admin)).await;
    assert_eq!(d["unassigned"], 0);
    let (rework, scrap) = (line_id(&d, "rework"), line_id(&d, "scrap"));

    let d = w
        .ok("complete_disposition_line", complete(&no, &rework, json!({"outcome": "Relabelled", "cost_minor": 1_600})))
        .await;
    assert_eq!((d["status"].as_str(), d["lines"][0]["qty_completed"].as_i64()), (Some("in_disposition"), Some(8)));
    // Scrap says how and by whom: without it the line stays open.
    let err = w.err("complete_disposition_line", complete(&no, &scrap, json!({"outcome": "Crushed"}))).await;
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].message_key.as_str()),
        ("scrap.method", "error.failure.scrap_record_required")
    );
    let destroyed =
        json!({"outcome": "Destroyed", "scrap": {"method": "crushed", "destroyed_by": wim, "witness_id": olga}});
    let d = w.ok("complete_disposition_line", complete(&no, &scrap, destroyed)).await;
    assert_eq!(d["status"], "closed");
    let scrapped = &d["lines"][1];
    assert_eq!(
        (scrapped["scrap_method"].as_str(), scrapped["destroyed_by_name"].as_str(), scrapped["witness_name"].as_str()),
        (Some("crushed"), Some("wim"), Some("olga"))
    );
    let last = d["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "failure_disposition_line_completed");
    let told: Vec<(String, String)> = last["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["field"].as_str().unwrap().to_owned(), c["after"].as_str().unwrap().to_owned()))
        .collect();
    assert!(told.contains(&("scrap_method".into(), "crushed".into())), "{told:?}");
    assert!(told.contains(&("destroyed_by".into(), "wim".into())) && told.contains(&("witness".into(), "olga".into())));

    // Booked per line on the day it was done: scrap 2 × 3.80 = 7.60, rework 16.00.
    let r = w.ok("review_period", json!({"from": "2026-11-02", "to": "2026-11-08"})).await;
    let eur = &r["cost_of_quality"]["currencies"][0]["current"];
    assert_eq!((eur["scrap_minor"].as_i64(), eur["rework_minor"].as_i64()), (Some(760), Some(1_600)));
    let err = w.err("add_disposition_line", line(&no, "scrap", 1, &admin)).await;
    assert_eq!(err.message_key, "error.failure.closed");
    let report = lotline_store::check(&w.ctx.store).await.unwrap();
    assert!(report.ok(), "the projection is what a rebuild makes: {report:?}");
}

#[tokio::test]
async fn a_line_over_the_unassigned_units_is_refused_naming_the_numbers_and_nothing_is_written() {
    let w = world().await;
    w.master_data().await;
    let admin = user_id(&w.ctx.store, "admin").await;
    let no = ten_failed(&w).await;
    w.ok("add_disposition_line", line(&no, "rework", 8, &admin)).await;
    let before = w.events().await;
    let err = w.err("add_disposition_line", line(&no, "scrap", 3, &admin)).await;
    assert_eq!(err.code, ErrorCode::Invalid);
    let field = &err.fields[0];
    assert_eq!((field.field.as_str(), field.message_key.as_str()), ("qty", "error.failure.line_over_assigned"));
    assert_eq!(
        (field.params["qty"].as_str(), field.params["unassigned"].as_str(), field.params["failed"].as_str()),
        ("3", "2", "10")
    );
    let err = w.err("add_disposition_line", line(&no, "scrap", 2, "nobody")).await;
    assert_eq!(err.fields[0].message_key, "error.failure.unknown_person");
    assert_eq!(w.events().await, before);
    // Lines can be added while units remain: the last two.
    let d = w.ok("add_disposition_line", line(&no, "scrap", 2, &admin)).await;
    assert_eq!(d["unassigned"], 0);
}

#[tokio::test]
async fn a_scrap_line_takes_its_units_off_the_received_lot() {
    let w = world().await;
    w.master_data().await;
    let admin = user_id(&w.ctx.store, "admin").await;
    w.ok("receive_lot", json!({"lot_code": "L-9", "sku": "CHG-15W", "vendor_code": "SZHQ", "qty": 100, "unit": "pcs", "location": "main"}))
        .await;
    let mut input = failure("CHG-15W");
    input["lot_code"] = json!("L-9");
    input["serials"] = json!(["SN1", "SN2", "SN3"]);
    let no = w.ok("log_failure", input).await["failure_no"].as_str().unwrap().to_owned();
    w.ok("add_disposition_line", line(&no, "scrap", 2, &admin)).await;
    let d = w.ok("add_disposition_line", line(&no, "return_to_vendor", 1, &admin)).await;
    let (scrap, rtv) = (line_id(&d, "scrap"), line_id(&d, "return_to_vendor"));
    let other = json!({"outcome": "Shredded", "scrap": {"method": "other", "method_other": "Shredded on site", "destroyed_by": admin}});
    w.ok("complete_disposition_line", complete(&no, &scrap, other)).await;
    w.ok("complete_disposition_line", complete(&no, &rtv, json!({"outcome": "Sent back"}))).await;
    let moves: Vec<(i64, String)> =
        sqlx::query_as("SELECT qty_delta, cause FROM stock_moves WHERE ref_no = ? ORDER BY rowid")
            .bind(&no)
            .fetch_all(w.ctx.store.pool())
            .await
            .unwrap();
    assert_eq!(moves, [(-2, "failure_scrapped".to_owned()), (-1, "failure_returned_to_vendor".to_owned())]);
    let on_hand: i64 = sqlx::query_scalar("SELECT on_hand FROM lots WHERE lot_code = 'L-9'")
        .fetch_one(w.ctx.store.pool())
        .await
        .unwrap();
    assert_eq!(on_hand, 97);
    let report = lotline_store::check(&w.ctx.store).await.unwrap();
    assert!(report.ok(), "{report:?}");
}

#[tokio::test]
async fn a_deviation_line_keeps_its_approval_step_by_someone_else() {
    let w = world().await;
    w.master_data().await;
    w.add_user("lea", &["quality_lead"]).await;
    let admin = user_id(&w.ctx.store, "admin").await;
    let no = ten_failed(&w).await;
    w.ok("add_disposition_line", line(&no, "rework", 7, &admin)).await;
    let d = w.ok("add_disposition_line", line(&no, "accept_with_deviation", 3, &admin)).await;
    assert_eq!(d["status"], "awaiting_approval");
    let deviation = line_id(&d, "accept_with_deviation");
    let err = w.err("approve_disposition_line", json!({"failure_no": no, "line_id": deviation, "note": "ok"})).await;
    assert_eq!(err.message_key, "error.failure.own_deviation");
    w.sign_in("lea", common::USER_PASSWORD).await;
    let d = w.ok("approve_disposition_line", json!({"failure_no": no, "line_id": deviation, "note": "Cosmetic"})).await;
    assert_eq!(
        (d["status"].as_str(), d["lines"][1]["outcome"].as_str()),
        (Some("in_disposition"), Some("accepted_with_deviation"))
    );
}

#[tokio::test]
async fn an_old_single_disposition_folds_into_one_whole_line_and_closes_as_before() {
    let w = world().await;
    w.master_data().await;
    let mut input = failure("BOX-5L");
    input["disposition"] = json!("scrap");
    let d = w.ok("log_failure", input).await;
    let no = d["failure_no"].as_str().unwrap();
    assert_eq!(d["lines"].as_array().unwrap().len(), 1);
    assert_eq!((d["lines"][0]["line_id"].as_str(), d["lines"][0]["qty"].as_i64()), (Some("whole"), Some(3)));
    assert_eq!((d["lines"][0]["whole"].as_bool(), d["unassigned"].as_i64()), (Some(true), Some(0)));
    w.ok("set_disposition", json!({"failure_no": no, "disposition": "rework", "note": "Can be sanded"})).await;
    let d = w.ok("complete_disposition", json!({"failure_no": no, "outcome": "Sanded", "qty": 3})).await;
    assert_eq!(d["status"], "closed");
    assert_eq!(
        (d["lines"][0]["status"].as_str(), d["lines"][0]["disposition"].as_str()),
        (Some("completed"), Some("rework"))
    );
    assert_eq!(d["lines"][0]["note"], "Can be sanded");

    // A whole line is withdrawn to split the quantity; the old acts then step aside.
    let mut input = failure("BOX-5L");
    input["disposition"] = json!("rework");
    let no = w.ok("log_failure", input).await["failure_no"].as_str().unwrap().to_owned();
    let admin = user_id(&w.ctx.store, "admin").await;
    let err = w.err("add_disposition_line", line(&no, "scrap", 1, &admin)).await;
    assert_eq!(err.fields[0].params["unassigned"], "0");
    let withdraw = json!({"failure_no": no, "line_id": "whole", "reason": "One box is beyond repair"});
    let d = w.ok("withdraw_disposition_line", withdraw).await;
    assert_eq!((d["status"].as_str(), d["unassigned"].as_i64()), (Some("open"), Some(3)));
    w.ok("add_disposition_line", line(&no, "rework", 2, &admin)).await;
    let err = w.err("complete_disposition", json!({"failure_no": no, "outcome": "x"})).await;
    assert_eq!(err.message_key, "error.failure.split_into_lines");
    let report = lotline_store::check(&w.ctx.store).await.unwrap();
    assert!(report.ok(), "{report:?}");
}

#[tokio::test]
async fn a_0_1_0_database_folds_its_dispositions_into_whole_lines_that_still_close() {
    let dir = tempfile::tempdir().unwrap();
    let data = unpack_fixture(dir.path());
    let ctx =
        lotline_app::open_with(&data, lotline_app::audit::KeyVault::Folder(dir.path().join("keys"))).await.unwrap();
    let report = lotline_store::check(&ctx.store).await.unwrap();
    assert!(report.ok(), "the migrated lines are what a rebuild makes: {report:?}");
    let counts: (i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM failures WHERE disposition IS NOT NULL), \
                (SELECT COUNT(*) FROM failure_disposition_lines WHERE whole = 1 AND qty = (SELECT qty_failed FROM failures f WHERE f.failure_no = failure_disposition_lines.failure_no))",
    )
    .fetch_one(ctx.store.pool())
    .await
    .unwrap();
    assert!(counts.0 > 0 && counts.0 == counts.1, "{counts:?}");
    let call = |act: &'static str, input: Value| {
        let ctx: Ctx = ctx.clone();
        async move { lotline_app::call(&ctx, act, input).await.unwrap_or_else(|e| panic!("{act}: {e}")) }
    };
    call("sign_in", json!({"username": "admin", "password": "bars-Secret-123"})).await;
    let (no, disposition): (String, String) = sqlx::query_as(
        "SELECT failure_no, disposition FROM failures WHERE status = 'in_disposition' ORDER BY seq_no LIMIT 1",
    )
    .fetch_one(ctx.store.pool())
    .await
    .unwrap();
    let d = call("get_failure", json!({"failure_no": no})).await;
    assert_eq!(d["lines"].as_array().unwrap().len(), 1);
    assert_eq!(
        (d["lines"][0]["disposition"].as_str(), d["lines"][0]["status"].as_str()),
        (Some(disposition.as_str()), Some("open"))
    );
    let d = call("complete_disposition", json!({"failure_no": no, "outcome": "Done"})).await;
    assert_eq!((d["status"].as_str(), d["lines"][0]["status"].as_str()), (Some("closed"), Some("completed")));
    let report = lotline_store::check(&ctx.store).await.unwrap();
    assert!(report.ok(), "{report:?}");
}

#[tokio::test]
async fn lines_added_on_two_desks_at_once_merge_and_too_many_open_a_conflict() {
    let a = world().await;
    a.master_data().await;
    let admin = user_id(&a.ctx.store, "admin").await;
    let no = ten_failed(&a).await;
    let hub = Hub::default();
    sync(&hub, &a.ctx).await;
    let (b, _dir) = new_desk("desk-test-2").await;
    sync(&hub, &b).await;
    team_sign_in(&b, &a.ctx.store, "admin").await;

    // Offline, each desk sees 10 unassigned: A sends 4 to rework, B 4 to scrap.
    a.ok("add_disposition_line", line(&no, "rework", 4, &admin)).await;
    lotline_app::call(&b, "add_disposition_line", line(&no, "scrap", 4, &admin)).await.unwrap();
    sync(&hub, &a.ctx).await;
    let report = sync(&hub, &b).await;
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    sync(&hub, &a.ctx).await;
    assert_same_rows(&a.ctx.store, &b.store).await;
    let d = a.ok("get_failure", json!({"failure_no": no})).await;
    assert_eq!((d["lines"].as_array().unwrap().len(), d["unassigned"].as_i64()), (2, Some(2)), "both lines stand");
    let none: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM merge_conflicts").fetch_one(a.ctx.store.pool()).await.unwrap();
    assert_eq!(none, 0, "4 + 4 of 10 is no conflict");

    // Both then give the last 2 units a line: 12 of 10 after the merge, and neither is lost.
    a.ok("add_disposition_line", line(&no, "rework", 2, &admin)).await;
    lotline_app::call(&b, "add_disposition_line", line(&no, "scrap", 2, &admin)).await.unwrap();
    sync(&hub, &a.ctx).await;
    let report = sync(&hub, &b).await;
    assert!(report.rejected.is_empty(), "lines are never lost: {:?}", report.rejected);
    sync(&hub, &a.ctx).await;
    assert_same_rows(&a.ctx.store, &b.store).await;
    for store in [&a.ctx.store, &b.store] {
        let report = lotline_store::check(store).await.unwrap();
        assert!(report.ok(), "{report:?}");
    }
    let found: Vec<(String, String, i64)> =
        sqlx::query_as("SELECT kind, subject, json_array_length(event_ids) FROM merge_conflicts")
            .fetch_all(b.store.pool())
            .await
            .unwrap();
    assert_eq!(found, [("dispositions_over_assigned".to_owned(), no.clone(), 4)], "every running line is named");
    let d = a.ok("get_failure", json!({"failure_no": no})).await;
    assert_eq!(d["unassigned"], -2);
    let ids: Vec<String> =
        d["lines"].as_array().unwrap().iter().map(|l| l["line_id"].as_str().unwrap().to_owned()).collect();
    // No line is completed while the lines hold too many: one is withdrawn first.
    let err = a.err("complete_disposition_line", complete(&no, &ids[0], json!({"outcome": "Done"}))).await;
    assert_eq!((err.message_key.as_str(), err.params["assigned"].as_str()), ("error.failure.over_assigned", "12"));
    a.ok("withdraw_disposition_line", json!({"failure_no": no, "line_id": ids[3], "reason": "Desk A has them"})).await;
    let d = a.ok("complete_disposition_line", complete(&no, &ids[0], json!({"outcome": "Done"}))).await;
    assert_eq!((d["unassigned"].as_i64(), d["status"].as_str()), (Some(0), Some("in_disposition")));
    sync(&hub, &a.ctx).await;
    sync(&hub, &b).await;
    assert_same_rows(&a.ctx.store, &b.store).await;
    // The other desk now sees the line done: completing it again is refused there too.
    let err = lotline_app::call(&b, "complete_disposition_line", complete(&no, &ids[0], json!({"outcome": "Again"})))
        .await
        .unwrap_err();
    assert_eq!(err.message_key, "error.failure.line_not_running");
}

fn numbers(page: &Value) -> Vec<&str> {
    page["rows"].as_array().unwrap().iter().map(|r| r["failure_no"].as_str().unwrap()).collect()
}

#[tokio::test]
async fn the_list_filters_on_each_line_and_the_lines_export_reads_back() {
    let w = world().await;
    w.master_data().await;
    w.add_user("wim", &["logistics"]).await;
    let (admin, wim) = (user_id(&w.ctx.store, "admin").await, user_id(&w.ctx.store, "wim").await);
    let split = ten_failed(&w).await;
    let mut rework = line(&split, "rework", 8, &admin);
    // A note a spreadsheet would run as a formula.
    rework["line"]["note"] = json!("=HYPERLINK(\"http://x\")");
    w.ok("add_disposition_line", rework).await;
    let d = w.ok("add_disposition_line", line(&split, "scrap", 2, &wim)).await;
    let scrap = line_id(&d, "scrap");
    let destroyed = json!({"outcome": "Destroyed", "scrap": {"method": "incinerated", "destroyed_by": wim}});
    w.ok("complete_disposition_line", complete(&split, &scrap, destroyed)).await;
    let mut input = failure("BOX-5L");
    input["disposition"] = json!("return_to_vendor");
    let whole = w.ok("log_failure", input).await["failure_no"].as_str().unwrap().to_owned();
    w.ok("log_failure", failure("BOX-5L")).await;

    let list = |disposition: &str| json!({"disposition": disposition});
    let page = w.ok("list_failures", list("rework")).await;
    assert_eq!((numbers(&page), page["total"].as_i64()), (vec![split.as_str()], Some(1)));
    assert_eq!(numbers(&w.ok("list_failures", list("scrap")).await), vec![split.as_str()]);
    assert_eq!(numbers(&w.ok("list_failures", list("return_to_vendor")).await), vec![whole.as_str()]);
    assert!(numbers(&w.ok("list_failures", list("reinspect")).await).is_empty());

    let out = w.ok("export_disposition_lines", json!({})).await;
    assert!(out["file_name"].as_str().unwrap().starts_with("lotline-disposition-lines-"));
    let mut reader = csv::Reader::from_reader(out["csv"].as_str().unwrap().as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let rows: Vec<Vec<String>> = reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect();
    let cells = |row: &Vec<String>, names: &[&str]| -> Vec<String> {
        names.iter().map(|n| row[header.iter().position(|h| h == n).unwrap()].clone()).collect()
    };
    let wanted =
        ["failure_no", "line", "qty", "disposition", "owner", "due_on", "status", "scrap_method", "destroyed_by"];
    let got: Vec<Vec<String>> = rows.iter().map(|r| cells(r, &wanted)).collect();
    let s = |v: &[&str]| v.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
    assert_eq!(
        got,
        vec![
            s(&[&split, "1", "8", "rework", "Ada Admin", "2026-11-09", "open", "", ""]),
            s(&[&split, "2", "2", "scrap", "wim", "2026-11-09", "completed", "incinerated", "wim"]),
            s(&[&whole, "1", "3", "return_to_vendor", "", "", "open", "", ""]),
        ]
    );
    // Defused as every export is, and read back to what was typed.
    let note = &cells(&rows[0], &["note"])[0];
    assert_eq!(note, "'=HYPERLINK(\"http://x\")");
    assert_eq!(lotline_domain::csv_cell::restore(note), "=HYPERLINK(\"http://x\")");
    assert_eq!(cells(&rows[1], &["outcome", "qty_completed"]), s(&["Destroyed", "2"]));
}
