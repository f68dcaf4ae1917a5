//! Code 128 barcodes, drawn as vector bars.
//!
//! `barcoders` turns a string into the bar/space modules, but wants the caller to choose the
//! Code 128 character sets; [`code_sets`] does that (set B for text, set C for long digit runs,
//! which halves their width). Bars are drawn as filled rectangles, not a raster image, so they
//! stay sharp at any printer resolution.

use barcoders::sym::code128::Code128 as Encoder;

use crate::layout::{Align, Canvas, INK, TextStyle};

/// Empty space a scanner needs on each side of the bars, in modules (ISO/IEC 15417 asks for 10).
pub(crate) const QUIET_ZONE_MODULES: usize = 10;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BarcodeError {
    #[error("there is nothing to encode")]
    Empty,
    #[error("character {ch:?} at position {position} is not printable ASCII, which Code 128 cannot encode")]
    Unencodable { ch: char, position: usize },
    #[error("{len} characters do not fit the barcode's space (at most {max})")]
    TooLong { len: usize, max: usize },
    #[error("the encoder rejected the data")]
    Encoder,
}

/// An encoded Code 128 symbol: its modules, dark (`true`) or light, from start to stop pattern.
#[derive(Clone, Debug)]
pub(crate) struct Code128 {
    modules: Vec<bool>,
}

impl Code128 {
    /// Encodes printable ASCII text (what our document numbers are made of).
    pub(crate) fn new(text: &str) -> Result<Self, BarcodeError> {
        if text.is_empty() {
            return Err(BarcodeError::Empty);
        }
        if let Some((index, ch)) = text.char_indices().find(|(_, ch)| !(' '..='~').contains(ch)) {
            let position = text[..index].chars().count() + 1;
            return Err(BarcodeError::Unencodable { ch, position });
        }
        let encoder = Encoder::new(code_sets(text)).map_err(|_| BarcodeError::Encoder)?;
        Ok(Self { modules: encoder.encode().into_iter().map(|module| module == 1).collect() })
    }

    /// Width in modules, without the quiet zones.
    pub(crate) fn modules(&self) -> usize {
        self.modules.len()
    }

    /// Each bar as (first module, width in modules).
    fn bars(&self) -> Vec<(usize, usize)> {
        let mut bars: Vec<(usize, usize)> = Vec::new();
        for (index, _) in self.modules.iter().enumerate().filter(|(_, dark)| **dark) {
            match bars.last_mut() {
                Some((start, width)) if *start + *width == index => *width += 1,
                _ => bars.push((index, 1)),
            }
        }
        bars
    }

    /// Draws the bars with their left edge at `x` and top at `top` (mm from the page top).
    /// The caller leaves [`QUIET_ZONE_MODULES`] of empty space on both sides.
    pub(crate) fn draw(&self, canvas: &mut Canvas, x: f32, top: f32, module_mm: f32, height_mm: f32) {
        for (start, width) in self.bars() {
            canvas.fill_rect(x + start as f32 * module_mm, top, width as f32 * module_mm, height_mm, INK);
        }
    }
}

/// Draws the bars as [`Code128::draw`] does, with `text` (what the symbol carries, for a person
/// to key in when a scanner fails) centred under them. Returns the bottom of the text.
pub(crate) fn draw_with_text(
    canvas: &mut Canvas,
    symbol: &Code128,
    text: &str,
    style: &TextStyle,
    (x, top): (f32, f32),
    module_mm: f32,
    height_mm: f32,
) -> f32 {
    symbol.draw(canvas, x, top, module_mm, height_mm);
    let text_top = top + height_mm + 1.0;
    canvas.text(x + symbol.modules() as f32 * module_mm / 2.0, text_top, text, style, Align::Center);
    text_top + style.line_mm()
}

/// Prefixes `text` with the character-set codes barcoders expects: set B (all printable ASCII),
/// switching to set C (two digits per symbol) for runs of digits long enough to save space —
/// 4 at either end of the data, 6 in the middle, as GS1's guidelines suggest.
fn code_sets(text: &str) -> String {
    const SET_B: char = 'Ɓ';
    const SET_C: char = 'Ć';
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 4);
    let mut current = None;
    let switch = |out: &mut String, current: &mut Option<char>, set: char| {
        if *current != Some(set) {
            out.push(set);
            *current = Some(set);
        }
    };
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        let at_edge = i == 0 || i + run == chars.len();
        let worth_it = if i == 0 && run == chars.len() { run >= 2 } else { run >= if at_edge { 4 } else { 6 } };
        if worth_it {
            // An odd run leaves one digit to set B: the last one at the start of the data (so
            // the symbol can start in set C), else the first one.
            let mut run = run;
            if run % 2 == 1 && i > 0 {
                switch(&mut out, &mut current, SET_B);
                out.push(chars[i]);
                i += 1;
                run -= 1;
            }
            let even = run - run % 2;
            switch(&mut out, &mut current, SET_C);
            out.extend(&chars[i..i + even]);
            i += even;
        } else {
            switch(&mut out, &mut current, SET_B);
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_uses_set_b_and_long_digit_runs_set_c() {
        assert_eq!(code_sets("RS-AMS1-000012"), "ƁRS-AMS1-Ć000012");
        assert_eq!(code_sets("RS-1234567"), "ƁRS-1Ć234567");
        assert_eq!(code_sets("123456"), "Ć123456");
        assert_eq!(code_sets("12345"), "Ć1234Ɓ5");
        assert_eq!(code_sets("12345AB"), "Ć1234Ɓ5AB");
        assert_eq!(code_sets("A12345B"), "ƁA12345B");
        assert_eq!(code_sets("A123456B"), "ƁAĆ123456ƁB");
        assert_eq!(code_sets("x"), "Ɓx");
    }

    #[test]
    fn symbol_has_start_checksum_and_stop() {
        // Start B (11) + 3 data (33) + check (11) + stop (13) modules.
        let symbol = Code128::new("ABC").unwrap();
        assert_eq!(symbol.modules(), 68);
        // Every Code 128 symbol starts with a bar and ends with the stop's final 2-module bar.
        assert!(symbol.modules[0]);
        assert!(symbol.modules[66] && symbol.modules[67]);
        // Set C halves the width of digits: 6 digits are 3 symbols, not 6.
        let digits = Code128::new("123456").unwrap();
        assert_eq!(digits.modules(), 11 + 33 + 11 + 13);
        let bars = symbol.bars();
        assert!(bars.iter().all(|(_, width)| (1..=4).contains(width)), "{bars:?}");
    }

    #[test]
    fn rejects_what_code_128_cannot_encode() {
        assert_eq!(Code128::new("").unwrap_err(), BarcodeError::Empty);
        assert_eq!(Code128::new("RS-é1").unwrap_err(), BarcodeError::Unencodable { ch: 'é', position: 4 });
        assert_eq!(Code128::new("RS\t1").unwrap_err(), BarcodeError::Unencodable { ch: '\t', position: 3 });
        assert!(Code128::new("RS 1 ~!").is_ok());
    }
}
