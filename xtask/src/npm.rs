//! Node packages of the UI and of the end-to-end tests.

use std::path::Path;
use std::time::SystemTime;

use anyhow::{Result, bail};

use crate::process::{cmd, find_program, repo_root};

/// Runs `npm ci` in `dir` when node_modules is missing or older than package-lock.json.
pub fn ensure_node_modules(dir: &str) -> Result<()> {
    let root = repo_root().join(dir);
    if !root.join("package.json").is_file() {
        bail!("{dir}/package.json is missing");
    }
    if find_program("npm").is_none() {
        bail!("npm is not on PATH: install Node.js 20 or newer (https://nodejs.org)");
    }
    let lock = modified(&root.join("package-lock.json"));
    let installed = modified(&root.join("node_modules").join(".package-lock.json"));
    let fresh = match (lock, installed) {
        (Some(lock), Some(installed)) => installed >= lock,
        (None, Some(_)) => true,
        _ => false,
    };
    if fresh {
        println!("{dir}/node_modules is up to date");
        return Ok(());
    }
    if !root.join("package-lock.json").is_file() {
        bail!("{dir}/package-lock.json is missing: run `npm install` in {dir} and commit the lock file");
    }
    cmd("npm", ["ci", "--no-audit", "--no-fund"]).dir(dir).run()
}

/// `npm run <script>` in `dir`.
pub fn run_script(dir: &str, script: &str) -> Result<()> {
    cmd("npm", ["run", script]).dir(dir).run()
}

fn modified(path: &Path) -> Option<SystemTime> {
    path.metadata().and_then(|m| m.modified()).ok()
}
