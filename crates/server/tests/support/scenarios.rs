//! The behaviour docs/sync.md promises, driven over HTTP with the desk's own client. Every
//! backend runs all of them.

use std::sync::Arc;

use lotline_server::{ActJudge, Verdict, issue_enroll_code, issue_enroll_code_valid_for, revoke_desk};
use lotline_sync::{ClientError, EnrollRequest, PushRequest, PushResponse, SyncClient, WireEvent};

use super::Harness;
pub use super::administration::team_administration;
pub use super::authorship::{
    authorship, must_change_after_reset, payer_less_settlements_after_enrolment_refused, ratings_written_by_the_app,
    sign_in_lockout,
};
use super::fake_desk::{FakeDesk, rehash};
pub use super::operations::{backup_restore_drill, desks_and_users_listed, health_and_metrics};
pub use super::sealing::sealed_pushes;
pub use super::weekly_mail::weekly_review_mailed;

fn push_of(acts: &[&[WireEvent]]) -> PushRequest {
    PushRequest::new(acts.iter().flat_map(|act| act.iter().cloned()).collect())
}

/// The error's code and message key, or a panic naming what came instead.
fn refusal<T: std::fmt::Debug>(result: Result<T, ClientError>) -> (u16, String, String) {
    match result {
        Err(ClientError::Server { status, body }) => (status, body.code, body.message_key),
        other => panic!("expected the server to refuse, got {other:?}"),
    }
}

async fn pulled_count(client: &SyncClient) -> usize {
    client.pull(0, Some(5_000)).await.expect("pull").events.len()
}

pub async fn enrolment(h: &Harness) {
    let server = h.start().await;
    let client = SyncClient::new(server.url());
    let code = issue_enroll_code(h.dir.path()).await.unwrap();
    let first = FakeDesk::new();
    let request = EnrollRequest {
        code: code.code.clone(),
        desk_id: first.desk_id.clone(),
        site_code: "AMS1".into(),
        head_seq: 0,
    };
    let enrolled = client.enroll(&request).await.expect("the first use of a code enrols");
    assert_eq!(enrolled.desk_code, "AMS1A");
    assert!(!enrolled.team_id.is_empty());

    let second = FakeDesk::new();
    let again = EnrollRequest { desk_id: second.desk_id.clone(), ..request.clone() };
    assert_eq!(refusal(client.enroll(&again).await), (400, "invalid".into(), "sync.enroll_code_used".into()));

    let (_, enrolled_b) = h.enrol(&server, &second.desk_id, "AMS1").await;
    assert_eq!(enrolled_b.desk_code, "AMS1B");
    let (_, other_site) = h.enrol(&server, &FakeDesk::new().desk_id, "ROT2").await;
    assert_eq!(other_site.desk_code, "ROT2A");

    let expired = issue_enroll_code_valid_for(h.dir.path(), chrono::Duration::minutes(-1)).await.unwrap();
    let late =
        EnrollRequest { code: expired.code, desk_id: FakeDesk::new().desk_id, site_code: "AMS1".into(), head_seq: 0 };
    assert_eq!(refusal(client.enroll(&late).await), (400, "invalid".into(), "sync.enroll_code_expired".into()));

    let unknown = EnrollRequest { code: "NOPE-NOPE".into(), ..late };
    assert_eq!(refusal(client.enroll(&unknown).await).2, "sync.enroll_code_unknown");

    let fresh = issue_enroll_code(h.dir.path()).await.unwrap();
    let bad_site =
        EnrollRequest { code: fresh.code, desk_id: FakeDesk::new().desk_id, site_code: "ams 1".into(), head_seq: 0 };
    assert_eq!(refusal(client.enroll(&bad_site).await).2, "sync.site_code_invalid");
    server.shutdown().await.unwrap();
}

