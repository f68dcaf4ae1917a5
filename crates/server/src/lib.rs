//! The Lotline team sync server (docs/sync.md): enrols desks, orders their events into one
//! server sequence, serves pulls by cursor and attachments by content hash. It stores through
//! one set of portable SQL on SQLite (a small team) or PostgreSQL (a larger one). Whoever runs
//! it has `/v1/health`, `/v1/metrics`, the desks and users listed, and backups (docs/server.md).

// Unit tests may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for
// the code they test, which the build without tests still checks.
#![cfg_attr(test, allow(clippy::too_many_lines))]

mod admin;
mod api;
mod backup;
mod blobs;
mod config;
mod contact;
mod database;
mod enrolment;
mod error;
mod fault;
mod judge;
mod mail;
mod merge;
mod metrics;
mod numbers;
pub mod pg_cluster;
mod pull;
mod push;
mod push_rows;
mod push_view;
mod seal;
mod serve;
mod sign_ins;
mod team_admin;
mod users;

pub use admin::{issue_metrics_token, list_desks, list_users, unlock_user};
pub use api::openapi_document;
pub use backup::{BackupManifest, BackupReport, backup, restore};
pub use config::{ServerConfig, sqlite_url};
pub use enrolment::{EnrollCode, issue_enroll_code, issue_enroll_code_valid_for, revoke_desk};
pub use error::{ApiError, ServerError};
pub use judge::{AcceptAll, ActJudge, Verdict};
pub use lotline_sync::{TeamDesk, TeamUser};
pub use mail::{MailRelay, MailSecurity, configure_mail, mail_relay};
pub use serve::{RunningServer, serve, serve_with_judge};
pub use team_admin::SESSION_HOURS;

/// Limits that keep one request from exhausting the server.
pub mod limits {
    /// The largest request body (JSON of a push, one blob).
    pub const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;
    /// The most events one push may carry.
    pub const MAX_EVENTS_PER_PUSH: usize = 5_000;
    /// The page a pull serves when it names no limit.
    pub const DEFAULT_PULL_LIMIT: i64 = 1_000;
    /// The largest page a pull serves, whatever it asks for.
    pub const MAX_PULL_LIMIT: i64 = 5_000;
}
