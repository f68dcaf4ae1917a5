//! Reading a whole supplier label: every AI it carries, not only the four of a lot label.
//!
//! A pallet or case label holds an SSCC (00), the trade item inside (02), a count (37), a net
//! weight (3103), dates, the purchase order (400)... Refusing such a scan because Lotline does
//! not print those AIs would make the scanner useless at goods receipt, so they are read and
//! named here; what Lotline acts on (GTIN, lot, serial, expiry) is then taken from them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ai_table::{AiKind, AiSpec, spec_at, spec_of};
use super::element::{ai_in_brackets, check_cset82, parse_yymmdd, trim_blank};
use super::{Ai, FieldProblem, GS, Gs1Error, has_valid_check_digit};

/// One element of a scanned label: its AI, its data as encoded, and the data read as what it
/// stands for (a date as ISO 8601, a measure with its decimal point).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gs1Element {
    pub ai: String,
    /// GS1's data title, e.g. "SSCC", "BATCH/LOT", "NET WEIGHT (kg)".
    pub title: String,
    pub raw: String,
    pub value: String,
}

/// Every element of a scanned label, in the order scanned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gs1Label {
    pub elements: Vec<Gs1Element>,
}

impl Gs1Label {
    /// Reads a bracketed element string or raw barcode data (with GS for FNC1 and an optional
    /// AIM symbology identifier `]C1`, `]d2`, `]Q3`, `]e0`, `]J1`).
    pub fn parse(input: &str) -> Result<Self, Gs1Error> {
        let trimmed = trim_blank(input);
        let elements = if trimmed.starts_with('(') { bracketed(trimmed)? } else { raw(trimmed)? };
        let mut seen = std::collections::BTreeSet::new();
        for element in &elements {
            if !seen.insert(element.ai.as_str()) {
                return Err(Gs1Error::syntax(format!("AI ({}) appears more than once", element.ai)));
            }
        }
        Ok(Self { elements })
    }

    /// The value of the first element whose AI is `ai`.
    pub fn get(&self, ai: &str) -> Option<&str> {
        self.elements.iter().find(|e| e.ai == ai).map(|e| e.value.as_str())
    }

    /// The trade item: (01) on a unit or case, (02) the contents of a logistic unit.
    pub fn gtin(&self) -> Option<&str> {
        self.get("01").or_else(|| self.get("02"))
    }

    pub fn lot(&self) -> Option<&str> {
        self.get("10")
    }

    pub fn serial(&self) -> Option<&str> {
        self.get("21")
    }

    pub fn sscc(&self) -> Option<&str> {
        self.get("00")
    }

    pub fn expiry(&self) -> Option<NaiveDate> {
        self.get("17").and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
    }
}

fn unsupported(code: &str) -> Gs1Error {
    Gs1Error::UnsupportedAi { ai: code.to_string() }
}

fn bracketed(text: &str) -> Result<Vec<Gs1Element>, Gs1Error> {
    let chars: Vec<char> = text.chars().collect();
    let mut elements = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some(digits) = ai_in_brackets(&chars[i..]) else {
            let rest: String = chars[i..].iter().take(8).collect();
            return Err(Gs1Error::syntax(format!("expected an AI in brackets, found {rest:?}")));
        };
        let code: String = chars[i + 1..i + 1 + digits].iter().collect();
        let spec = spec_of(&code).ok_or_else(|| unsupported(&code))?;
        i += digits + 2;
        let mut value = String::new();
        while i < chars.len() {
            match chars[i] {
                '\\' if chars.get(i + 1) == Some(&'(') => {
                    value.push('(');
                    i += 2;
                }
                '(' if ai_in_brackets(&chars[i..]).is_some() => break,
                GS => i += 1,
                c => {
                    value.push(c);
                    i += 1;
                }
            }
        }
        elements.push(element(&code, spec, trim_blank(&value))?);
    }
    Ok(elements)
}

