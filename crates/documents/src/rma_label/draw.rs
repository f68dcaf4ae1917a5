//! The label's layout: stacked boxes inside a frame, as carrier labels are, so that each fact sits
//! where sorting staff expect it. Every box has a fixed height except the ship-to box, which
//! takes what the page size leaves; text that does not fit shrinks, then is cut short.

use super::{LabelSize, RmaLabel, Symbols, format_kg};
use crate::barcode::{self, Code128, QUIET_ZONE_MODULES};
use crate::error::DocumentError;
use crate::fonts::{FontSet, Weight};
use crate::i18n::Labels;
use crate::layout::{Align, Canvas, INK, MUTED, PAPER, Pdf, TextStyle, fit_block, heading_band, truncate};

/// Blank edge around the frame: thermal printers cannot print right up to the label's edge.
const MARGIN: f32 = 3.0;
/// Space between a box's border and its text.
const PAD: f32 = 2.0;
const FRAME_PT: f32 = 1.5;
const RULE_PT: f32 = 0.75;

const BAND: f32 = 10.0;
const FROM_BOX: f32 = 21.0;
const FACTS_BOX: f32 = 11.5;
const REFERENCE_BOX: f32 = 11.0;
const BARCODE_BOX: f32 = 28.0;
const QR_BOX: f32 = 25.0;

const BAR_HEIGHT: f32 = 16.0;
/// Module widths to try, widest first: wide bars scan from further away and survive a worn
/// print head; 0.25 mm is two dots on a 203 dpi thermal printer, the narrowest that still scans.
const MODULE_WIDTHS: [f32; 4] = [0.5, 0.4, 0.33, 0.25];
/// Below this, shrunk text gets hard to read on a thermal print.
const MIN_SCALE: f32 = 0.7;

const HEADING: TextStyle = TextStyle::new(13.0, Weight::Bold, PAPER);
const CAPTION: TextStyle = TextStyle::new(6.5, Weight::Bold, MUTED);
const FROM_NAME: TextStyle = TextStyle::new(9.0, Weight::Bold, INK);
const FROM_LINE: TextStyle = TextStyle::new(8.0, Weight::Regular, INK);
const TO_NAME: TextStyle = TextStyle::new(15.0, Weight::Bold, INK);
const TO_LINE: TextStyle = TextStyle::new(13.0, Weight::Regular, INK);
const TO_COUNTRY: TextStyle = TextStyle::new(13.0, Weight::Bold, INK);
const VALUE: TextStyle = TextStyle::new(10.0, Weight::Bold, INK);
const REFERENCE: TextStyle = TextStyle::new(8.5, Weight::Regular, INK);
const BARCODE_TEXT: TextStyle = TextStyle::new(11.0, Weight::Bold, INK);
const RMA_NUMBER: TextStyle = TextStyle::new(12.0, Weight::Bold, INK);
const NOTE: TextStyle = TextStyle::new(6.5, Weight::Regular, INK);

/// Width inside the frame.
fn inner_width(size: LabelSize) -> f32 {
    size.page_mm().0 - 2.0 * MARGIN
}

/// Room for the bars plus their quiet zones, clear of the frame's border.
fn barcode_room(size: LabelSize) -> f32 {
    inner_width(size) - 2.0
}

/// The widest module at which `symbol` and its quiet zones fit across the label, if any does.
pub(super) fn barcode_module_mm(symbol: &Code128, size: LabelSize) -> Option<f32> {
    let modules = (symbol.modules() + 2 * QUIET_ZONE_MODULES) as f32;
    MODULE_WIDTHS.into_iter().find(|module| modules * module <= barcode_room(size))
}

/// How many characters of text (set B, 11 modules each) fit at the narrowest module width.
pub(super) fn max_barcode_chars(size: LabelSize) -> usize {
    let modules = (barcode_room(size) / MODULE_WIDTHS[MODULE_WIDTHS.len() - 1]) as usize;
    // Start, check and stop symbols take 11 + 11 + 13 modules.
    modules.saturating_sub(2 * QUIET_ZONE_MODULES + 35) / 11
}

