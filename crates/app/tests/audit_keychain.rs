//! The checkpoint key in the real OS keychain: on Linux the Secret Service. Ignored by a plain
//! `cargo test`, which may run where no keyring daemon is; `cargo xtask test` runs it inside a
//! D-Bus session with gnome-keyring unlocked (`keychain` check).

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

use lotline_app::audit::{KeyPlace, KeyVault};

#[tokio::test]
#[ignore = "needs a Secret Service: run by `cargo xtask test --only keychain`"]
async fn the_key_is_kept_in_the_secret_service_and_found_there_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // No fallback: a key that did not reach the keychain would fail the test, not hide in a file.
    let vault = || KeyVault::System { fallback: None };
    let ctx = lotline_app::open_with(&data, vault()).await.expect("opens");
    assert_eq!(ctx.key_place(), Some(KeyPlace::Keychain));
    let desk = ctx.device_id.clone();
    let (key, place) = vault().load(&desk).expect("keychain answers").expect("the key is there");
    assert_eq!(place, KeyPlace::Keychain);
    assert_eq!(Some(key.id.clone()), ctx.store.checkpoint_key().map(|k| k.id));
    let report = lotline_store::check(&ctx.store).await.unwrap();
    assert_eq!(report.keyed.state, lotline_store::KeyedState::Verified, "{report:?}");
    ctx.store.close().await;

    // The next start finds the same key in the keychain: no hold, nothing made again.
    let again = lotline_app::open_with(&data, vault()).await.expect("opens again");
    assert!(again.log_hold().is_none());
    assert_eq!(again.store.checkpoint_key().map(|k| k.id), Some(key.id));
    assert!(!dir.path().read_dir().unwrap().any(|e| e.unwrap().file_name().to_string_lossy().ends_with(".key")));
}
