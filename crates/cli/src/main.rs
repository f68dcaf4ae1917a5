//! lotline-cli
fn main() {}
