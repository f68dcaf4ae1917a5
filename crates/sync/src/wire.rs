//! The wire types of docs/sync.md. Field names are the contract: renaming one breaks desks that
//! are already deployed, so they match the document exactly.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// One event as a desk sends it: its envelope, its payload text and its link in the desk's chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct WireEvent {
    /// UUIDv7, unique across the team; pushes are idempotent by it.
    pub id: String,
    pub desk_id: String,
    /// 1, 2, 3, … per desk, gapless.
    pub desk_seq: i64,
    /// Shared by every event of one business act; an act is accepted or refused whole.
    pub act_id: String,
    pub stream_type: String,
    pub stream_id: String,
    pub kind: String,
    pub schema_version: i64,
    /// The JSON text exactly as the desk stored it; null for a local-only stub.
    pub payload: Option<String>,
    /// SHA-256 (lowercase hex) of the payload text.
    pub payload_hash: String,
    pub actor_id: Option<String>,
    /// RFC 3339 UTC with milliseconds, from the desk's clock.
    pub occurred_at: String,
    /// Hybrid logical clock `WWWWWWWWWWWWWWW-CCCCC-DESK`.
    pub hlc: String,
    /// The last server sequence the desk had pulled when it wrote the event.
    pub seen: i64,
    /// A credential event: it travels as a stub without its payload.
    pub local_only: bool,
    /// The payload had a credential taken out (a user created by schema version 1): its
    /// payload_hash is of the payload as the desk stored it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub redacted: bool,
    pub prev_hash: String,
    pub hash: String,
}

/// An event as the server serves it: the desk's event and its place in the team's one order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PulledEvent {
    #[serde(flatten)]
    pub event: WireEvent,
    pub server_seq: i64,
    /// An event of an act the server refused: a stub (no payload) that keeps its desk's chain
    /// whole; never projected.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub rejected: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct EnrollRequest {
    /// The one-time code from `lotline server enroll-code`.
    pub code: String,
    pub desk_id: String,
    /// The site the desk works at (e.g. `AMS1`); its desk code starts with it.
    pub site_code: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct EnrollResponse {
    pub team_id: String,
    /// The site code and a letter suffix (`AMS1A`); human numbers carry it.
    pub desk_code: String,
    /// The desk's bearer token; the server keeps only its hash.
    pub token: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PushRequest {
    /// In the desk's order, whole acts only.
    pub events: Vec<WireEvent>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct AcceptedEvent {
    pub id: String,
    pub server_seq: i64,
}

/// An act the server's business rules refused: kept on the desk, never projected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct RejectedAct {
    pub act_id: String,
    pub event_ids: Vec<String>,
    /// An i18n key the desk shows in its user's language.
    pub reason_key: String,
    #[schema(value_type = Object)]
    pub params: serde_json::Map<String, serde_json::Value>,
    /// The reason in English, for logs.
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
pub struct PushResponse {
    pub accepted: Vec<AcceptedEvent>,
    pub rejected: Vec<RejectedAct>,
    /// The first desk sequence the server is missing, when the batch skipped ahead of it.
    pub resend_from: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PullResponse {
    pub events: Vec<PulledEvent>,
    /// The cursor for the next pull (`after`): the last server sequence served.
    pub next: i64,
    /// More events follow `next`.
    pub more: bool,
}

/// Every error answer of the server: a stable code to branch on, an i18n key to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ErrorBody {
    /// `invalid`, `unauthorized`, `forbidden`, `conflict`, `not_found`, `too_large`, `gone`, `internal`.
    pub code: String,
    pub message_key: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
}

/// Which part of the request was wrong (`events[3]`, `code`), and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct FieldError {
    pub field: String,
    pub message_key: String,
    pub message: String,
}
