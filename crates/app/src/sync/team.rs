//! This desk and its team: enrolling with a one-time code, syncing with the server it enrolled
//! with, and what is waiting.

use lotline_domain::people::Permission;
use lotline_domain::{ApiError, FieldError};
use lotline_store::Enrolment;
use lotline_store::queries::people;
use lotline_sync::{EnrollRequest, SyncClient};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::http::{HttpTransport, transport_error};
use super::{SyncReport, sync_now};
use crate::context::{Ctx, store_error};

/// Joins a team: on an empty data folder (which then receives the team's data on its first
/// sync), or on a desk with data, which needs a local administrator signed in. Its numbers
/// carry the desk code the server gives from then on.
pub async fn enroll(ctx: &Ctx, server: &str, code: &str, site: Option<&str>) -> Result<Enrolment, ApiError> {
    let settings = {
        let mut conn = ctx.read().await?;
        if lotline_store::enrolment(&mut conn).await.map_err(store_error)?.is_some() {
            return Err(ApiError::conflict("error.sync.already_enrolled"));
        }
        people::settings(&mut conn).await.map_err(store_error)?
    };
    if settings.is_some() {
        ctx.allowed(Permission::ManageUsers)?;
    }
    let site = site.map(str::to_owned).or(settings.map(|s| s.site_code)).filter(|s| !s.trim().is_empty());
    let Some(site_code) = site else {
        return Err(ApiError::field(FieldError::new("site", "error.sync.site_needed")));
    };
    let client = SyncClient::new(server);
    let request = EnrollRequest { code: code.trim().to_owned(), desk_id: ctx.device_id.clone(), site_code };
    let answer = client.enroll(&request).await.map_err(|e| super::transport_error(transport_error(e)))?;
    let enrolment = Enrolment {
        server: server.trim_end_matches('/').to_owned(),
        team_id: answer.team_id,
        desk_code: answer.desk_code,
        token: answer.token,
    };
    lotline_store::record_enrolment(&ctx.store, &enrolment).await.map_err(store_error)?;
    Ok(enrolment)
}

/// Push, then pull until nothing is left, with the server this desk enrolled with.
pub async fn sync_with_team(ctx: &Ctx) -> Result<SyncReport, ApiError> {
    let enrolment = {
        let mut conn = ctx.read().await?;
        lotline_store::enrolment(&mut conn).await.map_err(store_error)?
    };
    let Some(enrolment) = enrolment else { return Err(ApiError::conflict("error.sync.not_enrolled")) };
    let transport = HttpTransport { client: SyncClient::new(&enrolment.server).with_token(&enrolment.token) };
    sync_now(ctx, &transport).await
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SyncStatus {
    pub server: Option<String>,
    /// The desk code the team gave this desk.
    pub desk: Option<String>,
    /// This desk's events the server has not taken yet.
    pub pending: i64,
}

pub async fn sync_status(ctx: &Ctx) -> Result<SyncStatus, ApiError> {
    let mut conn = ctx.read().await?;
    let enrolment = lotline_store::enrolment(&mut conn).await.map_err(store_error)?;
    let pending = match &enrolment {
        Some(_) => lotline_store::count_pending(&mut conn, &ctx.device_id).await.map_err(store_error)?,
        None => 0,
    };
    Ok(SyncStatus {
        server: enrolment.as_ref().map(|e| e.server.clone()),
        desk: enrolment.map(|e| e.desk_code),
        pending,
    })
}
