//! The inbox through the catalogue, on a real temporary SQLite database: who is told about what
//! (approvals only to those who may give them, never to the requester), each person's choice of
//! kinds, read state per person, overdue SCARs, expiries and holds; and the weekly review made as
//! a PDF once per week on the site's calendar.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::pdf::{pdf_tool, write_pdf};
use common::{USER_PASSWORD, World, failure, world};
use lotline_app::jobs::Daily;
use serde_json::{Value, json};

async fn as_user(w: &World, name: &str) {
    w.ok("sign_out", json!({})).await;
    w.sign_in(name, USER_PASSWORD).await;
}

async fn as_admin(w: &World) {
    w.ok("sign_out", json!({})).await;
    w.sign_in("admin", common::ADMIN_PASSWORD).await;
}

/// An order SO-1 of customer C-1, failure QF-AMS1-000001 on BOX-5L, and a person per role.
async fn setting() -> World {
    let w = world().await;
    w.master_data().await;
    w.ok("save_customer", json!({"code": "C-1", "name": "Bakker BV", "email": null, "phone": null, "address": "Damrak 1\n1012 LG Amsterdam", "country": "NL"})).await;
    w.ok(
        "save_order",
        json!({"order_no": "SO-1", "customer_code": "C-1", "ordered_at": "2026-10-01T10:00:00Z", "currency": "EUR",
        "lines": [{"line_no": 1, "sku": "BOX-5L", "qty": 4, "unit_price_minor": 500}]}),
    )
    .await;
    w.ok("log_failure", failure("BOX-5L")).await;
    for (name, roles) in [
        ("lena", vec!["logistics"]),
        ("fien", vec!["finance"]),
        ("frank", vec!["finance"]),
        ("vera", vec!["vendor_manager"]),
        ("ines", vec!["inspector"]),
    ] {
        w.add_user(name, &roles).await;
    }
    w
}

/// 300.00 in all: above Lena's 50.00 and a vendor manager's 200.00, within finance's 1,000.00.
fn reshipment() -> Value {
    json!({
        "failure_nos": ["QF-AMS1-000001"], "order_no": "SO-1", "items": [{"line_no": 1, "qty": 2}],
        "carrier": "dpd", "service": "Classic",
        "cost": {"shipping_minor": 10_000, "shipping_currency": "EUR", "goods_minor": 20_000, "goods_currency": "EUR"},
        "payer": "us", "reason": "Lids cracked in transit"
    })
}

fn of_kind<'a>(inbox: &'a Value, kind: &str) -> Vec<&'a Value> {
    inbox["items"].as_array().unwrap().iter().filter(|n| n["kind"] == kind).collect()
}

#[tokio::test]
async fn a_reshipment_above_the_threshold_notifies_finance_but_not_its_requester() {
    let w = setting().await;
    as_user(&w, "lena").await;
    let r = w.ok("request_reshipment", reshipment()).await;
    assert_eq!(r["status"], "requested");
    let no = r["reshipment_no"].as_str().unwrap().to_owned();
    let lena = w.ok("list_notifications", json!({})).await;
    assert!(of_kind(&lena, "reshipment_approval").is_empty(), "nobody approves their own request");

    as_user(&w, "vera").await;
    let vera = w.ok("list_notifications", json!({})).await;
    assert!(of_kind(&vera, "reshipment_approval").is_empty(), "200.00 does not reach 300.00");

    as_user(&w, "fien").await;
    let fien = w.ok("list_notifications", json!({})).await;
    let waiting = of_kind(&fien, "reshipment_approval");
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0]["record_type"], "reshipment");
    assert_eq!(waiting[0]["record_no"], no.as_str());
    assert_eq!(waiting[0]["params"]["total_minor"], "30000");
    assert_eq!(waiting[0]["params"]["currency"], "EUR");
    assert_eq!(waiting[0]["read"], false);
    assert_eq!(fien["unread"], 1);

    // Once Fien approved it, it waits on nobody: Frank's inbox no longer asks him.
    w.ok("approve_reshipment", json!({"reshipment_no": no, "note": ""})).await;
    as_user(&w, "frank").await;
    assert!(of_kind(&w.ok("list_notifications", json!({})).await, "reshipment_approval").is_empty());
}

