//! Returns taken in unit by unit: each unit (each serial, on a serial-tracked line) gets its own
//! condition grade at intake, and the inspection gives each grade of each line its disposition.
//! Refurbished and open-box units become B-stock, kept apart from stock sold as new; units to
//! refurbish wait in the refurbishment queue until their outcome is recorded.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::rma::{ConditionGrade, IntakeCheck, LineDisposition, ReturnDisposition, Rma, RmaStatus};
use crate::Event;
use crate::error::{ApiError, ErrorCode, FieldError, Violations};

/// One unit as it came back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct IntakeUnit {
    /// The index of the unit's line in the RMA's lines.
    pub line_index: usize,
    /// The unit's serial, on a line that names serials.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub serial: Option<String>,
    pub grade: ConditionGrade,
}

/// How many units of a line came back in one grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GradeCount {
    pub grade: ConditionGrade,
    pub qty: i64,
}

/// What came of units in the refurbishment queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RefurbishmentOutcome {
    /// Refurbished: sellable as B-stock (not as new).
    Refurbished,
    Scrapped,
    ReturnedToVendor,
}

impl RefurbishmentOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            RefurbishmentOutcome::Refurbished => "refurbished",
            RefurbishmentOutcome::Scrapped => "scrapped",
            RefurbishmentOutcome::ReturnedToVendor => "returned_to_vendor",
        }
    }
}

/// Units of one line that left the refurbishment queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Refurbishment {
    pub line_index: usize,
    pub qty: i64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub serials: Vec<String>,
    pub outcome: RefurbishmentOutcome,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

fn rank(grade: ConditionGrade) -> u8 {
    match grade {
        ConditionGrade::A => 0,
        ConditionGrade::B => 1,
        ConditionGrade::C => 2,
        ConditionGrade::D => 3,
    }
}

/// The worst grade among `units`: what the intake's single grade says when units are graded.
pub fn worst_grade(units: &[IntakeUnit]) -> Option<ConditionGrade> {
    units.iter().map(|u| u.grade).max_by_key(|g| rank(*g))
}

/// The grades of line `i`'s units, best first, when the intake graded each unit.
pub fn unit_grades(intake: &IntakeCheck, i: usize) -> Vec<GradeCount> {
    let mut counts: Vec<GradeCount> = Vec::new();
    for unit in intake.units.iter().filter(|u| u.line_index == i) {
        match counts.iter_mut().find(|c| c.grade == unit.grade) {
            Some(c) => c.qty += 1,
            None => counts.push(GradeCount { grade: unit.grade, qty: 1 }),
        }
    }
    counts.sort_by_key(|c| rank(c.grade));
    counts
}

/// Checks the units graded at intake against what came back: a unit per unit received of each
/// line, and on a line that names serials, each unit one of them, once.
pub fn check_intake_units(
    v: &mut Violations,
    lines: &[super::rma::RmaLine],
    qty_received: &[i64],
    intake: &IntakeCheck,
) {
    if intake.units.is_empty() {
        return;
    }
    if !intake.line_grades.is_empty() {
        v.push(FieldError::new("intake.line_grades", "error.rma.units_and_line_grades"));
    }
    let mut counted = vec![0_i64; lines.len()];
    let mut seen: Vec<(usize, &str)> = Vec::new();
    for (u, unit) in intake.units.iter().enumerate() {
        let field = |name: &str| format!("intake.units[{u}].{name}");
        let Some(line) = lines.get(unit.line_index) else {
            v.push(FieldError::new(field("line_index"), "error.rma.unknown_line").with("index", unit.line_index));
            continue;
        };
        counted[unit.line_index] += 1;
        match unit.serial.as_deref().map(str::trim) {
            Some(serial) if !line.serials.iter().any(|s| s == serial) => v.push(
                FieldError::new(field("serial"), "error.rma.serial_not_on_line")
                    .with("serial", serial)
                    .with("sku", &line.sku),
            ),
            Some(serial) if seen.contains(&(unit.line_index, serial)) => {
                v.push(FieldError::new(field("serial"), "error.rma.serial_twice").with("serial", serial))
            }
            Some(serial) => seen.push((unit.line_index, serial)),
            None if !line.serials.is_empty() => {
                v.push(FieldError::new(field("serial"), "error.rma.serial_required").with("sku", &line.sku))
            }
            None => {}
        }
    }
    for (i, (counted, received)) in counted.iter().zip(qty_received).enumerate() {
        if counted != received {
            v.push(
                FieldError::new(format!("intake.units.lines[{i}]"), "error.rma.units_count")
                    .with("sku", &lines[i].sku)
                    .with("received", received)
                    .with("graded", counted),
            );
        }
    }
}

/// The intake as recorded: with graded units, its single grade is the worst of theirs.
pub fn intake_as_recorded(intake: &IntakeCheck) -> IntakeCheck {
    let mut intake = intake.clone();
    for unit in &mut intake.units {
        unit.serial = unit.serial.as_deref().map(str::trim).map(str::to_owned);
    }
    if let Some(worst) = worst_grade(&intake.units) {
        intake.grade = worst;
    }
    intake
}

