//! `cargo xtask test`: installs what the checks need, then runs every check in order and stops at
//! the first failure. This is exactly what CI runs (`.ci/run`).

use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Result, bail};

use crate::display::{has_display, under_xvfb, under_xvfb_within};
use crate::process::{Cmd, cargo_cmd, cmd, desktop_binary, find_program, repo_root};
use crate::{npm, release, system};

/// Every check, in the order it runs: (name for `--only`, what it does).
const STEPS: &[(&str, &str)] = &[
    ("fmt", "cargo fmt --all -- --check"),
    ("clippy", "cargo clippy --workspace --all-targets -- -D warnings"),
    ("windows-check", "cargo clippy for Windows (x86_64-pc-windows-gnu, mingw-w64) of the desktop app, CLI and server"),
    ("cargo-test", "cargo test --workspace (also regenerates ui/src/backend/bindings)"),
    ("keychain", "the audit log's key in the real Secret Service (gnome-keyring in a D-Bus session)"),
    ("bindings", "the generated TypeScript bindings, act map and catalogue table are committed and fresh"),
    ("workflow-lint", "the release workflow (.github/workflows) is valid: zizmor from PyPI"),
    ("ui-typecheck", "npm run typecheck (ui)"),
    ("ui-lint", "npm run lint (ui)"),
    ("ui-test", "npm test (ui)"),
    ("ui-build", "npm run build (ui -> ui/dist)"),
    ("desktop-build", "cargo build -p lotline-desktop --features custom-protocol,e2e (the build the e2e step drives)"),
    ("e2e", "the desktop app driven over WebDriver under Xvfb (tests/e2e)"),
    ("deb", "the release .deb (Tauri CLI) installed with apt-get; the installed app shows the setup screen"),
];

const E2E_DIR: &str = "tests/e2e";
/// The e2e flows take about a minute; far beyond that something hangs.
const E2E_TIME_LIMIT: Duration = Duration::from_secs(20 * 60);

struct Options {
    steps: Vec<&'static str>,
}

fn parse(args: &[String]) -> Result<Option<Options>> {
    let mut only: Vec<String> = Vec::new();
    let mut skip_e2e = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--skip-e2e" => skip_e2e = true,
            "--only" => match args.next() {
                Some(names) => only.extend(names.split(',').map(str::to_string)),
                None => bail!("--only needs a step name (see --list)"),
            },
            "--list" => {
                for (name, what) in STEPS {
                    println!("{name:<14} {what}");
                }
                return Ok(None);
            }
            other => match other.strip_prefix("--only=") {
                Some(names) => only.extend(names.split(',').map(str::to_string)),
                None => bail!("unknown option `{other}` (options: --skip-e2e, --only STEP, --list)"),
            },
        }
    }
    for name in &only {
        if !STEPS.iter().any(|(step, _)| step == name) {
            bail!(
                "unknown step `{name}`; the steps are: {}",
                STEPS.iter().map(|(s, _)| *s).collect::<Vec<_>>().join(", ")
            );
        }
    }
    let steps = STEPS
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| only.is_empty() || only.iter().any(|o| o == name))
        .filter(|name| !(skip_e2e && *name == "e2e"))
        .collect();
    Ok(Some(Options { steps }))
}

/// One timed piece of work and how it ended.
struct Record {
    name: String,
    took: Duration,
    ok: bool,
}

pub fn main(args: &[String]) -> Result<ExitCode> {
    let Some(options) = parse(args)? else { return Ok(ExitCode::SUCCESS) };
    let started = Instant::now();
    let mut records: Vec<Record> = Vec::new();
    let wants = |step: &str| options.steps.contains(&step);

    let mut setup: Vec<(&str, &str)> = vec![("setup:system", "system packages")];
    // `tauri build` (the deb step) builds the UI itself.
    if options.steps.iter().any(|s| s.starts_with("ui-")) || wants("deb") {
        setup.push(("setup:ui-npm", "npm ci in ui/"));
    }
    if wants("deb") {
        setup.push(("setup:root-npm", "npm ci in the repository root (the Tauri CLI)"));
    }
    if wants("e2e") || wants("deb") {
        setup.push(("setup:e2e-npm", "npm ci in tests/e2e/"));
        setup.push(("setup:tauri-driver", "tauri-driver"));
    }
    let work = setup.into_iter().chain(options.steps.iter().map(|name| {
        let what = STEPS.iter().find(|(s, _)| s == name).map_or("", |(_, w)| *w);
        (*name, what)
    }));

    for (name, what) in work {
        println!("\n==> [{name}] {what}");
        let t = Instant::now();
        let outcome = run(name);
        records.push(Record { name: name.to_string(), took: t.elapsed(), ok: outcome.is_ok() });
        if let Err(err) = outcome {
            print_timings(&records, started.elapsed());
            let rule = "=".repeat(78);
            eprintln!("\n{rule}\nFAILED at step `{name}`: {what}\n{err:#}\n{rule}");
            return Ok(ExitCode::FAILURE);
        }
    }
    print_timings(&records, started.elapsed());
    println!("\nall {} checks passed", options.steps.len());
    Ok(ExitCode::SUCCESS)
}

