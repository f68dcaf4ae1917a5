//! Drawing on pages: a [`Canvas`] per page with text and shapes, placed in millimetres from the
//! page's top-left corner (as one measures a printed sheet; PDF itself counts points from the
//! bottom-left), and [`Pdf`], which turns the canvases into a file.

mod facts;
mod flow;
mod image;
mod label;
pub(crate) mod report;
mod table;
mod wrap;

pub(crate) use facts::{Fact, FactGrid};
pub(crate) use flow::Flow;
pub use image::MAX_IMAGE_PIXELS;
pub(crate) use image::{Image, fit_size};
pub(crate) use label::heading_band;
pub(crate) use table::{Column, LINE_BREAK, Table};
pub(crate) use wrap::{fit_block, truncate, wrap};

use printpdf::{
    Color, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect,
    TextItem, TextRenderingMode,
};

use crate::error::DocumentError;
use crate::fonts::{Face, FacesUsed, FontIds, FontSet, Weight, font_set};

const PT_PER_MM: f32 = 72.0 / 25.4;

pub(crate) fn mm_to_pt(mm: f32) -> f32 {
    mm * PT_PER_MM
}

pub(crate) fn pt_to_mm(pt: f32) -> f32 {
    pt / PT_PER_MM
}

/// Page sizes in millimetres (width, height).
pub(crate) const A4: (f32, f32) = (210.0, 297.0);

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Rgb(pub f32, pub f32, pub f32);

/// Body text and bars: near-black prints crisply on thermal and laser printers alike.
pub(crate) const INK: Rgb = Rgb(0.1, 0.1, 0.1);
/// Labels and secondary text.
pub(crate) const MUTED: Rgb = Rgb(0.4, 0.4, 0.4);
/// Hairlines between sections and rows.
pub(crate) const RULE: Rgb = Rgb(0.72, 0.72, 0.72);
/// Table header background.
pub(crate) const SHADE: Rgb = Rgb(0.91, 0.91, 0.91);
/// Every other table row, light enough to survive a cheap printer.
pub(crate) const STRIPE: Rgb = Rgb(0.965, 0.965, 0.965);
/// Text knocked out of a dark band.
pub(crate) const PAPER: Rgb = Rgb(1.0, 1.0, 1.0);

