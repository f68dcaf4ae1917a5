//! A simple table: fixed column widths, cells that wrap, rows that never split, and the header
//! row repeated at the top of every page the table continues on.

use super::{Align, Canvas, Flow, RULE, SHADE, STRIPE, TextStyle, wrap};
use crate::fonts::FontSet;

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
            .map(|(column, text)| wrap(fonts, text, style, column.width - 2.0 * self.pad_x, max_lines(column)))
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
