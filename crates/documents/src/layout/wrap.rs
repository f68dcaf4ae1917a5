//! Fitting text into a width: wrapping into lines, and truncating with an ellipsis.
//!
//! Lines break between words and between any two CJK characters
//! (Chinese has no spaces between words). A word wider than the whole line is broken where it
//! must. Text that needs more lines than allowed ends in "…" rather than overflowing.

use super::{TextStyle, pt_to_mm};
use crate::fonts::{Face, FontSet};

const ELLIPSIS: &str = "…";

/// `text` in lines of at most `width` mm, at most `max_lines` of them (at least one).
/// Runs of whitespace, newlines included, become single spaces.
pub(crate) fn wrap(fonts: &FontSet, text: &str, style: &TextStyle, width: f32, max_lines: usize) -> Vec<String> {
    let measure = |s: &str| pt_to_mm(fonts.width_pt(s, style.weight, style.size_pt));
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    for token in tokens(fonts, &text) {
        let token_width = measure(token);
        if line_width + measure(token.trim_end()) <= width {
            line.push_str(token);
            line_width += token_width;
            continue;
        }
        if !line.is_empty() {
            lines.push(line.trim_end().to_string());
            line.clear();
            line_width = 0.0;
        }
        if measure(token.trim_end()) <= width {
            line.push_str(token);
            line_width = token_width;
            continue;
        }
        // A word longer than a line: break it between characters.
        for c in token.chars() {
            let c_width = measure(c.encode_utf8(&mut [0; 4]));
            if line_width + c_width > width && !line.is_empty() {
                lines.push(line.trim_end().to_string());
                line.clear();
                line_width = 0.0;
            }
            line.push(c);
            line_width += c_width;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    let max_lines = max_lines.max(1);
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            *last = with_ellipsis(last, width, &measure);
        }
    }
    lines
}

/// `text` on one line of at most `width` mm, cut short with "…" if it is wider.
pub(crate) fn truncate(fonts: &FontSet, text: &str, style: &TextStyle, width: f32) -> String {
    let measure = |s: &str| pt_to_mm(fonts.width_pt(s, style.weight, style.size_pt));
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if measure(&text) <= width { text } else { with_ellipsis(&text, width, &measure) }
}

/// Paragraphs, each in its own style, set into a box `width` × `height` mm: every style is scaled
/// down together (not below `min_scale`) until the paragraphs fit whole; if even that is too
/// much, later paragraphs are cut to the lines left, ending in "…". Returns each line with the
/// style to draw it in.
pub(crate) fn fit_block(
    fonts: &FontSet,
    paragraphs: &[(&str, TextStyle)],
    width: f32,
    height: f32,
    min_scale: f32,
) -> Vec<(String, TextStyle)> {
    let scaled = |style: &TextStyle, scale: f32| TextStyle { size_pt: style.size_pt * scale, ..*style };
    let mut scale = 1.0_f32;
    loop {
        let mut lines: Vec<(String, TextStyle)> = Vec::new();
        let mut used = 0.0;
        for (text, style) in paragraphs.iter().filter(|(text, _)| !text.trim().is_empty()) {
            let style = scaled(style, scale);
            let room = ((height - used) / style.line_mm() + 1e-3).floor().max(0.0) as usize;
            // Only the last attempt cuts paragraphs short; before that, any overflow means smaller.
            let max_lines = if scale <= min_scale { room } else { usize::MAX };
            if max_lines == 0 {
                // A paragraph left out entirely still shows that something is missing.
                if let Some((last, style)) = lines.last_mut().filter(|(last, _)| !last.ends_with(ELLIPSIS)) {
                    let measure = |s: &str| pt_to_mm(fonts.width_pt(s, style.weight, style.size_pt));
                    *last = with_ellipsis(last, width, &measure);
                }
                break;
            }
            let wrapped = wrap(fonts, text, &style, width, max_lines);
            used += wrapped.len() as f32 * style.line_mm();
            lines.extend(wrapped.into_iter().map(|line| (line, style)));
        }
        if used <= height + 1e-3 || scale <= min_scale {
            return lines;
        }
        scale = (scale - 0.05).max(min_scale);
    }
}

/// `text` shortened until it fits `width` with "…" after it.
fn with_ellipsis(text: &str, width: f32, measure: &impl Fn(&str) -> f32) -> String {
    let mut kept = text.trim_end().to_string();
    while !kept.is_empty() && measure(&format!("{kept}{ELLIPSIS}")) > width {
        kept.pop();
        kept.truncate(kept.trim_end().len());
    }
    kept + ELLIPSIS
}

