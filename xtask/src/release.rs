//! The release checks that can run here: the release workflow is valid (zizmor, from PyPI), and
//! the Linux installer builds, installs with apt and starts on an empty data folder.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result, bail};

use crate::display::under_xvfb_within;
use crate::process::{cmd, find_program, target_dir};
use crate::system;

const WORKFLOWS: &str = ".github/workflows";
/// zizmor validates each workflow against GitHub's schema and audits it; one major version, so a
/// new release's audits cannot fail CI on their own.
const ZIZMOR: &str = "zizmor>=1.33,<2";
/// The .deb must stay small enough to mail to a desk; the figure is reported, not asserted.
const DEB_TARGET_BYTES: u64 = 15 * 1024 * 1024;
/// Where the Debian package installs the app (the Cargo binary's name).
const INSTALLED_APP: &str = "/usr/bin/lotline-desktop";
/// Starting the installed app and showing one screen takes seconds; far beyond that it hangs.
const INSTALLED_TIME_LIMIT: Duration = Duration::from_secs(5 * 60);

/// Lints every workflow with zizmor, installed into a virtual environment in the target folder.
pub fn lint_workflows() -> Result<()> {
    let venv = target_dir().join("xtask").join("zizmor-venv");
    let bin = venv.join(if cfg!(windows) { "Scripts" } else { "bin" });
    let zizmor = bin.join(if cfg!(windows) { "zizmor.exe" } else { "zizmor" });
    if !zizmor.is_file() {
        let python = ["python3", "python"].into_iter().find(|p| find_program(p).is_some());
        let Some(python) = python else { bail!("python3 is not on PATH (Debian: apt-get install python3-venv)") };
        cmd(python, ["-m".as_ref(), "venv".as_ref(), venv.as_os_str()]).run()?;
        let pip = bin.join(if cfg!(windows) { "pip.exe" } else { "pip" });
        cmd(&pip, ["install", "--quiet", "--disable-pip-version-check", ZIZMOR]).run()?;
    }
    // --offline: no GitHub API (no token here); --strict-collection: a workflow that does not
    // match GitHub's schema fails instead of being skipped.
    cmd(&zizmor, ["--offline", "--strict-collection", "--no-progress", WORKFLOWS]).run()
}

/// Builds the release .deb with the Tauri CLI, reports its size, installs it with apt-get and
/// checks that the installed app shows the setup screen on an empty data folder (screenshot).
pub fn check_deb() -> Result<()> {
    if !cfg!(target_os = "linux") || find_program("dpkg-deb").is_none() {
        println!("skipped: the .deb is built and installed on Debian/Ubuntu only");
        return Ok(());
    }
    // The root package.json pins the Tauri CLI; `tauri build` runs the UI build itself.
    cmd("npm", ["run", "tauri", "--", "build", "--bundles", "deb", "--ci"]).run()?;
    let deb = newest_deb()?;
    report_size(&deb)?;
    system::install_deb(&deb)?;
    if !Path::new(INSTALLED_APP).is_file() {
        bail!("the package installed, but {INSTALLED_APP} is missing");
    }
    let shots = target_dir().join("installer-check");
    let _ = std::fs::remove_dir_all(&shots);
    let mut flow = under_xvfb_within(
        INSTALLED_TIME_LIMIT,
        "node",
        ["--test", "--test-concurrency=1", "--test-force-exit", "--test-reporter=spec", "installed.mjs"],
    )
    .dir("tests/e2e")
    .env("LOTLINE_APP", INSTALLED_APP)
    .env("E2E_SCREENSHOT_DIR", &shots);
    if let Some(driver) = find_program("tauri-driver") {
        flow = flow.env("TAURI_DRIVER", driver);
    }
    flow.run()?;
    println!("screenshot: {}", shots.display());
    Ok(())
}

/// The .deb the last `tauri build` wrote.
fn newest_deb() -> Result<PathBuf> {
    let dir = target_dir().join("release").join("bundle").join("deb");
    let entries = std::fs::read_dir(&dir).with_context(|| format!("no .deb folder at {}", dir.display()))?;
    entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "deb"))
        .max_by_key(|p| p.metadata().and_then(|m| m.modified()).ok())
        .with_context(|| format!("`tauri build` wrote no .deb into {}", dir.display()))
}

/// The package's size against its target, and what inside it weighs most.
fn report_size(deb: &Path) -> Result<()> {
    let bytes = deb.metadata()?.len();
    let mib = bytes as f64 / (1024.0 * 1024.0);
    let verdict = if bytes <= DEB_TARGET_BYTES { "within" } else { "OVER" };
    println!("\n.deb: {} — {bytes} bytes = {mib:.2} MiB ({verdict} the 15 MiB target)", deb.display());
    if let Some(listing) = cmd("dpkg-deb", ["--contents".as_ref(), deb.as_os_str()]).read() {
        let mut files: Vec<(u64, String)> = listing
            .lines()
            .filter_map(|line| {
                let fields: Vec<&str> = line.split_whitespace().collect();
                Some((fields.get(2)?.parse().ok()?, fields.last()?.to_string()))
            })
            .collect();
        files.sort_by_key(|f| std::cmp::Reverse(f.0));
        println!("largest files inside (uncompressed):");
        for (size, name) in files.iter().take(5) {
            println!("  {:>8.2} MiB  {name}", *size as f64 / (1024.0 * 1024.0));
        }
    }
    Ok(())
}
