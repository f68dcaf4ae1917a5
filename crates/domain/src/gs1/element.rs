//! Element strings: the bracketed human-readable form printed under a barcode, and the barcode
//! data itself, where AIs follow each other without brackets and FNC1 (sent as GS) ends each
//! variable-length field that another field follows.

use chrono::{Datelike, NaiveDate};

use super::{Ai, FieldProblem, GS, Gs1Data, Gs1Error, MAX_VARIABLE_LEN, normalize_gtin};

/// GS1 AI encodable character set 82 (GS1 General Specifications, figure 7.11-1): the
/// characters a lot or serial may hold. Space and backslash are not among them, which is what
/// lets the bracketed form be trimmed and escaped safely.
fn is_cset82(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!\"%&'()*+,-./:;<=>?_".contains(c)
}

/// Checks a (10) or (21) value: 1–20 characters, all from character set 82.
pub(super) fn check_cset82(ai: Ai, value: &str) -> Result<(), Gs1Error> {
    let len = value.chars().count();
    if len == 0 {
        return Err(Gs1Error::field(ai, FieldProblem::Empty));
    }
    if len > MAX_VARIABLE_LEN {
        return Err(Gs1Error::field(ai, FieldProblem::TooLong { len, max: MAX_VARIABLE_LEN }));
    }
    if let Some((index, ch)) = value.chars().enumerate().find(|(_, c)| !is_cset82(*c)) {
        return Err(Gs1Error::field(ai, FieldProblem::InvalidCharacter { ch, position: index + 1 }));
    }
    Ok(())
}

/// Blanks a person or a scanner adds around the data. Not `str::trim`: GS must survive.
pub(super) fn trim_blank(text: &str) -> &str {
    text.trim_matches([' ', '\t', '\r', '\n'])
}

/// A date as YYMMDD, always with its real day: GS1 allows day "00" for "end of the month", but
/// printing the actual last day says the same thing to people and scanners alike.
pub(super) fn format_yymmdd(date: NaiveDate) -> String {
    format!("{:02}{:02}{:02}", date.year().rem_euclid(100), date.month(), date.day())
}

/// Reads a (17) YYMMDD date as 20YY; day "00" is the month's last day (GS1 General
/// Specifications 7.12).
pub(super) fn parse_yymmdd(value: &str) -> Result<NaiveDate, Gs1Error> {
    let problem = |problem| Gs1Error::field(Ai::Expiry, problem);
    if !value.chars().all(|c| c.is_ascii_digit()) {
        return Err(problem(FieldProblem::NotDigits { value: value.to_string() }));
    }
    if value.len() != 6 {
        return Err(problem(FieldProblem::WrongLength { expected: "6 (YYMMDD)".into(), value: value.to_string() }));
    }
    let number = |range: std::ops::Range<usize>| value[range].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (2000 + number(0..2) as i32, number(2..4), number(4..6));
    let date = if day == 0 {
        // The first of the next month, less a day.
        let (next_year, next_month) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
        (1..=12)
            .contains(&month)
            .then(|| NaiveDate::from_ymd_opt(next_year, next_month, 1).and_then(|first| first.pred_opt()))
            .flatten()
    } else {
        NaiveDate::from_ymd_opt(year, month, day)
    };
    date.ok_or_else(|| problem(FieldProblem::BadDate { value: value.to_string() }))
}

/// The fields a parser has found so far, each checked as it is found so that an error names the
/// first bad field in the input.
#[derive(Default)]
pub(super) struct Fields {
    pub(super) gtin: Option<String>,
    pub(super) lot: Option<String>,
    pub(super) expiry: Option<NaiveDate>,
    pub(super) serial: Option<String>,
}

impl Fields {
    pub(super) fn set(&mut self, ai: Ai, value: &str) -> Result<(), Gs1Error> {
        let duplicate = match ai {
            Ai::Gtin => self.gtin.is_some(),
            Ai::Lot => self.lot.is_some(),
            Ai::Expiry => self.expiry.is_some(),
            Ai::Serial => self.serial.is_some(),
        };
        if duplicate {
            return Err(Gs1Error::DuplicateAi { ai });
        }
        match ai {
            Ai::Gtin => {
                // An element string always carries all 14 digits (GTIN-13 with a leading zero).
                if value.chars().all(|c| c.is_ascii_digit()) && value.len() != 14 {
                    let expected = "14".to_string();
                    return Err(Gs1Error::field(ai, FieldProblem::WrongLength { expected, value: value.to_string() }));
                }
                self.gtin = Some(normalize_gtin(value)?);
            }
            Ai::Expiry => self.expiry = Some(parse_yymmdd(value)?),
            Ai::Lot | Ai::Serial => {
                check_cset82(ai, value)?;
                let slot = if ai == Ai::Lot { &mut self.lot } else { &mut self.serial };
                *slot = Some(value.to_string());
            }
        }
        Ok(())
    }
}

