//! Master data records (products, vendors, customers, orders) and their validation.
//! The same checks serve a form and a CSV row, so an import reports what a form would.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{FieldError, Violations};
use crate::limits;
use crate::people::Language;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProductInput {
    pub sku: String,
    pub gtin: Option<String>,
    pub name: String,
    pub category: String,
    pub unit_cost_minor: i64,
    pub currency: String,
    pub returnable: bool,
    pub lot_tracked: bool,
    pub serial_tracked: bool,
    pub has_expiry: bool,
    pub vendor_code: Option<String>,
    /// How a failed inspection of this product reacts; none follows its category (or the
    /// global rule).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub failure_reaction: Option<crate::failure::FailureReaction>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VendorInput {
    pub code: String,
    pub name: String,
    pub country: String,
    pub contact_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub language: Language,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CustomerInput {
    pub code: String,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub country: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrderLineInput {
    pub line_no: i64,
    pub sku: String,
    pub qty: i64,
    pub unit_price_minor: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrderInput {
    pub order_no: String,
    pub customer_code: String,
    /// RFC 3339 UTC.
    pub ordered_at: String,
    pub currency: String,
    pub lines: Vec<OrderLineInput>,
    /// Where it was sold; orders recorded before channels were kept have none ("unspecified").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub channel: Option<crate::sales_channel::SalesChannel>,
}

pub fn normalise_code(value: &str) -> String {
    value.trim().to_uppercase()
}

// The owned variants below reuse the string when it is already clean: imports normalise
// hundreds of thousands of cells, and a copy per cell was a large share of their time.

fn trimmed(value: String) -> String {
    if value.trim().len() == value.len() { value } else { value.trim().to_owned() }
}

fn code(mut value: String) -> String {
    if value.is_ascii() && value.trim().len() == value.len() {
        value.make_ascii_uppercase();
        value
    } else {
        normalise_code(&value)
    }
}

fn is_code(value: &str, max: usize) -> bool {
    !value.is_empty()
        && value.len() <= max
        && value.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
}

pub fn check_code(v: &mut Violations, field: &str, value: &str, max: usize) {
    if value.trim().is_empty() {
        v.push(FieldError::new(field, "error.field.required"));
    } else if !is_code(value, max) {
        v.push(FieldError::new(field, "error.field.bad_code").with("max", max));
    }
}

pub fn check_currency(v: &mut Violations, field: &str, value: &str) {
    if !crate::money::is_currency(value) {
        v.push(FieldError::new(field, "error.field.bad_currency").with("value", value));
    }
}

pub fn check_country(v: &mut Violations, field: &str, value: &str) {
    if value.len() != 2 || !value.chars().all(|c| c.is_ascii_uppercase()) {
        v.push(FieldError::new(field, "error.field.bad_country").with("value", value));
    }
}

fn check_email(v: &mut Violations, field: &str, value: Option<&str>) {
    if let Some(email) = value {
        if let Some(error) = limits::too_long(field, email, limits::EMAIL) {
            v.push(error);
            return;
        }
        let parts: Vec<&str> = email.split('@').collect();
        let ok =
            parts.len() == 2 && !parts[0].is_empty() && parts[1].contains('.') && !email.contains(char::is_whitespace);
        if !ok {
            v.push(FieldError::new(field, "error.field.bad_email").with("value", email));
        }
    }
}

/// GS1 mod-10 check digit over the digits before the check digit.
pub fn gs1_check_digit(body: &str) -> Option<u32> {
    let digits: Option<Vec<u32>> = body.chars().map(|c| c.to_digit(10)).collect();
    let sum: u32 = digits?.iter().rev().enumerate().map(|(i, d)| if i % 2 == 0 { d * 3 } else { *d }).sum();
    Some((10 - sum % 10) % 10)
}

pub fn is_valid_gtin(gtin: &str) -> bool {
    if !matches!(gtin.len(), 8 | 12 | 13 | 14) || !gtin.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let (body, check) = gtin.split_at(gtin.len() - 1);
    gs1_check_digit(body) == check.chars().next().and_then(|c| c.to_digit(10))
}

fn blank_to_none(value: Option<String>) -> Option<String> {
    value.map(trimmed).filter(|s| !s.is_empty())
}

impl ProductInput {
    pub fn normalised(mut self) -> Self {
        self.sku = trimmed(self.sku);
        self.gtin = blank_to_none(self.gtin);
        self.name = trimmed(self.name);
        self.category = trimmed(self.category);
        self.currency = code(self.currency);
        self.vendor_code = blank_to_none(self.vendor_code).map(code);
        self
    }

    pub fn violations(&self) -> Violations {
        let mut v = Violations::default();
        check_code(&mut v, "sku", &self.sku, 40);
        if let Some(gtin) = &self.gtin
            && !is_valid_gtin(gtin)
        {
            v.push(FieldError::new("gtin", "error.product.bad_gtin").with("value", gtin));
        }
        v.required("name", &self.name);
        v.max_len("name", &self.name, limits::NAME);
        v.required("category", &self.category);
        v.max_len("category", &self.category, limits::LABEL);
        if self.unit_cost_minor < 0 {
            v.push(FieldError::new("unit_cost_minor", "error.field.negative"));
        }
        check_currency(&mut v, "currency", &self.currency);
        v
    }
}

/// What a vendor and a customer are both held to: a code, a name, a country and how to reach
/// them (a customer has no contact name), with the same limits and field names in the errors.
fn check_party(
    v: &mut Violations,
    code: &str,
    name: &str,
    country: &str,
    contact_name: Option<&str>,
    email: Option<&str>,
    phone: Option<&str>,
) {
    check_code(v, "code", code, 20);
    v.required("name", name);
    v.max_len("name", name, limits::NAME);
    check_country(v, "country", country);
    v.max_len_opt("contact_name", contact_name, limits::NAME);
    check_email(v, "email", email);
    v.max_len_opt("phone", phone, limits::PHONE);
}

impl VendorInput {
    pub fn normalised(mut self) -> Self {
        self.code = code(self.code);
        self.name = trimmed(self.name);
        self.country = code(self.country);
        self.contact_name = blank_to_none(self.contact_name);
        self.email = blank_to_none(self.email);
        self.phone = blank_to_none(self.phone);
        self
    }

    pub fn violations(&self) -> Violations {
        let mut v = Violations::default();
        let (email, phone) = (self.email.as_deref(), self.phone.as_deref());
        check_party(&mut v, &self.code, &self.name, &self.country, self.contact_name.as_deref(), email, phone);
        v
    }
}

impl CustomerInput {
    pub fn normalised(mut self) -> Self {
        self.code = code(self.code);
        self.name = trimmed(self.name);
        self.country = code(self.country);
        self.email = blank_to_none(self.email);
        self.phone = blank_to_none(self.phone);
        self.address = blank_to_none(self.address);
        self
    }

    pub fn violations(&self) -> Violations {
        let mut v = Violations::default();
        let (email, phone) = (self.email.as_deref(), self.phone.as_deref());
        check_party(&mut v, &self.code, &self.name, &self.country, None, email, phone);
        v.max_len_opt("address", self.address.as_deref(), limits::ADDRESS);
        v
    }
}

impl OrderInput {
    pub fn normalised(mut self) -> Self {
        self.order_no = trimmed(self.order_no);
        self.customer_code = code(self.customer_code);
        self.currency = code(self.currency);
        for line in &mut self.lines {
            line.sku = trimmed(std::mem::take(&mut line.sku));
        }
        self
    }

    pub fn violations(&self) -> Violations {
        let mut v = Violations::default();
        check_code(&mut v, "order_no", &self.order_no, 40);
        check_code(&mut v, "customer_code", &self.customer_code, 20);
        if chrono::DateTime::parse_from_rfc3339(&self.ordered_at).is_err() {
            v.push(FieldError::new("ordered_at", "error.field.bad_datetime").with("value", &self.ordered_at));
        }
        check_currency(&mut v, "currency", &self.currency);
        if self.lines.is_empty() {
            v.push(FieldError::new("lines", "error.order.no_lines"));
        }
        let mut seen = std::collections::BTreeSet::new();
        for line in &self.lines {
            if line.line_no < 1 || !seen.insert(line.line_no) {
                v.push(FieldError::new("line_no", "error.order.bad_line_no").with("line_no", line.line_no));
            }
            check_code(&mut v, "sku", &line.sku, 40);
            if line.qty <= 0 {
                v.push(FieldError::new("qty", "error.field.must_be_positive"));
            }
            if line.unit_price_minor < 0 {
                v.push(FieldError::new("unit_price_minor", "error.field.negative"));
            }
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        // The in-place shortcuts must give exactly what the plain definitions give.
        #[test]
        fn owned_normalisation_matches_the_plain_one(value in "[ \\ta-zA-Z0-9ßéü中-]{0,12}") {
            prop_assert_eq!(trimmed(value.clone()), value.trim());
            prop_assert_eq!(code(value.clone()), normalise_code(&value));
        }
    }

    #[test]
    fn gtin_check_digits_match_published_examples() {
        // GS1 General Specifications examples.
        assert!(is_valid_gtin("4006381333931"));
        assert!(is_valid_gtin("96385074"));
        assert!(is_valid_gtin("036000291452"));
        assert!(is_valid_gtin("10614141000415"));
        assert!(!is_valid_gtin("4006381333932"));
        assert!(!is_valid_gtin("40063813339"));
        assert_eq!(gs1_check_digit("400638133393"), Some(1));
    }

    #[test]
    fn product_reports_every_bad_field() {
        let product = ProductInput {
            failure_reaction: None,
            sku: "bad sku!".into(),
            gtin: Some("123".into()),
            name: " ".into(),
            category: "Cables".into(),
            unit_cost_minor: -1,
            currency: "EUO".into(),
            returnable: true,
            lot_tracked: false,
            serial_tracked: false,
            has_expiry: false,
            vendor_code: None,
        }
        .normalised();
        let fields: Vec<String> = product.violations().0.into_iter().map(|f| f.field).collect();
        assert_eq!(fields, ["sku", "gtin", "name", "unit_cost_minor", "currency"]);
    }

    #[test]
    fn order_lines_must_be_positive_and_unique() {
        let order = OrderInput {
            order_no: "SO-1".into(),
            customer_code: "c1".into(),
            ordered_at: "2026-01-02T03:04:05Z".into(),
            currency: "eur".into(),
            lines: vec![
                OrderLineInput { line_no: 1, sku: "A".into(), qty: 0, unit_price_minor: 5 },
                OrderLineInput { line_no: 1, sku: "B".into(), qty: 1, unit_price_minor: 5 },
            ],
            channel: None,
        }
        .normalised();
        assert_eq!(order.customer_code, "C1");
        let fields: Vec<String> = order.violations().0.into_iter().map(|f| f.field).collect();
        assert_eq!(fields, ["qty", "line_no"]);
    }
}
