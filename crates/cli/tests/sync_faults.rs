//! Sync when something dies halfway, with real processes on real databases: a push whose answer
//! is lost after the server committed, a desk killed while the server is inside its push, the
//! server killed inside a push's transaction (SQLite and PostgreSQL), a desk killed while it
//! applies a pulled page. Afterwards nothing is lost, nothing is doubled, every desk holds the
//! server's log at the server's places and `lotline check` passes. The kills land at pause points
//! that debug builds have (crates/store, crates/server: `LOTLINE_FAULT_PAUSE`), so they hit the
//! same place on every run.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;
#[path = "sync_faults/desks.rs"]
mod desks;
#[path = "sync_faults/logs.rs"]
mod logs;
// The server's own test cluster; these tests need only part of it.
#[allow(dead_code)]
#[path = "../../server/tests/support/postgres.rs"]
mod postgres;
#[path = "sync_faults/proxy.rs"]
mod proxy;

use std::path::Path;

use common::team::{Server, ServerOptions, check, json};
use common::{lotline, ok};
use desks::{act_sizes, assert_converged, home_desk, kill_when_paused, new_desk, pending, spawn_sync, write_acts};
use logs::{DeskLog, ServerLog, assert_same_places};
use proxy::Proxy;

#[tokio::test(flavor = "multi_thread")]
async fn a_push_answer_lost_after_the_commit_is_answered_again_not_stored_twice() {
    let root = tempfile::tempdir().unwrap();
    let server_dir = root.path().join("server");
    let server = Server::start(&server_dir);
    let proxy = Proxy::start(&server.addr);
    let a = home_desk(root.path(), &server_dir, &proxy.url);
    // Three pushes of at most 1,000 events: the second one's answer never reaches the desk.
    write_acts(&a, &act_sizes(2_400), "LOST").await;
    let waiting = pending(&a);
    proxy.cut_push_answer_after(1);
    let out = lotline(&a, &["sync", "--json"]);
    assert!(!out.status.success(), "the sync fails without the answer: {}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(proxy.cut(), 1);

    let committed = ServerLog::read(&server_dir, None).await;
    committed.assert_whole();
    let desk = DeskLog::read(&a);
    committed.assert_acts_whole(&desk);
    let heard = desk.placed();
    assert!(!heard.is_empty(), "the first push was answered");
    assert!(committed.events.len() > heard.len(), "the server committed the push whose answer was lost");
    let on_server = committed.placed();
    assert!(heard.iter().all(|(id, seq)| on_server.get(id) == Some(seq)), "what was heard, as the server placed it");

    // Offline the desk goes on, and another desk pulls what A has not heard was taken.
    write_acts(&a, &[3], "LATER").await;
    let b = new_desk(root.path(), "desk-b", &server_dir, &server.url);
    json(&b, &["sync", "--json"]);

    let report = json(&a, &["sync", "--json"]);
    assert_eq!(report["rejected"], serde_json::json!([]));
    assert_eq!(report["pushed"].as_i64(), Some(waiting + 3 - heard.len() as i64), "{report}");
    assert_eq!(proxy.cut(), 1);
    let log = ServerLog::read(&server_dir, None).await;
    log.assert_whole();
    let desk = DeskLog::read(&a);
    assert_eq!(log.of_desk(&desk.desk_id), desk.own(), "each of A's events once on the server");
    desk.assert_holds_exactly(&log);
    let now_placed = log.placed();
    for (id, seq) in on_server {
        assert_eq!(now_placed[&id], seq, "the push answered again gave the places of the first time");
    }
    json(&b, &["sync", "--json"]);
    DeskLog::read(&b).assert_holds_exactly(&log);
    assert_converged(&a, &b).await;
    drop(server);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_desk_killed_while_the_server_is_inside_its_push_leaves_nothing_stored_or_locked() {
    let root = tempfile::tempdir().unwrap();
    let server_dir = root.path().join("server");
    let options = ServerOptions { pause: Some("push_before_commit:1"), ..ServerOptions::default() };
    let mut server = Server::start_with(&server_dir, options);
    let a = home_desk(root.path(), &server_dir, &server.url);
    let waiting = pending(&a);
    let mut sync = spawn_sync(&a, None);
    server.wait_paused("push_before_commit");
    sync.kill().unwrap();
    sync.wait().unwrap();
    let stored = ServerLog::read(&server_dir, None).await;
    assert!(stored.events.is_empty(), "nothing of an uncommitted push is seen");

    // The server drops the request of a desk that is gone, its transaction and its write turn
    // with it: the next push goes through.
    let report = json(&a, &["sync", "--json"]);
    assert_eq!(report["pushed"].as_i64(), Some(waiting), "{report}");
    let log = ServerLog::read(&server_dir, None).await;
    log.assert_whole();
    DeskLog::read(&a).assert_holds_exactly(&log);
    let out = lotline(&a, &["--user", "admin", "--json", "check"]);
    assert!(out.status.success(), "lotline check: {}", String::from_utf8_lossy(&out.stdout));
    drop(server);
}

/// A push killed inside the server's transaction stores none of its acts; the pushes before
/// it stay, the server restarts on its folder and the desk sends the rest once.
async fn server_killed_inside_a_push(root: &Path, database_url: Option<&str>) {
    let server_dir = root.join("server");
    let options = ServerOptions { database_url, pause: Some("push_before_commit:2"), ..ServerOptions::default() };
    let mut server = Server::start_with(&server_dir, options);
    let a = home_desk(root, &server_dir, &server.url);
    write_acts(&a, &act_sizes(2_600), "PUSH").await;
    let waiting = pending(&a);

    let sync = spawn_sync(&a, None);
    server.wait_paused("push_before_commit");
    let addr = server.addr.clone();
    server.kill();
    let out = sync.wait_with_output().unwrap();
    assert!(!out.status.success(), "the sync fails with its server: {}", String::from_utf8_lossy(&out.stdout));

    let stored = ServerLog::read(&server_dir, database_url).await;
    stored.assert_whole();
    let desk = DeskLog::read(&a);
    stored.assert_acts_whole(&desk);
    assert_same_places(&stored.placed(), &desk.placed(), "the server and the pushes it answered");
    assert!(!stored.events.is_empty() && desk.unconfirmed() > 0, "killed in the second push of several");

    // The same folder (and the database it names) on the same address.
    let server = Server::start_with(&server_dir, ServerOptions { listen: Some(&addr), ..ServerOptions::default() });
    let report = json(&a, &["sync", "--json"]);
    assert_eq!(report["rejected"], serde_json::json!([]));
    assert_eq!(report["pushed"].as_i64(), Some(waiting - stored.events.len() as i64), "{report}");
    let log = ServerLog::read(&server_dir, database_url).await;
    log.assert_whole();
    let desk = DeskLog::read(&a);
    assert_eq!(log.of_desk(&desk.desk_id), desk.own(), "each of A's events once on the server");
    desk.assert_holds_exactly(&log);

    let b = new_desk(root, "desk-b", &server_dir, &server.url);
    json(&b, &["sync", "--json"]);
    DeskLog::read(&b).assert_holds_exactly(&log);
    assert_converged(&a, &b).await;
    drop(server);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_killed_inside_a_push_on_sqlite_keeps_nothing_of_it() {
    let root = tempfile::tempdir().unwrap();
    server_killed_inside_a_push(root.path(), None).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_killed_inside_a_push_on_postgres_keeps_nothing_of_it() {
    let Some(postgres) = postgres::Postgres::start().await else { return };
    let url = postgres.create_database("faults").await;
    let root = tempfile::tempdir().unwrap();
    server_killed_inside_a_push(root.path(), Some(&url)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_desk_killed_while_applying_a_pull_holds_every_event_once_after_the_next_sync() {
    let root = tempfile::tempdir().unwrap();
    let server_dir = root.path().join("server");
    let server = Server::start(&server_dir);
    let a = home_desk(root.path(), &server_dir, &server.url);
    // One act larger than a page: a page ends inside it.
    let mut sizes = act_sizes(2_000);
    sizes.insert(100, 1_500);
    write_acts(&a, &sizes, "PULL").await;
    json(&a, &["sync", "--json"]);
    let team = ServerLog::read(&server_dir, None).await;
    assert!(team.events.len() > 3_500, "several pages of 1,000: {}", team.events.len());

    // Killed inside its third page: the two before it stay, whole.
    let b = new_desk(root.path(), "desk-b", &server_dir, &server.url);
    kill_when_paused(spawn_sync(&b, Some("apply_pulled_before_commit:3")), "apply_pulled_before_commit");
    let desk = DeskLog::read(&b);
    assert_eq!((desk.events.len(), desk.cursor), (2_000, 2_000));
    let first_pages = team.placed().into_iter().filter(|(_, seq)| *seq <= 2_000).collect();
    assert_same_places(&desk.placed(), &first_pages, "the desk and the pages it committed");
    let report = check(&b).await;
    assert!(report.ok(), "{report:?}");

    // B's own act, pushed before the rest is pulled, lands after the team's events: every page
    // that follows replays B's projections in the server's order. Killed inside the first. The
    // administrator signs in through B first (the server takes her acts from B only then),
    // which leaves B a credential event of its own.
    ok(&b, &["--user", "admin", "sync", "status"]);
    write_acts(&b, &[2], "OWN").await;
    kill_when_paused(spawn_sync(&b, Some("apply_pulled_before_commit:1")), "apply_pulled_before_commit");
    let desk = DeskLog::read(&b);
    assert_eq!((desk.events.len(), desk.cursor, desk.unconfirmed()), (2_003, 2_000, 0));

    let report = json(&b, &["sync", "--json"]);
    let log = ServerLog::read(&server_dir, None).await;
    assert_eq!(report["rejected"], serde_json::json!([]), "{report}");
    assert_eq!(report["pulled"].as_i64(), Some(log.events.len() as i64 - 2_003), "{report}");
    log.assert_whole();
    DeskLog::read(&b).assert_holds_exactly(&log);
    json(&a, &["sync", "--json"]);
    DeskLog::read(&a).assert_holds_exactly(&log);
    assert_converged(&a, &b).await;
    drop(server);
}
