//! The committed OpenAPI document (crates/server/openapi.json) is the one the code generates, so
//! desks in other languages can be built from it. `UPDATE_OPENAPI=1 cargo test -p lotline-server
//! --test openapi` rewrites it after a change.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

#[test]
fn the_committed_openapi_document_is_current() {
    let generated = lotline_server::openapi_document().to_pretty_json().expect("the document serialises") + "\n";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("openapi.json");
    if std::env::var("UPDATE_OPENAPI").as_deref() == Ok("1") {
        std::fs::write(&path, &generated).expect("writing openapi.json");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "crates/server/openapi.json is stale; regenerate it with UPDATE_OPENAPI=1 cargo test -p lotline-server --test openapi"
    );
}
