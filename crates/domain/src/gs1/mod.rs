//! GS1 element strings, check digits and Digital Link URIs for lot labels and scanning.
//!
//! A lot label carries the same four facts three ways: a GS1-128 barcode (for warehouse
//! scanners), its human-readable interpretation under the bars (for people keying it in), and a
//! GS1 Digital Link URI in a QR code (for phones). [`Gs1Data`] holds the facts, already checked
//! against the GS1 General Specifications, and converts between the three forms, so a label
//! printed by one host scans back to exactly what was printed on every other.
//!
//! [`Gs1Data`] holds only the application identifiers (AIs) a lot label needs: (01) GTIN,
//! (10) batch/lot, (17) expiry date and (21) serial number, and refuses anything else, since what
//! it holds is printed again. A supplier's label carries more (SSCC, counts, weights, order
//! numbers): [`Gs1Label`] reads those, so a scan at goods receipt is never refused or half-read.

mod ai_table;
mod check_digit;
mod digital_link;
mod element;
mod label;
#[cfg(test)]
mod label_tests;

#[cfg(test)]
mod tests;

use std::fmt;

use chrono::{Datelike, NaiveDate};

pub use check_digit::{check_digit, has_valid_check_digit, normalize_gtin};
pub use digital_link::DEFAULT_DIGITAL_LINK_BASE;
pub use label::{Gs1Element, Gs1Label};

/// The ASCII group separator (GS, 0x1D) that stands for FNC1 in barcode data: it ends a
/// variable-length field that is followed by another field. Scanners transmit FNC1 as GS too.
pub const GS: char = '\x1d';

/// Longest (10) lot and (21) serial the GS1 General Specifications allow.
pub const MAX_VARIABLE_LEN: usize = 20;

/// The application identifiers Lotline reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ai {
    /// (01) Global Trade Item Number, always 14 digits in an element string.
    Gtin,
    /// (10) Batch or lot number, up to 20 characters.
    Lot,
    /// (17) Expiration date, YYMMDD.
    Expiry,
    /// (21) Serial number, up to 20 characters.
    Serial,
}

impl Ai {
    /// The AI's digits, as written between the brackets: "01", "10", "17", "21".
    pub fn code(self) -> &'static str {
        match self {
            Self::Gtin => "01",
            Self::Lot => "10",
            Self::Expiry => "17",
            Self::Serial => "21",
        }
    }

    fn from_code(code: &str) -> Option<Self> {
        [Self::Gtin, Self::Lot, Self::Expiry, Self::Serial].into_iter().find(|ai| ai.code() == code)
    }

    /// The data length of a fixed-length AI; `None` for variable-length ones, which need an FNC1
    /// after them when another field follows.
    fn fixed_len(self) -> Option<usize> {
        match self {
            Self::Gtin => Some(14),
            Self::Expiry => Some(6),
            Self::Lot | Self::Serial => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::Gtin => "GTIN",
            Self::Lot => "batch/lot",
            Self::Expiry => "expiry date",
            Self::Serial => "serial number",
        }
    }
}

impl fmt::Display for Ai {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "({}) {}", self.code(), self.name())
    }
}

/// Why one field's value is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldProblem {
    #[error("is empty")]
    Empty,
    #[error("has {len} characters, at most {max} are allowed")]
    TooLong { len: usize, max: usize },
    #[error("must be {expected} digits, not {value:?}")]
    WrongLength { expected: String, value: String },
    #[error("must be digits only, not {value:?}")]
    NotDigits { value: String },
    #[error("character {ch:?} at position {position} is not in GS1's character set 82")]
    InvalidCharacter { ch: char, position: usize },
    #[error("has check digit {found}, but the digits before it give {expected}")]
    BadCheckDigit { expected: u8, found: u8 },
    #[error("{value:?} is not a date in YYMMDD form")]
    BadDate { value: String },
    #[error("{date} is outside 2000–2099, the years a two-digit GS1 year is read as here")]
    YearOutOfRange { date: NaiveDate },
}

