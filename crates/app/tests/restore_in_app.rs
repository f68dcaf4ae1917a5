//! A restore asked for in Settings → Backups: the backup is checked when asked, the next start
//! puts it in place before the folder opens, and Settings → Backups says how it went.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use std::path::Path;
use std::time::Duration;

use common::{failure, world};
use lotline_app::Store;
use lotline_app::backups::{LAST_RESTORE_FILE, PENDING_FILE, finish_pending_restore, last_restore};
use serde_json::json;

async fn failures_in(dir: &Path) -> i64 {
    let store = Store::open(dir).await.unwrap();
    let n = sqlx::query_scalar("SELECT COUNT(*) FROM failures").fetch_one(store.pool()).await.unwrap();
    store.close().await;
    n
}

#[tokio::test]
async fn a_restore_asked_for_in_the_app_is_done_at_the_next_start_and_keeps_the_old_folder() {
    let w = world().await;
    w.master_data().await;
    w.ok("log_failure", failure("BOX-5L")).await;
    let backup = w.ok("make_backup", json!({})).await;
    let file_name = backup["file_name"].as_str().unwrap().to_owned();
    w.ok("log_failure", failure("BOX-5L")).await;

    let asked = w.ok("request_restore", json!({"file_name": file_name})).await;
    assert_eq!(asked["file_name"], file_name);
    let dir = w._dir.path().to_path_buf();
    #[cfg(unix)]
    let parent_mode = {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(dir.parent().unwrap()).unwrap().permissions().mode() & 0o7777
    };
    assert!(dir.join(PENDING_FILE).exists(), "the note for the next start");
    assert_eq!(w.events().await, w.events().await, "asking writes nothing to the log");

    // The app ends (it still holds the folder for a moment) and starts again.
    w.ctx.store.close().await;
    let held = lotline_store::FolderLock::acquire(&dir).unwrap();
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(400));
        drop(held);
    });
    let last = finish_pending_restore(&dir).await.expect("a restore was pending");
    release.join().unwrap();
    assert_eq!(last.refused, None, "{last:?}");
    assert_eq!(last.file_name, file_name);
    assert_eq!(last.requested_by, "Ada Admin");
    assert!(!last.pull_first, "a desk on its own");
    let aside = std::path::PathBuf::from(last.moved_aside.clone().expect("the old folder moved aside"));

    assert_eq!(failures_in(&dir).await, 1, "the data as the backup had it");
    assert_eq!(failures_in(&aside).await, 2, "the data as it was, kept");
    assert!(!dir.join(PENDING_FILE).exists() && !aside.join(PENDING_FILE).exists(), "asked once, done once");
    assert!(dir.join("backups").join(&file_name).exists(), "the desk's backups stay listed");
    assert_eq!(last_restore(&dir), Some(last));
    assert_eq!(finish_pending_restore(&dir).await, None, "nothing pending at the start after");
    #[cfg(unix)]
    {
        // The folder the data folder sits in (here the system's temporary folder) is not the
        // desk's to make private.
        use std::os::unix::fs::PermissionsExt;
        let parent = std::fs::metadata(dir.parent().unwrap()).unwrap().permissions().mode() & 0o7777;
        assert_eq!(parent, parent_mode, "the parent folder's permissions stay");
    }
    std::fs::remove_dir_all(aside).unwrap();
}

#[tokio::test]
async fn a_backup_that_is_not_the_desks_or_is_damaged_is_refused_when_asked() {
    let w = world().await;
    let err = w.err("request_restore", json!({"file_name": "../lotline.db"})).await;
    assert_eq!(err.message_key, "error.backup.not_listed");

    let backup = w.ok("make_backup", json!({})).await;
    let path = std::path::PathBuf::from(backup["path"].as_str().unwrap());
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let err = w.err("request_restore", json!({"file_name": backup["file_name"]})).await;
    assert!(err.message_key.starts_with("error.backup."), "{err}");
    assert!(!w._dir.path().join(PENDING_FILE).exists(), "nothing is asked of the next start");

    w.add_user("quinn", &["inspector"]).await;
    let other = w.ok("make_backup", json!({})).await;
    w.ok("sign_out", json!({})).await;
    w.sign_in("quinn", common::USER_PASSWORD).await;
    let err = w.err("request_restore", json!({"file_name": other["file_name"]})).await;
    assert_eq!(err.message_key, "error.forbidden.maintain_log", "{err}");
}

#[tokio::test]
async fn a_backup_damaged_after_it_was_asked_for_is_refused_at_start_and_the_folder_stays() {
    let w = world().await;
    w.master_data().await;
    let backup = w.ok("make_backup", json!({})).await;
    w.ok("log_failure", failure("BOX-5L")).await;
    w.ok("request_restore", json!({"file_name": backup["file_name"]})).await;
    w.ctx.store.close().await;
    let path = std::path::PathBuf::from(backup["path"].as_str().unwrap());
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() - 4096]).unwrap();

    let dir = w._dir.path().to_path_buf();
    let last = finish_pending_restore(&dir).await.expect("a restore was pending");
    let refused = last.refused.clone().expect("refused");
    assert!(refused.message_key.starts_with("error.backup."), "{refused}");
    assert_eq!(last.moved_aside, None);
    assert_eq!(failures_in(&dir).await, 1, "the folder as it was");
    assert!(!dir.join(PENDING_FILE).exists(), "not tried again at every start");
    assert!(dir.join(LAST_RESTORE_FILE).exists());
    assert_eq!(last_restore(&dir), Some(last));
}
