//! lotline-app
