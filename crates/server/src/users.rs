//! The team's users on the server. The log defines them (a desk's `user_created` and
//! `user_updated` events); the server keeps who they are and their roles as it accepts those
//! events, so it can hold every pushed act to its author: a person who signed in through the
//! pushing desk, with the rights the act needs. Password hashes never travel in the log: desks
//! send them beside their credential events, and the server uses them to sign people in.

use std::collections::HashMap;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordVerifier};
use lotline_domain::envelope::{Decoded, decode_payload, payload_hash};
use lotline_domain::merge::{TeamMember, claim_username, may_author, username_key, written_by_the_app};
use lotline_domain::passwords::must_change_password;
use lotline_domain::people::Role;
use lotline_domain::users::{Account, check_update};
use lotline_domain::{ApiError as DomainError, Event};
use lotline_sync::{CredentialPayload, SessionRequest, SessionResponse, WireEvent};
use sqlx::{Any, Row, Transaction};

use crate::database::{Store, now_text, sha256_hex};
use crate::enrolment::random_hex;
use crate::error::{ApiError, ServerError};
use crate::judge::Verdict;

/// The push's credential payloads by event id, each checked against the stub it belongs to.
pub(crate) fn credentials_of(
    events: &[WireEvent],
    credentials: &[CredentialPayload],
) -> Result<HashMap<String, Event>, ApiError> {
    let mut by_id = HashMap::with_capacity(credentials.len());
    for (i, credential) in credentials.iter().enumerate() {
        let field = format!("credentials[{i}]");
        let event = events.iter().find(|e| e.id == credential.event_id && (e.local_only || e.redacted));
        let Some(event) = event else {
            let message = format!("Credential {} names no local-only event of this push.", credential.event_id);
            return Err(ApiError::invalid("sync.credential_without_event", message).at(field));
        };
        if payload_hash(&credential.payload) != event.payload_hash {
            let message = format!("The credential of event {} does not hash to its payload_hash.", event.id);
            return Err(ApiError::invalid("sync.credential_mismatch", message).at(field));
        }
        match decode_payload(&event.kind, event.schema_version, &credential.payload) {
            Ok(Decoded::Known(decoded)) => {
                by_id.insert(event.id.clone(), *decoded);
            }
            // A newer Lotline's credential: kept out until this server knows its shape.
            Ok(Decoded::Unknown { .. }) => {}
            Err(reason) => {
                let message = format!("The credential of event {} is not a valid {}: {reason}", event.id, event.kind);
                return Err(ApiError::invalid("sync.credential_invalid", message).at(field));
            }
        }
    }
    Ok(by_id)
}

fn refuse(error: DomainError) -> Verdict {
    let message = error.to_string();
    let params = error.params.iter().map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone()))).collect();
    Verdict::Refuse { reason_key: error.message_key.clone(), params, message }
}

/// Who signed in through the pushing desk, and the team's members, as one push has read them:
/// most acts of a push are one person's, so each is read once a push.
#[derive(Default)]
pub(crate) struct KnownPeople {
    signed_in: HashMap<String, bool>,
    members: HashMap<String, Option<TeamMember>>,
}

impl KnownPeople {
    async fn signed_in(
        &mut self,
        tx: &mut Transaction<'static, Any>,
        desk_id: &str,
        user_id: &str,
    ) -> Result<bool, ServerError> {
        if let Some(known) = self.signed_in.get(user_id) {
            return Ok(*known);
        }
        let found: Option<String> =
            sqlx::query_scalar("SELECT user_id FROM desk_users WHERE desk_id = $1 AND user_id = $2")
                .bind(desk_id.to_owned())
                .bind(user_id.to_owned())
                .fetch_optional(&mut **tx)
                .await?;
        self.signed_in.insert(user_id.to_owned(), found.is_some());
        Ok(found.is_some())
    }

    async fn member(
        &mut self,
        tx: &mut Transaction<'static, Any>,
        user_id: &str,
    ) -> Result<Option<TeamMember>, ServerError> {
        if let Some(known) = self.members.get(user_id) {
            return Ok(known.clone());
        }
        let found = member(tx, user_id).await?;
        self.members.insert(user_id.to_owned(), found.clone());
        Ok(found)
    }
}

