//! The `lotline` binary end to end on a real data folder: what scripts rely on.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::{lotline, ok};

use serde_json::Value;

#[test]
fn init_demo_import_export_call_rebuild_check() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, &["init", "--company", "CLI Test BV", "--site", "CLI", "--currency", "EUR", "--admin", "admin"]);
    ok(data, &["--user", "admin", "demo"]);

    // A bad file: exit code 1, each bad row with line, column and reason, nothing written.
    let bad = data.join("bad.csv");
    std::fs::write(&bad, "code,name,country\nV-NEW,New vendor,NL\nV-BAD,Bad country,Netherlands\n").unwrap();
    let out = lotline(data, &["--user", "admin", "import", "vendors", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "error: 1 field(s) need attention\n  line 3, country: “NETHERLANDS” is not a two-letter country code such as NL or CN"
    );
    // With --json the same error is the ApiError itself, for scripts.
    let out = lotline(data, &["--user", "admin", "--json", "import", "vendors", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err: Value = serde_json::from_slice(&out.stderr).expect("ApiError JSON on stderr");
    assert_eq!(err["code"], "invalid");
    assert_eq!(err["fields"][0]["row"], 3);
    assert_eq!(err["fields"][0]["field"], "country");
    let vendors = ok(data, &["--user", "admin", "export", "vendors"]);
    assert!(!vendors.contains("V-NEW"), "a bad file must import nothing");
    assert!(vendors.contains("深圳华强电子有限公司"));

    let good = data.join("good.csv");
    std::fs::write(&good, "code,name,country\nV-NEW,New vendor,NL\n").unwrap();
    let report: Value =
        serde_json::from_str(&ok(data, &["--user", "admin", "--json", "import", "vendors", good.to_str().unwrap()]))
            .unwrap();
    assert_eq!(report["imported"], 1);

    let out_file = data.join("failures.csv");
    ok(data, &["--user", "admin", "export", "failures", "--out", out_file.to_str().unwrap()]);
    let csv = std::fs::read_to_string(&out_file).unwrap();
    assert_eq!(csv.lines().count(), 38, "header + 37 demo failures (one found in process on a work order)");

    let plan: Value =
        serde_json::from_str(&ok(data, &["call", "aql_plan", r#"{"lot_size": 1200, "level": "II", "aql": 2.5}"#]))
            .unwrap();
    assert_eq!(plan["sample_size"], 80);
    let out = lotline(data, &["call", "list_failures", "{}"]);
    assert_eq!(out.status.code(), Some(1), "acts that need a user say so");
    let err: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["code"], "unauthenticated");

    let rebuilt: Value = serde_json::from_str(&ok(data, &["--user", "admin", "--json", "rebuild"])).unwrap();
    assert!(rebuilt["events"].as_i64().unwrap() > 100);
    let check: Value = serde_json::from_str(&ok(data, &["--user", "admin", "--json", "check"])).unwrap();
    assert_eq!(check["integrity"], "ok");
    assert_eq!(check["mismatched"], serde_json::json!([]));
    // The log's key lives outside the data folder, and its checkpoints verify.
    assert_eq!((check["keyed"]["state"].as_str(), &check["keyed"]["first_problem"]), (Some("verified"), &Value::Null));
    assert!(check["keyed"]["verified"].as_i64().unwrap() >= 1, "{check}");
}

#[test]
fn check_fails_and_names_the_event_edited_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, &["init", "--company", "CLI Test BV", "--site", "CLI", "--currency", "EUR", "--admin", "admin"]);
    let check: Value = serde_json::from_str(&ok(data, &["--user", "admin", "--json", "check"])).unwrap();
    assert_eq!(check["chain"]["first_problem"], Value::Null);
    // Only an administrator rebuilds or checks: a rebuild makes whatever the log says the truth.
    let out = lotline(data, &["--json", "rebuild"]);
    assert_eq!(out.status.code(), Some(1));
    let err: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["code"], "unauthenticated");
    ok(
        data,
        &[
            "--user",
            "admin",
            "call",
            "create_user",
            r#"{"username": "ines", "display_name": "Ines", "password": "password-123", "roles": ["inspector"], "language": "en"}"#,
        ],
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lotline"))
        .args(["--data", data.to_str().unwrap(), "--user", "ines", "--json", "check"])
        .env("LOTLINE_PASSWORD", "password-123")
        .output()
        .unwrap();
    let err: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!((out.status.code(), err["message_key"].as_str()), (Some(1), Some("error.forbidden.maintain_log")));

    // Someone with the file makes themselves a finance user in the log, and rebuilds.
    let db = rusqlite::Connection::open(data.join("lotline.db")).unwrap();
    let (id, seq): (String, i64) = db
        .query_row("SELECT id, desk_seq FROM events WHERE kind = 'user_created'", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    db.execute("UPDATE events SET payload = replace(payload, '\"quality_lead\"', '\"finance\"') WHERE id = ?1", [&id])
        .unwrap();
    drop(db);
    ok(data, &["--user", "admin", "rebuild"]);

    let out = lotline(data, &["--user", "admin", "check"]);
    assert_eq!(out.status.code(), Some(2), "check fails");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&format!("chain: BROKEN at event {id} (user_created, number {seq} of desk"))
            && text.contains("changed after it was written"),
        "{text}"
    );
    let out = lotline(data, &["--user", "admin", "--json", "check"]);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["chain"]["first_problem"]["event_id"], id.as_str());
    assert_eq!(report["chain"]["first_problem"]["problem"], "changed");
}

/// `lotline import` sends the file's bytes: a Dutch Excel's Windows-1252 file is read as written,
/// and `--encoding` names the encoding when the file is not in the one detected.
#[test]
fn import_reads_a_file_in_the_encoding_excel_saved_it_in() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, &["init", "--company", "CLI Test BV", "--site", "CLI", "--currency", "EUR", "--admin", "admin"]);
    let file = data.join("leveranciers.csv");
    // "Brouwerij Café Zuid" in Windows-1252: é is the single byte 0xE9.
    std::fs::write(&file, b"code,name,country\nV-CAFE,Brouwerij Caf\xe9 Zuid,NL\n").unwrap();
    let out = lotline(
        data,
        &["--user", "admin", "--json", "import", "vendors", file.to_str().unwrap(), "--encoding", "utf-8"],
    );
    assert_eq!(out.status.code(), Some(1));
    let err: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["message_key"], "error.import.not_in_encoding");
    ok(data, &["--user", "admin", "import", "vendors", file.to_str().unwrap()]);
    assert!(ok(data, &["--user", "admin", "export", "vendors"]).contains("V-CAFE,Brouwerij Café Zuid,NL"));
}
