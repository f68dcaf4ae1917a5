//! A customer complaint that is not a return: the customer reports a problem and no goods come
//! back. It names what it can (customer, order, lot, work order), is investigated, and closes
//! with an outcome; a justified complaint on a vendor's lot counts against that vendor.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ApiError, ErrorCode, FieldError, Violations};
use crate::failure::Severity;
use crate::{Event, limits};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ComplaintOpening {
    pub complaint_no: String,
    /// The day the customer reported it (YYYY-MM-DD).
    pub received_on: String,
    #[serde(flatten)]
    pub report: ComplaintReport,
    /// The vendor of the lot complained about, fixed when it was opened: the scorecard it counts
    /// in. None when no lot is named.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub vendor_code: Option<String>,
}

/// What the customer reports: what it names, how many units, what is wrong and how badly. The
/// act's input carries it as given, the opening event as checked and completed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ComplaintReport {
    /// The order's customer when only the order is given.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub customer_code: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub order_no: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub lot_code: Option<String>,
    /// Its output lot stands for the lot when no lot is given.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub work_order_no: Option<String>,
    /// The lot's product when a lot is given.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub sku: Option<String>,
    /// Units the customer says are affected (at least one).
    pub qty_affected: i64,
    pub description: String,
    pub severity: Severity,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ComplaintStatus {
    Open,
    Investigating,
    Closed,
}

impl ComplaintStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ComplaintStatus::Open => "open",
            ComplaintStatus::Investigating => "investigating",
            ComplaintStatus::Closed => "closed",
        }
    }

    pub fn parse(text: &str) -> Option<ComplaintStatus> {
        [Self::Open, Self::Investigating, Self::Closed].into_iter().find(|s| s.as_str() == text)
    }
}

/// How a complaint closed: justified (a real defect: it counts against the lot's vendor) or
/// unfounded (no fault found: it does not).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ComplaintOutcome {
    Justified,
    Unfounded,
}

impl ComplaintOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            ComplaintOutcome::Justified => "justified",
            ComplaintOutcome::Unfounded => "unfounded",
        }
    }
}

/// A complaint as its events leave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Complaint {
    pub opening: ComplaintOpening,
    pub status: ComplaintStatus,
    pub outcome: Option<ComplaintOutcome>,
}

impl Complaint {
    pub fn complaint_no(&self) -> &str {
        &self.opening.complaint_no
    }

    /// Whether it counts against its vendor: every complaint does until it is closed as unfounded,
    /// as a failure counts from when it is logged.
    pub fn counts(status: ComplaintStatus, outcome: Option<ComplaintOutcome>) -> bool {
        !(status == ComplaintStatus::Closed && outcome == Some(ComplaintOutcome::Unfounded))
    }

    pub fn evolve(state: Option<Complaint>, event: &Event) -> Option<Complaint> {
        match (state, event) {
            (None, Event::ComplaintOpened(opening)) => {
                Some(Complaint { opening: (**opening).clone(), status: ComplaintStatus::Open, outcome: None })
            }
            (Some(mut c), Event::ComplaintAdvanced { to, outcome, .. }) => {
                c.status = *to;
                if *to == ComplaintStatus::Closed {
                    c.outcome = *outcome;
                }
                Some(c)
            }
            (state, _) => state,
        }
    }
}

const CODE_LEN: usize = 60;

/// What an opening must say; that the customer, order, lot and work order exist is the caller's.
pub fn check_complaint_opening(opening: &ComplaintOpening, today: NaiveDate) -> Result<(), ApiError> {
    let mut v = Violations::default();
    match NaiveDate::parse_from_str(opening.received_on.trim(), "%Y-%m-%d") {
        Err(_) => v.push(FieldError::new("received_on", "error.field.bad_date").with("value", &opening.received_on)),
        Ok(day) if day > today => v.push(FieldError::new("received_on", "error.complaint.in_future")),
        Ok(_) => {}
    }
    let report = &opening.report;
    for (field, value) in [
        ("customer_code", &report.customer_code),
        ("order_no", &report.order_no),
        ("lot_code", &report.lot_code),
        ("work_order_no", &report.work_order_no),
        ("sku", &report.sku),
    ] {
        v.max_len_opt(field, value.as_deref(), CODE_LEN);
    }
    let named = [&report.customer_code, &report.order_no, &report.lot_code, &report.work_order_no, &report.sku];
    if named.iter().all(|n| n.is_none()) {
        v.push(FieldError::new("customer_code", "error.complaint.nothing_named"));
    }
    if report.qty_affected <= 0 {
        v.push(FieldError::new("qty_affected", "error.field.must_be_positive"));
    }
    v.required("description", &report.description);
    v.max_len("description", report.description.trim(), limits::NOTE);
    v.into_result()
}

fn check_step(c: &Complaint, to: ComplaintStatus) -> Result<(), ApiError> {
    let refuse = |key: &str| {
        ApiError::new(ErrorCode::Conflict, key)
            .with("complaint_no", c.complaint_no())
            .with("status", c.status.as_str())
            .with("to", to.as_str())
    };
    if c.status == ComplaintStatus::Closed {
        return Err(refuse("error.complaint.closed"));
    }
    if to <= c.status {
        return Err(refuse("error.complaint.step_done"));
    }
    Ok(())
}

/// Open → investigating → closed (or closed straight away); closing needs its outcome and what
/// was found or done. Investigating may carry a note of who looks at it and how.
pub fn decide_advance_complaint(
    c: &Complaint,
    to: ComplaintStatus,
    outcome: Option<ComplaintOutcome>,
    note: &str,
) -> Result<Vec<Event>, ApiError> {
    check_step(c, to)?;
    let mut v = Violations::default();
    let note = note.trim();
    v.max_len("note", note, limits::NOTE);
    if to == ComplaintStatus::Closed {
        if outcome.is_none() {
            v.push(FieldError::new("outcome", "error.field.required"));
        }
        v.required("note", note);
    }
    v.into_result()?;
    Ok(vec![Event::ComplaintAdvanced {
        complaint_no: c.complaint_no().to_owned(),
        to,
        outcome: if to == ComplaintStatus::Closed { outcome } else { None },
        note: note.to_owned(),
    }])
}

/// The step decided again on the complaint as the team's log leaves it: the first close wins.
pub fn recheck_complaint(c: &Complaint, event: &Event) -> Result<(), ApiError> {
    match event {
        Event::ComplaintAdvanced { to, .. } => check_step(c, *to),
        _ => Ok(()),
    }
}
