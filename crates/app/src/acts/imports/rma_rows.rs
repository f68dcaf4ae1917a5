//! RMA rows of a CSV file: one row per returned order line, rows sharing a `ref` are one RMA.
//! Each RMA goes through the same act as the form, so it gets the same verdict.

use lotline_domain::error::FieldError;
use lotline_domain::returns::GoodsCondition;

use super::rows::Row;
use crate::acts::returns::{OpenRmaInput, OpenRmaLineInput};

/// An RMA being gathered from its rows, with the line of its first row.
pub(super) struct Gathered {
    pub reference: String,
    pub first_line: u64,
    /// The file's line of each RMA line, so an error about `lines[2].qty` lands on its row.
    pub line_rows: Vec<u64>,
    /// The first row's RMA columns, which later rows must not contradict.
    header: Vec<(String, String)>,
    pub input: OpenRmaInput,
}

/// Columns that describe the whole RMA rather than one returned line.
const HEADER_COLUMNS: &[&str] = &[
    "reason_code",
    "preferred_outcome",
    "delivered_on",
    "original_packaging",
    "unused",
    "tags_attached",
    "note",
    "channel",
];

impl Gathered {
    /// Where an error of `open_rma` belongs in the file: a line's error on that line's row and
    /// column (`lines[1].qty` is the `qty` of the RMA's second row), the rest on the first row.
    pub fn place(&self, error: FieldError) -> FieldError {
        let line = error.field.strip_prefix("lines[").and_then(|rest| {
            let (index, column) = rest.split_once(']')?;
            Some((index.parse::<usize>().ok()?, column.trim_start_matches('.').to_owned()))
        });
        match line {
            Some((index, column)) if index < self.line_rows.len() => {
                let column = if column.is_empty() { "line_no".to_owned() } else { column };
                FieldError { field: column, ..error }.at_row(self.line_rows[index])
            }
            _ => error.at_row(self.first_line),
        }
    }
}

fn list(text: &str) -> Vec<String> {
    text.split([';', '|']).map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()
}

/// Adds the row to its RMA (a new one for a new `ref`); `None` when the row is unusable.
pub(super) fn gather(row: &mut Row<'_>, gathered: &mut Vec<Gathered>) -> Option<()> {
    let before = row.errors.len();
    let reference = row.text("ref");
    if reference.is_empty() {
        row.fail("ref", "error.field.required", "");
    }
    let line = OpenRmaLineInput {
        order_no: row.text("order_no"),
        line_no: row.int("line_no"),
        qty: row.int("qty"),
        serials: list(row.cell("serials")),
        lot_code: row.optional("lot_code"),
    };
    if let Some(existing) = gathered.iter_mut().find(|g| g.reference == reference) {
        // The RMA's own columns are read from its first row; a later row that says otherwise is
        // a mistake in the file, not a second opinion. A later row may leave them empty.
        for column in HEADER_COLUMNS {
            let cell = row.cell(column);
            let first = existing.header.iter().find(|(c, _)| c == column).map_or("", |(_, v)| v.as_str());
            if !cell.is_empty() && !cell.eq_ignore_ascii_case(first) {
                row.errors.push(
                    FieldError::new(*column, "error.import.rma_header_differs")
                        .at_row(row.line)
                        .with("value", cell)
                        .with("first", first)
                        .with("first_line", existing.first_line),
                );
            }
        }
        existing.input.lines.push(line);
        existing.line_rows.push(row.line);
        return (row.errors.len() == before).then_some(());
    }
    let header = HEADER_COLUMNS.iter().map(|c| ((*c).to_owned(), row.text(c))).collect();
    let input = OpenRmaInput {
        lines: vec![line],
        reason_code: row.text("reason_code"),
        preferred_outcome: row.choice("preferred_outcome")?,
        delivered_on: row.optional("delivered_on"),
        condition: GoodsCondition {
            original_packaging: row.flag("original_packaging"),
            unused: row.flag("unused"),
            tags_attached: row.flag("tags_attached"),
        },
        photo_ids: Vec::new(),
        non_carrier_damage_seen: false,
        note: row.text("note"),
        channel: row.channel("channel"),
    };
    gathered.push(Gathered { reference, first_line: row.line, line_rows: vec![row.line], header, input });
    (row.errors.len() == before).then_some(())
}
