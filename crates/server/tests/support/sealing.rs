//! A desk's keyed checkpoint on each push: the server takes the desk's key with its first sealed
//! push, then stores a push only when its checkpoint verifies, and serves each desk's verified
//! head as an anchor.

use lotline_domain::envelope::CheckpointKey;
use lotline_sync::{ClientError, PushRequest, PushSeal, SyncClient, WireEvent};

use super::Harness;
use super::fake_desk::FakeDesk;

fn sealed(events: Vec<WireEvent>, key: &CheckpointKey, send_key: bool) -> PushRequest {
    let last = events.last().expect("events");
    let seal = PushSeal {
        key_id: key.id.clone(),
        checkpoint: key.checkpoint(&last.desk_id, last.desk_seq, &last.hash),
        key: send_key.then(|| format!("{}:{}", key.id, key.to_hex())),
    };
    PushRequest { events, credentials: Vec::new(), seal: Some(seal) }
}

async fn refused(client: &SyncClient, request: &PushRequest) -> (u16, String) {
    match client.push(request).await {
        Err(ClientError::Server { status, body }) => (status, body.message_key),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

pub async fn sealed_pushes(h: &Harness) {
    let server = h.start().await;
    let mut desk = FakeDesk::new();
    let (client, _) = h.enrol(&server, &desk.desk_id, "AMS1").await;
    let key = CheckpointKey::new("key-1", [3; 32]);

    // The first sealed push brings the key; the server verifies the checkpoint with it.
    let first = desk.act("probe_logged", 2);
    let answer = client.push(&sealed(first.clone(), &key, true)).await.expect("first push");
    assert_eq!(answer.accepted.len(), 2);

    // From then on a push without a checkpoint, or with one the key did not make, stores nothing.
    let second = desk.act("probe_logged", 1);
    assert_eq!(refused(&client, &PushRequest::new(second.clone())).await, (409, "sync.checkpoint_missing".into()));
    let forged = CheckpointKey::new("key-1", [4; 32]);
    assert_eq!(
        refused(&client, &sealed(second.clone(), &forged, false)).await,
        (409, "sync.checkpoint_invalid".into())
    );
    assert_eq!(client.pull(0, None).await.expect("pull").events.len(), 2, "nothing of the refused pushes stored");
    assert_eq!(client.push(&sealed(second.clone(), &key, false)).await.expect("sealed").accepted.len(), 1);

    // A desk given a new key (restored elsewhere, accepted by its administrator) sends it along.
    let rekeyed = CheckpointKey::new("key-2", [5; 32]);
    let third = desk.act("probe_logged", 1);
    assert_eq!(client.push(&sealed(third.clone(), &rekeyed, true)).await.expect("new key").accepted.len(), 1);

    // Each page anchors every desk's last event on it, as the server verified it.
    let page = client.pull(0, None).await.expect("pull");
    assert_eq!(page.anchors.len(), 1);
    let anchor = &page.anchors[0];
    assert_eq!(
        (anchor.desk_id.as_str(), anchor.desk_seq, anchor.hash.as_str()),
        (desk.desk_id.as_str(), third[0].desk_seq, third[0].hash.as_str())
    );
}