#[tokio::test]
async fn each_person_chooses_the_kinds_they_get_and_the_choice_is_in_the_log() {
    let w = setting().await;
    as_user(&w, "lena").await;
    w.ok("request_reshipment", reshipment()).await;
    as_user(&w, "fien").await;
    let settings = w.ok("get_notification_preferences", json!({})).await;
    assert_eq!(settings["preferences"], json!({"muted": [], "system": true}));
    let kinds = settings["kinds"].as_array().unwrap();
    assert!(kinds.contains(&json!("reshipment_approval")) && kinds.contains(&json!("payout_approval")));
    assert!(!kinds.contains(&json!("scar_overdue")), "finance manages no SCARs");

    let saved = w
        .ok(
            "set_notification_preferences",
            json!({"muted": ["reshipment_approval", "reshipment_approval"], "system": false}),
        )
        .await;
    assert_eq!(saved["preferences"], json!({"muted": ["reshipment_approval"], "system": false}));
    let inbox = w.ok("list_notifications", json!({})).await;
    assert!(of_kind(&inbox, "reshipment_approval").is_empty());
    assert_eq!(w.ok("poll_notifications", json!({})).await["system"], false);
    let kind: String = sqlx::query_scalar("SELECT kind FROM events ORDER BY seq DESC LIMIT 1")
        .fetch_one(w.ctx.store.pool())
        .await
        .unwrap();
    assert_eq!(kind, "notification_preferences_set", "the choice syncs with the person's other desks");

    // Frank's choice is his own.
    as_user(&w, "frank").await;
    assert_eq!(of_kind(&w.ok("list_notifications", json!({})).await, "reshipment_approval").len(), 1);
    as_user(&w, "fien").await;
    w.ok("set_notification_preferences", json!({"muted": [], "system": true})).await;
    assert_eq!(of_kind(&w.ok("list_notifications", json!({})).await, "reshipment_approval").len(), 1);
}

#[tokio::test]
async fn read_state_and_what_was_announced_are_each_persons_own() {
    let w = setting().await;
    as_user(&w, "lena").await;
    w.ok("request_reshipment", reshipment()).await;

    as_user(&w, "fien").await;
    let first = w.ok("poll_notifications", json!({})).await;
    assert_eq!((first["unread"].as_u64(), first["fresh"].as_array().unwrap().len()), (Some(1), 1));
    let again = w.ok("poll_notifications", json!({})).await;
    assert_eq!((again["unread"].as_u64(), again["fresh"].as_array().unwrap().len()), (Some(1), 0), "announced once");
    let id = first["fresh"][0]["id"].as_str().unwrap().to_owned();
    let err = w.err("mark_notifications_read", json!({"ids": []})).await;
    assert_eq!(err.fields[0].field, "ids");
    let inbox = w.ok("mark_notifications_read", json!({"ids": [id]})).await;
    assert_eq!(inbox["unread"], 0);
    assert_eq!(inbox["items"][0]["read"], true, "read stays in the inbox while it waits");

    // Frank has read nothing, and his desk has announced nothing to him yet.
    as_user(&w, "frank").await;
    let frank = w.ok("poll_notifications", json!({})).await;
    assert_eq!((frank["unread"].as_u64(), frank["fresh"].as_array().unwrap().len()), (Some(1), 1));
    let all = w.ok("mark_notifications_read", json!({"all": true})).await;
    assert_eq!(all["unread"], 0);
}

#[tokio::test]
async fn an_overdue_scar_a_held_lot_and_an_expiry_in_its_window_notify_those_whose_work_they_are() {
    let w = setting().await;
    as_user(&w, "vera").await;
    let scar = w.ok("open_scar", json!({"failure_no": "QF-AMS1-000001", "team": [{"name": "Vera", "role": "SQE"}], "problem": "Scratched lids"})).await;
    let scar_no = scar["scar_no"].as_str().unwrap().to_owned();
    w.ok("advance_scar", json!({"scar_no": scar_no, "to": "sent", "due_on": "2026-11-16"})).await;
    as_admin(&w).await;
    // Expires on 1 December: 29 days from 2 November, inside the 30-day window; the other in 2027.
    w.ok("receive_lot", json!({"lot_code": "MILK-1", "sku": "BOX-5L", "vendor_code": "SZHQ", "qty": 10, "unit": "pcs", "expiry_date": "2026-12-01", "location": "main"})).await;
    w.ok("receive_lot", json!({"lot_code": "MILK-2", "sku": "BOX-5L", "vendor_code": "SZHQ", "qty": 10, "unit": "pcs", "expiry_date": "2027-06-01", "location": "main"})).await;
    w.ok("hold_lot", json!({"lot_code": "MILK-2", "reason": "Seal damaged"})).await;

    let admin = w.ok("list_notifications", json!({})).await;
    let expiring = of_kind(&admin, "expiry_soon");
    assert_eq!(expiring.len(), 1);
    assert_eq!((expiring[0]["record_no"].as_str(), expiring[0]["record_type"].as_str()), (Some("MILK-1"), Some("lot")));
    assert_eq!(expiring[0]["params"]["expiry_date"], "2026-12-01");
    let held = of_kind(&admin, "lot_held");
    assert_eq!(held.len(), 1);
    assert_eq!(held[0]["record_no"], "MILK-2");
    assert_eq!(held[0]["params"]["reason"], "Seal damaged");
    assert!(of_kind(&admin, "scar_overdue").is_empty(), "due on the 16th: not overdue yet");

    // An inspector neither releases holds nor manages SCARs.
    as_user(&w, "ines").await;
    let ines = w.ok("list_notifications", json!({})).await;
    assert!(of_kind(&ines, "lot_held").is_empty() && of_kind(&ines, "scar_overdue").is_empty());

    as_user(&w, "vera").await;
    w.pass_time(chrono::Duration::days(15)).await;
    let vera = w.ok("list_notifications", json!({})).await;
    let overdue = of_kind(&vera, "scar_overdue");
    assert_eq!(overdue.len(), 1);
    assert_eq!(
        (overdue[0]["record_no"].as_str(), overdue[0]["record_type"].as_str()),
        (Some(scar_no.as_str()), Some("scar"))
    );
    assert_eq!(overdue[0]["params"]["due_on"], "2026-11-16");
}

