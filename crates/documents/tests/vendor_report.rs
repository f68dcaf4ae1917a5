//! The vendor defect report (SCAR / 8D) as real tools see it.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

// The report has no barcodes and is checked by its text, so some shared helpers go unused here.
#[allow(dead_code)]
mod common;
#[path = "fixtures/vendor_report.rs"]
mod fixture;

/// In a module of the document's name, so that `cargo test vendor_report` runs these too.
mod vendor_report {
    use std::process::Command;

    use lotline_documents::{
        VendorReport, VendorReportFailure, VendorReportFigures, VendorReportMember, VendorReportPhoto,
        VendorReportRecord, VendorReportScope, VendorReportStep, vendor_report,
    };

    use super::common;
    use super::fixture::{CHINESE_VENDOR, failure, report};

    fn assert_contains(text: &str, expected: &[&str]) {
        for expected in expected {
            assert!(text.contains(expected), "{expected:?} not in:\n{text}");
        }
    }

    /// Every page renders to a non-empty PNG at 72 dpi.
    fn render_all(checked: &common::Checked) {
        for page in 1..=checked.page_count() {
            let png = checked.render(page, 72);
            let size = std::fs::metadata(&png).unwrap().len();
            assert!(size > 1_000, "page {page} rendered to {size} bytes");
        }
    }

    /// The images in the file as `pdfimages -list` shows them: (type, width, height, encoding).
    fn images(checked: &common::Checked) -> Vec<(String, u32, u32, String)> {
        let out = Command::new("pdfimages")
            .args(["-list", checked.pdf.to_str().unwrap()])
            .output()
            .unwrap_or_else(|error| panic!("cannot run pdfimages ({error}): apt-get install poppler-utils"));
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        // Columns: page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio.
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .skip(2)
            .map(|line| {
                let words: Vec<&str> = line.split_whitespace().collect();
                (words[2].to_string(), words[3].parse().unwrap(), words[4].parse().unwrap(), words[8].to_string())
            })
            .collect()
    }

    const ENGLISH_8D: [&str; 5] = [
        "D3 Containment actions",
        "D4 Root cause",
        "D5/D6 Corrective actions",
        "D7 Preventive actions",
        "D8 Verification of effectiveness",
    ];

    #[test]
    fn a_scar_record_prints_its_team_problem_dates_and_the_answers_in_place_of_ruled_lines() {
        let mut with_record = report("nl", 2);
        with_record.record = Some(VendorReportRecord {
            status: "root_cause_received".into(),
            team: vec![VendorReportMember { name: "Anna de Vries".into(), role: "Kwaliteitsleider".into() }],
            problem: "Krassen op de deksels van 31 van de 4.800 dozen".into(),
            steps: vec![
                VendorReportStep { step: "opened".into(), date: "2026-11-30".into(), by: "Anna de Vries".into() },
                VendorReportStep { step: "due".into(), date: "2026-12-14".into(), by: String::new() },
            ],
            answers: vec![
                ("d3".into(), "Voorraad in Shenzhen gesorteerd".into()),
                ("d4".into(), "Versleten matrijs".into()),
            ],
        });
        let checked = common::write_and_check("vendor-report-record-nl.pdf", &vendor_report(&with_record).unwrap());
        render_all(&checked);
        assert_contains(
            &checked.text(),
            &[
                "D1 Team",
                "Kwaliteitsleider",
                "D2 Probleemomschrijving",
                "Krassen op de deksels",
                "Verloop: Grondoorzaak ontvangen",
                "Antwoord uiterlijk",
                "2026-12-14",
                "Voorraad in Shenzhen gesorteerd",
                "Versleten matrijs",
                "D7 Preventieve maatregelen",
            ],
        );
    }

