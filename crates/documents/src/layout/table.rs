//! A simple table: fixed column widths, cells that wrap, rows that never split, and the header
//! row repeated at the top of every page the table continues on.

use super::{Align, Canvas, Flow, RULE, SHADE, STRIPE, TextStyle, truncate, wrap};
use crate::fonts::FontSet;

/// Put in a cell's text (or a column's title), starts a new line there: two short facts in one
/// column, such as a number with its date below it. (U+2028 LINE SEPARATOR, which data typed by
/// people does not contain; elsewhere it is whitespace like any other.)
pub(crate) const LINE_BREAK: char = '\u{2028}';

pub(crate) struct Column {
    pub(crate) title: String,
    /// In mm, padding included.
    pub(crate) width: f32,
    pub(crate) align: Align,
    /// A cell with more text ends in "…" after this many lines, so that one row always fits
    /// on a page.
    pub(crate) max_lines: usize,
}

pub(crate) struct Table {
    /// Left edge, in mm.
    pub(crate) x: f32,
    pub(crate) columns: Vec<Column>,
    pub(crate) head: TextStyle,
    pub(crate) body: TextStyle,
    /// Space between a cell's border and its text, in mm.
    pub(crate) pad_x: f32,
    pub(crate) pad_y: f32,
}

/// `text` wrapped into at most `max_lines` lines of `width` mm, each [`LINE_BREAK`] starting a
/// new line; text cut short ends in "…".
fn cell_lines(fonts: &FontSet, text: &str, style: &TextStyle, width: f32, max_lines: usize) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut paragraphs = text.split(LINE_BREAK).filter(|paragraph| !paragraph.trim().is_empty());
    for paragraph in paragraphs.by_ref() {
        lines.extend(wrap(fonts, paragraph, style, width, max_lines - lines.len()));
        if lines.len() >= max_lines {
            break;
        }
    }
    if paragraphs.next().is_some()
        && let Some(last) = lines.last_mut()
        && !last.ends_with('…')
    {
        *last = truncate(fonts, &format!("{last}…"), style, width);
    }
    lines
}

/// A row with its cells wrapped into lines.
struct Row {
    cells: Vec<Vec<String>>,
    height: f32,
}

impl Table {
    pub(crate) fn width(&self) -> f32 {
        self.columns.iter().map(|column| column.width).sum()
    }

    fn layout(
        &self,
        fonts: &FontSet,
        cells: &[String],
        style: &TextStyle,
        max_lines: impl Fn(&Column) -> usize,
    ) -> Row {
        let cells: Vec<Vec<String>> = self
            .columns
            .iter()
            .zip(cells.iter().map(String::as_str).chain(std::iter::repeat("")))
            .map(|(column, text)| cell_lines(fonts, text, style, column.width - 2.0 * self.pad_x, max_lines(column)))
            .collect();
        let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        Row { cells, height: lines as f32 * style.line_mm() + 2.0 * self.pad_y }
    }

    /// Draws `rows` (one string per column) from the flow's cursor on, continuing on new pages.
    pub(crate) fn draw(&self, flow: &mut Flow, rows: &[Vec<String>]) {
        let fonts = flow.page().fonts();
        let titles: Vec<String> = self.columns.iter().map(|column| column.title.clone()).collect();
        let header = self.layout(fonts, &titles, &self.head, |_| 2);
        let rows: Vec<Row> = rows.iter().map(|cells| self.layout(fonts, cells, &self.body, |c| c.max_lines)).collect();
        // Keep the header with the first row.
        flow.ensure(header.height + rows.first().map_or(0.0, |row| row.height));
        let y = flow.y;
        self.draw_row(flow.page(), y, &header, &self.head, Some(SHADE));
        flow.y += header.height;
        for (index, row) in rows.iter().enumerate() {
            if flow.ensure(row.height) {
                let y = flow.y;
                self.draw_row(flow.page(), y, &header, &self.head, Some(SHADE));
                flow.y += header.height;
            }
            let fill = (index % 2 == 1).then_some(STRIPE);
            let y = flow.y;
            self.draw_row(flow.page(), y, row, &self.body, fill);
            flow.y += row.height;
        }
    }

    fn draw_row(&self, canvas: &mut Canvas, top: f32, row: &Row, style: &TextStyle, fill: Option<super::Rgb>) {
        if let Some(fill) = fill {
            canvas.fill_rect(self.x, top, self.width(), row.height, fill);
        }
        let mut left = self.x;
        for (column, lines) in self.columns.iter().zip(&row.cells) {
            let x = match column.align {
                Align::Left => left + self.pad_x,
                Align::Center => left + column.width / 2.0,
                Align::Right => left + column.width - self.pad_x,
            };
            for (index, line) in lines.iter().enumerate() {
                canvas.text(x, top + self.pad_y + index as f32 * style.line_mm(), line, style, column.align);
            }
            left += column.width;
        }
        canvas.hline(self.x, self.x + self.width(), top + row.height, 0.5, RULE);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::{Weight, font_set};
    use crate::layout::INK;

    const BODY: TextStyle = TextStyle::new(8.0, Weight::Regular, INK);

    #[test]
    fn a_line_break_starts_a_new_line_within_the_cell_limit() {
        let fonts = font_set().unwrap();
        let text = format!("QF-1{LINE_BREAK}2026-11-30");
        assert_eq!(cell_lines(fonts, &text, &BODY, 60.0, 2), ["QF-1", "2026-11-30"]);
        // Without a break the two share a line, as before.
        assert_eq!(cell_lines(fonts, "QF-1 2026-11-30", &BODY, 60.0, 2), ["QF-1 2026-11-30"]);
        // A paragraph that does not fit any more shows as "…" on the last line.
        let cut = cell_lines(fonts, &format!("QF-1{LINE_BREAK}2026-11-30{LINE_BREAK}extra"), &BODY, 60.0, 2);
        assert_eq!(cut, ["QF-1", "2026-11-30…"]);
        assert!(cell_lines(fonts, &format!(" {LINE_BREAK} "), &BODY, 60.0, 2).is_empty());
    }
}
