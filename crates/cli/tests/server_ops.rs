//! `lotline server` as an administrator runs it: its desks and users listed, the health
//! endpoint, a backup taken while it serves and restored into a new folder that a new desk then
//! syncs from, and a stop by SIGTERM as systemd sends it.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;
// Shared with the fault tests, which use all of it.
#[allow(dead_code)]
#[path = "sync_faults/logs.rs"]
mod logs;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::Command;

use common::team::{Server, enroll_code, json};
use common::{lotline, ok};
use logs::{DeskLog, ServerLog, assert_same_places};
use serde_json::Value;

/// A plain HTTP GET on loopback: the status line's code and the body.
fn get(addr: &str, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let status = answer.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = answer.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default();
    (status, body)
}

fn home_desk(root: &Path, server_dir: &Path, url: &str) -> std::path::PathBuf {
    let a = root.join("desk-a");
    ok(&a, &["init", "--company", "Ops BV", "--site", "AMS1", "--currency", "EUR", "--admin", "admin"]);
    ok(&a, &["--user", "admin", "sync", "enroll", "--server", url, "--code", &enroll_code(server_dir)]);
    ok(&a, &["--user", "admin", "call", "save_customer", r#"{"code": "C-1", "name": "Klant 1", "country": "NL"}"#]);
    json(&a, &["sync", "--json"]);
    a
}

#[test]
fn desks_and_users_are_listed_with_their_last_contact_and_version() {
    let root = tempfile::tempdir().unwrap();
    let server_dir = root.path().join("server");
    let server = Server::start(&server_dir);
    let (status, body) = get(&server.addr, "/v1/health");
    assert_eq!(status, 200, "{body}");
    let health: Value = serde_json::from_str(&body).unwrap();
    assert_eq!((health["status"].as_str(), health["events"].as_i64()), (Some("ok"), Some(0)));

    let empty = ok(&server_dir, &["server", "desks"]);
    assert!(empty.contains("No desk has enrolled yet"), "{empty}");
    let a = home_desk(root.path(), &server_dir, &server.url);
    let desks = json(&server_dir, &["server", "desks", "--json"]);
    let desk = &desks[0];
    assert_eq!(desk["desk_code"], "AMS1A");
    assert_eq!(desk["site_code"], "AMS1");
    assert_eq!(desk["lotline_version"], env!("CARGO_PKG_VERSION"));
    assert!(desk["last_contact_at"].as_str().is_some_and(|at| at >= desk["enrolled_at"].as_str().unwrap()), "{desk}");
    assert_eq!(desk["revoked_at"], Value::Null);
    let table = ok(&server_dir, &["server", "desks"]);
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("DESK") && lines[0].contains("LAST CONTACT"), "{table}");
    assert!(lines[1].starts_with("AMS1A") && lines[1].ends_with("active"), "{table}");

    let users = json(&server_dir, &["server", "users", "--json"]);
    assert_eq!(users.as_array().unwrap().len(), 1, "{users}");
    assert_eq!(users[0]["username"], "admin");
    assert!(users[0]["roles"].as_array().unwrap().contains(&Value::from("admin")), "{users}");
    assert_eq!((users[0]["active"].as_bool(), users[0]["has_password"].as_bool()), (Some(true), Some(true)));
    assert_eq!(users[0]["desks"], serde_json::json!(["AMS1A"]));

    ok(&server_dir, &["server", "revoke", "AMS1A"]);
    assert!(ok(&server_dir, &["server", "desks"]).lines().nth(1).unwrap().contains("revoked "));
    let token = ok(&server_dir, &["server", "metrics-token"]);
    assert!(token.trim().len() == 64 && token.trim().bytes().all(|b| b.is_ascii_hexdigit()), "{token}");
    assert_eq!(get(&server.addr, "/v1/metrics").0, 401, "metrics ask for the token");

    let typo = lotline(&root.path().join("no-such-server"), &["server", "desks"]);
    assert!(!typo.status.success(), "a mistyped folder is not a new server");
    assert!(!root.path().join("no-such-server").exists());
    drop(a);
}

#[test]
fn a_backup_of_a_running_server_restores_into_a_server_that_desks_sync_with() {
    let root = tempfile::tempdir().unwrap();
    let server_dir = root.path().join("server");
    let server = Server::start(&server_dir);
    let a = home_desk(root.path(), &server_dir, &server.url);
    let file = root.path().join("backups").join("team.tar");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let report = json(&server_dir, &["server", "backup", "--out", file.to_str().unwrap(), "--json"]);
    assert_eq!(report["backend"], "sqlite");
    let at = report["last_server_seq"].as_i64().unwrap();
    let backed_up = block_on(ServerLog::read(&server_dir, None));
    assert_eq!(at, backed_up.last_server_seq);
    let mode = std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&file).unwrap().permissions());
    assert_eq!(mode & 0o077, 0, "only its owner reads a backup: it holds password hashes");

    // The team goes on after the backup; a restore takes it back to the backup's moment.
    ok(&a, &["--user", "admin", "call", "save_customer", r#"{"code": "C-2", "name": "Klant 2", "country": "NL"}"#]);
    json(&a, &["sync", "--json"]);

    let restored_dir = root.path().join("restored");
    let restored = json(&restored_dir, &["server", "restore", "--from", file.to_str().unwrap(), "--json"]);
    assert_eq!(restored["last_server_seq"].as_i64(), Some(at));
    let again = lotline(&restored_dir, &["server", "restore", "--from", file.to_str().unwrap()]);
    assert!(!again.status.success(), "a folder in use is not restored over");
    let restored_log = block_on(ServerLog::read(&restored_dir, None));
    restored_log.assert_whole();
    assert_same_places(&restored_log.placed(), &backed_up.placed(), "the restored log and the backed-up one");

    let second = Server::start(&restored_dir);
    let b = root.path().join("desk-b");
    ok(&b, &["sync", "enroll", "--server", &second.url, "--code", &enroll_code(&restored_dir), "--site", "AMS1"]);
    let pulled = json(&b, &["sync", "--json"]);
    assert_eq!(pulled["pulled"].as_i64(), Some(at), "{pulled}");
    DeskLog::read(&b).assert_holds_exactly(&restored_log);
    let desks = json(&restored_dir, &["server", "desks", "--json"]);
    assert_eq!(desks.as_array().unwrap().len(), 2, "the restored team keeps its desks: {desks}");
    drop(second);
    drop(server);
}

#[test]
fn sigterm_stops_the_server_gracefully() {
    let root = tempfile::tempdir().unwrap();
    let server = Server::start(&root.path().join("server"));
    assert_eq!(get(&server.addr, "/v1/health").0, 200);
    let status = server.terminate();
    assert!(status.success(), "SIGTERM ends the server as Ctrl+C does: {status:?}");
}

/// The logs' reader is async; these tests are plain threads.
fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(future)
}

