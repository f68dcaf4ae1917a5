//! Every message key the Rust side can send must be translated in all three UI languages,
//! otherwise a user sees a raw key instead of a reason.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "tests") {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Literal keys such as "error.failure.closed" in the crates' sources, plus the keys built
/// with format! from a fixed set of names.
fn keys_in_sources() -> BTreeSet<String> {
    let mut files = Vec::new();
    rust_files(&repo().join("crates"), &mut files);
    let mut keys = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (start, _) in text.match_indices("\"error.") {
            let rest = &text[start + 1..];
            let end = rest.find('"').unwrap();
            let key = &rest[..end];
            if key.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c == '.') && !key.ends_with('.') {
                keys.insert(key.to_owned());
            }
        }
    }
    for permission in [
        "manage_users",
        "edit_master_data",
        "import_data",
        "log_failure",
        "manage_failure",
        "approve_deviation",
        "configure_quality",
        "request_reshipment",
        "ship_reshipment",
        "manage_chargeback",
        "manage_scars",
        "configure_approvals",
        "view_data",
        "open_rma",
        "decide_rma",
        "handle_returns",
        "settle_rma",
        "configure_returns",
        "record_lots",
        "hold_lots",
        "release_holds",
        "configure_reviews",
        "maintain_log",
        "resolve_conflicts",
        "resolve_stock_conflicts",
        "manage_locations",
        "record_complaints",
    ] {
        keys.insert(format!("error.forbidden.{permission}"));
    }
    for what in [
        "user",
        "order",
        "product",
        "vendor",
        "customer",
        "failure",
        "attachment",
        "attachment_file",
        "reshipment",
        "rma",
        "lot",
        "recall",
        "scar",
        "work_order",
        "work_order_block",
        "complaint",
    ] {
        keys.insert(format!("error.not_found.{what}"));
    }
    // The sync server's refusals a desk words itself (crates/app/src/sync/mod.rs).
    for reason in [
        "enroll_code_unknown",
        "enroll_code_used",
        "enroll_code_expired",
        "desk_other_site",
        "site_code_invalid",
        "token_revoked",
        "token_unknown",
    ] {
        keys.insert(format!("error.sync.{reason}"));
    }
    keys
}

fn lookup<'a>(locale: &'a Value, key: &str) -> Option<&'a Value> {
    locale.get(key).or_else(|| key.split('.').try_fold(locale, |node, part| node.get(part)))
}

#[test]
fn every_backend_message_key_is_translated() {
    let keys = keys_in_sources();
    assert!(keys.len() > 40, "found only {} keys: is the scan broken?", keys.len());
    for language in ["en", "zh-CN", "nl"] {
        let path = repo().join(format!("ui/src/locales/{language}/errors.json"));
        let locale: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let missing: Vec<&String> =
            keys.iter().filter(|k| lookup(&locale, k).and_then(Value::as_str).is_none_or(str::is_empty)).collect();
        assert!(missing.is_empty(), "{language} lacks {} keys: {missing:?}", missing.len());
    }
}
