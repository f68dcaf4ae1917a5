//! A stand-in for the sync server in the app's tests: the team's log in memory, each pushed act
//! judged with the domain's merge rules, refused acts kept as stubs; and the desks around it.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use lotline_app::sync::{PulledPage, PushOutcome, RefusedAct, SyncReport, Transport, TransportError};
use lotline_app::{Ctx, FixedClock, Store};
use lotline_domain::Event;
use lotline_domain::envelope::{Decoded, decode_payload};
use lotline_domain::merge::{self, ActEvent, Logged, TeamLog};
use lotline_store::{EnvelopedEvent, PulledEvent};
use serde_json::json;

use super::ADMIN_PASSWORD;

/// The team's log as a server keeps it: one sequence, each act judged with the domain's merge
/// rules against the log so far; a refused act keeps its place (and the desk's chain) as a stub.
#[derive(Default)]
pub struct Hub {
    pub log: RefCell<Vec<PulledEvent>>,
    pub blobs: RefCell<HashMap<String, Vec<u8>>>,
    /// The server's clock; the machine's when unset, as a real server's.
    pub clock: Cell<Option<DateTime<Utc>>>,
}

fn decoded(e: &EnvelopedEvent) -> Option<Event> {
    match decode_payload(&e.kind, e.schema_version, e.payload.as_deref()?) {
        Ok(Decoded::Known(event)) => Some(*event),
        _ => None,
    }
}

/// The team's log as the merge judge reads it: accepted events, in the server's order.
struct Accepted<'h>(&'h [PulledEvent]);

impl Accepted<'_> {
    fn logged(&self, keep: impl Fn(&PulledEvent, &Event) -> bool) -> Vec<Logged> {
        let accepted = self.0.iter().filter(|p| !p.rejected);
        accepted
            .filter_map(|p| {
                let event = decoded(&p.event)?;
                keep(p, &event).then(|| Logged { server_seq: p.server_seq, desk_id: p.event.desk_id.clone(), event })
            })
            .collect()
    }
}

impl TeamLog for Accepted<'_> {
    fn stream(&mut self, stream_type: &str, stream_id: &str) -> Vec<Logged> {
        self.logged(|p, _| p.event.stream_type == stream_type && p.event.stream_id == stream_id)
    }

    fn naming(&mut self, subject: &str) -> Vec<Logged> {
        self.logged(|_, event| merge::subjects_of(event).iter().any(|s| s == subject))
    }
}

impl Hub {
    pub fn page(&self, after: i64, limit: usize) -> Vec<PulledEvent> {
        self.log.borrow().iter().filter(|p| p.server_seq > after).take(limit).cloned().collect()
    }
}

impl Transport for Hub {
    // The stand-in signs no one in: the credentials that travel beside the stubs stay unused.
    async fn push(
        &self,
        events: Vec<EnvelopedEvent>,
        _credentials: Vec<(String, String)>,
    ) -> Result<PushOutcome, TransportError> {
        let mut outcome = PushOutcome::default();
        let mut acts: Vec<Vec<EnvelopedEvent>> = Vec::new();
        for event in events {
            match acts.last_mut() {
                Some(act) if act[0].act_id == event.act_id => act.push(event),
                _ => acts.push(vec![event]),
            }
        }
        for act in acts {
            if let Some(known) = self.log.borrow().iter().find(|p| p.event.id == act[0].id) {
                outcome.accepted.push((known.event.id.clone(), known.server_seq));
                continue;
            }
            let judged: Vec<(&EnvelopedEvent, Event)> = act.iter().filter_map(|e| Some((e, decoded(e)?))).collect();
            let judged: Vec<ActEvent<'_>> =
                judged.iter().map(|(envelope, event)| ActEvent { envelope, event }).collect();
            let now = self.clock.get().unwrap_or_else(Utc::now);
            let verdict = merge::judge_act(&judged, now, &mut Accepted(&self.log.borrow()));
            let mut log = self.log.borrow_mut();
            for mut event in act.iter().cloned() {
                let server_seq = log.len() as i64 + 1;
                if verdict.is_ok() {
                    outcome.accepted.push((event.id.clone(), server_seq));
                } else {
                    event.payload = None;
                }
                if event.local_only {
                    event.payload = None;
                }
                log.push(PulledEvent { server_seq, rejected: verdict.is_err(), event, renumbered: Vec::new() });
            }
            if let Err(err) = verdict {
                outcome.rejected.push(RefusedAct {
                    act_id: act[0].act_id.clone(),
                    event_ids: act.iter().map(|e| e.id.clone()).collect(),
                    reason_key: err.message_key.clone(),
                    params: err.params.clone(),
                    message: err.to_string(),
                });
            }
        }
        Ok(outcome)
    }

