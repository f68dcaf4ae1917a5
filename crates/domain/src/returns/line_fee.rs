//! The restocking fee decided line by line: a line of goods back on the shelf as new carries
//! none, even when another line of the same return does; a line of faulty goods or of a return
//! that was not the customer's choice carries none; what cannot be sold as new carries the
//! policy's rate. The sum never passes the 10% cap of the refund. Each line keeps its reason, so
//! the credit note explains every fee it shows.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::fee::restocking_fee_cap;
use super::policy::{RESTOCKING_FEE_CAP_BPS, ReturnPolicy};
use super::rma::{ConditionGrade, ReturnDisposition, Rma};
use super::units::{GradeCount, unit_grades};

/// Why a line carries the fee it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FeeReason {
    /// Faulty, misrepresented or mis-shipped goods: the return was not the customer's choice.
    NotCustomerChoice,
    /// Every unit of the line is back on the shelf as new.
    ResoldAsNew,
    /// No unit of the line can be sold as new.
    NotResoldAsNew,
    /// Some units are back on the shelf as new: the fee is on the others only.
    PartResoldAsNew,
}

/// One line's share of the fee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LineFee {
    pub line_index: usize,
    /// Units that came back.
    pub qty: i64,
    /// Of those, units back on the shelf as new (restocked, graded A).
    pub resold_as_new: i64,
    /// What the customer paid for the units that came back.
    pub value_minor: i64,
    pub fee_minor: i64,
    pub reason: FeeReason,
    /// The line's condition grade at intake.
    pub grade: Option<ConditionGrade>,
    /// How many of the line's units came back in each grade, when the intake graded units
    /// (empty for an intake with one grade for the line).
    pub unit_grades: Vec<GradeCount>,
}

/// The grade of line `i`: its own when the intake graded each line, else the intake's one grade.
/// With units graded, the line's grade when all its units share one, else none (see
/// [`LineFee::unit_grades`]).
pub fn line_grade(rma: &Rma, i: usize) -> Option<ConditionGrade> {
    let intake = rma.intake.as_ref()?;
    if !intake.units.is_empty() {
        let grades = unit_grades(intake, i);
        return match grades.as_slice() {
            [one] => Some(one.grade),
            _ => None,
        };
    }
    Some(intake.line_grades.get(i).copied().unwrap_or(intake.grade))
}

/// Units of line `i` back on the shelf as new: restocked, and graded A (each unit's own grade
/// when the intake graded units, else the line's).
fn resold_as_new(rma: &Rma, i: usize) -> i64 {
    if rma.intake.as_ref().is_some_and(|intake| !intake.units.is_empty()) {
        return rma
            .dispositions
            .iter()
            .filter(|d| d.line_index == i && d.disposition == ReturnDisposition::Restock)
            .filter(|d| d.grade == Some(ConditionGrade::A))
            .map(|d| d.qty)
            .sum();
    }
    if line_grade(rma, i) != Some(ConditionGrade::A) {
        return 0;
    }
    rma.dispositions
        .iter()
        .filter(|d| d.line_index == i && d.disposition == ReturnDisposition::Restock)
        .map(|d| d.qty)
        .sum()
}

/// Each line's fee at the policy's rate (at most the cap's 10%), rounded half up per line.
pub fn line_fees(policy: &ReturnPolicy, rma: &Rma) -> Vec<LineFee> {
    let customer_choice = policy.reason(&rma.opening.reason_code).is_some_and(|r| r.customer_choice);
    let bps = i128::from(policy.restocking_fee_bps.min(RESTOCKING_FEE_CAP_BPS));
    rma.opening
        .lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let qty = rma.received.get(i).copied().unwrap_or(0);
            let as_new = resold_as_new(rma, i).min(qty);
            let charged = qty - as_new;
            let reason = if !customer_choice {
                FeeReason::NotCustomerChoice
            } else if charged == 0 {
                FeeReason::ResoldAsNew
            } else if as_new == 0 {
                FeeReason::NotResoldAsNew
            } else {
                FeeReason::PartResoldAsNew
            };
            let base = if customer_choice { i128::from(charged * line.unit_price_minor) } else { 0 };
            let fee = i64::try_from((base * bps + 5_000) / 10_000).unwrap_or(i64::MAX);
            LineFee {
                line_index: i,
                qty,
                resold_as_new: as_new,
                value_minor: qty * line.unit_price_minor,
                fee_minor: fee,
                reason,
                grade: line_grade(rma, i),
                unit_grades: rma.intake.as_ref().map(|intake| unit_grades(intake, i)).unwrap_or_default(),
            }
        })
        .collect()
}

/// The restocking fee the policy charges on a refund of `refund_minor`: the lines' fees, never
/// above the 10% cap of the refund.
pub fn policy_fee(policy: &ReturnPolicy, rma: &Rma, refund_minor: i64) -> i64 {
    if refund_minor <= 0 {
        return 0;
    }
    let sum: i64 = line_fees(policy, rma).iter().map(|l| l.fee_minor).sum();
    sum.min(restocking_fee_cap(refund_minor))
}
