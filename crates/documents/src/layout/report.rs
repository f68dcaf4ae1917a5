//! The frame the multi-page A4 reports (trace, vendor defect) share, so that they read as one
//! family: the margins, the short header that opens every page after the first, the footer with
//! the page numbers, and the section headings, whose style that header repeats.

use std::cell::RefCell;

use super::flow::StartPage;
use super::{A4, Align, Canvas, Flow, INK, MUTED, RULE, TextStyle, truncate, wrap};
use crate::fonts::Weight;
use crate::i18n::Labels;

pub(crate) const MARGIN: f32 = 15.0;
pub(crate) const RIGHT: f32 = A4.0 - MARGIN;
pub(crate) const WIDTH: f32 = A4.0 - 2.0 * MARGIN;
/// Content stops here; the footer sits below.
pub(crate) const BOTTOM: f32 = A4.1 - 18.0;

/// Small print beside a heading: the company on a continuation page, the date on the first.
pub(crate) const META: TextStyle = TextStyle::new(8.5, Weight::Regular, MUTED);
const HEADING: TextStyle = TextStyle::new(12.0, Weight::Bold, INK);
const EMPTY: TextStyle = TextStyle::new(9.5, Weight::Regular, MUTED);
const FOOTER: TextStyle = TextStyle::new(8.0, Weight::Regular, MUTED);

/// Space after a section.
pub(crate) const SECTION_GAP: f32 = 6.0;

/// What a report's pages repeat, and the section a table or grid is in when it runs onto a new
/// page, so that the page can say what it continues.
pub(crate) struct ReportFrame {
    labels: Labels,
    /// The title and the reference: the PDF's title and the left of every footer.
    name: String,
    /// The first line of a continuation page ("Recall RC-AMS1-000001 (continued)").
    continued: String,
    continued_style: TextStyle,
    /// "{{section}} (continued)", under that line while a section runs on.
    section_continued: String,
    company: String,
    section: RefCell<String>,
}

impl ReportFrame {
    /// The frame of the report whose texts are under `documents.<document>` in the catalogue
    /// (`continued`, `section_continued`); `continued_style` sets the first line of continuation
    /// pages, a report with a long title taking a smaller one.
    pub(crate) fn new(
        labels: Labels,
        document: &str,
        title: &str,
        reference: &str,
        company: &str,
        continued_style: TextStyle,
    ) -> Self {
        let continued =
            labels.format(&format!("documents.{document}.continued"), &[("title", title), ("reference", reference)]);
        Self {
            labels,
            name: format!("{title} {reference}"),
            continued,
            continued_style,
            section_continued: labels.get(&format!("documents.{document}.section_continued")),
            company: company.trim().to_string(),
            section: RefCell::new(String::new()),
        }
    }

    pub(crate) fn name(&self) -> &str {
        &self.name
    }

    /// What [`Flow`] draws at the top of each new page.
    pub(crate) fn continuation(&self) -> StartPage<'_> {
        Box::new(|canvas: &mut Canvas| self.continuation_header(canvas))
    }

    /// Pages that `heading` runs onto, until [`Self::end_section`], repeat it as continued.
    pub(crate) fn begin_section(&self, heading: &str) {
        heading.clone_into(&mut self.section.borrow_mut());
    }

    pub(crate) fn end_section(&self) {
        self.section.borrow_mut().clear();
    }

    /// The report's title and reference with the company across from them, a rule, and the
    /// section being continued, if any; returns where content starts.
    fn continuation_header(&self, canvas: &mut Canvas) -> f32 {
        let fonts = canvas.fonts();
        let style = &self.continued_style;
        let company = truncate(fonts, &self.company, &META, WIDTH * 0.35);
        let company_width = canvas.text_width(&company, &META);
        let continued = truncate(fonts, &self.continued, style, WIDTH - company_width - 6.0);
        canvas.text(MARGIN, MARGIN, &continued, style, Align::Left);
        canvas.text(RIGHT, MARGIN + (style.line_mm() - META.line_mm()) / 2.0, &company, &META, Align::Right);
        let rule = MARGIN + style.line_mm() + 2.0;
        canvas.hline(MARGIN, RIGHT, rule, 0.75, RULE);
        let mut y = rule + 5.0;
        let section = self.section.borrow();
        if !section.is_empty() {
            let text = self.section_continued.replace("{{section}}", &section);
            canvas.text(MARGIN, y, &truncate(fonts, &text, &HEADING, WIDTH), &HEADING, Align::Left);
            y += HEADING.line_mm() + 1.5;
        }
        y
    }

    /// The footer of every page, drawn once the page count is known: the report's name on the
    /// left, "Page n of m" on the right, above them a rule.
    pub(crate) fn footers(&self, pages: &mut [Canvas]) {
        let Some(first) = pages.first() else { return };
        let left = truncate(first.fonts(), &self.name, &FOOTER, WIDTH * 0.6);
        let count = pages.len().to_string();
        for (index, page) in pages.iter_mut().enumerate() {
            let of = self.labels.format("documents.page_of", &[("page", &(index + 1).to_string()), ("pages", &count)]);
            page.hline(MARGIN, RIGHT, A4.1 - 13.0, 0.5, RULE);
            page.text(MARGIN, A4.1 - 12.0, &left, &FOOTER, Align::Left);
            page.text(RIGHT, A4.1 - 12.0, &of, &FOOTER, Align::Right);
        }
    }
}

/// A section heading, kept on the page with at least `keep_with` mm of what follows it.
pub(crate) fn heading(flow: &mut Flow, text: &str, keep_with: f32) {
    flow.ensure(HEADING.line_mm() + 2.0 + keep_with);
    let y = flow.y;
    let page = flow.page();
    let text = truncate(page.fonts(), text, &HEADING, WIDTH);
    page.text(MARGIN, y, &text, &HEADING, Align::Left);
    flow.y = y + HEADING.line_mm() + 1.5;
}

/// A heading with a sentence saying there is nothing to show under it.
pub(crate) fn empty_section(flow: &mut Flow, heading_text: &str, sentence: &str) {
    heading(flow, heading_text, EMPTY.line_mm());
    let fonts = flow.page().fonts();
    for line in wrap(fonts, sentence, &EMPTY, WIDTH, 3) {
        flow.ensure(EMPTY.line_mm());
        let y = flow.y;
        flow.page().text(MARGIN, y, &line, &EMPTY, Align::Left);
        flow.y = y + EMPTY.line_mm();
    }
    flow.y += SECTION_GAP;
}