/// Why GS1 data could not be built or read. Every variant says which AI is at fault where one is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Gs1Error {
    /// A field's value breaks the AI's rules.
    #[error("{ai} {problem}")]
    Field { ai: Ai, problem: FieldProblem },
    /// The same AI twice: a scanner cannot tell which one is meant.
    #[error("{ai} appears more than once")]
    DuplicateAi { ai: Ai },
    /// An AI Lotline does not read (its digits, or the first two for raw barcode data, whose AI
    /// length depends on a table Lotline does not carry).
    #[error("AI ({ai}) is not supported; Lotline reads (01), (10), (17) and (21)")]
    UnsupportedAi { ai: String },
    /// Lot, expiry and serial only mean something for a trade item, so (01) is required.
    #[error("there is no (01) GTIN, which (10), (17) and (21) qualify")]
    MissingGtin,
    /// The text is not a bracketed element string, barcode data or Digital Link URI at all.
    #[error("not GS1 data: {reason}")]
    Syntax { reason: String },
}

impl Gs1Error {
    fn field(ai: Ai, problem: FieldProblem) -> Self {
        Self::Field { ai, problem }
    }

    fn syntax(reason: impl Into<String>) -> Self {
        Self::Syntax { reason: reason.into() }
    }
}

/// A trade item's GS1 identification as a lot label carries it. The fields are private so that
/// every value has passed the GS1 rules: building the element string, barcode data or Digital
/// Link from one cannot fail, and what is printed always scans back to the same value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Gs1Data {
    gtin: String,
    lot: Option<String>,
    expiry: Option<NaiveDate>,
    serial: Option<String>,
}

impl Gs1Data {
    /// Data for the trade item `gtin`: a GTIN-8, -12, -13 or -14 with a correct check digit,
    /// kept as 14 digits (see [`normalize_gtin`]).
    pub fn new(gtin: &str) -> Result<Self, Gs1Error> {
        Ok(Self { gtin: normalize_gtin(gtin)?, lot: None, expiry: None, serial: None })
    }

    /// Adds the (10) batch/lot: 1–20 characters of GS1 character set 82.
    pub fn with_lot(mut self, lot: &str) -> Result<Self, Gs1Error> {
        element::check_cset82(Ai::Lot, lot)?;
        self.lot = Some(lot.to_string());
        Ok(self)
    }

    /// Adds the (17) expiry date. A two-digit year cannot say which century, so only 2000–2099
    /// is accepted (GS1's sliding window would need today's date, which this crate does not read).
    pub fn with_expiry(mut self, expiry: NaiveDate) -> Result<Self, Gs1Error> {
        if !(2000..=2099).contains(&expiry.year()) {
            return Err(Gs1Error::field(Ai::Expiry, FieldProblem::YearOutOfRange { date: expiry }));
        }
        self.expiry = Some(expiry);
        Ok(self)
    }

    /// Adds the (21) serial number: 1–20 characters of GS1 character set 82.
    pub fn with_serial(mut self, serial: &str) -> Result<Self, Gs1Error> {
        element::check_cset82(Ai::Serial, serial)?;
        self.serial = Some(serial.to_string());
        Ok(self)
    }

    /// The GTIN as 14 digits.
    pub fn gtin(&self) -> &str {
        &self.gtin
    }

    pub fn lot(&self) -> Option<&str> {
        self.lot.as_deref()
    }

    pub fn expiry(&self) -> Option<NaiveDate> {
        self.expiry
    }

    pub fn serial(&self) -> Option<&str> {
        self.serial.as_deref()
    }

    /// Reads any of the three forms a scanner or a person may hand over: a Digital Link URI
    /// (starts with `http://` or `https://`), a bracketed element string (starts with `(`), or
    /// raw barcode data with GS separators and an optional symbology identifier such as `]C1`.
    pub fn parse(input: &str) -> Result<Self, Gs1Error> {
        let trimmed = element::trim_blank(input);
        let lower = trimmed.get(..8).unwrap_or(trimmed).to_ascii_lowercase();
        if lower.starts_with("https://") || lower.starts_with("http://") {
            Self::parse_digital_link(trimmed)
        } else if trimmed.starts_with('(') {
            Self::parse_element_string(trimmed)
        } else {
            Self::parse_barcode_data(trimmed)
        }
    }

    /// The (01) GTIN, (17), (10), (21) fields found by a parser, checked together.
    fn from_fields(fields: element::Fields) -> Result<Self, Gs1Error> {
        let gtin = fields.gtin.ok_or(Gs1Error::MissingGtin)?;
        let mut data = Self::new(&gtin)?;
        if let Some(lot) = fields.lot {
            data = data.with_lot(&lot)?;
        }
        if let Some(expiry) = fields.expiry {
            data = data.with_expiry(expiry)?;
        }
        if let Some(serial) = fields.serial {
            data = data.with_serial(&serial)?;
        }
        Ok(data)
    }
}
