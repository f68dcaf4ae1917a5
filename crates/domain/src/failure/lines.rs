//! A failure's failed quantity divided over disposition lines (8 rework, 2 scrap of 10 failed),
//! each with its own owner, due date and completion. A failure logged or dispositioned before
//! lines existed has one line covering the whole quantity (`WHOLE_LINE`), folded from the old
//! events, so their meaning is kept and nothing in the log is rewritten.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::types::{Disposition, Failure, FailureStatus};

/// The id of the line a failure's single disposition (from before split lines) stands for.
pub const WHOLE_LINE: &str = "whole";

/// How scrapped units were destroyed (seed 002: destruction protects the brand and keeps
/// substandard goods from being resold, so the record says how and who saw it done).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ScrapMethod {
    Crushed,
    Incinerated,
    Recycled,
    ReturnedForDestruction,
    Other,
}

impl ScrapMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            ScrapMethod::Crushed => "crushed",
            ScrapMethod::Incinerated => "incinerated",
            ScrapMethod::Recycled => "recycled",
            ScrapMethod::ReturnedForDestruction => "returned_for_destruction",
            ScrapMethod::Other => "other",
        }
    }
}

/// Who destroyed scrapped units, how, and who witnessed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScrapRecord {
    pub method: ScrapMethod,
    /// What "other" was; empty for the named methods.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub method_other: String,
    /// The user who destroyed the units.
    pub destroyed_by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub witness_id: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LineStatus {
    Open,
    /// Accept-with-deviation waits for a quality lead's approval of this line.
    AwaitingApproval,
    Completed,
    /// Taken back before it was completed: its units are unassigned again.
    Withdrawn,
}

/// What a new disposition line asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LineRequest {
    pub disposition: Disposition,
    pub qty: i64,
    #[serde(default)]
    pub note: String,
    /// The user who follows the line up.
    pub owner_id: String,
    /// YYYY-MM-DD.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub due_on: Option<String>,
    /// The failed serials the line covers, one per unit (serial-tracked products); lines added
    /// before serials were named on lines have none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub serials: Vec<String>,
}

/// How a line was completed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LineCompletion {
    pub outcome: String,
    /// Units the outcome covers; the line's quantity when not given. Units of the line the
    /// outcome does not cover are unassigned again (one unit that could not be reworked can
    /// then go to scrap).
    #[serde(default)]
    #[ts(optional = nullable)]
    pub qty: Option<i64>,
    #[serde(default)]
    pub note: String,
    /// What the rework cost, minor units of the product's currency.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub cost_minor: Option<i64>,
    /// Required for a scrap line, refused on any other.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub scrap: Option<ScrapRecord>,
}

/// One line of a failure's dispositions, folded from its events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DispositionLine {
    pub line_id: String,
    pub disposition: Disposition,
    pub qty: i64,
    pub note: String,
    pub owner_id: Option<String>,
    pub due_on: Option<String>,
    pub status: LineStatus,
    pub outcome: Option<String>,
    /// Units the completion covered.
    pub qty_completed: Option<i64>,
    pub scrap: Option<ScrapRecord>,
    /// The failed serials the line covers.
    pub serials: Vec<String>,
    /// The single disposition of the old kind: it covers the whole failed quantity, following
    /// corrections of it, and closes the failure as it did.
    pub whole: bool,
}

impl DispositionLine {
    pub fn whole(disposition: Disposition, qty: i64) -> DispositionLine {
        DispositionLine {
            line_id: WHOLE_LINE.into(),
            disposition,
            qty,
            note: String::new(),
            owner_id: None,
            due_on: None,
            status: line_entry_status(disposition),
            outcome: None,
            qty_completed: None,
            scrap: None,
            serials: Vec::new(),
            whole: true,
        }
    }

    /// Units this line holds: all of them while it runs, those its outcome covered once done.
    pub fn assigned(&self) -> i64 {
        match self.status {
            LineStatus::Withdrawn => 0,
            LineStatus::Completed => self.qty_completed.unwrap_or(self.qty),
            LineStatus::Open | LineStatus::AwaitingApproval => self.qty,
        }
    }

    pub fn is_running(&self) -> bool {
        matches!(self.status, LineStatus::Open | LineStatus::AwaitingApproval)
    }
}

pub fn line_entry_status(disposition: Disposition) -> LineStatus {
    match disposition {
        Disposition::AcceptWithDeviation => LineStatus::AwaitingApproval,
        _ => LineStatus::Open,
    }
}

impl Failure {
    pub fn line(&self, line_id: &str) -> Option<&DispositionLine> {
        self.lines.iter().find(|l| l.line_id == line_id)
    }

    /// Units held by lines (running, or completed for what their outcome covered).
    pub fn assigned(&self) -> i64 {
        self.lines.iter().map(DispositionLine::assigned).sum()
    }

    /// Failed units no line holds; negative when lines merged from two desks hold more.
    pub fn unassigned(&self) -> i64 {
        self.record.qty_failed - self.assigned()
    }

    /// Units accounted for by completed lines.
    pub fn accounted(&self) -> i64 {
        self.lines.iter().filter(|l| l.status == LineStatus::Completed).map(DispositionLine::assigned).sum()
    }

    /// Lines added one by one (not the whole-quantity line of the old single disposition).
    pub fn is_split(&self) -> bool {
        self.lines.iter().any(|l| !l.whole)
    }

    /// The status the lines give: closed once every failed unit is accounted for by completed
    /// lines and none runs; waiting on a quality lead while a deviation line waits.
    pub fn status_from_lines(&self) -> FailureStatus {
        let running: Vec<&DispositionLine> = self.lines.iter().filter(|l| l.is_running()).collect();
        if running.is_empty() && self.accounted() >= self.record.qty_failed {
            FailureStatus::Closed
        } else if running.iter().any(|l| l.status == LineStatus::AwaitingApproval) {
            FailureStatus::AwaitingApproval
        } else if self.lines.iter().all(|l| l.status == LineStatus::Withdrawn) {
            FailureStatus::Open
        } else {
            FailureStatus::InDisposition
        }
    }
}
