//! The GS1 mod-10 check digit, shared by every GS1 identification key with one (GTIN-8/12/13/14,
//! SSCC, GLN, …): it catches every single-digit typo and most swaps of neighbouring digits.

use super::{Ai, FieldProblem, Gs1Error};

/// The check digit for `body`, the digits of a key without its check digit. Weights 3 and 1
/// alternate from the rightmost digit, so the same body padded with leading zeros (a GTIN-13 as
/// a GTIN-14) gets the same check digit. `None` if `body` is empty or has a non-digit.
pub fn check_digit(body: &str) -> Option<u8> {
    if body.is_empty() || !body.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 =
        body.bytes().rev().enumerate().map(|(i, b)| u32::from(b - b'0') * if i % 2 == 0 { 3 } else { 1 }).sum();
    // `sum % 10` is below 10, so the result fits a u8.
    Some(((10 - sum % 10) % 10) as u8)
}

/// Whether the last digit of `code` is the check digit of the ones before it.
pub fn has_valid_check_digit(code: &str) -> bool {
    match code.len().checked_sub(1).and_then(|n| code.get(..n).zip(code.get(n..))) {
        Some((body, last)) => check_digit(body).is_some_and(|digit| last.as_bytes() == [b'0' + digit]),
        None => false,
    }
}

/// `gtin` (GTIN-8, -12, -13 or -14, check digit included) as the 14 digits an element string
/// and a Digital Link carry: left-padded with zeros, which keeps the check digit valid. Stores
/// and compares GTINs in this one form so an EAN-13 and its GTIN-14 spelling are one product.
pub fn normalize_gtin(gtin: &str) -> Result<String, Gs1Error> {
    let problem = |problem| Gs1Error::field(Ai::Gtin, problem);
    let gtin = gtin.trim();
    if gtin.is_empty() {
        return Err(problem(FieldProblem::Empty));
    }
    if !gtin.bytes().all(|b| b.is_ascii_digit()) {
        return Err(problem(FieldProblem::NotDigits { value: gtin.to_string() }));
    }
    if ![8, 12, 13, 14].contains(&gtin.len()) {
        return Err(problem(FieldProblem::WrongLength { expected: "8, 12, 13 or 14".into(), value: gtin.to_string() }));
    }
    let (body, last) = gtin.split_at(gtin.len() - 1);
    let expected = check_digit(body).unwrap_or(0);
    let found = last.as_bytes()[0] - b'0';
    if expected != found {
        return Err(problem(FieldProblem::BadCheckDigit { expected, found }));
    }
    Ok(format!("{gtin:0>14}"))
}
