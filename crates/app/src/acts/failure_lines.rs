//! A failure's dispositions as lines: part of the failed quantity each, with an owner, a due
//! date and a completion of its own (scrap says how and by whom it was destroyed).

use lotline_domain::error::{FieldError, Violations};
use lotline_domain::failure::{self, LineCompletion, LineRequest};
use lotline_domain::people::Permission;
use lotline_domain::{ApiError, Event};
use lotline_store::queries::people;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Empty;
use super::failures::{FailureDetail, act_on};
use crate::context::Ctx;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AddDispositionLineInput {
    pub failure_no: String,
    pub line: LineRequest,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CompleteDispositionLineInput {
    pub failure_no: String,
    pub line_id: String,
    pub completion: LineCompletion,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ApproveDispositionLineInput {
    pub failure_no: String,
    pub line_id: String,
    pub note: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WithdrawDispositionLineInput {
    pub failure_no: String,
    pub line_id: String,
    pub reason: String,
}

/// Someone a line can be given to, or who destroyed or witnessed scrap.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Person {
    pub user_id: String,
    pub display_name: String,
}

/// The active users, by name: whom a line may be given to.
pub async fn list_people(ctx: &Ctx, _: Empty) -> Result<Vec<Person>, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    let mut users = people::list_users(&mut *ctx.read().await?).await?;
    users.retain(|u| u.active);
    users.sort_by_key(|u| u.display_name.to_lowercase());
    Ok(users.into_iter().map(|u| Person { user_id: u.id, display_name: u.display_name }).collect())
}

/// Each named user must be an active user of this desk's log.
async fn check_people(ctx: &Ctx, named: &[(&str, Option<&str>)]) -> Result<(), ApiError> {
    let mut conn = ctx.read().await?;
    let mut v = Violations::default();
    for (field, user_id) in named {
        let Some(id) = user_id.map(str::trim).filter(|id| !id.is_empty()) else { continue };
        let active = people::user_by_id(&mut conn, id).await?.is_some_and(|u| u.active);
        if !active {
            v.push(FieldError::new(*field, "error.failure.unknown_person").with("user_id", id));
        }
    }
    v.into_result()
}

pub async fn add_disposition_line(ctx: &Ctx, input: AddDispositionLineInput) -> Result<FailureDetail, ApiError> {
    ctx.allowed(Permission::ManageFailure)?;
    check_people(ctx, &[("owner_id", Some(&input.line.owner_id))]).await?;
    let line_id = uuid::Uuid::now_v7().to_string();
    act_on(ctx, &input.failure_no, |f| failure::decide_add_line(f, &line_id, &input.line)).await
}

pub async fn complete_disposition_line(
    ctx: &Ctx,
    input: CompleteDispositionLineInput,
) -> Result<FailureDetail, ApiError> {
    ctx.allowed(Permission::ManageFailure)?;
    if let Some(scrap) = &input.completion.scrap {
        check_people(
            ctx,
            &[("scrap.destroyed_by", Some(&scrap.destroyed_by)), ("scrap.witness_id", scrap.witness_id.as_deref())],
        )
        .await?;
    }
    act_on(ctx, &input.failure_no, |f| failure::decide_complete_line(f, &input.line_id, &input.completion)).await
}

pub async fn approve_disposition_line(
    ctx: &Ctx,
    input: ApproveDispositionLineInput,
) -> Result<FailureDetail, ApiError> {
    let actor = ctx.actor()?;
    let added_by = {
        let mut conn = ctx.read().await?;
        let events = lotline_store::load_stream(&mut conn, "failure", input.failure_no.trim()).await?;
        events
            .iter()
            .find(
                |e| matches!(&e.event, Event::FailureDispositionLineAdded { line_id, .. } if *line_id == input.line_id),
            )
            .and_then(|e| e.actor_id.clone())
    };
    act_on(ctx, &input.failure_no, |f| {
        failure::decide_approve_line(f, &input.line_id, &actor, &input.note, added_by.as_deref())
    })
    .await
}

pub async fn withdraw_disposition_line(
    ctx: &Ctx,
    input: WithdrawDispositionLineInput,
) -> Result<FailureDetail, ApiError> {
    ctx.allowed(Permission::ManageFailure)?;
    act_on(ctx, &input.failure_no, |f| failure::decide_withdraw_line(f, &input.line_id, &input.reason)).await
}
