//! The site's calendar: its time zone, which every "today" of a rule reads, and its holidays,
//! which every working-day deadline skips. Set at setup and kept by an administrator.

use lotline_domain::people::Permission;
use lotline_domain::site_time::{SiteCalendar, time_zone_names};
use lotline_domain::{ApiError, Event};
use lotline_store::queries::site_time::{computer_time_zone, site_calendar};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Empty;
use crate::context::Ctx;

/// The calendar in force and what the settings page offers.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SiteCalendarView {
    pub calendar: SiteCalendar,
    /// False while the zone is only this computer's (a desk upgraded from before site zones, or
    /// set up without choosing one): an administrator is asked to confirm it.
    pub confirmed: bool,
    /// The zone of this computer's operating system, offered at setup and in the banner.
    pub computer_time_zone: String,
    /// Today at the site, YYYY-MM-DD: what return windows and due dates count from.
    pub today: String,
    /// Every zone of the IANA database, sorted.
    pub time_zones: Vec<String>,
    /// Whether the person signed in may change it.
    pub may_edit: bool,
}

async fn view(ctx: &Ctx) -> Result<SiteCalendarView, ApiError> {
    let row = site_calendar(&mut *ctx.read().await?).await?;
    let today = row.calendar.day_at(ctx.now()).today.format("%Y-%m-%d").to_string();
    let may_edit = ctx.actor().is_ok_and(|a| a.may(Permission::ManageUsers));
    Ok(SiteCalendarView {
        calendar: row.calendar,
        confirmed: row.confirmed,
        computer_time_zone: computer_time_zone(),
        today,
        time_zones: time_zone_names(),
        may_edit,
    })
}

pub async fn get_site_calendar(ctx: &Ctx, _: Empty) -> Result<SiteCalendarView, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    view(ctx).await
}

/// An administrator saves the zone and holidays whole; saving the zone as it is confirms it.
pub async fn set_site_calendar(ctx: &Ctx, input: SiteCalendar) -> Result<SiteCalendarView, ApiError> {
    ctx.allowed(Permission::ManageUsers)?;
    let calendar = input.checked()?;
    let tx = ctx.begin().await?;
    ctx.commit(tx, vec![Event::SiteCalendarSet(calendar)]).await?;
    view(ctx).await
}

/// The zone chosen at setup, as the calendar's first save; none chosen leaves the computer's
/// zone to be confirmed later.
pub(crate) fn chosen_at_setup(time_zone: Option<&str>) -> Result<Option<Event>, ApiError> {
    let Some(zone) = time_zone.map(str::trim).filter(|z| !z.is_empty()) else { return Ok(None) };
    let calendar = SiteCalendar { time_zone: zone.to_owned(), holidays: Vec::new() }.checked()?;
    Ok(Some(Event::SiteCalendarSet(calendar)))
}
