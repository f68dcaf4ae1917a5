//! SCARs as records through the catalogue, on a real temporary SQLite database: opened from a
//! failure, sent, answered, verified and closed, with refusals for steps out of order, overdue
//! answers on the list and the vendor's scorecard, search, and the printed record.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::pdf::{pdf_tool, write_pdf};
use common::{World, failure, world};
use lotline_app::ErrorCode;
use serde_json::{Value, json};

async fn as_user(w: &World, name: &str) {
    w.ok("sign_out", json!({})).await;
    w.sign_in(name, common::USER_PASSWORD).await;
}

/// SZHQ's failure QF-AMS1-000001 (3 of 80 boxes), and Vera the vendor manager signed in.
async fn setting() -> World {
    let w = world().await;
    w.master_data().await;
    let mut f = failure("BOX-5L");
    f["disposition"] = json!("return_to_vendor");
    w.ok("log_failure", f).await;
    w.add_user("vera", &["vendor_manager"]).await;
    w.add_user("ines", &["inspector"]).await;
    as_user(&w, "vera").await;
    w
}

fn opening() -> Value {
    json!({"failure_no": "qf-ams1-000001",
           "team": [{"name": "Vera Visser", "role": "Supplier quality"}, {"name": "王伟", "role": "QA manager (SZHQ)"}],
           "problem": "Scratched lids on 3 of 80 boxes inspected, lot received 2 Nov 2026"})
}

fn step(scar_no: &str, to: &str, text: &str) -> Value {
    json!({"scar_no": scar_no, "to": to, "text": text})
}

#[tokio::test]
async fn a_scar_is_opened_from_a_failure_sent_answered_verified_and_closed_with_who_and_when() {
    let w = setting().await;
    let s = w.ok("open_scar", opening()).await;
    let no = s["scar_no"].as_str().unwrap().to_owned();
    assert_eq!(no, "SCAR-AMS1-000001");
    assert_eq!((s["vendor_code"].as_str(), s["failure_no"].as_str()), (Some("SZHQ"), Some("QF-AMS1-000001")));
    assert_eq!((s["status"].as_str(), s["next"].as_str()), (Some("draft"), Some("sent")));
    assert_eq!(s["team"][1], json!({"name": "王伟", "role": "QA manager (SZHQ)"}));
    assert_eq!(s["opened"], json!({"at": "2026-11-02T09:30:00.000Z", "by_name": "vera"}));

    // Out of order: the vendor cannot have answered a SCAR not sent yet.
    let err = w.err("advance_scar", step(&no, "containment_received", "Sorted")).await;
    assert_eq!((err.code, err.message_key.as_str()), (ErrorCode::Conflict, "error.scar.out_of_order"));
    let err = w.err("advance_scar", json!({"scar_no": no, "to": "sent", "due_on": "2026-11-01"})).await;
    assert_eq!(err.fields[0].message_key, "error.scar.due_in_past");
    let s =
        w.ok("advance_scar", json!({"scar_no": no, "to": "sent", "due_on": "2026-11-16", "text": "By e-mail"})).await;
    assert_eq!(
        (s["status"].as_str(), s["due_on"].as_str(), s["overdue"].as_bool()),
        (Some("sent"), Some("2026-11-16"), Some(false))
    );
    assert_eq!(s["sent"], json!({"at": "2026-11-02T09:30:00.000Z", "by_name": "vera"}));
    let err = w.err("advance_scar", json!({"scar_no": no, "to": "sent", "due_on": "2026-11-20"})).await;
    assert_eq!(err.message_key, "error.scar.step_done");

    w.pass_time(chrono::Duration::days(1)).await;
    let s = w.ok("advance_scar", step(&no, "containment_received", "240 boxes in stock sorted, 11 blocked")).await;
    assert_eq!(s["containment_received"]["at"], "2026-11-03T09:30:00.000Z");
    let err = w.err("advance_scar", step(&no, "root_cause_received", "Worn mould")).await;
    assert_eq!(err.fields[0].field, "actions", "the root cause comes with its actions");
    let answer = json!({"scar_no": no, "to": "root_cause_received", "text": "Worn mould polished the lids",
                        "actions": "Mould replaced", "preventive": "Mould wear checked weekly"});
    w.ok("advance_scar", answer).await;
    w.ok("advance_scar", step(&no, "verified", "Next three lots passed incoming inspection")).await;
    let s = w.ok("advance_scar", step(&no, "closed", "Thanks to both teams")).await;
    assert_eq!((s["status"].as_str(), s["next"].clone()), (Some("closed"), Value::Null));
    assert_eq!(s["closed"], json!({"at": "2026-11-03T09:30:00.000Z", "by_name": "vera"}));
    assert_eq!(s["preventive"], "Mould wear checked weekly");
    let err = w.err("advance_scar", step(&no, "verified", "again")).await;
    assert_eq!(err.message_key, "error.scar.closed");
    let kinds: Vec<_> =
        s["history"].as_array().unwrap().iter().map(|h| h["kind"].as_str().unwrap().to_owned()).collect();
    assert_eq!(
        kinds,
        ["scar_opened", "scar_advanced", "scar_advanced", "scar_advanced", "scar_advanced", "scar_advanced"]
    );
    assert_eq!(s["history"][1]["changes"][1], json!({"field": "due_on", "before": null, "after": "2026-11-16"}));

    // A scan of the number finds it; the failure's SCARs list it.
    let hits = w.ok("search", json!({"text": no})).await;
    assert_eq!((hits[0]["kind"].as_str(), hits[0]["key"].as_str()), (Some("scar"), Some(no.as_str())));
    let of_failure = w.ok("list_scars", json!({"failure_no": "QF-AMS1-000001"})).await;
    assert_eq!(of_failure.as_array().unwrap().len(), 1);

    // Rebuilt from the log, the projections hold the same rows.
    let report = lotline_store::check(&w.ctx.store).await.expect("check runs");
    assert!(report.mismatched.is_empty(), "{:?}", report.mismatched);
}

