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
    /// GS1 data with an FNC1 separator (GS) where no field ends: first, last or doubled.
    #[error("the field separator (GS) at position {position} does not sit between two fields")]
    MisplacedSeparator { position: usize },
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

    /// Encodes GS1 element string data as GS1-128: FNC1 right after the start code marks the
    /// symbol as GS1, and each [`GS1_SEPARATOR`] in `data` (which ends a variable-length field)
    /// becomes FNC1 too. Character sets are chosen for the shortest symbol ([`gs1_code_sets`]).
    pub(crate) fn gs1(data: &str) -> Result<Self, BarcodeError> {
        if data.is_empty() {
            return Err(BarcodeError::Empty);
        }
        let chars: Vec<char> = data.chars().collect();
        for (index, ch) in chars.iter().enumerate() {
            let position = index + 1;
            if *ch == GS1_SEPARATOR {
                if index == 0 || index + 1 == chars.len() || chars[index + 1] == GS1_SEPARATOR {
                    return Err(BarcodeError::MisplacedSeparator { position });
                }
            } else if !(' '..='~').contains(ch) {
                return Err(BarcodeError::Unencodable { ch: *ch, position });
            }
        }
        let encoder = Encoder::new(gs1_code_sets(&chars)).map_err(|_| BarcodeError::Encoder)?;
        Ok(Self { modules: encoder.encode().into_iter().map(|module| module == 1).collect() })
    }

    /// Width in modules, without the quiet zones.
    pub(crate) fn modules(&self) -> usize {
        self.modules.len()
    }

    /// Each bar as (first module, width in modules).
    pub(crate) fn bars(&self) -> Vec<(usize, usize)> {
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

/// How GS1 barcode data marks FNC1 between fields: the ASCII group separator, which is also
/// what a scanner sends for it.
pub(crate) const GS1_SEPARATOR: char = '\x1d';

/// barcoders' FNC1 character (valid in every character set).
const FNC1: char = 'Ź';

/// The barcoders input for GS1 data (`chars`, printable ASCII and [`GS1_SEPARATOR`]s between
/// fields): start code, FNC1, then the data in sets B and C, switching where that saves symbols.
/// GS1 data is mostly digits (GTINs, dates), so the choice matters: a shortest encoding is found
/// by dynamic programming over (position, current set), each symbol and each switch costing one.
fn gs1_code_sets(chars: &[char]) -> String {
    const SETS: [char; 2] = ['Ɓ', 'Ć'];
    let n = chars.len();
    let digit_pair = |i: usize| i + 1 < n && chars[i].is_ascii_digit() && chars[i + 1].is_ascii_digit();
    // cost[i][s]: symbols to encode chars[i..] when set s is active at i; `step` records the
    // choice: how many chars the next symbol takes (0 = switch set first).
    let mut cost = vec![[0usize; 2]; n + 1];
    let mut step = vec![[0usize; 2]; n];
    for i in (0..n).rev() {
        let stay = |s: usize| -> Option<(usize, usize)> {
            if chars[i] == GS1_SEPARATOR {
                Some((1 + cost[i + 1][s], 1))
            } else if s == 1 {
                digit_pair(i).then(|| (1 + cost[i + 2][1], 2))
            } else {
                Some((1 + cost[i + 1][0], 1))
            }
        };
        let stays = [stay(0), stay(1)];
        for s in 0..2 {
            let switched = stays[1 - s].map(|(c, _)| (c + 1, 0));
            // Ties stay in the current set: fewer switches, same length.
            let best = match (stays[s], switched) {
                (Some(a), Some(b)) => {
                    if b.0 < a.0 {
                        b
                    } else {
                        a
                    }
                }
                (Some(a), None) => a,
                (None, Some(b)) => b,
                (None, None) => (usize::MAX / 2, 0),
            };
            cost[i][s] = best.0;
            step[i][s] = best.1;
        }
    }
    // Start in whichever set gives the shorter symbol (set C on a tie: GS1 data starts with digits).
    let mut set = if n > 0 && cost[0][1] <= cost[0][0] { 1 } else { 0 };
    let mut out = String::with_capacity(n + 8);
    out.push(SETS[set]);
    out.push(FNC1);
    let mut i = 0;
    while i < n {
        match step[i][set] {
            0 => {
                set = 1 - set;
                out.push(SETS[set]);
            }
            taken => {
                for ch in &chars[i..i + taken] {
                    out.push(if *ch == GS1_SEPARATOR { FNC1 } else { *ch });
                }
                i += taken;
            }
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

    fn gs1_sets(data: &str) -> String {
        gs1_code_sets(&data.chars().collect::<Vec<_>>())
    }

    #[test]
    fn gs1_data_starts_with_fnc1_and_uses_set_c_where_it_saves_symbols() {
        // GTIN and expiry: all digits, all set C.
        assert_eq!(gs1_sets("010950600013435217201225"), "ĆŹ010950600013435217201225");
        // The lot's AI stays in set C; a separator is FNC1 in whichever set is active.
        assert_eq!(gs1_sets("0109506000134352\u{1d}10ABC123\u{1d}21XYZ"), "ĆŹ0109506000134352Ź10ƁABC123Ź21XYZ");
        assert_eq!(gs1_sets("10LOT-2026-000123"), "ĆŹ10ƁLOT-2026-Ć000123");
        assert_eq!(gs1_sets("21A"), "ĆŹ21ƁA");
        // An odd digit run: set B is no longer than switching.
        assert_eq!(gs1_sets("10A1"), "ĆŹ10ƁA1");
        let symbol = Code128::gs1("01095060001343521720122510ABC123").unwrap();
        // Start, FNC1, 13 set C pairs, switch, 6 set B characters, check: 23 symbols, and the stop.
        assert_eq!(symbol.modules(), 23 * 11 + 13);
    }

    #[test]
    fn gs1_separators_must_sit_between_fields() {
        assert_eq!(Code128::gs1("\u{1d}10A").unwrap_err(), BarcodeError::MisplacedSeparator { position: 1 });
        assert_eq!(Code128::gs1("10A\u{1d}").unwrap_err(), BarcodeError::MisplacedSeparator { position: 4 });
        assert_eq!(Code128::gs1("10A\u{1d}\u{1d}21B").unwrap_err(), BarcodeError::MisplacedSeparator { position: 4 });
        assert_eq!(Code128::gs1("10Ä").unwrap_err(), BarcodeError::Unencodable { ch: 'Ä', position: 3 });
        assert_eq!(Code128::gs1("").unwrap_err(), BarcodeError::Empty);
    }

    #[test]
    fn rejects_what_code_128_cannot_encode() {
        assert_eq!(Code128::new("").unwrap_err(), BarcodeError::Empty);
        assert_eq!(Code128::new("RS-é1").unwrap_err(), BarcodeError::Unencodable { ch: 'é', position: 4 });
        assert_eq!(Code128::new("RS\t1").unwrap_err(), BarcodeError::Unencodable { ch: '\t', position: 3 });
        assert!(Code128::new("RS 1 ~!").is_ok());
    }
}
