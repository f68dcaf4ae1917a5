//! Users and roles, managed by an admin.

use lotline_domain::error::{FieldError, Violations};
use lotline_domain::passwords::check_password;
use lotline_domain::people::{Language, Permission, Role};
use lotline_domain::users::{Account, check_new_user, check_roles, check_update, normalised_roles};
use lotline_domain::{ApiError, Event};
use lotline_store::queries::people::{self, UserView};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Empty;
use crate::context::{Ctx, store_error};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CreateUserInput {
    pub username: String,
    pub display_name: String,
    pub password: String,
    pub roles: Vec<Role>,
    pub language: Language,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UpdateUserInput {
    pub user_id: String,
    pub display_name: String,
    pub roles: Vec<Role>,
    pub active: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ResetPasswordInput {
    pub user_id: String,
    pub new_password: String,
}

pub async fn list_users(ctx: &Ctx, _: Empty) -> Result<Vec<UserView>, ApiError> {
    ctx.allowed(Permission::ManageUsers)?;
    let mut conn = ctx.read().await?;
    people::list_users(&mut conn).await.map_err(store_error)
}

pub async fn create_user(ctx: &Ctx, input: CreateUserInput) -> Result<UserView, ApiError> {
    ctx.allowed(Permission::ManageUsers)?;
    let username = input.username.trim().to_owned();
    let mut v = Violations::default();
    check_new_user(&mut v, "username", &username, "password", &input.password);
    lotline_domain::users::check_display_name(&mut v, "display_name", &input.display_name);
    check_roles(&mut v, &input.roles);
    v.into_result()?;
    let mut tx = ctx.begin().await?;
    if people::user_secret(&mut tx, &username).await?.is_some() {
        return Err(ApiError::field(FieldError::new("username", "error.user.taken").with("username", &username)));
    }
    let user_id = uuid::Uuid::now_v7().to_string();
    let event = Event::UserCreated {
        user_id: user_id.clone(),
        username,
        display_name: input.display_name.trim().to_owned(),
        roles: normalised_roles(input.roles),
        language: input.language,
        password_hash: None,
    };
    let credential =
        Event::UserPasswordSet { user_id: user_id.clone(), password_hash: ctx.hashing.hash(&input.password)? };
    ctx.commit(tx, vec![event, credential]).await?;
    user(ctx, &user_id).await
}

async fn user(ctx: &Ctx, user_id: &str) -> Result<UserView, ApiError> {
    let mut conn = ctx.read().await?;
    people::user_by_id(&mut conn, user_id).await?.ok_or_else(|| ApiError::not_found("user", user_id))
}

pub async fn update_user(ctx: &Ctx, input: UpdateUserInput) -> Result<UserView, ApiError> {
    let actor = ctx.allowed(Permission::ManageUsers)?;
    let mut v = Violations::default();
    lotline_domain::users::check_display_name(&mut v, "display_name", &input.display_name);
    check_roles(&mut v, &input.roles);
    v.into_result()?;
    let mut tx = ctx.begin().await?;
    let current = people::user_by_id(&mut tx, &input.user_id)
        .await?
        .ok_or_else(|| ApiError::not_found("user", &input.user_id))?;
    let event = Event::UserUpdated {
        user_id: input.user_id.clone(),
        display_name: input.display_name.trim().to_owned(),
        roles: normalised_roles(input.roles),
        active: input.active,
    };
    let account = Account { user_id: current.id.clone(), roles: current.roles.clone(), active: current.active };
    let admins = people::count_admins(&mut tx).await?;
    check_update(&account, &event, &actor.user_id, admins)?;
    ctx.commit(tx, vec![event]).await?;
    user(ctx, &input.user_id).await
}

pub async fn reset_password(ctx: &Ctx, input: ResetPasswordInput) -> Result<UserView, ApiError> {
    ctx.allowed(Permission::ManageUsers)?;
    check_password("new_password", &input.new_password).map_err(ApiError::field)?;
    let tx = ctx.begin().await?;
    user(ctx, &input.user_id).await?;
    let event = Event::UserPasswordReset {
        user_id: input.user_id.clone(),
        password_hash: ctx.hashing.hash(&input.new_password)?,
    };
    ctx.commit(tx, vec![event]).await?;
    user(ctx, &input.user_id).await
}
