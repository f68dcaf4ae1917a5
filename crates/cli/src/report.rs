//! `lotline report review|kpis|vendor`: the review screen, the KPI table and the vendor defect
//! report from a terminal. `--json` prints the acts' output unchanged, so scripts read the same
//! fields as the desktop app.

use std::path::PathBuf;

use chrono::Days;
use clap::Subcommand;
use lotline_app::acts::review::{self, PeriodInput, ReviewPeriodReport, VendorReportInput};
use lotline_app::{ApiError, Ctx, call_act};
use lotline_domain::review::{CurrencyCost, KpiDirection, KpiTable, KpiUnit, ReviewPeriod};
use serde_json::json;

use crate::{json_name, parse_language, pdf_bytes, to_json};

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
            let out = call_act(ctx, review::review_period, PeriodInput { from, to }).await?;
            (to_json(&out), review_text(&out))
        }
        ReportCommand::Kpis { from, to } => {
            let today = ctx.now().date_naive();
            let to = to.unwrap_or_else(|| today.format("%Y-%m-%d").to_string());
            let default_from = today.checked_sub_days(Days::new(29)).unwrap_or(today);
            let from = from.unwrap_or_else(|| default_from.format("%Y-%m-%d").to_string());
            let out = call_act(ctx, review::kpi_table, PeriodInput { from, to }).await?;
            (to_json(&out), kpi_text(&out))
        }
        ReportCommand::Vendor { vendor, from, to, out: path, language } => {
            let input = VendorReportInput {
                vendor_code: Some(vendor.clone()),
                from: Some(from),
                to: Some(to),
                failure_no: None,
                language: language.as_deref().map(|l| parse_language("language", l)).transpose()?,
            };
            let file = call_act(ctx, review::vendor_report_pdf, input).await?;
            let bytes = pdf_bytes(&file)?;
            std::fs::write(&path, &bytes).map_err(|e| ApiError::internal(e).with("path", path.display()))?;
            let text = format!("Wrote the defect report for {vendor} to {}", path.display());
            (json!({ "path": path, "file_name": file.file_name, "bytes": bytes.len() }), text)
        }
    };
    if json_mode {
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    } else {
        println!("{text}");
    }
    Ok(())
}

/// Basis points as "12.34 %", or "no data".
fn pct(bps: Option<i64>) -> String {
    bps.map_or("no data".to_owned(), |b| format!("{}.{:02} %", b / 100, (b % 100).abs()))
}

/// Minor units as "12.34" (every currency here has two decimals but JPY, KRW and VND).
fn money(minor: Option<i64>, currency: &str) -> String {
    let Some(minor) = minor else { return "no data".to_owned() };
    if ["JPY", "KRW", "VND"].contains(&currency) {
        return format!("{minor} {currency}");
    }
    let sign = if minor < 0 { "-" } else { "" };
    format!("{sign}{}.{:02} {currency}", minor.abs() / 100, minor.abs() % 100)
}

fn period(p: &ReviewPeriod) -> String {
    format!("{} – {}", p.from, p.to)
}

