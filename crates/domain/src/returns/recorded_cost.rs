//! What a return actually cost to handle, recorded when the invoice comes in.

use super::Rma;
use crate::error::{ApiError, FieldError, Violations};
use crate::event::Event;
use crate::limits;

/// Records `amount_minor` (in `currency`, the installation's) spent on handling the return, with
/// a note saying what it was. Any return may have cost something, whatever became of it.
pub fn decide_record_cost(rma: &Rma, amount_minor: i64, currency: &str, note: &str) -> Result<Vec<Event>, ApiError> {
    let mut v = Violations::default();
    if amount_minor <= 0 {
        v.push(FieldError::new("amount_minor", "error.rma.amount_positive"));
    }
    v.required("note", note.trim());
    v.max_len("note", note.trim(), limits::NOTE);
    v.into_result()?;
    Ok(vec![Event::RmaCostRecorded {
        rma_no: rma.rma_no().to_owned(),
        amount_minor,
        currency: currency.to_owned(),
        note: note.trim().to_owned(),
    }])
}
