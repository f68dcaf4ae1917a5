//! Money is integer minor units with its currency. Each currency's exponent (how many minor
//! units make one unit, as a power of ten) is decided here and nowhere else: the PDFs and error
//! messages format with it, and the UI receives the table (`setup_status.currencies`) to format
//! and parse typed amounts, so a yen can never be read as a hundredth of one in one place only.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A currency Lotline accepts and the number of decimals its amounts have (ISO 4217 exponent):
/// 2 for EUR (1234 minor units are 12.34 EUR), 0 for JPY (1234 are 1,234 JPY), 3 for KWD.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Currency {
    pub code: String,
    pub exponent: u8,
}

/// ISO 4217 codes our users trade in, with their exponents; a typo such as "EUO" must not
/// become a currency. The exponents are ISO's, which is what banks and marketplaces settle in,
/// even where cash has no coins that small (IDR, TWD).
const TABLE: &[(&str, u8)] = &[
    ("EUR", 2),
    ("USD", 2),
    ("CNY", 2),
    ("GBP", 2),
    ("HKD", 2),
    ("JPY", 0),
    ("CHF", 2),
    ("SEK", 2),
    ("NOK", 2),
    ("DKK", 2),
    ("PLN", 2),
    ("CZK", 2),
    ("CAD", 2),
    ("AUD", 2),
    ("SGD", 2),
    ("TWD", 2),
    ("KRW", 0),
    ("INR", 2),
    ("VND", 0),
    ("THB", 2),
    ("MYR", 2),
    ("IDR", 2),
    ("TRY", 2),
    ("AED", 2),
    ("MXN", 2),
    ("BRL", 2),
    ("BHD", 3),
    ("KWD", 3),
    ("OMR", 3),
];

/// The exponent of an accepted currency; `None` for a code Lotline does not accept.
pub fn exponent(code: &str) -> Option<u8> {
    TABLE.iter().find(|(c, _)| *c == code).map(|(_, e)| *e)
}

pub fn is_currency(code: &str) -> bool {
    exponent(code).is_some()
}

/// Every accepted currency with its exponent, in the table's order (the common ones first).
pub fn currencies() -> Vec<Currency> {
    TABLE.iter().map(|(code, exponent)| Currency { code: (*code).to_owned(), exponent: *exponent }).collect()
}

/// "1,234.50 EUR", "1,500 JPY", "1.250 KWD": grouped thousands, the currency's decimals, the
/// code after.
pub fn format_money(minor: i64, currency: &str) -> String {
    // Every stored amount's currency was checked against the table; a code from before that
    // check prints with two decimals, the exponent of nearly every currency.
    let decimals = u32::from(exponent(currency).unwrap_or(2));
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    let scale = 10u64.pow(decimals);
    let digits = (abs / scale).to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match decimals {
        0 => format!("{sign}{grouped} {currency}"),
        width => format!("{sign}{grouped}.{:0width$} {currency}", abs % scale, width = width as usize),
    }
}

#[cfg(test)]
mod tests {
    use super::{currencies, exponent, format_money};

    #[test]
    fn formats_minor_units_with_each_currency_s_decimals() {
        assert_eq!(format_money(123_450, "EUR"), "1,234.50 EUR");
        assert_eq!(format_money(5, "USD"), "0.05 USD");
        assert_eq!(format_money(-100_000_000, "CNY"), "-1,000,000.00 CNY");
        assert_eq!(format_money(1500, "JPY"), "1,500 JPY");
        assert_eq!(format_money(1_234, "KRW"), "1,234 KRW");
        assert_eq!(format_money(1_250, "KWD"), "1.250 KWD");
        assert_eq!(format_money(-7, "BHD"), "-0.007 BHD");
        assert_eq!(format_money(i64::MIN, "EUR"), "-92,233,720,368,547,758.08 EUR");
    }

    #[test]
    fn every_currency_appears_once_with_its_iso_exponent() {
        let all = currencies();
        let mut codes: Vec<&str> = all.iter().map(|c| c.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all.len());
        assert_eq!(
            ["EUR", "JPY", "KRW", "VND", "KWD", "BHD"].map(exponent),
            [Some(2), Some(0), Some(0), Some(0), Some(3), Some(3)]
        );
        assert_eq!(exponent("EUO"), None);
    }
}