impl Gs1Data {
    /// The fields in the order they are encoded: fixed-length (01) and (17) first, so that only
    /// the variable-length (10) and (21) need FNC1 separators, and at most one of them does.
    fn encoded_fields(&self) -> Vec<(Ai, String)> {
        let mut fields = vec![(Ai::Gtin, self.gtin.clone())];
        fields.extend(self.expiry.map(|date| (Ai::Expiry, format_yymmdd(date))));
        fields.extend(self.lot.clone().map(|lot| (Ai::Lot, lot)));
        fields.extend(self.serial.clone().map(|serial| (Ai::Serial, serial)));
        fields
    }

    /// The human-readable interpretation printed under the barcode, e.g.
    /// `(01)09506000134352(17)201225(10)ABC123`. Data is written as is: a lot that itself
    /// contains "(NN)" reads ambiguously here, which is why the barcode, not this text, is the
    /// record (the parser accepts `\(` for a literal bracket).
    pub fn element_string(&self) -> String {
        self.encoded_fields().into_iter().map(|(ai, value)| format!("({}){value}", ai.code())).collect()
    }

    /// What a GS1-128 (or GS1 DataMatrix/QR) symbol encodes, without the leading FNC1 that marks
    /// the symbol as GS1: the AIs and their data, with [`GS`] standing for each separating FNC1.
    /// No separator follows the last field: the end of the symbol ends it.
    pub fn barcode_data(&self) -> String {
        let fields = self.encoded_fields();
        let last = fields.len() - 1;
        let mut out = String::new();
        for (index, (ai, value)) in fields.into_iter().enumerate() {
            out.push_str(ai.code());
            out.push_str(&value);
            if ai.fixed_len().is_none() && index < last {
                out.push(GS);
            }
        }
        out
    }

    /// Reads a bracketed element string such as `(01)09506000134352(10)ABC123`. Blanks around
    /// fields are ignored; `\(` is a literal bracket in a lot or serial.
    pub fn parse_element_string(input: &str) -> Result<Self, Gs1Error> {
        let chars: Vec<char> = trim_blank(input).chars().collect();
        if chars.first() != Some(&'(') {
            return Err(Gs1Error::syntax("a bracketed element string starts with \"(\" and an AI"));
        }
        let mut fields = Fields::default();
        let mut i = 0;
        while i < chars.len() {
            let Some(digits) = ai_in_brackets(&chars[i..]) else {
                let rest: String = chars[i..].iter().take(8).collect();
                return Err(Gs1Error::syntax(format!("expected an AI in brackets, found {rest:?}")));
            };
            let code: String = chars[i + 1..i + 1 + digits].iter().collect();
            let ai = Ai::from_code(&code).ok_or(Gs1Error::UnsupportedAi { ai: code })?;
            i += digits + 2;
            let mut value = String::new();
            while i < chars.len() {
                match chars[i] {
                    '\\' if chars.get(i + 1) == Some(&'(') => {
                        value.push('(');
                        i += 2;
                    }
                    '(' if ai_in_brackets(&chars[i..]).is_some() => break,
                    c => {
                        value.push(c);
                        i += 1;
                    }
                }
            }
            fields.set(ai, trim_blank(&value))?;
        }
        Self::from_fields(fields)
    }

    /// Reads barcode data as a scanner sends it: an optional symbology identifier (`]C1` for
    /// GS1-128, `]d2` DataMatrix, `]Q3` QR, `]e0` DataBar, `]J1` DotCode), then the AIs with GS
    /// after variable-length fields. A GS after a fixed-length field, before the first AI or at
    /// the end is tolerated, as some printers put one there.
    pub fn parse_barcode_data(input: &str) -> Result<Self, Gs1Error> {
        let mut data = trim_blank(input);
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
        let mut fields = Fields::default();
        let mut i = 0;
        while i < chars.len() {
            let code: String = chars[i..].iter().take(2).collect();
            if code.len() < 2 || !code.chars().all(|c| c.is_ascii_digit()) {
                return Err(Gs1Error::syntax(format!("expected an AI at character {}, found {code:?}", i + 1)));
            }
            let ai = Ai::from_code(&code).ok_or(Gs1Error::UnsupportedAi { ai: code })?;
            i += 2;
            let until_gs = chars[i..].iter().take_while(|c| **c != GS).count();
            let len = ai.fixed_len().map_or(until_gs, |fixed| fixed.min(until_gs));
            let value: String = chars[i..i + len].iter().collect();
            fields.set(ai, &value)?;
            i += len;
            if chars.get(i) == Some(&GS) {
                i += 1;
            }
        }
        Self::from_fields(fields)
    }
}

/// If `chars` starts with an AI in brackets ("(10)"), the number of its digits.
pub(super) fn ai_in_brackets(chars: &[char]) -> Option<usize> {
    if chars.first() != Some(&'(') {
        return None;
    }
    let digits = chars[1..].iter().take_while(|c| c.is_ascii_digit()).count();
    ((2..=4).contains(&digits) && chars.get(1 + digits) == Some(&')')).then_some(digits)
}
