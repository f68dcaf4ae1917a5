//! The administration endpoints' wire types (`/v1/admin/...`): what a team administrator, signed
//! in through a desk, asks of the server from the desktop app. The same facts the server's
//! command line prints (`lotline server desks`, `lotline server users`).

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The header that carries a person's session (from `POST /v1/sessions`) beside the desk's
/// token: administration needs both the desk and an administrator signed in through it.
pub const SESSION_HEADER: &str = "x-lotline-session";

/// A desk of the team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct TeamDesk {
    pub desk_code: String,
    pub desk_id: String,
    pub site_code: String,
    /// RFC 3339 UTC, as every time here.
    pub enrolled_at: String,
    /// The last request the desk made with its token (written at most once a minute); None
    /// before its first request after enrolment.
    pub last_contact_at: Option<String>,
    /// The Lotline version the desk said it runs.
    pub lotline_version: Option<String>,
    /// Set once the desk is revoked: its token no longer works.
    pub revoked_at: Option<String>,
}

/// A user of the team, as the server knows them from the log's user events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct TeamUser {
    pub user_id: String,
    /// Without case: one namespace for the team.
    pub username: String,
    pub roles: Vec<String>,
    pub active: bool,
    /// Whether a desk sent the server a password for them: only then can they sign in on
    /// another desk.
    pub has_password: bool,
    /// The desk codes they signed in on (or that they belong to from before it joined).
    pub desks: Vec<String>,
    /// Until when wrong passwords lock the name on every desk (RFC 3339), when they do.
    #[serde(default)]
    pub locked_until: Option<String>,
    /// The last sign-in through any desk, RFC 3339.
    #[serde(default)]
    pub last_sign_in_at: Option<String>,
}

/// A one-time enrolment code, shown once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct EnrollCodeResponse {
    pub code: String,
    /// RFC 3339 UTC.
    pub expires_at: String,
}

/// A desk's code, for desks to name each other (the conflicts inbox: "on desk AMS1B").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct DeskCode {
    pub desk_id: String,
    pub desk_code: String,
}
