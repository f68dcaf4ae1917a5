//! `lotline report review|kpis|vendor`: the review screen, the KPI table and the vendor defect
//! report from a terminal. `--json` prints the acts' output unchanged, so scripts read the same
//! fields as the desktop app.

use std::path::PathBuf;

use base64::Engine as _;
use chrono::Days;
use clap::Subcommand;
use lotline_app::{ApiError, Ctx, call};
use serde_json::{Value, json};

#[derive(Subcommand)]
pub enum ReportCommand {
    /// Failure reasons, vendors, SKUs, cost of quality, reshipment timeliness and checklist items
    /// for a period, each against the period of equal length before it.
    Review {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
    },
    /// The returns KPI table with targets (default: the last 30 days ending today).
    Kpis {
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
    },
    /// A vendor defect report (SCAR / 8D) as PDF.
    Vendor {
        vendor: String,
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[arg(long)]
        out: PathBuf,
        /// en, zh-CN or nl; the vendor's language when absent.
        #[arg(long)]
        language: Option<String>,
    },
}

pub async fn run(ctx: &Ctx, command: ReportCommand, json_mode: bool) -> Result<(), ApiError> {
    let (out, text) = match command {
        ReportCommand::Review { from, to } => {
            let out = call(ctx, "review_period", json!({ "from": from, "to": to })).await?;
            let text = review_text(&out);
            (out, text)
        }
        ReportCommand::Kpis { from, to } => {
            let today = ctx.now().date_naive();
            let to = to.unwrap_or_else(|| today.format("%Y-%m-%d").to_string());
            let default_from = today.checked_sub_days(Days::new(29)).unwrap_or(today);
            let from = from.unwrap_or_else(|| default_from.format("%Y-%m-%d").to_string());
            let out = call(ctx, "kpi_table", json!({ "from": from, "to": to })).await?;
            let text = kpi_text(&out);
            (out, text)
        }
        ReportCommand::Vendor { vendor, from, to, out: path, language } => {
            let input = json!({ "vendor_code": vendor, "from": from, "to": to, "language": language });
            let file = call(ctx, "vendor_report_pdf", input).await?;
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(file["pdf_base64"].as_str().unwrap_or_default())
                .map_err(ApiError::internal)?;
            std::fs::write(&path, &bytes).map_err(|e| ApiError::internal(e).with("path", path.display()))?;
            let text = format!("Wrote the defect report for {vendor} to {}", path.display());
            (json!({ "path": path, "file_name": file["file_name"], "bytes": bytes.len() }), text)
        }
    };
    if json_mode {
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    } else {
        println!("{text}");
    }
    Ok(())
}

fn s(v: &Value, key: &str) -> String {
    v[key].as_str().unwrap_or_default().to_owned()
}

fn list(v: &Value, key: &str) -> Vec<Value> {
    v[key].as_array().cloned().unwrap_or_default()
}

/// Basis points as "12.34 %", or "no data".
fn pct(v: &Value) -> String {
    v.as_i64().map_or("no data".to_owned(), |b| format!("{}.{:02} %", b / 100, (b % 100).abs()))
}

/// Minor units as "12.34" (every currency here has two decimals but JPY, KRW and VND).
fn money(v: &Value, currency: &str) -> String {
    let Some(minor) = v.as_i64() else { return "no data".to_owned() };
    if ["JPY", "KRW", "VND"].contains(&currency) {
        return format!("{minor} {currency}");
    }
    let sign = if minor < 0 { "-" } else { "" };
    format!("{sign}{}.{:02} {currency}", minor.abs() / 100, minor.abs() % 100)
}

fn period(v: &Value) -> String {
    format!("{} – {}", s(v, "from"), s(v, "to"))
}