#[tokio::test]
async fn the_weekly_review_is_made_as_a_pdf_once_per_week_on_the_sites_calendar() {
    let w = setting().await;
    // Monday 2 November: the log began today, so the week before has nothing to review.
    Daily::default().tick(&w.ctx).await.unwrap();
    assert_eq!(w.ok("list_weekly_reviews", json!({})).await, json!([]));

    w.pass_time(chrono::Duration::days(7)).await;
    let mut daily = Daily::default();
    daily.tick(&w.ctx).await.unwrap();
    let list = w.ok("list_weekly_reviews", json!({})).await;
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(
        (list[0]["week"].as_str(), list[0]["from"].as_str(), list[0]["to"].as_str()),
        (Some("2026-W45"), Some("2026-11-02"), Some("2026-11-08"))
    );
    assert!(list[0]["size"].as_i64().unwrap() > 1_000);

    // Another start of the app the same week, and a later day of it: still the one review.
    Daily::default().tick(&w.ctx).await.unwrap();
    w.pass_time(chrono::Duration::days(2)).await;
    Daily::default().tick(&w.ctx).await.unwrap();
    assert_eq!(w.ok("list_weekly_reviews", json!({})).await.as_array().unwrap().len(), 1);

    let file = w.ok("weekly_review_pdf", json!({"week": "2026-W45"})).await;
    assert_eq!(file["file_name"], "weekly-review-2026-W45.pdf");
    let dir = tempfile::tempdir().unwrap();
    let path = write_pdf(dir.path(), &file);
    pdf_tool("qpdf", &["--check"], &path);
    let text = pdf_tool("pdftotext", &["-layout"], &path);
    for expected in [
        "Lotline Test BV",
        "Weekly review",
        "2026-W45",
        "2026-11-02 – 2026-11-08",
        "Top failure reasons",
        "Problem vendors",
        "SZHQ",
    ] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
    let pages: usize = pdf_tool("qpdf", &["--show-npages"], &path).trim().parse().unwrap();
    let dark = dark_pixels_per_page(&path);
    assert_eq!(dark.len(), pages, "pdftoppm renders every page");
    // A page with no more than a page number on it is a blank page: every page carries text or tables.
    assert!(dark.iter().all(|&d| d > 2_000), "dark pixels per page: {dark:?}");
    let err = w.err("weekly_review_pdf", json!({"week": "2026-W44"})).await;
    assert_eq!(err.code, lotline_app::ErrorCode::NotFound);
    let err = w.err("weekly_review_pdf", json!({"week": "last week"})).await;
    assert_eq!(err.fields[0].field, "week");

    // The next week makes the next one.
    w.pass_time(chrono::Duration::days(5)).await;
    Daily::default().tick(&w.ctx).await.unwrap();
    let weeks: Vec<String> = w
        .ok("list_weekly_reviews", json!({}))
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["week"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(weeks, ["2026-W46", "2026-W45"]);
}

/// Renders each page of `pdf` with `pdftoppm -r 60 -png` and counts its dark pixels (luma under
/// 128): a page that renders blank, or with only a stray mark, has next to none.
fn dark_pixels_per_page(pdf: &std::path::Path) -> Vec<usize> {
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("page");
    let out = std::process::Command::new("pdftoppm")
        .args(["-r", "60", "-png"])
        .arg(pdf)
        .arg(&prefix)
        .output()
        .expect("pdftoppm must be installed (cargo xtask test installs it)");
    assert!(out.status.success(), "pdftoppm: {}", String::from_utf8_lossy(&out.stderr));
    // page-1.png, page-2.png (or page-01.png … when there are ten or more): in page order by name.
    let mut files: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    if let Ok(keep) = std::env::var("LOTLINE_KEEP_PAGES") {
        for file in &files {
            std::fs::copy(file, std::path::Path::new(&keep).join(file.file_name().unwrap())).unwrap();
        }
    }
    files
        .iter()
        .map(|file| {
            let mut decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(file).unwrap()));
            decoder.set_transformations(png::Transformations::normalize_to_color8());
            let mut reader = decoder.read_info().unwrap();
            let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
            let frame = reader.next_frame(&mut pixels).unwrap();
            let channels = frame.color_type.samples();
            pixels[..frame.buffer_size()]
                .chunks_exact(channels)
                .filter(|p| {
                    let luma = if channels >= 3 {
                        (u32::from(p[0]) * 299 + u32::from(p[1]) * 587 + u32::from(p[2]) * 114) / 1000
                    } else {
                        u32::from(p[0])
                    };
                    luma < 128
                })
                .count()
        })
        .collect()
}

