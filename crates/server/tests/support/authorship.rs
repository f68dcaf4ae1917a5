//! Who may push what: the team's users, signed in through a desk, with the team's roles.

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
use lotline_domain::Event;
use lotline_domain::people::{Language, Role};
use lotline_sync::{
    ClientError, PushRequest, PushResponse, SessionRequest, SignInAttempt, SignInAttempts, SyncClient, WireEvent,
};

use super::Harness;
use super::fake_desk::FakeDesk;

fn hash(password: &str) -> String {
    Argon2::default().hash_password(password.as_bytes(), &SaltString::generate(&mut OsRng)).unwrap().to_string()
}

fn user(user_id: &str, username: &str, roles: &[Role]) -> Event {
    Event::UserCreated {
        user_id: user_id.into(),
        username: username.into(),
        display_name: username.into(),
        roles: roles.to_vec(),
        language: Language::En,
        password_hash: None,
    }
}

fn password(user_id: &str, password: &str) -> Event {
    Event::UserPasswordSet { user_id: user_id.into(), password_hash: hash(password) }
}

async fn push(client: &SyncClient, act: (Vec<WireEvent>, Vec<lotline_sync::CredentialPayload>)) -> PushResponse {
    let (events, credentials) = act;
    client.push(&PushRequest { events, credentials, seal: None }).await.expect("the push is answered")
}

/// The reason the server refused the push's only act, or None when it took it.
fn refusal(response: &PushResponse) -> Option<String> {
    response.rejected.first().map(|r| r.reason_key.clone())
}

pub(super) async fn sign_in(client: &SyncClient, username: &str, password: &str) -> Result<String, (u16, String)> {
    let request = SessionRequest { username: username.into(), password: password.into() };
    match client.session(&request).await {
        Ok(session) => Ok(session.user_id),
        Err(ClientError::Server { status, body }) => Err((status, body.message_key)),
        Err(other) => panic!("the server did not answer: {other}"),
    }
}

/// Desk A set itself up before it joined: its administrator and Fien of finance, with their
/// passwords, pushed as its history from before enrolment.
pub(super) async fn desk_with_admin_and_fien(
    h: &Harness,
    server: &lotline_server::RunningServer,
) -> (FakeDesk, SyncClient) {
    let mut desk_a = FakeDesk::new();
    let setup = desk_a.domain_act(
        "u-admin",
        &[
            user("u-admin", "admin", &[Role::Admin]),
            password("u-admin", "admin-pw-1"),
            user("u-fien", "fien", &[Role::Finance]),
            password("u-fien", "fien-pw-12"),
        ],
    );
    let (client_a, _) = h.enrol_at(server, &desk_a.desk_id, "AMS1", 4).await;
    assert_eq!(refusal(&push(&client_a, setup).await), None, "history from before enrolment stands");
    (desk_a, client_a)
}

