//! First start, signing in and out.

use chrono::{DateTime, Utc};
use lotline_domain::merge::username_key;
use lotline_domain::money::{Currency, currencies};
use lotline_domain::passwords::must_change_password;
use lotline_domain::people::{Actor, Language, Role};
use lotline_domain::reshipment::Queue;
use lotline_domain::settings::{SetupRequest, check_setup, default_defect_categories, default_locations};
use lotline_domain::users::{LOCK_AFTER_FAILURES, locked_until};
use lotline_domain::{ApiError, Event};
use lotline_store::queries::people::{self, SettingsView, UserView};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Empty;
use crate::context::{Ctx, SignedIn, store_error};
use crate::password::Hashing;
use crate::sync::TeamSignIn;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SetupStatus {
    pub needs_setup: bool,
    pub company_name: Option<String>,
    pub site_code: Option<String>,
    /// Events a newer Lotline wrote (pulled from a team): kept but not shown until this desk
    /// is updated, which the app says.
    pub newer_events: i64,
    /// This desk's desk code when it is enrolled in a team: a desk that joined a team before it
    /// was set up waits for the team's data instead of being set up on its own.
    pub team_desk: Option<String>,
    /// The currencies Lotline accepts, each with its decimals: the UI formats and parses every
    /// amount with these, so it holds no money rule of its own. Sent before setup, whose form
    /// asks for the home currency.
    pub currencies: Vec<Currency>,
    /// This computer's time zone, which setup offers as the site's, and the zones to choose from.
    pub computer_time_zone: String,
    pub time_zones: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CompleteSetupInput {
    pub company_name: String,
    pub site_code: String,
    pub currency: String,
    pub language: Language,
    pub admin_username: String,
    pub admin_display_name: String,
    pub admin_password: String,
    #[serde(default)]
    pub load_demo: bool,
    /// The site's IANA time zone; none leaves this computer's zone for an administrator to
    /// confirm later.
    #[serde(default)]
    pub time_zone: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Session {
    pub user: UserView,
    pub settings: SettingsView,
    /// The person must choose a new password (an administrator reset theirs, or it is shorter
    /// or more common than the policy now allows) before any other act.
    pub must_change_password: bool,
    /// The session sat idle too long: only the same person's password opens it again.
    pub locked: bool,
    /// What the person may do ("configure_quality", …): the UI offers only these, so it keeps
    /// no copy of which role may do what.
    pub permissions: Vec<String>,
    /// The reshipment queue the person works from (the list's "my queue"), by their roles.
    pub queue: Option<Queue>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SignInInput {
    pub username: String,
    pub password: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SetMyLanguageInput {
    pub language: Language,
}

pub async fn setup_status(ctx: &Ctx, _: Empty) -> Result<SetupStatus, ApiError> {
    let mut conn = ctx.read().await?;
    let settings = people::settings(&mut conn).await?;
    let newer_events = lotline_store::newer_events(&mut conn).await?;
    let enrolment = lotline_store::enrolment(&mut conn).await?;
    Ok(SetupStatus {
        newer_events,
        team_desk: enrolment.map(|e| e.desk_code),
        needs_setup: settings.is_none(),
        company_name: settings.as_ref().map(|s| s.company_name.clone()),
        site_code: settings.map(|s| s.site_code),
        currencies: currencies(),
        computer_time_zone: lotline_store::queries::site_time::computer_time_zone(),
        time_zones: lotline_domain::site_time::time_zone_names(),
    })
}

pub(crate) fn actor_of(user: &UserView) -> Actor {
    Actor {
        user_id: user.id.clone(),
        username: user.username.clone(),
        display_name: user.display_name.clone(),
        roles: user.roles.clone(),
    }
}

/// First start: the installation's settings, the default defect categories and the first admin,
/// all in one transaction; optionally the demo data after it.
pub async fn complete_setup(ctx: &Ctx, input: CompleteSetupInput) -> Result<Session, ApiError> {
    let request = SetupRequest {
        company_name: input.company_name.trim().to_owned(),
        site_code: input.site_code.trim().to_uppercase(),
        currency: input.currency.trim().to_uppercase(),
        language: input.language,
    };
    let mut v = check_setup(&request);
    let username = input.admin_username.trim().to_owned();
    lotline_domain::users::check_new_user(&mut v, "admin_username", &username, "admin_password", &input.admin_password);
    lotline_domain::users::check_display_name(&mut v, "admin_display_name", &input.admin_display_name);
    v.into_result()?;
    let zone = super::site_time::chosen_at_setup(input.time_zone.as_deref())?;

    let mut tx = ctx.begin().await?;
    if people::settings(&mut tx).await?.is_some() {
        return Err(ApiError::conflict("error.setup.already_done"));
    }
    let user_id = uuid::Uuid::now_v7().to_string();
    let mut events = vec![
        Event::SettingsInitialized {
            company_name: request.company_name,
            site_code: request.site_code,
            currency: request.currency,
            default_language: request.language,
        },
        Event::UserCreated {
            user_id: user_id.clone(),
            username,
            display_name: input.admin_display_name.trim().to_owned(),
            roles: vec![Role::Admin, Role::QualityLead],
            language: input.language,
            password_hash: None,
        },
        Event::UserPasswordSet { user_id: user_id.clone(), password_hash: ctx.hashing.hash(&input.admin_password)? },
    ];
    events.extend(default_defect_categories().into_iter().map(Event::DefectCategorySaved));
    events.extend(default_locations().into_iter().map(Event::LocationSaved));
    events.extend(zone);
    ctx.commit(tx, events).await?;
    let session = begin_session(ctx, &user_id, false).await?;
    if input.load_demo {
        crate::demo::load(ctx).await?;
    }
    Ok(session)
}

/// Signs `user_id` in afresh: a new session replaces whoever was signed in here.
async fn begin_session(ctx: &Ctx, user_id: &str, must_change: bool) -> Result<Session, ApiError> {
    let (user, _) = user_and_settings(ctx, user_id).await?;
    let actor = actor_of(&user);
    ctx.set_session(Some(SignedIn { actor, must_change_password: must_change, last_act: ctx.now(), locked: false }));
    session_view(ctx, user_id).await
}

async fn user_and_settings(ctx: &Ctx, user_id: &str) -> Result<(UserView, SettingsView), ApiError> {
    let mut conn = ctx.read().await?;
    let user = people::user_by_id(&mut conn, user_id).await?.ok_or_else(ApiError::unauthenticated)?;
    let settings = people::settings(&mut conn).await?.ok_or_else(|| ApiError::conflict("error.setup.needed"))?;
    Ok((user, settings))
}

/// The current session as the UI shows it.
pub(crate) async fn session_view(ctx: &Ctx, user_id: &str) -> Result<Session, ApiError> {
    let (user, settings) = user_and_settings(ctx, user_id).await?;
    let state = ctx.signed_in();
    let permissions = actor_of(&user).permission_names();
    Ok(Session {
        permissions,
        queue: Queue::of_roles(&user.roles),
        user,
        settings,
        must_change_password: state.as_ref().is_some_and(|s| s.must_change_password),
        locked: state.is_some_and(|s| s.locked),
    })
}

/// Signs a person in, five wrong passwords in a row locking the name for 15 minutes; every
/// attempt that got as far as the password is recorded on the desk.
pub async fn sign_in(ctx: &Ctx, input: SignInInput) -> Result<Session, ApiError> {
    // Whoever signs in now, the team's session of the one before is not theirs.
    ctx.set_team_session(None);
    let key = username_key(&input.username);
    if let Some(hold) = ctx.log_hold() {
        ctx.set_session(None);
        let user_id = crate::audit::sign_in_held(ctx, &hold, &input.username, &input.password).await?;
        return begin_session(ctx, &user_id, false).await;
    }
    let recent = {
        let mut conn = ctx.read().await?;
        people::recent_sign_ins(&mut conn, &key, LOCK_AFTER_FAILURES as i64).await?
    };
    let recent: Vec<(bool, DateTime<Utc>)> =
        recent.into_iter().filter_map(|(ok, at)| Some((ok, lotline_domain::time::from_stored(&at)?))).collect();
    let locked_here = locked_until(&recent, ctx.now()).map(|until| until.format("%Y-%m-%d %H:%M UTC").to_string());
    let (result, decided_by) = check_password(ctx, &input, locked_here).await?;
    let counted = match &result {
        Ok(_) => true,
        Err(error) => error.message_key == "error.auth.bad_credentials",
    };
    if counted {
        let mut tx = ctx.begin().await?;
        let user_id = result.as_ref().ok().map(|session| session.user.id.as_str());
        // The team's server counted what it decided; what this desk decided alone while it could
        // not reach the server waits to be reported (sync::report_sign_ins).
        let reported = decided_by != Decider::DeskOffline;
        people::record_sign_in(&mut tx, &key, user_id, &ctx.now_text(), result.is_ok(), reported).await?;
        tx.commit().await.map_err(|e| store_error(e.into()))?;
    }
    result
}

/// Who decided a sign-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Decider {
    /// The team's server, which counts it too.
    Team,
    /// This desk, which belongs to no team.
    Desk,
    /// This desk, because the team's server could not be reached.
    DeskOffline,
}

/// `locked_here`: until when this desk's own count locks the name, if it does.
async fn check_password(
    ctx: &Ctx,
    input: &SignInInput,
    locked_here: Option<String>,
) -> Result<(Result<Session, ApiError>, Decider), ApiError> {
    // On a desk of a team the team's server decides, lockout included (it counts every desk's
    // attempts, and an administrator may lift a lock there); offline, this desk's count and the
    // passwords it holds.
    let decider = match crate::sync::sign_in_through_team(ctx, &input.username, &input.password).await? {
        TeamSignIn::Verified { user_id, session, must_change_password } => {
            let signed_in = signed_in_through_team(ctx, &user_id, &input.password, must_change_password).await;
            if signed_in.is_ok() {
                ctx.set_team_session(Some(session));
            }
            return Ok((signed_in, Decider::Team));
        }
        TeamSignIn::Refused(error) => return Ok((Err(error), Decider::Team)),
        TeamSignIn::Unanswered { enrolled: true } => Decider::DeskOffline,
        TeamSignIn::Unanswered { enrolled: false } => Decider::Desk,
    };
    if let Some(until) = locked_here {
        return Ok((Err(ApiError::forbidden("error.session.locked").with("until", until)), decider));
    }
    Ok((check_locally(ctx, input).await, decider))
}

async fn check_locally(ctx: &Ctx, input: &SignInInput) -> Result<Session, ApiError> {
    let secret = {
        let mut conn = ctx.read().await?;
        people::user_secret(&mut conn, &input.username).await?
    };
    // One message for unknown user and wrong password, so names cannot be probed.
    let bad = || ApiError::new(lotline_domain::ErrorCode::Unauthenticated, "error.auth.bad_credentials");
    let Some(secret) = secret else {
        let _ = ctx.hashing.hash(&input.password);
        return Err(bad());
    };
    if !Hashing::verify(&input.password, &secret.password_hash) {
        return Err(bad());
    }
    if !secret.user.active {
        return Err(ApiError::forbidden("error.auth.inactive"));
    }
    let must_change = needs_new_password(ctx, &secret.user.id, &input.password).await?;
    if !must_change && ctx.hashing.is_weaker(&secret.password_hash) {
        store_hash(ctx, &secret.user, &input.password).await?;
    }
    begin_session(ctx, &secret.user.id, must_change).await
}

async fn needs_new_password(ctx: &Ctx, user_id: &str, typed: &str) -> Result<bool, ApiError> {
    let mut conn = ctx.read().await?;
    let reset = people::password_was_reset(&mut conn, user_id).await?;
    Ok(must_change_password(typed, reset))
}

/// Hashes the password just verified with this desk's current cost, as the person's own
/// credential event: the log and the team's server take the stronger hash like any other.
/// Not for a password that must change, whose reset the log keeps saying until it does.
async fn store_hash(ctx: &Ctx, user: &UserView, password: &str) -> Result<(), ApiError> {
    let tx = ctx.begin().await?;
    let credential = Event::UserPasswordSet { user_id: user.id.clone(), password_hash: ctx.hashing.hash(password)? };
    ctx.acting_as(actor_of(user)).commit(tx, vec![credential]).await?;
    Ok(())
}

/// The copy of a password the person must still change, written as theirs: the team takes a reset
/// of one's own password (it only says what the team's server already said).
async fn store_hash_as_reset(ctx: &Ctx, user: &UserView, password: &str) -> Result<(), ApiError> {
    let tx = ctx.begin().await?;
    let credential = Event::UserPasswordReset { user_id: user.id.clone(), password_hash: ctx.hashing.hash(password)? };
    ctx.acting_as(actor_of(user)).commit(tx, vec![credential]).await?;
    Ok(())
}

/// The team knows the person by this password: the desk keeps a hash of it (a local-only
/// event), so that they can sign in here while the server cannot be reached. When the team says
/// the password must change (an administrator reset it, maybe on another desk, maybe not pulled
/// here yet), the copy is kept as a reset of the person's own, so the desk goes on saying so at
/// every sign-in, offline too, until they choose a new one.
async fn signed_in_through_team(
    ctx: &Ctx,
    user_id: &str,
    password: &str,
    team_says_change: bool,
) -> Result<Session, ApiError> {
    let (secret, user) = {
        let mut conn = ctx.read().await?;
        let secret = people::credential_of(&mut conn, user_id).await?;
        let user = people::user_by_id(&mut conn, user_id).await?.ok_or_else(ApiError::unauthenticated)?;
        (secret, user)
    };
    if !user.active {
        return Err(ApiError::forbidden("error.auth.inactive"));
    }
    // Before the desk's copy below, which would hide another desk's reset from the log's order.
    let reset_here = {
        let mut conn = ctx.read().await?;
        people::password_was_reset(&mut conn, user_id).await?
    };
    let must_change = team_says_change || must_change_password(password, reset_here);
    let known = secret.as_deref().is_some_and(|hash| Hashing::verify(password, hash));
    let weak = secret.as_deref().is_some_and(|hash| ctx.hashing.is_weaker(hash));
    if team_says_change && !(known && reset_here) {
        store_hash_as_reset(ctx, &user, password).await?;
    } else if !known || (weak && !must_change) {
        store_hash(ctx, &user, password).await?;
    }
    begin_session(ctx, user_id, must_change).await
}

pub async fn sign_out(ctx: &Ctx, _: Empty) -> Result<Empty, ApiError> {
    ctx.set_session(None);
    Ok(Empty {})
}

pub async fn current_session(ctx: &Ctx, _: Empty) -> Result<Option<Session>, ApiError> {
    match ctx.actor() {
        Ok(actor) => session_view(ctx, &actor.user_id).await.map(Some),
        Err(_) => Ok(None),
    }
}

pub async fn set_my_language(ctx: &Ctx, input: SetMyLanguageInput) -> Result<UserView, ApiError> {
    let actor = ctx.actor()?;
    let tx = ctx.begin().await?;
    ctx.commit(tx, vec![Event::UserLanguageSet { user_id: actor.user_id.clone(), language: input.language }]).await?;
    let mut conn = ctx.read().await?;
    people::user_by_id(&mut conn, &actor.user_id).await?.ok_or_else(ApiError::unauthenticated)
}