pub async fn push_pull_round_trip(h: &Harness) {
    let server = h.start().await;
    let mut desk_a = FakeDesk::new();
    let mut desk_b = FakeDesk::new();
    let (client_a, _) = h.enrol(&server, &desk_a.desk_id, "AMS1").await;
    let (client_b, _) = h.enrol(&server, &desk_b.desk_id, "AMS1").await;

    let (one, two, secret) = (desk_a.act("probe_logged", 1), desk_a.act("probe_opened", 2), desk_a.local_only_act());
    let response = client_a.push(&push_of(&[&one, &two, &secret])).await.unwrap();
    let seqs: Vec<i64> = response.accepted.iter().map(|a| a.server_seq).collect();
    assert_eq!(seqs, vec![1, 2, 3, 4]);
    assert_eq!((response.rejected.len(), response.resend_from), (0, None));

    let from_b = desk_b.act("probe_logged", 1);
    let response_b = client_b.push(&push_of(&[&from_b])).await.unwrap();
    assert_eq!(response_b.accepted[0].server_seq, 5);

    let pulled = client_b.pull(0, None).await.unwrap();
    assert_eq!((pulled.next, pulled.more), (5, false));
    let sent: Vec<WireEvent> = [one, two, secret, from_b].concat();
    let served: Vec<WireEvent> = pulled.events.iter().map(|e| e.event.clone()).collect();
    assert_eq!(served, sent, "events come back exactly as sent, in server order");
    assert!(served[3].payload.is_none() && served[3].local_only, "a local-only event stays a stub");
    assert!(served.iter().all(|e| e.verify().is_ok()));

    let after = client_a.pull(5, None).await.unwrap();
    assert_eq!((after.events.len(), after.next, after.more), (0, 5, false));
    server.shutdown().await.unwrap();
}

pub async fn idempotent_repush(h: &Harness) {
    let server = h.start().await;
    let mut desk = FakeDesk::new();
    let (client, _) = h.enrol(&server, &desk.desk_id, "AMS1").await;
    let batch = push_of(&[&desk.act("probe_logged", 2), &desk.act("probe_opened", 1)]);
    let first = client.push(&batch).await.unwrap();
    // The desk was killed before it read the reply: it sends the same batch again.
    let second = client.push(&batch).await.unwrap();
    assert_eq!(first, second, "a re-push answers as before");
    assert_eq!(pulled_count(&client).await, 3, "nothing doubled");

    let next = desk.act("probe_closed", 1);
    let mut events = batch.events.clone();
    events.extend(next.iter().cloned());
    let third = client.push(&PushRequest::new(events)).await.unwrap();
    let seqs: Vec<i64> = third.accepted.iter().map(|a| a.server_seq).collect();
    assert_eq!(seqs, vec![1, 2, 3, 4]);

    // The same place in the chain (sequence 3, same links) with other content.
    let mut changed = batch.events[2].clone();
    changed.payload = Some("{\"n\":99}".into());
    rehash(&mut changed);
    let conflict = client.push(&PushRequest::new(vec![changed])).await;
    assert_eq!(refusal(conflict), (409, "conflict".into(), "sync.event_conflict".into()));
    assert_eq!(pulled_count(&client).await, 4);
    server.shutdown().await.unwrap();
}

pub async fn gap_answers_resend_from(h: &Harness) {
    let server = h.start().await;
    let mut desk = FakeDesk::new();
    let (client, _) = h.enrol(&server, &desk.desk_id, "AMS1").await;
    let (one, two, three) = (desk.act("a", 1), desk.act("b", 2), desk.act("c", 1));
    let response = client.push(&push_of(&[&one, &three])).await.unwrap();
    assert_eq!(response.accepted.len(), 1);
    assert_eq!(response.resend_from, Some(2), "the first sequence the server is missing");
    assert_eq!(pulled_count(&client).await, 1, "nothing stored from the gap on");

    let only_future = client.push(&push_of(&[&three])).await.unwrap();
    assert_eq!((only_future.accepted.len(), only_future.resend_from), (0, Some(2)));

    let resent = client.push(&push_of(&[&two, &three])).await.unwrap();
    let seqs: Vec<i64> = resent.accepted.iter().map(|a| a.server_seq).collect();
    assert_eq!((seqs, resent.resend_from), (vec![2, 3, 4], None));
    server.shutdown().await.unwrap();
}