#[tokio::test]
async fn who_may_open_a_scar_and_what_it_must_name() {
    let w = setting().await;
    let err = w.err("open_scar", json!({"vendor_code": "NOPE", "team": [], "problem": " "})).await;
    let fields: Vec<_> = err.fields.iter().map(|f| (f.field.as_str(), f.message_key.as_str())).collect();
    assert_eq!(fields, [("team", "error.scar.team_empty"), ("problem", "error.field.required")]);
    let mut wrong = opening();
    wrong["vendor_code"] = json!("OTHER");
    let err = w.err("open_scar", wrong).await;
    assert_eq!(err.fields[0].message_key, "error.scar.not_the_failures_vendor");
    let err = w
        .err("open_scar", json!({"vendor_code": "NOPE", "team": [{"name": "Vera", "role": ""}], "problem": "x"}))
        .await;
    assert_eq!(err.fields[0].message_key, "error.scar.unknown_vendor");
    // Opened for the vendor, without a failure.
    let s = w
        .ok("open_scar", json!({"vendor_code": "SZHQ", "team": [{"name": "Vera", "role": ""}], "problem": "Late 8Ds"}))
        .await;
    assert_eq!(s["failure_no"], Value::Null);
    as_user(&w, "ines").await;
    let err = w.err("open_scar", opening()).await;
    assert_eq!(err.message_key, "error.forbidden.manage_scars");
    let err = w.err("advance_scar", json!({"scar_no": "SCAR-AMS1-000001", "to": "sent", "due_on": "2026-11-16"})).await;
    assert_eq!(err.message_key, "error.forbidden.manage_scars");
    // Anyone may read them.
    assert_eq!(w.ok("list_scars", json!({})).await.as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn an_answer_past_its_due_day_is_overdue_on_the_list_and_the_vendors_scorecard() {
    let w = setting().await;
    let no = w.ok("open_scar", opening()).await["scar_no"].as_str().unwrap().to_owned();
    w.ok("advance_scar", json!({"scar_no": no, "to": "sent", "due_on": "2026-11-16"})).await;
    let week = json!({"from": "2026-11-02", "to": "2026-11-08"});
    let card =
        |cards: &Value| cards["vendors"].as_array().unwrap().iter().find(|c| c["vendor_code"] == "SZHQ").cloned();
    let before = w.ok("vendor_scorecards", week.clone()).await;
    assert_eq!(card(&before).unwrap()["overdue_scars"], 0);

    // Due on the 16th: still in time that day, overdue on the 17th.
    w.pass_time(chrono::Duration::days(14)).await;
    assert_eq!(w.ok("list_scars", json!({"overdue_only": true})).await, json!([]));
    w.pass_time(chrono::Duration::days(1)).await;
    let overdue = w.ok("list_scars", json!({"overdue_only": true})).await;
    assert_eq!(overdue[0]["scar_no"], no.as_str());
    assert_eq!(overdue[0]["overdue"], true);
    let after = w.ok("vendor_scorecards", week.clone()).await;
    let szhq = card(&after).unwrap();
    assert_eq!(szhq["overdue_scars"], 1);
    assert_eq!(szhq["rating"], card(&before).unwrap()["rating"], "a line of its own: the rating is unchanged");

    // Containment alone is no answer; the root cause is.
    w.ok("advance_scar", step(&no, "containment_received", "Sorted")).await;
    assert_eq!(w.ok("list_scars", json!({"overdue_only": true})).await.as_array().unwrap().len(), 1);
    let answer = json!({"scar_no": no, "to": "root_cause_received", "text": "Worn mould", "actions": "Replaced"});
    w.ok("advance_scar", answer).await;
    assert_eq!(w.ok("list_scars", json!({"overdue_only": true})).await, json!([]));
    assert_eq!(card(&w.ok("vendor_scorecards", week).await).unwrap()["overdue_scars"], 0);
}

#[tokio::test]
async fn the_scar_pdf_prints_the_team_the_problem_the_dates_and_the_answers_received() {
    let w = setting().await;
    let no = w.ok("open_scar", opening()).await["scar_no"].as_str().unwrap().to_owned();
    w.ok("advance_scar", json!({"scar_no": no, "to": "sent", "due_on": "2026-11-16"})).await;
    w.ok("advance_scar", step(&no, "containment_received", "240 boxes sorted at the plant")).await;
    let file = w.ok("scar_pdf", json!({"scar_no": no, "language": "en"})).await;
    assert_eq!(file["file_name"], "SCAR-AMS1-000001.pdf");
    let dir = tempfile::tempdir().unwrap();
    let path = write_pdf(dir.path(), &file);
    pdf_tool("qpdf", &["--check"], &path);
    let text = pdf_tool("pdftotext", &["-layout"], &path);
    for expected in [
        "SCAR-AMS1-000001",
        "D1 Team",
        "Vera Visser",
        "Supplier quality",
        "D2 Problem description",
        "Scratched lids on 3 of 80 boxes",
        "Record: Containment received",
        "Sent to the supplier",
        "Answer due",
        "2026-11-16",
        "240 boxes sorted at the plant",
        "D4 Root cause",
        "QF-AMS1-000001",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    // In the vendor's language when none is asked for: SZHQ reads Chinese.
    let file = w.ok("scar_pdf", json!({"scar_no": no})).await;
    let text = pdf_tool("pdftotext", &[], &write_pdf(dir.path(), &file));
    assert!(text.contains("D1 团队") && text.contains("已收到围堵措施"), "{text}");
}

#[tokio::test]
async fn the_demo_has_scars_in_several_states_and_its_overdue_one_shows_on_the_overview_and_scorecard() {
    let w = world().await;
    lotline_app::demo::load(&w.ctx).await.expect("demo loads");
    let all = w.ok("list_scars", json!({})).await;
    let mut states: Vec<(String, String)> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["vendor_code"].as_str().unwrap().to_owned(), s["status"].as_str().unwrap().to_owned()))
        .collect();
    states.sort();
    let pairs = |v: &[(&str, &str)]| v.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect::<Vec<_>>();
    assert_eq!(
        states,
        pairs(&[
            ("ACME", "draft"),
            ("DGMT", "root_cause_received"),
            ("HOLZ", "closed"),
            ("NBTX", "sent"),
            ("SZHQ", "sent")
        ])
    );
    // Each on a failure of its own vendor, logged before the SCAR was opened.
    for scar in all.as_array().unwrap() {
        let failure = w.ok("get_failure", json!({"failure_no": scar["failure_no"]})).await;
        assert_eq!(failure["vendor_code"], scar["vendor_code"], "{scar}");
    }

    // The Overview's card asks for the overdue ones: SZHQ's, sent 24 days ago and due 10 days
    // later, so 14 days overdue on 2 November.
    let overdue = w.ok("list_scars", json!({"overdue_only": true})).await;
    let overdue = overdue.as_array().unwrap();
    assert_eq!(overdue.len(), 1, "{overdue:?}");
    assert_eq!((overdue[0]["vendor_code"].as_str(), overdue[0]["due_on"].as_str()), (Some("SZHQ"), Some("2026-10-19")));
    assert_eq!(overdue[0]["overdue"], true);
    let closed = all.as_array().unwrap().iter().find(|s| s["status"] == "closed").unwrap();
    let detail = w.ok("get_scar", json!({"scar_no": closed["scar_no"]})).await;
    let actors: Vec<&str> =
        detail["history"].as_array().unwrap().iter().map(|h| h["actor_name"].as_str().unwrap()).collect();
    assert_eq!(actors, ["Priya Shah"; 6], "opened, sent, containment, root cause, verified, closed");

    let cards = w.ok("vendor_scorecards", json!({"from": "2026-09-01", "to": "2026-11-02"})).await;
    let overdue_by_vendor: Vec<(String, i64)> = cards["vendors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["overdue_scars"].as_i64() != Some(0))
        .map(|c| (c["vendor_code"].as_str().unwrap().to_owned(), c["overdue_scars"].as_i64().unwrap()))
        .collect();
    assert_eq!(overdue_by_vendor, [("SZHQ".to_owned(), 1)]);
    let report = lotline_store::check(&w.ctx.store).await.unwrap();
    assert!(report.ok(), "{report:?}");
}
