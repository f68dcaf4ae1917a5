//! A recall: started from one or more lots with a reason, it holds every affected lot still in
//! our stock in the same act, lists the customers to contact, and stays open until the quality
//! lead closes it with what was done. The scope is a snapshot of when it started.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ApiError, ErrorCode, FieldError, Violations};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecallOpening {
    pub recall_no: String,
    /// The lots recalled.
    pub lot_codes: Vec<String>,
    pub reason: String,
    /// Lots in scope, the recalled lots included.
    pub lots_in_scope: i64,
    /// In-stock lots in scope this recall put on hold.
    pub held: Vec<String>,
    /// Customers who received any lot in scope.
    pub customers: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RecallStatus {
    Open,
    Closed,
}

/// A recall as its events leave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recall {
    pub opening: RecallOpening,
    pub status: RecallStatus,
    pub notified: Vec<String>,
}

impl Recall {
    pub fn evolve(state: Option<Recall>, event: &crate::Event) -> Option<Recall> {
        use crate::Event;
        match (state, event) {
            (None, Event::RecallStarted(opening)) => {
                Some(Recall { opening: (**opening).clone(), status: RecallStatus::Open, notified: Vec::new() })
            }
            (Some(mut recall), Event::RecallCustomerNotified { customer_code, .. }) => {
                recall.notified.push(customer_code.clone());
                Some(recall)
            }
            (Some(mut recall), Event::RecallClosed { .. }) => {
                recall.status = RecallStatus::Closed;
                Some(recall)
            }
            (state, _) => state,
        }
    }
}

fn open_only(recall: &Recall) -> Result<(), ApiError> {
    if recall.status == RecallStatus::Open {
        Ok(())
    } else {
        Err(ApiError::new(ErrorCode::Conflict, "error.recall.closed").with("recall_no", &recall.opening.recall_no))
    }
}

/// A written reason or note a step needs (a hold's reason, a release's note): required, and at
/// most 2,000 characters.
pub fn check_note(field: &str, text: &str) -> Result<(), ApiError> {
    let mut v = Violations::default();
    v.required(field, text);
    v.max_len(field, text.trim(), crate::limits::REASON);
    v.into_result()
}

/// A recall's reason is what the customer letters and the authorities are told: required.
pub fn check_recall_reason(reason: &str) -> Result<(), ApiError> {
    check_note("reason", reason)
}

/// A customer of the recall was told (once is enough).
pub fn decide_notified(recall: &Recall, customer_code: &str) -> Result<Vec<crate::Event>, ApiError> {
    open_only(recall)?;
    let customer_code = customer_code.trim();
    if !recall.opening.customers.iter().any(|c| c == customer_code) {
        return Err(ApiError::field(
            FieldError::new("customer_code", "error.recall.not_a_customer")
                .with("customer", customer_code)
                .with("recall_no", &recall.opening.recall_no),
        ));
    }
    if recall.notified.iter().any(|c| c == customer_code) {
        return Ok(Vec::new());
    }
    Ok(vec![crate::Event::RecallCustomerNotified {
        recall_no: recall.opening.recall_no.clone(),
        customer_code: customer_code.to_owned(),
    }])
}

/// Closes the recall with what was done; the holds it placed stay until a quality lead releases
/// each lot (release is a decision per lot: scrapped, reworked, or found good).
pub fn decide_close(recall: &Recall, note: &str) -> Result<Vec<crate::Event>, ApiError> {
    open_only(recall)?;
    let mut v = Violations::default();
    v.required("note", note);
    v.max_len("note", note.trim(), crate::limits::NOTE);
    v.into_result()?;
    Ok(vec![crate::Event::RecallClosed { recall_no: recall.opening.recall_no.clone(), note: note.trim().to_owned() }])
}
