//! A failure row of a CSV file as the input of the same act the form uses.

use super::rows::Row;
use crate::acts::failures::LogFailureInput;

pub(super) fn failure_row(row: &mut Row<'_>) -> Option<LogFailureInput> {
    let before = row.errors.len();
    let input = LogFailureInput {
        occurred_at: row.optional("occurred_at"),
        sku: row.text("sku"),
        vendor_code: row.text("vendor_code"),
        lot_code: row.optional("lot_code"),
        serials: row.text("serials").split([';', '|']).map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect(),
        accepted_serials: None,
        stage: row.choice("stage")?,
        qty_inspected: row.int("qty_inspected"),
        qty_failed: row.int("qty_failed"),
        category_code: row.text("category_code"),
        description: row.text("description"),
        severity: row.choice("severity")?,
        inspection: None,
        attachment_ids: Vec::new(),
        disposition: match row.optional("disposition") {
            Some(_) => Some(row.choice("disposition")?),
            None => None,
        },
        owner_team: row.choice("owner_team")?,
        reinspection_of: None,
        rma_no: None,
        hold_lot: None,
        work_order_no: None,
    };
    (row.errors.len() == before).then_some(input)
}
