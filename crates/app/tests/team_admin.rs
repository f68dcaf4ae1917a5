//! Team administration from a desk, through the catalogue, against a real sync server on
//! loopback: only an administrator of the team, with a session the server gave them through
//! this desk, sees the desks and users, issues codes, revokes desks and lifts locks.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use std::net::SocketAddr;

use common::ADMIN_PASSWORD;
use common::team::{code, empty_desk, start_server};
use lotline_app::ErrorCode;
use serde_json::{Value, json};

fn desk_codes(team: &Value) -> Vec<(String, bool, bool)> {
    team["desks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["desk_code"].as_str().unwrap().to_owned(), d["this_desk"] == true, !d["revoked_at"].is_null()))
        .collect()
}

fn user<'t>(team: &'t Value, username: &str) -> &'t Value {
    team["users"].as_array().unwrap().iter().find(|u| u["username"] == username).expect("the user is listed")
}

#[tokio::test(flavor = "multi_thread")]
async fn an_administrator_runs_the_team_from_a_desk() {
    let server_dir = tempfile::tempdir().unwrap();
    let server = start_server(server_dir.path(), SocketAddr::from(([127, 0, 0, 1], 0))).await;
    let (url, addr) = (server.url(), server.addr());
    let a = common::world().await;
    a.master_data().await;
    a.add_user("ivy", &["inspector"]).await;
    a.ok("enroll_desk", json!({"server": url, "code": code(server_dir.path()).await})).await;
    let b = empty_desk("desk-test-2").await;
    b.ok("enroll_desk", json!({"server": url, "code": code(server_dir.path()).await, "site": "AMS1"})).await;
    b.sign_in("admin", ADMIN_PASSWORD).await;

    // Signed in through the team's server, the administrator sees the team.
    a.sign_in("admin", ADMIN_PASSWORD).await;
    let team = a.ok("team_administration", json!({})).await;
    assert_eq!(desk_codes(&team), [("AMS1A".into(), true, false), ("AMS1B".into(), false, false)]);
    assert!(team["desks"][0]["last_contact_at"].is_string() && team["desks"][0]["lotline_version"].is_string());
    let admin = user(&team, "admin");
    assert_eq!(
        (admin["display_name"].clone(), admin["roles"].clone()),
        (json!("Ada Admin"), json!(["admin", "quality_lead"]))
    );
    assert_eq!((admin["has_password"].clone(), admin["desks"].clone()), (json!(true), json!(["AMS1A", "AMS1B"])));
    assert!(admin["last_sign_in_at"].is_string() && admin["locked_until"].is_null(), "{admin}");

    // A code for a new desk, which joins with it.
    let issued = a.ok("issue_team_enroll_code", json!({})).await;
    let c = empty_desk("desk-test-3").await;
    let joined = c.ok("enroll_desk", json!({"server": url, "code": issued["code"], "site": "RTM1"})).await;
    assert_eq!(joined["desk_code"], "RTM1A");

    // Revoking: not the desk one sits at; desk B at once.
    let err = a.err("revoke_team_desk", json!({"desk_code": "AMS1A"})).await;
    assert_eq!((err.code, err.message_key.as_str()), (ErrorCode::Conflict, "error.team.revoke_own_desk"));
    let err = a.err("revoke_team_desk", json!({"desk_code": "NOPE9"})).await;
    assert_eq!((err.code, err.message_key.as_str()), (ErrorCode::NotFound, "error.team.no_such_desk"));
    let team = a.ok("revoke_team_desk", json!({"desk_code": "AMS1B"})).await;
    assert_eq!(
        desk_codes(&team),
        [("AMS1A".into(), true, false), ("AMS1B".into(), false, true), ("RTM1A".into(), false, false)]
    );
    assert_eq!(b.err("sync_team", json!({})).await.message_key, "error.sync.token_revoked");

    // An inspector is no administrator, here or on the server.
    a.sign_in("ivy", "password-123").await;
    assert_eq!(a.err("team_administration", json!({})).await.code, ErrorCode::Forbidden);
    assert_eq!(a.err("issue_team_enroll_code", json!({})).await.code, ErrorCode::Forbidden);

    // Five wrong passwords lock Ivy on every desk, this one too; the administrator lifts it.
    for _ in 0..5 {
        let err = a.err("sign_in", json!({"username": "ivy", "password": "not-her-password"})).await;
        assert_eq!(err.message_key, "error.auth.bad_credentials");
    }
    let err = a.err("sign_in", json!({"username": "ivy", "password": "password-123"})).await;
    assert_eq!(err.message_key, "error.session.locked");
    a.sign_in("admin", ADMIN_PASSWORD).await;
    let team = a.ok("team_administration", json!({})).await;
    let ivy = user(&team, "ivy");
    assert!(ivy["locked_until"].is_string(), "{ivy}");
    let team = a.ok("unlock_team_user", json!({"user_id": ivy["user_id"]})).await;
    assert!(user(&team, "ivy")["locked_until"].is_null());
    a.sign_in("ivy", "password-123").await;
    assert_eq!(a.err("unlock_team_user", json!({"user_id": "nobody"})).await.code, ErrorCode::Forbidden);

    // Signed in while the server was away, the administrator gives their password again.
    server.shutdown().await.unwrap();
    a.sign_in("admin", ADMIN_PASSWORD).await;
    let err = a.err("team_administration", json!({})).await;
    assert_eq!((err.code, err.message_key.as_str()), (ErrorCode::Unauthenticated, "error.team.session_needed"));
    let err = a.err("renew_team_session", json!({"password": ADMIN_PASSWORD})).await;
    assert_eq!(err.message_key, "error.sync.unreachable");
    let server = start_server(server_dir.path(), addr).await;
    let err = a.err("renew_team_session", json!({"password": "wrong-password"})).await;
    assert_eq!(err.fields[0].field, "password");
    assert_eq!(err.fields[0].message_key, "error.auth.bad_credentials");
    let team = a.ok("renew_team_session", json!({"password": ADMIN_PASSWORD})).await;
    assert_eq!(team["desks"].as_array().unwrap().len(), 3);
    let err = a.err("unlock_team_user", json!({"user_id": "nobody"})).await;
    assert_eq!((err.code, err.message_key.as_str()), (ErrorCode::NotFound, "error.team.no_such_user"));

    // Signing out forgets the session.
    a.ok("sign_out", json!({})).await;
    a.sign_in("admin", ADMIN_PASSWORD).await;
    a.ok("team_administration", json!({})).await;
    server.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_desk_not_in_a_team_has_no_team_to_administer() {
    let a = common::world().await;
    let err = a.err("team_administration", json!({})).await;
    assert_eq!(err.message_key, "error.sync.not_enrolled");
}