// One tampering after another against the same server, each checked to store nothing.
pub async fn tampered_events_store_nothing(h: &Harness) {
    let server = h.start().await;
    let mut desk = FakeDesk::new();
    let (client, _) = h.enrol(&server, &desk.desk_id, "AMS1").await;
    let good = desk.act("probe_logged", 1);
    let act = desk.act("probe_opened", 2);

    let mut edited = act.clone();
    edited[1].payload = Some("{\"n\":1,\"qty\":1000}".into());
    let answer = refusal(client.push(&push_of(&[&good, &edited])).await);
    assert_eq!(answer, (400, "invalid".into(), "sync.payload_hash_mismatch".into()));

    let mut moved = act.clone();
    moved[0].stream_id = "RMA-ELSEWHERE".into();
    assert_eq!(refusal(client.push(&push_of(&[&good, &moved])).await).2, "sync.hash_mismatch");

    let mut not_json = act.clone();
    not_json[0].payload = Some("{not json".into());
    rehash(&mut not_json[0]);
    assert_eq!(refusal(client.push(&push_of(&[&good, &not_json])).await).2, "sync.payload_not_json");

    let mut leaked = desk.local_only_act();
    leaked[0].payload = Some("{\"password_hash\":\"x\"}".into());
    assert_eq!(refusal(client.push(&push_of(&[&good, &act, &leaked])).await).2, "sync.local_only_with_payload");

    assert_eq!(pulled_count(&client).await, 0, "not even the good act before the bad one");
    server.shutdown().await.unwrap();
}

pub async fn other_desks_events_refused(h: &Harness) {
    let server = h.start().await;
    let mut desk_a = FakeDesk::new();
    let desk_b = FakeDesk::new();
    let (_, _) = h.enrol(&server, &desk_a.desk_id, "AMS1").await;
    let (client_b, _) = h.enrol(&server, &desk_b.desk_id, "AMS1").await;
    let answer = refusal(client_b.push(&push_of(&[&desk_a.act("probe_logged", 1)])).await);
    assert_eq!(answer, (403, "forbidden".into(), "sync.other_desk_event".into()));
    assert_eq!(pulled_count(&client_b).await, 0);
    server.shutdown().await.unwrap();
}

pub async fn broken_chain_and_reused_sequence_refused(h: &Harness) {
    let server = h.start().await;
    let mut desk = FakeDesk::new();
    let (client, _) = h.enrol(&server, &desk.desk_id, "AMS1").await;
    let mut unlinked = desk.act("a", 1);
    unlinked[0].prev_hash = "f".repeat(64);
    rehash(&mut unlinked[0]);
    assert_eq!(
        refusal(client.push(&push_of(&[&unlinked])).await),
        (409, "conflict".into(), "sync.chain_broken".into())
    );

    let mut split = FakeDesk::new();
    split.desk_id = desk.desk_id.clone();
    let act = split.act("b", 3);
    client.push(&push_of(&[&act[..2]])).await.unwrap();
    assert_eq!(refusal(client.push(&push_of(&[&act[2..]])).await).2, "sync.act_split");

    let mut interleaved = split.act("c", 2);
    let other = split.act("d", 1);
    interleaved.insert(1, other[0].clone());
    assert_eq!(refusal(client.push(&push_of(&[&interleaved])).await).2, "sync.act_split");
    let mut gapped = split.act("e", 3);
    gapped.remove(1);
    assert_eq!(refusal(client.push(&push_of(&[&gapped])).await).2, "sync.act_not_contiguous");
    assert_eq!(pulled_count(&client).await, 2);
    server.shutdown().await.unwrap();
}

