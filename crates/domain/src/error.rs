//! The one closed error type that crosses every boundary (IPC, CLI, server).
//! The UI decides on `code` and shows `message_key` translated; it never parses text.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    Invalid,
    NotFound,
    Conflict,
    Forbidden,
    Unauthenticated,
    NotEligible,
    Internal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FieldError {
    /// Form field or CSV column at fault.
    pub field: String,
    /// 1-based line in an imported file (the header is line 1).
    pub row: Option<u64>,
    pub message_key: String,
    pub params: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, thiserror::Error)]
#[error("{code:?}: {message_key} {params:?} {fields:?}")]
#[ts(export)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message_key: String,
    pub params: BTreeMap<String, String>,
    pub fields: Vec<FieldError>,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message_key: impl Into<String>) -> Self {
        Self { field: field.into(), row: None, message_key: message_key.into(), params: BTreeMap::new() }
    }

    pub fn at_row(mut self, row: u64) -> Self {
        self.row = Some(row);
        self
    }

    pub fn with(mut self, key: &str, value: impl ToString) -> Self {
        self.params.insert(key.to_owned(), value.to_string());
        self
    }
}

impl ApiError {
    pub fn new(code: ErrorCode, message_key: impl Into<String>) -> Self {
        Self { code, message_key: message_key.into(), params: BTreeMap::new(), fields: Vec::new() }
    }

    pub fn with(mut self, key: &str, value: impl ToString) -> Self {
        self.params.insert(key.to_owned(), value.to_string());
        self
    }

    /// One invalid field: the field's own message is also the error's message.
    pub fn field(field: FieldError) -> Self {
        Self {
            code: ErrorCode::Invalid,
            message_key: field.message_key.clone(),
            params: field.params.clone(),
            fields: vec![field],
        }
    }

    pub fn invalid_fields(fields: Vec<FieldError>) -> Self {
        let mut err = Self::new(ErrorCode::Invalid, "error.invalid").with("count", fields.len());
        err.fields = fields;
        err
    }

    pub fn not_found(what: &str, key: impl ToString) -> Self {
        Self::new(ErrorCode::NotFound, format!("error.not_found.{what}")).with("key", key)
    }

    pub fn conflict(message_key: impl Into<String>) -> Self {
        Self::new(ErrorCode::Conflict, message_key)
    }

    pub fn forbidden(message_key: impl Into<String>) -> Self {
        Self::new(ErrorCode::Forbidden, message_key)
    }

    pub fn unauthenticated() -> Self {
        Self::new(ErrorCode::Unauthenticated, "error.unauthenticated")
    }

    pub fn internal(detail: impl ToString) -> Self {
        Self::new(ErrorCode::Internal, "error.internal").with("detail", detail)
    }
}

/// Collects field errors so a form or CSV row reports every problem at once, not the first.
#[derive(Debug, Default)]
pub struct Violations(pub Vec<FieldError>);

impl Violations {
    pub fn push(&mut self, error: FieldError) {
        self.0.push(error);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_result(self) -> Result<(), ApiError> {
        let mut fields = self.0;
        match fields.len() {
            0 => Ok(()),
            1 => Err(ApiError::field(fields.remove(0))),
            _ => Err(ApiError::invalid_fields(fields)),
        }
    }

    pub fn required(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.push(FieldError::new(field, "error.field.required"));
        }
    }

    /// At most `max` characters; see `crate::limits` for the limits themselves.
    pub fn max_len(&mut self, field: &str, value: &str, max: usize) {
        crate::limits::check_len(self, field, value, max);
    }

    /// An optional text: absent is fine, present is held to `max`.
    pub fn max_len_opt(&mut self, field: &str, value: Option<&str>, max: usize) {
        if let Some(value) = value {
            self.max_len(field, value, max);
        }
    }
}
