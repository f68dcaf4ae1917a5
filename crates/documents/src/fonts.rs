//! The fonts every document embeds, and text measurement with them.
//!
//! No single free font both looks right for Latin text and covers Chinese: Droid Sans Fallback
//! (Chinese, Japanese, Korean) has no Latin glyphs at all. So text is split into runs, each drawn
//! with the first face that has its characters: DejaVu Sans (regular or bold) for Latin and
//! symbols, Droid Sans Fallback for CJK. The fonts are compiled in, so a document never depends on
//! the fonts of the machine that prints it; printpdf subsets them to the glyphs a PDF uses. A
//! document takes in only the faces its text is drawn with: an all-Latin label never copies the
//! CJK face.

use std::sync::LazyLock;

use printpdf::{FontId, ParsedFont, PdfDocument, PdfFont};

use crate::error::DocumentError;

const LATIN_REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
const LATIN_BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");
const CJK: &[u8] = include_bytes!("../fonts/DroidSansFallbackFull.ttf");

/// Drawn instead of a character that no embedded font has (an emoji, say), so that it shows as
/// something readable rather than an empty box.
const REPLACEMENT: char = '?';

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

/// One embedded font file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Face {
    Latin,
    LatinBold,
    Cjk,
}

impl Face {
    const ALL: [Face; 3] = [Face::Latin, Face::LatinBold, Face::Cjk];

    fn index(self) -> usize {
        self as usize
    }
}

/// The parsed fonts, shared by every document this process makes.
pub(crate) struct FontSet {
    faces: [Metrics; 3],
}

struct Metrics {
    font: ParsedFont,
    units_per_em: f32,
}

/// The handles of the fonts inside one PDF document, made before anything is drawn; a face is
/// added to the document under its handle only once a page draws with it ([`FontSet::embed`]).
#[derive(Clone, Debug)]
pub(crate) struct FontIds([FontId; 3]);

impl FontIds {
    pub(crate) fn new() -> FontIds {
        FontIds([FontId::new(), FontId::new(), FontId::new()])
    }

    pub(crate) fn get(&self, face: Face) -> &FontId {
        &self.0[face.index()]
    }
}

/// Which faces a document's pages draw with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct FacesUsed([bool; 3]);

impl FacesUsed {
    pub(crate) fn mark(&mut self, face: Face) {
        self.0[face.index()] = true;
    }

    pub(crate) fn merge(self, other: FacesUsed) -> FacesUsed {
        FacesUsed([0, 1, 2].map(|i| self.0[i] || other.0[i]))
    }

    pub(crate) fn contains(self, face: Face) -> bool {
        self.0[face.index()]
    }
}

/// Parsing the fonts takes some milliseconds (the CJK one has ~50,000 glyphs): do it once.
static FONTS: LazyLock<Result<FontSet, &'static str>> = LazyLock::new(|| {
    let parse = |bytes: &[u8], name: &'static str| {
        let font = ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).ok_or(name)?;
        let units_per_em = f32::from(font.pdf_font_metrics.units_per_em.max(1));
        Ok::<_, &'static str>(Metrics { font, units_per_em })
    };
    Ok(FontSet {
        faces: [
            parse(LATIN_REGULAR, "DejaVuSans.ttf")?,
            parse(LATIN_BOLD, "DejaVuSans-Bold.ttf")?,
            parse(CJK, "DroidSansFallbackFull.ttf")?,
        ],
    })
});

pub(crate) fn font_set() -> Result<&'static FontSet, DocumentError> {
    FONTS.as_ref().map_err(|name| DocumentError::Font { name })
}

impl FontSet {
    /// Adds the faces `used` to `doc` under `ids`. printpdf copies a parsed face into every
    /// document it is added to, and the CJK face's ~50,000 glyphs made that copy most of an
    /// all-Latin label's time, though the file never embedded a glyph of it.
    pub(crate) fn embed(&self, doc: &mut PdfDocument, ids: &FontIds, used: FacesUsed) {
        for face in Face::ALL.into_iter().filter(|face| used.contains(*face)) {
            doc.resources.fonts.map.insert(ids.get(face).clone(), PdfFont::new(self.parsed(face).clone()));
        }
    }

