//! A settlement names another record: an exchange names its replacement reshipment, which another
//! desk may have rejected or cancelled meanwhile. The settlement is judged against that record as
//! the team's log leaves it, with the rule the desk used (`returns::check_replacement`).

use super::log::TeamLog;
use crate::error::ErrorCode;
use crate::error::FieldError;
use crate::reshipment::Reshipment;
use crate::returns::{REPLACEMENT_FIELD, Replacement, Settlement, check_replacement};
use crate::{ApiError, Event};

pub fn check_replacement_in_log(log: &mut impl TeamLog, event: &Event) -> Result<(), ApiError> {
    let Event::RmaSettled { rma_no, settlement: Settlement::Exchange { reshipment_no }, .. } = event else {
        return Ok(());
    };
    let replaced = log.stream("reshipment", reshipment_no).iter().fold(None, |r, l| Reshipment::evolve(r, &l.event));
    let conflict = |mut err: ApiError| {
        err.code = ErrorCode::Conflict;
        err
    };
    // Every reshipment a desk made reaches the log before the acts that follow it; one missing
    // there was refused by the team, so it sends nothing either.
    let Some(r) = replaced else {
        let field = FieldError::new(REPLACEMENT_FIELD, "error.rma.unknown_reshipment").with("value", reshipment_no);
        return Err(conflict(ApiError::field(field)));
    };
    let replacement = Replacement { reshipment_no, rma_no: r.request.rma_no.as_deref(), status: r.status };
    check_replacement(rma_no, &replacement).map_err(conflict)
}
