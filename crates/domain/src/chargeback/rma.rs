//! Chargebacks on returned units: a unit the refurbishment queue sends back to its vendor is
//! charged to that vendor at the unit's cost, as a QC failure's return to the vendor is. The
//! claims live on the RMA's stream, numbered from 1 per RMA, and settle as every chargeback does:
//! open until recovered (all or part) or written off (with the reason).

use serde::{Deserialize, Serialize};

use super::{FailureChargebackStatus, check_settlement};
use crate::Event;
use crate::error::{ApiError, ErrorCode};
use crate::returns::{Refurbishment, RefurbishmentOutcome};

/// One claim on an RMA as its events leave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RmaChargeback {
    pub claim_no: u32,
    pub line_index: usize,
    pub qty: i64,
    pub serials: Vec<String>,
    pub vendor_code: String,
    pub amount_minor: i64,
    pub currency: String,
    pub status: FailureChargebackStatus,
    pub recovered_minor: i64,
}

/// The claims of one RMA, folded from the RMA's stream.
pub fn fold_rma(events: &[Event]) -> Vec<RmaChargeback> {
    let mut claims: Vec<RmaChargeback> = Vec::new();
    for event in events {
        match event {
            Event::RmaChargebackRecorded {
                claim_no,
                line_index,
                qty,
                serials,
                vendor_code,
                amount_minor,
                currency,
                ..
            } => claims.push(RmaChargeback {
                claim_no: *claim_no,
                line_index: *line_index,
                qty: *qty,
                serials: serials.clone(),
                vendor_code: vendor_code.clone(),
                amount_minor: *amount_minor,
                currency: currency.clone(),
                status: FailureChargebackStatus::Open,
                recovered_minor: 0,
            }),
            Event::RmaChargebackSettled { claim_no, status, recovered_minor, .. } => {
                if let Some(claim) = claims.iter_mut().find(|c| c.claim_no == *claim_no) {
                    claim.status = *status;
                    claim.recovered_minor = *recovered_minor;
                }
            }
            _ => {}
        }
    }
    claims
}

/// What the units of a line cost us, as the claim reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitCost {
    /// The vendor the units came from: their lot's, else their product's.
    pub vendor_code: Option<String>,
    pub unit_cost_minor: i64,
    pub currency: String,
}

/// The claim a refurbishment outcome makes: units sent back to their vendor are charged at
/// `qty` × the unit's cost. Nothing for other outcomes, nor when there is no vendor to charge or
/// the product has no cost recorded (a claim of nothing is no claim).
pub fn refurbishment_claim(
    rma_no: &str,
    claims: &[RmaChargeback],
    refurbishment: &Refurbishment,
    cost: &UnitCost,
) -> Option<Event> {
    if refurbishment.outcome != RefurbishmentOutcome::ReturnedToVendor || cost.unit_cost_minor <= 0 {
        return None;
    }
    let vendor_code = cost.vendor_code.as_deref().map(str::trim).filter(|v| !v.is_empty())?;
    Some(Event::RmaChargebackRecorded {
        rma_no: rma_no.to_owned(),
        claim_no: claims.iter().map(|c| c.claim_no).max().unwrap_or(0) + 1,
        line_index: refurbishment.line_index,
        qty: refurbishment.qty,
        serials: refurbishment.serials.clone(),
        vendor_code: vendor_code.to_owned(),
        amount_minor: refurbishment.qty.saturating_mul(cost.unit_cost_minor),
        currency: cost.currency.clone(),
    })
}

/// Claim `claim_no` of the RMA recovered (what the vendor paid, 1 up to the claim) or written
/// off (the reason required).
pub fn decide_settle_rma(
    rma_no: &str,
    claims: &[RmaChargeback],
    claim_no: u32,
    status: FailureChargebackStatus,
    recovered_minor: i64,
    note: &str,
) -> Result<Vec<Event>, ApiError> {
    let claim = claims.iter().find(|c| c.claim_no == claim_no).ok_or_else(|| {
        ApiError::new(ErrorCode::NotFound, "error.chargeback.none_on_rma")
            .with("rma_no", rma_no)
            .with("claim_no", claim_no)
    })?;
    check_settlement(rma_no, claim.amount_minor, claim.status, status, recovered_minor, note)?;
    Ok(vec![Event::RmaChargebackSettled {
        rma_no: rma_no.to_owned(),
        claim_no,
        status,
        recovered_minor: if status == FailureChargebackStatus::Recovered { recovered_minor } else { 0 },
        note: note.trim().to_owned(),
    }])
}

/// An RMA chargeback event decided again on the RMA as the team's log leaves it: a claim rides
/// with its refurbishment outcome (decided again itself), and a claim numbered as one already
/// there is refused; a settlement made on two desks keeps the first.
pub fn recheck_rma(history: &[Event], event: &Event) -> Result<(), ApiError> {
    let claims = fold_rma(history);
    match event {
        Event::RmaChargebackRecorded { rma_no, claim_no, .. } if claims.iter().any(|c| c.claim_no == *claim_no) => {
            Err(ApiError::new(ErrorCode::Conflict, "error.chargeback.claim_taken")
                .with("rma_no", rma_no)
                .with("claim_no", claim_no))
        }
        Event::RmaChargebackSettled { rma_no, claim_no, status, recovered_minor, note } => {
            decide_settle_rma(rma_no, &claims, *claim_no, *status, *recovered_minor, note).map(drop)
        }
        _ => Ok(()),
    }
}
