//! `cargo xtask startup`: the release app's cold start and idle memory, measured and reported
//! (never asserted) by tests/e2e/startup.mjs under Xvfb.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Result, bail};

use crate::display::{has_display, under_xvfb_within};
use crate::process::{Cmd, cargo_cmd, cmd, desktop_binary, find_program, target_dir};
use crate::{npm, system};

/// Three starts, a setup with the demo data and 10 s idle take a minute or two.
const TIME_LIMIT: Duration = Duration::from_secs(15 * 60);

pub fn main(args: &[String]) -> Result<ExitCode> {
    let app = match args {
        [] => build_release()?,
        [flag, path] if flag == "--app" => PathBuf::from(path),
        _ => bail!("usage: cargo xtask startup [--app PATH] (default: build and measure target/release)"),
    };
    if !app.is_file() {
        bail!("{} is not a file", app.display());
    }
    if !cfg!(target_os = "linux") {
        bail!("the measurement reads /proc/PID/smaps_rollup: Linux only");
    }
    npm::ensure_node_modules("tests/e2e")?;
    let out = target_dir().join("startup");
    let script = ["startup.mjs"];
    let mut run: Cmd = if has_display() {
        cmd("node", script)
    } else if find_program("xvfb-run").is_some() {
        under_xvfb_within(TIME_LIMIT, "node", script)
    } else {
        bail!("there is no display and no xvfb-run (apt-get install xvfb xauth)");
    };
    run = run
        .dir("tests/e2e")
        .env("LOTLINE_APP", &app)
        .env("E2E_SCREENSHOT_DIR", &out)
        .env("STARTUP_REPORT", out.join("report.json"));
    if let Some(driver) = find_program("tauri-driver") {
        run = run.env("TAURI_DRIVER", driver);
    }
    run.run()?;
    Ok(ExitCode::SUCCESS)
}

/// The optimised app as the installers ship it: the embedded UI, no test features.
fn build_release() -> Result<PathBuf> {
    system::ensure_packages(system::DESKTOP_PACKAGES)?;
    npm::ensure_node_modules("ui")?;
    npm::run_script("ui", "build")?;
    cargo_cmd(["build", "--release", "-p", "lotline-desktop", "--features", "custom-protocol"]).run()?;
    Ok(desktop_binary("release"))
}
