//! The checks an event passes before the server stores it: its payload is JSON and matches its
//! hash, and its chain hash covers the envelope as sent. Whether it links to the desk's previous
//! event needs the server's state, so that check lives in the server.

use super::{ChainLink, EnvelopedEvent, carries_credential, payload_hash};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    #[error("event {id}: the payload is not JSON")]
    PayloadNotJson { id: String },
    #[error("event {id}: the payload does not match its payload_hash")]
    PayloadHashMismatch { id: String },
    #[error("event {id}: a shared event must carry its payload")]
    PayloadMissing { id: String },
    #[error("event {id}: a local-only event must travel without its payload")]
    LocalOnlyWithPayload { id: String },
    #[error("event {id}: its hash does not match its fields")]
    HashMismatch { id: String },
    #[error("event {id}: only an event that carried a credential may come with it taken out")]
    RedactedWithoutCredential { id: String },
}

impl VerifyError {
    /// The i18n key of the reason, for the server's error answers.
    pub fn message_key(&self) -> &'static str {
        match self {
            VerifyError::PayloadNotJson { .. } => "sync.payload_not_json",
            VerifyError::PayloadHashMismatch { .. } => "sync.payload_hash_mismatch",
            VerifyError::PayloadMissing { .. } => "sync.payload_missing",
            VerifyError::LocalOnlyWithPayload { .. } => "sync.local_only_with_payload",
            VerifyError::HashMismatch { .. } => "sync.hash_mismatch",
            VerifyError::RedactedWithoutCredential { .. } => "sync.redacted_without_credential",
        }
    }
}

impl EnvelopedEvent {
    /// The chain link this event's fields describe.
    pub fn chain_link(&self) -> ChainLink<'_> {
        ChainLink {
            id: &self.id,
            desk_id: &self.desk_id,
            desk_seq: self.desk_seq,
            act_id: &self.act_id,
            stream_type: &self.stream_type,
            stream_id: &self.stream_id,
            kind: &self.kind,
            schema_version: self.schema_version,
            actor_id: self.actor_id.as_deref(),
            occurred_at: &self.occurred_at,
            hlc: &self.hlc,
            seen: self.seen,
            local_only: self.local_only,
            payload_hash: &self.payload_hash,
            prev_hash: &self.prev_hash,
        }
    }

    /// Checks the payload against `payload_hash` and `hash` against the fields, so an event edited
    /// in transit or on disk is caught before it is stored.
    pub fn verify(&self) -> Result<(), VerifyError> {
        let id = || self.id.clone();
        match (&self.payload, self.local_only) {
            (Some(_), true) => return Err(VerifyError::LocalOnlyWithPayload { id: id() }),
            (None, false) => return Err(VerifyError::PayloadMissing { id: id() }),
            (Some(payload), false) => {
                if serde_json::from_str::<serde::de::IgnoredAny>(payload).is_err() {
                    return Err(VerifyError::PayloadNotJson { id: id() });
                }
                // A redacted payload cannot match the hash of the one its desk stored; only the
                // kinds that carried a credential may come redacted.
                if self.redacted {
                    if !carries_credential(&self.kind, self.schema_version) {
                        return Err(VerifyError::RedactedWithoutCredential { id: id() });
                    }
                } else if payload_hash(payload) != self.payload_hash {
                    return Err(VerifyError::PayloadHashMismatch { id: id() });
                }
            }
            (None, true) => {}
        }
        if self.chain_link().hash() != self.hash {
            return Err(VerifyError::HashMismatch { id: id() });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::envelope::GENESIS;

    fn event(payload: Option<&str>, local_only: bool) -> EnvelopedEvent {
        let mut e = EnvelopedEvent {
            id: "01900000-0000-7000-8000-000000000001".into(),
            desk_id: "desk-a".into(),
            desk_seq: 1,
            act_id: "act-1".into(),
            stream_type: "failure".into(),
            stream_id: "QF-AMS1A-000001".into(),
            kind: "failure_logged".into(),
            schema_version: 1,
            payload: payload.map(str::to_owned),
            payload_hash: payload_hash(payload.unwrap_or("{\"secret\":1}")),
            actor_id: Some("u1".into()),
            occurred_at: "2026-12-01T10:00:00.000Z".into(),
            hlc: "001796512708508-00000-desk-a".into(),
            seen: 0,
            local_only,
            redacted: false,
            prev_hash: GENESIS.into(),
            hash: String::new(),
        };
        e.hash = e.chain_link().hash();
        e
    }

    #[test]
    fn a_well_formed_event_and_a_stub_pass() {
        assert_eq!(event(Some("{\"a\":1}"), false).verify(), Ok(()));
        assert_eq!(event(None, true).verify(), Ok(()));
    }

    #[test]
    fn each_tampering_is_named() {
        let mut changed = event(Some("{\"a\":1}"), false);
        changed.payload = Some("{\"a\":2}".into());
        assert!(matches!(changed.verify(), Err(VerifyError::PayloadHashMismatch { .. })));

        let mut moved = event(Some("{\"a\":1}"), false);
        moved.stream_id = "QF-AMS1A-000002".into();
        assert!(matches!(moved.verify(), Err(VerifyError::HashMismatch { .. })));

        let not_json = event(Some("{a"), false);
        assert!(matches!(not_json.verify(), Err(VerifyError::PayloadNotJson { .. })));

        let mut leaked = event(None, true);
        leaked.payload = Some("{\"secret\":1}".into());
        assert!(matches!(leaked.verify(), Err(VerifyError::LocalOnlyWithPayload { .. })));

        assert!(matches!(event(None, false).verify(), Err(VerifyError::PayloadMissing { .. })));
    }
}
