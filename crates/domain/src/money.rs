//! Money is integer minor units with its currency; this turns it into text people read.

/// Currencies whose minor unit is the unit itself (ISO 4217 exponent 0).
const NO_DECIMALS: &[&str] = &["JPY", "KRW", "VND"];

/// "1,234.50 EUR": grouped thousands, the currency's decimals, the code after.
pub fn format_money(minor: i64, currency: &str) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    let (units, cents) = if NO_DECIMALS.contains(&currency) { (abs, None) } else { (abs / 100, Some(abs % 100)) };
    let digits = units.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match cents {
        Some(cents) => format!("{sign}{grouped}.{cents:02} {currency}"),
        None => format!("{sign}{grouped} {currency}"),
    }
}

#[cfg(test)]
mod tests {
    use super::format_money;

    #[test]
    fn formats_minor_units() {
        assert_eq!(format_money(123_450, "EUR"), "1,234.50 EUR");
        assert_eq!(format_money(5, "USD"), "0.05 USD");
        assert_eq!(format_money(-100_000_000, "CNY"), "-1,000,000.00 CNY");
        assert_eq!(format_money(1500, "JPY"), "1,500 JPY");
    }
}
