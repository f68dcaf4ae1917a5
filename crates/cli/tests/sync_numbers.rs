//! Two desks of one site, each set up and used on its own before the team existed, join one
//! team: their numbers clashed (`QF-AMS1-000001` on both). The first to sync keeps them; the
//! other's records go by its desk's number, the old number still finds them, and every desk
//! holds the same rows.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use std::collections::HashSet;
use std::path::Path;

use common::ok;
use common::team::{Server, check, count, enroll_code, json};

fn numbers(data: &Path, sql: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(data.join("lotline.db")).unwrap();
    let mut statement = conn.prepare(sql).unwrap();
    statement.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn desks_of_one_site_set_up_apart_keep_every_record_under_distinct_numbers() {
    let root = tempfile::tempdir().unwrap();
    let (server_dir, a, b) = (root.path().join("server"), root.path().join("desk-a"), root.path().join("desk-b"));
    let server = Server::start(&server_dir);
    for desk in [&a, &b] {
        ok(desk, &["init", "--company", "Sync BV", "--site", "AMS1", "--currency", "EUR", "--admin", "admin"]);
        ok(desk, &["--user", "admin", "demo"]);
    }
    let failures_each = count(&a, "SELECT COUNT(*) FROM failures");
    let rmas_each = count(&a, "SELECT COUNT(*) FROM rmas");
    assert_eq!(numbers(&a, "SELECT failure_no FROM failures"), numbers(&b, "SELECT failure_no FROM failures"));

    for desk in [&a, &b] {
        let code = enroll_code(&server_dir);
        ok(desk, &["--user", "admin", "sync", "enroll", "--server", &server.url, "--code", &code]);
    }
    json(&a, &["sync", "--json"]);
    let report = json(&b, &["sync", "--json"]);
    let renumbered = report["renumbered"].as_array().expect("B is told which records were renumbered");
    // Both demos returned units of the same orders: B's returns beyond what the orders hold are
    // refused, each with its reason; none disappears unsaid.
    let over_the_order = report["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["reason_key"] == "error.sync.returnable_taken")
        .count() as i64;
    assert!(!renumbered.is_empty(), "{report}");
    assert!(
        renumbered.iter().all(|r| r["to"].as_str().unwrap().contains("-AMS1B-")),
        "B's records take B's desk code: {renumbered:?}"
    );
    json(&a, &["sync", "--json"]);

    for desk in [&a, &b] {
        let failures = numbers(desk, "SELECT failure_no FROM failures");
        assert_eq!(failures.len() as i64, failures_each * 2, "no failure lost");
        assert_eq!(failures.iter().collect::<HashSet<_>>().len(), failures.len(), "every number distinct");
        let rmas = numbers(desk, "SELECT rma_no FROM rmas");
        assert_eq!(rmas.len() as i64, rmas_each * 2 - over_the_order, "no return lost unsaid");
        assert_eq!(rmas.iter().collect::<HashSet<_>>().len(), rmas.len());
        let report = check(desk).await;
        assert!(report.ok(), "{report:?}");
    }
    for table in ["failures", "rmas", "reshipments", "recalls"] {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        assert_eq!(count(&a, &sql), count(&b, &sql), "{table}");
    }

    // B goes on counting after its old numbers; the old number still finds the record.
    let renamed_failure =
        renumbered.iter().find(|r| r["from"].as_str().unwrap().starts_with("QF-")).expect("a failure was renumbered");
    let (old, new) = (renamed_failure["from"].as_str().unwrap(), renamed_failure["to"].as_str().unwrap());
    let hits = json(&b, &["--user", "admin", "call", "search", &format!(r#"{{"text": "{old}"}}"#)]);
    let keys: Vec<&str> = hits.as_array().unwrap().iter().map(|h| h["key"].as_str().unwrap()).collect();
    assert!(keys.contains(&old) && keys.contains(&new), "A's record and B's renamed one: {keys:?}");
    let logged = json(
        &b,
        &[
            "--user",
            "admin",
            "call",
            "log_failure",
            r#"{"occurred_at": null, "sku": "CBL-USBC-2M", "vendor_code": "SZHQ", "lot_code": "LSZHQ-2100", "serials": [], "stage": "incoming", "qty_inspected": 80, "qty_failed": 3, "category_code": "COS", "description": "Scratches", "severity": "major", "inspection": null, "attachment_ids": [], "disposition": null, "owner_team": "warehouse_qc", "reinspection_of": null}"#,
        ],
    );
    let number = logged["failure_no"].as_str().unwrap();
    assert_eq!(number, format!("QF-AMS1B-{:06}", failures_each + 1), "after B's own numbers");
    json(&b, &["sync", "--json"]);
    json(&a, &["sync", "--json"]);
    assert_eq!(count(&a, "SELECT COUNT(*) FROM failures"), failures_each * 2 + 1);
    drop(server);
}
