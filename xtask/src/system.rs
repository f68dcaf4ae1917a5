//! System packages: on Debian/Ubuntu, whatever is missing is installed with apt-get.
//! On macOS and Windows the prerequisites are the developer's to install; we only say which.

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
/// and a D-Bus session with gnome-keyring for the audit log's keychain test.
pub const CHECK_PACKAGES: &[&str] =
    &["webkit2gtk-driver", "poppler-utils", "qpdf", "zbar-tools", "fonts-noto-cjk", "dbus-daemon", "gnome-keyring"];

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
    let sudo = if is_root() {
        false
    } else if find_program("sudo").is_some() {
        println!("not root: installing them with sudo");
        true
    } else {
        bail!("these packages are missing and there is no sudo to install them: {}", missing.join(" "));
    };
    // Wait for another apt run to finish instead of failing on its lock.
    let apt = ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "-o", "DPkg::Lock::Timeout=900"];
    let update: Vec<&str> = apt.iter().copied().chain(["update"]).collect();
    let install: Vec<&str> = apt.iter().copied().chain(["install", "-y"]).chain(missing.iter().copied()).collect();
    for args in [update, install] {
        if sudo { cmd("sudo", &args).run()? } else { cmd(args[0], &args[1..]).run()? }
    }
    let still_missing: Vec<&str> = missing.into_iter().filter(|p| !is_installed(p)).collect();
    if !still_missing.is_empty() {
        bail!("apt-get did not install: {}", still_missing.join(" "));
    }
    Ok(())
}

fn is_installed(package: &str) -> bool {
    cmd("dpkg-query", ["-W", "-f=${Status}", package])
        .read()
        .is_some_and(|status| status.trim() == "install ok installed")
}

fn is_root() -> bool {
    cmd("id", ["-u"]).read().is_some_and(|uid| uid.trim() == "0")
}
