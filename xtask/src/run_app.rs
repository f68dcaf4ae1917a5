//! `cargo xtask run`: system packages, UI build, desktop build, then the app itself.

use std::ffi::OsString;
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::display::{has_display, under_xvfb};
use crate::process::{cargo_cmd, cmd, desktop_binary};
use crate::{npm, system};

struct Options {
    release: bool,
    xvfb: bool,
    data: Option<OsString>,
    app_args: Vec<String>,
}

fn parse(args: &[String]) -> Result<Options> {
    let mut options = Options { release: false, xvfb: false, data: None, app_args: Vec::new() };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--release" => options.release = true,
            "--xvfb" => options.xvfb = true,
            "--data" => match args.next() {
                Some(dir) => options.data = Some(dir.into()),
                None => bail!("--data needs a folder"),
            },
            "--" => options.app_args.extend(args.by_ref().cloned()),
            other => match other.strip_prefix("--data=") {
                Some(dir) => options.data = Some(dir.into()),
                // Anything we do not know is the app's.
                None => options.app_args.push(other.to_string()),
            },
        }
    }
    Ok(options)
}

pub fn main(args: &[String]) -> Result<ExitCode> {
    let options = parse(args)?;
    let use_xvfb = decide_display(options.xvfb)?;

    banner("1/5 system packages");
    system::ensure_packages(system::DESKTOP_PACKAGES)?;

    banner("2/5 UI packages");
    npm::ensure_node_modules("ui")?;

    banner("3/5 UI build (ui/dist)");
    npm::run_script("ui", "build")?;

    banner("4/5 desktop app build");
    let mut build = vec!["build", "-p", "lotline-desktop", "--features", "custom-protocol"];
    if options.release {
        build.push("--release");
    }
    cargo_cmd(build).run()?;

    let binary = desktop_binary(if options.release { "release" } else { "debug" });
    if !binary.is_file() {
        bail!("the build succeeded but {} is missing", binary.display());
    }
    banner("5/5 start");
    let mut app = match use_xvfb {
        Some(true) => under_xvfb(&binary, &options.app_args),
        Some(false) => {
            println!(
                "Not started: there is no display. Start it yourself with a display, or run `cargo xtask run --xvfb`."
            );
            println!("The app is built at {}", binary.display());
            return Ok(ExitCode::SUCCESS);
        }
        None => cmd(&binary, &options.app_args),
    };
    if let Some(data) = &options.data {
        // Relative to where the command was typed; the app runs from the repo root.
        let dir = std::env::current_dir()?.join(data);
        println!("data folder: {} (LOTLINE_DATA_DIR)", dir.display());
        app = app.env("LOTLINE_DATA_DIR", dir);
    }
    let status = app.status()?;
    Ok(match status.code() {
        Some(0) => ExitCode::SUCCESS,
        Some(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        None => {
            eprintln!("the app ended by a signal ({status})");
            ExitCode::FAILURE
        }
    })
}

/// `None`: there is a display. `Some(true)`: use Xvfb. `Some(false)`: no display and no Xvfb.
fn decide_display(xvfb_flag: bool) -> Result<Option<bool>> {
    if has_display() {
        return Ok(None);
    }
    println!("There is no display: neither DISPLAY nor WAYLAND_DISPLAY is set, so the window cannot be shown.");
    if xvfb_flag {
        println!("--xvfb: the app will run under a virtual display (Xvfb); you will not see its window.");
        return Ok(Some(true));
    }
    if !std::io::stdin().is_terminal() {
        println!("Not a terminal, so not asking: pass --xvfb to run it under a virtual display (Xvfb).");
        return Ok(Some(false));
    }
    print!("Start it under a virtual display (Xvfb)? [y/N] ");
    std::io::stdout().flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(Some(matches!(answer.trim(), "y" | "Y" | "yes" | "Yes" | "YES")))
}

fn banner(title: &str) {
    println!("\n==> {title}");
}
