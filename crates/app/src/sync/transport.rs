//! How a desk reaches the team's log: the HTTP client to the sync server in the hosts, a
//! stand-in in tests.

use std::collections::BTreeMap;
use std::future::Future;

use lotline_store::{EnvelopedEvent, PulledEvent};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusedAct {
    pub act_id: String,
    pub event_ids: Vec<String>,
    pub reason_key: String,
    /// The reason's parameters (the record, its status), for the reason in the user's language.
    pub params: BTreeMap<String, String>,
    pub message: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PushOutcome {
    /// (event id, server sequence) of every event the server holds now.
    pub accepted: Vec<(String, i64)>,
    pub rejected: Vec<RefusedAct>,
    /// The server is missing this desk's events from this sequence on: send from there.
    pub resend_from: Option<i64>,
    /// (old number, new number) of records this desk numbered before it enrolled that the team
    /// already had.
    pub renumbered: Vec<(String, String)>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PulledPage {
    pub events: Vec<PulledEvent>,
    pub more: bool,
    /// The team's desks as (desk id, desk code), when the server names them.
    pub desks: Vec<(String, String)>,
    /// (desk, sequence, hash) of each desk's last event on the page, as the server verified it.
    pub anchors: Vec<(String, i64, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransportError {
    /// No answer: offline, a wrong address, the server down.
    #[error("the sync server cannot be reached: {0}")]
    Unreachable(String),
    /// The server answered no: a revoked desk, a bad request.
    #[error("the sync server refused: {key}: {detail}")]
    Refused { key: String, detail: String },
}

pub trait Transport {
    /// `credentials`: (event id, full payload) of the batch's credential stubs, for the server's
    /// sign-in; never part of the log.
    fn push(
        &self,
        events: Vec<EnvelopedEvent>,
        credentials: Vec<(String, String)>,
    ) -> impl Future<Output = Result<PushOutcome, TransportError>>;
    /// `push` with the desk's keyed checkpoint of the batch's last event; a transport that has
    /// no use for it pushes as `push` does.
    fn push_sealed(
        &self,
        events: Vec<EnvelopedEvent>,
        credentials: Vec<(String, String)>,
        seal: Option<lotline_sync::PushSeal>,
    ) -> impl Future<Output = Result<PushOutcome, TransportError>> {
        let _ = seal;
        self.push(events, credentials)
    }
    fn pull(&self, after: i64, limit: usize) -> impl Future<Output = Result<PulledPage, TransportError>>;
    fn put_blob(&self, id: &str, bytes: Vec<u8>) -> impl Future<Output = Result<(), TransportError>>;
    fn get_blob(&self, id: &str) -> impl Future<Output = Result<Option<Vec<u8>>, TransportError>>;
    /// Sign-ins this desk decided alone while it could not reach the server (name, when,
    /// succeeded), for the team's lockout. A transport without sign-ins takes them as told.
    fn report_sign_ins(
        &self,
        attempts: Vec<(String, String, bool)>,
    ) -> impl Future<Output = Result<(), TransportError>> {
        let _ = attempts;
        async { Ok(()) }
    }
}