pub async fn authorship(h: &Harness) {
    let server = h.start().await;
    let (mut desk_a, client_a) = desk_with_admin_and_fien(h, &server).await;
    // Fien was a user of desk A before it joined: she signed in there, with its passwords.
    let fien_dutch = [Event::UserLanguageSet { user_id: "u-fien".into(), language: Language::Nl }];
    assert_eq!(refusal(&push(&client_a, desk_a.domain_act("u-fien", &fien_dutch)).await), None);

    assert_eq!(sign_in(&client_a, "admin", "wrong-password").await, Err((401, "sync.bad_credentials".into())));
    assert_eq!(sign_in(&client_a, "nobody", "admin-pw-1").await, Err((401, "sync.bad_credentials".into())));
    assert_eq!(sign_in(&client_a, "ADMIN", "admin-pw-1").await, Ok("u-admin".into()), "names without case");

    // Two desks may each demote an administrator apart: the team keeps one.
    let demote = Event::UserUpdated {
        user_id: "u-admin".into(),
        display_name: "admin".into(),
        roles: vec![Role::Finance],
        active: true,
    };
    let alone = push(&client_a, desk_a.domain_act("u-admin", &[demote])).await;
    assert_eq!(refusal(&alone).as_deref(), Some("error.user.last_admin"));

    // Jan joins after enrolment: his acts count once he has signed in through the desk.
    let create_jan = [user("u-jan", "jan", &[Role::Inspector]), password("u-jan", "jan-pw-123")];
    assert_eq!(refusal(&push(&client_a, desk_a.domain_act("u-admin", &create_jan)).await), None);
    let jan_dutch = [Event::UserLanguageSet { user_id: "u-jan".into(), language: Language::Nl }];
    let early = push(&client_a, desk_a.domain_act("u-jan", &jan_dutch)).await;
    assert_eq!(refusal(&early).as_deref(), Some("error.sync.not_signed_in_here"));
    assert_eq!(sign_in(&client_a, "jan", "jan-pw-123").await, Ok("u-jan".into()), "the desk's password travelled");
    assert_eq!(refusal(&push(&client_a, desk_a.domain_act("u-jan", &jan_dutch)).await), None);

    // An inspector may not manage users, whatever his desk says.
    let by_jan = push(&client_a, desk_a.domain_act("u-jan", &[user("u-piet", "piet", &[Role::Admin])])).await;
    assert_eq!(refusal(&by_jan).as_deref(), Some("error.sync.not_permitted"));
    let someone_elses = push(&client_a, desk_a.domain_act("u-jan", &[password("u-admin", "taken-over")])).await;
    assert_eq!(refusal(&someone_elses).as_deref(), Some("error.sync.not_permitted"));
    assert_eq!(sign_in(&client_a, "admin", "taken-over").await, Err((401, "sync.bad_credentials".into())));
    let own = push(&client_a, desk_a.domain_act("u-jan", &[password("u-jan", "jan-pw-456")])).await;
    assert_eq!(refusal(&own), None, "a person sets their own password");
    assert_eq!(sign_in(&client_a, "jan", "jan-pw-456").await, Ok("u-jan".into()));

    // Signed in on desk A is not signed in on desk B.
    let mut desk_b = FakeDesk::new();
    let (client_b, _) = h.enrol_at(&server, &desk_b.desk_id, "AMS1", 0).await;
    let language = jan_dutch;
    let elsewhere = push(&client_b, desk_b.domain_act("u-jan", &language)).await;
    assert_eq!(refusal(&elsewhere).as_deref(), Some("error.sync.not_signed_in_here"));
    sign_in(&client_b, "jan", "jan-pw-456").await.expect("jan signs in on desk B");
    assert_eq!(refusal(&push(&client_b, desk_b.domain_act("u-jan", &language)).await), None);

    // A username is the team's once.
    sign_in(&client_b, "admin", "admin-pw-1").await.expect("the administrator signs in on desk B");
    let twin = push(&client_b, desk_b.domain_act("u-admin", &[user("u-jan-2", "Jan", &[Role::Finance])])).await;
    assert_eq!(refusal(&twin).as_deref(), Some("error.sync.username_taken"));

    // A deactivated user signs in nowhere and writes nothing more.
    let off = Event::UserUpdated {
        user_id: "u-jan".into(),
        display_name: "jan".into(),
        roles: vec![Role::Inspector],
        active: false,
    };
    assert_eq!(refusal(&push(&client_a, desk_a.domain_act("u-admin", &[off])).await), None);
    assert_eq!(sign_in(&client_b, "jan", "jan-pw-456").await, Err((403, "sync.user_inactive".into())));
    let late = push(&client_b, desk_b.domain_act("u-jan", &language)).await;
    assert_eq!(refusal(&late).as_deref(), Some("error.sync.user_inactive"));

    // A credential must be the very payload its stub was hashed from; nothing is stored otherwise.
    let before = client_a.pull(0, Some(5_000)).await.unwrap().events.len();
    let (events, mut credentials) = desk_a.domain_act("u-admin", &[password("u-admin", "admin-pw-2")]);
    credentials[0].payload = serde_json::to_string(&password("u-admin", "admin-pw-2")).unwrap();
    match client_a.push(&PushRequest { events, credentials, seal: None }).await {
        Err(ClientError::Server { status, body }) => {
            assert_eq!((status, body.message_key.as_str()), (400, "sync.credential_mismatch"))
        }
        other => panic!("a forged credential is refused, got {other:?}"),
    }
    assert_eq!(client_a.pull(0, Some(5_000)).await.unwrap().events.len(), before);
    assert_eq!(sign_in(&client_a, "admin", "admin-pw-1").await, Ok("u-admin".into()));
    server.shutdown().await.unwrap();
}

