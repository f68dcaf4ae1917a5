//! The weekly review as real tools see it: it opens, its words and figures read back in the
//! reader's language, and it renders.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

#[allow(dead_code)]
mod common;

use lotline_documents::{WeeklyColumn, WeeklyReview, WeeklySection, weekly_review};

fn column(title: &str, weight: f32, figure: bool) -> WeeklyColumn {
    WeeklyColumn { title: title.into(), weight, figure }
}

fn review(language: &str, reasons: usize) -> WeeklyReview {
    WeeklyReview {
        week: "2026-W49".into(),
        period: "2026-11-30 – 2026-12-06".into(),
        company: "Lotline Demo B.V.".into(),
        generated_at: "2026-12-07 06:00 UTC".into(),
        summary: vec![
            ("QC failures".into(), "12 (+3)".into()),
            ("Units failed".into(), "57 (-4)".into()),
            ("Reshipments on time".into(), "92.31 %".into()),
            ("Net cost of quality (EUR)".into(), "€ 1,234.50".into()),
        ],
        sections: vec![
            WeeklySection {
                heading: "Top failure reasons".into(),
                columns: vec![column("Reason", 3.0, false), column("Failures", 1.0, true), column("Units", 1.0, true)],
                rows: (0..reasons)
                    .map(|n| vec![format!("外观划伤 {n}"), (12 + n).to_string(), (30 + n).to_string()])
                    .collect(),
                empty: "No QC failures were logged this week.".into(),
            },
            WeeklySection {
                heading: "Problem vendors".into(),
                columns: vec![column("Vendor", 3.0, false), column("Failures", 1.0, true)],
                rows: Vec::new(),
                empty: "No vendor had a failure this week.".into(),
            },
        ],
        language: language.into(),
    }
}

#[test]
fn the_weekly_review_opens_reads_back_and_renders_in_each_language() {
    for language in ["en", "zh-CN", "nl"] {
        let bytes = weekly_review(&review(language, 6)).unwrap();
        let checked = common::write_and_check(&format!("weekly-review-{language}.pdf"), &bytes);
        let text = checked.text();
        for expected in [
            "2026-W49",
            "Lotline Demo B.V.",
            "12 (+3)",
            "外观划伤 0",
            "外观划伤 5",
            "No vendor had a failure this week.",
        ] {
            assert!(text.contains(expected), "{language}: {expected} missing from\n{text}");
        }
        let title = match language {
            "zh-CN" => "每周回顾",
            "nl" => "Weekoverzicht",
            _ => "Weekly review",
        };
        assert!(text.contains(title), "{language}: {text}");
        assert!(checked.render(1, 60).exists());
    }
}

#[test]
fn a_long_week_runs_onto_pages_that_say_what_they_continue() {
    let bytes = weekly_review(&review("en", 120)).unwrap();
    let checked = common::write_and_check("weekly-review-long.pdf", &bytes);
    assert!(checked.page_count() >= 2);
    assert!(checked.text().contains("Top failure reasons (continued)"));
}
