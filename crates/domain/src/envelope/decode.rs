//! Reading a stored payload whatever version of Lotline wrote it: older shapes are upcast to
//! today's, and a kind (or version) this build does not know is reported as such, so the log
//! keeps it and the desk says it needs an update instead of failing to load.

use serde_json::Value;

use super::current_schema_version;
use crate::Event;

#[derive(Debug, Clone, PartialEq)]
pub enum Decoded {
    Known(Box<Event>),
    /// Written by a newer Lotline: kept, not projected.
    Unknown {
        kind: String,
        schema_version: i64,
    },
}

/// Decodes `payload` (JSON text) written as `kind` at `schema_version`.
pub fn decode_payload(kind: &str, schema_version: i64, payload: &str) -> Result<Decoded, String> {
    let unknown = || Decoded::Unknown { kind: kind.to_owned(), schema_version };
    if schema_version > current_schema_version(kind) {
        return Ok(unknown());
    }
    let value: Value = serde_json::from_str(payload).map_err(|err| err.to_string())?;
    let value = upcast(kind, schema_version, value)?;
    match serde_json::from_value::<Event>(value) {
        Ok(event) => Ok(Decoded::Known(Box::new(event))),
        // serde's own wording for a tag it has no variant for: a kind from a newer version.
        Err(err) if err.to_string().starts_with("unknown variant") => Ok(unknown()),
        Err(err) => Err(err.to_string()),
    }
}

/// Brings a payload of an older shape up to the current one, one version at a time; a kind
/// that changes shape adds its step here, with a test that reads a payload as the older version
/// wrote it.
fn upcast(kind: &str, from: i64, value: Value) -> Result<Value, String> {
    if from < 1 {
        return Err(format!("schema version {from} of “{kind}” does not exist"));
    }
    // user_created 1 → 2: the shape is the same but for the password hash, which version 2
    // keeps in its own event; a version 1 payload keeps its hash for the desk that wrote it.
    // safety_stock_set 1 → 2: version 1 has no maximum, which reads as none.
    // rma_inspected 1 → 2: version 1 had no `b_stock`, and reads with it unset (its refurbished
    // and open-box units went back to stock, and stay there).
    // order_recorded, orders_imported and rma_opened 1 → 2: version 1 has no `channel`, which
    // reads as none, shown as "unspecified"; never guessed.
    let mut value = value;
    if kind == "rma_inspected"
        && from < 2
        && let Some(object) = value.as_object_mut()
    {
        object.remove("b_stock");
    }
    Ok(value)
}

/// The payload of a credential-bearing event without its credential, for pushing to a team.
pub fn redact_credential(payload: &str) -> Result<String, String> {
    let mut value: Value = serde_json::from_str(payload).map_err(|err| err.to_string())?;
    if let Some(object) = value.as_object_mut() {
        object.remove("password_hash");
    }
    serde_json::to_string(&value).map_err(|err| err.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_1_order_and_rma_have_no_channel() {
        let v1 = r#"{"kind":"order_recorded","order_no":"SO-1","customer_code":"C1","ordered_at":"2026-01-02T03:04:05Z","currency":"EUR","lines":[]}"#;
        let Ok(Decoded::Known(event)) = decode_payload("order_recorded", 1, v1) else { panic!("decodes") };
        assert!(matches!(*event, Event::OrderRecorded(ref o) if o.channel.is_none()));
        let v2 = v1.replace(r#""lines":[]"#, r#""lines":[],"channel":"b2b""#);
        let Ok(Decoded::Known(event)) = decode_payload("order_recorded", 2, &v2) else { panic!("decodes") };
        assert!(
            matches!(*event, Event::OrderRecorded(ref o) if o.channel == Some(crate::sales_channel::SalesChannel::B2b))
        );
        assert_eq!(super::super::current_schema_version("orders_imported"), 2);
        assert_eq!(super::super::current_schema_version("rma_opened"), 2);
    }

    #[test]
    fn a_known_payload_decodes() {
        let payload = r#"{"kind":"user_language_set","user_id":"u1","language":"nl"}"#;
        let decoded = decode_payload("user_language_set", 1, payload).unwrap();
        assert!(matches!(decoded, Decoded::Known(e) if matches!(*e, Event::UserLanguageSet { .. })));
    }

    #[test]
    fn a_kind_from_a_newer_version_is_unknown_not_an_error() {
        let payload = r#"{"kind":"drone_dispatched","drone":"D-1"}"#;
        assert_eq!(
            decode_payload("drone_dispatched", 1, payload),
            Ok(Decoded::Unknown { kind: "drone_dispatched".into(), schema_version: 1 })
        );
        let newer = r#"{"kind":"user_language_set","user_id":"u1","language":"nl","extra":1}"#;
        assert!(matches!(decode_payload("user_language_set", 99, newer), Ok(Decoded::Unknown { .. })));
    }

    #[test]
    fn a_version_1_user_keeps_its_hash_here_and_travels_without_it() {
        let v1 = r#"{"kind":"user_created","user_id":"u1","username":"ada","display_name":"Ada","roles":["admin"],"language":"en","password_hash":"$argon2id$x"}"#;
        let Ok(Decoded::Known(event)) = decode_payload("user_created", 1, v1) else { panic!("decodes") };
        assert!(matches!(*event, Event::UserCreated { password_hash: Some(ref h), .. } if h == "$argon2id$x"));
        let redacted = redact_credential(v1).unwrap();
        assert!(!redacted.contains("argon2"), "{redacted}");
        let Ok(Decoded::Known(event)) = decode_payload("user_created", 1, &redacted) else { panic!("decodes") };
        assert!(matches!(*event, Event::UserCreated { password_hash: None, ref username, .. } if username == "ada"));
        assert!(super::super::carries_credential("user_created", 1));
        assert!(!super::super::carries_credential("user_created", 2));
    }

    #[test]
    fn a_version_1_safety_stock_has_no_maximum_and_a_version_2_one_is_unknown_to_older_desks() {
        let v1 = r#"{"kind":"safety_stock_set","sku":"SKU-1","min_qty":20}"#;
        let Ok(Decoded::Known(event)) = decode_payload("safety_stock_set", 1, v1) else { panic!("decodes") };
        assert!(matches!(*event, Event::SafetyStockSet { min_qty: Some(20), max_qty: None, .. }));
        let v2 = r#"{"kind":"safety_stock_set","sku":"SKU-1","min_qty":20,"max_qty":50}"#;
        let Ok(Decoded::Known(event)) = decode_payload("safety_stock_set", 2, v2) else { panic!("decodes") };
        assert!(matches!(*event, Event::SafetyStockSet { max_qty: Some(50), .. }));
        assert_eq!(super::super::current_schema_version("safety_stock_set"), 2);
    }

    #[test]
    fn a_broken_payload_of_a_known_kind_is_an_error() {
        assert!(decode_payload("user_language_set", 1, r#"{"kind":"user_language_set"}"#).is_err());
        assert!(decode_payload("user_language_set", 1, "not json").is_err());
        assert!(decode_payload("user_language_set", 0, "{}").is_err());
    }
}
