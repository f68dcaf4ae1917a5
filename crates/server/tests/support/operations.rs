//! The server in operation: health, metrics, what an administrator lists, and a restore drill
//! from a backup taken while desks push.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use lotline_domain::Event;
use lotline_domain::people::{Language, Role};
use lotline_server::{ServerError, backup, issue_metrics_token, list_desks, list_users, restore, revoke_desk};
use lotline_sync::{PullResponse, PulledEvent, PushRequest, SyncClient, WireEvent};

use super::Harness;
use super::fake_desk::FakeDesk;

fn push_of(acts: &[&[WireEvent]]) -> PushRequest {
    PushRequest::new(acts.iter().flat_map(|act| act.iter().cloned()).collect())
}

async fn metrics(url: &str, token: Option<&str>) -> (u16, String) {
    let mut request = reqwest::Client::new().get(format!("{url}/v1/metrics"));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.expect("the server answers");
    (response.status().as_u16(), response.text().await.unwrap())
}

/// The value of the sample named exactly `series` (with its labels).
fn sample(text: &str, series: &str) -> Option<f64> {
    text.lines().find_map(|line| line.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
}

pub async fn health_and_metrics(h: &Harness) {
    let server = h.start().await;
    let client = SyncClient::new(server.url());
    let health = client.health().await.expect("health asks no token");
    assert_eq!((health.status.as_str(), health.events, health.last_server_seq, health.desks), ("ok", 0, 0, 0));
    assert_eq!(health.version, env!("CARGO_PKG_VERSION"));

    let mut desk = FakeDesk::new();
    let (desk_client, enrolled) = h.enrol(&server, &desk.desk_id, "AMS1").await;
    let act = desk.act("probe_logged", 3);
    desk_client.push(&push_of(&[&act])).await.unwrap();
    desk_client.pull(0, None).await.unwrap();
    desk_client.pull(3, None).await.unwrap();
    let lost = reqwest::get(format!("{}/v1/nothing-here", server.url())).await.unwrap();
    assert_eq!(lost.status().as_u16(), 404);
    let health = client.health().await.unwrap();
    assert_eq!((health.events, health.last_server_seq, health.desks), (3, 3, 1));

    // Metrics are the administrator's: no token, a desk's token or an old metrics token is refused.
    let (status, body) = metrics(&server.url(), None).await;
    assert_eq!(status, 401, "{body}");
    assert!(body.contains("sync.metrics_token_missing"), "{body}");
    assert_eq!(metrics(&server.url(), Some(&enrolled.token)).await.0, 401);
    let old = issue_metrics_token(h.dir.path()).await.unwrap();
    let token = issue_metrics_token(h.dir.path()).await.unwrap();
    assert_eq!(metrics(&server.url(), Some(&old)).await.0, 401, "a new token replaces the old one");

    let response =
        reqwest::Client::new().get(format!("{}/v1/metrics", server.url())).bearer_auth(&token).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let content_type = response.headers()["content-type"].to_str().unwrap().to_owned();
    assert!(content_type.starts_with("text/plain; version=0.0.4"), "{content_type}");
    let text = response.text().await.unwrap();
    let requests = |labels: &str| sample(&text, &format!("lotline_http_requests_total{{{labels}}}"));
    assert_eq!(requests(r#"endpoint="/v1/push",method="POST",status="200""#), Some(1.0), "{text}");
    assert_eq!(requests(r#"endpoint="/v1/pull",method="GET",status="200""#), Some(2.0), "{text}");
    assert_eq!(requests(r#"endpoint="/v1/enroll",method="POST",status="200""#), Some(1.0), "{text}");
    assert_eq!(requests(r#"endpoint="/v1/health",method="GET",status="200""#), Some(2.0), "{text}");
    assert_eq!(requests(r#"endpoint="unmatched",method="GET",status="404""#), Some(1.0), "{text}");
    assert_eq!(requests(r#"endpoint="/v1/metrics",method="GET",status="401""#), Some(3.0), "{text}");
    assert_eq!(sample(&text, "lotline_push_duration_seconds_count"), Some(1.0), "{text}");
    assert_eq!(sample(&text, r#"lotline_push_duration_seconds_bucket{le="+Inf"}"#), Some(1.0), "{text}");
    assert_eq!(sample(&text, "lotline_pull_duration_seconds_count"), Some(2.0), "{text}");
    assert_eq!(sample(&text, "lotline_log_events"), Some(3.0), "{text}");
    assert_eq!(sample(&text, "lotline_desks_enrolled"), Some(1.0), "{text}");
    assert_eq!(sample(&text, "lotline_desks_revoked"), Some(0.0), "{text}");
    assert!(text.contains("# TYPE lotline_push_duration_seconds histogram\n"), "{text}");
    // Every line is a comment or `name{labels} value`, as Prometheus parses them.
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let (series, value) = line.rsplit_once(' ').unwrap_or_else(|| panic!("a sample line: {line}"));
        assert!(value.parse::<f64>().is_ok() && series.starts_with("lotline_"), "{line}");
    }
    server.shutdown().await.unwrap();
}

fn user(user_id: &str, username: &str, roles: &[Role]) -> Event {
    Event::UserCreated {
        user_id: user_id.into(),
        username: username.into(),
        display_name: username.into(),
        roles: roles.to_vec(),
        language: Language::En,
        password_hash: None,
    }
}

pub async fn desks_and_users_listed(h: &Harness) {
    let server = h.start().await;
    let mut desk = FakeDesk::new();
    let (client, enrolled) = h.enrol(&server, &desk.desk_id, "AMS1").await;
    let listed = list_desks(h.dir.path()).await.unwrap();
    assert_eq!(listed.len(), 1);
    let a = &listed[0];
    assert_eq!((a.desk_code.as_str(), a.site_code.as_str(), a.desk_id.as_str()), ("AMS1A", "AMS1", &*desk.desk_id));
    assert_eq!((a.last_contact_at.as_deref(), a.lotline_version.as_deref()), (None, None), "enrolling is no contact");

    let setup = desk
        .domain_act("u-admin", &[user("u-admin", "Admin", &[Role::Admin]), user("u-tom", "tom", &[Role::Inspector])]);
    let response = client.push(&PushRequest { events: setup.0, credentials: setup.1, seal: None }).await.unwrap();
    assert!(response.rejected.is_empty(), "{response:?}");
    let a = list_desks(h.dir.path()).await.unwrap().remove(0);
    assert!(a.last_contact_at.as_deref().is_some_and(|at| at >= a.enrolled_at.as_str()), "{a:?}");
    assert_eq!(a.lotline_version.as_deref(), Some(env!("CARGO_PKG_VERSION")), "the client names its version");

    // A desk that upgraded says so on its next request, within the minute.
    let upgraded = reqwest::Client::new()
        .get(format!("{}/v1/pull", server.url()))
        .bearer_auth(&enrolled.token)
        .header("X-Lotline-Version", "9.1.0")
        .send()
        .await
        .unwrap();
    assert_eq!(upgraded.status().as_u16(), 200);
    assert_eq!(list_desks(h.dir.path()).await.unwrap()[0].lotline_version.as_deref(), Some("9.1.0"));
    assert!(revoke_desk(h.dir.path(), "AMS1A").await.unwrap());
    assert!(list_desks(h.dir.path()).await.unwrap()[0].revoked_at.is_some());

    let users = list_users(h.dir.path()).await.unwrap();
    let names: Vec<(&str, &[String], bool, bool)> =
        users.iter().map(|u| (u.username.as_str(), u.roles.as_slice(), u.active, u.has_password)).collect();
    assert_eq!(
        names,
        vec![("admin", &["admin".to_owned()][..], true, false), ("tom", &["inspector".to_owned()][..], true, false)],
        "by username without case"
    );
    // Acts from before the desk joined make their author, and the users they create, its people.
    assert!(users.iter().all(|u| u.desks == ["AMS1A"]), "{users:?}");
    assert!(list_desks(&h.dir.path().join("no-such-folder")).await.is_err(), "a mistyped folder is not a new server");
    server.shutdown().await.unwrap();
}

async fn pull_all(client: &SyncClient) -> Vec<PulledEvent> {
    let mut events = Vec::new();
    let mut after = 0;
    loop {
        let PullResponse { events: page, next, more, .. } = client.pull(after, Some(5_000)).await.expect("pull");
        events.extend(page);
        after = next;
        if !more {
            return events;
        }
    }
}

/// Backs up a server while a desk keeps pushing, restores the backup into a new folder (and
/// database), and serves it: desks pull the log as it was at the backup, event for event and
/// place for place, attachments included, and the desks' tokens still work.
pub async fn backup_restore_drill(h: &Harness) {
    let server = h.start().await;
    let mut desk_a = FakeDesk::new();
    let mut desk_b = FakeDesk::new();
    let (client_a, enrolled_a) = h.enrol(&server, &desk_a.desk_id, "AMS1").await;
    let (client_b, _) = h.enrol(&server, &desk_b.desk_id, "AMS1").await;
    for _ in 0..20 {
        let (one, two) = (desk_a.act("probe_logged", 3), desk_b.act("probe_opened", 2));
        client_a.push(&push_of(&[&one])).await.unwrap();
        client_b.push(&push_of(&[&two])).await.unwrap();
    }
    let photo = b"a photo of a cracked housing".to_vec();
    let sha = {
        use sha2::Digest;
        sha2::Sha256::digest(&photo).iter().map(|b| format!("{b:02x}")).collect::<String>()
    };
    client_a.put_blob(&sha, photo.clone()).await.unwrap();

    // Desk B pushes on while the backup is taken: some of its pushes before, some after.
    let pushing = Arc::new(AtomicBool::new(true));
    let pushes = Arc::new(AtomicUsize::new(0));
    let writer = {
        let (pushing, pushes, client_b) = (pushing.clone(), pushes.clone(), client_b.clone());
        tokio::spawn(async move {
            while pushing.load(Ordering::SeqCst) && pushes.load(Ordering::SeqCst) < 500 {
                let act = desk_b.act("probe_logged", 4);
                client_b.push(&push_of(&[&act])).await.unwrap();
                pushes.fetch_add(1, Ordering::SeqCst);
            }
        })
    };
    while pushes.load(Ordering::SeqCst) < 3 && !writer.is_finished() {
        tokio::time::sleep(std::time::Duration::from_millis(2)).await;
    }
    let backups = tempfile::tempdir().unwrap();
    let file = backups.path().join("team.tar");
    let report = backup(h.dir.path(), &file).await;
    pushing.store(false, Ordering::SeqCst);
    let report = match report {
        Err(ServerError::Config(message)) if message.contains("pg_dump was not found") => {
            eprintln!("pg_dump not found; skipping the PostgreSQL backup and restore drill: {message}");
            return;
        }
        other => other.expect("a backup of the running server"),
    };
    writer.await.unwrap();
    let pushed = pushes.load(Ordering::SeqCst);
    eprintln!("{pushed} pushes of desk B around the backup, which holds {}", report.manifest.last_server_seq);
    assert!(report.manifest.last_server_seq >= 100 + 3 * 4, "{report:?}");
    assert_eq!((report.manifest.blobs, report.manifest.backend.as_str()), (1, h.backend()));
    let original = pull_all(&client_a).await;
    server.shutdown().await.unwrap();

    let restored = Harness { dir: tempfile::tempdir().unwrap(), database_url: h.spare_database("restored").await };
    let again = restore(restored.dir.path(), &file, restored.database_url.as_deref()).await.expect("restored");
    assert_eq!(again.manifest, report.manifest);
    assert!(restore(restored.dir.path(), &file, None).await.is_err(), "a folder in use is not restored over");
    let server = restored.start().await;
    let client = SyncClient::new(server.url());
    assert_eq!(client.health().await.unwrap().last_server_seq, report.manifest.last_server_seq);

    let kept: Vec<&PulledEvent> = original.iter().filter(|e| e.server_seq <= report.manifest.last_server_seq).collect();
    let client_a = client.clone().with_token(enrolled_a.token.clone());
    let served = pull_all(&client_a).await;
    assert_eq!(served.len(), kept.len());
    for (served, kept) in served.iter().zip(&kept) {
        assert_eq!((served.server_seq, &served.event), (kept.server_seq, &kept.event), "the same event at its place");
    }
    assert_eq!(client_a.get_blob(&sha).await.unwrap(), photo);

    // A desk that joins the restored team pulls the same log.
    let (newcomer, enrolled) = restored.enrol(&server, &FakeDesk::new().desk_id, "AMS1").await;
    assert_eq!(enrolled.desk_code, "AMS1C", "the restored team remembers its desks");
    let pulled: Vec<(i64, String)> =
        pull_all(&newcomer).await.iter().map(|e| (e.server_seq, e.event.id.clone())).collect();
    let expected: Vec<(i64, String)> = kept.iter().map(|e| (e.server_seq, e.event.id.clone())).collect();
    assert_eq!(pulled, expected);
    server.shutdown().await.unwrap();
}
