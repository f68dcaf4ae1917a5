//! The report commands as the README documents them: `report review`, `report kpis` and
//! `report vendor ... --out FILE.pdf`, in text and `--json`.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use std::path::Path;

use common::{import, lotline, ok, tool};
use serde_json::{Value, json};

fn setup(data: &Path) {
    ok(data, &["init", "--company", "CLI Test BV", "--site", "CLI", "--currency", "EUR", "--admin", "admin"]);
    let import = |entity: &str, csv: &str| import(data, entity, csv);
    import("vendors", "code,name,country,language\nSZHQ,深圳华强电子有限公司,CN,zh-CN\n");
    import(
        "products",
        "sku,gtin,name,category,unit_cost_minor,currency,returnable,lot_tracked,serial_tracked,has_expiry,vendor_code\n\
         BOX-5L,,Opbergbox 5 L,Opslag,380,EUR,true,false,false,false,SZHQ\n",
    );
    for (at, category, failed) in [("2025-06-03T08:00:00Z", "COS", 3), ("2025-06-04T08:00:00Z", "DIM", 1)] {
        let failure = json!({
            "occurred_at": at, "sku": "BOX-5L", "vendor_code": "SZHQ", "lot_code": null, "serials": [],
            "stage": "incoming", "qty_inspected": 50, "qty_failed": failed, "category_code": category,
            "description": "Lid scratched", "severity": "major", "inspection": null, "attachment_ids": [],
            "disposition": "scrap", "owner_team": "warehouse_qc", "reinspection_of": null
        });
        ok(data, &["--user", "admin", "call", "log_failure", &failure.to_string()]);
    }
}

#[test]
fn review_kpis_and_a_vendor_report_from_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    setup(data);

    let review: Value = serde_json::from_str(&ok(
        data,
        &["--user", "admin", "--json", "report", "review", "--from", "2025-06-01", "--to", "2025-06-30"],
    ))
    .unwrap();
    assert_eq!(review["pareto"]["total_count"], 2);
    assert_eq!(review["pareto"]["bars"][0]["category"], "COS");
    assert_eq!(review["by_vendor"][0]["current"]["qty_failed"], 4);
    // Sent to scrap in June, but not scrapped yet: no cost booked in June.
    assert_eq!(review["cost_of_quality"]["currencies"], json!([]));
    let text = ok(data, &["--user", "admin", "report", "review", "--from", "2025-06-01", "--to", "2025-06-30"]);
    assert!(text.contains("COS") && text.contains("SZHQ"), "{text}");
    // Scrapped now: 2 of the first failure's 3 boxes and the second's 1, 3 × 3.80 = 11.40, booked
    // on the day they were scrapped (a span of three days around today, whatever the hour).
    for (no, qty) in [("QF-CLI-000001", 2), ("QF-CLI-000002", 1)] {
        let done = json!({"failure_no": no, "outcome": "Scrapped", "qty": qty});
        ok(data, &["--user", "admin", "call", "complete_disposition", &done.to_string()]);
    }
    let today = chrono::Utc::now().date_naive();
    let (from, to) = ((today - chrono::Days::new(1)).to_string(), (today + chrono::Days::new(1)).to_string());
    let text = ok(data, &["--user", "admin", "report", "review", "--from", &from, "--to", &to]);
    assert!(text.contains("scrap 11.40 EUR"), "{text}");

    let kpis: Value = serde_json::from_str(&ok(data, &["--user", "admin", "--json", "report", "kpis"])).unwrap();
    assert_eq!(kpis["rows"].as_array().map(Vec::len), Some(15), "with the cost per returned unit");
    let day = |k: &str| chrono::NaiveDate::parse_from_str(kpis["period"][k].as_str().unwrap(), "%Y-%m-%d").unwrap();
    assert_eq!((day("to") - day("from")).num_days(), 29, "the last 30 days by default");
    let text = ok(data, &["--user", "admin", "report", "kpis", "--from", "2025-06-01", "--to", "2025-06-30"]);
    assert!(text.contains("return_rate") && text.contains("no data") && text.contains("open RMAs: 0"), "{text}");

    let pdf = data.join("scar.pdf");
    let args = ["--user", "admin", "report", "vendor", "SZHQ", "--from", "2025-06-01", "--to", "2025-06-30"];
    let out = ok(data, &[&args[..], &["--out", pdf.to_str().unwrap()]].concat());
    assert!(out.contains("scar.pdf"), "{out}");
    assert!(tool("qpdf", &["--check", pdf.to_str().unwrap()]).contains("No syntax or stream encoding errors"));
    let text = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    assert!(text.contains("深圳华强电子有限公司") && text.contains("QF-CLI-000001"), "{text}");

    let out = lotline(data, &["--user", "admin", "report", "review", "--from", "2025-06-30", "--to", "2025-06-01"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("to:") && err.contains("before the start date"), "{err}");
}