    /// The face that draws `c` at `weight`, and the character actually drawn (whitespace becomes
    /// a space, a character no face has becomes [`REPLACEMENT`]).
    pub(crate) fn resolve(&self, c: char, weight: Weight) -> (Face, char) {
        let latin = match weight {
            Weight::Regular => Face::Latin,
            Weight::Bold => Face::LatinBold,
        };
        let c = if c.is_whitespace() || c.is_control() { ' ' } else { c };
        if self.has_glyph(latin, c) {
            (latin, c)
        } else if self.has_glyph(Face::Cjk, c) {
            (Face::Cjk, c)
        } else {
            (latin, REPLACEMENT)
        }
    }

    /// The parsed font of `face`, as every document embeds it.
    pub(crate) fn parsed(&self, face: Face) -> &ParsedFont {
        &self.faces[face.index()].font
    }

    fn has_glyph(&self, face: Face, c: char) -> bool {
        self.faces[face.index()].font.lookup_glyph_index(u32::from(c)).is_some_and(|gid| gid != 0)
    }

    /// The advance of `c` in `face`, in em (multiply by the font size).
    fn advance_em(&self, face: Face, c: char) -> f32 {
        let metrics = &self.faces[face.index()];
        let gid = metrics.font.lookup_glyph_index(u32::from(c)).unwrap_or(0);
        f32::from(metrics.font.get_horizontal_advance(gid)) / metrics.units_per_em
    }

    /// The width of `text` set at `size_pt`, in points.
    pub(crate) fn width_pt(&self, text: &str, weight: Weight, size_pt: f32) -> f32 {
        text.chars()
            .map(|c| {
                let (face, c) = self.resolve(c, weight);
                self.advance_em(face, c)
            })
            .sum::<f32>()
            * size_pt
    }

    /// `text` split into runs that each use one face, in order.
    pub(crate) fn runs(&self, text: &str, weight: Weight) -> Vec<(Face, String)> {
        let mut runs: Vec<(Face, String)> = Vec::new();
        for c in text.chars() {
            let (face, c) = self.resolve(c, weight);
            match runs.last_mut() {
                Some((last, run)) if *last == face => run.push(c),
                _ => runs.push((face, c.to_string())),
            }
        }
        runs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_and_chinese_come_from_different_faces() {
        let fonts = font_set().unwrap();
        let runs = fonts.runs("SKU 无线充电器 (x2)", Weight::Regular);
        let faces: Vec<Face> = runs.iter().map(|(face, _)| *face).collect();
        assert_eq!(faces, [Face::Latin, Face::Cjk, Face::Latin]);
        assert_eq!(runs[1].1, "无线充电器");
        let bold = fonts.runs("Pakbon", Weight::Bold);
        assert_eq!(bold, [(Face::LatinBold, "Pakbon".to_string())]);
    }

    #[test]
    fn dutch_accents_are_latin_and_unknown_characters_are_replaced() {
        let fonts = font_set().unwrap();
        assert_eq!(fonts.resolve('ë', Weight::Regular), (Face::Latin, 'ë'));
        assert_eq!(fonts.resolve('€', Weight::Bold), (Face::LatinBold, '€'));
        assert_eq!(fonts.resolve('\n', Weight::Regular), (Face::Latin, ' '));
        // U+1F4E6 PACKAGE, an emoji no embedded face has.
        assert_eq!(fonts.resolve('\u{1F4E6}', Weight::Regular), (Face::Latin, REPLACEMENT));
    }

    #[test]
    fn widths_grow_with_text_and_size() {
        let fonts = font_set().unwrap();
        let one = fonts.width_pt("Lotline", Weight::Regular, 10.0);
        assert!(one > 20.0 && one < 60.0, "{one}");
        assert!((fonts.width_pt("Lotline", Weight::Regular, 20.0) - 2.0 * one).abs() < 0.01);
        assert!(fonts.width_pt("Lotline", Weight::Bold, 10.0) > one);
        // A CJK character is about one em wide.
        let han = fonts.width_pt("充", Weight::Regular, 10.0);
        assert!((8.0..=11.0).contains(&han), "{han}");
    }
}
