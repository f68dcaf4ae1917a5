//! Which reshipment settles an exchange. The customer is made whole by the replacement this
//! return asked for; any other reshipment of theirs (one replacing a QC failure, a rejected or
//! cancelled one) sends nothing for these goods, so settling against it would close the return
//! with nothing going back. The desk checks this when settling, the team's server again when it
//! merges the settlement, both with this function.

use crate::ApiError;
use crate::error::FieldError;
use crate::reshipment::ReshipmentStatus;

/// Where the settle form names the replacement.
pub const REPLACEMENT_FIELD: &str = "settlement.reshipment_no";

/// What settling an exchange needs to know of the reshipment it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Replacement<'a> {
    pub reshipment_no: &'a str,
    /// The RMA the reshipment was requested from, if it was requested as a replacement.
    pub rma_no: Option<&'a str>,
    pub status: ReshipmentStatus,
}

/// Whether `replacement` may settle RMA `rma_no` as an exchange: it must have been requested
/// from this RMA and approved (authorized, or already shipped or delivered after that).
pub fn check_replacement(rma_no: &str, replacement: &Replacement<'_>) -> Result<(), ApiError> {
    let refuse = |key: &str| {
        Err(ApiError::field(
            FieldError::new(REPLACEMENT_FIELD, key).with("value", replacement.reshipment_no).with("rma_no", rma_no),
        ))
    };
    match replacement.rma_no {
        None => return refuse("error.rma.not_a_replacement"),
        Some(other) if other != rma_no => {
            return Err(ApiError::field(
                FieldError::new(REPLACEMENT_FIELD, "error.rma.reshipment_for_other_rma")
                    .with("value", replacement.reshipment_no)
                    .with("other", other),
            ));
        }
        Some(_) => {}
    }
    match replacement.status {
        ReshipmentStatus::Authorized | ReshipmentStatus::Shipped | ReshipmentStatus::Delivered => Ok(()),
        ReshipmentStatus::Requested => refuse("error.rma.replacement_not_approved"),
        ReshipmentStatus::Rejected | ReshipmentStatus::Cancelled => Err(ApiError::field(
            FieldError::new(REPLACEMENT_FIELD, "error.rma.replacement_ended")
                .with("value", replacement.reshipment_no)
                .with("rma_no", rma_no)
                .with("reshipment_status", replacement.status.as_str()),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::{Replacement, check_replacement};
    use crate::reshipment::ReshipmentStatus as S;

    fn key(rma_no: Option<&str>, status: S) -> Option<String> {
        let replacement = Replacement { reshipment_no: "RS-A-000007", rma_no, status };
        check_replacement("RMA-A-000001", &replacement).err().map(|e| e.fields[0].message_key.clone())
    }

    #[test]
    fn only_this_return_s_approved_replacement_settles_it() {
        let this = Some("RMA-A-000001");
        for status in [S::Authorized, S::Shipped, S::Delivered] {
            assert_eq!(key(this, status), None, "{status:?}");
        }
        assert_eq!(key(this, S::Requested).as_deref(), Some("error.rma.replacement_not_approved"));
        assert_eq!(key(this, S::Rejected).as_deref(), Some("error.rma.replacement_ended"));
        assert_eq!(key(this, S::Cancelled).as_deref(), Some("error.rma.replacement_ended"));
        // Another return's replacement or a reshipment for a QC failure, whatever its state.
        for status in [S::Authorized, S::Delivered, S::Cancelled] {
            assert_eq!(key(Some("RMA-A-000002"), status).as_deref(), Some("error.rma.reshipment_for_other_rma"));
            assert_eq!(key(None, status).as_deref(), Some("error.rma.not_a_replacement"));
        }
    }

    #[test]
    fn the_refusal_names_the_reshipment_the_return_and_the_state() {
        let replacement =
            Replacement { reshipment_no: "RS-A-000007", rma_no: Some("RMA-A-000001"), status: S::Cancelled };
        let err = check_replacement("RMA-A-000001", &replacement).unwrap_err();
        let field = &err.fields[0];
        assert_eq!(field.field, "settlement.reshipment_no");
        assert_eq!(
            (
                field.params["value"].as_str(),
                field.params["rma_no"].as_str(),
                field.params["reshipment_status"].as_str()
            ),
            ("RS-A-000007", "RMA-A-000001", "cancelled")
        );
    }
}