impl Rgb {
    fn color(self) -> Color {
        Color::Rgb(printpdf::Rgb::new(self.0, self.1, self.2, None))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Center,
    Right,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct TextStyle {
    pub(crate) size_pt: f32,
    pub(crate) weight: Weight,
    pub(crate) color: Rgb,
}

impl TextStyle {
    pub(crate) const fn new(size_pt: f32, weight: Weight, color: Rgb) -> Self {
        Self { size_pt, weight, color }
    }

    /// The height of one line of this text, in mm (1.3 × the size: room for CJK glyphs, which
    /// fill their em box, and for accents above Latin capitals).
    pub(crate) fn line_mm(&self) -> f32 {
        pt_to_mm(self.size_pt * 1.3)
    }
}

/// A PDF being made: the document, and the handles its fonts will have.
pub(crate) struct Pdf {
    doc: PdfDocument,
    fonts: &'static FontSet,
    ids: FontIds,
    page_mm: (f32, f32),
}

impl Pdf {
    pub(crate) fn new(title: &str, page_mm: (f32, f32)) -> Result<Self, DocumentError> {
        let fonts = font_set()?;
        Ok(Self { doc: PdfDocument::new(title), fonts, ids: FontIds::new(), page_mm })
    }

    /// A blank page to draw on.
    pub(crate) fn canvas(&self) -> Canvas {
        Canvas {
            fonts: self.fonts,
            ids: self.ids.clone(),
            used: FacesUsed::default(),
            page_mm: self.page_mm,
            ops: Vec::new(),
        }
    }

    /// The finished file, with the faces its pages draw with. printpdf subsets the embedded fonts
    /// to the glyphs the pages use, which keeps a document with Chinese text at tens of kilobytes
    /// instead of megabytes.
    pub(crate) fn finish(mut self, pages: Vec<Canvas>) -> Vec<u8> {
        let used = pages.iter().fold(FacesUsed::default(), |used, page| used.merge(page.used));
        self.fonts.embed(&mut self.doc, &self.ids, used);
        let pages = pages.into_iter().map(Canvas::into_page).collect();
        let options = PdfSaveOptions { subset_fonts: true, optimize: false, ..PdfSaveOptions::default() };
        // The warnings are informational (e.g. about fonts a page did not use); a real problem
        // such as a font that failed to subset shows in the tests, which check the file.
        let mut doc = self.doc.with_pages(pages).to_lopdf_document(&options, &mut Vec::new());
        compress_streams(&mut doc);
        let mut bytes = Vec::new();
        // Writing to memory cannot fail.
        let _ = doc.save_to(&mut bytes);
        bytes
    }
}

/// Deflates every stream not already encoded. printpdf would use the slowest level, which took
/// half of a label's time; level 2 makes one label 25% faster for a file 5% larger.
pub(crate) fn compress_streams(doc: &mut lopdf::Document) {
    use std::io::Write;

    use flate2::Compression;
    use flate2::write::ZlibEncoder;

    for object in doc.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else { continue };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let mut encoder = ZlibEncoder::new(Vec::with_capacity(stream.content.len() / 2), Compression::new(2));
        let Ok(compressed) = encoder.write_all(&stream.content).and_then(|()| encoder.finish()) else { continue };
        if compressed.len() < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
}

/// One page being drawn.
pub(crate) struct Canvas {
    fonts: &'static FontSet,
    ids: FontIds,
    /// The faces this page's text is drawn with, for the document to embed.
    used: FacesUsed,
    page_mm: (f32, f32),
    ops: Vec<Op>,
}

impl Canvas {
    pub(crate) fn fonts(&self) -> &'static FontSet {
        self.fonts
    }

    /// Width of `text` in `style`, in mm.
    pub(crate) fn text_width(&self, text: &str, style: &TextStyle) -> f32 {
        pt_to_mm(self.fonts.width_pt(text, style.weight, style.size_pt))
    }

    /// Draws one line of text in the line box whose top is at `top`. With [`Align::Left`] `x` is
    /// where the text starts, with [`Align::Right`] where it ends, with [`Align::Center`] its middle.
    /// The text is not wrapped or clipped: callers fit it first ([`wrap`], [`truncate`]).
    pub(crate) fn text(&mut self, x: f32, top: f32, text: &str, style: &TextStyle, align: Align) {
        if text.trim().is_empty() {
            return;
        }
        let width = self.text_width(text, style);
        let left = match align {
            Align::Left => x,
            Align::Center => x - width / 2.0,
            Align::Right => x - width,
        };
        // Centre the cap height (about 0.72 em for both faces) in the line box.
        let baseline = top + style.line_mm() / 2.0 + pt_to_mm(style.size_pt * 0.36);
        let color = style.color.color();
        self.ops.push(Op::SaveGraphicsState);
        self.ops.push(Op::SetFillColor { col: color.clone() });
        self.ops.push(Op::StartTextSection);
        self.ops.push(Op::SetTextCursor { pos: self.point(left, baseline) });
        for (face, run) in self.fonts.runs(text, style.weight) {
            // Droid Sans Fallback has no bold: fake it with a thin outline around the glyphs.
            let fake_bold = face == Face::Cjk && style.weight == Weight::Bold;
            if fake_bold {
                self.ops.push(Op::SetOutlineColor { col: color.clone() });
                self.ops.push(Op::SetOutlineThickness { pt: Pt(style.size_pt * 0.04) });
                self.ops.push(Op::SetTextRenderingMode { mode: TextRenderingMode::FillStroke });
            }
            self.used.mark(face);
            let font = PdfFontHandle::External(self.ids.get(face).clone());
            self.ops.push(Op::SetFont { font, size: Pt(style.size_pt) });
            self.ops.push(Op::ShowText { items: vec![TextItem::Text(run)] });
            if fake_bold {
                self.ops.push(Op::SetTextRenderingMode { mode: TextRenderingMode::Fill });
            }
        }
        self.ops.push(Op::EndTextSection);
        self.ops.push(Op::RestoreGraphicsState);
    }

    /// Draws `lines` (as [`fit_block`] returns them) one under the other from `top`, left-aligned
    /// at `x`; returns where the next line would go.
    pub(crate) fn lines(&mut self, x: f32, top: f32, lines: &[(String, TextStyle)]) -> f32 {
        lines.iter().fold(top, |y, (text, style)| {
            self.text(x, y, text, style, Align::Left);
            y + style.line_mm()
        })
    }

    pub(crate) fn fill_rect(&mut self, x: f32, top: f32, width: f32, height: f32, color: Rgb) {
        let bottom_left = self.point(x, top + height);
        self.ops.push(Op::SetFillColor { col: color.color() });
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: bottom_left.x,
                y: bottom_left.y,
                width: Pt(mm_to_pt(width)),
                height: Pt(mm_to_pt(height)),
                mode: Some(PaintMode::Fill),
                winding_order: None,
            },
        });
    }

    /// The outline of a box, the stroke centred on its edges.
    pub(crate) fn stroke_rect(&mut self, x: f32, top: f32, width: f32, height: f32, thickness_pt: f32, color: Rgb) {
        let bottom_left = self.point(x, top + height);
        self.ops.push(Op::SetOutlineColor { col: color.color() });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(thickness_pt) });
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: bottom_left.x,
                y: bottom_left.y,
                width: Pt(mm_to_pt(width)),
                height: Pt(mm_to_pt(height)),
                mode: Some(PaintMode::Stroke),
                winding_order: None,
            },
        });
    }

    /// A vertical line from `y1` to `y2` at `x`, `thickness_pt` thick.
    pub(crate) fn vline(&mut self, x: f32, y1: f32, y2: f32, thickness_pt: f32, color: Rgb) {
        self.line(self.point(x, y1), self.point(x, y2), thickness_pt, color);
    }

    /// A horizontal line from `x1` to `x2` at `y`, `thickness_pt` thick.
    pub(crate) fn hline(&mut self, x1: f32, x2: f32, y: f32, thickness_pt: f32, color: Rgb) {
        self.line(self.point(x1, y), self.point(x2, y), thickness_pt, color);
    }

    fn line(&mut self, from: Point, to: Point, thickness_pt: f32, color: Rgb) {
        let points = [from, to].map(|p| LinePoint { p, bezier: false });
        self.ops.push(Op::SetOutlineColor { col: color.color() });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(thickness_pt) });
        self.ops.push(Op::DrawLine { line: Line { points: points.to_vec(), is_closed: false } });
    }

    /// A point `x` mm from the left and `y` mm from the top, in PDF coordinates.
    fn point(&self, x: f32, y: f32) -> Point {
        Point::new(Mm(x), Mm(self.page_mm.1 - y))
    }

    fn into_page(self) -> PdfPage {
        PdfPage::new(Mm(self.page_mm.0), Mm(self.page_mm.1), self.ops)
    }
}
