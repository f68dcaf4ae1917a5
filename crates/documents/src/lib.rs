//! lotline-documents
