//! What can go wrong when making a document. Every variant names the input field at fault, so
//! the caller can point the user at it.

use crate::barcode::BarcodeError;

#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// A field that the document cannot do without is empty (or only whitespace).
    #[error("{field} must not be empty")]
    Missing { field: String },

    /// A field that is printed as a barcode holds something the symbology cannot encode.
    #[error("{field} cannot be printed as a barcode: {source}")]
    Barcode {
        field: String,
        #[source]
        source: BarcodeError,
    },

    /// A field holds a value the document cannot show sensibly.
    #[error("{field} is not valid: {reason}")]
    Invalid { field: String, reason: String },

    /// An embedded font could not be parsed (a broken build, never bad input).
    #[error("the embedded font {name} cannot be read")]
    Font { name: &'static str },
}

impl DocumentError {
    pub(crate) fn missing(field: impl Into<String>) -> Self {
        Self::Missing { field: field.into() }
    }

    pub(crate) fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self::Invalid { field: field.into(), reason: reason.into() }
    }

    /// The input field at fault, for tests that check which one is named.
    #[cfg(test)]
    pub(crate) fn field(&self) -> &str {
        match self {
            Self::Missing { field } | Self::Invalid { field, .. } | Self::Barcode { field, .. } => field,
            Self::Font { name } => name,
        }
    }
}