#[test]
fn the_mail_relay_is_set_with_its_password_from_the_environment_and_never_printed() {
    let root = tempfile::tempdir().unwrap();
    let server_dir = root.path().join("server");
    let relay = [
        "server",
        "mail",
        "--host",
        "smtp.ops.test",
        "--port",
        "587",
        "--from",
        "Lotline <lotline@ops.test>",
        "--to",
        "head.ops@ops.test",
        "--username",
        "lotline",
        "--password-env",
        "OPS_SMTP_PASSWORD",
    ];
    let set = Command::new(env!("CARGO_BIN_EXE_lotline"))
        .arg("--data")
        .arg(&server_dir)
        .args(relay)
        .env("OPS_SMTP_PASSWORD", "s3cret-relay-pass")
        .output()
        .unwrap();
    let printed = format!("{}{}", String::from_utf8_lossy(&set.stdout), String::from_utf8_lossy(&set.stderr));
    assert!(set.status.success(), "{printed}");
    assert!(!printed.contains("s3cret"), "{printed}");
    let kept = std::fs::read_to_string(server_dir.join("mail.json")).unwrap();
    assert!(kept.contains("head.ops@ops.test") && kept.contains("starttls"), "{kept}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(server_dir.join("mail.json")).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // A password never goes to a relay without TLS.
    let plain: Vec<&str> = relay.iter().copied().chain(["--security", "none"]).collect();
    let refused = Command::new(env!("CARGO_BIN_EXE_lotline"))
        .arg("--data")
        .arg(&server_dir)
        .args(&plain)
        .env("OPS_SMTP_PASSWORD", "s3cret-relay-pass")
        .output()
        .unwrap();
    assert!(!refused.status.success());
    ok(&server_dir, &["server", "mail", "--off"]);
    assert!(!server_dir.join("mail.json").exists());
}
