//! The label's layout, in the order a reader's eye should go: what the product is, then which
//! lot and until when (large, beside the QR code for phones), the secondary facts, and the
//! GS1-128 bars across the full width at the bottom, where a scanner is aimed. There is no
//! frame: the bars' quiet zones may reach into the unprinted margin, which lets a longer
//! symbol fit at the same module width.

use super::{LotLabel, Symbols};
use crate::barcode::{self, Code128, QUIET_ZONE_MODULES};
use crate::error::DocumentError;
use crate::fonts::{FontSet, Weight};
use crate::i18n::Labels;
use crate::layout::{Align, Canvas, INK, MUTED, PAPER, Pdf, TextStyle, fit_block, heading_band, truncate};
use crate::rma_label::LabelSize;

/// Blank edge around the content: thermal printers cannot print right up to the label's edge.
const MARGIN: f32 = 3.0;
/// Closest a barcode's quiet zone may come to the paper's edge (label stock is cut with that
/// much tolerance).
const EDGE: f32 = 1.0;
/// Space between a box's border and its text.
const PAD: f32 = 2.0;
const HEAVY_PT: f32 = 1.5;
const RULE_PT: f32 = 0.5;

const BAND: f32 = 9.0;
const PRODUCT_BOX: f32 = 28.0;
const MAIN_BOX: f32 = 40.0;
const FACTS_BOX: f32 = 11.5;
/// The QR code's side, quiet zone included; the caption under it takes the rest of the box.
const QR_SIDE: f32 = 35.0;

/// At most this many GS1-128 symbols fit under the facts with bars tall enough to aim at.
pub(super) const MAX_ROWS: usize = 3;
const MAX_BAR_HEIGHT: f32 = 25.0;
/// Module widths to try, widest first: wide bars scan from further away and survive a worn
/// print head. 0.33 mm is where GS1-128 on a label reads comfortably with any scanner, so
/// fields are split over symbols rather than going below it; 0.25 mm (two dots at 203 dpi) is
/// the narrowest that still scans, for a single field too long for 0.33.
const MODULE_WIDTHS: [f32; 4] = [0.5, 0.4, 0.33, 0.25];
pub(super) const PREFERRED_MODULE: f32 = 0.33;
/// Below this, shrunk text gets hard to read on a thermal print.
const MIN_SCALE: f32 = 0.7;

const HEADING: TextStyle = TextStyle::new(12.0, Weight::Bold, PAPER);
const CAPTION: TextStyle = TextStyle::new(6.5, Weight::Bold, MUTED);
const NAME: TextStyle = TextStyle::new(16.0, Weight::Bold, INK);
const DETAIL: TextStyle = TextStyle::new(9.5, Weight::Bold, INK);
const KEY: TextStyle = TextStyle::new(18.0, Weight::Bold, INK);
const VALUE: TextStyle = TextStyle::new(12.0, Weight::Bold, INK);
const FACT: TextStyle = TextStyle::new(10.0, Weight::Bold, INK);
const NOTE: TextStyle = TextStyle::new(6.5, Weight::Regular, INK);
const ELEMENT_STRING: TextStyle = TextStyle::new(9.5, Weight::Bold, INK);

/// Width and height in mm (as `LabelSize` has them; its own accessor is private to the RMA label).
pub(super) fn page_mm(size: LabelSize) -> (f32, f32) {
    match size {
        LabelSize::FourBySix => (101.6, 152.4),
        LabelSize::A6 => (105.0, 148.0),
    }
}

fn inner_width(size: LabelSize) -> f32 {
    page_mm(size).0 - 2.0 * MARGIN
}

/// The widest module at which `symbol` fits: bars inside the margins, quiet zones on the paper.
pub(super) fn barcode_module_mm(symbol: &Code128, size: LabelSize) -> Option<f32> {
    let (bars, whole) = (symbol.modules() as f32, (symbol.modules() + 2 * QUIET_ZONE_MODULES) as f32);
    let page = page_mm(size).0;
    MODULE_WIDTHS.into_iter().find(|module| bars * module <= page - 2.0 * MARGIN && whole * module <= page - 2.0 * EDGE)
}

