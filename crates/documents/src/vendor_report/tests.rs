use super::draw::{PARETO_BARS, ParetoBar, failure_table, pareto_bars, party_lines};
use super::*;
use crate::fonts::font_set;
use crate::i18n::Labels;

#[path = "../../tests/fixtures/vendor_report.rs"]
mod fixture;

use fixture::{CHINESE_VENDOR, failure, report};

fn sample() -> VendorReport {
    report("en", 3)
}

fn page_count(pdf: &[u8]) -> usize {
    lopdf::Document::load_mem(pdf).unwrap().get_pages().len()
}

#[test]
fn a_small_report_is_one_page_of_findings_and_the_response_form() {
    let mut small = sample();
    // The sample's photos fill a page of their own.
    small.photos.clear();
    let pdf = vendor_report(&small).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    // Findings on page 1, the 8D form on pages of its own.
    let pages = page_count(&pdf);
    assert!((2..=3).contains(&pages), "{pages}");
}

#[test]
fn an_empty_report_renders() {
    let report = VendorReport {
        report_number: "SCAR-1".into(),
        vendor: VendorReportParty { name: "Acme".into(), ..VendorReportParty::default() },
        language: "nl".into(),
        ..VendorReport::default()
    };
    assert!(page_count(&vendor_report(&report).unwrap()) >= 2);
}

#[test]
fn missing_fields_are_named() {
    let mut report = sample();
    report.report_number = " ".into();
    assert_eq!(vendor_report(&report).unwrap_err().field(), "report_number");

    let mut report = sample();
    report.vendor.name = String::new();
    assert_eq!(vendor_report(&report).unwrap_err().field(), "vendor.name");

    let mut report = sample();
    report.scope = VendorReportScope::Failure { number: "  ".into() };
    assert_eq!(vendor_report(&report).unwrap_err().field(), "scope.number");
}

#[test]
fn the_pareto_sorts_sums_the_tail_and_ends_at_one_hundred_percent() {
    let labels = Labels::new("en");
    let count = |category: &str, count| VendorDefectCount { category: category.into(), count };
    let bars = pareto_bars(&[count("b", 1), count("a", 3), count("none", 0), count("c", 1)], &labels);
    let bar =
        |category: &str, count, cumulative_percent| ParetoBar { category: category.into(), count, cumulative_percent };
    assert_eq!(bars, [bar("a", 3, 60), bar("b", 1, 80), bar("c", 1, 100)]);

    let many: Vec<VendorDefectCount> = (0..12).map(|n| count(&format!("cat {n}"), 20 - n)).collect();
    let bars = pareto_bars(&many, &labels);
    assert_eq!(bars.len(), PARETO_BARS);
    assert_eq!(bars[0].category, "cat 0");
    let other = bars.last().unwrap();
    assert_eq!(other.category, "Other (5 categories)");
    assert_eq!(other.count, (7..12).map(|n| 20 - n).sum::<u64>());
    assert_eq!(other.cumulative_percent, 100);
    assert!(bars.windows(2).all(|pair| pair[0].cumulative_percent <= pair[1].cumulative_percent));

    assert!(pareto_bars(&[], &labels).is_empty());
    assert!(pareto_bars(&[count("x", 0)], &labels).is_empty());
}

#[test]
fn the_failure_table_fills_the_width_and_shows_both_quantities() {
    let report = sample();
    let (table, rows) = failure_table(&report, &Labels::new("en"));
    assert!((table.width() - 180.0).abs() < 0.01, "{}", table.width());
    assert!(rows.iter().all(|row| row.len() == table.columns.len()));
    assert_eq!(rows[1][0], "QF-AMS1-000001\u{2028}2026-11-02");
    assert_eq!(rows[1][2], "2 / 80");
    let (table, _) = failure_table(&report, &Labels::new("zh-CN"));
    assert_eq!(table.columns[1].title, "SKU\u{2028}批号");
}

#[test]
fn the_vendor_block_shows_its_code_and_leaves_out_empty_lines() {
    let fonts = font_set().unwrap();
    let labels = Labels::new("en");
    let mut vendor = sample().vendor;
    vendor.email = " ".into();
    vendor.address_lines.push(String::new());
    let lines: Vec<String> =
        party_lines(fonts, &vendor, &labels, 80.0, true).into_iter().map(|(line, _)| line).collect();
    assert_eq!(
        lines,
        [CHINESE_VENDOR, "Supplier code: V-0042", "华强北路 1002 号", "深圳市福田区, China", "Contact: 李伟 (Li Wei)"]
    );
    let ours: Vec<String> =
        party_lines(fonts, &sample().company, &labels, 80.0, false).into_iter().map(|(line, _)| line).collect();
    assert_eq!(ours.len(), 6, "{ours:?}");
}

#[test]
fn many_failures_run_onto_more_pages() {
    let mut report = sample();
    report.failures = (0..20).map(failure).collect();
    let few = page_count(&vendor_report(&report).unwrap());
    report.failures = (0..300).map(failure).collect();
    let many = page_count(&vendor_report(&report).unwrap());
    assert!(many > few + 5, "{few} then {many}");
}

#[test]
fn broken_photos_still_give_a_report() {
    let mut report = sample();
    report.photos.push(VendorReportPhoto { caption: "broken".into(), bytes: b"not an image".to_vec() });
    assert!(vendor_report(&report).is_ok());
}

#[test]
fn a_decompression_bomb_among_the_photos_is_skipped_and_the_report_still_made() {
    let mut report = sample();
    let bomb = include_bytes!("../../tests/fixtures/bomb-100000x100000.png").to_vec();
    report.photos.insert(0, VendorReportPhoto { caption: "QF-AMS1-000001 · 1".into(), bytes: bomb });
    let pdf = vendor_report(&report).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}