fn raw(text: &str) -> Result<Vec<Gs1Element>, Gs1Error> {
    let mut data = text;
    if data.starts_with(']') {
        let id = data.get(..3).unwrap_or(data);
        if !["]C1", "]d2", "]Q3", "]e0", "]J1"].contains(&id) {
            return Err(Gs1Error::syntax(format!("symbology identifier {id:?} does not mark GS1 data")));
        }
        data = &data[3..];
    }
    let chars: Vec<char> = data.trim_start_matches(GS).chars().collect();
    if chars.is_empty() {
        return Err(Gs1Error::syntax("there is no data"));
    }
    let mut elements = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let head: String = chars[i..].iter().take(4).collect();
        let (code, spec) = spec_at(&head).ok_or_else(|| {
            if head.len() >= 2 && head.chars().take(2).all(|c| c.is_ascii_digit()) {
                unsupported(&head[..2])
            } else {
                Gs1Error::syntax(format!("expected an AI at character {}, found {head:?}", i + 1))
            }
        })?;
        i += code.len();
        let until_gs = chars[i..].iter().take_while(|c| **c != GS).count();
        let len = if spec.fixed { spec.len.min(until_gs) } else { until_gs };
        let value: String = chars[i..i + len].iter().collect();
        elements.push(element(&code, spec, &value)?);
        i += len;
        if chars.get(i) == Some(&GS) {
            i += 1;
        }
    }
    Ok(elements)
}

/// Checks one element's data against its AI's rules and reads it.
fn element(code: &str, spec: &AiSpec, value: &str) -> Result<Gs1Element, Gs1Error> {
    let field = |problem| Gs1Error::syntax(format!("AI ({code}) {problem}"));
    let len = value.chars().count();
    if len == 0 {
        return Err(field(FieldProblem::Empty));
    }
    if spec.fixed && len != spec.len {
        return Err(field(FieldProblem::WrongLength { expected: spec.len.to_string(), value: value.into() }));
    }
    if len > spec.len {
        return Err(field(FieldProblem::TooLong { len, max: spec.len }));
    }
    let digits_only = !matches!(spec.kind, AiKind::Text);
    if digits_only && !value.chars().all(|c| c.is_ascii_digit()) {
        return Err(field(FieldProblem::NotDigits { value: value.into() }));
    }
    let read = match spec.kind {
        AiKind::CheckDigit => {
            if !has_valid_check_digit(value) {
                return Err(field(FieldProblem::BadCheckDigit {
                    expected: super::check_digit(&value[..value.len() - 1]).unwrap_or(0),
                    found: value.as_bytes()[value.len() - 1] - b'0',
                }));
            }
            value.to_string()
        }
        AiKind::Date => parse_yymmdd(value)
            .map_err(|_| field(FieldProblem::BadDate { value: value.into() }))?
            .format("%Y-%m-%d")
            .to_string(),
        AiKind::Decimal => {
            let decimals = usize::from(code.as_bytes()[code.len() - 1] - b'0');
            with_decimals(value, decimals)
        }
        AiKind::Numeric => value.to_string(),
        AiKind::Text => {
            // Lot and serial keep the lot label's own rule and message.
            match code {
                "10" => check_cset82(Ai::Lot, value)?,
                "21" => check_cset82(Ai::Serial, value)?,
                _ => {}
            }
            value.to_string()
        }
    };
    Ok(Gs1Element { ai: code.to_string(), title: spec.title.to_string(), raw: value.to_string(), value: read })
}

/// "001250" with 3 decimals is "1.250": the AI's last digit places the decimal point.
fn with_decimals(digits: &str, decimals: usize) -> String {
    let padded = format!("{digits:0>width$}", width = decimals + 1);
    let (whole, fraction) = padded.split_at(padded.len() - decimals);
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    if decimals == 0 { whole.to_string() } else { format!("{whole}.{fraction}") }
}
