//! Chargebacks on a QC failure: what a re-inspection or a return to the vendor cost us, charged
//! back to the vendor as a reshipment's cost is (seed 002: re-inspection at the supplier's
//! expense). One claim per source and failure; it stays open until the vendor pays (all or part
//! of it: recovered) or we give up on it (written off, with the reason).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Event;
use crate::error::{ApiError, ErrorCode, FieldError, Violations};
use crate::failure::{Disposition, Failure, LineStatus};

/// What a chargeback claims back: every source shows in the one chargebacks list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ChargebackSource {
    /// A reshipment the vendor pays for (its claim lives on the reshipment).
    Reshipment,
    Reinspection,
    ReturnToVendor,
    /// A returned unit the refurbishment queue sent back to its vendor (the claim lives on the RMA).
    Refurbishment,
}

impl ChargebackSource {
    pub fn as_str(self) -> &'static str {
        match self {
            ChargebackSource::Reshipment => "reshipment",
            ChargebackSource::Reinspection => "reinspection",
            ChargebackSource::ReturnToVendor => "return_to_vendor",
            ChargebackSource::Refurbishment => "refurbishment",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Self::Reshipment, Self::Reinspection, Self::ReturnToVendor, Self::Refurbishment]
            .into_iter()
            .find(|s| s.as_str() == text)
    }
}

/// A failure chargeback's state: open until recovered or written off, both final.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FailureChargebackStatus {
    Open,
    Recovered,
    WrittenOff,
}

impl FailureChargebackStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            FailureChargebackStatus::Open => "open",
            FailureChargebackStatus::Recovered => "recovered",
            FailureChargebackStatus::WrittenOff => "written_off",
        }
    }
}

/// One claim on a failure as its events leave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailureChargeback {
    pub source: ChargebackSource,
    pub vendor_code: String,
    pub amount_minor: i64,
    pub currency: String,
    pub status: FailureChargebackStatus,
    pub recovered_minor: i64,
}

/// The claims of one failure, folded from the failure's stream.
pub fn evolve(mut claims: Vec<FailureChargeback>, event: &Event) -> Vec<FailureChargeback> {
    match event {
        Event::FailureChargebackRecorded { source, vendor_code, amount_minor, currency, .. } => {
            claims.push(FailureChargeback {
                source: *source,
                vendor_code: vendor_code.clone(),
                amount_minor: *amount_minor,
                currency: currency.clone(),
                status: FailureChargebackStatus::Open,
                recovered_minor: 0,
            });
        }
        Event::FailureChargebackSettled { source, status, recovered_minor, .. } => {
            if let Some(claim) = claims.iter_mut().find(|c| c.source == *source) {
                claim.status = *status;
                claim.recovered_minor = *recovered_minor;
            }
        }
        _ => {}
    }
    claims
}

pub fn fold(events: &[Event]) -> Vec<FailureChargeback> {
    events.iter().fold(Vec::new(), evolve)
}

/// Whether some of the failure's units went that way: its single disposition of the old kind, or
/// a disposition line that was not withdrawn.
fn had(failure: &Failure, disposition: Disposition) -> bool {
    failure.disposition == Some(disposition)
        || failure.lines.iter().any(|l| l.disposition == disposition && l.status != LineStatus::Withdrawn)
}

/// Records what a re-inspection or a return to the vendor cost, claimed from the failure's
/// vendor in `currency` (the product's: the backend's currency rules pick it, not the person).
/// The failure must have had that work: a re-inspect disposition (or a re-inspection) for one, a
/// return-to-vendor disposition for the other.
pub fn decide_record(
    failure: &Failure,
    claims: &[FailureChargeback],
    source: ChargebackSource,
    amount_minor: i64,
    currency: &str,
    note: &str,
) -> Result<Vec<Event>, ApiError> {
    let mut v = Violations::default();
    let fits = match source {
        ChargebackSource::Reshipment | ChargebackSource::Refurbishment => {
            v.push(FieldError::new("source", "error.chargeback.bad_source").with("source", source.as_str()));
            true
        }
        ChargebackSource::Reinspection => had(failure, Disposition::Reinspect) || !failure.reinspections.is_empty(),
        ChargebackSource::ReturnToVendor => had(failure, Disposition::ReturnToVendor),
    };
    if !fits {
        v.push(
            FieldError::new("source", "error.chargeback.source_not_on_failure")
                .with("source", source.as_str())
                .with("failure_no", &failure.failure_no),
        );
    }
    if amount_minor <= 0 {
        v.push(FieldError::new("amount_minor", "error.field.must_be_positive"));
    }
    crate::master::check_currency(&mut v, "currency", currency);
    v.max_len("note", note.trim(), crate::limits::NOTE);
    v.into_result()?;
    if failure.record.vendor_code.trim().is_empty() {
        return Err(
            ApiError::new(ErrorCode::Conflict, "error.chargeback.no_vendor").with("failure_no", &failure.failure_no)
        );
    }
    if claims.iter().any(|c| c.source == source) {
        return Err(already_recorded(&failure.failure_no, source));
    }
    Ok(vec![Event::FailureChargebackRecorded {
        failure_no: failure.failure_no.clone(),
        source,
        vendor_code: failure.record.vendor_code.clone(),
        amount_minor,
        currency: currency.to_owned(),
        note: note.trim().to_owned(),
    }])
}

