//! lotline-store