    #[test]
    fn an_english_report_to_a_chinese_vendor_shows_findings_photos_and_the_8d_form() {
        let checked = common::write_and_check("vendor-report-en.pdf", &vendor_report(&report("en", 4)).unwrap());
        render_all(&checked);
        let sizes = checked.page_sizes();
        assert!(sizes.iter().all(|(w, h)| (w - 595.28).abs() < 0.1 && (h - 841.89).abs() < 0.1), "{sizes:?}");
        let pages = checked.page_count();
        let text = checked.text();
        assert_contains(
            &text,
            &[
                "Supplier corrective action request",
                "SCAR-AMS1-2026-11",
                "Lotline Demo B.V.",
                CHINESE_VENDOR,
                "华强北路 1002 号",
                "Supplier code: V-0042",
                "Issue date",
                "2026-11-30",
                "Response due",
                "2026-12-14",
                "2026-11-01 – 2026-11-30",
                "Units inspected",
                "4,800",
                "1.19 %",
                "€ 1,234.50",
                "US$ 310.00",
                "Defects by category",
                "Cumulative",
                "54%",
                "100%",
                "QF-AMS1-000000",
                "QF-AMS1-000003",
                "Failed /",
                "inspected",
                "Photos",
                "QF-AMS1-000002 · photo 1",
                "Supplier response (8D)",
                "For the supplier",
                "Quality lead",
                "Signature",
                &format!("Page {pages} of {pages}"),
            ],
        );
        assert_contains(&text, &ENGLISH_8D);
        // Scratches (31 of 57) lead the Pareto, Loose parts (5) close it.
        assert!(text.find("Scratches").unwrap() < text.find("Loose parts").unwrap());

        let images = images(&checked);
        let jpegs =
            images.iter().filter(|(kind, w, h, enc)| kind == "image" && *w == 320 && *h == 240 && enc == "jpeg");
        assert_eq!(jpegs.count(), 2, "{images:?}");
        assert!(images.iter().any(|(kind, w, h, _)| kind == "image" && *w == 90 && *h == 120), "{images:?}");
        // The PNG's transparency travels as a soft mask.
        assert!(images.iter().any(|(kind, w, h, _)| kind == "smask" && *w == 160 && *h == 60), "{images:?}");

        let fonts = checked.fonts();
        assert!(fonts.iter().any(|(name, _, _)| name.ends_with("DroidSansFallback")), "{fonts:?}");
        assert!(fonts.iter().all(|(_, embedded, subset)| *embedded && *subset), "{fonts:?}");
    }

