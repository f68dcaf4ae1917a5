//! Stock locations as a list an administrator keeps (issue 20): a location typed freely
//! ("Stelling 4") used to become a new one silently; now an unknown one is refused by name.

use lotline_domain::error::FieldError;
use lotline_domain::people::Permission;
use lotline_domain::settings::Location;
use lotline_domain::{ApiError, Event};
use lotline_store::queries::master;
use sqlx::SqliteConnection;

use super::Empty;
use crate::context::{Ctx, store_error};

pub async fn list_locations(ctx: &Ctx, _: Empty) -> Result<Vec<Location>, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    master::locations(&mut *ctx.read().await?).await.map_err(store_error)
}

pub async fn save_location(ctx: &Ctx, input: Location) -> Result<Location, ApiError> {
    ctx.allowed(Permission::ManageLocations)?;
    let location = Location { code: input.code.trim().to_uppercase(), name: input.name.trim().to_owned(), ..input };
    location.violations().into_result()?;
    let tx = ctx.begin().await?;
    ctx.commit(tx, vec![Event::LocationSaved(location.clone())]).await?;
    Ok(location)
}

/// Refuses stock going to `code` (already trimmed and upper-cased) unless it is on the list;
/// `field` names the form's input, so the message sits under it.
pub(crate) async fn check_usable(conn: &mut SqliteConnection, field: &str, code: &str) -> Result<(), ApiError> {
    if code.is_empty() || master::location_usable(conn, code).await? {
        return Ok(());
    }
    Err(ApiError::field(FieldError::new(field, "error.location.unknown").with("location", code)))
}
