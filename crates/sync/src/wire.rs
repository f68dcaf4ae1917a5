//! The wire types of docs/sync.md. Field names are the contract: renaming one breaks desks that
//! are already deployed, so they match the document exactly.

use lotline_domain::envelope::EnvelopedEvent as WireEvent;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

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
    /// On the event that opened a record under a number the team already had: the number the
    /// record goes by from now on, for every event of its desk.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub renumbered: Vec<Renumbering>,
}

/// A number a desk issued before it joined its team, and the one its record goes by instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Renumbering {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct EnrollRequest {
    /// The one-time code from `lotline server enroll-code`.
    pub code: String,
    pub desk_id: String,
    /// The site the desk works at (e.g. `AMS1`); its desk code starts with it.
    pub site_code: String,
    /// The desk's last sequence when it enrols: its acts up to here were written before it
    /// joined, under its own sign-in, and are not held to the team's sessions.
    #[serde(default)]
    pub head_seq: i64,
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
    /// The payloads of the batch's local-only credential events (a password set or reset),
    /// which the events carry only as stubs: the server keeps them as the team's credentials and
    /// never serves them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credentials: Vec<CredentialPayload>,
    /// The desk's keyed checkpoint of its chain after the batch's last event (absent from
    /// desks of an earlier Lotline).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal: Option<PushSeal>,
}

impl PushRequest {
    pub fn new(events: Vec<WireEvent>) -> PushRequest {
        PushRequest { events, credentials: Vec::new(), seal: None }
    }
}

/// A desk's HMAC checkpoint (docs/audit-log.md) of its chain head after a push: the server
/// verifies it with the desk's key before it stores the events, so what it anchors is what the
/// desk sealed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PushSeal {
    pub key_id: String,
    /// The HMAC of (desk, last sequence, last hash), in hex.
    pub checkpoint: String,
    /// The key itself (`id:hex`), sent until the server has this key id for the desk: at the
    /// first push after enrolment, after an upgrade, or after a new key was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

/// The head of a desk's chain as the server verified and stored it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ChainAnchor {
    pub desk_id: String,
    pub desk_seq: i64,
    pub hash: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct CredentialPayload {
    /// The stub's event id; the payload must hash to its `payload_hash`.
    pub event_id: String,
    pub payload: String,
}

/// A person signs in on a desk through the team: the desk's token says which desk, the
/// password which person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct SessionRequest {
    pub username: String,
    pub password: String,
}

/// Sign-ins a desk decided on its own while it could not reach the server, reported when it
/// could again, so they count towards the team's lockout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct SignInAttempts {
    pub attempts: Vec<SignInAttempt>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct SignInAttempt {
    pub username: String,
    /// RFC 3339, when the person tried.
    pub at: String,
    pub ok: bool,
}

/// From now on the server takes this person's acts from this desk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct SessionResponse {
    pub user_id: String,
    /// The session's token; the server keeps only its hash.
    pub session: String,
    /// The person must choose a new password before anything else: an administrator reset it
    /// (on whichever desk), or it falls short of the password policy. Absent from older servers.
    #[serde(default)]
    pub must_change_password: bool,
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
    /// Records of this push whose numbers the team already had, and the numbers they go by.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub renumbered: Vec<Renumbering>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PullResponse {
    pub events: Vec<PulledEvent>,
    /// The cursor for the next pull (`after`): the last server sequence served.
    pub next: i64,
    /// More events follow `next`.
    pub more: bool,
    /// The team's desks and their codes, so that a desk can name the others; served with every
    /// page that holds events (absent from servers of an earlier Lotline).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub desks: Vec<crate::DeskCode>,
    /// For each desk with events on this page, its last one there: the server verified its
    /// chain (and, for desks that sent their key, its checkpoint) up to it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub anchors: Vec<ChainAnchor>,
}

/// Every error answer of the server: a stable code to branch on, an i18n key to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ErrorBody {
    /// `invalid`, `unauthorized`, `forbidden`, `conflict`, `not_found`, `too_large`, `gone`, `unavailable`,
    /// `internal`.
    pub code: String,
    pub message_key: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
    /// Values the message names (`until` of a locked sign-in), for the desk to show.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub params: std::collections::BTreeMap<String, String>,
}

/// Which part of the request was wrong (`events[3]`, `code`), and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct FieldError {
    pub field: String,
    pub message_key: String,
    pub message: String,
}

/// `GET /v1/health`: the server is up and reads its database. Asks no token, so a load
/// balancer or a monitor can call it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct HealthResponse {
    /// `ok`.
    pub status: String,
    /// The server's Lotline version.
    pub version: String,
    /// Events in the team's log, refused acts' stubs included: every server sequence is one.
    pub events: i64,
    /// The last server sequence given; a desk whose pull cursor is here holds the whole log.
    pub last_server_seq: i64,
    /// Desks enrolled and not revoked.
    pub desks: i64,
}

/// `PUT /v1/weekly-reviews/{week}`: what the server did with a desk's weekly review PDF.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct WeeklyReviewReceipt {
    /// The ISO week, "2026-W49".
    pub week: String,
    /// Mailed now to this many recipients; 0 when it was not (see the other fields).
    pub mailed_to: u32,
    /// Another desk's review of this week was mailed already: a week is mailed once.
    pub already_mailed: bool,
    /// The team configured no SMTP relay: nothing is mailed.
    pub mail_configured: bool,
}
