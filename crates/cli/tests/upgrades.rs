//! Upgrades: a data folder made by each released version opens with this one, is upgraded in
//! place (after a backup of it as it was), keeps every record and passes `check`; a database
//! from a newer Lotline is refused in words that name both versions, and nothing in it changes.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use sha2::{Digest, Sha256};

struct Fixture {
    file: &'static str,
    admin_password: &'static str,
    schema: i64,
    events: i64,
}

const FIXTURES: &[Fixture] = &[
    Fixture { file: "lotline-0.1.0-demo.tar.gz", admin_password: "bars-Secret-123", schema: 15, events: 279 },
    Fixture {
        file: "lotline-0.1.0-schema32-demo.tar.gz",
        admin_password: "fixture-Secret-123",
        schema: 32,
        events: 295,
    },
];

/// Unpacks a fixture; returns its data folder and the folder for its audit key.
fn unpack(fixture: &Fixture, into: &Path) -> (PathBuf, PathBuf) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(fixture.file);
    let file = std::fs::File::open(path).unwrap();
    tar::Archive::new(flate2::read::GzDecoder::new(file)).unpack(into).unwrap();
    let keys = into.join("keys");
    std::fs::create_dir_all(&keys).unwrap();
    (into.join("data"), keys)
}

fn lotline(data: &Path, keys: &Path, password: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lotline"))
        .arg("--data")
        .arg(data)
        .args(args)
        .env("LOTLINE_PASSWORD", password)
        .env("LOTLINE_AUDIT_KEY_DIR", keys)
        .env_remove("LOTLINE_USER")
        .output()
        .unwrap()
}

fn count(data: &Path, sql: &str) -> i64 {
    rusqlite::Connection::open(data.join("lotline.db")).unwrap().query_row(sql, [], |r| r.get(0)).unwrap()
}

fn known_schema() -> i64 {
    let migrations = Path::new(env!("CARGO_MANIFEST_DIR")).join("../store/migrations");
    std::fs::read_dir(migrations)
        .unwrap()
        .filter_map(|e| e.unwrap().file_name().to_string_lossy().split('_').next()?.parse().ok())
        .max()
        .unwrap()
}

#[test]
fn every_released_data_folder_upgrades_keeps_its_records_and_passes_check() {
    let known = known_schema();
    for fixture in FIXTURES {
        let dir = tempfile::tempdir().unwrap();
        let (data, keys) = unpack(fixture, dir.path());
        assert_eq!(count(&data, "SELECT MAX(version) FROM _sqlx_migrations"), fixture.schema, "{}", fixture.file);
        let out = lotline(&data, &keys, fixture.admin_password, &["--user", "admin", "--json", "check"]);
        assert!(out.status.success(), "{}: {}", fixture.file, String::from_utf8_lossy(&out.stderr));
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(report["integrity"], "ok", "{}", fixture.file);
        assert_eq!(report["mismatched"], serde_json::json!([]), "{}", fixture.file);
        assert_eq!(report["chain"]["first_problem"], Value::Null, "{}", fixture.file);
        assert_eq!(report["keyed"]["first_problem"], Value::Null, "{}", fixture.file);
        assert_eq!(report["keyed"]["state"], "verified", "{}: the key came along", fixture.file);
        assert!(report["events"].as_i64().unwrap() >= fixture.events, "{}", fixture.file);
        assert_eq!(count(&data, "SELECT MAX(version) FROM _sqlx_migrations"), known);
        for (table, rows) in [
            ("failures", 37),
            ("rmas", 11),
            ("reshipments", 7),
            ("lots", 45),
            ("lot_links", 3),
            ("lot_shipments", 5),
            ("lot_serials", 24),
        ] {
            assert_eq!(count(&data, &format!("SELECT COUNT(*) FROM {table}")), rows, "{} {table}", fixture.file);
        }
        // The reviews read the upgraded data.
        let out = lotline(
            &data,
            &keys,
            fixture.admin_password,
            &["--user", "admin", "--json", "report", "review", "--from", "2026-01-01", "--to", "2026-12-31"],
        );
        assert!(out.status.success(), "{}: {}", fixture.file, String::from_utf8_lossy(&out.stderr));
        let review: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(!review.as_object().unwrap().is_empty());

        // An upgrade kept a backup of the folder as the older version left it.
        let backups: Vec<PathBuf> = std::fs::read_dir(data.join("backups"))
            .map(|entries| entries.map(|e| e.unwrap().path()).collect())
            .unwrap_or_default();
        if fixture.schema < known {
            assert_eq!(backups.len(), 1, "{}: {backups:?}", fixture.file);
            assert!(backups[0].to_string_lossy().ends_with("-upgrade.backup.tar"), "{backups:?}");
            let restored = dir.path().join("as-it-was");
            let out = lotline(&restored, &keys, "", &["--json", "restore", backups[0].to_str().unwrap()]);
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            let report: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(report["manifest"]["schema_version"], fixture.schema);
        } else {
            assert!(backups.is_empty(), "{}: nothing to upgrade, nothing backed up: {backups:?}", fixture.file);
        }
    }
}

fn contents(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, format!("{:x}", Sha256::digest(std::fs::read(&p).unwrap())))
        })
        .collect()
}

#[test]
fn a_database_from_a_newer_lotline_is_refused_naming_both_versions_and_left_as_it_was() {
    let fixture = &FIXTURES[1];
    let dir = tempfile::tempdir().unwrap();
    let (data, keys) = unpack(fixture, dir.path());
    {
        let db = rusqlite::Connection::open(data.join("lotline.db")).unwrap();
        db.execute_batch(
            "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
             VALUES (99999, 'from the future', 1, x'00', 0); \
             UPDATE desk_upkeep SET opened_by_version = '9.0.0';",
        )
        .unwrap();
    }
    // The folder's lock file is the one thing a refused start may leave: made here up front so
    // the comparison covers every other file.
    std::fs::write(data.join("lotline.lock"), "").unwrap();
    let as_it_was = contents(&data);
    for args in [&["--user", "admin", "check"][..], &["--user", "admin", "rebuild"], &["--user", "admin", "demo"]] {
        let out = lotline(&data, &keys, fixture.admin_password, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let text = String::from_utf8_lossy(&out.stderr);
        let this = format!("this is Lotline {}", env!("CARGO_PKG_VERSION"));
        assert!(text.contains("written by Lotline 9.0.0 (schema 99999)") && text.contains(&this), "{text}");
        assert_eq!(contents(&data), as_it_was, "{args:?} changed the folder");
        assert!(!data.join("backups").exists(), "no backup is made of what is not upgraded");
    }
    let out = lotline(&data, &keys, fixture.admin_password, &["--json", "--user", "admin", "check"]);
    let err: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["message_key"], "error.store.newer_schema");
    assert_eq!(
        (err["params"]["found_version"].as_str(), err["params"]["known"].as_str()),
        (Some("9.0.0"), Some(known_schema().to_string().as_str()))
    );
}
