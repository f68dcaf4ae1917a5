//! A desk in miniature: writes chained events the way a real desk's store does, so the tests
//! push what the server will meet in the field.

use lotline_domain::Event;
use lotline_domain::envelope::{GENESIS, current_schema_version, payload_hash};
use lotline_sync::{CredentialPayload, WireEvent};

pub struct FakeDesk {
    pub desk_id: String,
    next_seq: i64,
    head: String,
    clock_ms: i64,
}

impl FakeDesk {
    pub fn new() -> FakeDesk {
        FakeDesk {
            desk_id: uuid::Uuid::now_v7().to_string(),
            next_seq: 1,
            head: GENESIS.to_owned(),
            clock_ms: 1_796_512_708_508,
        }
    }

    /// One act of `events` shared events of `kind`, chained after the desk's last event.
    pub fn act(&mut self, kind: &str, events: usize) -> Vec<WireEvent> {
        let act_id = uuid::Uuid::now_v7().to_string();
        (0..events).map(|i| self.event(&act_id, kind, Some(format!("{{\"n\":{i},\"kind\":\"{kind}\"}}")))).collect()
    }

    /// One act of real domain events, in their own streams, written after the desk had pulled
    /// the team's log up to `seen`.
    pub fn domain_act_seen(&mut self, events: &[lotline_domain::Event], seen: i64) -> Vec<WireEvent> {
        let act_id = uuid::Uuid::now_v7().to_string();
        events
            .iter()
            .map(|e| {
                let mut event = self.event(&act_id, e.kind(), Some(serde_json::to_string(e).unwrap()));
                let (stream_type, stream_id) = e.stream();
                (event.stream_type, event.stream_id, event.seen) = (stream_type.to_owned(), stream_id, seen);
                event.hash = event.chain_link().hash();
                self.head = event.hash.clone();
                event
            })
            .collect()
    }

    /// A credential event: travels as a stub without its payload.
    pub fn local_only_act(&mut self) -> Vec<WireEvent> {
        let act_id = uuid::Uuid::now_v7().to_string();
        vec![self.event(&act_id, "password_set", None)]
    }

    /// One act of real domain events by `actor`, as a desk's store writes them: credential
    /// events as stubs, their payloads answered beside for the push's `credentials`.
    pub fn domain_act(&mut self, actor: &str, events: &[Event]) -> (Vec<WireEvent>, Vec<CredentialPayload>) {
        let act_id = uuid::Uuid::now_v7().to_string();
        let mut act = Vec::new();
        let mut credentials = Vec::new();
        for event in events {
            let payload = serde_json::to_string(event).unwrap();
            let local_only = event.is_local_only();
            let mut wire = self.event(&act_id, event.kind(), (!local_only).then(|| payload.clone()));
            let (stream_type, stream_id) = event.stream();
            wire.stream_type = stream_type.to_owned();
            wire.stream_id = stream_id;
            wire.schema_version = current_schema_version(event.kind());
            wire.payload_hash = payload_hash(&payload);
            wire.actor_id = Some(actor.to_owned());
            wire.hash = wire.chain_link().hash();
            if local_only {
                credentials.push(CredentialPayload { event_id: wire.id.clone(), payload });
            }
            act.push(wire);
        }
        // The fields changed after chaining: link the act again as the desk would have.
        self.relink(&mut act);
        (act, credentials)
    }

    /// One act the app wrote on its own, with nobody signed in (its daily job).
    pub fn app_act(&mut self, events: &[Event]) -> Vec<WireEvent> {
        let (mut act, _) = self.domain_act("", events);
        for event in &mut act {
            event.actor_id = None;
        }
        self.relink(&mut act);
        act
    }

    fn relink(&mut self, act: &mut [WireEvent]) {
        let mut prev = act[0].prev_hash.clone();
        for event in act.iter_mut() {
            event.prev_hash = prev;
            event.hash = event.chain_link().hash();
            prev = event.hash.clone();
        }
        self.head = prev;
    }

    fn event(&mut self, act_id: &str, kind: &str, payload: Option<String>) -> WireEvent {
        self.clock_ms += 1;
        let local_only = payload.is_none();
        let hashed = payload.clone().unwrap_or_else(|| "{\"password_hash\":\"$argon2id$…\"}".to_owned());
        let mut event = WireEvent {
            id: uuid::Uuid::now_v7().to_string(),
            desk_id: self.desk_id.clone(),
            desk_seq: self.next_seq,
            act_id: act_id.to_owned(),
            stream_type: "failure".into(),
            stream_id: format!("QF-AMS1A-{:06}", self.next_seq),
            kind: kind.to_owned(),
            schema_version: 1,
            payload,
            payload_hash: payload_hash(&hashed),
            actor_id: Some("u1".into()),
            occurred_at: "2026-12-01T10:00:00.000Z".into(),
            hlc: format!("{:015}-00000-{}", self.clock_ms, self.desk_id),
            seen: 0,
            local_only,
            redacted: false,
            prev_hash: self.head.clone(),
            hash: String::new(),
        };
        event.hash = event.chain_link().hash();
        self.head = event.hash.clone();
        self.next_seq += 1;
        event
    }
}

/// Recomputes an event's hashes after a test edits it, as a desk that lies consistently would.
pub fn rehash(event: &mut WireEvent) {
    if let Some(payload) = &event.payload {
        event.payload_hash = payload_hash(payload);
    }
    event.hash = event.chain_link().hash();
}