fn run(name: &str) -> Result<()> {
    match name {
        "setup:system" => {
            let mut packages: Vec<&str> =
                system::DESKTOP_PACKAGES.iter().chain(system::CHECK_PACKAGES).copied().collect();
            if workspace_has_package("lotline-server") {
                packages.push("postgresql");
            }
            system::ensure_packages(&packages)
        }
        "setup:ui-npm" => npm::ensure_node_modules("ui"),
        "setup:root-npm" => npm::ensure_node_modules("."),
        "setup:e2e-npm" => npm::ensure_node_modules(E2E_DIR),
        "setup:tauri-driver" => ensure_tauri_driver(),
        "fmt" => cargo_cmd(["fmt", "--all", "--", "--check"]).run(),
        "clippy" => cargo_cmd(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]).run(),
        "windows-check" => windows_check(),
        "cargo-test" => cargo_cmd(["test", "--workspace"]).run(),
        "keychain" => keychain_test(),
        "bindings" => check_bindings(),
        "workflow-lint" => release::lint_workflows(),
        "ui-typecheck" => npm::run_script("ui", "typecheck"),
        "ui-lint" => npm::run_script("ui", "lint"),
        "ui-test" => npm::run_script("ui", "test"),
        "ui-build" => npm::run_script("ui", "build"),
        // The e2e feature lets the flows save into LOTLINE_SAVE_DIR without a dialog; installers
        // (`cargo tauri build`, `cargo xtask run`) build without it.
        "desktop-build" => cargo_cmd(["build", "-p", "lotline-desktop", "--features", "custom-protocol,e2e"]).run(),
        "e2e" => run_e2e(),
        "deb" => release::check_deb(),
        other => bail!("no such step `{other}`"),
    }
}

/// The target the Windows check compiles for. The GNU one, because its linker and C compiler
/// (mingw-w64) come from Debian; the MSVC target needs Microsoft's tools, which only a Windows
/// runner has (the release workflow builds there).
const WINDOWS_TARGET: &str = "x86_64-pc-windows-gnu";

/// Lotline is developed and tested on Linux, but its users sit at Windows desks: the code behind
/// `cfg(windows)` (data folder, folder lock, second-instance focus, keychain) and every
/// Linux-only import must still compile there, with the same lints. A check, not a build: it
/// needs no Windows linker and half the time.
fn windows_check() -> Result<()> {
    if !cfg!(target_os = "linux") {
        println!("skipped: this machine builds for its own platform in the other steps");
        return Ok(());
    }
    let installed = cmd("rustup", ["target", "list", "--installed"]).read();
    let Some(installed) = installed else {
        bail!("rustup is needed to add the {WINDOWS_TARGET} target (https://rustup.rs)");
    };
    if !installed.lines().any(|t| t.trim() == WINDOWS_TARGET) {
        cmd("rustup", ["target", "add", WINDOWS_TARGET]).run()?;
    }
    cargo_cmd([
        "clippy",
        "--target",
        WINDOWS_TARGET,
        "-p",
        "lotline-desktop",
        "-p",
        "lotline-cli",
        "-p",
        "lotline-server",
        "--",
        "-D",
        "warnings",
    ])
    .run()
}

/// The one test that needs the OS keychain, in a D-Bus session of its own with gnome-keyring
/// unlocked by a throwaway password: the path a Linux desktop takes (macOS and Windows use their
/// own keychains through the same crate).
fn keychain_test() -> Result<()> {
    if !cfg!(target_os = "linux") {
        println!("skipped: the Secret Service is Linux's keychain");
        return Ok(());
    }
    let cargo = crate::process::cargo().to_string_lossy().into_owned();
    let script = format!(
        "printf %s lotline-ci | gnome-keyring-daemon --unlock --components=secrets >/dev/null && \
         exec '{cargo}' test -p lotline-app --test audit_keychain -- --ignored"
    );
    cmd("dbus-run-session", ["--", "sh", "-c", &script]).run()
}

