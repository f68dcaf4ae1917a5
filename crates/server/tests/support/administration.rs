//! Team administration through a desk: an administrator's session from that desk, and nobody
//! else's, lists the desks and users, issues codes, revokes desks and lifts locks.

use lotline_sync::{ClientError, EnrollRequest, SessionRequest, SyncClient};

use super::Harness;
use super::authorship::{desk_with_admin_and_fien, sign_in};
use super::fake_desk::FakeDesk;

async fn session(client: &SyncClient, username: &str, password: &str) -> String {
    let request = SessionRequest { username: username.into(), password: password.into() };
    client.session(&request).await.expect("signed in").session
}

/// The status and key of a refusal.
fn refused<T: std::fmt::Debug>(answer: Result<T, ClientError>) -> (u16, String) {
    match answer {
        Err(ClientError::Server { status, body }) => (status, body.message_key),
        other => panic!("a refusal was expected: {other:?}"),
    }
}

pub async fn team_administration(h: &Harness) {
    let server = h.start().await;
    let (_desk_a, client_a) = desk_with_admin_and_fien(h, &server).await;
    let desk_b = FakeDesk::new();
    let (client_b, _) = h.enrol_at(&server, &desk_b.desk_id, "AMS1", 0).await;
    let admin = session(&client_a, "admin", "admin-pw-1").await;
    let fien = session(&client_a, "fien", "fien-pw-12").await;

    // Nobody but an administrator signed in through this very desk.
    assert_eq!(refused(client_a.admin_desks("").await), (401, "sync.session_missing".into()));
    assert_eq!(refused(client_a.admin_desks("not-a-session").await), (401, "sync.session_unknown".into()));
    assert_eq!(refused(client_a.admin_users(&fien).await), (403, "sync.not_an_administrator".into()));
    assert_eq!(refused(client_b.admin_desks(&admin).await), (401, "sync.session_unknown".into()), "A's session");
    let no_desk = SyncClient::new(server.url());
    assert!(matches!(no_desk.admin_desks(&admin).await, Err(ClientError::NoToken)));

    let desks = client_a.admin_desks(&admin).await.expect("the desks");
    let codes: Vec<&str> = desks.iter().map(|d| d.desk_code.as_str()).collect();
    assert_eq!(codes, ["AMS1A", "AMS1B"]);
    assert!(desks[0].last_contact_at.is_some() && desks[0].lotline_version.is_some(), "{desks:?}");

    // A code from the desktop enrols a desk as one from the command line does, once.
    let code = client_a.admin_enroll_code(&admin).await.expect("a code");
    assert!(code.expires_at > chrono::Utc::now().to_rfc3339(), "{code:?}");
    let desk_c = FakeDesk::new();
    let request = EnrollRequest {
        code: code.code.clone(),
        desk_id: desk_c.desk_id.clone(),
        site_code: "RTM1".into(),
        head_seq: 0,
    };
    assert_eq!(SyncClient::new(server.url()).enroll(&request).await.expect("enrolled").desk_code, "RTM1A");
    let again = EnrollRequest { desk_id: FakeDesk::new().desk_id, ..request };
    assert_eq!(refused(SyncClient::new(server.url()).enroll(&again).await).1, "sync.enroll_code_used");

    // Revoking: not the desk one sits at; another at once.
    assert_eq!(refused(client_a.admin_revoke_desk(&admin, "AMS1A").await), (409, "sync.revoke_own_desk".into()));
    assert_eq!(refused(client_a.admin_revoke_desk(&admin, "XYZ9Z").await), (404, "sync.no_such_desk".into()));
    let revoked = client_a.admin_revoke_desk(&admin, "AMS1B").await.expect("revoked");
    assert!(revoked.revoked_at.is_some());
    assert_eq!(refused(client_b.pull(0, None).await).0, 401, "B's token stops working at once");

    // Five wrong passwords lock Fien on every desk; the administrator lifts it, and her session
    // ends with it.
    for _ in 0..5 {
        assert_eq!(sign_in(&client_a, "fien", "guess-again").await, Err((401, "sync.bad_credentials".into())));
    }
    let users = client_a.admin_users(&admin).await.expect("the users");
    let listed = |name: &str| users.iter().find(|u| u.username == name).cloned().expect("listed");
    assert!(listed("fien").locked_until.is_some(), "{users:?}");
    assert!(listed("admin").locked_until.is_none());
    assert!(listed("admin").last_sign_in_at.is_some() && listed("fien").last_sign_in_at.is_some());
    assert_eq!(listed("admin").desks, ["AMS1A"]);
    let fien_id = listed("fien").user_id;
    let unlocked = client_a.admin_unlock_user(&admin, &fien_id).await.expect("unlocked");
    assert_eq!((unlocked.username.as_str(), unlocked.locked_until.as_deref()), ("fien", None));
    assert_eq!(refused(client_a.admin_users(&fien).await), (401, "sync.session_unknown".into()), "her session ended");
    assert_eq!(sign_in(&client_a, "fien", "fien-pw-12").await, Ok(fien_id.clone()));
    assert_eq!(refused(client_a.admin_unlock_user(&admin, "no-such-user").await), (404, "sync.no_such_user".into()));

    // The server's command line lifts a lock too, the server running.
    for _ in 0..5 {
        let _ = sign_in(&client_a, "FIEN", "guess-once-more").await;
    }
    assert_eq!(sign_in(&client_a, "fien", "fien-pw-12").await.unwrap_err().1, "sync.sign_in_locked");
    let by_cli = lotline_server::unlock_user(h.dir.path(), "Fien").await.unwrap().expect("fien is known");
    assert_eq!(by_cli.locked_until, None);
    assert_eq!(sign_in(&client_a, "fien", "fien-pw-12").await, Ok(fien_id));
    assert!(lotline_server::unlock_user(h.dir.path(), "nobody").await.unwrap().is_none());
    // An administrator's unlock is no sign-in of theirs.
    let after = lotline_server::list_users(h.dir.path()).await.unwrap();
    let fien_after = after.iter().find(|u| u.username == "fien").unwrap();
    assert!(fien_after.last_sign_in_at.is_some());
    server.shutdown().await.unwrap();
}
