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
    pub input: OpenRmaInput,
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
        // a mistake in the file, not a second opinion.
        if existing.input.reason_code != row.cell("reason_code") {
            row.errors.push(
                FieldError::new("reason_code", "error.import.rma_header_differs")
                    .at_row(row.line)
                    .with("value", row.cell("reason_code"))
                    .with("first_line", existing.first_line),
            );
        }
        existing.input.lines.push(line);
        return (row.errors.len() == before).then_some(());
    }
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
    };
    gathered.push(Gathered { reference, first_line: row.line, input });
    (row.errors.len() == before).then_some(())
}
