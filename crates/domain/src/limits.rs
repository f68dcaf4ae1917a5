//! How long a typed text may be, in characters (not bytes: a Chinese name is as long as a Dutch
//! one). One table for every act, so a form, a CSV row and the UI's `maxLength` agree; codes and
//! identifiers have their own stricter rules next to their checks.

use crate::error::{FieldError, Violations};

/// Short labels: a category, a carrier service, a country name in an address.
pub const LABEL: usize = 80;
/// A phone number as people write it (spaces, dashes, an extension).
pub const PHONE: usize = 40;
/// Names of people, companies, products, vendors and customers.
pub const NAME: usize = 200;
/// What someone types into the search box.
pub const SEARCH: usize = 200;
/// An attachment's file name (the common file-system limit).
pub const FILE_NAME: usize = 255;
/// RFC 5321's limit for an address that can be delivered to.
pub const EMAIL: usize = 254;
/// A postal address, several lines.
pub const ADDRESS: usize = 400;
/// One line of work: a checklist item, a disposition's outcome.
pub const LINE: usize = 500;
/// Why something was done: reasons, comments and notes on a step.
pub const REASON: usize = 2_000;
/// Notes and descriptions: a failure's description, a recall's closing note, a vendor review.
pub const NOTE: usize = 4_000;

/// The limits by the name the UI's forms use, written to the TypeScript bindings so the inputs'
/// `maxLength` comes from here rather than from a copy.
pub const TABLE: &[(&str, usize)] = &[
    ("label", LABEL),
    ("phone", PHONE),
    ("name", NAME),
    ("search", SEARCH),
    ("file_name", FILE_NAME),
    ("email", EMAIL),
    ("address", ADDRESS),
    ("line", LINE),
    ("reason", REASON),
    ("note", NOTE),
];

/// The one check: a text longer than `max` characters names the field, the limit and its length.
pub fn check_len(v: &mut Violations, field: &str, value: &str, max: usize) {
    if let Some(error) = too_long(field, value, max) {
        v.push(error);
    }
}

pub fn too_long(field: &str, value: &str, max: usize) -> Option<FieldError> {
    // Cheap first: a text of at most `max` bytes has at most `max` characters.
    if value.len() <= max {
        return None;
    }
    let length = value.chars().count();
    (length > max).then(|| {
        FieldError::new(field, "error.field.too_long").with("field", field).with("max", max).with("length", length)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_not_bytes() {
        // 200 Chinese characters are 600 bytes, and still a name that fits.
        assert!(too_long("name", &"王".repeat(NAME), NAME).is_none());
        let error = too_long("name", &"王".repeat(NAME + 1), NAME).unwrap();
        assert_eq!(error.field, "name");
        assert_eq!(error.message_key, "error.field.too_long");
        assert_eq!(error.params["max"], "200");
        assert_eq!(error.params["length"], "201");
        assert_eq!(error.params["field"], "name");
    }

    fn too_long_fields(v: Violations) -> Vec<(String, String, String)> {
        v.0.into_iter()
            .filter(|f| f.message_key == "error.field.too_long")
            .map(|f| (f.field, f.params["max"].clone(), f.params["length"].clone()))
            .collect()
    }

    fn row(field: &str, max: usize, length: usize) -> (String, String, String) {
        (field.to_owned(), max.to_string(), length.to_string())
    }

    #[test]
    fn names_phones_emails_and_addresses_of_master_data() {
        let vendor = crate::master::VendorInput {
            code: "V1".into(),
            name: "n".repeat(NAME + 1),
            country: "NL".into(),
            contact_name: Some("c".repeat(NAME + 2)),
            email: Some(format!("{}@example.com", "e".repeat(EMAIL))),
            phone: Some("1".repeat(PHONE + 1)),
            language: crate::people::Language::Nl,
        }
        .normalised();
        assert_eq!(
            too_long_fields(vendor.violations()),
            [
                row("name", NAME, NAME + 1),
                row("contact_name", NAME, NAME + 2),
                row("email", EMAIL, EMAIL + 12),
                row("phone", PHONE, PHONE + 1)
            ]
        );
        let customer = crate::master::CustomerInput {
            code: "C1".into(),
            name: "Klant".into(),
            email: None,
            phone: None,
            address: Some("a".repeat(ADDRESS + 1)),
            country: "NL".into(),
        };
        assert_eq!(too_long_fields(customer.violations()), [row("address", ADDRESS, ADDRESS + 1)]);
    }

    #[test]
    fn labels_people_and_reasons() {
        let category = crate::settings::DefectCategory {
            code: "DIM".into(),
            name_en: "x".repeat(LABEL + 1),
            name_zh: "尺寸".into(),
            name_nl: "Maat".into(),
            active: true,
        };
        assert_eq!(too_long_fields(category.violations()), [row("name_en", LABEL, LABEL + 1)]);
        let mut v = Violations::default();
        crate::users::check_display_name(&mut v, "display_name", &"王".repeat(NAME + 1));
        assert_eq!(too_long_fields(v), [row("display_name", NAME, NAME + 1)]);
        let err = crate::lots::check_note("reason", &"r".repeat(REASON + 1)).unwrap_err();
        assert_eq!(err.fields[0].params["length"], (REASON + 1).to_string());
        assert!(crate::lots::check_note("reason", &"r".repeat(REASON)).is_ok());
    }

    /// Writes the table for the UI next to the ts-rs bindings (`cargo test` regenerates them and
    /// CI checks they are committed), so the forms' `maxLength` cannot drift from the rules.
    #[test]
    fn export_bindings_text_limits() {
        let Ok(dir) = std::env::var("TS_RS_EXPORT_DIR") else { return };
        let mut text = String::from(
            "// Generated by crates/domain/src/limits.rs (cargo test). Do not edit.\n\n\
             /** The most characters each kind of typed text may hold; the backend checks the same. */\n\
             export const TEXT_LIMITS = {\n",
        );
        for (name, max) in TABLE {
            text.push_str(&format!("  {name}: {max},\n"));
        }
        text.push_str("} as const;\n");
        let path = std::path::Path::new(&dir).join("textLimits.ts");
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            std::fs::write(path, text).unwrap();
        }
    }
}