/// Splits `text` after each place a line may break: after spaces (kept on the token before) and
/// around every CJK character. Not after hyphens: codes such as "SN-0002" must stay whole.
fn tokens<'t>(fonts: &FontSet, text: &'t str) -> Vec<&'t str> {
    let is_cjk = |c: char| !c.is_ascii() && fonts.resolve(c, crate::fonts::Weight::Regular).0 == Face::Cjk;
    let mut tokens = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        let end = index + c.len_utf8();
        let next = chars.peek().map(|(_, next)| *next);
        let breaks_after = match next {
            None => true,
            Some(' ') => false,
            Some(next) => c == ' ' || is_cjk(c) || is_cjk(next),
        };
        if breaks_after {
            tokens.push(&text[start..end]);
            start = end;
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::{Weight, font_set};
    use crate::layout::INK;

    const BODY: TextStyle = TextStyle::new(10.0, Weight::Regular, INK);

    fn fits(lines: &[String], width: f32) -> bool {
        let fonts = font_set().unwrap();
        lines.iter().all(|line| pt_to_mm(fonts.width_pt(line, Weight::Regular, 10.0)) <= width + 0.001)
    }

    #[test]
    fn short_text_is_one_line() {
        let fonts = font_set().unwrap();
        assert_eq!(wrap(fonts, "  Draadloze   oplader\n", &BODY, 100.0, 3), ["Draadloze oplader"]);
    }

    #[test]
    fn long_text_breaks_between_words_within_the_width() {
        let fonts = font_set().unwrap();
        let text = "Customer reports the charger stopped working after two days; replaced under warranty";
        let lines = wrap(fonts, text, &BODY, 50.0, 10);
        assert!(lines.len() >= 3, "{lines:?}");
        assert!(fits(&lines, 50.0), "{lines:?}");
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn chinese_breaks_between_characters() {
        let fonts = font_set().unwrap();
        let text = "无线充电器快速充电底座黑色款十五瓦";
        let lines = wrap(fonts, text, &BODY, 30.0, 10);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(fits(&lines, 30.0), "{lines:?}");
        assert_eq!(lines.concat(), text);
    }

    #[test]
    fn an_overlong_word_is_broken_and_too_many_lines_end_in_an_ellipsis() {
        let fonts = font_set().unwrap();
        let lines = wrap(fonts, &"X".repeat(80), &BODY, 30.0, 10);
        assert!(lines.len() > 1 && fits(&lines, 30.0), "{lines:?}");
        let capped = wrap(fonts, &"word ".repeat(100), &BODY, 30.0, 2);
        assert_eq!(capped.len(), 2);
        assert!(capped[1].ends_with('…') && fits(&capped, 30.0), "{capped:?}");
    }

    #[test]
    fn a_block_shrinks_before_it_is_cut_short() {
        let fonts = font_set().unwrap();
        let big = TextStyle::new(14.0, Weight::Bold, INK);
        let fits_height = |lines: &[(String, TextStyle)], height: f32| {
            lines.iter().map(|(_, style)| style.line_mm()).sum::<f32>() <= height + 0.001
        };
        let short = fit_block(fonts, &[("Returns centre", big), ("Kade 1", BODY)], 60.0, 30.0, 0.6);
        assert_eq!(short.len(), 2);
        assert_eq!(short[0].1.size_pt, 14.0);

        let street = "Keizersgracht 123, 1015 CJ Amsterdam, Noord-Holland";
        let paragraphs = [("Lotline Returns Centre Amsterdam", big), (street, BODY), (street, BODY)];
        let shrunk = fit_block(fonts, &paragraphs, 50.0, 30.0, 0.6);
        assert!(shrunk[0].1.size_pt < 14.0 && fits_height(&shrunk, 30.0), "{shrunk:?}");
        assert!(shrunk.iter().all(|(line, _)| !line.ends_with('…')), "{shrunk:?}");

        let many = [(street, BODY); 12];
        let cut = fit_block(fonts, &many, 50.0, 20.0, 0.8);
        assert!(fits_height(&cut, 20.0), "{cut:?}");
        assert!(cut.last().unwrap().0.ends_with('…'), "{cut:?}");
    }

    #[test]
    fn truncate_keeps_what_fits() {
        let fonts = font_set().unwrap();
        assert_eq!(truncate(fonts, "DHL", &BODY, 30.0), "DHL");
        let cut = truncate(fonts, "Heerenveen Distributiecentrum Noord", &BODY, 30.0);
        assert!(cut.ends_with('…') && cut.len() < 35, "{cut}");
        assert!(fits(&[cut], 30.0));
    }
}
