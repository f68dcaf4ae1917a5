//! The team sync protocol of docs/sync.md: the JSON a desk and the server exchange, the checks
//! both sides make on an event's chain link, and a thin HTTP client for desks.

// Unit tests may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for
// the code they test, which the build without tests still checks.
#![cfg_attr(test, allow(clippy::too_many_lines))]

mod admin_wire;
mod client;
mod wire;

pub use admin_wire::{DeskCode, EnrollCodeResponse, SESSION_HEADER, TeamDesk, TeamUser};
pub use client::{ClientError, SyncClient, VERSION_HEADER};
pub use lotline_domain::envelope::{EnvelopedEvent as WireEvent, VerifyError};
pub use wire::{
    AcceptedEvent, ChainAnchor, CredentialPayload, EnrollRequest, EnrollResponse, ErrorBody, FieldError,
    HealthResponse, PullResponse, PulledEvent, PushRequest, PushResponse, PushSeal, RejectedAct, Renumbering,
    SessionRequest, SessionResponse, SignInAttempt, SignInAttempts, WeeklyReviewReceipt,
};
