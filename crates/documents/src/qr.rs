//! QR codes, drawn as vector squares.
//!
//! `qrcode` does the encoding; drawing each dark module as its own square would put thousands of
//! rectangles on a page, so horizontal runs of dark modules become one rectangle each. That keeps
//! a batch of labels small and quick to rasterise on a label printer.

use qrcode::{Color, EcLevel, QrCode};

use crate::barcode::BarcodeError;
use crate::layout::{Canvas, INK};

/// Light border a scanner needs around the symbol, in modules (ISO/IEC 18004 asks for 4).
pub(crate) const QUIET_ZONE_MODULES: usize = 4;

/// An encoded QR symbol: `width` × `width` modules, dark (`true`) or light, row by row.
#[derive(Clone, Debug)]
pub(crate) struct Qr {
    width: usize,
    modules: Vec<bool>,
}

impl Qr {
    /// Encodes `text` at error-correction level M, which survives a scuffed or creased label
    /// (15 % damage) without the symbol growing much.
    pub(crate) fn new(text: &str) -> Result<Self, BarcodeError> {
        if text.is_empty() {
            return Err(BarcodeError::Empty);
        }
        let code = QrCode::with_error_correction_level(text, EcLevel::M).map_err(|_| BarcodeError::Encoder)?;
        let width = code.width();
        Ok(Self { width, modules: code.into_colors().into_iter().map(|color| color == Color::Dark).collect() })
    }

    /// Width (and height) in modules, quiet zones included.
    pub(crate) fn size_modules(&self) -> usize {
        self.width + 2 * QUIET_ZONE_MODULES
    }

    /// Each horizontal run of dark modules as (row, first column, length in modules).
    pub(crate) fn runs(&self) -> Vec<(usize, usize, usize)> {
        let mut runs = Vec::new();
        for (row, modules) in self.modules.chunks(self.width).enumerate() {
            let mut column = 0;
            while column < self.width {
                let length = modules[column..].iter().take_while(|dark| **dark).count();
                if length > 0 {
                    runs.push((row, column, length));
                    column += length;
                } else {
                    column += 1;
                }
            }
        }
        runs
    }

    /// Draws the symbol with the outer edge of its quiet zone at (`x`, `top`), mm from the page's
    /// top-left; it takes [`Qr::size_modules`] × `module_mm` each way. The quiet zone is left
    /// unpainted, so the caller keeps that area clear.
    pub(crate) fn draw(&self, canvas: &mut Canvas, x: f32, top: f32, module_mm: f32) {
        let offset = QUIET_ZONE_MODULES as f32 * module_mm;
        for (row, column, length) in self.runs() {
            canvas.fill_rect(
                x + offset + column as f32 * module_mm,
                top + offset + row as f32 * module_mm,
                length as f32 * module_mm,
                module_mm,
                INK,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_rma_numbers_fit_the_smallest_symbol() {
        // "RMA-AMS1-000001" is all alphanumeric-mode characters: version 1 (21 modules) at M.
        let qr = Qr::new("RMA-AMS1-000001").unwrap();
        assert_eq!(qr.width, 21);
        assert_eq!(qr.size_modules(), 29);
    }

    #[test]
    fn runs_cover_exactly_the_dark_modules() {
        let qr = Qr::new("RMA-AMS1-000001").unwrap();
        let mut painted = vec![false; qr.modules.len()];
        for (row, column, length) in qr.runs() {
            for cell in &mut painted[row * qr.width + column..][..length] {
                assert!(!*cell, "painted twice");
                *cell = true;
            }
        }
        assert_eq!(painted, qr.modules);
        // Merging must actually save rectangles (the finder patterns alone have 7-module runs).
        let dark = qr.modules.iter().filter(|dark| **dark).count();
        assert!(qr.runs().len() * 3 < dark * 2, "{} runs for {dark} modules", qr.runs().len());
    }

    #[test]
    fn rejects_what_no_symbol_can_hold() {
        assert_eq!(Qr::new("").unwrap_err(), BarcodeError::Empty);
        assert_eq!(Qr::new(&"x".repeat(5000)).unwrap_err(), BarcodeError::Encoder);
    }
}
