//! System packages: on Debian/Ubuntu, whatever is missing is installed with apt-get.
//! On macOS and Windows the prerequisites are the developer's to install; we only say which.

use std::path::Path;

use anyhow::{Result, bail};

use crate::process::{cmd, find_program};

/// What building and running the desktop app needs (WebKitGTK, a C toolchain, a virtual display).
pub const DESKTOP_PACKAGES: &[&str] = &[
    "libwebkit2gtk-4.1-dev",
    "libsoup-3.0-dev",
    "librsvg2-dev",
    "libayatana-appindicator3-dev",
    "build-essential",
    "pkg-config",
    "xvfb",
    "xauth",
];

/// What the checks need on top: the WebDriver of WebKitGTK, PDF and barcode tools, CJK fonts,
/// a D-Bus session with gnome-keyring for the audit log's keychain test, Python's venv for the
/// workflow linter, and mingw-w64 for the Windows check.
pub const CHECK_PACKAGES: &[&str] = &[
    "webkit2gtk-driver",
    "poppler-utils",
    "qpdf",
    "zbar-tools",
    "fonts-noto-cjk",
    "dbus-daemon",
    "gnome-keyring",
    "python3-venv",
    "gcc-mingw-w64-x86-64",
];

/// Installs the missing ones of `packages` on Debian/Ubuntu; elsewhere prints what is expected.
pub fn ensure_packages(packages: &[&str]) -> Result<()> {
    if cfg!(target_os = "macos") {
        println!("macOS: the Xcode Command Line Tools are a prerequisite (`xcode-select --install`).");
        return Ok(());
    }
    if cfg!(windows) {
        println!("Windows: Microsoft Edge WebView2 and the MSVC build tools are prerequisites.");
        return Ok(());
    }
    if find_program("dpkg-query").is_none() || find_program("apt-get").is_none() {
        println!(
            "warning: not a Debian/Ubuntu system (no dpkg-query/apt-get); make sure the equivalents of these are \
             installed: {}",
            packages.join(" ")
        );
        return Ok(());
    }
    let missing: Vec<&str> = packages.iter().copied().filter(|p| !is_installed(p)).collect();
    if missing.is_empty() {
        println!("system packages: all {} present", packages.len());
        return Ok(());
    }
    println!("system packages missing: {}", missing.join(" "));
    let sudo = needs_sudo(&missing.join(" "))?;
    let update: Vec<&str> = APT.iter().copied().chain(["update"]).collect();
    let install: Vec<&str> = APT.iter().copied().chain(["install", "-y"]).chain(missing.iter().copied()).collect();
    for args in [update, install] {
        apt(sudo, &args)?;
    }
    let still_missing: Vec<&str> = missing.into_iter().filter(|p| !is_installed(p)).collect();
    if !still_missing.is_empty() {
        bail!("apt-get did not install: {}", still_missing.join(" "));
    }
    Ok(())
}

/// Installs a local .deb with apt-get, which also installs the dependencies it declares (dpkg alone
/// would not).
pub fn install_deb(deb: &Path) -> Result<()> {
    let deb = deb.canonicalize()?;
    let deb = deb.to_string_lossy();
    let sudo = needs_sudo(&deb)?;
    let args: Vec<&str> = APT.iter().copied().chain(["install", "-y", "--reinstall", &deb]).collect();
    apt(sudo, &args)
}

/// apt-get without questions, waiting for another apt run to finish instead of failing on its lock.
const APT: &[&str] = &["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "-o", "DPkg::Lock::Timeout=900"];

fn apt(sudo: bool, args: &[&str]) -> Result<()> {
    if sudo { cmd("sudo", args).run() } else { cmd(args[0], &args[1..]).run() }
}

/// Whether installing `what` needs sudo (we are not root), or an error when there is no sudo.
fn needs_sudo(what: &str) -> Result<bool> {
    if is_root() {
        Ok(false)
    } else if find_program("sudo").is_some() {
        println!("not root: installing with sudo");
        Ok(true)
    } else {
        bail!("cannot install {what}: not root and there is no sudo")
    }
}

fn is_installed(package: &str) -> bool {
    cmd("dpkg-query", ["-W", "-f=${Status}", package])
        .read()
        .is_some_and(|status| status.trim() == "install ok installed")
}

fn is_root() -> bool {
    cmd("id", ["-u"]).read().is_some_and(|uid| uid.trim() == "0")
}
