//! A person changing their own password, and the session's idle lock.

use lotline_domain::error::FieldError;
use lotline_domain::passwords::check_password;
use lotline_domain::people::Permission;
use lotline_domain::users::check_idle_lock_minutes;
use lotline_domain::{ApiError, Event};
use lotline_store::queries::people::{self, SettingsView};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Empty;
use super::session::{Session, SignInInput, session_view, sign_in};
use crate::context::Ctx;
use crate::password::Hashing;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChangeMyPasswordInput {
    pub current_password: String,
    pub new_password: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UnlockSessionInput {
    pub password: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SetSessionPolicyInput {
    pub idle_lock_minutes: u32,
}

/// The signed-in person sets a new password, proving the current one: also the way out of a
/// sign-in that said they must.
pub async fn change_my_password(ctx: &Ctx, input: ChangeMyPasswordInput) -> Result<Session, ApiError> {
    let actor = ctx.actor()?;
    let stored = {
        let mut conn = ctx.read().await?;
        people::credential_of(&mut conn, &actor.user_id).await?
    };
    if !stored.is_some_and(|hash| Hashing::verify(&input.current_password, &hash)) {
        return Err(ApiError::field(FieldError::new("current_password", "error.user.current_password_wrong")));
    }
    check_password("new_password", &input.new_password).map_err(ApiError::field)?;
    if input.new_password == input.current_password {
        return Err(ApiError::field(FieldError::new("new_password", "error.user.password_unchanged")));
    }
    let tx = ctx.begin().await?;
    let credential = Event::UserPasswordSet {
        user_id: actor.user_id.clone(),
        password_hash: ctx.hashing.hash(&input.new_password)?,
    };
    ctx.commit(tx, vec![credential]).await?;
    ctx.update_session(|s| s.must_change_password = false);
    session_view(ctx, &actor.user_id).await
}

/// The UI's own idle timer ran out: the desk stays locked until `unlock_session`, even if the
/// window is reloaded.
pub async fn lock_session(ctx: &Ctx, _: Empty) -> Result<Empty, ApiError> {
    ctx.actor()?;
    ctx.update_session(|s| s.locked = true);
    Ok(Empty {})
}

/// The UI saw the person at work (typing a long form, say) without calling an act: the common
/// guard counts this like any act, so the backend's idle clock starts again.
pub async fn touch_session(ctx: &Ctx, _: Empty) -> Result<Empty, ApiError> {
    ctx.actor()?;
    Ok(Empty {})
}

/// The same person's password opens a locked session; wrong passwords count towards the
/// sign-in lockout as at sign-in. Someone else signs out and in as themselves.
pub async fn unlock_session(ctx: &Ctx, input: UnlockSessionInput) -> Result<Session, ApiError> {
    let actor = ctx.actor()?;
    sign_in(ctx, SignInInput { username: actor.username, password: input.password }).await
}

/// An administrator sets how long a session may sit idle.
pub async fn set_session_policy(ctx: &Ctx, input: SetSessionPolicyInput) -> Result<SettingsView, ApiError> {
    ctx.allowed(Permission::ManageUsers)?;
    check_idle_lock_minutes(input.idle_lock_minutes)?;
    let tx = ctx.begin().await?;
    ctx.commit(tx, vec![Event::SessionPolicySet { idle_lock_minutes: input.idle_lock_minutes }]).await?;
    let mut conn = ctx.read().await?;
    people::settings(&mut conn).await?.ok_or_else(|| ApiError::conflict("error.setup.needed"))
}
