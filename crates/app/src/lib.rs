//! The command catalogue: one async function per business act, `fn(&Ctx, Input) -> Result<Output,
//! ApiError>`. The desktop app, the CLI and the server all go through `call`.

// Unit tests may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for
// the code they test, which the build without tests still checks.
#![cfg_attr(test, allow(clippy::too_many_lines))]

#[cfg(test)]
mod act_map;
pub mod acts;
pub mod audit;
pub mod backups;
mod catalogue;
mod clock;
mod context;
pub mod demo;
mod error_log;
pub mod jobs;
mod open;
mod password;
pub mod sync;

pub use acts::guard::BEFORE_SIGN_IN;
pub use catalogue::{ACTS, call, call_act, call_import, call_import_json, call_json};
pub use clock::{Clock, FixedClock, SystemClock};
pub use context::Ctx;
pub use error_log::{LOG_FILE, withhold_internal};
pub use lotline_domain::{ApiError, ErrorCode, FieldError};
pub use lotline_store::Store;
pub use open::{open, open_desk, open_with};
