//! An event with its whole envelope, as it is pushed, stored by the server and pulled: one type
//! for the desk's log, the wire and the server, so its fields are written once.

use serde::{Deserialize, Serialize};

/// One event as a desk sends it: its envelope, its payload text and its link in the desk's chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = WireEvent))]
pub struct EnvelopedEvent {
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