/// How many characters of text (set B, 11 modules each) one symbol holds at the narrowest module.
pub(super) fn max_barcode_chars(size: LabelSize) -> usize {
    let module = MODULE_WIDTHS[MODULE_WIDTHS.len() - 1];
    let page = page_mm(size).0;
    let bars = ((page - 2.0 * MARGIN) / module).min((page - 2.0 * EDGE) / module - 2.0 * QUIET_ZONE_MODULES as f32);
    // Start, FNC1, check and stop symbols take 11 + 11 + 11 + 13 modules.
    (bars as usize).saturating_sub(46) / 11
}

pub(super) fn render(labels: &[LotLabel], symbols: &[Symbols], size: LabelSize) -> Result<Vec<u8>, DocumentError> {
    let title = Labels::new(&labels[0].language).get("documents.lot_label.title");
    let title = match labels {
        [only] => format!("{title} {}", only.lot_code.trim()),
        _ => format!("{title} ({})", labels.len()),
    };
    // One document for the whole batch: the fonts are embedded (and subset) once, not per label.
    let pdf = Pdf::new(&title, page_mm(size))?;
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
    fn draw(mut self, label: &LotLabel, symbols: &Symbols) {
        let (page_width, page_height) = page_mm(self.size);
        let (left, right, bottom) = (MARGIN, page_width - MARGIN, page_height - MARGIN);
        let mut y = MARGIN;
        self.band(y);
        y += BAND;
        self.product(y, label);
        y += PRODUCT_BOX;
        self.canvas.hline(left, right, y, HEAVY_PT, INK);
        self.main(y, label, symbols);
        y += MAIN_BOX;
        self.canvas.hline(left, right, y, RULE_PT, INK);
        self.facts(y, label);
        y += FACTS_BOX;
        self.canvas.hline(left, right, y, HEAVY_PT, INK);
        self.barcodes(y, bottom, symbols);
    }

    fn fonts(&self) -> &'static FontSet {
        self.canvas.fonts()
    }

    fn caption(&self, key: &str) -> String {
        self.labels.get(&format!("documents.lot_label.{key}")).to_uppercase()
    }

    /// `value`, or the catalogue's dash for a fact the lot does not have.
    fn or_none(&self, value: Option<&String>) -> String {
        value
            .map(|text| text.trim())
            .filter(|text| !text.is_empty())
            .map_or_else(|| self.labels.get("documents.none"), str::to_string)
    }

    /// A caption and its value on one line, the value shrunk (not below [`MIN_SCALE`]) and then
    /// cut short to fit `width`. One line, not wrapped: codes such as lot numbers read best
    /// whole, and a cut one shows where it was cut.
    fn captioned(&mut self, x: f32, top: f32, width: f32, key: &str, value: &str, style: TextStyle) {
        let caption = truncate(self.fonts(), &self.caption(key), &CAPTION, width);
        self.canvas.text(x, top, &caption, &CAPTION, Align::Left);
        let natural = self.canvas.text_width(value, &style);
        let scale = if natural > width { (width / natural).max(MIN_SCALE) } else { 1.0 };
        let scaled = TextStyle { size_pt: style.size_pt * scale, ..style };
        let value = truncate(self.fonts(), value, &scaled, width);
        // Keep the baseline where the full-size text would sit, so shrunk values line up.
        let y = top + CAPTION.line_mm() + 0.3 + (style.line_mm() - scaled.line_mm()) / 2.0;
        self.canvas.text(x, y, &value, &scaled, Align::Left);
    }

    /// The black band with the heading knocked out in white.
    fn band(&mut self, top: f32) {
        let heading = self.caption("heading");
        heading_band(self.canvas, MARGIN, top, (inner_width(self.size), BAND), PAD, &heading, &HEADING);
    }

    /// The product name as large as two lines allow, then SKU and supplier side by side.
    fn product(&mut self, top: f32, label: &LotLabel) {
        let x = MARGIN + PAD;
        let width = inner_width(self.size) - 2.0 * PAD;
        self.canvas.text(x, top + 1.2, &self.caption("product"), &CAPTION, Align::Left);
        let name_top = top + 1.2 + CAPTION.line_mm();
        let details_top = top + PRODUCT_BOX - 1.2 - CAPTION.line_mm() - 0.3 - DETAIL.line_mm();
        let room = details_top - 1.2 - name_top;
        let name = fit_block(self.fonts(), &[(label.product_name.trim(), NAME)], width, room, MIN_SCALE);
        self.canvas.lines(x, name_top, &name);
        let sku_width = width * 0.4;
        self.captioned(x, details_top, sku_width - PAD, "sku", label.sku.trim(), DETAIL);
        let vendor = self.or_none(Some(&label.vendor_name));
        self.captioned(x + sku_width, details_top, width - sku_width, "vendor", &vendor, DETAIL);
    }

    /// Lot, expiry and quantity stacked on the left, large; the QR code on the right.
    fn main(&mut self, top: f32, label: &LotLabel, symbols: &Symbols) {
        let right = MARGIN + inner_width(self.size);
        let divider = right - QR_SIDE - 1.0;
        let (x, width) = (MARGIN + PAD, divider - MARGIN - 2.0 * PAD);
        let expiry = self.or_none(label.expiry.as_ref());
        let cells = [
            ("lot", label.lot_code.trim().to_string(), KEY, 14.0),
            ("expiry", expiry, KEY, 14.0),
            ("quantity", label.quantity_text.trim().to_string(), VALUE, MAIN_BOX - 28.0),
        ];
        let mut y = top;
        for (index, (key, value, style, height)) in cells.into_iter().enumerate() {
            if index > 0 {
                self.canvas.hline(MARGIN, divider, y, RULE_PT, INK);
            }
            let content = CAPTION.line_mm() + 0.3 + style.line_mm();
            self.captioned(x, y + (height - content) / 2.0, width, key, &value, style);
            y += height;
        }
        self.canvas.vline(divider, top, top + MAIN_BOX, RULE_PT, INK);
        // The QR code's quiet zone is part of its side, so it can sit right against the rules.
        let qr_left = right - QR_SIDE;
        symbols.qr.draw(self.canvas, qr_left, top + 0.5, QR_SIDE / symbols.qr.size_modules() as f32);
        let note_top = top + 0.5 + QR_SIDE - 0.6;
        let note = truncate(self.fonts(), &self.labels.get("documents.lot_label.scan"), &NOTE, QR_SIDE);
        self.canvas.text(qr_left + QR_SIDE / 2.0, note_top, &note, &NOTE, Align::Center);
    }

    /// Supplier lot, manufacturing date and serial number side by side.
    fn facts(&mut self, top: f32, label: &LotLabel) {
        let width = inner_width(self.size);
        let cells = [
            ("supplier_lot", self.or_none(label.supplier_lot.as_ref()), 0.34),
            ("manufactured", self.or_none(label.manufactured.as_ref()), 0.30),
            ("serial", self.or_none(label.serial.as_ref()), 0.36),
        ];
        let mut x = MARGIN;
        for (index, (key, value, share)) in cells.into_iter().enumerate() {
            let cell = width * share;
            if index > 0 {
                self.canvas.vline(x, top, top + FACTS_BOX, RULE_PT, INK);
            }
            let content = CAPTION.line_mm() + 0.3 + FACT.line_mm();
            self.captioned(x + PAD, top + (FACTS_BOX - content) / 2.0, cell - 2.0 * PAD, key, &value, FACT);
            x += cell;
        }
    }

    /// The GS1-128 symbols stacked in the space left, each centred across the page with its
    /// part of the element string under it; bars as tall as the rows allow, up to a cap.
    fn barcodes(&mut self, top: f32, bottom: f32, symbols: &Symbols) {
        let page_width = page_mm(self.size).0;
        let row_height = (bottom - top) / symbols.rows.len() as f32;
        for (index, row) in symbols.rows.iter().enumerate() {
            let width = row.bars.modules() as f32 * row.module_mm;
            // The element string may be wider than the bars: shrink it to the label's width.
            let natural = self.canvas.text_width(&row.text, &ELEMENT_STRING);
            let scale = (inner_width(self.size) / natural).min(1.0);
            let style = TextStyle { size_pt: ELEMENT_STRING.size_pt * scale, ..ELEMENT_STRING };
            let text_mm = 1.0 + style.line_mm();
            let bar_height = (row_height - text_mm - 4.0).min(MAX_BAR_HEIGHT);
            let row_top = top + index as f32 * row_height + (row_height - bar_height - text_mm) / 2.0;
            let x = (page_width - width) / 2.0;
            barcode::draw_with_text(self.canvas, &row.bars, &row.text, &style, (x, row_top), row.module_mm, bar_height);
        }
    }
}
