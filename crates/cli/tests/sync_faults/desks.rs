//! The desks of the fault tests: made with the `lotline` binary, filled with thousands of events
//! through the store, synced as child processes that can be killed, compared when it is over.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use lotline_domain::Event;
use lotline_domain::master::CustomerInput;

use crate::common::team::{check, enroll_code, json, wait_for_pause};
use crate::common::{lotline, ok};

/// A desk with the demo's data, enrolled with the server at `url` (its first desk: AMS1A).
pub fn home_desk(root: &Path, server_dir: &Path, url: &str) -> PathBuf {
    let a = root.join("desk-a");
    ok(&a, &["init", "--company", "Faults BV", "--site", "AMS1", "--currency", "EUR", "--admin", "admin"]);
    ok(&a, &["--user", "admin", "demo"]);
    ok(&a, &["--user", "admin", "sync", "enroll", "--server", url, "--code", &enroll_code(server_dir)]);
    a
}

/// A new desk on an empty folder, enrolled with the server at `url`; it has nothing yet.
pub fn new_desk(root: &Path, name: &str, server_dir: &Path, url: &str) -> PathBuf {
    let desk = root.join(name);
    ok(&desk, &["sync", "enroll", "--server", url, "--code", &enroll_code(server_dir), "--site", "AMS1"]);
    desk
}

/// Acts of 1 to 7 events, `total` events in all.
pub fn act_sizes(total: usize) -> Vec<usize> {
    let mut sizes = Vec::new();
    let mut left = total;
    for size in [1, 2, 3, 5, 7].into_iter().cycle() {
        if left == 0 {
            return sizes;
        }
        sizes.push(size.min(left));
        left -= size.min(left);
    }
    unreachable!()
}

/// Appends acts of master data on a desk, `sizes[i]` events in act i, as its admin makes them
/// in the app: thousands of events without starting thousands of processes.
pub async fn write_acts(data: &Path, sizes: &[usize], tag: &str) {
    let store = lotline_store::Store::open(data).await.unwrap();
    let admin: String =
        sqlx::query_scalar("SELECT user_id FROM users WHERE username = 'admin'").fetch_one(store.pool()).await.unwrap();
    let desk_id = std::fs::read_to_string(data.join("device-id")).unwrap();
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    // Sealed with the desk's own checkpoint key, as the app seals its acts: the next start of
    // `lotline` would otherwise find events written past the key and hold the desk.
    let key = lotline_app::audit::KeyVault::for_host().load(desk_id.trim()).unwrap().map(|(key, _)| key);
    assert!(key.is_some(), "the desk's key is where `lotline init` put it");
    let mut tx = store.begin_write().await.unwrap();
    let mut n = 0;
    for size in sizes {
        let meta =
            lotline_store::EventMeta::new(Some(admin.clone()), desk_id.trim(), now.clone()).sealed_with(key.clone());
        let events = (0..*size)
            .map(|_| {
                n += 1;
                Event::CustomerSaved(CustomerInput {
                    code: format!("{tag}-{n:05}"),
                    name: format!("Klant {tag} {n}"),
                    email: None,
                    phone: None,
                    address: None,
                    country: "NL".into(),
                })
            })
            .collect();
        lotline_store::append(&mut tx, &meta, events).await.unwrap();
    }
    tx.commit().await.unwrap();
    store.close().await;
}

pub fn pending(desk: &Path) -> i64 {
    json(desk, &["sync", "status", "--json"])["pending"].as_i64().unwrap()
}

/// `lotline sync --json` as a child process, to be killed or waited for.
pub fn spawn_sync(data: &Path, pause: Option<&str>) -> Child {
    let mut command = Command::new(env!("CARGO_BIN_EXE_lotline"));
    command
        .arg("--data")
        .arg(data)
        .args(["sync", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env_remove("LOTLINE_FAULT_PAUSE");
    if let Some(pause) = pause {
        command.env("LOTLINE_FAULT_PAUSE", pause);
    }
    command.spawn().expect("lotline sync starts")
}

/// Kills a `lotline sync` once it has paused at `point`, inside its write transaction.
pub fn kill_when_paused(mut sync: Child, point: &str) {
    wait_for_pause(sync.stderr.as_mut().unwrap(), point);
    sync.kill().unwrap();
    sync.wait().unwrap();
}

/// Both desks hold the same projections, equal to a rebuild from their logs; the home desk's
/// `lotline check` passes as its administrator runs it.
pub async fn assert_converged(home: &Path, other: &Path) {
    let out = lotline(home, &["--user", "admin", "--json", "check"]);
    assert!(out.status.success(), "lotline check: {}", String::from_utf8_lossy(&out.stdout));
    for desk in [home, other] {
        let report = check(desk).await;
        assert!(report.ok(), "{report:?}");
    }
    let (home, other) =
        (lotline_store::Store::open(home).await.unwrap(), lotline_store::Store::open(other).await.unwrap());
    let (fh, fo) =
        (lotline_store::fingerprints(&home).await.unwrap(), lotline_store::fingerprints(&other).await.unwrap());
    let differ: Vec<_> = fh.iter().zip(&fo).filter(|(h, o)| h != o).map(|(h, o)| (&h.0, h.1, o.1)).collect();
    assert!(differ.is_empty(), "tables differ (table, rows on the home desk, rows on the other): {differ:?}");
    home.close().await;
    other.close().await;
}