pub(super) fn render(labels: &[RmaLabel], symbols: &[Symbols], size: LabelSize) -> Result<Vec<u8>, DocumentError> {
    let first = &labels[0];
    let title = Labels::new(&first.language).get("documents.rma_label.title");
    let title = match labels {
        [only] => format!("{title} {}", only.rma_no.trim()),
        _ => format!("{title} ({})", labels.len()),
    };
    // One document for the whole batch: the fonts are embedded (and subset) once, not per label.
    let pdf = Pdf::new(&title, size.page_mm())?;
    let pages = labels
        .iter()
        .zip(symbols)
        .map(|(label, symbols)| {
            let mut canvas = pdf.canvas();
            Page { canvas: &mut canvas, labels: Labels::new(&label.language), size }.draw(label, symbols);
            canvas
        })
        .collect();
    Ok(pdf.finish(pages))
}

struct Page<'c> {
    canvas: &'c mut Canvas,
    labels: Labels,
    size: LabelSize,
}

impl Page<'_> {
    fn draw(mut self, label: &RmaLabel, symbols: &Symbols) {
        let (page_width, page_height) = self.size.page_mm();
        let (left, right, bottom) = (MARGIN, page_width - MARGIN, page_height - MARGIN);
        let to_box = bottom - MARGIN - BAND - FROM_BOX - FACTS_BOX - REFERENCE_BOX - BARCODE_BOX - QR_BOX;
        let number = label.rma_no.trim();

        let mut y = MARGIN;
        self.band(y);
        y += BAND;
        self.address(y, FROM_BOX, "from", &label.ship_from, [FROM_NAME, FROM_LINE, FROM_LINE]);
        y += FROM_BOX;
        // The ship-to box is what a sorter reads first: heavier rules set it apart.
        self.canvas.hline(left, right, y, FRAME_PT, INK);
        self.address(y, to_box, "to", &label.ship_to, [TO_NAME, TO_LINE, TO_COUNTRY]);
        y += to_box;
        self.canvas.hline(left, right, y, FRAME_PT, INK);
        self.facts(y, label);
        y += FACTS_BOX;
        self.canvas.hline(left, right, y, RULE_PT, INK);
        self.reference(y, &label.reference);
        y += REFERENCE_BOX;
        self.canvas.hline(left, right, y, RULE_PT, INK);
        self.barcode(y, symbols, number);
        y += BARCODE_BOX;
        self.canvas.hline(left, right, y, RULE_PT, INK);
        self.qr(y, symbols, number);
        self.canvas.stroke_rect(left, MARGIN, right - left, bottom - MARGIN, FRAME_PT, INK);
    }

    fn fonts(&self) -> &'static FontSet {
        self.canvas.fonts()
    }

    fn caption(&self, key: &str) -> String {
        self.labels.get(&format!("documents.rma_label.{key}")).to_uppercase()
    }

    /// The black band with the heading knocked out in white, the first thing anyone sees.
    fn band(&mut self, top: f32) {
        let heading = self.caption("heading");
        heading_band(self.canvas, MARGIN, top, (inner_width(self.size), BAND), PAD, &heading, &HEADING);
    }

    /// A caption, then the name, the address lines and the country, each in its style. The
    /// country is kept whatever else has to give: a parcel without it goes nowhere.
    fn address(&mut self, top: f32, height: f32, key: &str, address: &super::LabelAddress, styles: [TextStyle; 3]) {
        let x = MARGIN + PAD;
        self.canvas.text(x, top + 1.2, &self.caption(key), &CAPTION, Align::Left);
        let text_top = top + 1.2 + CAPTION.line_mm();
        let [name, line, country] = styles;
        let has_country = !address.country.trim().is_empty();
        let country_mm = if has_country { country.line_mm() } else { 0.0 };
        let paragraphs: Vec<(&str, TextStyle)> = [(address.name.as_str(), name)]
            .into_iter()
            .chain(address.lines.iter().map(|text| (text.as_str(), line)))
            .collect();
        let width = inner_width(self.size) - 2.0 * PAD;
        let room = top + height - 1.0 - text_top - country_mm;
        let block = fit_block(self.fonts(), &paragraphs, width, room, MIN_SCALE);
        // The country shrinks with the rest, so the block reads as one.
        let scale = block.first().map_or(1.0, |(_, style)| style.size_pt / name.size_pt);
        let y = self.canvas.lines(x, text_top, &block);
        if has_country {
            let country = TextStyle { size_pt: country.size_pt * scale, ..country };
            let text = truncate(self.fonts(), &address.country, &country, width);
            self.canvas.text(x, y, &text, &country, Align::Left);
        }
    }

    /// Carrier, service and weight side by side: what the drop-off point checks.
    fn facts(&mut self, top: f32, label: &RmaLabel) {
        let width = inner_width(self.size);
        let weight = format_kg(label.weight_grams, &self.labels);
        let cells = [("carrier", &label.carrier, 0.38), ("service", &label.service, 0.34), ("weight", &weight, 0.28)];
        let mut x = MARGIN;
        for (index, (key, value, share)) in cells.into_iter().enumerate() {
            let cell = width * share;
            if index > 0 {
                self.canvas.vline(x, top, top + FACTS_BOX, RULE_PT, INK);
            }
            let caption = truncate(self.fonts(), &self.caption(key), &CAPTION, cell - 2.0 * PAD);
            self.canvas.text(x + PAD, top + 1.2, &caption, &CAPTION, Align::Left);
            let value = fit_block(self.fonts(), &[(value, VALUE)], cell - 2.0 * PAD, VALUE.line_mm(), MIN_SCALE);
            self.canvas.lines(x + PAD, top + 1.2 + CAPTION.line_mm() + 0.6, &value);
            x += cell;
        }
    }

    fn reference(&mut self, top: f32, reference: &str) {
        let x = MARGIN + PAD;
        self.canvas.text(x, top + 1.2, &self.caption("reference"), &CAPTION, Align::Left);
        let text_top = top + 1.2 + CAPTION.line_mm();
        let width = inner_width(self.size) - 2.0 * PAD;
        let height = top + REFERENCE_BOX - 0.8 - text_top;
        let lines = fit_block(self.fonts(), &[(reference, REFERENCE)], width, height, MIN_SCALE);
        self.canvas.lines(x, text_top, &lines);
    }

    /// The Code 128 bars centred across the label, their quiet zones inside the box.
    fn barcode(&mut self, top: f32, symbols: &Symbols, number: &str) {
        let module = symbols.module_mm;
        let x = (self.size.page_mm().0 - symbols.bars.modules() as f32 * module) / 2.0;
        let text_mm = 1.0 + BARCODE_TEXT.line_mm();
        let bars_top = top + (BARCODE_BOX - BAR_HEIGHT - text_mm) / 2.0;
        barcode::draw_with_text(self.canvas, &symbols.bars, number, &BARCODE_TEXT, (x, bars_top), module, BAR_HEIGHT);
    }

    /// The QR code at the bottom left; beside it the RMA number again and what to do with the label.
    fn qr(&mut self, top: f32, symbols: &Symbols, number: &str) {
        let side = QR_BOX - 1.0;
        let qr_left = MARGIN + 0.5;
        symbols.qr.draw(self.canvas, qr_left, top + 0.5, side / symbols.qr.size_modules() as f32);
        let x = qr_left + side + 1.0;
        let width = MARGIN + inner_width(self.size) - PAD - x;
        let caption = truncate(self.fonts(), &self.caption("rma"), &CAPTION, width);
        let mut y = top + PAD;
        self.canvas.text(x, y, &caption, &CAPTION, Align::Left);
        y += CAPTION.line_mm();
        let number = truncate(self.fonts(), number, &RMA_NUMBER, width);
        self.canvas.text(x, y, &number, &RMA_NUMBER, Align::Left);
        y += RMA_NUMBER.line_mm() + 1.5;
        let note = self.labels.get("documents.rma_label.instructions");
        let height = top + QR_BOX - 1.0 - y;
        let lines = fit_block(self.fonts(), &[(&note, NOTE)], width, height, MIN_SCALE);
        self.canvas.lines(x, y, &lines);
    }
}
