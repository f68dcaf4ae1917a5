//! The password policy, passwords that must change, self-service changes and stronger hashes,
//! through the catalogue on a real database.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
use common::{ADMIN_PASSWORD, World, world};
use serde_json::{Value, json};

async fn user_id(w: &World, username: &str) -> String {
    sqlx::query_scalar("SELECT user_id FROM users WHERE username = ?")
        .bind(username)
        .fetch_one(w.ctx.store.pool())
        .await
        .unwrap()
}

async fn stored_hash(w: &World, username: &str) -> String {
    sqlx::query_scalar(
        "SELECT c.password_hash FROM credentials c JOIN users u ON u.user_id = c.user_id WHERE u.username = ?",
    )
    .bind(username)
    .fetch_one(w.ctx.store.pool())
    .await
    .unwrap()
}

/// A credential as an older Lotline (or another desk) left it: argon2's default cost, which is
/// OWASP's floor (19 MiB, 2 passes), and whatever password it was given then.
async fn legacy_credential(w: &World, username: &str, password: &str) {
    let user_id = user_id(w, username).await;
    let hash = argon2::Argon2::default()
        .hash_password(password.as_bytes(), &SaltString::generate(&mut OsRng))
        .unwrap()
        .to_string();
    let mut tx = w.ctx.store.begin_write().await.unwrap();
    let meta =
        lotline_store::EventMeta::new(Some(user_id.clone()), w.ctx.device_id.clone(), "2026-11-01T10:00:00.000Z");
    let credential = lotline_domain::Event::UserPasswordSet { user_id, password_hash: hash };
    lotline_store::append(&mut tx, &meta, vec![credential]).await.unwrap();
    tx.commit().await.unwrap();
}

fn field_error(error: &lotline_app::ApiError) -> (&str, &str) {
    (error.fields[0].field.as_str(), error.fields[0].message_key.as_str())
}

fn new_user(username: &str, password: &str) -> Value {
    json!({"username": username, "display_name": username, "password": password, "roles": ["finance"], "language": "en"})
}

#[tokio::test]
async fn a_short_or_common_password_is_refused_wherever_one_is_chosen() {
    let w = world().await;
    let short = w.err("create_user", new_user("fien", "nine-char")).await;
    assert_eq!(field_error(&short), ("password", "error.user.password_too_short"));
    assert_eq!(short.fields[0].params["min"], "10");
    let common = w.err("create_user", new_user("fien", "Password1234")).await;
    assert_eq!(field_error(&common), ("password", "error.user.password_common"), "compared without case");

    w.add_user("fien", &["finance"]).await;
    let fien = user_id(&w, "fien").await;
    let reset = w.err("reset_password", json!({"user_id": fien, "new_password": "qwertyuiop"})).await;
    assert_eq!(field_error(&reset), ("new_password", "error.user.password_common"));
    let change =
        w.err("change_my_password", json!({"current_password": ADMIN_PASSWORD, "new_password": "short"})).await;
    assert_eq!(field_error(&change), ("new_password", "error.user.password_too_short"));

    let dir = tempfile::tempdir().unwrap();
    let fresh = lotline_app::Ctx::new(lotline_app::Store::open(dir.path()).await.unwrap(), w.clock.clone(), "desk-2")
        .with_test_hashing();
    let setup = json!({"company_name": "X BV", "site_code": "X1", "currency": "EUR", "language": "en",
        "admin_username": "admin", "admin_display_name": "Ada", "admin_password": "1234567890", "load_demo": false});
    let refused = lotline_app::call(&fresh, "complete_setup", setup).await.unwrap_err();
    assert_eq!(field_error(&refused), ("admin_password", "error.user.password_common"));
}

#[tokio::test]
async fn after_an_administrators_reset_the_user_must_choose_a_new_password_before_anything_else() {
    let w = world().await;
    w.add_user("fien", &["finance"]).await;
    let fien = user_id(&w, "fien").await;
    w.ok("reset_password", json!({"user_id": fien, "new_password": "given-by-admin-1"})).await;

    let session = w.ok("sign_in", json!({"username": "fien", "password": "given-by-admin-1"})).await;
    assert_eq!(session["must_change_password"], true);
    let refused = w.err("list_failures", json!({"offset": 0, "limit": 10})).await;
    assert_eq!(refused.message_key, "error.session.password_change_required");
    let current = w.ok("current_session", json!({})).await;
    assert_eq!(current["must_change_password"], true, "a reload of the window shows the same screen");

    let same = json!({"current_password": "given-by-admin-1", "new_password": "given-by-admin-1"});
    assert_eq!(
        field_error(&w.err("change_my_password", same).await),
        ("new_password", "error.user.password_unchanged")
    );
    let changed = w
        .ok("change_my_password", json!({"current_password": "given-by-admin-1", "new_password": "fiens-own-choice"}))
        .await;
    assert_eq!(changed["must_change_password"], false);
    w.ok("list_failures", json!({"offset": 0, "limit": 10})).await;

    w.ok("sign_out", json!({})).await;
    let again = w.ok("sign_in", json!({"username": "fien", "password": "fiens-own-choice"})).await;
    assert_eq!(again["must_change_password"], false, "her own password, set after the reset");
}

