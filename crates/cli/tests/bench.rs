//! `lotline bench --json` at a hundredth of its size: every figure stands beside its baseline,
//! their ratio and its target, and each baseline returned what its figure did (the same lots,
//! rows, numbers and label drawing). The speeds themselves are the bench's to report, never a
//! test's to assert.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// Every figure of the report, by path, and whether it has a target.
const FIGURES: [(&str, bool); 28] = [
    ("import", true),
    ("import_failures", false),
    ("log_failure", true),
    ("failures_list", false),
    ("failures_text_search", false),
    ("failures_text_many", false),
    ("approve_reshipment", true),
    ("ship_reshipment", true),
    ("returns.check_rma", true),
    ("returns.open_rma", true),
    ("returns.rma_label", true),
    ("returns.labels_batch", false),
    ("reviews.review_period", true),
    ("reviews.kpi_table", true),
    ("reviews.vendor_scorecards", true),
    ("reviews.sku_flags", true),
    ("reviews.safety_stock_alerts", true),
    ("reviews.inbox_poll", false),
    ("lots.import_lots", true),
    ("lots.import_links", true),
    ("lots.import_shipments", true),
    ("lots.index_load", false),
    ("lots.trace", true),
    ("lots.trace_ingredient", true),
    ("lots.recall_hub", false),
    // The same figures beside their recursive CTE.
    ("lots.trace#cte", false),
    ("lots.trace_ingredient#cte", false),
    ("lots.recall_hub#cte", false),
];

fn at<'a>(report: &'a Value, path: &str) -> &'a Value {
    let (path, key) = path.split_once('#').map_or((path, "compared"), |(p, _)| (p, "compared_cte"));
    let figure = path.split('.').fold(report, |v, k| &v[k]);
    &figure[key]
}

fn check_figure(report: &Value, path: &str, has_target: bool) {
    let c = at(report, path);
    assert!(c.is_object(), "{path} has a baseline: {report}");
    for key in ["figure", "baseline", "ratio"] {
        let n = c[key].as_f64().unwrap_or_else(|| panic!("{path}.{key} is a number: {c}"));
        assert!(n.is_finite() && n > 0.0, "{path}.{key} = {n}");
    }
    assert!(!c["what"].as_str().unwrap_or_default().is_empty(), "{path} says what its baseline is");
    assert_eq!(c["same_result"], true, "{path}: the baseline returned what the figure did: {c}");
    let target = c["target_at_most"].as_f64().or(c["target_at_least"].as_f64());
    assert_eq!(target.is_some(), has_target, "{path}: {c}");
    assert_eq!(c["met"].is_boolean(), has_target, "{path} says whether its target is met: {c}");
}

fn tool(name: &str, args: &[&str], file: &Path) -> String {
    let out = Command::new(name).args(args).arg(file).output().unwrap_or_else(|e| panic!("{name} runs: {e}"));
    assert!(out.status.success(), "{name} {}: {}", file.display(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The fonts pdffonts lists, without the subset tags ("ABCDEF+DejaVuSans").
fn fonts(pdf: &Path) -> Vec<String> {
    let listed = tool("pdffonts", &[], pdf);
    let mut names: Vec<String> = listed
        .lines()
        .skip(2)
        .filter_map(|l| l.split_whitespace().next())
        .map(|n| n.rsplit('+').next().unwrap_or_default().to_owned())
        .collect();
    names.sort();
    names
}

/// The page's words as pdftotext reads them, in any order (the layouts differ).
fn words(pdf: &Path) -> Vec<String> {
    let out = Command::new("pdftotext").arg(pdf).arg("-").output().expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext {}", pdf.display());
    let mut words: Vec<String> = String::from_utf8_lossy(&out.stdout).split_whitespace().map(str::to_owned).collect();
    words.sort();
    words
}

/// What zbar reads off the page rendered at 300 dpi: each symbol's type and text.
fn symbols(pdf: &Path) -> Vec<String> {
    let prefix = pdf.with_extension("");
    let png = pdf.with_extension("png");
    let status = Command::new("pdftoppm")
        .args(["-r", "300", "-png", "-singlefile"])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm runs");
    assert!(status.success());
    let mut found: Vec<String> = tool("zbarimg", &["-q"], &png).lines().map(str::to_owned).collect();
    found.sort();
    found
}

#[test]
fn bench_reports_each_figure_beside_its_baseline() {
    let pdfs = tempfile::tempdir().expect("a temporary folder");
    let out = Command::new(env!("CARGO_BIN_EXE_lotline"))
        .args(["bench", "--scale", "0.01", "--json"])
        .env("LOTLINE_BENCH_KEEP_PDFS", pdfs.path())
        .output()
        .expect("lotline runs");
    assert!(out.status.success(), "the bench failed: {}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).expect("the bench prints JSON");

    assert_eq!(report["scale"], 0.01);
    assert!(!report["file_system"]["kind"].as_str().unwrap_or_default().is_empty(), "{}", report["file_system"]);
    for (path, has_target) in FIGURES {
        check_figure(&report, path, has_target);
    }
    // The interactive acts' baseline is measured as they are: p50 and p99 both.
    for path in ["log_failure", "approve_reshipment", "returns.open_rma", "reviews.kpi_table"] {
        let figure = path.split('.').fold(&report, |v, k| &v[k]);
        assert!(figure["baseline_p50_ms"].as_f64().unwrap() <= figure["baseline_p99_ms"].as_f64().unwrap());
    }
    // The reviews' numbers, act and hand-written SQL side by side.
    let numbers = report["reviews"]["numbers"].as_array().expect("the reviews' numbers");
    assert_eq!(numbers.len(), 5);
    for n in numbers {
        assert!(!n["act_numbers"].as_array().unwrap().is_empty(), "{n}");
        assert_eq!(n["act_numbers"], n["sql_numbers"], "{n}");
    }
    assert!(report["reviews"]["numbers"][0]["act_numbers"][0].as_i64().unwrap() > 0, "the review counted failures");
    // The KPI table's orders returned were counted in both periods' statement, and the alerts
    // and the inbox had rows to list (seeded safety stocks, lots expiring soon).
    assert!(report["reviews"]["numbers"][1]["act_numbers"][2].as_i64().unwrap() > 0, "the KPIs counted orders");
    assert!(report["reviews"]["numbers"][4]["act_numbers"][0].as_i64().unwrap() > 0, "safety stocks were watched");
    assert!(report["reviews"]["inbox_items"].as_u64().unwrap() > 0, "the inbox listed records");
    // The traces reached lots, as their baselines did (the same ones: same_result above).
    assert!(report["lots"]["trace_ingredient"]["lots_reached_max"].as_u64().unwrap() > 1);
    assert!(report["lots"]["recall_hub"]["lots_in_scope"].as_u64().unwrap() > 1);

    // The first label and its bare page: the same fonts, words and symbols, read by poppler and
    // zbar rather than by the bench's own parser.
    let (label, bare) = (pdfs.path().join("label.pdf"), pdfs.path().join("bare.pdf"));
    assert_eq!(fonts(&label), ["DejaVuSans", "DejaVuSans-Bold"]);
    assert_eq!(fonts(&bare), fonts(&label));
    let label_words = words(&label);
    assert!(label_words.contains(&"RMA-BEN-000001".to_owned()), "{label_words:?}");
    assert_eq!(words(&bare), label_words);
    let expected = ["CODE-128:RMA-BEN-000001", "QR-Code:RMA-BEN-000001"];
    assert_eq!(symbols(&label), expected);
    assert_eq!(symbols(&bare), expected);
}
