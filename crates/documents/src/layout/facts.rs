//! A report's key figures as a grid of boxes, each figure large with its label small above it,
//! the way dashboards show them.

use super::{Align, Flow, INK, RULE, STRIPE, TextStyle, truncate, wrap};
use crate::fonts::FontSet;

/// One figure: what it counts and its value, both already in the reader's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Fact {
    pub(crate) label: String,
    pub(crate) value: String,
}

pub(crate) struct FactGrid {
    /// Left edge and total width, in mm.
    pub(crate) x: f32,
    pub(crate) width: f32,
    /// At most this many boxes share a row.
    pub(crate) max_columns: usize,
    /// Space between boxes, in mm.
    pub(crate) gap: f32,
    pub(crate) label: TextStyle,
    pub(crate) value: TextStyle,
}

/// Space between a box's edge and its text, in mm.
const PAD: f32 = 2.5;
/// The bar down each box's left edge, in mm.
const ACCENT: f32 = 0.8;

/// A row of boxes with their text fitted.
struct Row {
    cells: Vec<(Vec<String>, String)>,
    height: f32,
}

impl FactGrid {
    /// How many boxes go in a row for `facts` facts: as few rows as `max_columns` allows, filled
    /// evenly (six facts are two rows of three, not five and one).
    pub(crate) fn columns(&self, facts: usize) -> usize {
        let rows = facts.div_ceil(self.max_columns.max(1)).max(1);
        facts.div_ceil(rows).max(1)
    }

    fn box_width(&self, columns: usize) -> f32 {
        (self.width - self.gap * (columns - 1) as f32) / columns as f32
    }

    fn rows(&self, fonts: &FontSet, facts: &[Fact]) -> Vec<Row> {
        let columns = self.columns(facts.len());
        let inner = self.box_width(columns) - 2.0 * PAD - ACCENT;
        facts
            .chunks(columns)
            .map(|chunk| {
                let cells: Vec<(Vec<String>, String)> = chunk
                    .iter()
                    .map(|fact| {
                        (
                            wrap(fonts, &fact.label, &self.label, inner, 2),
                            truncate(fonts, &fact.value, &self.value, inner),
                        )
                    })
                    .collect();
                let label_lines = cells.iter().map(|(lines, _)| lines.len()).max().unwrap_or(1).max(1);
                let height = 2.0 * PAD + label_lines as f32 * self.label.line_mm() + 0.8 + self.value.line_mm();
                Row { cells, height }
            })
            .collect()
    }

    /// The height of the first row, to keep a heading above the grid on the same page.
    pub(crate) fn first_row_height(&self, fonts: &FontSet, facts: &[Fact]) -> f32 {
        self.rows(fonts, facts).first().map_or(0.0, |row| row.height)
    }

    /// Draws the facts from the flow's cursor on; rows never split across pages.
    pub(crate) fn draw(&self, flow: &mut Flow, facts: &[Fact]) {
        let fonts = flow.page().fonts();
        let box_width = self.box_width(self.columns(facts.len()));
        for row in self.rows(fonts, facts) {
            flow.ensure(row.height);
            let top = flow.y;
            let page = flow.page();
            for (index, (label_lines, value)) in row.cells.iter().enumerate() {
                let x = self.x + index as f32 * (box_width + self.gap);
                page.fill_rect(x, top, box_width, row.height, STRIPE);
                page.stroke_rect(x, top, box_width, row.height, 0.5, RULE);
                page.fill_rect(x, top, ACCENT, row.height, INK);
                let mut y = top + PAD;
                for line in label_lines {
                    page.text(x + PAD + ACCENT, y, line, &self.label, Align::Left);
                    y += self.label.line_mm();
                }
                // Values line up across the row even when one label takes two lines.
                let value_top = top + row.height - PAD - self.value.line_mm();
                page.text(x + PAD + ACCENT, value_top, value, &self.value, Align::Left);
            }
            flow.y = top + row.height + self.gap;
        }
        flow.y -= self.gap;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::Weight;

    #[test]
    fn rows_are_filled_evenly() {
        let grid = FactGrid {
            x: 0.0,
            width: 180.0,
            max_columns: 5,
            gap: 3.0,
            label: TextStyle::new(8.0, Weight::Regular, INK),
            value: TextStyle::new(14.0, Weight::Bold, INK),
        };
        let columns: Vec<usize> = (0..=11).map(|facts| grid.columns(facts)).collect();
        assert_eq!(columns, [1, 1, 2, 3, 4, 5, 3, 4, 4, 5, 5, 4]);
    }
}
