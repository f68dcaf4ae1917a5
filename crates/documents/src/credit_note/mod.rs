//! The credit note of a settled return: what the customer gets back per line and why a
//! restocking fee was or was not kept on each, and who asked for, approved and paid out the
//! money, so an auditor sees the separation of duties on the document itself.

mod draw;

use crate::error::DocumentError;

/// Everything a credit note shows, already in the words the reader should see (names, money as
/// text), except the fixed labels and the fee reasons, which come from the document catalogue
/// in `language`.
#[derive(Clone, Debug, Default)]
pub struct CreditNote {
    /// "en", "zh-CN" or "nl"; anything else prints in English.
    pub language: String,
    pub company_name: String,
    pub rma_no: String,
    pub customer_name: String,
    pub order_nos: Vec<String>,
    /// YYYY-MM-DD.
    pub settled_on: String,
    /// `refund` or `store_credit`: the words come from the catalogue.
    pub kind: String,
    /// The return reason's code (`no_longer_needed`); known codes print as words.
    pub reason_code: String,
    pub lines: Vec<CreditNoteLine>,
    /// The refund or credit before the fee, the fee, and what the customer receives.
    pub gross: String,
    pub fee: String,
    pub net: String,
    pub duties: CreditNoteDuties,
}

#[derive(Clone, Debug, Default)]
pub struct CreditNoteLine {
    pub sku: String,
    pub name: String,
    pub qty: i64,
    pub unit_price: String,
    pub amount: String,
    pub fee: String,
    /// Why this line carries the fee it does: a code of `documents.credit_note.fee_reason`
    /// (`not_customer_choice`, `resold_as_new`, `not_resold_as_new`, `part_resold_as_new`).
    pub fee_reason: String,
    /// Filled into the reason's text: `{{new}}` units of `{{qty}}` back as new, `{{days}}` since
    /// delivery, `{{grade}}`.
    pub fee_reason_args: Vec<(String, String)>,
}

/// Who did each part of paying out: named on the note so one person doing all of it shows.
#[derive(Clone, Debug, Default)]
pub struct CreditNoteDuties {
    pub opened_by: Option<String>,
    pub approved_return_by: Option<String>,
    pub requested_by: Option<String>,
    /// Each approver of the payout with their roles (words), the amount and the day.
    pub approvals: Vec<CreditNoteApproval>,
    pub paid_by: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct CreditNoteApproval {
    pub name: String,
    pub roles: String,
    pub amount: String,
    pub on: String,
}

/// The credit note as a PDF (A4, as many pages as the lines need).
pub fn credit_note(note: &CreditNote) -> Result<Vec<u8>, DocumentError> {
    check(note)?;
    draw::render(note)
}

fn check(note: &CreditNote) -> Result<(), DocumentError> {
    for (field, value) in [("rma_no", &note.rma_no), ("customer_name", &note.customer_name)] {
        if value.trim().is_empty() {
            return Err(DocumentError::missing(field));
        }
    }
    if note.lines.is_empty() {
        return Err(DocumentError::missing("lines"));
    }
    crate::barcode::Code128::new(note.rma_no.trim())
        .map_err(|source| DocumentError::Barcode { field: "rma_no".into(), source })?;
    Ok(())
}

#[cfg(test)]
mod tests;