fn review_text(r: &ReviewPeriodReport) -> String {
    let p = &r.pareto;
    let mut lines = vec![
        format!("Review {} (previous {})", period(&r.period), period(&r.previous_period)),
        format!(
            "QC failures: {} (previous {}), units failed {}",
            p.total_count, p.previous_total_count, p.total_quantity
        ),
        String::new(),
        format!(
            "{:<24} {:>8} {:>8} {:>9} {:>9} {:>9}",
            "failure reason", "failures", "units", "share", "cumul.", "previous"
        ),
    ];
    for review in &p.bars {
        let bar = &review.bar;
        let name = if bar.is_other { format!("other ({})", bar.categories) } else { bar.category.clone() };
        lines.push(format!(
            "{:<24} {:>8} {:>8} {:>9} {:>9} {:>9}",
            name,
            bar.count,
            bar.quantity,
            pct(Some(bar.share_bps)),
            pct(Some(bar.cumulative_bps)),
            review.previous_count
        ));
    }
    for (title, groups) in [("vendor", &r.by_vendor), ("sku", &r.by_sku)] {
        lines.push(String::new());
        lines.push(format!("{:<40} {:>8} {:>8} {:>9}", title, "failures", "units", "previous"));
        for g in groups {
            let name = format!("{} {}", g.code, g.name.as_deref().unwrap_or_default());
            lines.push(format!(
                "{:<40} {:>8} {:>8} {:>9}",
                name.trim(),
                g.current.failures,
                g.current.qty_failed,
                g.previous.failures
            ));
        }
    }
    lines.push(String::new());
    lines.push("cost of quality (net of chargebacks recovered), per currency".to_owned());
    for c in &r.cost_of_quality.currencies {
        let cur = c.currency.as_str();
        let net = |side: Option<&CurrencyCost>| money(side.map(|s| s.net_minor), cur);
        lines.push(format!("  {cur}: {} (previous {})", net(c.current.as_ref()), net(c.previous.as_ref())));
        if let Some(now) = &c.current {
            let part = |minor: i64| money(Some(minor), cur);
            lines.push(format!(
                "    scrap {}, rework {}, reshipment shipping {}, goods {}, refunds {}, store credit {}, \
                 re-inspection {}, return to vendor {}, recovered (every source) {}",
                part(now.scrap_minor),
                part(now.rework_minor),
                part(now.reshipment_shipping_minor),
                part(now.reshipment_goods_minor),
                part(now.refunds_minor),
                part(now.store_credit_minor),
                part(now.reinspection_minor),
                part(now.return_to_vendor_minor),
                part(now.chargebacks_recovered_minor)
            ));
        }
    }
    lines.push(format!("  failures sent to rework: {}", r.rework_failures));
    let t = &r.timeliness;
    let median = t.median_minutes_to_ship.map_or("no data".to_owned(), |m| format!("{:.1} h", m as f64 / 60.0));
    lines.push(format!(
        "reshipments: {} on time, {} late, {} open ({} on time); median authorization to ship {median}",
        t.on_time,
        t.late,
        t.open,
        pct(t.on_time_bps)
    ));
    lines.push(format!("checklist items added: {} (previous {})", r.checklist_added, r.checklist_added_previous));
    lines.join("\n")
}

fn kpi_value(unit: KpiUnit, v: Option<i64>, currency: &str) -> String {
    match unit {
        KpiUnit::Money => money(v, currency),
        KpiUnit::Days => v.map_or("no data".to_owned(), |m| format!("{:.2} d", m as f64 / 1440.0)),
        KpiUnit::Percent => pct(v),
    }
}

fn kpi_text(t: &KpiTable) -> String {
    let mut lines = vec![
        format!("Returns KPIs {} (previous {})", period(&t.period), period(&t.previous_period)),
        format!("{:<24} {:>12} {:>12} {:>12} {:>8} {:>7}", "kpi", "value", "target", "previous", "state", "sample"),
    ];
    for row in &t.rows {
        let id = json_name(&row.id);
        if row.figures.is_empty() {
            lines.push(format!("{:<24} {:>12}", id, "no data"));
        }
        for f in &row.figures {
            let cur = f.currency.clone().unwrap_or_default();
            // A money figure is one currency's; a rate in units, one unit of measure's.
            let key = if cur.is_empty() { f.unit_of_measure.clone().unwrap_or_default() } else { cur.clone() };
            let name = if key.is_empty() { id.clone() } else { format!("{id} {key}") };
            let target = match f.target {
                None => "—".to_owned(),
                Some(target) => {
                    let side = if row.direction == Some(KpiDirection::AtLeast) { "≥" } else { "≤" };
                    format!("{side} {}", kpi_value(row.unit, Some(target), &cur))
                }
            };
            lines.push(format!(
                "{:<24} {:>12} {:>12} {:>12} {:>8} {:>7}",
                name,
                kpi_value(row.unit, f.value, &cur),
                target,
                kpi_value(row.unit, f.previous, &cur),
                json_name(&f.state),
                f.sample
            ));
        }
    }
    let a = &t.aging;
    lines.push(format!(
        "open RMAs: {} (0–2 days {}, 3–7 {}, 8–14 {}, 15–30 {}, over 30 {})",
        a.open, a.days_0_2, a.days_3_7, a.days_8_14, a.days_15_30, a.over_30_days
    ));
    lines.join("\n")
}
