//! AQL sampling by ISO 2859-1:1999: single sampling at normal, tightened or reduced inspection,
//! general levels I-III and special levels S-1 to S-4. Given a lot size, a level, an AQL and the
//! severity of inspection, how many units to pull and how many nonconforming units the lot may
//! have before it is not accepted. Which severity applies follows from the switching rules.

pub mod switching;
mod tables;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

use tables::{
    AQL_COLUMNS, CODE_LETTERS, Cell, LETTERS, SPECIAL_LETTERS, TIGHTENED_LAST, normal_cell, reduced_cell,
    tightened_cell,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum InspectionLevel {
    I,
    II,
    III,
    /// Special levels, for small samples where large sampling risks are acceptable.
    #[serde(rename = "S-1")]
    S1,
    #[serde(rename = "S-2")]
    S2,
    #[serde(rename = "S-3")]
    S3,
    #[serde(rename = "S-4")]
    S4,
}

/// The severity of inspection the switching rules put a vendor's product on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum InspectionSeverity {
    #[default]
    Normal,
    Tightened,
    Reduced,
}

impl InspectionSeverity {
    pub fn is_normal(&self) -> bool {
        *self == InspectionSeverity::Normal
    }
}

/// One of the standard's AQL values (0.010 ... 1000), held in thousandths of a percent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, TS)]
#[ts(export, type = "number")]
pub struct Aql(u32);

impl Aql {
    /// The standard value nearest to `value`, if `value` is one (within rounding noise).
    pub fn from_value(value: f64) -> Option<Aql> {
        let thousandths = value * 1000.0;
        AQL_COLUMNS
            .iter()
            .copied()
            .find(|c| (f64::from(*c) - thousandths).abs() < 1e-6 * f64::from(*c).max(1.0))
            .map(Aql)
    }

    pub fn value(self) -> f64 {
        f64::from(self.0) / 1000.0
    }

    fn column(self) -> usize {
        AQL_COLUMNS.iter().position(|c| *c == self.0).unwrap_or(0)
    }

    /// Every value the standard's table has, for pick lists.
    pub fn all() -> impl Iterator<Item = Aql> {
        AQL_COLUMNS.iter().map(|c| Aql(*c))
    }
}

impl Serialize for Aql {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.value())
    }
}

