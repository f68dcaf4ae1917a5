//! The element string split into its fields, and the fields packed into GS1-128 symbols.
//!
//! A GTIN, an expiry date, a 15-character lot and a serial make a symbol over 120 mm wide at a
//! module width scanners read from arm's length; a 4-inch label has under 100. GS1 lets the
//! fields of one item be spread over several symbols (each starting with FNC1), which is what
//! logistic labels do, so fields are packed into as few symbols as fit at a comfortable width.
//! Finding the field boundaries needs only GS1's table of predefined-length AIs; the element
//! string's brackets then give each symbol its human-readable line.

use super::{LabelSize, Row, draw};
use crate::barcode::{BarcodeError, Code128, GS1_SEPARATOR};

/// Why the GS1 input cannot be printed, by the input at fault.
pub(super) enum Error {
    Barcode(BarcodeError),
    Data(String),
    Human(String),
}

/// One field: its AI and data as the barcode carries them ("10ABC123"), whether its length is
/// predefined (no FNC1 needed after it), and its bracketed text ("(10)ABC123").
pub(super) struct Field<'a> {
    pub(super) data: &'a str,
    pub(super) predefined: bool,
    human: &'a str,
}

/// The length of AI plus data for AIs whose length GS1 predefines, by the AI's first two digits
/// (GS1 General Specifications, figure 7.8.5-2). Every other field runs to a GS or the end.
fn predefined_len(prefix: &str) -> Option<usize> {
    Some(match prefix {
        "00" => 20,
        "01" | "02" | "03" | "41" => 16,
        "04" => 18,
        "11" | "12" | "13" | "14" | "15" | "16" | "17" | "18" | "19" => 8,
        "20" => 4,
        "31" | "32" | "33" | "34" | "35" | "36" => 10,
        _ => return None,
    })
}

/// Splits the barcode data into fields and pairs each with its part of the element string,
/// which must say exactly the same.
pub(super) fn fields<'a>(data: &'a str, human: &'a str) -> Result<Vec<Field<'a>>, Error> {
    // Encoding the whole data checks its characters and separators, with their positions.
    Code128::gs1(data).map_err(Error::Barcode)?;
    // Only printable ASCII and GS are left, so byte offsets are character positions.
    let mut found = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let prefix = &data[i..(i + 2).min(data.len())];
        if prefix.len() < 2 || !prefix.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::Data(format!("an AI should start at character {}, not {prefix:?}", i + 1)));
        }
        let (end, predefined) = match predefined_len(prefix) {
            Some(len) => {
                let end = i + len;
                if data.get(i..end).is_none_or(|field| field.contains(GS1_SEPARATOR)) {
                    return Err(Error::Data(format!(
                        "the field at character {} (AI {prefix}…) needs {len} characters with its AI",
                        i + 1
                    )));
                }
                (end, true)
            }
            None => (data[i..].find(GS1_SEPARATOR).map_or(data.len(), |gs| i + gs), false),
        };
        if end - i < 3 {
            return Err(Error::Data(format!("the field at character {} has no data after its AI", i + 1)));
        }
        found.push((&data[i..end], predefined));
        // A separator after a predefined-length field is allowed, though not needed.
        i = if data[end..].starts_with(GS1_SEPARATOR) { end + 1 } else { end };
    }
    let texts = bracketed_fields(human)?;
    if texts.len() != found.len() {
        return Err(Error::Human(format!("has {} fields, but gs1_barcode_data has {}", texts.len(), found.len())));
    }
    found
        .into_iter()
        .zip(texts)
        .enumerate()
        .map(|(index, ((data, predefined), (human, plain)))| {
            if plain == data {
                Ok(Field { data, predefined, human })
            } else {
                Err(Error::Human(format!("field {} is {human:?}, but gs1_barcode_data has {data:?} there", index + 1)))
            }
        })
        .collect()
}

/// The element string's fields: each as written ("(10)ABC123") and without its brackets
/// ("10ABC123"). A field starts at "(" with 2–4 digits and ")".
fn bracketed_fields(human: &str) -> Result<Vec<(&str, String)>, Error> {
    let starts: Vec<usize> =
        human.char_indices().filter(|(i, _)| ai_in_brackets(&human[*i..]).is_some()).map(|(i, _)| i).collect();
    if starts.first() != Some(&0) {
        return Err(Error::Human("must start with an AI in brackets, such as (01)".into()));
    }
    Ok(starts
        .iter()
        .enumerate()
        .map(|(n, start)| {
            let end = starts.get(n + 1).copied().unwrap_or(human.len());
            let text = &human[*start..end];
            let digits = ai_in_brackets(text).unwrap_or(0);
            (text, format!("{}{}", &text[1..1 + digits], &text[digits + 2..]))
        })
        .collect())
}

/// If `text` starts with an AI in brackets ("(10)"), the number of its digits.
fn ai_in_brackets(text: &str) -> Option<usize> {
    let rest = text.strip_prefix('(')?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    ((2..=4).contains(&digits) && rest[digits..].starts_with(')')).then_some(digits)
}

/// What one symbol holding `fields` encodes: FNC1 (as GS) after each variable-length field
/// that another field follows.
fn symbol_data(fields: &[&Field]) -> String {
    let mut data = String::new();
    for (index, field) in fields.iter().enumerate() {
        data.push_str(field.data);
        if !field.predefined && index + 1 < fields.len() {
            data.push(GS1_SEPARATOR);
        }
    }
    data
}

/// The fields packed, in order, into as few symbols as fit the label at [`draw::PREFERRED_MODULE`]
/// or wider; a field too long for that gets a symbol of its own at the widest module it fits.
pub(super) fn rows(fields: &[Field], size: LabelSize) -> Result<Vec<Row>, BarcodeError> {
    let row = |fields: &[&Field]| -> Result<Row, BarcodeError> {
        let data = symbol_data(fields);
        let bars = Code128::gs1(&data)?;
        let module_mm = draw::barcode_module_mm(&bars, size)
            .ok_or(BarcodeError::TooLong { len: data.len(), max: draw::max_barcode_chars(size) })?;
        Ok(Row { bars, module_mm, text: fields.iter().map(|field| field.human).collect() })
    };
    let mut rows = Vec::new();
    let mut current: Vec<&Field> = Vec::new();
    for field in fields {
        let mut candidate = current.clone();
        candidate.push(field);
        let bars = Code128::gs1(&symbol_data(&candidate))?;
        if draw::barcode_module_mm(&bars, size).is_some_and(|module| module >= draw::PREFERRED_MODULE) {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            rows.push(row(&current)?);
        }
        current = vec![field];
    }
    if !current.is_empty() {
        rows.push(row(&current)?);
    }
    Ok(rows)
}
