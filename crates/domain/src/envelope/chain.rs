//! The per-desk SHA-256 chain: each event's hash covers its envelope, the hash of its payload
//! and the previous hash of the same desk, so an edit, removal or insertion anywhere breaks
//! every link after it. The payload enters through its own hash so that a credential event can
//! stay on its desk while the server still verifies the links around it.

use sha2::{Digest, Sha256};

/// The `prev_hash` of a desk's first event.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// SHA-256 of the payload exactly as stored (its JSON text), in lowercase hex.
pub fn payload_hash(payload: &str) -> String {
    hex(&Sha256::digest(payload.as_bytes()))
}

/// The fields a desk's chain covers: everything the desk decided when it wrote the event.
/// Not the stream version (renumbered on rebase) nor the server sequence (given later).
#[derive(Debug, Clone, Copy)]
pub struct ChainLink<'a> {
    pub id: &'a str,
    pub desk_id: &'a str,
    pub desk_seq: i64,
    pub act_id: &'a str,
    pub stream_type: &'a str,
    pub stream_id: &'a str,
    pub kind: &'a str,
    pub schema_version: i64,
    pub actor_id: Option<&'a str>,
    pub occurred_at: &'a str,
    pub hlc: &'a str,
    /// The last server sequence the desk had pulled when it wrote the event: what it had seen
    /// of other desks, so that a merge can tell concurrent acts from informed ones.
    pub seen: i64,
    pub local_only: bool,
    pub payload_hash: &'a str,
    pub prev_hash: &'a str,
}

impl ChainLink<'_> {
    /// SHA-256 over length-prefixed fields, so no choice of field text can imitate another split.
    pub fn hash(&self) -> String {
        let mut digest = Sha256::new();
        digest.update(b"lotline-event-chain-v1");
        let desk_seq = self.desk_seq.to_string();
        let schema_version = self.schema_version.to_string();
        let seen = self.seen.to_string();
        let fields: [&str; 15] = [
            self.id,
            self.desk_id,
            &desk_seq,
            self.act_id,
            self.stream_type,
            self.stream_id,
            self.kind,
            &schema_version,
            self.actor_id.unwrap_or("\u{0}"),
            self.occurred_at,
            self.hlc,
            &seen,
            if self.local_only { "1" } else { "0" },
            self.payload_hash,
            self.prev_hash,
        ];
        for field in fields {
            digest.update((field.len() as u64).to_be_bytes());
            digest.update(field.as_bytes());
        }
        hex(&digest.finalize())
    }
}

pub(super) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link<'a>(payload_hash: &'a str, prev: &'a str) -> ChainLink<'a> {
        ChainLink {
            id: "01900000-0000-7000-8000-000000000001",
            desk_id: "desk-a",
            desk_seq: 1,
            act_id: "act-1",
            stream_type: "failure",
            stream_id: "QF-AMS1-000001",
            kind: "failure_logged",
            schema_version: 1,
            actor_id: Some("u1"),
            occurred_at: "2026-12-01T10:00:00.000Z",
            hlc: "001796512708508-00000-desk-a",
            seen: 0,
            local_only: false,
            payload_hash,
            prev_hash: prev,
        }
    }

    #[test]
    fn the_sha256_of_a_known_text() {
        assert_eq!(payload_hash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn every_field_changes_the_hash() {
        let ph = payload_hash("{}");
        let base = link(&ph, GENESIS).hash();
        assert_eq!(base, link(&ph, GENESIS).hash(), "deterministic");
        let other_payload = payload_hash("{ }");
        assert_ne!(base, link(&other_payload, GENESIS).hash());
        assert_ne!(base, ChainLink { desk_seq: 2, ..link(&ph, GENESIS) }.hash());
        assert_ne!(base, ChainLink { actor_id: None, ..link(&ph, GENESIS) }.hash());
        assert_ne!(base, ChainLink { actor_id: Some(""), ..link(&ph, GENESIS) }.hash());
        assert_ne!(base, ChainLink { local_only: true, ..link(&ph, GENESIS) }.hash());
        assert_ne!(base, ChainLink { seen: 7, ..link(&ph, GENESIS) }.hash());
        assert_ne!(base, link(&ph, &base).hash(), "the previous hash is covered");
    }

    #[test]
    fn moving_text_between_fields_changes_the_hash() {
        let ph = payload_hash("{}");
        let a = ChainLink { stream_type: "ab", stream_id: "c", ..link(&ph, GENESIS) }.hash();
        let b = ChainLink { stream_type: "a", stream_id: "bc", ..link(&ph, GENESIS) }.hash();
        assert_ne!(a, b);
    }
}
