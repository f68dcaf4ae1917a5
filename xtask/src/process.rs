//! Where things are (repo root, target folder, tools on PATH) and how child processes are run:
//! every command is echoed before it runs, and always sees `~/.cargo/bin` on its PATH.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};

use anyhow::{Context, Result, bail};

/// The repository root: the folder above `xtask/`.
pub fn repo_root() -> PathBuf {
    // `cargo run` names the manifest's folder at run time: a build of xtask made in another
    // clone that shares this target folder would otherwise check that clone's code.
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    manifest_dir.parent().map_or_else(|| manifest_dir.clone(), Path::to_path_buf)
}

/// Cargo's target folder (honours CARGO_TARGET_DIR).
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR").filter(|d| !d.is_empty()) {
        Some(dir) => repo_root().join(dir),
        None => repo_root().join("target"),
    }
}

/// The built desktop app for a profile (`debug` or `release`).
pub fn desktop_binary(profile: &str) -> PathBuf {
    let name = if cfg!(windows) { "lotline-desktop.exe" } else { "lotline-desktop" };
    target_dir().join(profile).join(name)
}

/// The cargo that runs us (so a rustup toolchain override is respected), else `cargo`.
pub fn cargo() -> OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}

/// Where `cargo install` puts binaries: `$CARGO_HOME/bin`, else `~/.cargo/bin`.
pub fn cargo_bin_dir() -> Option<PathBuf> {
    if let Some(home) = std::env::var_os("CARGO_HOME").filter(|h| !h.is_empty()) {
        return Some(PathBuf::from(home).join("bin"));
    }
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"))?;
    Some(PathBuf::from(home).join(".cargo").join("bin"))
}

/// PATH for child processes: ours, with the cargo bin folder in front when it is missing.
pub fn search_path() -> OsString {
    let mut dirs: Vec<PathBuf> =
        std::env::var_os("PATH").map(|p| std::env::split_paths(&p).collect()).unwrap_or_default();
    if let Some(bin) = cargo_bin_dir()
        && !dirs.contains(&bin)
    {
        dirs.insert(0, bin);
    }
    std::env::join_paths(dirs).unwrap_or_else(|_| std::env::var_os("PATH").unwrap_or_default())
}

/// The full path of a program found on [`search_path`].
pub fn find_program(name: &str) -> Option<PathBuf> {
    let candidates: Vec<String> = if cfg!(windows) {
        vec![format!("{name}.exe"), format!("{name}.cmd"), name.to_string()]
    } else {
        vec![name.to_string()]
    };
    std::env::split_paths(&search_path())
        .flat_map(|dir| candidates.iter().map(move |c| dir.join(c)))
        .find(|path| path.is_file())
}

/// A command to run from the repo root, echoed as `$ program args` when it runs.
pub struct Cmd {
    command: Command,
    shown: String,
}

/// `program args...`, run in the repo root with [`search_path`] as PATH.
pub fn cmd<S: AsRef<OsStr>>(program: impl AsRef<OsStr>, args: impl IntoIterator<Item = S>) -> Cmd {
    let program = program.as_ref();
    // On Windows npm is a .cmd script, which Command only finds with its extension.
    let resolved: OsString = if cfg!(windows) && program == "npm" { "npm.cmd".into() } else { program.into() };
    let mut command = Command::new(&resolved);
    command.current_dir(repo_root()).env("PATH", search_path());
    let mut shown = display_name(program);
    for arg in args {
        let arg = arg.as_ref();
        command.arg(arg);
        shown.push(' ');
        shown.push_str(&quote(&arg.to_string_lossy()));
    }
    Cmd { command, shown }
}

/// The cargo that runs us, with arguments.
pub fn cargo_cmd<S: AsRef<OsStr>>(args: impl IntoIterator<Item = S>) -> Cmd {
    let mut c = cmd(cargo(), args);
    c.shown = c.shown.replacen(&display_name(&cargo()), "cargo", 1);
    c
}

fn display_name(program: &OsStr) -> String {
    let path = Path::new(program);
    if path.components().count() > 1 && path.starts_with(repo_root()) {
        path.strip_prefix(repo_root()).map(|p| p.display().to_string()).unwrap_or_default()
    } else {
        program.to_string_lossy().into_owned()
    }
}

fn quote(arg: &str) -> String {
    if !arg.is_empty() && arg.chars().all(|c| c.is_ascii_alphanumeric() || "-_./=:,@+%^".contains(c)) {
        arg.to_string()
    } else {
        format!("'{}'", arg.replace('\'', r"'\''"))
    }
}

impl Cmd {
    /// Runs in `dir` (relative to the repo root, or absolute).
    pub fn dir(mut self, dir: impl AsRef<Path>) -> Self {
        let dir = repo_root().join(dir);
        if let Ok(rel) = dir.strip_prefix(repo_root())
            && !rel.as_os_str().is_empty()
        {
            self.shown = format!("(cd {} && {})", rel.display(), self.shown);
        }
        self.command.current_dir(dir);
        self
    }

    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Self {
        self.command.env(key, value);
        self
    }

    /// Runs with inherited stdio; returns its exit status.
    pub fn status(mut self) -> Result<ExitStatus> {
        println!("$ {}", self.shown);
        self.command.status().with_context(|| format!("cannot start `{}`", self.shown))
    }

    /// Runs with inherited stdio; fails unless it exits with success.
    pub fn run(self) -> Result<()> {
        let shown = self.shown.clone();
        let status = self.status()?;
        if !status.success() {
            bail!("`{shown}` failed ({status})");
        }
        Ok(())
    }

    /// Runs silently and returns its standard output, or `None` when it could not start or failed.
    pub fn read(mut self) -> Option<String> {
        let out = self.command.stdin(Stdio::null()).stderr(Stdio::null()).output().ok()?;
        out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }
}
