//! An administrator's password reset on one desk binds every desk of the team: a desk that signs
//! the person in through the team's server, before it has pulled the reset, makes them choose a
//! new password, at every sign-in, offline too, until they have.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use std::net::SocketAddr;

use common::ADMIN_PASSWORD;
use common::team::{code, empty_desk, start_server};
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn a_reset_on_another_desk_is_enforced_here_until_the_password_changes() {
    let server_dir = tempfile::tempdir().unwrap();
    let server = start_server(server_dir.path(), SocketAddr::from(([127, 0, 0, 1], 0))).await;
    let url = server.url();

    let a = common::world().await;
    a.add_user("bob", &["inspector"]).await;
    a.sign_in("admin", ADMIN_PASSWORD).await;
    a.ok("enroll_desk", json!({"server": url, "code": code(server_dir.path()).await})).await;
    let b = empty_desk("desk-test-2").await;
    b.ok("enroll_desk", json!({"server": url, "code": code(server_dir.path()).await, "site": "AMS1"})).await;

    // Desk A's administrator resets Bob's password; desk B has not pulled since.
    let users = a.ok("list_users", json!({})).await;
    let bob = users.as_array().unwrap().iter().find(|u| u["username"] == "bob").unwrap()["id"].clone();
    a.ok("reset_password", json!({"user_id": bob, "new_password": "given-by-admin-1"})).await;
    a.ok("sync_team", json!({})).await;

    let session = b.ok("sign_in", json!({"username": "bob", "password": "given-by-admin-1"})).await;
    assert_eq!(session["must_change_password"], true, "the team's server says so");
    let refused = b.err("list_failures", json!({"offset": 0, "limit": 10})).await;
    assert_eq!(refused.message_key, "error.session.password_change_required");

    // Not for this session only: signed in again, and with the server gone, the desk says so too.
    b.ok("sign_out", json!({})).await;
    let again = b.ok("sign_in", json!({"username": "bob", "password": "given-by-admin-1"})).await;
    assert_eq!(again["must_change_password"], true);
    b.ok("sign_out", json!({})).await;
    server.shutdown().await.unwrap();
    let offline = b.ok("sign_in", json!({"username": "bob", "password": "given-by-admin-1"})).await;
    assert_eq!(offline["must_change_password"], true, "the desk keeps the reset");

    let changed = b
        .ok("change_my_password", json!({"current_password": "given-by-admin-1", "new_password": "bobs-own-choice-7"}))
        .await;
    assert_eq!(changed["must_change_password"], false);
    b.ok("sign_out", json!({})).await;
    let own = b.ok("sign_in", json!({"username": "bob", "password": "bobs-own-choice-7"})).await;
    assert_eq!(own["must_change_password"], false, "his own password, chosen after the reset");
}
