//! `lotline backup` and `lotline restore` on real folders with real processes: a backup taken
//! while another process keeps writing restores to a state `check` accepts; every refusal leaves
//! the target folder exactly as it was; one Lotline per data folder.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use common::{lotline, ok};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

const PNG: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

fn set_up(data: &Path) {
    ok(data, &["init", "--company", "Backup Test BV", "--site", "BKP", "--currency", "EUR", "--admin", "admin"]);
    ok(data, &["--user", "admin", "demo"]);
}

fn failure_input(photo: Option<&str>) -> String {
    json!({
        "occurred_at": null, "sku": "CBL-USBC-2M", "vendor_code": "SZHQ", "lot_code": "LSZHQ-2100", "serials": [],
        "stage": "incoming", "qty_inspected": 80, "qty_failed": 3, "category_code": "COS",
        "description": "Scratches on the lid", "severity": "major", "inspection": null,
        "attachment_ids": photo.into_iter().collect::<Vec<_>>(), "disposition": null, "owner_team": "warehouse_qc",
        "reinspection_of": null
    })
    .to_string()
}

fn log_failure(data: &Path) -> Output {
    lotline(data, &["--user", "admin", "call", "log_failure", &failure_input(None)])
}

type Output = std::process::Output;

fn failures(data: &Path) -> i64 {
    let out: Value =
        serde_json::from_str(&ok(data, &["--user", "admin", "call", "list_failures", r#"{"offset":0,"limit":1}"#]))
            .unwrap();
    out["total"].as_i64().unwrap()
}

fn check_ok(data: &Path) -> Value {
    let out = lotline(data, &["--user", "admin", "--json", "check"]);
    assert!(
        out.status.success(),
        "check: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Every file under `dir` (recursively) with its content hash: "exactly as it was".
fn contents(dir: &Path) -> BTreeMap<PathBuf, String> {
    let mut found = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(at) = stack.pop() {
        for entry in std::fs::read_dir(&at).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                found.insert(path.strip_prefix(dir).unwrap().to_path_buf(), "folder".into());
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                found.insert(path.strip_prefix(dir).unwrap().to_path_buf(), format!("{:x}", Sha256::digest(bytes)));
            }
        }
    }
    found
}

fn error_of(out: &Output) -> Value {
    assert_eq!(out.status.code(), Some(1), "refused: {}", String::from_utf8_lossy(&out.stdout));
    serde_json::from_slice(&out.stderr).unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stderr)))
}

fn backup(data: &Path, file: &Path) -> Value {
    serde_json::from_str(&ok(data, &["--json", "backup", "--out", file.to_str().unwrap()])).unwrap()
}

#[test]
fn a_backup_taken_while_another_process_writes_restores_to_a_state_check_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("desk");
    set_up(&data);
    let photo: Value = serde_json::from_str(&ok(
        &data,
        &[
            "--user",
            "admin",
            "call",
            "upload_attachment",
            &json!({"file_name": "lid.png", "data_base64": PNG}).to_string(),
        ],
    ))
    .unwrap();
    let photo = photo["id"].as_str().unwrap().to_owned();
    ok(&data, &["--user", "admin", "call", "log_failure", &failure_input(Some(&photo))]);
    let before = failures(&data);

    // The writer: one process after another logs a failure, each holding the folder's lock
    // while it writes, until the backups are done.
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (stop, data) = (stop.clone(), data.clone());
        std::thread::spawn(move || {
            let mut written = 0;
            while !stop.load(Ordering::SeqCst) || written < 3 {
                let out = log_failure(&data);
                assert!(out.status.success(), "the writer: {}", String::from_utf8_lossy(&out.stderr));
                written += 1;
            }
            written
        })
    };
    let files: Vec<PathBuf> = (0..3).map(|n| dir.path().join(format!("desk-{n}.backup.tar"))).collect();
    let manifests: Vec<Value> = files.iter().map(|file| backup(&data, file)).collect();
    stop.store(true, Ordering::SeqCst);
    let written = writer.join().unwrap();
    let after = failures(&data);
    assert_eq!(after, before + written);

    let desk = std::fs::read_to_string(data.join("device-id")).unwrap();
    let mut restored_counts = Vec::new();
    for (n, (file, manifest)) in files.iter().zip(&manifests).enumerate() {
        assert_eq!(manifest["kind"], "lotline-desk-backup");
        assert_eq!(manifest["app_version"], env!("CARGO_PKG_VERSION"));
        assert_eq!(manifest["desk_id"], desk.trim());
        let paths: Vec<&str> =
            manifest["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
        assert!(paths.contains(&"lotline.db") && paths.contains(&"device-id"), "{paths:?}");
        assert!(paths.contains(&format!("attachments/{photo}").as_str()), "{paths:?}");
        let target = dir.path().join(format!("restored-{n}"));
        let report: Value = serde_json::from_str(&ok(&target, &["--json", "restore", file.to_str().unwrap()])).unwrap();
        assert_eq!(report["moved_aside"], Value::Null);
        assert_eq!(report["pull_first"], false);
        let check = check_ok(&target);
        assert_eq!(check["integrity"], "ok");
        // Restored on the computer that made it: the audit log's key is found, nothing is held.
        assert_eq!(check["keyed"]["state"], "verified", "{check}");
        assert_eq!(std::fs::read_to_string(target.join("device-id")).unwrap(), desk);
        assert!(target.join("attachments").join(&photo).is_file());
        restored_counts.push(failures(&target));
    }
    // Each copy is one moment of the log: taken in order, each holds at least what the one before did.
    assert!(restored_counts.windows(2).all(|w| w[0] <= w[1]), "{restored_counts:?}");
    assert!(restored_counts.iter().all(|n| (before..=after).contains(n)), "{restored_counts:?} in {before}..={after}");
}

