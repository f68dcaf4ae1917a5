use super::draw::{PARETO_BARS, ParetoBar, failure_table, pareto_bars, party_lines};
use super::*;
use crate::fonts::font_set;
use crate::i18n::Labels;

const JPEG: &[u8] = include_bytes!("../../tests/fixtures/defect-photo.jpg");

/// A small RGBA PNG, taller than wide, half transparent at the bottom.
pub(crate) fn png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().unwrap();
    let pixels: Vec<u8> = (0..height)
        .flat_map(|y| {
            (0..width).flat_map(move |x| {
                let alpha = if y > height / 2 { 128 } else { 255 };
                [u8::try_from(x * 255 / width).unwrap(), 90, u8::try_from(y * 255 / height).unwrap(), alpha]
            })
        })
        .collect();
    writer.write_image_data(&pixels).unwrap();
    writer.finish().unwrap();
    bytes
}

pub(crate) fn failure(n: usize) -> VendorReportFailure {
    VendorReportFailure {
        number: format!("QF-AMS1-{n:06}"),
        date: "2026-11-02".into(),
        sku: "CHG-WL-15W".into(),
        lot: format!("L-2026-{n:05}"),
        qty_defective: "3".into(),
        qty_inspected: "50".into(),
        severity: "Major".into(),
        category: "Scratches".into(),
        description: "Scratches on the housing near the charging coil.".into(),
    }
}

pub(crate) fn sample() -> VendorReport {
    VendorReport {
        report_number: "SCAR-AMS1-2026-11".into(),
        issued_on: "2026-11-30".into(),
        response_due: "2026-12-14".into(),
        company: VendorReportParty {
            name: "Lotline Demo B.V.".into(),
            address_lines: vec!["Kade 1".into(), "1011 AB Amsterdam".into()],
            contact: "Anna de Vries".into(),
            email: "quality@lotline.example".into(),
            ..VendorReportParty::default()
        },
        vendor: VendorReportParty {
            name: "深圳华强电子有限公司".into(),
            code: "V-0042".into(),
            address_lines: vec!["Shenzhen, China".into()],
            contact: "Li Wei".into(),
            email: "qa@huaqiang.example.cn".into(),
        },
        scope: VendorReportScope::Period { from: "2026-11-01".into(), to: "2026-11-30".into() },
        figures: VendorReportFigures {
            failures: "3".into(),
            units_inspected: "150".into(),
            units_defective: "9".into(),
            defect_rate: "6.00 %".into(),
            costs: vec!["€ 120.00".into()],
        },
        defects_by_category: vec![
            VendorDefectCount { category: "Scratches".into(), count: 6 },
            VendorDefectCount { category: "Wrong label".into(), count: 3 },
        ],
        failures: (0..3).map(failure).collect(),
        photos: vec![
            VendorReportPhoto { caption: "QF-AMS1-000000 · photo 1".into(), bytes: JPEG.to_vec() },
            VendorReportPhoto { caption: "QF-AMS1-000000 · photo 2".into(), bytes: png(30, 40) },
        ],
        language: "en".into(),
    }
}

fn page_count(pdf: &[u8]) -> usize {
    lopdf::Document::load_mem(pdf).unwrap().get_pages().len()
}

#[test]
fn a_small_report_is_one_page_of_findings_and_the_response_form() {
    let pdf = vendor_report(&sample()).unwrap();
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
    assert_eq!(rows[1][2], "3 / 50");
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
    assert_eq!(lines, ["深圳华强电子有限公司", "Supplier code: V-0042", "Shenzhen, China", "Contact: Li Wei"]);
    let ours: Vec<String> =
        party_lines(fonts, &sample().company, &labels, 80.0, false).into_iter().map(|(line, _)| line).collect();
    assert_eq!(ours.len(), 5, "{ours:?}");
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