/// `None` when the act's author may have written it through this desk, else the refusal. Acts
/// the desk wrote before it enrolled (`enrolled_head`) were signed in on the desk alone.
pub(crate) async fn check_author(
    tx: &mut Transaction<'static, Any>,
    people: &mut KnownPeople,
    desk_id: &str,
    enrolled_head: i64,
    act: &[WireEvent],
    credentials: &HashMap<String, Event>,
) -> Result<Option<Verdict>, ServerError> {
    let first = &act[0];
    if let Some(other) = act.iter().find(|e| e.actor_id != first.actor_id) {
        let message = format!("Event {} names another user than the rest of its act.", other.id);
        return Err(ApiError::invalid("sync.act_of_two_users", message).at("events").into());
    }
    // Credential stubs count with their full payloads: setting someone else's password is
    // an administrator's act too.
    let decoded: Vec<Event> = act.iter().filter_map(|e| full_event(e, credentials)).collect();
    for event in &decoded {
        if let Event::UserCreated { user_id, username, .. } = event {
            let holder: Option<String> = sqlx::query_scalar("SELECT user_id FROM team_users WHERE username_key = $1")
                .bind(username_key(username))
                .fetch_optional(&mut **tx)
                .await?;
            if let Err(taken) = claim_username(holder.as_deref(), user_id, username) {
                return Ok(Some(refuse(taken)));
            }
        }
    }
    // The team keeps an active administrator, whatever two desks did apart.
    for event in &decoded {
        if let Event::UserUpdated { user_id, .. } = event
            && let Some(current) = member(tx, user_id).await?
        {
            let admins: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM team_users WHERE active = 1 AND roles LIKE '%\"admin\"%'")
                    .fetch_one(&mut **tx)
                    .await?;
            let account = Account { user_id: current.user_id, roles: current.roles, active: current.active };
            if let Err(refusal) = check_update(&account, event, first.actor_id.as_deref().unwrap_or_default(), admins) {
                return Ok(Some(refuse(refusal)));
            }
        }
    }
    if first.desk_seq <= enrolled_head {
        return Ok(None);
    }
    let Some(user_id) = first.actor_id.as_deref() else {
        // The desk's daily job writes as the app, with nobody signed in, and only its own kinds.
        if decoded.len() == act.len() && decoded.iter().all(written_by_the_app) {
            return Ok(None);
        }
        return Ok(Some(refuse(DomainError::forbidden("error.sync.act_without_user"))));
    };
    if !people.signed_in(tx, desk_id, user_id).await? {
        return Ok(Some(refuse(DomainError::forbidden("error.sync.not_signed_in_here").with("user", user_id))));
    }
    let Some(member) = people.member(tx, user_id).await? else {
        return Ok(Some(refuse(DomainError::forbidden("error.sync.not_a_member").with("user", user_id))));
    };
    for event in &decoded {
        if let Err(refusal) = may_author(&member, event) {
            return Ok(Some(refuse(refusal)));
        }
    }
    Ok(None)
}

async fn member(tx: &mut Transaction<'static, Any>, user_id: &str) -> Result<Option<TeamMember>, ServerError> {
    let row = sqlx::query("SELECT roles, active FROM team_users WHERE user_id = $1")
        .bind(user_id.to_owned())
        .fetch_optional(&mut **tx)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let roles: Vec<Role> = serde_json::from_str(&row.try_get::<String, _>("roles")?).unwrap_or_default();
    Ok(Some(TeamMember { user_id: user_id.to_owned(), roles, active: row.try_get::<i64, _>("active")? != 0 }))
}

/// Keeps the team's users up to date with an act the server accepted. An act from before the
/// desk enrolled makes its author, and the users it creates, people of that desk: they signed in
/// there, with the desk's own passwords.
pub(crate) async fn apply_accepted(
    tx: &mut Transaction<'static, Any>,
    people: &mut KnownPeople,
    enrolled_head: i64,
    act: &[WireEvent],
    credentials: &HashMap<String, Event>,
) -> Result<(), ServerError> {
    let before_enrolment = act[0].desk_seq <= enrolled_head;
    if before_enrolment
        && let Some(actor) = &act[0].actor_id
        && people.signed_in.get(actor) != Some(&true)
    {
        record_desk_user(tx, &act[0].desk_id, actor).await?;
        people.signed_in.insert(actor.clone(), true);
    }
    for event in act.iter().filter_map(|e| full_event(e, credentials)) {
        if before_enrolment && let Event::UserCreated { user_id, .. } = &event {
            record_desk_user(tx, &act[0].desk_id, user_id).await?;
            people.signed_in.insert(user_id.clone(), true);
        }
        if apply_user_event(tx, &event).await? {
            people.members.clear();
        }
    }
    Ok(())
}

