//! Whether there is a screen to show a window on, and the virtual one (Xvfb) when there is not.

use std::ffi::OsStr;

use crate::process::{Cmd, cmd};

/// The virtual screen: large enough for the app's default window.
const XVFB_SERVER_ARGS: &str = "-screen 0 1440x900x24";

/// On Linux: is there an X11 or Wayland display? Elsewhere there always is.
pub fn has_display() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    ["DISPLAY", "WAYLAND_DISPLAY"].iter().any(|var| std::env::var_os(var).is_some_and(|v| !v.is_empty()))
}

/// `program args` under `xvfb-run` on a fresh display number.
pub fn under_xvfb<S: AsRef<OsStr>>(program: impl AsRef<OsStr>, args: impl IntoIterator<Item = S>) -> Cmd {
    let mut all: Vec<std::ffi::OsString> =
        vec!["-a".into(), "-s".into(), XVFB_SERVER_ARGS.into(), program.as_ref().into()];
    all.extend(args.into_iter().map(|a| a.as_ref().to_os_string()));
    cmd("xvfb-run", all)
}

/// Like [`under_xvfb`], but killed (with everything it started) after `limit`: a hung browser
/// session must fail the run, not hold CI until its own deadline.
pub fn under_xvfb_within<S: AsRef<OsStr>>(
    limit: std::time::Duration,
    program: impl AsRef<OsStr>,
    args: impl IntoIterator<Item = S>,
) -> Cmd {
    let mut all: Vec<std::ffi::OsString> = vec![
        "--kill-after=30".into(),
        format!("{}", limit.as_secs()).into(),
        "xvfb-run".into(),
        "-a".into(),
        "-s".into(),
        XVFB_SERVER_ARGS.into(),
        program.as_ref().into(),
    ];
    all.extend(args.into_iter().map(|a| a.as_ref().to_os_string()));
    cmd("timeout", all)
}