pub async fn revoked_token_refused_at_once(h: &Harness) {
    let server = h.start().await;
    let mut desk = FakeDesk::new();
    let (client, enrolled) = h.enrol(&server, &desk.desk_id, "AMS1").await;
    client.push(&push_of(&[&desk.act("a", 1)])).await.unwrap();
    assert!(revoke_desk(h.dir.path(), &enrolled.desk_code).await.unwrap());
    assert!(!revoke_desk(h.dir.path(), "NOSUCH").await.unwrap());

    let answer = refusal(client.push(&push_of(&[&desk.act("b", 1)])).await);
    assert_eq!(answer, (401, "unauthorized".into(), "sync.token_revoked".into()));
    assert_eq!(refusal(client.pull(0, None).await).2, "sync.token_revoked");

    let stranger = SyncClient::new(server.url()).with_token("not-a-token");
    assert_eq!(refusal(stranger.pull(0, None).await), (401, "unauthorized".into(), "sync.token_unknown".into()));
    let bare = reqwest::get(format!("{}/v1/pull", server.url())).await.unwrap();
    assert_eq!(bare.status().as_u16(), 401);
    let body: lotline_sync::ErrorBody = bare.json().await.unwrap();
    assert_eq!(body.message_key, "sync.token_missing");
    server.shutdown().await.unwrap();
}

pub async fn pull_pages_by_limit(h: &Harness) {
    let server = h.start().await;
    let mut desk = FakeDesk::new();
    let (client, _) = h.enrol(&server, &desk.desk_id, "AMS1").await;
    let acts: Vec<Vec<WireEvent>> = (0..5).map(|_| desk.act("probe_logged", 5)).collect();
    let refs: Vec<&[WireEvent]> = acts.iter().map(Vec::as_slice).collect();
    client.push(&push_of(&refs)).await.unwrap();

    let mut after = 0;
    let mut pages = Vec::new();
    loop {
        let page = client.pull(after, Some(10)).await.unwrap();
        pages.push((page.events.len(), page.next, page.more));
        after = page.next;
        if !page.more {
            break;
        }
    }
    assert_eq!(pages, vec![(10, 10, true), (10, 20, true), (5, 25, false)]);
    let capped = client.pull(0, Some(1_000_000)).await.unwrap();
    assert_eq!((capped.events.len(), capped.more), (25, false));
    server.shutdown().await.unwrap();
}

/// Refuses acts of kind `rma_settled_twice`, as the app's rules would.
struct RefuseSettledTwice;

impl ActJudge for RefuseSettledTwice {
    fn judge(&self, act: &[WireEvent]) -> Verdict {
        if act[0].kind != "rma_settled_twice" {
            return Verdict::Accept;
        }
        let mut params = serde_json::Map::new();
        params.insert("rma".into(), act[0].stream_id.clone().into());
        Verdict::Refuse { reason_key: "rma.already_settled".into(), params, message: "already settled".into() }
    }
}

pub async fn refused_acts_keep_the_chain(h: &Harness) {
    let server = h.start_with(Arc::new(RefuseSettledTwice)).await;
    let mut desk = FakeDesk::new();
    let (client, _) = h.enrol(&server, &desk.desk_id, "AMS1").await;
    let (before, refused, after) = (desk.act("a", 1), desk.act("rma_settled_twice", 2), desk.act("b", 1));
    let batch = push_of(&[&before, &refused]);
    let response: PushResponse = client.push(&batch).await.unwrap();
    assert_eq!(response.accepted.len(), 1);
    assert_eq!(response.rejected.len(), 1);
    let rejected = &response.rejected[0];
    assert_eq!(rejected.act_id, refused[0].act_id);
    assert_eq!(rejected.event_ids, refused.iter().map(|e| e.id.clone()).collect::<Vec<_>>());
    assert_eq!(rejected.reason_key, "rma.already_settled");
    assert_eq!(rejected.params["rma"], refused[0].stream_id.as_str());

    assert_eq!(client.push(&batch).await.unwrap(), response, "a refused act answers the same again");
    let next = client.push(&push_of(&[&after])).await.unwrap();
    // The refused act keeps its two places in the sequence, as stubs every desk pulls, so the
    // desk's chain is whole on every desk.
    assert_eq!((next.accepted.len(), next.accepted[0].server_seq, next.resend_from), (1, 4, None));
    let pulled = client.pull(0, None).await.unwrap();
    let served: Vec<(&str, bool, bool)> =
        pulled.events.iter().map(|e| (e.event.kind.as_str(), e.rejected, e.event.payload.is_some())).collect();
    assert_eq!(
        served,
        vec![
            ("a", false, true),
            ("rma_settled_twice", true, false),
            ("rma_settled_twice", true, false),
            ("b", false, true)
        ]
    );
    server.shutdown().await.unwrap();
}