    #[test]
    fn the_photos_show_on_the_rendered_page() {
        let mut one = report("en", 1);
        one.photos.truncate(1);
        let checked = common::write_and_check("vendor-report-photo.pdf", &vendor_report(&one).unwrap());
        let mut pixels = Vec::new();
        for page in 1..=checked.page_count() {
            let png_path = checked.render(page, 72);
            let mut decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(png_path).unwrap()));
            decoder.set_transformations(png::Transformations::normalize_to_color8());
            let mut reader = decoder.read_info().unwrap();
            let mut page_pixels = vec![0; reader.output_buffer_size().unwrap()];
            let frame = reader.next_frame(&mut page_pixels).unwrap();
            assert_eq!(frame.color_type, png::ColorType::Rgb);
            pixels.extend_from_slice(&page_pixels[..frame.buffer_size()]);
        }
        // The fixture has a yellow patch and a grey-blue background; nothing else on the page is
        // coloured like them.
        let yellow = pixels.chunks_exact(3).filter(|p| p[0] > 220 && (170..230).contains(&p[1]) && p[2] < 60).count();
        let backdrop = pixels
            .chunks_exact(3)
            .filter(|p| (120..160).contains(&p[0]) && (130..170).contains(&p[1]) && (145..185).contains(&p[2]))
            .count();
        assert!(yellow > 10 && backdrop > 500, "yellow {yellow}, backdrop {backdrop}");
    }

    #[test]
    fn a_chinese_report_for_one_failure_is_in_chinese() {
        let single = VendorReport {
            scope: VendorReportScope::Failure { number: "QF-AMS1-000012".into() },
            failures: vec![VendorReportFailure {
                number: "QF-AMS1-000012".into(),
                severity: "严重".into(),
                category: "外壳划伤".into(),
                description: "外壳靠近充电线圈处有明显划痕，整箱产品缺少保护膜。".into(),
                ..failure(12)
            }],
            ..report("zh-CN", 0)
        };
        let checked = common::write_and_check("vendor-report-zh.pdf", &vendor_report(&single).unwrap());
        render_all(&checked);
        let pages = checked.page_count();
        let text = checked.text();
        assert_contains(
            &text,
            &[
                "供应商纠正措施要求",
                "SCAR-AMS1-2026-11",
                CHINESE_VENDOR,
                "事由",
                "质检不合格单 QF-AMS1-000012",
                "QF-AMS1-000012",
                "外壳划伤",
                "外壳靠近充电线圈",
                "按类别统计的缺陷",
                "供应商回复 (8D)",
                "D3 围堵措施",
                "D4 根本原因",
                "D5/D6 纠正措施",
                "D7 预防措施",
                "D8 有效性验证",
                "质量负责人",
                &format!("第 {pages} 页，共 {pages} 页"),
            ],
        );
        assert!(!text.contains("D3 Containment actions"), "{text}");
    }

    #[test]
    fn a_dutch_report_is_in_dutch() {
        let checked = common::write_and_check("vendor-report-nl.pdf", &vendor_report(&report("nl", 2)).unwrap());
        render_all(&checked);
        let text = checked.text();
        assert_contains(
            &text,
            &[
                "Verzoek om corrigerende maatregelen",
                "Leverancier",
                "Reactie uiterlijk",
                "Gebreken per categorie",
                "QF-AMS1-000001",
                "D3 Beheersmaatregelen",
                "D4 Grondoorzaak",
                "D5/D6 Corrigerende maatregelen",
                "D7 Preventieve maatregelen",
                "D8 Verificatie van de effectiviteit",
                "Handtekening",
                "Pagina 1 van",
            ],
        );
    }

    #[test]
    fn a_long_failure_list_runs_over_pages_with_the_header_repeated() {
        let mut long = report("en", 150);
        long.photos.clear();
        let checked = common::write_and_check("vendor-report-long.pdf", &vendor_report(&long).unwrap());
        render_all(&checked);
        let pages = checked.page_count();
        assert!(pages >= 6, "{pages} pages");
        let text = checked.text();
        assert_contains(
            &text,
            &[
                "QF-AMS1-000000",
                "QF-AMS1-000075",
                "QF-AMS1-000149",
                "Supplier corrective action request SCAR-AMS1-2026-11 (continued)",
                "QC failures (continued)",
                &format!("Page {pages} of {pages}"),
            ],
        );
        assert_contains(&text, &ENGLISH_8D);
        // Every page of the table starts with its header row (the 8D form takes the last pages).
        let continued = text.matches("QC failures (continued)").count();
        assert!(continued >= pages - 4, "{continued} continued headings on {pages} pages");
        assert!(text.matches("Severity").count() > continued, "the header row is not repeated");
    }

    #[test]
    fn a_report_without_failures_is_still_a_valid_form() {
        let empty = VendorReport {
            failures: Vec::new(),
            photos: Vec::new(),
            defects_by_category: Vec::new(),
            figures: VendorReportFigures::default(),
            ..report("en", 0)
        };
        let checked = common::write_and_check("vendor-report-empty.pdf", &vendor_report(&empty).unwrap());
        render_all(&checked);
        let text = checked.text();
        assert_contains(
            &text,
            &[
                "SCAR-AMS1-2026-11",
                CHINESE_VENDOR,
                "No defects were recorded.",
                "No QC failures are listed in this report.",
            ],
        );
        assert_contains(&text, &ENGLISH_8D);
        assert!(!text.contains("Photos"), "{text}");
        assert!(images(&checked).is_empty());
    }

    #[test]
    fn a_photo_that_cannot_be_read_is_a_captioned_frame() {
        let mut broken = report("en", 1);
        broken.photos =
            vec![VendorReportPhoto { caption: "QF-AMS1-000000 · photo 9".into(), bytes: b"HEIC?".to_vec() }];
        let checked = common::write_and_check("vendor-report-broken-photo.pdf", &vendor_report(&broken).unwrap());
        let text = checked.text();
        assert_contains(&text, &["QF-AMS1-000000 · photo 9", "This photo cannot be shown."]);
        assert!(images(&checked).is_empty());
    }
}
