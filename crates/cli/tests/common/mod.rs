//! Running the `lotline` binary on a data folder, and the PDF tools, for the CLI tests.

#![allow(dead_code)]

pub mod team;

use std::path::Path;
use std::process::{Command, Output};

pub fn lotline(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lotline"))
        .arg("--data")
        .arg(data)
        .args(args)
        .env("LOTLINE_PASSWORD", "cli-password-1")
        .env_remove("LOTLINE_USER")
        .env_remove("LOTLINE_FAULT_PAUSE")
        .output()
        .expect("lotline runs")
}

/// Runs a command that must succeed, and returns what it printed.
pub fn ok(data: &Path, args: &[&str]) -> String {
    let out = lotline(data, args);
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Imports `csv` as `entity` (as the admin), through a file as a user would.
pub fn import(data: &Path, entity: &str, csv: &str) {
    let file = data.join(format!("{entity}.csv"));
    std::fs::write(&file, csv).unwrap();
    ok(data, &["--user", "admin", "import", entity, file.to_str().unwrap()]);
}

/// Runs an outside tool (qpdf, pdftotext, pdftoppm, zbarimg) that must succeed.
pub fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name).args(args).output().unwrap_or_else(|e| panic!("cannot run {name}: {e}"));
    assert!(out.status.success(), "{name} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}
