//! Managing users through the catalogue: the account rules of `lotline_domain::users`, the same
//! the team's server applies when desks' changes merge.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::world;
use serde_json::json;

async fn user_id(w: &common::World, username: &str) -> String {
    sqlx::query_scalar("SELECT user_id FROM users WHERE username = ?")
        .bind(username)
        .fetch_one(w.ctx.store.pool())
        .await
        .unwrap()
}

#[tokio::test]
async fn a_new_user_needs_a_free_name_a_password_and_a_role() {
    let w = world().await;
    let err = w
        .err(
            "create_user",
            json!({"username": "x", "display_name": "", "password": "short", "roles": [], "language": "en"}),
        )
        .await;
    let fields: Vec<(&str, &str)> = err.fields.iter().map(|f| (f.field.as_str(), f.message_key.as_str())).collect();
    assert_eq!(
        fields,
        [
            ("username", "error.user.username_length"),
            ("password", "error.user.password_too_short"),
            ("display_name", "error.field.required"),
            ("roles", "error.user.no_roles"),
        ]
    );
    let before = w.events().await;
    let taken = w
        .err(
            "create_user",
            json!({"username": "ADMIN", "display_name": "Twin", "password": "password-123", "roles": ["finance"], "language": "en"}),
        )
        .await;
    assert_eq!(taken.fields[0].message_key, "error.user.taken");
    assert_eq!(w.events().await, before, "nothing written");

    let made = w
        .ok(
            "create_user",
            json!({"username": "fien", "display_name": "Fien", "password": "password-123", "roles": ["finance", "finance", "admin"], "language": "nl"}),
        )
        .await;
    assert_eq!(made["roles"], json!(["finance", "admin"]), "roles are a set, in one order");
}

#[tokio::test]
async fn the_last_administrator_stays_one_and_nobody_deactivates_themselves() {
    let w = world().await;
    let admin = user_id(&w, "admin").await;
    let demote = json!({"user_id": admin, "display_name": "Ada", "roles": ["finance"], "active": true});
    assert_eq!(w.err("update_user", demote.clone()).await.message_key, "error.user.last_admin");
    let off = json!({"user_id": admin, "display_name": "Ada", "roles": ["admin"], "active": false});
    assert_eq!(w.err("update_user", off).await.message_key, "error.user.last_admin");

    w.add_user("bram", &["admin"]).await;
    let self_off = json!({"user_id": admin, "display_name": "Ada", "roles": ["admin"], "active": false});
    assert_eq!(w.err("update_user", self_off).await.message_key, "error.user.deactivate_self");
    let demoted = w.ok("update_user", demote).await;
    assert_eq!(demoted["roles"], json!(["finance"]), "with a second administrator she may step down");
}

#[tokio::test]
async fn five_wrong_passwords_in_a_row_lock_the_name_for_fifteen_minutes() {
    let w = world().await;
    let wrong = json!({"username": "admin", "password": "not the password"});
    for _ in 0..5 {
        assert_eq!(w.err("sign_in", wrong.clone()).await.message_key, "error.auth.bad_credentials");
    }
    let right = json!({"username": "Admin", "password": common::ADMIN_PASSWORD});
    let locked = w.err("sign_in", right.clone()).await;
    assert_eq!(locked.message_key, "error.session.locked", "even the right password, even in other case");
    assert_eq!(locked.params["until"], "2026-11-02 09:45 UTC", "15 minutes after the last wrong one");

    w.clock.advance(chrono::Duration::minutes(15));
    w.ok("sign_in", right.clone()).await;
    let attempts: Vec<(bool, Option<String>)> =
        sqlx::query_as("SELECT ok, user_id FROM sign_in_attempts WHERE username_key = 'admin' ORDER BY id")
            .fetch_all(w.ctx.store.pool())
            .await
            .unwrap();
    assert_eq!(attempts.len(), 6, "each wrong password and the success, not the refusals while locked");
    assert!(attempts[5].0 && attempts[5].1.is_some());

    // A success starts the count again.
    for _ in 0..4 {
        w.err("sign_in", wrong.clone()).await;
    }
    w.ok("sign_in", right).await;
}

#[tokio::test]
async fn a_deactivated_user_is_signed_out_at_their_next_act_and_new_roles_apply_at_once() {
    let w = world().await;
    w.add_user("fien", &["finance"]).await;
    // Fien works at the same desk in a window of her own.
    let hers = lotline_app::Ctx::new(w.ctx.store.clone(), w.clock.clone(), "desk-test-1").with_test_hashing();
    lotline_app::call(&hers, "sign_in", json!({"username": "fien", "password": "password-123"})).await.unwrap();
    let failures = json!({"offset": 0, "limit": 10});
    let refused = lotline_app::call(&hers, "list_users", json!({})).await.unwrap_err();
    assert_eq!(refused.code, lotline_app::ErrorCode::Forbidden);

    let fien = user_id(&w, "fien").await;
    let promoted = json!({"user_id": fien, "display_name": "Fien", "roles": ["finance", "admin"], "active": true});
    w.ok("update_user", promoted).await;
    lotline_app::call(&hers, "list_users", json!({})).await.expect("the new role applies at her next act");

    let off = json!({"user_id": fien, "display_name": "Fien", "roles": ["finance"], "active": false});
    w.ok("update_user", off).await;
    let out = lotline_app::call(&hers, "list_failures", failures).await.unwrap_err();
    assert_eq!(out.message_key, "error.auth.deactivated");
    let session = lotline_app::call(&hers, "current_session", json!({})).await.unwrap();
    assert!(session.is_null(), "signed out");
}