#[tokio::test]
async fn a_work_order_blocked_by_an_in_process_failure_notifies_the_quality_leads_until_they_decide() {
    let w = setting().await;
    w.add_user("quinn", &["quality_lead"]).await;
    w.ok("save_product", json!({"sku": "KIT-BOX", "gtin": null, "name": "Box met deksel", "category": "Opslag", "unit_cost_minor": 600,
             "currency": "EUR", "returnable": true, "lot_tracked": true, "serial_tracked": false, "has_expiry": false, "vendor_code": "SZHQ"})).await;
    w.ok("save_location", json!({"code": "LINE-1", "name": "Assembly line 1", "active": true})).await;
    w.ok(
        "receive_lot",
        json!({"lot_code": "BX-A", "sku": "BOX-5L", "vendor_code": "SZHQ", "supplier_lot": null, "qty": 30,
             "unit": "pcs", "mfg_date": null, "expiry_date": null, "location": "LINE-1"}),
    )
    .await;
    let plan = json!({"sku": "KIT-BOX", "output_lot_code": "KB-001", "planned_qty": 10, "unit": "pcs", "location": "LINE-1",
                      "components": [{"lot_code": "BX-A", "qty": 10}], "due_on": null, "note": ""});
    let no = w.ok("plan_work_order", plan).await["work_order_no"].as_str().unwrap().to_owned();
    w.ok("start_work_order", json!({"work_order_no": no})).await;
    let mut in_process = common::failure("KIT-BOX");
    in_process["stage"] = json!("in_process");
    in_process["qty_inspected"] = json!(10);
    in_process["lot_code"] = json!("KB-001");
    in_process["work_order_no"] = json!(no);
    let failure_no = w.ok("log_failure", in_process).await["failure_no"].as_str().unwrap().to_owned();

    as_user(&w, "quinn").await;
    let inbox = w.ok("list_notifications", json!({})).await;
    let blocked = of_kind(&inbox, "work_order_blocked");
    assert_eq!(blocked.len(), 1);
    assert_eq!(
        (blocked[0]["record_type"].as_str(), blocked[0]["record_no"].as_str()),
        (Some("work_order"), Some(no.as_str()))
    );
    assert_eq!(blocked[0]["id"], format!("work_order_blocked:{no}:{failure_no}").as_str());
    assert_eq!(blocked[0]["params"], json!({"failure_no": failure_no, "sku": "KIT-BOX", "output_lot_code": "KB-001"}));
    let kinds = w.ok("get_notification_preferences", json!({})).await["kinds"].clone();
    assert!(kinds.as_array().unwrap().contains(&json!("work_order_blocked")));

    // The decision is not an inspector's or logistics' work: they are not told.
    for person in ["ines", "lena"] {
        as_user(&w, person).await;
        assert!(of_kind(&w.ok("list_notifications", json!({})).await, "work_order_blocked").is_empty(), "{person}");
    }

    // Once decided, it waits on nobody.
    as_user(&w, "quinn").await;
    let decide =
        json!({"work_order_no": no, "failure_no": failure_no, "decision": "release", "note": "Within tolerance"});
    w.ok("decide_work_order_block", decide).await;
    assert!(of_kind(&w.ok("list_notifications", json!({})).await, "work_order_blocked").is_empty());
}
