//! What every act passes before it runs, whichever host called it: the signed-in person as the
//! log knows them now, the idle lock and a password that must be changed first. The UI shows
//! the matching screens, but the rule holds here, so a script in the webview or a second window
//! cannot step around them.

use lotline_domain::users::idle_locked;
use lotline_domain::{ApiError, ErrorCode};
use lotline_store::queries::people;

use super::session::actor_of;
use crate::context::Ctx;

/// Acts a locked session, or one that must change its password, may still call: to find out
/// where it stands, to unlock, or to leave.
const ALWAYS_OPEN: &[&str] =
    &["setup_status", "complete_setup", "sign_in", "sign_out", "current_session", "lock_session", "unlock_session"];

/// Acts open before anyone signs in: to set the desk up, sign in, and see why the log is on
/// hold. Every other act is refused here, before its input is read, so a missing check in one
/// act cannot open it to a caller nobody signed in (the catalogue's test calls them all). A new
/// desk joins its team before it has users (`enroll_desk` asks for an administrator once the
/// desk is set up); the AQL sampling plan is the standard's table, not the desk's data.
pub const BEFORE_SIGN_IN: &[&str] = &[
    "setup_status",
    "complete_setup",
    "sign_in",
    "sign_out",
    "current_session",
    "log_hold",
    "enroll_desk",
    "aql_plan",
];

/// Acts open while the log is on hold after the check at start: to see why, for an
/// administrator to sign in against the verified log, check it and go on.
const OPEN_ON_HOLD: &[&str] =
    &["setup_status", "sign_in", "sign_out", "current_session", "log_hold", "release_log_hold", "check_log"];

/// Acts open on a restored desk of a team until it has pulled its own events back: to sign in
/// and sync.
const OPEN_TO_PULL: &[&str] = &["team_status", "sync_team"];

/// Acts the UI calls by itself (on start, for the navigation's counts) rather than because the
/// person did something: they do not keep a session from locking.
const PASSIVE: &[&str] =
    &["setup_status", "current_session", "count_open_conflicts", "team_status", "poll_notifications"];

/// Admits the act called `act`, or refuses it with why. Roles changed or an account deactivated
/// (here or, through sync, on another desk) take effect at the person's next act, and a
/// deactivated person is signed out.
pub(crate) async fn admit(ctx: &Ctx, act: &str) -> Result<(), ApiError> {
    if ctx.pull_first() && !OPEN_ON_HOLD.contains(&act) && !OPEN_TO_PULL.contains(&act) {
        return Err(ApiError::conflict("error.backup.pull_first"));
    }
    if ctx.log_hold().is_some() && !OPEN_ON_HOLD.contains(&act) {
        return Err(ApiError::forbidden("error.audit.log_held"));
    }
    let Some(session) = ctx.signed_in() else {
        return if BEFORE_SIGN_IN.contains(&act) { Ok(()) } else { Err(ApiError::unauthenticated()) };
    };
    let (user, settings) = {
        let mut conn = ctx.read().await?;
        let user = people::user_by_id(&mut conn, &session.actor.user_id).await?;
        (user, people::settings(&mut conn).await?)
    };
    let user = match user {
        Some(user) if user.active => user,
        _ => {
            ctx.set_session(None);
            return Err(ApiError::new(ErrorCode::Unauthenticated, "error.auth.deactivated"));
        }
    };
    if user.roles != session.actor.roles {
        ctx.update_session(|s| s.actor = actor_of(&user));
    }
    let open = ALWAYS_OPEN.contains(&act);
    let now = ctx.now();
    let idle_lock_minutes = settings.map_or(lotline_domain::users::IDLE_LOCK_DEFAULT_MINUTES, |s| s.idle_lock_minutes);
    if session.locked || idle_locked(session.last_act, now, idle_lock_minutes) {
        ctx.update_session(|s| s.locked = true);
        return if open { Ok(()) } else { Err(ApiError::new(ErrorCode::Unauthenticated, "error.session.idle_locked")) };
    }
    if session.must_change_password && !open && act != "change_my_password" {
        return Err(ApiError::forbidden("error.session.password_change_required"));
    }
    if !PASSIVE.contains(&act) {
        ctx.update_session(|s| s.last_act = now);
    }
    Ok(())
}
