//! Return labels as real tools see them: a batch of three in the three languages.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use lotline_documents::{LabelAddress, LabelSize, RmaLabel, rma_labels};

fn returns_centre() -> LabelAddress {
    LabelAddress {
        name: "Lotline Returns Centre AMS1".into(),
        lines: vec!["Keizersgracht 123, 1015 CJ Amsterdam".into()],
        country: "Netherlands".into(),
    }
}

fn batch() -> Vec<RmaLabel> {
    vec![
        RmaLabel {
            rma_no: "RMA-AMS1-000001".into(),
            ship_from: LabelAddress {
                name: "Jane Whitfield".into(),
                lines: vec!["14 Harbour Road".into(), "Bristol BS1 5TT".into()],
                country: "United Kingdom".into(),
            },
            ship_to: returns_centre(),
            carrier: "DPD".into(),
            service: "Return".into(),
            weight_grams: 1250,
            reference: "SO-1001, SO-1002".into(),
            language: "en".into(),
        },
        RmaLabel {
            rma_no: "RMA-AMS1-000002".into(),
            ship_from: LabelAddress {
                name: "Bakker Elektronica".into(),
                lines: vec!["Keizersgracht 123, 1015 CJ Amsterdam".into()],
                country: "Nederland".into(),
            },
            ship_to: returns_centre(),
            carrier: "PostNL".into(),
            service: "Retour".into(),
            weight_grams: 800,
            reference: "SO-1003".into(),
            language: "nl".into(),
        },
        RmaLabel {
            rma_no: "RMA-AMS1-000003".into(),
            ship_from: LabelAddress {
                name: "深圳市星辰电子有限公司".into(),
                lines: vec!["深圳市南山区科技园 8 号".into()],
                country: "中国".into(),
            },
            ship_to: returns_centre(),
            carrier: "PostNL".into(),
            service: "International Return".into(),
            weight_grams: 3125,
            reference: "SO-1004".into(),
            language: "zh-CN".into(),
        },
    ]
}

fn check_batch(name: &str, size: LabelSize, expected_pts: (f64, f64)) {
    let labels = batch();
    let checked = common::write_and_check(name, &rma_labels(&labels, size).unwrap());
    assert_eq!(checked.page_count(), labels.len());
    for (width, height) in checked.page_sizes() {
        assert!((width - expected_pts.0).abs() < 0.1 && (height - expected_pts.1).abs() < 0.1, "{width} x {height}");
    }

    let fonts = checked.fonts();
    assert!(fonts.iter().any(|(name, _, _)| name.ends_with("DroidSansFallback")), "{fonts:?}");
    assert!(fonts.iter().all(|(_, embedded, subset)| *embedded && *subset), "{fonts:?}");

    let text = checked.text();
    for expected in [
        "RMA-AMS1-000001",
        "RMA-AMS1-000002",
        "RMA-AMS1-000003",
        "PREPAID RETURN",
        "1.25 kg",
        "14 Harbour Road",
        // The Dutch label's fixed words, and its weight with a decimal comma.
        "GEFRANKEERDE RETOUR",
        "AFZENDER",
        "ONTVANGER",
        "GEWICHT",
        "0,80 kg",
        "Keizersgracht 123, 1015 CJ Amsterdam",
        // The Chinese label: its fixed words and the sender's address in the CJK font.
        "预付费退货",
        "寄件人",
        "深圳市南山区科技园 8 号",
        "深圳市星辰电子有限公司",
        "3.125 kg",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }

    for (index, label) in labels.iter().enumerate() {
        // 300 dpi is what label printers print at; each page carries both symbols, exactly the number.
        let found = common::barcodes(&checked.render(index + 1, 300));
        assert_eq!(
            found,
            [format!("CODE-128:{}", label.rma_no), format!("QR-Code:{}", label.rma_no)],
            "page {}",
            index + 1
        );
    }
}

#[test]
fn a_four_by_six_batch_has_a_scannable_page_per_label() {
    check_batch("rma-labels-4x6.pdf", LabelSize::FourBySix, (288.0, 432.0));
}