async fn record_desk_user(tx: &mut Transaction<'static, Any>, desk_id: &str, user_id: &str) -> Result<(), ServerError> {
    sqlx::query("INSERT INTO desk_users (desk_id, user_id, since) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
        .bind(desk_id.to_owned())
        .bind(user_id.to_owned())
        .bind(now_text())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The event as its desk wrote it: the credential payload where the desk sent one for a stub
/// or a redacted event, else the payload as it travels.
fn full_event(wire: &WireEvent, credentials: &HashMap<String, Event>) -> Option<Event> {
    if let Some(full) = credentials.get(&wire.id) {
        return Some(full.clone());
    }
    match decode_payload(&wire.kind, wire.schema_version, wire.payload.as_deref()?) {
        Ok(Decoded::Known(event)) => Some(*event),
        _ => None,
    }
}

/// Answers whether the event changed a team member.
async fn apply_user_event(tx: &mut Transaction<'static, Any>, event: &Event) -> Result<bool, ServerError> {
    match event {
        Event::UserCreated { user_id, username, roles, password_hash, .. } => {
            sqlx::query(
                "INSERT INTO team_users (user_id, username_key, roles, active, password_hash) VALUES ($1, $2, $3, 1, $4) \
                 ON CONFLICT (user_id) DO NOTHING",
            )
            .bind(user_id.clone())
            .bind(username_key(username))
            .bind(serde_json::to_string(roles).unwrap_or_else(|_| "[]".into()))
            .bind(password_hash.clone())
            .execute(&mut **tx)
            .await?;
        }
        Event::UserUpdated { user_id, roles, active, .. } => {
            sqlx::query("UPDATE team_users SET roles = $1, active = $2 WHERE user_id = $3")
                .bind(serde_json::to_string(roles).unwrap_or_else(|_| "[]".into()))
                .bind(i64::from(*active))
                .bind(user_id.clone())
                .execute(&mut **tx)
                .await?;
        }
        Event::UserPasswordSet { user_id, password_hash } | Event::UserPasswordReset { user_id, password_hash } => {
            let reset = matches!(event, Event::UserPasswordReset { .. });
            sqlx::query("UPDATE team_users SET password_hash = $1, must_change_password = $2 WHERE user_id = $3")
                .bind(password_hash.clone())
                .bind(i64::from(reset))
                .bind(user_id.clone())
                .execute(&mut **tx)
                .await?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// An argon2 hash of nothing anyone types: verified against when the name is unknown, so a
/// wrong name takes as long as a wrong password and names cannot be probed. Its cost is the one
/// desks hash with (64 MiB, 3 passes: `lotline_app`'s password module), or the time would tell.
const NO_ONE: &str =
    "$argon2id$v=19$m=65536,t=3,p=1$XeR2czIo2fwLcZYWkgBEow$c1sYtoDhMwN/W1JaCsnDMbOvxyBBOQJ4rsPbkgRS5So";

/// Signs a person in through a desk: their team password, then a session that lets the server
/// take their acts from this desk.
pub(crate) async fn sign_in(
    store: &Store,
    desk_id: &str,
    request: &SessionRequest,
) -> Result<SessionResponse, ServerError> {
    let key = username_key(&request.username);
    if let Some(until) = crate::sign_ins::locked(store, &key).await? {
        return Err(crate::sign_ins::locked_error(until).into());
    }
    let row = sqlx::query(
        "SELECT user_id, active, password_hash, must_change_password FROM team_users WHERE username_key = $1",
    )
    .bind(key.clone())
    .fetch_optional(&store.pool)
    .await?;
    let (user_id, active, stored, reset) = match &row {
        Some(row) => (
            Some(row.try_get::<String, _>("user_id")?),
            row.try_get::<i64, _>("active")? != 0,
            row.try_get::<Option<String>, _>("password_hash")?,
            row.try_get::<i64, _>("must_change_password")? != 0,
        ),
        None => (None, false, None, false),
    };
    let password = request.password.clone();
    let hash = stored.clone().unwrap_or_else(|| NO_ONE.to_owned());
    // argon2 takes tens of milliseconds on purpose: off the async workers.
    let matches = tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
    })
    .await
    .unwrap_or(false);
    let verified = matches && stored.is_some() && user_id.is_some();
    crate::sign_ins::record(store, desk_id, &[(key, verified, chrono::Utc::now())], false).await?;
    let Some(user_id) = user_id.filter(|_| verified) else {
        return Err(ApiError::unauthorized("sync.bad_credentials", "The username or password is wrong.").into());
    };
    if !active {
        return Err(ApiError::forbidden("sync.user_inactive", "This user is deactivated.").into());
    }
    let session = random_hex(32);
    let mut write = store.begin_write().await?;
    sqlx::query("INSERT INTO user_sessions (token_hash, user_id, desk_id, issued_at) VALUES ($1, $2, $3, $4)")
        .bind(sha256_hex(session.as_bytes()))
        .bind(user_id.clone())
        .bind(desk_id.to_owned())
        .bind(now_text())
        .execute(&mut *write.tx)
        .await?;
    record_desk_user(&mut write.tx, desk_id, &user_id).await?;
    write.commit().await?;
    // The same rule a desk applies: an administrator's reset, or a password the policy refuses.
    let must_change_password = must_change_password(&request.password, reset);
    Ok(SessionResponse { user_id, session, must_change_password })
}

#[cfg(test)]
mod tests {
    use argon2::password_hash::PasswordHash;

    #[test]
    fn an_unknown_name_costs_what_a_desk_made_hash_costs() {
        let parsed = PasswordHash::new(super::NO_ONE).expect("a well-formed argon2 hash");
        assert_eq!(parsed.algorithm.as_str(), "argon2id");
        let params: Vec<(String, String)> =
            parsed.params.iter().map(|(k, v)| (k.as_str().to_owned(), v.as_str().to_owned())).collect();
        let expected = [("m", "65536"), ("t", "3"), ("p", "1")].map(|(k, v)| (k.to_owned(), v.to_owned()));
        assert_eq!(params, expected);
    }
}