impl<'de> Deserialize<'de> for Aql {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = f64::deserialize(deserializer)?;
        Aql::from_value(value).ok_or_else(|| {
            serde::de::Error::custom(format!("{value} is not an AQL value of ISO 2859-1 (e.g. 0.65, 1.0, 2.5, 4.0)"))
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AqlPlanInput {
    pub lot_size: u64,
    pub level: InspectionLevel,
    pub aql: Aql,
    /// Normal unless the switching rules say otherwise.
    #[serde(default)]
    #[ts(optional)]
    pub inspection: Option<InspectionSeverity>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AqlPlan {
    pub code_letter: String,
    pub sample_size: u64,
    pub accept: u32,
    pub reject: u32,
    /// The sample would be at least the lot: inspect every unit.
    pub full_inspection: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Verdict {
    Accept,
    Reject,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AqlError {
    #[error("the lot size must be at least 2 units")]
    LotTooSmall,
    #[error("the table has no plan for this AQL at this sample size")]
    NoPlan,
}

impl AqlError {
    /// The input field at fault.
    pub fn field(&self) -> &'static str {
        match self {
            AqlError::LotTooSmall => "lot_size",
            AqlError::NoPlan => "aql",
        }
    }
}

/// Table 1: the sample size code letter for a lot size and level.
pub fn code_letter(lot_size: u64, level: InspectionLevel) -> Result<char, AqlError> {
    letter_index(lot_size, level).map(|i| LETTERS[i].0)
}

fn letter_index(lot_size: u64, level: InspectionLevel) -> Result<usize, AqlError> {
    if lot_size < 2 {
        return Err(AqlError::LotTooSmall);
    }
    let row = CODE_LETTERS.iter().position(|(upper, _)| lot_size <= *upper).unwrap_or(CODE_LETTERS.len() - 1);
    Ok(match level {
        InspectionLevel::I => CODE_LETTERS[row].1[0],
        InspectionLevel::II => CODE_LETTERS[row].1[1],
        InspectionLevel::III => CODE_LETTERS[row].1[2],
        InspectionLevel::S1 => SPECIAL_LETTERS[row][0],
        InspectionLevel::S2 => SPECIAL_LETTERS[row][1],
        InspectionLevel::S3 => SPECIAL_LETTERS[row][2],
        InspectionLevel::S4 => SPECIAL_LETTERS[row][3],
    })
}

/// One severity's table: its cells, how many code letters it has, and each letter's sample.
struct Table {
    severity: InspectionSeverity,
}

impl Table {
    fn rows(&self) -> usize {
        match self.severity {
            InspectionSeverity::Tightened => LETTERS.len() + 1,
            _ => LETTERS.len(),
        }
    }

    fn cell(&self, letter: usize, column: usize) -> Cell {
        match self.severity {
            InspectionSeverity::Normal => normal_cell(letter, column),
            InspectionSeverity::Tightened => tightened_cell(letter, column),
            InspectionSeverity::Reduced => reduced_cell(letter, column),
        }
    }

    /// The code letter and the sample it stands for in this table.
    fn letter(&self, letter: usize) -> (char, u64) {
        match self.severity {
            InspectionSeverity::Tightened if letter == LETTERS.len() => TIGHTENED_LAST,
            InspectionSeverity::Reduced => (LETTERS[letter].0, LETTERS[letter.saturating_sub(2)].1),
            _ => LETTERS[letter],
        }
    }
}

/// The single sampling plan for the lot at its severity of inspection, following the table's
/// arrows: the plan an arrow points to brings its own sample size (and code letter) with it.
pub fn plan(input: &AqlPlanInput) -> Result<AqlPlan, AqlError> {
    let severity = input.inspection.unwrap_or_default();
    let start = letter_index(input.lot_size, input.level)?;
    match plan_in(&Table { severity }, input.lot_size, start, input.aql.column()) {
        // Table 2-C ends at R's 800 units, short of the 1250 that Table 2-A's first plan at
        // 0.010 needs: its arrow leads off the table, and reduced inspection is never stricter
        // than normal, so the normal plan applies.
        Err(AqlError::NoPlan) if severity == InspectionSeverity::Reduced => {
            plan_in(&Table { severity: InspectionSeverity::Normal }, input.lot_size, start, input.aql.column())
        }
        found => found,
    }
}

fn plan_in(table: &Table, lot_size: u64, start: usize, column: usize) -> Result<AqlPlan, AqlError> {
    let mut letter = start;
    let (accept, reject) = loop {
        match table.cell(letter, column) {
            Cell::Plan { accept, reject } => break (accept, reject),
            Cell::Down if letter + 1 < table.rows() => letter += 1,
            Cell::Up if letter > 0 => letter -= 1,
            // An arrow off the edge of the table: the nearest plan lies the other way.
            Cell::Up => return plan_from(table, lot_size, start, column, 1),
            Cell::Down => return plan_from(table, lot_size, start, column, -1),
        }
    };
    Ok(finish(table, lot_size, letter, accept, reject))
}

fn plan_from(table: &Table, lot_size: u64, start: usize, column: usize, direction: i64) -> Result<AqlPlan, AqlError> {
    let mut letter = start as i64;
    while (0..table.rows() as i64).contains(&letter) {
        if let Cell::Plan { accept, reject } = table.cell(letter as usize, column) {
            return Ok(finish(table, lot_size, letter as usize, accept, reject));
        }
        letter += direction;
    }
    Err(AqlError::NoPlan)
}

fn finish(table: &Table, lot_size: u64, letter: usize, accept: u32, reject: u32) -> AqlPlan {
    let (code, sample) = table.letter(letter);
    // A sample as large as the lot means inspecting every unit (standard clause 10.1).
    let full_inspection = sample >= lot_size;
    AqlPlan {
        code_letter: code.to_string(),
        sample_size: if full_inspection { lot_size } else { sample },
        accept,
        reject,
        full_inspection,
    }
}

/// The level's own sample for a class inspected at acceptance number 0 (critical defects): the
/// code letter's sample size, Ac 0, Re 1.
pub fn zero_acceptance_plan(
    lot_size: u64,
    level: InspectionLevel,
    inspection: InspectionSeverity,
) -> Result<AqlPlan, AqlError> {
    let letter = letter_index(lot_size, level)?;
    Ok(finish(&Table { severity: inspection }, lot_size, letter, 0, 1))
}

impl Aql {
    /// The next stricter AQL of the table (the switching score asks whether a lot would have
    /// passed at it); none below 0.010.
    pub fn stricter(self) -> Option<Aql> {
        self.column().checked_sub(1).map(|c| Aql(AQL_COLUMNS[c]))
    }
}

/// Accept when the nonconforming units found do not exceed the acceptance number.
pub fn verdict(plan: &AqlPlan, found: u32) -> Verdict {
    if found <= plan.accept { Verdict::Accept } else { Verdict::Reject }
}

#[cfg(test)]
mod tests;
