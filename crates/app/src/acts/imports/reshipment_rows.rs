//! Reshipment rows of a CSV file: one row per item, rows sharing a `ref` are one reshipment.
//! Each reshipment goes through the same act as the form.

use lotline_domain::error::FieldError;
use lotline_domain::reshipment::{CostInput, ItemInput, RequestReshipmentInput};

use super::rows::Row;

/// A reshipment being gathered from its rows, with the line of its first row.
pub(super) struct Gathered {
    pub reference: String,
    pub first_line: u64,
    pub input: RequestReshipmentInput,
}

fn list(text: &str) -> Vec<String> {
    text.split([';', '|']).map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()
}

/// Adds the row to its reshipment (a new one for a new `ref`); `None` when the row is unusable.
pub(super) fn gather(row: &mut Row<'_>, gathered: &mut Vec<Gathered>) -> Option<()> {
    let before = row.errors.len();
    let reference = row.text("ref");
    if reference.is_empty() {
        row.fail("ref", "error.field.required", "");
    }
    let item = ItemInput {
        line_no: row.int("line_no"),
        qty: row.int("qty"),
        lot_code: row.optional("lot_code"),
        serials: list(row.cell("serials")),
    };
    if let Some(existing) = gathered.iter_mut().find(|g| g.reference == reference) {
        if existing.input.order_no != row.cell("order_no") {
            row.errors.push(
                FieldError::new("order_no", "error.import.order_header_differs")
                    .at_row(row.line)
                    .with("value", row.cell("order_no"))
                    .with("first_line", existing.first_line),
            );
        }
        existing.input.items.push(item);
        return (row.errors.len() == before).then_some(());
    }
    let currency = row.text("currency");
    let input = RequestReshipmentInput {
        failure_nos: list(row.cell("failure_nos")),
        order_no: row.text("order_no"),
        items: vec![item],
        ship_to: None,
        ship_to_reason: None,
        carrier: row.choice("carrier")?,
        service: row.text("service"),
        cost: CostInput {
            shipping_minor: row.int("shipping_minor"),
            shipping_currency: currency.clone(),
            goods_minor: row.int("goods_minor"),
            goods_currency: currency,
        },
        payer: row.choice("payer")?,
        vendor_code: row.optional("vendor_code"),
        reason: row.text("reason"),
        due_on: row.optional("due_on"),
        rma_no: None,
    };
    gathered.push(Gathered { reference, first_line: row.line, input });
    (row.errors.len() == before).then_some(())
}
