//! The write-ahead log is copied into the database by the store's own task between acts, and
//! emptied by `checkpoint` even while that task is at work.

mod common;

use lotline_store::{EventMeta, Store, append};

fn wal_bytes(dir: &std::path::Path) -> u64 {
    std::fs::metadata(dir.join("lotline.db-wal")).map(|m| m.len()).unwrap_or(0)
}

/// The failures the database file itself holds, without its log: what was copied into it.
fn failures_in_the_file(dir: &std::path::Path) -> i64 {
    let uri = format!("file:{}?immutable=1", dir.join("lotline.db").display());
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_URI;
    let file = rusqlite::Connection::open_with_flags(uri, flags).unwrap();
    file.query_row("SELECT COUNT(*) FROM failures", [], |r| r.get(0)).unwrap_or(0)
}

async fn log_failures(store: &Store, from: usize, count: usize) {
    let events = (from..from + count)
        .map(|i| {
            let event = common::failure_logged(&format!("QF-T-{i:06}"), "2026-03-02T08:00:00.000Z", 1, None);
            serde_json::from_value(event).unwrap()
        })
        .collect();
    let mut tx = store.begin_write().await.unwrap();
    let meta = EventMeta::new(Some("u1".into()), "desk-a", "2026-03-02T09:00:00.000Z");
    append(&mut tx, &meta, events).await.unwrap();
    tx.commit().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_store_copies_its_log_between_acts_and_checkpoint_empties_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    // Acts that each commit a little, far below SQLite's own checkpoint (the safety net).
    for act in 0..20 {
        log_failures(&store, act * 10, 10).await;
    }
    // Within a few of the task's ticks the failures are in the database file itself.
    let mut in_the_file = failures_in_the_file(dir.path());
    for _ in 0..50 {
        if in_the_file == 200 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        in_the_file = failures_in_the_file(dir.path());
    }
    assert_eq!(in_the_file, 200, "the log was not copied into the database");
    // `checkpoint` leaves an empty log though the task may be checkpointing at the same moment.
    for round in 0..5 {
        log_failures(&store, 1_000 + round * 100, 100).await;
        store.checkpoint().await.unwrap();
        assert_eq!(wal_bytes(dir.path()), 0, "round {round}: the log was not emptied");
    }
    store.close().await;
}