/// Five wrong passwords in a row lock a name on every desk of the team for 15 minutes, a right
/// password included; wrong passwords a desk took offline and reported count the same, where
/// they happened; reports older than a day, or malformed, lock no one.
pub async fn sign_in_lockout(h: &Harness) {
    let server = h.start().await;
    let (mut desk_a, client_a) = desk_with_admin_and_fien(h, &server).await;
    let desk_b = FakeDesk::new();
    let (client_b, _) = h.enrol_at(&server, &desk_b.desk_id, "AMS1", 0).await;

    // Four wrong on desk A and one on desk B: the fifth in a row locks, on both desks.
    for _ in 0..4 {
        assert_eq!(sign_in(&client_a, "fien", "guess").await, Err((401, "sync.bad_credentials".into())));
    }
    assert_eq!(sign_in(&client_b, "Fien", "guess").await, Err((401, "sync.bad_credentials".into())));
    for client in [&client_a, &client_b] {
        let request = SessionRequest { username: "fien".into(), password: "fien-pw-12".into() };
        match client.session(&request).await {
            Err(ClientError::Server { status: 403, body }) => {
                assert_eq!(body.message_key, "sync.sign_in_locked");
                assert!(body.params.get("until").is_some_and(|u| u.ends_with("UTC")), "{body:?}");
            }
            other => panic!("a locked name is refused, the right password too: {other:?}"),
        }
    }
    // Another name is not locked with it.
    assert_eq!(sign_in(&client_a, "admin", "wrong").await, Err((401, "sync.bad_credentials".into())));

    // Desk B, offline a few minutes earlier, took a right password for the administrator and
    // then three wrong ones, and reports them when it is back: with the wrong one just now they
    // are four in a row, which do not lock; the fifth does, the right password included.
    let now = chrono::Utc::now();
    let at = |minutes_ago: i64| (now - chrono::Duration::minutes(minutes_ago)).to_rfc3339();
    let offline = |ok: bool, minutes_ago: i64| SignInAttempt { username: "ADMIN".into(), at: at(minutes_ago), ok };
    let report =
        SignInAttempts { attempts: vec![offline(true, 6), offline(false, 4), offline(false, 3), offline(false, 2)] };
    client_b.report_sign_ins(&report).await.expect("the report is taken");
    assert_eq!(sign_in(&client_a, "admin", "wrong").await, Err((401, "sync.bad_credentials".into())));
    assert_eq!(sign_in(&client_a, "admin", "admin-pw-1").await.unwrap_err().1, "sync.sign_in_locked");

    // Attempts from more than a day ago lock no one; a report without a valid time is refused whole.
    let stale = SignInAttempts {
        attempts: (0..6).map(|i| SignInAttempt { username: "jan".into(), at: at(25 * 60 + i), ok: false }).collect(),
    };
    client_b.report_sign_ins(&stale).await.expect("an old report is taken and dropped");
    let create_jan = [user("u-jan", "jan", &[Role::Inspector]), password("u-jan", "jan-pw-123")];
    let (events, credentials) = desk_a.domain_act("u-admin", &create_jan);
    assert!(client_a.push(&PushRequest { events, credentials, seal: None }).await.unwrap().rejected.is_empty());
    assert_eq!(sign_in(&client_a, "jan", "jan-pw-123").await, Ok("u-jan".into()));
    let bad =
        SignInAttempts { attempts: vec![SignInAttempt { username: "jan".into(), at: "yesterday".into(), ok: false }] };
    match client_b.report_sign_ins(&bad).await {
        Err(ClientError::Server { status: 400, body }) => assert_eq!(body.fields[0].field, "attempts[0].at"),
        other => panic!("a report without a valid time is refused: {other:?}"),
    }
    server.shutdown().await.unwrap();
}

async fn must_change(client: &SyncClient, username: &str, password: &str) -> bool {
    let request = SessionRequest { username: username.into(), password: password.into() };
    client.session(&request).await.expect("signed in").must_change_password
}

