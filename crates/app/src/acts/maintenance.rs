//! Rebuilding the projections from the event log and verifying the log: what an administrator
//! runs after a restore or when something looks wrong. Both need an administrator's sign-in,
//! since a rebuild makes whatever the log says the truth.

use lotline_domain::ApiError;
use lotline_domain::people::Permission;
use lotline_store::{CheckReport, ProjectionCounts};

use crate::context::{Ctx, store_error};

pub async fn rebuild_log(ctx: &Ctx) -> Result<ProjectionCounts, ApiError> {
    ctx.allowed(Permission::MaintainLog)?;
    lotline_store::rebuild(&ctx.store).await.map_err(store_error)
}

pub async fn check_log(ctx: &Ctx) -> Result<CheckReport, ApiError> {
    ctx.allowed(Permission::MaintainLog)?;
    lotline_store::check(&ctx.store).await.map_err(store_error)
}
