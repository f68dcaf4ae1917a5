//! Errors in plain English for people at a terminal, from the UI's own English texts so the two
//! never say different things. `--json` and `call` keep printing the ApiError itself.

use std::collections::BTreeMap;
use std::fmt::Write;

use lotline_app::ApiError;
use serde_json::Value;

const ENGLISH: &str = include_str!("../../../ui/src/locales/en/errors.json");

fn lookup<'a>(tree: &'a Value, key: &str) -> Option<&'a str> {
    key.split('.').try_fold(tree, |node, part| node.get(part)).and_then(Value::as_str)
}

fn fill(template: &str, params: &BTreeMap<String, String>) -> String {
    params.iter().fold(template.to_owned(), |text, (k, v)| text.replace(&format!("{{{{{k}}}}}"), v))
}

fn message(tree: &Value, key: &str, params: &BTreeMap<String, String>) -> String {
    match lookup(tree, key) {
        Some(template) => fill(template, params),
        None if params.is_empty() => key.to_owned(),
        None => format!("{key} {params:?}"),
    }
}

/// The error as lines a person reads: the summary, then one line per field (and file row).
pub fn describe(err: &ApiError) -> String {
    let tree: Value = serde_json::from_str(ENGLISH).unwrap_or(Value::Null);
    let mut out = format!("error: {}", message(&tree, &err.message_key, &err.params));
    for field in &err.fields {
        let text = message(&tree, &field.message_key, &field.params);
        match field.row {
            Some(row) => write!(out, "\n  line {row}, {}: {text}", field.field),
            None => write!(out, "\n  {}: {text}", field.field),
        }
        .ok();
    }
    out
}

#[cfg(test)]
mod tests {
    use lotline_app::FieldError;

    use super::*;

    #[test]
    fn import_errors_name_line_column_and_reason() {
        let err = ApiError::invalid_fields(vec![
            FieldError::new("unit_cost_minor", "error.field.not_a_number").at_row(7).with("value", "12,50"),
            FieldError::new("sku", "error.field.required").at_row(9),
        ]);
        let text = describe(&err);
        assert_eq!(
            text,
            "error: 2 field(s) need attention\n  line 7, unit_cost_minor: “12,50” is not a whole number\n  line 9, sku: Required"
        );
    }
}