/// An administrator's reset on one desk makes the person choose a new password at their next
/// sign-in through any desk, until they have; the desk's copy of the reset password, written as
/// theirs, keeps saying so.
pub async fn must_change_after_reset(h: &Harness) {
    let server = h.start().await;
    let (mut desk_a, client_a) = desk_with_admin_and_fien(h, &server).await;
    assert!(!must_change(&client_a, "fien", "fien-pw-12").await);
    let reset = Event::UserPasswordReset { user_id: "u-fien".into(), password_hash: hash("fien-reset-1") };
    assert_eq!(refusal(&push(&client_a, desk_a.domain_act("u-admin", &[reset])).await), None);

    let desk_b = FakeDesk::new();
    let (client_b, _) = h.enrol_at(&server, &desk_b.desk_id, "AMS1", 0).await;
    assert!(must_change(&client_b, "fien", "fien-reset-1").await, "the reset made on desk A");
    assert!(must_change(&client_b, "fien", "fien-reset-1").await, "until she has chosen a new one");

    // A desk's copy of the password she must still change, as her own reset: taken, still says so.
    let copy = Event::UserPasswordReset { user_id: "u-fien".into(), password_hash: hash("fien-reset-1") };
    assert_eq!(refusal(&push(&client_a, desk_a.domain_act("u-fien", &[copy])).await), None);
    assert!(must_change(&client_b, "fien", "fien-reset-1").await);
    // Someone else's reset is still an administrator's.
    let other = Event::UserPasswordReset { user_id: "u-admin".into(), password_hash: hash("taken-over-1") };
    let by_fien = push(&client_a, desk_a.domain_act("u-fien", &[other])).await;
    assert_eq!(refusal(&by_fien).as_deref(), Some("error.sync.not_permitted"));

    assert_eq!(
        refusal(&push(&client_a, desk_a.domain_act("u-fien", &[password("u-fien", "fien-new-pw-1")])).await),
        None
    );
    assert!(!must_change(&client_b, "fien", "fien-new-pw-1").await, "her own password, chosen after the reset");
    // A password the policy refuses (shorter than 10) must change too, as a desk would say.
    assert_eq!(refusal(&push(&client_a, desk_a.domain_act("u-fien", &[password("u-fien", "short")])).await), None);
    assert!(must_change(&client_b, "fien", "short").await);
    server.shutdown().await.unwrap();
}

/// The app's daily job writes the day's vendor ratings with nobody signed in: the team takes
/// such an act when it holds only ratings, and nothing else without an author.
pub async fn ratings_written_by_the_app(h: &Harness) {
    let server = h.start().await;
    let (mut desk_a, client_a) = desk_with_admin_and_fien(h, &server).await;
    let rated = Event::VendorRated {
        vendor_code: "SZHQ".into(),
        day: "2026-12-01".into(),
        rating: 71,
        period_from: "2026-09-03".into(),
        period_to: "2026-12-01".into(),
    };
    assert_eq!(refusal(&push(&client_a, (desk_a.app_act(&[rated]), Vec::new())).await), None);
    let dutch = Event::UserLanguageSet { user_id: "u-fien".into(), language: Language::Nl };
    let authorless = push(&client_a, (desk_a.app_act(&[dutch]), Vec::new())).await;
    assert_eq!(refusal(&authorless).as_deref(), Some("error.sync.act_without_user"));
    server.shutdown().await.unwrap();
}

/// Lotline 0.1.0 settled returns without naming who paid, and a desk's history from before it
/// enrolled keeps such settlements; a new act that settles or issues credit without a payer is
/// refused, whoever signed in, so a changed desk cannot slip past the payout duties.
pub async fn payer_less_settlements_after_enrolment_refused(h: &Harness) {
    use lotline_domain::returns::Settlement;
    let server = h.start().await;
    let (mut desk_a, client_a) = desk_with_admin_and_fien(h, &server).await;
    assert_eq!(sign_in(&client_a, "fien", "fien-pw-12").await, Ok("u-fien".into()));
    let rma_no = "RMA-AMS1A-000042".to_owned();
    let refund = Settlement::Refund { amount_minor: 7_400, restocking_fee_minor: 0 };
    let unnamed = [
        Event::RmaSettled { rma_no: rma_no.clone(), settlement: refund.clone(), paid_by: None },
        Event::RmaCreditIssued { rma_no: rma_no.clone(), amount_minor: 3_700, paid_by: None },
    ];
    for event in unnamed {
        let refused = push(&client_a, desk_a.domain_act("u-fien", std::slice::from_ref(&event))).await;
        assert_eq!(refusal(&refused).as_deref(), Some("error.settlement.payer_unknown"), "{event:?}");
        assert_eq!(refused.rejected[0].params["rma_no"], rma_no);
    }
    // Named, the same settlement goes on to the merge rules, which judge it against the return
    // (here one the team does not have).
    let named = Event::RmaSettled { rma_no: rma_no.clone(), settlement: refund, paid_by: Some("u-fien".into()) };
    let judged = push(&client_a, desk_a.domain_act("u-fien", &[named])).await;
    assert!(refusal(&judged).is_some_and(|reason| reason != "error.settlement.payer_unknown"), "{judged:?}");
    server.shutdown().await.unwrap();
}