#[tokio::test]
async fn a_password_shorter_than_the_policy_from_before_it_must_change_at_the_next_sign_in() {
    let w = world().await;
    w.add_user("fien", &["finance"]).await;
    legacy_credential(&w, "fien", "fien2024").await;
    w.ok("sign_out", json!({})).await;

    let session = w.ok("sign_in", json!({"username": "fien", "password": "fien2024"})).await;
    assert_eq!(session["must_change_password"], true);
    let wrong = json!({"current_password": "not-her-password", "new_password": "a much longer one"});
    let refused = w.err("change_my_password", wrong).await;
    assert_eq!(field_error(&refused), ("current_password", "error.user.current_password_wrong"));
    assert_eq!(w.err("list_users", json!({})).await.message_key, "error.session.password_change_required");
    w.ok("change_my_password", json!({"current_password": "fien2024", "new_password": "a much longer one"})).await;
    w.ok("list_failures", json!({"offset": 0, "limit": 10})).await;
}

#[tokio::test]
async fn a_hash_of_older_weaker_settings_is_made_again_at_sign_in_as_the_users_own_event() {
    let w = world().await;
    w.add_user("fien", &["finance"]).await;
    legacy_credential(&w, "fien", "password-123").await;
    assert!(stored_hash(&w, "fien").await.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
    // The desk as the hosts open it, hashing at the production cost.
    let desk = lotline_app::Ctx::new(w.ctx.store.clone(), w.clock.clone(), w.ctx.device_id.clone());
    let before = w.events().await;

    let session =
        lotline_app::call(&desk, "sign_in", json!({"username": "fien", "password": "password-123"})).await.unwrap();
    assert_eq!(session["must_change_password"], false);
    let upgraded = stored_hash(&w, "fien").await;
    assert!(upgraded.starts_with("$argon2id$v=19$m=65536,t=3,p=1$"), "{upgraded}");
    let (kind, actor): (String, String) = sqlx::query_as("SELECT kind, actor_id FROM events ORDER BY seq DESC LIMIT 1")
        .fetch_one(w.ctx.store.pool())
        .await
        .unwrap();
    assert_eq!((kind.as_str(), actor), ("user_password_set", user_id(&w, "fien").await));
    assert_eq!(w.events().await, before + 1);

    lotline_app::call(&desk, "sign_out", json!({})).await.unwrap();
    lotline_app::call(&desk, "sign_in", json!({"username": "fien", "password": "password-123"})).await.unwrap();
    assert_eq!(w.events().await, before + 1, "a current hash is left alone");
}

#[tokio::test]
async fn a_session_idle_for_the_set_time_is_locked_until_the_same_password_opens_it() {
    let w = world().await;
    let minutes = w.err("set_session_policy", json!({"idle_lock_minutes": 0})).await;
    assert_eq!(field_error(&minutes), ("idle_lock_minutes", "error.settings.idle_lock_range"));
    let settings = w.ok("set_session_policy", json!({"idle_lock_minutes": 5})).await;
    assert_eq!(settings["idle_lock_minutes"], 5);

    // Acts keep it open; polling the session does not.
    w.clock.advance(chrono::Duration::minutes(4));
    w.ok("list_users", json!({})).await;
    w.clock.advance(chrono::Duration::minutes(4));
    w.ok("current_session", json!({})).await;
    w.ok("list_users", json!({})).await;
    w.clock.advance(chrono::Duration::minutes(5));
    let locked = w.err("list_users", json!({})).await;
    assert_eq!(
        (locked.code, locked.message_key.as_str()),
        (lotline_app::ErrorCode::Unauthenticated, "error.session.idle_locked")
    );
    assert_eq!(w.ok("current_session", json!({})).await["locked"], true);
    assert_eq!(w.err("touch_session", json!({})).await.message_key, "error.session.idle_locked");

    let wrong = w.err("unlock_session", json!({"password": "not the password"})).await;
    assert_eq!(wrong.message_key, "error.auth.bad_credentials");
    assert_eq!(w.err("list_users", json!({})).await.message_key, "error.session.idle_locked", "still locked");
    let open = w.ok("unlock_session", json!({"password": ADMIN_PASSWORD})).await;
    assert_eq!((open["locked"].clone(), open["user"]["username"].clone()), (json!(false), json!("admin")));
    w.ok("list_users", json!({})).await;

    // The UI's own timer locks it at once.
    w.ok("lock_session", json!({})).await;
    assert_eq!(w.err("list_users", json!({})).await.message_key, "error.session.idle_locked");
    w.ok("sign_out", json!({})).await;
    assert!(w.ok("current_session", json!({})).await.is_null(), "someone else signs out first");
}

#[tokio::test]
async fn a_locked_session_of_a_user_deactivated_meanwhile_is_signed_out() {
    let w = world().await;
    w.add_user("fien", &["finance"]).await;
    let hers = lotline_app::Ctx::new(w.ctx.store.clone(), w.clock.clone(), "desk-test-1").with_test_hashing();
    lotline_app::call(&hers, "sign_in", json!({"username": "fien", "password": "password-123"})).await.unwrap();
    lotline_app::call(&hers, "lock_session", json!({})).await.unwrap();
    let fien = user_id(&w, "fien").await;
    w.ok("update_user", json!({"user_id": fien, "display_name": "Fien", "roles": ["finance"], "active": false})).await;
    let out = lotline_app::call(&hers, "unlock_session", json!({"password": "password-123"})).await.unwrap_err();
    assert_eq!(out.message_key, "error.auth.deactivated");
    assert!(lotline_app::call(&hers, "current_session", json!({})).await.unwrap().is_null());
}