fn already_recorded(failure_no: &str, source: ChargebackSource) -> ApiError {
    ApiError::new(ErrorCode::Conflict, "error.chargeback.already_recorded")
        .with("failure_no", failure_no)
        .with("source", source.as_str())
}

/// Open → recovered (what the vendor paid, 1 up to the claim: a partial payment is final too)
/// or written off (the reason required).
pub fn decide_settle(
    failure_no: &str,
    claims: &[FailureChargeback],
    source: ChargebackSource,
    status: FailureChargebackStatus,
    recovered_minor: i64,
    note: &str,
) -> Result<Vec<Event>, ApiError> {
    let claim = claims.iter().find(|c| c.source == source).ok_or_else(|| {
        ApiError::new(ErrorCode::Conflict, "error.chargeback.none_on_failure")
            .with("failure_no", failure_no)
            .with("source", source.as_str())
    })?;
    check_settlement(failure_no, claim.amount_minor, claim.status, status, recovered_minor, note)?;
    Ok(vec![Event::FailureChargebackSettled {
        failure_no: failure_no.to_owned(),
        source,
        status,
        recovered_minor: if status == FailureChargebackStatus::Recovered { recovered_minor } else { 0 },
        note: note.trim().to_owned(),
    }])
}

/// Open → recovered (1 up to `amount_minor`) or written off (with the reason), for a claim of any
/// source; `reference` names the record it is on.
pub(crate) fn check_settlement(
    reference: &str,
    amount_minor: i64,
    current: FailureChargebackStatus,
    status: FailureChargebackStatus,
    recovered_minor: i64,
    note: &str,
) -> Result<(), ApiError> {
    if current != FailureChargebackStatus::Open {
        return Err(ApiError::new(ErrorCode::Conflict, "error.chargeback.settled")
            .with("failure_no", reference)
            .with("status", current.as_str()));
    }
    let mut v = Violations::default();
    v.max_len("note", note.trim(), crate::limits::NOTE);
    match status {
        FailureChargebackStatus::Open => {
            v.push(FieldError::new("status", "error.chargeback.bad_transition").with("from", "open").with("to", "open"))
        }
        FailureChargebackStatus::Recovered if !(1..=amount_minor).contains(&recovered_minor) => v.push(
            FieldError::new("recovered_minor", "error.chargeback.bad_recovered").with("amount_minor", amount_minor),
        ),
        FailureChargebackStatus::WrittenOff => v.required("note", note),
        FailureChargebackStatus::Recovered => {}
    }
    v.into_result()
}

/// A chargeback event decided again on the failure as the team's log leaves it: a claim
/// recorded on two desks keeps the first; a settlement on two desks keeps the first.
pub fn recheck(history: &[Event], event: &Event) -> Result<(), ApiError> {
    let claims = fold(history);
    match event {
        Event::FailureChargebackRecorded { failure_no, source, .. } if claims.iter().any(|c| c.source == *source) => {
            Err(already_recorded(failure_no, *source))
        }
        Event::FailureChargebackSettled { failure_no, source, status, recovered_minor, note } => {
            decide_settle(failure_no, &claims, *source, *status, *recovered_minor, note).map(drop)
        }
        _ => Ok(()),
    }
}

mod rma;
pub use rma::*;

#[cfg(test)]
mod rma_tests;
#[cfg(test)]
mod tests;
