//! The labels of `lotline bench` beside their baseline: a bare printpdf document with the same
//! drawing (the label's lines of text in the same embedded fonts, one Code 128 and one QR code
//! of the RMA number), fonts parsed once per process as the labels' are. Each comparison checks
//! the two files carry the same pages, embedded fonts and text; with `LOTLINE_BENCH_KEEP_PDFS`
//! set to a folder, the first label and its bare page are written there, for the bench's test to
//! compare with poppler and zbar as well.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use base64::Engine as _;
use lotline_app::Ctx;
use lotline_documents::bare_label::{BarePage, bare_labels};
use serde::Serialize;
use serde_json::{Value, json};

use crate::bench::must_json;
use crate::bench_base::{CommittedInsert, Latency};
use crate::bench_returns::{LABEL_TARGET, rma_no};

pub fn decode(file: &Value) -> Result<Vec<u8>> {
    let text = file["pdf_base64"].as_str().context("the act answered no PDF")?;
    Ok(base64::engine::general_purpose::STANDARD.decode(text)?)
}

/// The words a bench label carries, as `rma_labels` draws them for the bench's `i`th RMA in
/// English (with its order as the reference), bold or not.
pub fn bare_page(i: usize) -> BarePage {
    let number = rma_no(i);
    let reference = format!("SO-R{i:05}");
    let lines: Vec<(&str, bool)> = vec![
        ("PREPAID RETURN", true),
        ("FROM", true),
        ("Bench Klant BV", true),
        ("Kade 1 Rotterdam", false),
        ("NL", true),
        ("TO", true),
        ("Bench Retourcentrum", true),
        ("Kade 1", false),
        ("3011 AB Rotterdam", false),
        ("NL", true),
        ("CARRIER", true),
        ("SERVICE", true),
        ("WEIGHT", true),
        ("PostNL", true),
        ("1.00 kg", true),
        ("REFERENCE", true),
        (&reference, false),
        (&number, true),
        ("RMA NUMBER", true),
        (&number, true),
        ("Attach this label to the outside of the parcel and remove", false),
        ("or cover any old labels.", false),
    ];
    BarePage { lines: lines.into_iter().map(|(text, bold)| (text.to_owned(), bold)).collect(), code: number.clone() }
}

/// The same drawing for every number, timed.
pub fn bare_batch(rmas: std::ops::Range<usize>) -> Result<(f64, Vec<u8>)> {
    let pages: Vec<BarePage> = rmas.map(bare_page).collect();
    let started = Instant::now();
    let bytes = bare_labels(&pages)?;
    Ok((started.elapsed().as_secs_f64(), bytes))
}

/// What a PDF holds that a reader sees: its pages, the fonts it embeds, its words.
struct Seen {
    pages: usize,
    fonts: BTreeSet<String>,
    words: Vec<String>,
}

fn seen(pdf: &[u8]) -> Result<Seen> {
    let doc = lopdf::Document::load_mem(pdf)?;
    let pages = doc.get_pages();
    let mut fonts = BTreeSet::new();
    for id in pages.values() {
        for font in doc.get_page_fonts(*id)?.values() {
            let name = font.get(b"BaseFont").and_then(|n| n.as_name()).map(|n| String::from_utf8_lossy(n).into_owned());
            // A subset's name is its font's behind a tag ("ABCDEF+DejaVuSans").
            let name = name.unwrap_or_default();
            fonts.insert(name.rsplit('+').next().unwrap_or_default().to_owned());
        }
    }
    let numbers: Vec<u32> = pages.keys().copied().collect();
    let text = doc.extract_text(&numbers)?;
    let mut words: Vec<String> = text.split_whitespace().map(str::to_owned).collect();
    words.sort();
    Ok(Seen { pages: pages.len(), fonts, words })
}

/// How a label file and its bare twin compare.
#[derive(Serialize, Clone, Default)]
pub struct LabelCheck {
    pub pages: usize,
    pub bare_pages: usize,
    pub fonts: Vec<String>,
    pub bare_fonts: Vec<String>,
    /// Both files carry the same words (in any order: the layouts differ).
    pub same_text: bool,
    pub problem: Option<String>,
}

impl LabelCheck {
    pub fn of(label: &[u8], bare: &[u8], pages: usize, _what: &str) -> LabelCheck {
        match (seen(label), seen(bare)) {
            (Ok(a), Ok(b)) => LabelCheck {
                pages: a.pages,
                bare_pages: b.pages,
                same_text: a.words == b.words,
                fonts: a.fonts.into_iter().collect(),
                bare_fonts: b.fonts.into_iter().collect(),
                problem: (a.pages != pages).then(|| format!("{} pages, {pages} labels", a.pages)),
            },
            (Err(e), _) | (_, Err(e)) => LabelCheck { problem: Some(format!("{e:#}")), ..LabelCheck::default() },
        }
    }

    pub fn same(&self) -> bool {
        self.problem.is_none() && self.pages == self.bare_pages && self.fonts == self.bare_fonts && self.same_text
    }
}

/// `runs` single labels through the act, each followed by its bare page.
/// A label made is recorded on its RMA (its history shows who printed which label when), so the
/// act commits one write; its baseline is the bare page and the one committed insert that a
/// recorded label cannot avoid, as the interactive acts' baseline is.
pub async fn label_vs_bare(ctx: &Ctx, runs: usize, rows: (i64, i64)) -> Result<(Latency, LabelCheck)> {
    let (mut samples, mut baseline) = (Vec::with_capacity(runs), Vec::<Duration>::with_capacity(runs));
    let mut check = LabelCheck::default();
    let mut same = true;
    let mut insert = CommittedInsert::new(ctx).await?;
    let inserted_before = CommittedInsert::rows(ctx).await?;
    for i in 0..runs {
        let started = Instant::now();
        let out = must_json(ctx, "rma_labels", json!({"rma_nos": [rma_no(i)]})).await?;
        samples.push(started.elapsed());
        let page = bare_page(i);
        let started = Instant::now();
        let bare = bare_labels(std::slice::from_ref(&page))?;
        let drawn = started.elapsed();
        baseline.push(drawn + insert.once(ctx).await?);
        let label = decode(&serde_json::from_str(&out)?)?;
        // Every tenth: the comparison parses both files, which takes longer than making them.
        if i % 10 == 0 {
            let this = LabelCheck::of(&label, &bare, 1, "one");
            same &= this.same();
            if i == 0 {
                check = this;
                if let Some(dir) = std::env::var_os("LOTLINE_BENCH_KEEP_PDFS") {
                    let dir = std::path::PathBuf::from(dir);
                    std::fs::create_dir_all(&dir)?;
                    std::fs::write(dir.join("label.pdf"), &label)?;
                    std::fs::write(dir.join("bare.pdf"), &bare)?;
                }
            }
        }
    }
    same &= CommittedInsert::rows(ctx).await? - inserted_before == runs as i64;
    let what = "a bare printpdf page with the same drawing (text, one Code 128, one QR, the same fonts) \
                and one single-row INSERT committed on the same pool (the label recorded)";
    Ok((Latency::new(samples, baseline, rows, what, Some(LABEL_TARGET), same), check))
}
