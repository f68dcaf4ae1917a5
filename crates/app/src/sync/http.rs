//! The sync server over HTTP (`lotline_sync::SyncClient`) as the desk's transport.

use lotline_store::{EnvelopedEvent, PulledEvent};
use lotline_sync::{ClientError, CredentialPayload, PushRequest, PushSeal, SignInAttempt, SignInAttempts, SyncClient};

use super::transport::{PulledPage, PushOutcome, RefusedAct, Transport, TransportError};

pub struct HttpTransport {
    pub client: SyncClient,
}

pub(crate) fn transport_error(err: ClientError) -> TransportError {
    match err {
        ClientError::Server { body, .. } => TransportError::Refused { key: body.message_key, detail: body.message },
        other => TransportError::Unreachable(other.to_string()),
    }
}

impl Transport for HttpTransport {
    async fn push(
        &self,
        events: Vec<EnvelopedEvent>,
        credentials: Vec<(String, String)>,
    ) -> Result<PushOutcome, TransportError> {
        self.push_sealed(events, credentials, None).await
    }

    async fn push_sealed(
        &self,
        events: Vec<EnvelopedEvent>,
        credentials: Vec<(String, String)>,
        seal: Option<PushSeal>,
    ) -> Result<PushOutcome, TransportError> {
        let credentials =
            credentials.into_iter().map(|(event_id, payload)| CredentialPayload { event_id, payload }).collect();
        let request = PushRequest { events, credentials, seal };
        let answer = self.client.push(&request).await.map_err(transport_error)?;
        Ok(PushOutcome {
            accepted: answer.accepted.into_iter().map(|a| (a.id, a.server_seq)).collect(),
            rejected: answer
                .rejected
                .into_iter()
                .map(|r| RefusedAct {
                    act_id: r.act_id,
                    event_ids: r.event_ids,
                    reason_key: r.reason_key,
                    params: r.params.into_iter().map(|(key, value)| (key, param_text(value))).collect(),
                    message: r.message,
                })
                .collect(),
            resend_from: answer.resend_from,
            renumbered: answer.renumbered.into_iter().map(|r| (r.from, r.to)).collect(),
        })
    }

    async fn pull(&self, after: i64, limit: usize) -> Result<PulledPage, TransportError> {
        let answer = self.client.pull(after, Some(limit as u32)).await.map_err(transport_error)?;
        let events = answer
            .events
            .into_iter()
            .map(|p| PulledEvent {
                server_seq: p.server_seq,
                rejected: p.rejected,
                event: p.event,
                renumbered: p.renumbered.into_iter().map(|r| (r.from, r.to)).collect(),
            })
            .collect();
        let desks = answer.desks.into_iter().map(|d| (d.desk_id, d.desk_code)).collect();
        let anchors = answer.anchors.into_iter().map(|a| (a.desk_id, a.desk_seq, a.hash)).collect();
        Ok(PulledPage { events, more: answer.more, desks, anchors })
    }

    async fn put_blob(&self, id: &str, bytes: Vec<u8>) -> Result<(), TransportError> {
        self.client.put_blob(id, bytes).await.map_err(transport_error)
    }

    async fn get_blob(&self, id: &str) -> Result<Option<Vec<u8>>, TransportError> {
        match self.client.get_blob(id).await {
            Ok(bytes) => Ok(Some(bytes)),
            Err(ClientError::Server { status: 404, .. }) => Ok(None),
            Err(err) => Err(transport_error(err)),
        }
    }

    async fn report_sign_ins(&self, attempts: Vec<(String, String, bool)>) -> Result<(), TransportError> {
        let attempts = attempts.into_iter().map(|(username, at, ok)| SignInAttempt { username, at, ok }).collect();
        self.client.report_sign_ins(&SignInAttempts { attempts }).await.map_err(transport_error)
    }
}

/// A reason's parameter as the UI's messages take it: text as it is, anything else as JSON.
fn param_text(value: serde_json::Value) -> String {
    match value {
        serde_json::Value::String(text) => text,
        other => other.to_string(),
    }
}