/// With units graded at intake, each disposition names the grade of the units it covers, and
/// a line's units of each grade are covered exactly; a unit that cannot be sold as new (C or D)
/// is not restocked as new; on a serial line each disposition names its units' serials.
pub fn check_unit_dispositions(v: &mut Violations, rma: &Rma, dispositions: &[LineDisposition]) {
    let Some(intake) = rma.intake.as_ref().filter(|i| !i.units.is_empty()) else { return };
    for (d_at, d) in dispositions.iter().enumerate() {
        let at = |name: &str| format!("dispositions[{d_at}].{name}");
        let Some(grade) = d.grade else {
            v.push(FieldError::new(at("grade"), "error.rma.grade_required"));
            continue;
        };
        if d.disposition == ReturnDisposition::Restock && rank(grade) >= rank(ConditionGrade::C) {
            v.push(FieldError::new(at("disposition"), "error.rma.restock_grade").with("grade", format!("{grade:?}")));
        }
        let units: Vec<&IntakeUnit> =
            intake.units.iter().filter(|u| u.line_index == d.line_index && u.grade == grade).collect();
        if units.iter().any(|u| u.serial.is_some()) {
            if d.serials.len() as i64 != d.qty {
                v.push(FieldError::new(at("serials"), "error.rma.serials_for_qty").with("qty", d.qty));
            }
            for serial in &d.serials {
                if !units.iter().any(|u| u.serial.as_deref() == Some(serial.as_str())) {
                    v.push(
                        FieldError::new(at("serials"), "error.rma.serial_not_graded")
                            .with("serial", serial)
                            .with("grade", format!("{grade:?}")),
                    );
                }
            }
        }
    }
    let mut all_serials: Vec<(usize, &str)> = Vec::new();
    for d in dispositions {
        for serial in &d.serials {
            if all_serials.contains(&(d.line_index, serial.as_str())) {
                v.push(FieldError::new("dispositions", "error.rma.serial_twice").with("serial", serial));
            }
            all_serials.push((d.line_index, serial));
        }
    }
    for (i, line) in rma.opening.lines.iter().enumerate() {
        for count in unit_grades(intake, i) {
            let assigned: i64 = dispositions
                .iter()
                .filter(|d| d.line_index == i && d.grade == Some(count.grade))
                .map(|d| d.qty.max(0))
                .sum();
            if assigned != count.qty {
                v.push(
                    FieldError::new(format!("lines[{i}]"), "error.rma.grade_qty")
                        .with("sku", &line.sku)
                        .with("grade", format!("{:?}", count.grade))
                        .with("graded", count.qty)
                        .with("assigned", assigned),
                );
            }
        }
    }
}

/// Units of line `i` waiting in the refurbishment queue: sent to refurbish by a B-stock
/// inspection, less those whose outcome is recorded.
pub fn awaiting_refurbishment(rma: &Rma, i: usize) -> i64 {
    if !rma.b_stock {
        return 0;
    }
    let sent: i64 = rma
        .dispositions
        .iter()
        .filter(|d| d.line_index == i && d.disposition == ReturnDisposition::Refurbish)
        .map(|d| d.qty)
        .sum();
    let out: i64 = rma.refurbishments.iter().filter(|r| r.line_index == i).map(|r| r.qty).sum();
    sent - out
}

/// The serials of line `i` still waiting in the refurbishment queue.
pub fn serials_awaiting_refurbishment(rma: &Rma, i: usize) -> Vec<String> {
    let out: Vec<&String> = rma.refurbishments.iter().filter(|r| r.line_index == i).flat_map(|r| &r.serials).collect();
    rma.dispositions
        .iter()
        .filter(|d| d.line_index == i && d.disposition == ReturnDisposition::Refurbish)
        .flat_map(|d| d.serials.iter())
        .filter(|s| !out.contains(s))
        .cloned()
        .collect()
}

/// Records what came of units in the refurbishment queue: no more than wait there, and on a
/// serial line the serials of units that wait. After a merge, an outcome another desk already
/// recorded for the same units is refused here again.
pub fn decide_refurbish(rma: &Rma, refurbishment: &Refurbishment) -> Result<Vec<Event>, ApiError> {
    if !rma.b_stock || !matches!(rma.status, RmaStatus::Inspected | RmaStatus::Settled) {
        return Err(ApiError::new(ErrorCode::Conflict, "error.rma.no_refurbishment").with("rma_no", rma.rma_no()));
    }
    let mut v = Violations::default();
    let r = refurbishment;
    let Some(line) = rma.opening.lines.get(r.line_index) else {
        return Err(ApiError::field(
            FieldError::new("line_index", "error.rma.unknown_line").with("index", r.line_index),
        ));
    };
    let awaiting = awaiting_refurbishment(rma, r.line_index);
    if r.qty <= 0 {
        v.push(FieldError::new("qty", "error.rma.qty_positive"));
    } else if r.qty > awaiting {
        v.push(
            FieldError::new("qty", "error.rma.refurbish_above_queue").with("sku", &line.sku).with("awaiting", awaiting),
        );
    }
    let waiting = serials_awaiting_refurbishment(rma, r.line_index);
    if !waiting.is_empty() && r.serials.len() as i64 != r.qty {
        v.push(FieldError::new("serials", "error.rma.serials_for_qty").with("qty", r.qty));
    }
    for serial in &r.serials {
        if !waiting.contains(serial) {
            v.push(FieldError::new("serials", "error.rma.serial_not_in_queue").with("serial", serial));
        }
    }
    v.max_len("note", &r.note, crate::limits::REASON);
    v.into_result()?;
    let refurbishment = Refurbishment { note: r.note.trim().to_owned(), ..r.clone() };
    Ok(vec![Event::RmaRefurbished { rma_no: rma.rma_no().to_owned(), refurbishment }])
}
