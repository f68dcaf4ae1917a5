//! The baseline `lotline bench` sets a label beside: the same drawing (lines of text in the
//! same embedded fonts, one Code 128 and one QR code) made straight with printpdf, with no
//! catalogue, no layout and no fitting of text. What a label costs beyond this is Lotline's own.

use printpdf::{
    Color, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem,
};

use crate::barcode::Code128;
use crate::error::DocumentError;
use crate::fonts::{Face, font_set};
use crate::layout::compress_streams;
use crate::qr::Qr;

/// One page: its lines of text (bold or not), top to bottom, and what both codes carry.
#[derive(Clone, Debug, Default)]
pub struct BarePage {
    pub lines: Vec<(String, bool)>,
    pub code: String,
}

const PAGE_MM: (f32, f32) = (101.6, 152.4);
const LINE_MM: f32 = 4.0;
const SIZE_PT: f32 = 8.0;
const MODULE_MM: f32 = 0.33;
const QR_MODULE_MM: f32 = 0.8;

fn ink() -> Color {
    Color::Rgb(printpdf::Rgb::new(0.1, 0.1, 0.1, None))
}

/// A filled box `x` mm from the left and `top` mm from the top.
fn bar(ops: &mut Vec<Op>, x: f32, top: f32, width: f32, height: f32) {
    ops.push(Op::DrawRectangle {
        rectangle: Rect {
            x: Pt::from(Mm(x)),
            y: Pt::from(Mm(PAGE_MM.1 - top - height)),
            width: Pt::from(Mm(width)),
            height: Pt::from(Mm(height)),
            mode: Some(PaintMode::Fill),
            winding_order: None,
        },
    });
}

/// The pages as one PDF, saved as the labels are (fonts subset, streams deflated alike).
pub fn bare_labels(pages: &[BarePage]) -> Result<Vec<u8>, DocumentError> {
    let fonts = font_set()?;
    let mut doc = PdfDocument::new("bare label");
    let regular = doc.add_font(fonts.parsed(Face::Latin));
    let bold = doc.add_font(fonts.parsed(Face::LatinBold));
    let mut out = Vec::with_capacity(pages.len());
    for page in pages {
        let mut ops = vec![Op::SetFillColor { col: ink() }];
        for (i, (text, is_bold)) in page.lines.iter().enumerate() {
            let font = if *is_bold { &bold } else { &regular };
            ops.push(Op::StartTextSection);
            ops.push(Op::SetTextCursor { pos: Point::new(Mm(5.0), Mm(PAGE_MM.1 - 8.0 - i as f32 * LINE_MM)) });
            ops.push(Op::SetFont { font: PdfFontHandle::External(font.clone()), size: Pt(SIZE_PT) });
            ops.push(Op::ShowText { items: vec![TextItem::Text(text.clone())] });
            ops.push(Op::EndTextSection);
        }
        let bars =
            Code128::new(&page.code).map_err(|source| DocumentError::Barcode { field: "code".into(), source })?;
        let top = 8.0 + page.lines.len() as f32 * LINE_MM + 4.0;
        for (start, width) in bars.bars() {
            bar(&mut ops, 8.0 + start as f32 * MODULE_MM, top, width as f32 * MODULE_MM, 16.0);
        }
        let qr = Qr::new(&page.code).map_err(|source| DocumentError::Barcode { field: "code".into(), source })?;
        let qr_top = top + 22.0;
        for (row, column, length) in qr.runs() {
            let x = 8.0 + column as f32 * QR_MODULE_MM;
            bar(&mut ops, x, qr_top + row as f32 * QR_MODULE_MM, length as f32 * QR_MODULE_MM, QR_MODULE_MM);
        }
        out.push(PdfPage::new(Mm(PAGE_MM.0), Mm(PAGE_MM.1), ops));
    }
    let options = PdfSaveOptions { subset_fonts: true, optimize: false, ..PdfSaveOptions::default() };
    let mut doc = doc.with_pages(out).to_lopdf_document(&options, &mut Vec::new());
    compress_streams(&mut doc);
    let mut bytes = Vec::new();
    // Writing to memory cannot fail.
    let _ = doc.save_to(&mut bytes);
    Ok(bytes)
}
