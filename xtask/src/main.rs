//! `cargo xtask`: the developer commands of Lotline.
//!
//! - `cargo xtask run`: installs what the desktop app needs, builds the UI and the app, starts it.
//! - `cargo xtask test`: installs what the checks need and runs every check, as CI does.
//! - `cargo xtask startup`: measures the release app's cold start and idle memory.

// Unit tests may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for
// the code they test, which the build without tests still checks.
#![cfg_attr(test, allow(clippy::too_many_lines))]

mod checks;
mod display;
mod npm;
mod process;
mod release;
mod run_app;
mod startup;
mod system;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  run [--release] [--xvfb] [--data DIR] [-- APP_ARGS...]
        install system packages (Debian/Ubuntu), build the UI and the desktop app, start it.
        --release   build and run the optimised app
        --xvfb      on Linux without a display, run it under a virtual display without asking
        --data DIR  use DIR as the data folder (sets LOTLINE_DATA_DIR)
  test [--skip-e2e] [--only STEP[,STEP...]] [--list]
        install what the checks need, then run every check in order, stopping at the first failure.
        --skip-e2e  leave out the end-to-end run of the desktop app
        --only      run only the named steps (repeatable); --list shows the names
  startup [--app PATH]
        measure the release app (built first unless --app names one): cold start to the first
        answered act, and memory (PSS of the app and its webview processes) after 10 s idle on the
        failure list with the demo data; reported in target/startup, never asserted (Linux)
  help  show this text
";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let command = args.next();
    let rest: Vec<String> = args.collect();
    let outcome = match command.as_deref() {
        Some("run") => run_app::main(&rest),
        Some("test") => checks::main(&rest),
        Some("startup") => startup::main(&rest),
        Some("help" | "-h" | "--help") | None => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => {
            eprint!("xtask: unknown command `{other}`\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match outcome {
        Ok(code) => code,
        Err(err) => {
            eprintln!("\nxtask: error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