fn review_text(r: &Value) -> String {
    let p = &r["pareto"];
    let mut lines = vec![
        format!("Review {} (previous {})", period(&r["period"]), period(&r["previous_period"])),
        format!(
            "QC failures: {} (previous {}), units failed {}",
            p["total_count"], p["previous_total_count"], p["total_quantity"]
        ),
        String::new(),
        format!(
            "{:<24} {:>8} {:>8} {:>9} {:>9} {:>9}",
            "failure reason", "failures", "units", "share", "cumul.", "previous"
        ),
    ];
    for bar in list(p, "bars") {
        let name = if bar["is_other"].as_bool() == Some(true) {
            format!("other ({})", bar["categories"])
        } else {
            s(&bar, "category")
        };
        lines.push(format!(
            "{:<24} {:>8} {:>8} {:>9} {:>9} {:>9}",
            name,
            bar["count"],
            bar["quantity"],
            pct(&bar["share_bps"]),
            pct(&bar["cumulative_bps"]),
            bar["previous_count"]
        ));
    }
    for (title, key) in [("vendor", "by_vendor"), ("sku", "by_sku")] {
        lines.push(String::new());
        lines.push(format!("{:<40} {:>8} {:>8} {:>9}", title, "failures", "units", "previous"));
        for g in list(r, key) {
            let name = format!("{} {}", s(&g, "code"), s(&g, "name"));
            let (now, before) = (&g["current"], &g["previous"]);
            lines.push(format!(
                "{:<40} {:>8} {:>8} {:>9}",
                name.trim(),
                now["failures"],
                now["qty_failed"],
                before["failures"]
            ));
        }
    }
    lines.push(String::new());
    lines.push("cost of quality (net of chargebacks recovered), per currency".to_owned());
    for c in list(&r["cost_of_quality"], "currencies") {
        let cur = s(&c, "currency");
        let net = |side: &str| money(&c[side]["net_minor"], &cur);
        lines.push(format!("  {cur}: {} (previous {})", net("current"), net("previous")));
        if let Some(now) = c["current"].as_object() {
            let part = |k: &str| money(&now.get(k).cloned().unwrap_or(Value::Null), &cur);
            lines.push(format!(
                "    scrap {}, rework {}, reshipment shipping {}, goods {}, refunds {}, store credit {}, \
                 re-inspection {}, return to vendor {}, recovered (every source) {}",
                part("scrap_minor"),
                part("rework_minor"),
                part("reshipment_shipping_minor"),
                part("reshipment_goods_minor"),
                part("refunds_minor"),
                part("store_credit_minor"),
                part("reinspection_minor"),
                part("return_to_vendor_minor"),
                part("chargebacks_recovered_minor")
            ));
        }
    }
    lines.push(format!("  failures sent to rework: {}", r["rework_failures"]));
    let t = &r["timeliness"];
    let median =
        t["median_minutes_to_ship"].as_i64().map_or("no data".to_owned(), |m| format!("{:.1} h", m as f64 / 60.0));
    lines.push(format!(
        "reshipments: {} on time, {} late, {} open ({} on time); median authorization to ship {median}",
        t["on_time"],
        t["late"],
        t["open"],
        pct(&t["on_time_bps"])
    ));
    lines.push(format!("checklist items added: {} (previous {})", r["checklist_added"], r["checklist_added_previous"]));
    lines.join("\n")
}

fn kpi_value(unit: &str, v: &Value, currency: &str) -> String {
    match unit {
        "money" => money(v, currency),
        "days" => v.as_i64().map_or("no data".to_owned(), |m| format!("{:.2} d", m as f64 / 1440.0)),
        _ => pct(v),
    }
}

fn kpi_text(t: &Value) -> String {
    let mut lines = vec![
        format!("Returns KPIs {} (previous {})", period(&t["period"]), period(&t["previous_period"])),
        format!("{:<24} {:>12} {:>12} {:>12} {:>8} {:>7}", "kpi", "value", "target", "previous", "state", "sample"),
    ];
    for row in list(t, "rows") {
        let unit = s(&row, "unit");
        let figures = list(&row, "figures");
        if figures.is_empty() {
            lines.push(format!("{:<24} {:>12}", s(&row, "id"), "no data"));
        }
        for f in figures {
            let cur = s(&f, "currency");
            // A money figure is one currency's; a rate in units, one unit of measure's.
            let key = if cur.is_empty() { s(&f, "unit_of_measure") } else { cur.clone() };
            let name = if key.is_empty() { s(&row, "id") } else { format!("{} {key}", s(&row, "id")) };
            let target = if f["target"].is_null() {
                "—".to_owned()
            } else {
                let side = if s(&row, "direction") == "at_least" { "≥" } else { "≤" };
                format!("{side} {}", kpi_value(&unit, &f["target"], &cur))
            };
            lines.push(format!(
                "{:<24} {:>12} {:>12} {:>12} {:>8} {:>7}",
                name,
                kpi_value(&unit, &f["value"], &cur),
                target,
                kpi_value(&unit, &f["previous"], &cur),
                s(&f, "state"),
                f["sample"]
            ));
        }
    }
    let a = &t["aging"];
    lines.push(format!(
        "open RMAs: {} (0–2 days {}, 3–7 {}, 8–14 {}, 15–30 {}, over 30 {})",
        a["open"], a["days_0_2"], a["days_3_7"], a["days_8_14"], a["days_15_30"], a["over_30_days"]
    ));
    lines.join("\n")
}