/// `cargo test` rewrote the bindings, the UI's act map and the catalogue table of the docs (from
/// the `catalogue!` table, `crates/app/src/act_map.rs`); any difference from git means they were
/// not committed, or were edited by hand.
fn check_bindings() -> Result<()> {
    const GENERATED: [&str; 3] = ["ui/src/backend/bindings", "ui/src/backend/acts.ts", "docs/catalogue.md"];
    let all = GENERATED.join(", ");
    if cmd("git", ["rev-parse", "--is-inside-work-tree"]).read().is_none_or(|out| out.trim() != "true") {
        println!("warning: not inside a git checkout, so the freshness of {all} cannot be checked; skipped");
        return Ok(());
    }
    let Some(changes) = cmd("git", ["status", "--porcelain", "--"].into_iter().chain(GENERATED)).read() else {
        bail!("`git status` failed");
    };
    if !changes.trim().is_empty() {
        eprintln!("{changes}");
        bail!("generated files are stale or edited by hand: run cargo test and commit {all}");
    }
    println!("{all}: fresh");
    Ok(())
}

fn ensure_tauri_driver() -> Result<()> {
    if let Some(path) = find_program("tauri-driver") {
        println!("tauri-driver: {}", path.display());
        return Ok(());
    }
    cargo_cmd(["install", "tauri-driver", "--locked", "--version", "^2"]).run()?;
    if find_program("tauri-driver").is_none() {
        bail!("`cargo install tauri-driver` succeeded but tauri-driver is not in ~/.cargo/bin");
    }
    Ok(())
}

fn run_e2e() -> Result<()> {
    let app = desktop_binary("debug");
    if !app.is_file() {
        bail!("{} is missing: the e2e step needs the `desktop-build` step first", app.display());
    }
    let driver = find_program("tauri-driver");
    let flows = || -> Result<Cmd> {
        let test = if cfg!(target_os = "linux") && find_program("xvfb-run").is_some() {
            if find_program("timeout").is_some() {
                under_xvfb_within(E2E_TIME_LIMIT, "npm", ["test"])
            } else {
                under_xvfb("npm", ["test"])
            }
        } else if has_display() {
            cmd("npm", ["test"])
        } else {
            bail!("there is no display and no xvfb-run (apt-get install xvfb xauth)");
        };
        // The team sync flow runs the CLI (built by the cargo-test step) as a second desk and as
        // the server; it is found in the same target folder as the app, CARGO_TARGET_DIR or not.
        let cli = app.with_file_name(if cfg!(windows) { "lotline.exe" } else { "lotline" });
        let mut test = test.dir(E2E_DIR).env("LOTLINE_APP", &app).env("LOTLINE_CLI", &cli);
        if let Some(driver) = &driver {
            test = test.env("TAURI_DRIVER", driver);
        }
        Ok(test)
    };
    let screenshots = repo_root().join(E2E_DIR).join("screenshots");
    let mut outcome = flows()?.run();
    // WebKitGTK under Xvfb now and then loses the webview mid-flow ("invalid session id"). That
    // says nothing about Lotline, so such a run gets one more try; any other failure stands, and
    // a second loss fails the step.
    let lost = screenshots.join(SESSION_LOST);
    if outcome.is_err() && lost.is_file() {
        let what = std::fs::read_to_string(&lost).unwrap_or_default();
        eprintln!("\ne2e: the WebDriver session was lost, not a check failed:\n{what}e2e: running the flows once more");
        outcome = flows()?.run();
    }
    println!("screenshots: {}", screenshots.display());
    outcome
}

/// The file the e2e harness writes when a WebDriver session dies (tests/e2e/harness.mjs).
const SESSION_LOST: &str = "SESSION-LOST.txt";

/// Whether a crate of that name is in crates/ (optional ones, like the sync server, may not be yet).
fn workspace_has_package(name: &str) -> bool {
    let Ok(entries) = std::fs::read_dir(repo_root().join("crates")) else { return false };
    let wanted = format!("name = \"{name}\"");
    entries.flatten().any(|entry| {
        std::fs::read_to_string(entry.path().join("Cargo.toml"))
            .is_ok_and(|toml| toml.lines().any(|l| l.trim() == wanted))
    })
}

fn print_timings(records: &[Record], total: Duration) {
    println!("\n{:<20} {:>9}  result", "step", "time");
    for r in records {
        println!("{:<20} {:>9}  {}", r.name, format_duration(r.took), if r.ok { "ok" } else { "FAILED" });
    }
    println!("{:<20} {:>9}", "total", format_duration(total));
}

fn format_duration(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if secs < 60.0 { format!("{secs:.1}s") } else { format!("{}m{:02}s", d.as_secs() / 60, d.as_secs() % 60) }
}