    async fn pull(&self, after: i64, limit: usize) -> Result<PulledPage, TransportError> {
        let events = self.page(after, limit);
        let more = self.log.borrow().iter().filter(|p| p.server_seq > after).count() > events.len();
        Ok(PulledPage { events, more, desks: Vec::new(), anchors: Vec::new() })
    }

    async fn put_blob(&self, id: &str, bytes: Vec<u8>) -> Result<(), TransportError> {
        self.blobs.borrow_mut().insert(id.to_owned(), bytes);
        Ok(())
    }

    async fn get_blob(&self, id: &str) -> Result<Option<Vec<u8>>, TransportError> {
        Ok(self.blobs.borrow().get(id).cloned())
    }
}

pub async fn sync(hub: &Hub, ctx: &Ctx) -> SyncReport {
    lotline_app::sync::sync_now(ctx, hub).await.unwrap()
}

pub async fn push(hub: &Hub, ctx: &Ctx) -> SyncReport {
    let mut report = SyncReport::default();
    lotline_app::sync::push(ctx, hub, &mut report).await.unwrap();
    report
}

/// An empty desk of the team: no setup of its own, it receives the team's data.
pub async fn new_desk(desk: &str) -> (Ctx, tempfile::TempDir) {
    new_desk_at(desk, Utc.with_ymd_and_hms(2026, 11, 2, 10, 0, 0).unwrap()).await
}

/// An empty desk whose clock shows `now`.
pub async fn new_desk_at(desk: &str, now: DateTime<Utc>) -> (Ctx, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    (Ctx::new(store, Arc::new(FixedClock::new(now)), desk).with_test_hashing(), dir)
}

/// Passwords never travel in the log: a user of the team signs in on a new desk through the
/// server, which leaves the desk a local credential. Here the credential is taken from `home`.
pub async fn team_sign_in(desk: &Ctx, home: &Store, username: &str) {
    let (user_id, hash): (String, String) = sqlx::query_as(
        "SELECT u.user_id, c.password_hash FROM users u JOIN credentials c ON c.user_id = u.user_id WHERE u.username = ?",
    )
    .bind(username)
    .fetch_one(home.pool())
    .await
    .unwrap();
    let here: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM credentials WHERE user_id = ?")
        .bind(&user_id)
        .fetch_one(desk.store.pool())
        .await
        .unwrap();
    assert_eq!(here, 0, "the hash did not come with the user");
    let mut tx = desk.store.begin_write().await.unwrap();
    let meta = lotline_store::EventMeta::new(Some(user_id.clone()), desk.device_id.clone(), "2026-11-02T10:00:00.000Z");
    let credential = lotline_domain::Event::UserPasswordSet { user_id, password_hash: hash };
    lotline_store::append(&mut tx, &meta, vec![credential]).await.unwrap();
    tx.commit().await.unwrap();
    // The world's administrator has its own password; everyone it added shares another.
    let password = if username == "admin" { ADMIN_PASSWORD } else { super::USER_PASSWORD };
    lotline_app::call(desk, "sign_in", json!({"username": username, "password": password})).await.unwrap();
}

pub async fn assert_same_rows(a: &Store, b: &Store) {
    let (fa, fb) = (lotline_store::fingerprints(a).await.unwrap(), lotline_store::fingerprints(b).await.unwrap());
    let differ: Vec<_> = fa.iter().zip(&fb).filter(|(x, y)| x != y).map(|(x, y)| (&x.0, x.1, y.1)).collect();
    assert!(differ.is_empty(), "tables differ (table, rows here, rows there): {differ:?}");
}