#[test]
fn an_a6_batch_has_a_scannable_page_per_label() {
    check_batch("rma-labels-a6.pdf", LabelSize::A6, (297.64, 419.53));
}

#[test]
fn overlong_text_stays_on_the_label() {
    let mut label = batch().remove(0);
    label.ship_to.name = "Lotline Returns Centre Amsterdam Westpoort, Inbound Dock 7, Attn. Returns Desk".into();
    label.ship_to.lines = vec!["Keizersgracht 123, 1015 CJ Amsterdam, Noord-Holland, Nederland".into(); 6];
    label.ship_from.lines = vec![
        "深圳市南山区科技园南区高新南七道 8 号 深圳湾科技生态园 10 栋 B 座 2501 室".into();
        3
    ];
    label.reference = (1000..1040).map(|n| format!("SO-{n}")).collect::<Vec<_>>().join(", ");
    label.carrier = "Deutsche Post DHL Group Parcel International".into();
    let checked = common::write_and_check("rma-label-long.pdf", &rma_labels(&[label], LabelSize::FourBySix).unwrap());
    assert_eq!(checked.page_count(), 1);
    // Text cut short says so, the destination country survives, and the symbols still scan.
    let text = checked.text();
    assert!(text.contains('…'), "{text}");
    assert!(text.contains("Netherlands"), "{text}");
    let found = common::barcodes(&checked.render(1, 300));
    assert_eq!(found, ["CODE-128:RMA-AMS1-000001", "QR-Code:RMA-AMS1-000001"]);
}

/// The faces a label embeds: the names pdffonts lists, without their subset tags.
fn embedded_faces(checked: &common::Checked) -> Vec<String> {
    let fonts = checked.fonts();
    assert!(fonts.iter().all(|(_, embedded, subset)| *embedded && *subset), "{fonts:?}");
    let mut names: Vec<String> =
        fonts.into_iter().map(|(name, _, _)| name.rsplit('+').next().unwrap_or_default().to_owned()).collect();
    names.sort();
    names
}

#[test]
fn a_chinese_label_embeds_the_cjk_face_and_its_text_reads_back() {
    let label = batch().remove(2);
    let checked = common::write_and_check("rma-label-zh.pdf", &rma_labels(&[label], LabelSize::FourBySix).unwrap());
    assert_eq!(embedded_faces(&checked), ["DejaVuSans", "DejaVuSans-Bold", "DroidSansFallback"]);
    let text = checked.text();
    for expected in ["预付费退货", "寄件人", "深圳市星辰电子有限公司", "深圳市南山区科技园 8 号", "RMA-AMS1-000003"]
    {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
}

#[test]
fn an_all_latin_label_leaves_the_cjk_face_out() {
    let label = batch().remove(0);
    let checked = common::write_and_check("rma-label-en.pdf", &rma_labels(&[label], LabelSize::FourBySix).unwrap());
    assert_eq!(embedded_faces(&checked), ["DejaVuSans", "DejaVuSans-Bold"]);
    let text = checked.text();
    assert!(text.contains("Jane Whitfield") && text.contains("RMA-AMS1-000001"), "{text}");
}

/// How fast batches render: run with
/// `cargo test --release -p lotline-documents --test rma_label -- --ignored --nocapture`.
#[test]
#[ignore = "a timing, not a check: run by hand in release mode"]
fn timing() {
    let labels = batch();
    // The first call parses the embedded fonts, once per process.
    rma_labels(&labels[..1], LabelSize::FourBySix).unwrap();
    let runs = 50;
    let start = std::time::Instant::now();
    for _ in 0..runs {
        rma_labels(&labels[2..], LabelSize::FourBySix).unwrap();
    }
    println!("1 label (Chinese): {:.2} ms", start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs));
    let thousand: Vec<RmaLabel> =
        (0..1000).map(|n| RmaLabel { rma_no: format!("RMA-AMS1-{n:06}"), ..labels[n % 3].clone() }).collect();
    let start = std::time::Instant::now();
    let pdf = rma_labels(&thousand, LabelSize::FourBySix).unwrap();
    println!("1000 labels: {:.0} ms, {} KB", start.elapsed().as_secs_f64() * 1000.0, pdf.len() / 1024);
}