/// A backup whose manifest says it was made by a later Lotline.
fn newer_backup(from: &Path, to: &Path) {
    let mut archive = tar::Archive::new(std::fs::File::open(from).unwrap());
    let mut out = tar::Builder::new(std::fs::File::create(to).unwrap());
    for entry in archive.entries().unwrap() {
        let mut entry = entry.unwrap();
        let path = entry.path().unwrap().into_owned();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut bytes).unwrap();
        if path == Path::new("lotline-backup.json") {
            let mut manifest: Value = serde_json::from_slice(&bytes).unwrap();
            manifest["app_version"] = json!("9.0.0");
            manifest["schema_version"] = json!(9999);
            bytes = serde_json::to_vec(&manifest).unwrap();
        }
        let mut header = tar::Header::new_gnu();
        header.set_size(bytes.len() as u64);
        header.set_mode(0o600);
        header.set_cksum();
        out.append_data(&mut header, &path, bytes.as_slice()).unwrap();
    }
    out.finish().unwrap();
}

#[test]
fn restore_refuses_what_it_cannot_trust_and_leaves_the_folder_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("desk");
    set_up(&data);
    let file = dir.path().join("desk.backup.tar");
    backup(&data, &file);

    let not_a_backup = dir.path().join("notes.tar");
    std::fs::write(&not_a_backup, "these are not the files you are looking for").unwrap();
    let truncated = dir.path().join("truncated.tar");
    let bytes = std::fs::read(&file).unwrap();
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let newer = dir.path().join("newer.tar");
    newer_backup(&file, &newer);

    // Into an empty folder and into one that holds data (even with --replace): nothing changes.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let siblings = || -> Vec<String> {
        let mut names: Vec<String> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
        names.sort();
        names
    };
    let listed = siblings();
    for target in [&empty, &data] {
        let as_it_was = contents(target);
        for (bad, key) in [
            (&not_a_backup, "error.backup.not_a_backup"),
            (&truncated, "error.backup.damaged"),
            (&newer, "error.backup.newer"),
        ] {
            let err = error_of(&lotline(target, &["--json", "restore", bad.to_str().unwrap(), "--replace"]));
            assert_eq!(err["message_key"], key, "{bad:?}: {err}");
            if key == "error.backup.newer" {
                assert_eq!(
                    (err["params"]["found_version"].as_str(), err["params"]["found"].as_str()),
                    (Some("9.0.0"), Some("9999"))
                );
                assert_eq!(err["params"]["version"], env!("CARGO_PKG_VERSION"));
            }
            assert_eq!(contents(target), as_it_was, "{bad:?} changed {target:?}");
            assert_eq!(siblings(), listed, "nothing is left beside the folder");
        }
    }
    // In words for people, naming both versions.
    let out = lotline(&empty, &["restore", newer.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("Lotline 9.0.0") && text.contains(&format!("Lotline {}", env!("CARGO_PKG_VERSION"))),
        "{text}"
    );

    // A folder that holds data, without --replace.
    let as_it_was = contents(&data);
    let err = error_of(&lotline(&data, &["--json", "restore", file.to_str().unwrap()]));
    assert_eq!(err["message_key"], "error.backup.folder_not_empty");
    assert_eq!(contents(&data), as_it_was);

    // Restore needs to be told where.
    let out = Command::new(env!("CARGO_BIN_EXE_lotline"))
        .args(["--json", "restore", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(error_of(&out)["message_key"], "error.backup.data_required");

    // --replace moves the old folder aside, whole, and never deletes it.
    ok(&data, &["--user", "admin", "call", "log_failure", &failure_input(None)]);
    let newer_count = failures(&data);
    let as_it_was = contents(&data);
    let report: Value =
        serde_json::from_str(&ok(&data, &["--json", "restore", file.to_str().unwrap(), "--replace"])).unwrap();
    let aside = PathBuf::from(report["moved_aside"].as_str().expect("moved aside"));
    assert!(aside.file_name().unwrap().to_string_lossy().starts_with("desk.before-restore-"), "{aside:?}");
    assert_eq!(contents(&aside), as_it_was);
    assert_eq!(failures(&aside), newer_count);
    assert_eq!(failures(&data), newer_count - 1);
    check_ok(&data);
}

#[test]
fn one_lotline_per_data_folder_and_restore_refuses_a_folder_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("desk");
    set_up(&data);
    let file = dir.path().join("desk.backup.tar");
    backup(&data, &file);

    // Held as the app holds it, by another process's lock on the folder. (A command as the holder
    // would still be opening the database while the folder's files are compared below.)
    let holder = lotline_store::FolderLock::acquire(&data).unwrap();
    let out = lotline(&data, &["--user", "admin", "check"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("is in use by another Lotline"), "{text}");
    // A backup still reads beside the holder; a restore into its folder is refused as it is.
    backup(&data, &dir.path().join("while-held.backup.tar"));
    let as_it_was = contents(&data);
    let err = error_of(&lotline(&data, &["--json", "restore", file.to_str().unwrap(), "--replace"]));
    assert_eq!(err["message_key"], "error.data.locked");
    assert_eq!(contents(&data), as_it_was);

    drop(holder);
    // Free again once the holder let go.
    check_ok(&data);
}