pub async fn malformed_and_oversized_requests(h: &Harness) {
    let server = h.start().await;
    let mut desk = FakeDesk::new();
    let (client, enrolled) = h.enrol(&server, &desk.desk_id, "AMS1").await;
    let http = reqwest::Client::new();
    let post = |body: Vec<u8>| {
        http.post(format!("{}/v1/push", server.url()))
            .bearer_auth(&enrolled.token)
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    let malformed = post(b"{\"events\": [ {\"id\": ".to_vec()).await.unwrap();
    assert_eq!(malformed.status().as_u16(), 400);
    let body: lotline_sync::ErrorBody = malformed.json().await.unwrap();
    assert_eq!((body.code.as_str(), body.message_key.as_str()), ("invalid", "sync.body_malformed"));

    let oversized = post(vec![b' '; lotline_server::limits::MAX_BODY_BYTES + 1]).await.unwrap();
    assert_eq!(oversized.status().as_u16(), 413);
    let body: lotline_sync::ErrorBody = oversized.json().await.unwrap();
    assert_eq!(body.code, "too_large");

    let too_many = desk.act("bulk", lotline_server::limits::MAX_EVENTS_PER_PUSH + 1);
    assert_eq!(refusal(client.push(&push_of(&[&too_many])).await).2, "sync.push_too_many_events");
    assert_eq!(pulled_count(&client).await, 0);

    let bad_query = http.get(format!("{}/v1/pull?after=x", server.url())).bearer_auth(&enrolled.token).send().await;
    assert_eq!(bad_query.unwrap().status().as_u16(), 400);
    let openapi: serde_json::Value =
        http.get(format!("{}/v1/openapi.json", server.url())).send().await.unwrap().json().await.unwrap();
    assert!(openapi["paths"]["/v1/push"].is_object());
    server.shutdown().await.unwrap();
}

pub async fn blob_round_trip(h: &Harness) {
    let server = h.start().await;
    let desk = FakeDesk::new();
    let (client, _) = h.enrol(&server, &desk.desk_id, "AMS1").await;
    let photo = b"\x89PNG a photo of a cracked housing".to_vec();
    let sha = lotline_domain::envelope::payload_hash(std::str::from_utf8(&photo[4..]).unwrap());
    let sha_of_photo = {
        use sha2::Digest;
        sha2::Sha256::digest(&photo).iter().map(|b| format!("{b:02x}")).collect::<String>()
    };
    client.put_blob(&sha_of_photo, photo.clone()).await.unwrap();
    client.put_blob(&sha_of_photo, photo.clone()).await.expect("a second upload is harmless");
    assert_eq!(client.get_blob(&sha_of_photo).await.unwrap(), photo);
    assert!(h.dir.path().join("blobs").join(&sha_of_photo).exists());

    assert_eq!(
        refusal(client.put_blob(&sha, photo.clone()).await),
        (400, "invalid".into(), "sync.blob_hash_mismatch".into())
    );
    assert!(!h.dir.path().join("blobs").join(&sha).exists(), "a refused blob leaves no file");
    assert_eq!(refusal(client.get_blob(&sha).await).0, 404);
    assert_eq!(refusal(client.put_blob("../../etc/passwd", photo).await).0, 404, "not a route: no path escapes");
    server.shutdown().await.unwrap();
}

/// An order of 5 units on line 1, and an approved return of `qty` of them.
fn order_of_five() -> lotline_domain::Event {
    serde_json::from_value(serde_json::json!({"kind": "order_recorded", "order_no": "SO-1", "customer_code": "C-1",
        "ordered_at": "2026-10-01T10:00:00Z", "currency": "EUR",
        "lines": [{"line_no": 1, "sku": "BOX-5L", "qty": 5, "unit_price_minor": 500}]}))
    .unwrap()
}

fn rma_for(rma_no: &str, qty: i64) -> lotline_domain::Event {
    serde_json::from_value(serde_json::json!({"kind": "rma_opened", "rma_no": rma_no, "customer_code": "C-1",
        "lines": [{"order_no": "SO-1", "line_no": 1, "sku": "BOX-5L", "qty": qty, "unit_price_minor": 500}],
        "currency": "EUR", "reason_code": "no_longer_needed", "preferred_outcome": "refund",
        "eligibility": {"verdict": "approved", "policy_version": 1, "outcomes": []}}))
    .unwrap()
}

pub async fn quantity_caps_hold_across_desks(h: &Harness) {
    let server = h.start().await;
    let (mut desk_a, mut desk_b) = (FakeDesk::new(), FakeDesk::new());
    let (client_a, _) = h.enrol(&server, &desk_a.desk_id, "AMS1").await;
    let (client_b, enrolled_b) = h.enrol(&server, &desk_b.desk_id, "AMS1").await;
    let order = desk_a.domain_act_seen(&[order_of_five()], 0);
    client_a.push(&push_of(&[&order])).await.unwrap();

    // Both desks had the order (sequence 1); offline, each opens a return for 3 of the 5 units.
    let on_a = desk_a.domain_act_seen(&[rma_for("RMA-AMS1A-000003", 3)], 1);
    let on_b = desk_b.domain_act_seen(&[rma_for("RMA-AMS1B-000001", 3)], 1);
    assert!(client_a.push(&push_of(&[&on_a])).await.unwrap().rejected.is_empty());
    let response = client_b.push(&push_of(&[&on_b])).await.unwrap();
    assert_eq!(response.rejected.len(), 1, "{response:?}");
    let refused = &response.rejected[0];
    assert_eq!(refused.reason_key, "error.sync.returnable_taken");
    let param = |k: &str| refused.params[k].as_str().unwrap().to_owned();
    assert_eq!([param("left"), param("ordered"), param("taken_by")], ["2", "5", "RMA-AMS1A-000003"]);

    // What is left may come back. A server whose log was stored before it indexed subjects
    // indexes them when it starts, and still counts what was taken.
    let rest = desk_b.domain_act_seen(&[rma_for("RMA-AMS1B-000002", 2)], 2);
    assert!(client_b.push(&push_of(&[&rest])).await.unwrap().rejected.is_empty());
    server.shutdown().await.unwrap();
    h.execute("DELETE FROM event_subjects").await;
    let server = h.start().await;
    let client_b = SyncClient::new(server.url()).with_token(enrolled_b.token.clone());
    let more = desk_b.domain_act_seen(&[rma_for("RMA-AMS1B-000003", 1)], 5);
    let response = client_b.push(&push_of(&[&more])).await.unwrap();
    assert_eq!(response.rejected.first().map(|r| r.reason_key.as_str()), Some("error.sync.returnable_taken"));
    server.shutdown().await.unwrap();
}

fn failure_logged(number: &str, description: &str) -> lotline_domain::Event {
    serde_json::from_value(serde_json::json!({
        "kind": "failure_logged", "failure_no": number, "occurred_at": "2026-12-01T10:00:00.000Z",
        "inspector_id": "u1",
        "record": {"sku": "SKU-1", "vendor_code": "V01", "lot_code": null, "serials": [], "stage": "incoming",
                   "qty_inspected": 10, "qty_failed": 1, "category_code": "DIM", "description": description,
                   "severity": "minor", "owner_team": "warehouse_qc", "inspection": null, "attachment_ids": []},
        "disposition": null, "reinspection_of": null
    }))
    .expect("a failure_logged event")
}

/// The push judges each act against the acts before it in the same push, as it would across
/// pushes, though it writes the push's rows only once all are judged: a number an earlier act
/// took is renamed, a claim an earlier act made is refused, units an earlier act took back are
/// gone; and an id used twice, or one the team holds, stores nothing of the push.
pub async fn acts_of_one_push_are_judged_in_order(h: &Harness) {
    let server = h.start().await;
    let mut desk = FakeDesk::new();
    let (client, enrolled) = h.enrol(&server, &desk.desk_id, "AMS1").await;
    let number = |n: usize| format!("QF-AMS1-{n:06}");
    let renamed = |n: usize| format!("QF-{}-{n:06}", enrolled.desk_code);
    let mut acts: Vec<Vec<WireEvent>> =
        (1..=700).map(|n| desk.domain_act_seen(&[failure_logged(&number(n), "scratch")], 0)).collect();
    // Written before the desk enrolled: a number the push already took goes by the desk's
    // number; a second record under that number clashes with the renamed one.
    acts.push(desk.domain_act_seen(&[failure_logged(&number(1), "dent")], 0));
    acts.push(desk.domain_act_seen(&[failure_logged(&number(1), "crack")], 0));
    acts.push(desk.domain_act_seen(&[order_of_five()], 0));
    acts.push(desk.domain_act_seen(&[rma_for("RMA-AMS1-000001", 4)], 0));
    acts.push(desk.domain_act_seen(&[rma_for("RMA-AMS1-000002", 2)], 0));
    let batch = push_of(&acts.iter().map(Vec::as_slice).collect::<Vec<_>>());
    let response = client.push(&batch).await.unwrap();
    let renumbered: Vec<(String, String)> =
        response.renumbered.iter().map(|r| (r.from.clone(), r.to.clone())).collect();
    assert_eq!(renumbered, [(number(1), renamed(1))]);
    let refused: Vec<(&str, &str)> =
        response.rejected.iter().map(|r| (r.act_id.as_str(), r.reason_key.as_str())).collect();
    assert_eq!(
        refused,
        [
            (acts[701][0].act_id.as_str(), "error.sync.already_claimed"),
            (acts[704][0].act_id.as_str(), "error.sync.returnable_taken"),
        ]
    );
    let seqs: Vec<i64> = response.accepted.iter().map(|a| a.server_seq).collect();
    assert_eq!(seqs, (1..=701).chain([703, 704]).collect::<Vec<i64>>(), "refused acts keep their places as stubs");
    // A re-push answers the same (the renames travel again with the pulled events).
    let again = client.push(&batch).await.unwrap();
    assert!(again.accepted == response.accepted && again.rejected == response.rejected, "a re-push answers the same");

    // The next push reads what this one stored.
    let late = desk.domain_act_seen(&[failure_logged(&renamed(700), "dent")], 0);
    let clash = desk.domain_act_seen(&[failure_logged(&renamed(1), "chip")], 0);
    let more = desk.domain_act_seen(&[rma_for("RMA-AMS1-000003", 2)], 0);
    let next = client.push(&push_of(&[&late, &clash, &more])).await.unwrap();
    let refused: Vec<&str> = next.rejected.iter().map(|r| r.reason_key.as_str()).collect();
    assert_eq!(refused, ["error.sync.already_claimed", "error.sync.returnable_taken"], "{next:?}");
    assert_eq!(next.accepted.len(), 1);

    // An id the team already holds, or one used twice in a push, stores nothing.
    let mut other = FakeDesk::new();
    let (other_client, _) = h.enrol(&server, &other.desk_id, "AMS1").await;
    let mut reused = other.act("probe_logged", 1);
    reused[0].id = acts[5][0].id.clone();
    rehash(&mut reused[0]);
    assert_eq!(
        refusal(other_client.push(&push_of(&[&reused])).await),
        (409, "conflict".into(), "sync.event_id_reused".into())
    );
    let mut third = FakeDesk::new();
    let (third_client, _) = h.enrol(&server, &third.desk_id, "AMS1").await;
    let first = third.act("probe_logged", 1);
    let mut second = third.act("probe_logged", 1);
    second[0].id = first[0].id.clone();
    rehash(&mut second[0]);
    assert_eq!(refusal(third_client.push(&push_of(&[&first, &second])).await).2, "sync.event_id_reused");
    assert_eq!(pulled_count(&client).await, 708);
    server.shutdown().await.unwrap();
}
